#!/usr/bin/python3
# The translations follow the sources: the strings xgettext extracts now
# (from the files of po/POTFILES.in, with the arguments of
# po/xgettext-args, as `meson compile mibew-events-pot` does) are exactly
# the messages of every po/LANG.po, and xgettext has nothing to warn about
# (a format string built with a macro such as G_GSIZE_FORMAT: what the
# program looks up at run time is then not what was extracted).
#
# When it fails: `meson compile -C _build mibew-events-update-po`, then
# translate the new and fuzzy messages of each po/LANG.po.
#
#   MIBEW_SOURCE_ROOT=. XGETTEXT=xgettext check-po-sync.py [-v]
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pofile  # noqa: E402

SOURCE_ROOT = os.environ.get('MIBEW_SOURCE_ROOT', '')
XGETTEXT = os.environ.get('XGETTEXT', 'xgettext')
PACKAGE = os.environ.get('GETTEXT_PACKAGE', 'mibew-events')
UPDATE = 'run `meson compile -C _build %s-update-po`, then translate the new and fuzzy messages' % PACKAGE


def xgettext_args(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith('#')]


class SyncTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not SOURCE_ROOT:
            raise unittest.SkipTest('no source root (MIBEW_SOURCE_ROOT)')
        cls.po_dir = os.path.join(SOURCE_ROOT, 'po')
        with tempfile.TemporaryDirectory() as tmp:
            pot = os.path.join(tmp, PACKAGE + '.pot')
            # the command line of meson's gettext helper (`pot`)
            result = subprocess.run(
                [XGETTEXT, '--package-name=' + PACKAGE, '-p', tmp,
                 '-f', os.path.join(cls.po_dir, 'POTFILES.in'), '-D', SOURCE_ROOT, '-k_',
                 '-o', pot] + xgettext_args(os.path.join(cls.po_dir, 'xgettext-args')),
                capture_output=True, text=True)
            cls.xgettext_status = result.returncode
            cls.xgettext_output = result.stdout + result.stderr
            cls.extracted = ({e.key: e for e in pofile.messages(pot)}
                             if os.path.exists(pot) else {})
        cls.linguas = pofile.read_list(os.path.join(cls.po_dir, 'LINGUAS'), words=True)

    def test_xgettext_clean(self):
        self.assertEqual(self.xgettext_status, 0, self.xgettext_output)
        warnings = [line for line in self.xgettext_output.splitlines() if line.strip()]
        self.assertEqual(warnings, [], 'xgettext warns about the sources (a translatable string '
                         'must be one literal: no G_GSIZE_FORMAT-style macros; use %zu, or %lu '
                         'with a (gulong) cast)')
        self.assertTrue(self.extracted, 'xgettext extracted nothing')

    def test_translations_follow_sources(self):
        for lang in self.linguas:
            with self.subTest(lang=lang):
                po = {e.key: e for e in pofile.messages(os.path.join(self.po_dir, lang + '.po'))}
                new = [self.extracted[k].describe() for k in self.extracted if k not in po]
                gone = [po[k].describe() for k in po if k not in self.extracted]
                self.assertEqual((new, gone), ([], []),
                                 '%s.po does not follow the sources (new messages, messages no '
                                 'longer in the sources): %s' % (lang, UPDATE))

    def test_c_format_flags(self):
        # a message that became a format string must be checked as one
        for lang in self.linguas:
            with self.subTest(lang=lang):
                po = {e.key: e for e in pofile.messages(os.path.join(self.po_dir, lang + '.po'))}
                bad = [e.describe() for k, e in self.extracted.items()
                       if k in po and ('c-format' in e.flags) != ('c-format' in po[k].flags)]
                self.assertEqual(bad, [], '%s.po: c-format flags differ from the sources: %s'
                                 % (lang, UPDATE))


if __name__ == '__main__':
    unittest.main()
