# mibew_plugin_host.py: runs Python listeners for the demo's C host
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The demo (bindings-examples/c/mibew-demo.c) replays a Mibew session in C.
# Python listeners live in this separate process, the "plugin host", and
# attach to this process's own default dispatcher like any Python plugin
# would. The C host forwards each event they listen to over a pipe; here the
# event is rebuilt, triggered for real through libmibew-events, and what the
# listeners left in the arguments goes back to the C host, which continues
# its own emission with it (so the C, Python and GJS listeners of one event
# form one chain, in priority order; this host's listeners of one event run
# back to back, at the lowest of their priorities).
#
# The protocol, one line each way, in the plugin host's stdin and stdout:
#
#   plugin host -> C host, once:  @hello {"language": "Python",
#                                  "listeners": [{"event", "priority", "name"}]}
#   C host -> plugin host:        {"event": "threadPostMessage",
#                                  "type": "MibewPostMessageArgs", "args": {...}}
#   plugin host -> C host:        any lines the listeners print, copied to the
#                                 demo's output, then
#                                 @done {"args": {...}, "ran": n,
#                                        "failed": ["what went wrong", ...]}
#
# "args" maps the arguments object's GObject properties to JSON: strings,
# numbers and booleans as they are, JSON objects as objects, domain objects
# as {"$type": "MibewThread", "json": {...}}, lists as
# {"$list": "MibewMessage", "items": [...]}. The plugin host exits when its
# stdin closes.

import json
import sys

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('Json', '1.0')
from gi.repository import Gio, GObject, Json, MibewEvents  # noqa: E402

INTEGER_TYPES = (GObject.TYPE_INT, GObject.TYPE_UINT, GObject.TYPE_LONG, GObject.TYPE_ULONG,
                 GObject.TYPE_INT64, GObject.TYPE_UINT64, GObject.TYPE_ENUM, GObject.TYPE_FLAGS)


def to_python(json_object):
    """A Json.Object (or Json.Node) as plain Python data."""
    if json_object is None:
        return None
    node = json_object if isinstance(json_object, Json.Node) else Json.Node.alloc().init_object(json_object)
    return json.loads(Json.to_string(node, False))


def to_json_object(value):
    """Plain Python data (a dict) as a Json.Object."""
    return Json.from_string(json.dumps(value)).get_object()


class _Untransferable(Exception):
    pass


def encode(value, value_type):
    fundamental = GObject.type_fundamental(value_type)
    if value is None:
        return None
    if fundamental in (GObject.TYPE_STRING, GObject.TYPE_BOOLEAN, GObject.TYPE_DOUBLE, GObject.TYPE_FLOAT):
        return value
    if fundamental in INTEGER_TYPES:
        return int(value)
    if value_type.name == 'JsonObject':
        return to_python(value)
    if isinstance(value, MibewEvents.Record):
        return {'$type': value.__gtype__.name, 'json': to_python(value.to_json())}
    if isinstance(value, MibewEvents.BaseUrlGenerator):
        return {'$type': value.__gtype__.name, 'json': to_python(value.to_json())}
    if isinstance(value, Gio.ListStore):
        return {'$list': value.get_item_type().name,
                'items': [to_python(item.to_json()) for item in value]}
    raise _Untransferable(value_type.name)


def decode(data, value_type):
    if data is None:
        return None
    if value_type.name == 'JsonObject':
        return to_json_object(data)
    if isinstance(data, dict) and '$list' in data:
        item_type = GObject.type_from_name(data['$list'])
        store = Gio.ListStore.new(item_type)
        for item in data['items']:
            store.append(MibewEvents.Record.from_json(item_type, to_json_object(item)))
        return store
    if isinstance(data, dict) and '$type' in data:
        if data['$type'] == 'MibewBaseUrlGenerator':
            return MibewEvents.BaseUrlGenerator.new_from_json(to_json_object(data['json']))
        return MibewEvents.Record.from_json(GObject.type_from_name(data['$type']), to_json_object(data['json']))
    return data


def encode_args(args):
    encoded = {}
    for pspec in args.list_properties():
        if not pspec.flags & GObject.ParamFlags.READABLE:
            continue
        try:
            encoded[pspec.name] = encode(args.get_property(pspec.name), pspec.value_type)
        except _Untransferable:
            pass
    return encoded


def decode_args(type_name, encoded):
    # MibewPostMessageArgs -> MibewEvents.PostMessageArgs
    args = getattr(MibewEvents, type_name[len('Mibew'):])()
    for name, data in encoded.items():
        pspec = args.find_property(name)
        if pspec is not None and pspec.flags & GObject.ParamFlags.WRITABLE:
            args.set_property(name, decode(data, pspec.value_type))
    return args


class PluginHost:
    """Attaches listeners to the default dispatcher and serves the C host."""

    def __init__(self, language):
        self.language = language
        self.dispatcher = MibewEvents.EventDispatcher.get_default()
        self.listeners = []
        self.current = '?'
        self.ran = 0
        self.failed = []   # what went wrong in the current event
        self.dispatcher.connect('listener-failed', lambda d, event, message: self.failed.append(message))
        # Whatever the locale, the demo's output is UTF-8.
        sys.stdout.reconfigure(encoding='utf-8')

    def listen(self, event, priority, name):
        """Decorator: attaches the function as the listener `name`."""
        def attach(function):
            def listener(events, args):
                self.current = name
                self.ran += 1
                return function(events, args)
            self.dispatcher.attach_listener(event, priority, listener)
            self.listeners.append({'event': event, 'priority': priority, 'name': name})
            return function
        return attach

    def say(self, text):
        """Prints one line of the demo's report for the running listener."""
        print('  %-6s  %-15s  %s' % (self.language, self.current, text))

    def serve(self):
        print('@hello ' + json.dumps({'language': self.language, 'listeners': self.listeners}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            ran = self.ran
            self.failed.clear()
            try:
                args = decode_args(request['type'], request['args'])
                self.dispatcher.trigger(request['event'], args)
                encoded = encode_args(args)
            except Exception as e:  # answer anyway: the C host is waiting
                self.dispatcher.report_failure(request['event'], 'plugin host: %s' % e)
                encoded = request['args']
            print('@done ' + json.dumps({'args': encoded, 'ran': self.ran - ran, 'failed': self.failed}),
                  flush=True)
        return 0
