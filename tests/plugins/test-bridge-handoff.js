// test-bridge-handoff.js: JavaScript plugins behind a bridge whose
// listeners run on worker threads. A GJS host (its GJS context is the
// engine's) loads the fixture Test:JsThreads into a MibewBridge.Server's
// dispatcher with the dispatch modes serial and threads: each emission
// happens on a worker, and the JavaScript listener must be handed to this
// thread (the one running the main loop) and waited for. A Soup.Session
// in the same main loop posts concurrently; every answer must carry the
// listener's change, the listener must have run once per request and
// never elsewhere (it counts the calls where it was not on the thread
// owning the default main context), and no listener failed.
//
// Prints one line per check; exits 1 if any check fails, or after 60 s.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

imports.gi.versions.GLib = '2.0';
imports.gi.versions.Soup = '3.0';
imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.MibewPlugins = '1.0';
imports.gi.versions.MibewBridge = '1.0';

const {GLib, Gio, Soup, MibewEvents, MibewPlugins, MibewBridge} = imports.gi;
imports.mibewEvents;
const System = imports.system;

Gio._promisify(Soup.Session.prototype, 'send_and_read_async', 'send_and_read_finish');

const TIMEOUT_SECONDS = 60;
const REQUESTS = 200;
const CONCURRENT = 16;

let failures = 0;
let checks = 0;

function check(ok, what) {
    checks++;
    print(`${ok ? 'ok' : 'not ok'} ${checks} - ${what}`);
    if (!ok)
        failures++;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const loop = new GLib.MainLoop(null, false);

async function post(session, base, event, doc) {
    const msg = Soup.Message.new('POST', `${base}/v1/events/${event}`);
    msg.set_request_body_from_bytes('application/json', new GLib.Bytes(encoder.encode(JSON.stringify(doc))));
    msg.add_flags(Soup.MessageFlags.IDEMPOTENT);
    const bytes = await session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null);
    const text = bytes.get_size() > 0 ? decoder.decode(bytes.toArray()) : '';
    return {status: msg.get_status(), json: msg.get_status() === 200 ? JSON.parse(text) : text};
}

async function run(mode, name) {
    const dispatcher = MibewEvents.EventDispatcher.new();
    const engine = MibewPlugins.PluginEngine.new(dispatcher);
    engine.add_search_path(GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'fixtures', 'gjs']));
    engine.set_enabled_plugins(['Test:JsThreads']);
    check(engine.load_plugins() === 1, `${name}: Test:JsThreads active (${engine.get_failures().join('; ')})`);

    const server = MibewBridge.Server.new(dispatcher);
    server.dispatch_mode = mode;
    server.listen('127.0.0.1', 0);
    const base = `http://127.0.0.1:${server.get_port()}`;
    const session = new Soup.Session({timeout: 20, max_conns: CONCURRENT, max_conns_per_host: CONCURRENT});

    let next = 0;
    let right = 0;
    const wrong = [];
    async function client() {
        while (next < REQUESTS) {
            const i = next++;
            // eslint-disable-next-line no-await-in-loop
            const r = await post(session, base, 'threadPostMessage', {
                thread: {id: 42}, message_kind: 1, message_body: `m${i}`, message_options: {},
            });
            if (r.status === 200 && r.json.message_body === `m${i} js`)
                right++;
            else
                wrong.push(`${r.status} ${JSON.stringify(r.json).slice(0, 120)}`);
        }
    }
    await Promise.all(Array.from({length: CONCURRENT}, client));
    check(wrong.length === 0 && right === REQUESTS,
        `${name}: ${right} of ${REQUESTS} answers carry the JavaScript listener's change ${wrong.slice(0, 3)}`);

    const stats = await post(session, base, 'usersFunctionCall', {
        request_processor: {kind: 'users'}, function: 'jsStats', arguments: {}, results: {},
    });
    check(stats.status === 200 && stats.json.results.calls === REQUESTS,
        `${name}: the listener ran once per request (${stats.json.results?.calls})`);
    check(stats.json.results?.wrong === 0, `${name}: never on another thread (${stats.json.results?.wrong})`);
    check(dispatcher.get_owner_failure_count('Test:JsThreads') === 0, `${name}: no listener failure`);
    check(server.dispatch_mode === mode, `${name}: the server kept its dispatch mode`);
    session.abort();
    engine.unload_plugins();
    check(dispatcher.get_listener_count('threadPostMessage') === 0, `${name}: listeners detached`);
}

GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, TIMEOUT_SECONDS, () => {
    check(false, `finished within ${TIMEOUT_SECONDS} s`);
    loop.quit();
    return GLib.SOURCE_REMOVE;
});

GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
    (async () => {
        await run(MibewBridge.DispatchMode.SERIAL, 'serial');
        await run(MibewBridge.DispatchMode.THREADS, 'threads');
    })().catch(e => {
        check(false, `no exception: ${e}\n${e.stack ?? ''}`);
    }).finally(() => loop.quit());
    return GLib.SOURCE_REMOVE;
});

loop.run();

print(`1..${checks}`);
System.exit(failures > 0 || checks === 0 ? 1 : 0);
