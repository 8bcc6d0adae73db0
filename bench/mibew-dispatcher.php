<?php
require_once __DIR__ . '/bench-common.php';
/* mibew-dispatcher.php: Mibew's EventDispatcher semantics in plain PHP, and
 * the threadPostMessage workload of bench/emit.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   php mibew-dispatcher.php [--seconds S]   prints {"0": ns, "1": ns, "10": ns}
 *   php mibew-dispatcher.php --smoke         checks the dispatcher's semantics
 *
 * The dispatcher follows Mibew 3.x's \Mibew\EventDispatcher\EventDispatcher
 * (minus the singleton): listeners are stored under "<priority>_<counter>"
 * keys sorted with strnatcmp, so lower priorities run first and equal
 * priorities run in attach order; triggerEvent() passes the arguments array
 * by reference to every listener and returns true.
 */

class EventDispatcher
{
    /** @var array event name => ["<priority>_<n>" => [plugin, method]] */
    protected $events = array();

    /** @var int makes keys unique and keeps attach order among equals */
    protected $postfix = 0;

    public function attachListener($event_name, $plugin, $listener, $priority = 0)
    {
        if (!is_callable(array($plugin, $listener))) {
            trigger_error("Listener {$listener} is not callable", E_USER_WARNING);
            return false;
        }
        if (!isset($this->events[$event_name])) {
            $this->events[$event_name] = array();
        }
        $this->events[$event_name][$priority . '_' . $this->postfix] = array(
            'plugin' => $plugin,
            'listener' => $listener,
        );
        $this->postfix++;
        // As Mibew: natural order of the keys. (Mibew's quirk, kept here:
        // negative priorities compare oddly, "-5_1" sorts before "-10_2".)
        uksort($this->events[$event_name], 'strnatcmp');

        return true;
    }

    public function detachListener($event_name, $plugin, $listener)
    {
        if (empty($this->events[$event_name])) {
            return false;
        }
        foreach ($this->events[$event_name] as $key => $event) {
            if ($event['plugin'] === $plugin && $event['listener'] == $listener) {
                unset($this->events[$event_name][$key]);
                return true;
            }
        }

        return false;
    }

    public function triggerEvent($event_name, &$arguments = array())
    {
        if (empty($this->events[$event_name])) {
            return true;
        }
        foreach ($this->events[$event_name] as $event) {
            $plugin = $event['plugin'];
            $listener = $event['listener'];
            $plugin->$listener($arguments);
        }

        return true;
    }
}

/* The benchmark's plugin: sets the message kind, as bench/emit.c's listeners. */
class KindPlugin
{
    public function postMessageListener(&$args)
    {
        $args['message_kind'] = 4;
    }
}

/* For --smoke: records its tag when run. */
class TagPlugin
{
    public static $order = array();

    public $tag;

    public function __construct($tag)
    {
        $this->tag = $tag;
    }

    public function listener(&$args)
    {
        self::$order[] = $this->tag;
        // each listener sees what the earlier ones changed
        $args['seen'][] = $this->tag;
    }
}

function smoke()
{
    $failures = 0;
    $check = function ($what, $got, $expected) use (&$failures) {
        if ($got !== $expected) {
            fwrite(STDERR, "FAIL: {$what}: got " . json_encode($got)
                . ', expected ' . json_encode($expected) . "\n");
            $failures++;
        } else {
            echo "ok: {$what}\n";
        }
    };

    // priorities 10, -5, 0, 0 run as -5, 0, 0 (attach order), 10
    $d = new EventDispatcher();
    $d->attachListener('threadPostMessage', new TagPlugin('p10'), 'listener', 10);
    $d->attachListener('threadPostMessage', new TagPlugin('m5'), 'listener', -5);
    $d->attachListener('threadPostMessage', new TagPlugin('zero-a'), 'listener', 0);
    $d->attachListener('threadPostMessage', new TagPlugin('zero-b'), 'listener');
    $args = array('seen' => array());
    TagPlugin::$order = array();
    $check('triggerEvent returns true', $d->triggerEvent('threadPostMessage', $args), true);
    $expected = array('m5', 'zero-a', 'zero-b', 'p10');
    $check('priorities 10, -5, 0, 0 run as -5, 0, 0, 10', TagPlugin::$order, $expected);
    $check('arguments passed by reference', $args['seen'], $expected);

    // ties keep attach order beyond nine listeners ("0_9" before "0_10")
    $d = new EventDispatcher();
    $expected = array();
    for ($i = 0; $i < 12; $i++) {
        $d->attachListener('cronRun', new TagPlugin($i), 'listener');
        $expected[] = $i;
    }
    TagPlugin::$order = array();
    $args = array();
    $d->triggerEvent('cronRun', $args);
    $check('12 equal priorities in attach order', TagPlugin::$order, $expected);

    // no listeners: nothing runs, true
    TagPlugin::$order = array();
    $args = array('message_kind' => 1);
    $check('an event without listeners returns true', $d->triggerEvent('nothing', $args), true);
    $check('an event without listeners changes nothing', $args, array('message_kind' => 1));

    // the benchmark's workload
    $d = new EventDispatcher();
    $d->attachListener('threadPostMessage', new KindPlugin(), 'postMessageListener');
    $args = make_args();
    $d->triggerEvent('threadPostMessage', $args);
    $check('the workload sets message_kind', $args['message_kind'], 4);

    // detach removes the first match only
    $d = new EventDispatcher();
    $p = new TagPlugin('twice');
    $d->attachListener('threadPostMessage', $p, 'listener');
    $d->attachListener('threadPostMessage', $p, 'listener');
    $d->detachListener('threadPostMessage', $p, 'listener');
    TagPlugin::$order = array();
    $args = array();
    $d->triggerEvent('threadPostMessage', $args);
    $check('detach removes one of two', TagPlugin::$order, array('twice'));

    // not callable: warning and false
    set_error_handler(function () { return true; });
    $check('a listener that is not callable is refused',
        (new EventDispatcher())->attachListener('x', new KindPlugin(), 'nope'), false);
    restore_error_handler();

    return $failures === 0 ? 0 : 1;
}

function make_args()
{
    return array(
        'thread' => new stdClass(),
        'message_kind' => 1,
        'message_body' => 'hello',
        'message_options' => array(),
    );
}

/* Runs $k triggers; returns the elapsed ns. */
function time_run($d, &$args, $k)
{
    $args['message_kind'] = 1;
    $t0 = hrtime(true);
    for ($i = 0; $i < $k; $i++) {
        $d->triggerEvent('threadPostMessage', $args);
    }
    return hrtime(true) - $t0;
}

function measure($n, $seconds)
{
    $d = new EventDispatcher();
    for ($i = 0; $i < $n; $i++) {
        $d->attachListener('threadPostMessage', new KindPlugin(), 'postMessageListener');
    }
    $args = make_args();
    time_run($d, $args, 1000);   // warm-up
    if ($args['message_kind'] !== ($n > 0 ? 4 : 1)) {
        fwrite(STDERR, "mibew-dispatcher.php: the listeners did not run\n");
        exit(2);
    }

    return median_ns_per_event(function ($k) use ($d, $args) {
        return time_run($d, $args, $k);
    }, $seconds);
}

bench_main('mibew-dispatcher.php', $argv, 'smoke', 'measure');
