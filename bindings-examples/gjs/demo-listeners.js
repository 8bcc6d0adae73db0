#!/usr/bin/env -S gjs
// demo-listeners.js: the demo's GJS plugins
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Listeners written the way a GJS plugin would: functions attached to the
// default dispatcher by Mibew's event names and priorities (through
// host.listen(), which also reports them to the demo), guarded by
// imports.mibewEvents. They read and change the arguments objects through
// their GObject properties (args.message_kind = ...).
//
// The demo's C host (mibew-demo) starts this script as a plugin host and
// forwards the events listed here; see pluginHost.js. Run
// `_build/bindings-examples/run-demo` to see them react.

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.Json = '1.0';
const {GLib, Json, MibewEvents} = imports.gi;
const System = imports.system;

// pluginHost.js sits next to this script
imports.searchPath.unshift(GLib.path_get_dirname(System.programPath));
const {PluginHost, helpers: {toJS}} = imports.pluginHost;

const host = new PluginHost('GJS');
const say = text => host.say(text);

// --- the widget greets visitors who are not chatting yet (alters response) --

host.listen('widgetResponseAlter', 10, 'greeter', (events, args) => {
    const visitor = args.visitor;
    if (!visitor.is_null('threadid')) {
        say(`visitor #${visitor.visitorid} is chatting (thread #${visitor.threadid}): no greeting`);
        return null;
    }
    const response = args.response;
    const before = response.get_handlers();
    response.add_handler('greetVisitor');
    response.set_data('greetVisitor',
        Json.from_string(JSON.stringify({text: 'Need help choosing a lamp? Chat with us!', delay: 5})));
    say(`handlers: [${before.join(', ')}] → [${response.get_handlers().join(', ')}], ` +
        'data.greetVisitor = {text, delay: 5}');
    return null;
});

// --- "/note ..." typed by an operator becomes a note for operators only ----

host.listen('threadPostMessage', 5, 'agent-notes', (events, args) => {
    const body = args.message_body;
    if (args.message_kind !== MibewEvents.MessageKind.AGENT || !body.startsWith('/note ')) {
        say('unchanged');
        return null;
    }
    args.message_kind = MibewEvents.MessageKind.FOR_AGENT;
    args.message_options.set_string_member('plugin', 'agent-notes');
    const note = body.slice('/note '.length).trim();
    say(`kind: AGENT → FOR_AGENT, body: “${body}” → “${note}”`);
    return note;   // a returned string becomes the body (a chain)
});

// --- an audit of API function calls: it sees the C listener's answer -------

host.listen('threadFunctionCall', 10, 'api-audit', (events, args) => {
    say(`${args.function}(${JSON.stringify(toJS(args.arguments))}) → results ${JSON.stringify(toJS(args.results))}`);
    return null;
});

// --- a custom key on the operators' list of threads -------------------------

function minutes(seconds) {
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

host.listen('usersUpdateThreadsAlter', 10, 'waiting-badge', (events, args) => {
    const threads = args.threads;   // a Gio.ListStore of ListThread
    const added = [];
    for (let i = 0; i < threads.get_n_items(); i++) {
        const thread = threads.get_item(i);
        const label = `waited ${minutes(thread.waiting_time)}`;
        thread.set_string('waitingLabel', label);   // a key Mibew does not know
        added.push(`#${thread.id} +waitingLabel “${label}”`);
    }
    say(added.length > 0 ? added.join(', ') : 'no threads');
    return null;
});

System.exit(host.serve());
