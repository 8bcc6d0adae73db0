#!/usr/bin/python3
# python-listener.py: what a Python listener costs, against a bare
# PyGObject handler on a plain GObject signal emitted the same way
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every variant calls one introspected C method from Python, which emits
# its signal from C with g_signal_emit(), and runs N Python handlers that
# change the message kind; the signals have the same shape (one
# MibewPostMessageArgs, a string returned). So the difference is the
# library's own cost, the override's guard included:
#   bare      MibewBench.Emitter (bench/mibew-bench-emitter.c, a plain
#             GObject signal), emit_post_message(), handlers connected with
#             PyGObject's connect(): no dispatcher, no guard
#   bare-wide the same on MibewBench.WideEmitter, whose class has the
#             signals of ThreadEvents (for GJS's sake, see gjs-listener.js;
#             PyGObject finds the signal's data once, when connecting)
#   attached  our events.emit_post_message(), listeners attached by name
#             with dispatcher.attach_listener() (guarded by the override)
#   connected our events.emit_post_message(), handlers connected with
#             events.connect('post-message', ...) (guarded by the override)
#
#   python-listener.py [--seconds S]   prints {"bare": {"1": ns, "10": ns},
#                                       "attached": {...}, "connected": {...}}
#   python-listener.py --memory [N]    bytes per attached / connected listener
#                                      (RSS growth over N listeners, 5000)
#   python-listener.py --iterations VARIANT K
#                                      one handler, 200 emissions, then K
#                                      more, untimed: for callgrind (run with
#                                      K and with 0, the difference is K's)

import json
import sys
import time

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewBench', '1.0')
from gi.repository import MibewBench, MibewEvents  # noqa: E402

INFO = MibewEvents.MessageKind.INFO
USER = MibewEvents.MessageKind.USER
COUNTS = (1, 10)


def handler(emitter, args):
    args.set_message_kind(INFO)


def median_ns(run, seconds):
    k = 1
    while True:
        t0 = time.perf_counter_ns()
        run(k)
        elapsed = time.perf_counter_ns() - t0
        if elapsed >= seconds * 1e9:
            break
        k = int(k * max(1.1, min(10.0, 1.05 * seconds * 1e9 / max(elapsed, 1)))) + 1
    samples = []
    for _ in range(5):
        t0 = time.perf_counter_ns()
        run(k)
        samples.append((time.perf_counter_ns() - t0) / k)
    return sorted(samples)[2]


def make(variant, n):
    """(emitter whose emit_post_message() runs n handlers, keep-alive)"""
    if variant in ('bare', 'bare-wide'):
        emitter = MibewBench.Emitter.new() if variant == 'bare' else MibewBench.WideEmitter.new()
        for _ in range(n):
            emitter.connect('post-message', handler)
        return emitter, None
    if variant not in ('attached', 'connected'):
        sys.exit('python-listener.py: no variant %s' % variant)
    d = MibewEvents.EventDispatcher.new()
    events = d.props.thread
    for _ in range(n):
        if variant == 'attached':
            d.attach_listener('threadPostMessage', 0, handler)
        else:
            events.connect('post-message', handler)
    return events, d


def rss_bytes():
    with open('/proc/self/statm') as f:
        import os
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')


def memory(n):
    result = {}
    kept = []    # nothing is freed until the end: no variant reuses another's memory
    for variant in ('bare', 'attached', 'connected'):
        kept.append(make(variant, 100))      # warm the allocator and the caches
        before = rss_bytes()
        kept.append(make(variant, n))
        result[variant] = round((rss_bytes() - before) / n, 1)
    print(json.dumps({'bytes_per_listener': result}))


def main():
    if sys.argv[1:2] == ['--memory']:
        memory(int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
        return
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] == '--seconds' else 0.2
    args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), USER, 'hi', None)
    if sys.argv[1:2] == ['--iterations'] and len(sys.argv) == 4:
        emitter, keep = make(sys.argv[2], 1)
        for _ in range(200 + int(sys.argv[3])):
            emitter.emit_post_message(args)
        if args.get_message_kind() != INFO:
            sys.exit('python-listener.py: the %s handler did not run' % sys.argv[2])
        return

    result = {}
    for variant in ('bare', 'bare-wide', 'attached', 'connected'):
        result[variant] = {}
        for n in COUNTS:
            emitter, keep = make(variant, n)

            def run(k, emitter=emitter):
                for _ in range(k):
                    emitter.emit_post_message(args)

            args.set_message_kind(USER)
            run(1)
            if args.get_message_kind() != INFO:
                sys.exit('python-listener.py: the %s handlers did not run' % variant)
            result[variant][str(n)] = round(median_ns(run, seconds), 1)
            del keep
    print(json.dumps(result))


if __name__ == '__main__':
    main()
