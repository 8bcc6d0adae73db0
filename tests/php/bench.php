<?php
/*
 * What a forwarded event costs Mibew, next to a bare keep-alive php-curl
 * round trip to the same bridge (bench_bridge.py starts the bridge and
 * runs this).
 *
 *   php bench.php CONFIG.json EVENT ARGS.json [ITERATIONS]
 *
 * CONFIG is Mibew:GnomeBridge's configuration. Prints one JSON object with
 * the median, p90 and p99 in microseconds of:
 *
 *  - "php": triggerEvent with a plain PHP listener that makes the same
 *    kind of change (no bridge): the floor;
 *  - "health": a bare curl GET /v1/health on a kept-alive handle;
 *  - "bare_post": a bare curl POST /v1/events/EVENT of the arguments' JSON,
 *    encoded once beforehand, signed like the plugin does it, on a
 *    kept-alive handle (the bridge does the same work as for the plugin);
 *  - "forwarded": triggerEvent through the plugin: arguments to JSON,
 *    signed POST, answer written back into Mibew's objects.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

require __DIR__ . '/../../bindings-examples/php/harness/bootstrap.php';

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\BridgeClient;
use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Mibew\Plugin\GnomeBridge\Plugin;
use Mibew\Plugin\PluginManager;

$config = json_decode(file_get_contents($argv[1]), true);
$event = $argv[2];
$json = json_decode(file_get_contents($argv[3]), true);
$iterations = isset($argv[4]) ? (int)$argv[4] : 2000;
$warmup = max(50, intdiv($iterations, 10));

function stats(array $ns)
{
    sort($ns);
    $n = count($ns);
    $at = function ($q) use ($ns, $n) {
        return $ns[min($n - 1, (int)floor($q * $n))] / 1000;
    };

    return array('median_us' => $at(0.5), 'p90_us' => $at(0.9), 'p99_us' => $at(0.99), 'n' => $n);
}

$results = array();

// The floor: a PHP listener changing the message in Mibew's own dispatcher.
$php_plugin = new class(array()) extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface {
    protected $initialized = true;

    public function run()
    {
    }

    public function shout(&$args)
    {
        $args['message_body'] = mb_strtoupper($args['message_body']);
    }

    public static function getVersion()
    {
        return '1.0.0';
    }
};
EventDispatcher::getInstance()->attachListener('benchFloor', $php_plugin, 'shout');
$cases = array();
$cases['php'] = function () use ($event, $json) {
    $args = Codec::fromJson($event, $json);
    EventDispatcher::getInstance()->triggerEvent('benchFloor', $args);
};

// Bare curl, one kept-alive handle, the plugin's options.
$options = Plugin::checkOptions($config);
$handle = curl_init();
curl_setopt_array($handle, array(
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTP_VERSION => CURL_HTTP_VERSION_1_1,
    CURLOPT_TIMEOUT_MS => 5000,
    CURLOPT_NOSIGNAL => true,
    CURLOPT_TCP_NODELAY => true,
    CURLOPT_PROXY => '',
));
if ($options['socket'] !== null) {
    curl_setopt($handle, CURLOPT_UNIX_SOCKET_PATH, $options['socket']);
}
$sign = function ($method, $path, $body) use ($options) {
    static $n = 0;
    $headers = array('Accept: application/json', 'Expect:');
    if ($options['secret'] !== null) {
        $timestamp = sprintf('%.6f', microtime(true)) . sprintf('%03d', $n++ % 1000);
        $headers[] = 'X-Mibew-Timestamp: ' . $timestamp;
        $headers[] = 'X-Mibew-Signature: ' . BridgeClient::signature($options['secret'], $timestamp, $method, $path, $body);
    }

    return $headers;
};
$connects = array('health' => 0, 'bare_post' => 0);
$cases['health'] = function () use ($handle, $options, $sign, &$connects) {
    curl_setopt($handle, CURLOPT_URL, $options['url'] . '/v1/health');
    curl_setopt($handle, CURLOPT_HTTPHEADER, $sign('GET', '/v1/health', ''));
    curl_setopt($handle, CURLOPT_HTTPGET, true);
    if (curl_exec($handle) === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
        throw new RuntimeException('GET /v1/health failed: ' . curl_error($handle));
    }
    $connects['health'] += curl_getinfo($handle, CURLINFO_NUM_CONNECTS);
};

$body = Codec::encode($event, Codec::toJson($event, Codec::fromJson($event, $json)));
$cases['bare_post'] = function () use ($handle, $options, $sign, $body, $event, &$connects) {
    curl_setopt($handle, CURLOPT_URL, $options['url'] . '/v1/events/' . $event);
    $headers = $sign('POST', '/v1/events/' . $event, $body);
    $headers[] = 'Content-Type: application/json';
    curl_setopt($handle, CURLOPT_HTTPHEADER, $headers);
    curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
    $answer = curl_exec($handle);
    if ($answer === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
        throw new RuntimeException('POST failed: ' . curl_error($handle) . ' ' . $answer);
    }
    $connects['bare_post'] += curl_getinfo($handle, CURLINFO_NUM_CONNECTS);
    json_decode($answer, true);
};

// Through the plugin (its own kept-alive handle).
$config['log_interval'] = 0;
PluginManager::getInstance()->loadPlugins(array('Mibew:GnomeBridge' => $config));
$plugin = PluginManager::getInstance()->getPlugin('Mibew:GnomeBridge');
if (!in_array($event, $plugin->getAttachedEvents(), true)) {
    fwrite(STDERR, "bench.php: the bridge has no listener for $event\n");
    exit(1);
}
$check = Codec::fromJson($event, $json);
EventDispatcher::getInstance()->triggerEvent($event, $check);
if (Codec::toJson($event, $check) === Codec::toJson($event, Codec::fromJson($event, $json))) {
    fwrite(STDERR, "bench.php: the event came back unchanged: is the bridge answering?\n");
    exit(1);
}
$cases['forwarded'] = function () use ($event, $json) {
    $args = Codec::fromJson($event, $json);
    EventDispatcher::getInstance()->triggerEvent($event, $args);
};
// Building the arguments is the caller's, not the bridge's: measured alone
// and taken off.
$cases['build_args'] = function () use ($event, $json) {
    Codec::fromJson($event, $json);
};

// Round robin, so that drift (CPU frequency, the bridge's caches) is
// shared by all.
$times = array_fill_keys(array_keys($cases), array());
for ($i = 0; $i < $warmup + $iterations; $i++) {
    foreach ($cases as $name => $once) {
        $start = hrtime(true);
        $once();
        $elapsed = hrtime(true) - $start;
        if ($i >= $warmup) {
            $times[$name][] = $elapsed;
        }
    }
}
curl_close($handle);
foreach ($times as $name => $ns) {
    $results[$name] = stats($ns);
}
$results['connections_opened'] = $connects;

$forwarded = $results['forwarded']['median_us'] - $results['build_args']['median_us'];
$results['ratio_forwarded_to_bare_post'] = $forwarded / $results['bare_post']['median_us'];
$results['ratio_forwarded_to_health'] = $forwarded / $results['health']['median_us'];
echo json_encode($results, JSON_PRETTY_PRINT), "\n";
