// mibewEvents.js: GJS helpers for MibewEvents
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Importing this module (imports.mibewEvents, found in gjs-1.0's search
// path) guards every listener connected afterwards: an exception that
// escapes one is printed to stderr and reported through
// EventDispatcher::listener-failed, and the emission goes on. Without it
// GJS still logs the exception and goes on, but C code cannot observe it.

const {GObject, MibewEvents} = imports.gi;

function guard(dispatcher, eventName, callback) {
    return function (...args) {
        try {
            return callback.apply(this, args);
        } catch (e) {
            printerr(`mibew-events: a listener of ${eventName} failed: ${e}\n${e.stack ?? ''}`);
            if (dispatcher)
                dispatcher.report_failure(eventName ?? '?', `${e}`);
            return null;
        }
    };
}

const objectConnect = GObject.Object.prototype.connect;
const objectConnectAfter = GObject.Object.prototype.connect_after;

MibewEvents.EventEmitter.prototype.connect = function (signal, callback) {
    return objectConnect.call(this, signal,
        guard(this.get_dispatcher(), this.get_event_name(signal), callback));
};

MibewEvents.EventEmitter.prototype.connect_after = function (signal, callback) {
    return objectConnectAfter.call(this, signal,
        guard(this.get_dispatcher(), this.get_event_name(signal), callback));
};

const attachListener = MibewEvents.EventDispatcher.prototype.attach_listener;

MibewEvents.EventDispatcher.prototype.attach_listener = function (eventName, priority, callback) {
    return attachListener.call(this, eventName, priority, guard(this, eventName, callback));
};

var guardListener = guard;
