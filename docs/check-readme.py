#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that the README's examples work from the build tree, as it says.

    check-readme.py --readme README.md --build-root BUILD --source-root SRC
                    --meson MESON

  - `meson devenv -C BUILD` sets the five variables the README names, each
    leading to this tree: LD_LIBRARY_PATH (BUILD/mibew-events),
    PKG_CONFIG_PATH (BUILD/meson-uninstalled, holding
    mibew-events-1.0-uninstalled.pc), GI_TYPELIB_PATH (BUILD/introspection),
    PYTHONPATH (SRC/introspection/python) and GJS_PATH (SRC/introspection/gjs);
  - the "Twenty lines of C" example, built with the command the README
    gives after it (`cc demo.c $(pkg-config ...)`) inside `meson devenv`,
    prints HELLO;
  - the shell block after <!-- devenv-examples --> (its `-C _build` pointed
    at BUILD), run next to that demo.c, has a command for each of C, Python
    and GJS, and each prints HELLO, with nothing on standard error.

The five variables are removed from this script's own environment first,
so that what the commands get comes from `meson devenv` alone.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

DEVENV_VARS = ['LD_LIBRARY_PATH', 'PKG_CONFIG_PATH', 'GI_TYPELIB_PATH', 'PYTHONPATH', 'GJS_PATH']


class Failure(Exception):
    pass


def fenced_block(text, after, lang):
    """The first ```LANG block after the line matching the regex AFTER."""
    m = re.search(after, text, re.M)
    if not m:
        raise Failure('README: no line matching %r' % after)
    b = re.compile(r'^```%s\n(.*?)^```$' % re.escape(lang), re.M | re.S).search(text, m.end())
    if not b:
        raise Failure('README: no ```%s block after %r' % (lang, m.group(0)))
    return b.group(1)


def run(argv, cwd, env, what):
    r = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, timeout=300)
    if r.returncode:
        raise Failure('%s: exit status %d\n$ %s\n%s%s' % (what, r.returncode,
                      ' '.join(shlex.quote(a) for a in argv), r.stdout, r.stderr))
    return r


def same(a, b):
    return os.path.realpath(a) == os.path.realpath(b)


def check_environment(devenv, env, tmp, build, source):
    r = run(devenv + [sys.executable, '-c', 'import json, os; print(json.dumps(dict(os.environ)))'],
            tmp, env, 'meson devenv')
    got = json.loads(r.stdout)
    wanted = {
        'LD_LIBRARY_PATH': (os.path.join(build, 'mibew-events'), None),
        'PKG_CONFIG_PATH': (os.path.join(build, 'meson-uninstalled'), 'mibew-events-1.0-uninstalled.pc'),
        'GI_TYPELIB_PATH': (os.path.join(build, 'introspection'), 'MibewEvents-1.0.typelib'),
        'PYTHONPATH': (os.path.join(source, 'introspection', 'python'),
                       os.path.join('gi', 'overrides', 'MibewEvents.py')),
        'GJS_PATH': (os.path.join(source, 'introspection', 'gjs'), 'mibewEvents.js'),
    }
    for var, (directory, member) in wanted.items():
        entries = [e for e in got.get(var, '').split(os.pathsep) if e]
        if not any(same(e, directory) for e in entries):
            raise Failure('meson devenv: %s is %r, without %s' % (var, got.get(var), directory))
        if member and not os.path.exists(os.path.join(directory, member)):
            raise Failure('meson devenv: %s leads to %s, which has no %s' % (var, directory, member))
        print('ok   meson devenv: %s has %s' % (var, directory))


def check_c_example(readme, devenv, env, tmp):
    demo = fenced_block(readme, r'^## Twenty lines of C$', 'c')
    m = re.search(r'`(cc demo\.c [^`]*)`', readme)
    if not m:
        raise Failure('README: no `cc demo.c ...` command to build the C example')
    command = m.group(1)
    with open(os.path.join(tmp, 'demo.c'), 'w', encoding='utf-8') as f:
        f.write(demo)
    run(devenv + ['sh', '-c', command], tmp, env, 'the README\'s %s' % command)
    r = run(devenv + ['./a.out'], tmp, env, 'the C example')
    if r.stdout != 'HELLO\n':
        raise Failure('the C example printed %r, not HELLO' % r.stdout)
    print('ok   the C example, built with `%s` in meson devenv, prints HELLO' % command)
    return demo


def check_devenv_block(readme, demo, meson, build, env, tmp):
    block = fenced_block(readme, r'^<!-- devenv-examples', 'sh')
    script, n = re.subn(r'\bmeson devenv -C _build\b',
                        '%s devenv -C %s' % (shlex.quote(meson), shlex.quote(build)), block)
    # one command each for C, Python and GJS
    commands = re.split(r'^(?=meson devenv )', block, flags=re.M)[1:]
    kinds = sorted({'c' if re.search(r'\bcc\b', c) else 'python' if re.search(r'\bpython3\b', c)
                    else 'gjs' if re.search(r'\bgjs\b', c) else '?' for c in commands})
    if n != len(commands) or kinds != ['c', 'gjs', 'python']:
        raise Failure('README: the devenv block should have one `meson devenv -C _build` command '
                      'each for C, Python and GJS; it has %d (%s):\n%s' % (n, ', '.join(kinds), block))
    with open(os.path.join(tmp, 'demo.c'), 'w', encoding='utf-8') as f:
        f.write(demo)
    r = run(['bash', '-e', '-c', script], tmp, env, 'the README\'s devenv block')
    if r.stdout != 'HELLO\n' * n or r.stderr:
        raise Failure('the README\'s devenv block printed %r (and %r on stderr), not HELLO %d times'
                      % (r.stdout, r.stderr, n))
    print('ok   the devenv block: its %d commands (C, Python, GJS) each print HELLO' % n)


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument('--readme', required=True)
    parser.add_argument('--build-root', required=True)
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--meson', required=True)
    args = parser.parse_args()

    with open(args.readme, encoding='utf-8') as f:
        readme = f.read()
    build = os.path.abspath(args.build_root)
    env = {k: v for k, v in os.environ.items() if k not in DEVENV_VARS}
    devenv = [args.meson, 'devenv', '-C', build, '-w', '.']
    try:
        with tempfile.TemporaryDirectory() as tmp:
            check_environment(devenv, env, tmp, build, os.path.abspath(args.source_root))
        with tempfile.TemporaryDirectory() as tmp:
            demo = check_c_example(readme, devenv, env, tmp)
        with tempfile.TemporaryDirectory() as tmp:
            check_devenv_block(readme, demo, args.meson, build, env, tmp)
    except (Failure, subprocess.TimeoutExpired) as e:
        print('FAIL %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
