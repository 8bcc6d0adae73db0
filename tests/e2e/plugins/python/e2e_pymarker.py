# E2E:PyMarker, the Python fixture plugin of the end-to-end tests: the same
# marks as E2E:CMarker (tests/e2e/plugins/c/e2e-cmarker.c), with the mark
# of its setting "mark" (default "Py"), on the JSON form of the arguments.
# At weight 10 it runs after E2E:CMarker (weight 5), so chains read
# "C>Py". In the out events it answers, with the request's "x-e2e" header
# (E2E:CMarker's mark) and its own in the answer; in
# usersUpdateVisitorsLoad E2E:CMarker answers first and this listener must
# not run (it would add its mark).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewPlugins', '1.0')
from gi.repository import GObject, MibewEvents, MibewPlugins  # noqa: E402

EVENTS = (
    'buttonGenerate', 'pageAddCss', 'pageAddJs', 'pageAddJsPluginOptions', 'routesAlter',
    'threadPostMessage', 'threadGetMessagesAlter', 'usersUpdateThreadsAlter',
    'usersUpdateVisitorsAlter', 'widgetResponseAlter', 'threadFunctionCall', 'usersFunctionCall',
    'operatorAuthenticate', 'resourceAccessDenied', 'resourceNotFound', 'usersUpdateVisitorsLoad',
)


def chain(obj, key, mark):
    obj[key] = obj[key] + '>' + mark if obj.get(key) else mark


def mark_doc(event, doc, mark):
    if event == 'buttonGenerate':
        doc['button'] += '<!--%s-->' % mark
    elif event == 'pageAddCss':
        doc['css'].append('e2e/%s.css' % mark)
    elif event == 'pageAddJs':
        doc['js'].append('e2e/%s.js' % mark)
    elif event == 'pageAddJsPluginOptions':
        chain(doc['plugins'].setdefault('e2e', {}), 'marks', mark)
    elif event == 'routesAlter':
        route = doc['routes'].setdefault('e2e', {'path': '/e2e', 'defaults': {}, 'requirements': {},
                                                 'methods': ['GET']})
        route['path'] += '/' + mark
    elif event == 'threadPostMessage':
        doc['message_body'] += ' [%s]' % mark
    elif event == 'threadGetMessagesAlter':
        doc['messages'][0]['message'] += ' [%s]' % mark
    elif event in ('usersUpdateThreadsAlter', 'usersUpdateVisitorsAlter'):
        chain(doc['threads' if event == 'usersUpdateThreadsAlter' else 'visitors'][0], 'x_e2e', mark)
    elif event == 'widgetResponseAlter':
        chain(doc['response'].setdefault('data', {}), 'e2e', mark)
    elif event in ('threadFunctionCall', 'usersFunctionCall'):
        chain(doc['results'], 'e2e', mark)
    elif event == 'usersUpdateVisitorsLoad':
        # E2E:CMarker answered already: this must never run
        doc['visitors'] = [{'id': 1, 'userId': '1.1', 'userName': 'wrong', 'userAgent': '', 'userIp': '',
                            'remote': '', 'firstTime': 0, 'lastTime': 0, 'invitations': 0, 'chats': 0,
                            'invitationInfo': False, 'x_e2e': mark}]
    else:
        seen = doc['request']['headers'].get('x-e2e', '')
        signature = seen + '>' + mark if seen else mark
        if event == 'operatorAuthenticate':
            doc['operator'] = {
                'operatorid': '77', 'vclogin': 'e2e', 'vcpassword': '', 'vclocalename': signature,
                'vccommonname': 'E2E', 'vcemail': 'e2e@example.com', 'dtmlastvisited': '0',
                'istatus': '0', 'idisabled': '0', 'vcavatar': '', 'iperm': '0', 'dtmrestore': '0',
                'vcrestoretoken': None, 'code': '',
            }
        else:
            doc['response'] = {'status': 418 if event == 'resourceAccessDenied' else 410,
                               'headers': {'content-type': 'text/plain; charset=UTF-8'},
                               'content': signature}


class PyMarker(GObject.Object, MibewPlugins.Plugin):
    def do_activate(self, dispatcher):
        self.mark = self.get_info().config_dict().get('mark', 'Py')
        self.dispatcher = dispatcher
        for event in EVENTS:
            dispatcher.attach_listener(event, MibewEvents.PRIORITY_DEFAULT, self.on_event)

    def do_deactivate(self):
        self.dispatcher = None

    def on_event(self, emitter, args):
        event = args.get_event_name()
        doc = args.to_dict()
        mark_doc(event, doc, self.mark)
        args.update_from_json(self.dispatcher.parse_json(json.dumps(doc), -1))
        return None
