# reltest.py: what the reliability tests (tests/reliability) share, on top
# of the end-to-end tests' helpers (tests/e2e/test_e2e.py: the keep-alive
# client Conn, the serve process Server, the metrics parser, the fixture
# plugins E2E:CMarker and E2E:PyMarker), which this module imports rather
# than copies.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
sys.path.insert(0, os.path.join(HERE, '..', 'pylib'))

import test_e2e  # noqa: E402
from test_e2e import (Conn, E2eTestCase, Server, SECRET, TIMEOUT, load, metric,  # noqa: E402,F401
                      metric_sum, parse_metrics, rss_kib, sign)
from jsondiff import strict_diff  # noqa: E402,F401

REL_PLUGINS = os.path.join(HERE, 'plugins')

# meson.build passes the built Rel:CFaulty module as --cfaulty=PATH, and
# the plugin directories copied for the libpeas the engine was built on as
# --plugins=DIR (tests/plugins/copy-plugin-dirs.py), before the unittest
# arguments
CFAULTY = ''
for _arg in list(sys.argv[1:]):
    if _arg.startswith('--cfaulty='):
        CFAULTY = _arg[len('--cfaulty='):]
        sys.argv.remove(_arg)
    elif _arg.startswith('--plugins='):
        REL_PLUGINS = _arg[len('--plugins='):]
        sys.argv.remove(_arg)


def post_message(body):
    """threadPostMessage's sample arguments with another message body."""
    doc = load('threadPostMessage')
    doc['message_body'] = body
    return doc


class RelTestCase(E2eTestCase):
    """E2eTestCase with the reliability plugins: plugin_dir() knows 'js'
    (Rel:JsMarker), 'pyfaulty' (Rel:PyFaulty) and 'cfaulty' (Rel:CFaulty,
    a link to the built module) besides the e2e ones."""

    REL_KINDS = {'js': 'js', 'pyfaulty': 'python', 'cfaulty': 'c'}

    def plugin_dir(self, kind):
        if kind not in self.REL_KINDS:
            return super().plugin_dir(kind)
        directory = os.path.join(self.tmp, 'plugins-' + kind)
        if os.path.isdir(directory):
            return directory
        os.makedirs(directory)
        src = os.path.join(REL_PLUGINS, self.REL_KINDS[kind])
        for name in os.listdir(src):
            if name.endswith(('.plugin', '.py', '.js')):
                shutil.copy(os.path.join(src, name), directory)
        if kind == 'cfaulty':
            os.symlink(CFAULTY, os.path.join(directory, os.path.basename(CFAULTY)))
        return directory

    def rel_config(self, kinds, server='', settings=None, name='serve.conf'):
        """A configuration with the plugins of @kinds (plugin_dir() names),
        `[server]` lines @server, and `[plugin:NAME]` groups from
        @settings ({name: {key: JSON value}})."""
        text = '[server]\n%s\n[plugins]\ndirs=%s;\n' % (server, ';'.join(self.plugin_dir(k) for k in kinds))
        for plugin, values in (settings or {}).items():
            text += '\n[plugin:%s]\n' % plugin
            text += ''.join('%s=%s\n' % (k, json.dumps(v)) for k, v in values.items())
        return self.write(name, text)


# the three languages at once: C (weight 5), Python (10), JavaScript (15)
ALL_LANGUAGES = {
    'E2E:CMarker': {'weight': 5},
    'E2E:PyMarker': {'weight': 10},
    'Rel:JsMarker': {'weight': 15},
}
ALL_MARKS = ' [C] [Py] [Js]'
