# jsondiff.py: comparing JSON values strictly, for the Python tests
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Shared by tests/integration, tests/php and tests/e2e, which add this
# folder to sys.path.


def strict_diff(a, b, path='$'):
    """Where `a` and `b` differ, with types and key order counted (Python's
    == takes 1 for True and 1 for 1.0, and ignores key order); None when
    they are the same."""
    if type(a) is not type(b):
        return '%s: %s %r vs %s %r' % (path, type(a).__name__, a, type(b).__name__, b)
    if isinstance(a, dict):
        if list(a) != list(b):
            return '%s: keys %r vs %r' % (path, list(a), list(b))
        for key in a:
            diff = strict_diff(a[key], b[key], '%s.%s' % (path, key))
            if diff:
                return diff
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return '%s: %d vs %d items' % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            diff = strict_diff(x, y, '%s[%d]' % (path, i))
            if diff:
                return diff
        return None
    return None if a == b else '%s: %r vs %r' % (path, a, b)
