#!/usr/bin/python3
# check-host.py: runs an example plugin host and checks what it prints
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   check-host.py LANGUAGE COMMAND [ARG...]
#
# Every host (bindings-examples/c/plugin-host.c, python/plugin_host.py,
# gjs/plugin-host.js) loads the example plugins and prints the same lines:
# these must come out, in this order, and nothing may have failed.

import subprocess
import sys

EXPECTED = [
    'host: {language}',
    'active: Demo:Filter 1.2.0 (weight 0)',
    'active: Demo:Microtime 1.0.0 (weight 0)',
    'active: Demo:Waiting 1.0.0 (weight 0)',
    'threadPostMessage: message_body "Darn, this HECK of a printer is darned slow!"'
    ' -> "****, this **** of a printer is darned slow!"',
    # the time itself varies
    'threadFunctionCall microtime: results.time is a number (',
    'widgetResponseAlter: handlers [usefulFunc],'
    ' load.the_func = https://chat.example.com/plugins/Demo/Microtime/js/func.js,'
    ' dependencies.usefulFunc = [the_lib, the_func], data.usefulFunc.time is a number',
    'usersUpdateThreadsAlter: waitingLabel of #42 (none), of #43 "waiting since 22:15:40 UTC"',
    'unloaded: 0 listeners left',
]


def main():
    language, command = sys.argv[1], sys.argv[2:]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    sys.stderr.write(run.stderr)
    lines = run.stdout.splitlines()
    print('\n'.join('| ' + line for line in lines))
    problems = []
    if run.returncode != 0:
        problems.append('exit status %d' % run.returncode)
    at = 0
    for expected in (e.format(language=language) for e in EXPECTED):
        for i in range(at, len(lines)):
            if lines[i].startswith(expected):
                at = i + 1
                break
        else:
            problems.append('missing, or out of order: %s' % expected)
    problems += ['unexpected: %s' % line for line in lines if line.startswith('failed:')]
    for problem in problems:
        print('FAIL: ' + problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
