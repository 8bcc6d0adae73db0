<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * HTTP client of the bridge (`mibew-events serve`, MibewBridgeServer).
 *
 * One curl handle per bridge and process, reused for every call, so that
 * the connection stays open between events (HTTP/1.1 keep-alive over TCP or
 * a Unix-domain socket). Requests are signed when a secret is configured:
 * X-Mibew-Timestamp (unix seconds) and X-Mibew-Signature
 * "sha256=" . hex HMAC-SHA256(secret, timestamp . "\n" . METHOD . " " . path
 * . "\n" . body), see signature().
 */
final class BridgeClient
{
    /** @var array Curl handles by bridge, shared by the clients of a process. */
    private static $handles = array();

    /** @var string Base URL without a trailing slash. */
    private $baseUrl;

    /** @var string|null Unix-domain socket path. */
    private $socket;

    /** @var string|null Shared secret. */
    private $secret;

    /** @var int */
    private $timeoutMs;

    /** @var int */
    private $connectTimeoutMs;

    /** @var string */
    private $key;

    /** @var array Bridge => [requests made, connections opened]. */
    private static $counts = array();

    /** @var array The last timestamp used: [seconds, nanoseconds]. */
    private static $lastTimestamp = array(0, 0);

    /**
     * @param array $options 'url', 'socket' (or null), 'secret' (or null),
     *   'timeout' and 'connect_timeout' (seconds, floats).
     */
    public function __construct(array $options)
    {
        $this->baseUrl = rtrim($options['url'], '/');
        $this->socket = isset($options['socket']) && $options['socket'] !== '' ? $options['socket'] : null;
        $this->secret = isset($options['secret']) && $options['secret'] !== '' ? $options['secret'] : null;
        $this->timeoutMs = max(1, (int)round($options['timeout'] * 1000));
        $this->connectTimeoutMs = max(1, (int)round($options['connect_timeout'] * 1000));
        $this->key = $this->baseUrl . '|' . $this->socket;
    }

    /**
     * Triggers an event on the bridge.
     *
     * @param string $event Mibew's event name.
     * @param string $body The arguments' JSON text.
     * @return array The changed arguments, decoded (JSON objects as arrays).
     * @throws BridgeException
     */
    public function trigger($event, $body)
    {
        $answer = $this->request('POST', '/v1/events/' . rawurlencode($event), $body);
        if (!is_array($answer)) {
            throw new BridgeException(BridgeException::PROTOCOL, 'the answer is not a JSON object', 200);
        }

        return $answer;
    }

    /**
     * The events that have at least one listener on the bridge
     * (GET /v1/events).
     *
     * @return string[] Event names.
     * @throws BridgeException
     */
    public function listenedEvents()
    {
        $doc = $this->request('GET', '/v1/events');
        $items = (is_array($doc) && isset($doc['events']) && is_array($doc['events'])) ? $doc['events'] : $doc;
        if (!is_array($items)) {
            throw new BridgeException(BridgeException::PROTOCOL, 'GET /v1/events: not a list of events', 200);
        }
        $events = array();
        foreach ($items as $key => $item) {
            if (is_array($item)) {
                $name = isset($item['name']) ? $item['name'] : (isset($item['event']) ? $item['event'] : $key);
                $count = 0;
                foreach (array('listeners', 'listener_count', 'n_listeners', 'listenerCount') as $field) {
                    if (isset($item[$field])) {
                        $count = is_array($item[$field]) ? count($item[$field]) : (int)$item[$field];
                        break;
                    }
                }
            } else {
                // {"eventName": count}
                $name = $key;
                $count = (int)$item;
            }
            if (is_string($name) && $count > 0) {
                $events[] = $name;
            }
        }

        return $events;
    }

    /**
     * GET /v1/health (used by the benchmark as the bare round trip).
     *
     * @return mixed
     * @throws BridgeException
     */
    public function health()
    {
        return $this->request('GET', '/v1/health');
    }

    /**
     * The X-Mibew-Signature of a request (docs/bridge.md, "Authentication"):
     * "sha256=" . hex HMAC-SHA256(secret, timestamp . "\n" . METHOD . " " .
     * path . "\n" . body). It covers the method and the path, so a signed
     * request cannot be sent to another event; the framing is unambiguous
     * since neither a timestamp nor a method nor a path holds a line feed.
     *
     * @param string $secret
     * @param string $timestamp The X-Mibew-Timestamp sent with it.
     * @param string $method 'GET', 'HEAD' or 'POST'.
     * @param string $path The request's path, without a query string.
     * @param string $body The body as sent ('' for a GET).
     * @return string
     */
    public static function signature($secret, $timestamp, $method, $path, $body)
    {
        return 'sha256=' . hash_hmac('sha256', $timestamp . "\n" . $method . ' ' . $path . "\n" . $body, $secret);
    }

    /**
     * One request: the decoded JSON answer of a 2xx, a BridgeException
     * otherwise.
     *
     * @param string $method 'GET' or 'POST'.
     * @param string $path
     * @param string|null $body
     * @return mixed
     * @throws BridgeException
     */
    public function request($method, $path, $body = null)
    {
        $handle = $this->handle();
        // "Expect:" turns off curl's 100-continue round trip for bodies over
        // 1 KiB.
        $headers = array('Accept: application/json', 'Expect:');
        if ($method === 'POST') {
            $headers[] = 'Content-Type: application/json';
        }
        if ($this->secret !== null) {
            $timestamp = self::timestamp();
            $headers[] = 'X-Mibew-Timestamp: ' . $timestamp;
            $headers[] = 'X-Mibew-Signature: '
                . self::signature($this->secret, $timestamp, $method, $path, (string)$body);
        }
        curl_setopt($handle, CURLOPT_URL, $this->baseUrl . $path);
        curl_setopt($handle, CURLOPT_HTTPHEADER, $headers);
        if ($method === 'POST') {
            curl_setopt($handle, CURLOPT_POSTFIELDS, (string)$body);
        } else {
            curl_setopt($handle, CURLOPT_HTTPGET, true);
        }

        $text = curl_exec($handle);
        self::$counts[$this->key][0]++;
        self::$counts[$this->key][1] += (int)curl_getinfo($handle, CURLINFO_NUM_CONNECTS);
        if ($text === false) {
            $errno = curl_errno($handle);
            $message = $errno === CURLE_OPERATION_TIMEDOUT
                ? sprintf('no answer within %d ms (%s)', $this->timeoutMs, curl_error($handle))
                : curl_error($handle);
            throw new BridgeException(BridgeException::TRANSPORT, sprintf('%s %s: %s', $method, $path, $message));
        }
        $status = (int)curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        $doc = json_decode($text, true);
        if ($status < 200 || $status >= 300) {
            $code = '';
            $message = sprintf('%s %s: HTTP %d', $method, $path, $status);
            if (is_array($doc) && isset($doc['error']) && is_array($doc['error'])) {
                $code = isset($doc['error']['code']) ? (string)$doc['error']['code'] : '';
                $message .= sprintf(
                    ' %s: %s',
                    $code,
                    isset($doc['error']['message']) ? (string)$doc['error']['message'] : ''
                );
            }
            throw new BridgeException(BridgeException::HTTP, $message, $status, $code);
        }
        if ($doc === null && json_last_error() !== JSON_ERROR_NONE) {
            throw new BridgeException(
                BridgeException::PROTOCOL,
                sprintf('%s %s: the answer is not JSON (%s)', $method, $path, json_last_error_msg()),
                $status
            );
        }

        return $doc;
    }

    /**
     * Unix seconds with nine decimals, never the same twice: the bridge
     * refuses a signature it has seen (a replay), and two events with the
     * same arguments in one second must not look like one. The last three
     * digits are the process's, for PHP-FPM's workers.
     */
    private static function timestamp()
    {
        $now = gettimeofday();
        $seconds = $now['sec'];
        $nanoseconds = $now['usec'] * 1000 + getmypid() % 1000;
        list($last_seconds, $last_nanoseconds) = self::$lastTimestamp;
        if ($seconds < $last_seconds || ($seconds === $last_seconds && $nanoseconds <= $last_nanoseconds)) {
            $seconds = $last_seconds;
            $nanoseconds = $last_nanoseconds + 1000;
            if ($nanoseconds >= 1000000000) {
                $seconds++;
                $nanoseconds -= 1000000000;
            }
        }
        self::$lastTimestamp = array($seconds, $nanoseconds);

        return sprintf('%d.%09d', $seconds, $nanoseconds);
    }

    /**
     * How many requests this process made to the bridge, and how many
     * connections it opened for them (1 when the connection was kept alive
     * throughout).
     *
     * @return array ['requests' => int, 'connections' => int]
     */
    public function getCounts()
    {
        $counts = isset(self::$counts[$this->key]) ? self::$counts[$this->key] : array(0, 0);

        return array('requests' => $counts[0], 'connections' => $counts[1]);
    }

    /**
     * Closes the connection (the next request opens a new one).
     */
    public function close()
    {
        if (isset(self::$handles[$this->key])) {
            curl_close(self::$handles[$this->key]);
            unset(self::$handles[$this->key]);
        }
    }

    private function handle()
    {
        if (isset(self::$handles[$this->key])) {
            return self::$handles[$this->key];
        }
        $handle = curl_init();
        $options = array(
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTP_VERSION => CURL_HTTP_VERSION_1_1,
            CURLOPT_TIMEOUT_MS => $this->timeoutMs,
            CURLOPT_CONNECTTIMEOUT_MS => $this->connectTimeoutMs,
            // Sub-second timeouts need it with curl's default resolver.
            CURLOPT_NOSIGNAL => true,
            CURLOPT_TCP_NODELAY => true,
            CURLOPT_FOLLOWLOCATION => false,
            // The bridge is local: never through an http_proxy from the
            // environment.
            CURLOPT_PROXY => '',
        );
        if ($this->socket !== null) {
            $options[CURLOPT_UNIX_SOCKET_PATH] = $this->socket;
        }
        curl_setopt_array($handle, $options);
        self::$handles[$this->key] = $handle;
        if (!isset(self::$counts[$this->key])) {
            self::$counts[$this->key] = array(0, 0);
        }

        return $handle;
    }
}
