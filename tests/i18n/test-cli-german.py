#!/usr/bin/python3
# The `mibew-events` command line in German, from the build tree: the
# catalogue built from po/de.po is put where gettext looks for it
# (LOCALEDIR/de/LC_MESSAGES/mibew-events.mo) in a temporary directory that
# MIBEW_EVENTS_LOCALEDIR names to the tool and the library.
#
# gettext ignores LANGUAGE in the "C" (POSIX) locale, but not in C.UTF-8,
# which every Debian system has (libc-bin): LC_ALL=C.UTF-8 LANGUAGE=de is
# German without any German locale being generated. glibc 2.41 (Debian 13)
# ignores LANGUAGE in C.UTF-8 too: where en_US.UTF-8 is generated, the
# tests run in that instead (English too without LANGUAGE).
#
#   MIBEW_EVENTS_TOOL=.../mibew-events MIBEW_EVENTS_MO=.../de.mo \
#     test-cli-german.py [-v]
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import shutil
import subprocess
import tempfile
import unittest

TOOL = os.environ.get('MIBEW_EVENTS_TOOL', '')
MO = os.environ.get('MIBEW_EVENTS_MO', '')
PACKAGE = os.environ.get('GETTEXT_PACKAGE', 'mibew-events')
LOCALE = ('en_US.UTF-8'
          if 'en_US.utf8' in subprocess.run(['locale', '-a'], capture_output=True,
                                            text=True).stdout.split()
          else 'C.UTF-8')


def c_utf8_available():
    result = subprocess.run(['/usr/bin/python3', '-c',
                             'import locale; locale.setlocale(locale.LC_ALL, "")'],
                            env={'LC_ALL': LOCALE, 'PATH': os.environ.get('PATH', '')},
                            capture_output=True)
    return result.returncode == 0


class GermanTestCase(unittest.TestCase):
    maxDiff = None
    language = 'de'

    @classmethod
    def setUpClass(cls):
        if not TOOL or not MO:
            raise unittest.SkipTest('MIBEW_EVENTS_TOOL and MIBEW_EVENTS_MO are not set')
        if not c_utf8_available():
            raise unittest.SkipTest('no %s locale on this system' % LOCALE)
        cls.localedir = tempfile.mkdtemp(prefix='mibew-i18n-')
        messages = os.path.join(cls.localedir, 'de', 'LC_MESSAGES')
        os.makedirs(messages)
        shutil.copyfile(MO, os.path.join(messages, PACKAGE + '.mo'))
        # a tool that binds its domain to LOCALEDIR only is English here
        probe = subprocess.run([TOOL], capture_output=True, timeout=60,
                               env=cls.environment(LANGUAGE='de'))
        if b'BEFEHL' not in probe.stderr:
            shutil.rmtree(cls.localedir, ignore_errors=True)
            raise AssertionError('the tool is not in German with MIBEW_EVENTS_LOCALEDIR=%s '
                                 'LANGUAGE=de LC_ALL=%s: do the tool (main()) and the library '
                                 '(mibew_i18n_init()) pass $MIBEW_EVENTS_LOCALEDIR to '
                                 'bindtextdomain()?\n%s'
                                 % (cls.localedir, LOCALE, probe.stderr.decode('utf-8', 'replace')))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.localedir, ignore_errors=True)

    @classmethod
    def environment(cls, **changes):
        # nothing of the caller's locale: only what the test sets
        env = {k: v for k, v in os.environ.items()
               if not (k.startswith('LC_') or k in ('LANG', 'LANGUAGE'))}
        env.update({'LC_ALL': LOCALE, 'MIBEW_EVENTS_LOCALEDIR': cls.localedir})
        if cls.language is not None:
            env['LANGUAGE'] = cls.language
        for key, value in changes.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def run_tool(self, *args, stdin=b'', **env):
        if isinstance(stdin, str):
            stdin = stdin.encode('utf-8')
        result = subprocess.run([TOOL, *args], input=stdin, capture_output=True,
                                env=self.environment(**env), timeout=60)
        # UTF-8 whatever the messages say
        return result.returncode, result.stdout.decode('utf-8'), result.stderr.decode('utf-8')


class UsageErrorTest(GermanTestCase):
    """Usage errors: exit status 2, the message and the synopsis in German."""

    def test_missing_command(self):
        status, out, err = self.run_tool()
        self.assertEqual(status, 2, err)
        self.assertEqual(out, '')
        self.assertEqual(err,
                         'mibew-events: BEFEHL fehlt\n'
                         'Aufruf: mibew-events [OPTION …] BEFEHL [ARGUMENT …]\n'
                         '„mibew-events --help“ listet die Befehle auf.\n')

    def test_unknown_command(self):
        status, out, err = self.run_tool('frobnicate')
        self.assertEqual(status, 2, err)
        self.assertEqual(err.splitlines()[0], 'mibew-events: unbekannter Befehl „frobnicate“')

    def test_missing_event(self):
        status, out, err = self.run_tool('describe')
        self.assertEqual(status, 2, err)
        self.assertEqual(err,
                         'mibew-events: EREIGNIS fehlt\n'
                         'Aufruf: mibew-events describe [OPTION …] EREIGNIS\n'
                         '„mibew-events describe --help“ liefert weitere Informationen.\n')

    def test_unexpected_argument(self):
        status, out, err = self.run_tool('trigger', 'threadPostMessage', '-', 'extra')
        self.assertEqual(status, 2, err)
        self.assertEqual(err.splitlines()[:2],
                         ['mibew-events: unerwartetes Argument „extra“',
                          'Aufruf: mibew-events trigger [OPTION …] EREIGNIS [DATEI|-]'])

    def test_jsonl_and_pretty(self):
        status, out, err = self.run_tool('trigger', '--jsonl', '--pretty')
        self.assertEqual(status, 2, err)
        self.assertEqual(err.splitlines()[0],
                         'mibew-events: --pretty ist mit --jsonl nicht möglich '
                         '(eine Antwort pro Zeile)')


class BadInputTest(GermanTestCase):
    """Bad input: exit status 1 and the library's message in German."""

    def test_unknown_event(self):
        # the library's MIBEW_EVENTS_ERROR_UNKNOWN_EVENT
        for args in (['describe', 'x'], ['schema', 'x'], ['trigger', 'x']):
            with self.subTest(args=args):
                status, out, err = self.run_tool(*args, stdin='{}')
                self.assertEqual(status, 1, err)
                self.assertEqual(out, '')
                self.assertEqual(err, 'mibew-events: Unbekanntes Ereignis „x“\n')

    def test_malformed_json(self):
        status, out, err = self.run_tool('trigger', 'threadPostMessage', stdin='{"message_kind": 2')
        self.assertEqual(status, 1, err)
        self.assertEqual(out, '')
        # the rest is JSON-GLib's parser message, in its own domain
        self.assertTrue(err.startswith('mibew-events: fehlerhaftes JSON: '), err)

    def test_empty_input(self):
        status, out, err = self.run_tool('trigger', 'threadPostMessage', stdin='')
        self.assertEqual(status, 1, err)
        self.assertEqual(err, 'mibew-events: leere Eingabe: ein JSON-Dokument erwartet\n')

    def test_wrong_type(self):
        # a phrase of the library's (expected) inside another
        status, out, err = self.run_tool('trigger', 'threadPostMessage', stdin='{"thread": 5}')
        self.assertEqual(status, 1, err)
        self.assertEqual(err, 'mibew-events: thread: ein Objekt erwartet, 5 erhalten\n')

    def test_missing_argument(self):
        status, out, err = self.run_tool('trigger', 'threadPostMessage', stdin='{}')
        self.assertEqual(status, 1, err)
        self.assertEqual(err, 'mibew-events: thread: fehlt\n')

    def test_missing_file(self):
        status, out, err = self.run_tool('trigger', '--jsonl', '/nonexistent/mibew-i18n.jsonl')
        self.assertEqual(status, 1, err)
        self.assertTrue(err.startswith('mibew-events: Datei „/nonexistent/mibew-i18n.jsonl“ '
                                       'konnte nicht geöffnet werden: '), err)

    def test_jsonl(self):
        # messages inside the JSON answers too, and a plural form
        status, out, err = self.run_tool(
            'trigger', '--jsonl',
            stdin='{"event": "x", "args": {}}\n{"args": {}}\n[]\n{"event": 1}\n')
        self.assertEqual(status, 1, err)
        answers = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([a['error']['message'] for a in answers],
                         ['Unbekanntes Ereignis „x“',
                          'event: fehlt',
                          'ein Objekt {"event": NAME, "args": {…}} erwartet, ein Array erhalten',
                          'event: eine Zeichenkette erwartet, eine Zahl erhalten'])
        self.assertEqual([a['error']['code'] for a in answers],
                         ['unknown-event', 'invalid-arguments', 'invalid-arguments',
                          'invalid-arguments'])
        self.assertEqual(err, 'mibew-events: 4 von 4 Zeilen fehlgeschlagen\n')

    def test_jsonl_singular(self):
        status, out, err = self.run_tool('trigger', '--jsonl', stdin='{"event": "x", "args": {}}\n')
        self.assertEqual(status, 1, err)
        self.assertEqual(err, 'mibew-events: 1 von 1 Zeile fehlgeschlagen\n')


class HelpTest(GermanTestCase):
    """Text for people: the help and `describe`."""

    def test_main_help(self):
        status, out, err = self.run_tool('--help')
        self.assertEqual(status, 0, err)
        self.assertIn('Die Ereignisse von Mibew Messenger untersuchen und durch den Dispatcher '
                      'schicken.', out)
        self.assertIn('Befehle:', out)
        self.assertIn('Alle Ereignisse mit Kategorie, Signal und Art auflisten', out)
        self.assertIn('„mibew-events BEFEHL --help“ zeigt die Optionen eines Befehls.', out)
        self.assertIn('Version ausgeben und beenden', out)
        # the parameter string, in GLib's usage line ("[OPTION…]" is GLib's
        # own, German only with GLib's catalogue, libglib2.0-data)
        self.assertRegex(out, r'mibew-events \[OPTION ?…\] BEFEHL \[ARGUMENT …\]')

    def test_command_help(self):
        status, out, err = self.run_tool('help', 'trigger')
        self.assertEqual(status, 0, err)
        self.assertRegex(out, r'mibew-events trigger \[OPTION ?…\] EREIGNIS \[DATEI\|-\]')
        self.assertIn('Die geänderten Argumente lesbar formatiert ausgeben', out)
        self.assertIn('Die eingebauten Beispiel-Listener registrieren', out)
        self.assertIn('Widget-Handler „usefulFunc“ (widgetResponseAlter).', out)

    def test_describe(self):
        status, out, err = self.run_tool('describe', 'threadPostMessage')
        self.assertEqual(status, 0, err)
        self.assertIn('Mibew-Konstante:', out)
        self.assertIn('Argumente:', out)
        self.assertIn('Listener dürfen ändern:', out)
        self.assertIn('Ein Listener ändert „message_body“ direkt', out)

    def test_list_headers(self):
        status, out, err = self.run_tool('list')
        self.assertEqual(status, 0, err)
        self.assertEqual(out.splitlines()[0].split(), ['EREIGNIS', 'KATEGORIE', 'SIGNAL', 'ART'])

    def test_json_untouched(self):
        # what is printed as JSON is data, not text for people
        status, out, err = self.run_tool('list', '--json')
        self.assertEqual(status, 0, err)
        english = subprocess.run([TOOL, 'list', '--json'], capture_output=True,
                                 env=self.environment(LANGUAGE=None)).stdout.decode('utf-8')
        self.assertEqual(out, english)


class EnglishTest(GermanTestCase):
    """Where gettext must not translate."""

    language = None

    def test_no_language(self):
        # C.UTF-8 alone: the English messages
        status, out, err = self.run_tool('describe', 'x')
        self.assertEqual(err, 'mibew-events: Unknown event “x”\n')

    def test_c_locale_ignores_language(self):
        # gettext ignores LANGUAGE in the C locale (and g_printerr() turns
        # the quotes into the C locale's ASCII)
        status, out, err = self.run_tool('describe', 'x', LC_ALL='C', LANGUAGE='de')
        self.assertEqual(status, 1)
        self.assertIn('Unknown event', err)

    def test_without_localedir(self):
        # the catalogue is found through MIBEW_EVENTS_LOCALEDIR only (unless
        # the package is installed in the prefix, which would find it too)
        with tempfile.TemporaryDirectory() as empty:
            status, out, err = self.run_tool('describe', 'x', LANGUAGE='de',
                                             MIBEW_EVENTS_LOCALEDIR=empty)
        self.assertEqual(err, 'mibew-events: Unknown event “x”\n')


if __name__ == '__main__':
    unittest.main()
