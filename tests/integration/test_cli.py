#!/usr/bin/python3
# Integration tests of `mibew-events` (suite 'integration'): each class is
# one meson test (tests/integration/meson.build passes its name).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clitest import (ToolTestCase, TOOL, VERSION, compact, data_events, data_path,  # noqa: E402
                     has_float, load, run)

KINDS = {'notify', 'alter', 'out', 'call'}
FOLDS = {'none', 'chain', 'first-wins', 'merge', 'append'}
DESCRIPTION_KEYS = {'name', 'constant', 'category', 'signal', 'kind', 'arguments_type', 'fold',
                    'answer', 'returns', 'arguments'}
ARGUMENT_KEYS = {'key', 'property', 'type', 'description', 'required', 'nullable',
                 'false_means_none', 'used'}


def list_json():
    proc = run('list', '--json')
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


class ListTest(ToolTestCase):
    def test_table_lists_41_events(self):
        proc = run('list')
        self.assertSuccess(proc)
        lines = proc.stdout.decode('utf-8').splitlines()
        self.assertEqual(lines[0].split(), ['EVENT', 'CATEGORY', 'SIGNAL', 'KIND'])
        rows = [line.split() for line in lines[1:]]
        self.assertEqual(len(rows), 41)
        for row in rows:
            self.assertEqual(len(row), 4, row)
            self.assertIn(row[3], KINDS, row)
        names = [row[0] for row in rows]
        self.assertEqual(len(set(names)), 41)
        self.assertEqual(sorted(names), data_events())
        self.assertIn(['threadPostMessage', 'thread', 'post-message', 'alter'], rows)
        self.assertIn(['operatorAuthenticate', 'operator', 'authenticate', 'out'], rows)
        self.assertIn(['usersFunctionCall', 'users', 'function-call', 'call'], rows)
        self.assertIn(['routesAlter', 'routing', 'routes-alter', 'alter'], rows)

    def test_table_columns_are_aligned(self):
        lines = run('list').stdout.decode('utf-8').splitlines()
        starts = {tuple(m.start() for m in re.finditer(r'\S+', line)) for line in lines}
        self.assertEqual(len(starts), 1, 'columns do not line up')

    def test_json_has_41_descriptions(self):
        proc = run('list', '--json')
        self.assertSuccess(proc)
        events = json.loads(proc.stdout)
        self.assertIsInstance(events, list)
        self.assertEqual(len(events), 41)
        self.assertEqual(sorted(e['name'] for e in events), data_events())
        for event in events:
            self.assertEqual(set(event), DESCRIPTION_KEYS, event['name'])
            self.assertIn(event['kind'], KINDS)
            self.assertIn(event['fold'], FOLDS)
            self.assertEqual(event['constant'], event['constant'].upper())
            for argument in event['arguments']:
                self.assertEqual(set(argument), ARGUMENT_KEYS, event['name'])
                for flag in ('required', 'nullable', 'false_means_none', 'used'):
                    self.assertIsInstance(argument[flag], bool)

    def test_json_agrees_with_table(self):
        rows = [line.split() for line in run('list').stdout.decode('utf-8').splitlines()[1:]]
        table = [[e['name'], e['category'], e['signal'], e['kind']] for e in list_json()]
        self.assertEqual(rows, table)

    def test_arguments_are_usage_errors(self):
        self.assertUsageError(run('list', 'threadPostMessage'), 'threadPostMessage')
        self.assertUsageError(run('list', '--pretty'), '--pretty')


class DescribeTest(ToolTestCase):
    def section(self, text, title):
        """The indented lines under `title:`."""
        lines = text.splitlines()
        start = lines.index(title + ':') + 1
        body = []
        for line in lines[start:]:
            if not line.startswith(' '):
                break
            body.append(line.strip())
        return body

    def test_thread_post_message(self):
        proc = run('describe', 'threadPostMessage')
        self.assertSuccess(proc)
        text = proc.stdout.decode('utf-8')
        self.assertEqual(text.splitlines()[0], 'threadPostMessage')
        for fragment in ('THREAD_POST_MESSAGE', 'thread', 'post-message', 'alter',
                         'MibewThreadEvents', 'message_body', 'message_kind', 'message_options',
                         'The text of the message', 'fold: chain', 'answer: message_body'):
            self.assertIn(fragment, text)
        arguments = self.section(text, 'Arguments')
        self.assertTrue(any(re.match(r'message_body\s+string\s+required$', line) for line in arguments),
                        arguments)
        changeable = self.section(text, 'Listeners may change')
        self.assertEqual(changeable, ['message_kind, message_body, message_options'])

    def test_out_event(self):
        text = run('describe', 'operatorAuthenticate').stdout.decode('utf-8')
        self.assertIn('fold: first-wins', text)
        self.assertIn('false means none', text)
        self.assertEqual(self.section(text, 'Listeners may change'), ['operator'])

    def test_call_event(self):
        text = run('describe', 'threadFunctionCall').stdout.decode('utf-8')
        self.assertIn('fold: merge', text)
        self.assertIn('answer: results', text)
        self.assertIn('threadFunctionCall::NAME', text)

    def test_notify_event(self):
        text = run('describe', 'banDelete').stdout.decode('utf-8')
        self.assertIn('fold: none', text)
        self.assertIn('ignored', text)
        self.assertNotIn('answer:', text)

    def test_every_event_and_argument(self):
        for event in list_json():
            proc = run('describe', event['name'])
            self.assertSuccess(proc)
            text = proc.stdout.decode('utf-8')
            self.assertIn(event['constant'], text)
            self.assertIn('fold: ' + event['fold'], text)
            arguments = self.section(text, 'Arguments')
            for argument in event['arguments']:
                line = next((l for l in arguments if l.split()[0] == argument['key']), None)
                self.assertIsNotNone(line, '%s: %s' % (event['name'], argument['key']))
                self.assertIn(argument['type'], line)
                self.assertIn('required' if argument['required'] else 'optional', line)
                self.assertEqual('nullable' in line, argument['nullable'])
                self.assertEqual('false means none' in line, argument['false_means_none'])
            used = [a['key'] for a in event['arguments'] if a['used']]
            changeable = self.section(text, 'Listeners may change')
            if used:
                self.assertEqual(changeable, [', '.join(used)], event['name'])

    def test_errors(self):
        self.assertBadInput(run('describe', 'nope'), 'Unknown event', 'nope')
        self.assertBadInput(run('describe', 'threadFunctionCall::microtime'), 'Unknown event')
        self.assertUsageError(run('describe'), 'EVENT')
        self.assertUsageError(run('describe', 'banCreate', 'banDelete'), 'banDelete')


class SchemaTest(ToolTestCase):
    def test_all_events(self):
        proc = run('schema')
        self.assertSuccess(proc)
        self.assertGreater(proc.stdout.count(b'\n'), 100, 'not pretty-printed')
        schema = json.loads(proc.stdout)
        self.assertIn('$defs', schema)
        self.assertEqual(sorted(schema['$defs']), data_events())
        for name, sub in schema['$defs'].items():
            self.assertIsInstance(sub, dict, name)

    def test_thread_post_message(self):
        proc = run('schema', 'threadPostMessage')
        self.assertSuccess(proc)
        schema = json.loads(proc.stdout)
        self.assertEqual(schema['type'], 'object')
        self.assertIn('message_body', schema['required'])
        self.assertIn('thread', schema['required'])
        self.assertIn('message_body', schema['properties'])
        self.assertTrue(schema['$schema'].startswith('https://json-schema.org/'))

    def test_one_event_matches_its_def(self):
        whole = json.loads(run('schema').stdout)
        one = json.loads(run('schema', 'banDelete').stdout)
        self.assertEqual(one.get('required'), whole['$defs']['banDelete'].get('required'))

    def test_errors(self):
        self.assertBadInput(run('schema', 'nope'), 'Unknown event', 'nope')
        self.assertUsageError(run('schema', 'banCreate', 'banDelete'), 'banDelete')


class TriggerTest(ToolTestCase):
    def check_round_trip(self, event, proc):
        self.assertSuccess(proc)
        self.assertTrue(proc.stdout.endswith(b'\n'))
        self.assertEqual(proc.stdout.count(b'\n'), 1, 'compact output is one line')
        expected = load(event)
        self.assertSameJson(expected, json.loads(proc.stdout))
        # json-glib spells floats its own way (0.6 as 0.59999999999999998);
        # everything else is byte for byte Python's compact spelling
        if not has_float(expected):
            self.assertEqual(proc.stdout, compact(expected) + b'\n', event)

    def test_every_file_with_no_listener(self):
        events = data_events()
        self.assertEqual(len(events), 41)
        for event in events:
            with self.subTest(event=event):
                self.check_round_trip(event, run('trigger', event, data_path(event)))

    def test_stdin(self):
        for event in ('threadPostMessage', 'widgetResponseAlter', 'cronRun', 'operatorLogout',
                      'usersUpdateVisitorsLoad'):
            with open(data_path(event), 'rb') as f:
                data = f.read()
            with self.subTest(event=event, how='no FILE'):
                self.check_round_trip(event, run('trigger', event, stdin=data))
            with self.subTest(event=event, how='-'):
                self.check_round_trip(event, run('trigger', event, '-', stdin=data))

    def test_numeric_strings_stay_strings(self):
        proc = run('trigger', 'threadGetMessagesAlter', data_path('threadGetMessagesAlter'))
        self.assertSuccess(proc)
        self.assertIn(b'"messageCount":"4"', proc.stdout)
        self.assertEqual(json.loads(proc.stdout)['thread']['messageCount'], '4')
        proc = run('trigger', 'threadPostMessage', data_path('threadPostMessage'))
        self.assertIn(b'"messageCount":4,', proc.stdout)
        proc = run('trigger', 'groupDelete', stdin='{"id":"17"}')
        self.assertEqual(proc.stdout, b'{"id":"17"}\n')
        proc = run('trigger', 'threadUpdate', data_path('threadUpdate'))
        original = json.loads(proc.stdout)['original_thread']
        self.assertEqual(original, load('threadUpdate')['original_thread'])
        self.assertTrue(any(isinstance(v, str) and v.isdigit() for v in original.values()))

    def test_utf8_stays_utf8(self):
        proc = run('trigger', 'threadPostMessage', data_path('threadPostMessage'))
        self.assertIn('Трек-номер'.encode('utf-8'), proc.stdout)
        self.assertIn('👋'.encode('utf-8'), proc.stdout)
        self.assertNotIn(b'\\u', proc.stdout)

    def test_pretty(self):
        for event in ('threadPostMessage', 'widgetResponseAlter'):
            proc = run('trigger', event, data_path(event), '--pretty')
            self.assertSuccess(proc)
            text = proc.stdout.decode('utf-8')
            self.assertGreater(text.count('\n'), 10)
            self.assertTrue(text.startswith('{\n  "'), text[:20])
            self.assertTrue(text.endswith('}\n'))
            self.assertSameJson(load(event), json.loads(text))
            plain = run('trigger', event, data_path(event))
            self.assertSameJson(json.loads(plain.stdout), json.loads(text))

    def test_options_after_or_before_arguments(self):
        a = run('trigger', '--pretty', 'threadDelete', data_path('threadDelete'))
        b = run('trigger', 'threadDelete', '--pretty', data_path('threadDelete'))
        self.assertSuccess(a)
        self.assertEqual(a.stdout, b.stdout)

    def test_usage_errors(self):
        self.assertUsageError(run('trigger'), 'EVENT')
        self.assertUsageError(run('trigger', 'threadDelete', 'a', 'b'), 'b')
        self.assertUsageError(run('trigger', '--frobnicate', 'threadDelete'), '--frobnicate')


class DemoTest(ToolTestCase):
    def post(self, body, *options):
        args = load('threadPostMessage')
        args['message_body'] = body
        proc = run('trigger', 'threadPostMessage', *options, stdin=json.dumps(args))
        self.assertSuccess(proc)
        out = json.loads(proc.stdout)
        rest_in = {k: v for k, v in args.items() if k != 'message_body'}
        rest_out = {k: v for k, v in out.items() if k != 'message_body'}
        self.assertSameJson(rest_in, rest_out)
        return out['message_body']

    def test_profanity_filter(self):
        self.assertEqual(self.post('Damn! This is CRAP, you idiot.', '--demo'),
                         '****! This is ****, you *****.')
        self.assertEqual(self.post('Was für ein Mist, verdammt — heck! 👋', '--demo'),
                         'Was für ein Mist, verdammt — ****! 👋')
        # whole words only
        self.assertEqual(self.post('darned scrappy Heckler', '--demo'), 'darned scrappy Heckler')
        # no listener without --demo
        self.assertEqual(self.post('Damn! This is crap.'), 'Damn! This is crap.')

    def test_clean_message_is_untouched(self):
        event = 'threadPostMessage'
        proc = run('trigger', event, data_path(event), '--demo')
        self.assertSuccess(proc)
        self.assertSameJson(load(event), json.loads(proc.stdout))

    def call(self, event, function, arguments):
        args = {'request_processor': {'kind': 'thread' if event.startswith('thread') else 'users'},
                'function': function, 'arguments': arguments, 'results': {}}
        before = time.time()
        proc = run('trigger', event, '--demo', stdin=json.dumps(args))
        after = time.time()
        self.assertSuccess(proc)
        out = json.loads(proc.stdout)
        self.assertEqual(out['arguments'], arguments)
        return out['results'], before, after

    def test_microtime(self):
        for event in ('threadFunctionCall', 'usersFunctionCall'):
            results, before, after = self.call(event, 'microtime', {'as_float': True})
            self.assertEqual(list(results), ['time'])
            self.assertIsInstance(results['time'], float)
            self.assertGreaterEqual(results['time'], before - 1)
            self.assertLessEqual(results['time'], after + 1)

            for falsy in ({}, {'as_float': False}, {'as_float': 0}, {'as_float': '0'}):
                results, before, after = self.call(event, 'microtime', falsy)
                m = re.fullmatch(r'0\.(\d{8}) (\d+)', results['time'])
                self.assertIsNotNone(m, results)
                self.assertTrue(before - 1 <= int(m.group(2)) <= after + 1)

            results, _, _ = self.call(event, 'otherFunction', {'as_float': True})
            self.assertEqual(results, {})

    def test_microtime_on_the_sample(self):
        proc = run('trigger', 'threadFunctionCall', data_path('threadFunctionCall'), '--demo')
        self.assertSuccess(proc)
        out = json.loads(proc.stdout)
        self.assertIsInstance(out['results']['time'], float)
        expected = load('threadFunctionCall')
        del out['results']['time']
        self.assertSameJson(expected, out)

    def test_widget_response(self):
        event = 'widgetResponseAlter'
        args = load(event)
        before = time.time()
        proc = run('trigger', event, data_path(event), '--demo')
        self.assertSuccess(proc)
        response = json.loads(proc.stdout)['response']
        self.assertEqual(response['load']['the_lib'], '')
        self.assertEqual(response['load']['the_func'],
                         'https://chat.example.com/plugins/Mibew/Example/func.js')
        # as PHP's $handlers[] = 'usefulFunc': appended, even if it is there
        self.assertEqual(response['handlers'], args['response']['handlers'] + ['usefulFunc'])
        self.assertEqual(response['dependencies']['usefulFunc'], ['the_lib', 'the_func'])
        self.assertIsInstance(response['data']['usefulFunc']['time'], float)
        self.assertGreater(response['data']['usefulFunc']['time'], before - 1)
        self.assertEqual(response['data']['user'], args['response']['data']['user'])

        args['response'] = {'load': {}, 'handlers': [], 'dependencies': {}, 'data': {}}
        proc = run('trigger', event, '--demo', stdin=json.dumps(args))
        self.assertSuccess(proc)
        response = json.loads(proc.stdout)['response']
        self.assertEqual(response['handlers'], ['usefulFunc'])
        self.assertEqual(list(response['load']), ['the_lib', 'the_func'])

    def test_other_events_untouched(self):
        for event in ('threadClose', 'usersUpdateThreadsAlter', 'operatorAuthenticate'):
            proc = run('trigger', event, data_path(event), '--demo')
            self.assertSuccess(proc)
            self.assertSameJson(load(event), json.loads(proc.stdout))


class JsonlTest(ToolTestCase):
    def answers(self, proc):
        return [json.loads(line) for line in proc.stdout.decode('utf-8').splitlines()]

    def test_mixed_lines(self):
        post = load('threadPostMessage')
        post['message_body'] = 'what the heck'
        bad_type = load('threadPostMessage')
        bad_type['thread']['state'] = 'x'
        lines = [
            json.dumps({'event': 'threadDelete', 'args': {'id': '5'}}),
            '{"event": "threadDelete", "args": {',
            '',
            json.dumps({'event': 'nope', 'args': {}}),
            json.dumps({'event': 'threadPostMessage', 'args': bad_type}),
            '   ',
            json.dumps({'event': 'threadPostMessage', 'args': post}),
            '[1, 2]',
            json.dumps({'event': 'cronRun'}),
            json.dumps({'event': 42, 'args': {}}),
            json.dumps({'event': 'operatorLogout', 'args': []}),
        ]
        proc = run('trigger', '--jsonl', '--demo', stdin='\n'.join(lines) + '\n')
        err = proc.stderr.decode('utf-8')
        self.assertEqual(proc.returncode, 1, err)
        self.assertEqual(err, 'mibew-events: 6 of 9 lines failed\n')
        answers = self.answers(proc)
        self.assertEqual(len(answers), 9)

        self.assertEqual(answers[0], {'event': 'threadDelete', 'args': {'id': '5'}})
        self.assertEqual(answers[1]['event'], None)
        self.assertEqual(answers[1]['error']['code'], 'malformed-json')
        self.assertEqual(answers[2], {'event': 'nope', 'error': {
            'code': 'unknown-event', 'message': 'Unknown event “nope”'}})
        self.assertEqual(answers[3], {'event': 'threadPostMessage', 'error': {
            'code': 'invalid-arguments', 'message': 'thread.state: expected an integer, got "x"'}})
        self.assertEqual(answers[4]['event'], 'threadPostMessage')
        self.assertEqual(answers[4]['args']['message_body'], 'what the ****')
        self.assertEqual(answers[5]['event'], None)
        self.assertEqual(answers[5]['error']['code'], 'invalid-arguments')
        self.assertEqual(answers[6], {'event': 'cronRun', 'error': {
            'code': 'invalid-arguments', 'message': 'args: missing'}})
        self.assertEqual(answers[7]['event'], None)
        self.assertIn('event', answers[7]['error']['message'])
        self.assertEqual(answers[8], {'event': 'operatorLogout', 'args': []})
        for answer in answers:
            self.assertEqual(set(answer), {'event', 'args'} if 'args' in answer else {'event', 'error'})

    def test_every_sample_as_one_stream(self):
        events = data_events()
        stream = ''.join(json.dumps({'event': e, 'args': load(e)}, ensure_ascii=False) + '\n'
                         for e in events)
        proc = run('trigger', '--jsonl', stdin=stream)
        self.assertSuccess(proc)
        answers = self.answers(proc)
        self.assertEqual([a['event'] for a in answers], events)
        for event, answer in zip(events, answers):
            self.assertSameJson(load(event), answer['args'])

    def test_file_and_crlf(self):
        with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
            f.write('{"event":"threadDelete","args":{"id":1}}\r\n')
            f.write('{"event":"banDelete","args":{"id":"2"}}')   # no final newline
            name = f.name
        try:
            for args in (('trigger', '--jsonl', name), ('trigger', name, '--jsonl')):
                proc = run(*args)
                self.assertSuccess(proc)
                self.assertEqual(proc.stdout, b'{"event":"threadDelete","args":{"id":1}}\n'
                                              b'{"event":"banDelete","args":{"id":"2"}}\n')
        finally:
            os.unlink(name)
        self.assertBadInput(run('trigger', '--jsonl', '/nonexistent/events.jsonl'),
                            '/nonexistent/events.jsonl')

    def test_empty_input(self):
        proc = run('trigger', '--jsonl', stdin='')
        self.assertSuccess(proc)
        self.assertEqual(proc.stdout, b'')

    def test_answers_each_line_as_it_comes(self):
        proc = subprocess.Popen([TOOL, 'trigger', '--jsonl'], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for i in range(3):
                proc.stdin.write(b'{"event":"threadDelete","args":{"id":%d}}\n' % i)
                proc.stdin.flush()
                ready, _, _ = select.select([proc.stdout], [], [], 20)
                self.assertTrue(ready, 'no answer before the end of the input')
                self.assertEqual(proc.stdout.readline(),
                                 b'{"event":"threadDelete","args":{"id":%d}}\n' % i)
            proc.stdin.close()
            self.assertEqual(proc.wait(20), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()

    def test_usage_errors(self):
        self.assertUsageError(run('trigger', 'threadDelete', '--jsonl'), 'EVENT')
        self.assertUsageError(run('trigger', '--jsonl', 'a', 'b'))
        self.assertUsageError(run('trigger', '--jsonl', '--pretty'), '--pretty')


class ErrorsTest(ToolTestCase):
    def test_malformed_json(self):
        for data in ('{"id": ', '{bad}', 'not json', '{"id": 1} trailing'):
            with self.subTest(data=data):
                self.assertBadInput(run('trigger', 'threadDelete', stdin=data), 'JSON')
        self.assertBadInput(run('trigger', 'threadDelete', stdin=''), 'empty')
        self.assertBadInput(run('trigger', 'threadDelete', stdin=b'{"id": "\xff"}'), 'UTF-8')
        self.assertBadInput(run('trigger', 'threadDelete', stdin='{"id": 1, "id": 2}'), 'duplicate')

    def test_wrong_type_names_the_path(self):
        args = load('threadPostMessage')
        args['thread']['state'] = 'x'
        err = self.assertBadInput(run('trigger', 'threadPostMessage', stdin=json.dumps(args)))
        self.assertEqual(err, 'mibew-events: thread.state: expected an integer, got "x"\n')

        args = load('usersUpdateThreadsAlter')
        args['threads'][1]['agentId'] = [1]
        self.assertBadInput(run('trigger', 'usersUpdateThreadsAlter', '--pretty', stdin=json.dumps(args)),
                            'threads[1].agentId')

    def test_missing_argument(self):
        self.assertBadInput(run('trigger', 'threadDelete', stdin='{}'), 'id', 'missing')

    def test_unknown_event(self):
        err = self.assertBadInput(run('trigger', 'noSuchEvent', data_path('threadDelete')))
        self.assertEqual(err, 'mibew-events: Unknown event “noSuchEvent”\n')
        self.assertBadInput(run('trigger', 'noSuchEvent', '--demo'), 'noSuchEvent')

    def test_unknown_event_does_not_wait_for_input(self):
        proc = subprocess.Popen([TOOL, 'trigger', 'noSuchEvent'], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            self.assertEqual(proc.wait(20), 1)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdin.close()
            proc.stdout.close()
            proc.stderr.close()

    def test_missing_file(self):
        err = self.assertBadInput(run('trigger', 'threadDelete', '/nonexistent/args.json'),
                                  '/nonexistent/args.json')
        self.assertIn('No such file', err)
        with tempfile.TemporaryDirectory() as directory:
            self.assertBadInput(run('trigger', 'threadDelete', directory))

    def test_usage_errors(self):
        self.assertUsageError(run(), 'COMMAND')
        self.assertUsageError(run('frobnicate'), 'frobnicate')
        self.assertUsageError(run('--frobnicate'), '--frobnicate')
        self.assertUsageError(run('trigger'), 'EVENT')
        self.assertUsageError(run('describe'), 'EVENT')
        self.assertUsageError(run('trigger', 'threadDelete', '--bogus'), '--bogus')
        self.assertUsageError(run('list', '-x'), '-x')
        self.assertUsageError(run('help', 'frobnicate'), 'frobnicate')

    def test_usage_hint_names_the_command(self):
        err = self.assertUsageError(run('trigger'))
        self.assertIn('Usage: mibew-events trigger', err)
        self.assertIn('mibew-events trigger --help', err)


class VersionHelpTest(ToolTestCase):
    def test_version(self):
        proc = run('--version')
        self.assertSuccess(proc)
        self.assertTrue(VERSION, 'MIBEW_EVENTS_VERSION is not set')
        self.assertEqual(proc.stdout, ('mibew-events %s\n' % VERSION).encode())

    def test_help(self):
        proc = run('--help')
        self.assertSuccess(proc)
        text = proc.stdout.decode('utf-8')
        self.assertIn('mibew-events [OPTION…] COMMAND', text)
        self.assertIn('--version', text)
        for command in ('list', 'describe', 'schema', 'trigger', 'serve', 'help'):
            self.assertRegex(text, r'\n  %s\s+\S' % command)
        self.assertEqual(run('help').stdout, proc.stdout)
        self.assertEqual(run('-h').stdout, proc.stdout)

    def test_command_help(self):
        options = {'list': ['--json'], 'describe': [], 'schema': [], 'help': [],
                   'trigger': ['--pretty', '--jsonl', '--demo'],
                   'serve': ['--config', '--address', '--port', '--listen', '--secret-file',
                             '--plugin-dir', '--check-config']}
        for command, wanted in options.items():
            with self.subTest(command=command):
                proc = run(command, '--help')
                self.assertSuccess(proc)
                text = proc.stdout.decode('utf-8')
                self.assertIn('Usage:\n  mibew-events %s [OPTION…]' % command, text)
                for option in wanted:
                    self.assertIn(option, text)
                self.assertEqual(run('help', command).stdout, proc.stdout)
        self.assertIn('EVENT [FILE|-]', run('trigger', '--help').stdout.decode('utf-8'))


if __name__ == '__main__':
    unittest.main()
