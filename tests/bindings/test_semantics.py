#!/usr/bin/python3
# test_semantics.py: what Python listeners change and return, per kind of
# event
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Python's mirror of tests/test-accumulators.c, for every alter, out and
# call event: a change a Python listener makes to the arguments is seen by
# the listeners that follow (a listener attached with a higher priority
# and a handler connected with connect_after) and by the emitter, which
# reads the arguments after the emission; a value a Python listener
# returns is folded by the event's accumulator (alter: chain replaces;
# out: first wins and ends the emission; call and plugin options: merge,
# later keys win; assets: append).

import ctypes
import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import (  # noqa: E402
    Gio, Json, MibewEvents, json_node, json_object, say, to_python,
)

EK = MibewEvents.EventKind


def new_request(path='/chat'):
    request = MibewEvents.Request()
    request.method = 'GET'
    request.path = path
    return request


class Case(unittest.TestCase):
    """Each test gets its own dispatcher; every listener must have run
    without an exception (the override reports those as failures)."""

    def setUp(self):
        self.d = MibewEvents.EventDispatcher.new()
        self.seen = []
        self.failed = []
        self.d.connect('listener-failed', lambda d, ev, msg: self.failed.append((ev, msg)))

    def tearDown(self):
        self.assertEqual(self.failed, [])
        self.assertEqual(self.d.props.failure_count, 0)

    def attach(self, event, priority, func):
        listener_id = self.d.attach_listener(event, priority, func)
        self.assertNotEqual(listener_id, 0)
        return listener_id

    def check_kind(self, event, kind):
        ok, category, signal, got_kind, args_type = MibewEvents.EventDispatcher.describe_event(event)
        self.assertTrue(ok)
        self.assertEqual(got_kind, kind, event)


# --------------------------------------------------------------------- alter

class TestAlter(Case):
    def test_post_message_mutation(self):
        """threadPostMessage: body, kind and options changed in place"""
        self.check_kind('threadPostMessage', EK.ALTER)
        thread = MibewEvents.Thread()
        thread.user_name = 'visitor'
        args = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.USER, 'hello', None)

        def python_listener(events, a):
            self.seen.append(('python', a.message_body))
            a.message_body = a.message_body + '!'
            a.props.message_kind = MibewEvents.MessageKind.INFO
            a.message_options.set_string_member('plugin', 'shouter')
            a.get_message_options().set_int_member('operator_id', 7)
            return None

        def following(events, a):
            self.seen.append(('following', a.message_body, a.message_kind,
                              a.message_options.get_string_member('plugin')))

        def after(events, a):
            self.seen.append(('after', a.props.message_body, a.get_message_kind(),
                              to_python(a.props.message_options)))

        self.attach('threadPostMessage', 0, python_listener)
        self.attach('threadPostMessage', 5, following)
        self.d.props.thread.connect_after('post-message', after)
        self.d.get_thread().emit_post_message(args)

        self.assertEqual(self.seen, [
            ('python', 'hello'),
            ('following', 'hello!', MibewEvents.MessageKind.INFO, 'shouter'),
            ('after', 'hello!', MibewEvents.MessageKind.INFO, {'plugin': 'shouter', 'operator_id': 7}),
        ])
        # the emitter sees the final values
        self.assertEqual(args.get_message_body(), 'hello!')
        self.assertEqual(args.get_message_kind(), MibewEvents.MessageKind.INFO)
        self.assertEqual(to_python(args.get_message_options()), {'plugin': 'shouter', 'operator_id': 7})
        self.assertIs(args.get_thread(), thread)
        self.assertEqual(thread.user_name, 'visitor')
        say('post-message: body, kind and options changed in Python reach the next listeners and the emitter')

    def test_post_message_return_chains(self):
        """threadPostMessage: a returned body replaces the body (chain)"""
        args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, 'hi', None)

        def upper(events, a):
            self.seen.append(('upper', a.message_body))
            return a.message_body.upper()

        def exclaim(events, a):
            self.seen.append(('exclaim', a.message_body))
            return a.message_body + '!'

        def observe(events, a):
            self.seen.append(('observe', a.message_body))
            return None     # no answer: the body stays

        self.attach('threadPostMessage', -1, upper)
        self.d.props.thread.connect('post-message', exclaim)   # priority-0 position
        self.attach('threadPostMessage', 9, observe)
        self.d.trigger('threadPostMessage', args)
        self.assertEqual(self.seen, [('upper', 'hi'), ('exclaim', 'HI'), ('observe', 'HI!')])
        self.assertEqual(args.message_body, 'HI!')

        # the typed emitter gives the same
        args.message_body = 'yo'
        del self.seen[:]
        self.d.props.thread.emit_post_message(args)
        self.assertEqual(args.message_body, 'YO!')
        say('post-message: returned bodies chain: hi -> HI -> HI! (trigger and typed emitter)')

    def test_button_generate(self):
        """buttonGenerate: a returned ButtonFragment replaces the button"""
        self.check_kind('buttonGenerate', EK.ALTER)
        original = MibewEvents.ButtonFragment.new('<a>chat</a>')
        generator = json_object({'kind': 'image', 'locale': 'en'})
        args = MibewEvents.ButtonArgs.new(original, generator)
        made = []

        def wrap(events, a):
            self.seen.append(('wrap', a.button.get_html(), a.generator.get_string_member('kind')))
            # ButtonFragment is not a Record: no property-as-attribute
            fragment = MibewEvents.ButtonFragment.new('<div>%s</div>' % a.button.props.html)
            made.append(fragment)
            return fragment

        def mutate(events, a):
            self.seen.append(('mutate', a.button.get_html()))
            self.assertIs(a.button, made[0])
            a.button.props.html = a.button.props.html + '<!-- python -->'

        def after(events, a):
            self.seen.append(('after', a.props.button.props.html))

        self.attach('buttonGenerate', 0, wrap)
        self.attach('buttonGenerate', 1, mutate)
        self.d.props.button.connect_after('generate', after)
        self.d.props.button.emit_generate(args)
        self.assertEqual(self.seen, [
            ('wrap', '<a>chat</a>', 'image'),
            ('mutate', '<div><a>chat</a></div>'),
            ('after', '<div><a>chat</a></div><!-- python -->'),
        ])
        self.assertIs(args.get_button(), made[0])
        self.assertEqual(args.get_button().get_html(), '<div><a>chat</a></div><!-- python -->')
        self.assertEqual(original.get_html(), '<a>chat</a>')
        say('button-generate: the returned ButtonFragment replaced the button; a later change stuck')

    def test_page_assets_append(self):
        """pageAddCss / pageAddJs: returned asset lists append"""
        for event, signal, emit in (('pageAddCss', 'add-css', 'emit_add_css'),
                                    ('pageAddJs', 'add-js', 'emit_add_js')):
            self.check_kind(event, EK.ALTER)
            ext = 'css' if event == 'pageAddCss' else 'js'
            args = MibewEvents.AssetsArgs.new(new_request(), None)
            args.assets.add_url('core.' + ext)

            def give(events, a, ext=ext):
                extra = MibewEvents.AssetList.new()
                extra.add_url('a.' + ext)
                extra.add(MibewEvents.Asset.new('https://cdn.example.org/b.' + ext,
                                                MibewEvents.AssetType.ABSOLUTE, 300))
                return extra

            def add_inline(events, a):
                a.assets.add_inline('/* inline */', 100)

            def give_after(events, a, ext=ext):
                # sees what the listeners before added and returned
                self.seen.append([a.assets.get_asset(i).get_content() for i in range(a.assets.get_n_items())])
                extra = MibewEvents.AssetList.new()
                extra.add_url('c.' + ext)
                return extra

            d = MibewEvents.EventDispatcher.new()
            del self.seen[:]
            d.attach_listener(event, 0, give)
            d.attach_listener(event, 1, add_inline)
            d.get_page().connect_after(signal, give_after)
            getattr(d.get_page(), emit)(args)

            contents = [args.assets.get_asset(i).get_content() for i in range(args.assets.get_n_items())]
            self.assertEqual(self.seen, [contents[:-1]])
            self.assertEqual(contents, ['core.' + ext, 'a.' + ext, 'https://cdn.example.org/b.' + ext,
                                        '/* inline */', 'c.' + ext])
            resolved = args.assets.resolve()
            self.assertEqual([resolved.get_asset(i).get_content() for i in range(resolved.get_n_items())],
                             ['/* inline */', 'https://cdn.example.org/b.' + ext, 'core.' + ext,
                              'a.' + ext, 'c.' + ext])
            self.assertEqual(d.get_failure_count(), 0)
            say('%s: returned AssetLists appended, inline added in place: %s' % (signal, contents))

    def test_plugin_options_merge(self):
        """pageAddJsPluginOptions: returned dicts merge, later keys win"""
        self.check_kind('pageAddJsPluginOptions', EK.ALTER)
        args = MibewEvents.PluginOptionsArgs.new(new_request(), json_object({'core': {'x': 1}}))

        def first(events, a):
            return json_object({'alpha': {'color': 'red'}, 'beta': {'on': True}})

        def mutate(events, a):
            self.seen.append(sorted(to_python(a.plugins)))
            a.plugins.set_object_member('gamma', json_object({'n': 3}))

        def second(events, a):
            self.seen.append(sorted(to_python(a.plugins)))
            return json_object({'beta': {'on': False}})

        self.attach('pageAddJsPluginOptions', 0, first)
        self.attach('pageAddJsPluginOptions', 1, mutate)
        self.d.props.page.connect_after('add-js-plugin-options', second)
        self.assertTrue(self.d.trigger('pageAddJsPluginOptions', args))
        self.assertEqual(self.seen, [['alpha', 'beta', 'core'], ['alpha', 'beta', 'core', 'gamma']])
        self.assertEqual(to_python(args.plugins), {
            'core': {'x': 1}, 'alpha': {'color': 'red'}, 'beta': {'on': False}, 'gamma': {'n': 3},
        })
        say('add-js-plugin-options: returned Json.Objects merged, the later "beta" won')

    def test_routes_alter(self):
        """routesAlter: routes added in place; a returned collection replaces"""
        self.check_kind('routesAlter', EK.ALTER)
        routes = MibewEvents.RouteCollection.new()
        routes.add_route('chat_user', '/chat', None, None, ['GET'])
        args = MibewEvents.RoutesArgs.new(routes)
        replacement = []

        def add(events, a):
            a.routes.add_route('example_page', '/example/{id}', json_object({'id': 1}),
                               json_object({'id': r'\d+'}), ['GET', 'POST'])

        def replace(events, a):
            self.seen.append(sorted(a.routes.get_names()))
            new = MibewEvents.RouteCollection.new()
            for name in a.routes.get_names():
                if name != 'chat_user':
                    new.add_route(name, a.routes.get_path(name), None, None, None)
            new.add_route('replaced', '/r', None, None, None)
            replacement.append(new)
            return new

        def after(events, a):
            self.seen.append(sorted(a.routes.get_names()))

        self.attach('routesAlter', 0, add)
        self.attach('routesAlter', 1, replace)
        self.d.props.routing.connect_after('routes-alter', after)
        self.d.props.routing.emit_routes_alter(args)
        self.assertEqual(self.seen, [['chat_user', 'example_page'], ['example_page', 'replaced']])
        self.assertIs(args.routes, replacement[0])
        self.assertEqual(args.routes.get_path('example_page'), '/example/{id}')
        self.assertTrue(routes.has_route('example_page'))   # the change in place stayed in the old one
        say('routes-alter: add_route in place seen by the next listener; returned collection replaced it')

    def test_get_messages_alter(self):
        """threadGetMessagesAlter: a returned Gio.ListStore replaces the list"""
        self.check_kind('threadGetMessagesAlter', EK.ALTER)
        messages = Gio.ListStore.new(MibewEvents.Message)
        for i, text in enumerate(['hello', 'secret', 'bye']):
            m = MibewEvents.Message()
            m.id = i + 1
            m.message = text
            m.kind = MibewEvents.MessageKind.USER
            messages.append(m)
        thread = MibewEvents.Thread()
        args = MibewEvents.MessagesArgs.new(thread, messages)
        returned = []

        def censor(events, a):
            out = Gio.ListStore.new(MibewEvents.Message)
            for m in a.messages:
                if m.message != 'secret':
                    out.append(m)
            returned.append(out)
            return out

        def mark(events, a):
            self.seen.append([m.message for m in a.messages])
            for m in a.messages:
                m.set_string('plugin', 'censor')

        def after(events, a):
            self.seen.append([m.plugin for m in a.messages])

        self.attach('threadGetMessagesAlter', 0, censor)
        self.attach('threadGetMessagesAlter', 1, mark)
        self.d.props.thread.connect_after('get-messages-alter', after)
        self.d.get_thread().emit_get_messages_alter(args)
        self.assertEqual(self.seen, [['hello', 'bye'], ['censor', 'censor']])
        self.assertIs(args.messages, returned[0])
        self.assertIs(args.thread, thread)
        self.assertEqual([(m.message, m.plugin) for m in args.get_messages()],
                         [('hello', 'censor'), ('bye', 'censor')])
        self.assertEqual(messages.get_n_items(), 3)
        say('get-messages-alter: the returned Gio.ListStore replaced the messages')

    def test_update_threads_custom_key(self):
        """usersUpdateThreadsAlter: custom keys added in Python survive"""
        self.check_kind('usersUpdateThreadsAlter', EK.ALTER)
        threads = Gio.ListStore.new(MibewEvents.ListThread)
        for i in range(3):
            t = MibewEvents.ListThread()
            t.id = 100 + i
            t.user_name = 'user %d' % i
            threads.append(t)
        args = MibewEvents.ListThreadsArgs.new(threads)

        def add_keys(events, a):
            for t in a.threads:
                t.set_member('customBadge', json_node({'level': t.id - 99, 'tags': ['vip']}))
                t.get_json().set_string_member('customNote', 'note %d' % t.id)
                t.user_name = t.user_name.upper()

        def check_keys(events, a):
            self.seen.append([(t.get_member('customBadge').get_object().get_int_member('level'),
                               t.get_string('customNote'), t.user_name) for t in a.threads])

        self.attach('usersUpdateThreadsAlter', 0, add_keys)
        self.d.props.users.connect_after('update-threads-alter', check_keys)
        self.d.props.users.emit_update_threads_alter(args)
        expected = [(1, 'note 100', 'USER 0'), (2, 'note 101', 'USER 1'), (3, 'note 102', 'USER 2')]
        self.assertEqual(self.seen, [expected])
        self.assertIs(args.threads, threads)
        for t in args.threads:
            form = to_python(t.to_json())
            self.assertEqual(form['customBadge'], {'level': t.id - 99, 'tags': ['vip']})
            self.assertEqual(form['customNote'], 'note %d' % t.id)
            self.assertEqual(form['userName'], t.user_name)
            self.assertEqual(form['id'], t.id)
        say('update-threads-alter: custom keys set with set_member / get_json survive in to_json()')

    def test_update_threads_return(self):
        """usersUpdateThreadsAlter: a returned Gio.ListStore replaces the threads"""
        threads = Gio.ListStore.new(MibewEvents.ListThread)
        for i in range(3):
            t = MibewEvents.ListThread()
            t.id = i
            t.state = MibewEvents.ThreadState.CHATTING if i else MibewEvents.ThreadState.CLOSED
            threads.append(t)
        args = MibewEvents.ListThreadsArgs.new(threads)
        returned = []

        def drop_closed(events, a):
            out = Gio.ListStore.new(MibewEvents.ListThread)
            for t in a.threads:
                if t.state != MibewEvents.ThreadState.CLOSED:
                    out.append(t)
            returned.append(out)
            return out

        def after(events, a):
            self.seen.append([t.id for t in a.threads])

        self.attach('usersUpdateThreadsAlter', 0, drop_closed)
        self.d.props.users.connect_after('update-threads-alter', after)
        self.assertTrue(self.d.trigger('usersUpdateThreadsAlter', args))
        self.assertEqual(self.seen, [[1, 2]])
        self.assertIs(args.threads, returned[0])
        say('update-threads-alter: the returned Gio.ListStore replaced the threads')

    def test_update_visitors_alter(self):
        """usersUpdateVisitorsAlter: returned list replaces; appended items stay"""
        self.check_kind('usersUpdateVisitorsAlter', EK.ALTER)
        visitors = Gio.ListStore.new(MibewEvents.ListVisitor)
        v = MibewEvents.ListVisitor()
        v.user_name = 'first'
        visitors.append(v)
        args = MibewEvents.ListVisitorsArgs.new(visitors)
        new_list = []

        def append(events, a):
            extra = MibewEvents.ListVisitor()
            extra.user_name = 'added'
            extra.set_member('geo', json_node({'country': 'NZ'}))
            a.visitors.append(extra)

        def replace(events, a):
            self.seen.append([x.user_name for x in a.visitors])
            out = Gio.ListStore.new(MibewEvents.ListVisitor)
            for x in reversed(list(a.visitors)):
                out.append(x)
            new_list.append(out)
            return out

        self.attach('usersUpdateVisitorsAlter', 0, append)
        self.attach('usersUpdateVisitorsAlter', 3, replace)
        self.d.props.users.emit_update_visitors_alter(args)
        self.assertEqual(self.seen, [['first', 'added']])
        self.assertIs(args.visitors, new_list[0])
        self.assertEqual([x.user_name for x in args.visitors], ['added', 'first'])
        self.assertEqual(to_python(args.visitors.get_item(0).get_member('geo')), {'country': 'NZ'})
        say('update-visitors-alter: appended visitor seen next; returned list replaced the visitors')

    def test_widget_response_seed_example(self):
        """widgetResponseAlter: the seed's PHP example, in Python"""
        self.check_kind('widgetResponseAlter', EK.ALTER)
        visitor = MibewEvents.SiteVisitor()
        visitor.visitorid = 12
        routes = MibewEvents.BaseUrlGenerator.new('https://mibew.example.org')
        assets = MibewEvents.BaseUrlGenerator.new('https://mibew.example.org/static')
        args = MibewEvents.WidgetResponseArgs.new(visitor, new_request('/widget'),
                                                  MibewEvents.WidgetResponse(), routes, assets)
        stamp = []

        def call_handler(events, a):
            # $g = $args['asset_url_generator'];
            g = a.asset_url_generator
            # $args['response']['load']['the_lib'] = '';
            a.response.add_load('the_lib', '')
            # $args['response']['load']['the_func'] = $g->generate(... . '/func.js');
            a.response.add_load('the_func', g.generate('plugins/example' + '/func.js'))
            # $args['response']['handlers'][] = 'usefulFunc';
            a.response.add_handler('usefulFunc')
            # $args['response']['dependencies']['usefulFunc'] = array('the_lib', 'the_func');
            a.response.set_dependencies('usefulFunc', ['the_lib', 'the_func'])
            # $args['response']['data']['usefulFunc'] = array('time' => microtime(true));
            stamp.append(time.time())
            a.response.set_data('usefulFunc', json_node({'time': stamp[0]}))

        def following(events, a):
            self.seen.append((a.response.get_handlers(), a.response.get_load_url('the_func')))

        self.attach('widgetResponseAlter', 0, call_handler)
        self.d.props.widget.connect_after('response-alter', following)
        self.d.props.widget.emit_response_alter(args)

        response = args.get_response()
        url = 'https://mibew.example.org/static/plugins/example/func.js'
        self.assertEqual(self.seen, [(['usefulFunc'], url)])
        self.assertEqual(response.get_load_url('the_lib'), '')
        self.assertEqual(response.get_load_url('the_func'), url)
        self.assertEqual(response.get_handlers(), ['usefulFunc'])
        self.assertEqual(response.get_dependencies('usefulFunc'), ['the_lib', 'the_func'])
        self.assertEqual(to_python(response.get_data('usefulFunc')), {'time': stamp[0]})
        self.assertEqual(to_python(response.to_json()), {
            'load': {'the_lib': '', 'the_func': url},
            'handlers': ['usefulFunc'],
            'dependencies': {'usefulFunc': ['the_lib', 'the_func']},
            'data': {'usefulFunc': {'time': stamp[0]}},
        })
        self.assertEqual(args.route_url_generator.generate('chat'), 'https://mibew.example.org/chat')
        say('response-alter: the seed example (load, handlers, dependencies, data via generate()) works')

    def test_widget_response_return(self):
        """widgetResponseAlter: a returned WidgetResponse replaces the response"""
        args = MibewEvents.WidgetResponseArgs.new(None, None, MibewEvents.WidgetResponse(), None, None)
        fresh = []

        def give(events, a):
            r = MibewEvents.WidgetResponse()
            r.add_handler('replaced')
            fresh.append(r)
            return r

        def add(events, a):
            a.response.add_handler('more')

        self.attach('widgetResponseAlter', 0, give)
        self.attach('widgetResponseAlter', 1, add)
        self.d.trigger('widgetResponseAlter', args)
        self.assertIs(args.response, fresh[0])
        self.assertEqual(args.response.get_handlers(), ['replaced', 'more'])
        say('response-alter: the returned WidgetResponse replaced the response')


# ----------------------------------------------------------------------- out

class TestOut(Case):
    def test_operator_authenticate_first_wins(self):
        """operatorAuthenticate: a returned Operator wins; later listeners do not run"""
        self.check_kind('operatorAuthenticate', EK.OUT)
        request = new_request('/operator/login')
        request.headers = json_object({'Authorization': 'Bearer alice'})

        def none(events, a):
            self.seen.append('none')
            self.assertIsNone(a.operator)
            return None

        def alice(events, a):
            self.seen.append('alice')
            self.assertIs(a.request, request)
            op = MibewEvents.Operator()
            op.vclogin = a.request.headers.get_string_member('Authorization').split()[1]
            op.operatorid = 1
            return op

        def never(events, a):
            self.seen.append('never')
            return MibewEvents.Operator()

        def never_after(events, a):
            self.seen.append('never-after')

        ops = self.d.props.operator
        # nobody answers: the emitter can tell
        none_id = self.attach('operatorAuthenticate', 0, none)
        args = MibewEvents.AuthenticateArgs.new(None, request)
        self.assertFalse(ops.emit_authenticate(args))
        self.assertIsNone(args.operator)
        self.assertEqual(self.seen, ['none'])

        self.attach('operatorAuthenticate', 1, alice)
        self.attach('operatorAuthenticate', 2, never)
        ops.connect_after('authenticate', never_after)
        del self.seen[:]
        args = MibewEvents.AuthenticateArgs.new(None, request)
        self.assertTrue(ops.emit_authenticate(args))
        self.assertEqual(self.seen, ['none', 'alice'])
        self.assertIsInstance(args.operator, MibewEvents.Operator)
        self.assertEqual(args.operator.vclogin, 'alice')
        self.assertEqual(args.get_operator().operatorid, 1)

        # a GSignal handler answers at the priority-0 position: the
        # listeners of priority 1 and 2 do not run
        def bob(events, a):
            self.seen.append('bob')
            a.operator = MibewEvents.Operator(vclogin='bob')   # filling the slot answers too
        self.d.detach_listener('operatorAuthenticate', none_id)
        ops.connect('authenticate', bob)
        del self.seen[:]
        args = MibewEvents.AuthenticateArgs.new(None, request)
        self.assertTrue(self.d.trigger('operatorAuthenticate', args))
        self.assertEqual(self.seen, ['bob'])
        self.assertEqual(args.operator.vclogin, 'bob')
        say('operator-authenticate: nobody -> False/None; returned Operator wins and stops the rest')

    def test_update_visitors_load(self):
        """usersUpdateVisitorsLoad: nobody answered -> visitors None; a list answers"""
        self.check_kind('usersUpdateVisitorsLoad', EK.OUT)
        users = self.d.props.users
        args = MibewEvents.ListVisitorsArgs.new(None)
        # nobody listens
        self.assertFalse(users.emit_update_visitors_load(args))
        self.assertIsNone(args.props.visitors)

        # a listener that does not answer
        def nothing(events, a):
            self.seen.append('nothing')
            return None
        self.attach('usersUpdateVisitorsLoad', 0, nothing)
        self.assertFalse(users.emit_update_visitors_load(args))
        self.assertIsNone(args.props.visitors)
        self.assertIsNone(args.get_visitors())

        # an empty list is an answer
        answers = []

        def load(events, a):
            self.seen.append('load')
            store = Gio.ListStore.new(MibewEvents.ListVisitor)
            answers.append(store)
            return store

        def never(events, a):
            self.seen.append('never')
        self.attach('usersUpdateVisitorsLoad', 1, load)
        users.connect_after('update-visitors-load', never)
        del self.seen[:]
        self.assertTrue(users.emit_update_visitors_load(args))
        self.assertEqual(self.seen, ['nothing', 'load'])
        self.assertIs(args.visitors, answers[0])
        self.assertEqual(args.visitors.get_n_items(), 0)

        # filling the slot in place answers too
        d = MibewEvents.EventDispatcher.new()
        del self.seen[:]

        def fill(events, a):
            self.seen.append('fill')
            store = Gio.ListStore.new(MibewEvents.ListVisitor)
            store.append(MibewEvents.ListVisitor(user_name='from python'))
            a.visitors = store
        d.attach_listener('usersUpdateVisitorsLoad', -3, fill)
        d.attach_listener('usersUpdateVisitorsLoad', 0, never)
        args = MibewEvents.ListVisitorsArgs.new(None)
        self.assertTrue(d.get_users().emit_update_visitors_load(args))
        self.assertEqual(self.seen, ['fill'])
        self.assertEqual([v.user_name for v in args.visitors], ['from python'])
        say('update-visitors-load: no answer leaves visitors None (default loader); an empty list answers')

    def test_resource_not_found(self):
        """resourceNotFound / resourceAccessDenied: a returned Response wins"""
        for event, signal, emit in (('resourceNotFound', 'not-found', 'emit_not_found'),
                                    ('resourceAccessDenied', 'access-denied', 'emit_access_denied')):
            self.check_kind(event, EK.OUT)
            d = MibewEvents.EventDispatcher.new()
            seen = []

            def respond(events, a, signal=signal):
                seen.append('respond')
                r = MibewEvents.Response()
                r.status = 404 if signal == 'not-found' else 403
                r.content = 'custom page for %s' % a.request.path
                r.headers = json_object({'Content-Type': 'text/html'})
                return r

            def never(events, a):
                seen.append('never')
                return MibewEvents.Response()

            d.attach_listener(event, 0, respond)
            d.attach_listener(event, 1, never)
            d.get_resource().connect(signal, never)
            args = MibewEvents.ResourceArgs.new(new_request('/missing'), None)
            self.assertTrue(getattr(d.get_resource(), emit)(args))
            self.assertEqual(seen, ['respond'])
            self.assertEqual(args.response.status, 404 if signal == 'not-found' else 403)
            self.assertEqual(args.response.content, 'custom page for /missing')
            self.assertEqual(to_python(args.response.headers), {'Content-Type': 'text/html'})

            # filling the slot answers too
            d1 = MibewEvents.EventDispatcher.new()
            del seen[:]

            def fill(events, a):
                seen.append('fill')
                a.response = MibewEvents.Response(status=302, content='moved')
            d1.get_resource().connect(signal, fill)
            d1.get_resource().connect_after(signal, never)
            d1.attach_listener(event, 3, never)
            args = MibewEvents.ResourceArgs.new(new_request('/missing'), None)
            self.assertTrue(d1.trigger(event, args))
            self.assertEqual(seen, ['fill'])
            self.assertEqual((args.response.status, args.response.content), (302, 'moved'))

            # nobody answers: the emitter falls back to its default
            d2 = MibewEvents.EventDispatcher.new()
            d2.get_resource().connect(signal, lambda e, a: None)
            args = MibewEvents.ResourceArgs.new(new_request('/missing'), None)
            self.assertFalse(getattr(d2.get_resource(), emit)(args))
            self.assertIsNone(args.response)
            say('%s: the returned Response won, later listeners did not run; no answer -> None' % signal)


# ---------------------------------------------------------------------- call

class TestCall(Case):
    def run_call(self, emitter_name, function, as_float):
        processor = MibewEvents.RequestProcessor()
        processor.kind = emitter_name
        args = MibewEvents.FunctionCallArgs.new(processor, function, json_object({'as_float': as_float}),
                                                json_object({'core': 'yes'}))
        getattr(self.d, 'get_' + emitter_name)().emit_function_call(args)
        return args

    def check_function_call(self, event, emitter_name):
        self.check_kind(event, EK.CALL)
        emitter = getattr(self.d.props, emitter_name)

        def microtime(events, a):
            # the seed's example: $function['results']['time'] = microtime($as_float);
            self.seen.append('microtime:' + a.function)
            self.assertEqual(a.request_processor.kind, emitter_name)
            if a.arguments.has_member('as_float') and a.arguments.get_boolean_member('as_float'):
                a.results.set_double_member('time', 1234.5)
            else:
                a.results.set_string_member('time', '0.5 1234')
            return json_object({'by': 'first'})

        def any_function(events, a):
            self.seen.append('any:' + a.function)
            return json_object({'by': 'second', 'seen_time': a.results.has_member('time')})

        def signal_other(events, a):
            self.seen.append('signal:' + a.function)
            return json_object({'by': 'signal'})

        def after(events, a):
            self.seen.append('after:' + a.function)
            a.get_results().set_int_member('count', 7)

        self.attach(event + '::microtime', 0, microtime)
        self.attach(event, 1, any_function)
        emitter.connect('function-call::otherFunc', signal_other)
        # detailed: an undetailed handler is skipped for function names
        # that are interned quarks (see test_undetailed_handler_* below)
        emitter.connect_after('function-call::microtime', after)
        emitter.connect_after('function-call::otherFunc', after)

        args = self.run_call(emitter_name, 'microtime', True)
        self.assertEqual(self.seen, ['microtime:microtime', 'any:microtime', 'after:microtime'])
        self.assertEqual(to_python(args.results), {
            'core': 'yes', 'time': 1234.5, 'by': 'second', 'seen_time': True, 'count': 7})
        self.assertEqual(args.results.get_double_member('time'), 1234.5)

        # another function: the detailed listener does not run, the
        # detailed handler for it does (priority-0 position, before the
        # priority-1 listener, whose "by" wins)
        del self.seen[:]
        args = self.run_call(emitter_name, 'otherFunc', False)
        self.assertEqual(self.seen, ['signal:otherFunc', 'any:otherFunc', 'after:otherFunc'])
        self.assertEqual(to_python(args.results), {
            'core': 'yes', 'by': 'second', 'seen_time': False, 'count': 7})

        # the seed's example without as_float
        del self.seen[:]
        args = self.run_call(emitter_name, 'microtime', False)
        self.assertEqual(args.results.get_string_member('time'), '0.5 1234')
        say('%s: function-call::microtime detail; results["time"] set; returned dicts merged, later keys win'
            % event)

    def test_undetailed_handler_runs_for_every_function(self):
        """A handler connected to "function-call" without a detail runs for
        every function, also one whose name is an interned quark (here:
        because a listener was attached for "threadFunctionCall::microtime");
        GLib 2.74's has_handler_pending only matches the exact detail."""
        self.attach('threadFunctionCall::microtime', 0, lambda e, a: self.seen.append('listener'))
        self.d.props.thread.connect('function-call', lambda e, a: self.seen.append('handler'))
        self.d.props.thread.connect_after('function-call', lambda e, a: self.seen.append('after'))
        self.run_call('thread', 'microtime', False)
        say('undetailed function-call handlers for an interned function name ran: %s' % self.seen)
        self.assertEqual(self.seen, ['listener', 'handler', 'after'])

    def test_undetailed_handler_runs_for_new_function(self):
        """an undetailed handler runs for a function name never seen before"""
        self.d.props.users.connect('function-call', lambda e, a: self.seen.append('handler:' + a.function))
        self.d.props.users.connect_after('function-call', lambda e, a: self.seen.append('after:' + a.function))
        self.run_call('users', 'neverSeenBeforeFunction4711', False)
        self.assertEqual(self.seen, ['handler:neverSeenBeforeFunction4711', 'after:neverSeenBeforeFunction4711'])
        say('undetailed function-call handlers ran for a new function name')

    def test_thread_function_call(self):
        """threadFunctionCall: detail, results, merge"""
        self.check_function_call('threadFunctionCall', 'thread')

    def test_users_function_call(self):
        """usersFunctionCall: detail, results, merge"""
        self.check_function_call('usersFunctionCall', 'users')


# -------------------------------------------------------------------- notify

class TestNotify(Case):
    def test_notify_changes_are_visible(self):
        """threadClose (notify): changes to the objects are visible, no answer"""
        self.check_kind('threadClose', EK.NOTIFY)
        thread = MibewEvents.Thread()
        thread.state = MibewEvents.ThreadState.CHATTING
        args = MibewEvents.ThreadArgs.new(thread, None)

        def close(events, a):
            self.seen.append(a.thread.state)
            a.thread.state = MibewEvents.ThreadState.CLOSED

        def after(events, a):
            self.seen.append(a.thread.state)

        self.attach('threadClose', 0, close)
        self.d.props.thread.connect_after('close', after)
        self.assertIsNone(self.d.props.thread.emit_close(args))
        self.assertEqual(self.seen, [MibewEvents.ThreadState.CHATTING, MibewEvents.ThreadState.CLOSED])
        self.assertEqual(thread.state, MibewEvents.ThreadState.CLOSED)
        say('thread close (notify): listeners ran in order; the emitter returns nothing')


# ------------------------------------------------------ a following C listener

_observer = ctypes.CDLL(os.environ['MIBEW_TEST_OBSERVER'])
_observer.mibew_test_observe.argtypes = [ctypes.c_void_p, ctypes.c_int]
_observer.mibew_test_last_seen.argtypes = [ctypes.c_char_p]
_observer.mibew_test_last_seen.restype = ctypes.c_void_p
_observer.mibew_test_free.argtypes = [ctypes.c_void_p]
_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_capsule_pointer.restype = ctypes.c_void_p


def c_saw(event):
    """What the C observer saw of @event's arguments, or None if it did not run."""
    text = _observer.mibew_test_last_seen(event.encode())
    if not text:
        return None
    try:
        return json.loads(ctypes.string_at(text).decode())
    finally:
        _observer.mibew_test_free(text)


class TestFollowingCListener(Case):
    """A Python listener at priority 0 changes or answers; a C listener
    attached at priority 100 (c-observer.c) must see the result."""

    def setUp(self):
        super().setUp()
        _observer.mibew_test_observe(_capsule_pointer(self.d.__gpointer__, None), 100)

    def test_every_answering_event_is_observed(self):
        # the observer is attached to all 16 alter, out and call events
        names = [n for n in MibewEvents.EventDispatcher.list_events()
                 if MibewEvents.EventDispatcher.describe_event(n)[3] != EK.NOTIFY]
        self.assertEqual(len(names), 16)
        for name in names:
            self.assertEqual(self.d.get_listener_count(name), 1, name)
        say('a C observer listens to the %d alter, out and call events' % len(names))

    def test_post_message(self):
        def change(events, a):
            a.message_kind = MibewEvents.MessageKind.FOR_AGENT
            a.message_options.set_string_member('plugin', 'py')
            return 'changed by Python'
        self.attach('threadPostMessage', 0, change)
        args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread(), MibewEvents.MessageKind.USER, 'hi', None)
        self.d.props.thread.emit_post_message(args)
        seen = c_saw('threadPostMessage')
        self.assertEqual(seen['message-body'], 'changed by Python')
        self.assertEqual(seen['message-kind'], int(MibewEvents.MessageKind.FOR_AGENT))
        self.assertEqual(seen['message-options'], {'plugin': 'py'})
        say('threadPostMessage: C saw the body Python returned and the kind and options it set')

    def test_button_generate(self):
        self.attach('buttonGenerate', 0, lambda e, a: MibewEvents.ButtonFragment.new('<b>py</b>'))
        args = MibewEvents.ButtonArgs.new(MibewEvents.ButtonFragment.new('<a>chat</a>'), None)
        self.d.props.button.emit_generate(args)
        self.assertEqual(c_saw('buttonGenerate')['button'], '<b>py</b>')
        say('buttonGenerate: C saw the fragment Python returned')

    def test_assets_and_options(self):
        def css(events, a):
            extra = MibewEvents.AssetList.new()
            extra.add_url('py.css')
            return extra
        self.attach('pageAddCss', 0, css)
        self.attach('pageAddJsPluginOptions', 0, lambda e, a: {'py': {'on': True}})
        self.d.props.page.emit_add_css(MibewEvents.AssetsArgs.new(new_request(), None))
        self.d.props.page.emit_add_js_plugin_options(MibewEvents.PluginOptionsArgs.new(new_request(), None))
        self.assertEqual(c_saw('pageAddCss')['assets'],
                         [{'content': 'py.css', 'type': 'relative', 'weight': 500}])
        self.assertEqual(c_saw('pageAddJsPluginOptions')['plugins'], {'py': {'on': True}})
        say('pageAddCss, pageAddJsPluginOptions: C saw the appended asset and the merged dict')

    def test_routes(self):
        def add(events, a):
            a.routes.add_route('py_page', '/py', None, None, ['GET'])
        self.attach('routesAlter', 0, add)
        self.d.props.routing.emit_routes_alter(MibewEvents.RoutesArgs.new(MibewEvents.RouteCollection.new()))
        self.assertEqual(c_saw('routesAlter')['routes']['py_page']['path'], '/py')
        say('routesAlter: C saw the route Python added')

    def test_function_calls(self):
        self.attach('threadFunctionCall::microtime', 0, lambda e, a: {'time': 1.5})
        self.attach('usersFunctionCall', 0, lambda e, a: {'answered_by': 'py'})
        self.d.props.thread.emit_function_call(
            MibewEvents.FunctionCallArgs.new(None, 'microtime', None, None))
        self.d.props.users.emit_function_call(
            MibewEvents.FunctionCallArgs.new(None, 'ping', None, None))
        self.assertEqual(c_saw('threadFunctionCall')['results'], {'time': 1.5})
        self.assertEqual(c_saw('usersFunctionCall')['results'], {'answered_by': 'py'})
        say('threadFunctionCall::microtime, usersFunctionCall: C saw the merged results')

    def test_lists(self):
        def add_message(events, a):
            message = MibewEvents.Message()
            message.message = 'from Python'
            a.messages.append(message)

        def mark_threads(events, a):
            for item in a.threads:
                item.set_member('py', Json.from_string('true'))

        def replace_visitors(events, a):
            store = Gio.ListStore.new(MibewEvents.ListVisitor)
            visitor = MibewEvents.ListVisitor()
            visitor.user_name = 'Python'
            store.append(visitor)
            return store
        self.attach('threadGetMessagesAlter', 0, add_message)
        self.attach('usersUpdateThreadsAlter', 0, mark_threads)
        self.attach('usersUpdateVisitorsAlter', 0, replace_visitors)

        self.d.props.thread.emit_get_messages_alter(MibewEvents.MessagesArgs.new(MibewEvents.Thread(), None))
        threads = Gio.ListStore.new(MibewEvents.ListThread)
        threads.append(MibewEvents.ListThread())
        self.d.props.users.emit_update_threads_alter(MibewEvents.ListThreadsArgs.new(threads))
        self.d.props.users.emit_update_visitors_alter(MibewEvents.ListVisitorsArgs.new(
            Gio.ListStore.new(MibewEvents.ListVisitor)))

        self.assertEqual([m['message'] for m in c_saw('threadGetMessagesAlter')['messages']], ['from Python'])
        self.assertEqual(c_saw('usersUpdateThreadsAlter')['threads'], [{'py': True}])
        self.assertEqual(c_saw('usersUpdateVisitorsAlter')['visitors'], [{'userName': 'Python'}])
        say('threadGetMessagesAlter, usersUpdateThreadsAlter, usersUpdateVisitorsAlter: '
            'C saw the appended message, the custom key and the replaced list')

    def test_widget_response(self):
        def seed_example(events, a):
            a.response.add_load('the_lib', '')
            a.response.add_handler('usefulFunc')
        self.attach('widgetResponseAlter', 0, seed_example)
        args = MibewEvents.WidgetResponseArgs.new(
            MibewEvents.SiteVisitor(), new_request(), MibewEvents.WidgetResponse.new(),
            MibewEvents.BaseUrlGenerator.new('https://x/'), MibewEvents.BaseUrlGenerator.new('https://x/'))
        self.d.props.widget.emit_response_alter(args)
        seen = c_saw('widgetResponseAlter')['response']
        self.assertEqual(seen['handlers'], ['usefulFunc'])
        self.assertEqual(seen['load'], {'the_lib': ''})
        say('widgetResponseAlter: C saw the library and handler Python added')

    def test_out_events_end_at_the_answer(self):
        # an answer ends an out event: the C listener after it must not run
        self.attach('operatorAuthenticate', 0, lambda e, a: MibewEvents.Operator())
        self.attach('resourceNotFound', 0, lambda e, a: None)   # no answer: C runs
        auth = MibewEvents.AuthenticateArgs.new(None, new_request())
        self.assertTrue(self.d.props.operator.emit_authenticate(auth))
        self.assertIsNone(c_saw('operatorAuthenticate'))
        self.assertFalse(self.d.props.resource.emit_not_found(MibewEvents.ResourceArgs.new(new_request(), None)))
        self.assertIsNone(c_saw('resourceNotFound')['response'])
        self.assertFalse(self.d.props.users.emit_update_visitors_load(MibewEvents.ListVisitorsArgs.new(None)))
        self.assertIsNone(c_saw('usersUpdateVisitorsLoad')['visitors'])
        say('out events: after a Python answer the C listener did not run; without one it ran and saw the empty slot')


if __name__ == '__main__':
    unittest.main()
