<?php
/*
 * replay-session.php: the PHP half of run-demo. A short Mibew session
 * replayed through Mibew's EventDispatcher (the php-cli harness) with the
 * Mibew:GnomeBridge plugin forwarding the events to a running
 * `mibew-events serve` that hosts the example plugins.
 *
 *   php replay-session.php --socket PATH --secret-file FILE --server-log FILE --work-dir DIR
 *
 * The harness loads Mibew:GnomeBridge as Mibew loads its plugins (the
 * plugin asks GET /v1/events and attaches to the events that have
 * listeners there), then every event is triggered as Mibew's core triggers
 * it: the same event names, the same arguments (Thread objects, Symfony
 * Requests, plain arrays for the rest; built here from their JSON form by
 * the plugin's Codec, as tests/php do). For each event the script prints
 * what PHP passed, whether the plugin forwarded it (the requests it made),
 * and what came back: every value that changed, before → after.
 *
 * Who changed what: the bridge's answer holds the changed arguments, not
 * who changed them. The script compares before and after and names the
 * plugin by the example plugins' documented behaviour (the table below:
 * bindings-examples/plugins/*.plugin and their sources), limited to the
 * plugins the server's log says are active, and checks the count of
 * listeners GET /v1/events gave for the event against that table. At the
 * end it reads the server's /metrics to show which events reached it.
 *
 * Exits 1 when an expected effect is missing or something failed (the
 * plugin logged an error, the metrics disagree, a listener failed).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

require __DIR__ . '/../harness/bootstrap.php';
require __DIR__ . '/bridge-request.php';

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Plugin\PluginManager;

const JSON_OUT = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION;

// The example plugins, as their documentation describes them: the events
// each one listens to on the bridge's dispatcher.
const PLUGINS = array(
    'Demo:Filter' => array(
        'language' => 'C',
        'module' => 'libdemo-filter.so',
        'events' => array('threadPostMessage'),
    ),
    'Demo:Microtime' => array(
        'language' => 'Python',
        'module' => 'demo_microtime.py',
        'events' => array('threadFunctionCall', 'widgetResponseAlter'),
    ),
    'Demo:Waiting' => array(
        'language' => 'JavaScript',
        'module' => 'demo_waiting.js',
        'events' => array('usersUpdateThreadsAlter'),
    ),
);

$opts = getopt('', array('socket:', 'secret-file:', 'server-log:', 'work-dir:'));
foreach (array('socket', 'secret-file', 'server-log', 'work-dir') as $name) {
    if (!isset($opts[$name]) || !is_string($opts[$name])) {
        fwrite(STDERR, "usage: php replay-session.php --socket PATH --secret-file FILE --server-log FILE --work-dir DIR\n");
        exit(2);
    }
}
$socket = $opts['socket'];
$secret = demo_read_secret($opts['secret-file']);
$work_dir = $opts['work-dir'];

// What the plugin logs (error_log) goes to a file that must stay empty.
$php_log = $work_dir . '/php-error.log';
ini_set('log_errors', '1');
ini_set('error_log', $php_log);

$failures = array();
$effects = array();   // [what, present]

function out($format, ...$values)
{
    echo vsprintf($format, $values), "\n";
}

function expect_effect($what, $present)
{
    global $effects;
    $effects[] = array($what, (bool)$present);
    out('    %s expected: %s', $present ? '✓' : '✗ MISSING,', $what);
}

function show($value)
{
    return json_encode($value, JSON_OUT);
}

/* The changes from $before to $after (JSON forms decoded with objects as
 * stdClass, so that {} and [] stay apart): [path, before, after, kind],
 * kind 'added', 'removed' or 'changed'. Objects are compared key by key,
 * lists of the same length item by item; other lists and scalars as
 * wholes. */
function changes($before, $after, $path = '')
{
    if (is_object($before) && is_object($after)) {
        $b = get_object_vars($before);
        $a = get_object_vars($after);
        $list = array();
        foreach ($b as $key => $value) {
            $sub = $path === '' ? (string)$key : "$path.$key";
            if (!array_key_exists($key, $a)) {
                $list[] = array($sub, $value, null, 'removed');
            } else {
                $list = array_merge($list, changes($value, $a[$key], $sub));
            }
        }
        foreach ($a as $key => $value) {
            if (!array_key_exists($key, $b)) {
                $list[] = array($path === '' ? (string)$key : "$path.$key", null, $value, 'added');
            }
        }

        return $list;
    }
    if (is_array($before) && is_array($after) && count($before) === count($after)) {
        $list = array();
        foreach ($before as $i => $value) {
            $list = array_merge($list, changes($value, $after[$i], $path === '' ? (string)$i : "$path.$i"));
        }

        return $list;
    }

    return show($before) === show($after) ? array() : array(array($path, $before, $after, 'changed'));
}

/* The value at PATH ("a.b.0") of a decoded JSON form, or null. */
function at($value, $path)
{
    foreach (explode('.', $path) as $key) {
        if (is_object($value) && property_exists($value, $key)) {
            $value = $value->$key;
        } elseif (is_array($value) && array_key_exists((int)$key, $value)) {
            $value = $value[(int)$key];
        } else {
            return null;
        }
    }

    return $value;
}

// ---------------------------------------------------------------------
// Mibew starts a request: it loads its plugins.

$server_log = (string)@file_get_contents($opts['server-log']);
$active = array();
if (preg_match('/(\d+) plugins? active: (.*)$/m', $server_log, $m)) {
    $active = array_map('trim', explode(',', $m[2]));
}
out('The server (mibew-events serve) logged: %s', $m[0] ?? 'no plugin active');
foreach (PLUGINS as $name => $plugin) {
    out('  %-15s %-10s %-18s listens to %s (documented)%s', $name, $plugin['language'], $plugin['module'],
        implode(', ', $plugin['events']), in_array($name, $active, true) ? '' : ' — NOT ACTIVE');
    if (!in_array($name, $active, true)) {
        $failures[] = "$name is not active on the server";
    }
}
if (preg_match_all('/^.*Plugin \S+ skipped: .*$/m', $server_log, $skipped)) {
    foreach ($skipped[0] as $line) {
        out('  server: %s', $line);
    }
}

$listeners = array();
list($status, $body) = demo_bridge_get($socket, $secret, '/v1/events');
foreach ($status === 200 ? json_decode($body, true)['events'] : array() as $item) {
    if ($item['listeners'] > 0) {
        $listeners[$item['name']] = $item['listeners'];
    }
}

$config = array('Mibew:GnomeBridge' => array(
    'url' => 'http://localhost',
    'socket' => $socket,
    'secret_file' => $opts['secret-file'],
    'timeout' => 2.0,
    'cache_file' => $work_dir . '/gnome-bridge-cache.json',
));
PluginManager::getInstance()->loadPlugins($config);
$manager = PluginManager::getInstance();
if (!$manager->hasPlugin('Mibew:GnomeBridge')) {
    out('Mibew:GnomeBridge did not load (see above)');
    exit(1);
}
$bridge = $manager->getPlugin('Mibew:GnomeBridge');
$dispatcher = EventDispatcher::getInstance();
out('');
out('Mibew (PHP %s, php-cli harness) loaded Mibew:GnomeBridge: unix:%s, requests signed with the secret', PHP_VERSION, $socket);
out('  GET /v1/events: listeners on %s', implode(', ', array_map(
    function ($e) use ($listeners) {
        return sprintf('%s (%d)', $e, $listeners[$e]);
    },
    array_keys($listeners)
)) ?: 'no event');
out('  the plugin attached to: %s; every other event costs Mibew nothing', implode(', ', $bridge->getAttachedEvents()));
out('');
out('Who changed what: the bridge answers with the changed arguments only, not with who changed them.');
out('Each change below is attributed to the active plugin documented to listen to that event (the');
out('table above, from bindings-examples/plugins/), and the listener count of GET /v1/events is');
out('checked against that table; /metrics at the end confirms which events reached the server.');

$forwarded = array();   // event => requests

/* Triggers $event as Mibew's core does and prints what happened; returns
 * the arguments' JSON form after the listeners (decoded, objects as
 * stdClass). */
function trigger($event, $what, array $json, $shown)
{
    global $bridge, $dispatcher, $forwarded, $listeners, $active, $failures;

    $args = Codec::fromJson($event, $json);        // what Mibew passes
    // the JSON form, as the plugin sends it (objects stay objects)
    $before = json_decode(Codec::encode($event, Codec::toJson($event, $args)));
    $requests = $bridge->getCounts()['requests'];
    $dispatcher->triggerEvent($event, $args);
    $requests = $bridge->getCounts()['requests'] - $requests;
    $after = json_decode(Codec::encode($event, Codec::toJson($event, $args)));

    out('  [%s] %s', $event, $what);
    foreach ($shown as $path) {
        out('    PHP passed  %s: %s', $path, show(at($before, $path)));
    }
    if ($requests === 0) {
        out('    not forwarded: no listener on the bridge (no request made); the arguments stay as they are');

        return $after;
    }
    $forwarded[$event] = ($forwarded[$event] ?? 0) + $requests;
    $who = array();
    foreach (PLUGINS as $name => $plugin) {
        if (in_array($event, $plugin['events'], true) && in_array($name, $active, true)) {
            $who[] = $name;
        }
    }
    out('    forwarded: POST /v1/events/%s (%d request), %d listener(s) on the bridge', $event, $requests,
        $listeners[$event] ?? 0);
    if (count($who) !== ($listeners[$event] ?? 0)) {
        $failures[] = sprintf('%s: %d listener(s) on the bridge, documented: %s', $event,
                              $listeners[$event] ?? 0, implode(', ', $who) ?: 'none');
    }
    $list = changes($before, $after);
    if ($list === array()) {
        out('    came back unchanged');
    }
    foreach ($list as list($path, $old, $new, $kind)) {
        $tag = count($who) === 1
            ? sprintf('%-10s %s', PLUGINS[$who[0]]['language'], $who[0])
            : 'by one of ' . implode(', ', $who);
        if ($kind === 'added') {
            out('    %s  %s: + %s', $tag, $path, show($new));
        } elseif ($kind === 'removed') {
            out('    %s  %s: removed (was %s)', $tag, $path, show($old));
        } else {
            out('    %s  %s: %s → %s', $tag, $path, show($old), show($new));
        }
    }

    return $after;
}

function act($text)
{
    out('');
    out('%s', $text);
}

// ---------------------------------------------------------------------
// The session. Values as Mibew has them (MySQL's numeric strings in
// visitors, integers in threads); times around 14 November 2023.

const BASE = 'https://chat.shop.example.com';
$clock = 1700000000;

$visitor = array(
    'visitorid' => '17',
    'userid' => '1700000000.4471190236',
    'username' => 'Guest',
    'firsttime' => (string)$clock,
    'lasttime' => (string)$clock,
    'entry' => 'https://shop.example.com/lamps/aurora',
    'details' => array(
        'user_agent' => 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0',
        'remote_host' => '203.0.113.7',
    ),
    'invitations' => '0',
    'chats' => '0',
    'threadid' => null,
);

function widget_request($visitor, $rnd)
{
    $query = array(
        'entry' => $visitor['entry'],
        'referrer' => 'https://www.example.org/search?q=aurora+lamp',
        'user_id' => $visitor['userid'],
        'callback' => 'Mibew.Objects.widget.onResponse',
        'rnd' => $rnd,
    );

    return array(
        'method' => 'GET',
        'uri' => BASE . '/widget?' . http_build_query($query),
        'path' => '/widget',
        'query' => $query,
        'headers' => array(
            'host' => 'chat.shop.example.com',
            'user-agent' => $visitor['details']['user_agent'],
            'accept' => '*/*',
            'referer' => $visitor['entry'],
        ),
        'cookies' => array('MIBEW_UserID' => $visitor['userid'], 'MIBEW_VisitorID' => $visitor['visitorid']),
        'body' => null,
    );
}

/* The widget polls; WidgetController triggers widgetResponseAlter with
 * what the core put into the response, then sends it. Returns the
 * response sent. */
function widget_poll($visitor, $response, $rnd, $what)
{
    $after = trigger('widgetResponseAlter', $what, array(
        'visitor' => $visitor,
        'request' => widget_request($visitor, $rnd),
        'response' => $response,
        'route_url_generator' => array('base_url' => BASE),
        'asset_url_generator' => array('base_url' => BASE),
    ), array('response.handlers', 'response.load'));
    out('    => sent to the widget: handlers %s', show($after->response->handlers));

    return $after->response;
}

function check_widget($response, $when)
{
    expect_effect(
        "$when: the usefulFunc handler, loading the_lib and the_func, with {time} (Demo:Microtime, Python)",
        in_array('usefulFunc', $response->handlers, true)
        && at($response, 'dependencies.usefulFunc') === array('the_lib', 'the_func')
        && at($response, 'load.the_lib') !== null
        && at($response, 'load.the_func') === BASE . '/plugins/Demo/Microtime/js/func.js'
        && is_numeric(at($response, 'data.usefulFunc.time'))
    );
}

act('1. A visitor lands on the shop\'s Aurora lamp page; the widget tracks her');
trigger('visitorCreate', 'visitor #17, first visit', array('visitor' => $visitor), array('visitor.visitorid', 'visitor.entry'));
trigger('visitorTrack', 'visitor #17 on the lamp page', array('visitor' => $visitor), array('visitor.lasttime'));
$response = widget_poll($visitor, array(
    'load' => array(),
    'handlers' => array('updateUserId'),
    'dependencies' => array('updateUserId' => array()),
    'data' => array('user' => array('id' => $visitor['userid'])),
), '0.4312987715', 'the widget on her page asks what to do');
check_widget($response, 'first poll');

act('2. She opens the chat, introduces herself as Ann Smith and waits for an operator');
$clock += 60;
$thread = array(
    'id' => 42, 'lastRevision' => 1201, 'state' => 0, 'invitationState' => 0, 'lastToken' => 98213,
    'nextAgent' => 0, 'groupId' => 1, 'shownMessageId' => 0, 'messageCount' => 0,
    'created' => $clock, 'modified' => $clock, 'closed' => 0, 'chatStarted' => 0,
    'agentId' => 0, 'agentName' => '', 'agentTyping' => false, 'lastPingAgent' => 0,
    'locale' => 'en', 'userId' => $visitor['userid'], 'userName' => 'Ann Smith', 'userTyping' => false,
    'lastPingUser' => $clock, 'remote' => '203.0.113.7', 'referer' => $visitor['entry'],
    'userAgent' => $visitor['details']['user_agent'],
);
trigger('threadCreate', 'thread #42, Ann Smith, in the queue', array('thread' => $thread), array('thread.id', 'thread.state'));
$thread['messageCount'] = 1;
trigger('threadUserIsReady', 'thread #42: the survey is done', array('thread' => $thread), array('thread.userName'));

act('3. Operator Alex takes the chat; messages are posted (Thread::postMessage triggers threadPostMessage before storing each)');
$thread = array_merge($thread, array('state' => 2, 'agentId' => 3, 'agentName' => 'Alex',
                                     'chatStarted' => $clock + 35, 'nextAgent' => 0));
$message_id = 0;
$post = function ($kind, $name, $body) use (&$thread, &$clock, &$message_id) {
    $clock += 20;
    $options = array('name' => $name, 'created' => $clock);
    if ($kind === 2) {
        $options['operator_id'] = 3;
    }
    $after = trigger('threadPostMessage', sprintf('%s: “%s”', $kind === 1 ? 'Ann Smith' : 'Alex', $body), array(
        'thread' => $thread,
        'message_kind' => $kind,
        'message_body' => $body,
        'message_options' => $options,
    ), array());
    $thread['messageCount']++;
    out('    => stored as message #%d: “%s”', ++$message_id, $after->message_body);

    return $after;
};
$clean = $post(1, 'Ann Smith', 'Hi! I ordered the Aurora lamp last week (order #1042) and it has not arrived yet.');
expect_effect('a clean message is stored as it was posted',
              $clean->message_body === 'Hi! I ordered the Aurora lamp last week (order #1042) and it has not arrived yet.');
$post(2, 'Alex', 'Hello Ann, I\'m Alex. Let me check that for you.');
$rude = $post(1, 'Ann Smith', 'What the heck, it is a darn birthday present!');
expect_effect('“heck” and “darn” masked in the stored message (Demo:Filter, C)',
              $rude->message_body === 'What the ****, it is a **** birthday present!');
$post(2, 'Alex', 'Sorry about that! Your lamp ships today, with free express shipping.');

act('4. The operators\' list is refreshed');
$after = trigger('usersUpdateThreadsAlter', '2 threads: #42 Ann Smith (chatting), #43 Guest (in the queue)', array('threads' => array(
    array('id' => 42, 'token' => 98213, 'userId' => $visitor['userid'], 'userName' => 'Ann Smith',
          'userIp' => '203.0.113.7', 'remote' => '203.0.113.7', 'userAgent' => 'Firefox 115.0',
          'agentId' => 3, 'agentName' => 'Alex', 'canOpen' => false, 'canView' => true, 'canBan' => true,
          'ban' => false, 'state' => 2, 'totalTime' => 1700000060, 'waitingTime' => 1700000095,
          'firstMessage' => 'Hi! I ordered the Aurora lamp last week (order #1042) and it has not arrived yet.'),
    array('id' => 43, 'token' => 40517, 'userId' => '1700000100.0d9e4f11aa', 'userName' => 'Guest',
          'userIp' => '198.51.100.23', 'remote' => '198.51.100.23', 'userAgent' => 'Chrome 119.0',
          'agentId' => 0, 'agentName' => '', 'canOpen' => true, 'canView' => true, 'canBan' => true,
          'ban' => false, 'state' => 0, 'totalTime' => 1700000100, 'waitingTime' => 1700000140,
          'firstMessage' => 'Do you ship to Norway?'),
)), array('threads.0.userName', 'threads.1.userName'));

$waiting = array_map(function ($t) {
    return $t->waitingLabel ?? null;
}, $after->threads);
out('    => the operators see: %s', implode(', ', array_map(function ($t, $label) {
    return sprintf('#%d %s', $t->id, $label ?? '(no label)');
}, $after->threads, $waiting)));
expect_effect('the thread in the queue labelled with its waiting time, the chatting one not (Demo:Waiting, JavaScript)',
              $waiting === array(null, 'waiting since 22:15:40 UTC'));

act('5. Ann\'s chat window calls an API function the core does not know: microtime');
$after = trigger('threadFunctionCall', 'ThreadProcessor calls “microtime” with as_float', array(
    'request_processor' => array('kind' => 'thread'),
    'function' => 'microtime',
    'arguments' => array('as_float' => true, 'return' => array('time' => 'serverTime'), 'references' => array()),
    'results' => array(),
), array('function', 'arguments', 'results'));
$time = at($after, 'results.time');
out('    => the chat window gets serverTime = %s', show($time));
expect_effect('results.time, a float of seconds (Demo:Microtime, Python)',
              is_float($time) && abs($time - microtime(true)) < 60);

act('6. The widget on Ann\'s page polls again');
$response = widget_poll($visitor, array('load' => array(), 'handlers' => array(), 'dependencies' => array(), 'data' => array()),
                        '0.9137064820', 'nothing new from the core this time');
check_widget($response, 'second poll');

act('7. Ann leaves; the thread is closed');
$thread = array_merge($thread, array('state' => 3, 'closed' => $clock + 30, 'modified' => $clock + 30));
trigger('threadClose', 'thread #42 closed', array('thread' => $thread), array('thread.state', 'thread.messageCount'));

// ---------------------------------------------------------------------
out('');
$counts = $bridge->getCounts();
out('Mibew:GnomeBridge made %d requests to the bridge (GET /v1/events, then %d events) on %d connection(s)',
    $counts['requests'], array_sum($forwarded), $counts['connections']);

list($status, $metrics) = demo_bridge_get($socket, $secret, '/metrics');
$served = array();
$listener_failures = 0;
if ($status !== 200) {
    $failures[] = "GET /metrics: HTTP $status";
}
foreach (explode("\n", $status === 200 ? $metrics : '') as $line) {
    if (preg_match('/^mibew_bridge_events_total\{(.*)\} (\d+)$/', $line, $m)) {
        preg_match_all('/(\w+)="([^"]*)"/', $m[1], $labels, PREG_SET_ORDER);
        $l = array();
        foreach ($labels as $label) {
            $l[$label[1]] = $label[2];
        }
        if ((int)$m[2] > 0) {
            $served[$l['event'] . ' ' . $l['status']] = (int)$m[2];
        }
    } elseif (preg_match('/^mibew_bridge_listener_failures_total(\{.*\})? (\d+)$/', $line, $m)) {
        $listener_failures += (int)$m[2];
    }
}
ksort($served);
out('The server\'s /metrics: events served %s; %d listener failure(s)',
    implode(', ', array_map(function ($k, $v) {
        return "$k ×$v";
    }, array_keys($served), $served)) ?: 'none', $listener_failures);
$expected_served = array();
foreach ($forwarded as $event => $n) {
    $expected_served["$event 200"] = $n;
}
ksort($expected_served);
if ($served !== $expected_served) {
    $failures[] = 'the metrics do not match the requests the plugin made: ' . show($expected_served);
}
if ($listener_failures > 0) {
    $failures[] = "$listener_failures listener(s) failed on the server";
}
$logged = trim((string)@file_get_contents($php_log));
if ($logged !== '') {
    $failures[] = "PHP logged:\n$logged";
}

$present = count(array_filter($effects, function ($e) {
    return $e[1];
}));
out('%d of %d expected effects present', $present, count($effects));
foreach ($failures as $failure) {
    out('FAILED: %s', $failure);
}
exit($present === count($effects) && $failures === array() ? 0 : 1);
