#!/usr/bin/python3
# test_json.py: the JSON codec from Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# trigger_json takes a dict (or a Json.Node) and answers in the same form;
# a Python listener's change comes back in the JSON, unknown keys and
# numeric strings survive, and a bad document raises GLib.Error naming
# the JSON path, with no listener run.

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mibew_testutil import GLib, MibewEvents, say  # noqa: E402
from gi.repository import Json  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'events')


def load(event):
    with open(os.path.join(DATA, event + '.json'), encoding='utf-8') as f:
        return json.load(f)


class TestJson(unittest.TestCase):
    def setUp(self):
        self.dispatcher = MibewEvents.EventDispatcher.new()
        self.ran = 0

    def test_dict_in_dict_out(self):
        doc = load('threadPostMessage')

        def shout(events, args):
            self.ran += 1
            return args.message_body.upper()

        self.dispatcher.attach_listener('threadPostMessage', 0, shout)
        out = self.dispatcher.trigger_json('threadPostMessage', doc)
        self.assertIsInstance(out, dict)
        self.assertEqual(self.ran, 1)
        self.assertEqual(out['message_body'], doc['message_body'].upper())
        # everything else as it came, numeric strings included
        for key in doc:
            if key != 'message_body':
                self.assertEqual(out[key], doc[key], key)
        self.assertEqual(list(out), list(doc))

    def test_node_in_node_out(self):
        node = Json.from_string(json.dumps(load('threadFunctionCall')))

        def microtime(events, args):
            return {'time': 1764000000.5}

        self.dispatcher.attach_listener('threadFunctionCall::microtime', 0, microtime)
        out = self.dispatcher.trigger_json('threadFunctionCall', node)
        self.assertIsInstance(out, Json.Node)
        self.assertEqual(json.loads(Json.to_string(out, False))['results']['time'], 1764000000.5)

    def test_unknown_keys_survive(self):
        doc = load('usersUpdateThreadsAlter')
        doc['x_top'] = {'nested': [1, {'deep': 'ü'}]}
        doc['threads'][0]['x_plugin'] = 'kept'
        out = self.dispatcher.trigger_json('usersUpdateThreadsAlter', doc)
        self.assertEqual(out, doc)

    def test_bad_document(self):
        doc = load('threadPostMessage')
        doc['thread']['state'] = 'x'
        self.dispatcher.attach_listener('threadPostMessage', 0, lambda e, a: self.fail('ran'))
        with self.assertRaises(GLib.Error) as cm:
            self.dispatcher.trigger_json('threadPostMessage', doc)
        self.assertEqual(cm.exception.message, 'thread.state: expected an integer, got "x"')
        self.assertTrue(cm.exception.matches(MibewEvents.events_error_quark(),
                                             MibewEvents.EventsError.INVALID_ARGUMENTS))
        del doc['message_body']
        doc['thread']['state'] = 2
        with self.assertRaises(GLib.Error) as cm:
            self.dispatcher.trigger_json('threadPostMessage', doc)
        self.assertEqual(cm.exception.message, 'message_body: missing')

    def test_args_round_trip(self):
        doc = load('widgetResponseAlter')
        args = MibewEvents.EventArgs.new_from_json('widgetResponseAlter', doc)
        self.assertIsInstance(args, MibewEvents.WidgetResponseArgs)
        self.assertEqual(args.get_event_name(), 'widgetResponseAlter')
        self.assertEqual(args.to_dict(), doc)
        args.response.add_handler('fromPython')
        self.assertIn('fromPython', args.to_dict()['response']['handlers'])

    def test_owner_named_in_failures(self):
        # a plugin engine pushes the plugin's name around its activation:
        # a failing Python listener it attached is counted for the plugin
        messages = []
        self.dispatcher.connect('listener-failed', lambda d, event, message: messages.append(message))
        self.dispatcher.push_owner('Acme:Broken', 7)

        def broken(events, args):
            raise ValueError('nope')

        self.dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT, broken)
        self.dispatcher.pop_owner()
        out = self.dispatcher.trigger_json('threadPostMessage', load('threadPostMessage'))
        self.assertEqual(out['message_body'], load('threadPostMessage')['message_body'])
        self.assertEqual(self.dispatcher.get_owner_failure_count('Acme:Broken'), 1)
        self.assertEqual(messages, ['Acme:Broken: ValueError: nope'])
        self.assertEqual(self.dispatcher.detach_owner('Acme:Broken'), 1)

    def test_schema(self):
        schema = json.loads(Json.to_string(MibewEvents.EventDispatcher.get_schema('threadPostMessage'), False))
        self.assertEqual(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema')
        self.assertIn('message_body', schema['required'])
        description = json.loads(Json.to_string(
            MibewEvents.EventDispatcher.get_event_description('operatorAuthenticate'), False))
        self.assertEqual(description['fold'], 'first-wins')
        self.assertEqual(description['answer'], 'operator')


if __name__ == '__main__':
    say('JSON codec from Python')
    unittest.main()
