#!/usr/bin/python3
# test_reset.py: EventArgs.reset() from Python, for every arguments class
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# With every property set (and the arguments emitted, or read from JSON),
# reset() gives back what a new object of the class has: every property,
# the JSON form, no event name; each changed property notifies once, and
# a second reset notifies nothing. A Python listener sees the reused
# object's new values on the next emission.

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import EVENT_NAMES, GObject, MibewEvents, json_string, make_value, pyclass, say  # noqa: E402

DATA = os.environ.get('MIBEW_TEST_DATA')


def args_class(event_name):
    ok, cat, signal_name, kind, args_type = MibewEvents.EventDispatcher.describe_event(event_name)
    assert ok, event_name
    return pyclass(args_type)


def own_properties(cls):
    return [p for p in cls.list_properties() if p.owner_type.is_a(MibewEvents.EventArgs.__gtype__)]


class TestReset(unittest.TestCase):
    def assert_like_new(self, args, cls, held):
        fresh = cls()
        self.assertIsNone(args.get_event_name())
        for pspec in own_properties(cls):
            mine = args.get_property(pspec.name)
            theirs = fresh.get_property(pspec.name)
            if isinstance(theirs, (GObject.Object, GObject.GBoxed)) or isinstance(mine, (GObject.Object,
                                                                                         GObject.GBoxed)):
                self.assertEqual(mine is None, theirs is None, pspec.name)
                self.assertFalse(any(mine is h for h in held), '%s: still the value set' % pspec.name)
            else:
                self.assertEqual(mine, theirs, '%s.%s' % (cls.__name__, pspec.name))
        self.assertEqual(json_string(args.to_json()), json_string(fresh.to_json()))

    def check(self, args, cls):
        held = []
        props = own_properties(cls)
        for i, pspec in enumerate(props):
            value = make_value(pspec, i)
            held.append(value)
            args.set_property(pspec.name, value)
        notified = []
        handler = args.connect('notify', lambda a, pspec: notified.append(pspec.name))
        args.reset()
        self.assert_like_new(args, cls, held)
        self.assertEqual(sorted(notified), sorted(p.name for p in props))
        del notified[:]
        args.reset()
        self.assertEqual(notified, [])
        args.disconnect(handler)

    def test_every_class_emitted(self):
        d = MibewEvents.EventDispatcher.new()
        for name in EVENT_NAMES:
            cls = args_class(name)
            args = cls()
            d.trigger(name, args)
            self.assertEqual(args.get_event_name(), name)
            self.check(args, cls)
            self.check(args, cls)
        say('reset: %d events, emitted' % len(EVENT_NAMES))

    @unittest.skipUnless(DATA, 'MIBEW_TEST_DATA not set')
    def test_every_class_from_json(self):
        for name in EVENT_NAMES:
            with open(os.path.join(DATA, name + '.json')) as f:
                text = f.read()
            d = MibewEvents.EventDispatcher.new()
            args = MibewEvents.EventArgs.new_from_json(name, d.parse_json(text, -1))
            self.assertEqual(args.get_event_name(), name)
            self.check(args, args_class(name))
        say('reset: %d events, read from JSON' % len(EVENT_NAMES))

    def test_reused_with_python_listener(self):
        d = MibewEvents.EventDispatcher.new()
        seen = []

        def listener(events, args):
            seen.append((args.message_body, args.message_kind))
            args.message_kind = MibewEvents.MessageKind.AGENT

        d.attach_listener('threadPostMessage', 0, listener)
        thread = MibewEvents.Thread()
        args = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.USER, 'first', None)
        for body in ('first', 'second, longer', 'x'):
            args.reset()
            self.assertEqual(args.message_kind, MibewEvents.MessageKind.USER)
            self.assertEqual(args.message_body, '')
            self.assertIsNone(args.get_thread())
            args.set_thread(thread)
            args.set_message_body(body)
            d.props.thread.emit_post_message(args)
            self.assertEqual(args.message_kind, MibewEvents.MessageKind.AGENT)
            self.assertEqual(args.get_event_name(), 'threadPostMessage')
        self.assertEqual(seen, [(b, MibewEvents.MessageKind.USER) for b in ('first', 'second, longer', 'x')])


if __name__ == '__main__':
    unittest.main()
