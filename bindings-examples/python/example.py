#!/usr/bin/python3
# example.py: a Mibew plugin's listeners, written in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The two examples of Mibew's "Server side events" page, then one
# notification and one alteration, attached to the process-wide dispatcher
# (Mibew's EventDispatcher::getInstance()):
#
#   1. threadFunctionCall::microtime  answers the `microtime` API function,
#      honouring `arguments.as_float`, in `results['time']`;
#   2. widgetResponseAlter            makes the widget load a library and a
#      script, then call `usefulFunc` with some data;
#   3. threadCreate                   a Slack-notifier-like listener that
#      reads `thread.userName`;
#   4. threadPostMessage              turns "/note ..." typed by an operator
#      into a message only operators see.
#
# The script then plays the core's part: it builds each event's arguments,
# triggers the event through the dispatcher, prints what the listeners left
# there and exits with status 1 if an expected effect is missing.
#
# Run it against a build tree with GI_TYPELIB_PATH, LD_LIBRARY_PATH and
# PYTHONPATH (for the MibewEvents override) set, as `meson test` does.

import json
import sys
import time

import gi
gi.require_version('MibewEvents', '1.0')
gi.require_version('Json', '1.0')
from gi.repository import Json, MibewEvents  # noqa: E402

# Where the plugin keeps its files, as Mibew's Plugin::getFilesPath().
FILES_PATH = 'plugins/Example/UsefulFunc/files'


def to_python(json_object):
    """A Json.Object as a Python dict (for reading and printing)."""
    if json_object is None:
        return None
    return json.loads(Json.to_string(Json.Node.alloc().init_object(json_object), False))


def to_json_node(value):
    """A Python value as a Json.Node (what set_data() takes)."""
    return Json.from_string(json.dumps(value))


def php_empty(json_object, key):
    """PHP's empty(): false, 0, '', '0', null or a missing key."""
    value = to_python(json_object).get(key) if json_object is not None else None
    return value in (None, False, 0, '', '0', [], {})


# 1. The seed's API function: microtime. Attached with the detail
# "::microtime", so the dispatcher calls it for that function only (the PHP
# example checks $function['function'] itself).
def on_microtime(events, args):
    now = time.time()
    if not php_empty(args.arguments, 'as_float'):
        args.results.set_double_member('time', now)            # microtime(true)
    else:
        args.results.set_string_member('time', '%.8f %d' % (now % 1, int(now)))  # "msec sec"
    # Changing `results` in place is enough; returning a Json.Object would
    # merge it into `results` instead.


# 2. The seed's widget handler.
def on_widget_response(events, args):
    # This is just a shortcut for the URL generator.
    g = args.asset_url_generator
    response = args.response

    # External libraries could be loaded before the function is called: the
    # keys are the libraries' ids, the values their URLs.
    response.add_load('the_lib', '')
    response.add_load('the_func', g.generate(FILES_PATH + '/func.js'))
    # The functions the widget should call, what each depends on, and some
    # data passed to it.
    response.add_handler('usefulFunc')
    response.set_dependencies('usefulFunc', ['the_lib', 'the_func'])
    response.set_data('usefulFunc', to_json_node({'time': time.time()}))


# 3. A notification: a Slack-notifier-like listener.
outbox = []


def on_thread_create(events, args):
    thread = args.thread
    # The override reads GObject properties as attributes; the JSON key
    # works too: thread.get_string('userName').
    outbox.append('New chat #%d from %s' % (thread.id, thread.user_name))


# 4. An alteration: "/note ..." becomes a note for operators.
def on_post_message(events, args):
    if args.message_kind != MibewEvents.MessageKind.AGENT or not args.message_body.startswith('/note '):
        return None                    # not ours: leave the message alone
    args.message_kind = MibewEvents.MessageKind.FOR_AGENT
    args.message_options.set_string_member('plugin', 'agent-notes')
    # Returning a string replaces the body; the next listener and the core
    # see it (args.message_body = ... would do the same).
    return args.message_body[len('/note '):].strip()


# ---------------------------------------------------------------------------
# The core's part: trigger the events, check what the listeners did.

failures = 0


def check(ok, what):
    global failures
    print('  %s %s' % ('ok  ' if ok else 'FAIL', what))
    if not ok:
        failures += 1


def record(cls, data):
    """A domain object (Thread, SiteVisitor, ...) from its JSON form."""
    return MibewEvents.Record.from_json(cls.__gtype__, Json.from_string(json.dumps(data)).get_object())


def main():
    dispatcher = MibewEvents.EventDispatcher.get_default()

    # The plugin's run() in Mibew attaches its listeners like this.
    dispatcher.attach_listener('threadFunctionCall::microtime', 0, on_microtime)
    dispatcher.attach_listener('widgetResponseAlter', 0, on_widget_response)
    dispatcher.attach_listener('threadCreate', 0, on_thread_create)
    dispatcher.attach_listener('threadPostMessage', 0, on_post_message)

    thread_events = dispatcher.get_thread()

    # microtime, as a float and as PHP's "msec sec" string
    for as_float in (True, False):
        processor = record(MibewEvents.RequestProcessor, {'kind': 'thread'})
        arguments = Json.from_string(json.dumps({'as_float': as_float})).get_object()
        args = MibewEvents.FunctionCallArgs.new(processor, 'microtime', arguments, None)
        thread_events.emit_function_call(args)
        answer = to_python(args.results).get('time')
        print('threadFunctionCall microtime(as_float=%s): results.time = %r' % (json.dumps(as_float), answer))
        if as_float:
            check(isinstance(answer, float) and answer > 1e9, 'microtime(true) answered a float')
        else:
            check(isinstance(answer, str) and ' ' in answer, 'microtime(false) answered "msec sec"')

    # the widget
    generator = MibewEvents.BaseUrlGenerator.new('https://chat.example.com/mibew/')
    args = MibewEvents.WidgetResponseArgs.new(
        record(MibewEvents.SiteVisitor, {'visitorid': 17, 'username': 'Guest'}),
        MibewEvents.Request.new(), MibewEvents.WidgetResponse.new(), generator, generator)
    dispatcher.get_widget().emit_response_alter(args)
    response = args.response
    print('widgetResponseAlter: response = %s' % Json.to_string(response.to_json(), False))
    data = response.get_data('usefulFunc')
    check('usefulFunc' in response.get_handlers(), 'handler usefulFunc added')
    check(response.get_load_url('the_lib') == '', 'the_lib loaded with an empty URL')
    check(response.get_load_url('the_func') == 'https://chat.example.com/mibew/' + FILES_PATH + '/func.js',
          "the_func's URL built by the asset URL generator")
    check(response.get_dependencies('usefulFunc') == ['the_lib', 'the_func'],
          'usefulFunc depends on the_lib and the_func')
    check(data is not None and 'time' in json.loads(Json.to_string(data, False)), 'usefulFunc gets {time: ...}')

    # a new chat
    thread = record(MibewEvents.Thread, {'id': '42', 'userName': 'Ann Smith', 'state': 0})
    thread_events.emit_create(MibewEvents.ThreadArgs.new(thread, None))
    if outbox:
        print('threadCreate: the notifier would post "%s"' % outbox[0])
    check(outbox == ['New chat #42 from Ann Smith'], 'the notifier read thread.userName')

    # messages
    note = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.AGENT, '/note VIP customer ', None)
    plain = MibewEvents.PostMessageArgs.new(thread, MibewEvents.MessageKind.AGENT, 'How can I help?', None)
    thread_events.emit_post_message(note)
    thread_events.emit_post_message(plain)
    print('threadPostMessage: "/note VIP customer " (AGENT) -> "%s" (%s)'
          % (note.message_body, note.message_kind.value_nick))
    check(note.message_body == 'VIP customer' and note.message_kind == MibewEvents.MessageKind.FOR_AGENT,
          '"/note ..." became a FOR_AGENT message')
    check(to_python(note.message_options).get('plugin') == 'agent-notes', "the note's options name the plugin")
    check(plain.message_body == 'How can I help?' and plain.message_kind == MibewEvents.MessageKind.AGENT,
          'other messages left alone')

    check(dispatcher.get_failure_count() == 0, 'no listener failed')
    print('Python example: %s' % ('all effects present' if failures == 0 else 'FAILED'))
    return 0 if failures == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
