#!/usr/bin/python3
# mibew-events(1) documents what the tool's --help lists, every command and
# option, and nothing the tool does not have (suite 'integration').
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clitest import ToolTestCase, run  # noqa: E402

MAN = os.environ.get('MIBEW_EVENTS_MAN', '')
BUILD_ROOT = os.environ.get('MIBEW_EVENTS_BUILD_ROOT', '')


def plain(roff):
    """The text of a roff line without escapes and font changes."""
    text = re.sub(r'\\f(\[[^]]*\]|\(..|.)', '', roff)
    for escape, char in (('\\-', '-'), ('\\(dq', '"'), ('\\(aq', "'"), ('\\(lq', '“'),
                         ('\\(rq', '”'), ('\\e', '\\'), ('\\%', ''), ('\\&', '')):
        text = text.replace(escape, char)
    return text


def help_text(*args):
    proc = run(*args, '--help')
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode('utf-8')


def help_commands():
    """The commands the tool's --help lists."""
    lines = help_text().splitlines()
    start = lines.index('Commands:') + 1
    commands = []
    for line in lines[start:]:
        m = re.match(r'  (\S+)\s{2,}\S', line)
        if not m:
            break
        commands.append(m.group(1))
    return commands


def help_options(text):
    """The options an --help text lists: the tags of its option lines."""
    options = set()
    for line in text.splitlines():
        m = re.match(r'  (-[^ ].*?)(\s{2,}|$)', line)
        if m:
            for tag in m.group(1).split(','):
                options.add(tag.strip().split('=')[0])
    return options


class ManPage:
    def __init__(self, path):
        with open(path, encoding='utf-8') as f:
            self.lines = f.read().splitlines()
        self.sections = {}
        self.subsections = {}
        section = subsection = None
        for line in self.lines:
            if line.startswith('.SH '):
                section = plain(line[4:]).strip('"')
                subsection = None
                self.sections[section] = []
            elif line.startswith('.SS '):
                subsection = plain(line[4:]).strip('"')
                self.subsections[subsection] = []
                self.sections[section].append(line)
            elif section is not None:
                self.sections[section].append(line)
                if subsection is not None:
                    self.subsections[subsection].append(line)

    @staticmethod
    def tags(lines):
        """The tag lines of .TP paragraphs, as plain text."""
        return [plain(re.sub(r'^\.(B|I|BR|RB|BI|IR|RI)\s+', '', lines[i + 1])).replace('"', '')
                for i, line in enumerate(lines[:-1]) if line.startswith('.TP')]

    def text(self, lines=None):
        return '\n'.join(plain(l) for l in (self.lines if lines is None else lines)
                         if not l.startswith('.\\"'))


class ManPageTest(ToolTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not MAN or not os.path.isfile(MAN):
            raise RuntimeError('MIBEW_EVENTS_MAN does not name mibew-events.1: %r' % MAN)
        cls.page = ManPage(MAN)
        cls.commands = help_commands()
        cls.options = {None: help_options(help_text())}
        for command in cls.commands:
            cls.options[command] = help_options(help_text(command))

    def test_help_lists_what_we_expect(self):
        # guards the parsing below: an empty list would check nothing
        self.assertEqual(self.commands, ['list', 'describe', 'schema', 'trigger', 'serve', 'help'])
        self.assertEqual(self.options[None], {'-h', '--help', '--version'})
        self.assertEqual(self.options['list'], {'-h', '--help', '--json'})
        self.assertEqual(self.options['trigger'], {'-h', '--help', '--pretty', '--jsonl', '--demo'})
        self.assertEqual(self.options['serve'], {'-h', '--help', '--config', '--address', '--port',
                                                 '--listen', '--secret-file', '--plugin-dir',
                                                 '--check-config'})

    def test_sections(self):
        for section in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'EXIT STATUS',
                        'EXAMPLES', 'SEE ALSO'):
            self.assertIn(section, self.page.sections)
        self.assertTrue(self.page.text(self.page.sections['NAME']).startswith('mibew-events - '))
        self.assertTrue(self.page.lines[[l.startswith('.TH') for l in self.page.lines].index(True)]
                        .startswith('.TH MIBEW\\-EVENTS 1 '))

    def test_every_command(self):
        synopsis = self.page.sections['SYNOPSIS']
        command_tags = [tag.split()[0] for tag in self.page.tags(self.page.sections['COMMANDS'])]
        examples = self.page.text(self.page.sections['EXAMPLES'])
        for command in self.commands:
            with self.subTest(command=command):
                self.assertIn('.B ' + command, synopsis)
                self.assertIn(command, command_tags)
                self.assertRegex(examples, r'\$ mibew-events %s\b' % command)
        self.assertEqual(sorted(command_tags), sorted(self.commands), 'documents a command the tool lacks')

    def test_every_option(self):
        general = ' '.join(self.page.tags(self.page.subsections['General options']))
        for command, options in self.options.items():
            for option in options:
                with self.subTest(command=command, option=option):
                    if command is None or option in ('-h', '--help'):
                        self.assertIn(option, re.split(r'[ ,]+', general))
                    else:
                        tags = self.page.tags(self.page.subsections.get('Options of ' + command, []))
                        self.assertIn(option, [t.split()[0] for t in tags])
                    # and the synopsis shows the command's own options
                    if command not in (None, 'help') and option not in ('-h', '--help'):
                        self.assertIn(option, self.page.text(self.page.sections['SYNOPSIS']))

    def test_no_option_the_tool_lacks(self):
        known = set().union(*self.options.values())
        for option in set(re.findall(r'(?<![\w-])--[a-z][a-z-]*', self.page.text())):
            self.assertIn(option, known, 'the page documents %s' % option)

    def test_exit_status(self):
        tags = self.page.tags(self.page.sections['EXIT STATUS'])
        self.assertEqual(tags, ['0', '1', '2'])
        text = self.page.text(self.page.sections['EXIT STATUS'])
        self.assertIn('thread.state: expected an integer, got "x"', text)

    def test_examples_run(self):
        """The page's outputs are what the tool prints."""
        examples = self.page.text(self.page.sections['EXAMPLES'])
        self.assertIn('{"id":"42"}', examples)
        proc = run('trigger', 'threadDelete', stdin='{"id": "42"}')
        self.assertEqual(proc.stdout, b'{"id":"42"}\n')
        proc = run('trigger', '--jsonl', stdin='{"event": "threadDelete", "args": {"id": 7}}\n'
                                               '{"event": "nope", "args": {}}\n')
        for line in proc.stdout.decode('utf-8').splitlines() + proc.stderr.decode('utf-8').splitlines():
            self.assertIn(line, examples)

    @unittest.skipUnless(shutil.which('man'), 'man is not installed')
    def test_man_renders_without_warnings(self):
        env = dict(os.environ, MANWIDTH='200', MAN_KEEP_FORMATTING='', LC_ALL='C.UTF-8')
        proc = subprocess.run(['man', '--warnings', '-l', MAN], capture_output=True, env=env,
                              timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr.decode('utf-8', 'replace').strip(), '')
        text = re.sub(r'.\x08', '', proc.stdout.decode('utf-8', 'replace'))
        text = text.replace('\u2010', '-').replace('\u2212', '-')
        for options in self.options.values():
            for option in options:
                self.assertIn(option, text)
        for command in self.commands:
            self.assertRegex(text, r'\n {7}%s\b' % command)
        self.assertIn('EXIT STATUS', text)

    def test_installed(self):
        path = os.path.join(BUILD_ROOT, 'meson-info', 'intro-installed.json')
        if not BUILD_ROOT or not os.path.isfile(path):
            self.skipTest('no meson-info in the build root')
        with open(path, encoding='utf-8') as f:
            installed = json.load(f).values()
        self.assertTrue(any(p.endswith('/man1/mibew-events.1') for p in installed), installed)
        self.assertTrue(any(p.endswith('/bin/mibew-events') for p in installed), installed)

    def test_serve_sections(self):
        # what an administrator looks up: the signals, the configuration,
        # what --check-config prints (the tool's own words)
        for sub in ('Options of serve', 'Protocol', 'Signals', 'Configuration', 'Logging'):
            self.assertIn(sub, self.page.subsections)
        signals = self.page.tags(self.page.subsections['Signals'])
        self.assertEqual([re.split(r'[ ,]+', t)[0] for t in signals], ['SIGTERM', 'SIGHUP'])
        text = self.page.text(self.page.subsections['Options of serve'])
        proc = run('serve', '--check-config')
        if proc.returncode == 0:
            self.assertIn(proc.stdout.decode('utf-8').strip(), text)
        for key in ('address', 'port', 'listen', 'socket-mode', 'secret-file', 'body-limit',
                    'deadline', 'replay-window', 'dispatch', 'dirs', 'enabled'):
            self.assertRegex(self.page.text(self.page.subsections['Configuration']),
                             r'(?<![\w-])%s=' % re.escape(key))


if __name__ == '__main__':
    unittest.main()
