/* plugin-host.c: a C program that hosts Mibew plugins
 *
 * Loads the example plugins (../plugins: Demo:Filter in C, Demo:Microtime
 * in Python, Demo:Waiting in JavaScript when the engine has GJS) into its
 * own dispatcher with a MibewPluginEngine, triggers three events with the
 * typed emitters and one with its JSON form, and prints what the plugins
 * changed. It exits with status 1 when an effect is missing.
 *
 *   _build/bindings-examples/plugins/plugin-host [PLUGIN_DIR]
 *
 * PLUGIN_DIR defaults to the build tree's example plugin directory. The
 * Python plugin needs the typelibs and Python overrides of the build tree:
 * run it in `meson devenv -C _build`.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <stdlib.h>

#include <mibew-plugins/mibew-plugins.h>

static gboolean ok = TRUE;

static void
check (gboolean    condition,
       const char *what)
{
  if (!condition)
    {
      g_printerr ("plugin-host: missing effect: %s\n", what);
      ok = FALSE;
    }
}

static void
on_failed (MibewPluginEngine *engine,
           const char        *name,
           const char        *reason,
           gpointer           user_data)
{
  g_print ("failed: %s: %s\n", name, reason);
}

static JsonObject *
object_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (node));
}

static void
post_message (MibewEventDispatcher *dispatcher)
{
  const char *before = "Darn, this HECK of a printer is darned slow!";
  g_autoptr(MibewThread) thread = mibew_thread_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (thread, MIBEW_MESSAGE_KIND_USER,
                                                                      before, NULL);
  const char *after;

  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args);
  after = mibew_post_message_args_get_message_body (args);
  g_print ("threadPostMessage: message_body \"%s\" -> \"%s\"\n", before, after);
  check (g_strcmp0 (after, "****, this **** of a printer is darned slow!") == 0, "Demo:Filter's masking");
}

static void
function_call (MibewEventDispatcher *dispatcher)
{
  g_autoptr(JsonObject) arguments = object_from_json ("{\"as_float\": true, \"return\": {\"time\": \"serverTime\"}}");
  g_autoptr(MibewFunctionCallArgs) args = mibew_function_call_args_new (NULL, "microtime", arguments, NULL);
  JsonNode *time;

  mibew_thread_events_emit_function_call (mibew_event_dispatcher_get_thread (dispatcher), args);
  time = json_object_get_member (mibew_function_call_args_get_results (args), "time");
  if (time != NULL && json_node_get_value_type (time) == G_TYPE_DOUBLE)
    g_print ("threadFunctionCall microtime: results.time is a number (%.2f)\n", json_node_get_double (time));
  else
    g_print ("threadFunctionCall microtime: results.time is missing\n");
  check (time != NULL && json_node_get_value_type (time) == G_TYPE_DOUBLE, "Demo:Microtime's results.time");
}

static void
widget_response (MibewEventDispatcher *dispatcher)
{
  g_autoptr(MibewWidgetResponse) response = mibew_widget_response_new ();
  g_autoptr(MibewBaseUrlGenerator) assets = mibew_base_url_generator_new ("https://chat.example.com/");
  g_autoptr(MibewWidgetResponseArgs) args =
    mibew_widget_response_args_new (NULL, NULL, response, NULL, MIBEW_URL_GENERATOR (assets));
  g_auto(GStrv) handlers = NULL;
  g_auto(GStrv) dependencies = NULL;
  g_autofree char *handlers_text = NULL;
  g_autofree char *dependencies_text = NULL;
  MibewWidgetResponse *current;
  JsonNode *data;
  const char *func;
  gboolean has_time;

  mibew_widget_events_emit_response_alter (mibew_event_dispatcher_get_widget (dispatcher), args);
  /* a listener may replace the response: read the one it left */
  current = mibew_widget_response_args_get_response (args);
  handlers = mibew_widget_response_get_handlers (current);
  dependencies = mibew_widget_response_get_dependencies (current, "usefulFunc");
  handlers_text = g_strjoinv (", ", handlers);
  dependencies_text = dependencies != NULL ? g_strjoinv (", ", dependencies) : g_strdup ("");
  func = mibew_widget_response_get_load_url (current, "the_func");
  data = mibew_widget_response_get_data (current, "usefulFunc");
  has_time = data != NULL && JSON_NODE_HOLDS_OBJECT (data) &&
             json_object_has_member (json_node_get_object (data), "time");

  g_print ("widgetResponseAlter: handlers [%s], load.the_func = %s, dependencies.usefulFunc = [%s], "
           "data.usefulFunc.time is %s\n", handlers_text, func != NULL ? func : "(none)", dependencies_text,
           has_time ? "a number" : "missing");
  check (g_strv_contains ((const char * const *) handlers, "usefulFunc") && has_time &&
         g_strcmp0 (func, "https://chat.example.com/plugins/Demo/Microtime/js/func.js") == 0,
         "Demo:Microtime's widget handler");
}

static void
update_threads (MibewEventDispatcher *dispatcher)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out =
    mibew_event_dispatcher_trigger_json_data (dispatcher, "usersUpdateThreadsAlter",
                                              "{\"threads\": [{\"id\": 42, \"userName\": \"Ann Smith\", \"state\": 2, "
                                              "\"waitingTime\": 1700000095}, {\"id\": 43, \"userName\": \"Guest\", "
                                              "\"state\": 0, \"waitingTime\": 1700000140}]}", -1, &error);
  g_autoptr(JsonNode) node = out != NULL ? json_from_string (out, NULL) : NULL;
  JsonArray *threads = node != NULL ? json_object_get_array_member (json_node_get_object (node), "threads") : NULL;
  const char *labels[2] = { NULL, NULL };

  for (guint i = 0; threads != NULL && i < 2; i++)
    {
      JsonObject *thread = json_array_get_object_element (threads, i);

      if (json_object_has_member (thread, "waitingLabel"))
        labels[i] = json_object_get_string_member (thread, "waitingLabel");
    }
  g_print ("usersUpdateThreadsAlter: waitingLabel of #42 %s%s%s, of #43 %s%s%s\n",
           labels[0] ? "\"" : "", labels[0] ? labels[0] : "(none)", labels[0] ? "\"" : "",
           labels[1] ? "\"" : "", labels[1] ? labels[1] : "(none)", labels[1] ? "\"" : "");
  check (labels[0] == NULL && g_strcmp0 (labels[1], "waiting since 22:15:40 UTC") == 0,
         "Demo:Waiting's label");
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : EXAMPLE_PLUGINS_DIR;
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(MibewPluginEngine) engine = mibew_plugin_engine_new (dispatcher);
  g_autoptr(JsonObject) filter_config = object_from_json ("{\"words\": [\"darn\", \"heck\", \"crap\"]}");
  g_auto(GStrv) active = NULL;
  g_auto(GStrv) failures = NULL;
  guint left;

  setlocale (LC_ALL, "");

  mibew_plugin_engine_add_search_path (engine, dir);
  mibew_plugin_engine_set_plugin_config (engine, "Demo:Filter", filter_config);
  g_signal_connect (engine, "plugin-failed", G_CALLBACK (on_failed), NULL);
  mibew_plugin_engine_load_plugins (engine);

  active = mibew_plugin_engine_get_active_plugins (engine);
  g_print ("host: C\n");
  for (guint i = 0; active[i] != NULL; i++)
    {
      MibewPluginInfo *info = mibew_plugin_engine_get_plugin (engine, active[i]);

      g_print ("active: %s %s (weight %d)\n", active[i], mibew_plugin_info_get_version (info),
               mibew_plugin_info_get_weight (info));
    }
  failures = mibew_plugin_engine_get_failures (engine);
  check (g_strv_length (active) == 3 && failures[0] == NULL, "the three plugins active");

  post_message (dispatcher);
  function_call (dispatcher);
  widget_response (dispatcher);
  update_threads (dispatcher);

  mibew_plugin_engine_unload_plugins (engine);
  left = mibew_event_dispatcher_get_listener_count (dispatcher, "threadPostMessage") +
         mibew_event_dispatcher_get_listener_count (dispatcher, "threadFunctionCall") +
         mibew_event_dispatcher_get_listener_count (dispatcher, "widgetResponseAlter") +
         mibew_event_dispatcher_get_listener_count (dispatcher, "usersUpdateThreadsAlter");
  g_print ("unloaded: %u listeners left\n", left);
  check (left == 0, "listeners detached");

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
