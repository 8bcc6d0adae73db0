// E2E:JsLoad: the JavaScript plugin of the load test (test_e2e.py,
// JsLoadTest). Two listeners on threadPostMessage, in attach order: the
// first allocates (objects, arrays, strings: the garbage collector must
// run under load) and appends " [Js]" to the body; the second counts and
// checks that the first ran before it, on this emission. Both check that
// they run on the thread of the default main context (the server's).
// usersFunctionCall::e2eJsLoadStats answers {first, second, mismatched,
// wrong_thread}: the counts on the server's side.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

const {GLib, MibewEvents} = imports.gi;

let first = 0;
let second = 0;
let mismatched = 0;
let wrongThread = 0;
let kept = [];

function checkThread() {
    if (!GLib.MainContext.default().is_owner())
        wrongThread++;
}

function activate(dispatcher, info) {
    dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT, (thread, args) => {
        checkThread();
        first++;
        // garbage: a few kilobytes per event, some of it kept for a while
        const words = `${args.message_body}`.split(' ');
        const objects = words.map((word, i) => ({word, i, copy: word.repeat(8), list: [i, word, {i}]}));
        kept.push(JSON.stringify(objects));
        if (kept.length > 64)
            kept = [];
        return `${args.message_body} [Js]`;
    });
    dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT, (thread, args) => {
        checkThread();
        second++;
        if (!`${args.message_body}`.endsWith(' [Js]'))
            mismatched++;
    });
    dispatcher.attach_listener('usersFunctionCall::e2eJsLoadStats', MibewEvents.PRIORITY_DEFAULT,
        () => ({first, second, mismatched, wrong_thread: wrongThread}));
}
