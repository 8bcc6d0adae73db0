# PyGObject overrides for MibewPlugins
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# What they add:
# - a plugin's do_activate may raise to refuse to activate, and the
#   engine reports the exception ("ValueError: no word list") as the
#   reason. PyGObject passes a GLib.Error raised in a vfunc on to C, but
#   prints any other exception and lets C see FALSE without an error; the
#   override turns every exception into a GLib.Error in the
#   MibewPlugins.PluginError domain. It also lets do_activate return
#   nothing (None) for success, as Python code does; only False refuses;
# - PluginInfo.config_dict(): the plugin's configuration as a dict;
# - PluginEngine.set_plugin_config() takes a dict as well as a
#   Json.Object.

import functools
import json

from ..importer import modules
from ..overrides import override
from gi.repository import GLib

MibewPlugins = modules['MibewPlugins']._introspection_module

__all__ = []


def _activate_guard(activate):
    @functools.wraps(activate)
    def do_activate(self, dispatcher):
        try:
            result = activate(self, dispatcher)
        except GLib.Error:
            raise
        except Exception as e:
            raise GLib.Error.new_literal(MibewPlugins.plugin_error_quark(),
                                         '%s: %s' % (type(e).__name__, e),
                                         MibewPlugins.PluginError.ACTIVATE_FAILED)
        return result is not False
    do_activate._mibew_guarded = True
    return do_activate


class Plugin(MibewPlugins.Plugin):
    def __init_subclass__(cls, **kwargs):
        # Runs before PyGObject registers the class's GType and hooks up
        # its do_* methods, so the guarded method is the one C calls.
        super().__init_subclass__(**kwargs)
        activate = cls.__dict__.get('do_activate')
        if activate is not None and not getattr(activate, '_mibew_guarded', False):
            cls.do_activate = _activate_guard(activate)


Plugin = override(Plugin)
__all__.append('Plugin')


def _to_object(config):
    if isinstance(config, dict):
        from gi.repository import Json
        return Json.from_string(json.dumps(config)).get_object()
    return config


class PluginInfo(MibewPlugins.PluginInfo):
    def config_dict(self):
        """The plugin's configuration, as Python values."""
        from gi.repository import Json
        node = Json.Node.alloc().init_object(self.get_config())
        return json.loads(Json.to_string(node, False))


PluginInfo = override(PluginInfo)
__all__.append('PluginInfo')


class PluginEngine(MibewPlugins.PluginEngine):
    def set_plugin_config(self, name, config):
        """Like the C function; config may be a dict."""
        MibewPlugins.PluginEngine.set_plugin_config(self, name, _to_object(config))


PluginEngine = override(PluginEngine)
__all__.append('PluginEngine')
