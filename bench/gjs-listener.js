// gjs-listener.js: what a GJS listener costs, against a bare GJS handler
// on a plain GObject signal emitted the same way
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The GJS twin of bench/python-listener.py (same variants, same output):
//   bare      MibewBench.Emitter.emit_post_message(), handlers connected
//             with connect(): no dispatcher, no guard
//   bare-wide the same on MibewBench.WideEmitter, whose class has the
//             signals of ThreadEvents (GJS looks the signal's
//             introspection data up by name on every emission, through
//             the class's signals: post-message is the 6th of 8 there)
//   attached  our events.emit_post_message(), listeners attached with
//             dispatcher.attach_listener() (guarded by imports.mibewEvents)
//   connected our events.emit_post_message(), handlers connected with
//             events.connect('post-message', ...) (guarded)
//
//   gjs gjs-listener.js [--seconds S] | --memory [N] | --iterations VARIANT K
//   (--iterations: one handler, 200 emissions, then K more, untimed: for
//   callgrind, run with K and with 0)

imports.gi.versions.MibewEvents = '1.0';
imports.gi.versions.MibewBench = '1.0';
const {GLib, MibewBench, MibewEvents} = imports.gi;
imports.mibewEvents;   // the guard

const INFO = MibewEvents.MessageKind.INFO;
const USER = MibewEvents.MessageKind.USER;
const COUNTS = [1, 10];

function handler(emitter, args) {
    args.set_message_kind(INFO);
    return null;
}

function medianNs(run, seconds) {
    let k = 1;
    for (;;) {
        const t0 = GLib.get_monotonic_time();
        run(k);
        const elapsed = (GLib.get_monotonic_time() - t0) * 1000;
        if (elapsed >= seconds * 1e9)
            break;
        k = Math.floor(k * Math.max(1.1, Math.min(10, 1.05 * seconds * 1e9 / Math.max(elapsed, 1)))) + 1;
    }
    const samples = [];
    for (let i = 0; i < 5; i++) {
        const t0 = GLib.get_monotonic_time();
        run(k);
        samples.push((GLib.get_monotonic_time() - t0) * 1000 / k);
    }
    samples.sort((a, b) => a - b);
    return samples[2];
}

function make(variant, n) {
    if (variant === 'bare' || variant === 'bare-wide') {
        const emitter = variant === 'bare' ? MibewBench.Emitter.new() : MibewBench.WideEmitter.new();
        for (let i = 0; i < n; i++)
            emitter.connect('post-message', handler);
        return [emitter, null];
    }
    if (variant !== 'attached' && variant !== 'connected')
        throw new Error(`gjs-listener.js: no variant ${variant}`);
    const d = MibewEvents.EventDispatcher.new();
    const events = d.thread;
    for (let i = 0; i < n; i++) {
        if (variant === 'attached')
            d.attach_listener('threadPostMessage', 0, handler);
        else
            events.connect('post-message', handler);
    }
    return [events, d];
}

function rssBytes() {
    const [, data] = GLib.file_get_contents('/proc/self/statm');
    return Number(new TextDecoder().decode(data).split(' ')[1]) * 4096;
}

function memory(n) {
    const result = {};
    const kept = [];   // nothing is freed until the end: no variant reuses another's memory
    for (const variant of ['bare', 'attached', 'connected']) {
        kept.push(make(variant, 100));
        imports.system.gc();
        const before = rssBytes();
        kept.push(make(variant, n));
        imports.system.gc();    // as before the first reading: only what is kept counts
        result[variant] = Math.round((rssBytes() - before) / n * 10) / 10;
    }
    print(JSON.stringify({bytes_per_listener: result}));
}

function main(argv) {
    if (argv[0] === '--memory') {
        memory(argv.length > 1 ? Number(argv[1]) : 5000);
        return;
    }
    const seconds = argv[0] === '--seconds' ? Number(argv[1]) : 0.2;
    const args = MibewEvents.PostMessageArgs.new(new MibewEvents.Thread(), USER, 'hi', null);
    if (argv[0] === '--iterations' && argv.length === 3) {
        const [emitter, keep] = make(argv[1], 1);
        for (let i = 0; i < 200 + Number(argv[2]); i++)
            emitter.emit_post_message(args);
        if (args.get_message_kind() !== INFO) {
            printerr(`gjs-listener.js: the ${argv[1]} handler did not run`);
            imports.system.exit(2);
        }
        void keep;
        return;
    }
    const result = {};
    for (const variant of ['bare', 'bare-wide', 'attached', 'connected']) {
        result[variant] = {};
        for (const n of COUNTS) {
            const [emitter, keep] = make(variant, n);
            const run = k => {
                for (let i = 0; i < k; i++)
                    emitter.emit_post_message(args);
            };
            args.set_message_kind(USER);
            run(1);
            if (args.get_message_kind() !== INFO) {
                printerr(`gjs-listener.js: the ${variant} handlers did not run`);
                imports.system.exit(2);
            }
            result[variant][String(n)] = Math.round(medianNs(run, seconds) * 10) / 10;
            void keep;
        }
    }
    print(JSON.stringify(result));
}

main(ARGV);
