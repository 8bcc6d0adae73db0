# PyGObject overrides for MibewEvents
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# What they add:
# - listeners (attach_listener, connect, connect_after) are guarded: an
#   exception that escapes one is printed to stderr and reported through
#   EventDispatcher::listener-failed, and the emission goes on;
# - a listener may return a plain dict where a Json.Object is expected
#   (function-call results, plugin options);
# - records, event arguments and the small value types read and write
#   their properties as attributes: thread.user_name, args.message_kind = ...

import functools
import json
import sys
import traceback

from ..importer import modules
from ..overrides import override

MibewEvents = modules['MibewEvents']._introspection_module

__all__ = []


def _to_answer(value):
    """Plain dicts become Json.Object, the type dictionary answers have."""
    if isinstance(value, dict):
        from gi.repository import Json
        return Json.from_string(json.dumps(value)).get_object()
    return value


def _guard(event_name, callback):
    # The dispatcher is looked up from the emitter only when a listener
    # fails: capturing it here would make dispatcher -> emitter -> closure
    # -> dispatcher, a cycle through C that Python's gc cannot break.
    event_name = (event_name or '?').split('::')[0]

    @functools.wraps(callback)
    def guarded(*args):
        try:
            return _to_answer(callback(*args))
        except Exception as e:  # a listener must never break the emission
            traceback.print_exc(file=sys.stderr)
            emitter = args[0] if args and isinstance(args[0], MibewEvents.EventEmitter) else None
            dispatcher = emitter.get_dispatcher() if emitter is not None else None
            if dispatcher is not None:
                dispatcher.report_failure(event_name, '%s: %s' % (type(e).__name__, e))
            return None
    return guarded


class EventDispatcher(MibewEvents.EventDispatcher):
    def attach_listener(self, event_name, priority, callback, *user_data):
        if user_data:
            inner = callback
            callback = lambda *args: inner(*args, *user_data)
        return MibewEvents.EventDispatcher.attach_listener(
            self, event_name, priority, _guard(event_name, callback))


EventDispatcher = override(EventDispatcher)
__all__.append('EventDispatcher')


class EventEmitter(MibewEvents.EventEmitter):
    def _guarded(self, signal, handler):
        return _guard(self.get_event_name(signal), handler)

    def connect(self, signal, handler, *args):
        return super().connect(signal, self._guarded(signal, handler), *args)

    def connect_after(self, signal, handler, *args):
        return super().connect_after(signal, self._guarded(signal, handler), *args)


EventEmitter = override(EventEmitter)
__all__.append('EventEmitter')


class _PropertyAttributes:
    """Reads and writes GObject properties as attributes."""

    def __getattr__(self, name):
        # only called when normal lookup failed
        pspec = type(self).find_property(name.replace('_', '-'))
        if pspec is None:
            raise AttributeError('%r object has no attribute %r' % (type(self).__name__, name))
        return self.get_property(pspec.name)

    def __setattr__(self, name, value):
        if not name.startswith('_') and type(self).find_property(name.replace('_', '-')) is not None \
                and not hasattr(type(self), name):
            self.set_property(name.replace('_', '-'), value)
        else:
            super().__setattr__(name, value)


# The types whose properties read and write as attributes; each override
# is the same empty subclass.
for _name in ('Record', 'EventArgs', 'ButtonFragment', 'Asset', 'BaseUrlGenerator'):
    globals()[_name] = override(type(_name, (_PropertyAttributes, getattr(MibewEvents, _name)),
                                     {'__module__': __name__}))
    __all__.append(_name)
del _name
