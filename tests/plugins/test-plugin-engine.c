/* test-plugin-engine.c: loading real plugins, C and Python, with libpeas
 *
 * The fixture plugins (fixtures/c, built; fixtures/python, from the source
 * tree; fixtures/invalid, .plugin files only) do what their configuration
 * says: see fixtures/c/test-plugin.c. Every test enables only the plugins
 * it is about: the others stay unloaded.
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
  char *dir;                    /* a temporary directory */
  char *trace;                  /* the plugins' trace file */
  GPtrArray *failed;            /* "name: reason", from plugin-failed */
  GPtrArray *activated;         /* names, from plugin-activated */
  GPtrArray *deactivated;       /* names, from plugin-deactivated */
} Fixture;

/* The MIBEW_PLUGIN field of the engine's structured messages */
static GPtrArray *logged_plugins;

static GLogWriterOutput
record_log (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *plugin = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (strcmp (fields[i].key, "MIBEW_PLUGIN") == 0)
      plugin = fields[i].value;
  if (g_strcmp0 (domain, "MibewPlugins") == 0 && plugin != NULL && (log_level & G_LOG_LEVEL_MESSAGE) != 0)
    g_ptr_array_add (logged_plugins, g_strdup (plugin));
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
on_failed (MibewPluginEngine *engine,
           const char        *name,
           const char        *reason,
           Fixture           *f)
{
  g_ptr_array_add (f->failed, g_strdup_printf ("%s: %s", name, reason));
}

static void
on_activated (MibewPluginEngine *engine,
              MibewPluginInfo   *info,
              Fixture           *f)
{
  g_ptr_array_add (f->activated, g_strdup (mibew_plugin_info_get_name (info)));
}

static void
on_deactivated (MibewPluginEngine *engine,
                MibewPluginInfo   *info,
                Fixture           *f)
{
  g_ptr_array_add (f->deactivated, g_strdup (mibew_plugin_info_get_name (info)));
}

/* libpeas says why a plugin does not load with g_warning() (in its own
 * domain, and in none from its Python loader), which the engine takes in
 * as the reason; g_test_init() made warnings fatal, and GLib decides
 * that before any handler gets them. GLib resets this at each test case.
 * Other warnings stay fatal. */
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *c_dir = g_test_build_filename (G_TEST_BUILT, "fixtures", "c", NULL);
  g_autofree char *python_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "python", NULL);
  g_autoptr(GError) error = NULL;

  g_test_log_set_fatal_handler (fatal_unless_libpeas, NULL);
  g_ptr_array_set_size (logged_plugins, 0);
  f->dispatcher = mibew_event_dispatcher_new ();
  f->engine = mibew_plugin_engine_new (f->dispatcher);
  mibew_plugin_engine_add_search_path (f->engine, c_dir);
  mibew_plugin_engine_add_search_path (f->engine, python_dir);
  f->dir = g_dir_make_tmp ("mibew-plugins-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->trace = g_build_filename (f->dir, "trace", NULL);
  f->failed = g_ptr_array_new_with_free_func (g_free);
  f->activated = g_ptr_array_new_with_free_func (g_free);
  f->deactivated = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->engine, "plugin-failed", G_CALLBACK (on_failed), f);
  g_signal_connect (f->engine, "plugin-activated", G_CALLBACK (on_activated), f);
  g_signal_connect (f->engine, "plugin-deactivated", G_CALLBACK (on_deactivated), f);
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

  /* disposing of the engine deactivates everything */
  g_object_add_weak_pointer (engine, &engine);
  g_clear_object (&f->engine);
  g_assert_null (engine);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 0);
  g_assert_cmpuint (count (f, "cronRun"), ==, 0);

  g_clear_object (&f->dispatcher);
  g_unlink (f->trace);
  g_rmdir (f->dir);
  g_free (f->trace);
  g_free (f->dir);
  g_ptr_array_unref (f->failed);
  g_ptr_array_unref (f->activated);
  g_ptr_array_unref (f->deactivated);
}

/* Sets a plugin's configuration from JSON text, with the trace file. */
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

/* Enables these plugins, each configured with the trace file. */
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
joined (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  {
    char *text = g_strjoinv (" ", (char **) names->pdata);

    g_ptr_array_remove_index (names, names->len - 1);
    return text;
  }
}

static char *
active (Fixture *f)
{
  g_auto(GStrv) names = mibew_plugin_engine_get_active_plugins (f->engine);

  return g_strjoinv (" ", names);
}

/* Posts "start" and returns the body the listeners left. */
static char *
post (Fixture *f)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "start", NULL);

  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (f->dispatcher), args);
  return g_strdup (mibew_post_message_args_get_message_body (args));
}

static MibewPluginInfo *
info (Fixture    *f,
      const char *name)
{
  MibewPluginInfo *i = mibew_plugin_engine_get_plugin (f->engine, name);

  g_assert_nonnull (i);
  return i;
}

/* The plugin was skipped with this code and reason, reported everywhere. */
static void
assert_failed (Fixture    *f,
               const char *name,
               int         code,
               const char *reason)
{
  MibewPluginInfo *i = info (f, name);
  g_autofree char *line = g_strdup_printf ("%s: %s", name, reason);
  g_auto(GStrv) failures = mibew_plugin_engine_get_failures (f->engine);

  g_test_message ("%s: %s", name, mibew_plugin_info_get_failure (i));
  g_assert_cmpint (mibew_plugin_info_get_state (i), ==, MIBEW_PLUGIN_STATE_FAILED);
  g_assert_error ((GError *) mibew_plugin_info_get_error (i), MIBEW_PLUGIN_ERROR, code);
  g_assert_cmpstr (mibew_plugin_info_get_failure (i), ==, reason);
  g_assert_true (g_strv_contains ((const char * const *) failures, line));
  g_assert_true (g_ptr_array_find_with_equal_func (f->failed, line, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (logged_plugins, name, g_str_equal, NULL));
  g_assert_null (mibew_plugin_info_get_plugin (i));
}

static void
assert_state (Fixture          *f,
              const char       *name,
              MibewPluginState  state)
{
  g_assert_cmpint (mibew_plugin_info_get_state (info (f, name)), ==, state);
}

/* Dependencies first (a C plugin on a Python one on a C one), then weight,
 * then name; listeners in priority order, ties in activation order. */
static void
test_load_order (Fixture       *f,
                 gconstpointer  data)
{
  const char * const names[] = { "Test:Alpha", "Test:Zed", "Test:Mid", "Test:Heavy", "Test:Light", NULL };
  const char *expected = "Test:Light Test:Zed Test:Mid Test:Alpha Test:Heavy";
  g_autofree char *order = NULL, *signalled = NULL, *trace = NULL, *body = NULL;
  g_auto(GStrv) failures = NULL;

  enable (f, names);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Heavy", 5);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Light", -5);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 5);

  failures = mibew_plugin_engine_get_failures (f->engine);
  g_assert_cmpstrv (failures, ((const char * const []) { NULL }));
  g_assert_cmpuint (f->failed->len, ==, 0);
  order = active (f);
  g_assert_cmpstr (order, ==, expected);
  signalled = joined (f->activated);
  g_assert_cmpstr (signalled, ==, expected);
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==,
                   "activate Test:Light\nactivate Test:Zed\nactivate Test:Mid\n"
                   "activate Test:Alpha\nactivate Test:Heavy\n");

  body = post (f);
  g_assert_cmpstr (body, ==, "start Test:Light Test:Zed Test:Mid Test:Alpha Test:Heavy");
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 5);

  assert_state (f, "Test:Mid", MIBEW_PLUGIN_STATE_ACTIVE);
  g_assert_true (MIBEW_IS_PLUGIN (mibew_plugin_info_get_plugin (info (f, "Test:Mid"))));
  g_assert_cmpstr (mibew_plugin_info_get_version (info (f, "Test:Mid")), ==, "1.1.0");
  g_assert_cmpstrv (mibew_plugin_info_get_dependencies (info (f, "Test:Mid")),
                    ((const char * const []) { "Test:Zed 0.9 || ^1.2", NULL }));
  g_assert_cmpint (mibew_plugin_info_get_weight (info (f, "Test:Light")), ==, -5);
  /* not enabled */
  assert_state (f, "Test:CycleA", MIBEW_PLUGIN_STATE_DISABLED);
  assert_state (f, "Test:Broken", MIBEW_PLUGIN_STATE_DISABLED);

  /* a second call activates nothing new */
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 0);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 5);
}

static void
test_version_constraint (Fixture       *f,
                         gconstpointer  data)
{
  const char * const names[] = { "Test:Zed", "Test:WantsNewZed", NULL };
  g_autofree char *order = NULL;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  order = active (f);
  g_assert_cmpstr (order, ==, "Test:Zed");
  assert_failed (f, "Test:WantsNewZed", MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION,
                 "Depends on “Test:Zed >=2.0”, but Test:Zed is version 1.4.0");
}

static void
test_missing_dependency (Fixture       *f,
                         gconstpointer  data)
{
  const char * const names[] = { "Test:Orphan", "Test:Zed", NULL };
  g_autofree char *trace = NULL;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  assert_failed (f, "Test:Orphan", MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY,
                 "Depends on “Test:Nowhere >=1.0”, which was not found");
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_ACTIVE);
  /* the skipped plugin was never loaded */
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==, "activate Test:Zed\n");
}

static void
assert_disabled_dependency (Fixture *f)
{
  g_autofree char *trace = NULL;

  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 0);
  assert_failed (f, "Test:Mid", MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY,
                 "Depends on “Test:Zed 0.9 || ^1.2”, which is not enabled");
  assert_failed (f, "Test:Alpha", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                 "Depends on “Test:Mid ^1.0”, which was skipped");
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_DISABLED);
  /* a disabled plugin is not reported */
  g_assert_cmpuint (f->failed->len, ==, 2);
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==, "");
}

static void
test_disabled_dependency (Fixture       *f,
                          gconstpointer  data)
{
  const char * const names[] = { "Test:Mid", "Test:Alpha", NULL };

  enable (f, names);
  assert_disabled_dependency (f);
}

/* The same, disabled by the configuration file */
static void
test_disabled_by_config (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ini = g_strdup_printf ("[plugins]\n"
                                          "enabled=Test:Mid;Test:Alpha;Test:Zed;\n"
                                          "[plugin Test:Zed]\n"
                                          "enabled=false\n"
                                          "[plugin Test:Mid]\n"
                                          "trace=%s\n", f->trace);

  g_assert_true (g_key_file_load_from_data (key_file, ini, -1, G_KEY_FILE_NONE, NULL));
  g_assert_true (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (mibew_plugin_engine_get_enabled_plugins (f->engine),
                    ((const char * const []) { "Test:Mid", "Test:Alpha", "Test:Zed", NULL }));
  assert_disabled_dependency (f);
}

/* A cycle across languages; the message names it. */
static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  const char * const names[] = { "Test:CycleA", "Test:CycleB", "Test:CycleC", "Test:Zed", NULL };
  g_autofree char *order = NULL;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  assert_failed (f, "Test:CycleA", MIBEW_PLUGIN_ERROR_CYCLE,
                 "Dependency cycle: Test:CycleA → Test:CycleB → Test:CycleA");
  assert_failed (f, "Test:CycleB", MIBEW_PLUGIN_ERROR_CYCLE,
                 "Dependency cycle: Test:CycleB → Test:CycleA → Test:CycleB");
  assert_failed (f, "Test:CycleC", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                 "Depends on “Test:CycleA >=1.0”, which was skipped");
  order = active (f);
  g_assert_cmpstr (order, ==, "Test:Zed");
}

/* A C plugin returns FALSE from activate(): skipped with its message, its
 * listeners gone, its dependents skipped; the rest run. */
static void
test_activate_fails_c (Fixture       *f,
                       gconstpointer  data)
{
  const char * const names[] = { "Test:Zed", "Test:Mid", "Test:Light", NULL };
  g_autofree char *trace = NULL, *body = NULL;

  enable (f, names);
  configure (f, "Test:Zed", "{\"fail\": \"no word list\"}");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  assert_failed (f, "Test:Zed", MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED, "Failed to activate: no word list");
  assert_failed (f, "Test:Mid", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                 "Depends on “Test:Zed 0.9 || ^1.2”, which was skipped");
  assert_state (f, "Test:Light", MIBEW_PLUGIN_STATE_ACTIVE);
  /* Test:Zed had attached two listeners before it failed */
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 1);
  g_assert_cmpuint (count (f, "cronRun"), ==, 1);
  body = post (f);
  g_assert_cmpstr (body, ==, "start Test:Light");
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==, "activate Test:Light\nactivate Test:Zed\n");

  /* fixed configuration: the next load activates both */
  configure (f, "Test:Zed", NULL);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  g_assert_cmpuint (f->failed->len, ==, 2);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 3);
}

/* A Python plugin raises in do_activate: its exception is the reason. */
static void
test_activate_fails_python (Fixture       *f,
                            gconstpointer  data)
{
  const char * const names[] = { "Test:Light", "Test:Zed", NULL };

  enable (f, names);
  configure (f, "Test:Light", "{\"raise\": \"bad option\"}");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  assert_failed (f, "Test:Light", MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED, "Failed to activate: ValueError: bad option");
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_ACTIVE);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 1);

  /* False without a reason; returning None (the other runs) is success */
  configure (f, "Test:Light", "{\"refuse\": true}");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 0);
  assert_failed (f, "Test:Light", MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                 "Failed to activate: activate() returned FALSE without an error");
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 1);
}

/* A Python module that fails to import; not tried again. */
static void
test_import_fails (Fixture       *f,
                   gconstpointer  data)
{
  const char * const names[] = { "Test:Broken", "Test:Zed", NULL };
  MibewPluginInfo *broken;
  const char *reason;
  g_autofree char *first = NULL;

  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  broken = info (f, "Test:Broken");
  reason = mibew_plugin_info_get_failure (broken);
  g_assert_nonnull (reason);
  g_test_message ("%s", reason);
  g_assert_cmpint (mibew_plugin_info_get_state (broken), ==, MIBEW_PLUGIN_STATE_FAILED);
  g_assert_error ((GError *) mibew_plugin_info_get_error (broken), MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED);
  g_assert_true (g_str_has_prefix (reason, "Could not load its module: "));
  g_assert_nonnull (strstr (reason, "mibew_test_broken"));
  g_assert_nonnull (strstr (reason, "ModuleNotFoundError: No module named 'no_such_module_for_mibew_tests'"));
  assert_failed (f, "Test:Broken", MIBEW_PLUGIN_ERROR_LOAD_FAILED, reason);
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_ACTIVE);

  /* reported again, with the same reason, and still skipped */
  first = g_strdup (reason);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 0);
  assert_failed (f, "Test:Broken", MIBEW_PLUGIN_ERROR_LOAD_FAILED, first);
}

/* A Python listener raises: the emission goes on, the failure is counted
 * for the plugin. */
static void
test_listener_raises (Fixture       *f,
                      gconstpointer  data)
{
  const char * const names[] = { "Test:Light", "Test:Zed", NULL };
  g_autofree char *body = NULL;

  enable (f, names);
  configure (f, "Test:Light", "{\"raise_in_listener\": true}");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Light"), ==, 0);

  /* Test:Light's listener runs first (same weight, activated first) */
  body = post (f);
  g_assert_cmpstr (body, ==, "start Test:Zed");
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Light"), ==, 1);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Zed"), ==, 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (f->dispatcher), ==, 1);
  g_free (post (f));
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (f->dispatcher, "Test:Light"), ==, 2);
}

/* Deactivation detaches every listener, also of plugins that forget to. */
static void
test_deactivate_detaches (Fixture       *f,
                          gconstpointer  data)
{
  const char * const names[] = { "Test:Zed", "Test:Mid", "Test:Light", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *trace = NULL, *signalled = NULL, *order = NULL;

  enable (f, names);
  configure (f, "Test:Zed", "{\"detach\": false}");
  configure (f, "Test:Light", "{\"detach\": false}");
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 3);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 3);
  g_assert_cmpuint (count (f, "cronRun"), ==, 3);

  /* Test:Mid depends on Test:Zed: it goes first */
  g_assert_true (mibew_plugin_engine_deactivate_plugin (f->engine, "Test:Zed", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 1);
  g_assert_cmpuint (count (f, "cronRun"), ==, 1);
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_INACTIVE);
  assert_state (f, "Test:Mid", MIBEW_PLUGIN_STATE_INACTIVE);
  assert_state (f, "Test:Light", MIBEW_PLUGIN_STATE_ACTIVE);
  g_assert_null (mibew_plugin_info_get_plugin (info (f, "Test:Zed")));
  signalled = joined (f->deactivated);
  g_assert_cmpstr (signalled, ==, "Test:Mid Test:Zed");

  /* nothing to do, or nobody of that name */
  g_assert_true (mibew_plugin_engine_deactivate_plugin (f->engine, "Test:Zed", &error));
  g_assert_false (mibew_plugin_engine_deactivate_plugin (f->engine, "Test:Nobody", &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_UNKNOWN_PLUGIN);

  /* the Python plugin that forgot its listeners */
  mibew_plugin_engine_unload_plugins (f->engine);
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 0);
  g_assert_cmpuint (count (f, "cronRun"), ==, 0);
  trace = read_trace (f);
  g_assert_cmpstr (trace, ==,
                   "activate Test:Light\nactivate Test:Zed\nactivate Test:Mid\n"
                   "deactivate Test:Mid\ndeactivate Test:Zed\ndeactivate Test:Light\n");

  /* and back: the same plugins, fresh objects */
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 3);
  order = active (f);
  g_assert_cmpstr (order, ==, "Test:Light Test:Zed Test:Mid");
  g_assert_cmpuint (count (f, "threadPostMessage"), ==, 3);
  /* the tear-down checks that disposing of the engine detaches them */
}

static char *
on_post_message_host (MibewThreadEvents    *thread,
                      MibewPostMessageArgs *args,
                      gpointer              user_data)
{
  return g_strdup_printf ("%s host", mibew_post_message_args_get_message_body (args));
}

/* The weight is the default priority of a plugin's listeners, in C and
 * Python alike: activation order (dependencies first) is not run order. */
static void
test_weight_priority (Fixture       *f,
                      gconstpointer  data)
{
  const char * const names[] = { "Test:Zed", "Test:Mid", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL, *body = NULL;
  guint id;

  enable (f, names);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Zed", 10);
  mibew_plugin_engine_set_plugin_weight (f->engine, "Test:Mid", -10);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 2);
  order = active (f);
  g_assert_cmpstr (order, ==, "Test:Zed Test:Mid");

  /* the host's own listener, at priority 0, sits between them */
  id = mibew_event_dispatcher_attach_callback (f->dispatcher, "threadPostMessage", 0,
                                               G_CALLBACK (on_post_message_host), NULL, NULL, &error);
  g_assert_no_error (error);
  body = post (f);
  g_assert_cmpstr (body, ==, "start Test:Mid host Test:Zed");
  g_assert_true (mibew_event_dispatcher_detach_listener (f->dispatcher, "threadPostMessage", id, NULL));
}

static void
test_invalid_info (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *invalid_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid", NULL);
  g_autofree char *c_dir = g_test_build_filename (G_TEST_BUILT, "fixtures", "c", NULL);
  g_autofree char *duplicate = NULL;
  g_autofree char *no_version = NULL;
  const char * const names[] = {
    "Test:Zed", "mibew_test_bad_name", "Test:NoVersion", "Test:BadVersion", "Test:BadDeps", NULL,
  };
  g_auto(GStrv) failures = NULL;
  gboolean no_module = FALSE;

  mibew_plugin_engine_add_search_path (f->engine, invalid_dir);
  enable (f, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);
  assert_state (f, "Test:Zed", MIBEW_PLUGIN_STATE_ACTIVE);
  /* the first one found wins */
  g_assert_cmpstr (mibew_plugin_info_get_version (info (f, "Test:Zed")), ==, "1.4.0");

  no_version = g_strdup_printf ("Its .plugin file in %s has no X-Mibew-Version", invalid_dir);
  assert_failed (f, "Test:NoVersion", MIBEW_PLUGIN_ERROR_INVALID_INFO, no_version);
  assert_failed (f, "Test:BadVersion", MIBEW_PLUGIN_ERROR_INVALID_VERSION,
                 "“one.two” is not a semantic version (such as 1.2.3)");
  assert_failed (f, "Test:BadDeps", MIBEW_PLUGIN_ERROR_INVALID_VERSION,
                 "X-Mibew-Dependencies: “>>1” is not a valid version constraint: “>1” is not a version");

  failures = mibew_plugin_engine_get_failures (f->engine);
  g_assert_true (g_strv_contains ((const char * const *) failures,
                                  "mibew_test_bad_name: X-Mibew-Name “test:lower” is not a plugin name: "
                                  "Vendor:Name, each part a capital letter then letters or digits"));
  duplicate = g_strdup_printf ("Test:Zed: Another plugin of this name was found first, in %s; "
                               "the one in %s is ignored", c_dir, invalid_dir);
  g_assert_true (g_strv_contains ((const char * const *) failures, duplicate));
  /* libpeas's own complaint, under the file's name */
  for (guint i = 0; failures[i] != NULL; i++)
    if (g_str_has_prefix (failures[i], "no-module.plugin: ") && strstr (failures[i], "Module") != NULL)
      no_module = TRUE;
  g_assert_true (no_module);
  g_assert_cmpuint (g_strv_length (failures), ==, 6);
  g_assert_cmpuint (f->failed->len, ==, 6);
}

static void
test_config (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *config;
  const char * const names[] = { "Test:Zed", NULL };
  g_autofree char *ini = g_strdup_printf ("[host]\n"
                                          "other=1\n"
                                          "[plugin Test:Zed]\n"
                                          "weight=7\n"
                                          "words=[\"darn\", \"heck\"]\n"
                                          "mode=strict\n"
                                          "quoted=\"7\"\n"
                                          "n=3\n"
                                          "on=true\n"
                                          "trace=%s\n", f->trace);

  g_assert_true (g_key_file_load_from_data (key_file, ini, -1, G_KEY_FILE_NONE, NULL));
  g_assert_true (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_no_error (error);
  mibew_plugin_engine_set_enabled_plugins (f->engine, names);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (f->engine), ==, 1);

  g_assert_cmpint (mibew_plugin_info_get_weight (info (f, "Test:Zed")), ==, 7);
  config = mibew_plugin_info_get_config (info (f, "Test:Zed"));
  g_assert_cmpuint (json_object_get_size (config), ==, 6);
  g_assert_false (json_object_has_member (config, "weight"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (config, "words")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (config, "words"), 1), ==, "heck");
  g_assert_cmpstr (json_object_get_string_member (config, "mode"), ==, "strict");
  g_assert_cmpstr (json_object_get_string_member (config, "quoted"), ==, "7");
  g_assert_cmpint (json_object_get_int_member (config, "n"), ==, 3);
  g_assert_true (json_object_get_boolean_member (config, "on"));

  /* errors change nothing */
  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugins]\nenabled=Test:Light\n"
                                            "[plugin Test:Zed]\nweight=heavy\n", -1, G_KEY_FILE_NONE, NULL));
  g_assert_false (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "[plugin Test:Zed] weight"));
  g_clear_error (&error);
  g_assert_cmpstrv (mibew_plugin_engine_get_enabled_plugins (f->engine), names);

  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugin zed]\nweight=1\n", -1, G_KEY_FILE_NONE, NULL));
  g_assert_false (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "“zed” is not a plugin name"));
  g_clear_error (&error);

  /* GKeyFile takes names in any encoding: the messages are UTF-8 all the
   * same */
  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugin Z\xff" "ed]\nweight=1\n", -1, G_KEY_FILE_NONE, NULL));
  g_assert_false (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "“Z\xef\xbf\xbd" "ed” is not a plugin name"));
  g_clear_error (&error);
  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugin Test:Zed]\nwo\xffrds=\xff\n", -1, G_KEY_FILE_NONE,
                                            NULL));
  g_assert_false (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "[plugin Test:Zed] wo\xef\xbf\xbdrds: "));
  g_clear_error (&error);

  /* a value ending in a lone escape character after an invalid escape
   * made GLib 2.74 set its GError twice (a warning, fatal here): refused
   * first, whole; an escaped backslash at the end is a value like any */
  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugins]\nenabled=Test:Zed\\q;\\\n"
                                            "[plugin Test:Zed]\nweight=1\n", -1, G_KEY_FILE_NONE, NULL));
  g_assert_false (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG);
  g_assert_cmpstr (error->message, ==, "[plugins] enabled: the value ends in an escape character");
  g_clear_error (&error);
  g_assert_cmpstrv (mibew_plugin_engine_get_enabled_plugins (f->engine), names);
  g_clear_pointer (&key_file, g_key_file_unref);
  key_file = g_key_file_new ();
  g_assert_true (g_key_file_load_from_data (key_file, "[plugin Test:Zed]\npath=C:\\\\\n", -1,
                                            G_KEY_FILE_NONE, NULL));
  g_assert_true (mibew_plugin_engine_load_config (f->engine, key_file, &error));
  g_assert_no_error (error);

  g_assert_false (mibew_plugin_engine_load_config_file (f->engine, "/nonexistent/plugins.ini", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/plugins.ini: "));
}

static void
test_search_path (void)
{
  g_autoptr(MibewPluginEngine) engine = mibew_plugin_engine_new (NULL);
  g_auto(GStrv) defaults = mibew_plugin_engine_get_default_search_path ();
  g_auto(GStrv) path = mibew_plugin_engine_get_search_path (engine);
  g_auto(GStrv) after = NULL;
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "mibew-events", "plugins", NULL);
  g_autofree char *python_dir = g_test_build_filename (G_TEST_DIST, "fixtures", "python", NULL);
  g_autoptr(GPtrArray) plugins = NULL;
  gboolean found_mid = FALSE;

  g_assert_true (mibew_plugin_engine_get_dispatcher (engine) == mibew_event_dispatcher_get_default ());
  g_assert_cmpstr (defaults[0], ==, user);
  g_assert_true (g_str_has_suffix (defaults[g_strv_length (defaults) - 1], "/mibew-events/plugins"));
  g_assert_cmpstrv (path, defaults);

  mibew_plugin_engine_add_search_path (engine, python_dir);
  mibew_plugin_engine_add_search_path (engine, python_dir);
  after = mibew_plugin_engine_get_search_path (engine);
  g_assert_cmpstrv (after, ((const char * const []) { python_dir, NULL }));

  /* nothing enabled: found, not loaded */
  mibew_plugin_engine_set_enabled_plugins (engine, (const char * const []) { NULL });
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (engine), ==, 0);
  plugins = mibew_plugin_engine_get_plugins (engine);
  g_assert_cmpuint (plugins->len, ==, 6);
  for (guint i = 0; i < plugins->len; i++)
    {
      MibewPluginInfo *p = g_ptr_array_index (plugins, i);

      g_assert_cmpint (mibew_plugin_info_get_state (p), ==, MIBEW_PLUGIN_STATE_DISABLED);
      if (g_strcmp0 (mibew_plugin_info_get_name (p), "Test:Mid") == 0)
        {
          found_mid = TRUE;
          g_assert_cmpstr (mibew_plugin_info_get_module_name (p), ==, "mibew_test_mid");
          g_assert_cmpstr (mibew_plugin_info_get_module_dir (p), ==, python_dir);
          g_assert_cmpstr (mibew_plugin_info_get_display_name (p), ==, "mid (Python)");
          g_assert_cmpstr (mibew_plugin_info_get_description (p), ==, "A Python plugin of the engine's tests");
        }
    }
  g_assert_true (found_mid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  logged_plugins = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_log, NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/plugins/engine/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load-order", test_load_order);
  ADD ("version-constraint", test_version_constraint);
  ADD ("missing-dependency", test_missing_dependency);
  ADD ("disabled-dependency", test_disabled_dependency);
  ADD ("disabled-dependency/config", test_disabled_by_config);
  ADD ("cycle", test_cycle);
  ADD ("activate-fails/c", test_activate_fails_c);
  ADD ("activate-fails/python", test_activate_fails_python);
  ADD ("import-fails", test_import_fails);
  ADD ("listener-raises", test_listener_raises);
  ADD ("deactivate-detaches", test_deactivate_detaches);
  ADD ("weight-priority", test_weight_priority);
  ADD ("invalid-info", test_invalid_info);
  ADD ("config", test_config);
  g_test_add_func ("/plugins/engine/search-path", test_search_path);

  {
    int status = g_test_run ();

    g_ptr_array_unref (logged_plugins);
    return status;
  }
}
