#!/usr/bin/python3
# po/POTFILES.in is complete: every C file of the source tree whose code
# (not its comments or strings) calls _(), N_(), C_(), NC_() or one of the
# gettext functions is listed, unless po/POTFILES.skip lists it; every listed
# file exists, once. The build directories (any directory holding
# build.ninja or meson-private), hidden directories and subprojects are not
# searched.
#
#   MIBEW_SOURCE_ROOT=/path/to/source check-potfiles.py [-v]
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pofile  # noqa: E402

SOURCE_ROOT = os.environ.get('MIBEW_SOURCE_ROOT', '')
EXTENSIONS = ('.c', '.h')

# what marks a string for translation, or translates one
MARKER = re.compile(r'(?<![\w$])(_|N_|C_|NC_|Q_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?'
                    r'|dgettext|dcgettext|dngettext|dcngettext|ngettext|gettext|pgettext|npgettext)'
                    r'\s*\(')

# comments, string and character literals, in the order a C lexer sees them
LEXEME = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])*')
''', re.VERBOSE | re.DOTALL)


def code_only(text):
    """@text without its comments and with every string and character
    literal emptied, so that only code can match MARKER."""
    def blank(m):
        if m.group('comment'):
            # keep the newlines: the line numbers stay right
            return '\n' * m.group('comment').count('\n') or ' '
        if m.group('string'):
            return '""'
        return "' '"
    return LEXEME.sub(blank, text)


def marker_lines(path):
    """The line numbers of @path where code marks or translates a string."""
    with open(path, encoding='utf-8', errors='replace') as f:
        code = code_only(f.read())
    return sorted({code.count('\n', 0, m.start()) + 1 for m in MARKER.finditer(code)})


def is_build_dir(path):
    # CACHEDIR.TAG: a cache (the trixie lane's chroot, tests/lanes/trixie)
    return (os.path.exists(os.path.join(path, 'build.ninja')) or
            os.path.isdir(os.path.join(path, 'meson-private')) or
            os.path.exists(os.path.join(path, 'CACHEDIR.TAG')))


def source_files(root):
    """The C files of the source tree, relative to @root, with '/'."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith('.') and d != 'subprojects' and
                             not is_build_dir(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            if name.endswith(EXTENSIONS):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                found.append(rel.replace(os.sep, '/'))
    return found


def read_optional_list(path):
    return pofile.read_list(path) if os.path.exists(path) else []


class PotfilesTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not SOURCE_ROOT:
            raise unittest.SkipTest('no source root (MIBEW_SOURCE_ROOT)')
        cls.root = os.path.abspath(SOURCE_ROOT)
        cls.potfiles_path = os.path.join(cls.root, 'po', 'POTFILES.in')
        cls.listed = pofile.read_list(cls.potfiles_path)
        cls.skipped = read_optional_list(os.path.join(cls.root, 'po', 'POTFILES.skip'))
        cls.users = {}
        for rel in source_files(cls.root):
            lines = marker_lines(os.path.join(cls.root, rel))
            if lines:
                cls.users[rel] = lines

    def test_sources_found(self):
        # the search itself works: the library marks its messages
        self.assertIn('mibew-events/mibew-event-table.c', self.users,
                      'the search found no _() in mibew-events/mibew-event-table.c')

    def test_every_user_listed(self):
        missing = ['%s (line %s)' % (rel, ', '.join(map(str, lines[:5])))
                   for rel, lines in sorted(self.users.items())
                   if rel not in self.listed and rel not in self.skipped]
        self.assertEqual(missing, [],
                         'these files mark strings for translation but po/POTFILES.in does not '
                         'list them: add them (or, if their strings must not be translated, '
                         'list them in po/POTFILES.skip), then run '
                         '`meson compile -C _build mibew-events-update-po`')

    def test_listed_files_exist(self):
        gone = [rel for rel in self.listed
                if not os.path.isfile(os.path.join(self.root, rel))]
        self.assertEqual(gone, [], 'po/POTFILES.in lists files that do not exist')

    def test_listed_paths_are_relative(self):
        bad = [rel for rel in self.listed
               if os.path.isabs(rel) or '..' in rel.split('/') or '\\' in rel]
        self.assertEqual(bad, [], 'po/POTFILES.in paths must be relative to the source root, with /')

    def test_listed_once(self):
        twice = sorted({rel for rel in self.listed if self.listed.count(rel) > 1})
        self.assertEqual(twice, [], 'po/POTFILES.in lists files more than once')

    def test_not_listed_and_skipped(self):
        both = sorted(set(self.listed) & set(self.skipped))
        self.assertEqual(both, [], 'files both in po/POTFILES.in and po/POTFILES.skip')

    def test_listed_files_have_strings(self):
        # not an error (xgettext finds nothing there), only worth a note
        idle = [rel for rel in self.listed
                if os.path.isfile(os.path.join(self.root, rel)) and rel not in self.users]
        if idle:
            print('note: po/POTFILES.in lists files without translatable strings: %s'
                  % ', '.join(idle), file=sys.stderr)


class CodeOnlyTest(unittest.TestCase):
    """The lexing the search relies on."""

    def test_comments_and_strings_ignored(self):
        text = ('/* _("no") */ int a; // N_("no")\n'
                'const char *s = "_(\\"no\\")"; char c = \'_\';\n'
                'x = _("yes");\n'
                'y = g_dngettext (GETTEXT_PACKAGE, "a", "b", n);\n'
                'z = my_("no") + foo_ ("no") + g_strdup_printf ("no");\n')
        code = code_only(text)
        lines = sorted({code.count('\n', 0, m.start()) + 1 for m in MARKER.finditer(code)})
        self.assertEqual(lines, [3, 4])

    def test_multiline_comment_keeps_lines(self):
        code = code_only('/*\n\n*/\n_("x")')
        self.assertEqual(code.count('\n'), 3)


if __name__ == '__main__':
    unittest.main()
