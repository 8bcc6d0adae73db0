#!/usr/bin/python3
# test_reliability.py: faults and security of the real `mibew-events serve`
# with C, Python and JavaScript plugins (tests/reliability; suite
# 'integration', one meson test per class, see meson.build and
# docs/reliability.md)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Plugins: E2E:CMarker and E2E:PyMarker (tests/e2e), Rel:JsMarker (a
# JavaScript marker that can throw in activate()), Rel:PyFaulty (raises in
# do_activate()), Rel:CFaulty (fails in activate(), hangs, leaks or counts
# its calls, as its settings say). Clients: test_e2e's keep-alive Conn,
# signed; raw sockets for requests cut short. Every wait is bounded.

import hashlib
import hmac
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reltest import (ALL_LANGUAGES, SECRET, TIMEOUT, Conn, RelTestCase, metric,  # noqa: E402
                     metric_sum, post_message, rss_kib, sign, strict_diff, test_e2e)
import bridgesign  # noqa: E402

# Sizes, from the environment (the asan lane sets smaller ones; the same
# assertions): events of each phase of test_leaking_plugin, and the rounds
# of test_client_disconnects and the clients cut in each place per round.
LEAK_EVENTS = int(os.environ.get('MIBEW_REL_LEAK_EVENTS', '3000'))
DISCONNECT_ROUNDS = int(os.environ.get('MIBEW_REL_DISCONNECT_ROUNDS', '3'))
DISCONNECT_CLIENTS = int(os.environ.get('MIBEW_REL_DISCONNECT_CLIENTS', '100'))
# Under ASan (the asan lane sets MIBEW_TEST_SANITIZED) freed memory waits in
# a quarantine, so RSS grows without a leak: the bounds on RSS are not
# checked there (LeakSanitizer looks for leaks instead); the rest is.
SANITIZED = bool(os.environ.get('MIBEW_TEST_SANITIZED'))


def raw_request(method, path, body, headers):
    """The bytes of one request with exactly @headers (a dict)."""
    head = '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n' % (method, path)
    head += ''.join('%s: %s\r\n' % kv for kv in headers.items())
    return head.encode() + b'\r\n' + body


def read_answer(sock):
    """(status, body) of the one answer on @sock, a connection the server
    closes or keeps: read with test_e2e.Conn's parser."""
    conn = Conn(None)
    conn.sock = sock
    status_line = conn._read_line().decode()
    status = int(status_line.split(' ')[1])
    length = 0
    while True:
        line = conn._read_line()
        if not line:
            break
        name, _, value = line.decode().partition(':')
        if name.strip().lower() == 'content-length':
            length = int(value)
    return status, conn._read_exact(length)


class FaultTest(RelTestCase):
    def test_activation_failures(self):
        """A C plugin whose activate() fails, a Python one that raises, a
        JavaScript one that throws: the server starts, names each with its
        reason, and the others work."""
        settings = dict(ALL_LANGUAGES)
        settings['Rel:JsMarker'] = {'weight': 15, 'throw_in_activate': True}
        settings['Rel:CFaulty'] = {'fail_activate': True}
        config = self.rel_config(['c', 'python', 'js', 'cfaulty', 'pyfaulty'],
                                 server='dispatch=main-context\n', settings=settings)
        server = self.serve('--config', config)
        line = server.wait_for(r'^.*2 plugins active: .*$').group(0)
        self.assertIn('E2E:CMarker', line)
        self.assertIn('E2E:PyMarker', line)
        text = server.text()
        for name, reason in (('Rel:CFaulty', 'Rel:CFaulty fails in activate() on purpose'),
                             ('Rel:PyFaulty', 'Rel:PyFaulty raises in do_activate() on purpose'),
                             ('Rel:JsMarker', 'Rel:JsMarker throws in activate() on purpose')):
            skipped = [ln for ln in text.splitlines() if 'Plugin %s skipped' % name in ln]
            self.assertEqual(len(skipped), 1, text)
            self.assertIn(reason, skipped[0])
        status, data = server.request('POST', '/v1/events/threadPostMessage',
                                      json.dumps(post_message('up')).encode())
        self.assertEqual((status, json.loads(data)['message_body']), (200, 'up [C] [Py]'))
        status, data = server.request('GET', '/v1/events')
        listeners = {e['name']: e['listeners'] for e in json.loads(data)['events']}
        self.assertEqual(listeners['threadPostMessage'], 2, 'nothing left of the failed plugins')
        self.assertEqual(server.stop(), 0)

    def test_hanging_listener(self):
        """A listener that hangs past the deadline: 503 deadline-exceeded
        at the deadline, the server serves the rest meanwhile, says which
        event and which plugin's listener hangs (the answer, the log line,
        mibew_bridge_plugin_failures_total), and the next requests are
        answered once it returns."""
        config = self.rel_config(['c', 'cfaulty'], server='deadline=1\n',
                                 settings={'Rel:CFaulty': {'hang_seconds': 3}, 'E2E:CMarker': {'weight': 5}})
        server = self.serve('--config', config)
        server.wait_for(r'2 plugins active')
        body = json.dumps(post_message('hang')).encode()
        start = time.monotonic()
        status, data = server.request('POST', '/v1/events/threadPostMessage', body)
        took = time.monotonic() - start
        self.assertEqual(status, 503, data)
        error = json.loads(data)['error']
        self.assertEqual(error['code'], 'deadline-exceeded')
        self.assertEqual(error.get('plugin'), 'Rel:CFaulty', error)
        self.assertIn('Rel:CFaulty', error['message'])
        self.assertLess(took, 2.5, 'answered at the deadline, not when the listener returned')
        # the listener still runs: the other endpoints answer meanwhile
        status, data = server.request('GET', '/v1/health')
        self.assertEqual(status, 200)
        line = server.wait_for(r'^.*threadPostMessage: 503.*$').group(0)
        self.assertIn('deadline-exceeded', line)
        self.assertIn('plugin Rel:CFaulty', line)
        # once the listener has returned, nothing of the request is left
        time.sleep(max(0.0, 3.2 - (time.monotonic() - start)))
        values = server.metrics()
        self.assertEqual(metric(values, 'mibew_bridge_events_total', event='threadPostMessage', status='503'), 1)
        self.assertEqual(metric(values, 'mibew_bridge_in_flight_requests'), 1, 'only the scrape')
        self.assertEqual(metric(values, 'mibew_bridge_plugin_failures_total', plugin='Rel:CFaulty'), 1)
        self.assertEqual(metric(values, 'mibew_bridge_plugin_failures_total', plugin='E2E:CMarker'), 0)
        self.assertEqual(server.stop(), 0)

    def test_leaking_plugin(self):
        """A plugin that leaks 32 KiB per event: every answer is still
        right, and the RSS measurement of the soak test sees the leak (the
        check of reliability-soak can fail). Under ASan the RSS cannot
        judge it (the quarantine grows it without a leak): there only
        the answers are checked here, and LeakSanitizer, which judges
        leaks in that lane, must name the plugin's at exit."""
        leak, n = 32 * 1024, LEAK_EVENTS
        config = self.rel_config(['c', 'cfaulty'], settings={'Rel:CFaulty': {'leak_bytes': leak},
                                                             'E2E:CMarker': {'weight': 5}})
        server = self.serve('--config', config)
        server.wait_for(r'2 plugins active')
        conn = Conn(server.address)
        # warm-up as in the soak test, then the measured part
        for phase in ('warm-up', 'measured'):
            before = rss_kib(server.proc.pid)
            for i in range(n):
                doc = post_message('leak %s %d' % (phase, i))
                status, data = conn.request('POST', '/v1/events/threadPostMessage', json.dumps(doc).encode())
                doc['message_body'] += ' [F] [C]'
                self.assertEqual(status, 200, data)
                self.assertIsNone(strict_diff(json.loads(data), doc))
            grown = rss_kib(server.proc.pid) - before
        conn.close()
        print('leaking plugin: %d events x %d KiB leaked, RSS grew by %d KiB' % (n, leak // 1024, grown))
        if SANITIZED:
            code = server.stop()
            report = server.text()
            self.assertNotEqual(code, 0, 'LeakSanitizer fails the exit')
            self.assertIn('ERROR: LeakSanitizer: detected memory leaks', report)
            # its listener's frame: rel-cfaulty.c:LINE, or librel-cfaulty.so+OFFSET unsymbolized
            self.assertRegex(report, r'Direct leak of %d byte\(s\) in %d object\(s\) allocated from:\n'
                             r'(.*\n)*?.*rel-cfaulty\.(c|so)' % (2 * n * leak, 2 * n), 'the plugin\'s leak, all of it')
            return
        self.assertGreater(grown, 0.8 * n * leak / 1024, 'the RSS shows the leak')
        self.assertGreater(grown / before, 0.05, 'more than the soak test allows')
        self.assertEqual(server.stop(), 0)

    def test_client_disconnects(self):
        """Clients that go away mid-request (in the headers, in the body,
        while the listeners run): the server goes on, counts them, keeps
        nothing of theirs (in flight back to 0, RSS flat over 300 of
        each: three rounds of 100, unless the environment says otherwise;
        not checked under ASan), and what it answers next is whole."""
        config = self.rel_config(['c', 'cfaulty'], settings={'Rel:CFaulty': {'hang_seconds': 0.02, 'count': True},
                                                             'E2E:CMarker': {'weight': 5}})
        server = self.serve('--config', config)
        server.wait_for(r'2 plugins active')
        body = json.dumps(post_message('gone')).encode()

        def cut(where):
            ts, signature = sign('POST', '/v1/events/threadPostMessage', body)
            data = raw_request('POST', '/v1/events/threadPostMessage', body, {
                'Content-Type': 'application/json', 'Content-Length': str(len(body)),
                'X-Mibew-Timestamp': ts, 'X-Mibew-Signature': signature})
            sock = socket.create_connection(server.address, timeout=TIMEOUT)
            if where == 'headers':
                sock.sendall(data[:40])
            elif where == 'body':
                sock.sendall(data[:len(data) - len(body) // 2])
            else:
                sock.sendall(data)
                time.sleep(0.005)     # the listener (20 ms) runs
            # a reset rather than a clean close: the worst for the server
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b'\x01\x00\x00\x00\x00\x00\x00\x00')
            sock.close()

        def settle():
            deadline = time.monotonic() + TIMEOUT
            while metric(server.metrics(), 'mibew_bridge_in_flight_requests') > 1:
                self.assertLess(time.monotonic(), deadline, 'requests stay in flight')
                time.sleep(0.05)

        rss = []
        for _ in range(DISCONNECT_ROUNDS):
            for where in ('headers', 'body', 'listeners'):
                for _ in range(DISCONNECT_CLIENTS):
                    cut(where)
            settle()
            rss.append(rss_kib(server.proc.pid))
        values = server.metrics()
        # every cut in the listeners was emitted, none of the others
        status, data = server.request('POST', '/v1/events/threadPostMessage', body)
        self.assertEqual(status, 200)
        got = json.loads(data)['message_body']
        complete = DISCONNECT_ROUNDS * DISCONNECT_CLIENTS
        self.assertEqual(got, 'gone [F#%d] [C]' % (complete + 1),
                         'only the %d complete requests were emitted' % complete)
        self.assertGreaterEqual(metric_sum(values, 'mibew_bridge_requests_aborted_total'), complete)
        print('client disconnects: RSS after each round of %d: %r KiB' % (3 * DISCONNECT_CLIENTS, rss))
        if not SANITIZED:
            self.assertLess((rss[-1] - rss[0]) / rss[0], 0.05, rss)
        self.assertEqual(server.stop(), 0)

    def test_sigterm_with_100_requests_in_flight(self):
        """SIGTERM with 100 requests in flight: each is answered 200 (and
        right) or refused with 503 shutting-down; no connection is cut;
        exit status 0. The first request holds the (serial) queue for 5 s,
        so that all 100 are in flight together however slowly the clients
        send (a sanitized Python is slow); the others take 30 ms each."""
        n = 100
        config = self.rel_config(['c', 'cfaulty'], server='deadline=60\n',
                                 settings={'Rel:CFaulty': {'hang_seconds': 0.03, 'hang_first_seconds': 5},
                                           'E2E:CMarker': {'weight': 5}})
        server = self.serve('--config', config)
        server.wait_for(r'2 plugins active')
        results = [None] * n
        go = threading.Barrier(n + 1)

        def client(i):
            conn = Conn(server.address)
            doc = post_message('term %d' % i)
            body = json.dumps(doc).encode()
            try:
                conn._connect()
                go.wait(TIMEOUT)
                status, data = conn.request('POST', '/v1/events/threadPostMessage', body, prefix=i)
                results[i] = (status, json.loads(data))
            except Exception as e:     # noqa: BLE001: reported below
                results[i] = ('exception', repr(e))
            finally:
                conn.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        go.wait(TIMEOUT)
        deadline = time.monotonic() + TIMEOUT
        while metric(server.metrics(), 'mibew_bridge_in_flight_requests') < n + 1:
            self.assertLess(time.monotonic(), deadline, 'the 100 requests never were in flight together')
            time.sleep(0.01)
        server.proc.send_signal(signal.SIGTERM)
        for t in threads:
            t.join(90)
        self.assertFalse(any(t.is_alive() for t in threads))
        code = server.proc.wait(TIMEOUT)
        answered = refused = 0
        for i, (status, doc) in enumerate(results):
            if status == 200:
                self.assertEqual(doc['message_body'], 'term %d [F] [C]' % i)
                answered += 1
            else:
                self.assertEqual((status, doc['error']['code']), (503, 'shutting-down'), results[i])
                refused += 1
        print('SIGTERM with %d in flight: %d answered, %d refused' % (n, answered, refused))
        self.assertEqual(answered + refused, n)
        self.assertGreater(answered, 0)
        self.assertEqual(code, 0, server.text())
        self.assertIn('Shutting down', server.text())


class ConfigFaultTest(RelTestCase):
    """SIGHUP with a configuration file that is gone, unreadable,
    half-written or being replaced: refused with a clear message and the
    old configuration kept, or the new one applied whole."""

    GOOD = '[server]\nbody-limit=%s\n\n[plugins]\ndirs=%s;\n\n[plugin:E2E:CMarker]\nmark="%s"\n'

    def start(self, limit='1M', mark='C'):
        self.dirs = self.plugin_dir('c')
        self.path = self.write('serve.conf', self.GOOD % (limit, self.dirs, mark))
        server = self.serve('--config', self.path)
        server.wait_for(r'1 plugin active')
        return server

    def state(self, server):
        """(the body limit in force, the mark E2E:CMarker appends): the
        body limit seen from a 5 KB body (over 4K, under 1M)."""
        doc = post_message('x' * 5000)
        status, data = server.request('POST', '/v1/events/threadPostMessage', json.dumps(doc).encode())
        if status == 413:
            return '4K', None
        self.assertEqual(status, 200, data)
        return '1M', json.loads(data)['message_body'][5000:]

    def reload(self, server, outcome):
        mark = len(server.text())
        server.proc.send_signal(signal.SIGHUP)
        return server.wait_for(r'^.*%s.*$' % outcome, start=mark).group(0)

    def test_refused_reloads_keep_the_old_configuration(self):
        server = self.start()
        self.assertEqual(self.state(server), ('1M', ' [C]'))
        cases = {
            'gone': lambda: os.unlink(self.path),
            'a directory': lambda: (os.unlink(self.path), os.mkdir(self.path)),
            'not text': lambda: open(self.path, 'wb').write(b'\xff\xfe[server]\x00\x01'),
            'half-written (in a group name)': lambda: open(self.path, 'w').write(
                (self.GOOD % ('4K', self.dirs, 'C2'))[:-28]),
            'half-written (in a key)': lambda: open(self.path, 'w').write('[server]\nbody-lim'),
            'half-written (in a JSON setting)': lambda: open(self.path, 'w').write(
                '[plugins]\ndirs=%s;\n[plugin:E2E:CMarker]\nweight=1' % self.dirs + '0' * 30),
        }
        for name, damage in cases.items():
            with self.subTest(case=name):
                # each case starts from the good file (not reloaded)
                if os.path.isdir(self.path):
                    os.rmdir(self.path)
                self.write('serve.conf', self.GOOD % ('4K', self.dirs, 'C2'))
                damage()
                line = self.reload(server, 'Not reloaded')
                self.assertIn('serve.conf', line, 'the message names the file')
                self.assertEqual(self.state(server), ('1M', ' [C]'), 'the old configuration stays')
        if os.path.isdir(self.path):
            os.rmdir(self.path)
        # and a whole new file is applied whole
        self.write('serve.conf', self.GOOD % ('4K', self.dirs, 'C2'))
        self.reload(server, 'Reloaded')
        self.assertEqual(self.state(server), ('4K', None))
        status, data = server.request('POST', '/v1/events/threadPostMessage',
                                      json.dumps(post_message('small')).encode())
        self.assertEqual((status, json.loads(data)['message_body']), (200, 'small [C2]'))
        self.assertEqual(server.stop(), 0)

    def test_file_replaced_during_reloads(self):
        """The file replaced (written next to it, renamed over it) again
        and again while SIGHUPs arrive and a client posts: every answer has
        the old setting or the new one, never a mix."""
        server = self.start(mark='A')
        body = json.dumps(post_message('mix')).encode()
        stop = threading.Event()
        seen, bad = {}, []

        def client():
            conn = Conn(server.address)
            try:
                while not stop.is_set():
                    status, data = conn.request('POST', '/v1/events/threadPostMessage', body)
                    got = json.loads(data).get('message_body') if status == 200 else (status, data[:200])
                    if got in ('mix [A]', 'mix [B]'):
                        seen[got] = seen.get(got, 0) + 1
                    else:
                        bad.append(got)
            finally:
                conn.close()

        thread = threading.Thread(target=client)
        thread.start()
        try:
            for i in range(20):
                tmp = self.path + '.new'
                with open(tmp, 'w', encoding='utf-8') as f:
                    f.write(self.GOOD % ('1M', self.dirs, 'AB'[i % 2]))
                os.rename(tmp, self.path)
                server.proc.send_signal(signal.SIGHUP)
                time.sleep(0.1)
            mark = len(server.text())
            server.proc.send_signal(signal.SIGHUP)      # the last file: mark B
            server.wait_for(r'Reloaded', start=mark)
            time.sleep(0.3)
        finally:
            stop.set()
            thread.join(TIMEOUT)
        self.assertEqual(bad, [])
        self.assertGreater(seen.get('mix [A]', 0) + seen.get('mix [B]', 0), 0)
        status, data = server.request('POST', '/v1/events/threadPostMessage', body)
        self.assertEqual(json.loads(data)['message_body'], 'mix [B]')
        self.assertNotIn('Not reloaded', server.text())
        self.assertEqual(server.stop(), 0)


class SecurityTest(RelTestCase):
    def counted_server(self):
        config = self.rel_config(['cfaulty'], settings={'Rel:CFaulty': {'count': True}})
        server = self.serve('--config', config)
        server.wait_for(r'1 plugin active')
        return server

    def send(self, server, path, body, ts, signature):
        sock = socket.create_connection(server.address, timeout=TIMEOUT)
        try:
            sock.sendall(raw_request('POST', path, body, {
                'Content-Type': 'application/json', 'Content-Length': str(len(body)),
                'X-Mibew-Timestamp': ts, 'X-Mibew-Signature': signature}))
            status, data = read_answer(sock)
        finally:
            sock.close()
        return status, json.loads(data)

    def test_forged_signatures(self):
        """A signature for another body, another event (path), another
        method, another timestamp, a replay, one too old: each refused with
        401 and its reason, none emitted."""
        server = self.counted_server()
        path = '/v1/events/threadPostMessage'
        body = json.dumps(post_message('signed')).encode()
        other = json.dumps(post_message('forged')).encode()
        ts, signature = sign('POST', path, body)
        old = '%d.5' % (time.time() - 3600)
        old_signature = sign('POST', path, body)[1]          # for another timestamp
        # issue 10: a captured groupDelete, sent as operatorDelete
        delete = b'{"id": "7"}'
        group_ts, group_signature = sign('POST', '/v1/events/groupDelete', delete)
        cases = [
            ('another body', path, other, ts, signature, 'signature-invalid'),
            ('another event', '/v1/events/operatorDelete', delete, group_ts, group_signature,
             'signature-invalid'),
            ('another event, same body', '/v1/events/threadClose', body, ts, signature, 'signature-invalid'),
            ('another method', path, body, ts, bridgesign.signature(SECRET, 'PUT', path, body, ts),
             'signature-invalid'),
            ('the old framing', path, body, ts,
             'sha256=' + hmac.new(SECRET, ts.encode() + b'.' + body, hashlib.sha256).hexdigest(),
             'signature-invalid'),
            ('another timestamp', path, body, '%d.25' % time.time(), signature, 'signature-invalid'),
            ('a timestamp an hour old', path, body, old, old_signature, 'timestamp-out-of-window'),
            ('not hex', path, body, ts, 'sha256=' + 'g' * 64, 'signature-invalid'),
            ('no signature', path, body, ts, '', 'signature-invalid'),
        ]
        for name, p, b, t, s, code in cases:
            with self.subTest(case=name):
                status, doc = self.send(server, p, b, t, s)
                self.assertEqual((status, doc['error']['code']), (401, code), doc)
                self.assertTrue(doc['error']['message'])
        # the genuine one, once; then its replay
        status, doc = self.send(server, path, body, ts, signature)
        self.assertEqual((status, doc['message_body']), (200, 'signed [F#1]'), 'nothing emitted before')
        status, doc = self.send(server, path, body, ts, signature)
        self.assertEqual((status, doc['error']['code']), (401, 'signature-replayed'))
        values = server.metrics()
        # refusals of the headers come before the path: not all of them
        # are counted under the event
        self.assertEqual(metric_sum(values, 'mibew_bridge_requests_total', status='401'), len(cases) + 1)
        self.assertEqual(metric(values, 'mibew_bridge_events_total', event='threadPostMessage', status='200'), 1)
        for event in ('operatorDelete', 'threadClose'):
            self.assertEqual(metric_sum(values, 'mibew_bridge_events_total', event=event, status='200'), 0, event)
            self.assertEqual(metric_sum(values, 'mibew_bridge_events_total', event=event), 1, event)
        status, doc = server.request('POST', path, json.dumps(post_message('after')).encode())
        self.assertEqual(json.loads(doc)['message_body'], 'after [F#2]', 'no forged request was emitted')
        self.assertEqual(server.stop(), 0)

    def test_secret_file_readable_by_others(self):
        """serve refuses to start with a secret file that group or others
        may read, and says which file and why."""
        for mode in (0o644, 0o640, 0o604):
            with self.subTest(mode=oct(mode)):
                path = os.path.join(self.tmp, 'secret-%o' % mode)
                with open(path, 'wb') as f:
                    f.write(SECRET)
                os.chmod(path, mode)
                proc = subprocess.run([test_e2e.TOOL, 'serve', '--listen', '127.0.0.1:0', '--secret-file', path],
                                      capture_output=True, timeout=TIMEOUT)
                self.assertEqual(proc.returncode, 1)
                err = proc.stderr.decode()
                self.assertIn(path, err)
                self.assertRegex(err, r'readable by (its owner only|others|group)')
                self.assertNotIn('Listening', err + proc.stdout.decode())

    def test_unix_socket_mode(self):
        """The Unix socket has the configured mode from the start, with the
        plugins loaded, and serves."""
        for mode in (0o600, 0o660, 0o666):
            with self.subTest(mode=oct(mode)):
                sock_path = os.path.join(self.tmp, 'bridge-%o.sock' % mode)
                config = self.rel_config(['c'], server='listen=unix:%s\nsocket-mode=%04o\n' % (sock_path, mode),
                                         name='unix-%o.conf' % mode)
                log = open(os.path.join(self.tmp, 'unix-%o.log' % mode), 'w+b')
                proc = subprocess.Popen([test_e2e.TOOL, 'serve', '--config', config], stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=log)
                try:
                    deadline = time.monotonic() + TIMEOUT
                    while b'Listening' not in open(log.name, 'rb').read():
                        self.assertIsNone(proc.poll(), open(log.name, 'rb').read())
                        self.assertLess(time.monotonic(), deadline)
                        time.sleep(0.02)
                    st = os.stat(sock_path)
                    self.assertTrue(stat.S_ISSOCK(st.st_mode))
                    self.assertEqual(stat.S_IMODE(st.st_mode), mode)
                    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    client.settimeout(TIMEOUT)
                    client.connect(sock_path)
                    body = json.dumps(post_message('unix')).encode()
                    client.sendall(raw_request('POST', '/v1/events/threadPostMessage', body, {
                        'Content-Type': 'application/json', 'Content-Length': str(len(body)),
                        'Connection': 'close'}))
                    status, data = read_answer(client)
                    client.close()
                    self.assertEqual((status, json.loads(data)['message_body']), (200, 'unix [C]'))
                finally:
                    proc.send_signal(signal.SIGTERM)
                    self.assertEqual(proc.wait(TIMEOUT), 0)
                    log.close()
                self.assertFalse(os.path.exists(sock_path), 'removed at shutdown')

    def test_no_secret_or_body_in_the_logs(self):
        """A session full of sentinel strings — in the secret, in bodies
        accepted and refused, in paths, headers, query strings, unknown
        events, bad JSON, plugin settings — at the default log level: none
        of them in anything the server writes."""
        sentinel = 'SENTINEL-%d-' % os.getpid()
        secret = (sentinel + 'secret').encode()
        secret_file = os.path.join(self.tmp, 'secret')
        with open(os.open(secret_file, os.O_WRONLY | os.O_CREAT, 0o600), 'wb') as f:
            f.write(secret + b'\n')
        settings = dict(ALL_LANGUAGES)
        settings['E2E:CMarker'] = {'weight': 5, 'mark': sentinel + 'setting'}
        config = self.rel_config(['c', 'python', 'js'], server='dispatch=main-context\ndeadline=2\n',
                                 settings=settings)
        env = dict(os.environ)
        env.pop('G_MESSAGES_DEBUG', None)
        log_path = os.path.join(self.tmp, 'serve.log')
        log = open(log_path, 'w+b')
        proc = subprocess.Popen([test_e2e.TOOL, 'serve', '--listen', '127.0.0.1:0', '--secret-file', secret_file,
                                 '--config', config], stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
        try:
            deadline = time.monotonic() + TIMEOUT
            while test_e2e.LISTENING.search(open(log_path, encoding='utf-8', errors='replace').read()) is None:
                self.assertIsNone(proc.poll())
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.02)
            where = test_e2e.LISTENING.search(open(log_path, encoding='utf-8').read()).group('where')
            host, _, port = where.rpartition(':')
            address = (host, int(port))

            def signed(method, path, body, good=True, extra=None):
                headers = bridgesign.headers(secret if good else b'wrong', method, path, body)
                headers.update({'Connection': 'close', sentinel + 'Header': sentinel + 'header-value'})
                if method == 'POST':
                    headers.update({'Content-Type': 'application/json', 'Content-Length': str(len(body))})
                headers.update(extra or {})
                sock = socket.create_connection(address, timeout=TIMEOUT)
                try:
                    sock.sendall(raw_request(method, path, body, headers))
                    return read_answer(sock)
                finally:
                    sock.close()

            doc = post_message(sentinel + 'body')
            good = json.dumps(doc).encode()
            answers = [
                signed('POST', '/v1/events/threadPostMessage', good),
                signed('POST', '/v1/events/threadPostMessage?' + sentinel + 'query', good),
                signed('POST', '/v1/events/threadPostMessage', good, good=False),
                signed('POST', '/v1/events/' + sentinel + 'event', good),
                signed('POST', '/' + sentinel + 'path', good),
                signed('POST', '/v1/events/threadPostMessage', b'{"' + sentinel.encode() + b'": '),
                signed('POST', '/v1/events/threadPostMessage',
                       json.dumps(dict(doc, thread=sentinel + 'thread')).encode()),
                signed('POST', '/v1/events/threadPostMessage', good,
                       extra={'Content-Type': 'text/' + sentinel + 'type'}),
                signed('GET', '/v1/health', b''),
                signed('GET', '/metrics', b''),
            ]
            statuses = [a[0] for a in answers]
            self.assertEqual(statuses, [200, 200, 401, 404, 404, 400, 400, 415, 200, 200])
            self.assertIn((sentinel + 'body').encode(), answers[0][1], 'the plugins ran on the body')
            proc.send_signal(signal.SIGHUP)
            time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(proc.wait(TIMEOUT), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        with open(log_path, 'rb') as f:
            text = f.read()
        self.assertIn(b'Listening', text)
        self.assertNotIn(sentinel.encode(), text, text.decode('utf-8', 'replace'))
        self.assertNotIn(b'SENTINEL', text)


if __name__ == '__main__':
    unittest.main()
