// E2E:JsOrphan: never activated, its dependency E2E:Nowhere is missing
//
// SPDX-License-Identifier: LGPL-2.1-or-later

function activate(dispatcher, info) {
    throw new Error('E2E:JsOrphan must not be activated');
}
