<?php
require_once __DIR__ . '/bench-common.php';
/* symfony.php: the threadPostMessage workload of bench/emit.c on Symfony's
 * EventDispatcher (Debian's php-symfony-event-dispatcher)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   php symfony.php [--seconds S] [--max-listeners N]
 *       prints {"symfony": {"0": ns, "1": ns, ...}}
 *   php symfony.php --smoke         checks that the workload runs
 *
 * The event is a small object with a public array, the closest Symfony
 * gets to Mibew's by-reference $args; each listener sets message_kind.
 */

require '/usr/share/php/Symfony/Component/EventDispatcher/autoload.php';

use Symfony\Component\EventDispatcher\EventDispatcher;
use Symfony\Contracts\EventDispatcher\Event;

final class PostMessageEvent extends Event
{
    public $args;

    public function __construct(array $args)
    {
        $this->args = $args;
    }
}

final class KindListener
{
    public function onPostMessage(PostMessageEvent $event)
    {
        $event->args['message_kind'] = 4;
    }
}

final class TagListener
{
    public static $order = array();

    private $tag;

    public function __construct($tag)
    {
        $this->tag = $tag;
    }

    public function onPostMessage(PostMessageEvent $event)
    {
        self::$order[] = $this->tag;
    }
}

function make_event()
{
    return new PostMessageEvent(array(
        'thread' => new stdClass(),
        'message_kind' => 1,
        'message_body' => 'hello',
        'message_options' => array(),
    ));
}

function smoke()
{
    $failures = 0;

    // Symfony's rule is the opposite of Mibew's: higher priorities first
    $d = new EventDispatcher();
    foreach (array(array('p10', 10), array('m5', -5), array('zero-a', 0), array('zero-b', 0)) as $l) {
        $d->addListener('threadPostMessage', array(new TagListener($l[0]), 'onPostMessage'), $l[1]);
    }
    $d->dispatch(make_event(), 'threadPostMessage');
    if (TagListener::$order !== array('p10', 'zero-a', 'zero-b', 'm5')) {
        fwrite(STDERR, 'FAIL: order ' . json_encode(TagListener::$order) . "\n");
        $failures++;
    }

    $d = new EventDispatcher();
    $d->addListener('threadPostMessage', array(new KindListener(), 'onPostMessage'));
    $event = $d->dispatch(make_event(), 'threadPostMessage');
    if ($event->args['message_kind'] !== 4) {
        fwrite(STDERR, "FAIL: the listener did not set message_kind\n");
        $failures++;
    }

    echo $failures === 0 ? "ok\n" : '';
    return $failures === 0 ? 0 : 1;
}

function time_run($d, $event, $k)
{
    $event->args['message_kind'] = 1;
    $t0 = hrtime(true);
    for ($i = 0; $i < $k; $i++) {
        $d->dispatch($event, 'threadPostMessage');
    }
    return hrtime(true) - $t0;
}

function measure($n, $seconds)
{
    $d = new EventDispatcher();
    $listener = array(new KindListener(), 'onPostMessage');
    for ($i = 0; $i < $n; $i++) {
        $d->addListener('threadPostMessage', $listener);
    }
    $event = make_event();
    time_run($d, $event, 10);   // warm-up
    if ($event->args['message_kind'] !== ($n > 0 ? 4 : 1)) {
        fwrite(STDERR, "symfony.php: the listeners did not run\n");
        exit(2);
    }

    return median_ns_per_event(function ($k) use ($d, $event) {
        return time_run($d, $event, $k);
    }, $seconds);
}

bench_main('symfony.php', $argv, array('smoke' => 'smoke'), array('symfony' => 'measure'));
