// E2E:JsMarker, the JavaScript fixture plugin of the end-to-end tests
// (tests/e2e/test_e2e.py): the marks of E2E:CMarker and E2E:PyMarker, with
// its setting "mark" (default "Js"), on the JSON form of the arguments. At
// weight 7 (the tests' configuration) it runs between E2E:CMarker (5) and
// E2E:PyMarker (10): chains read "C>Js>Py". In the out events it marks
// the request's "x-e2e" header after E2E:CMarker and leaves the answer to
// E2E:PyMarker; in usersUpdateVisitorsLoad E2E:CMarker answers first and
// this listener must not run (it would answer with its mark).
//
// It listens to every notify event too and counts them;
// usersFunctionCall::e2eJsSeen answers {js_seen: {event: count},
// js_wrong_thread: n}: the events it saw, and how many of its calls were
// not on the thread running the default main context (the server's, the
// GJS context's): it cannot be, JavaScript runs there only.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

const {GLib, MibewEvents} = imports.gi;

const MARKED = [
    'buttonGenerate', 'pageAddCss', 'pageAddJs', 'pageAddJsPluginOptions', 'routesAlter',
    'threadPostMessage', 'threadGetMessagesAlter', 'usersUpdateThreadsAlter',
    'usersUpdateVisitorsAlter', 'widgetResponseAlter', 'threadFunctionCall', 'usersFunctionCall',
    'operatorAuthenticate', 'resourceAccessDenied', 'resourceNotFound', 'usersUpdateVisitorsLoad',
];

let seen = {};
let wrongThread = 0;

function chain(obj, key, mark) {
    obj[key] = obj[key] ? `${obj[key]}>${mark}` : mark;
}

function markDoc(event, doc, mark) {
    switch (event) {
    case 'buttonGenerate':
        doc.button += `<!--${mark}-->`;
        break;
    case 'pageAddCss':
        doc.css.push(`e2e/${mark}.css`);
        break;
    case 'pageAddJs':
        doc.js.push(`e2e/${mark}.js`);
        break;
    case 'pageAddJsPluginOptions':
        doc.plugins.e2e ??= {};
        chain(doc.plugins.e2e, 'marks', mark);
        break;
    case 'routesAlter':
        doc.routes.e2e ??= {path: '/e2e', defaults: {}, requirements: {}, methods: ['GET']};
        doc.routes.e2e.path += `/${mark}`;
        break;
    case 'threadPostMessage':
        doc.message_body += ` [${mark}]`;
        break;
    case 'threadGetMessagesAlter':
        doc.messages[0].message += ` [${mark}]`;
        break;
    case 'usersUpdateThreadsAlter':
        chain(doc.threads[0], 'x_e2e', mark);
        break;
    case 'usersUpdateVisitorsAlter':
        chain(doc.visitors[0], 'x_e2e', mark);
        break;
    case 'widgetResponseAlter':
        doc.response.data ??= {};
        chain(doc.response.data, 'e2e', mark);
        break;
    case 'threadFunctionCall':
    case 'usersFunctionCall':
        chain(doc.results, 'e2e', mark);
        break;
    case 'usersUpdateVisitorsLoad':
        // E2E:CMarker answered already: this must never run
        doc.visitors = [{id: 1, userId: '1.1', userName: 'wrong', userAgent: '', userIp: '', remote: '',
            firstTime: 0, lastTime: 0, invitations: 0, chats: 0, invitationInfo: false, x_e2e: mark}];
        break;
    default:
        // the out events with a request: marked, not answered
        chain(doc.request.headers, 'x-e2e', mark);
    }
}

function see(event) {
    seen[event] = (seen[event] ?? 0) + 1;
    if (!GLib.MainContext.default().is_owner())
        wrongThread++;
}

function activate(dispatcher, info) {
    const config = info.get_config();
    const mark = config.has_member('mark') ? config.get_string_member('mark') : 'Js';
    seen = {};
    wrongThread = 0;
    // before the marker's own usersFunctionCall listener: the counts
    // without this call
    dispatcher.attach_listener('usersFunctionCall::e2eJsSeen', MibewEvents.PRIORITY_DEFAULT,
        () => ({js_seen: seen, js_wrong_thread: wrongThread}));
    for (const event of MibewEvents.EventDispatcher.list_events()) {
        if (!MARKED.includes(event)) {
            dispatcher.attach_listener(event, MibewEvents.PRIORITY_DEFAULT, () => see(event));
            continue;
        }
        dispatcher.attach_listener(event, MibewEvents.PRIORITY_DEFAULT, (emitter, args) => {
            see(event);
            const doc = args.to_object();
            markDoc(event, doc, mark);
            args.update_from_json(dispatcher.parse_json(JSON.stringify(doc), -1));
            return null;
        });
    }
}
