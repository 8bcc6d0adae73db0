<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * A call to the bridge that did not give an answer to use.
 */
class BridgeException extends \RuntimeException
{
    /** The bridge could not be reached, or did not answer in time. */
    const TRANSPORT = 'transport';
    /** The bridge answered with an error status. */
    const HTTP = 'http';
    /** The bridge answered something that is not the expected JSON. */
    const PROTOCOL = 'protocol';

    /** @var string One of the constants above. */
    private $kind;

    /** @var int The HTTP status (0 for transport errors). */
    private $status;

    /** @var string The error code from the bridge's error body, if any. */
    private $errorCode;

    public function __construct($kind, $message, $status = 0, $error_code = '')
    {
        parent::__construct($message);
        $this->kind = $kind;
        $this->status = (int)$status;
        $this->errorCode = (string)$error_code;
    }

    public function getKind()
    {
        return $this->kind;
    }

    public function getStatus()
    {
        return $this->status;
    }

    public function getErrorCode()
    {
        return $this->errorCode;
    }

    /**
     * Tells whether the bridge as a whole is unusable for now (down, hung,
     * refusing our signature, overloaded), rather than this one call
     * failing: then no event is forwarded until the retry interval is over.
     */
    public function bridgeUnavailable()
    {
        return $this->kind === self::TRANSPORT
            || ($this->kind === self::HTTP && in_array($this->status, array(401, 502, 503, 504), true));
    }
}
