#!/usr/bin/python3
# test_events.py: every one of the 41 events delivers every argument to
# Python listeners
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Python's mirror of tests/test-events.c. Table-driven: for each event the
# test builds its arguments object generically (every property set to a
# distinct value of its type), then emits it from the C side, through the
# name-based trigger and through the typed emitter, to a Python handler
# connected by signal name on the category object and to a Python listener
# attached by event name. Each invocation checks that it got the category
# object, the very same arguments object, and every argument with its
# value and its type.

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import (  # noqa: E402
    EVENTS, EVENT_NAMES, KINDS, GObject, Gio, Json, MibewEvents,
    emit_method, json_string, make_value, pyclass, say,
)

CATEGORY_CLASSES = {
    'ban': MibewEvents.BanEvents,
    'button': MibewEvents.ButtonEvents,
    'cron': MibewEvents.CronEvents,
    'group': MibewEvents.GroupEvents,
    'invitation': MibewEvents.InvitationEvents,
    'operator': MibewEvents.OperatorEvents,
    'page': MibewEvents.PageEvents,
    'resource': MibewEvents.ResourceEvents,
    'routing': MibewEvents.RoutingEvents,
    'thread': MibewEvents.ThreadEvents,
    'users': MibewEvents.UsersEvents,
    'visitor': MibewEvents.VisitorEvents,
    'widget': MibewEvents.WidgetEvents,
}

# The out slot of each out event.
OUT_SLOTS = {
    'operatorAuthenticate': 'operator',
    'resourceAccessDenied': 'response',
    'resourceNotFound': 'response',
    'usersUpdateVisitorsLoad': 'visitors',
}

# The 41 names of events.md, hard-coded.
DOCUMENTED_NAMES = [
    'banCreate', 'banUpdate', 'banDelete',
    'buttonGenerate',
    'cronRun',
    'groupCreate', 'groupUpdate', 'groupDelete', 'groupUpdateOperators',
    'invitationCreate', 'invitationAccept', 'invitationReject', 'invitationIgnore',
    'operatorAuthenticate', 'operatorLogin', 'operatorLogout', 'operatorCreate',
    'operatorUpdate', 'operatorDelete',
    'pageAddCss', 'pageAddJs', 'pageAddJsPluginOptions',
    'resourceAccessDenied', 'resourceNotFound',
    'routesAlter',
    'threadFunctionCall', 'threadCreate', 'threadUpdate', 'threadDelete', 'threadClose',
    'threadPostMessage', 'threadGetMessagesAlter', 'threadUserIsReady',
    'usersUpdateThreadsAlter', 'usersUpdateVisitorsLoad', 'usersUpdateVisitorsAlter',
    'usersFunctionCall',
    'visitorCreate', 'visitorTrack', 'visitorDeleteOld',
    'widgetResponseAlter',
]


def expected_python_type(pspec):
    """What a Python listener must get for a property of this type."""
    t = pspec.value_type
    if t == GObject.TYPE_INT64:
        return int
    if t == GObject.TYPE_BOOLEAN:
        return bool
    if t == GObject.TYPE_STRING:
        return str
    if t == MibewEvents.UrlGenerator.__gtype__:
        return MibewEvents.UrlGenerator
    return pyclass(t)


class EventCase:
    """One event: its arguments, the expected values, the checks."""

    def __init__(self, test, name, category, signal, kind, properties):
        self.test = test
        self.name = name
        self.dispatcher = MibewEvents.EventDispatcher.new()
        ok, cat, signal_name, kind_enum, args_type = \
            MibewEvents.EventDispatcher.describe_event(name)
        test.assertTrue(ok, name)
        test.assertEqual(signal_name, signal)
        test.assertEqual(kind_enum, KINDS[kind])
        self.kind = kind_enum
        self.signal = signal_name
        self.emitter = self.dispatcher.get_emitter(cat)
        # the category object: the dispatcher's property of that name,
        # of the documented class, knowing the event by its signal
        test.assertIsInstance(self.emitter, CATEGORY_CLASSES[category])
        test.assertIs(self.emitter, self.dispatcher.get_property(category))
        test.assertIs(self.emitter, getattr(self.dispatcher, 'get_' + category)())
        test.assertEqual(self.emitter.get_category(), cat)
        test.assertEqual(self.emitter.get_event_name(signal_name), name)
        test.assertIs(self.emitter.get_dispatcher(), self.dispatcher)

        args_class = pyclass(args_type)
        test.assertTrue(issubclass(args_class, MibewEvents.EventArgs))
        self.args = args_class()

        documented = properties.split()
        self.expected = []      # (pspec, value)
        for pspec in args_class.list_properties():
            if not pspec.owner_type.is_a(MibewEvents.EventArgs.__gtype__):
                continue
            if pspec.name not in documented:
                # creation events share their class with updates
                test.assertTrue(pspec.name.startswith('original-'),
                                '%s: undocumented argument %s' % (name, pspec.name))
                continue
            test.assertTrue(pspec.flags & GObject.ParamFlags.READABLE)
            test.assertTrue(pspec.flags & GObject.ParamFlags.WRITABLE)
            value = make_value(pspec, len(self.expected))
            self.args.set_property(pspec.name, value)
            self.expected.append((pspec, value))
        test.assertEqual(sorted(p.name for p, v in self.expected), sorted(documented),
                         '%s: arguments differ from events.md' % name)
        self.calls = []

    def verify(self, who, emitter, args):
        t = self.test
        t.assertIs(emitter, self.emitter, '%s: %s got another emitter' % (self.name, who))
        t.assertIs(args, self.args, '%s: %s got another arguments object' % (self.name, who))
        for pspec, value in self.expected:
            got = args.get_property(pspec.name)
            what = '%s: %s: argument %s' % (self.name, who, pspec.name)
            if value is None:
                # an emptied out slot
                t.assertIsNone(got, what)
                continue
            t.assertIsInstance(got, expected_python_type(pspec), what)
            t.assertIsInstance(got, pspec.value_type.pytype or object, what)
            if isinstance(value, GObject.Object):
                # the very same object, not a copy
                t.assertIs(got, value, what)
            elif isinstance(value, (Json.Object, Json.Array)):
                # boxed wrappers compare by pointer: the same JSON object
                t.assertEqual(got, value, what)
                t.assertEqual(json_string(got), json_string(value), what)
            else:
                t.assertEqual(type(got), type(value), what)
                t.assertEqual(got, value, what)
            # the property-as-attribute spelling of the override agrees
            attr = getattr(args, pspec.name.replace('-', '_'))
            if isinstance(value, (GObject.Object,)):
                t.assertIs(attr, value, what)
            else:
                t.assertEqual(attr, value, what)
            if isinstance(got, MibewEvents.Record):
                t.assertEqual(got.get_string('marker'), pspec.name, what)
            if isinstance(got, Gio.ListStore):
                t.assertEqual(got.get_n_items(), 1, what)
                t.assertEqual(got.get_item(0).get_string('marker'), pspec.name, what)
            if isinstance(got, MibewEvents.AssetList):
                t.assertEqual(got.get_asset(0).get_content(), pspec.name, what)
            if isinstance(got, MibewEvents.BaseUrlGenerator):
                t.assertEqual(got.generate('x.js'), 'https://example.org/%s/x.js' % pspec.name, what)
        self.calls.append(who)
        return None     # no answer: fits every kind of event

    def run(self):
        t = self.test
        d, emitter, args = self.dispatcher, self.emitter, self.args
        emit = emit_method(emitter, self.signal)
        is_out = self.kind == MibewEvents.EventKind.OUT

        def attached(em, a):
            return self.verify('attached', em, a)

        def connected(em, a):
            return self.verify('connected', em, a)

        # 1: a listener attached by name; typed emitter, then trigger
        listener_id = d.attach_listener(self.name, 0, attached)
        t.assertNotEqual(listener_id, 0)
        t.assertEqual(d.get_listener_count(self.name), 1)
        ret = emit(args)
        if is_out:
            t.assertIs(ret, True)     # the slot holds an answer
        t.assertTrue(d.trigger(self.name, args))
        t.assertEqual(self.calls, ['attached', 'attached'])

        # 2: only a handler connected by signal name. For an out event the
        # slot is emptied first: with a slot already filled on entry, the
        # GSignal path runs no handler at all (the accumulator stops the
        # emission after the class closure), while the direct path above
        # still runs the first listener.
        t.assertTrue(d.detach_listener(self.name, listener_id))
        handler_id = emitter.connect(self.signal, connected)
        t.assertEqual(d.get_listener_count(self.name), 1)
        if is_out:
            slot = OUT_SLOTS[self.name]
            saved = list(self.expected)
            self.expected = [(p, None if p.name == slot else v) for p, v in saved]
            args.set_property(slot, None)
        del self.calls[:]
        ret = emit(args)
        t.assertTrue(d.trigger(self.name, args))
        t.assertEqual(self.calls, ['connected', 'connected'])
        if is_out:
            t.assertIs(ret, False)    # nobody answered
            self.expected = saved
            args.set_property(slot, dict((p.name, v) for p, v in saved)[slot])

        # 3: both; a GSignal handler runs after the priority-0 listener.
        # An out event whose slot is already filled is answered by the
        # first listener, so the handler does not run then.
        d.attach_listener(self.name, 0, attached)
        del self.calls[:]
        emit(args)
        t.assertTrue(d.trigger(self.name, args))
        if is_out:
            t.assertEqual(self.calls, ['attached', 'attached'])
        else:
            t.assertEqual(self.calls, ['attached', 'connected'] * 2)

        # 4: the handler disconnected; the attached listener still runs
        emitter.disconnect(handler_id)
        del self.calls[:]
        emit(args)
        t.assertTrue(d.trigger(self.name, args))
        t.assertEqual(self.calls, ['attached', 'attached'])

        # no check failed inside a listener (the override's guard would
        # have reported it), and nothing changed the arguments
        t.assertEqual(d.get_failure_count(), 0)
        for pspec, value in self.expected:
            got = args.get_property(pspec.name)
            if isinstance(value, GObject.Object):
                t.assertIs(got, value)
            else:
                t.assertEqual(got, value)
        say('%-26s %-10s %-22s %-6s args %-26s checked: %s' % (
            self.name, self.emitter.__gtype__.name[5:], self.signal,
            self.kind.value_nick, type(args).__name__,
            ', '.join(p.name for p, v in self.expected) or '(none)'))


class TestEventList(unittest.TestCase):
    def test_list_events_is_events_md(self):
        names = MibewEvents.EventDispatcher.list_events()
        self.assertEqual(len(DOCUMENTED_NAMES), 41)
        self.assertEqual(list(names), DOCUMENTED_NAMES)
        self.assertEqual(EVENT_NAMES, DOCUMENTED_NAMES)
        say('list_events() gives the 41 names of events.md, in order')

    def test_describe_unknown_event(self):
        ok = MibewEvents.EventDispatcher.describe_event('noSuchEvent')[0]
        self.assertFalse(ok)
        say('describe_event() refuses an unknown name')

    def test_dispatcher_properties(self):
        d = MibewEvents.EventDispatcher.new()
        for category, cls in CATEGORY_CLASSES.items():
            emitter = getattr(d.props, category)
            self.assertIsInstance(emitter, cls)
            self.assertIs(emitter, d.get_emitter(emitter.get_category()))
        self.assertEqual(d.props.failure_count, 0)
        self.assertIs(MibewEvents.EventDispatcher.get_default(),
                      MibewEvents.EventDispatcher.get_default())
        say('the 13 category objects are properties of the dispatcher')


class TestEachEvent(unittest.TestCase):
    pass


def _make_test(entry):
    def test(self):
        EventCase(self, *entry).run()
    test.__doc__ = '%s: every argument reaches Python listeners intact' % entry[0]
    return test


for _i, _entry in enumerate(EVENTS):
    setattr(TestEachEvent, 'test_%02d_%s' % (_i + 1, _entry[0]), _make_test(_entry))


if __name__ == '__main__':
    unittest.main()
