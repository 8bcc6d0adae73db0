// plugin-host.js: a GJS program that hosts Mibew plugins
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Loads the example plugins (../plugins: Demo:Filter in C, Demo:Microtime
// in Python, Demo:Waiting in JavaScript, which the engine runs in this
// script's own GJS context) into its own dispatcher with a
// MibewPlugins.PluginEngine, triggers four events with trigger_json() and
// plain objects, and prints
// what the plugins changed. It exits with status 1 when an effect is
// missing.
//
//   gjs bindings-examples/gjs/plugin-host.js PLUGIN_DIR
//
// PLUGIN_DIR is where the build put the example plugins
// (_build/bindings-examples/plugins). Run it in `meson devenv -C _build`
// for the build tree's typelibs, GJS helper and Python overrides. The
// Python plugin runs inside this process too: libpeas's python3 loader
// starts an interpreter for it.

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.MibewPlugins = '1.0';
imports.gi.versions.Json = '1.0';
const {Json, MibewEvents, MibewPlugins} = imports.gi;
const System = imports.system;

// trigger_json() with plain objects; guarded listeners
imports.mibewEvents;

let ok = true;

function check(condition, what) {
    if (!condition) {
        printerr(`plugin-host: missing effect: ${what}`);
        ok = false;
    }
}

function jsonObject(value) {
    return Json.from_string(JSON.stringify(value)).get_object();
}

function main(pluginDir) {
    const dispatcher = MibewEvents.EventDispatcher.new();
    const engine = MibewPlugins.PluginEngine.new(dispatcher);
    engine.add_search_path(pluginDir);
    engine.set_plugin_config('Demo:Filter', jsonObject({words: ['darn', 'heck', 'crap']}));
    engine.connect('plugin-failed', (_engine, name, reason) => print(`failed: ${name}: ${reason}`));
    engine.load_plugins();

    print('host: GJS');
    const active = engine.get_active_plugins();
    for (const name of active) {
        const info = engine.get_plugin(name);
        print(`active: ${name} ${info.get_version()} (weight ${info.get_weight()})`);
    }
    check(active.length === 3 && engine.get_failures().length === 0, 'the three plugins active');

    const before = 'Darn, this HECK of a printer is darned slow!';
    let result = dispatcher.trigger_json('threadPostMessage', {
        thread: {id: 4833, userName: 'Guest'},
        message_kind: 1,
        message_body: before,
        message_options: {},
    });
    print(`threadPostMessage: message_body "${before}" -> "${result.message_body}"`);
    check(result.message_body === '****, this **** of a printer is darned slow!', "Demo:Filter's masking");

    result = dispatcher.trigger_json('threadFunctionCall', {
        request_processor: {kind: 'thread'},
        function: 'microtime',
        arguments: {as_float: true, return: {time: 'serverTime'}},
        results: {},
    });
    const time = result.results.time;
    if (typeof time === 'number')
        print(`threadFunctionCall microtime: results.time is a number (${time.toFixed(2)})`);
    else
        print('threadFunctionCall microtime: results.time is missing');
    check(typeof time === 'number', "Demo:Microtime's results.time");

    result = dispatcher.trigger_json('widgetResponseAlter', {
        visitor: {visitorid: 1190, userid: '1763999874.4471190236', username: 'Guest'},
        request: {method: 'GET', uri: 'https://chat.example.com/widget', path: '/widget'},
        response: {load: {}, handlers: [], dependencies: {}, data: {}},
        route_url_generator: {base_url: 'https://chat.example.com/'},
        asset_url_generator: {base_url: 'https://chat.example.com/'},
    });
    const response = result.response;
    const hasTime = typeof response.data.usefulFunc?.time === 'number';
    const func = response.load.the_func;
    print(`widgetResponseAlter: handlers [${response.handlers.join(', ')}], ` +
        `load.the_func = ${func ?? '(none)'}, ` +
        `dependencies.usefulFunc = [${(response.dependencies.usefulFunc ?? []).join(', ')}], ` +
        `data.usefulFunc.time is ${hasTime ? 'a number' : 'missing'}`);
    check(response.handlers.includes('usefulFunc') && hasTime &&
        func === 'https://chat.example.com/plugins/Demo/Microtime/js/func.js', "Demo:Microtime's widget handler");

    result = dispatcher.trigger_json('usersUpdateThreadsAlter', {threads: [
        {id: 42, userName: 'Ann Smith', state: 2, waitingTime: 1700000095},
        {id: 43, userName: 'Guest', state: 0, waitingTime: 1700000140},
    ]});
    const labels = result.threads.map(t => t.waitingLabel ?? null);
    const shown = labels.map(l => l !== null ? `"${l}"` : '(none)');
    print(`usersUpdateThreadsAlter: waitingLabel of #42 ${shown[0]}, of #43 ${shown[1]}`);
    check(labels[0] === null && labels[1] === 'waiting since 22:15:40 UTC', "Demo:Waiting's label");

    engine.unload_plugins();
    const left = ['threadPostMessage', 'threadFunctionCall', 'widgetResponseAlter', 'usersUpdateThreadsAlter']
        .reduce((sum, event) => sum + dispatcher.get_listener_count(event), 0);
    print(`unloaded: ${left} listeners left`);
    check(left === 0, 'listeners detached');
}

if (ARGV.length !== 1) {
    printerr('usage: plugin-host.js PLUGIN_DIR');
    System.exit(2);
}
main(ARGV[0]);
System.exit(ok ? 0 : 1);
