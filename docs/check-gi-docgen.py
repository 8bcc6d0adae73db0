#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs gi-docgen and fails on any warning.

    check-gi-docgen.py GI-DOCGEN check|generate [ARGUMENTS...]

gi-docgen check exits with 1 when it warned, but gi-docgen generate exits
with 0 after warning about links it cannot resolve; and either may print
errors or deprecation notices. So: run it, fail if it failed, and fail if
it printed anything that is not an INFO line. generate writes into a
temporary directory unless --output-dir is given.
"""

import os
import re
import subprocess
import sys
import tempfile

# gi-docgen prefixes every message with its level, colourised on a tty:
# "WARNING: ...", "ERROR: ...", "DEPRECATED: ...", "INFO: ...".
ANSI = re.compile(r'\x1b\[[0-9;]*m')
LEVEL = re.compile(r'^(?P<level>[A-Z]+): ')


def main(argv):
    if len(argv) < 3 or argv[2] not in ('check', 'generate'):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command = argv[1:]
    with tempfile.TemporaryDirectory(prefix='mibew-docs-') as scratch:
        if command[1] == 'generate' and not any(a.startswith('--output-dir') for a in command):
            command[2:2] = ['--output-dir', os.path.join(scratch, 'html')]
        env = dict(os.environ, TERM='dumb')
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=env, universal_newlines=True)

    problems = []
    for line in proc.stdout.splitlines():
        line = ANSI.sub('', line).rstrip()
        if not line:
            continue
        m = LEVEL.match(line)
        if m and m.group('level') in ('INFO', 'DEBUG'):
            continue
        problems.append(line)

    for line in problems:
        print(line)
    if proc.returncode != 0:
        print(f'{os.path.basename(command[0])} {command[1]} exited with status {proc.returncode}')
        return 1
    if problems:
        print(f'{os.path.basename(command[0])} {command[1]}: {len(problems)} problem(s)')
        return 1
    print(f'{os.path.basename(command[0])} {command[1]}: no warnings')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
