/* example.c: a Mibew plugin's listeners, written in C
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The two examples of Mibew's "Server side events" page, then one
 * notification and one alteration, all attached to the process-wide
 * dispatcher (Mibew's EventDispatcher::getInstance()):
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
 * The program then plays the core's part: it builds each event's arguments,
 * triggers the event through the dispatcher, prints what the listeners left
 * there and exits with status 1 if an expected effect is missing.
 *
 * Build: cc example.c $(pkg-config --cflags --libs mibew-events-1.0)
 */

#include <stdio.h>
#include <string.h>

#include <mibew-events/mibew-events.h>

/* Where the plugin keeps its files, as Mibew's Plugin::getFilesPath(). */
#define FILES_PATH "plugins/Example/UsefulFunc/files"

/* ---------------------------------------------------------------------- */
/* 1. The seed's API function: microtime                                  */

/* PHP's empty(): false, 0, "", "0" and null (or a missing key) are empty. */
static gboolean
php_empty (JsonObject *object,
           const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;   /* a non-empty array or object */
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return !json_node_get_boolean (node);
    case G_TYPE_STRING:
      return g_str_equal (json_node_get_string (node), "") || g_str_equal (json_node_get_string (node), "0");
    default:
      return json_node_get_double (node) == 0.0;
    }
}

/* Attached as "threadFunctionCall::microtime": the detail makes the
 * dispatcher call it for that function only, so no name check is needed
 * (the PHP example checks $function['function'] itself). */
static JsonObject *
on_microtime (MibewThreadEvents     *events,
              MibewFunctionCallArgs *args,
              gpointer               user_data)
{
  JsonObject *arguments = mibew_function_call_args_get_arguments (args);
  JsonObject *results = mibew_function_call_args_get_results (args);
  gint64 now = g_get_real_time ();

  if (!php_empty (arguments, "as_float"))
    {
      /* microtime(true): seconds as a float */
      json_object_set_double_member (results, "time", (double) now / G_USEC_PER_SEC);
    }
  else
    {
      /* microtime(false): "0.xxxxxxxx seconds", PHP's string form */
      g_autofree char *time = g_strdup_printf ("%.8f %" G_GINT64_FORMAT,
                                               (double) (now % G_USEC_PER_SEC) / G_USEC_PER_SEC,
                                               now / G_USEC_PER_SEC);
      json_object_set_string_member (results, "time", time);
    }
  /* Changing `results` in place is enough; returning an object would merge
   * it into `results` instead. */
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* 2. The seed's widget handler                                           */

static MibewWidgetResponse *
on_widget_response (MibewWidgetEvents       *events,
                    MibewWidgetResponseArgs *args,
                    gpointer                 user_data)
{
  /* This is just a shortcut for the URL generator. */
  MibewUrlGenerator *g = mibew_widget_response_args_get_asset_url_generator (args);
  MibewWidgetResponse *response = mibew_widget_response_args_get_response (args);
  const char *deps[] = { "the_lib", "the_func", NULL };
  g_autofree char *func_url = NULL;
  g_autoptr(JsonNode) data = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) data_object = json_object_new ();

  /* External libraries could be loaded before the function is called; the
   * keys are the libraries' ids, the values their URLs. */
  func_url = mibew_url_generator_generate (g, FILES_PATH "/func.js");
  mibew_widget_response_add_load (response, "the_lib", "");
  mibew_widget_response_add_load (response, "the_func", func_url);

  /* The functions the widget should call ... */
  mibew_widget_response_add_handler (response, "usefulFunc");
  /* ... the libraries each of them depends on ... */
  mibew_widget_response_set_dependencies (response, "usefulFunc", deps);
  /* ... and some data passed to it: {time: microtime(true)} */
  json_object_set_double_member (data_object, "time", (double) g_get_real_time () / G_USEC_PER_SEC);
  json_node_set_object (data, data_object);
  mibew_widget_response_set_data (response, "usefulFunc", data);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* 3. A notification: a Slack-notifier-like listener                      */

static GPtrArray *outbox;   /* what the "Slack notifier" would have posted */

static void
on_thread_create (MibewThreadEvents *events,
                  MibewThreadArgs   *args,
                  gpointer           user_data)
{
  MibewThread *thread = mibew_thread_args_get_thread (args);
  g_autofree char *user_name = NULL;
  gint64 id;

  /* Records read as GObject properties or by their JSON keys:
   * mibew_record_get_string (MIBEW_RECORD (thread), "userName") too. */
  g_object_get (thread, "user-name", &user_name, "id", &id, NULL);
  g_ptr_array_add (outbox, g_strdup_printf ("New chat #%" G_GINT64_FORMAT " from %s", id, user_name));
}

/* ---------------------------------------------------------------------- */
/* 4. An alteration: "/note ..." becomes a note for operators             */

static char *
on_post_message (MibewThreadEvents    *events,
                 MibewPostMessageArgs *args,
                 gpointer              user_data)
{
  const char *body = mibew_post_message_args_get_message_body (args);

  if (mibew_post_message_args_get_message_kind (args) != MIBEW_MESSAGE_KIND_AGENT ||
      !g_str_has_prefix (body, "/note "))
    return NULL;   /* not ours: leave the message alone */

  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_FOR_AGENT);
  json_object_set_string_member (mibew_post_message_args_get_message_options (args),
                                 "plugin", "agent-notes");
  /* Returning a string replaces the body: the next listener and the core
   * see it (setting it with mibew_post_message_args_set_message_body()
   * would do the same). */
  return g_strstrip (g_strdup (body + strlen ("/note ")));
}

/* ---------------------------------------------------------------------- */
/* The core's part: trigger the events, check what the listeners did      */

static int failures;

static void
check (gboolean    ok,
       const char *what)
{
  printf ("  %s %s\n", ok ? "ok  " : "FAIL", what);
  if (!ok)
    failures++;
}

static void
attach (MibewEventDispatcher *dispatcher,
        const char           *event_name,
        GCallback             callback)
{
  g_autoptr(GError) error = NULL;

  if (mibew_event_dispatcher_attach_callback (dispatcher, event_name, 0, callback,
                                              NULL, NULL, &error) == 0)
    g_error ("cannot attach to %s: %s", event_name, error->message);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
run_microtime (MibewEventDispatcher *dispatcher,
               gboolean              as_float)
{
  g_autoptr(MibewRequestProcessor) processor = mibew_request_processor_new ();
  g_autoptr(JsonObject) arguments = json_object_new ();
  g_autoptr(MibewFunctionCallArgs) args = NULL;
  JsonNode *time;

  mibew_record_set_string (MIBEW_RECORD (processor), "kind", "thread");
  json_object_set_boolean_member (arguments, "as_float", as_float);
  args = mibew_function_call_args_new (processor, "microtime", arguments, NULL);
  mibew_thread_events_emit_function_call (mibew_event_dispatcher_get_thread (dispatcher), args);

  time = json_object_get_member (mibew_function_call_args_get_results (args), "time");
  if (time != NULL && JSON_NODE_HOLDS_VALUE (time))
    {
      g_autofree char *text = json_to_string (time, FALSE);
      printf ("threadFunctionCall microtime(as_float=%s): results.time = %s\n",
              as_float ? "true" : "false", text);
    }
  if (as_float)
    check (time != NULL && json_node_get_value_type (time) == G_TYPE_DOUBLE &&
           json_node_get_double (time) > 1e9, "microtime(true) answered a float");
  else
    check (time != NULL && json_node_get_value_type (time) == G_TYPE_STRING &&
           strchr (json_node_get_string (time), ' ') != NULL,
           "microtime(false) answered \"msec sec\"");
}

static void
run_widget (MibewEventDispatcher *dispatcher)
{
  g_autoptr(JsonObject) visitor_json = parse_object ("{\"visitorid\": 17, \"username\": \"Guest\"}");
  g_autoptr(MibewRecord) visitor = mibew_record_from_json (MIBEW_TYPE_SITE_VISITOR, visitor_json, NULL);
  g_autoptr(MibewRequest) request = mibew_request_new ();
  g_autoptr(MibewWidgetResponse) response = mibew_widget_response_new ();
  g_autoptr(MibewBaseUrlGenerator) routes = mibew_base_url_generator_new ("https://chat.example.com/mibew/");
  g_autoptr(MibewBaseUrlGenerator) assets = mibew_base_url_generator_new ("https://chat.example.com/mibew/");
  g_autoptr(MibewWidgetResponseArgs) args =
    mibew_widget_response_args_new (MIBEW_SITE_VISITOR (visitor), request, response,
                                    MIBEW_URL_GENERATOR (routes), MIBEW_URL_GENERATOR (assets));
  MibewWidgetResponse *final;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) handlers = NULL;
  g_auto(GStrv) deps = NULL;
  JsonNode *data;   /* (transfer none) */

  mibew_widget_events_emit_response_alter (mibew_event_dispatcher_get_widget (dispatcher), args);

  final = mibew_widget_response_args_get_response (args);
  json = mibew_record_to_json (MIBEW_RECORD (final));
  text = json_to_string (json, FALSE);
  printf ("widgetResponseAlter: response = %s\n", text);

  handlers = mibew_widget_response_get_handlers (final);
  deps = mibew_widget_response_get_dependencies (final, "usefulFunc");
  data = mibew_widget_response_get_data (final, "usefulFunc");
  check (g_strv_contains ((const char * const *) handlers, "usefulFunc"), "handler usefulFunc added");
  check (g_strcmp0 (mibew_widget_response_get_load_url (final, "the_lib"), "") == 0, "the_lib loaded with an empty URL");
  check (g_strcmp0 (mibew_widget_response_get_load_url (final, "the_func"),
                    "https://chat.example.com/mibew/" FILES_PATH "/func.js") == 0,
         "the_func's URL built by the asset URL generator");
  check (deps != NULL && g_strv_length (deps) == 2 && g_str_equal (deps[0], "the_lib") &&
         g_str_equal (deps[1], "the_func"), "usefulFunc depends on the_lib and the_func");
  check (data != NULL && JSON_NODE_HOLDS_OBJECT (data) &&
         json_object_has_member (json_node_get_object (data), "time"), "usefulFunc gets {time: ...}");
}

static void
run_thread_create (MibewEventDispatcher *dispatcher)
{
  g_autoptr(JsonObject) thread_json = parse_object ("{\"id\": \"42\", \"userName\": \"Ann Smith\", \"state\": 0}");
  g_autoptr(MibewRecord) thread = mibew_record_from_json (MIBEW_TYPE_THREAD, thread_json, NULL);
  g_autoptr(MibewThreadArgs) args = mibew_thread_args_new (MIBEW_THREAD (thread), NULL);

  mibew_thread_events_emit_create (mibew_event_dispatcher_get_thread (dispatcher), args);
  if (outbox->len > 0)
    printf ("threadCreate: the notifier would post \"%s\"\n", (char *) g_ptr_array_index (outbox, 0));
  check (outbox->len == 1 && g_str_equal (g_ptr_array_index (outbox, 0), "New chat #42 from Ann Smith"),
         "the notifier read thread.userName");
}

static void
run_post_message (MibewEventDispatcher *dispatcher)
{
  g_autoptr(MibewThread) thread = mibew_thread_new ();
  g_autoptr(MibewPostMessageArgs) note =
    mibew_post_message_args_new (thread, MIBEW_MESSAGE_KIND_AGENT, "/note VIP customer ", NULL);
  g_autoptr(MibewPostMessageArgs) plain =
    mibew_post_message_args_new (thread, MIBEW_MESSAGE_KIND_AGENT, "How can I help?", NULL);
  MibewThreadEvents *events = mibew_event_dispatcher_get_thread (dispatcher);

  mibew_thread_events_emit_post_message (events, note);
  mibew_thread_events_emit_post_message (events, plain);
  printf ("threadPostMessage: \"/note VIP customer \" (AGENT) -> \"%s\" (kind %d)\n",
          mibew_post_message_args_get_message_body (note),
          mibew_post_message_args_get_message_kind (note));
  check (g_str_equal (mibew_post_message_args_get_message_body (note), "VIP customer") &&
         mibew_post_message_args_get_message_kind (note) == MIBEW_MESSAGE_KIND_FOR_AGENT,
         "\"/note ...\" became a FOR_AGENT message");
  check (g_strcmp0 (json_object_get_string_member_with_default (mibew_post_message_args_get_message_options (note),
                                                                "plugin", NULL), "agent-notes") == 0,
         "the note's options name the plugin");
  check (g_str_equal (mibew_post_message_args_get_message_body (plain), "How can I help?") &&
         mibew_post_message_args_get_message_kind (plain) == MIBEW_MESSAGE_KIND_AGENT,
         "other messages left alone");
}

int
main (void)
{
  MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();

  outbox = g_ptr_array_new_with_free_func (g_free);

  /* The plugin's run() in Mibew attaches its listeners like this. */
  attach (dispatcher, "threadFunctionCall::microtime", G_CALLBACK (on_microtime));
  attach (dispatcher, "widgetResponseAlter", G_CALLBACK (on_widget_response));
  attach (dispatcher, "threadCreate", G_CALLBACK (on_thread_create));
  attach (dispatcher, "threadPostMessage", G_CALLBACK (on_post_message));

  run_microtime (dispatcher, TRUE);
  run_microtime (dispatcher, FALSE);
  run_widget (dispatcher);
  run_thread_create (dispatcher);
  run_post_message (dispatcher);

  check (mibew_event_dispatcher_get_failure_count (dispatcher) == 0, "no listener failed");
  g_ptr_array_unref (outbox);
  printf ("%s\n", failures == 0 ? "C example: all effects present" : "C example: FAILED");
  return failures == 0 ? 0 : 1;
}
