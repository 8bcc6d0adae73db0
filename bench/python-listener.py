#!/usr/bin/python3
# python-listener.py: what a Python listener costs, against a bare
# PyGObject handler on a plain GObject signal
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every variant starts in Python, emits through C and runs one Python
# handler that changes the message kind, so the difference is the
# library's own cost:
#   bare      a GObject signal of our own with one object argument,
#             emitted with obj.emit(), handler connected with connect()
#   attached  events.emit_post_message(), listener attached by name with
#             dispatcher.attach_listener() (guarded by the override)
#   connected events.emit_post_message(), handler connected with
#             events.connect('post-message', ...) (guarded by the override)
# Prints {"bare": ns, "attached": ns, "connected": ns}, medians of five.

import json
import sys
import time

import gi
gi.require_version('MibewEvents', '1.0')
from gi.repository import GObject, MibewEvents  # noqa: E402

INFO = MibewEvents.MessageKind.INFO


class Plain(GObject.Object):
    __gsignals__ = {'post': (GObject.SignalFlags.RUN_LAST, None, (GObject.Object,))}


def handler(emitter, args):
    args.set_message_kind(INFO)


def median_ns(run, seconds):
    k = 1000
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


def main():
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] == '--seconds' else 0.2
    args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, 'hi', None)

    plain = Plain()
    plain.connect('post', handler)

    def bare(k):
        for _ in range(k):
            plain.emit('post', args)

    attached_d = MibewEvents.EventDispatcher.new()
    attached_d.attach_listener('threadPostMessage', 0, handler)
    attached_events = attached_d.props.thread

    def attached(k):
        for _ in range(k):
            attached_events.emit_post_message(args)

    connected_d = MibewEvents.EventDispatcher.new()
    connected_events = connected_d.props.thread
    connected_events.connect('post-message', handler)

    def connected(k):
        for _ in range(k):
            connected_events.emit_post_message(args)

    result = {}
    for name, run in (('bare', bare), ('attached', attached), ('connected', connected)):
        args.set_message_kind(MibewEvents.MessageKind.USER)
        run(1)
        if args.get_message_kind() != INFO:
            sys.exit('python-listener.py: the %s handler did not run' % name)
        result[name] = round(median_ns(run, seconds), 1)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
