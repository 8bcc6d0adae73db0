# Helpers for the tests of the `mibew-events` command line: they run the
# tool built in the build tree as a real process.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from jsondiff import strict_diff  # noqa: E402

TOOL = os.environ.get('MIBEW_EVENTS_TOOL', '')
DATA = os.environ.get('MIBEW_EVENTS_DATA', '')
VERSION = os.environ.get('MIBEW_EVENTS_VERSION', '')


def run(*args, stdin=None, timeout=60):
    """Runs the tool; `stdin` is bytes, str or None (no input)."""
    if isinstance(stdin, str):
        stdin = stdin.encode('utf-8')
    return subprocess.run([TOOL, *args], input=stdin if stdin is not None else b'',
                          capture_output=True, timeout=timeout)


def data_path(event):
    return os.path.join(DATA, event + '.json')


def data_events():
    """The events of tests/data/events/, one document each."""
    return sorted(name[:-5] for name in os.listdir(DATA) if name.endswith('.json'))


def load(event):
    with open(data_path(event), encoding='utf-8') as f:
        return json.load(f)




def has_float(value):
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(has_float(v) for v in value)
    return False


def compact(value):
    return json.dumps(value, separators=(',', ':'), ensure_ascii=False).encode('utf-8')


class ToolTestCase(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not TOOL or not os.access(TOOL, os.X_OK):
            raise RuntimeError('MIBEW_EVENTS_TOOL does not name the built tool: %r' % TOOL)
        if not DATA or not os.path.isdir(DATA):
            raise RuntimeError('MIBEW_EVENTS_DATA does not name tests/data/events: %r' % DATA)

    def assertSameJson(self, expected, actual):
        diff = strict_diff(expected, actual)
        self.assertIsNone(diff, diff)

    def assertSuccess(self, proc):
        self.assertEqual(proc.returncode, 0, proc.stderr.decode('utf-8', 'replace'))
        self.assertEqual(proc.stderr, b'')

    def assertBadInput(self, proc, *fragments):
        """Exit status 1, nothing on stdout, one line on stderr that starts
        with the program's name and holds each fragment."""
        err = proc.stderr.decode('utf-8')
        self.assertEqual(proc.returncode, 1, err)
        self.assertEqual(proc.stdout, b'')
        self.assertTrue(err.endswith('\n'), repr(err))
        self.assertEqual(err.count('\n'), 1, 'not one line: %r' % err)
        self.assertTrue(err.startswith('mibew-events: '), repr(err))
        for fragment in fragments:
            self.assertIn(fragment, err)
        return err

    def assertUsageError(self, proc, *fragments):
        """Exit status 2, nothing on stdout, the message and a usage hint."""
        err = proc.stderr.decode('utf-8')
        self.assertEqual(proc.returncode, 2, err)
        self.assertEqual(proc.stdout, b'')
        lines = err.splitlines()
        self.assertGreaterEqual(len(lines), 2, repr(err))
        self.assertLessEqual(len(lines), 4, 'not a short hint: %r' % err)
        self.assertTrue(lines[0].startswith('mibew-events: '), repr(err))
        self.assertTrue(any(line.startswith('Usage: mibew-events') for line in lines[1:]), repr(err))
        self.assertIn('--help', err)
        for fragment in fragments:
            self.assertIn(fragment, lines[0])
        return err
