// test-events.js: MibewEvents from GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run from the build tree (see meson.build): GI_TYPELIB_PATH holds the
// typelib just built, GJS_PATH the source tree's introspection/gjs, so
// that imports.mibewEvents is this checkout's helper module.
//
//   gjs test-events.js                    with imports.mibewEvents
//   gjs test-events.js --without-helper   without it
//
// Every handler counts its invocations and each test asserts the exact
// count: GJS 1.74 is reported to skip JS handlers after some garbage
// collections, and a skipped handler must not go unnoticed. Prints one
// line per check; exits 1 if any failed.

imports.gi.versions.GLib = '2.0';
imports.gi.versions.GObject = '2.0';
imports.gi.versions.Gio = '2.0';
imports.gi.versions.Json = '1.0';
imports.gi.versions.MibewEvents = '1.0';

const {GLib, GObject, Gio, Json, MibewEvents} = imports.gi;
const System = imports.system;

const WITH_HELPER = !ARGV.includes('--without-helper');
if (WITH_HELPER)
    imports.mibewEvents;   // guards every listener attached or connected from now on

const Kind = MibewEvents.EventKind;

// ------------------------------------------------------------------ JSON

function readDocument(event) {
    const dir = GLib.getenv('MIBEW_TEST_DATA');
    const [, bytes] = GLib.file_get_contents(`${dir}/${event}.json`);
    return JSON.parse(new TextDecoder().decode(bytes));
}

function testJson() {
    const dispatcher = MibewEvents.EventDispatcher.new();
    const doc = readDocument('threadPostMessage');
    let ran = 0;

    dispatcher.attach_listener('threadPostMessage', 0, (events, args) => {
        ran++;
        args.message_body = args.message_body.toUpperCase();
        return null;
    });
    const node = Json.from_string(JSON.stringify(doc));
    if (WITH_HELPER) {
        // the helper answers a plain object with a plain object
        const out = dispatcher.trigger_json('threadPostMessage', doc);
        assertEqual(ran, 1);
        assertEqual(out.message_body, doc.message_body.toUpperCase());
        assertEqual(JSON.stringify(out.thread), JSON.stringify(doc.thread));
        assertEqual(JSON.stringify(Object.keys(out)), JSON.stringify(Object.keys(doc)));
        const args = MibewEvents.EventArgs.new_from_json('threadPostMessage', doc);
        assertEqual(JSON.stringify(args.to_object()), JSON.stringify(doc));
    }
    const result = dispatcher.trigger_json('threadPostMessage', node);
    assert(result instanceof Json.Node, 'a node in gives a node back');
    const out = JSON.parse(Json.to_string(result, false));
    assertEqual(out.message_body, doc.message_body.toUpperCase());
    assertEqual(ran, WITH_HELPER ? 2 : 1);

    // a bad document: a GLib.Error naming the path, and no listener ran
    doc.thread.state = 'x';
    let error = null;
    try {
        dispatcher.trigger_json('threadPostMessage', Json.from_string(JSON.stringify(doc)));
    } catch (e) {
        error = e;
    }
    assert(error !== null, 'a bad document throws');
    assert(error.matches(MibewEvents.events_error_quark(), MibewEvents.EventsError.INVALID_ARGUMENTS),
        `${error}`);
    assertEqual(error.message, 'thread.state: expected an integer, got "x"');
    assertEqual(ran, WITH_HELPER ? 2 : 1);
}

function testNotify() {
    const dispatcher = MibewEvents.EventDispatcher.new();
    const args = MibewEvents.PostMessageArgs.new(MibewEvents.Thread.new(), MibewEvents.MessageKind.USER, 'hi', null);
    const seen = [];
    args.connect('notify::message-body', () => seen.push(args.message_body));
    const mirror = MibewEvents.ButtonFragment.new('');
    args.bind_property('message-body', mirror, 'html', GObject.BindingFlags.DEFAULT);

    args.message_body = 'hi';             // the same value: nothing
    assertEqual(seen.length, 0);
    args.set_message_body('hello');
    assertEqual(JSON.stringify(seen), JSON.stringify(['hello']));
    assertEqual(mirror.html, 'hello');
    let ran = 0;
    dispatcher.attach_listener('threadPostMessage', 0, () => {
        ran++;
        return 'bye';                      // a returned body notifies too
    });
    dispatcher.get_thread().emit_post_message(args);
    dispatcher.get_thread().emit_post_message(args);   // 'bye' again: no change
    assertEqual(ran, 2);
    assertEqual(JSON.stringify(seen), JSON.stringify(['hello', 'bye']));
    assertEqual(mirror.html, 'bye');
}

// ------------------------------------------------------------------ harness

let nTests = 0;
let nFailed = 0;

function test(name, func) {
    nTests++;
    try {
        func();
        print(`ok ${nTests} - ${name}`);
    } catch (e) {
        nFailed++;
        print(`not ok ${nTests} - ${name}`);
        printerr(`# ${name}: ${e}\n${e.stack ?? ''}`);
    }
}

function note(text) {
    print(`# ${text}`);
}

function fail(message) {
    throw new Error(message);
}

function assert(cond, message) {
    if (!cond)
        fail(message ?? 'assertion failed');
}

function same(a, b) {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function assertEqual(got, expected, message) {
    if (!same(got, expected))
        fail(`${message ?? 'values differ'}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

function assertThrowsEventsError(code, func, message) {
    try {
        func();
    } catch (e) {
        if (!(e instanceof GLib.Error))
            fail(`${message}: threw ${e}, not a GLib.Error`);
        assert(e.matches(MibewEvents.EventsError, code),
            `${message}: GLib.Error ${e.domain}/${e.code} is not EventsError ${code}`);
        assert(e.matches(MibewEvents.EventsError.quark(), code), `${message}: domain by quark`);
        return e;
    }
    fail(`${message}: no error thrown`);
    return null;
}

// -------------------------------------------------------------------- JSON

function jsonNode(value) {
    const builder = new Json.Builder();
    const add = v => {
        if (v === null) {
            builder.add_null_value();
        } else if (Array.isArray(v)) {
            builder.begin_array();
            v.forEach(add);
            builder.end_array();
        } else if (typeof v === 'object') {
            builder.begin_object();
            for (const [k, x] of Object.entries(v)) {
                builder.set_member_name(k);
                add(x);
            }
            builder.end_object();
        } else if (typeof v === 'boolean') {
            builder.add_boolean_value(v);
        } else if (typeof v === 'number' && Number.isInteger(v)) {
            builder.add_int_value(v);
        } else if (typeof v === 'number') {
            builder.add_double_value(v);
        } else {
            builder.add_string_value(String(v));
        }
    };
    add(value);
    return builder.get_root();
}

function jsonObject(value) {
    return jsonNode(value).get_object();
}

function toJS(boxed) {
    let node = boxed;
    if (boxed instanceof Json.Object)
        node = Json.Node.alloc().init_object(boxed);
    else if (boxed instanceof Json.Array)
        node = Json.Node.alloc().init_array(boxed);
    return JSON.parse(Json.to_string(node, false));
}

// ------------------------------------------------------------------ events

// [name, category, signal, kind, arguments]: events.md, as in the C and
// Python tests
const EVENTS = [
    ['banCreate', 'ban', 'create', 'notify', 'ban'],
    ['banUpdate', 'ban', 'update', 'notify', 'ban original-ban'],
    ['banDelete', 'ban', 'delete', 'notify', 'id'],
    ['buttonGenerate', 'button', 'generate', 'alter', 'button generator'],
    ['cronRun', 'cron', 'run', 'notify', ''],
    ['groupCreate', 'group', 'create', 'notify', 'group'],
    ['groupUpdate', 'group', 'update', 'notify', 'group original-group'],
    ['groupDelete', 'group', 'delete', 'notify', 'id'],
    ['groupUpdateOperators', 'group', 'update-operators', 'notify', 'group original-operators operators'],
    ['invitationCreate', 'invitation', 'create', 'notify', 'invitation'],
    ['invitationAccept', 'invitation', 'accept', 'notify', 'invitation'],
    ['invitationReject', 'invitation', 'reject', 'notify', 'invitation'],
    ['invitationIgnore', 'invitation', 'ignore', 'notify', 'invitation'],
    ['operatorAuthenticate', 'operator', 'authenticate', 'out', 'operator request'],
    ['operatorLogin', 'operator', 'login', 'notify', 'operator remember'],
    ['operatorLogout', 'operator', 'logout', 'notify', ''],
    ['operatorCreate', 'operator', 'create', 'notify', 'operator'],
    ['operatorUpdate', 'operator', 'update', 'notify', 'operator original-operator'],
    ['operatorDelete', 'operator', 'delete', 'notify', 'id'],
    ['pageAddCss', 'page', 'add-css', 'alter', 'request assets'],
    ['pageAddJs', 'page', 'add-js', 'alter', 'request assets'],
    ['pageAddJsPluginOptions', 'page', 'add-js-plugin-options', 'alter', 'request plugins'],
    ['resourceAccessDenied', 'resource', 'access-denied', 'out', 'request response'],
    ['resourceNotFound', 'resource', 'not-found', 'out', 'request response'],
    ['routesAlter', 'routing', 'routes-alter', 'alter', 'routes'],
    ['threadFunctionCall', 'thread', 'function-call', 'call', 'request-processor function arguments results'],
    ['threadCreate', 'thread', 'create', 'notify', 'thread'],
    ['threadUpdate', 'thread', 'update', 'notify', 'thread original-thread'],
    ['threadDelete', 'thread', 'delete', 'notify', 'id'],
    ['threadClose', 'thread', 'close', 'notify', 'thread'],
    ['threadPostMessage', 'thread', 'post-message', 'alter', 'thread message-kind message-body message-options'],
    ['threadGetMessagesAlter', 'thread', 'get-messages-alter', 'alter', 'thread messages'],
    ['threadUserIsReady', 'thread', 'user-is-ready', 'notify', 'thread'],
    ['usersUpdateThreadsAlter', 'users', 'update-threads-alter', 'alter', 'threads'],
    ['usersUpdateVisitorsLoad', 'users', 'update-visitors-load', 'out', 'visitors'],
    ['usersUpdateVisitorsAlter', 'users', 'update-visitors-alter', 'alter', 'visitors'],
    ['usersFunctionCall', 'users', 'function-call', 'call', 'request-processor function arguments results'],
    ['visitorCreate', 'visitor', 'create', 'notify', 'visitor'],
    ['visitorTrack', 'visitor', 'track', 'notify', 'visitor'],
    ['visitorDeleteOld', 'visitor', 'delete-old', 'notify', 'visitors'],
    ['widgetResponseAlter', 'widget', 'response-alter', 'alter',
        'visitor request response route-url-generator asset-url-generator'],
];

const KINDS = {notify: Kind.NOTIFY, alter: Kind.ALTER, out: Kind.OUT, call: Kind.CALL};
const OUT_SLOTS = {
    operatorAuthenticate: 'operator',
    resourceAccessDenied: 'response',
    resourceNotFound: 'response',
    usersUpdateVisitorsLoad: 'visitors',
};

function classOf(gtype) {
    const name = GObject.type_name(gtype);
    for (const [prefix, ns] of [['Mibew', MibewEvents], ['Json', Json], ['G', Gio]]) {
        if (name.startsWith(prefix) && ns[name.slice(prefix.length)]?.$gtype === gtype)
            return ns[name.slice(prefix.length)];
    }
    throw new Error(`no class for ${name}`);
}

function itemClass(prop) {
    if (prop === 'messages')
        return MibewEvents.Message;
    if (prop === 'threads')
        return MibewEvents.ListThread;
    return MibewEvents.ListVisitor;
}

// A distinct, recognisable value for a property, by its type.
function makeValue(pspec, index) {
    const t = pspec.value_type;
    const name = pspec.name;
    if (t === GObject.TYPE_INT64)
        return 4200 + index;
    if (t === GObject.TYPE_BOOLEAN)
        return true;
    if (t === GObject.TYPE_STRING)
        return `value of ${name}`;
    if (GObject.type_is_a(t, GObject.TYPE_ENUM)) {
        const values = Object.values(classOf(t)).filter(v => typeof v === 'number');
        return Math.max(...values);
    }
    if (t === Json.Object.$gtype)
        return jsonObject({marker: name});
    if (t === Json.Array.$gtype) {
        const a = new Json.Array();
        a.add_int_element(7);
        a.add_int_element(11 + index);
        return a;
    }
    if (t === Gio.ListStore.$gtype) {
        const store = Gio.ListStore.new(itemClass(name).$gtype);
        const item = new (itemClass(name))();
        item.set_string('marker', name);
        store.append(item);
        return store;
    }
    if (t === MibewEvents.AssetList.$gtype) {
        const assets = new MibewEvents.AssetList();
        assets.add_url(name);
        return assets;
    }
    if (t === MibewEvents.ButtonFragment.$gtype)
        return MibewEvents.ButtonFragment.new("<a href='#'>chat</a>");
    if (t === MibewEvents.UrlGenerator.$gtype)
        return MibewEvents.BaseUrlGenerator.new(`https://example.org/${name}`);
    if (GObject.type_is_a(t, MibewEvents.Record.$gtype)) {
        const record = new (classOf(t))();
        record.set_string('marker', name);
        return record;
    }
    throw new Error(`no test value for ${name} of type ${GObject.type_name(t)}`);
}

function prop(name) {
    return name.replace(/-/g, '_');
}

function emitTyped(emitter, signal, args) {
    return emitter[`emit_${signal.replace(/-/g, '_')}`](args);
}

function checkValue(event, who, pspec, expected, got) {
    const what = `${event}: ${who}: ${pspec.name}`;
    if (expected === null) {
        assert(got === null, `${what}: not emptied`);
    } else if (expected instanceof GObject.Object) {
        assert(got === expected, `${what}: another object`);
    } else if (expected instanceof Json.Object || expected instanceof Json.Array) {
        assert(got instanceof expected.constructor, `${what}: not a ${expected.constructor.name}`);
        assertEqual(toJS(got), toJS(expected), what);
    } else {
        assertEqual(typeof got, typeof expected, `${what}: type`);
        assertEqual(got, expected, what);
    }
    if (got instanceof MibewEvents.Record)
        assertEqual(got.get_string('marker'), pspec.name, `${what}: marker`);
    if (got instanceof Gio.ListStore)
        assertEqual(got.get_item(0).get_string('marker'), pspec.name, `${what}: item`);
}

// ------------------------------------------------------------------- tests

function testEventList() {
    const names = MibewEvents.EventDispatcher.list_events();
    assertEqual(names.length, 41, 'number of events');
    assertEqual(names, EVENTS.map(e => e[0]), 'the events of events.md');
    note('list_events() gives the 41 names of events.md');
}

// Every event, generically: its arguments reach a listener attached by
// name and a handler connected by signal name, through the trigger and
// the typed emitter, as the very same object with every value intact.
function testEvent([name, category, signal, kind, argNames]) {
    const d = new MibewEvents.EventDispatcher();
    const [ok, cat, signalName, kindValue, argsType] = MibewEvents.EventDispatcher.describe_event(name);
    assert(ok, `${name}: described`);
    assertEqual(signalName, signal, `${name}: signal`);
    assertEqual(kindValue, KINDS[kind], `${name}: kind`);
    const emitter = d.get_emitter(cat);
    assert(emitter === d[category], `${name}: the ${category} property`);
    assertEqual(emitter.get_event_name(signal), name, `${name}: event name of the signal`);

    const ArgsClass = classOf(argsType);
    const args = new ArgsClass();
    const documented = argNames.split(' ').filter(x => x);
    const expected = [];
    for (const pspec of GObject.Object.list_properties.call(ArgsClass)) {
        if (!GObject.type_is_a(pspec.owner_type, MibewEvents.EventArgs.$gtype))
            continue;
        if (!documented.includes(pspec.name)) {
            assert(pspec.name.startsWith('original-'), `${name}: undocumented ${pspec.name}`);
            continue;
        }
        const value = makeValue(pspec, expected.length);
        args[prop(pspec.name)] = value;
        expected.push([pspec, value]);
    }
    assertEqual(expected.map(e => e[0].name).sort(), [...documented].sort(), `${name}: arguments`);

    const calls = [];
    const verify = who => (em, a) => {
        assert(em === emitter, `${name}: ${who}: another emitter`);
        assert(a === args, `${name}: ${who}: another arguments object`);
        for (const [pspec, value] of expected) {
            checkValue(name, who, pspec, value, a[prop(pspec.name)]);
            // and the getter method
            checkValue(name, who, pspec, value, a[`get_${prop(pspec.name)}`]());
        }
        calls.push(who);
        return null;
    };

    const isOut = kindValue === Kind.OUT;
    const id = d.attach_listener(name, 0, verify('attached'));
    assert(id > 0, `${name}: listener id`);
    const ret = emitTyped(emitter, signal, args);
    if (isOut)
        assert(ret === true, `${name}: the filled slot answers`);
    assert(d.trigger(name, args), `${name}: trigger`);
    assertEqual(calls, ['attached', 'attached'], `${name}: attached`);

    // only a connected handler; an out event's slot emptied first (with a
    // slot filled on entry the GSignal path runs no handler)
    d.detach_listener(name, id);
    const handlerId = emitter.connect(signal, verify('connected'));
    let saved = null;
    if (isOut) {
        saved = expected.map(e => e.slice());
        for (const e of expected) {
            if (e[0].name === OUT_SLOTS[name])
                e[1] = null;
        }
        args[OUT_SLOTS[name]] = null;
    }
    calls.length = 0;
    emitTyped(emitter, signal, args);
    d.trigger(name, args);
    assertEqual(calls, ['connected', 'connected'], `${name}: connected`);
    if (isOut) {
        expected.splice(0, expected.length, ...saved);
        args[OUT_SLOTS[name]] = saved.find(e => e[0].name === OUT_SLOTS[name])[1];
    }

    // both
    d.attach_listener(name, 0, verify('attached'));
    calls.length = 0;
    emitTyped(emitter, signal, args);
    d.trigger(name, args);
    assertEqual(calls, isOut ? ['attached', 'attached'] : ['attached', 'connected', 'attached', 'connected'],
        `${name}: both`);

    emitter.disconnect(handlerId);
    calls.length = 0;
    emitTyped(emitter, signal, args);
    assertEqual(calls, ['attached'], `${name}: after disconnect`);
    if (WITH_HELPER)
        assertEqual(d.failure_count, 0, `${name}: no failed check inside a listener`);
}

// ---- notify

function testNotify() {
    const d = new MibewEvents.EventDispatcher();
    const seen = [];
    // ban
    const ban = new MibewEvents.Ban();
    ban.address = '10.0.0.1';
    d.attach_listener('banCreate', 0, (e, a) => {
        seen.push(`ban ${a.ban.address}`);
        a.ban.comment = 'from gjs';
    });
    d.ban.connect_after('create', (e, a) => seen.push(`after ${a.ban.comment}`));
    const banArgs = MibewEvents.BanArgs.new(ban, null);
    assert(d.ban.emit_create(banArgs) === undefined, 'notify emitters return nothing');
    assertEqual(ban.comment, 'from gjs', 'change to the ban seen by the emitter');
    // cron: no arguments
    d.attach_listener('cronRun', 0, (e, a) => seen.push(`cron ${a.constructor.name}`));
    d.cron.emit_run(new MibewEvents.EventArgs());
    // group
    d.group.connect('update-operators', (e, a) => seen.push(`operators ${JSON.stringify(toJS(a.original_operators))}->${JSON.stringify(toJS(a.operators))}`));
    const ops = new Json.Array();
    ops.add_int_element(3);
    d.trigger('groupUpdateOperators', MibewEvents.GroupOperatorsArgs.new(new MibewEvents.Group(), new Json.Array(), ops));
    // invitation
    d.attach_listener('invitationAccept', 0, (e, a) => seen.push(`invitation ${a.invitation.invitation_state}`));
    const inv = new MibewEvents.Thread();
    inv.invitation_state = MibewEvents.InvitationState.ACCEPTED;
    d.invitation.emit_accept(MibewEvents.InvitationArgs.new(inv));
    // visitor
    d.visitor.connect('delete-old', (e, a) => seen.push(`deleted ${JSON.stringify(toJS(a.visitors))}`));
    const ids = new Json.Array();
    [1, 2, 3].forEach(i => ids.add_int_element(i));
    d.visitor.emit_delete_old(MibewEvents.VisitorIdsArgs.new(ids));
    assertEqual(seen, [
        'ban 10.0.0.1', 'after from gjs', 'cron MibewEvents_EventArgs', 'operators []->[3]',
        `invitation ${MibewEvents.InvitationState.ACCEPTED}`, 'deleted [1,2,3]',
    ], 'notify listeners');
    note(`notify (ban, cron, group, invitation, visitor): ${seen.length} listeners ran`);
}

// ---- alter

function testAlterPostMessage() {
    const d = new MibewEvents.EventDispatcher();
    const thread = new MibewEvents.Thread();
    const args = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.USER, 'hi', null);
    const seen = [];
    d.attach_listener('threadPostMessage', -1, (e, a) => {
        seen.push(a.message_body);
        return a.message_body.toUpperCase();          // returned: chained
    });
    d.thread.connect('post-message', (e, a) => {
        seen.push(a.message_body);
        a.message_body += '!';                        // changed in place
        a.message_kind = MibewEvents.MessageKind.INFO;
        a.message_options.set_string_member('plugin', 'gjs');
        return null;
    });
    d.attach_listener('threadPostMessage', 5, (e, a) => {
        seen.push(`${a.message_body}/${a.message_kind}/${a.message_options.get_string_member('plugin')}`);
        return null;
    });
    d.thread.emit_post_message(args);
    assertEqual(seen, ['hi', 'HI', `HI!/${MibewEvents.MessageKind.INFO}/gjs`], 'chain');
    assertEqual(args.get_message_body(), 'HI!', 'emitter sees the body');
    assertEqual(args.get_message_kind(), MibewEvents.MessageKind.INFO, 'emitter sees the kind');
    assertEqual(toJS(args.get_message_options()), {plugin: 'gjs'}, 'emitter sees the options');
    assert(args.thread === thread, 'the same thread');
    note('post-message: returned body chained, in-place changes seen by the next listener and the emitter');
}

function testAlterButton() {
    const d = new MibewEvents.EventDispatcher();
    const args = MibewEvents.ButtonArgs.new(MibewEvents.ButtonFragment.new('<a>chat</a>'), jsonObject({kind: 'text'}));
    let made = null;
    let n = 0;
    d.attach_listener('buttonGenerate', 0, (e, a) => {
        n++;
        made = MibewEvents.ButtonFragment.new(`<div>${a.button.html}</div>`);
        return made;
    });
    d.button.connect_after('generate', (e, a) => {
        n++;
        assert(a.button === made, 'the returned fragment');
        a.button.html += '<!-- gjs -->';
        return null;
    });
    d.button.emit_generate(args);
    assertEqual(n, 2, 'both ran');
    assert(args.button === made, 'returned ButtonFragment replaced the button');
    assertEqual(args.button.get_html(), '<div><a>chat</a></div><!-- gjs -->', 'button html');
    note('button-generate: the returned ButtonFragment replaced the button');
}

function testAlterPage() {
    const d = new MibewEvents.EventDispatcher();
    const args = MibewEvents.AssetsArgs.new(new MibewEvents.Request(), null);
    d.attach_listener('pageAddCss', 0, () => {
        const extra = new MibewEvents.AssetList();
        extra.add_url('a.css');
        return extra;
    });
    d.page.connect('add-css', (e, a) => {
        a.assets.add_inline('body{}', 100);
        return null;
    });
    d.page.connect_after('add-css', () => {
        const extra = new MibewEvents.AssetList();
        extra.add_url('b.css');
        return extra;
    });
    d.page.emit_add_css(args);
    const contents = [];
    for (let i = 0; i < args.assets.get_n_items(); i++)
        contents.push(args.assets.get_asset(i).get_content());
    assertEqual(contents, ['a.css', 'body{}', 'b.css'], 'assets appended');

    const options = MibewEvents.PluginOptionsArgs.new(null, jsonObject({core: 1}));
    d.attach_listener('pageAddJsPluginOptions', 0, () => jsonObject({a: {x: 1}, b: 'first'}));
    d.attach_listener('pageAddJsPluginOptions', 1, (e, a) => {
        a.plugins.set_string_member('c', 'in place');
        return jsonObject({b: 'second'});
    });
    assert(d.trigger('pageAddJsPluginOptions', options), 'trigger');
    assertEqual(toJS(options.plugins), {core: 1, a: {x: 1}, b: 'second', c: 'in place'}, 'plugin options merged');
    note(`add-css: ${JSON.stringify(contents)}; add-js-plugin-options merged, later keys win`);
}

function testAlterRoutes() {
    const d = new MibewEvents.EventDispatcher();
    const args = MibewEvents.RoutesArgs.new(new MibewEvents.RouteCollection());
    let replacement = null;
    d.attach_listener('routesAlter', 0, (e, a) => {
        a.routes.add_route('gjs_page', '/gjs/{id}', jsonObject({id: 1}), null, ['GET']);
        return null;
    });
    d.attach_listener('routesAlter', 1, (e, a) => {
        replacement = new MibewEvents.RouteCollection();
        for (const n of a.routes.get_names())
            replacement.add_route(n, a.routes.get_path(n), null, null, null);
        replacement.add_route('extra', '/extra', null, null, null);
        return replacement;
    });
    d.routing.emit_routes_alter(args);
    assert(args.routes === replacement, 'returned collection replaced the routes');
    assertEqual(args.routes.get_names().sort(), ['extra', 'gjs_page'], 'routes');
    note('routes-alter: add_route in place, returned RouteCollection replaced');
}

function testAlterUsers() {
    const d = new MibewEvents.EventDispatcher();
    const threads = Gio.ListStore.new(MibewEvents.ListThread.$gtype);
    for (let i = 0; i < 2; i++) {
        const t = new MibewEvents.ListThread();
        t.id = i + 1;
        threads.append(t);
    }
    const args = MibewEvents.ListThreadsArgs.new(threads);
    d.attach_listener('usersUpdateThreadsAlter', 0, (e, a) => {
        for (let i = 0; i < a.threads.get_n_items(); i++) {
            const t = a.threads.get_item(i);
            t.set_member('gjsBadge', jsonNode({level: t.id}));
            t.get_json().set_string_member('gjsNote', `note ${t.id}`);
        }
        return null;
    });
    d.users.emit_update_threads_alter(args);
    for (let i = 0; i < 2; i++) {
        const form = toJS(args.threads.get_item(i).to_json());
        assertEqual(form.gjsBadge, {level: i + 1}, 'custom key survives');
        assertEqual(form.gjsNote, `note ${i + 1}`, 'custom key through get_json survives');
    }

    const messages = Gio.ListStore.new(MibewEvents.Message.$gtype);
    const m = new MibewEvents.Message();
    m.message = 'hello';
    messages.append(m);
    const margs = MibewEvents.MessagesArgs.new(new MibewEvents.Thread(), messages);
    let returned = null;
    d.attach_listener('threadGetMessagesAlter', 0, () => {
        returned = Gio.ListStore.new(MibewEvents.Message.$gtype);
        const x = new MibewEvents.Message();
        x.message = 'replaced';
        returned.append(x);
        return returned;
    });
    d.thread.emit_get_messages_alter(margs);
    assert(margs.messages === returned, 'returned Gio.ListStore replaced the messages');
    note('update-threads-alter: custom keys survive; get-messages-alter: returned list replaced');
}

function testAlterWidget() {
    const d = new MibewEvents.EventDispatcher();
    const args = MibewEvents.WidgetResponseArgs.new(new MibewEvents.SiteVisitor(), new MibewEvents.Request(),
        new MibewEvents.WidgetResponse(), MibewEvents.BaseUrlGenerator.new('https://m.example.org'),
        MibewEvents.BaseUrlGenerator.new('https://m.example.org/static'));
    const now = Date.now() / 1000;
    d.attach_listener('widgetResponseAlter', 0, (e, a) => {
        // the seed's PHP example
        const g = a.asset_url_generator;
        a.response.add_load('the_lib', '');
        a.response.add_load('the_func', g.generate('plugins/example/func.js'));
        a.response.add_handler('usefulFunc');
        a.response.set_dependencies('usefulFunc', ['the_lib', 'the_func']);
        a.response.set_data('usefulFunc', jsonNode({time: now}));
        return null;
    });
    d.widget.emit_response_alter(args);
    assertEqual(toJS(args.response.to_json()), {
        load: {the_lib: '', the_func: 'https://m.example.org/static/plugins/example/func.js'},
        handlers: ['usefulFunc'],
        dependencies: {usefulFunc: ['the_lib', 'the_func']},
        data: {usefulFunc: {time: now}},
    }, 'widget response');
    note('response-alter: the seed example works from GJS');
}

// ---- out

function testOut() {
    const d = new MibewEvents.EventDispatcher();
    const seen = [];
    d.attach_listener('operatorAuthenticate', 0, (e, a) => {
        seen.push('none');
        return null;
    });
    let args = MibewEvents.AuthenticateArgs.new(null, new MibewEvents.Request());
    assert(d.operator.emit_authenticate(args) === false, 'nobody answered');
    assert(args.operator === null, 'no operator');

    d.attach_listener('operatorAuthenticate', 1, () => {
        seen.push('alice');
        const op = new MibewEvents.Operator();
        op.vclogin = 'alice';
        return op;
    });
    d.attach_listener('operatorAuthenticate', 2, () => {
        seen.push('never');
        return new MibewEvents.Operator();
    });
    d.operator.connect_after('authenticate', () => {
        seen.push('never-after');
        return null;
    });
    args = MibewEvents.AuthenticateArgs.new(null, new MibewEvents.Request());
    assert(d.operator.emit_authenticate(args) === true, 'answered');
    assertEqual(args.operator.vclogin, 'alice', 'first answer wins');
    assertEqual(seen, ['none', 'none', 'alice'], 'later listeners did not run');

    // resource: filled in place by a connected handler
    const rargs = MibewEvents.ResourceArgs.new(new MibewEvents.Request(), null);
    let n = 0;
    d.resource.connect('not-found', (e, a) => {
        n++;
        const r = new MibewEvents.Response();
        r.status = 404;
        r.content = 'gjs page';
        a.response = r;
        return null;
    });
    d.attach_listener('resourceNotFound', 1, () => {
        n++;
        return new MibewEvents.Response();
    });
    assert(d.resource.emit_not_found(rargs), 'not-found answered');
    assertEqual([n, rargs.response.status, rargs.response.content], [1, 404, 'gjs page'], 'not-found');

    // users: nobody answers -> the default loader
    const vargs = MibewEvents.ListVisitorsArgs.new(null);
    let m = 0;
    d.attach_listener('usersUpdateVisitorsLoad', 0, () => {
        m++;
        return null;
    });
    assert(d.users.emit_update_visitors_load(vargs) === false, 'visitors not loaded');
    assert(vargs.visitors === null, 'visitors still null');
    d.attach_listener('usersUpdateVisitorsLoad', 1, () => {
        m++;
        return Gio.ListStore.new(MibewEvents.ListVisitor.$gtype);
    });
    assert(d.users.emit_update_visitors_load(vargs) === true, 'an empty list answers');
    assertEqual([m, vargs.visitors.get_n_items()], [3, 0], 'visitors');
    note('out: operator-authenticate first wins, not-found filled in place, update-visitors-load default');
}

// ---- call

function testCall() {
    for (const [event, category] of [['threadFunctionCall', 'thread'], ['usersFunctionCall', 'users']]) {
        const d = new MibewEvents.EventDispatcher();
        const seen = [];
        d.attach_listener(`${event}::microtime`, 0, (e, a) => {
            seen.push(`microtime:${a.function}`);
            const asFloat = a.arguments.has_member('as_float') && a.arguments.get_boolean_member('as_float');
            a.results.set_double_member('time', asFloat ? 1234.5 : 1234);
            return jsonObject({by: 'first'});
        });
        d.attach_listener(event, 1, (e, a) => {
            seen.push(`any:${a.function}`);
            return jsonObject({by: 'second'});
        });
        d[category].connect('function-call::otherFunc', (e, a) => {
            seen.push(`signal:${a.function}`);
            return jsonObject({signal: true});
        });
        const call = fn => {
            const p = new MibewEvents.RequestProcessor();
            p.kind = category;
            const args = MibewEvents.FunctionCallArgs.new(p, fn, jsonObject({as_float: true}), jsonObject({core: 'yes'}));
            d[category].emit_function_call(args);
            return toJS(args.results);
        };
        assertEqual(call('microtime'), {core: 'yes', time: 1234.5, by: 'second'}, `${event} microtime`);
        assertEqual(call('otherFunc'), {core: 'yes', signal: true, by: 'second'}, `${event} otherFunc`);
        assertEqual(seen, ['microtime:microtime', 'any:microtime', 'signal:otherFunc', 'any:otherFunc'],
            `${event} listeners`);
        note(`${event}: ::microtime detail, results merged, later keys win`);
    }
}

// KNOWN LIBRARY BUG: a handler connected to "function-call" without a
// detail must run for every function; mibew_event_emitter_emit() asks
// g_signal_has_handler_pending() with the function's quark as detail,
// which only finds handlers connected with exactly that detail, so
// undetailed handlers are skipped once the function name is an interned
// quark (here: interned by attaching "usersFunctionCall::microtime").
function testUndetailedHandler() {
    const d = new MibewEvents.EventDispatcher();
    const seen = [];
    d.attach_listener('usersFunctionCall::microtime', 0, () => {
        seen.push('listener');
        return null;
    });
    d.users.connect('function-call', () => {
        seen.push('handler');
        return null;
    });
    d.users.emit_function_call(MibewEvents.FunctionCallArgs.new(null, 'microtime', null, null));
    assertEqual(seen, ['listener', 'handler'], 'undetailed handler for an interned function name');
}

// ---- dispatcher

function testPriorities() {
    const d = new MibewEvents.EventDispatcher();
    const order = [];
    for (const [tag, priority] of [['a', -5], ['b', 10], ['c', 0], ['d', 0]])
        d.attach_listener('threadClose', priority, () => order.push(tag));
    d.thread.connect('close', () => order.push('signal'));
    d.thread.connect_after('close', () => order.push('after'));
    d.attach_listener('threadClose', -10, () => order.push('e'));
    d.thread.emit_close(MibewEvents.ThreadArgs.new(new MibewEvents.Thread(), null));
    assertEqual(order, ['e', 'a', 'c', 'd', 'signal', 'b', 'after'], 'order');
    note(`priorities [-5, 10, 0, 0, -10] + connect + connect_after: ${order.join(' ')}`);
}

function testDetachAndErrors() {
    const d = new MibewEvents.EventDispatcher();
    let n = 0;
    const id1 = d.attach_listener('groupDelete', 0, () => n++);
    const id2 = d.attach_listener('groupDelete', 0, () => n++);
    const args = MibewEvents.IdArgs.new(5);
    d.group.emit_delete(args);
    assertEqual(n, 2, 'both ran');
    assert(d.detach_listener('groupDelete', id1), 'detached');
    d.group.emit_delete(args);
    assertEqual(n, 3, 'one left');
    assertThrowsEventsError(MibewEvents.EventsError.UNKNOWN_LISTENER,
        () => d.detach_listener('groupDelete', id1), 'detaching twice');
    assertThrowsEventsError(MibewEvents.EventsError.UNKNOWN_EVENT,
        () => d.detach_listener('groupExplode', id2), 'unknown event on detach');
    assertThrowsEventsError(MibewEvents.EventsError.UNKNOWN_EVENT,
        () => d.attach_listener('groupExplode', 0, () => null), 'unknown event on attach');
    assertThrowsEventsError(MibewEvents.EventsError.INVALID_ARGUMENTS,
        () => d.trigger('groupDelete', new MibewEvents.EventArgs()), 'wrong arguments');
    assertEqual(n, 3, 'nothing emitted with wrong arguments');
    note('detach_listener; GLib.Error in MibewEvents.EventsError for unknown listener/event, wrong arguments');
}

function testFailingListeners() {
    const d = new MibewEvents.EventDispatcher();
    const order = [];
    const failures = [];
    d.connect('listener-failed', (disp, event, message) => failures.push([event, message]));
    d.attach_listener('threadPostMessage', -1, (e, a) => {
        order.push('1');
        return `${a.message_body}1`;
    });
    d.attach_listener('threadPostMessage', 0, () => {
        order.push('boom');
        throw new Error('listener exploded');
    });
    d.thread.connect('post-message', () => {
        order.push('boom-signal');
        throw new TypeError('handler exploded');
    });
    d.attach_listener('threadPostMessage', 1, (e, a) => {
        order.push('2');
        return `${a.message_body}2`;
    });
    d.thread.connect_after('post-message', (e, a) => {
        order.push('3');
        return `${a.message_body}3`;
    });
    const args = MibewEvents.PostMessageArgs.new(null, MibewEvents.MessageKind.USER, 'x', null);
    d.thread.emit_post_message(args);
    assertEqual(order, ['1', 'boom', 'boom-signal', '2', '3'], 'the others ran');
    assertEqual(args.message_body, 'x123', 'the chain went on');
    if (WITH_HELPER) {
        assertEqual(d.failure_count, 2, 'failure-count');
        assertEqual(d.get_failure_count(), 2, 'get_failure_count()');
        assertEqual(failures.map(f => f[0]), ['threadPostMessage', 'threadPostMessage'], 'listener-failed events');
        assert(failures[0][1].includes('listener exploded'), `message: ${failures[0][1]}`);
        assert(failures[1][1].includes('TypeError'), `message: ${failures[1][1]}`);
        note(`failing listeners: others ran; failure-count ${d.failure_count}; listener-failed: ${failures[0][1]}`);
    } else {
        // without the helper GJS logs the exception; C cannot see it
        assertEqual(d.failure_count, 0, 'no failure reported without the helper');
        assertEqual(failures, [], 'no listener-failed without the helper');
        note('failing listeners without the helper: the others ran (GJS logged the exceptions)');
    }
}

// Handlers must keep running across garbage collections: count every
// invocation, collect between emissions, assert the exact count.
// ---- wrong answers

// What each alter, out and call event's listeners return, as the helper's
// messages name it: the test's own copy of the contract.
const ANSWER_TYPES = {
    buttonGenerate: 'MibewButtonFragment',
    operatorAuthenticate: 'MibewOperator',
    pageAddCss: 'MibewAssetList',
    pageAddJs: 'MibewAssetList',
    pageAddJsPluginOptions: 'JsonObject',
    resourceAccessDenied: 'MibewResponse',
    resourceNotFound: 'MibewResponse',
    routesAlter: 'MibewRouteCollection',
    threadFunctionCall: 'JsonObject',
    threadPostMessage: 'string',
    threadGetMessagesAlter: 'GListStore',
    usersUpdateThreadsAlter: 'GListStore',
    usersUpdateVisitorsLoad: 'GListStore',
    usersUpdateVisitorsAlter: 'GListStore',
    usersFunctionCall: 'JsonObject',
    widgetResponseAlter: 'MibewWidgetResponse',
};

// Three answers of the wrong type, with the names the helper gives them.
function wrongAnswers(expected) {
    if (expected === 'string')
        return [[42, 'number'], [new MibewEvents.Operator(), 'MibewOperator'], [true, 'boolean']];
    if (expected === 'JsonObject')
        return [['{"a": 1}', 'string'], [[1, 2], 'Array'], [new Json.Array(), 'JsonArray']];
    return [['wrong', 'string'], [42, 'number'], [new MibewEvents.Thread(), 'MibewThread']];
}

// Every argument in a comparable form: objects by identity (GJS keeps one
// wrapper per object), JSON by its text.
function snapshot(args) {
    return GObject.Object.list_properties.call(args.constructor).map(pspec => {
        const value = args[prop(pspec.name)];
        if (value instanceof Json.Object || value instanceof Json.Array)
            return [pspec.name, JSON.stringify(toJS(value))];
        return [pspec.name, value];
    });
}

function assertSameSnapshot(got, expected, message) {
    assertEqual(got.map(e => e[0]), expected.map(e => e[0]), `${message}: properties`);
    got.forEach(([name, value], i) => {
        assert(value === expected[i][1], `${message}: ${name} changed`);
    });
}

// A listener named after its event and tag, as the messages must show it.
function named(listenerName, func) {
    return {[listenerName]: (...args) => func(...args)}[listenerName];
}

// Every alter, out and call event, through the three guarded ways of
// listening: three wrong answers (attach_listener, connect,
// connect_after), each followed by a listener that must still run and
// find the arguments as they were.
function testWrongAnswers([name, category, signal]) {
    const d = new MibewEvents.EventDispatcher();
    const failures = [];
    d.connect('listener-failed', (disp, event, message) => failures.push([event, message]));
    const [, cat, signalName, , argsType] = MibewEvents.EventDispatcher.describe_event(name);
    const emitter = d.get_emitter(cat);
    const query = GObject.signal_query(GObject.signal_lookup(signalName, emitter.constructor.$gtype));
    const expected = ANSWER_TYPES[name];
    assertEqual(query.return_type === GObject.TYPE_STRING ? 'string' : GObject.type_name(query.return_type),
        expected, `${name}: what the signal returns`);

    const args = new (classOf(argsType))();
    GObject.Object.list_properties.call(args.constructor).forEach((pspec, index) => {
        args[prop(pspec.name)] = makeValue(pspec, index);
    });
    if (OUT_SLOTS[name])
        args[OUT_SLOTS[name]] = null;     // so that every listener runs
    const before = snapshot(args);
    const order = [];
    const wrong = wrongAnswers(expected);
    const wrongListeners = wrong.map(([answer], i) => named(`${name}Wrong${i}`, () => {
        order.push(`wrong ${i}`);
        return answer;
    }));
    const observer = tag => () => {
        order.push(tag);
        assertSameSnapshot(snapshot(args), before, `${name}: ${tag}`);
        return null;
    };
    // attached listeners at or below priority 0 run before connected
    // handlers, those above after them; connect_after comes last
    d.attach_listener(name, -1, wrongListeners[0]);
    d.attach_listener(name, 0, observer('after 0'));
    emitter.connect(signal, wrongListeners[1]);
    d.attach_listener(name, 1, observer('after 1'));
    emitter.connect_after(signal, wrongListeners[2]);
    d.trigger(name, args);

    assertEqual(order, ['wrong 0', 'after 0', 'wrong 1', 'after 1', 'wrong 2'], `${name}: the others ran`);
    assertSameSnapshot(snapshot(args), before, `${name}: after the emission`);
    if (WITH_HELPER) {
        assertEqual(d.failure_count, 3, `${name}: failure-count`);
        assertEqual(failures.map(f => f[0]), [name, name, name], `${name}: listener-failed events`);
        failures.forEach(([, message], i) => {
            assert(message.includes(`${name}Wrong${i}`), `${name}: the listener's name in ${message}`);
            assert(message.includes(`returned ${wrong[i][1]}, expected ${expected}`),
                `${name}: the types in ${message}`);
        });
        note(`${name}: wrong answers (${wrong.map(w => w[1]).join(', ')}) reported, expected ${expected}; ` +
            'arguments intact; the others ran');
    } else {
        // without the helper GJS fails to convert and logs it; C cannot see it
        assertEqual(d.failure_count, 0, `${name}: nothing reported without the helper`);
        note(`${name}: without the helper wrong answers changed nothing, and nothing was reported`);
    }
}

function testWrongAnswerNamed() {
    const d = new MibewEvents.EventDispatcher();
    const failures = [];
    d.connect('listener-failed', (disp, event, message) => failures.push([event, message]));
    const seen = [];
    function answersANumber(e, a) {
        seen.push(`number ${a.message_body}`);
        return 42;
    }
    d.attach_listener('threadPostMessage', 0, answersANumber);
    d.attach_listener('threadPostMessage', 1, (e, a) => {
        seen.push(`next ${a.message_body}`);
        return `${a.message_body}!`;
    });
    const args = MibewEvents.PostMessageArgs.new(null, MibewEvents.MessageKind.USER, 'hi', null);
    d.thread.emit_post_message(args);
    assertEqual(seen, ['number hi', 'next hi'], 'the next listener saw the body unchanged');
    assertEqual(args.message_body, 'hi!', 'body');

    function answersAName() {
        return 'alice';
    }
    d.attach_listener('operatorAuthenticate', 0, answersAName);
    const auth = MibewEvents.AuthenticateArgs.new(null, new MibewEvents.Request());
    assert(d.operator.emit_authenticate(auth) === false, 'a name is no answer');
    assert(auth.operator === null, 'no operator');
    d.operator.connect_after('authenticate', () => {
        const op = new MibewEvents.Operator();
        op.vclogin = 'carol';
        return op;
    });
    assert(d.operator.emit_authenticate(auth) === true, 'the next one answered');
    assertEqual(auth.operator.vclogin, 'carol', 'its operator');

    // notify events ignore what listeners return
    d.attach_listener('cronRun', 0, () => 42);
    d.visitor.connect('track', () => 'a string');
    d.cron.emit_run(new MibewEvents.EventArgs());
    d.trigger('visitorTrack', MibewEvents.SiteVisitorArgs.new(new MibewEvents.SiteVisitor()));

    if (WITH_HELPER) {
        assertEqual(d.failure_count, 3, 'failure-count');
        assertEqual(failures.map(f => f[0]), ['threadPostMessage', 'operatorAuthenticate', 'operatorAuthenticate'],
            'listener-failed events');
        assert(failures[0][1].includes('answersANumber returned number, expected string'), failures[0][1]);
        assert(failures[1][1].includes('answersAName returned string, expected MibewOperator'), failures[1][1]);
        note(`wrong answers reported: ${failures[0][1]}; notify answers ignored`);
    } else {
        assertEqual(d.failure_count, 0, 'nothing reported without the helper');
        note('wrong answers without the helper: nothing changed, nothing reported');
    }
}

function testHandlersSurviveGC() {
    const d = new MibewEvents.EventDispatcher();
    const counts = {attached: 0, connected: 0, after: 0, detailed: 0};

    // connect from a function scope: nothing in JS keeps the emitter's
    // wrapper or the closures, except the connections themselves
    (function connectAll() {
        for (let i = 0; i < 5; i++) {
            d.attach_listener('threadPostMessage', i - 2, () => {
                counts.attached++;
                return null;
            });
            d.thread.connect('post-message', () => {
                counts.connected++;
                return null;
            });
            d.thread.connect_after('post-message', () => {
                counts.after++;
                return null;
            });
            d.users.connect('function-call::gcTest', () => {
                counts.detailed++;
                return null;
            });
        }
    })();

    const rounds = 20;
    for (let round = 1; round <= rounds; round++) {
        System.gc();
        // fresh arguments every round, dropped right after
        d.trigger('threadPostMessage', MibewEvents.PostMessageArgs.new(new MibewEvents.Thread(),
            MibewEvents.MessageKind.USER, `round ${round}`, null));
        System.gc();
        d.thread.emit_post_message(MibewEvents.PostMessageArgs.new(null, MibewEvents.MessageKind.USER, 'typed', null));
        d.users.emit_function_call(MibewEvents.FunctionCallArgs.new(null, 'gcTest', null, null));
        const expected = {attached: 10 * round, connected: 10 * round, after: 10 * round, detailed: 5 * round};
        assertEqual(counts, expected, `after ${round} rounds with GC`);
    }
    note(`after ${rounds} rounds with imports.system.gc() between emissions every handler ran: ${JSON.stringify(counts)}`);
}

// GC while an emission runs, from inside a listener, and listeners on the
// default dispatcher whose wrappers JS does not hold.
function testGCDuringEmission() {
    const counts = {before: 0, collector: 0, signal: 0, after: 0, late: 0};
    (function attachAll() {
        const d = MibewEvents.EventDispatcher.get_default();
        d.attach_listener('visitorTrack', -1, () => {
            counts.before++;
        });
        d.attach_listener('visitorTrack', 0, () => {
            counts.collector++;
            System.gc();
        });
        d.visitor.connect('track', () => {
            counts.signal++;
            System.gc();
        });
        d.visitor.connect_after('track', () => {
            counts.after++;
        });
        d.attach_listener('visitorTrack', 7, () => {
            counts.late++;
        });
    })();
    for (let round = 1; round <= 10; round++) {
        System.gc();
        const args = MibewEvents.SiteVisitorArgs.new(new MibewEvents.SiteVisitor());
        if (round % 2)
            MibewEvents.EventDispatcher.get_default().trigger('visitorTrack', args);
        else
            MibewEvents.EventDispatcher.get_default().get_visitor().emit_track(args);
        assertEqual(counts, {before: round, collector: round, signal: round, after: round, late: round},
            `round ${round}`);
    }
    note(`imports.system.gc() inside listeners, default dispatcher: every handler ran: ${JSON.stringify(counts)}`);
}

// Whether a dispatcher is freed once JS drops it, with one listener of
// each way attached: its category object, kept, then has no dispatcher.
function dispatcherFreed(how) {
    const events = (function () {
        const d = new MibewEvents.EventDispatcher();
        if (how === 'attach_listener')
            d.attach_listener('cronRun', 0, () => null);
        else
            d.cron.connect('run', () => null);
        return d.cron;
    })();
    System.gc();
    System.gc();
    return events.get_dispatcher() === null;
}

function testDispatcherFreed() {
    const kept = ['attach_listener', 'connect'].filter(how => !dispatcherFreed(how));
    note(`dispatchers kept alive by a JS listener: ${kept.length ? kept.join(', ') : 'none'}`);
    assertEqual(kept, [], 'dispatchers kept alive');
}

function testArgumentsSurviveGC() {
    const d = new MibewEvents.EventDispatcher();
    const kept = [];
    d.attach_listener('threadFunctionCall', 0, (e, a) => {
        kept.push([a, a.results, a.request_processor]);
        a.results.set_string_member('kept', 'yes');
        return null;
    });
    (function emitAndDrop() {
        const p = new MibewEvents.RequestProcessor();
        p.kind = 'thread';
        d.thread.emit_function_call(MibewEvents.FunctionCallArgs.new(p, 'keep', null, jsonObject({n: 1})));
    })();
    System.gc();
    System.gc();
    const [args, results, processor] = kept[0];
    assertEqual(toJS(results), {n: 1, kept: 'yes'}, 'kept results');
    assertEqual(toJS(args.results), {n: 1, kept: 'yes'}, 'kept arguments');
    assertEqual(args.function, 'keep', 'function');
    assertEqual(processor.kind, 'thread', 'processor');
    note('values a listener keeps survive GC after the emitter dropped them');
}

// ------------------------------------------------------------------ main

note(`GJS ${System.version}, ${WITH_HELPER ? 'with' : 'without'} imports.mibewEvents`);
test('the 41 events of events.md', testEventList);
for (const e of EVENTS)
    test(`${e[0]}: every argument reaches GJS listeners`, () => testEvent(e));
test('notify events', testNotify);
test('alter: threadPostMessage', testAlterPostMessage);
test('alter: buttonGenerate', testAlterButton);
test('alter: pageAddCss, pageAddJsPluginOptions', testAlterPage);
test('alter: routesAlter', testAlterRoutes);
test('alter: usersUpdateThreadsAlter, threadGetMessagesAlter', testAlterUsers);
test('alter: widgetResponseAlter (seed example)', testAlterWidget);
test('out: operatorAuthenticate, resourceNotFound, usersUpdateVisitorsLoad', testOut);
test('call: threadFunctionCall, usersFunctionCall', testCall);
test('an undetailed function-call handler runs for every function', testUndetailedHandler);
test('priorities', testPriorities);
test('detach and errors', testDetachAndErrors);
test('failing listeners', testFailingListeners);
test('wrong answers name the listener; notify answers are ignored', testWrongAnswerNamed);
for (const e of EVENTS.filter(x => x[3] !== 'notify'))
    test(`${e[0]}: wrong answers change nothing`, () => testWrongAnswers(e));
test('JSON: trigger_json with a plain object and with a Json.Node', testJson);
test('notify::message-body fires on every change and only then', testNotify);
test('handlers survive garbage collection', testHandlersSurviveGC);
test('garbage collection during an emission', testGCDuringEmission);
test('kept arguments survive garbage collection', testArgumentsSurviveGC);
if (WITH_HELPER) {
    // the helper's guard must not capture the dispatcher: GJS roots the
    // functions of live closures, so a captured dispatcher is never freed
    test('a dispatcher with guarded listeners is freed', testDispatcherFreed);
} else {
    test('a dispatcher with listeners is freed', testDispatcherFreed);
}

print(`1..${nTests}`);
if (nFailed > 0) {
    printerr(`${nFailed} of ${nTests} tests failed`);
    System.exit(1);
}
note(`all ${nTests} tests passed`);
