/* test-vala.vala: MibewEvents from Vala, through the generated VAPI
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One event of each kind — notify (threadClose, banCreate), alter
 * (threadPostMessage, buttonGenerate, widgetResponseAlter), out
 * (operatorAuthenticate, usersUpdateVisitorsLoad) and call
 * (threadFunctionCall) — with handlers connected the Vala way
 * (`dispatcher.thread.post_message.connect (...)`): a change one handler
 * makes is seen by the next one and by the emitter, and returned values
 * are folded (chain, first-wins, merge). Plus listeners attached by name
 * with priorities, detaching and the error domain.
 */

/* The VAPI offers attach_listener (string, int, GLib.Closure), and Vala
 * cannot turn a lambda into a GClosure by itself: a C closure it is, with
 * a static function whose signature is the signal's. The closure is
 * floating; the dispatcher sinks it, so Vala must not unref it. */
[CCode (cname = "g_cclosure_new")]
extern unowned GLib.Closure cclosure_new (GLib.Callback callback, void* user_data, GLib.ClosureNotify? destroy);

static GLib.GenericArray<string> seen;

static Json.Object json_object (string text) {
    try {
        return Json.from_string (text).get_object ();
    } catch (GLib.Error e) {
        GLib.error ("bad JSON in the test: %s", e.message);
    }
}

static string to_json (Json.Object object) {
    var node = new Json.Node (Json.NodeType.OBJECT);
    node.set_object (object);
    return Json.to_string (node, false);
}

static string seen_string () {
    return string.joinv (",", seen.data);
}

/* ---- notify ---------------------------------------------------------- */

static void test_notify () {
    var d = new Mibew.EventDispatcher ();
    var thread = new Mibew.Thread ();
    thread.state = Mibew.ThreadState.CHATTING;
    var args = new Mibew.ThreadArgs (thread, null);
    seen.length = 0;

    d.thread.close.connect ((events, a) => {
        assert (events == d.thread);
        assert (a == args);
        seen.add ("close %d".printf ((int) a.thread.state));
        a.thread.state = Mibew.ThreadState.CLOSED;
    });
    d.thread.close.connect_after ((events, a) => {
        seen.add ("after %d".printf ((int) a.thread.state));
    });
    d.thread.emit_close (args);
    try {
        assert (d.trigger ("threadClose", args));
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ,
                   "close %d,after %d,close %d,after %d".printf (
                       (int) Mibew.ThreadState.CHATTING, (int) Mibew.ThreadState.CLOSED,
                       (int) Mibew.ThreadState.CLOSED, (int) Mibew.ThreadState.CLOSED));
    assert (thread.state == Mibew.ThreadState.CLOSED);
    GLib.Test.message ("notify: threadClose handlers ran in order; the change reached the emitter");
}

/* ---- alter ----------------------------------------------------------- */

static void test_alter_post_message () {
    var d = new Mibew.EventDispatcher ();
    var thread = new Mibew.Thread ();
    var args = new Mibew.PostMessageArgs (thread, Mibew.MessageKind.USER, "hi", null);
    seen.length = 0;

    /* returned: chained into the body */
    d.thread.post_message.connect ((events, a) => {
        seen.add (a.message_body);
        return a.message_body.up ();
    });
    /* changed in place */
    d.thread.post_message.connect ((events, a) => {
        seen.add (a.message_body);
        a.message_body = a.message_body + "!";
        a.message_kind = Mibew.MessageKind.INFO;
        a.message_options.set_string_member ("plugin", "vala");
        return null;
    });
    d.thread.post_message.connect_after ((events, a) => {
        seen.add ("%s/%d/%s".printf (a.message_body, (int) a.message_kind,
                                     a.message_options.get_string_member ("plugin")));
        return null;
    });
    d.thread.emit_post_message (args);

    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ,
                   "hi,HI,HI!/%d/vala".printf ((int) Mibew.MessageKind.INFO));
    assert_cmpstr (args.get_message_body (), GLib.CompareOperator.EQ, "HI!");
    assert (args.get_message_kind () == Mibew.MessageKind.INFO);
    assert_cmpstr (to_json (args.get_message_options ()), GLib.CompareOperator.EQ, "{\"plugin\":\"vala\"}");
    assert (args.thread == thread);
    GLib.Test.message ("alter: post-message returned body chained, in-place changes reached the emitter");
}

static void test_alter_button () {
    var d = new Mibew.EventDispatcher ();
    var original = new Mibew.ButtonFragment ("<a>chat</a>");
    var args = new Mibew.ButtonArgs (original, json_object ("{\"kind\": \"image\"}"));
    Mibew.ButtonFragment? made = null;
    seen.length = 0;

    d.button.generate.connect ((events, a) => {
        seen.add (a.generator.get_string_member ("kind"));
        made = new Mibew.ButtonFragment ("<div>" + a.button.html + "</div>");
        return made;
    });
    d.button.generate.connect_after ((events, a) => {
        assert (a.button == made);
        a.button.html = a.button.html + "<!-- vala -->";
        return null;
    });
    d.button.emit_generate (args);
    assert (args.button == made);
    assert_cmpstr (args.button.get_html (), GLib.CompareOperator.EQ, "<div><a>chat</a></div><!-- vala -->");
    assert_cmpstr (original.html, GLib.CompareOperator.EQ, "<a>chat</a>");
    GLib.Test.message ("alter: button-generate returned ButtonFragment replaced the button");
}

static void test_alter_widget () {
    var d = new Mibew.EventDispatcher ();
    var args = new Mibew.WidgetResponseArgs (new Mibew.SiteVisitor (), new Mibew.Request (),
                                             new Mibew.WidgetResponse (),
                                             new Mibew.BaseUrlGenerator ("https://m.example.org"),
                                             new Mibew.BaseUrlGenerator ("https://m.example.org/static"));
    d.widget.response_alter.connect ((events, a) => {
        /* the seed's PHP example */
        var g = a.asset_url_generator;
        a.response.add_load ("the_lib", "");
        a.response.add_load ("the_func", g.generate ("plugins/example/func.js"));
        a.response.add_handler ("usefulFunc");
        a.response.set_dependencies ("usefulFunc", { "the_lib", "the_func" });
        var data = new Json.Node (Json.NodeType.OBJECT);
        data.set_object (json_object ("{\"time\": 1234.5}"));
        a.response.set_data ("usefulFunc", data);
        return null;
    });
    d.widget.emit_response_alter (args);
    var response = args.response;
    assert_cmpstr (response.get_load_url ("the_func"), GLib.CompareOperator.EQ,
                   "https://m.example.org/static/plugins/example/func.js");
    assert_cmpstr (response.get_load_url ("the_lib"), GLib.CompareOperator.EQ, "");
    assert_cmpstr (string.joinv (",", response.get_handlers ()), GLib.CompareOperator.EQ, "usefulFunc");
    assert_cmpstr (string.joinv (",", response.get_dependencies ("usefulFunc")), GLib.CompareOperator.EQ,
                   "the_lib,the_func");
    assert (response.get_data ("usefulFunc").get_object ().get_double_member ("time") == 1234.5);
    GLib.Test.message ("alter: response-alter, the seed example, works from Vala");
}

/* ---- out ------------------------------------------------------------- */

static void test_out_authenticate () {
    var d = new Mibew.EventDispatcher ();
    var request = new Mibew.Request ();
    seen.length = 0;

    var none = d.operator.authenticate.connect ((events, a) => {
        seen.add ("none");
        assert (a.operator == null);
        return null;
    });
    var args = new Mibew.AuthenticateArgs (null, request);
    assert (!d.operator.emit_authenticate (args));
    assert (args.operator == null);

    d.operator.authenticate.connect ((events, a) => {
        seen.add ("alice");
        assert (a.request == request);
        var op = new Mibew.Operator ();
        op.vclogin = "alice";
        return op;
    });
    d.operator.authenticate.connect_after ((events, a) => {
        seen.add ("never");
        return new Mibew.Operator ();
    });
    args = new Mibew.AuthenticateArgs (null, request);
    assert (d.operator.emit_authenticate (args));
    assert_cmpstr (args.operator.vclogin, GLib.CompareOperator.EQ, "alice");
    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "none,none,alice");

    /* filling the slot answers too */
    d.operator.disconnect (none);
    d.operator.authenticate.connect_after ((events, a) => {
        return null;
    });
    seen.length = 0;
    var d2 = new Mibew.EventDispatcher ();
    d2.operator.authenticate.connect ((events, a) => {
        seen.add ("fill");
        var op = new Mibew.Operator ();
        op.vclogin = "carol";
        a.operator = op;
        return null;
    });
    d2.operator.authenticate.connect_after ((events, a) => {
        seen.add ("never");
        return null;
    });
    args = new Mibew.AuthenticateArgs (null, request);
    assert (d2.operator.emit_authenticate (args));
    assert_cmpstr (args.operator.vclogin, GLib.CompareOperator.EQ, "carol");
    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "fill");
    GLib.Test.message ("out: operator-authenticate first answer wins, later handlers do not run");
}

static void test_out_visitors_load () {
    var d = new Mibew.EventDispatcher ();
    var args = new Mibew.ListVisitorsArgs (null);
    assert (!d.users.emit_update_visitors_load (args));
    assert (args.get_visitors () == null);

    int calls = 0;
    d.users.update_visitors_load.connect ((events, a) => {
        calls++;
        return null;
    });
    assert (!d.users.emit_update_visitors_load (args));
    assert (args.get_visitors () == null);
    d.users.update_visitors_load.connect_after ((events, a) => {
        calls++;
        var store = new GLib.ListStore (typeof (Mibew.ListVisitor));
        var v = new Mibew.ListVisitor ();
        v.user_name = "from vala";
        store.append (v);
        return store;
    });
    assert (d.users.emit_update_visitors_load (args));
    assert (calls == 3);
    assert (args.get_visitors ().get_n_items () == 1);
    assert_cmpstr (((Mibew.ListVisitor) args.get_visitors ().get_item (0)).user_name,
                   GLib.CompareOperator.EQ, "from vala");
    GLib.Test.message ("out: update-visitors-load stays null without an answer; a returned list answers");
}

/* ---- call ------------------------------------------------------------ */

static Mibew.FunctionCallArgs run_call (Mibew.EventDispatcher d, string function) {
    var processor = new Mibew.RequestProcessor ();
    processor.kind = "thread";
    var args = new Mibew.FunctionCallArgs (processor, function, json_object ("{\"as_float\": true}"),
                                           json_object ("{\"core\": \"yes\"}"));
    d.thread.emit_function_call (args);
    return args;
}

static void test_call () {
    var d = new Mibew.EventDispatcher ();
    seen.length = 0;

    d.thread.function_call["microtime"].connect ((events, a) => {
        /* $function['results']['time'] = microtime($as_float); */
        seen.add ("microtime:" + a.function);
        if (a.arguments.has_member ("as_float") && a.arguments.get_boolean_member ("as_float"))
            a.results.set_double_member ("time", 1234.5);
        return json_object ("{\"by\": \"first\"}");
    });
    d.thread.function_call["microtime"].connect_after ((events, a) => {
        seen.add ("after:" + a.function);
        return json_object ("{\"by\": \"second\", \"extra\": 1}");
    });
    d.thread.function_call["otherFunc"].connect ((events, a) => {
        seen.add ("other:" + a.function);
        return null;
    });

    var args = run_call (d, "microtime");
    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "microtime:microtime,after:microtime");
    assert_cmpstr (to_json (args.results), GLib.CompareOperator.EQ,
                   "{\"core\":\"yes\",\"time\":1234.5,\"by\":\"second\",\"extra\":1}");
    seen.length = 0;
    args = run_call (d, "otherFunc");
    assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "other:otherFunc");
    assert_cmpstr (to_json (args.results), GLib.CompareOperator.EQ, "{\"core\":\"yes\"}");
    GLib.Test.message ("call: function_call[\"microtime\"] detail, results set, returned objects merged");
}

/* ---- attach_listener by name ----------------------------------------- */

static void on_close_minus5 (Mibew.ThreadEvents events, Mibew.ThreadArgs args, void* data) {
    seen.add ("-5");
}

static void on_close_10 (Mibew.ThreadEvents events, Mibew.ThreadArgs args, void* data) {
    seen.add ("10");
}

static void on_close_0 (Mibew.ThreadEvents events, Mibew.ThreadArgs args, void* data) {
    seen.add ("0:" + (string) data);
}

static string? on_post_upper (Mibew.ThreadEvents events, Mibew.PostMessageArgs args, void* data) {
    seen.add ("listener:" + args.message_body);
    return args.message_body.up ();
}

static void test_attach_listener () {
    var d = new Mibew.EventDispatcher ();
    seen.length = 0;
    try {
        d.attach_listener ("threadClose", -5, cclosure_new ((GLib.Callback) on_close_minus5, null, null));
        d.attach_listener ("threadClose", 10, cclosure_new ((GLib.Callback) on_close_10, null, null));
        var a = d.attach_listener ("threadClose", 0, cclosure_new ((GLib.Callback) on_close_0, "a", null));
        d.attach_listener ("threadClose", 0, cclosure_new ((GLib.Callback) on_close_0, "b", null));
        d.thread.close.connect ((events, args) => { seen.add ("signal"); });
        d.thread.emit_close (new Mibew.ThreadArgs (new Mibew.Thread (), null));
        assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "-5,0:a,0:b,signal,10");

        assert (d.detach_listener ("threadClose", a));
        seen.length = 0;
        d.thread.emit_close (new Mibew.ThreadArgs (new Mibew.Thread (), null));
        assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "-5,0:b,signal,10");

        /* a listener returning a value, before a handler */
        d.attach_listener ("threadPostMessage", -1, cclosure_new ((GLib.Callback) on_post_upper, null, null));
        d.thread.post_message.connect ((events, args) => {
            seen.add ("handler:" + args.message_body);
            return args.message_body + "!";
        });
        seen.length = 0;
        var post = new Mibew.PostMessageArgs (null, Mibew.MessageKind.USER, "hi", null);
        d.trigger ("threadPostMessage", post);
        assert_cmpstr (seen_string (), GLib.CompareOperator.EQ, "listener:hi,handler:HI");
        assert_cmpstr (post.message_body, GLib.CompareOperator.EQ, "HI!");
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
    GLib.Test.message ("attach_listener: priorities -5, 0, 0, 10 and a GSignal handler ran in Mibew's order");
}

static void test_errors () {
    var d = new Mibew.EventDispatcher ();
    try {
        d.detach_listener ("threadClose", 4711);
        assert_not_reached ();
    } catch (Mibew.EventsError e) {
        assert (e is Mibew.EventsError.UNKNOWN_LISTENER);
    } catch (GLib.Error e) {
        assert_not_reached ();
    }
    try {
        d.trigger ("threadExplode", new Mibew.EventArgs ());
        assert_not_reached ();
    } catch (GLib.Error e) {
        assert_error (e, Mibew.EventsError.quark (), Mibew.EventsError.UNKNOWN_EVENT);
    }
    try {
        d.trigger ("threadClose", new Mibew.EventArgs ());
        assert_not_reached ();
    } catch (GLib.Error e) {
        assert (e is Mibew.EventsError.INVALID_ARGUMENTS);
    }
    GLib.Test.message ("errors: Mibew.EventsError UNKNOWN_LISTENER, UNKNOWN_EVENT, INVALID_ARGUMENTS");
}

static void test_list_events () {
    unowned string[] names = Mibew.EventDispatcher.list_events ();
    assert (names.length == 41);
    assert_cmpstr (names[0], GLib.CompareOperator.EQ, "banCreate");
    assert_cmpstr (names[40], GLib.CompareOperator.EQ, "widgetResponseAlter");
    Mibew.EventCategory category;
    unowned string signal_name;
    Mibew.EventKind kind;
    GLib.Type args_type;
    assert (Mibew.EventDispatcher.describe_event ("threadPostMessage", out category, out signal_name,
                                                  out kind, out args_type));
    assert (category == Mibew.EventCategory.THREAD);
    assert_cmpstr (signal_name, GLib.CompareOperator.EQ, "post-message");
    assert (kind == Mibew.EventKind.ALTER);
    assert (args_type == typeof (Mibew.PostMessageArgs));
    var d = new Mibew.EventDispatcher ();
    assert (d.get_emitter (category) == d.thread);
    GLib.Test.message ("list_events and describe_event from Vala");
}

public static int main (string[] args) {
    GLib.Test.init (ref args);
    seen = new GLib.GenericArray<string> ();

    GLib.Test.add_func ("/vala/list-events", test_list_events);
    GLib.Test.add_func ("/vala/notify/thread-close", test_notify);
    GLib.Test.add_func ("/vala/alter/post-message", test_alter_post_message);
    GLib.Test.add_func ("/vala/alter/button-generate", test_alter_button);
    GLib.Test.add_func ("/vala/alter/widget-response", test_alter_widget);
    GLib.Test.add_func ("/vala/out/operator-authenticate", test_out_authenticate);
    GLib.Test.add_func ("/vala/out/update-visitors-load", test_out_visitors_load);
    GLib.Test.add_func ("/vala/call/function-call", test_call);
    GLib.Test.add_func ("/vala/dispatcher/attach-listener", test_attach_listener);
    GLib.Test.add_func ("/vala/dispatcher/errors", test_errors);
    return GLib.Test.run ();
}
