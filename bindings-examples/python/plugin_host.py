# plugin_host.py: a Python program that hosts Mibew plugins
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Loads the example plugins (../plugins: Demo:Filter in C, Demo:Microtime
# in Python, Demo:Waiting in JavaScript, which the engine runs in a GJS
# context of this process) into its own dispatcher with a
# MibewPlugins.PluginEngine, triggers four events with trigger_json() and
# plain dicts, and prints
# what the plugins changed. It exits with status 1 when an effect is
# missing.
#
#   /usr/bin/python3 bindings-examples/python/plugin_host.py PLUGIN_DIR
#
# PLUGIN_DIR is where the build put the example plugins
# (_build/bindings-examples/plugins). Run it in `meson devenv -C _build`
# for the build tree's typelibs and Python overrides.
#
# The Python plugin runs in this same interpreter: libpeas's python3
# loader finds it already running.

import sys

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewPlugins', '1.0')
from gi.repository import MibewEvents, MibewPlugins  # noqa: E402

ok = True


def check(condition, what):
    global ok
    if not condition:
        print('plugin-host: missing effect: %s' % what, file=sys.stderr)
        ok = False


def main(plugin_dir):
    dispatcher = MibewEvents.EventDispatcher.new()
    engine = MibewPlugins.PluginEngine.new(dispatcher)
    engine.add_search_path(plugin_dir)
    # the override takes a dict for a plugin's configuration
    engine.set_plugin_config('Demo:Filter', {'words': ['darn', 'heck', 'crap']})
    engine.connect('plugin-failed', lambda engine, name, reason: print('failed: %s: %s' % (name, reason)))
    engine.load_plugins()

    print('host: Python')
    active = engine.get_active_plugins()
    for name in active:
        info = engine.get_plugin(name)
        print('active: %s %s (weight %d)' % (name, info.get_version(), info.get_weight()))
    check(len(active) == 3 and not engine.get_failures(), 'the three plugins active')

    before = 'Darn, this HECK of a printer is darned slow!'
    result = dispatcher.trigger_json('threadPostMessage', {
        'thread': {'id': 4833, 'userName': 'Guest'},
        'message_kind': 1,
        'message_body': before,
        'message_options': {},
    })
    print('threadPostMessage: message_body "%s" -> "%s"' % (before, result['message_body']))
    check(result['message_body'] == '****, this **** of a printer is darned slow!', "Demo:Filter's masking")

    result = dispatcher.trigger_json('threadFunctionCall', {
        'request_processor': {'kind': 'thread'},
        'function': 'microtime',
        'arguments': {'as_float': True, 'return': {'time': 'serverTime'}},
        'results': {},
    })
    time = result['results'].get('time')
    if isinstance(time, float):
        print('threadFunctionCall microtime: results.time is a number (%.2f)' % time)
    else:
        print('threadFunctionCall microtime: results.time is missing')
    check(isinstance(time, float), "Demo:Microtime's results.time")

    result = dispatcher.trigger_json('widgetResponseAlter', {
        'visitor': {'visitorid': 1190, 'userid': '1763999874.4471190236', 'username': 'Guest'},
        'request': {'method': 'GET', 'uri': 'https://chat.example.com/widget', 'path': '/widget'},
        'response': {'load': {}, 'handlers': [], 'dependencies': {}, 'data': {}},
        'route_url_generator': {'base_url': 'https://chat.example.com/'},
        'asset_url_generator': {'base_url': 'https://chat.example.com/'},
    })
    response = result['response']
    has_time = isinstance(response['data'].get('usefulFunc', {}).get('time'), (int, float))
    func = response['load'].get('the_func')
    print('widgetResponseAlter: handlers [%s], load.the_func = %s, dependencies.usefulFunc = [%s], '
          'data.usefulFunc.time is %s' % (
              ', '.join(response['handlers']), func or '(none)',
              ', '.join(response['dependencies'].get('usefulFunc', [])),
              'a number' if has_time else 'missing'))
    check('usefulFunc' in response['handlers'] and has_time
          and func == 'https://chat.example.com/plugins/Demo/Microtime/js/func.js',
          "Demo:Microtime's widget handler")

    result = dispatcher.trigger_json('usersUpdateThreadsAlter', {'threads': [
        {'id': 42, 'userName': 'Ann Smith', 'state': 2, 'waitingTime': 1700000095},
        {'id': 43, 'userName': 'Guest', 'state': 0, 'waitingTime': 1700000140},
    ]})
    labels = [t.get('waitingLabel') for t in result['threads']]
    print('usersUpdateThreadsAlter: waitingLabel of #42 %s, of #43 %s'
          % tuple('"%s"' % label if label is not None else '(none)' for label in labels))
    check(labels == [None, 'waiting since 22:15:40 UTC'], "Demo:Waiting's label")

    engine.unload_plugins()
    left = sum(dispatcher.get_listener_count(event)
               for event in ('threadPostMessage', 'threadFunctionCall', 'widgetResponseAlter',
                             'usersUpdateThreadsAlter'))
    print('unloaded: %d listeners left' % left)
    check(left == 0, 'listeners detached')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print('usage: plugin_host.py PLUGIN_DIR', file=sys.stderr)
        sys.exit(2)
    # libpeas's python3 loader resets sys.argv: read it first
    main(sys.argv[1])
    sys.exit(0 if ok else 1)
