<?php
/*
 * bridge-request.php: one signed request to a mibew-events bridge on a
 * Unix-domain socket, for run-demo (which waits with it until the server
 * answers GET /v1/health) and for replay-session.php (GET /metrics).
 *
 *   php bridge-request.php SOCKET SECRET-FILE PATH
 *
 * Prints the answer's body and exits 0 on a 2xx answer; exits 1 (with a
 * message on stderr) when the socket does not answer or the answer is not
 * a 2xx. The signature is the bridge's (docs/bridge.md, "Authentication"):
 * X-Mibew-Timestamp, X-Mibew-Signature:
 * sha256=HMAC(secret, ts . "\n" . METHOD . " " . path . "\n" . body).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * GET PATH from the bridge on SOCKET, signed with SECRET.
 *
 * @return array [HTTP status (0: no answer), body or curl's error message]
 */
function demo_bridge_get($socket, $secret, $path)
{
    static $serial = 0;
    // a fresh timestamp per request: the bridge refuses replayed signatures
    $timestamp = sprintf('%.6F%03d', microtime(true), (getmypid() + $serial++) % 1000);
    $handle = curl_init('http://localhost' . $path);
    curl_setopt_array($handle, array(
        CURLOPT_UNIX_SOCKET_PATH => $socket,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT_MS => 2000,
        CURLOPT_PROXY => '',
        CURLOPT_HTTPHEADER => array(
            'X-Mibew-Timestamp: ' . $timestamp,
            'X-Mibew-Signature: sha256=' . hash_hmac('sha256', $timestamp . "\nGET " . $path . "\n", $secret),
        ),
    ));
    $body = curl_exec($handle);
    $status = (int)curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
    if ($body === false) {
        $body = curl_error($handle);
        $status = 0;
    }
    curl_close($handle);

    return array($status, $body);
}

/** The secret as the bridge reads it: the trailing line break dropped. */
function demo_read_secret($file)
{
    $secret = @file_get_contents($file);

    return $secret === false ? null : rtrim($secret, "\r\n");
}

if (realpath($_SERVER['SCRIPT_FILENAME']) === __FILE__) {
    if ($argc !== 4) {
        fwrite(STDERR, "usage: php bridge-request.php SOCKET SECRET-FILE PATH\n");
        exit(2);
    }
    $secret = demo_read_secret($argv[2]);
    if ($secret === null) {
        fwrite(STDERR, "bridge-request.php: cannot read $argv[2]\n");
        exit(2);
    }
    list($status, $body) = demo_bridge_get($argv[1], $secret, $argv[3]);
    if ($status < 200 || $status >= 300) {
        fwrite(STDERR, sprintf("bridge-request.php: GET %s: %s\n", $argv[3],
                               $status === 0 ? $body : "HTTP $status $body"));
        exit(1);
    }
    echo rtrim($body, "\n"), "\n";
}
