# mibew_plugin_host.py: runs Python listeners for the demo's C host
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The demo (bindings-examples/c/mibew-demo.c) replays a Mibew session in C.
# Python listeners live in this separate process, the "plugin host", and
# attach to this process's own default dispatcher like any Python plugin
# would. The C host forwards each event they listen to over a pipe, with the
# arguments in their JSON form; here the event is triggered for real from
# that form through libmibew-events (EventDispatcher.trigger_json), and the
# arguments the listeners left go back to the C host in the same form. The
# C host puts them into its own emission's arguments
# (mibew_event_args_update_from_json()) and continues it, so the C, Python
# and GJS listeners of one event form one chain, in priority order (this
# host's listeners of one event run back to back, at the lowest of their
# priorities).
#
# The protocol, one line each way, in the plugin host's stdin and stdout:
#
#   plugin host -> C host, once:  @hello {"language": "Python",
#                                  "listeners": [{"event", "priority", "name"}]}
#   C host -> plugin host:        {"event": "threadPostMessage", "args": {...}}
#   plugin host -> C host:        any lines the listeners print, copied to the
#                                 demo's output, then
#                                 @done {"args": {...}, "ran": n,
#                                        "failed": ["what went wrong", ...]}
#
# "event" is Mibew's name of the event, without a detail (a function call's
# function is in its arguments); "args" is the arguments' JSON form, the
# shape of Mibew's PHP array as the events guide describes it for each event
# (mibew_event_args_to_json() writes it; keys nobody documents and values
# nobody changed come back as they came). If the arguments do not decode,
# the plugin host reports a failure and answers them unchanged. It exits
# when its stdin closes.

import json
import sys

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('Json', '1.0')
from gi.repository import GLib, Json, MibewEvents  # noqa: E402


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
        for line in sys.stdin.buffer:   # UTF-8 bytes, whatever the locale
            request = self.dispatcher.parse_json(line.decode('utf-8'), -1).get_object()
            event = request.get_string_member('event')
            args = request.get_member('args')
            ran = self.ran
            self.failed.clear()
            try:
                args = self.dispatcher.trigger_json(event, args)
            except GLib.Error as e:  # answer anyway: the C host is waiting
                self.dispatcher.report_failure(event, 'plugin host: %s' % e.message)
            print('@done {"args": %s, "ran": %d, "failed": %s}'
                  % (Json.to_string(args, False), self.ran - ran, json.dumps(self.failed)), flush=True)
        return 0
