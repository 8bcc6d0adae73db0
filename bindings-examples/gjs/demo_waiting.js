// demo_waiting.js: Demo:Waiting, an example plugin in JavaScript (GJS)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// On usersUpdateThreadsAlter (the operators' list of threads, refreshed
// every few seconds) it gives each thread that is waiting for an operator
// a `waitingLabel`, "waiting since 22:15:40 UTC", from the thread's
// `waitingTime`: a key Mibew's list does not have, which the operators'
// page of a Mibew site could show. The states labelled come from the
// plugin's configuration:
//
//   [plugin Demo:Waiting]
//   states=[0, 1]
//
// (Mibew's Thread::STATE_QUEUE and STATE_WAITING, the default). With a
// "states" that is not a list of integers it refuses to activate, and the
// engine reports why.
//
// The engine loads it itself (demo-waiting.plugin says
// X-Mibew-Loader=gjs): libpeas 1.x has no GJS loader. Its listener is
// attached with MibewEvents.PRIORITY_DEFAULT, so it runs at the plugin's
// weight, and the engine detaches it when the plugin is deactivated. It
// runs on the thread of the process's GJS context only; an event emitted
// on another thread (a worker of the bridge) is handed over to that
// thread, which the emitting thread waits for (docs/plugins.md).

const {GLib, MibewEvents} = imports.gi;

const DEFAULT_STATES = [0, 1];

function label(waitingTime) {
    const when = GLib.DateTime.new_from_unix_utc(waitingTime);
    return `waiting since ${when.format('%H:%M:%S')} UTC`;
}

function configuredStates(config) {
    if (!config.has_member('states'))
        return DEFAULT_STATES;
    const node = config.get_member('states');
    const states = node.get_node_type() === imports.gi.Json.NodeType.ARRAY
        ? node.get_array().get_elements().map(e => e.get_value_type() === GLib.type_from_name('gint64')
            ? e.get_int() : null)
        : null;
    if (states === null || states.includes(null))
        throw new Error('“states” must be a list of thread states (integers)');
    return states;
}

function activate(dispatcher, info) {
    const states = configuredStates(info.get_config());
    dispatcher.attach_listener('usersUpdateThreadsAlter', MibewEvents.PRIORITY_DEFAULT, (users, args) => {
        const threads = args.threads;   // a Gio.ListModel of MibewEvents.ListThread
        for (let i = 0; i < threads.get_n_items(); i++) {
            const thread = threads.get_item(i);
            if (states.includes(thread.state))
                thread.set_string('waitingLabel', label(thread.waiting_time));
        }
        // the threads were changed in place
        return null;
    });
}
