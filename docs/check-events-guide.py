#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks the events guide and runs its code snippets.

    check-events-guide.py check --generator GEN-EVENTS-GUIDE
        run the generator (--strict) and check that the guide describes the
        41 events of Mibew's catalogue (name, constant, category object,
        signal, kind, accumulator, answered argument) and that every Python
        snippet compiles

    check-events-guide.py extract-c GUIDE OUTPUT.c
        write the C snippets, and a main() that connects and attaches every
        listener and triggers every event once, to OUTPUT.c

    check-events-guide.py run-python GUIDE --python PYTHON
    check-events-guide.py run-gjs GUIDE --gjs GJS
        run the Python or GJS snippets the same way, against the typelib
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# Mibew's catalogue (shared/spec/events.md): constant, event name, category,
# signal, kind, accumulator, the argument (GObject property) answers go to.
CATALOGUE = [
    ('BAN_CREATE', 'banCreate', 'ban', 'create', 'notify', None, None),
    ('BAN_UPDATE', 'banUpdate', 'ban', 'update', 'notify', None, None),
    ('BAN_DELETE', 'banDelete', 'ban', 'delete', 'notify', None, None),
    ('BUTTON_GENERATE', 'buttonGenerate', 'button', 'generate', 'alter', 'chain', 'button'),
    ('CRON_RUN', 'cronRun', 'cron', 'run', 'notify', None, None),
    ('GROUP_CREATE', 'groupCreate', 'group', 'create', 'notify', None, None),
    ('GROUP_UPDATE', 'groupUpdate', 'group', 'update', 'notify', None, None),
    ('GROUP_DELETE', 'groupDelete', 'group', 'delete', 'notify', None, None),
    ('GROUP_UPDATE_OPERATORS', 'groupUpdateOperators', 'group', 'update-operators', 'notify', None, None),
    ('INVITATION_CREATE', 'invitationCreate', 'invitation', 'create', 'notify', None, None),
    ('INVITATION_ACCEPT', 'invitationAccept', 'invitation', 'accept', 'notify', None, None),
    ('INVITATION_REJECT', 'invitationReject', 'invitation', 'reject', 'notify', None, None),
    ('INVITATION_IGNORE', 'invitationIgnore', 'invitation', 'ignore', 'notify', None, None),
    ('OPERATOR_AUTHENTICATE', 'operatorAuthenticate', 'operator', 'authenticate', 'out', 'first-wins', 'operator'),
    ('OPERATOR_LOGIN', 'operatorLogin', 'operator', 'login', 'notify', None, None),
    ('OPERATOR_LOGOUT', 'operatorLogout', 'operator', 'logout', 'notify', None, None),
    ('OPERATOR_CREATE', 'operatorCreate', 'operator', 'create', 'notify', None, None),
    ('OPERATOR_UPDATE', 'operatorUpdate', 'operator', 'update', 'notify', None, None),
    ('OPERATOR_DELETE', 'operatorDelete', 'operator', 'delete', 'notify', None, None),
    ('PAGE_ADD_CSS', 'pageAddCss', 'page', 'add-css', 'alter', 'append', 'assets'),
    ('PAGE_ADD_JS', 'pageAddJs', 'page', 'add-js', 'alter', 'append', 'assets'),
    ('PAGE_ADD_JS_PLUGIN_OPTIONS', 'pageAddJsPluginOptions', 'page', 'add-js-plugin-options', 'alter', 'merge', 'plugins'),
    ('RESOURCE_ACCESS_DENIED', 'resourceAccessDenied', 'resource', 'access-denied', 'out', 'first-wins', 'response'),
    ('RESOURCE_NOT_FOUND', 'resourceNotFound', 'resource', 'not-found', 'out', 'first-wins', 'response'),
    ('ROUTES_ALTER', 'routesAlter', 'routing', 'routes-alter', 'alter', 'chain', 'routes'),
    ('THREAD_FUNCTION_CALL', 'threadFunctionCall', 'thread', 'function-call', 'call', 'merge', 'results'),
    ('THREAD_CREATE', 'threadCreate', 'thread', 'create', 'notify', None, None),
    ('THREAD_UPDATE', 'threadUpdate', 'thread', 'update', 'notify', None, None),
    ('THREAD_DELETE', 'threadDelete', 'thread', 'delete', 'notify', None, None),
    ('THREAD_CLOSE', 'threadClose', 'thread', 'close', 'notify', None, None),
    ('THREAD_POST_MESSAGE', 'threadPostMessage', 'thread', 'post-message', 'alter', 'chain', 'message-body'),
    ('THREAD_GET_MESSAGES_ALTER', 'threadGetMessagesAlter', 'thread', 'get-messages-alter', 'alter', 'chain', 'messages'),
    ('THREAD_USER_IS_READY', 'threadUserIsReady', 'thread', 'user-is-ready', 'notify', None, None),
    ('USERS_UPDATE_THREADS_ALTER', 'usersUpdateThreadsAlter', 'users', 'update-threads-alter', 'alter', 'chain', 'threads'),
    ('USERS_UPDATE_VISITORS_LOAD', 'usersUpdateVisitorsLoad', 'users', 'update-visitors-load', 'out', 'first-wins', 'visitors'),
    ('USERS_UPDATE_VISITORS_ALTER', 'usersUpdateVisitorsAlter', 'users', 'update-visitors-alter', 'alter', 'chain', 'visitors'),
    ('USERS_FUNCTION_CALL', 'usersFunctionCall', 'users', 'function-call', 'call', 'merge', 'results'),
    ('VISITOR_CREATE', 'visitorCreate', 'visitor', 'create', 'notify', None, None),
    ('VISITOR_TRACK', 'visitorTrack', 'visitor', 'track', 'notify', None, None),
    ('VISITOR_DELETE_OLD', 'visitorDeleteOld', 'visitor', 'delete-old', 'notify', None, None),
    ('WIDGET_RESPONSE_ALTER', 'widgetResponseAlter', 'widget', 'response-alter', 'alter', 'chain', 'response'),
]

FENCE = re.compile(r'^```(?P<lang>\w+)\n(?P<code>.*?)^```$', re.M | re.S)
SECTION = re.compile(r'^### (?P<name>\w+)\n(?P<body>.*?)(?=^##)', re.M | re.S)


def blocks(text, lang):
    return [m.group('code') for m in FENCE.finditer(text) if m.group('lang') == lang]


def sections(text):
    return {m.group('name'): m.group('body') for m in SECTION.finditer(text + '\n##')}


def check_guide(text):
    problems = []
    found = sections(text)

    names = [row[1] for row in CATALOGUE]
    if len(names) != 41 or len(set(names)) != 41:
        problems.append('the catalogue in this script is broken')
    extra = sorted(set(found) - set(names))
    if extra:
        problems.append(f'the guide describes events Mibew does not have: {extra}')

    for constant, name, category, signal, kind, accumulator, answer in CATALOGUE:
        emitter = 'Mibew' + category.capitalize() + 'Events'
        body = found.get(name)
        if body is None:
            problems.append(f'{name}: no section "### {name}"')
            continue
        if text.count(f'`{name}`') < 2:
            problems.append(f'{name}: the event name is not in the summary table')
        expect = [
            f'| Event name | `{name}` |',
            f'| Mibew constant | `\\Mibew\\EventDispatcher\\Events::{constant}` |',
            f'(`{emitter}::{signal}`',
            f'[property@MibewEvents.EventDispatcher:{category}]',
            f'| Kind | {kind} |',
            f"'{name}",                                     # attach_listener in Python and GJS
            f'"{name}',                                     # attach_callback in C
            f'dispatcher.props.{category}.connect(\'{signal}',
            f'dispatcher.{category}.connect(\'{signal}',
            f'mibew_event_dispatcher_get_{category} (dispatcher), "{signal}',
        ]
        if accumulator is not None:
            expect.append(f'(accumulator: `{accumulator}`)')
        if answer is not None:
            expect.append(f':{answer}] (answer) |')
        for e in expect:
            if e not in body:
                problems.append(f'{name}: missing {e!r}')
        if 'Note:' in body:
            problems.append(f'{name}: the generator left a note')
        for lang in ('c', 'python', 'js'):
            if len(blocks(body, lang)) != 1:
                problems.append(f'{name}: expected one {lang} snippet')

    for i, code in enumerate(blocks(text, 'python')):
        try:
            compile(code, f'<python snippet {i}>', 'exec')
        except SyntaxError as e:
            problems.append(f'python snippet {i} does not compile: {e}')
    return problems


def cmd_check(args):
    proc = subprocess.run([args.generator, '--strict'], stdout=subprocess.PIPE,
                          universal_newlines=True)
    if proc.returncode != 0:
        print(f'gen-events-guide --strict failed with status {proc.returncode}')
        return 1
    problems = check_guide(proc.stdout)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f'events guide: all {len(CATALOGUE)} events described')
    return 0


C_MAIN = r'''
int
main (void)
{
  MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();
  const char * const *names = mibew_event_dispatcher_list_events ();
  guint n = 0;

%(connects)s
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewEventArgs) args = NULL;
      MibewEventKind kind;
      GType args_type;
      guint count;

      g_assert_true (mibew_event_dispatcher_describe_event (names[i], NULL, NULL, &kind, &args_type));
      /* one listener attached, plus the signal handlers (detailed ones,
       * function-call::x, included) */
      count = mibew_event_dispatcher_get_listener_count (dispatcher, names[i]);
      if (count != 2)
        g_error ("%%s: %%u listeners, not 2", names[i], count);
      args = g_object_new (args_type, NULL);
      if (!mibew_event_dispatcher_trigger (dispatcher, names[i], args, &error))
        g_error ("%%s: %%s", names[i], error->message);
      n++;
    }
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (dispatcher), ==, 0);
  g_print ("%%u events triggered through the C snippets\n", n);
  return 0;
}
'''


def cmd_extract_c(args):
    with open(args.guide, encoding='utf-8') as f:
        text = f.read()
    code = blocks(text, 'c')
    # the first block shows how to get the dispatcher: main() does that
    snippets = [c for c in code if 'connect_' in c]
    connects = re.findall(r'^connect_(\w+) \(', ''.join(snippets), re.M)
    out = ['/* Generated by check-events-guide.py from events-guide.md: do not edit. */',
           '#include <mibew-events/mibew-events.h>', '']
    out += snippets
    out.append(C_MAIN % {'connects': ''.join(f'  connect_{c} (dispatcher);\n' for c in connects)})
    with open(args.output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))
    return 0


PY_TRAILER = r'''
from gi.repository import GObject

_n = 0
for _name in MibewEvents.EventDispatcher.list_events():
    _ok, _category, _signal, _kind, _args_type = MibewEvents.EventDispatcher.describe_event(_name)
    assert _ok, _name
    # one listener attached, plus the signal handlers (detailed ones included)
    _count = dispatcher.get_listener_count(_name)
    assert _count == 2, (_name, _count)
    dispatcher.trigger(_name, GObject.new(_args_type))
    _n += 1
assert dispatcher.props.failure_count == 0, 'a listener failed'
print('%d events triggered through the Python snippets' % _n)
'''

JS_TRAILER = r'''
const {GObject} = imports.gi;

let n = 0;
for (const name of MibewEvents.EventDispatcher.list_events()) {
    const [ok, category, signal, kind, argsType] = MibewEvents.EventDispatcher.describe_event(name);
    if (!ok)
        throw new Error(`cannot describe ${name}`);
    // one listener attached, plus the signal handlers (detailed ones included)
    const count = dispatcher.get_listener_count(name);
    if (count !== 2)
        throw new Error(`${name}: ${count} listeners, not 2`);
    dispatcher.trigger(name, GObject.Object.new_with_properties(argsType, [], []));
    n++;
}
if (dispatcher.failure_count !== 0)
    throw new Error('a listener failed');
print(`${n} events triggered through the GJS snippets`);
'''


def run_snippets(interpreter, code, suffix):
    with tempfile.NamedTemporaryFile('w', suffix=suffix, encoding='utf-8', delete=False) as f:
        f.write(code)
        path = f.name
    try:
        proc = subprocess.run([interpreter, path])
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        # keep the program for whoever debugs this
        kept = os.path.join(os.getcwd(), 'events-guide-snippets' + suffix)
        try:
            with open(kept, 'w', encoding='utf-8') as f:
                f.write(code)
            print(f'the snippets failed (status {proc.returncode}); program kept as {kept}')
        except OSError:
            print(f'the snippets failed (status {proc.returncode})')
        return 1
    return 0


def cmd_run_python(args):
    with open(args.guide, encoding='utf-8') as f:
        code = blocks(f.read(), 'python')
    # the first block imports MibewEvents and gets the dispatcher
    if not code or 'get_default()' not in code[0]:
        print('the guide does not start its Python snippets with the dispatcher')
        return 1
    if len(code) != 42:
        print(f'expected 42 Python snippets, found {len(code)}')
        return 1
    return run_snippets(args.python, '\n\n'.join(code) + PY_TRAILER, '.py')


def cmd_run_gjs(args):
    with open(args.guide, encoding='utf-8') as f:
        code = blocks(f.read(), 'js')
    if not code or 'get_default()' not in code[0]:
        print('the guide does not start its GJS snippets with the dispatcher')
        return 1
    if len(code) != 42:
        print(f'expected 42 GJS snippets, found {len(code)}')
        return 1
    # the helper module, as the overview recommends: guarded listeners
    helper = "imports.mibewEvents;\n"
    return run_snippets(args.gjs, code[0] + helper + '\n'.join(code[1:]) + JS_TRAILER, '.js')


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser('check')
    p.add_argument('--generator', required=True)
    p.set_defaults(func=cmd_check)
    p = sub.add_parser('extract-c')
    p.add_argument('guide')
    p.add_argument('output')
    p.set_defaults(func=cmd_extract_c)
    p = sub.add_parser('run-python')
    p.add_argument('guide')
    p.add_argument('--python', required=True)
    p.set_defaults(func=cmd_run_python)
    p = sub.add_parser('run-gjs')
    p.add_argument('guide')
    p.add_argument('--gjs', required=True)
    p.set_defaults(func=cmd_run_gjs)
    args = parser.parse_args()
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main())
