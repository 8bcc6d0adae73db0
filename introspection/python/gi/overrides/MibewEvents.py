# PyGObject overrides for MibewEvents
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# What they add:
# - listeners (attach_listener, connect, connect_after) are guarded: an
#   exception that escapes one is printed to stderr and reported through
#   EventDispatcher::listener-failed, and the emission goes on;
# - so is a listener that returns a value of the wrong type for its
#   event (a number where post-message wants the new body, a string
#   where authenticate wants an Operator): PyGObject would otherwise
#   convert it silently (42 became the body "42") or print a TypeError
#   that names neither the event nor the listener. The value is dropped,
#   as if the listener had returned None, so the arguments stay as they
#   were and the next listener runs. The type expected is the return type
#   of the event's signal. Notify events return nothing: like Mibew, which
#   ignores what listeners return, the guard drops their return value
#   without a word;
# - a listener may return a plain dict where a Json.Object is expected
#   (function-call results, plugin options);
# - the JSON codec takes and gives plain Python values: trigger_json and
#   EventArgs.new_from_json accept a dict (or a Json.Node), and
#   trigger_json answers in the same form it was given;
#   EventArgs.to_dict() is to_json() as a dict;
# - records, event arguments and the small value types read and write
#   their properties as attributes: thread.user_name, args.message_kind = ...
#   Assigning a name that is neither a property nor a class attribute
#   raises AttributeError, so that a misspelt property (args.mesage_body)
#   does not become a Python attribute nobody reads; names starting with
#   '_' stay free for Python's own use, and so do all names on instances
#   of subclasses defined in Python, which may keep state of their own.
#   Assigning a property calls its typed setter (args.set_message_body)
#   when the class has one: set_property leaks strings in PyGObject 3.42.

import functools
import json
import sys
import traceback

from .._gi import FunctionInfo, RegisteredTypeInfo, Repository
from ..importer import modules
from ..overrides import override
from gi.repository import GObject

MibewEvents = modules['MibewEvents']._introspection_module

__all__ = []


def _to_answer(value):
    """Plain dicts become Json.Object, the type dictionary answers have."""
    if isinstance(value, dict):
        from gi.repository import Json
        return Json.from_string(json.dumps(value)).get_object()
    return value


def _answer_type(emitter_type, signal):
    """The GType a signal's handlers return (TYPE_NONE for notify
    events), or None when the signal is unknown: connecting to it fails
    anyway, with PyGObject's own error."""
    signal_id = GObject.signal_lookup(signal.split('::')[0], emitter_type)
    if not signal_id:
        return None
    return GObject.signal_query(signal_id).return_type


def _python_name(cls):
    """MibewEvents.Operator, Gio.ListStore, str: the name a Python
    programmer knows a class by."""
    module = getattr(cls, '__module__', '') or ''
    for prefix in ('gi.repository.', 'gi.overrides.'):
        if module.startswith(prefix):
            return module[len(prefix):] + '.' + cls.__qualname__
    if module in ('builtins', ''):
        return cls.__qualname__
    return module + '.' + cls.__qualname__


def _type_name(gtype):
    if gtype == GObject.TYPE_STRING:
        return 'str'
    # the class PyGObject wraps the type with, once it has been imported
    pytype = gtype.pytype
    if pytype is not None:
        return _python_name(pytype)
    # not yet: its name in the typelib (by C type name, which needs no
    # type initialised)
    repository = Repository.get_default()
    for namespace in repository.get_loaded_namespaces():
        for info in repository.get_infos(namespace):
            if isinstance(info, RegisteredTypeInfo) and info.get_type_name() == gtype.name:
                return namespace + '.' + info.get_name()
    return gtype.name


def _answer_check(return_type):
    """A predicate telling whether a (converted) answer has the type the
    signal returns; None when there is nothing to check."""
    if return_type is None:
        return None
    if return_type == GObject.TYPE_STRING:
        # str only: PyGObject would turn a number into its digits
        return lambda value: isinstance(value, str)
    if return_type.fundamental in (GObject.TYPE_OBJECT, GObject.TYPE_BOXED, GObject.TYPE_INTERFACE):
        def has_type(value):
            gtype = getattr(type(value), '__gtype__', None)
            return isinstance(gtype, GObject.GType) and gtype.is_a(return_type)
        return has_type
    # no event returns anything else; PyGObject's conversion decides
    return None


def _listener_name(callback):
    # a callable object has no __qualname__ of its own: its class names it
    return getattr(callback, '__qualname__', None) or type(callback).__qualname__


def _report(args, event_name, owner, message):
    # The dispatcher is looked up from the emitter only when a listener
    # fails: capturing it in the guard would make dispatcher -> emitter ->
    # closure -> dispatcher, a cycle through C that Python's gc cannot
    # break.
    emitter = args[0] if args and isinstance(args[0], MibewEvents.EventEmitter) else None
    dispatcher = emitter.get_dispatcher() if emitter is not None else None
    if dispatcher is not None:
        dispatcher.report_owner_failure(event_name, owner, message)


def _guard(event_name, callback, return_type, owner=None):
    # owner: the plugin attaching the listener (the dispatcher's current
    # owner at attach time), named and counted when the listener fails
    event_name = (event_name or '?').split('::')[0]
    name = _listener_name(callback)
    notify = return_type == GObject.TYPE_NONE
    check = _answer_check(return_type)

    @functools.wraps(callback)
    def guarded(*args):
        try:
            answer = callback(*args)
            # most listeners change the arguments and answer nothing: no
            # further call for them (this runs once per listener and event)
            if notify or answer is None:
                return None
            answer = _to_answer(answer)
        except Exception as e:  # a listener must never break the emission
            traceback.print_exc(file=sys.stderr)
            _report(args, event_name, owner, '%s: %s' % (type(e).__name__, e))
            return None
        if answer is None or check is None or check(answer):
            return answer
        # reported like an exception, which PyGObject would have raised
        # for some of these (and not for others: 42 becomes "42")
        message = 'TypeError: listener %s returned %s, expected %s or None; the answer was ignored' % (
            name, _python_name(type(answer)), _type_name(return_type))
        print('mibew-events: a listener of %s failed: %s' % (event_name, message), file=sys.stderr)
        _report(args, event_name, owner, message)
        return None
    return guarded


def _to_node(value, dispatcher=None):
    """A dict or list (the JSON form as Python values) becomes a Json.Node,
    through the dispatcher's parser: a plain Json.from_string would turn
    an integer past 64 bits into -1 silently. A Json.Node stays as it is."""
    if isinstance(value, (dict, list)):
        if dispatcher is None:
            dispatcher = MibewEvents.EventDispatcher.get_default()
        try:
            text = json.dumps(value, allow_nan=False)
        except ValueError as e:   # inf, nan: no JSON for them
            from gi.repository import GLib
            raise GLib.Error(str(e), 'mibew-events-error-quark', MibewEvents.EventsError.INVALID_ARGUMENTS)
        return dispatcher.parse_json(text, -1)
    return value


def _from_node(node):
    # json_to_data: json-glib writes some doubles as 1e+17.0, which no
    # reader accepts
    return json.loads(MibewEvents.json_to_data(node, False))


class EventDispatcher(MibewEvents.EventDispatcher):
    def trigger_json(self, event_name, args):
        """Like the C function; with a dict in, a dict comes back."""
        result = MibewEvents.EventDispatcher.trigger_json(self, event_name, _to_node(args, self))
        return _from_node(result) if isinstance(args, (dict, list)) else result

    def attach_listener(self, event_name, priority, callback, *user_data):
        if user_data:
            inner = callback

            # keeps the listener's own name for the failure messages
            @functools.wraps(inner)
            def callback(*args):
                return inner(*args, *user_data)
        # An unknown event has no signal: no type to check, and the
        # attach below fails with EventsError.UNKNOWN_EVENT.
        ok, category, signal, kind, args_type = MibewEvents.EventDispatcher.describe_event(
            event_name.split('::')[0])
        return_type = _answer_type(self.get_emitter(category).__gtype__, signal) if ok else None
        return MibewEvents.EventDispatcher.attach_listener(
            self, event_name, priority, _guard(event_name, callback, return_type, self.get_current_owner()))


EventDispatcher = override(EventDispatcher)
__all__.append('EventDispatcher')


class EventEmitter(MibewEvents.EventEmitter):
    def _guarded(self, signal, handler):
        dispatcher = self.get_dispatcher()
        owner = dispatcher.get_current_owner() if dispatcher is not None else None
        return _guard(self.get_event_name(signal), handler, _answer_type(self.__gtype__, signal), owner)

    def connect(self, signal, handler, *args):
        return super().connect(signal, self._guarded(signal, handler), *args)

    def connect_after(self, signal, handler, *args):
        return super().connect_after(signal, self._guarded(signal, handler), *args)


EventEmitter = override(EventEmitter)
__all__.append('EventEmitter')


# How each class sets each of its properties as an attribute, found
# once: its typed setter or set_property. Keyed by (class, attribute
# name); other names are not kept, so that a subclass making up names
# cannot grow it without end.
_PYTHON = object()      # marks a plain Python attribute
_setters = {}


def _typed_setter(cls, pspec):
    """set_<property> when the class has one taking just the value.

    PyGObject 3.42's set_property leaks the converted value of every
    string it sets (about 32 bytes each); the introspected setters do
    not. The checks keep out methods that only share the name: Record's
    set_data, WidgetResponse.set_dependencies (handler, lib_ids)."""
    setter = getattr(cls, 'set_' + pspec.name.replace('-', '_'), None)
    if not isinstance(setter, FunctionInfo) or not setter.is_method():
        return None
    if len(setter.get_arguments()) != 1:
        return None
    container = setter.get_container()
    if container is None or not container.get_g_type().is_a(pspec.owner_type):
        return None
    return setter


def _attribute_setter(cls, name):
    """A setter function for a property, _PYTHON for a plain Python
    attribute, None for neither."""
    pspec = None if hasattr(cls, name) else cls.find_property(name.replace('_', '-'))
    if pspec is not None:
        setter = _typed_setter(cls, pspec)
        if setter is not None:
            return setter
        prop_name = pspec.name
        return lambda self, value: GObject.Object.set_property(self, prop_name, value)
    # Class attributes (methods, Python properties, class-level defaults)
    # keep Python's meaning, as do all names on subclasses defined in
    # Python; what is left on the library's own classes is a typo.
    if hasattr(cls, name) or not cls.__module__.startswith('gi.'):
        return _PYTHON
    return None


class _PropertyAttributes:
    """Reads and writes GObject properties as attributes."""

    def __getattr__(self, name):
        # only called when normal lookup failed
        pspec = type(self).find_property(name.replace('_', '-'))
        if pspec is None:
            raise AttributeError('%r object has no attribute %r' % (type(self).__name__, name))
        return self.get_property(pspec.name)

    def __setattr__(self, name, value):
        if name.startswith('_'):
            super().__setattr__(name, value)
            return
        cls = type(self)
        setter = _setters.get((cls, name))
        if setter is None:
            setter = _attribute_setter(cls, name)
            if setter is not None and setter is not _PYTHON:
                _setters[cls, name] = setter
        if setter is _PYTHON:
            super().__setattr__(name, value)
        elif setter is None:
            raise AttributeError('%r object has no property or attribute %r (%s)' % (
                cls.__name__, name, cls.__gtype__.name))
        else:
            setter(self, value)


# The types whose properties read and write as attributes; each override
# is the same empty subclass.
def _new_from_json(event_name, args):
    return MibewEvents.EventArgs.new_from_json(event_name, _to_node(args))


def _to_dict(self):
    """The JSON form of the arguments as Python values."""
    return _from_node(self.to_json())


_extras = {
    'EventArgs': {'new_from_json': staticmethod(_new_from_json), 'to_dict': _to_dict},
}

for _name in ('Record', 'EventArgs', 'ButtonFragment', 'Asset', 'BaseUrlGenerator'):
    globals()[_name] = override(type(_name, (_PropertyAttributes, getattr(MibewEvents, _name)),
                                     dict(_extras.get(_name, {}), __module__=__name__)))
    __all__.append(_name)
del _name
