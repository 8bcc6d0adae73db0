/* test-plugin-graph.c: Mibew's plugin manager rules, without libpeas
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <mibew-plugin-error.h>
#include <mibew-plugin-graph-private.h>

/* Adds a plugin: "Vendor:Name", "1.2.3" (or NULL for no valid version),
 * weight, enabled, "dependencies; as; in; the; .plugin; file". */
static guint
add (MibewPluginGraph *g,
     const char       *name,
     const char       *version,
     int               weight,
     gboolean          enabled,
     const char       *deps)
{
  g_auto(MibewVersion) v = { 0 };
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  guint node;

  if (version != NULL)
    g_assert_true (mibew_version_parse (version, &v, NULL));
  node = mibew_plugin_graph_add (g, name, version != NULL ? &v : NULL, weight, enabled);
  parsed = mibew_plugin_dependencies_parse (deps, &error);
  g_assert_no_error (error);
  mibew_plugin_graph_add_dependencies (g, node, parsed);
  return node;
}

/* The order as "A B C". */
static char *
resolve (MibewPluginGraph *g)
{
  g_autoptr(GArray) order = mibew_plugin_graph_resolve (g);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            mibew_plugin_graph_get_name (g, g_array_index (order, guint, i)));
  return g_string_free (out, FALSE);
}

static void
assert_skipped (MibewPluginGraph *g,
                const char       *name,
                int               code,
                const char       *message)
{
  const GError *error = mibew_plugin_graph_get_error (g, mibew_plugin_graph_lookup (g, name));

  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_error ((GError *) error, MIBEW_PLUGIN_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_not_skipped (MibewPluginGraph *g,
                    const char       *name)
{
  g_assert_null (mibew_plugin_graph_get_error (g, mibew_plugin_graph_lookup (g, name)));
}

static void
test_names (void)
{
  const char * const good[] = { "Mibew:Boilerplate", "A:B", "Acme2:X9y", "Demo:Filter", NULL };
  const char * const bad[] = {
    "", "Mibew", "Mibew:", ":Name", "mibew:Name", "Mibew:name", "Mi-bew:Name", "Mibew:Na me",
    "Mibew:Name:Extra", "Mibew::Name", "1Mibew:Name", "Mibew:Näme", NULL,
  };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (mibew_plugin_name_is_valid (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("name “%s”", bad[i]);
      g_assert_false (mibew_plugin_name_is_valid (bad[i]));
    }
  g_assert_false (mibew_plugin_name_is_valid (NULL));
}

static void
test_dependencies_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deps = NULL;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  deps = mibew_plugin_dependencies_parse (" Demo:Filter >=1.0 <2.0 ;Demo:Other;Demo:Third 1.0 - 2.0 || ^3;", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deps->len, ==, 3);
  first = mibew_plugin_dependency_to_string (g_ptr_array_index (deps, 0));
  second = mibew_plugin_dependency_to_string (g_ptr_array_index (deps, 1));
  third = mibew_plugin_dependency_to_string (g_ptr_array_index (deps, 2));
  g_assert_cmpstr (first, ==, "Demo:Filter >=1.0 <2.0");
  g_assert_cmpstr (second, ==, "Demo:Other");
  g_assert_cmpstr (third, ==, "Demo:Third 1.0 - 2.0 || ^3");

  g_clear_pointer (&deps, g_ptr_array_unref);
  deps = mibew_plugin_dependencies_parse ("", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deps->len, ==, 0);

  g_clear_pointer (&deps, g_ptr_array_unref);
  deps = mibew_plugin_dependencies_parse ("Demo:Filter >=1.0; filter", &error);
  g_assert_null (deps);
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO);
  g_assert_nonnull (strstr (error->message, "“filter”"));
  g_clear_error (&error);

  deps = mibew_plugin_dependencies_parse ("Demo:Filter >>1.0", &error);
  g_assert_null (deps);
  g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION);
  g_assert_nonnull (strstr (error->message, ">>1.0"));
}

/* Dependencies first, whatever the names say. */
static void
test_order_dependencies (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:Alpha", "1.0.0", 0, TRUE, "Test:Mid ^1.0");
  add (g, "Test:Mid", "1.1.0", 0, TRUE, "Test:Zed >=1.0");
  add (g, "Test:Zed", "1.4.0", 0, TRUE, NULL);
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Zed Test:Mid Test:Alpha");
}

/* Among plugins whose dependencies are placed: weight, then name; a heavy
 * dependency still comes before its light dependent. */
static void
test_order_weight (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:Heavy", "1.0.0", 5, TRUE, NULL);
  add (g, "Test:Light", "1.0.0", -5, TRUE, NULL);
  add (g, "Test:Zed", "1.4.0", 0, TRUE, NULL);
  add (g, "Test:Mid", "1.1.0", 0, TRUE, "Test:Zed");
  add (g, "Test:Alpha", "1.0.0", 0, TRUE, "Test:Mid");
  add (g, "Test:Feather", "1.0.0", -100, TRUE, "Test:Heavy");
  add (g, "Test:Beta", "1.0.0", 0, TRUE, NULL);
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Light Test:Beta Test:Zed Test:Mid Test:Alpha Test:Heavy Test:Feather");
}

static void
test_missing (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:Orphan", "1.0.0", 0, TRUE, "Test:Nowhere >=2.0");
  add (g, "Test:Grandchild", "1.0.0", 0, TRUE, "Test:Child");
  add (g, "Test:Child", "1.0.0", 0, TRUE, "Test:Orphan");
  add (g, "Test:Fine", "1.0.0", 0, TRUE, NULL);
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Fine");
  assert_skipped (g, "Test:Orphan", MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY,
                  "Depends on “Test:Nowhere >=2.0”, which was not found");
  assert_skipped (g, "Test:Child", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                  "Depends on “Test:Orphan”, which was skipped");
  assert_skipped (g, "Test:Grandchild", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                  "Depends on “Test:Child”, which was skipped");
  assert_not_skipped (g, "Test:Fine");
}

/* A disabled plugin is neither loaded nor reported; its dependents are. */
static void
test_disabled (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:Zed", "1.4.0", 0, FALSE, "Test:Nowhere");
  add (g, "Test:Mid", "1.1.0", 0, TRUE, "Test:Zed >=1.0");
  add (g, "Test:Off", "1.0.0", 0, FALSE, "Test:Mid");
  order = resolve (g);
  g_assert_cmpstr (order, ==, "");
  assert_skipped (g, "Test:Mid", MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY,
                  "Depends on “Test:Zed >=1.0”, which is not enabled");
  assert_not_skipped (g, "Test:Zed");
  assert_not_skipped (g, "Test:Off");
}

static void
test_version_mismatch (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:Zed", "1.4.0", 0, TRUE, NULL);
  add (g, "Test:WantsNew", "1.0.0", 0, TRUE, "Test:Zed >=2.0");
  add (g, "Test:WantsOld", "1.0.0", 0, TRUE, "Test:Zed ~1.2.3");
  add (g, "Test:Either", "1.0.0", 0, TRUE, "Test:Zed 0.9 || ^1.2");
  add (g, "Test:Both", "1.0.0", 0, TRUE, "Test:Zed >=1.0; Test:WantsNew");
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Zed Test:Either");
  assert_skipped (g, "Test:WantsNew", MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION,
                  "Depends on “Test:Zed >=2.0”, but Test:Zed is version 1.4.0");
  assert_skipped (g, "Test:WantsOld", MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION,
                  "Depends on “Test:Zed ~1.2.3”, but Test:Zed is version 1.4.0");
  assert_skipped (g, "Test:Both", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                  "Depends on “Test:WantsNew”, which was skipped");
}

static void
test_cycles (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:CycleA", "1.0.0", 0, TRUE, "Test:CycleB");
  add (g, "Test:CycleB", "1.0.0", 0, TRUE, "Test:CycleA >=1.0");
  add (g, "Test:CycleC", "1.0.0", 0, TRUE, "Test:CycleA");
  add (g, "Test:Self", "1.0.0", 0, TRUE, "Test:Self");
  /* a longer cycle, with a shortcut: X → Y → Z → X and X → Z */
  add (g, "Test:X", "1.0.0", 0, TRUE, "Test:Y; Test:Z");
  add (g, "Test:Y", "1.0.0", 0, TRUE, "Test:Z");
  add (g, "Test:Z", "1.0.0", 0, TRUE, "Test:X");
  add (g, "Test:Free", "1.0.0", 0, TRUE, NULL);
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Free");
  assert_skipped (g, "Test:CycleA", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:CycleA → Test:CycleB → Test:CycleA");
  assert_skipped (g, "Test:CycleB", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:CycleB → Test:CycleA → Test:CycleB");
  assert_skipped (g, "Test:CycleC", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                  "Depends on “Test:CycleA”, which was skipped");
  assert_skipped (g, "Test:Self", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:Self → Test:Self");
  assert_skipped (g, "Test:X", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:X → Test:Z → Test:X");
  assert_skipped (g, "Test:Y", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:Y → Test:Z → Test:X → Test:Y");
  assert_skipped (g, "Test:Z", MIBEW_PLUGIN_ERROR_CYCLE,
                  "Dependency cycle: Test:Z → Test:X → Test:Z");
}

/* A cycle through a disabled plugin is no cycle: the dependency is. */
static void
test_cycle_through_disabled (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;

  add (g, "Test:CycleA", "1.0.0", 0, TRUE, "Test:CycleB");
  add (g, "Test:CycleB", "1.0.0", 0, FALSE, "Test:CycleA");
  order = resolve (g);
  g_assert_cmpstr (order, ==, "");
  assert_skipped (g, "Test:CycleA", MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY,
                  "Depends on “Test:CycleB”, which is not enabled");
}

/* A failure the caller found (a bad .plugin file, a module that did not
 * load) skips the plugin's dependents too. */
static void
test_caller_failure (void)
{
  g_autoptr(MibewPluginGraph) g = mibew_plugin_graph_new ();
  g_autofree char *order = NULL;
  guint broken;

  broken = add (g, "Test:Broken", NULL, 0, TRUE, NULL);
  add (g, "Test:User", "1.0.0", 0, TRUE, "Test:Broken >=1.0");
  add (g, "Test:Other", "1.0.0", 3, TRUE, NULL);
  add (g, "Test:Another", "1.0.0", 3, TRUE, "Test:Other; Test:Other");
  mibew_plugin_graph_fail (g, broken, g_error_new_literal (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION,
                                                           "bad version"));
  /* the first reason stays */
  mibew_plugin_graph_fail (g, broken, g_error_new_literal (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                                                           "later"));
  order = resolve (g);
  g_assert_cmpstr (order, ==, "Test:Other Test:Another");
  assert_skipped (g, "Test:Broken", MIBEW_PLUGIN_ERROR_INVALID_VERSION, "bad version");
  assert_skipped (g, "Test:User", MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                  "Depends on “Test:Broken >=1.0”, which was skipped");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plugin-graph/names", test_names);
  g_test_add_func ("/plugin-graph/dependencies/parse", test_dependencies_parse);
  g_test_add_func ("/plugin-graph/order/dependencies", test_order_dependencies);
  g_test_add_func ("/plugin-graph/order/weight", test_order_weight);
  g_test_add_func ("/plugin-graph/missing", test_missing);
  g_test_add_func ("/plugin-graph/disabled", test_disabled);
  g_test_add_func ("/plugin-graph/version-mismatch", test_version_mismatch);
  g_test_add_func ("/plugin-graph/cycles", test_cycles);
  g_test_add_func ("/plugin-graph/cycles/through-disabled", test_cycle_through_disabled);
  g_test_add_func ("/plugin-graph/caller-failure", test_caller_failure);

  return g_test_run ();
}
