#!/usr/bin/python3
# The bridge from Python: a MibewBridge.Server made through GObject
# introspection, Python listeners attached to its dispatcher, real HTTP
# clients (http.client) on other threads while the main loop serves.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import http.client
import json
import os
import socket
import sys
import tempfile
import threading
import time
import unittest

import gi
gi.require_version('GLib', '2.0')
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewBridge', '1.0')
from gi.repository import GLib, MibewBridge, MibewEvents  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
import bridgesign  # noqa: E402

DATA = os.environ.get('MIBEW_TEST_DATA', '')


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__('localhost', timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(30)
        self.sock.connect(self.path)


def post_message_doc(text):
    return json.dumps({'thread': {'threadid': 1}, 'message_kind': 1,
                       'message_body': text, 'message_options': {}})


class BridgeTestCase(unittest.TestCase):
    def setUp(self):
        self.dispatcher = MibewEvents.EventDispatcher.new()
        self.server = MibewBridge.Server.new(self.dispatcher)
        self.loop = GLib.MainLoop()

    def tearDown(self):
        del self.server

    def serve(self, client, *args):
        """Runs client(*args) on a thread while the main loop serves."""
        result = {}

        def run():
            try:
                result['value'] = client(*args)
            except BaseException as e:  # noqa: B902
                result['error'] = e
            finally:
                GLib.idle_add(self.loop.quit)

        thread = threading.Thread(target=run)
        thread.start()
        GLib.timeout_add_seconds(60, self.loop.quit)
        self.loop.run()
        thread.join()
        if 'error' in result:
            raise result['error']
        return result.get('value')

    def request(self, conn, method, path, body=None, headers=None):
        h = dict(headers or {})
        if body is not None:
            h.setdefault('Content-Type', 'application/json')
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        ctype = r.getheader('Content-Type') or ''
        return r.status, (json.loads(data) if ctype.startswith('application/json') else data), r


class ServerTest(BridgeTestCase):
    def test_properties(self):
        s = self.server
        self.assertIs(s.props.dispatcher, self.dispatcher)
        self.assertEqual(s.props.body_limit, 1024 * 1024)
        self.assertEqual(s.props.deadline, 10000)
        self.assertEqual(s.props.replay_window, 300)
        self.assertEqual(s.props.dispatch_mode, MibewBridge.DispatchMode.SERIAL)
        self.assertFalse(s.props.has_secret)
        s.set_secret(GLib.Bytes.new(b'x'))
        self.assertTrue(s.props.has_secret)
        self.assertIsNotNone(s.get_soup_server())
        default = MibewBridge.Server.new(None)
        self.assertIs(default.get_dispatcher(), MibewEvents.EventDispatcher.get_default())

    def test_insecure_listen(self):
        with self.assertRaises(GLib.Error) as cm:
            self.server.listen('0.0.0.0', 0)
        self.assertTrue(cm.exception.matches(MibewBridge.error_quark(),
                                             MibewBridge.Error.INSECURE_ADDRESS))

    def test_python_listener(self):
        def shout(emitter, args):
            return args.props.message_body.upper() + '!'

        self.dispatcher.attach_listener('threadPostMessage', 0, shout)
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            out = []
            for text in ('hello', 'grüß dich', 'second on the same connection'):
                out.append(self.request(conn, 'POST', '/v1/events/threadPostMessage',
                                        post_message_doc(text)))
            out.append(self.request(conn, 'GET', '/v1/events'))
            out.append(self.request(conn, 'POST', '/v1/events/threadPostMessage', '{"thread": 5}'))
            return out

        out = self.serve(client)
        self.assertEqual([o[0] for o in out], [200, 200, 200, 200, 400])
        self.assertEqual(out[0][1]['message_body'], 'HELLO!')
        self.assertEqual(out[1][1]['message_body'], 'GRÜSS DICH!')
        events = {e['name']: e for e in out[3][1]['events']}
        self.assertEqual(events['threadPostMessage']['listeners'], 1)
        self.assertEqual(events['threadClose']['listeners'], 0)
        self.assertEqual(out[4][1]['error']['code'], 'invalid-arguments')

    def test_all_documents(self):
        if not DATA:
            self.skipTest('no MIBEW_TEST_DATA')
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()
        names = MibewEvents.EventDispatcher.list_events()
        self.assertEqual(len(names), 41)

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            statuses = []
            for name in names:
                with open(os.path.join(DATA, name + '.json'), 'rb') as f:
                    statuses.append(self.request(conn, 'POST', '/v1/events/' + name, f.read())[0])
            return statuses

        self.assertEqual(self.serve(client), [200] * 41)

    def test_python_listeners_serialised(self):
        """Serial dispatch: Python listeners never overlap."""
        state = {'active': 0, 'max': 0, 'calls': 0, 'threads': set()}
        lock = threading.Lock()

        def slow(emitter, args):
            with lock:
                state['active'] += 1
                state['max'] = max(state['max'], state['active'])
                state['threads'].add(threading.get_ident())
            time.sleep(0.01)
            with lock:
                state['active'] -= 1
                state['calls'] += 1
            return None

        self.dispatcher.attach_listener('threadPostMessage', 0, slow)
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()

        def one_client(i, results):
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            for j in range(5):
                status = self.request(conn, 'POST', '/v1/events/threadPostMessage',
                                      post_message_doc('c%d r%d' % (i, j)))[0]
                results.append(status)

        def client():
            results = []
            threads = [threading.Thread(target=one_client, args=(i, results)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            return results

        results = self.serve(client)
        self.assertEqual(results, [200] * 40)
        self.assertEqual(state['calls'], 40)
        self.assertEqual(state['max'], 1)
        self.assertEqual(len(state['threads']), 1)
        self.assertNotIn(threading.main_thread().ident, state['threads'])

    def test_main_context_mode(self):
        seen = set()

        def listener(emitter, args):
            seen.add(threading.get_ident())
            return None

        self.dispatcher.attach_listener('threadPostMessage', 0, listener)
        self.server.props.dispatch_mode = MibewBridge.DispatchMode.MAIN_CONTEXT
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            return [self.request(conn, 'POST', '/v1/events/threadPostMessage',
                                 post_message_doc('x'))[0] for _ in range(3)]

        self.assertEqual(self.serve(client), [200] * 3)
        self.assertEqual(seen, {threading.main_thread().ident})

    def test_failing_listener(self):
        def broken(emitter, args):
            raise RuntimeError('on purpose')

        self.dispatcher.attach_listener('threadClose', 0, broken)
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            with open(os.path.join(DATA, 'threadClose.json'), 'rb') as f:
                doc = f.read()
            first = self.request(conn, 'POST', '/v1/events/threadClose', doc)[0]
            metrics = self.request(conn, 'GET', '/metrics')[1].decode()
            return first, metrics

        status, metrics = self.serve(client)
        self.assertEqual(status, 200)
        self.assertIn('mibew_bridge_listener_failures_total{event="threadClose"} 1\n', metrics)

    def test_failing_plugin_listener(self):
        # a plugin engine attaches a plugin's listeners with the plugin as
        # their owner: a failure is counted for the plugin
        def broken(emitter, args):
            raise RuntimeError('on purpose')

        self.dispatcher.push_owner('Test:Broken', 0)
        self.dispatcher.attach_listener('threadClose', MibewEvents.PRIORITY_DEFAULT, broken)
        self.dispatcher.pop_owner()
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            with open(os.path.join(DATA, 'threadClose.json'), 'rb') as f:
                doc = f.read()
            statuses = [self.request(conn, 'POST', '/v1/events/threadClose', doc)[0] for _ in range(2)]
            metrics = self.request(conn, 'GET', '/metrics')[1].decode()
            return statuses, metrics

        statuses, metrics = self.serve(client)
        self.assertEqual(statuses, [200, 200])
        self.assertIn('mibew_bridge_plugin_failures_total{plugin="Test:Broken"} 2\n', metrics)
        self.assertIn('mibew_bridge_listener_failures_total{event="threadClose"} 2\n', metrics)

    def test_signed(self):
        secret = b'from python'
        self.server.set_secret(GLib.Bytes.new(secret))
        self.server.listen('127.0.0.1', 0)
        port = self.server.get_port()
        body = b'{"id": "7"}'

        def signed(ts, data):
            return bridgesign.headers(secret, 'POST', '/v1/events/threadDelete', data, ts)

        def client():
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
            ts = '%.6f' % time.time()
            return [
                self.request(conn, 'POST', '/v1/events/threadDelete', body)[0],
                self.request(conn, 'POST', '/v1/events/threadDelete', body, signed(ts, body))[0],
                self.request(conn, 'POST', '/v1/events/threadDelete', body, signed(ts, body))[1]['error']['code'],
                self.request(conn, 'POST', '/v1/events/threadDelete', body,
                             signed('%d' % (time.time() - 400), body))[1]['error']['code'],
            ]

        self.assertEqual(self.serve(client),
                         [401, 200, 'signature-replayed', 'timestamp-out-of-window'])

    def test_unix_and_shutdown(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'bridge.sock')
            self.server.listen_unix(path, 0o600, None, None)
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
            done = []

            def client():
                conn = UnixHTTPConnection(path)
                status = self.request(conn, 'GET', '/v1/health')[0]
                answer = self.request(conn, 'POST', '/v1/events/threadDelete', '{"id": 1}')[1]
                GLib.idle_add(lambda: self.server.shutdown_async(
                    None, lambda s, res: done.append(s.shutdown_finish(res))))
                for _ in range(100):
                    if done:
                        break
                    time.sleep(0.02)
                return status, answer

            status, answer = self.serve(client)
            self.assertEqual((status, answer), (200, {'id': 1}))
            self.assertEqual(done, [True])
            self.assertFalse(os.path.exists(path))
            self.assertTrue(self.server.get_shutting_down())


class ConfigTest(unittest.TestCase):
    def test_config(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'bridge.conf')
            with open(path, 'w') as f:
                f.write('[server]\nlisten=127.0.0.1:0\ndispatch=main-context\n'
                        '[plugins]\nenabled=a;b\n[plugin:a]\nkey=value\n')
            config = MibewBridge.Config.new_from_file(path)
            self.assertEqual(config.dup_listen(), '127.0.0.1:0')
            self.assertEqual(config.props.dispatch_mode, MibewBridge.DispatchMode.MAIN_CONTEXT)
            self.assertEqual(config.get_enabled_plugins(), ['a', 'b'])
            self.assertEqual(config.get_plugin_settings('a'), {'key': 'value'})
            self.assertTrue(config.check())
            server = MibewBridge.Server.new(None)
            self.assertTrue(server.listen_config(config))
            self.assertNotEqual(server.get_port(), 0)
            self.assertEqual(server.props.dispatch_mode, MibewBridge.DispatchMode.MAIN_CONTEXT)


if __name__ == '__main__':
    unittest.main()
