#!/usr/bin/python3
"""Copies plugin directories of the source tree into the build tree, as
the libpeas the engine was built on reads them.

    copy-plugin-dirs.py LOADER SRC DST STAMP [SUBDIR...]

Copies SRC/SUBDIR to DST/SUBDIR for each SUBDIR (made anew; without any,
every directory in SRC), and in every
.plugin file turns `Loader=python3` (libpeas 1.x's Python 3 loader, what
the .plugin files in this tree say) into `Loader=LOADER` (libpeas-2 calls
it `python`). Writes STAMP last, for meson.
"""
import os
import re
import shutil
import sys

loader, src, dst, stamp, subdirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
if not subdirs:
    subdirs = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
python3_loader = re.compile(r'^Loader=python3[ \t]*$', re.MULTILINE)
for subdir in subdirs:
    target = os.path.join(dst, subdir)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(src, subdir), target,
                    ignore=shutil.ignore_patterns('__pycache__', '*.pyc'))
    for directory, _, names in os.walk(target):
        for name in names:
            if name.endswith('.plugin'):
                path = os.path.join(directory, name)
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(python3_loader.sub('Loader=' + loader, text))
with open(stamp, 'w') as f:
    f.write(loader + '\n')
