// E2E:JsRaiser: a JavaScript plugin whose threadPostMessage listener
// throws every time, after changing the body; the bridge must still
// answer 200, with the listeners after it run, and count the failure
// under the plugin's name
// (mibew_bridge_plugin_failures_total{plugin="E2E:JsRaiser"}).
//
// SPDX-License-Identifier: LGPL-2.1-or-later

const {MibewEvents} = imports.gi;

function activate(dispatcher, info) {
    dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT, (thread, args) => {
        args.message_body = 'changed before the exception';
        throw new Error('E2E:JsRaiser fails on purpose');
    });
}
