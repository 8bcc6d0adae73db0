<?php
/*
 * Unit tests of the GnomeBridge plugin's conversions, in PHP alone:
 * Mibew's objects to and from the JSON form of every event.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

require __DIR__ . '/tap.php';
require __DIR__ . '/../../bindings-examples/php/harness/bootstrap.php';

use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Mibew\Plugin\GnomeBridge\EventTable;

$data = getenv('MIBEW_EVENTS_DATA') ?: __DIR__ . '/../data/events';

function doc($event)
{
    global $data;

    return file_get_contents($data . '/' . $event . '.json');
}

/** The document as canonical JSON text: objects stay objects. */
function canonical($text)
{
    return json_encode(json_decode($text), Codec::JSON_FLAGS);
}

function args_of($event)
{
    return Codec::fromJson($event, json_decode(doc($event), true));
}

/** A bridge answer: the sent form with $change applied. */
function answer($event, array $args, callable $change)
{
    $sent = Codec::toJson($event, $args);
    // Through JSON text and back, as the answer comes.
    $answer = json_decode(Codec::encode($event, $sent), true);
    $change($answer);

    return array($sent, $answer);
}

// --------------------------------------------------------------------
Tap::group('round trip');

$expected_classes = array(
    'Thread' => 'Mibew\Thread',
    'Ban' => 'Mibew\Ban',
    'Request' => 'Symfony\Component\HttpFoundation\Request',
    'RouteCollection' => 'Symfony\Component\Routing\RouteCollection',
    'Fragment' => 'Canteen\HTML5\Fragment',
    'ButtonGenerator' => 'Mibew\Button\Generator\GeneratorInterface',
    'RouteUrlGenerator' => 'Mibew\Routing\Generator\SecureUrlGeneratorInterface',
    'AssetUrlGenerator' => 'Mibew\Asset\Generator\UrlGeneratorInterface',
);

$files = glob($data . '/*.json');
Tap::is(count($files), 41, 'there are 41 documents');
foreach ($files as $file) {
    $event = basename($file, '.json');
    Tap::ok(EventTable::has($event), "$event is in the event table");
    $text = file_get_contents($file);
    $args = Codec::fromJson($event, json_decode($text, true));

    $wrong = array();
    foreach ($args as $key => $value) {
        $type = EventTable::type($event, $key);
        if (isset($expected_classes[$type]) && !($value instanceof $expected_classes[$type])) {
            $wrong[] = "$key is " . (is_object($value) ? get_class($value) : gettype($value));
        }
    }
    if ($event === 'threadFunctionCall') {
        if (!($args['request_processor'] instanceof \Mibew\RequestProcessor\ThreadProcessor)) {
            $wrong[] = 'request_processor is not the ThreadProcessor';
        }
    }
    if ($event === 'usersFunctionCall') {
        if (!($args['request_processor'] instanceof \Mibew\RequestProcessor\UsersProcessor)) {
            $wrong[] = 'request_processor is not the UsersProcessor';
        }
    }
    Tap::ok(!$wrong, "$event: arguments are Mibew's objects", implode("\n", $wrong));

    $out = Codec::encode($event, Codec::toJson($event, $args));
    if ($text === "[]\n") {
        // operatorLogout: PHP's array() is both [] and {}; the arguments go
        // out as an object.
        Tap::is($out, '{}', "$event: back to JSON, {} for PHP's empty array");
    } else {
        Tap::is($out, canonical($text), "$event: back to the same JSON");
    }

    // The answer "unchanged" changes nothing, objects stay the same objects.
    $ids = array();
    foreach ($args as $key => $value) {
        if (is_object($value)) {
            $ids[$key] = spl_object_id($value);
        }
    }
    $sent = Codec::toJson($event, $args);
    $changed = Codec::apply($event, $args, $sent, json_decode($out, true));
    Tap::is($changed, array(), "$event: an unchanged answer changes nothing");
    $same = true;
    foreach ($ids as $key => $id) {
        $same = $same && spl_object_id($args[$key]) === $id;
    }
    Tap::ok($same, "$event: objects stay the same objects");
}

// --------------------------------------------------------------------
Tap::group('Thread');

$args = args_of('threadUpdate');
$thread = $args['thread'];
$original = $args['original_thread'];
list($sent, $answer) = answer('threadUpdate', $args, function (&$a) {
    $a['thread']['userName'] = 'Jürgen W.';
    $a['thread']['x_geo'] = array('country' => 'DE');
    // The bridge may give numbers where PHP had numeric strings.
    foreach ($a['original_thread'] as $key => $value) {
        if (is_string($value) && ctype_digit($value)) {
            $a['original_thread'][$key] = (int)$value;
        }
    }
});
$changed = Codec::apply('threadUpdate', $args, $sent, $answer);
Tap::is($changed, array('thread'), 'only the thread changed (numbers for numeric strings are no change)');
Tap::ok($args['thread'] === $thread, 'the Thread is updated in place');
Tap::is($thread->userName, 'Jürgen W.', 'userName changed');
Tap::is($thread->id, 4821, 'id kept');
Tap::ok($args['original_thread'] === $original, 'original_thread is the same object');
Tap::is($original->state, '1', 'numeric strings kept ("1")');
Tap::is($original->lastToken, '58214737', 'numeric strings kept ("58214737")');
$again = Codec::toJson('threadUpdate', $args);
Tap::is($again['thread']['x_geo'], array('country' => 'DE'), 'a key the Thread class has no property for survives the next conversion');
Tap::ok(!property_exists($thread, 'x_geo'), '... without a dynamic property');

$args = args_of('threadPostMessage');
list($sent, $answer) = answer('threadPostMessage', $args, function (&$a) {
    $a['thread']['agentTyping'] = 0;          // false before: same for Mibew
    $a['thread']['messageCount'] = 5;
    $a['message_kind'] = 4;
    $a['message_body'] = 'Hallo!';
    $a['message_options']['data']['quote'] = null;
});
Codec::apply('threadPostMessage', $args, $sent, $answer);
Tap::is($args['thread']->agentTyping, false, '0 for false is no change: false kept');
Tap::is($args['thread']->messageCount, 5, 'messageCount changed');
Tap::is($args['message_kind'], 4, 'message_kind replaced');
Tap::is($args['message_body'], 'Hallo!', 'message_body replaced');
Tap::is($args['message_options']['data']['quote'], null, 'message_options replaced');
Tap::is($args['message_options']['operator_id'], 3, 'message_options keeps its other values');

// --------------------------------------------------------------------
Tap::group('Ban');

$args = args_of('banUpdate');
$ban = $args['ban'];
list($sent, $answer) = answer('banUpdate', $args, function (&$a) {
    $a['ban']['comment'] = 'gesperrt';
    $a['original_ban']['till'] = 1764086900;  // "1764086900" before
});
Tap::is(Codec::apply('banUpdate', $args, $sent, $answer), array('ban'), 'only the ban changed');
Tap::ok($args['ban'] === $ban && $ban->comment === 'gesperrt', 'the Ban is updated in place');
Tap::is($args['original_ban']->till, '1764086900', 'numeric string kept');

// --------------------------------------------------------------------
Tap::group('out slots');

$args = args_of('operatorAuthenticate');
list($sent, $answer) = answer('operatorAuthenticate', $args, function (&$a) {
    $a['operator'] = null;
});
Codec::apply('operatorAuthenticate', $args, $sent, $answer);
Tap::is($args['operator'], false, 'operator: null for the placeholder false keeps false');

$operator = json_decode(doc('operatorLogin'), true)['operator'];
list($sent, $answer) = answer('operatorAuthenticate', $args, function (&$a) use ($operator) {
    $a['operator'] = $operator;
});
Codec::apply('operatorAuthenticate', $args, $sent, $answer);
Tap::is($args['operator'], $operator, 'operator: filled with the array');

$args = args_of('resourceNotFound');
$request = $args['request'];
list($sent, $answer) = answer('resourceNotFound', $args, function (&$a) {
    $a['response'] = array(
        'status' => 410,
        'headers' => array('content-type' => 'text/plain; charset=UTF-8', 'x-served-by' => 'gnome'),
        'content' => 'Gone 🪦',
    );
});
Codec::apply('resourceNotFound', $args, $sent, $answer);
$response = $args['response'];
Tap::ok($response instanceof \Symfony\Component\HttpFoundation\Response, 'response: a Symfony Response');
Tap::is($response->getStatusCode(), 410, 'status');
Tap::is($response->getContent(), 'Gone 🪦', 'content');
Tap::is($response->headers->get('X-Served-By'), 'gnome', 'headers');
Tap::is($response->headers->get('Content-Type'), 'text/plain; charset=UTF-8', 'content type');
Tap::ok($args['request'] === $request, 'the request stays the same object');
list($sent, $answer) = answer('resourceNotFound', $args, function (&$a) {
    $a['response']['status'] = 451;
});
Codec::apply('resourceNotFound', $args, $sent, $answer);
Tap::ok($args['response'] === $response && $response->getStatusCode() === 451, 'a Response is updated in place');
list($sent, $answer) = answer('resourceNotFound', $args, function (&$a) {
    $a['response'] = null;
});
Codec::apply('resourceNotFound', $args, $sent, $answer);
Tap::ok($args['response'] === $response, 'null does not take a Response back');

$args = args_of('resourceAccessDenied');
list($sent, $answer) = answer('resourceAccessDenied', $args, function (&$a) {
    $a['response'] = false;
});
Tap::is(Codec::apply('resourceAccessDenied', $args, $sent, $answer), array(), 'response false stays false');
Tap::is($args['response'], false, '... and is false');

$args = args_of('usersUpdateVisitorsLoad');
list($sent, $answer) = answer('usersUpdateVisitorsLoad', $args, function (&$a) {
    $a['visitors'] = array();
});
Codec::apply('usersUpdateVisitorsLoad', $args, $sent, $answer);
Tap::is($args['visitors'], array(), 'visitors: false becomes an (empty) array: the default loader is not run');

// --------------------------------------------------------------------
Tap::group('Fragment');

$args = args_of('buttonGenerate');
$button = $args['button'];
$generator = $args['generator'];
Tap::is((string)$button, json_decode(doc('buttonGenerate'), true)['button'], 'the Fragment prints the document\'s markup');
list($sent, $answer) = answer('buttonGenerate', $args, function (&$a) {
    $a['button'] = '<div class="gnome">' . $a['button'] . '</div>';
    $a['generator']['options']['title'] = 'Chat';
});
Codec::apply('buttonGenerate', $args, $sent, $answer);
Tap::ok($args['button'] === $button, 'the Fragment is updated in place');
Tap::ok(strpos((string)$button, '<div class="gnome"><!-- mibew button -->') === 0, 'and prints the new markup');
Tap::ok($args['generator'] === $generator, 'the generator stays the same object');
Tap::is($generator->getOption('title'), 'Chat', 'a changed option is set with setOption()');
Tap::is($generator->getOption('locale'), 'de', 'the other options stay');

$args['button'] = 'plain string';
list($sent, $answer) = answer('buttonGenerate', $args, function (&$a) {
    $a['button'] = 'changed string';
});
Codec::apply('buttonGenerate', $args, $sent, $answer);
Tap::is($args['button'], 'changed string', 'a button a PHP listener made a string stays a string');

// --------------------------------------------------------------------
Tap::group('RouteCollection');

$args = args_of('routesAlter');
$routes = $args['routes'];
$license = $routes->get('license');
list($sent, $answer) = answer('routesAlter', $args, function (&$a) {
    $a['routes']['license']['path'] = '/lizenz';
    $a['routes']['users']['requirements'] = array('x' => '\d+');
    unset($a['routes']['button']);
    $a['routes']['gnome_status'] = array(
        'path' => '/gnome/status',
        'defaults' => array('_controller' => 'Gnome\StatusController::indexAction'),
        'requirements' => array(),
        'methods' => array('GET'),
    );
});
Codec::apply('routesAlter', $args, $sent, $answer);
Tap::ok($args['routes'] === $routes, 'the RouteCollection is updated in place');
Tap::ok($routes->get('license') === $license && $license->getPath() === '/lizenz', 'a changed route is the same Route, changed');
Tap::is($routes->get('users')->getRequirements(), array('x' => '\d+'), 'requirements changed');
Tap::ok($routes->get('button') === null, 'a removed route is gone');
Tap::ok($routes->get('gnome_status') instanceof \Symfony\Component\Routing\Route, 'an added route is a Route');
Tap::is($routes->get('gnome_status')->getMethods(), array('GET'), '... with its methods');
$names = array_keys($routes->all());
Tap::is($names, array_keys($answer['routes']), 'the routes are in the answer\'s order');

list($sent, $answer) = answer('routesAlter', $args, function (&$a) {
    $a['routes'] = array_reverse($a['routes'], true);
});
Codec::apply('routesAlter', $args, $sent, $answer);
Tap::is(array_keys($routes->all()), array_keys($answer['routes']), 'a new order is kept');

// --------------------------------------------------------------------
Tap::group('Request');

$args = args_of('widgetResponseAlter');
$request = $args['request'];
$request->attributes->set('_route', 'widget_gateway');
Tap::is($request->query->get('user_id'), '1763999874.4471190236', 'query');
Tap::is($request->headers->get('accept-language'), 'ru-RU,ru;q=0.9,en;q=0.6', 'headers');
Tap::is($request->cookies->get('MIBEW_VisitorID'), '1190', 'cookies');
Tap::is($request->getPathInfo(), '/widget', 'path');
Tap::ok($request->isSecure(), 'https');
list($sent, $answer) = answer('widgetResponseAlter', $args, function (&$a) {
    $a['request']['headers']['x-gnome'] = 'yes';
    $a['request']['query']['locale'] = 'ru';
});
Codec::apply('widgetResponseAlter', $args, $sent, $answer);
Tap::ok($args['request'] === $request, 'the Request is updated in place');
Tap::is($request->headers->get('X-Gnome'), 'yes', 'a header added');
Tap::is($request->server->get('HTTP_X_GNOME'), 'yes', '... in the server bag too');
Tap::is($request->query->get('locale'), 'ru', 'a query parameter added');
Tap::is($request->attributes->get('_route'), 'widget_gateway', 'attributes stay (plugins read "_route")');
Tap::is($request->getPathInfo(), '/widget', 'the path stays');

$args = args_of('resourceAccessDenied');
Tap::is($args['request']->getMethod(), 'POST', 'POST');
Tap::is($args['request']->request->get('login'), 'marek', 'a form body fills the request bag');
Tap::is($args['request']->getContent(), json_decode(doc('resourceAccessDenied'), true)['request']['body'], 'the body is the content');

$json = json_decode(doc('pageAddCss'), true)['request'];
$json['uri'] = 'https://example.com/mibew/operator/users?x=1&a=2';
$json['headers']['host'] = 'example.com';
$json['query'] = array('x' => '1', 'a' => '2');
$request = Codec::fromJson('pageAddCss', array('request' => $json))['request'];
Tap::is($request->getPathInfo(), '/operator/users', 'Mibew in a folder: the path is the route\'s');
Tap::is($request->getBasePath(), '/mibew', '... and the base path the folder');
Tap::is(Codec::toJson('pageAddCss', array('request' => $request))['request']['uri'], $json['uri'], 'the URI as sent, query not sorted');

// --------------------------------------------------------------------
Tap::group('lists');

$args = args_of('threadGetMessagesAlter');
list($sent, $answer) = answer('threadGetMessagesAlter', $args, function (&$a) {
    array_splice($a['messages'], 1, 1);                  // drop the second
    $a['messages'][0]['message'] = 'Willkommen!';
    foreach ($a['messages'] as &$message) {
        $message['sentiment'] = 'neutral';
    }
});
Codec::apply('threadGetMessagesAlter', $args, $sent, $answer);
Tap::is(count($args['messages']), 11, 'a message removed');
Tap::is($args['messages'][0]['message'], 'Willkommen!', 'a message changed');
Tap::is($args['messages'][3]['sentiment'], 'neutral', 'a key added to every message');
Tap::is(Codec::toJson('threadGetMessagesAlter', $args)['messages'][0]['data'], null, 'null data stays null');

$args = args_of('usersUpdateThreadsAlter');
list($sent, $answer) = answer('usersUpdateThreadsAlter', $args, function (&$a) {
    // "real ban": drop the banned, and numbers for every numeric string.
    $a['threads'] = array_values(array_filter($a['threads'], function ($t) {
        return $t['ban'] === false;
    }));
    foreach ($a['threads'] as &$t) {
        foreach ($t as $k => $v) {
            if (is_string($v) && ctype_digit($v)) {
                $t[$k] = (int)$v;
            }
        }
    }
});
Codec::apply('usersUpdateThreadsAlter', $args, $sent, $answer);
Tap::is(count($args['threads']), 9, 'the banned thread is gone');
$by_id = array();
foreach ($args['threads'] as $t) {
    $by_id[(string)$t['id']] = $t;
}
Tap::is($by_id['4836']['id'], '4836', 'entries are matched by id: numeric strings kept');
Tap::is($by_id['4836']['agentId'], '5', '... in every field');
Tap::is($by_id['4836']['canOpen'], 0, '... and 0/1 flags');
Tap::is($by_id['4837']['state'], '0', 'another entry keeps its numeric string');
Tap::is($by_id['4821']['geo']['lat'], 48.1372, 'floats kept');

$args = args_of('pageAddCss');
list($sent, $answer) = answer('pageAddCss', $args, function (&$a) {
    $a['css'][] = 'plugins/Gnome/css/dark.css';
});
Codec::apply('pageAddCss', $args, $sent, $answer);
Tap::is(end($args['css']), 'plugins/Gnome/css/dark.css', 'an asset appended');
Tap::is($args['css'][1], array('content' => 'plugins/Mibew/GoogleMaps/css/styles.css', 'type' => 'relative', 'weight' => 500), 'the others stay');

// The bridge's listeners see (and send back) every asset in the long form.
$args = args_of('pageAddCss');
list($sent, $answer) = answer('pageAddCss', $args, function (&$a) {
    foreach ($a['css'] as &$asset) {
        if (is_string($asset)) {
            $asset = array('content' => $asset, 'type' => 'relative', 'weight' => 500);
        }
    }
});
Tap::is(Codec::apply('pageAddCss', $args, $sent, $answer), array(), 'the long form of a short asset is no change');
list($sent, $answer) = answer('pageAddCss', $args, function (&$a) {
    foreach ($a['css'] as &$asset) {
        if (is_string($asset)) {
            $asset = array('content' => $asset, 'type' => 'relative', 'weight' => 500);
        }
    }
    $a['css'][] = array('content' => 'plugins/Gnome/css/new.css', 'type' => 'relative', 'weight' => 500);
    $a['css'][] = array('content' => 'plugins/Gnome/css/late.css', 'type' => 'relative', 'weight' => 900);
});
Codec::apply('pageAddCss', $args, $sent, $answer);
Tap::is($args['css'][0], 'plugins/Mibew/Boilerplate/css/styles.css', 'a short asset stays short');
Tap::is($args['css'][1]['type'], 'relative', 'a long one stays long');
Tap::is($args['css'][4], 'plugins/Gnome/css/new.css', 'a new relative asset of weight 500 is written short, as a PHP plugin would');
Tap::is($args['css'][5], array('content' => 'plugins/Gnome/css/late.css', 'type' => 'relative', 'weight' => 900), 'another weight needs the long form');

// --------------------------------------------------------------------
Tap::group('function calls');

$args = args_of('usersFunctionCall');
$processor = $args['request_processor'];
list($sent, $answer) = answer('usersFunctionCall', $args, function (&$a) {
    $a['results'] = array('country' => 'Deutschland', 'city' => 'München', 'latitude' => 48.1372, 'longitude' => 11.5756);
    $a['request_processor']['x_debug'] = true;
});
Codec::apply('usersFunctionCall', $args, $sent, $answer);
Tap::is($args['results']['city'], 'München', 'results replaced');
Tap::ok($args['request_processor'] === $processor, 'the request processor is the same object');
Tap::is(Codec::toJson('usersFunctionCall', $args)['request_processor'], array('kind' => 'users', 'x_debug' => true), 'its extra keys are kept for the next conversion');
Tap::is(Codec::encode('usersFunctionCall', array('results' => array(), 'arguments' => array('return' => array(), 'references' => array()))),
    '{"results":{},"arguments":{"return":{},"references":{}}}', 'empty results, return and references go out as {}');

// --------------------------------------------------------------------
Tap::group('widget response and URL generators');

$args = args_of('widgetResponseAlter');
$route_generator = $args['route_url_generator'];
$asset_generator = $args['asset_url_generator'];
Tap::is($asset_generator->generate('plugins/Acme/Useful/js/func.js', true), 'https://chat.example.com/plugins/Acme/Useful/js/func.js', 'the asset URL generator generates the seed\'s URL');
Tap::is($route_generator->getContext()->getHost(), 'chat.example.com', 'the route URL generator\'s context');
list($sent, $answer) = answer('widgetResponseAlter', $args, function (&$a) {
    $a['response']['load']['gnome'] = 'https://chat.example.com/plugins/Gnome/js/gnome.js';
    $a['response']['handlers'][] = 'gnomeHello';
    $a['response']['dependencies']['gnomeHello'] = array('gnome');
    $a['response']['data']['gnomeHello'] = array('time' => 1764001205.5);
    $a['asset_url_generator']['base_url'] = 'https://cdn.example.com:8443/chat';
});
Codec::apply('widgetResponseAlter', $args, $sent, $answer);
Tap::is(end($args['response']['handlers']), 'gnomeHello', 'a handler added');
Tap::is($args['response']['data']['gnomeHello'], array('time' => 1764001205.5), 'its data');
Tap::is($args['response']['data']['usefulFunc'], array('time' => 1764001205.4183), 'the other data stays');
Tap::ok($args['asset_url_generator'] === $asset_generator, 'the asset URL generator is updated in place');
Tap::is($asset_generator->generate('x.js', true), 'https://cdn.example.com:8443/chat/x.js', '... with the new base URL');
Tap::is(Codec::encode('widgetResponseAlter', array('response' => array('load' => array(), 'handlers' => array(), 'dependencies' => array(), 'data' => array()))),
    '{"response":{"load":{},"handlers":[],"dependencies":{},"data":{}}}', 'an empty widget response has its objects');

// --------------------------------------------------------------------
Tap::group('same');

Tap::ok(Codec::same('17', 17), '"17" is 17');
Tap::ok(Codec::same(0, false) && Codec::same(1, true), '0/1 are false/true');
Tap::ok(!Codec::same(2, true), '2 is not true');
Tap::ok(Codec::same(1.0, 1), '1.0 is 1');
Tap::ok(Codec::same(false, null), 'false is null (placeholder)');
Tap::ok(!Codec::same('', 0), '"" is not 0');
Tap::ok(!Codec::same('abc', 0), '"abc" is not 0');
Tap::ok(!Codec::same(array('a' => 1, 'b' => 2), array('b' => 2, 'a' => 1)), 'order counts');
Tap::ok(Codec::same('1764001100.3318827701', 1764001100.3318827701), 'a numeric string and its float');

Tap::done();
