# Rel:PyFaulty: a Python plugin whose activation fails (tests/reliability,
# FaultTest): do_activate() raises, the engine must skip it, say why and
# activate the others.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('MibewPlugins', '1.0')
from gi.repository import GObject, MibewPlugins  # noqa: E402


class PyFaulty(GObject.Object, MibewPlugins.Plugin):
    def do_activate(self, dispatcher):
        raise RuntimeError('Rel:PyFaulty raises in do_activate() on purpose')

    def do_deactivate(self):
        pass
