#!/usr/bin/python3
# Integration tests of `mibew-events serve` (suite 'integration'): the tool
# as a real server process, on 127.0.0.1 with a port the kernel picks
# (--port 0; the server logs where it listens) or on a Unix socket in a
# temporary directory, real HTTP clients (http.client, raw sockets for
# requests left half sent). Each class is one meson test
# (tests/integration/meson.build passes its name); every wait is bounded.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import http.client
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clitest import ToolTestCase, TOOL, data_path, load, run, strict_diff  # noqa: E402
import bridgesign  # noqa: E402
from servelog import LoggedProcess  # noqa: E402

HAS_BRIDGE = os.environ.get('MIBEW_EVENTS_TOOL_HAS_BRIDGE', '1') == '1'
HAS_PLUGINS = os.environ.get('MIBEW_EVENTS_TOOL_HAS_PLUGINS', '0') == '1'
TEST_PLUGIN = os.environ.get('MIBEW_SERVE_TEST_PLUGIN', '')

TIMEOUT = 20            # seconds: any one wait
LISTENING = re.compile(r'Listening on (?P<where>\S+?)(?:, requests signed)?$', re.M)


def post_message(body):
    """threadPostMessage's sample arguments with another message body."""
    args = load('threadPostMessage')
    args['message_body'] = body
    return json.dumps(args).encode('utf-8')


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=TIMEOUT):
        super().__init__('localhost', timeout=timeout)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


class Server(LoggedProcess):
    """`mibew-events serve ARGS...` as a child process; its standard error
    goes to a file, read to learn where it listens and what it logged."""

    TIMEOUT = TIMEOUT

    def __init__(self, *args, directory):
        self.args = args
        self.log_path = os.path.join(directory, 'serve-%d.log' % id(self))
        self.log = open(self.log_path, 'w+b')
        self.proc = subprocess.Popen([TOOL, 'serve', *args], stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log)
        self.where = None
        self.secret = None

    def start(self):
        self.where = self.wait_for(LISTENING).group('where')
        return self

    @property
    def address(self):
        host, _, port = self.where.rpartition(':')
        return host, int(port)

    def connection(self):
        if self.where.startswith('unix:'):
            return UnixHTTPConnection(self.where[5:])
        return http.client.HTTPConnection(*self.address, timeout=TIMEOUT)

    def request(self, method, path, body=None, headers=None, signed=True):
        """(status, headers, body) of one request on a new connection."""
        h = dict(headers or {})
        if body is not None:
            h.setdefault('Content-Type', 'application/json')
        if signed and self.secret is not None:
            h.update(bridgesign.headers(self.secret, method, path, body or b''))
        conn = self.connection()
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    def json(self, method, path, body=None, **kwargs):
        status, _, data = self.request(method, path, body, **kwargs)
        return status, json.loads(data) if data else None

    def health(self):
        status, doc = self.json('GET', '/v1/health')
        assert status == 200, (status, doc)
        return doc

    def open_partial(self, path, body, sent):
        """A raw connection on which a POST of @body is sent up to byte
        @sent: the server has a request in flight until finish()."""
        if self.where.startswith('unix:'):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(TIMEOUT)
            sock.connect(self.where[5:])
        else:
            sock = socket.create_connection(self.address, timeout=TIMEOUT)
        headers = {'Content-Type': 'application/json'}
        if self.secret is not None:
            headers.update(bridgesign.headers(self.secret, 'POST', path, body))
        head = 'POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Length: %d\r\n' % (path, len(body))
        head += ''.join('%s: %s\r\n' % kv for kv in headers.items()) + '\r\n'
        sock.sendall(head.encode() + body[:sent])
        return sock

    @staticmethod
    def finish_partial(sock, rest):
        try:
            sock.sendall(rest)
            r = http.client.HTTPResponse(sock)
            r.begin()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            sock.close()

    def wait_in_flight(self, n):
        """Until /v1/health counts @n requests in flight besides itself."""
        deadline = time.monotonic() + TIMEOUT
        while self.health()['in_flight'] < n + 1:
            assert time.monotonic() < deadline, 'the requests never arrived'
            time.sleep(0.02)

    def send(self, signum):
        self.proc.send_signal(signum)

    def wait_exit(self):
        """Waits for the server to exit by itself: the exit status."""
        try:
            return self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError('serve did not exit within %d s:\n%s' % (TIMEOUT, self.text()))

    def stop(self, signum=signal.SIGTERM):
        """Sends @signum and returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError('serve did not exit within %d s of signal %d:\n%s'
                                 % (TIMEOUT, signum, self.text()))

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@unittest.skipUnless(HAS_BRIDGE, 'mibew-events is built without the bridge')
class ServeTestCase(ToolTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='mibew-serve-')
        self.servers = []

    def tearDown(self):
        for server in self.servers:
            server.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, text, mode=0o644):
        path = self.path(name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        os.chmod(path, mode)
        return path

    def secret_file(self, secret=b'correct horse battery staple', mode=0o600):
        path = self.path('secret')
        with open(path, 'wb') as f:
            f.write(secret + b'\n')
        os.chmod(path, mode)
        return path

    def serve(self, *args, start=True):
        server = Server(*args, directory=self.tmp)
        self.servers.append(server)
        return server.start() if start else server

    def check_config(self, *args):
        return run('serve', '--check-config', *args)

    def assertServesPostMessage(self, server, body, expected):
        status, doc = server.json('POST', '/v1/events/threadPostMessage', post_message(body))
        self.assertEqual(status, 200, doc)
        self.assertEqual(doc['message_body'], expected)


class HttpTest(ServeTestCase):
    def test_health_and_an_event(self):
        server = self.serve('--port', '0')
        host, port = server.address
        self.assertEqual(host, '127.0.0.1')
        self.assertGreater(port, 0)

        status, doc = server.json('GET', '/v1/health')
        self.assertEqual(status, 200)
        self.assertEqual(doc['status'], 'ok')
        self.assertIs(doc['signed'], False)
        self.assertEqual(doc['dispatch'], 'serial')

        # the sample, posted as it is: nobody listens, the answer is the
        # arguments again, decoded and encoded
        with open(data_path('threadPostMessage'), 'rb') as f:
            body = f.read()
        status, headers, data = server.request('POST', '/v1/events/threadPostMessage', body)
        self.assertEqual(status, 200, data)
        self.assertTrue(headers['Content-Type'].startswith('application/json'), headers)
        answer = json.loads(data)
        self.assertIsNone(strict_diff(load('threadPostMessage'), answer))

        status, doc = server.json('GET', '/v1/events')
        self.assertEqual(status, 200)
        self.assertEqual(len(doc['events']), 41)
        self.assertTrue(all(e['listeners'] == 0 for e in doc['events']))

        status, doc = server.json('POST', '/v1/events/noSuchEvent', b'{}')
        self.assertEqual((status, doc['error']['code']), (404, 'unknown-event'))
        status, doc = server.json('POST', '/v1/events/threadPostMessage', b'{"thread": 5}')
        self.assertEqual((status, doc['error']['code']), (400, 'invalid-arguments'))
        self.assertIn('thread', doc['error']['message'])

        self.assertEqual(server.stop(), 0)

    def test_options_override_the_file(self):
        config = self.write('bridge.conf', '[server]\naddress=127.0.0.1\nport=1\nbody-limit=100\n')
        server = self.serve('--config', config, '--port', '0')
        self.assertNotEqual(server.address[1], 1)
        # the file's other values are in force
        status, doc = server.json('POST', '/v1/events/threadPostMessage', post_message('x'))
        self.assertEqual((status, doc['error']['code']), (413, 'body-too-large'))
        self.assertEqual(server.stop(signal.SIGINT), 0)

    def test_address_in_use(self):
        first = self.serve('--port', '0')
        port = str(first.address[1])
        proc = run('serve', '--address', '127.0.0.1', '--port', port, timeout=TIMEOUT)
        self.assertBadInput(proc, port)
        self.assertEqual(first.stop(), 0)


class CheckConfigTest(ServeTestCase):
    def assertValid(self, proc, where):
        self.assertSuccess(proc)
        self.assertEqual(proc.stdout.decode('utf-8'),
                         'The configuration is valid: the server would listen on %s\n' % where)

    def test_defaults(self):
        self.assertValid(self.check_config(), '127.0.0.1:8931')

    def test_good_file(self):
        secret = self.secret_file()
        config = self.write('bridge.conf', '[server]\naddress=127.0.0.1\nport=9100\n'
                                           'secret-file=secret\nbody-limit=64K\ndeadline=2.5\n'
                                           'dispatch=threads\n\n[plugins]\n\n'
                                           '[plugin:Test:Shout]\nprefix=">> "\n')
        self.assertValid(self.check_config('--config', config), '127.0.0.1:9100')
        # the options win over the file
        self.assertValid(self.check_config('--config', config, '--port', '9200'), '127.0.0.1:9200')
        self.assertValid(self.check_config('--config', config, '--address', '::1'), '[::1]:9100')
        sock = self.path('bridge.sock')
        self.assertValid(self.check_config('--config', config, '--listen', 'unix:' + sock),
                         'unix:' + sock)
        self.assertValid(self.check_config('--config', config, '--listen', '127.0.0.2:0'),
                         '127.0.0.2:0')
        # and the other way round
        config = self.write('unix.conf', '[server]\nlisten=unix:bridge.sock\n')
        self.assertValid(self.check_config('--config', config), 'unix:' + sock)
        self.assertValid(self.check_config('--config', config, '--port', '9300'), '127.0.0.1:9300')
        self.assertTrue(os.path.isfile(secret))
        self.assertFalse(os.path.exists(sock), 'checking must not listen')

    def test_bad_files(self):
        cases = [
            ('[server]\nport=8931\nbodylimit=1M\n', ['bad.conf', '[server]', 'bodylimit']),
            ('[server]\nport=99999\n', ['[server] port', '99999']),
            ('[server]\nlisten=127.0.0.1:1\nport=2\n', ['listen', 'not both']),
            ('[server]\nbody-limit=lots\n', ['body-limit', 'lots']),
            ('[server]\ndispatch=parallel\n', ['dispatch', 'parallel']),
            ('[server]\nsecret-file=missing\n', ['secret file', 'missing']),
            ('[servers]\n', ['unknown group', 'servers']),
            ('[server\n', ['bad.conf']),
            ('[server]\nlisten=unix:no/such/dir/bridge.sock\n', ['no/such/dir']),
        ]
        for text, fragments in cases:
            with self.subTest(text=text):
                config = self.write('bad.conf', text)
                self.assertBadInput(self.check_config('--config', config), *fragments)
        self.assertBadInput(self.check_config('--config', self.path('nope.conf')), 'nope.conf')

    def test_secret_file_readable_by_others(self):
        for mode in (0o644, 0o640, 0o604):
            with self.subTest(mode=oct(mode)):
                secret = self.secret_file(mode=mode)
                err = self.assertBadInput(self.check_config('--secret-file', secret))
                self.assertIn('The secret file “%s” is readable by its group or by others '
                              '(mode %04o)' % (secret, mode), err)
                self.assertIn('chmod 600', err)
                # the same through the file
                config = self.write('bridge.conf', '[server]\nsecret-file=%s\n' % secret)
                self.assertBadInput(self.check_config('--config', config), 'chmod 600')
        secret = self.secret_file(mode=0o600)
        self.assertValid(self.check_config('--secret-file', secret), '127.0.0.1:8931')
        secret = self.secret_file(secret=b'', mode=0o600)
        self.assertBadInput(self.check_config('--secret-file', secret), 'empty')

    def test_usage_errors(self):
        self.assertUsageError(self.check_config('--listen', 'unix:/tmp/x.sock', '--port', '1'),
                              '--listen')
        self.assertUsageError(self.check_config('--listen', '127.0.0.1:1', '--address', '::1'),
                              '--listen')
        self.assertUsageError(self.check_config('--port', '65536'), '65536')
        self.assertUsageError(self.check_config('--port', '-1'), '-1')
        self.assertUsageError(self.check_config('--port', 'http'), 'http')
        self.assertUsageError(self.check_config('extra'), 'extra')
        self.assertUsageError(self.check_config('--frobnicate'), '--frobnicate')
        self.assertBadInput(self.check_config('--listen', 'example.com:80'), 'example.com:80')
        self.assertBadInput(self.check_config('--address', 'example.com'), 'example.com')


class ShutdownTest(ServeTestCase):
    def test_requests_in_flight_are_answered(self):
        server = self.serve('--port', '0')
        body = post_message('still here')
        # two requests whose bodies have not all arrived
        socks = [server.open_partial('/v1/events/threadPostMessage', body, 10 + 40 * i)
                 for i in range(2)]
        server.wait_in_flight(2)

        server.send(signal.SIGTERM)
        server.wait_for(r'Shutting down: 2 requests in flight')
        # no new connection, but the server waits for the two
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                socket.create_connection(server.address, timeout=TIMEOUT).close()
            except ConnectionRefusedError:
                break
            self.assertLess(time.monotonic(), deadline, 'still accepting connections')
            time.sleep(0.02)
        time.sleep(0.2)
        self.assertIsNone(server.proc.poll(), 'exited with requests in flight')

        for i, sock in enumerate(socks):
            status, headers, data = Server.finish_partial(sock, body[10 + 40 * i:])
            self.assertEqual(status, 200, data)
            self.assertEqual(headers.get('Connection'), 'close')
            self.assertEqual(json.loads(data)['message_body'], 'still here')
        # no second signal: it would stop the server at once
        self.assertEqual(server.wait_exit(), 0)
        self.assertIn('Every request is answered', server.text())

    @unittest.skipUnless(HAS_PLUGINS and TEST_PLUGIN, 'no plugin engine')
    def test_slow_listener_finishes(self):
        plugins = PluginsTest.plugin_dir(self)
        config = self.write('bridge.conf', '[plugin:Test:Shout]\ndelay=1\n')
        server = self.serve('--config', config, '--plugin-dir', plugins, '--port', '0')
        results = []
        thread = threading.Thread(target=lambda: results.append(
            server.json('POST', '/v1/events/threadPostMessage', post_message('slow'))))
        thread.start()
        try:
            server.wait_in_flight(1)
            server.send(signal.SIGTERM)
        finally:
            thread.join(TIMEOUT)
        self.assertEqual(results, [(200, results[0][1])])
        self.assertEqual(results[0][1]['message_body'], 'SLOW')
        self.assertEqual(server.wait_exit(), 0)

    def test_second_signal_stops_at_once(self):
        server = self.serve('--port', '0')
        body = post_message('never finished')
        sock = server.open_partial('/v1/events/threadPostMessage', body, 20)
        try:
            server.wait_in_flight(1)
            server.send(signal.SIGTERM)
            log = server.wait_for(r'Shutting down: 1 requests in flight')
            server.send(signal.SIGINT)
            server.wait_for(r'Stopping at once', start=log.end())
            # it stops without the request, and says so
            self.assertEqual(server.wait_exit(), 1)
            self.assertIn('mibew-events: Stopped at once: 1 request was not answered',
                          server.text())
        finally:
            sock.close()


class ReloadTest(ServeTestCase):
    def test_body_limit_changes_without_dropping_a_request(self):
        secret = self.secret_file()
        config = self.write('bridge.conf', '[server]\nport=1\nbody-limit=1M\n')
        # port and secret from the command line: they stay after the reload
        server = self.serve('--config', config, '--port', '0', '--secret-file', secret)
        with open(secret, 'rb') as f:
            server.secret = f.read().strip()
        with open(data_path('threadPostMessage'), 'rb') as f:
            body = f.read()
        self.assertGreater(len(body), 1024)
        self.assertEqual(server.request('POST', '/v1/events/threadPostMessage', body)[0], 200)

        # a request in flight across the reload (under the new limit too:
        # see test_in_flight_request_keeps_its_limit)
        small = b'{"id": "42"}'
        sock = server.open_partial('/v1/events/threadDelete', small, 5)
        try:
            server.wait_in_flight(1)
            self.write('bridge.conf', '[server]\nport=1\nbody-limit=1K\n')
            mark = len(server.text())
            server.send(signal.SIGHUP)
            line = server.wait_for(r'Reloaded.*$', start=mark).group(0)
            self.assertIn('bridge.conf', line)
            self.assertNotIn('restart', line)
        finally:
            status, _, data = Server.finish_partial(sock, small[5:])
        self.assertEqual((status, data), (200, b'{"id":"42"}'))

        status, _, data = server.request('POST', '/v1/events/threadPostMessage', body)
        self.assertEqual(status, 413, data)
        self.assertEqual(json.loads(data)['error']['code'], 'body-too-large')
        # the secret of the command line is still required
        status, _, data = server.request('GET', '/v1/health', signed=False)
        self.assertEqual((status, json.loads(data)['error']['code']), (401, 'signature-missing'))
        self.assertIs(server.json('GET', '/v1/health')[1]['signed'], True)

        # a file that does not check out: logged, the configuration in force stays
        self.write('bridge.conf', '[server]\nbody-limit=1M\nfrobnicate=yes\n')
        mark = len(server.text())
        server.send(signal.SIGHUP)
        line = server.wait_for(r'Not reloaded.*$', start=mark).group(0)
        self.assertIn('frobnicate', line)
        self.assertEqual(server.request('POST', '/v1/events/threadPostMessage', body)[0], 413)

        # and a good one again
        self.write('bridge.conf', '[server]\nbody-limit=2K\n')
        mark = len(server.text())
        server.send(signal.SIGHUP)
        server.wait_for(r'Reloaded', start=mark)
        self.assertEqual(server.request('POST', '/v1/events/threadPostMessage', body)[0], 200)
        self.assertEqual(server.stop(), 0)

    # docs/bridge.md: "requests in flight finish with the settings they
    # started with": a request whose headers passed under 1M is read to
    # the end under 1M even if the limit drops to 1K meanwhile.
    def test_in_flight_request_keeps_its_limit(self):
        config = self.write('bridge.conf', '[server]\nbody-limit=1M\n')
        server = self.serve('--config', config, '--port', '0')
        with open(data_path('threadPostMessage'), 'rb') as f:
            body = f.read()
        sock = server.open_partial('/v1/events/threadPostMessage', body, 100)
        try:
            server.wait_in_flight(1)
            self.write('bridge.conf', '[server]\nbody-limit=1K\n')
            mark = len(server.text())
            server.send(signal.SIGHUP)
            server.wait_for(r'Reloaded', start=mark)
        finally:
            status, _, data = Server.finish_partial(sock, body[100:])
        self.assertEqual(server.stop(), 0)
        self.assertEqual(status, 200, data)

    def test_new_address_needs_a_restart(self):
        config = self.write('bridge.conf', '[server]\nport=0\n')
        server = self.serve('--config', config)
        self.write('bridge.conf', '[server]\nlisten=unix:%s\n' % self.path('later.sock'))
        mark = len(server.text())
        server.send(signal.SIGHUP)
        self.assertIn('needs a restart', server.wait_for(r'Reloaded.*$', start=mark).group(0))
        self.assertEqual(server.health()['status'], 'ok')
        self.assertFalse(os.path.exists(self.path('later.sock')))
        self.assertEqual(server.stop(), 0)

    def test_without_a_file(self):
        server = self.serve('--port', '0')
        mark = len(server.text())
        server.send(signal.SIGHUP)
        self.assertIn('not loaded from a file', server.wait_for(r'Not reloaded.*$', start=mark).group(0))
        self.assertEqual(server.health()['status'], 'ok')
        self.assertEqual(server.stop(), 0)


class UnixSocketTest(ServeTestCase):
    def test_socket_with_a_mode(self):
        sock_path = self.path('bridge.sock')
        config = self.write('bridge.conf', '[server]\nsocket-mode=0600\n')
        # --listen wins over the file's (default) TCP address; the mode is the file's
        server = self.serve('--config', config, '--listen', 'unix:' + sock_path)
        self.assertEqual(server.where, 'unix:' + sock_path)
        st = os.stat(sock_path)
        self.assertTrue(stat.S_ISSOCK(st.st_mode))
        self.assertEqual(stat.S_IMODE(st.st_mode), 0o600)

        self.assertEqual(server.health()['status'], 'ok')
        status, doc = server.json('POST', '/v1/events/threadPostMessage', post_message('über unix'))
        self.assertEqual(status, 200, doc)
        self.assertEqual(doc['message_body'], 'über unix')

        self.assertEqual(server.stop(), 0)
        self.assertFalse(os.path.exists(sock_path), 'the socket file stays after the shutdown')

    def test_default_mode_and_stale_socket(self):
        sock_path = self.path('bridge.sock')
        # a socket file nobody listens on any more is replaced
        stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        stale.bind(sock_path)
        stale.close()
        server = self.serve('--listen', 'unix:' + sock_path)
        self.assertEqual(stat.S_IMODE(os.stat(sock_path).st_mode), 0o660)
        self.assertEqual(server.health()['status'], 'ok')

        # a second server refuses the socket the first listens on
        proc = run('serve', '--listen', 'unix:' + sock_path, timeout=TIMEOUT)
        self.assertBadInput(proc, 'Another server listens on “%s”' % sock_path)
        self.assertEqual(server.health()['status'], 'ok')
        self.assertEqual(server.stop(), 0)

    def test_relative_path(self):
        proc = subprocess.run([TOOL, 'serve', '--check-config', '--listen', 'unix:rel.sock'],
                              cwd=self.tmp, capture_output=True, timeout=TIMEOUT)
        self.assertSuccess(proc)
        self.assertIn(('unix:' + self.path('rel.sock')).encode(), proc.stdout)


class InsecureAddressTest(ServeTestCase):
    def test_beyond_loopback_without_a_secret(self):
        for args in (['--address', '0.0.0.0'], ['--address', '::', '--port', '0'],
                     ['--listen', '0.0.0.0:0'], ['--address', '192.0.2.1']):
            with self.subTest(args=args):
                for check in ([], ['--check-config']):
                    proc = run('serve', *check, *args, timeout=TIMEOUT)
                    self.assertBadInput(proc, 'Refusing to listen on', 'beyond loopback',
                                        'without a secret', '--secret-file')
        config = self.write('bridge.conf', '[server]\naddress=0.0.0.0\nport=0\n')
        self.assertBadInput(run('serve', '--config', config, timeout=TIMEOUT), 'Refusing to listen')

    def test_with_a_secret_or_on_loopback(self):
        secret = self.secret_file()
        proc = self.check_config('--address', '0.0.0.0', '--secret-file', secret)
        self.assertSuccess(proc)
        self.assertIn(b'0.0.0.0:8931', proc.stdout)
        for address in ('127.0.0.1', '::1', 'localhost'):
            with self.subTest(address=address):
                self.assertSuccess(self.check_config('--address', address))

    def test_loopback_v6_serves(self):
        if not socket.has_ipv6:
            self.skipTest('no IPv6')
        try:
            probe = socket.socket(socket.AF_INET6)
            probe.bind(('::1', 0))
            probe.close()
        except OSError:
            self.skipTest('no ::1 here')
        server = self.serve('--address', '::1', '--port', '0')
        self.assertEqual(server.health()['status'], 'ok')
        self.assertEqual(server.stop(), 0)


@unittest.skipUnless(HAS_PLUGINS and TEST_PLUGIN, 'mibew-events is built without the plugin engine')
class PluginsTest(ServeTestCase):
    def plugin_dir(self, name='plugins'):
        """A plugin directory with Test:Shout (works for other test cases too)."""
        directory = os.path.join(self.tmp, name)
        os.makedirs(directory, exist_ok=True)
        module = os.path.basename(TEST_PLUGIN)
        os.symlink(TEST_PLUGIN, os.path.join(directory, module))
        with open(os.path.join(directory, 'shout.plugin'), 'w', encoding='utf-8') as f:
            f.write('[Plugin]\nModule=%s\nName=Shout\nDescription=Upper-cases messages\n'
                    'X-Mibew-Name=Test:Shout\nX-Mibew-Version=1.0.0\n'
                    % re.sub(r'^lib|\.so$', '', module))
        return directory

    def test_loads_plugins_of_the_dirs(self):
        plugins = self.plugin_dir()
        server = self.serve('--plugin-dir', plugins, '--port', '0')
        self.assertIn('1 plugin active: Test:Shout', server.text())
        self.assertServesPostMessage(server, 'hello', 'HELLO')
        events = {e['name']: e for e in server.json('GET', '/v1/events')[1]['events']}
        self.assertEqual(events['threadPostMessage']['listeners'], 1)
        self.assertEqual(server.stop(), 0)

    def test_no_dirs_no_plugins(self):
        server = self.serve('--port', '0')
        self.assertNotIn('plugin', server.text())
        self.assertServesPostMessage(server, 'hello', 'hello')
        self.assertEqual(server.stop(), 0)

    def test_settings_and_reload(self):
        plugins = self.plugin_dir()
        config = self.write('bridge.conf', '[plugins]\ndirs=plugins\n\n'
                                           '[plugin:Test:Shout]\nprefix=">> "\n')
        server = self.serve('--config', config, '--port', '0')
        self.assertServesPostMessage(server, 'hello', '>> HELLO')

        def reload(text, expect):
            self.write('bridge.conf', text)
            mark = len(server.text())
            server.send(signal.SIGHUP)
            server.wait_for(expect, start=mark)
            server.wait_for(r'Reloaded', start=mark)

        # new settings: the plugin is activated again with them
        reload('[plugins]\ndirs=plugins\n\n[plugin:Test:Shout]\nprefix=!\nweight=5\n',
               r'1 plugin active: Test:Shout')
        self.assertServesPostMessage(server, 'hello', '!HELLO')
        # disabled
        reload('[plugins]\ndirs=plugins\n\n[plugin:Test:Shout]\nenabled=false\n', r'No plugin is active')
        self.assertServesPostMessage(server, 'hello', 'hello')
        # the group gone: enabled again, without a prefix
        reload('[plugins]\ndirs=%s\n' % plugins, r'1 plugin active: Test:Shout')
        self.assertServesPostMessage(server, 'hello', 'HELLO')
        # an enable list without it
        reload('[plugins]\ndirs=plugins\nenabled=Test:Other\n', r'No plugin is active')
        self.assertServesPostMessage(server, 'hello', 'hello')
        # a plugins' configuration the engine refuses: the whole reload is
        # refused (checked before the server applies anything), the plugins stay
        self.write('bridge.conf', '[plugins]\ndirs=plugins\n\n[plugin:Test:Shout]\nweight=heavy\n')
        mark = len(server.text())
        server.send(signal.SIGHUP)
        self.assertIn('weight', server.wait_for(r'Not reloaded.*$', start=mark).group(0))
        self.assertServesPostMessage(server, 'hello', 'hello')
        reload('[plugins]\ndirs=plugins\n', r'1 plugin active: Test:Shout')
        self.assertServesPostMessage(server, 'hello', 'HELLO')
        # a reload that does not touch the plugins leaves them alone
        self.write('bridge.conf', '[server]\nbody-limit=2M\n\n[plugins]\ndirs=plugins\n')
        mark = len(server.text())
        server.send(signal.SIGHUP)
        server.wait_for(r'Reloaded', start=mark)
        self.assertNotIn('plugin', server.text()[mark:])
        self.assertServesPostMessage(server, 'hello', 'HELLO')
        self.assertEqual(server.stop(), 0)

    def test_check_config(self):
        plugins = self.plugin_dir()
        proc = self.check_config('--plugin-dir', plugins)
        self.assertSuccess(proc)
        self.assertIn(b'127.0.0.1:8931', proc.stdout)
        self.assertBadInput(self.check_config('--plugin-dir', self.path('nowhere')),
                            'The plugin directory “%s” does not exist' % self.path('nowhere'))
        for text, fragment in (('[plugins]\nenabled=shout\n', 'shout'),
                               ('[plugin:Test:Shout]\nweight=heavy\n', 'weight'),
                               ('[plugin:shout]\nprefix=x\n', 'shout')):
            with self.subTest(text=text):
                config = self.write('bridge.conf', text)
                self.assertBadInput(self.check_config('--config', config, '--plugin-dir', plugins),
                                    'bridge.conf', fragment)
                self.assertBadInput(run('serve', '--config', config, '--plugin-dir', plugins,
                                        timeout=TIMEOUT), fragment)


class UnavailableTest(ToolTestCase):
    @unittest.skipIf(HAS_BRIDGE, 'mibew-events is built with the bridge')
    def test_serve_without_the_bridge(self):
        proc = run('serve', '--port', '0')
        err = proc.stderr.decode('utf-8')
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn('without the HTTP bridge', err)
        self.assertSuccess(run('serve', '--help'))

    def test_help_lists_serve(self):
        proc = run('help', 'serve')
        self.assertSuccess(proc)
        text = proc.stdout.decode('utf-8')
        for option in ('--address', '--port', '--listen', '--secret-file', '--config',
                       '--plugin-dir', '--check-config'):
            self.assertIn(option, text)
        self.assertEqual(run('serve', '--help').stdout, proc.stdout)


if __name__ == '__main__':
    unittest.main()
