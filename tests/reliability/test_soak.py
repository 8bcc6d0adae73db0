#!/usr/bin/python3
# test_soak.py: the soak test of the bridge (tests/reliability; meson test
# `reliability-soak`, suite 'integration', 60 seconds)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The real `mibew-events serve` with a C, a Python and a JavaScript plugin
# (E2E:CMarker, E2E:PyMarker, Rel:JsMarker; dispatch=main-context for the
# JavaScript one), signed keep-alive HTTP/1.1 on 127.0.0.1 from several
# client processes, each with several connections. Every request is a
# threadPostMessage with a body of its own, and every answer is checked
# whole against the document expected back (the body with the three
# marks, the rest unchanged). The server's RSS is sampled every 10 s; after
# the warm-up it must not grow by more than 5%.
#
# The size of the run comes from the environment (docs/reliability.md):
#   MIBEW_SOAK_SECONDS  how long (default 60), or
#   MIBEW_SOAK_EVENTS   how many events (then no time limit but 4 hours)
#   MIBEW_SOAK_PROCESSES, MIBEW_SOAK_CONNECTIONS  clients (4 x 2)
#   MIBEW_SOAK_WARMUP   seconds of warm-up (default 20, or a tenth of a
#                       long run, at most 300)
#   MIBEW_SOAK_REPLAY_WINDOW  the server's replay-window (default 10 s:
#                       the replay cache then stops growing after 10 s,
#                       within the warm-up; 300, the default of a real
#                       server, fills it to its bound, 131072 signatures,
#                       which takes 131072 / rate seconds)
#   MIBEW_SOAK_REPORT   a file to write the figures to (JSON)
#   MIBEW_SOAK_PLUGINS  which of c, python, js to load (default all three;
#                       to find which one a growth comes from)

import json
import multiprocessing
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reltest import (ALL_LANGUAGES, Conn, RelTestCase, metric, metric_sum, post_message,  # noqa: E402
                     rss_kib, strict_diff)

SECONDS = float(os.environ.get('MIBEW_SOAK_SECONDS', '60'))
EVENTS = int(os.environ.get('MIBEW_SOAK_EVENTS', '0'))
PROCESSES = int(os.environ.get('MIBEW_SOAK_PROCESSES', '4'))
CONNECTIONS = int(os.environ.get('MIBEW_SOAK_CONNECTIONS', '2'))
PLUGINS = os.environ.get('MIBEW_SOAK_PLUGINS', 'c,python,js').split(',')
# each plugin's name (with its weight) and mark
LANGUAGES = {'c': ('E2E:CMarker', ' [C]'), 'python': ('E2E:PyMarker', ' [Py]'), 'js': ('Rel:JsMarker', ' [Js]')}
MARKS = ''.join(LANGUAGES[k][1] for k in LANGUAGES if k in PLUGINS)
REPLAY_WINDOW = os.environ.get('MIBEW_SOAK_REPLAY_WINDOW', '10')
SAMPLE = 10.0          # seconds between two RSS samples
MAX_GROWTH = 0.05      # after the warm-up
# Under ASan (the asan lane sets MIBEW_TEST_SANITIZED) freed memory waits in
# a quarantine, so RSS grows without a leak: the bound on growth is not
# checked there (LeakSanitizer looks for leaks instead); the rest is.
SANITIZED = bool(os.environ.get('MIBEW_TEST_SANITIZED'))


def _client_process(address, index, quota, until, queue):
    """CONNECTIONS threads, one connection each; each sends @quota events
    (0: until @until, a time.time()), checks every answer, and reports
    (answered correctly, first bad answers, bad count, connects)."""
    out = [None] * CONNECTIONS

    def client(t):
        conn = Conn(address)
        prefix = index * CONNECTIONS + t
        ok, bad, n_bad, n = 0, [], 0, 0
        try:
            while (quota and n < quota) or (not quota and time.time() < until):
                n += 1
                doc = post_message('soak %d.%d #%d' % (index, t, n))
                body = json.dumps(doc).encode()
                doc['message_body'] += MARKS
                try:
                    status, data = conn.request('POST', '/v1/events/threadPostMessage', body, prefix=prefix)
                except OSError as e:
                    n_bad += 1
                    bad.append(repr(e))
                    conn.close()
                    continue
                diff = strict_diff(json.loads(data), doc) if status == 200 else 'status %d' % status
                if diff is None:
                    ok += 1
                else:
                    n_bad += 1
                    if len(bad) < 5:
                        bad.append((status, diff, data[:300]))
        finally:
            out[t] = (ok, bad, n_bad, conn.connects)
            conn.close()

    threads = [threading.Thread(target=client, args=(t,)) for t in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(out)


class SoakTest(RelTestCase):
    def test_soak(self):
        kinds = [k for k in LANGUAGES if k in PLUGINS]
        config = self.rel_config(kinds, server='dispatch=main-context\nreplay-window=%s\n' % REPLAY_WINDOW,
                                 settings={LANGUAGES[k][0]: ALL_LANGUAGES[LANGUAGES[k][0]] for k in kinds})
        server = self.serve('--config', config)
        server.wait_for(r'%d plugins? active' % len(kinds))
        pid = server.proc.pid
        clients = PROCESSES * CONNECTIONS
        if EVENTS:
            quota, until = -(-EVENTS // clients), 0
            warmup = min(300.0, max(20.0, EVENTS / 20000.0))
        else:
            quota, until = 0, time.time() + SECONDS
            warmup = 20.0
        warmup = float(os.environ.get('MIBEW_SOAK_WARMUP', warmup))
        total_planned = quota * clients if quota else None

        ctx = multiprocessing.get_context('fork')
        queue = ctx.Queue()
        start = time.monotonic()
        procs = [ctx.Process(target=_client_process, args=(server.address, i, quota, until, queue))
                 for i in range(PROCESSES)]
        for p in procs:
            p.start()

        # every 10 s: the server's RSS and the events answered so far
        samples = []          # (seconds, RSS KiB, events answered)
        outs = []
        next_sample = start
        limit = start + (4 * 3600 if EVENTS else SECONDS + 120)
        while len(outs) < PROCESSES * CONNECTIONS:
            now = time.monotonic()
            if now >= next_sample:
                values = server.metrics()
                events = metric_sum(values, 'mibew_bridge_events_total')
                samples.append((round(now - start, 1), rss_kib(pid), int(events)))
                print('soak: %7.1f s  RSS %7d KiB  %9d events' % samples[-1], flush=True)
                next_sample += SAMPLE
            self.assertLess(now, limit, 'the clients did not finish in time')
            try:
                outs += queue.get(timeout=max(0.1, min(1.0, next_sample - time.monotonic())))
            except Exception:       # queue.Empty
                pass
        duration = time.monotonic() - start
        for p in procs:
            p.join(30)
        values = server.metrics()
        samples.append((round(time.monotonic() - start, 1), rss_kib(pid),
                        int(metric_sum(values, 'mibew_bridge_events_total'))))

        ok = sum(o[0] for o in outs)
        n_bad = sum(o[2] for o in outs)
        sent = ok + n_bad
        after_warmup = [s for s in samples if s[0] >= warmup]
        self.assertGreaterEqual(len(after_warmup), 2, 'samples after the warm-up: %r' % samples)
        base = after_warmup[0][1]
        peak = max(s[1] for s in after_warmup)
        growth = (peak - base) / base
        figures = {
            'events': sent, 'correct': ok, 'bad': n_bad, 'seconds': round(duration, 1),
            'rate': round(sent / duration), 'clients': '%d processes x %d connections' % (PROCESSES, CONNECTIONS),
            'warmup_seconds': warmup, 'rss_start_kib': samples[0][1], 'rss_after_warmup_kib': base,
            'rss_peak_after_warmup_kib': peak, 'rss_end_kib': samples[-1][1],
            'rss_growth_after_warmup': round(growth, 4), 'samples': samples,
            'listener_failures': metric_sum(values, 'mibew_bridge_listener_failures_total'),
            'aborted': metric_sum(values, 'mibew_bridge_requests_aborted_total'),
        }
        print('soak: %d events (%d correct) in %.1f s, %d/s, %s; RSS %d KiB at start, %d KiB after the '
              '%.0f s warm-up, peak %d KiB after it (%+.2f%%), %d KiB at the end'
              % (sent, ok, duration, figures['rate'], figures['clients'], samples[0][1], base, warmup, peak,
                 100 * growth, samples[-1][1]), flush=True)
        report = os.environ.get('MIBEW_SOAK_REPORT')
        if report:
            with open(report, 'w', encoding='utf-8') as f:
                json.dump(figures, f, indent=1)

        self.assertEqual(len(outs), clients)
        self.assertEqual([o[1] for o in outs if o[2]], [], 'bad answers')
        self.assertEqual(n_bad, 0)
        if total_planned is not None:
            self.assertEqual(ok, total_planned)
        self.assertGreater(ok, 0)
        self.assertEqual([o[3] for o in outs], [1] * clients, 'every client kept its connection')
        self.assertEqual(metric(values, 'mibew_bridge_events_total', event='threadPostMessage', status='200'), ok)
        self.assertEqual(metric_sum(values, 'mibew_bridge_events_total'), ok)
        self.assertEqual(figures['listener_failures'], 0)
        self.assertEqual(figures['aborted'], 0)
        if not SANITIZED:
            self.assertLessEqual(growth, MAX_GROWTH, 'RSS growth after the warm-up: %r' % samples)
        self.assertEqual(server.stop(), 0)


if __name__ == '__main__':
    unittest.main()
