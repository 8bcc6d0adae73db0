#!/usr/bin/python3
# test_answers.py: a Python listener that returns the wrong type is a
# failing listener
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Without the override's check PyGObject either converts the value
# silently (42 returned from post-message became the body "42") or prints
# "TypeError: can't convert return value to desired type", naming neither
# the event nor the listener, and the dispatcher's failure count stays 0.
# With it, every listener attached or connected from Python that answers
# with a value its event's signal cannot return is reported through
# EventDispatcher::listener-failed, its answer is dropped (the arguments
# stay as they were) and the next listener runs. Notify events ignore
# what listeners return, as Mibew does.

import contextlib
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import (  # noqa: E402
    EVENTS, GObject, Json, MibewEvents, json_object, json_string, make_value, pyclass, say, to_python,
)

# What each alter, out and call event's listeners return, as the messages
# name it: the test's own copy of the contract.
ANSWER_TYPES = {
    'buttonGenerate': 'MibewEvents.ButtonFragment',
    'operatorAuthenticate': 'MibewEvents.Operator',
    'pageAddCss': 'MibewEvents.AssetList',
    'pageAddJs': 'MibewEvents.AssetList',
    'pageAddJsPluginOptions': 'Json.Object',
    'resourceAccessDenied': 'MibewEvents.Response',
    'resourceNotFound': 'MibewEvents.Response',
    'routesAlter': 'MibewEvents.RouteCollection',
    'threadFunctionCall': 'Json.Object',
    'threadPostMessage': 'str',
    'threadGetMessagesAlter': 'Gio.ListStore',
    'usersUpdateThreadsAlter': 'Gio.ListStore',
    'usersUpdateVisitorsLoad': 'Gio.ListStore',
    'usersUpdateVisitorsAlter': 'Gio.ListStore',
    'usersFunctionCall': 'Json.Object',
    'widgetResponseAlter': 'MibewEvents.WidgetResponse',
}

# The out slot of each out event: emptied before the emission, so that
# every listener runs (nobody answers right).
OUT_SLOTS = {
    'operatorAuthenticate': 'operator',
    'resourceAccessDenied': 'response',
    'resourceNotFound': 'response',
    'usersUpdateVisitorsLoad': 'visitors',
}


def python_name(gtype):
    """MibewEvents.Operator for MibewOperator, str for gchararray."""
    if gtype == GObject.TYPE_STRING:
        return 'str'
    cls = pyclass(gtype)
    return '%s.%s' % (cls.__module__.split('.')[-1], cls.__name__)


def wrong_answers(expected):
    """Three answers of the wrong type, with the names the messages give
    their types: for a string, a number, an object and bytes; for an
    object, a string, a number and an object of another type."""
    if expected == 'str':
        return [(42, 'int'), (MibewEvents.Operator(), 'MibewEvents.Operator'), (b'body', 'bytes')]
    if expected == 'Json.Object':
        return [('{"a": 1}', 'str'), ([1, 2], 'list'), (Json.Array.new(), 'Json.Array')]
    return [('wrong', 'str'), (42, 'int'), (MibewEvents.Thread(), 'MibewEvents.Thread')]


def snapshot(args):
    """Every argument, in a form that tells a replaced or changed value."""
    values = {}
    for pspec in type(args).list_properties():
        value = args.get_property(pspec.name)
        if isinstance(value, (Json.Object, Json.Array)):
            values[pspec.name] = ('json', json_string(value))
        elif isinstance(value, GObject.Object):
            values[pspec.name] = ('object', id(value), value)    # the same object
        else:
            values[pspec.name] = ('value', value)
    return values


class Case(unittest.TestCase):
    def setUp(self):
        self.d = MibewEvents.EventDispatcher.new()
        self.failures = []
        self.d.connect('listener-failed', lambda d, event, message: self.failures.append((event, message)))
        self.stderr = io.StringIO()

    def emit(self, func, *args):
        """Runs an emission, keeping what the override prints."""
        with contextlib.redirect_stderr(self.stderr):
            return func(*args)

    def assert_reported(self, event, listener, got, expected, count=1):
        """The last `count` failures are this listener's wrong answer."""
        self.assertGreaterEqual(len(self.failures), count)
        for failed_event, message in self.failures[-count:]:
            self.assertEqual(failed_event, event)
        failed_event, message = self.failures[-count]
        what = 'listener-failed message %r' % message
        self.assertIn(listener.__qualname__, message, what)
        self.assertIn('returned %s,' % got, message, what)
        self.assertIn('expected %s' % expected, message, what)
        printed = self.stderr.getvalue()
        self.assertIn(event, printed)
        self.assertIn(listener.__qualname__, printed)
        self.assertIn('returned %s,' % got, printed)
        self.assertIn('expected %s' % expected, printed)


class TestPostMessage(Case):
    def test_number_is_not_a_body(self):
        """42 from post-message: reported, the body stays, the next one runs"""
        seen = []

        def answers_a_number(events, args):
            seen.append(('number', args.message_body))
            return 42

        def next_listener(events, args):
            seen.append(('next', args.message_body))
            return args.message_body + '!'

        self.d.attach_listener('threadPostMessage', 0, answers_a_number)
        self.d.attach_listener('threadPostMessage', 1, next_listener)
        args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, 'hi', None)
        self.emit(self.d.props.thread.emit_post_message, args)
        self.assertEqual(seen, [('number', 'hi'), ('next', 'hi')])
        self.assertEqual(args.message_body, 'hi!')     # not '42', not '42!'
        self.assertEqual(self.d.get_failure_count(), 1)
        self.assertEqual(self.d.props.failure_count, 1)
        self.assert_reported('threadPostMessage', answers_a_number, 'int', 'str')
        say('post-message: 42 reported (%s), the body stayed "hi", the next listener made it "hi!"'
            % self.failures[0][1])

    def test_right_answers_pass(self):
        """a str, None, and a str subclass are answers"""
        class Body(str):
            pass
        self.d.attach_listener('threadPostMessage', 0, lambda e, a: a.message_body + '1')
        self.d.attach_listener('threadPostMessage', 1, lambda e, a: None)
        self.d.attach_listener('threadPostMessage', 2, lambda e, a: Body(a.message_body + '2'))
        args = MibewEvents.PostMessageArgs.new(None, MibewEvents.MessageKind.USER, 'x', None)
        self.emit(self.d.trigger, 'threadPostMessage', args)
        self.assertEqual(args.message_body, 'x12')
        self.assertEqual(self.d.get_failure_count(), 0)
        self.assertEqual(self.stderr.getvalue(), '')
        say('post-message: str, None and a str subclass are answers')


class TestAuthenticate(Case):
    def test_string_is_not_an_operator(self):
        """'alice' from authenticate: reported, no answer; the next one answers"""
        def answers_a_name(events, args):
            return 'alice'

        self.d.attach_listener('operatorAuthenticate', 0, answers_a_name)
        args = MibewEvents.AuthenticateArgs.new(None, MibewEvents.Request())
        self.assertFalse(self.emit(self.d.props.operator.emit_authenticate, args))
        self.assertIsNone(args.operator)
        self.assertEqual(self.d.get_failure_count(), 1)
        self.assert_reported('operatorAuthenticate', answers_a_name, 'str', 'MibewEvents.Operator')

        # the answer of a later listener wins
        carol = MibewEvents.Operator(vclogin='carol')
        self.d.attach_listener('operatorAuthenticate', 1, lambda e, a: carol)
        args = MibewEvents.AuthenticateArgs.new(None, MibewEvents.Request())
        self.assertTrue(self.emit(self.d.props.operator.emit_authenticate, args))
        self.assertIs(args.operator, carol)
        self.assertEqual(self.d.get_failure_count(), 2)
        self.assertEqual([e for e, m in self.failures], ['operatorAuthenticate'] * 2)
        say('authenticate: a str is reported and is no answer; a later Operator answered')


class TestNotify(Case):
    def test_notify_answers_are_ignored(self):
        """notify events ignore what listeners return, like Mibew"""
        ran = []

        def answers_anyway(events, args):
            ran.append(type(args).__name__)
            return 42

        for event in ('cronRun', 'threadClose', 'banCreate'):
            self.d.attach_listener(event, 0, answers_anyway)
        self.d.props.visitor.connect('track', lambda e, a: ran.append('track') or 'a string')
        self.emit(self.d.props.cron.emit_run, MibewEvents.EventArgs.new())
        self.emit(self.d.trigger, 'threadClose', MibewEvents.ThreadArgs.new(MibewEvents.Thread(), None))
        self.emit(self.d.trigger, 'banCreate', MibewEvents.BanArgs.new(MibewEvents.Ban(), None))
        self.emit(self.d.trigger, 'visitorTrack', MibewEvents.SiteVisitorArgs.new(MibewEvents.SiteVisitor()))
        self.assertEqual(ran, ['EventArgs', 'ThreadArgs', 'BanArgs', 'track'])
        self.assertEqual(self.d.get_failure_count(), 0)
        self.assertEqual(self.failures, [])
        self.assertEqual(self.stderr.getvalue(), '')
        say('notify listeners returning 42 or a string: ignored, nothing reported')


class TestListenerNames(Case):
    def test_names(self):
        """the message names the listener: a function, a callable object,
        one attached with user data, a handler connected after"""
        class Answerer:
            def __call__(self, events, args):
                return 7

        def with_data(events, args, tag):
            return [tag]

        def after(events, args):
            return 3.5

        self.d.attach_listener('threadPostMessage', 0, Answerer())
        self.d.attach_listener('threadFunctionCall', 0, with_data, 'tag')
        self.d.props.button.connect_after('generate', after)
        self.emit(self.d.trigger, 'threadPostMessage',
                  MibewEvents.PostMessageArgs.new(None, MibewEvents.MessageKind.USER, 'x', None))
        self.assert_reported('threadPostMessage', Answerer, 'int', 'str')
        self.emit(self.d.trigger, 'threadFunctionCall',
                  MibewEvents.FunctionCallArgs.new(None, 'f', None, json_object({'core': 1})))
        self.assert_reported('threadFunctionCall', with_data, 'list', 'Json.Object')
        self.emit(self.d.trigger, 'buttonGenerate',
                  MibewEvents.ButtonArgs.new(MibewEvents.ButtonFragment.new('<a/>'), None))
        self.assert_reported('buttonGenerate', after, 'float', 'MibewEvents.ButtonFragment')
        self.assertEqual(self.d.get_failure_count(), 3)
        say('wrong answers name their listeners: %s' % '; '.join(m for e, m in self.failures))

    def test_dict_is_still_an_answer(self):
        """a plain dict where a Json.Object is expected is converted, not reported"""
        self.d.attach_listener('usersFunctionCall', 0, lambda e, a: {'by': 'dict'})
        self.d.attach_listener('pageAddJsPluginOptions', 0, lambda e, a: {'plugin': {'on': True}})
        call = MibewEvents.FunctionCallArgs.new(None, 'f', None, json_object({'core': 1}))
        self.emit(self.d.trigger, 'usersFunctionCall', call)
        options = MibewEvents.PluginOptionsArgs.new(MibewEvents.Request(), None)
        self.emit(self.d.trigger, 'pageAddJsPluginOptions', options)
        self.assertEqual(to_python(call.results), {'core': 1, 'by': 'dict'})
        self.assertEqual(to_python(options.plugins), {'plugin': {'on': True}})
        self.assertEqual(self.d.get_failure_count(), 0)
        say('dicts are still answers for function-call and add-js-plugin-options')


class TestEveryEvent(Case):
    """Every alter, out and call event, through the three guarded ways of
    listening: three wrong answers (attach_listener, connect,
    connect_after), each followed by a listener that must still run and
    find the arguments as they were."""

    def check_event(self, name, category, signal, kind, properties):
        expected = ANSWER_TYPES[name]
        ok, cat, signal_name, kind_enum, args_type = MibewEvents.EventDispatcher.describe_event(name)
        self.assertTrue(ok)
        # the signal returns what the contract says
        query = GObject.signal_query(GObject.signal_lookup(signal_name, self.d.get_emitter(cat).__gtype__))
        self.assertEqual(python_name(query.return_type), expected)
        args = pyclass(args_type)()
        for index, pspec in enumerate(args.list_properties()):
            if pspec.flags & GObject.ParamFlags.WRITABLE:
                args.set_property(pspec.name, make_value(pspec, index))
        if name in OUT_SLOTS:
            args.set_property(OUT_SLOTS[name], None)
        before = snapshot(args)
        emitter = self.d.get_emitter(cat)
        wrong = wrong_answers(expected)
        order = []

        def make_wrong(tag, answer):
            def listener(events, a):
                order.append(tag)
                return answer
            listener.__qualname__ = '%s_wrong_%s' % (name, tag)
            return listener

        def make_observer(tag):
            def observer(events, a):
                order.append(tag)
                self.assertEqual(snapshot(a), before, '%s: %s found the arguments changed' % (name, tag))
                return None
            return observer

        wrong_listeners = [make_wrong(tag, answer) for tag, (answer, _) in zip('abc', wrong)]
        # attached listeners at or below priority 0 run before connected
        # handlers, those above after them; connect_after comes last
        self.d.attach_listener(name, -1, wrong_listeners[0])
        self.d.attach_listener(name, 0, make_observer('after a'))
        emitter.connect(signal_name, wrong_listeners[1])
        self.d.attach_listener(name, 1, make_observer('after b'))
        emitter.connect_after(signal_name, wrong_listeners[2])

        self.emit(self.d.trigger, name, args)
        self.assertEqual(order, ['a', 'after a', 'b', 'after b', 'c'], name)
        self.assertEqual(snapshot(args), before, '%s: the arguments changed' % name)
        self.assertEqual(self.d.get_failure_count(), 3, name)
        self.assertEqual([e for e, m in self.failures], [name] * 3)
        for i, (listener, (answer, got)) in enumerate(zip(wrong_listeners, wrong)):
            message = self.failures[i][1]
            self.assertIn(listener.__qualname__, message)
            self.assertIn('returned %s, expected %s' % (got, expected), message)
        say('%-25s 3 wrong answers (%s) reported, expected %s; arguments intact; the others ran'
            % (name, ', '.join(g for a, g in wrong), expected))


def _make_test(entry):
    def test(self):
        self.check_event(*entry)
    test.__doc__ = '%s: wrong answers are reported and change nothing' % entry[0]
    return test


for _i, _entry in enumerate(EVENTS):
    if _entry[3] != 'notify':
        setattr(TestEveryEvent, 'test_%02d_%s' % (_i + 1, _entry[0]), _make_test(_entry))


class TestContractTable(unittest.TestCase):
    def test_every_non_notify_event_is_checked(self):
        self.assertEqual(sorted(ANSWER_TYPES), sorted(e[0] for e in EVENTS if e[3] != 'notify'))


if __name__ == '__main__':
    unittest.main()
