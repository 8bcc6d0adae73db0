<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's interface.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Routing\Generator;

use Symfony\Component\Routing\Generator\UrlGeneratorInterface;

/**
 * Symfony's URL generator, plus URLs forced to HTTPS.
 */
interface SecureUrlGeneratorInterface extends UrlGeneratorInterface
{
    public function generateSecure($name, $parameters = array(), $referenceType = self::ABSOLUTE_PATH);
}
