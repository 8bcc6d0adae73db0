# A small reader of gettext PO/POT files, enough for the tests of
# tests/i18n (no polib on the machines that run them).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import ast
import re


class Entry:
    """One message: msgctxt/msgid/msgid_plural, msgstr (a list: one item,
    or one per plural form), the flags of its `#,` line, its `#:`
    references and whether it is obsolete (`#~`)."""

    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = []
        self.flags = set()
        self.references = []
        self.comments = []
        self.obsolete = False

    @property
    def key(self):
        """What identifies the message in a catalogue."""
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def is_header(self):
        return self.msgctxt is None and self.msgid == ''

    @property
    def translated(self):
        return bool(self.msgstr) and all(s != '' for s in self.msgstr)

    @property
    def fuzzy(self):
        return 'fuzzy' in self.flags

    def header(self):
        """The header entry's fields, as a dict."""
        fields = {}
        for line in (self.msgstr[0] if self.msgstr else '').split('\n'):
            name, sep, value = line.partition(':')
            if sep:
                fields[name.strip()] = value.strip()
        return fields

    def describe(self):
        text = self.msgid
        if self.msgctxt is not None:
            text = '%s|%s' % (self.msgctxt, text)
        where = ' (%s)' % ' '.join(self.references) if self.references else ''
        return '%r%s' % (text, where)


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')
_STRING = re.compile(r'^(".*")\s*$')


def _unquote(literal, path, number):
    # PO strings use C escapes, the same as Python's for what xgettext
    # and msgmerge write (\n, \t, \", \\)
    try:
        return ast.literal_eval(literal)
    except (SyntaxError, ValueError) as e:
        raise ValueError('%s:%d: bad string %s (%s)' % (path, number, literal, e))


def parse(path):
    """The entries of the PO file at @path, in order (the header first)."""
    entries = []
    entry = Entry()
    field = None   # the field continuation lines add to
    started = False

    def finish():
        nonlocal entry, field, started
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()
        field = None
        started = False

    with open(path, encoding='utf-8') as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            obsolete = False
            if line.startswith('#~'):
                obsolete = True
                line = line[2:].lstrip()
            elif line.startswith('#'):
                if started:
                    finish()
                if line.startswith('#,'):
                    entry.flags.update(flag.strip() for flag in line[2:].split(',') if flag.strip())
                elif line.startswith('#:'):
                    entry.references.extend(line[2:].split())
                else:
                    entry.comments.append(line)
                continue
            if not line.strip():
                finish()
                continue

            m = _KEYWORD.match(line)
            if m:
                keyword, index, literal = m.groups()
                value = _unquote(literal, path, number)
                if keyword in ('msgctxt', 'msgid') and started and entry.msgstr:
                    finish()
                started = True
                entry.obsolete = entry.obsolete or obsolete
                if keyword == 'msgctxt':
                    entry.msgctxt = value
                    field = ('msgctxt', None)
                elif keyword == 'msgid':
                    entry.msgid = value
                    field = ('msgid', None)
                elif keyword == 'msgid_plural':
                    entry.msgid_plural = value
                    field = ('msgid_plural', None)
                else:
                    i = int(index) if index is not None else 0
                    while len(entry.msgstr) <= i:
                        entry.msgstr.append('')
                    entry.msgstr[i] = value
                    field = ('msgstr', i)
                continue

            m = _STRING.match(line)
            if m and field is not None:
                value = _unquote(m.group(1), path, number)
                name, i = field
                if name == 'msgstr':
                    entry.msgstr[i] += value
                else:
                    setattr(entry, name, getattr(entry, name) + value)
                continue

            raise ValueError('%s:%d: cannot read %r' % (path, number, raw))
    finish()
    return entries


def messages(path):
    """The entries of @path that are messages: no header, nothing obsolete."""
    return [e for e in parse(path) if not e.is_header and not e.obsolete]


def header(path):
    for e in parse(path):
        if e.is_header:
            return e.header()
    return {}


def read_list(path, words=False):
    """The items of POTFILES.in (one a line) or, with @words, of LINGUAS
    (several a line allowed); lines starting with # are comments."""
    items = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            items.extend(line.split() if words else [line])
    return items
