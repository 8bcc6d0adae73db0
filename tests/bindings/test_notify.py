#!/usr/bin/python3
# test_notify.py: property notifications of event arguments, from Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A listener that changes the body of a MibewPostMessageArgs, whichever
# way (the override's attribute, the typed setter, a returned body that
# the accumulator stores), makes the arguments emit notify::message-body,
# once per real change and never for a value equal to the current one;
# so GObject.Object.bind_property from message-body follows the body
# while the listeners run.

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import GObject, MibewEvents, say  # noqa: E402


class Mirror(GObject.Object):
    """An object with a string property to bind the body to."""
    text = GObject.Property(type=str, default='')


def new_args(body='hi'):
    return MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, body, None)


class Case(unittest.TestCase):
    def setUp(self):
        self.d = MibewEvents.EventDispatcher.new()
        self.failures = []
        self.d.connect('listener-failed', lambda d, event, message: self.failures.append((event, message)))

    def tearDown(self):
        self.assertEqual(self.failures, [])
        self.assertEqual(self.d.get_failure_count(), 0)

    def watch(self, args):
        """The bodies args had at each notify::message-body."""
        notified = []
        args.connect('notify::message-body', lambda a, pspec: notified.append((pspec.name, a.message_body)))
        return notified


class TestNotifyMessageBody(Case):
    def test_attribute(self):
        args = new_args()
        notified = self.watch(args)

        def listener(events, a):
            a.message_body = 'by attribute'

        self.d.attach_listener('threadPostMessage', 0, listener)
        self.d.props.thread.emit_post_message(args)
        self.assertEqual(notified, [('message-body', 'by attribute')])
        say('attribute: notify::message-body with %r' % notified[0][1])

    def test_typed_setter(self):
        args = new_args()
        notified = self.watch(args)
        self.d.attach_listener('threadPostMessage', 0, lambda e, a: a.set_message_body('by setter'))
        self.d.trigger('threadPostMessage', args)
        self.assertEqual(notified, [('message-body', 'by setter')])
        say('typed setter: notify::message-body with %r' % notified[0][1])

    def test_returned_body(self):
        args = new_args()
        notified = self.watch(args)
        seen = []
        self.d.attach_listener('threadPostMessage', 0, lambda e, a: 'returned')
        # the notification comes when the body is stored, before the next
        # listener runs
        self.d.attach_listener('threadPostMessage', 1, lambda e, a: seen.append(list(notified)))
        self.d.props.thread.emit_post_message(args)
        self.assertEqual(args.message_body, 'returned')
        self.assertEqual(notified, [('message-body', 'returned')])
        self.assertEqual(seen, [[('message-body', 'returned')]])
        say('returned body: notify::message-body with %r, before the next listener' % notified[0][1])

    def test_one_notification_per_change(self):
        """three listeners, three ways, three changes: three notifications"""
        args = new_args()
        notified = self.watch(args)

        def by_attribute(events, a):
            a.message_body = a.message_body + ' 1'

        self.d.attach_listener('threadPostMessage', 0, by_attribute)
        self.d.attach_listener('threadPostMessage', 1, lambda e, a: a.set_message_body(a.message_body + ' 2'))
        self.d.attach_listener('threadPostMessage', 2, lambda e, a: a.message_body + ' 3')
        self.d.props.thread.emit_post_message(args)
        self.assertEqual([body for name, body in notified], ['hi 1', 'hi 1 2', 'hi 1 2 3'])
        say('three changes, three notifications: %s' % [body for name, body in notified])

    def test_equal_value_does_not_notify(self):
        """setting, or returning, the body it already has notifies nothing"""
        args = new_args('same')
        notified = self.watch(args)

        def by_attribute(events, a):
            a.message_body = 'same'

        self.d.attach_listener('threadPostMessage', 0, by_attribute)
        self.d.attach_listener('threadPostMessage', 1, lambda e, a: a.set_message_body('same'))
        self.d.attach_listener('threadPostMessage', 2, lambda e, a: 'same')
        self.d.attach_listener('threadPostMessage', 3, lambda e, a: a.message_body)
        self.d.props.thread.emit_post_message(args)
        self.assertEqual(args.message_body, 'same')
        self.assertEqual(notified, [])
        # outside an emission too, and set_property (which the attribute
        # no longer uses) agrees
        args.message_body = 'same'
        args.set_message_body('same')
        args.set_property('message-body', 'same')
        self.assertEqual(notified, [])
        args.set_property('message-body', 'other')
        self.assertEqual(notified, [('message-body', 'other')])
        say('equal values: no notification; a different one through set_property: one')

    def test_other_properties_do_not_notify_body(self):
        args = new_args()
        notified = self.watch(args)
        args.message_kind = MibewEvents.MessageKind.INFO
        args.message_options.set_string_member('plugin', 'test')
        args.thread = MibewEvents.Thread()
        self.assertEqual(notified, [])
        say('changing the kind, the options or the thread does not notify message-body')


class TestBindProperty(Case):
    def test_bind_message_body(self):
        """bind_property(message-body -> text) follows the listeners' changes"""
        args = new_args('hi')
        mirror = Mirror()
        binding = args.bind_property('message-body', mirror, 'text', GObject.BindingFlags.SYNC_CREATE)
        self.assertIsNotNone(binding)
        self.assertEqual(mirror.text, 'hi')
        seen = []

        def by_attribute(events, a):
            a.message_body = 'one'

        self.d.attach_listener('threadPostMessage', 0, by_attribute)
        self.d.attach_listener('threadPostMessage', 1, lambda e, a: seen.append(mirror.text))
        self.d.attach_listener('threadPostMessage', 2, lambda e, a: 'two')
        self.d.attach_listener('threadPostMessage', 3, lambda e, a: seen.append(mirror.text))
        self.d.attach_listener('threadPostMessage', 4, lambda e, a: a.set_message_body('three'))
        self.d.props.thread.emit_post_message(args)
        self.assertEqual(seen, ['one', 'two'])
        self.assertEqual(mirror.text, 'three')
        self.assertEqual(args.message_body, 'three')

        # to a property of the library's own, too
        fragment = MibewEvents.ButtonFragment.new('')
        args.bind_property('message-body', fragment, 'html', GObject.BindingFlags.DEFAULT)
        args.message_body = '<b>bound</b>'
        self.assertEqual(fragment.get_html(), '<b>bound</b>')
        self.assertEqual(mirror.text, '<b>bound</b>')
        binding.unbind()
        args.message_body = 'after unbind'
        self.assertEqual(mirror.text, '<b>bound</b>')
        self.assertEqual(fragment.html, 'after unbind')
        say('bind_property: the mirror followed one -> two -> three, and a ButtonFragment\'s html')


if __name__ == '__main__':
    unittest.main()
