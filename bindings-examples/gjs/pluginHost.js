// pluginHost.js: runs GJS listeners for the demo's C host
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The demo (bindings-examples/c/mibew-demo.c) replays a Mibew session in C.
// GJS listeners live in this separate process, the "plugin host", and
// attach to this process's own default dispatcher like any GJS plugin
// would. The C host forwards each event they listen to over a pipe; here the
// event is rebuilt, triggered for real through libmibew-events, and what the
// listeners left in the arguments goes back to the C host, which continues
// its own emission with it (so the C, Python and GJS listeners of one event
// form one chain, in priority order).
//
// The protocol is the Python plugin host's (python/mibew_plugin_host.py):
// one JSON line per request on stdin, the listeners' report lines then
// "@done {...}" on stdout; "@hello {...}" first. The host exits when its
// stdin closes.

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.Json = '1.0';
const {Gio, GObject, Json, MibewEvents} = imports.gi;

// Guard every listener: an exception escaping one is printed and reported
// through EventDispatcher::listener-failed, and the emission goes on.
imports.mibewEvents;

const INTEGER_TYPES = [GObject.TYPE_INT, GObject.TYPE_UINT, GObject.TYPE_LONG, GObject.TYPE_ULONG,
    GObject.TYPE_INT64, GObject.TYPE_UINT64, GObject.TYPE_ENUM, GObject.TYPE_FLAGS];

// GLib >= 2.80 moved the Unix streams to GioUnix.
const UnixInputStream = Gio.UnixInputStream ?? imports.gi.GioUnix.InputStream;
const UnixOutputStream = Gio.UnixOutputStream ?? imports.gi.GioUnix.OutputStream;

// A Json.Object (or Json.Node) as plain JS data, and back.
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

function toJsonObject(value) {
    return Json.from_string(JSON.stringify(value)).get_object();
}

function typeName(gtype) {
    return GObject.type_name(gtype);
}

// MibewThread -> MibewEvents.Thread
function classOf(name) {
    return MibewEvents[name.slice('Mibew'.length)];
}

const UNTRANSFERABLE = Symbol('untransferable');

function encode(value, valueType) {
    const fundamental = GObject.type_fundamental(valueType);
    if (value === null || value === undefined)
        return null;
    if ([GObject.TYPE_STRING, GObject.TYPE_BOOLEAN, GObject.TYPE_DOUBLE, GObject.TYPE_FLOAT].includes(fundamental))
        return value;
    if (INTEGER_TYPES.includes(fundamental))
        return Number(value);
    if (typeName(valueType) === 'JsonObject')
        return toJS(value);
    if (value instanceof MibewEvents.Record || value instanceof MibewEvents.BaseUrlGenerator)
        return {$type: typeName(value.constructor.$gtype), json: toJS(value.to_json())};
    if (value instanceof Gio.ListStore) {
        const items = [];
        for (let i = 0; i < value.get_n_items(); i++)
            items.push(toJS(value.get_item(i).to_json()));
        return {$list: typeName(value.get_item_type()), items};
    }
    return UNTRANSFERABLE;
}

function decode(data, valueType) {
    if (data === null)
        return null;
    if (typeName(valueType) === 'JsonObject')
        return toJsonObject(data);
    if (typeof data === 'object' && '$list' in data) {
        const itemType = classOf(data.$list).$gtype;
        const store = new Gio.ListStore({item_type: itemType});
        for (const item of data.items)
            store.append(MibewEvents.Record.from_json(itemType, toJsonObject(item)));
        return store;
    }
    if (typeof data === 'object' && '$type' in data) {
        if (data.$type === 'MibewBaseUrlGenerator')
            return MibewEvents.BaseUrlGenerator.new_from_json(toJsonObject(data.json));
        return MibewEvents.Record.from_json(classOf(data.$type).$gtype, toJsonObject(data.json));
    }
    return data;
}

// message-body -> message_body
function jsName(pspec) {
    return pspec.name.replace(/-/g, '_');
}

function encodeArgs(args) {
    const encoded = {};
    for (const pspec of GObject.Object.list_properties.call(args.constructor)) {
        if (!(pspec.flags & GObject.ParamFlags.READABLE))
            continue;
        const value = encode(args[jsName(pspec)], pspec.value_type);
        if (value !== UNTRANSFERABLE)
            encoded[pspec.name] = value;
    }
    return encoded;
}

function decodeArgs(type, encoded) {
    const klass = classOf(type);
    const args = new klass();
    for (const pspec of GObject.Object.list_properties.call(klass)) {
        if (pspec.name in encoded && pspec.flags & GObject.ParamFlags.WRITABLE)
            args[jsName(pspec)] = decode(encoded[pspec.name], pspec.value_type);
    }
    return args;
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
            const [line] = stdin.read_line_utf8(null);
            if (line === null)
                return 0;
            const request = JSON.parse(line);
            const ran = this.ran;
            this.failed = [];
            let encoded;
            try {
                const args = decodeArgs(request.type, request.args);
                this.dispatcher.trigger(request.event, args);
                encoded = encodeArgs(args);
            } catch (e) {   // answer anyway: the C host is waiting
                this.dispatcher.report_failure(request.event, `plugin host: ${e}`);
                encoded = request.args;
            }
            this._write(`@done ${JSON.stringify({
                args: encoded,
                ran: this.ran - ran,
                failed: this.failed,
            })}`);
        }
    }
};

var helpers = {toJS, toJsonObject};
