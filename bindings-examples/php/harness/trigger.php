<?php
/*
 * mibew-events PHP harness: triggers one Mibew event through Mibew plugins.
 *
 *   php trigger.php [--config FILE] [--repeat N] EVENT [ARGS.json|-]
 *
 * FILE is JSON: the "plugins" section of Mibew's config.yml, as an object
 * ({"Mibew:GnomeBridge": {"url": "http://127.0.0.1:8931"}}); without it the
 * GnomeBridge plugin is loaded with its defaults. ARGS is the event's
 * arguments in their JSON form (tests/data/events/EVENT.json); they are
 * turned into what Mibew passes (Thread objects, Symfony's Request, ...),
 * the event is triggered N times (1 by default) with new arguments each
 * time, and the arguments the listeners left are printed in their JSON form.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

require __DIR__ . '/bootstrap.php';

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Plugin\PluginManager;

$configs = array('Mibew:GnomeBridge' => array());
$repeat = 1;
$positional = array();
for ($i = 1; $i < $argc; $i++) {
    if ($argv[$i] === '--config' && $i + 1 < $argc) {
        $configs = json_decode(file_get_contents($argv[++$i]), true);
        if (!is_array($configs)) {
            fwrite(STDERR, "trigger.php: the configuration is not a JSON object\n");
            exit(2);
        }
    } elseif ($argv[$i] === '--repeat' && $i + 1 < $argc) {
        $repeat = max(1, (int)$argv[++$i]);
    } else {
        $positional[] = $argv[$i];
    }
}
if (count($positional) < 1 || count($positional) > 2) {
    fwrite(STDERR, "usage: php trigger.php [--config FILE] [--repeat N] EVENT [ARGS.json|-]\n");
    exit(2);
}
$event = $positional[0];
$text = (isset($positional[1]) && $positional[1] !== '-')
    ? file_get_contents($positional[1])
    : (isset($positional[1]) ? stream_get_contents(STDIN) : '{}');
$json = json_decode($text, true);
if (!is_array($json)) {
    fwrite(STDERR, "trigger.php: the arguments are not a JSON object\n");
    exit(1);
}

PluginManager::getInstance()->loadPlugins($configs);
$dispatcher = EventDispatcher::getInstance();
for ($n = 0; $n < $repeat; $n++) {
    $args = Codec::fromJson($event, $json);
    $dispatcher->triggerEvent($event, $args);
}
echo Codec::encode($event, Codec::toJson($event, $args)), "\n";
