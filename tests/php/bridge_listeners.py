# bridge_listeners.py: the Python listeners the PHP tests run on the bridge
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# One listener for each alter, out and call event (and one notification),
# written the way a Python plugin would (the MibewEvents override's
# attribute access, returned answers and in-place changes both), each
# making a change the PHP side can recognise: test_bridge.py checks that
# the change arrives in PHP's arguments and that a PHP listener after the
# bridge plugin sees it. CHANGES describes each change for the test.

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('Json', '1.0')
gi.require_version('Gio', '2.0')
from gi.repository import Gio, Json, MibewEvents  # noqa: E402


def json_node(value):
    """A Json.Node from a Python value."""
    return Json.from_string(__import__('json').dumps(value))


def json_object(value):
    return json_node(value).get_object()


def record(record_type, value):
    """A MibewEvents record (Operator, Response, ...) from a Python dict."""
    return MibewEvents.Record.from_json(record_type, json_object(value))


# --- alter ---------------------------------------------------------------

def button_generate(events, args):
    # in place: the fragment's markup
    args.button.set_html('<div class="gnome-button">' + args.button.get_html() + '</div>')


def page_add_css(events, args):
    # in place: one more URL asset
    args.assets.add_url('plugins/Gnome/Bridge/css/gnome.css')


def page_add_js(events, args):
    # an answer: assets returned are appended
    assets = MibewEvents.AssetList.new()
    assets.add_inline('window.gnome = "hello from Python";', 5)
    return assets


def page_add_js_plugin_options(events, args):
    # an answer: the dictionary is merged into "plugins"
    return json_object({'gnomeBridge': {'language': 'Python', 'listeners': 16}})


def routes_alter(events, args):
    args.routes.add_route('gnome_status', '/gnome/status',
                          json_object({'_controller': 'Gnome\\StatusController::indexAction'}),
                          None, ['GET'])
    args.routes.remove_route('license')


def thread_post_message(events, args):
    args.message_body = args.message_body.upper()
    args.message_kind = MibewEvents.MessageKind.INFO


def thread_get_messages_alter(events, args):
    messages = args.messages                      # a Gio.ListStore of Message
    for message in messages:
        message.set_string('sentiment', 'positive' if 'danke' in message.message.lower() else 'neutral')
    messages.remove(0)                            # the greeting goes


def users_update_threads_alter(events, args):
    # "real ban": banned visitors' threads leave the list
    threads = args.threads
    for i in reversed(range(threads.get_n_items())):
        if not threads.get_item(i).is_null('ban'):
            threads.remove(i)


def users_update_visitors_alter(events, args):
    for visitor in args.visitors:
        visitor.set_string('x_gnome', 'seen by Python')


def widget_response_alter(events, args):
    response = args.response
    response.add_load('gnome_lib', args.asset_url_generator.generate('plugins/Gnome/Bridge/js/hello.js'))
    response.add_handler('gnomeHello')
    response.set_dependencies('gnomeHello', ['gnome_lib'])
    response.props.data.set_member('gnomeHello', json_node({'greeting': 'Grüß Gott aus Python'}))


# --- out ------------------------------------------------------------------

def operator_authenticate(events, args):
    # an answer: the first operator returned is logged in
    if args.request.props.headers.get_string_member_with_default('x-remote-user', '') != 'olga':
        return None
    return record(MibewEvents.Operator, {
        'operatorid': '3', 'vclogin': 'olga', 'vcpassword': '', 'vclocalename': 'Ольга Смирнова',
        'vccommonname': 'Olga Smirnova', 'vcemail': 'olga@example.com', 'dtmlastvisited': '0',
        'istatus': '0', 'idisabled': '0', 'vcavatar': '', 'iperm': '31', 'dtmrestore': '0',
        'vcrestoretoken': None, 'code': 'olga',
    })


def resource_access_denied(events, args):
    return record(MibewEvents.Response, {
        'status': 403,
        'headers': {'content-type': 'text/plain; charset=UTF-8', 'x-served-by': 'gnome'},
        'content': 'Zugriff verweigert (GNOME)',
    })


def resource_not_found(events, args):
    # in place: the slot is set
    args.response = record(MibewEvents.Response, {
        'status': 410,
        'headers': {'content-type': 'text/plain; charset=UTF-8'},
        'content': 'Gone',
    })


def users_update_visitors_load(events, args):
    visitors = Gio.ListStore.new(MibewEvents.ListVisitor)
    visitors.append(record(MibewEvents.ListVisitor, {
        'id': 4242, 'userId': '1764009999.1', 'userName': 'GNOME visitor', 'userAgent': 'Epiphany 45',
        'userIp': '192.0.2.42', 'remote': '192.0.2.42', 'firstTime': 1764009999, 'lastTime': 1764010099,
        'invitations': 0, 'chats': 0, 'invitationInfo': False,
    }))
    return visitors


# --- call -----------------------------------------------------------------

def thread_function_call(events, args):
    # the seed's microtime example, detailed by the function name
    return json_object({'time': 1764001205.25})


def users_function_call(events, args):
    if args.function != 'googleMapsGetInfo':
        return None
    return json_object({'country': 'Deutschland', 'city': 'München', 'latitude': 48.1372,
                        'longitude': 11.5756})


# --- notify ---------------------------------------------------------------

def thread_create(events, args):
    # the emitter ignores it, but a PHP listener after the bridge sees it
    args.thread.user_name = args.thread.user_name + ' (via GNOME)'


LISTENERS = [
    ('buttonGenerate', button_generate),
    ('pageAddCss', page_add_css),
    ('pageAddJs', page_add_js),
    ('pageAddJsPluginOptions', page_add_js_plugin_options),
    ('routesAlter', routes_alter),
    ('threadPostMessage', thread_post_message),
    ('threadGetMessagesAlter', thread_get_messages_alter),
    ('usersUpdateThreadsAlter', users_update_threads_alter),
    ('usersUpdateVisitorsAlter', users_update_visitors_alter),
    ('widgetResponseAlter', widget_response_alter),
    ('operatorAuthenticate', operator_authenticate),
    ('resourceAccessDenied', resource_access_denied),
    ('resourceNotFound', resource_not_found),
    ('usersUpdateVisitorsLoad', users_update_visitors_load),
    ('threadFunctionCall::microtime', thread_function_call),
    ('usersFunctionCall', users_function_call),
    ('threadCreate', thread_create),
]


def attach(dispatcher, only=None):
    """Attaches the listeners (of the events in `only`, or all) to the
    dispatcher; returns the event names."""
    attached = []
    for name, listener in LISTENERS:
        event = name.split('::')[0]
        if only is not None and event not in only:
            continue
        dispatcher.attach_listener(name, 0, listener)
        attached.append(event)
    return attached
