#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks the events guide and runs its code snippets.

    check-events-guide.py check --generator GEN-EVENTS-GUIDE --examples DIR
        run the generator (--strict, with the JSON documents of DIR) and
        check that the guide describes the 41 events of Mibew's catalogue
        (name, constant, category object, signal, kind, accumulator,
        answered argument), that every Python snippet compiles, and, against
        the library's own description of each event
        (EventDispatcher.get_event_description(), through the typelib), that
        each section lists the event's arguments and JSON keys as the
        library describes them and shows a JSON example that is DIR's
        document (whole, or shortened where it says so) and that the
        library decodes and gives back unchanged

    check-events-guide.py extract-c GUIDE OUTPUT.c
        write the C snippets, and a main() that connects and attaches every
        listener and triggers every event once, to OUTPUT.c

    check-events-guide.py run-python GUIDE --python PYTHON
    check-events-guide.py run-gjs GUIDE --gjs GJS
        run the Python or GJS snippets the same way, against the typelib

    check-events-guide.py run-page PAGE [--python PYTHON] [--gjs GJS]
        run each Python and JavaScript block of another page (json.md) as a
        program of its own, against the typelib
"""

import argparse
import json
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


ARG_ROW = re.compile(r'^\| `(?P<key>[^`]+)` \| \[property@MibewEvents\.(?P<cls>\w+):(?P<prop>[\w-]+)\]'
                     r'(?P<answer> \(answer\))? \|(?P<cells>.*)\|$', re.M)
JSON_KEYS = re.compile(r'^\*\*JSON form\.\*\* (?P<text>.*)$', re.M)
JSON_KEY = re.compile(r'`(?P<key>\w+)` \((?P<notes>[^)]*)\)')


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


class Library:
    """The library's description of its events, through the typelib."""

    def __init__(self):
        import gi
        gi.require_version('MibewEvents', '1.0')
        gi.require_version('Json', '1.0')
        from gi.repository import GLib, Json, MibewEvents
        self.GLib, self.Json, self.MibewEvents = GLib, Json, MibewEvents
        self.dispatcher = MibewEvents.EventDispatcher.new()   # no listeners

    def describe(self, name):
        node = self.MibewEvents.EventDispatcher.get_event_description(name)
        return json.loads(self.MibewEvents.json_to_data(node, False))

    def round_trip(self, name, text):
        """None if the library decodes @text as @name's arguments and gives
        it back unchanged; else what went wrong."""
        try:
            expected = self.MibewEvents.json_to_data(self.dispatcher.parse_json(text, -1), False)
            result = self.dispatcher.trigger_json_data(name, text, -1)
        except self.GLib.Error as e:
            return e.message
        return None if result == expected else 'it does not come back unchanged'


def check_json_keys(name, body, d):
    """The "JSON form." paragraph names each key with its type and flags."""
    problems = []
    found = JSON_KEYS.findall(body)
    if len(found) != 1:
        return [f'{name}: expected one "**JSON form.**" paragraph, found {len(found)}']
    text = found[0]
    arguments = d['arguments']
    if not arguments:
        if JSON_KEY.search(text) or 'An empty object' not in text:
            problems.append(f'{name}: the JSON form should be an empty object')
        return problems
    listed = [(m.group('key'), m.group('notes').split(', ')) for m in JSON_KEY.finditer(text)]
    keys = [a['key'] for a in arguments]
    if [k for k, _ in listed] != keys:
        return [f'{name}: the JSON form lists the keys {[k for k, _ in listed]}, '
                f'the library describes {keys}']
    for (key, notes), a in zip(listed, arguments):
        expect = [f'`{a["type"]}`']
        if not a['required']:
            expect.append('optional')
        if a['nullable']:
            expect.append('may be null')
        if a['false_means_none']:
            expect.append('`false` for none')
        if notes != expect:
            problems.append(f'{name}: the JSON form says {key} is {notes}, the library {expect}')
    return problems


def split_cells(cells):
    return [c.strip().replace('\\|', '|') for c in re.split(r'(?<!\\)\|', cells)]


def check_arguments(name, body, d):
    """One row per argument, in the library's order, with its JSON key,
    property, description, and whether the emitter uses it."""
    problems = []
    rows = list(ARG_ROW.finditer(body))
    arguments = d['arguments']
    if [r.group('key') for r in rows] != [a['key'] for a in arguments]:
        return [f'{name}: the table of arguments has the keys {[r.group("key") for r in rows]}, '
                f'the library describes {[a["key"] for a in arguments]}']
    cls = d['arguments_type'][len('Mibew'):]
    if arguments and f'Arguments: [class@MibewEvents.{cls}], with these properties:' not in body:
        problems.append(f'{name}: the arguments class is not {cls}')
    for r, a in zip(rows, arguments):
        key = a['key']
        cells = split_cells(r.group('cells'))
        if len(cells) != 6:
            problems.append(f'{name}: the row of {key} has {len(cells) + 2} cells, not 8')
            continue
        _type, description, _change, used, _getter, _attrs = cells
        if r.group('cls') != cls or r.group('prop') != a['property']:
            problems.append(f'{name}: {key} is the property {r.group("cls")}:{r.group("prop")}, '
                            f'the library says {cls}:{a["property"]}')
        if bool(r.group('answer')) != (key == d['answer']):
            problems.append(f'{name}: {key} is {"" if r.group("answer") else "not "}marked as the '
                            f'answer; the library folds answers into {d["answer"]}')
        if description != a['description']:
            problems.append(f'{name}: {key} is described as {description!r}, '
                            f'the library says {a["description"]!r}')
        if used != ('yes' if a['used'] else 'no'):
            problems.append(f'{name}: the guide says the emitter uses {key}: {used}; '
                            f'the library says {a["used"]}')
    return problems


def check_description(name, body, d, catalogue_row):
    """The facts of the section, and the catalogue, against the library."""
    constant, _, category, signal, kind, accumulator, answer = catalogue_row
    problems = []
    answer_property = next((a['property'] for a in d['arguments'] if a['key'] == d['answer']), None)
    theirs = (d['constant'], d['category'], d['signal'], d['kind'],
              None if d['fold'] == 'none' else d['fold'], answer_property)
    ours = (constant, category, signal, kind, accumulator, answer)
    if theirs != ours:
        problems.append(f'{name}: Mibew\'s catalogue says {ours}, the library {theirs}')
    if d['answer'] is None:
        expect = f'| Answers | `{d["fold"]}`'
    else:
        expect = f'| Answers | `{d["fold"]}` into `{d["answer"]}`'
    if expect not in body:
        problems.append(f'{name}: missing {expect!r}')
    if f'| Arguments class | [class@MibewEvents.{d["arguments_type"][len("Mibew"):]}] |' not in body:
        problems.append(f'{name}: the arguments class is not {d["arguments_type"]}')
    return problems + check_arguments(name, body, d) + check_json_keys(name, body, d)


def check_example(name, body, examples, library):
    """The JSON example is the document of @examples, whole or shortened
    where the section says so, and the library reads it and gives it back."""
    problems = []
    path = os.path.join(examples, name + '.json')
    with open(path, encoding='utf-8') as f:
        original = f.read()
    shown = blocks(body, 'json')
    if len(shown) != 1:
        return [f'{name}: expected one JSON example, found {len(shown)}']
    shown = shown[0]
    source = f'tests/data/events/{name}.json'
    try:
        document = json.loads(shown)
    except ValueError as e:
        return [f'{name}: the JSON example does not parse: {e}']
    if f'Example, `{source}` from the source tree, in full:' in body:
        if shown != original:
            problems.append(f'{name}: the example says it is {source} in full, but it is not')
    elif f'Example, `{source}` from the source tree (' in body and 'shortened here:' in body:
        whole = json.loads(original)
        if list(document) != list(whole):
            problems.append(f'{name}: the shortened example has the keys {list(document)}, '
                            f'{source} has {list(whole)}')
        if len(shown) >= len(original):
            problems.append(f'{name}: the shortened example is not shorter')
    else:
        problems.append(f'{name}: the example does not say whether it is {source} in full or shortened')
    wrong = library.round_trip(name, shown)
    if wrong is not None:
        problems.append(f'{name}: the library does not take the example back unchanged: {wrong}')
    hint = f'`mibew-events trigger {name} {source}`'
    if hint not in body:
        problems.append(f'{name}: missing the hint {hint}')
    return problems


def check_against_library(text, examples):
    problems = []
    library = Library()
    found = sections(text)
    listed = list(library.MibewEvents.EventDispatcher.list_events())
    if sorted(listed) != sorted(row[1] for row in CATALOGUE):
        problems.append(f'the library lists other events than Mibew\'s catalogue: {listed}')
    for row in CATALOGUE:
        name = row[1]
        body = found.get(name)
        if body is None:
            continue            # check_guide says so
        d = library.describe(name)
        problems += check_description(name, body, d, row)
        problems += check_example(name, body, examples, library)
    return problems


def cmd_check(args):
    proc = subprocess.run([args.generator, '--strict', '--examples', args.examples],
                          stdout=subprocess.PIPE, universal_newlines=True)
    if proc.returncode != 0:
        print(f'gen-events-guide --strict failed with status {proc.returncode}')
        return 1
    problems = check_guide(proc.stdout) + check_against_library(proc.stdout, args.examples)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f'events guide: all {len(CATALOGUE)} events described as the library describes them')
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


def cmd_run_page(args):
    with open(args.page, encoding='utf-8') as f:
        text = f.read()
    failed = 0
    ran = 0
    for lang, interpreter, suffix in (('python', args.python, '.py'), ('js', args.gjs, '.js')):
        if interpreter is None:
            continue
        for code in blocks(text, lang):
            ran += 1
            if run_snippets(interpreter, code, suffix) != 0:
                print(f'{args.page}: this {lang} block failed:\n{code}')
                failed += 1
    if ran == 0:
        print(f'{args.page}: no block to run')
        return 1
    print(f'{args.page}: {ran - failed} of {ran} blocks ran')
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser('check')
    p.add_argument('--generator', required=True)
    p.add_argument('--examples', required=True, help='the directory of EVENT.json documents')
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
    p = sub.add_parser('run-page')
    p.add_argument('page')
    p.add_argument('--python')
    p.add_argument('--gjs')
    p.set_defaults(func=cmd_run_page)
    args = parser.parse_args()
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main())
