#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compiles every C code block of the documentation.

    check-c-snippets.py --build-root BUILD --flags-from TARGET
                        --pkg-config PKG_CONFIG [--gir GIR]...
                        [--with-package PACKAGE HEADER FILE]...
                        [--output-dir DIR] FILE...

FILE is a C source or header (the code blocks of its /** ... */ doc
comments are checked, once the leading " * " of each line is removed), a
Markdown page (all its code blocks are), or a directory: its *.c and *.h.

The FILEs are compiled against the core, mibew-events-1.0 and
<mibew-events/mibew-events.h>. --with-package names a FILE (a page or a
directory, as above) whose blocks need another library of the project
instead, such as the bridge's pages and sources:

    --with-package mibew-bridge-1.0 '<mibew-bridge/mibew-bridge.h>' docs/bridge.md

Its blocks are compiled with `pkg-config --cflags PACKAGE`, programs linked
with `pkg-config --libs PACKAGE`, fragments include HEADER first; what
follows holds for them the same way.

Code blocks
  - Markdown fences, ```c ... ``` (or ~~~), as gi-docgen renders them;
  - gtk-doc blocks in doc comments, |[<!-- language="C" --> ... ]|.
  Every block names its language: an unlabelled one (``` or |[) is an
  error, so that no C code goes unchecked by accident. "c" (any case) is C;
  blocks in other languages (json, python, js, vala, sh...) are skipped.
  (gi-docgen knows only C, CSS, XML and JavaScript in gtk-doc blocks: use
  fences for anything else.)

How a C block is compiled
  - A program, a block that defines main(), is compiled as it is and
    linked against the library: it includes what it uses.
  - Any other block is a fragment. Its file-scope part (preprocessor
    lines, function definitions, declarations that start with static,
    extern, typedef, struct, union or enum, GObject's G_DECLARE_* and
    G_DEFINE_* type macros, and what starts with G_MODULE_EXPORT) stays at
    file scope, in order; everything else (statements, local declarations)
    becomes, in order, the body of

        void mibew_doc_snippet (MibewEventDispatcher *dispatcher,
                                MibewUrlGenerator    *generator);

    So a fragment may use `dispatcher` and `generator` without declaring
    them, and must not declare these two names itself; whatever else it
    uses, it declares. <mibew-events/mibew-events.h> (or the HEADER of
    --with-package) is included first.
    A fragment is compiled (-c) but not linked, so it may use functions it
    only declares (listeners defined elsewhere), and warnings about unused
    variables and functions are off (-Wno-unused-variable,
    -Wno-unused-but-set-variable, -Wno-unused-function): a fragment shows
    one piece of a program.
  - Flags: the compiler and the flags the build uses for TARGET, read from
    BUILD/meson-info/intro-targets.json (the project's warnings, -std,
    defines), with its -I flags replaced by `pkg-config --cflags
    mibew-events-1.0` (or PACKAGE), which must come from the uninstalled
    pkg-config file of BUILD (PKG_CONFIG_PATH=BUILD/meson-uninstalled);
    -Werror is always added. Programs link with `pkg-config --libs
    mibew-events-1.0` (or PACKAGE).
  - #line directives make diagnostics point at the block's lines in FILE.
    The generated sources are kept in DIR (default: a temporary directory).

With --gir (once per GIR), each C block of the GIR's <doc> elements (what
gi-docgen publishes) must also be one found in the FILEs: a check on the
extraction.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PACKAGE = 'mibew-events-1.0'
HEADER = '<mibew-events/mibew-events.h>'
CONTEXT = [
    ('MibewEventDispatcher *', 'dispatcher'),
    ('MibewUrlGenerator *', 'generator'),
]
FRAGMENT_FLAGS = ['-Wno-unused-variable', '-Wno-unused-but-set-variable', '-Wno-unused-function']
FILE_SCOPE_WORDS = {'static', 'extern', 'typedef', 'struct', 'union', 'enum'}
# GObject's type macros, which declare or define at file scope, and GModule's export mark
FILE_SCOPE_MACRO = re.compile(r'G_(?:DECLARE|DEFINE)_[A-Z0-9_]+$|G_MODULE_EXPORT$')
STATEMENT_WORDS = {'if', 'for', 'while', 'switch', 'do', 'else', 'return', 'case', 'default', 'goto'}

DOC_COMMENT = re.compile(r'/\*\*(?![*/])(.*?)\*/', re.S)
COMMENT_PREFIX = re.compile(r'^[ \t]*\*(?: |$)?')
FENCE_OPEN = re.compile(r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?(?P<lang>[^\s`{}]*)\}?[ \t]*$')
GTKDOC_OPEN = re.compile(r'^[ \t]*\|\[[ \t]*(?:<!--[ \t]*language="(?P<lang>[^"]*)"[ \t]*-->)?[ \t]*$')
GTKDOC_CLOSE = re.compile(r'^[ \t]*\]\|[ \t]*$')


class Block:
    def __init__(self, path, line, lines, lang):
        self.path = path
        self.line = line            # the opening ``` or |[
        self.lines = lines          # [(line number in path, text)]
        self.lang = lang
        self.package = PACKAGE      # what it is compiled against
        self.header = HEADER

    @property
    def where(self):
        return '%s:%d' % (self.path, self.line)

    def key(self):
        return tuple(t.strip() for _, t in self.lines if t.strip())


class Error(Exception):
    pass


# -- extraction ---------------------------------------------------------------

def doc_comment_lines(path, text):
    """Each /** ... */ comment as [(line number, text without ' * ')]."""
    for m in DOC_COMMENT.finditer(text):
        first = text.count('\n', 0, m.start(1)) + 1
        lines = m.group(1).split('\n')
        yield [(first + i, COMMENT_PREFIX.sub('', line, count=1) if i else line.strip())
               for i, line in enumerate(lines)]


def blocks_in(path, lines):
    """The code blocks of [(line number, text)]."""
    found = []
    i = 0
    while i < len(lines):
        lineno, text = lines[i]
        m = FENCE_OPEN.match(text)
        g = GTKDOC_OPEN.match(text)
        if m:
            fence, indent = m.group('fence'), len(m.group('indent'))
            close = re.compile(r'^[ \t]*' + re.escape(fence[0]) + '{%d,}[ \t]*$' % len(fence))
            lang = m.group('lang')
        elif g:
            close, indent = GTKDOC_CLOSE, 0
            lang = g.group('lang') or ''
        else:
            i += 1
            continue
        body = []
        i += 1
        while i < len(lines) and not close.match(lines[i][1]):
            n, t = lines[i]
            body.append((n, t[indent:] if t[:indent].strip() == '' else t.lstrip()))
            i += 1
        if i == len(lines):
            raise Error('%s:%d: code block never closed' % (path, lineno))
        i += 1
        if not lang:
            raise Error('%s:%d: code block without a language: write ```c, ```json, ```python... '
                        '(or |[<!-- language="C" -->) so that it is known whether to compile it'
                        % (path, lineno))
        found.append(Block(path, lineno, body, lang.lower()))
    return found


def extract(path, display):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        found = []
        for comment in doc_comment_lines(display, text):
            found += blocks_in(display, comment)
        return found
    return blocks_in(display, [(i + 1, line) for i, line in enumerate(text.split('\n'))])


def gir_blocks(gir):
    """The code blocks of every doc element of the GIR."""
    found = []
    for element in ET.parse(gir).iter():
        tag = element.tag.rsplit('}', 1)[-1]
        if not tag.startswith('doc') or not element.text or tag == 'docsection':
            continue
        # the GIR's doc line is where the comment starts: close enough
        where = '%s (in %s)' % (element.get('filename', '?'), os.path.basename(gir))
        first = int(element.get('line', '0')) + 1
        found += blocks_in(where, [(first + i, line) for i, line in enumerate(element.text.split('\n'))])
    return found


# -- C ------------------------------------------------------------------------

def skip_space_and_comments(text, i):
    while i < len(text):
        if text[i].isspace():
            i += 1
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = len(text) if j < 0 else j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = len(text) if j < 0 else j + 2
        else:
            break
    return i


def split_items(text):
    """Splits C text into top-level items: [(start offset, end offset, is_preprocessor)].
    An item ends at a ';' outside any bracket, or at the '}' that closes a
    top-level brace block (a function body, an if, a for) unless more of
    the same item follows: else, do's while, a struct's declarators or a
    initializer's ';'."""
    items = []
    i = 0
    n = len(text)
    start = None
    depth = 0
    while True:
        if start is None:
            i = skip_space_and_comments(text, i)
            if i >= n:
                break
            start = i
            if text[i] == '#':
                while True:
                    j = text.find('\n', i)
                    if j < 0:
                        i = n
                        break
                    if text[j - 1] == '\\':
                        i = j + 1
                        continue
                    i = j
                    break
                items.append((start, i, True))
                start = None
                continue
        if i >= n:
            items.append((start, n, False))
            break
        c = text[i]
        if text.startswith('//', i) or text.startswith('/*', i):
            i = skip_space_and_comments(text, i)
            continue
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        i += 1
        if c in '([{':
            depth += 1
        elif c in ')]':
            depth -= 1
        elif c == ';' and depth == 0:
            items.append((start, i, False))
            start = None
        elif c == '}':
            depth -= 1
            if depth == 0:
                j = skip_space_and_comments(text, i)
                rest = text[j:]
                first = re.match(r'\w*', text[start:i]).group(0)
                if function_name(text[start:i]) is None and (
                        re.match(r'else\b', rest) or rest.startswith((';', ',', '='))
                        or (first == 'do' and re.match(r'while\b', rest))
                        or (first in ('struct', 'union', 'enum', 'typedef', 'static', 'extern')
                            and re.match(r'[\w*(]', rest))):
                    continue
                items.append((start, i, False))
                start = None
    return items


def function_name(item):
    """The name of the function an item defines, or None."""
    if not item.rstrip().endswith('}') or '{' not in item:
        return None
    head = item[:item.index('{')].strip()
    words = head.split()
    if not words or words[0] in STATEMENT_WORDS or not head.endswith(')'):
        return None
    m = re.search(r'(\w+)\s*\(', head)
    if not m or m.group(1) in STATEMENT_WORDS:
        return None
    return m.group(1)


def line_directive(block, lines_before, column):
    return '#line %d "%s"\n%s' % (block.lines[lines_before][0], block.path, ' ' * column)


def wrap(block):
    """(C source, is_program)."""
    text = '\n'.join(t for _, t in block.lines) + '\n'
    items = split_items(text)
    pieces = []
    for start, end, pp in items:
        item = text[start:end]
        before = text.count('\n', 0, start)
        column = start - (text.rfind('\n', 0, start) + 1)
        first_word = re.match(r'\w*', item).group(0)
        name = None if pp else function_name(item)
        file_scope = (pp or first_word in FILE_SCOPE_WORDS or name is not None
                      or FILE_SCOPE_MACRO.match(first_word) is not None)
        pieces.append((file_scope, name, line_directive(block, before, column) + item + '\n'))
    if any(name == 'main' for _, name, _ in pieces):
        return '#line %d "%s"\n%s' % (block.lines[0][0], block.path, text), True
    params = ', '.join('%s%s' % (t, n) for t, n in CONTEXT)
    out = ['/* %s: a fragment (see docs/check-c-snippets.py) */\n' % block.where,
           '#include %s\n' % block.header]
    out += [p for file_scope, _, p in pieces if file_scope]
    out += ['#line 1 "<wrapper>"\n',
            'void mibew_doc_snippet (%s);\n' % params,
            'void\nmibew_doc_snippet (%s)\n{\n' % params]
    out += [p for file_scope, _, p in pieces if not file_scope]
    out += ['#line 1 "<wrapper>"\n', '}\n']
    return ''.join(out), False


def compiler_command(build_root, target, pkg_config, packages):
    """(compiler, {package: (cflags, libs)}) for each of @packages."""
    path = os.path.join(build_root, 'meson-info', 'intro-targets.json')
    with open(path, encoding='utf-8') as f:
        targets = json.load(f)
    for t in targets:
        if t['name'] == target:
            sources = [s for s in t['target_sources'] if s.get('language') == 'c']
            if sources:
                break
    else:
        raise Error('%s: no C target named %s' % (path, target))
    compiler, params = sources[0]['compiler'], sources[0]['parameters']
    flags = []
    skip = False
    for p in params:
        if skip:
            skip = False
        elif p in ('-I', '-isystem', '-iquote'):
            skip = True
        elif p.startswith(('-I', '-isystem', '-iquote', '-fdiagnostics-color')):
            pass
        else:
            flags.append(p)
    if '-Werror' not in flags:
        flags.append('-Werror')

    def pkg(what, package):
        r = subprocess.run([pkg_config, what, package], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True)
        if r.returncode:
            raise Error('%s %s %s failed: %s' % (pkg_config, what, package, r.stderr.strip()))
        return shlex.split(r.stdout)

    by_package = {}
    # every library of the project includes the core's headers of this tree
    ours = '-I' + os.path.join(os.path.abspath(build_root), 'mibew-events')
    for package in packages:
        cflags, libs = pkg('--cflags', package), pkg('--libs', package)
        if ours not in cflags:
            raise Error('pkg-config --cflags %s gives %s, not this build tree (%s): set '
                        'PKG_CONFIG_PATH to %s' % (package, ' '.join(cflags), ours,
                                                   os.path.join(build_root, 'meson-uninstalled')))
        by_package[package] = (flags + cflags, libs)
    return compiler, by_package


def compile_block(index, block, command, outdir):
    compiler, by_package = command
    cflags, libs = by_package[block.package]
    source, program = wrap(block)
    base = os.path.join(outdir, 'snippet-%03d' % index)
    with open(base + '.c', 'w', encoding='utf-8') as f:
        f.write(source)
    if program:
        argv = compiler + cflags + [base + '.c', '-o', base] + libs
    else:
        argv = compiler + cflags + FRAGMENT_FLAGS + ['-c', base + '.c', '-o', base + '.o']
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    return block, program, base + '.c', source, argv, r


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument('--build-root', required=True)
    parser.add_argument('--flags-from', required=True, metavar='TARGET')
    parser.add_argument('--pkg-config', required=True)
    parser.add_argument('--source-root', default=None,
                        help='FILEs are named relative to this in messages')
    parser.add_argument('--gir', action='append', default=[])
    parser.add_argument('--with-package', nargs=3, action='append', default=[],
                        metavar=('PACKAGE', 'HEADER', 'FILE'))
    parser.add_argument('--output-dir')
    parser.add_argument('files', nargs='*')
    args = parser.parse_args()

    try:
        blocks = []
        counts = {}
        groups = [(PACKAGE, HEADER, path) for path in args.files] + \
            [tuple(g) for g in args.with_package]
        n_files = 0
        for package, header, top in groups:
            if os.path.isdir(top):
                files = sorted(os.path.join(top, f) for f in os.listdir(top)
                               if f.endswith(('.c', '.h')))
            elif os.path.isfile(top):
                files = [top]
            else:
                raise Error('%s: no such file or directory' % top)
            for path in files:
                display = os.path.relpath(path, args.source_root) if args.source_root else path
                found = [b for b in extract(path, display) if b.lang == 'c']
                for b in found:
                    b.package, b.header = package, header
                counts[display] = len(found)
                blocks += found
                n_files += 1
        if not blocks:
            raise Error('no C code block in %d files: is the extraction broken?' % n_files)
        keys = {b.key() for b in blocks}
        for gir in args.gir:
            missed = [b for b in gir_blocks(gir) if b.lang == 'c' and b.key() not in keys]
            for b in missed:
                print('%s: a C block of the GIR is in none of the files checked:\n  %s'
                      % (b.where, '\n  '.join(t for _, t in b.lines)), file=sys.stderr)
            if missed:
                raise Error('%d C blocks of %s were not extracted from the sources'
                            % (len(missed), gir))
        command = compiler_command(args.build_root, args.flags_from, args.pkg_config,
                                   sorted({b.package for b in blocks}))
    except Error as e:
        print('check-c-snippets: %s' % e, file=sys.stderr)
        return 1

    for display, n in counts.items():
        if n:
            print('%s: %d C block%s' % (display, n, '' if n == 1 else 's'))

    with tempfile.TemporaryDirectory() as tmp:
        outdir = args.output_dir or tmp
        os.makedirs(outdir, exist_ok=True)
        failed = 0
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            jobs = [pool.submit(compile_block, i, b, command, outdir) for i, b in enumerate(blocks)]
            for job in jobs:
                block, program, path, source, argv, r = job.result()
                what = 'program' if program else 'fragment'
                if block.package != PACKAGE:
                    what += ', ' + block.package
                if r.returncode == 0:
                    print('ok   %s (%s, %s)' % (block.where, what, os.path.basename(path)))
                    continue
                failed += 1
                print('FAIL %s (%s): it does not compile' % (block.where, what))
                print('$ ' + ' '.join(shlex.quote(a) for a in argv))
                print(r.stdout.rstrip())
                print('--- %s, as compiled:' % os.path.basename(path))
                for n, line in enumerate(source.split('\n'), 1):
                    print('%4d  %s' % (n, line))
                print('---')
        print('%d C blocks: %d compile, %d do not' % (len(blocks), len(blocks) - failed, failed))
        return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
