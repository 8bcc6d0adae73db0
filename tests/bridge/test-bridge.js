// test-bridge.js: the bridge from GJS. A MibewBridge.Server made through
// GObject introspection with dispatch mode main-context, JS listeners
// attached to its dispatcher (through imports.mibewEvents), and a
// Soup.Session client in the same main loop.
//
// Prints one line per check; exits 1 if any check fails, or after 20 s.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

imports.gi.versions.GLib = '2.0';
imports.gi.versions.Soup = '3.0';
imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.MibewBridge = '1.0';

const {GLib, Gio, Soup, MibewEvents, MibewBridge} = imports.gi;
imports.mibewEvents;  // guards the listeners attached below
const System = imports.system;

Gio._promisify(Soup.Session.prototype, 'send_and_read_async', 'send_and_read_finish');
Gio._promisify(MibewBridge.Server.prototype, 'shutdown_async', 'shutdown_finish');

const TIMEOUT_SECONDS = 20;
const POSTS = 4;

let failures = 0;
let checks = 0;

function check(ok, what) {
    checks++;
    print(`${ok ? 'ok' : 'not ok'} ${checks} - ${what}`);
    if (!ok)
        failures++;
}

const DATA = GLib.getenv('MIBEW_TEST_DATA');
if (!DATA) {
    printerr('test-bridge.js: MIBEW_TEST_DATA is not set');
    System.exit(1);
}

function readData(name) {
    const [, contents] = GLib.file_get_contents(GLib.build_filenamev([DATA, `${name}.json`]));
    return contents;
}

const decoder = new TextDecoder('utf-8');
const loop = new GLib.MainLoop(null, false);

// the listeners
const state = {calls: 0, offMainThread: 0, throws: 0};

function shout(emitter, args) {
    state.calls++;
    if (!GLib.MainContext.default().is_owner())
        state.offMainThread++;
    return args.message_body.toUpperCase();
}

function broken(emitter, args) {
    state.throws++;
    throw new Error('on purpose');
}

const dispatcher = MibewEvents.EventDispatcher.new();
const server = MibewBridge.Server.new(dispatcher);
server.dispatch_mode = MibewBridge.DispatchMode.MAIN_CONTEXT;
dispatcher.attach_listener('threadPostMessage', 0, shout);

const session = new Soup.Session({timeout: 10});
let base;

async function request(method, path, body = null) {
    const msg = Soup.Message.new(method, `${base}${path}`);
    if (body !== null) {
        msg.set_request_body_from_bytes('application/json', new GLib.Bytes(body));
        // so that the POST may go on the kept-alive connection
        msg.add_flags(Soup.MessageFlags.IDEMPOTENT);
    }
    const bytes = await session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null);
    const data = bytes.get_size() > 0 ? decoder.decode(bytes.toArray()) : '';
    return {status: msg.get_status(), text: data, msg};
}

function metricValue(metrics, name, labels) {
    // a sample line whose labels include all of `labels`, in any order
    for (const line of metrics.split('\n')) {
        const m = line.match(/^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/);
        if (!m || m[1] !== name)
            continue;
        const have = {};
        for (const pair of (m[2] ?? '').split(',').filter(s => s)) {
            const [k, v] = pair.split('=');
            have[k] = v.replace(/^"|"$/g, '');
        }
        if (Object.entries(labels).every(([k, v]) => have[k] === v))
            return Number(m[3]);
    }
    return null;
}

async function main() {
    server.listen('127.0.0.1', 0);
    const port = server.get_port();
    check(port > 0, `server listens on 127.0.0.1:${port}`);
    check(server.dispatch_mode === MibewBridge.DispatchMode.MAIN_CONTEXT, 'dispatch mode is main-context');
    base = `http://127.0.0.1:${port}`;

    const doc = readData('threadPostMessage');
    const original = JSON.parse(decoder.decode(doc)).message_body;

    for (let i = 0; i < POSTS; i++) {
        const before = state.calls;
        // eslint-disable-next-line no-await-in-loop
        const r = await request('POST', '/v1/events/threadPostMessage', doc);
        check(r.status === 200, `POST #${i + 1} threadPostMessage: status ${r.status}`);
        let body = null;
        try {
            body = JSON.parse(r.text).message_body;
        } catch (e) {
            body = `(not JSON: ${e})`;
        }
        check(body === original.toUpperCase(), `POST #${i + 1}: message_body uppercased`);
        check(state.calls - before === 1, `POST #${i + 1}: listener ran once (${state.calls - before})`);
    }
    check(state.calls === POSTS, `listener ran ${state.calls} times for ${POSTS} POSTs`);
    check(state.offMainThread === 0, `listener always ran on the main thread (${state.offMainThread} off it)`);

    const events = await request('GET', '/v1/events');
    check(events.status === 200, `GET /v1/events: status ${events.status}`);
    const list = JSON.parse(events.text).events;
    const post = list.find(e => e.name === 'threadPostMessage');
    check(post !== undefined && post.listeners === 1,
        `GET /v1/events: threadPostMessage has 1 listener (${post?.listeners})`);
    const close = list.find(e => e.name === 'threadClose');
    check(close !== undefined && close.listeners === 0, 'GET /v1/events: threadClose has no listener');

    // a listener that throws: logged and counted, still 200
    dispatcher.attach_listener('threadClose', 0, broken);
    const failed = await request('POST', '/v1/events/threadClose', readData('threadClose'));
    check(failed.status === 200, `POST threadClose with a throwing listener: status ${failed.status}`);
    check(state.throws === 1, `throwing listener ran once (${state.throws})`);

    const metrics = await request('GET', '/metrics');
    check(metrics.status === 200, `GET /metrics: status ${metrics.status}`);
    const posted = metricValue(metrics.text, 'mibew_bridge_events_total',
        {event: 'threadPostMessage', status: '200'});
    check(posted === POSTS, `/metrics counts ${POSTS} threadPostMessage POSTs (${posted})`);
    const closed = metricValue(metrics.text, 'mibew_bridge_events_total',
        {event: 'threadClose', status: '200'});
    check(closed === 1, `/metrics counts 1 threadClose POST (${closed})`);
    const failures_ = metricValue(metrics.text, 'mibew_bridge_listener_failures_total',
        {event: 'threadClose'});
    check(failures_ === 1, `/metrics counts the failed listener (${failures_})`);

    session.abort();
    const done = await server.shutdown_async(null);
    check(done === true, 'shutdown_async finished');
    check(server.get_shutting_down(), 'server is shutting down');
}

GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, TIMEOUT_SECONDS, () => {
    check(false, `finished within ${TIMEOUT_SECONDS} s`);
    loop.quit();
    return GLib.SOURCE_REMOVE;
});

GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
    main().catch(e => {
        check(false, `no exception: ${e}\n${e.stack ?? ''}`);
    }).finally(() => loop.quit());
    return GLib.SOURCE_REMOVE;
});

loop.run();

print(`1..${checks}`);
System.exit(failures > 0 || checks === 0 ? 1 : 0);
