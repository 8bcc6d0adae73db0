/* test-args.c: what the field tables give every arguments class
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Notifications (every setter, the answer fold, update_from_json), lazy
 * members, the event an arguments object was used for, and
 * update_from_json changing records and dictionaries in place.
 */

#include <mibew-events/mibew-events.h>

typedef struct
{
  guint body;
  guint kind;
  guint options;
  guint thread;
} Counts;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  if (g_str_equal (pspec->name, "message-body"))
    counts->body++;
  else if (g_str_equal (pspec->name, "message-kind"))
    counts->kind++;
  else if (g_str_equal (pspec->name, "message-options"))
    counts->options++;
  else if (g_str_equal (pspec->name, "thread"))
    counts->thread++;
}

static char *
return_body (MibewThreadEvents    *events,
             MibewPostMessageArgs *args,
             gpointer              user_data)
{
  return g_strdup (user_data);
}

static void
test_notify_on_change (void)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(GObject) mirror = G_OBJECT (mibew_button_fragment_new (""));
  g_autoptr(MibewThread) thread = mibew_thread_new ();
  Counts counts = { 0 };

  g_signal_connect (args, "notify", G_CALLBACK (on_notify), &counts);
  g_object_bind_property (args, "message-body", mirror, "html", G_BINDING_DEFAULT);

  mibew_post_message_args_set_message_body (args, "hi");        /* same value: nothing */
  g_assert_cmpuint (counts.body, ==, 0);
  mibew_post_message_args_set_message_body (args, "hello");
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpstr (mibew_button_fragment_get_html (MIBEW_BUTTON_FRAGMENT (mirror)), ==, "hello");
  g_object_set (args, "message-body", "hello", NULL);             /* same again */
  g_assert_cmpuint (counts.body, ==, 1);

  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_USER);
  g_assert_cmpuint (counts.kind, ==, 0);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_AGENT);
  g_assert_cmpuint (counts.kind, ==, 1);

  mibew_post_message_args_set_thread (args, thread);
  mibew_post_message_args_set_thread (args, thread);
  g_assert_cmpuint (counts.thread, ==, 1);

  /* a returned body goes through the same path */
  mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", 0,
                                          G_CALLBACK (return_body), (gpointer) "bye", NULL, NULL);
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args);
  g_assert_cmpuint (counts.body, ==, 2);
  g_assert_cmpstr (mibew_button_fragment_get_html (MIBEW_BUTTON_FRAGMENT (mirror)), ==, "bye");
  /* the second time the listener answers what is there: no notification */
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args);
  g_assert_cmpuint (counts.body, ==, 2);
}

/* Arguments that never had a notify handler skip GLib's notify (see
 * mibew_object_may_notify()): one connected later, or a binding made
 * later, is told of every change from then on, and one connected from a
 * listener during an emission is told of the next listener's change. */
static char *
connect_notify_listener (MibewThreadEvents    *events,
                         MibewPostMessageArgs *args,
                         gpointer              user_data)
{
  g_signal_connect (args, "notify", G_CALLBACK (on_notify), user_data);
  return NULL;
}

static char *
set_kind_listener (MibewThreadEvents    *events,
                   MibewPostMessageArgs *args,
                   gpointer              user_data)
{
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
  return NULL;
}

static void
test_notify_connected_late (void)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  g_autoptr(MibewPostMessageArgs) args2 = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(MibewButtonFragment) mirror = mibew_button_fragment_new ("");
  Counts counts = { 0 };
  Counts counts2 = { 0 };

  /* changes nobody watches */
  mibew_post_message_args_set_message_body (args, "one");
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_AGENT);
  mibew_event_args_reset (MIBEW_EVENT_ARGS (args));

  g_object_bind_property (args, "message-body", mirror, "html", G_BINDING_DEFAULT);
  mibew_post_message_args_set_message_body (args, "two");
  g_assert_cmpstr (mibew_button_fragment_get_html (mirror), ==, "two");

  g_signal_connect (args, "notify", G_CALLBACK (on_notify), &counts);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_AGENT);
  mibew_post_message_args_set_message_body (args, "three");
  g_assert_cmpuint (counts.kind, ==, 1);
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpstr (mibew_button_fragment_get_html (mirror), ==, "three");
  mibew_event_args_reset (MIBEW_EVENT_ARGS (args));
  g_assert_cmpuint (counts.kind, ==, 2);
  g_assert_cmpuint (counts.body, ==, 2);
  g_assert_cmpstr (mibew_button_fragment_get_html (mirror), ==, "");

  /* connected by one listener, told of the next one's change */
  mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", 0,
                                          G_CALLBACK (connect_notify_listener), &counts2, NULL, NULL);
  mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", 1,
                                          G_CALLBACK (set_kind_listener), NULL, NULL, NULL);
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args2);
  g_assert_cmpuint (counts2.kind, ==, 1);
  g_assert_cmpuint (counts2.body, ==, 0);
}

/* The accessors' type check (a per-class cached type, see
 * MIBEW_ARGS_IS()) still refuses another class's arguments and NULL. */
static void
test_accessors_check_type (void)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  g_autoptr(MibewThreadArgs) other = mibew_thread_args_new (NULL, NULL);
  g_autoptr(MibewEventArgs) plain = mibew_event_args_new ();

  g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*MIBEW_ARGS_IS (self, mibew_post_message_args)*");
  mibew_post_message_args_set_message_kind ((MibewPostMessageArgs *) other, MIBEW_MESSAGE_KIND_INFO);
  g_test_assert_expected_messages ();
  g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*MIBEW_ARGS_IS (self, mibew_post_message_args)*");
  g_assert_null (mibew_post_message_args_get_message_body ((MibewPostMessageArgs *) plain));
  g_test_assert_expected_messages ();
  g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*MIBEW_ARGS_IS (self, mibew_post_message_args)*");
  mibew_post_message_args_set_message_body (NULL, "x");
  g_test_assert_expected_messages ();
  g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*MIBEW_ARGS_IS (self, mibew_thread_args)*");
  g_assert_null (mibew_thread_args_get_thread ((MibewThreadArgs *) args));
  g_test_assert_expected_messages ();

  /* the right class still passes */
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
}

static void
test_lazy_members (void)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, NULL, NULL);
  g_autoptr(MibewFunctionCallArgs) call = mibew_function_call_args_new (NULL, NULL, NULL, NULL);
  g_autoptr(MibewListThreadsArgs) threads = mibew_list_threads_args_new (NULL);
  g_autoptr(MibewListVisitorsArgs) visitors = mibew_list_visitors_args_new (NULL);
  JsonObject *options;

  /* empty members read as empty values, not NULL */
  g_assert_cmpstr (mibew_post_message_args_get_message_body (args), ==, "");
  options = mibew_post_message_args_get_message_options (args);
  g_assert_nonnull (options);
  g_assert_cmpuint (json_object_get_size (options), ==, 0);
  /* and stay the same object once read */
  g_assert_true (mibew_post_message_args_get_message_options (args) == options);
  g_assert_cmpstr (mibew_function_call_args_get_function (call), ==, "");
  g_assert_nonnull (mibew_function_call_args_get_results (call));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mibew_list_threads_args_get_threads (threads))), ==, 0);
  /* except where NULL means something: visitors not loaded yet */
  g_assert_null (mibew_list_visitors_args_get_visitors (visitors));
}

static void
test_event_name (void)
{
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(MibewAssetsArgs) args = mibew_assets_args_new (NULL, NULL);
  g_autoptr(JsonNode) css = NULL;
  g_autoptr(JsonNode) js = NULL;

  g_assert_null (mibew_event_args_get_event_name (MIBEW_EVENT_ARGS (args)));
  /* even with no listener, the event is remembered: the JSON form needs it */
  g_assert_true (mibew_event_dispatcher_trigger (dispatcher, "pageAddCss", MIBEW_EVENT_ARGS (args), NULL));
  g_assert_cmpstr (mibew_event_args_get_event_name (MIBEW_EVENT_ARGS (args)), ==, "pageAddCss");
  css = mibew_event_args_to_json (MIBEW_EVENT_ARGS (args));
  g_assert_true (json_object_has_member (json_node_get_object (css), "css"));

  mibew_page_events_emit_add_js (mibew_event_dispatcher_get_page (dispatcher), args);
  g_assert_cmpstr (mibew_event_args_get_event_name (MIBEW_EVENT_ARGS (args)), ==, "pageAddJs");
  js = mibew_event_args_to_json (MIBEW_EVENT_ARGS (args));
  g_assert_true (json_object_has_member (json_node_get_object (js), "js"));
  g_assert_false (json_object_has_member (json_node_get_object (js), "css"));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_update_in_place (void)
{
  g_autoptr(JsonNode) first = parse ("{\"thread\": {\"id\": 1, \"userName\": \"Ann\"}, \"message_kind\": 1,"
                                     " \"message_body\": \"hi\", \"message_options\": {\"name\": \"Ann\"}}");
  g_autoptr(JsonNode) same = parse ("{\"thread\": {\"id\": 1, \"userName\": \"Ann\"}, \"message_kind\": 1,"
                                    " \"message_body\": \"hi\", \"message_options\": {\"name\": \"Ann\"}}");
  g_autoptr(JsonNode) changed = parse ("{\"thread\": {\"id\": 1, \"userName\": \"Bob\"}, \"message_kind\": \"2\","
                                       " \"message_body\": \"hi!\", \"message_options\": {\"plugin\": \"x\"}}");
  g_autoptr(JsonNode) bad = parse ("{\"thread\": 5, \"message_kind\": 1, \"message_body\": \"\", \"message_options\": {}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json ("threadPostMessage", first, &error);
  g_autoptr(JsonNode) out = NULL;
  MibewPostMessageArgs *pm;
  MibewThread *thread;
  JsonObject *options;
  Counts counts = { 0 };

  g_assert_no_error (error);
  pm = MIBEW_POST_MESSAGE_ARGS (args);
  thread = g_object_ref (mibew_post_message_args_get_thread (pm));
  options = json_object_ref (mibew_post_message_args_get_message_options (pm));
  g_signal_connect (args, "notify", G_CALLBACK (on_notify), &counts);

  /* nothing changed: no notification, same objects */
  g_assert_true (mibew_event_args_update_from_json (args, same, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.body + counts.kind + counts.options + counts.thread, ==, 0);
  g_assert_true (mibew_post_message_args_get_thread (pm) == thread);

  /* changes: the record and the dictionary change in place, so whoever
   * holds them sees it, as with Mibew's by-reference array */
  g_assert_true (mibew_event_args_update_from_json (args, changed, &error));
  g_assert_no_error (error);
  g_assert_true (mibew_post_message_args_get_thread (pm) == thread);
  g_assert_cmpstr (mibew_record_get_string (MIBEW_RECORD (thread), "userName"), ==, "Bob");
  g_assert_true (mibew_post_message_args_get_message_options (pm) == options);
  g_assert_true (json_object_has_member (options, "plugin"));
  g_assert_false (json_object_has_member (options, "name"));
  g_assert_cmpstr (mibew_post_message_args_get_message_body (pm), ==, "hi!");
  g_assert_cmpint (mibew_post_message_args_get_message_kind (pm), ==, MIBEW_MESSAGE_KIND_AGENT);
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpuint (counts.kind, ==, 1);
  g_assert_cmpuint (counts.thread, ==, 0);

  /* the numeric string the update brought comes back as it came */
  out = mibew_event_args_to_json (args);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (out), "message_kind"), ==, "2");

  /* a bad document changes nothing */
  g_assert_false (mibew_event_args_update_from_json (args, bad, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_assert_cmpstr (error->message, ==, "thread: expected an object, got 5");
  g_assert_cmpstr (mibew_post_message_args_get_message_body (pm), ==, "hi!");
  g_assert_true (mibew_post_message_args_get_thread (pm) == thread);

  g_object_unref (thread);
  json_object_unref (options);
}

static void
test_record_keeps_types (void)
{
  g_autoptr(MibewOperator) op = mibew_operator_new ();

  mibew_record_set_int (MIBEW_RECORD (op), "operatorid", 7);
  if (g_test_subprocess ())
    {
      /* a documented integer key refuses a string that is no number */
      mibew_record_set_string (MIBEW_RECORD (op), "operatorid", "x");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*MibewOperator: operatorid: expected an integer, got \"x\"*");

  /* numeric strings are integers, as from_json reads them */
  mibew_record_set_string (MIBEW_RECORD (op), "operatorid", "42");
  g_assert_cmpint (mibew_record_get_int (MIBEW_RECORD (op), "operatorid"), ==, 42);
  /* undocumented keys take anything */
  mibew_record_set_string (MIBEW_RECORD (op), "x_custom", "x");
  g_assert_cmpstr (mibew_record_get_string (MIBEW_RECORD (op), "x_custom"), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/args/notify", test_notify_on_change);
  g_test_add_func ("/args/notify-connected-late", test_notify_connected_late);
  g_test_add_func ("/args/accessors-check-type", test_accessors_check_type);
  g_test_add_func ("/args/lazy", test_lazy_members);
  g_test_add_func ("/args/event-name", test_event_name);
  g_test_add_func ("/args/update-in-place", test_update_in_place);
  g_test_add_func ("/args/record-keeps-types", test_record_keeps_types);

  return g_test_run ();
}
