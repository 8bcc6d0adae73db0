/* mibew-events-serve.c: `mibew-events serve`
 *
 *   mibew-events serve [--config FILE] [--address A] [--port P | --listen SPEC]
 *                      [--secret-file F] [--plugin-dir DIR]... [--check-config]
 *
 * The configuration file first (MibewBridgeConfig), then the command line
 * over it: the config object keeps the values set by the program over its
 * reloads, so the command line still wins after SIGHUP. Then
 * mibew_bridge_config_check(), and either the answer of --check-config or
 * mibew_bridge_server_run_from_config(), which listens, handles SIGTERM and
 * SIGINT (graceful shutdown) and SIGHUP (reload), and returns once the
 * server has shut down.
 *
 * Built only with the bridge (tools/meson.build). With the plugin engine
 * (MIBEW_TOOL_HAVE_PLUGINS) the plugins of the configured directories are
 * loaded into the default dispatcher before the server listens, and again
 * after a reload that changed their configuration.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <mibew-bridge/mibew-bridge.h>
#ifdef MIBEW_TOOL_HAVE_PLUGINS
#include <mibew-plugins/mibew-plugins.h>
#endif

#include "mibew-events-serve.h"

#ifdef MIBEW_TOOL_HAVE_PLUGINS

/* Plugins
 *
 * The bridge's configuration keeps `[plugins] dirs`, `enabled` and the
 * `[plugin:NAME]` groups for the engine; the engine reads `[plugins]
 * enabled` and `[plugin NAME]` groups (weight, enabled, and the plugin's
 * settings) from a key file of its own. plugins_key_file() writes the one
 * as the other, so that the engine's rules (names, weights, JSON values)
 * apply to what the bridge's file says.
 *
 * Plugins load only from the configured directories: without any, no
 * engine is made (no plugins from the engine's default search path behind
 * the administrator's back).
 *
 * One engine for the life of the process: libpeas never unloads a C
 * module, and a second engine loading it again would register its types
 * twice. A reload that changes the plugins' configuration configures the
 * same engine again (what the new file no longer says goes back to the
 * defaults), deactivates every plugin, then activates the enabled ones
 * with their new settings. */

typedef struct
{
  MibewEventDispatcher *dispatcher;
  MibewPluginEngine *engine;     /* NULL until there is a plugin directory */
  GPtrArray *search_path;        /* the directories given to the engine */
  char **sections;               /* the plugins configured last */
  char *fingerprint;             /* the configuration the engine has */
  gboolean started;              /* the server applied its first configuration */
} ServePlugins;

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The engine's key file for @config. Every plugin that has a group, or had
 * one in the configuration before (@previous), gets `enabled=true` unless
 * the group says otherwise: the engine keeps a plugin disabled until told
 * the contrary. */
static GKeyFile *
plugins_key_file (MibewBridgeConfig  *config,
                  char              **previous)
{
  GKeyFile *key_file = g_key_file_new ();
  const char * const *enabled = mibew_bridge_config_get_enabled_plugins (config);
  g_auto(GStrv) sections = mibew_bridge_config_list_plugin_sections (config);

  /* an empty list is no list: every plugin found is enabled */
  if (enabled != NULL && enabled[0] != NULL)
    g_key_file_set_string_list (key_file, "plugins", "enabled", enabled,
                                g_strv_length ((char **) enabled));
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autoptr(GHashTable) settings = mibew_bridge_config_get_plugin_settings (config, sections[i]);
      g_autofree char *group = g_strconcat ("plugin ", sections[i], NULL);
      g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (settings, NULL);

      /* sorted: the same configuration makes the same fingerprint */
      g_qsort_with_data (keys, g_hash_table_size (settings), sizeof (char *), compare_strings, NULL);
      for (guint k = 0; keys[k] != NULL; k++)
        g_key_file_set_value (key_file, group, keys[k], g_hash_table_lookup (settings, keys[k]));
      if (previous != NULL && !g_hash_table_contains (settings, "enabled"))
        g_key_file_set_boolean (key_file, group, "enabled", TRUE);
    }
  for (guint i = 0; previous != NULL && previous[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) sections, previous[i]))
      {
        g_autofree char *group = g_strconcat ("plugin ", previous[i], NULL);

        g_key_file_set_boolean (key_file, group, "enabled", TRUE);
      }
  return key_file;
}

/* Everything the plugins are configured from, as one string. */
static char *
plugins_fingerprint (MibewBridgeConfig *config)
{
  g_autoptr(GKeyFile) key_file = plugins_key_file (config, NULL);
  g_autofree char *dirs = g_strjoinv ("\n", (char **) mibew_bridge_config_get_plugin_dirs (config));
  g_autofree char *data = g_key_file_to_data (key_file, NULL, NULL);

  return g_strconcat (dirs, "\n\n", data, NULL);
}

static gboolean
has_plugin_dirs (MibewBridgeConfig *config)
{
  const char * const *dirs = mibew_bridge_config_get_plugin_dirs (config);

  return dirs != NULL && dirs[0] != NULL;
}

static gboolean
path_has (GPtrArray  *path,
          const char *dir)
{
  for (guint i = 0; i < path->len; i++)
    if (g_str_equal (g_ptr_array_index (path, i), dir))
      return TRUE;
  return FALSE;
}

/* Gives @engine @key_file, the plugins' part of @config (see
 * plugins_key_file()); on an error (named with the file) nothing changes. */
static gboolean
engine_load_config (MibewPluginEngine  *engine,
                    GKeyFile           *key_file,
                    MibewBridgeConfig  *config,
                    GError            **error)
{
  const char *file = mibew_bridge_config_get_file (config);

  if (mibew_plugin_engine_load_config (engine, key_file, error))
    return TRUE;
  if (file != NULL)
    g_prefix_error (error, "%s: ", file);
  return FALSE;
}

/* mibew_bridge_config_check() of a reload: the plugins' part is checked
 * with the engine's rules before the server applies anything, so that a
 * bad plugin setting refuses the whole reload instead of leaving the
 * server with the new file and the plugins with the old one. The engine's
 * load_config() changes the engine it reads into: the check reads into an
 * engine of its own that never loads a plugin. */
static gboolean
plugins_check (MibewBridgeConfig  *config,
               gpointer            user_data,
               GError            **error)
{
  ServePlugins *plugins = user_data;
  g_autoptr(MibewPluginEngine) scratch = NULL;
  g_autoptr(GKeyFile) key_file = NULL;

  if (!has_plugin_dirs (config))
    return TRUE;
  scratch = mibew_plugin_engine_new (plugins->dispatcher);
  key_file = plugins_key_file (config, plugins->sections);
  return engine_load_config (scratch, key_file, config, error);
}

/* Configures the engine (made on first use) as @config says, without
 * activating or deactivating anything. Nothing changes if the plugins'
 * configuration is not valid (a group whose name is not Vendor:Name, a
 * weight that is not an integer). */
static gboolean
plugins_configure (ServePlugins       *plugins,
                   MibewBridgeConfig  *config,
                   GError            **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_auto(GStrv) sections = NULL;
  const char * const *dirs = mibew_bridge_config_get_plugin_dirs (config);
  const char * const *enabled = mibew_bridge_config_get_enabled_plugins (config);

  if (!has_plugin_dirs (config) && plugins->engine == NULL)
    return TRUE;

  if (plugins->engine == NULL)
    {
      const char *localedir = g_getenv ("MIBEW_EVENTS_LOCALEDIR");

      plugins->engine = mibew_plugin_engine_new (plugins->dispatcher);
      plugins->search_path = g_ptr_array_new_with_free_func (g_free);
      /* the engine binds the text domain it shares with the tool to the
       * installed catalogues, without looking at $MIBEW_EVENTS_LOCALEDIR
       * as main() and the other libraries do: bind it again */
      bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
    }

  key_file = plugins_key_file (config, plugins->sections);
  if (!engine_load_config (plugins->engine, key_file, config, error))
    return FALSE;

  /* what the file no longer says goes back to the defaults */
  if (enabled == NULL || enabled[0] == NULL)
    mibew_plugin_engine_set_enabled_plugins (plugins->engine, NULL);
  sections = mibew_bridge_config_list_plugin_sections (config);
  for (guint pass = 0; pass < 2; pass++)
    {
      char **names = pass == 0 ? sections : plugins->sections;

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *group = g_strconcat ("plugin ", names[i], NULL);

          if (!g_key_file_has_key (key_file, group, "weight", NULL))
            mibew_plugin_engine_set_plugin_weight (plugins->engine, names[i], 0);
        }
    }
  g_strfreev (plugins->sections);
  plugins->sections = g_steal_pointer (&sections);

  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    if (!path_has (plugins->search_path, dirs[i]))
      {
        mibew_plugin_engine_add_search_path (plugins->engine, dirs[i]);
        g_ptr_array_add (plugins->search_path, g_strdup (dirs[i]));
      }
  for (guint i = 0; i < plugins->search_path->len; i++)
    {
      const char *dir = g_ptr_array_index (plugins->search_path, i);

      if (dirs == NULL || !g_strv_contains (dirs, dir))
        g_message (_("The plugin directory “%s” is no longer configured, but its plugins are "
                     "found until the server restarts"), dir);
    }

  g_free (plugins->fingerprint);
  plugins->fingerprint = plugins_fingerprint (config);
  return TRUE;
}

/* Activates every enabled plugin not active yet, and says which are. */
static void
plugins_load (ServePlugins *plugins)
{
  g_auto(GStrv) active = NULL;
  guint n_active;

  if (plugins->engine == NULL)
    return;

  /* the engine logs each plugin it skips, with the reason */
  mibew_plugin_engine_load_plugins (plugins->engine);
  active = mibew_plugin_engine_get_active_plugins (plugins->engine);
  n_active = active != NULL ? g_strv_length (active) : 0;
  if (n_active == 0)
    g_message ("%s", _("No plugin is active"));
  else
    {
      g_autofree char *names = g_strjoinv (", ", active);

      g_message (g_dngettext (GETTEXT_PACKAGE, "%u plugin active: %s", "%u plugins active: %s", n_active),
                 n_active, names);
    }
}

/* Whether a JavaScript plugin is active: the engine's GJS loader makes
 * its plugins of the type MibewGjsPlugin (mibew-plugin-loader-gjs.c),
 * which it does not export; its name is what tells them apart. */
static gboolean
plugins_have_javascript (ServePlugins *plugins)
{
  g_autoptr(GPtrArray) infos = NULL;

  if (plugins->engine == NULL)
    return FALSE;
  infos = mibew_plugin_engine_get_plugins (plugins->engine);
  for (guint i = 0; i < infos->len; i++)
    {
      MibewPlugin *plugin = mibew_plugin_info_get_plugin (g_ptr_array_index (infos, i));

      if (plugin != NULL && strcmp (G_OBJECT_TYPE_NAME (plugin), "MibewGjsPlugin") == 0)
        return TRUE;
    }
  return FALSE;
}

/* With a JavaScript plugin active, listeners run in the server's main
 * context, whatever [server] dispatch says: JavaScript runs on this
 * thread only. Emitted on a worker, a JavaScript listener would be handed
 * over to this thread and waited for (the engine does that for any
 * host), which costs two thread switches per listener, and a reload,
 * which holds emissions on this thread, would wait for such a worker
 * while it waits for this thread, until the hand-off gives up (docs/plugins.md). */
static void
plugins_choose_dispatch (ServePlugins      *plugins,
                         MibewBridgeServer *server)
{
  if (mibew_bridge_server_get_dispatch_mode (server) == MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT ||
      !plugins_have_javascript (plugins))
    return;
  g_message ("%s", _("JavaScript plugins are active: listeners run in the server’s main context "
                     "(dispatch main-context)"));
  mibew_bridge_server_set_dispatch_mode (server, MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT);
}

/* MibewBridgeServer::config-applied: at start (the plugins are loaded
 * already), then after each reload that checked out. Plugins are
 * reloaded only when their part of the configuration changed: every
 * plugin is deactivated (its listeners detached), then the enabled ones
 * activated again with their new settings, while emissions wait: no
 * request runs with a partial set. */
static void
plugins_apply_config (MibewBridgeServer *server,
                      MibewBridgeConfig *config,
                      ServePlugins      *plugins)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  if (!plugins->started)
    {
      plugins->started = TRUE;
      return;
    }

  fingerprint = plugins_fingerprint (config);
  if (g_strcmp0 (fingerprint, plugins->fingerprint) == 0)
    return;
  if (!plugins_configure (plugins, config, &error))
    {
      g_message (_("Plugins not reloaded, the plugins active stay: %s"), error->message);
      return;
    }
  if (plugins->engine == NULL)
    return;
  /* no request runs with a partial set of plugins: emissions wait */
  mibew_bridge_server_hold_emissions (server);
  mibew_plugin_engine_unload_plugins (plugins->engine);
  if (has_plugin_dirs (config))
    plugins_load (plugins);
  else
    g_message ("%s", _("No plugin directory is configured any more: every plugin is deactivated"));
  mibew_bridge_server_release_emissions (server);
}

static void
on_config_applied (MibewBridgeServer *server,
                   MibewBridgeConfig *config,
                   gpointer           user_data)
{
  ServePlugins *plugins = user_data;

  plugins_apply_config (server, config, plugins);
  /* the configuration's dispatch mode was just applied */
  plugins_choose_dispatch (plugins, server);
}

static void
plugins_clear (ServePlugins *plugins)
{
  if (plugins->engine != NULL)
    mibew_plugin_engine_unload_plugins (plugins->engine);
  g_clear_object (&plugins->engine);
  g_clear_pointer (&plugins->search_path, g_ptr_array_unref);
  g_clear_pointer (&plugins->sections, g_strfreev);
  g_clear_pointer (&plugins->fingerprint, g_free);
}

#endif /* MIBEW_TOOL_HAVE_PLUGINS */

/* The configuration: the file, then the command line over it. */
static MibewBridgeConfig *
serve_config_new (const MibewServeOptions  *options,
                  GError                  **error)
{
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();

  if (options->config_file != NULL &&
      !mibew_bridge_config_load_from_file (config, options->config_file, error))
    return NULL;

  if (options->listen != NULL && !mibew_bridge_config_set_listen (config, options->listen, error))
    return NULL;
  /* each of them switches to TCP; the other keeps the file's value */
  if (options->address != NULL)
    mibew_bridge_config_set_address (config, options->address);
  if (options->port >= 0)
    mibew_bridge_config_set_port (config, (guint) options->port);
  if (options->secret_file != NULL)
    mibew_bridge_config_set_secret_file (config, options->secret_file);
  for (guint i = 0; options->plugin_dirs != NULL && options->plugin_dirs[i] != NULL; i++)
    mibew_bridge_config_add_plugin_dir (config, options->plugin_dirs[i]);

  if (!mibew_bridge_config_check (config, error))
    return NULL;
  return g_steal_pointer (&config);
}

gboolean
mibew_tool_serve (const MibewServeOptions  *options,
                  GError                  **error)
{
  g_autoptr(MibewBridgeConfig) config = NULL;
  g_autoptr(MibewBridgeServer) server = NULL;
  MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();
  gboolean ok;
#ifdef MIBEW_TOOL_HAVE_PLUGINS
  ServePlugins plugins = { .dispatcher = dispatcher };
  gulong handler;
#endif

  config = serve_config_new (options, error);
  if (config == NULL)
    return FALSE;

#ifndef MIBEW_TOOL_HAVE_PLUGINS
  {
    const char * const *dirs = mibew_bridge_config_get_plugin_dirs (config);

    if (dirs != NULL && dirs[0] != NULL)
      g_message ("%s", _("This mibew-events was built without the plugin engine: no plugin is loaded"));
  }
#endif

#ifdef MIBEW_TOOL_HAVE_PLUGINS
  /* the plugins' configuration is checked too (names, weights) */
  if (!plugins_configure (&plugins, config, error))
    {
      plugins_clear (&plugins);
      return FALSE;
    }
#endif

  if (options->check_config)
    {
      g_autofree char *where = mibew_bridge_config_dup_listen (config);

#ifdef MIBEW_TOOL_HAVE_PLUGINS
      plugins_clear (&plugins);
#endif
      g_print (_("The configuration is valid: the server would listen on %s\n"), where);
      return TRUE;
    }

  server = mibew_bridge_server_new (dispatcher);

#ifdef MIBEW_TOOL_HAVE_PLUGINS
  /* before the server listens: the first requests find the plugins */
  plugins_load (&plugins);
  handler = g_signal_connect (server, "config-applied", G_CALLBACK (on_config_applied), &plugins);
  mibew_bridge_config_add_check (config, plugins_check, &plugins, NULL);
#endif

  ok = mibew_bridge_server_run_from_config (server, config, error);
  /* a second SIGTERM or SIGINT stops the server at once: not graceful */
  if (ok && mibew_bridge_server_get_in_flight (server) > 0)
    {
      guint n = mibew_bridge_server_get_in_flight (server);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   g_dngettext (GETTEXT_PACKAGE, "Stopped at once: %u request was not answered",
                                "Stopped at once: %u requests were not answered", n),
                   n);
      ok = FALSE;
    }

#ifdef MIBEW_TOOL_HAVE_PLUGINS
  g_signal_handler_disconnect (server, handler);
  plugins_clear (&plugins);
#endif
  return ok;
}
