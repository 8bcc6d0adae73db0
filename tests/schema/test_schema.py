#!/usr/bin/python3
# test_schema.py: every event's JSON Schema, checked with the real validator
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# - get_schema(name) (through the typelib) is a valid draft 2020-12 schema,
#   and so is get_schema(None), which holds them all under $defs;
# - each of the 41 sample documents validates against its event's schema;
# - documents with type errors (wrong types, missing required keys, true
#   for a false placeholder, a bad enum) fail validation, and the library's
#   decoder rejects them too, naming the same place the validator does;
# - documents both accept (numeric strings, PHP's [], null placeholders);
# - integers out of the decoder's range: the schema must refuse what the
#   decoder refuses.
#
# Every check runs; the failures are listed at the end (exit status 1).

import copy
import importlib.metadata
import json
import os
import sys

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('MibewEvents', '1.0')
from gi.repository import GLib, Json, MibewEvents  # noqa: E402

import jsonschema  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

SAMPLES = os.environ.get('MIBEW_EVENTS_SAMPLES',
                         os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'events'))
DELETE = object()

failures = []
counts = {'schemas': 0, 'valid': 0, 'rejected': 0, 'accepted': 0, 'range': 0}


def fail(message):
    failures.append(message)
    print('FAIL: ' + message)


def load(event):
    with open(os.path.join(SAMPLES, event + '.json'), encoding='utf-8') as f:
        return json.load(f)


def schema_of(event):
    return json.loads(Json.to_string(MibewEvents.EventDispatcher.get_schema(event), False))


def to_node(value):
    return Json.from_string(json.dumps(value, ensure_ascii=False))


def decode(event, doc):
    """None if the library's decoder accepts @doc, else its GLib.Error.
    Both paths: trigger_json (a node) and trigger_json_data (text)."""
    dispatcher = MibewEvents.EventDispatcher.new()
    errors = []
    try:
        MibewEvents.EventDispatcher.trigger_json(dispatcher, event, to_node(doc))
        errors.append(None)
    except GLib.Error as e:
        errors.append(e)
    try:
        dispatcher.trigger_json_data(event, json.dumps(doc, ensure_ascii=False), -1)
        errors.append(None)
    except GLib.Error as e:
        errors.append(e)
    a, b = errors
    if (a is None) != (b is None) or (a is not None and a.message != b.message):
        fail('%s: trigger_json and trigger_json_data disagree: %r / %r'
             % (event, a and a.message, b and b.message))
    return a


def set_path(doc, path, value):
    """@path as the library writes it: "messages[2].kind"."""
    steps = []
    for part in path.split('.'):
        name, _, rest = part.partition('[')
        if name:
            steps.append(name)
        while rest:
            index, _, rest = rest.partition(']')
            steps.append(int(index))
            rest = rest[1:] if rest.startswith('[') else rest
    target = doc
    for step in steps[:-1]:
        target = target[step]
    if value is DELETE:
        del target[steps[-1]]
    else:
        target[steps[-1]] = value
    return doc


def library_path(path):
    out = ''
    for step in path:
        if isinstance(step, int):
            out += '[%d]' % step
        else:
            out += ('.' if out else '') + step
    return out


def leaf_errors(errors):
    for error in errors:
        if error.context:
            yield from leaf_errors(error.context)
        else:
            yield error


def deepest_path(errors):
    """The deepest place the validator complains about, as the library
    names it; a missing required key counts as its own place."""
    best = None
    for error in leaf_errors(errors):
        path = list(error.absolute_path)
        if error.validator == 'required' and isinstance(error.instance, dict):
            missing = [k for k in error.validator_value if k not in error.instance]
            path += missing[:1]
        if best is None or len(path) > len(best):
            best = path
    return library_path(best or [])


def check_schemas():
    names = MibewEvents.EventDispatcher.list_events()
    if len(names) != 41:
        fail('list_events() has %d names' % len(names))
    everything = json.loads(Json.to_string(MibewEvents.EventDispatcher.get_schema(None), False))
    try:
        Draft202012Validator.check_schema(everything)
    except jsonschema.exceptions.SchemaError as e:
        fail('get_schema(None) is not a valid schema: %s' % e.message)
    if sorted(everything.get('$defs', {})) != sorted(names):
        fail('get_schema(None) does not hold the 41 events under $defs')
    try:
        MibewEvents.EventDispatcher.get_schema('noSuchEvent')
        fail('get_schema("noSuchEvent") succeeded')
    except GLib.Error as e:
        if not e.matches(MibewEvents.events_error_quark(), MibewEvents.EventsError.UNKNOWN_EVENT):
            fail('get_schema("noSuchEvent"): %s' % e.message)

    for name in names:
        schema = schema_of(name)
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            fail('%s: not a valid draft 2020-12 schema: %s' % (name, e.message))
            continue
        if schema.get('$schema') != 'https://json-schema.org/draft/2020-12/schema':
            fail('%s: $schema is %r' % (name, schema.get('$schema')))
        if schema.get('title') != name:
            fail('%s: title is %r' % (name, schema.get('title')))
        counts['schemas'] += 1

        doc = load(name)
        errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            for error in errors[:3]:
                fail('%s.json does not validate: %s at %s' % (name, error.message, library_path(error.absolute_path)))
            continue
        # the same through the document holding every schema
        combined = dict(everything)
        combined['$ref'] = '#/$defs/' + name
        if list(Draft202012Validator(combined).iter_errors(doc)):
            fail('%s.json does not validate against get_schema(None)' % name)
            continue
        if decode(name, doc) is not None:
            fail('%s.json: the decoder rejects the sample' % name)
            continue
        counts['valid'] += 1


# (event, path, new value or DELETE): type errors both must reject
TYPE_ERRORS = [
    ('threadPostMessage', 'thread.state', 'x'),
    ('threadPostMessage', 'thread', [1]),
    ('threadPostMessage', 'message_kind', 9),
    ('threadPostMessage', 'message_kind', 0),
    ('threadPostMessage', 'message_kind', 'agent'),
    ('threadPostMessage', 'message_body', DELETE),
    ('threadPostMessage', 'message_body', 42),
    ('threadPostMessage', 'message_options', ['a']),
    ('operatorAuthenticate', 'operator', True),
    ('operatorAuthenticate', 'operator', 'false'),
    ('usersUpdateVisitorsLoad', 'visitors', True),
    ('resourceNotFound', 'response', True),
    ('resourceAccessDenied', 'response', 0),
    ('banCreate', 'ban.id', True),
    ('banUpdate', 'original_ban.id', 17.5),
    ('threadGetMessagesAlter', 'messages[2].kind', 'loud'),
    ('threadGetMessagesAlter', 'messages[0]', 'hi'),
    ('threadGetMessagesAlter', 'messages[1].data', True),
    ('usersUpdateThreadsAlter', 'threads[1].state', 'open'),
    ('usersUpdateVisitorsAlter', 'visitors[3]', 5),
    ('usersUpdateVisitorsAlter', 'visitors[0].invitationInfo', 'none'),
    ('pageAddCss', 'css[1].type', 'remote'),
    ('pageAddCss', 'css[2].weight', 'heavy'),
    ('pageAddCss', 'css[0]', 5),
    ('pageAddCss', 'css[3].content', DELETE),
    ('pageAddCss', 'request.headers', 'x'),
    ('pageAddJs', 'js', {}),
    ('groupUpdateOperators', 'operators[0]', 'abc'),
    ('groupUpdateOperators', 'original_operators[1]', True),
    ('visitorDeleteOld', 'visitors', '1021'),
    ('threadFunctionCall', 'arguments', [1, 2]),
    ('threadFunctionCall', 'function', DELETE),
    ('usersFunctionCall', 'function', 7),
    ('operatorLogin', 'remember', 'yes'),
    ('operatorLogin', 'remember', 2),
    ('operatorLogin', 'remember', DELETE),
    ('operatorCreate', 'operator.vclogin', True),
    ('widgetResponseAlter', 'route_url_generator.base_url', DELETE),
    ('widgetResponseAlter', 'asset_url_generator.base_url', 5),
    ('widgetResponseAlter', 'response.handlers', {}),
    ('widgetResponseAlter', 'response', ['x']),
    ('buttonGenerate', 'button', 5),
    ('buttonGenerate', 'generator', 'x'),
    ('visitorTrack', 'visitor.details', True),
    ('groupCreate', 'group.parent', 'root'),
    ('threadDelete', 'id', 1.5),
    ('groupDelete', 'id', '5x'),
    ('operatorDelete', 'id', None),
    ('routesAlter', 'routes', [{}]),
    # an enum in a record: the schema lists the states, the decoder must too
    ('threadPostMessage', 'thread.state', 99),
    ('threadGetMessagesAlter', 'messages[2].kind', 9),
    ('usersUpdateThreadsAlter', 'threads[0].state', -1),
]

# whole documents of the wrong shape
WHOLE_ERRORS = [
    ('threadPostMessage', 'hello'),
    ('threadPostMessage', {}),
    ('threadDelete', 42),
    ('banCreate', None),
    ('cronRun', [1]),
    ('operatorLogout', False),
]


def check_rejected(event, doc, what):
    errors = list(Draft202012Validator(schema_of(event)).iter_errors(doc))
    error = decode(event, doc)
    ok = True
    if not errors:
        fail('%s %s: the schema accepts it' % (event, what))
        ok = False
    if error is None:
        fail('%s %s: the decoder accepts it' % (event, what))
        ok = False
    elif not error.matches(MibewEvents.events_error_quark(), MibewEvents.EventsError.INVALID_ARGUMENTS):
        fail('%s %s: the decoder says %s (code %d), not INVALID_ARGUMENTS' % (event, what, error.message, error.code))
        ok = False
    if ok:
        # both name the same place
        where = deepest_path(errors)
        expected = where + ': ' if where else 'expected '
        if not error.message.startswith(expected):
            fail('%s %s: the decoder says %r, the validator points at %r' % (event, what, error.message, where))
            ok = False
    return ok


def check_type_errors():
    for event, path, value in TYPE_ERRORS:
        doc = set_path(load(event), path, value)
        what = '%s = %s' % (path, 'deleted' if value is DELETE else json.dumps(value))
        if check_rejected(event, doc, what):
            counts['rejected'] += 1
    for event, doc in WHOLE_ERRORS:
        if check_rejected(event, doc, 'as %s' % json.dumps(doc)):
            counts['rejected'] += 1


# documents both must accept: Mibew's ways of writing things
ACCEPTED = [
    ('cronRun', []),
    ('operatorLogout', {}),
    ('operatorAuthenticate', set_path(load('operatorAuthenticate'), 'operator', None)),
    ('resourceNotFound', set_path(load('resourceNotFound'), 'response', None)),
    ('usersUpdateVisitorsLoad', {'visitors': None}),
    ('usersUpdateVisitorsLoad', set_path(load('usersUpdateVisitorsLoad'), 'visitors', [])),
    ('threadFunctionCall', set_path(set_path(load('threadFunctionCall'), 'arguments', []), 'results', [])),
    ('threadPostMessage', set_path(set_path(load('threadPostMessage'), 'message_kind', '2'), 'message_options', [])),
    ('threadPostMessage', set_path(load('threadPostMessage'), 'thread', [])),
    ('threadPostMessage', set_path(load('threadPostMessage'), 'thread.agentTyping', 1)),
    ('threadPostMessage', set_path(load('threadPostMessage'), 'thread.userTyping', '0')),
    ('threadPostMessage', set_path(load('threadPostMessage'), 'thread.state', '2')),
    ('threadPostMessage', set_path(load('threadPostMessage'), 'thread.userName', 42)),
    ('groupDelete', {'id': '5'}),
    ('threadDelete', {'id': 9223372036854775807}),
    ('threadDelete', {'id': -9223372036854775808}),
    ('pageAddCss', set_path(load('pageAddCss'), 'css[1].weight', None)),
    ('pageAddCss', set_path(load('pageAddCss'), 'css[1].weight', '100')),
    ('operatorLogin', set_path(load('operatorLogin'), 'remember', 0)),
    ('banCreate', set_path(load('banCreate'), 'ban.x_plugin', {'any': ['thing']})),
]


def check_accepted():
    for event, doc in ACCEPTED:
        errors = list(Draft202012Validator(schema_of(event)).iter_errors(doc))
        error = decode(event, doc)
        if errors:
            fail('%s %s: the schema rejects it: %s' % (event, json.dumps(doc)[:80], errors[0].message))
        elif error is not None:
            fail('%s %s: the decoder rejects it: %s' % (event, json.dumps(doc)[:80], error.message))
        else:
            counts['accepted'] += 1


# integers the decoder cannot hold: the schema must not accept them either
RANGE_ERRORS = [
    ('threadDelete', 'id', 1e19),
    ('threadDelete', 'id', -1e19),
    ('threadPostMessage', 'thread.id', 2.0 ** 64),
    ('pageAddJs', 'js[2].weight', 3000000000),
    ('threadPostMessage', 'message_kind', 4294967298),
]


def check_range_errors():
    for event, path, value in RANGE_ERRORS:
        doc = set_path(load(event), path, copy.deepcopy(value))
        if check_rejected(event, doc, '%s = %s' % (path, json.dumps(value))):
            counts['range'] += 1


def main():
    print('jsonschema %s, %s' % (importlib.metadata.version('jsonschema'), Draft202012Validator.__name__))
    check_schemas()
    check_type_errors()
    check_accepted()
    check_range_errors()
    print('%d schemas valid, %d samples validated and decoded' % (counts['schemas'], counts['valid']))
    print('%d of %d type errors rejected by both, at the same place'
          % (counts['rejected'], len(TYPE_ERRORS) + len(WHOLE_ERRORS)))
    print('%d of %d unusual documents accepted by both' % (counts['accepted'], len(ACCEPTED)))
    print('%d of %d out-of-range integers rejected by both' % (counts['range'], len(RANGE_ERRORS)))
    if failures:
        print('%d failures' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
