#!/usr/bin/python3
# test_dispatch.py: the dispatcher from Python: priorities, detaching,
# errors, disconnecting, failing listeners, lifetimes
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gc
import os
import sys
import threading
import unittest
import weakref

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import (  # noqa: E402
    GLib, GObject, Gio, Json, MibewEvents, json_object, say, to_python,
)
from gi.module import get_introspection_module  # noqa: E402

# The bare introspected methods, without the override's guard: listeners
# attached or connected through them do not keep their dispatcher alive
# (see test_guarded_listener_does_not_keep_dispatcher_alive).
_raw = get_introspection_module('MibewEvents')


def raw_attach(dispatcher, event, priority, callback):
    return _raw.EventDispatcher.attach_listener(dispatcher, event, priority, callback)


def raw_connect(emitter, signal, callback):
    return GObject.Object.connect(emitter, signal, callback)

EventsError = MibewEvents.EventsError


def post_message_args(body='hi'):
    return MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, body, None)


class TestPriorities(unittest.TestCase):
    def test_mibew_order(self):
        """lower priority first, ties in attach order, default 0"""
        d = MibewEvents.EventDispatcher.new()
        order = []
        for tag, priority in (('a', -5), ('b', 10), ('c', 0), ('d', 0)):
            d.attach_listener('threadPostMessage', priority,
                              lambda e, a, tag=tag: order.append(tag))
        d.props.thread.emit_post_message(post_message_args())
        self.assertEqual(order, ['a', 'c', 'd', 'b'])
        say('priorities [-5, 10, 0, 0] ran as [-5, 0, 0, 10]: %s' % order)

    def test_negative_priorities_sort_numerically(self):
        d = MibewEvents.EventDispatcher.new()
        order = []
        for priority in (3, -5, -10, 0, 10, -1, 3, 2):
            d.attach_listener('banCreate', priority, lambda e, a, p=priority: order.append(p))
        self.assertTrue(d.trigger('banCreate', MibewEvents.BanArgs.new(MibewEvents.Ban(), None)))
        self.assertEqual(order, [-10, -5, -1, 0, 2, 3, 3, 10])
        say('priorities sort numerically: %s' % order)

    def test_gsignal_handlers_take_part(self):
        """connect() runs as priority 0 attached last; connect_after() after all"""
        d = MibewEvents.EventDispatcher.new()
        order = []
        thread_events = d.props.thread
        thread_events.connect_after('post-message', lambda e, a: order.append('after'))
        d.attach_listener('threadPostMessage', 1, lambda e, a: order.append('+1'))
        thread_events.connect('post-message', lambda e, a: order.append('connect'))
        d.attach_listener('threadPostMessage', 0, lambda e, a: order.append('0'))
        d.attach_listener('threadPostMessage', -1, lambda e, a: order.append('-1'))
        d.attach_listener('threadPostMessage', 100, lambda e, a: order.append('+100'))
        d.trigger('threadPostMessage', post_message_args())
        self.assertEqual(order, ['-1', '0', 'connect', '+1', '+100', 'after'])
        say('with GSignal handlers: %s' % order)

    def test_user_data(self):
        d = MibewEvents.EventDispatcher.new()
        got = []
        d.attach_listener('cronRun', 0, lambda e, a, x, y: got.append((x, y)), 'x', 42)
        d.props.cron.emit_run(MibewEvents.EventArgs.new())
        self.assertEqual(got, [('x', 42)])
        say('attach_listener passes extra user data: %s' % got)


class TestDetach(unittest.TestCase):
    def test_detach_exactly_one(self):
        d = MibewEvents.EventDispatcher.new()
        order = []

        def listener(e, a):
            order.append('same')
        first = d.attach_listener('threadClose', 0, listener)
        second = d.attach_listener('threadClose', 0, listener)   # twice: runs twice
        other = d.attach_listener('threadClose', 1, lambda e, a: order.append('other'))
        self.assertEqual(len({first, second, other}), 3)
        self.assertEqual(d.get_listener_count('threadClose'), 3)
        args = MibewEvents.ThreadArgs.new(MibewEvents.Thread(), None)
        d.props.thread.emit_close(args)
        self.assertEqual(order, ['same', 'same', 'other'])

        self.assertTrue(d.detach_listener('threadClose', first))
        self.assertEqual(d.get_listener_count('threadClose'), 2)
        del order[:]
        d.props.thread.emit_close(args)
        self.assertEqual(order, ['same', 'other'])

        self.assertTrue(d.detach_listener('threadClose', other))
        self.assertTrue(d.detach_listener('threadClose', second))
        del order[:]
        d.props.thread.emit_close(args)
        self.assertEqual(order, [])
        self.assertEqual(d.get_listener_count('threadClose'), 0)
        say('detach_listener removed exactly one listener each time')

    def test_detach_detailed(self):
        d = MibewEvents.EventDispatcher.new()
        listener_id = d.attach_listener('usersFunctionCall::ping', 0, lambda e, a: None)
        self.assertTrue(d.detach_listener('usersFunctionCall::ping', listener_id))
        listener_id = d.attach_listener('usersFunctionCall::ping', 0, lambda e, a: None)
        self.assertTrue(d.detach_listener('usersFunctionCall', listener_id))
        say('a detailed listener detaches with or without its detail')

    def test_errors(self):
        d = MibewEvents.EventDispatcher.new()
        listener_id = d.attach_listener('threadClose', 0, lambda e, a: None)

        # unknown listener id
        with self.assertRaises(GLib.Error) as cm:
            d.detach_listener('threadClose', listener_id + 1000)
        self.assertTrue(cm.exception.matches(EventsError.quark(), EventsError.UNKNOWN_LISTENER))
        self.assertEqual(cm.exception.domain, GLib.quark_to_string(EventsError.quark()))
        self.assertEqual(cm.exception.code, int(EventsError.UNKNOWN_LISTENER))

        # the right id on the wrong event
        with self.assertRaises(GLib.Error) as cm:
            d.detach_listener('threadCreate', listener_id)
        self.assertTrue(cm.exception.matches(EventsError.quark(), EventsError.UNKNOWN_LISTENER))

        # detaching twice
        self.assertTrue(d.detach_listener('threadClose', listener_id))
        with self.assertRaises(GLib.Error) as cm:
            d.detach_listener('threadClose', listener_id)
        self.assertTrue(cm.exception.matches(EventsError.quark(), EventsError.UNKNOWN_LISTENER))

        # unknown events: attach, detach, trigger
        for call in (lambda: d.attach_listener('threadExplode', 0, lambda e, a: None),
                     lambda: d.detach_listener('threadExplode', 1),
                     lambda: d.trigger('threadExplode', MibewEvents.EventArgs.new())):
            with self.assertRaises(GLib.Error) as cm:
                call()
            self.assertTrue(cm.exception.matches(EventsError.quark(), EventsError.UNKNOWN_EVENT))
            self.assertEqual(cm.exception.code, int(EventsError.UNKNOWN_EVENT))
            self.assertIn('threadExplode', cm.exception.message)

        # arguments of the wrong class: nothing is emitted
        ran = []
        d.attach_listener('threadClose', 0, lambda e, a: ran.append(a))
        with self.assertRaises(GLib.Error) as cm:
            d.trigger('threadClose', post_message_args())
        self.assertTrue(cm.exception.matches(EventsError.quark(), EventsError.INVALID_ARGUMENTS))
        self.assertEqual(ran, [])
        say('GLib.Error in the MibewEvents.EventsError domain: UNKNOWN_LISTENER, UNKNOWN_EVENT, '
            'INVALID_ARGUMENTS')

    def test_detach_during_emission(self):
        """a listener detached by an earlier one does not run in that emission"""
        d = MibewEvents.EventDispatcher.new()
        order = []
        ids = {}

        def first(e, a):
            order.append('first')
            d.detach_listener('threadClose', ids['victim'])
            ids['late'] = d.attach_listener('threadClose', 5, lambda e, a: order.append('late'))

        d.attach_listener('threadClose', 0, first)
        ids['victim'] = d.attach_listener('threadClose', 1, lambda e, a: order.append('victim'))
        d.attach_listener('threadClose', 2, lambda e, a: order.append('last'))
        d.props.thread.emit_close(MibewEvents.ThreadArgs.new(MibewEvents.Thread(), None))
        # attached during the emission: not in this one
        self.assertEqual(order, ['first', 'last'])
        say('detach during an emission: the victim did not run; the new listener waits: %s' % order)

    def test_disconnect(self):
        d = MibewEvents.EventDispatcher.new()
        order = []
        events = d.get_emitter(MibewEvents.EventCategory.VISITOR)
        handler_id = events.connect('track', lambda e, a: order.append('connected'))
        after_id = events.connect_after('track', lambda e, a: order.append('after'))
        d.attach_listener('visitorTrack', 0, lambda e, a: order.append('attached'))
        args = MibewEvents.SiteVisitorArgs.new(MibewEvents.SiteVisitor())
        events.emit_track(args)
        self.assertEqual(order, ['attached', 'connected', 'after'])
        events.disconnect(handler_id)
        del order[:]
        events.emit_track(args)
        self.assertEqual(order, ['attached', 'after'])
        events.handler_disconnect(after_id)
        del order[:]
        self.assertTrue(d.trigger('visitorTrack', args))
        self.assertEqual(order, ['attached'])
        self.assertEqual(d.get_listener_count('visitorTrack'), 1)
        say('disconnect() of connected handlers: they stop running; attached ones stay')


class TestFailingListeners(unittest.TestCase):
    def test_exception_isolation(self):
        d = MibewEvents.EventDispatcher.new()
        failures = []
        d.connect('listener-failed', lambda disp, event, message: failures.append((event, message)))
        order = []

        def ok(tag):
            def listener(e, a):
                order.append(tag)
                return a.message_body + tag
            return listener

        def boom(e, a):
            order.append('boom')
            raise ValueError('listener exploded')

        def boom_signal(e, a):
            order.append('boom-signal')
            raise KeyError('signal handler exploded')

        d.attach_listener('threadPostMessage', -1, ok('1'))
        d.attach_listener('threadPostMessage', 0, boom)
        d.props.thread.connect('post-message', boom_signal)
        d.attach_listener('threadPostMessage', 2, ok('2'))
        d.props.thread.connect_after('post-message', ok('3'))
        self.assertEqual(d.props.failure_count, 0)

        args = post_message_args('x')
        d.props.thread.emit_post_message(args)
        self.assertEqual(order, ['1', 'boom', 'boom-signal', '2', '3'])
        # the chain went on past the failing listeners
        self.assertEqual(args.message_body, 'x123')
        self.assertEqual(d.props.failure_count, 2)
        self.assertEqual(d.get_failure_count(), 2)
        self.assertEqual([f[0] for f in failures], ['threadPostMessage', 'threadPostMessage'])
        self.assertIn('ValueError', failures[0][1])
        self.assertIn('listener exploded', failures[0][1])
        self.assertIn('KeyError', failures[1][1])

        # again through the trigger: the process is fine, counts go on
        del order[:]
        self.assertTrue(d.trigger('threadPostMessage', args))
        self.assertEqual(order, ['1', 'boom', 'boom-signal', '2', '3'])
        self.assertEqual(d.props.failure_count, 4)
        self.assertEqual(len(failures), 4)
        say('raising listeners: the others ran, failure-count = %d, listener-failed got %s'
            % (d.props.failure_count, failures[0]))

    def test_failing_detailed_handler_names_event(self):
        d = MibewEvents.EventDispatcher.new()
        failures = []
        d.connect('listener-failed', lambda disp, event, message: failures.append(event))

        def boom(e, a):
            raise RuntimeError('nope')
        d.props.users.connect('function-call::ping', boom)
        d.attach_listener('usersFunctionCall::ping', 0, boom)
        args = MibewEvents.FunctionCallArgs.new(None, 'ping', None, None)
        d.props.users.emit_function_call(args)
        # the attached listener (priority 0) runs before the handler; both
        # name the event the same way, without the function detail
        self.assertEqual(failures, ['usersFunctionCall', 'usersFunctionCall'])
        self.assertEqual(d.props.failure_count, 2)
        say('failures of detailed listeners name the event: %s' % failures)

    def test_out_event_with_failing_listener(self):
        """a failing listener is no answer: the next one answers"""
        d = MibewEvents.EventDispatcher.new()

        def boom(e, a):
            raise ValueError('no operator for you')

        def answer(e, a):
            return MibewEvents.Operator(vclogin='carol')
        d.attach_listener('operatorAuthenticate', 0, boom)
        d.attach_listener('operatorAuthenticate', 1, answer)
        args = MibewEvents.AuthenticateArgs.new(None, MibewEvents.Request())
        self.assertTrue(d.props.operator.emit_authenticate(args))
        self.assertEqual(args.operator.vclogin, 'carol')
        self.assertEqual(d.props.failure_count, 1)
        say('operator-authenticate: after a failing listener the next one answered')

    def test_report_failure_from_python(self):
        d = MibewEvents.EventDispatcher.new()
        failures = []
        d.connect('listener-failed', lambda disp, event, message: failures.append((event, message)))
        d.report_failure('cronRun', 'disk full')
        self.assertEqual(failures, [('cronRun', 'disk full')])
        self.assertEqual(d.props.failure_count, 1)
        say('report_failure() from Python counts and signals')


class TestLifetimes(unittest.TestCase):
    def test_listener_keeps_values(self):
        """values a listener keeps outlive the dispatcher and the emitter's references"""
        # unguarded listeners: the dispatcher really goes away
        self.check_listener_keeps_values(raw_attach, dispatcher_freed=True)
        say('(bare attach_listener: the dispatcher was finalized)')

    def test_guarded_listener_keeps_values(self):
        """the same through the override's attach_listener"""
        self.check_listener_keeps_values(lambda d, *rest: d.attach_listener(*rest), dispatcher_freed=False)
        say('(override attach_listener: values intact; the dispatcher itself leaks, see below)')

    def check_listener_keeps_values(self, attach, dispatcher_freed):
        kept = []

        def keep(events, a):
            kept.append({'args': a, 'thread': a.thread, 'options': a.message_options,
                         'body': a.message_body, 'events': events})

        def keep_call(events, a):
            kept.append({'args': a, 'results': a.results, 'arguments': a.arguments,
                         'processor': a.request_processor})
            a.results.set_string_member('answer', 'yes')

        def keep_list(events, a):
            kept.append({'threads': a.threads, 'first': a.threads.get_item(0)})

        d = MibewEvents.EventDispatcher.new()
        attach(d, 'threadPostMessage', 0, keep)
        attach(d, 'threadFunctionCall', 0, keep_call)
        attach(d, 'usersUpdateThreadsAlter', 0, keep_list)

        thread = MibewEvents.Thread()
        thread.user_name = 'kept visitor'
        thread.set_member('custom', Json.Node.alloc().init_string('kept key'))
        args = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.AGENT, 'kept body',
                                               json_object({'plugin': 'keeper'}))
        d.props.thread.emit_post_message(args)

        processor = MibewEvents.RequestProcessor(kind='thread')
        call_args = MibewEvents.FunctionCallArgs.new(processor, 'keepIt', json_object({'n': 1}),
                                                     json_object({'core': True}))
        d.trigger('threadFunctionCall', call_args)

        store = Gio.ListStore.new(MibewEvents.ListThread)
        store.append(MibewEvents.ListThread(user_name='listed'))
        d.props.users.emit_update_threads_alter(MibewEvents.ListThreadsArgs.new(store))

        thread_ref = weakref.ref(thread)
        dispatcher_ref = weakref.ref(d)
        # the emitter's references and the dispatcher go
        del d, args, thread, processor, call_args, store
        gc.collect()
        if dispatcher_freed:
            self.assertIsNone(dispatcher_ref())
        self.assertIsNotNone(thread_ref())      # kept alive by the listener's list
        self.assertEqual(len(kept), 3)

        post, call, listed = kept
        self.assertEqual(post['body'], 'kept body')
        self.assertEqual(post['args'].message_body, 'kept body')
        self.assertEqual(post['args'].message_kind, MibewEvents.MessageKind.AGENT)
        self.assertIs(post['args'].thread, post['thread'])
        self.assertEqual(post['thread'].user_name, 'kept visitor')
        self.assertEqual(post['thread'].get_string('custom'), 'kept key')
        self.assertEqual(to_python(post['options']), {'plugin': 'keeper'})
        self.assertEqual(to_python(post['args'].message_options), {'plugin': 'keeper'})
        # the category object outlived its dispatcher, which is gone
        self.assertIsInstance(post['events'], MibewEvents.ThreadEvents)
        if dispatcher_freed:
            self.assertIsNone(post['events'].get_dispatcher())
        self.assertEqual(post['events'].get_event_name('post-message'), 'threadPostMessage')
        self.assertEqual(to_python(call['results']), {'core': True, 'answer': 'yes'})
        self.assertEqual(to_python(call['args'].results), {'core': True, 'answer': 'yes'})
        self.assertEqual(to_python(call['arguments']), {'n': 1})
        self.assertEqual(call['processor'].kind, 'thread')
        self.assertEqual(call['args'].function, 'keepIt')
        self.assertEqual(listed['threads'].get_n_items(), 1)
        self.assertIs(listed['threads'].get_item(0), listed['first'])
        self.assertEqual(listed['first'].user_name, 'listed')

        # and they still work as live objects
        post['args'].message_body = 'changed later'
        post['options'].set_int_member('n', 2)
        self.assertEqual(to_python(post['args'].message_options), {'plugin': 'keeper', 'n': 2})
        kept.clear()
        del post, call, listed
        gc.collect()
        if dispatcher_freed:
            self.assertIsNone(thread_ref())
        say('kept args / thread / options / results / list items intact after the dispatcher is gone')

    def test_emitter_outlives_dispatcher(self):
        d = MibewEvents.EventDispatcher.new()
        seen = []
        events = d.props.button
        raw_attach(d, 'buttonGenerate', 0, lambda e, a: seen.append('attached'))
        raw_connect(events, 'generate', lambda e, a: seen.append('connected'))
        del d
        gc.collect()
        self.assertIsNone(events.get_dispatcher())
        # emitting on a category object whose dispatcher is gone: the
        # GSignal handler runs, the listeners went with the dispatcher
        events.emit_generate(MibewEvents.ButtonArgs.new(MibewEvents.ButtonFragment.new('x'), None))
        self.assertIn('connected', seen)
        say('a category object kept past its dispatcher still emits: %s' % seen)

    def test_listener_released(self):
        """detaching and dropping the dispatcher release the Python listener"""
        class Listener:
            def __init__(self):
                self.calls = 0

            def __call__(self, events, args):
                self.calls += 1

        d = MibewEvents.EventDispatcher.new()
        listener = Listener()
        ref = weakref.ref(listener)
        listener_id = d.attach_listener('threadCreate', 0, listener)
        del listener
        gc.collect()
        self.assertIsNotNone(ref())
        d.props.thread.emit_create(MibewEvents.ThreadArgs.new(MibewEvents.Thread(), None))
        self.assertEqual(ref().calls, 1)
        d.detach_listener('threadCreate', listener_id)
        gc.collect()
        self.assertIsNone(ref(), 'a detached listener is still referenced')

        listener = Listener()
        ref = weakref.ref(listener)
        raw_attach(d, 'threadCreate', 0, listener)
        handler = Listener()
        handler_ref = weakref.ref(handler)
        raw_connect(d.props.thread, 'create', handler)
        del listener, handler, d
        gc.collect()
        self.assertIsNone(ref(), 'a listener outlived its dispatcher')
        self.assertIsNone(handler_ref(), 'a handler outlived its category object')
        say('Python listeners are released on detach and with the dispatcher')

    def test_guarded_listener_does_not_keep_dispatcher_alive(self):
        """The override's guard must not capture the dispatcher: the guarded
        function lives in a GClosure owned by the dispatcher's category
        object, and dispatcher -> emitter -> closure -> dispatcher would be
        a cycle through C that Python's gc cannot see."""
        leaked = []
        for how in ('attach_listener', 'connect'):
            d = MibewEvents.EventDispatcher.new()
            if how == 'attach_listener':
                d.attach_listener('cronRun', 0, lambda e, a: None)
            else:
                d.props.cron.connect('run', lambda e, a: None)
            ref = weakref.ref(d)
            del d
            gc.collect()
            if ref() is not None:
                leaked.append(how)
        say('dispatchers kept alive by a guarded Python listener: %s' % (leaked or 'none'))
        self.assertEqual(leaked, [])

    def test_default_dispatcher(self):
        d = MibewEvents.EventDispatcher.get_default()
        self.assertIs(d, MibewEvents.EventDispatcher.get_default())
        got = []
        listener_id = d.attach_listener('cronRun', 0, lambda e, a: got.append(a))
        args = MibewEvents.EventArgs.new()
        d.get_cron().emit_run(args)
        self.assertEqual(len(got), 1)
        self.assertIs(got[0], args)
        d.detach_listener('cronRun', listener_id)
        say('the default dispatcher works from Python')

    def test_emission_from_threads(self):
        """Python listeners run on the emitting thread, with the GIL taken"""
        d = MibewEvents.EventDispatcher.new()
        lock = threading.Lock()
        seen = []

        def listener(events, a):
            with lock:
                seen.append(threading.get_ident())
            return a.message_body + '.'

        d.attach_listener('threadPostMessage', 0, listener)
        d.props.thread.connect('post-message', listener)

        def worker():
            for _ in range(50):
                args = post_message_args('w')
                d.props.thread.emit_post_message(args)
                assert args.message_body == 'w..', args.message_body

        workers = [threading.Thread(target=worker) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        self.assertEqual(len(seen), 4 * 50 * 2)
        self.assertEqual(set(seen), {w.ident for w in workers})
        self.assertEqual(d.props.failure_count, 0)
        say('4 threads x 50 emissions: every listener ran on its emitting thread')


if __name__ == '__main__':
    unittest.main()
