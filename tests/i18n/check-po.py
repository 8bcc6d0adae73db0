#!/usr/bin/python3
# Every translation of po/LINGUAS is complete and valid: `msgfmt --check
# --statistics` compiles it and counts 0 fuzzy and 0 untranslated messages;
# its header names the language and (for the languages known here) the
# right plural forms; every printf directive, option, JSON key and keyword
# (false, null, true) of a message is in its translation; German uses „…“
# where the English uses “…”.
#
#   MIBEW_PO_DIR=po MSGFMT=msgfmt check-po.py [-v]
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import collections
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pofile  # noqa: E402

PO_DIR = os.environ.get('MIBEW_PO_DIR', '')
MSGFMT = os.environ.get('MSGFMT', 'msgfmt')

PLURAL_FORMS = {
    'de': 'nplurals=2; plural=(n != 1);',
}

# printf directives (with the size modifiers of <stdio.h>, %% included)
DIRECTIVE = re.compile(r'%(?:\d+\$)?[-+ #0\']*(?:\d+|\*)?(?:\.(?:\d+|\*))?'
                       r'(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspn%]')
# what a translation keeps as it is
TOKENS = [
    re.compile(r'(?<![\w-])--[a-z][a-z-]*'),          # options
    re.compile(r'"[A-Za-z_][A-Za-z0-9_]*"'),          # JSON keys
    re.compile(r'\b(?:false|null|true)\b'),           # JSON keywords
    re.compile(r'\b[a-z]+(?:[A-Z][a-z0-9]*)+\b'),     # event names (threadPostMessage)
    re.compile(r'::'),                                # signal details
]
STATISTICS = re.compile(r'(\d+) (translated message|fuzzy translation|untranslated message)')


def directives(text):
    return DIRECTIVE.findall(text)


def statistics(output):
    counts = {'translated message': 0, 'fuzzy translation': 0, 'untranslated message': 0}
    for number, what in STATISTICS.findall(output):
        counts[what] = int(number)
    return counts['translated message'], counts['fuzzy translation'], counts['untranslated message']


def pairs(entry):
    """(source, translation) for each form of @entry's translation."""
    if entry.msgid_plural is None:
        return [(entry.msgid, entry.msgstr[0] if entry.msgstr else '')]
    return [(entry.msgid if i == 0 else entry.msgid_plural, s) for i, s in enumerate(entry.msgstr)]


class CatalogueTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not PO_DIR:
            raise unittest.SkipTest('no po directory (MIBEW_PO_DIR)')
        cls.linguas = pofile.read_list(os.path.join(PO_DIR, 'LINGUAS'), words=True)

    def po(self, lang):
        return os.path.join(PO_DIR, lang + '.po')

    def test_linguas(self):
        self.assertTrue(self.linguas, 'po/LINGUAS lists no language')
        self.assertEqual(len(self.linguas), len(set(self.linguas)), 'po/LINGUAS lists a language twice')
        missing = [lang for lang in self.linguas if not os.path.exists(self.po(lang))]
        self.assertEqual(missing, [], 'po/LINGUAS lists languages without a .po file')
        unlisted = sorted(name[:-3] for name in os.listdir(PO_DIR)
                          if name.endswith('.po') and name[:-3] not in self.linguas)
        self.assertEqual(unlisted, [], 'po/ has translations that po/LINGUAS does not list '
                         '(they would be neither built nor installed)')

    def test_msgfmt(self):
        for lang in self.linguas:
            with self.subTest(lang=lang), tempfile.TemporaryDirectory() as tmp:
                result = subprocess.run([MSGFMT, '--check', '--statistics',
                                         '-o', os.path.join(tmp, lang + '.mo'), self.po(lang)],
                                        capture_output=True, text=True)
                output = result.stdout + result.stderr
                print('%s.po: %s' % (lang, output.strip()), file=sys.stderr)
                self.assertEqual(result.returncode, 0, 'msgfmt --check fails on %s.po:\n%s'
                                 % (lang, output))
                translated, fuzzy, untranslated = statistics(output)
                self.assertGreater(translated, 0, output)
                self.assertEqual((fuzzy, untranslated), (0, 0),
                                 '%s.po: %s; translate them (and remove the fuzzy flags)'
                                 % (lang, output.strip()))
                self.assertTrue(os.path.getsize(os.path.join(tmp, lang + '.mo')) > 0)

    def test_no_fuzzy_or_empty_entries(self):
        # msgfmt counts them too; this names them
        for lang in self.linguas:
            with self.subTest(lang=lang):
                bad = [e.describe() for e in pofile.messages(self.po(lang))
                       if e.fuzzy or not e.translated]
                self.assertEqual(bad, [], '%s.po: fuzzy or untranslated' % lang)

    def test_header(self):
        for lang in self.linguas:
            with self.subTest(lang=lang):
                fields = pofile.header(self.po(lang))
                self.assertEqual(fields.get('Language'), lang)
                self.assertIn('charset=UTF-8', fields.get('Content-Type', ''))
                self.assertEqual(fields.get('Project-Id-Version', '').split()[0], 'mibew-events')
                if lang in PLURAL_FORMS:
                    self.assertEqual(fields.get('Plural-Forms'), PLURAL_FORMS[lang])
                else:
                    self.assertIn('nplurals=', fields.get('Plural-Forms', ''))

    def test_directives(self):
        # msgfmt --check compares them only in messages flagged c-format
        for lang in self.linguas:
            with self.subTest(lang=lang):
                bad = []
                for entry in pofile.messages(self.po(lang)):
                    for source, translation in pairs(entry):
                        if directives(source) != directives(translation):
                            bad.append('%s: %r -> %r' % (entry.describe(), directives(source),
                                                         directives(translation)))
                self.assertEqual(bad, [], '%s.po: printf directives differ (order and type '
                                 'must be the same)' % lang)

    def test_technical_tokens_kept(self):
        for lang in self.linguas:
            with self.subTest(lang=lang):
                bad = []
                for entry in pofile.messages(self.po(lang)):
                    for source, translation in pairs(entry):
                        for token in TOKENS:
                            # the translation may have more ("nullable": "darf null sein")
                            lost = collections.Counter(token.findall(source))
                            lost.subtract(collections.Counter(token.findall(translation)))
                            lost = sorted(t for t, n in lost.items() if n > 0)
                            if lost:
                                bad.append('%s: %r lost' % (entry.describe(), lost))
                self.assertEqual(bad, [], '%s.po: options, JSON keys, keywords or event names '
                                 'translated or lost' % lang)

    def test_german_quotes(self):
        if 'de' not in self.linguas:
            self.skipTest('no German translation')
        bad = []
        for entry in pofile.messages(self.po('de')):
            for source, translation in pairs(entry):
                opened = source.count('“')
                if (translation.count('„') != opened or translation.count('“') != opened or
                        '”' in translation):
                    bad.append('%s -> %r' % (entry.describe(), translation))
        self.assertEqual(bad, [], 'de.po: where the English has “…”, German has „…“')


if __name__ == '__main__':
    unittest.main()
