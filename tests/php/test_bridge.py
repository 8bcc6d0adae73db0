#!/usr/bin/python3
# test_bridge.py: the Mibew PHP plugin (bindings-examples/php) against a
# real bridge server (suite 'integration'; each class is one meson test)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every test starts bridge_host.py, a real MibewBridgeServer with the
# Python listeners of bridge_listeners.py, and runs php-cli processes that
# each play one Mibew request (mibew-request.php): Mibew's plugins are
# loaded by the harness's PluginManager ("Mibew:GnomeBridge", then
# "Test:Observer", a PHP plugin whose listeners run after the bridge's),
# events are triggered through the harness's copy of Mibew's
# EventDispatcher with the arguments Mibew passes (tests/data/events/), and
# the script reports the arguments afterwards and what the PHP observer
# saw. Nothing is mocked: the bridge, its listeners, php-curl and the
# sockets are the real ones.

import hashlib
import hmac
import http.client
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from jsondiff import strict_diff  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('MIBEW_EVENTS_DATA') or os.path.join(HERE, '..', 'data', 'events')
PHP = os.environ.get('PHP', 'php')
PYTHON = os.environ.get('MIBEW_TEST_PYTHON', '/usr/bin/python3')
HOST = [PYTHON, os.path.join(HERE, 'bridge_host.py')]

PHP_CLASSES = {
    'Thread': 'Mibew\\Thread',
    'Request': 'Symfony\\Component\\HttpFoundation\\Request',
    'RouteCollection': 'Symfony\\Component\\Routing\\RouteCollection',
    'Fragment': 'Canteen\\HTML5\\Fragment',
    'Response': 'Symfony\\Component\\HttpFoundation\\Response',
}


def load(event):
    with open(os.path.join(DATA, event + '.json'), encoding='utf-8') as f:
        return json.load(f)


def all_events():
    return sorted(name[:-5] for name in os.listdir(DATA) if name.endswith('.json'))




class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=10):
        super().__init__('localhost', timeout=timeout)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


class Bridge:
    """A bridge_host.py process: a MibewBridgeServer with Python listeners."""

    def __init__(self, tmp, unix=False, secret=None, events=None, no_listeners=False, dispatch=None):
        self.tmp = tmp
        self.paused = False
        self.secret = secret
        args = list(HOST)
        if unix:
            self.socket = os.path.join(tmp, 'bridge.sock')
            args += ['--listen', 'unix:' + self.socket]
        else:
            self.socket = None
            args += ['--listen', '127.0.0.1:0']
        if secret is not None:
            secret_file = os.path.join(tmp, 'bridge-secret')
            with open(os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 'w') as f:
                f.write(secret + '\n')
            args += ['--secret-file', secret_file]
        if events is not None:
            args += ['--events', ','.join(events)]
        if no_listeners:
            args += ['--no-listeners']
        if dispatch is not None:
            args += ['--dispatch', dispatch]
        self.stderr = open(os.path.join(tmp, 'bridge.log'), 'w+')
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.stderr)
        line = self._read_line(30)
        if not line.startswith('listening '):
            log = self.log()
            self.stop()
            raise RuntimeError('the bridge did not start: %r\n%s' % (line, log))
        self.url = line.split(' ', 1)[1]

    def _read_line(self, timeout):
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            return ''
        return self.process.stdout.readline().decode('utf-8').strip()

    def log(self):
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read()

    def plugin_config(self, **extra):
        """Mibew:GnomeBridge's configuration to reach this bridge."""
        config = {'socket': self.socket, 'url': 'http://localhost'} if self.socket else {'url': self.url}
        config.update(extra)
        return config

    def request(self, method, path):
        connection = (UnixHTTPConnection(self.socket) if self.socket
                      else http.client.HTTPConnection(self.url[len('http://'):], timeout=10))
        headers = {}
        if self.secret is not None:
            timestamp = '%.6f' % time.time()
            headers['X-Mibew-Timestamp'] = timestamp
            headers['X-Mibew-Signature'] = 'sha256=' + hmac.new(
                self.secret.encode('utf-8'), timestamp.encode('ascii') + b'.', hashlib.sha256).hexdigest()
        try:
            connection.request(method, path, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode('utf-8')
        finally:
            connection.close()

    def metrics(self):
        """mibew_bridge_events_total and mibew_bridge_requests_total, as
        {(name, labels...): value}."""
        status, text = self.request('GET', '/metrics')
        assert status == 200, (status, text)
        values = {}
        for line in text.splitlines():
            m = re.match(r'^(mibew_bridge_(?:events|requests)_total)\{(.*)\} (\d+)$', line)
            if m:
                labels = tuple(v for _, v in re.findall(r'(\w+)="([^"]*)"', m.group(2)))
                values[(m.group(1),) + labels] = int(m.group(3))
        return values

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)
        self.paused = True

    def resume(self):
        self.process.send_signal(signal.SIGCONT)
        self.paused = False

    def stop(self):
        if self.process.poll() is None:
            if self.paused:
                self.resume()
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.stderr):
            if not stream.closed:
                stream.close()


def metric_delta(before, after):
    return {key: after[key] - before.get(key, 0) for key in after if after[key] != before.get(key, 0)}


def event_posts(delta):
    """{event: count} of POST /v1/events/{event} in a metrics delta."""
    return {key[1]: value for key, value in delta.items() if key[0] == 'mibew_bridge_events_total'}


def requests(delta, endpoint=None):
    """Requests in a metrics delta, GET /metrics left out."""
    return sum(value for key, value in delta.items()
               if key[0] == 'mibew_bridge_requests_total' and key[1] != 'metrics'
               and (endpoint is None or key[1] == endpoint))


class PhpTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix='mibew-php-')
        self.tmp = self._tmp.name
        self.bridges = []

    def tearDown(self):
        for bridge in self.bridges:
            bridge.stop()
        self._tmp.cleanup()

    def start_bridge(self, **options):
        bridge = Bridge(self.tmp, **options)
        self.bridges.append(bridge)
        return bridge

    def mibew_request(self, plugins, triggers, timeout=60):
        """Runs one Mibew request in php-cli; returns its report and what
        it logged with error_log()."""
        log = os.path.join(self.tmp, 'php-error.log')
        open(log, 'w').close()
        plan = os.path.join(self.tmp, 'plan.json')
        with open(plan, 'w', encoding='utf-8') as f:
            json.dump({'plugins': plugins, 'error_log': log,
                       'triggers': [{'event': e, 'args': a} for e, a in triggers]}, f, ensure_ascii=False)
        proc = subprocess.run([PHP, '-d', 'display_errors=stderr', os.path.join(HERE, 'mibew-request.php'), plan],
                              capture_output=True, timeout=timeout)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode('utf-8', 'replace'))
        self.assertEqual(proc.stderr, b'', proc.stderr.decode('utf-8', 'replace'))
        with open(log, encoding='utf-8') as f:
            lines = [line for line in f.read().splitlines() if line]
        return json.loads(proc.stdout), lines

    def plugins(self, bridge_config, observe=True, observer_events=None):
        plugins = {'Mibew:GnomeBridge': bridge_config}
        if observe:
            observer = {'weight': 10}
            if observer_events is not None:
                observer['events'] = observer_events
            plugins['Test:Observer'] = observer
        return plugins

    def cache_file(self, name='cache.json'):
        return os.path.join(self.tmp, name)


# --------------------------------------------------------------------------
# Every alter, out and call event: the Python listener's change reaches
# PHP's arguments, and a PHP listener after the bridge plugin sees it.

def expect_button(t, args, before):
    t.assertTrue(args['button'].startswith('<div class="gnome-button"><!-- mibew button -->'), args['button'])
    t.assertTrue(args['button'].endswith('</div>'))
    return ['button']


def expect_css(t, args, before):
    t.assertEqual(args['css'][:-1], before['css'], 'the assets before stay, in their form')
    t.assertEqual(args['css'][-1], 'plugins/Gnome/Bridge/css/gnome.css')
    return ['css']


def expect_js(t, args, before):
    t.assertEqual(args['js'][:-1], before['js'])
    t.assertEqual(args['js'][-1], {'content': 'window.gnome = "hello from Python";', 'type': 'inline', 'weight': 5})
    return ['js']


def expect_plugin_options(t, args, before):
    expected = dict(before['plugins'])
    expected['gnomeBridge'] = {'language': 'Python', 'listeners': 16}
    t.assertIsNone(strict_diff(args['plugins'], expected))
    return ['plugins']


def expect_routes(t, args, before):
    routes = args['routes']
    t.assertNotIn('license', routes)
    t.assertEqual(routes['gnome_status'], {
        'path': '/gnome/status',
        'defaults': {'_controller': 'Gnome\\StatusController::indexAction'},
        'requirements': {},
        'methods': ['GET'],
    })
    others = {k: v for k, v in before['routes'].items() if k != 'license'}
    t.assertIsNone(strict_diff({k: v for k, v in routes.items() if k != 'gnome_status'}, others))
    return ['routes']


def expect_post_message(t, args, before):
    t.assertEqual(args['message_kind'], 4)
    t.assertEqual(args['message_body'], before['message_body'].upper())
    return ['message_kind', 'message_body']


def expect_messages(t, args, before):
    t.assertEqual([m['id'] for m in args['messages']], [m['id'] for m in before['messages'][1:]])
    for got, was in zip(args['messages'], before['messages'][1:]):
        sentiment = got.pop('sentiment')
        t.assertIn(sentiment, ('positive', 'neutral'))
        t.assertIsNone(strict_diff(got, was))
    return ['messages']


def expect_threads(t, args, before):
    kept = [thread for thread in before['threads'] if thread['ban'] is False]
    t.assertIsNone(strict_diff(args['threads'], kept), 'banned threads gone, the others as they were '
                   '(numeric strings and 0/1 flags too)')
    return ['threads']


def expect_visitors_alter(t, args, before):
    t.assertEqual(len(args['visitors']), len(before['visitors']))
    for got, was in zip(args['visitors'], before['visitors']):
        t.assertEqual(got.pop('x_gnome'), 'seen by Python')
        t.assertIsNone(strict_diff(got, was))
    return ['visitors']


def expect_widget(t, args, before):
    response = args['response']
    t.assertEqual(response['load']['gnome_lib'], 'https://chat.example.com/plugins/Gnome/Bridge/js/hello.js')
    t.assertEqual(response['handlers'], before['response']['handlers'] + ['gnomeHello'])
    t.assertEqual(response['dependencies']['gnomeHello'], ['gnome_lib'])
    t.assertEqual(response['data']['gnomeHello'], {'greeting': 'Grüß Gott aus Python'})
    t.assertIsNone(strict_diff(response['data']['usefulFunc'], before['response']['data']['usefulFunc']))
    return ['response']


def expect_authenticate(t, args, before):
    t.assertEqual(args['operator']['vclogin'], 'olga')
    t.assertEqual(args['operator']['operatorid'], '3')
    return ['operator']


def expect_access_denied(t, args, before):
    response = args['response']
    t.assertEqual(response['status'], 403)
    t.assertEqual(response['content'], 'Zugriff verweigert (GNOME)')
    t.assertEqual(response['headers']['x-served-by'], 'gnome')
    t.assertEqual(response['headers']['content-type'], 'text/plain; charset=UTF-8')
    return ['response']


def expect_not_found(t, args, before):
    t.assertEqual(args['response']['status'], 410)
    t.assertEqual(args['response']['content'], 'Gone')
    return ['response']


def expect_visitors_load(t, args, before):
    t.assertEqual([v['id'] for v in args['visitors']], [4242])
    t.assertEqual(args['visitors'][0]['userName'], 'GNOME visitor')
    return ['visitors']


def expect_thread_call(t, args, before):
    t.assertEqual(args['results'], {'time': 1764001205.25})
    return ['results']


def expect_users_call(t, args, before):
    t.assertIsNone(strict_diff(args['results'], {'errorCode': 0, 'country': 'Deutschland', 'city': 'München',
                                                 'latitude': 48.1372, 'longitude': 11.5756}))
    return ['results']


def expect_thread_create(t, args, before):
    t.assertEqual(args['thread']['userName'], before['thread']['userName'] + ' (via GNOME)')
    t.assertIsNone(strict_diff({k: v for k, v in args['thread'].items() if k != 'userName'},
                               {k: v for k, v in before['thread'].items() if k != 'userName'}))
    return ['thread']


EXPECTATIONS = {
    'buttonGenerate': (expect_button, {'button': PHP_CLASSES['Fragment']}),
    'pageAddCss': (expect_css, {'request': PHP_CLASSES['Request']}),
    'pageAddJs': (expect_js, {'request': PHP_CLASSES['Request']}),
    'pageAddJsPluginOptions': (expect_plugin_options, {}),
    'routesAlter': (expect_routes, {'routes': PHP_CLASSES['RouteCollection']}),
    'threadPostMessage': (expect_post_message, {'thread': PHP_CLASSES['Thread']}),
    'threadGetMessagesAlter': (expect_messages, {'thread': PHP_CLASSES['Thread']}),
    'usersUpdateThreadsAlter': (expect_threads, {}),
    'usersUpdateVisitorsAlter': (expect_visitors_alter, {}),
    'widgetResponseAlter': (expect_widget, {'request': PHP_CLASSES['Request']}),
    'operatorAuthenticate': (expect_authenticate, {'operator': 'array'}),
    'resourceAccessDenied': (expect_access_denied, {'response': PHP_CLASSES['Response']}),
    'resourceNotFound': (expect_not_found, {'response': PHP_CLASSES['Response']}),
    'usersUpdateVisitorsLoad': (expect_visitors_load, {'visitors': 'array'}),
    'threadFunctionCall': (expect_thread_call, {}),
    'usersFunctionCall': (expect_users_call, {}),
    'threadCreate': (expect_thread_create, {'thread': PHP_CLASSES['Thread']}),
}


class ForwardTest(PhpTestCase):
    """TCP: every alter, out and call event (and a notification)."""
    unix = False

    def test_changes_reach_php(self):
        bridge = self.start_bridge(unix=self.unix)
        events = sorted(EXPECTATIONS)
        report, log = self.mibew_request(
            self.plugins(bridge.plugin_config(cache_file=self.cache_file(), timeout=5)),
            [(event, load(event)) for event in events])
        self.assertEqual(sorted(report['attached']), events, 'attached to exactly the listened events')
        self.assertEqual(log, [], 'nothing logged')
        self.assertEqual(report['bridge_counts'], {'requests': 1 + len(events), 'connections': 1},
                         'GET /v1/events and one POST per event, on one kept-alive connection')
        for result in report['results']:
            event = result['event']
            with self.subTest(event=event):
                self.check_result(event, result)

    def check_result(self, event, result):
        expect, types = EXPECTATIONS[event]
        before = load(event)
        args = json.loads(json.dumps(result['args']))
        changed = expect(self, args, before)
        # Everything else is as it was, in its PHP form.
        for key in before:
            if key not in changed:
                self.assertIsNone(strict_diff(result['args'][key], before[key]), key)
        self.assertEqual(list(result['args']), list(before), 'the same keys, in order')
        # The objects Mibew passed are still the ones its caller holds.
        for key, same in result['same_objects'].items():
            if key in ('response',) and before.get(key) is False:
                continue
            self.assertTrue(same, '%s is no longer the object Mibew passed' % key)
        for key, php_type in types.items():
            self.assertEqual(result['types'][key], php_type, key)
        # The PHP listener after the bridge plugin saw exactly that.
        self.assertEqual(len(result['observed']), 1)
        observed = result['observed'][0]
        self.assertIsNone(strict_diff(observed['args'], result['args']), 'what the PHP listener saw')
        self.assertEqual(observed['types'], result['types'])
        self.assertTrue(all(observed['same_objects'].values()), observed['same_objects'])


class UnixSocketForwardTest(ForwardTest):
    """The same over a Unix-domain socket (CURLOPT_UNIX_SOCKET_PATH)."""
    unix = True


# --------------------------------------------------------------------------

class NoListenerTest(PhpTestCase):
    """Events nobody listens to cause no request."""

    def test_only_listened_events_are_posted(self):
        bridge = self.start_bridge(events=['threadPostMessage'])
        plugins = self.plugins(bridge.plugin_config(cache_file=self.cache_file()), observe=False)
        triggers = [(event, load(event)) for event in all_events()]
        self.assertEqual(len(triggers), 41)

        before = bridge.metrics()
        report, log = self.mibew_request(plugins, triggers)
        delta = metric_delta(before, bridge.metrics())
        self.assertEqual(report['attached'], ['threadPostMessage'])
        self.assertEqual(event_posts(delta), {'threadPostMessage': 1}, delta)
        self.assertEqual(requests(delta, 'events'), 1, 'one GET /v1/events')
        self.assertEqual(requests(delta), 2, delta)
        self.assertEqual(log, [])

        # The next request has the list from the cache file: no GET.
        before = bridge.metrics()
        report, log = self.mibew_request(plugins, triggers)
        delta = metric_delta(before, bridge.metrics())
        self.assertEqual(report['attached'], ['threadPostMessage'])
        self.assertEqual(requests(delta), 1, delta)
        self.assertEqual(event_posts(delta), {'threadPostMessage': 1})
        for result in report['results']:
            if result['event'] != 'threadPostMessage':
                # (operatorLogout's [] is PHP's empty array, written {})
                self.assertIsNone(strict_diff(result['args'], load(result['event']) or {}), result['event'])

    def test_no_listeners_no_requests(self):
        bridge = self.start_bridge(no_listeners=True)
        plugins = self.plugins(bridge.plugin_config(cache_file=self.cache_file()), observe=False)
        triggers = [(event, load(event)) for event in all_events()]
        self.mibew_request(plugins, triggers)            # asks for the list once
        before = bridge.metrics()
        report, log = self.mibew_request(plugins, triggers)
        delta = metric_delta(before, bridge.metrics())
        self.assertEqual(report['attached'], [])
        self.assertEqual(requests(delta), 0, delta)


# --------------------------------------------------------------------------

class RefreshTest(PhpTestCase):
    """The list of listened events: from the cache file while it is fresh,
    asked again when it is stale and after a failure."""

    # long enough that restarting a bridge on a loaded machine stays
    # inside it (0.5 s was not, with two cores busy)
    INTERVAL = 3.0

    def test_refresh(self):
        doc = load('threadPostMessage')
        config = None

        def run():
            return self.mibew_request(self.plugins(config, observe=False), [('threadPostMessage', doc)])

        bridge = self.start_bridge(unix=True, events=['threadPostMessage'])
        config = bridge.plugin_config(cache_file=self.cache_file(), refresh_interval=self.INTERVAL, retry_interval=self.INTERVAL,
                                      log_interval=3600)
        report, log = run()
        self.assertEqual(report['attached'], ['threadPostMessage'])
        self.assertEqual(report['results'][0]['args']['message_body'], doc['message_body'].upper())

        # Another bridge on the same socket, listening to another event.
        bridge.stop()
        bridge = self.start_bridge(unix=True, events=['pageAddCss'])
        report, log = run()
        self.assertEqual(report['attached'], ['threadPostMessage'], 'the cached list, still fresh')
        self.assertEqual(report['bridge_counts'], {'requests': 1, 'connections': 1}, 'no GET /v1/events')
        self.assertIsNone(strict_diff(report['results'][0]['args'], doc), 'nobody listens there now')
        time.sleep(self.INTERVAL + 0.1)
        report, log = run()
        self.assertEqual(report['attached'], ['pageAddCss'], 'asked again once stale')
        self.assertEqual(report['bridge_counts'], {'requests': 1, 'connections': 1}, 'one GET /v1/events')

        # A failure: down for the retry interval, then the list is asked again.
        bridge.stop()
        report, log = self.mibew_request(self.plugins(config, observe=False), [('pageAddCss', load('pageAddCss'))])
        self.assertEqual(len(log), 1, log)
        bridge = self.start_bridge(unix=True, events=['threadPostMessage'])
        report, log = run()
        self.assertEqual(report['attached'], [], 'still down')
        self.assertEqual(report['bridge_counts'], {'requests': 0, 'connections': 0})
        time.sleep(self.INTERVAL + 0.1)
        report, log = run()
        self.assertEqual(report['attached'], ['threadPostMessage'], 'asked again after the retry interval')
        self.assertEqual(report['results'][0]['args']['message_body'], doc['message_body'].upper())


# --------------------------------------------------------------------------

class DownTest(PhpTestCase):
    """The bridge stopped or hung: PHP carries on unchanged, within the
    timeout, and logs once."""

    def warm(self, bridge, config):
        report, log = self.mibew_request(self.plugins(config, observe=False), [])
        self.assertEqual(sorted(report['attached']), sorted(EXPECTATIONS))

    def test_stopped(self):
        bridge = self.start_bridge()
        config = bridge.plugin_config(cache_file=self.cache_file(), timeout=0.5, log_interval=3600)
        self.warm(bridge, config)
        bridge.stop()

        doc = load('threadPostMessage')
        report, log = self.mibew_request(self.plugins(config), [('threadPostMessage', doc)] * 3)
        for result in report['results']:
            self.assertIsNone(strict_diff(result['args'], doc), 'unchanged')
            self.assertIsNone(strict_diff(result['observed'][0]['args'], doc), 'the PHP listener saw it unchanged')
            self.assertLess(result['elapsed_ms'], 100, 'a refused connection costs next to nothing')
        self.assertEqual(len(log), 1, log)
        self.assertIn('Mibew:GnomeBridge: POST /v1/events/threadPostMessage:', log[0])
        print('stopped bridge: %s ms per event' % ', '.join('%.2f' % r['elapsed_ms'] for r in report['results']))

        # The next request does not try while the bridge counts as down.
        report, log = self.mibew_request(self.plugins(config), [('threadPostMessage', doc)])
        self.assertEqual(log, [])
        self.assertEqual(report['attached'], [])

    def test_hung(self):
        for timeout in (0.2, 0.5):
            with self.subTest(timeout=timeout):
                bridge = self.start_bridge()
                config = bridge.plugin_config(cache_file=self.cache_file('cache-%s.json' % timeout),
                                              timeout=timeout, log_interval=3600)
                self.warm(bridge, config)
                bridge.pause()           # accepts connections, never answers

                doc = load('threadPostMessage')
                start = time.monotonic()
                report, log = self.mibew_request(self.plugins(config), [('threadPostMessage', doc)] * 3)
                wall = time.monotonic() - start
                first, *rest = [r['elapsed_ms'] for r in report['results']]
                print('hung bridge, timeout %d ms: first event %.1f ms, then %s ms; the php process %.0f ms'
                      % (timeout * 1000, first, ', '.join('%.2f' % e for e in rest), wall * 1000))
                self.assertGreaterEqual(first, timeout * 1000 * 0.9)
                # bounded by the timeout, with room for a loaded machine
                # (php-curl's own default would be minutes)
                self.assertLess(first, timeout * 1000 + 1000, 'within the timeout')
                for elapsed in rest:
                    # one that tried would take the whole timeout
                    self.assertLess(elapsed, timeout * 1000 / 2, 'later events do not wait: the bridge counts as down')
                for result in report['results']:
                    self.assertIsNone(strict_diff(result['args'], doc), 'unchanged')
                self.assertEqual(len(log), 1, log)
                self.assertIn('no answer within %d ms' % (timeout * 1000), log[0])
                bridge.resume()
                bridge.stop()


# --------------------------------------------------------------------------

class SignatureTest(PhpTestCase):
    """With a secret: signatures verify; a wrong secret is answered 401 and
    PHP leaves the arguments, logging once."""

    SECRET = 'correct horse battery staple'

    def test_right_secret(self):
        bridge = self.start_bridge(secret=self.SECRET)
        doc = load('threadPostMessage')
        report, log = self.mibew_request(
            self.plugins(bridge.plugin_config(cache_file=self.cache_file(), secret=self.SECRET)),
            [('threadPostMessage', doc), ('threadPostMessage', doc)])
        self.assertEqual(log, [])
        for result in report['results']:
            # twice the same body in one request: each has its own timestamp
            self.assertEqual(result['args']['message_body'], doc['message_body'].upper())

    def test_wrong_secret(self):
        bridge = self.start_bridge(secret=self.SECRET)
        cache = self.cache_file()
        # The list of events, asked with the right secret.
        self.mibew_request(self.plugins(bridge.plugin_config(cache_file=cache, secret=self.SECRET)), [])

        doc = load('threadPostMessage')
        before = bridge.metrics()
        report, log = self.mibew_request(
            self.plugins(bridge.plugin_config(cache_file=cache, secret='wrong', log_interval=3600)),
            [('threadPostMessage', doc)] * 3)
        delta = metric_delta(before, bridge.metrics())
        self.assertEqual(delta.get(('mibew_bridge_requests_total', 'event', '401')), 1, delta)
        self.assertEqual(requests(delta), 1, 'one request, then the bridge counts as down')
        for result in report['results']:
            self.assertIsNone(strict_diff(result['args'], doc), 'unchanged')
            self.assertIsNone(strict_diff(result['observed'][0]['args'], doc))
        self.assertEqual(len(log), 1, log)
        self.assertIn('HTTP 401', log[0])

    def test_no_secret(self):
        bridge = self.start_bridge(secret=self.SECRET)
        before = bridge.metrics()
        report, log = self.mibew_request(
            self.plugins(bridge.plugin_config(cache_file=self.cache_file())),
            [('threadPostMessage', load('threadPostMessage'))])
        delta = metric_delta(before, bridge.metrics())
        self.assertEqual(report['attached'], [])
        self.assertEqual(delta.get(('mibew_bridge_requests_total', 'events', '401')), 1, delta)
        self.assertEqual(len(log), 1, log)
        self.assertIn('GET /v1/events: HTTP 401', log[0])


if __name__ == '__main__':
    unittest.main()
