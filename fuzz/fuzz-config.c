/* fuzz-config.c: the bridge's configuration parser and the plugin
 * engine's must refuse any bad file whole, with an error, and never crash
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program that replays the corpus (fuzz-replay.c), run in suite
 * 'fuzz'.
 *
 * An input is one or two configuration files (mibew-events.conf: [server],
 * [plugins], [plugin Vendor:Name]) separated by a line "%%". The first is
 * loaded into a new MibewBridgeConfig with
 * mibew_bridge_config_load_from_data(), the second into the same one, as
 * a reload would; each is also given to a new MibewPluginEngine's
 * mibew_plugin_engine_load_config().
 *
 * Checked for every input:
 * - a file that does not load leaves everything as it was (every property
 *   of the configuration, the engine's enabled plugins), with an error of
 *   the documented domains whose message is valid UTF-8;
 * - a file that loads: every property reads back, every plugin section
 *   gives its settings, mibew_bridge_config_check() decides (with the same
 *   kind of error), and the listen address it ends with, given to
 *   mibew_bridge_config_set_listen() of another configuration, is taken
 *   and reads back the same;
 * - no critical or warning is logged.
 */

#include <mibew-bridge/mibew-bridge.h>
#include <mibew-plugins/mibew-plugins.h>

#include "fuzz-common.h"

static MibewEventDispatcher *dispatcher;

static char *
snapshot (GObject *object)
{
  GString *out = g_string_new (NULL);

  fuzz_read_properties (object, 0, out);
  return g_string_free (out, FALSE);
}

static void
assert_error (const GError *error,
              GQuark        domain)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == domain || error->domain == G_KEY_FILE_ERROR ||
                 error->domain == G_FILE_ERROR);
  g_assert_true (error->message[0] != '\0');
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_error ("%s: a message not in UTF-8: %s", g_quark_to_string (error->domain), escaped);
    }
}

static void
exercise_loaded (MibewBridgeConfig *config)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sections = mibew_bridge_config_list_plugin_sections (config);
  g_autofree char *listen = mibew_bridge_config_dup_listen (config);
  g_autoptr(MibewBridgeConfig) other = mibew_bridge_config_new ();

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autoptr(GHashTable) settings = mibew_bridge_config_get_plugin_settings (config, sections[i]);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, settings);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_true (g_utf8_validate (key, -1, NULL));
    }
  if (!mibew_bridge_config_check (config, &error))
    assert_error (error, MIBEW_BRIDGE_ERROR);
  g_clear_error (&error);

  /* what it says it listens on is something it could have been told */
  g_assert_nonnull (listen);
  g_assert_true (mibew_bridge_config_set_listen (other, listen, &error));
  g_assert_no_error (error);
  {
    g_autofree char *again = mibew_bridge_config_dup_listen (other);

    g_assert_cmpstr (again, ==, listen);
  }
}

static void
load (MibewBridgeConfig *config,
      GBytes            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (G_OBJECT (config));
  gsize length;
  const char *data = g_bytes_get_data (file, &length);

  if (mibew_bridge_config_load_from_data (config, data != NULL ? data : "", length, &error))
    {
      g_assert_no_error (error);
      fuzz_read_properties (G_OBJECT (config), 0, NULL);
      exercise_loaded (config);
    }
  else
    {
      g_autofree char *after = snapshot (G_OBJECT (config));

      assert_error (error, MIBEW_BRIDGE_ERROR);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
load_plugins_config (GBytes *file)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(MibewPluginEngine) engine = mibew_plugin_engine_new (dispatcher);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (file, &length);

  if (!g_key_file_load_from_data (key_file, data != NULL ? data : "", length, G_KEY_FILE_NONE, NULL))
    return;
  if (!mibew_plugin_engine_load_config (engine, key_file, &error))
    {
      assert_error (error, MIBEW_PLUGIN_ERROR);
      /* nothing taken from it */
      g_assert_null (mibew_plugin_engine_get_enabled_plugins (engine));
    }
  else
    {
      const char * const *enabled = mibew_plugin_engine_get_enabled_plugins (engine);

      for (guint i = 0; enabled != NULL && enabled[i] != NULL; i++)
        g_assert_true (g_utf8_validate (enabled[i], -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(MibewBridgeConfig) config = NULL;

  if (dispatcher == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      dispatcher = mibew_event_dispatcher_new ();
    }
  files = fuzz_split (data, size, "\n%%\n", 2);
  config = mibew_bridge_config_new ();
  for (guint i = 0; i < files->len; i++)
    {
      load (config, g_ptr_array_index (files, i));
      load_plugins_config (g_ptr_array_index (files, i));
    }
  return 0;
}
