// E2E:JsBroken: its module does not parse (line 6)
//
// SPDX-License-Identifier: LGPL-2.1-or-later

function activate(dispatcher, info) {
    dispatcher.attach_listener('threadPostMessage', 0, (thread, args) => args.message_body +);
}
