// rel_jsmarker.js: Rel:JsMarker, the JavaScript plugin of the reliability
// tests (tests/reliability). Loaded by the engine's GJS loader.
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// threadPostMessage: appends " [MARK]" to the body (the setting "mark",
// default "Js"); at weight 15 it runs after E2E:CMarker (5) and
// E2E:PyMarker (10), so a body comes back as "... [C] [Py] [Js]".
// With the setting "throw_in_activate": true, activate() throws instead.

const {MibewEvents} = imports.gi;

let attached = null;
let id = 0;

function activate(dispatcher, info) {
    const config = info.get_config();
    if (config.has_member('throw_in_activate') && config.get_boolean_member('throw_in_activate'))
        throw new Error(`${info.get_name()} throws in activate() on purpose`);
    const mark = config.has_member('mark') ? config.get_string_member('mark') : 'Js';
    attached = dispatcher;
    id = dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT,
        (thread, args) => `${args.message_body} [${mark}]`);
}

function deactivate() {
    if (attached !== null)
        attached.detach_listener('threadPostMessage', id);
    attached = null;
    id = 0;
}
