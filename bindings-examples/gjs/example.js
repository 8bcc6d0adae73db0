#!/usr/bin/env -S gjs
// example.js: a Mibew plugin's listeners, written in JavaScript (GJS)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The two examples of Mibew's "Server side events" page, then one
// notification and one alteration, attached to the process-wide dispatcher
// (Mibew's EventDispatcher::getInstance()):
//
//   1. threadFunctionCall::microtime  answers the `microtime` API function,
//      honouring `arguments.as_float`, in `results['time']`;
//   2. widgetResponseAlter            makes the widget load a library and a
//      script, then call `usefulFunc` with some data;
//   3. threadCreate                   a Slack-notifier-like listener that
//      reads `thread.userName`;
//   4. threadPostMessage              turns "/note ..." typed by an operator
//      into a message only operators see.
//
// The script then plays the core's part: it builds each event's arguments,
// triggers the event through the dispatcher, prints what the listeners left
// there and exits with status 1 if an expected effect is missing.
//
// Run it against a build tree with GI_TYPELIB_PATH, LD_LIBRARY_PATH and
// GJS_PATH (for imports.mibewEvents) set, as `meson test` does.

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.Json = '1.0';
const {Json, MibewEvents} = imports.gi;
const System = imports.system;

// Guards every listener attached from now on: an exception escaping one is
// printed and reported through EventDispatcher::listener-failed, and the
// other listeners still run.
imports.mibewEvents;

// Where the plugin keeps its files, as Mibew's Plugin::getFilesPath().
const FILES_PATH = 'plugins/Example/UsefulFunc/files';

// A Json.Object as a plain JS object, and back.
function toJS(jsonObject) {
    if (!jsonObject)
        return null;
    const node = new Json.Node();
    node.init_object(jsonObject);
    return JSON.parse(Json.to_string(node, false));
}

function toJsonObject(value) {
    return Json.from_string(JSON.stringify(value)).get_object();
}

// PHP's empty(): false, 0, '', '0', null or a missing key.
function phpEmpty(jsonObject, key) {
    const value = jsonObject ? toJS(jsonObject)[key] : undefined;
    return value === undefined || value === null || value === false || value === 0 ||
        value === '' || value === '0';
}

// 1. The seed's API function: microtime. Attached with the detail
// "::microtime", so the dispatcher calls it for that function only (the PHP
// example checks $function['function'] itself).
function onMicrotime(events, args) {
    const now = Date.now() / 1000;
    if (!phpEmpty(args.arguments, 'as_float'))
        args.results.set_double_member('time', now);                    // microtime(true)
    else
        args.results.set_string_member('time', `${(now % 1).toFixed(8)} ${Math.floor(now)}`);  // "msec sec"
    // Changing `results` in place is enough; returning a Json.Object would
    // merge it into `results` instead.
    return null;
}

// 2. The seed's widget handler.
function onWidgetResponse(events, args) {
    // This is just a shortcut for the URL generator.
    const g = args.asset_url_generator;
    const response = args.response;

    // External libraries could be loaded before the function is called: the
    // keys are the libraries' ids, the values their URLs.
    response.add_load('the_lib', '');
    response.add_load('the_func', g.generate(`${FILES_PATH}/func.js`));
    // The functions the widget should call, what each depends on, and some
    // data passed to it.
    response.add_handler('usefulFunc');
    response.set_dependencies('usefulFunc', ['the_lib', 'the_func']);
    response.set_data('usefulFunc', Json.from_string(JSON.stringify({time: Date.now() / 1000})));
    return null;
}

// 3. A notification: a Slack-notifier-like listener.
const outbox = [];

function onThreadCreate(events, args) {
    const thread = args.thread;
    // GObject properties read as JS properties; the JSON key works too:
    // thread.get_string('userName').
    outbox.push(`New chat #${thread.id} from ${thread.user_name}`);
}

// 4. An alteration: "/note ..." becomes a note for operators.
function onPostMessage(events, args) {
    if (args.message_kind !== MibewEvents.MessageKind.AGENT || !args.message_body.startsWith('/note '))
        return null;                   // not ours: leave the message alone
    args.message_kind = MibewEvents.MessageKind.FOR_AGENT;
    args.message_options.set_string_member('plugin', 'agent-notes');
    // Returning a string replaces the body; the next listener and the core
    // see it (args.message_body = ... would do the same).
    return args.message_body.slice('/note '.length).trim();
}

// ---------------------------------------------------------------------------
// The core's part: trigger the events, check what the listeners did.

let failures = 0;

function check(ok, what) {
    print(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok)
        failures++;
}

// A domain object (Thread, SiteVisitor, ...) from its JSON form.
function record(klass, data) {
    return MibewEvents.Record.from_json(klass.$gtype, toJsonObject(data));
}

const dispatcher = MibewEvents.EventDispatcher.get_default();

// The plugin's run() in Mibew attaches its listeners like this.
dispatcher.attach_listener('threadFunctionCall::microtime', 0, onMicrotime);
dispatcher.attach_listener('widgetResponseAlter', 0, onWidgetResponse);
dispatcher.attach_listener('threadCreate', 0, onThreadCreate);
dispatcher.attach_listener('threadPostMessage', 0, onPostMessage);

const threadEvents = dispatcher.get_thread();

// microtime, as a float and as PHP's "msec sec" string
for (const asFloat of [true, false]) {
    const args = MibewEvents.FunctionCallArgs.new(record(MibewEvents.RequestProcessor, {kind: 'thread'}),
        'microtime', toJsonObject({as_float: asFloat}), null);
    threadEvents.emit_function_call(args);
    const answer = toJS(args.results).time;
    print(`threadFunctionCall microtime(as_float=${asFloat}): results.time = ${JSON.stringify(answer)}`);
    if (asFloat)
        check(typeof answer === 'number' && answer > 1e9, 'microtime(true) answered a float');
    else
        check(typeof answer === 'string' && answer.includes(' '), 'microtime(false) answered "msec sec"');
}

// the widget
{
    const generator = MibewEvents.BaseUrlGenerator.new('https://chat.example.com/mibew/');
    const args = MibewEvents.WidgetResponseArgs.new(
        record(MibewEvents.SiteVisitor, {visitorid: 17, username: 'Guest'}),
        MibewEvents.Request.new(), MibewEvents.WidgetResponse.new(), generator, generator);
    dispatcher.get_widget().emit_response_alter(args);
    const response = args.response;
    print(`widgetResponseAlter: response = ${Json.to_string(response.to_json(), false)}`);
    const data = response.get_data('usefulFunc');
    check(response.get_handlers().includes('usefulFunc'), 'handler usefulFunc added');
    check(response.get_load_url('the_lib') === '', 'the_lib loaded with an empty URL');
    check(response.get_load_url('the_func') === `https://chat.example.com/mibew/${FILES_PATH}/func.js`,
        "the_func's URL built by the asset URL generator");
    check(JSON.stringify(response.get_dependencies('usefulFunc')) === '["the_lib","the_func"]',
        'usefulFunc depends on the_lib and the_func');
    check(data !== null && 'time' in JSON.parse(Json.to_string(data, false)), 'usefulFunc gets {time: ...}');
}

// a new chat, and messages in it
{
    const thread = record(MibewEvents.Thread, {id: '42', userName: 'Ann Smith', state: 0});
    threadEvents.emit_create(MibewEvents.ThreadArgs.new(thread, null));
    if (outbox.length > 0)
        print(`threadCreate: the notifier would post "${outbox[0]}"`);
    check(outbox.length === 1 && outbox[0] === 'New chat #42 from Ann Smith', 'the notifier read thread.userName');

    const note = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.AGENT, '/note VIP customer ', null);
    const plain = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.AGENT, 'How can I help?', null);
    threadEvents.emit_post_message(note);
    threadEvents.emit_post_message(plain);
    print(`threadPostMessage: "/note VIP customer " (AGENT) -> "${note.message_body}" (kind ${note.message_kind})`);
    check(note.message_body === 'VIP customer' && note.message_kind === MibewEvents.MessageKind.FOR_AGENT,
        '"/note ..." became a FOR_AGENT message');
    check(toJS(note.message_options).plugin === 'agent-notes', "the note's options name the plugin");
    check(plain.message_body === 'How can I help?' && plain.message_kind === MibewEvents.MessageKind.AGENT,
        'other messages left alone');
}

check(dispatcher.get_failure_count() === 0, 'no listener failed');
print(`GJS example: ${failures === 0 ? 'all effects present' : 'FAILED'}`);
System.exit(failures === 0 ? 0 : 1);
