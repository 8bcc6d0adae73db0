#!/usr/bin/python3
# bench_bridge.py: what a forwarded event costs PHP, over TCP and a Unix
# socket, next to a bare keep-alive php-curl round trip to the same bridge
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   bench_bridge.py [ITERATIONS] [EVENT] [DISPATCH]
#
# DISPATCH is where the bridge runs its (Python) listeners: "serial" (a
# worker thread, the default) or "main-context".
# Starts bridge_host.py (a real MibewBridgeServer with the Python listeners
# of bridge_listeners.py) on TCP, then on a Unix socket, runs bench.php
# against each and prints a table. The design's target: a forwarded event
# costs PHP at most 1.3x a bare round trip, and the Unix socket halves it.

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_bridge import DATA, HERE, PHP, Bridge  # noqa: E402


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    event = sys.argv[2] if len(sys.argv) > 2 else 'threadPostMessage'
    dispatch = sys.argv[3] if len(sys.argv) > 3 else 'serial'
    rows = []
    with tempfile.TemporaryDirectory(prefix='mibew-php-bench-') as tmp:
        for transport, unix in (('tcp', False), ('unix', True)):
            bridge = Bridge(tmp, unix=unix, secret='bench secret', events=[event], dispatch=dispatch)
            try:
                config = os.path.join(tmp, 'config.json')
                with open(config, 'w') as f:
                    json.dump(bridge.plugin_config(secret='bench secret', timeout=5,
                                                   cache_file=os.path.join(tmp, transport + '.json')), f)
                proc = subprocess.run([PHP, os.path.join(HERE, 'bench.php'), config, event,
                                       os.path.join(DATA, event + '.json'), str(iterations)],
                                      capture_output=True, timeout=600)
                if proc.returncode != 0:
                    sys.stderr.write(proc.stderr.decode('utf-8', 'replace'))
                    return 1
                rows.append((transport, json.loads(proc.stdout)))
            finally:
                bridge.stop()

    print('%s, %d iterations, signed, a Python listener (%s dispatch), median (p99) in microseconds'
          % (event, iterations, dispatch))
    print('%-6s %16s %16s %16s %16s %16s %9s' % ('', 'PHP listener', 'bare GET health', 'bare POST',
                                                 'forwarded', 'build args', 'fwd/bare'))
    for transport, r in rows:
        cell = lambda k: '%8.1f (%5.0f)' % (r[k]['median_us'], r[k]['p99_us'])  # noqa: E731
        print('%-6s %16s %16s %16s %16s %16s %8.2fx' % (transport, cell('php'), cell('health'), cell('bare_post'),
                                                        cell('forwarded'), cell('build_args'),
                                                        r['ratio_forwarded_to_bare_post']))
    for transport, r in rows:
        print('%s: connections opened by the bare handle: %s (1 = kept alive throughout)'
              % (transport, ', '.join('%s %d' % kv for kv in sorted(r['connections_opened'].items()))))
    if len(rows) == 2:
        tcp, unix = rows[0][1], rows[1][1]
        print('unix/tcp, forwarded: %.2fx; bare POST: %.2fx'
              % (unix['forwarded']['median_us'] / tcp['forwarded']['median_us'],
                 unix['bare_post']['median_us'] / tcp['bare_post']['median_us']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
