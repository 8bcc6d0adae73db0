/* fuzz-plugins.c: the plugin engine must take any .plugin files in, and
 * report what is wrong with them, without crashing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program that replays the corpus (fuzz-replay.c), run in suite
 * 'fuzz'.
 *
 * An input is up to four .plugin files (key files: libpeas's keys and
 * Mibew's X-Mibew-Name, X-Mibew-Version, X-Mibew-Dependencies, and
 * X-Mibew-Loader), separated by a line "%%". They are written into a
 * directory of their own, which is the search path of a new
 * MibewPluginEngine; mibew_plugin_engine_load_plugins() reads them (through
 * libpeas, then the engine's checks: names, versions, dependency
 * constraints, duplicates, the dependency graph and its order) and tries
 * to activate what is enabled. No plugin has a module to load, so none
 * can activate: a plugin that passes the checks fails at its module.
 *
 * Plugins whose files name a loader (Loader=, X-Mibew-Loader=) or an
 * embedded module (Embedded=) are read and checked but not enabled:
 * loading them would start Python or GJS in every execution, or call
 * whatever function of this program Embedded= names, which is libpeas's
 * doing (and the host's trust in its plugin directories), not the
 * engine's.
 *
 * Checked for every input: nothing activates; every plugin found has a
 * name and a state, and one that failed has an error with a message in
 * valid UTF-8, as has every failure reported; with nothing enabled, every
 * plugin is disabled; no critical is logged (warnings are: libpeas's
 * about a module it cannot load, which the engine reports as the
 * plugin's failure).
 */

/* memmem() */
#define _GNU_SOURCE

#include <mibew-plugins/mibew-plugins.h>

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

#define MAX_FILES 4

static MibewEventDispatcher *dispatcher;

static void
setup (void)
{
  if (dispatcher != NULL)
    return;
  /* criticals only: libpeas warns when a module does not load, and the
   * engine takes those warnings in as the plugin's failure */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  dispatcher = mibew_event_dispatcher_new ();
}

static gboolean
names_a_loader (const guint8 *data,
                size_t        size)
{
  return memmem (data, size, "Loader", 6) != NULL || memmem (data, size, "Embedded", 8) != NULL;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const none[] = { NULL };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(MibewPluginEngine) engine = NULL;
  g_autoptr(GPtrArray) plugins = NULL;
  g_auto(GStrv) active = NULL;
  g_auto(GStrv) failures = NULL;
  gboolean enabled = !names_a_loader (data, size);
  g_autofree char *directory = NULL;
  g_autoptr(GError) error = NULL;

  setup ();
  /* a directory of its own for each input, gone after it */
  directory = g_dir_make_tmp ("mibew-fuzz-plugins-XXXXXX", &error);
  g_assert_no_error (error);
  files = fuzz_split (data, size, "\n%%\n", MAX_FILES);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u.plugin", i);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      gsize length;
      const char *contents = g_bytes_get_data (g_ptr_array_index (files, i), &length);

      g_file_set_contents (path, contents != NULL ? contents : "", length, &error);
      g_assert_no_error (error);
    }

  engine = mibew_plugin_engine_new (dispatcher);
  mibew_plugin_engine_add_search_path (engine, directory);
  if (!enabled)
    mibew_plugin_engine_set_enabled_plugins (engine, none);
  g_assert_cmpuint (mibew_plugin_engine_load_plugins (engine), ==, 0);

  active = mibew_plugin_engine_get_active_plugins (engine);
  g_assert_cmpuint (g_strv_length (active), ==, 0);
  plugins = mibew_plugin_engine_get_plugins (engine);
  g_assert_cmpuint (plugins->len, <=, files->len);
  for (guint i = 0; i < plugins->len; i++)
    {
      MibewPluginInfo *info = g_ptr_array_index (plugins, i);
      MibewPluginState state = mibew_plugin_info_get_state (info);
      const GError *failure = mibew_plugin_info_get_error (info);

      fuzz_read_properties (G_OBJECT (info), 0, NULL);
      g_assert_nonnull (mibew_plugin_info_get_name (info));
      g_assert_true (g_utf8_validate (mibew_plugin_info_get_name (info), -1, NULL));
      g_assert_cmpint (state, !=, MIBEW_PLUGIN_STATE_ACTIVE);
      g_assert_null (mibew_plugin_info_get_plugin (info));
      if (!enabled)
        g_assert_cmpint (state, ==, MIBEW_PLUGIN_STATE_DISABLED);
      if (state == MIBEW_PLUGIN_STATE_FAILED)
        {
          g_assert_nonnull (failure);
          g_assert_true (failure->domain == MIBEW_PLUGIN_ERROR);
          g_assert_true (g_utf8_validate (failure->message, -1, NULL));
        }
      /* a name finds the first plugin of that name */
      {
        MibewPluginInfo *first = mibew_plugin_engine_get_plugin (engine, mibew_plugin_info_get_name (info));

        if (first != NULL)
          g_assert_cmpstr (mibew_plugin_info_get_name (first), ==, mibew_plugin_info_get_name (info));
      }
    }
  failures = mibew_plugin_engine_get_failures (engine);
  for (guint i = 0; failures[i] != NULL; i++)
    g_assert_true (g_utf8_validate (failures[i], -1, NULL));

  mibew_plugin_engine_unload_plugins (engine);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u.plugin", i);
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
  return 0;
}
