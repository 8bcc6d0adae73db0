#!/usr/bin/python3
# test_lifetime.py: Python listeners that dispose or drop their dispatcher
# while it runs them (tests/test-lifetime.c has the C side)
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gc
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import GObject, MibewEvents, say  # noqa: E402
from gi.module import get_introspection_module  # noqa: E402

# The bare introspected method: the override's guarded listeners keep
# their dispatcher alive, which would hide what is tested here.
_raw = get_introspection_module('MibewEvents')


def post_message_args():
    return MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, 'hi', None)


class TestLifetime(unittest.TestCase):
    def run_dropping(self, drop):
        holder = [MibewEvents.EventDispatcher.new()]
        ran = []
        finalized = []

        def first(emitter, args):
            ran.append('first')
            drop(holder)
            gc.collect()
            args.props.message_kind = MibewEvents.MessageKind.INFO

        def second(emitter, args):
            ran.append('second')
            # what the listener before left, on a live category object
            self.assertEqual(args.props.message_kind, MibewEvents.MessageKind.INFO)
            self.assertEqual(emitter.get_category(), MibewEvents.EventCategory.THREAD)

        d = holder[0]
        _raw.EventDispatcher.attach_listener(d, 'threadPostMessage', -1, first)
        _raw.EventDispatcher.attach_listener(d, 'threadPostMessage', 1, second)
        emitter = d.get_emitter(MibewEvents.EventCategory.THREAD)
        emitter.weak_ref(lambda: finalized.append(True))
        args = post_message_args()
        # no Python reference to the emitter or the dispatcher from here
        del emitter, d
        gc.collect()
        self.assertTrue(holder[0].trigger('threadPostMessage', args))
        return ran, finalized, args

    def test_dispose_in_listener(self):
        """g_object_run_dispose() from a listener: the emission ends normally"""
        kept = []

        def dispose(holder):
            kept.append(holder[0])
            holder[0].run_dispose()

        ran, finalized, args = self.run_dropping(dispose)
        self.assertEqual(ran, ['first', 'second'])
        self.assertEqual(args.props.message_kind, MibewEvents.MessageKind.INFO)
        # the category object went with the emission
        gc.collect()
        self.assertEqual(finalized, [True])
        say('a listener disposed the dispatcher: the next one still ran, then the category object went')


if __name__ == '__main__':
    unittest.main()
