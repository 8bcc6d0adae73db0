// mibewEvents.js: GJS helpers for MibewEvents
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Importing this module (it also lets listeners return plain objects where
// a Json.Object is expected).
//
// Importing it (imports.mibewEvents, found in gjs-1.0's search
// path) guards every listener connected afterwards: an exception that
// escapes one is printed to stderr and reported through
// EventDispatcher::listener-failed, and the emission goes on. Without it
// GJS still logs the exception and goes on, but C code cannot observe it.

const {GObject, Json, MibewEvents} = imports.gi;

// Plain objects become Json.Object, the type dictionary answers have.
function toAnswer(value) {
    if (value !== null && typeof value === 'object' && value.constructor === Object)
        return Json.from_string(JSON.stringify(value)).get_object();
    return value ?? null;
}

// The dispatcher is looked up from the emitter only when a listener
// fails: capturing it would make dispatcher -> emitter -> closure ->
// dispatcher, a cycle through C that the garbage collector cannot break.
function guard(eventName, callback) {
    eventName = (eventName ?? '?').split('::')[0];
    return function (...args) {
        try {
            return toAnswer(callback.apply(this, args));
        } catch (e) {
            printerr(`mibew-events: a listener of ${eventName} failed: ${e}\n${e.stack ?? ''}`);
            const emitter = args[0];
            const dispatcher = emitter instanceof MibewEvents.EventEmitter ? emitter.get_dispatcher() : null;
            if (dispatcher)
                dispatcher.report_failure(eventName, `${e}`);
            return null;
        }
    };
}

const objectConnect = GObject.Object.prototype.connect;
const objectConnectAfter = GObject.Object.prototype.connect_after;

MibewEvents.EventEmitter.prototype.connect = function (signal, callback) {
    return objectConnect.call(this, signal,
        guard(this.get_event_name(signal), callback));
};

MibewEvents.EventEmitter.prototype.connect_after = function (signal, callback) {
    return objectConnectAfter.call(this, signal,
        guard(this.get_event_name(signal), callback));
};

const attachListener = MibewEvents.EventDispatcher.prototype.attach_listener;

MibewEvents.EventDispatcher.prototype.attach_listener = function (eventName, priority, callback) {
    return attachListener.call(this, eventName, priority, guard(eventName, callback));
};

var guardListener = guard;
