# E2E:Raiser: a Python plugin whose threadPostMessage listener raises every
# time; the bridge must still answer 200 and count the failure under the
# plugin's name (mibew_bridge_plugin_failures_total{plugin="E2E:Raiser"}).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewPlugins', '1.0')
from gi.repository import GObject, MibewEvents, MibewPlugins  # noqa: E402


class Raiser(GObject.Object, MibewPlugins.Plugin):
    def do_activate(self, dispatcher):
        dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT, self.on_post_message)

    def do_deactivate(self):
        pass

    def on_post_message(self, thread, args):
        args.message_body = 'changed before the exception'
        raise RuntimeError('E2E:Raiser fails on purpose')
