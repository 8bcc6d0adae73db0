# demo_microtime.py: Demo:Microtime, an example plugin in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The two examples of Mibew's plugin documentation ("the seed"):
# - the `microtime` API function: on threadFunctionCall::microtime it
#   answers `results.time`, PHP's microtime($as_float): a float of seconds
#   when the arguments' `as_float` is not empty, "msec sec" otherwise;
# - the `usefulFunc` widget handler: on widgetResponseAlter it has the
#   widget load two libraries (`the_lib`, `the_func`), call `usefulFunc`
#   once they are loaded, and pass it {time}.
#
# The plugin is loaded by libpeas's python3 loader (demo-microtime.plugin,
# Loader=python3) into whatever process hosts the engine: a C program, a
# Python or GJS script, `mibew-events serve`. Its listeners are attached
# with MibewEvents.PRIORITY_DEFAULT, so they run at the plugin's weight; the
# engine detaches them when the plugin is deactivated.

import json
import time

import gi
gi.require_version('Json', '1.0')
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewPlugins', '1.0')
from gi.repository import GObject, Json, MibewEvents, MibewPlugins  # noqa: E402


def php_empty(value):
    """What PHP's empty() says of a JSON value."""
    return value in (None, False, 0, 0.0, '', '0', [], {})


def microtime(as_float):
    now = time.time()
    if as_float:
        return now
    # PHP's microtime(false): "msec sec", such as "0.41830900 1764001205"
    return '%.8f %d' % (now % 1, int(now))


class Microtime(GObject.Object, MibewPlugins.Plugin):
    def do_activate(self, dispatcher):
        dispatcher.attach_listener('threadFunctionCall::microtime', MibewEvents.PRIORITY_DEFAULT,
                                   self.on_microtime)
        dispatcher.attach_listener('widgetResponseAlter', MibewEvents.PRIORITY_DEFAULT,
                                   self.on_widget_response)

    def do_deactivate(self):
        pass

    # $function['results']['time'] = microtime($as_float);
    def on_microtime(self, thread, args):
        arguments = json.loads(Json.to_string(Json.Node.alloc().init_object(args.arguments), False))
        # a dictionary answer is merged into the results
        return {'time': microtime(not php_empty(arguments.get('as_float')))}

    def on_widget_response(self, widget, args):
        response = args.response
        # This is just a shortcut for the URL generator.
        g = args.asset_url_generator
        func_path = 'plugins/Demo/Microtime/js/func.js'

        # External libraries could be loaded before the function is
        # called; keys are library ids, values their URLs.
        response.add_load('the_lib', '')
        response.add_load('the_func', g.generate(func_path) if g is not None else func_path)
        # The functions that should be called.
        response.add_handler('usefulFunc')
        # The libraries each function needs first.
        response.set_dependencies('usefulFunc', ['the_lib', 'the_func'])
        # Some extra data could be passed to the function too.
        response.set_data('usefulFunc', Json.from_string(json.dumps({'time': time.time()})))
        # the response was changed in place
        return None
