/* test-plugin-engine-gjs.c: JavaScript plugins (X-Mibew-Loader=gjs),
 * loaded by the engine in its one GJS context, among C and Python ones
 *
 * The JavaScript fixtures are in fixtures/gjs (from the source tree); the
 * C and Python ones are those of test-plugin-engine.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include <mibew-plugins/mibew-plugins.h>

typedef struct
{
  MibewEventDispatcher *dispatcher;
  MibewPluginEngine *engine;
  char *dir;
  char *trace;
  GPtrArray *failed;            /* "name: reason", from plugin-failed */
} Fixture;

static void
on_failed (MibewPluginEngine *engine,
           const char        *name,
           const char        *reason,
           GPtrArray         *failed)
{
  g_ptr_array_add (failed, g_strdup_printf ("%s: %s", name, reason));
}

/* as in test-plugin-engine.c: libpeas's warnings are the reasons */
static gboolean
fatal_unless_libpeas (const char     *log_domain,
                      GLogLevelFlags  log_level,
                      const char     *message,
                      gpointer        user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0 &&
      (log_domain == NULL || *log_domain == '\0' || strcmp (log_domain, "libpeas") == 0))
    return FALSE;
  return TRUE;
}

static MibewPluginEngine *
new_engine (MibewEventDispatcher *dispatcher,
            GPtrArray            *failed)
{
  g_autofree char *c_dir = g_test_build_filename (G_TEST_BUILT, "fixtures", "c", NULL);
  g_autofree char *python_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "python", NULL);
  g_autofree char *gjs_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "gjs", NULL);
  MibewPluginEngine *engine = mibew_plugin_engine_new (dispatcher);

  mibew_plugin_engine_add_search_path (engine, c_dir);
  mibew_plugin_engine_add_search_path (engine, python_dir);
  mibew_plugin_engine_add_search_path (engine, gjs_dir);
  g_signal_connect (engine, "plugin-failed", G_CALLBACK (on_failed), failed);
  return engine;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_test_log_set_fatal_handler (fatal_unless_libpeas, NULL);
  f->dispatcher = mibew_event_dispatcher_new ();
  f->failed = g_ptr_array_new_with_free_func (g_free);
  f->engine = new_engine (f->dispatcher, f->failed);
  f->dir = g_dir_make_tmp ("mibew-plugins-gjs-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->trace = g_build_filename (f->dir, "trace", NULL);
}

static guint
count (Fixture    *f,
       const char *event)
{
  return mibew_event_dispatcher_get_listener_count (f->dispatcher, event);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer engine = f->engine;

  g_object_add_weak_pointer (engine, &engine);
  g_clear_object (&f->engine);
  g_assert_null (engine);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 0);
  g_assert_cmpuint (count (f, "operatorAuthenticate"), ==, 0);
  g_assert_cmpuint (count (f, "threadFunctionCall"), ==, 0);
  g_assert_cmpuint (count (f, "cronRun"), ==, 0);
  g_clear_object (&f->dispatcher);
  g_unlink (f->trace);
  g_rmdir (f->dir);
  g_free (f->trace);
  g_free (f->dir);
  g_ptr_array_unref (f->failed);
}

static void
configure (Fixture    *f,
           const char *name,
           const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json != NULL ? json : "{}", NULL);
  JsonObject *config;

  g_assert_nonnull (node);
  config = json_node_get_object (node);
  json_object_set_string_member (config, "trace", f->trace);
  mibew_plugin_engine_set_plugin_config (f->engine, name, config);
}

static void
enable (Fixture            *f,
        const char * const *names)
{
  mibew_plugin_engine_set_enabled_plugins (f->engine, names);
  for (guint i = 0; names[i] != NULL; i++)
    configure (f, names[i], NULL);
}

static char *
read_trace (Fixture *f)
{
  char *text = NULL;

  if (!g_file_get_contents (f->trace, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

static char *
active (MibewPluginEngine *engine)
{
  g_auto(GStrv) names = mibew_plugin_engine_get_active_plugins (engine);

  return g_strjoinv (" ", names);
}

static char *
post (MibewEventDispatcher *dispatcher)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "start", NULL);

  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args);
  return g_strdup (mibew_post_message_args_get_message_body (args));
}

static MibewPluginInfo *
info (MibewPluginEngine *engine,
      const char        *name)
{
  MibewPluginInfo *i = mibew_plugin_engine_get_plugin (engine, name);

  g_assert_nonnull (i);
  return i;
}

static void
assert_state (Fixture          *f,
              const char       *name,
              MibewPluginState  state)
{
  g_assert_cmpint (mibew_plugin_info_get_state (info (f->engine, name)), ==, state);
}

/* skipped with this code, reported in the list and by the signal; the
 * reason, which it returns, contains @part */
static const char *
assert_failed (MibewPluginEngine *engine,
               GPtrArray         *failed,
               const char        *name,
               int                code,
               const char        *part)
{
  MibewPluginInfo *i = info (engine, name);
  const char *reason = mibew_plugin_info_get_failure (i);
  g_autofree char *line = NULL;
  g_auto(GStrv) failures = mibew_plugin_engine_get_failures (engine);

  g_test_message ("%s: %s", name, reason);
  g_assert_cmpint (mibew_plugin_info_get_state (i), ==, MIBEW_PLUGIN_STATE_FAILED);
  g_assert_error ((GError *) mibew_plugin_info_get_error (i), MIBEW_PLUGIN_ERROR, code);
  g_assert_nonnull (strstr (reason, part));
  line = g_strdup_printf ("%s: %s", name, reason);
  g_assert_true (g_strv_contains ((const char * const *) failures, line));
  g_assert_true (g_ptr_array_find_with_equal_func (failed, line, g_str_equal, NULL));
  g_assert_null (mibew_plugin_info_get_plugin (i));
  return reason;
}

/* A JavaScript plugin depending on a C one: activated after it; its
 * listeners alter (post-message), answer (authenticate) and merge
 * (function-call); deactivated before it, its listeners detached. */
static void
test_listeners (Fixture       *f,
                gconstpointer  data)
{
  const char * const names[] = { "Test:Js", "Test:Zed", NULL };
  g_autoptr(MibewAuthenticateArgs) auth = NULL;
  g_autoptr(MibewFunctionCallArgs) call = NULL;
  g_autoptr(JsonObject) results = json_object_new ();
  g_autofree char *order = NULL, *body = NULL, *trace = NULL;
  MibewOperator *op;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  g_assert_cmpuint (f->failed->len, ==, 0);
  order = active (f->engine);
  g_assert_cmpstr (order, ==, "Test:Zed Test:Js");
  g_assert_cmpstr (mibew_plugin_info_get_version (info (f->engine, "Test:Js")), ==, "1.0.0");
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 2);
  g_assert_cmpuint (count (f, "operatorAuthenticate"), ==, 1);

  /* alter */
  body = post (f->dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Zed Test:Js");

  /* out */
  auth = mibew_authenticate_args_new (NULL, NULL);
  g_assert_true (mibew_operator_events_emit_authenticate (mibew_event_dispatcher_get_operator (f->dispatcher), auth));
  op = mibew_authenticate_args_get_operator (auth);
  g_assert_nonnull (op);
  g_assert_cmpstr (mibew_record_get_string (MIBEW_RECORD (op), "login"), ==, "js");

  /* call */
  json_object_set_string_member (results, "core", "yes");
  call = mibew_function_call_args_new (NULL, "microtime", NULL, results);
  mibew_thread_events_emit_function_call (mibew_event_dispatcher_get_thread (f->dispatcher), call);
  g_assert_cmpstr (json_object_get_string_member (mibew_function_call_args_get_results (call), "core"), ==, "yes");
  g_assert_cmpstr (json_object_get_string_member (mibew_function_call_args_get_results (call), "js"), ==, "Test:Js");
  g_assert_cmpstr (json_object_get_string_member (mibew_function_call_args_get_results (call), "function"), ==, "microtime");
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (f->dispatcher), ==, 0);

  /* dependents first, everything detached; and back, fresh */
  mibew_plugin_engine_unload_plugins (f->engine);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 0);
  g_assert_cmpuint (count (f, "operatorAuthenticate"), ==, 0);
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==,
                   "activate Test:Zed\nactivate Test:Js\ndeactivate Test:Js\ndeactivate Test:Zed\n");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  g_free (body);
  body = post (f->dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Zed Test:Js");
}

static char *
on_post_message_host (MibewThreadEvents    *thread,
                      MibewPostMessageArgs *args,
                      gpointer              user_data)
{
  return g_strdup_printf ("%s host", mibew_post_message_args_get_message_body (args));
}

/* Weight is priority across C, Python and JavaScript plugins. */
static void
test_weight_priority (Fixture       *f,
                      gconstpointer  data)
{
  const char * const names[] = { "Test:Js", "Test:Zed", "Test:Light", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL, *body = NULL, *body2 = NULL;
  guint id;

  enable (f, names);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Js", -10);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Light", 5);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Zed", 10);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 3);
  order = active (f->engine);
  g_assert_cmpstr (order, ==, "Test:Light Test:Zed Test:Js");
  id = mibew_event_dispatcher_attach_callback (f->dispatcher, "threadPostMessage", 0,
                                               G_CALLBACK (on_post_message_host), NULL, NULL, &error);
  g_assert_no_error (error);
  body = post (f->dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Js host Test:Light Test:Zed");
  g_assert_true (mibew_event_dispatcher_detach_listener (f->dispatcher, "threadPostMessage", id, NULL));

  /* the other way round, on the next activation */
  mibew_plugin_engine_unload_plugins (f->engine);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Js", 20);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Light", -5);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Zed", 0);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 3);
  body2 = post (f->dispatcher);
  g_assert_cmpstr (body2, ==, "start Test:Light Test:Zed Test:Js");
}

/* A listener that throws is counted for its plugin; the emission goes on. */
static void
test_listener_throws (Fixture       *f,
                      gconstpointer  data)
{
  const char * const names[] = { "Test:Js", "Test:Zed", NULL };
  g_autofree char *body = NULL;

  enable (f, names);
  configure (f, "Test:Js", "{\"raise_in_listener\": true}");
  /* Test:Js's listener runs first */
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Js", -1);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  body = post (f->dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Zed");
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Js"), ==, 1);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Zed"), ==, 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (f->dispatcher), ==, 1);
  g_free (post (f->dispatcher));
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Js"), ==, 2);
}

/* A module that does not parse: skipped with the error and its line. */
static void
test_parse_error (Fixture       *f,
                  gconstpointer  data)
{
  const char * const names[] = { "Test:JsBroken", "Test:Js", "Test:Zed", NULL };
  g_autofree char *body = NULL;
  const char *reason;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  reason = assert_failed (f->engine, f->failed, "Test:JsBroken", MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                          "Could not load its module: SyntaxError: ");
  g_assert_nonnull (strstr (reason, "(test_js_broken.js:4)"));
  g_assert_cmpuint (f->failed->len, ==, 1);
  assert_state (f, "Test:Js", MIBEW_PLUGIN_STATE_ACTIVE);
  body = post (f->dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Zed Test:Js");
  /* sticky, as for a Python module that does not import */
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 0);
}

static void
test_missing_dependency (Fixture       *f,
                         gconstpointer  data)
{
  const char * const names[] = { "Test:JsOrphan", "Test:Zed", NULL };
  g_autofree char *trace = NULL;
  const char *reason;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  reason = assert_failed (f->engine, f->failed, "Test:JsOrphan", MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY, "");
  g_assert_cmpstr (reason, ==, "Depends on “Test:Nowhere ^1.0”, which was not found");
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==, "activate Test:Zed\n");
}

/* Another thread: the JavaScript plugin is refused, the C one runs. */
static gpointer
load_elsewhere (gpointer data)
{
  const char * const names[] = { "Test:Js", "Test:Zed", NULL };
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MibewPluginEngine) engine = new_engine (dispatcher, failed);
  g_autofree char *body = NULL;

  mibew_plugin_engine_set_enabled_plugins (engine, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (engine), ==, 1);
  assert_failed (engine, failed, "Test:Js", MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                 "Failed to activate: JavaScript plugins run only on the thread that owns the GJS context");
  body = post (dispatcher);
  g_assert_cmpstr (body, ==, "start Test:Zed");
  g_clear_object (&engine);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (dispatcher, "threadPostMessage"), ==, 0);
  return NULL;
}

static void
test_other_thread (Fixture       *f,
                   gconstpointer  data)
{
  const char * const names[] = { "Test:Js", "Test:Zed", NULL };
  GThread *thread;

  /* this thread has the context (if no test before made it) */
  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);

  thread = g_thread_new ("elsewhere", load_elsewhere, NULL);
  g_thread_join (thread);

  /* and here it still works */
  mibew_plugin_engine_unload_plugins (f->engine);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
}

/* ---- the hand-off: JavaScript listeners, events of other threads ---- */

#define N_TASKS 8
#define N_PER_TASK 250

typedef struct
{
  MibewEventDispatcher *dispatcher;
  gint wrong_answers;           /* atomic */
  gint done;                    /* atomic */
  GMainLoop *loop;
} Pool;

/* a thread of the pool: post-message N_PER_TASK times, each answered by
 * the JavaScript listener (on the main thread) */
static void
pool_task (gpointer data,
           gpointer user_data)
{
  Pool *pool = user_data;
  guint task = GPOINTER_TO_UINT (data) - 1;

  for (guint i = 0; i < N_PER_TASK; i++)
    {
      g_autofree char *body = g_strdup_printf ("t%u-%u", task, i);
      g_autofree char *want = g_strdup_printf ("t%u-%u js", task, i);
      g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, body, NULL);

      mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (pool->dispatcher), args);
      if (g_strcmp0 (mibew_post_message_args_get_message_body (args), want) != 0)
        g_atomic_int_inc (&pool->wrong_answers);
    }
  if (g_atomic_int_add (&pool->done, 1) + 1 == N_TASKS)
    g_main_loop_quit (pool->loop);
}

static gboolean
pool_timeout (gpointer data)
{
  g_error ("the pool's emissions did not end within 60 s: a deadlock?");
  return G_SOURCE_REMOVE;
}

/* {calls, wrong} of Test:JsThreads, asked on this thread */
static void
js_stats (MibewEventDispatcher *dispatcher,
          gint64               *calls,
          gint64               *wrong)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = mibew_event_dispatcher_trigger_json_data (dispatcher, "usersFunctionCall",
                                                                   "{\"request_processor\": {\"kind\": \"users\"}, \"function\": \"jsStats\", "
                                                                   "\"arguments\": {}, "
                                                                   "\"results\": {}}", -1, &error);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *results;

  g_assert_no_error (error);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  results = json_object_get_object_member (json_node_get_object (node), "results");
  *calls = json_object_get_int_member (results, "calls");
  *wrong = json_object_get_int_member (results, "wrong");
}

static void
push_tasks (gpointer threads)
{
  for (guint i = 1; i <= N_TASKS; i++)
    g_thread_pool_push (threads, GUINT_TO_POINTER (i), NULL);
}

/* A C host's GThreadPool emits while a JavaScript listener is attached:
 * every call is handed to the main thread (which runs its loop), every
 * answer is right, none ran elsewhere, all within bounded time. */
static void
test_handoff_pool (Fixture       *f,
                   gconstpointer  data)
{
  const char * const names[] = { "Test:JsThreads", NULL };
  g_autoptr(GError) error = NULL;
  Pool pool = { f->dispatcher, 0, 0, g_main_loop_new (NULL, FALSE) };
  GThreadPool *threads;
  gint64 calls, wrong;
  guint timeout;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  threads = g_thread_pool_new (pool_task, &pool, 4, TRUE, &error);
  g_assert_no_error (error);
  /* the tasks are pushed once the loop runs: before, a hand-off finds the
   * main context not running and fails the listener, as documented */
  g_idle_add_once (push_tasks, threads);
  timeout = g_timeout_add_seconds (60, pool_timeout, NULL);
  g_main_loop_run (pool.loop);
  g_source_remove (timeout);
  g_thread_pool_free (threads, FALSE, TRUE);

  g_assert_cmpint (pool.wrong_answers, ==, 0);
  js_stats (f->dispatcher, &calls, &wrong);
  g_assert_cmpint (calls, ==, N_TASKS * N_PER_TASK);
  g_assert_cmpint (wrong, ==, 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:JsThreads"), ==, 0);
  g_main_loop_unref (pool.loop);
}

typedef struct
{
  MibewEventDispatcher *dispatcher;
  char *body;
  gint64 elapsed;
} Emission;

static gpointer
emit_elsewhere (gpointer data)
{
  Emission *e = data;
  gint64 start = g_get_monotonic_time ();

  e->body = post (e->dispatcher);
  e->elapsed = g_get_monotonic_time () - start;
  return NULL;
}

static void
on_listener_failed (MibewEventDispatcher *dispatcher,
                    const char           *event,
                    const char           *message,
                    GPtrArray            *messages)
{
  g_ptr_array_add (messages, g_strdup_printf ("%s: %s", event, message));
}

/* runs @func with a listener-failed handler; returns the one failure */
static char *
expect_one_failure (Fixture    *f,
                    Emission   *e,
                    void      (*func) (Emission *e))
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  gulong handler = g_signal_connect (f->dispatcher, "listener-failed", G_CALLBACK (on_listener_failed), messages);

  func (e);
  g_signal_handler_disconnect (f->dispatcher, handler);
  g_assert_cmpuint (messages->len, ==, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (messages, 0));
  return g_strdup (g_ptr_array_index (messages, 0));
}

static void
join_elsewhere (Emission *e)
{
  g_thread_join (g_thread_new ("emitter", emit_elsewhere, e));
}

static gboolean
join_in_idle (gpointer data)
{
  Emission *e = data;

  /* the main thread runs its loop, but waits here for the emitting thread */
  join_elsewhere (e);
  return G_SOURCE_REMOVE;
}

static void
join_from_loop (Emission *e)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_idle_add_once ((GSourceOnceFunc) (void (*) (void)) g_main_loop_quit, loop);
  g_idle_add (join_in_idle, e);
  g_main_loop_run (loop);
}

static void
enable_threads (Fixture *f)
{
  const char * const names[] = { "Test:JsThreads", NULL };

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
}

/* Nobody runs the main context of the GJS context's thread (it waits in
 * g_thread_join()): the emitting thread does not wait, the listener fails
 * at once, reported for its plugin; the body is unchanged. */
static void
test_handoff_not_running (Fixture       *f,
                          gconstpointer  data)
{
  Emission e = { f->dispatcher, NULL, 0 };
  g_autofree char *message = NULL;

  enable_threads (f);
  message = expect_one_failure (f, &e, join_elsewhere);
  g_assert_nonnull (strstr (message, "threadPostMessage: Test:JsThreads: JavaScript listener not run: "
                                     "the main context of the GJS context’s thread is not running"));
  g_assert_cmpstr (e.body, ==, "start");
  g_assert_cmpint (e.elapsed, <, G_USEC_PER_SEC);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:JsThreads"), ==, 1);
  g_free (e.body);
}

/* The main thread runs its loop but is blocked waiting for the emitting
 * thread: no deadlock, the call is given up after the hand-off timeout
 * (MIBEW_GJS_HANDOFF_TIMEOUT_MS, 300 ms unless the environment says) and
 * the listener fails; the JavaScript listener never runs for it, not even
 * later. */
static void
test_handoff_blocked (Fixture       *f,
                      gconstpointer  data)
{
  Emission e = { f->dispatcher, NULL, 0 };
  g_autofree char *message = NULL;
  guint64 ms = g_ascii_strtoull (g_getenv ("MIBEW_GJS_HANDOFF_TIMEOUT_MS"), NULL, 10);
  g_autofree char *expected = g_strdup_printf ("JavaScript listener not run: the GJS context’s thread did "
                                               "not take the call within %u ms", (guint) ms);
  gint64 calls, wrong;

  enable_threads (f);
  message = expect_one_failure (f, &e, join_from_loop);
  g_assert_nonnull (strstr (message, expected));
  g_assert_cmpstr (e.body, ==, "start");
  g_assert_cmpint (e.elapsed, >=, (gint64) ms * 1000);
  g_assert_cmpint (e.elapsed, <, (gint64) ms * 1000 + 5 * G_USEC_PER_SEC);
  /* the abandoned call's idle source, if any, does nothing */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  js_stats (f->dispatcher, &calls, &wrong);
  g_assert_cmpint (calls, ==, 0);
  g_free (e.body);
}

int
main (int   argc,
      char *argv[])
{
  /* before the first hand-off reads it; longer where the environment
   * says (the asan lane: a sanitized GJS thread on busy cores) */
  g_setenv ("MIBEW_GJS_HANDOFF_TIMEOUT_MS", "300", FALSE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/plugins/gjs/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("listeners", test_listeners);
  ADD ("weight-priority", test_weight_priority);
  ADD ("listener-throws", test_listener_throws);
  ADD ("parse-error", test_parse_error);
  ADD ("missing-dependency", test_missing_dependency);
  ADD ("other-thread", test_other_thread);
  ADD ("handoff/pool", test_handoff_pool);
  ADD ("handoff/not-running", test_handoff_not_running);
  ADD ("handoff/blocked", test_handoff_blocked);
#undef ADD

  return g_test_run ();
}
