// mibewEvents.js: GJS helpers for MibewEvents
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Importing it (imports.mibewEvents, found in gjs-1.0's search
// path) guards every listener connected afterwards: an exception that
// escapes one is printed to stderr and reported through
// EventDispatcher::listener-failed, and the emission goes on. Without it
// GJS still logs the exception and goes on, but C code cannot observe it.
// It also lets listeners return plain objects where a Json.Object is
// expected.
//
// A listener that returns a value of the wrong type for its event (a
// number where post-message wants the new body, a string where
// authenticate wants an Operator) is reported the same way, and its
// answer is dropped as if it had returned null: the arguments stay as
// they were and the next listener runs. Without the helper GJS fails to
// convert the value, logs that without naming the event or the listener,
// and C cannot observe it either. The type expected is the return type of
// the event's signal. Notify events return nothing: like Mibew, which
// ignores what listeners return, the guard drops their return value
// without a word.

const {GObject, Json, MibewEvents} = imports.gi;

// Plain objects become Json.Object, the type dictionary answers have.
function toAnswer(value) {
    if (value !== null && typeof value === 'object' && value.constructor === Object)
        return Json.from_string(JSON.stringify(value)).get_object();
    return value ?? null;
}

// The GType a signal's handlers return (GObject.TYPE_NONE for notify
// events), or null when the signal is unknown: connecting to it fails
// anyway, with GJS's own error.
function answerType(emitterType, signal) {
    const signalId = GObject.signal_lookup(signal.split('::')[0], emitterType);
    return signalId ? GObject.signal_query(signalId).return_type : null;
}

const INSTANCE_FUNDAMENTALS = [GObject.TYPE_OBJECT, GObject.TYPE_BOXED, GObject.TYPE_INTERFACE];

// A predicate telling whether a (converted) answer has the type the
// signal returns; null when there is nothing to check.
function answerCheck(returnType) {
    if (returnType === null)
        return null;
    if (returnType === GObject.TYPE_STRING)
        return value => typeof value === 'string';
    if (INSTANCE_FUNDAMENTALS.includes(GObject.type_fundamental(returnType))) {
        return value => typeof value === 'object' && value.constructor?.$gtype !== undefined &&
            GObject.type_is_a(value.constructor.$gtype, returnType);
    }
    // no event returns anything else; GJS's conversion decides
    return null;
}

function typeName(gtype) {
    return gtype === GObject.TYPE_STRING ? 'string' : GObject.type_name(gtype);
}

function valueTypeName(value) {
    if (typeof value !== 'object')
        return typeof value;
    if (value.constructor?.$gtype !== undefined)
        return GObject.type_name(value.constructor.$gtype);
    return value.constructor?.name || 'object';
}

// The dispatcher is looked up from the emitter only when a listener
// fails: capturing it would make dispatcher -> emitter -> closure ->
// dispatcher, a cycle through C that the garbage collector cannot break.
function report(args, eventName, owner, message) {
    const emitter = args[0];
    const dispatcher = emitter instanceof MibewEvents.EventEmitter ? emitter.get_dispatcher() : null;
    if (dispatcher)
        dispatcher.report_owner_failure(eventName, owner, message);
}

// the plugin attaching a listener now, named and counted if it fails
function currentOwner(dispatcher) {
    return dispatcher ? dispatcher.get_current_owner() : null;
}

// returnType: the GType the event's signal returns; null (the default)
// checks nothing
function guard(eventName, callback, returnType = null, owner = null) {
    eventName = (eventName ?? '?').split('::')[0];
    const name = callback.name || '(anonymous)';
    const check = answerCheck(returnType);
    const failed = (emitter, e) => {
        printerr(`mibew-events: a listener of ${eventName} failed: ${e}\n${e.stack ?? ''}`);
        report([emitter], eventName, owner, `${e}`);
        return null;
    };
    // Every event's signal has two parameters, the emitter and the
    // arguments: a guard of fixed arity, with no rest array and no
    // apply() per call, costs a third of a variadic one in GJS.
    if (returnType === GObject.TYPE_NONE) {
        return function (emitter, args) {
            try {
                callback.call(this, emitter, args);
            } catch (e) {
                failed(emitter, e);
            }
            return null;
        };
    }
    return function (emitter, args) {
        let answer;
        try {
            answer = callback.call(this, emitter, args);
            // most listeners change the arguments and answer nothing: no
            // further call for them (this runs once per listener and event)
            if (answer === null || answer === undefined)
                return null;
            answer = toAnswer(answer);
        } catch (e) {
            return failed(emitter, e);
        }
        if (answer === null || check === null || check(answer))
            return answer;
        // reported like the exception GJS would throw when converting it
        const message = `TypeError: listener ${name} returned ${valueTypeName(answer)}, ` +
            `expected ${typeName(returnType)} or null; the answer was ignored`;
        printerr(`mibew-events: a listener of ${eventName} failed: ${message}`);
        report([emitter], eventName, owner, message);
        return null;
    };
}

const objectConnect = GObject.Object.prototype.connect;
const objectConnectAfter = GObject.Object.prototype.connect_after;

MibewEvents.EventEmitter.prototype.connect = function (signal, callback) {
    return objectConnect.call(this, signal,
        guard(this.get_event_name(signal), callback, answerType(this.constructor.$gtype, signal),
            currentOwner(this.get_dispatcher())));
};

MibewEvents.EventEmitter.prototype.connect_after = function (signal, callback) {
    return objectConnectAfter.call(this, signal,
        guard(this.get_event_name(signal), callback, answerType(this.constructor.$gtype, signal),
            currentOwner(this.get_dispatcher())));
};

const attachListener = MibewEvents.EventDispatcher.prototype.attach_listener;

MibewEvents.EventDispatcher.prototype.attach_listener = function (eventName, priority, callback) {
    // An unknown event has no signal: no type to check, and the attach
    // below throws EventsError.UNKNOWN_EVENT.
    const [known, category, signal] = MibewEvents.EventDispatcher.describe_event(eventName.split('::')[0]);
    const returnType = known ? answerType(this.get_emitter(category).constructor.$gtype, signal) : null;
    return attachListener.call(this, eventName, priority,
        guard(eventName, callback, returnType, this.get_current_owner()));
};

// The JSON codec takes and gives plain JavaScript values: trigger_json and
// EventArgs.new_from_json accept an object (or a Json.Node), and
// trigger_json answers in the form it was given; EventArgs.to_object()
// is to_json() as an object.
function isPlain(value) {
    return value !== null && typeof value === 'object' &&
        (value.constructor === Object || Array.isArray(value));
}

// through the dispatcher's parser, with its limits and checks
function toNode(value, dispatcher = MibewEvents.EventDispatcher.get_default()) {
    return isPlain(value) ? dispatcher.parse_json(JSON.stringify(value), -1) : value;
}

const triggerJson = MibewEvents.EventDispatcher.prototype.trigger_json;

MibewEvents.EventDispatcher.prototype.trigger_json = function (eventName, args) {
    const result = triggerJson.call(this, eventName, toNode(args, this));
    return isPlain(args) ? JSON.parse(MibewEvents.json_to_data(result, false)) : result;
};

const newFromJson = MibewEvents.EventArgs.new_from_json;

MibewEvents.EventArgs.new_from_json = function (eventName, args) {
    return newFromJson(eventName, toNode(args));
};

MibewEvents.EventArgs.prototype.to_object = function () {
    return JSON.parse(MibewEvents.json_to_data(this.to_json(), false));
};

var guardListener = guard;
