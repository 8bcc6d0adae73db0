// gjs-loader.js: the bootstrap of the engine's GJS loader
// (mibew-plugin-loader-gjs.c), evaluated once in the process's GJS context
// from the library's resources
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// It registers MibewGjsHost, whose one instance answers the loader's
// signals: "load" (compile a module file, run its top level), "activate"
// (call its activate(dispatcher, info)), "deactivate" and "unload". Each
// handler catches every exception and returns it as a string, so nothing
// is left for GJS to log as an uncaught error.
//
// It also replaces EventDispatcher.attach_listener() so that a listener
// may be emitted on any thread: see handOff().

(function () {
    'use strict';
    imports.gi.versions.MibewEvents = '1.0';
    imports.gi.versions.MibewPlugins = '1.0';
    const {GLib, GObject} = imports.gi;
    let helperError = null;

    // EventDispatcher.attach_listener() through the relay, a C object of
    // the loader's: the guarded listener (imports.mibewEvents's guard:
    // exceptions and wrong answers reported for the plugin) is connected
    // to the event's signal on a MibewGjsListener, and the dispatcher gets
    // the loader's C closure, which emits that signal on this thread and
    // hands emissions of other threads over to it. Installed after
    // imports.mibewEvents, whose own override it replaces, for every
    // listener attached from now on, the host's too.
    function handOff(relay) {
        const {MibewEvents} = imports.gi;
        const {guardListener} = imports.mibewEvents;
        const proto = MibewEvents.EventDispatcher.prototype;
        const previous = proto.attach_listener;
        proto.attach_listener = function (eventName, priority, callback) {
            const base = `${eventName}`.split('::')[0];
            const [known, category, signal] = MibewEvents.EventDispatcher.describe_event(base);
            const listener = known && typeof callback === 'function' ? relay.emit('listener', this, base) : null;
            // an unknown event, no function, a dispatcher disposed of: the
            // errors of the helper and of the dispatcher itself
            if (listener === null)
                return previous.call(this, eventName, priority, callback);
            const emitterType = this.get_emitter(category).constructor.$gtype;
            const returnType = GObject.signal_query(GObject.signal_lookup(signal, emitterType)).return_type;
            const guarded = guardListener(eventName, callback, returnType, this.get_current_owner());
            listener.connect(base, (self, emitter, args) => guarded(emitter, args));
            const id = relay.emit('attach', this, eventName, priority, listener);
            // refused (a dispatcher disposed of): the dispatcher says why
            return id !== 0 ? id : previous.call(this, eventName, priority, callback);
        };
    }

    // how many lines new Function puts before the body
    let offset = 2;
    try {
        new Function('let x = ;');
    } catch (e) {
        if (typeof e.lineNumber === 'number')
            offset = e.lineNumber - 1;
    }
    const modules = new Map();
    function describe(e, file) {
        if (e === null || typeof e !== 'object')
            return `${e}`;
        const inModule = e instanceof SyntaxError || /> Function$/.test(`${e.fileName}`);
        if (file && inModule && typeof e.lineNumber === 'number')
            return `${e.name}: ${e.message} (${file}:${e.lineNumber - offset})`;
        return `${e}`;
    }
    const S = GObject.TYPE_STRING;
    GObject.registerClass({
        GTypeName: 'MibewGjsHost',
        Properties: {
            'relay': GObject.ParamSpec.object('relay', '', '',
                GObject.ParamFlags.READWRITE | GObject.ParamFlags.CONSTRUCT_ONLY, GObject.Object),
        },
        Signals: {
            'load': {param_types: [S, S], return_type: S},
            'activate': {param_types: [S, GObject.TYPE_OBJECT, GObject.TYPE_OBJECT], return_type: S},
            'deactivate': {param_types: [S], return_type: S},
            'unload': {param_types: [S]},
        },
    }, class MibewGjsHost extends GObject.Object {
        _init(params) {
            super._init(params);
            try {
                imports.mibewEvents;
                imports.gi.MibewPlugins;
                handOff(this.relay);
            } catch (e) {
                helperError = `${e}`;
            }
            this.connect('load', (self, key, path) => {
                if (helperError !== null)
                    return `GJS could not import the MibewEvents helpers (imports.mibewEvents): ${helperError}`;
                const file = GLib.path_get_basename(path);
                try {
                    const [, bytes] = GLib.file_get_contents(path);
                    const source = new TextDecoder().decode(bytes);
                    const module = new Function(`${source}\n;return {\n` +
                        "activate: typeof activate === 'function' ? activate : null,\n" +
                        "deactivate: typeof deactivate === 'function' ? deactivate : null};")();
                    if (module.activate === null)
                        return `${file} defines no function activate(dispatcher, info)`;
                    modules.set(key, module);
                    return null;
                } catch (e) {
                    return describe(e, file);
                }
            });
            this.connect('activate', (self, key, dispatcher, info) => {
                const module = modules.get(key);
                if (!module)
                    return 'its module is not loaded';
                try {
                    if (module.activate(dispatcher, info) === false)
                        return 'activate() returned false';
                    return null;
                } catch (e) {
                    return describe(e, null);
                }
            });
            this.connect('deactivate', (self, key) => {
                const module = modules.get(key);
                try {
                    if (module && module.deactivate !== null)
                        module.deactivate();
                    return null;
                } catch (e) {
                    return describe(e, null);
                }
            });
            this.connect('unload', (self, key) => {
                modules.delete(key);
            });
        }
    });
})();
