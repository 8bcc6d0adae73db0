/* example.vala: a Mibew plugin's listeners, written in Vala
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The two examples of Mibew's "Server side events" page, then one
 * notification and one alteration, on the process-wide dispatcher
 * (Mibew's EventDispatcher::getInstance()):
 *
 *   1. threadFunctionCall::microtime  answers the `microtime` API function,
 *      honouring `arguments.as_float`, in `results['time']`;
 *   2. widgetResponseAlter            makes the widget load a library and a
 *      script, then call `usefulFunc` with some data;
 *   3. threadCreate                   a Slack-notifier-like listener that
 *      reads `thread.userName`;
 *   4. threadPostMessage              turns "/note ..." typed by an operator
 *      into a message only operators see.
 *
 * Vala offers two ways to listen: connecting to the category object's
 * signal (dispatcher.thread.create.connect (...)), which runs like a
 * priority-0 listener, or attaching by Mibew's event name and a priority
 * with attach_func() (Mibew's attachListener()). Both are shown.
 *
 * The program then plays the core's part: it builds each event's arguments,
 * triggers the event through the dispatcher, prints what the listeners left
 * there and exits with status 1 if an expected effect is missing.
 *
 * Build: valac --pkg mibew-events-1.0 --pkg json-glib-1.0 example.vala
 */

/* Where the plugin keeps its files, as Mibew's Plugin::getFilesPath(). */
const string FILES_PATH = "plugins/Example/UsefulFunc/files";

/* PHP's empty(): false, 0, "", "0" and null (or a missing key) are empty. */
bool php_empty (Json.Object? object, string key) {
    unowned Json.Node? node = object != null ? object.get_member (key) : null;
    if (node == null || node.is_null ())
        return true;
    if (node.get_node_type () != Json.NodeType.VALUE)
        return false;
    var type = node.get_value_type ();
    if (type == typeof (bool))
        return !node.get_boolean ();
    if (type == typeof (string))
        return node.get_string () == "" || node.get_string () == "0";
    return node.get_double () == 0.0;
}

/* 1. The seed's API function: microtime. Connected to the detailed signal
 * "function-call::microtime", so it runs for that function only. */
Json.Object? on_microtime (Mibew.ThreadEvents events, Mibew.FunctionCallArgs args) {
    int64 now = GLib.get_real_time ();
    if (!php_empty (args.arguments, "as_float")) {
        args.results.set_double_member ("time", (double) now / 1000000.0);       /* microtime(true) */
    } else {
        args.results.set_string_member ("time", ("%.8f %" + int64.FORMAT).printf (             /* "msec sec" */
            (double) (now % 1000000) / 1000000.0, now / 1000000));
    }
    /* Changing `results` in place is enough; a returned object would be
     * merged into `results` instead. */
    return null;
}

/* 2. The seed's widget handler. */
Mibew.WidgetResponse? on_widget_response (Mibew.WidgetEvents events, Mibew.WidgetResponseArgs args) {
    /* This is just a shortcut for the URL generator. */
    var g = args.asset_url_generator;
    var response = args.response;

    /* External libraries could be loaded before the function is called: the
     * keys are the libraries' ids, the values their URLs. */
    response.add_load ("the_lib", "");
    response.add_load ("the_func", g.generate (FILES_PATH + "/func.js"));
    /* The functions the widget should call, what each depends on, and some
     * data passed to it. */
    response.add_handler ("usefulFunc");
    response.set_dependencies ("usefulFunc", { "the_lib", "the_func" });
    var data = new Json.Object ();
    data.set_double_member ("time", (double) GLib.get_real_time () / 1000000.0);
    var node = new Json.Node (Json.NodeType.OBJECT);
    node.set_object (data);
    response.set_data ("usefulFunc", node);
    return null;
}

/* 3. A notification: a Slack-notifier-like listener. */
GenericArray<string> outbox;

void on_thread_create (Mibew.ThreadEvents events, Mibew.ThreadArgs args) {
    var thread = args.thread;
    /* GObject properties read as Vala properties; the JSON key works too:
     * thread.get_string ("userName"). */
    outbox.add (("New chat #%" + int64.FORMAT + " from %s").printf (thread.id, thread.user_name));
}

/* 4. An alteration: "/note ..." becomes a note for operators. Attached
 * with attach_func(), whose Mibew.ListenerFunc has one signature for every
 * event: the arguments come as Mibew.EventArgs, of the event's class. */
void* on_post_message (Mibew.EventEmitter emitter, Mibew.EventArgs event_args) {
    var args = (Mibew.PostMessageArgs) event_args;
    if (args.message_kind != Mibew.MessageKind.AGENT || !args.message_body.has_prefix ("/note "))
        return null;                   /* not ours: leave the message alone */
    args.message_kind = Mibew.MessageKind.FOR_AGENT;
    args.message_options.set_string_member ("plugin", "agent-notes");
    /* Changed in place: the next listener and the core see it. */
    args.message_body = args.message_body.substring ("/note ".length).strip ();
    return null;
}

/* ------------------------------------------------------------------------ */
/* The core's part: trigger the events, check what the listeners did.       */

int failures = 0;

void check (bool ok, string what) {
    print ("  %s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok)
        failures++;
}

Json.Object parse_object (string json) {
    try {
        return Json.from_string (json).get_object ();
    } catch (Error e) {
        error ("bad JSON: %s", e.message);
    }
}

Mibew.Record record (Type type, string json) {
    try {
        return Mibew.Record.from_json (type, parse_object (json));
    } catch (Error e) {
        error ("bad record: %s", e.message);
    }
}

int main () {
    var dispatcher = Mibew.EventDispatcher.get_default ();
    outbox = new GenericArray<string> ();

    /* Signals: the detail selects the function. */
    dispatcher.thread.function_call["microtime"].connect (on_microtime);
    dispatcher.widget.response_alter.connect (on_widget_response);
    dispatcher.thread.create.connect (on_thread_create);
    /* Mibew's attachListener(): event name, priority, listener. */
    try {
        dispatcher.attach_func ("threadPostMessage", 0, on_post_message);
    } catch (Error e) {
        error ("cannot attach: %s", e.message);
    }

    /* microtime, as a float and as PHP's "msec sec" string */
    foreach (var as_float in new bool[] { true, false }) {
        var processor = (Mibew.RequestProcessor) record (typeof (Mibew.RequestProcessor), "{\"kind\": \"thread\"}");
        var arguments = new Json.Object ();
        arguments.set_boolean_member ("as_float", as_float);
        var args = new Mibew.FunctionCallArgs (processor, "microtime", arguments, null);
        dispatcher.thread.emit_function_call (args);
        unowned Json.Node? time = args.results.get_member ("time");
        print ("threadFunctionCall microtime(as_float=%s): results.time = %s\n",
               as_float.to_string (), time != null ? Json.to_string (time, false) : "(none)");
        if (as_float)
            check (time != null && time.get_value_type () == typeof (double) && time.get_double () > 1e9,
                   "microtime(true) answered a float");
        else
            check (time != null && time.get_value_type () == typeof (string) && " " in time.get_string (),
                   "microtime(false) answered \"msec sec\"");
    }

    /* the widget */
    var generator = new Mibew.BaseUrlGenerator ("https://chat.example.com/mibew/");
    var widget_args = new Mibew.WidgetResponseArgs (
        (Mibew.SiteVisitor) record (typeof (Mibew.SiteVisitor), "{\"visitorid\": 17, \"username\": \"Guest\"}"),
        new Mibew.Request (), new Mibew.WidgetResponse (), generator, generator);
    dispatcher.widget.emit_response_alter (widget_args);
    var response = widget_args.response;
    print ("widgetResponseAlter: response = %s\n", Json.to_string (response.to_json (), false));
    var deps = response.get_dependencies ("usefulFunc");
    unowned Json.Node? data = response.get_data ("usefulFunc");
    check ("usefulFunc" in response.get_handlers (), "handler usefulFunc added");
    check (response.get_load_url ("the_lib") == "", "the_lib loaded with an empty URL");
    check (response.get_load_url ("the_func") == "https://chat.example.com/mibew/" + FILES_PATH + "/func.js",
           "the_func's URL built by the asset URL generator");
    check (deps != null && deps.length == 2 && deps[0] == "the_lib" && deps[1] == "the_func",
           "usefulFunc depends on the_lib and the_func");
    check (data != null && data.get_node_type () == Json.NodeType.OBJECT && data.get_object ().has_member ("time"),
           "usefulFunc gets {time: ...}");

    /* a new chat */
    var thread = (Mibew.Thread) record (typeof (Mibew.Thread), "{\"id\": \"42\", \"userName\": \"Ann Smith\", \"state\": 0}");
    dispatcher.thread.emit_create (new Mibew.ThreadArgs (thread, null));
    if (outbox.length > 0)
        print ("threadCreate: the notifier would post \"%s\"\n", outbox[0]);
    check (outbox.length == 1 && outbox[0] == "New chat #42 from Ann Smith", "the notifier read thread.userName");

    /* messages */
    var note = new Mibew.PostMessageArgs (thread, Mibew.MessageKind.AGENT, "/note VIP customer ", null);
    var plain = new Mibew.PostMessageArgs (thread, Mibew.MessageKind.AGENT, "How can I help?", null);
    dispatcher.thread.emit_post_message (note);
    dispatcher.thread.emit_post_message (plain);
    print ("threadPostMessage: \"/note VIP customer \" (AGENT) -> \"%s\" (%s)\n",
           note.message_body, note.message_kind.to_string ());
    check (note.message_body == "VIP customer" && note.message_kind == Mibew.MessageKind.FOR_AGENT,
           "\"/note ...\" became a FOR_AGENT message");
    check (note.message_options.get_string_member_with_default ("plugin", "") == "agent-notes",
           "the note's options name the plugin");
    check (plain.message_body == "How can I help?" && plain.message_kind == Mibew.MessageKind.AGENT,
           "other messages left alone");

    check (dispatcher.failure_count == 0, "no listener failed");
    print ("Vala example: %s\n", failures == 0 ? "all effects present" : "FAILED");
    return failures == 0 ? 0 : 1;
}
