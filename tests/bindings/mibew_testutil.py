# Shared helpers of the Python binding tests.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The tests run from the build tree (see meson.build): GI_TYPELIB_PATH
# points at the typelib just built and PYTHONPATH at the source tree's
# introspection/python, so `gi.overrides.MibewEvents` is the override of
# this checkout.

import gi

gi.require_version('GLib', '2.0')
gi.require_version('GObject', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('MibewEvents', '1.0')

from gi.repository import GLib, GObject, Gio, Json, MibewEvents  # noqa: E402

# The 41 events of events.md, in its order, with their arguments in
# GObject spelling: the test's own copy, which the library must match.
EVENTS = [
    ('banCreate', 'ban', 'create', 'notify', 'ban'),
    ('banUpdate', 'ban', 'update', 'notify', 'ban original-ban'),
    ('banDelete', 'ban', 'delete', 'notify', 'id'),
    ('buttonGenerate', 'button', 'generate', 'alter', 'button generator'),
    ('cronRun', 'cron', 'run', 'notify', ''),
    ('groupCreate', 'group', 'create', 'notify', 'group'),
    ('groupUpdate', 'group', 'update', 'notify', 'group original-group'),
    ('groupDelete', 'group', 'delete', 'notify', 'id'),
    ('groupUpdateOperators', 'group', 'update-operators', 'notify', 'group original-operators operators'),
    ('invitationCreate', 'invitation', 'create', 'notify', 'invitation'),
    ('invitationAccept', 'invitation', 'accept', 'notify', 'invitation'),
    ('invitationReject', 'invitation', 'reject', 'notify', 'invitation'),
    ('invitationIgnore', 'invitation', 'ignore', 'notify', 'invitation'),
    ('operatorAuthenticate', 'operator', 'authenticate', 'out', 'operator request'),
    ('operatorLogin', 'operator', 'login', 'notify', 'operator remember'),
    ('operatorLogout', 'operator', 'logout', 'notify', ''),
    ('operatorCreate', 'operator', 'create', 'notify', 'operator'),
    ('operatorUpdate', 'operator', 'update', 'notify', 'operator original-operator'),
    ('operatorDelete', 'operator', 'delete', 'notify', 'id'),
    ('pageAddCss', 'page', 'add-css', 'alter', 'request assets'),
    ('pageAddJs', 'page', 'add-js', 'alter', 'request assets'),
    ('pageAddJsPluginOptions', 'page', 'add-js-plugin-options', 'alter', 'request plugins'),
    ('resourceAccessDenied', 'resource', 'access-denied', 'out', 'request response'),
    ('resourceNotFound', 'resource', 'not-found', 'out', 'request response'),
    ('routesAlter', 'routing', 'routes-alter', 'alter', 'routes'),
    ('threadFunctionCall', 'thread', 'function-call', 'call', 'request-processor function arguments results'),
    ('threadCreate', 'thread', 'create', 'notify', 'thread'),
    ('threadUpdate', 'thread', 'update', 'notify', 'thread original-thread'),
    ('threadDelete', 'thread', 'delete', 'notify', 'id'),
    ('threadClose', 'thread', 'close', 'notify', 'thread'),
    ('threadPostMessage', 'thread', 'post-message', 'alter', 'thread message-kind message-body message-options'),
    ('threadGetMessagesAlter', 'thread', 'get-messages-alter', 'alter', 'thread messages'),
    ('threadUserIsReady', 'thread', 'user-is-ready', 'notify', 'thread'),
    ('usersUpdateThreadsAlter', 'users', 'update-threads-alter', 'alter', 'threads'),
    ('usersUpdateVisitorsLoad', 'users', 'update-visitors-load', 'out', 'visitors'),
    ('usersUpdateVisitorsAlter', 'users', 'update-visitors-alter', 'alter', 'visitors'),
    ('usersFunctionCall', 'users', 'function-call', 'call', 'request-processor function arguments results'),
    ('visitorCreate', 'visitor', 'create', 'notify', 'visitor'),
    ('visitorTrack', 'visitor', 'track', 'notify', 'visitor'),
    ('visitorDeleteOld', 'visitor', 'delete-old', 'notify', 'visitors'),
    ('widgetResponseAlter', 'widget', 'response-alter', 'alter',
     'visitor request response route-url-generator asset-url-generator'),
]

EVENT_NAMES = [e[0] for e in EVENTS]

KINDS = {
    'notify': MibewEvents.EventKind.NOTIFY,
    'alter': MibewEvents.EventKind.ALTER,
    'out': MibewEvents.EventKind.OUT,
    'call': MibewEvents.EventKind.CALL,
}


def pyclass(gtype):
    """The Python class of a GType of MibewEvents, Json or Gio."""
    name = gtype.name
    for prefix, module in (('Mibew', MibewEvents), ('Json', Json), ('G', Gio)):
        if name.startswith(prefix) and hasattr(module, name[len(prefix):]):
            cls = getattr(module, name[len(prefix):])
            if getattr(cls, '__gtype__', None) == gtype:
                return cls
    raise LookupError('no Python class for %s' % name)


def list_item_class(prop_name):
    if prop_name == 'messages':
        return MibewEvents.Message
    if prop_name == 'threads':
        return MibewEvents.ListThread
    return MibewEvents.ListVisitor


def make_value(pspec, index):
    """A distinct, recognisable value for a property, by its type."""
    t = pspec.value_type
    name = pspec.name
    if t == GObject.TYPE_INT64:
        return 4200 + index
    if t == GObject.TYPE_BOOLEAN:
        return True
    if t == GObject.TYPE_STRING:
        return 'value of %s' % name
    if t.is_a(GObject.TYPE_ENUM):
        cls = pyclass(t)
        return cls(max(cls.__enum_values__))
    if t == Json.Object.__gtype__:
        o = Json.Object.new()
        o.set_string_member('marker', name)
        return o
    if t == Json.Array.__gtype__:
        a = Json.Array.new()
        a.add_int_element(7)
        a.add_int_element(11 + index)
        return a
    if t == Gio.ListStore.__gtype__:
        cls = list_item_class(name)
        store = Gio.ListStore.new(cls)
        item = cls()
        item.set_string('marker', name)
        store.append(item)
        return store
    if t == MibewEvents.AssetList.__gtype__:
        assets = MibewEvents.AssetList.new()
        assets.add_url(name)
        return assets
    if t == MibewEvents.ButtonFragment.__gtype__:
        return MibewEvents.ButtonFragment.new("<a href='#'>chat</a>")
    if t == MibewEvents.UrlGenerator.__gtype__:
        return MibewEvents.BaseUrlGenerator.new('https://example.org/%s' % name)
    if t.is_a(MibewEvents.Record.__gtype__):
        record = pyclass(t)()
        record.set_string('marker', name)
        return record
    raise AssertionError('no test value for %s of type %s' % (name, t.name))


def json_string(value):
    """The JSON text of a Json.Object, Json.Array or Json.Node."""
    if isinstance(value, Json.Node):
        node = value
    elif isinstance(value, Json.Object):
        node = Json.Node.alloc().init_object(value)
    elif isinstance(value, Json.Array):
        node = Json.Node.alloc().init_array(value)
    else:
        raise TypeError(value)
    return Json.to_string(node, False)


def json_node(value):
    """A Json.Node holding a Python value (str, int, float, bool, list, dict)."""
    builder = Json.Builder.new()

    def add(v):
        if isinstance(v, dict):
            builder.begin_object()
            for k, x in v.items():
                builder.set_member_name(k)
                add(x)
            builder.end_object()
        elif isinstance(v, (list, tuple)):
            builder.begin_array()
            for x in v:
                add(x)
            builder.end_array()
        elif isinstance(v, bool):
            builder.add_boolean_value(v)
        elif isinstance(v, int):
            builder.add_int_value(v)
        elif isinstance(v, float):
            builder.add_double_value(v)
        elif isinstance(v, str):
            builder.add_string_value(v)
        elif v is None:
            builder.add_null_value()
        else:
            raise TypeError(v)

    add(value)
    return builder.get_root()


def json_object(mapping):
    return json_node(mapping).get_object()


def to_python(value):
    """Json.Object / Json.Array / Json.Node to plain Python data."""
    import json
    return json.loads(json_string(value))


def emit_method(emitter, signal_name):
    return getattr(emitter, 'emit_' + signal_name.replace('-', '_'))


def say(*args):
    print('#', *args, flush=True)
