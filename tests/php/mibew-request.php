<?php
/*
 * One Mibew request in php-cli, for test_bridge.py: loads Mibew plugins
 * with the harness's PluginManager (as Mibew does at the start of every
 * request), triggers events with the arguments Mibew would pass, and
 * prints what happened as JSON.
 *
 *   php mibew-request.php PLAN.json
 *
 * PLAN: {"plugins": {"Mibew:GnomeBridge": {...}, "Test:Observer": {...}},
 *        "error_log": FILE, "triggers": [{"event": E, "args": {...}}, ...]}
 *
 * Output: {"load_ms": ..., "attached": [...], "bridge_counts": {"requests",
 * "connections"}, "results": [{"event",
 * "elapsed_ms", "args" (JSON form after the listeners), "types" (PHP
 * class or type of each argument), "same_objects" (key => whether the
 * object is still the one Mibew passed), "observed" (what Test:Observer
 * saw, if it listened)}]}
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

putenv('MIBEW_HARNESS_PLUGIN_DIRS=' . __DIR__ . '/plugins');
require __DIR__ . '/../../bindings-examples/php/harness/bootstrap.php';

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Plugin\PluginManager;
use Test\Mibew\Plugin\Observer\Plugin as Observer;

$plan = json_decode(file_get_contents($argv[1]), true);
if (!is_array($plan)) {
    fwrite(STDERR, "mibew-request.php: the plan is not JSON\n");
    exit(2);
}
if (isset($plan['error_log'])) {
    ini_set('log_errors', '1');
    ini_set('error_log', $plan['error_log']);
}

$start = hrtime(true);
PluginManager::getInstance()->loadPlugins($plan['plugins']);
$load_ms = (hrtime(true) - $start) / 1e6;
$manager = PluginManager::getInstance();
$bridge = $manager->hasPlugin('Mibew:GnomeBridge') ? $manager->getPlugin('Mibew:GnomeBridge') : null;

$results = array();
foreach ($plan['triggers'] as $trigger) {
    $event = $trigger['event'];
    $args = Codec::fromJson($event, $trigger['args']);
    $objects = array();
    foreach ($args as $key => $value) {
        if (is_object($value)) {
            $objects[$key] = $value;
        }
    }
    $seen_before = count(Observer::$seen);

    $start = hrtime(true);
    EventDispatcher::getInstance()->triggerEvent($event, $args);
    $elapsed_ms = (hrtime(true) - $start) / 1e6;

    $types = array();
    foreach ($args as $key => $value) {
        $types[$key] = is_object($value) ? get_class($value) : gettype($value);
    }
    $same = array();
    foreach ($objects as $key => $object) {
        $same[$key] = isset($args[$key]) && $args[$key] === $object;
    }
    $observed = array_slice(Observer::$seen, $seen_before);
    foreach ($observed as &$record) {
        // The observer saw the very objects Mibew's caller holds.
        $same_objects = array();
        foreach ($record['ids'] as $key => $id) {
            $same_objects[$key] = isset($args[$key]) && is_object($args[$key])
                && spl_object_id($args[$key]) === $id;
        }
        $record['same_objects'] = (object)$same_objects;
        $record['types'] = (object)$record['types'];
        unset($record['ids']);
        // JSON objects where the JSON form has them, as for 'args' below.
        $record['args'] = json_decode(Codec::encode($event, $record['args']));
    }
    unset($record);

    $results[] = array(
        'event' => $event,
        'elapsed_ms' => $elapsed_ms,
        'args' => json_decode(Codec::encode($event, Codec::toJson($event, $args))),
        'types' => (object)$types,
        'same_objects' => (object)$same,
        'observed' => $observed,
    );
}

echo json_encode(array(
    'load_ms' => $load_ms,
    'attached' => $bridge ? $bridge->getAttachedEvents() : array(),
    'bridge_counts' => $bridge ? $bridge->getCounts() : null,
    'results' => $results,
), Codec::JSON_FLAGS), "\n";
