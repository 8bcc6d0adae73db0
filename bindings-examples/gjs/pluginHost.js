// pluginHost.js: runs GJS listeners for the demo's C host
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The demo (bindings-examples/c/mibew-demo.c) replays a Mibew session in C.
// GJS listeners live in this separate process, the "plugin host", and
// attach to this process's own default dispatcher like any GJS plugin
// would. The C host forwards each event they listen to over a pipe, with the
// arguments in their JSON form; here the event is triggered for real from
// that form through libmibew-events (EventDispatcher.trigger_json()), and
// the arguments the listeners left go back to the C host in the same form,
// which puts them into its own emission and continues it (so the C, Python
// and GJS listeners of one event form one chain, in priority order).
//
// The protocol is the Python plugin host's (python/mibew_plugin_host.py):
// one JSON line per request on stdin, {"event": ..., "args": ...}, the
// listeners' report lines then "@done {...}" on stdout; "@hello {...}"
// first. The host exits when its stdin closes.

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.Json = '1.0';
const {Gio, GLib, Json, MibewEvents} = imports.gi;

// Guard every listener: an exception escaping one is printed and reported
// through EventDispatcher::listener-failed, and the emission goes on.
imports.mibewEvents;

// GLib >= 2.80 moved the Unix streams to GioUnix.
const UnixInputStream = Gio.UnixInputStream ?? imports.gi.GioUnix.InputStream;
const UnixOutputStream = Gio.UnixOutputStream ?? imports.gi.GioUnix.OutputStream;

// A Json.Object (or Json.Node) as plain JS data.
function toJS(json) {
    if (!json)
        return null;
    let node = json;
    if (!(json instanceof Json.Node)) {
        node = new Json.Node();
        node.init_object(json);
    }
    return JSON.parse(Json.to_string(node, false));
}

var PluginHost = class PluginHost {
    constructor(language) {
        this.language = language;
        this.dispatcher = MibewEvents.EventDispatcher.get_default();
        this.listeners = [];
        this.current = '?';
        this.ran = 0;
        this.failed = [];   // what went wrong in the current event
        this.dispatcher.connect('listener-failed', (d, event, message) => this.failed.push(message));
        // Written as UTF-8 bytes whatever the locale (print() would convert).
        this._stdout = new UnixOutputStream({fd: 1, close_fd: false});
        this._encoder = new TextEncoder();
    }

    // Attaches `callback` as the listener `name`.
    listen(event, priority, name, callback) {
        this.dispatcher.attach_listener(event, priority, (events, args) => {
            this.current = name;
            this.ran++;
            return callback(events, args) ?? null;
        });
        this.listeners.push({event, priority, name});
    }

    _write(line) {
        this._stdout.write_all(this._encoder.encode(`${line}\n`), null);
    }

    // Prints one line of the demo's report for the running listener.
    say(text) {
        this._write(`  ${this.language.padEnd(6)}  ${this.current.padEnd(15)}  ${text}`);
    }

    serve() {
        const stdin = new Gio.DataInputStream({
            base_stream: new UnixInputStream({fd: 0, close_fd: false}),
        });
        this._write(`@hello ${JSON.stringify({language: this.language, listeners: this.listeners})}`);
        for (;;) {
            // UTF-8 bytes, whatever the locale
            const [line] = stdin.read_line(null);
            if (line === null)
                return 0;
            const request = this.dispatcher.parse_json(new TextDecoder().decode(line), -1).get_object();
            const event = request.get_string_member('event');
            let args = request.get_member('args');
            const ran = this.ran;
            this.failed = [];
            try {
                args = this.dispatcher.trigger_json(event, args);
            } catch (e) {   // answer anyway: the C host is waiting
                if (!(e instanceof GLib.Error))
                    throw e;
                this.dispatcher.report_failure(event, `plugin host: ${e.message}`);
            }
            this._write(`@done {"args": ${Json.to_string(args, false)}, "ran": ${this.ran - ran}, ` +
                `"failed": ${JSON.stringify(this.failed)}}`);
        }
    }
};

var helpers = {toJS};
