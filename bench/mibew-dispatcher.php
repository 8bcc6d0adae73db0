<?php
require_once __DIR__ . '/bench-common.php';
/* mibew-dispatcher.php: Mibew's EventDispatcher semantics in plain PHP, and
 * the threadPostMessage workload of bench/emit.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   php mibew-dispatcher.php [--seconds S] [--max-listeners N]
 *       prints {"mibew": {"0": ns, "1": ns, ...}, "sort-on-attach": {...},
 *               "host-reuse": {...}, "host-new": {...}}
 *   php mibew-dispatcher.php --memory   bytes per attached listener entry
 *   php mibew-dispatcher.php --smoke    checks the dispatcher's semantics
 *
 * EventDispatcher follows Mibew 3.x's \Mibew\EventDispatcher\EventDispatcher
 * (src/mibew/libs/classes/Mibew/EventDispatcher/EventDispatcher.php, minus
 * the singleton and the PluginInterface type hint): listeners are stored
 * under "<priority>_<offset>" keys, and triggerEvent() sorts them with
 * uksort(..., 'strnatcmp') on every call, so lower priorities run first
 * and equal priorities in attach order; the arguments array is passed by
 * reference to every listener; it returns true. This is the baseline.
 *
 * SortOnAttachDispatcher is the cheaper variant (sorted once, when a
 * listener is attached; triggerEvent() only loops): what a tuned PHP
 * dispatcher would do, kept as a second row.
 *
 * host-reuse / host-new: the real host's cycle for threadPostMessage on
 * Mibew's algorithm (build the $args array around the thread, trigger,
 * read kind and body back), with one thread object reused or a new one
 * per event (three fields set), as bench/emit.c's host cells.
 */

class EventDispatcher
{
    /** @var array event name => ["<priority>_<n>" => [plugin, method]] */
    protected $events = array();

    /** @var int makes keys unique and keeps attach order among equals */
    protected $offset = 0;

    public function attachListener($event_name, $plugin, $listener, $priority = 0)
    {
        if (!is_callable(array($plugin, $listener))) {
            trigger_error("Method '{$listener}' is not callable!", E_USER_WARNING);
            return false;
        }
        if (!array_key_exists($event_name, $this->events)) {
            $this->events[$event_name] = array();
        }
        $this->events[$event_name][$priority . '_' . $this->offset] = array(
            'plugin' => $plugin,
            'listener' => $listener,
        );
        $this->offset++;

        return true;
    }

    public function detachListener($event_name, $plugin, $listener)
    {
        if (!array_key_exists($event_name, $this->events)) {
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
        if (!array_key_exists($event_name, $this->events)) {
            return true;
        }
        // As Mibew: natural order of the keys, on every trigger. (Mibew's
        // quirk, kept: negative priorities compare oddly, "-5_1" sorts
        // before "-10_2".)
        uksort($this->events[$event_name], 'strnatcmp');
        foreach ($this->events[$event_name] as $event) {
            $plugin = $event['plugin'];
            $listener = $event['listener'];
            $plugin->$listener($arguments);
        }

        return true;
    }
}

/* The cheaper variant: sorts when a listener is attached, not per trigger. */
class SortOnAttachDispatcher extends EventDispatcher
{
    public function attachListener($event_name, $plugin, $listener, $priority = 0)
    {
        if (!parent::attachListener($event_name, $plugin, $listener, $priority)) {
            return false;
        }
        uksort($this->events[$event_name], 'strnatcmp');

        return true;
    }

    public function triggerEvent($event_name, &$arguments = array())
    {
        if (!array_key_exists($event_name, $this->events)) {
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

/* The host's thread (Mibew's \Mibew\Thread has public fields). */
class Thread
{
    public $id;
    public $userName;
    public $agentName;
}

function make_thread()
{
    $thread = new Thread();
    $thread->id = 42;
    $thread->userName = 'Visitor';
    $thread->agentName = 'Operator';
    return $thread;
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

    foreach (array('EventDispatcher', 'SortOnAttachDispatcher') as $class) {
        echo "# {$class}\n";
        smoke_dispatcher($class, $check);
    }

    return $failures === 0 ? 0 : 1;
}

function smoke_dispatcher($class, $check)
{
    // priorities 10, -5, 0, 0 run as -5, 0, 0 (attach order), 10
    $d = new $class();
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
    $d = new $class();
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
    $d = new $class();
    $d->attachListener('threadPostMessage', new KindPlugin(), 'postMessageListener');
    $args = make_args();
    $d->triggerEvent('threadPostMessage', $args);
    $check('the workload sets message_kind', $args['message_kind'], 4);

    // detach removes the first match only
    $d = new $class();
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
        (new $class())->attachListener('x', new KindPlugin(), 'nope'), false);
    restore_error_handler();

    // the host's cycle reads the listener's change back
    $d = new $class();
    $d->attachListener('threadPostMessage', new KindPlugin(), 'postMessageListener');
    $check('the host cycle reads message_kind 4', host_run($d, make_thread(), 1, false), 4);
}

function make_args($thread = null)
{
    return array(
        'thread' => $thread === null ? new Thread() : $thread,
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

/* The host's cycle $k times; returns the last message kind read back. */
function host_run($d, $thread, $k, $fresh)
{
    $kind = 0;
    for ($i = 0; $i < $k; $i++) {
        if ($fresh) {
            $thread = make_thread();
        }
        $args = array(
            'thread' => $thread,
            'message_kind' => 1,
            'message_body' => 'hello',
            'message_options' => array(),
        );
        $d->triggerEvent('threadPostMessage', $args);
        $kind = $args['message_kind'];
        $body = $args['message_body'];
    }
    return $kind;
}

function make_dispatcher($class, $n)
{
    $d = new $class();
    $plugin = new KindPlugin();
    for ($i = 0; $i < $n; $i++) {
        $d->attachListener('threadPostMessage', $plugin, 'postMessageListener');
    }
    return $d;
}

function measure_trigger($class, $n, $seconds)
{
    $d = make_dispatcher($class, $n);
    $args = make_args();
    time_run($d, $args, 10);   // warm-up
    if ($args['message_kind'] !== ($n > 0 ? 4 : 1)) {
        fwrite(STDERR, "mibew-dispatcher.php: the listeners did not run\n");
        exit(2);
    }

    return median_ns_per_event(function ($k) use ($d, $args) {
        return time_run($d, $args, $k);
    }, $seconds);
}

function measure_host($fresh, $n, $seconds)
{
    $d = make_dispatcher('EventDispatcher', $n);
    $thread = make_thread();
    if (host_run($d, $thread, 10, $fresh) !== ($n > 0 ? 4 : 1)) {
        fwrite(STDERR, "mibew-dispatcher.php: the host cycle's listeners did not run\n");
        exit(2);
    }

    return median_ns_per_event(function ($k) use ($d, $thread, $fresh) {
        $t0 = hrtime(true);
        host_run($d, $thread, $k, $fresh);
        return hrtime(true) - $t0;
    }, $seconds);
}

/* Bytes per listener entry: 10000 listeners of one plugin on one event. */
function memory()
{
    $d = new EventDispatcher();
    $plugin = new KindPlugin();
    $d->attachListener('threadPostMessage', $plugin, 'postMessageListener');
    $n = 10000;
    $before = memory_get_usage();
    for ($i = 0; $i < $n; $i++) {
        $d->attachListener('threadPostMessage', $plugin, 'postMessageListener');
    }
    $after = memory_get_usage();
    echo json_encode(array('bytes_per_listener' => ($after - $before) / $n)), "\n";
    return 0;
}

bench_main('mibew-dispatcher.php', $argv, array(
    'smoke' => 'smoke',
    'memory' => 'memory',
), array(
    'mibew' => function ($n, $s) { return measure_trigger('EventDispatcher', $n, $s); },
    'sort-on-attach' => function ($n, $s) { return measure_trigger('SortOnAttachDispatcher', $n, $s); },
    'host-reuse' => function ($n, $s) { return measure_host(false, $n, $s); },
    'host-new' => function ($n, $s) { return measure_host(true, $n, $s); },
));
