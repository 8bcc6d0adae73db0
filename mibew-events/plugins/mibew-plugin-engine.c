/* mibew-plugin-engine.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "mibew-plugin-backend-private.h"
#include "mibew-plugin-engine.h"
#include "mibew-plugin-error.h"
#include "mibew-plugin-graph-private.h"
#include "mibew-plugin-info-private.h"
#include "mibew-plugin-loader-gjs-private.h"
#include "mibew-plugins-i18n-private.h"
#include "mibew-key-file-private.h"

/**
 * MibewPluginEngine:
 *
 * Loads Mibew plugins into a dispatcher: C modules and Python 3 modules,
 * found by libpeas (1.x) through their `.plugin` files, each implementing
 * [iface@MibewPlugins.Plugin], and JavaScript modules (`.plugin` files
 * with `X-Mibew-Loader=gjs`), which the engine runs itself in one GJS
 * context, on the thread that loaded the first of them. It serves any host: a C program, a Python
 * or GJS script, or `mibew-events serve`.
 *
 * ```c
 * #include <mibew-plugins/mibew-plugins.h>
 *
 * g_autoptr(MibewPluginEngine) engine = mibew_plugin_engine_new (dispatcher);
 * g_autoptr(GError) error = NULL;
 * g_auto(GStrv) failures = NULL;
 *
 * mibew_plugin_engine_add_search_path (engine, "/srv/mibew/plugins");
 * if (!mibew_plugin_engine_load_config_file (engine, "/etc/mibew-events/plugins.ini", &error))
 *   g_printerr ("%s\n", error->message);
 * mibew_plugin_engine_load_plugins (engine);
 * failures = mibew_plugin_engine_get_failures (engine);
 * for (guint i = 0; failures[i] != NULL; i++)
 *   g_printerr ("skipped %s\n", failures[i]);
 * ```
 *
 * ## Where plugins are found
 *
 * In the directories given to [method@MibewPlugins.PluginEngine.add_search_path],
 * in that order, and in their immediate subdirectories (libpeas looks one
 * level down, so a plugin may keep its files in a directory of its own).
 * A module sits next to its `.plugin` file. When no directory was added by
 * the time plugins are first loaded, the engine uses the default search
 * path ([func@MibewPlugins.PluginEngine.get_default_search_path]):
 * `$XDG_DATA_HOME/mibew-events/plugins`, each
 * `$XDG_DATA_DIRS/mibew-events/plugins`, then
 * `$libdir/mibew-events/plugins` of the library's installation.
 *
 * ## Which plugins load, in which order
 *
 * The engine follows Mibew's plugin manager:
 *
 * - Only enabled plugins load. With no enable list
 *   ([method@MibewPlugins.PluginEngine.set_enabled_plugins]), every
 *   plugin found is enabled: putting a plugin in a plugin directory
 *   enables it. With a list, only the plugins named in it are. Either
 *   way, a plugin whose configuration says `enabled=false` is not.
 * - A plugin whose `.plugin` file lacks a valid `X-Mibew-Name`
 *   (`Vendor:Name`) or `X-Mibew-Version`, or has a malformed
 *   `X-Mibew-Dependencies`, is skipped; so is a second plugin of a name
 *   found earlier in the search path.
 * - A plugin whose dependency is missing, not enabled, or of a version
 *   outside its constraint is skipped, and so are the plugins that depend
 *   on it. Constraints take Composer's forms, as Mibew's do: `1.2.3`,
 *   `>=1.2`, `<2.0`, `1.2.3 - 2.3.4`, `~1.2`, `^1.2.3`, `1.x`, `*`, joined
 *   by `,` or a space (and) and `||` (or).
 * - The plugins of a dependency cycle are skipped; the reason names the
 *   cycle (`Dependency cycle: Demo:A → Demo:B → Demo:A`).
 * - Dependencies are activated first; among the plugins whose
 *   dependencies are all active, the lowest weight goes first, then the
 *   name in byte order.
 * - A plugin whose module does not load (a Python module that raises on
 *   import), or whose [method@MibewPlugins.Plugin.activate] fails, is
 *   skipped with the reason, and so are the plugins depending on it. The
 *   rest run.
 *
 * ## Weight and configuration
 *
 * A plugin's weight (default 0) is its listeners' default priority: the
 * engine pushes the plugin's name and weight on the dispatcher around its
 * activation ([method@MibewEvents.EventDispatcher.push_owner]), so a
 * listener attached with %MIBEW_PRIORITY_DEFAULT runs at the weight, as in
 * Mibew. Its configuration is a JSON object. The host sets both with
 * [method@MibewPlugins.PluginEngine.set_plugin_weight] and
 * [method@MibewPlugins.PluginEngine.set_plugin_config], or from a key
 * file ([method@MibewPlugins.PluginEngine.load_config]). A plugin reads
 * them from its [class@MibewPlugins.PluginInfo]. Both take effect when the
 * plugin is next activated.
 *
 * ## Reports
 *
 * Every plugin skipped by [method@MibewPlugins.PluginEngine.load_plugins]
 * is reported three ways: [signal@MibewPlugins.PluginEngine::plugin-failed]
 * (name, reason), a line `Vendor:Name: reason` in
 * [method@MibewPlugins.PluginEngine.get_failures], and a structured log
 * message (level message, domain `MibewPlugins`, the plugin's name in the
 * field `MIBEW_PLUGIN`). [method@MibewPlugins.PluginInfo.get_error] keeps
 * the reason with its #MibewPluginError code.
 *
 * ## Deactivation
 *
 * [method@MibewPlugins.PluginEngine.deactivate_plugin] and
 * [method@MibewPlugins.PluginEngine.unload_plugins] (called when the
 * engine is disposed of) call each plugin's
 * [method@MibewPlugins.Plugin.deactivate], dependents before their
 * dependencies, then detach every listener the plugin attached
 * ([method@MibewEvents.EventDispatcher.detach_owner]).
 *
 * An engine is used from one thread; plugins attach their listeners on
 * that thread.
 */

/* One plugin file found, with what the engine made of it. */
typedef struct
{
  MibewPluginInfo *info;
  gpointer handle;              /* the backend's */
  guint path_index;             /* where in the search path it was found */
  gboolean named;               /* has a valid X-Mibew-Name of its own */
  MibewVersion version;
  gboolean has_version;
  GError *invalid;              /* a problem with its .plugin file (sticky) */
  GError *load_error;           /* its module did not load (sticky: libpeas
                                 * does not try a second time) */
  gboolean gjs;                 /* X-Mibew-Loader=gjs: the engine's own
                                 * loader, not libpeas */
} Entry;

struct _MibewPluginEngine
{
  GObject parent_instance;

  MibewEventDispatcher *dispatcher;
  MibewPluginBackend *backend;

  GPtrArray *search_path;       /* char *: added, or the defaults */
  gboolean search_path_fixed;   /* the defaults were decided on */
  guint n_paths_given;          /* how many the backend has */

  char **enabled;               /* NULL: every plugin found */
  GHashTable *disabled;         /* name -> name, from configuration */
  GHashTable *weights;          /* name -> int * */
  GHashTable *configs;          /* name -> JsonObject */

  GPtrArray *entries;           /* Entry *, in search order */
  GHashTable *by_handle;        /* handle -> Entry */
  GHashTable *by_name;          /* name -> Entry, the first of a name */
  GPtrArray *active;            /* Entry *, in activation order */
  GPtrArray *failures;          /* char *: of the last load */
};

G_DEFINE_FINAL_TYPE (MibewPluginEngine, mibew_plugin_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPATCHER,
  PROP_ENABLED_PLUGINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLUGIN_ACTIVATED,
  PLUGIN_DEACTIVATED,
  PLUGIN_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->info);
  mibew_version_clear (&entry->version);
  g_clear_error (&entry->invalid);
  g_clear_error (&entry->load_error);
  g_free (entry);
}

static const char *
entry_name (Entry *entry)
{
  return mibew_plugin_info_get_name (entry->info);
}

/* Reports a plugin the engine skips: the list, the log, the signal. */
static void
report (MibewPluginEngine *self,
        const char        *name,
        const GError      *error)
{
  g_ptr_array_add (self->failures, g_strdup_printf ("%s: %s", name, error->message));
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "MIBEW_PLUGIN", name,
                    "MESSAGE", _("Plugin %s skipped: %s"), name, error->message);
  g_signal_emit (self, signals[PLUGIN_FAILED], 0, name, error->message);
}

static void
fail_entry (MibewPluginEngine *self,
            Entry             *entry,
            const GError      *error)
{
  mibew_plugin_info_set_state (entry->info, MIBEW_PLUGIN_STATE_FAILED, error);
  report (self, entry_name (entry), error);
}

static gboolean
entry_is_enabled (MibewPluginEngine *self,
                  Entry             *entry)
{
  const char *name = entry_name (entry);

  if (mibew_plugin_info_get_state (entry->info) == MIBEW_PLUGIN_STATE_ACTIVE)
    return TRUE;
  if (g_hash_table_contains (self->disabled, name))
    return FALSE;
  return self->enabled == NULL || g_strv_contains ((const char * const *) self->enabled, name);
}

/* Which directory of the search path @dir is, or is under. */
static guint
path_index (MibewPluginEngine *self,
            const char        *dir)
{
  for (guint i = 0; i < self->search_path->len; i++)
    {
      const char *path = g_ptr_array_index (self->search_path, i);
      gsize len = strlen (path);

      if (strncmp (dir, path, len) == 0 && (dir[len] == '\0' || dir[len] == G_DIR_SEPARATOR))
        return i;
    }
  return G_MAXUINT;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  int c;

  if (ea->path_index != eb->path_index)
    return ea->path_index < eb->path_index ? -1 : 1;
  c = strcmp (mibew_plugin_info_get_module_dir (ea->info), mibew_plugin_info_get_module_dir (eb->info));
  if (c == 0)
    c = strcmp (mibew_plugin_info_get_module_name (ea->info), mibew_plugin_info_get_module_name (eb->info));
  return c;
}

static Entry *
entry_new (MibewPluginEngine            *self,
           const MibewPluginDescription *d)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autoptr(GPtrArray) deps = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = d->module_name;

  entry->handle = d->handle;
  entry->path_index = path_index (self, d->module_dir);
  entry->gjs = mibew_plugin_loader_gjs_handles (d->module_dir, d->module_name);

  if (d->mibew_name == NULL)
    entry->invalid = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO,
                                  _("Its .plugin file in %s has no X-Mibew-Name"), d->module_dir);
  else if (!mibew_plugin_name_is_valid (d->mibew_name))
    entry->invalid = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO,
                                  _("X-Mibew-Name “%s” is not a plugin name: Vendor:Name, each part "
                                    "a capital letter then letters or digits"), d->mibew_name);
  else
    {
      name = d->mibew_name;
      entry->named = TRUE;
    }

  if (entry->invalid == NULL && d->mibew_version == NULL)
    entry->invalid = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO,
                                  _("Its .plugin file in %s has no X-Mibew-Version"), d->module_dir);
  else if (d->mibew_version != NULL)
    {
      entry->has_version = mibew_version_parse (d->mibew_version, &entry->version, &error);
      if (!entry->has_version && entry->invalid == NULL)
        entry->invalid = g_steal_pointer (&error);
      g_clear_error (&error);
    }

  deps = mibew_plugin_dependencies_parse (d->mibew_dependencies, &error);
  if (deps == NULL && entry->invalid == NULL)
    entry->invalid = g_error_new (MIBEW_PLUGIN_ERROR, error->code,
                                  _("X-Mibew-Dependencies: %s"), error->message);

  entry->info = mibew_plugin_info_new (name, d->mibew_version, d->display_name, d->description,
                                       d->module_name, d->module_dir, deps);
  return entry;
}

/* The name a complaint of libpeas's about a .plugin file goes by: the
 * file it quotes ('.../x.plugin'), or "?". */
static char *
problem_name (const char *problem)
{
  for (const char *start = strchr (problem, '\''); start != NULL;)
    {
      const char *end = strchr (start + 1, '\'');
      g_autofree char *quoted = NULL;

      if (end == NULL)
        break;
      quoted = g_strndup (start + 1, end - start - 1);
      if (g_str_has_suffix (quoted, ".plugin"))
        return g_path_get_basename (quoted);
      start = strchr (end + 1, '\'');
    }
  return g_strdup ("?");
}

/* Gives the backend the search path and takes in the plugins it finds. */
static void
scan (MibewPluginEngine *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) reported = NULL;
  gboolean added = FALSE;

  if (!self->search_path_fixed)
    {
      if (self->search_path->len == 0)
        {
          g_auto(GStrv) defaults = mibew_plugin_engine_get_default_search_path ();

          for (guint i = 0; defaults[i] != NULL; i++)
            g_ptr_array_add (self->search_path, g_strdup (defaults[i]));
        }
      self->search_path_fixed = TRUE;
    }
  for (; self->n_paths_given < self->search_path->len; self->n_paths_given++)
    mibew_plugin_backend_add_search_path (self->backend,
                                          g_ptr_array_index (self->search_path, self->n_paths_given),
                                          problems);

  found = mibew_plugin_backend_scan (self->backend, problems);
  /* libpeas says it twice ("Could not find 'Module' in ... 'x.plugin'",
   * "Error loading 'x.plugin'"): one report per file, the first reason */
  reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      char *name = problem_name (g_ptr_array_index (problems, i));
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (!g_hash_table_add (reported, name))
        continue;
      /* libpeas passes on GKeyFile's message, which quotes the file's bytes
       * as they are: a message is UTF-8 (found by fuzz/fuzz-plugins) */
      message = g_utf8_make_valid (g_ptr_array_index (problems, i), -1);
      error = g_error_new_literal (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO, message);
      report (self, name, error);
    }

  for (guint i = 0; i < found->len; i++)
    {
      const MibewPluginDescription *d = g_ptr_array_index (found, i);

      if (!g_hash_table_contains (self->by_handle, d->handle))
        {
          Entry *entry = entry_new (self, d);

          g_ptr_array_add (self->entries, entry);
          g_hash_table_insert (self->by_handle, entry->handle, entry);
          added = TRUE;
        }
    }
  if (!added)
    return;

  /* first in the search path first, whatever order the directory listed
   * them in; a name's first plugin is the one that counts */
  g_ptr_array_sort (self->entries, compare_entries);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      Entry *first;

      if (!entry->named)
        continue;
      first = g_hash_table_lookup (self->by_name, entry_name (entry));
      if (first == NULL)
        g_hash_table_insert (self->by_name, (gpointer) entry_name (entry), entry);
      else if (first != entry && entry->invalid == NULL)
        entry->invalid = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_DUPLICATE,
                                      _("Another plugin of this name was found first, in %s; "
                                        "the one in %s is ignored"),
                                      mibew_plugin_info_get_module_dir (first->info),
                                      mibew_plugin_info_get_module_dir (entry->info));
    }
}

static gboolean
entry_is_first_of_its_name (MibewPluginEngine *self,
                            Entry             *entry)
{
  return entry->named && g_hash_table_lookup (self->by_name, entry_name (entry)) == entry;
}

/* The host's weight and configuration, for a plugin about to activate. */
static void
configure (MibewPluginEngine *self,
           Entry             *entry)
{
  const int *weight = g_hash_table_lookup (self->weights, entry_name (entry));

  mibew_plugin_info_set_weight (entry->info, weight != NULL ? *weight : 0);
  mibew_plugin_info_set_config (entry->info, g_hash_table_lookup (self->configs, entry_name (entry)));
}

static void
activate (MibewPluginEngine *self,
          Entry             *entry)
{
  const char *name = entry_name (entry);
  g_autoptr(MibewPlugin) plugin = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (entry->gjs)
    plugin = mibew_plugin_loader_gjs_create (name, mibew_plugin_info_get_module_dir (entry->info),
                                             mibew_plugin_info_get_module_name (entry->info), &error);
  else
    plugin = mibew_plugin_backend_create (self->backend, entry->handle, &error);
  if (plugin == NULL)
    {
      entry->load_error = g_steal_pointer (&error);
      fail_entry (self, entry, entry->load_error);
      return;
    }

  mibew_plugin_set_info (plugin, entry->info);
  mibew_event_dispatcher_push_owner (self->dispatcher, name, mibew_plugin_info_get_weight (entry->info));
  ok = mibew_plugin_activate (plugin, self->dispatcher, &error);
  mibew_event_dispatcher_pop_owner (self->dispatcher);

  if (!ok)
    {
      g_autoptr(GError) failure = NULL;

      /* what it attached before it gave up goes too */
      mibew_event_dispatcher_detach_owner (self->dispatcher, name);
      if (error != NULL)
        failure = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                               _("Failed to activate: %s"), error->message);
      else
        failure = g_error_new_literal (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                                       _("Failed to activate: activate() returned FALSE without an error"));
      g_clear_object (&plugin);
      if (!entry->gjs)
        mibew_plugin_backend_unload (self->backend, entry->handle);
      fail_entry (self, entry, failure);
      return;
    }

  mibew_plugin_info_set_plugin (entry->info, plugin);
  mibew_plugin_info_set_state (entry->info, MIBEW_PLUGIN_STATE_ACTIVE, NULL);
  g_ptr_array_add (self->active, entry);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
                    "MIBEW_PLUGIN", name,
                    "MESSAGE", "Activated plugin %s (weight %d)", name,
                    mibew_plugin_info_get_weight (entry->info));
  g_signal_emit (self, signals[PLUGIN_ACTIVATED], 0, entry->info);
}

static void
deactivate (MibewPluginEngine *self,
            Entry             *entry)
{
  const char *name = entry_name (entry);
  g_autoptr(MibewPlugin) plugin = g_object_ref (mibew_plugin_info_get_plugin (entry->info));
  guint detached;

  /* whatever it attaches while it goes is its own too */
  mibew_event_dispatcher_push_owner (self->dispatcher, name, mibew_plugin_info_get_weight (entry->info));
  mibew_plugin_deactivate (plugin);
  mibew_event_dispatcher_pop_owner (self->dispatcher);
  detached = mibew_event_dispatcher_detach_owner (self->dispatcher, name);

  g_ptr_array_remove (self->active, entry);
  mibew_plugin_info_set_plugin (entry->info, NULL);
  mibew_plugin_info_set_state (entry->info, MIBEW_PLUGIN_STATE_INACTIVE, NULL);
  g_clear_object (&plugin);
  if (!entry->gjs)
    mibew_plugin_backend_unload (self->backend, entry->handle);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
                    "MIBEW_PLUGIN", name,
                    "MESSAGE", "Deactivated plugin %s (%u listeners detached)", name, detached);
  g_signal_emit (self, signals[PLUGIN_DEACTIVATED], 0, entry->info);
}

static gboolean
depends_on (Entry      *entry,
            const char *name)
{
  GPtrArray *deps = mibew_plugin_info_get_parsed_dependencies (entry->info);

  for (guint i = 0; deps != NULL && i < deps->len; i++)
    if (strcmp (((MibewPluginDependency *) g_ptr_array_index (deps, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* Deactivates the active plugins that depend on @entry, then @entry. */
static void
deactivate_with_dependents (MibewPluginEngine *self,
                            Entry             *entry)
{
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = self->active->len; i > 0; i--)
        {
          Entry *other = g_ptr_array_index (self->active, i - 1);

          if (other != entry && depends_on (other, entry_name (entry)))
            {
              deactivate_with_dependents (self, other);
              again = TRUE;
              break;
            }
        }
    }
  deactivate (self, entry);
}

static void
mibew_plugin_engine_dispose (GObject *object)
{
  MibewPluginEngine *self = MIBEW_PLUGIN_ENGINE (object);

  if (self->active != NULL && self->dispatcher != NULL)
    mibew_plugin_engine_unload_plugins (self);

  G_OBJECT_CLASS (mibew_plugin_engine_parent_class)->dispose (object);
}

static void
mibew_plugin_engine_finalize (GObject *object)
{
  MibewPluginEngine *self = MIBEW_PLUGIN_ENGINE (object);

  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->by_handle, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->backend, mibew_plugin_backend_free);
  g_clear_pointer (&self->search_path, g_ptr_array_unref);
  g_clear_pointer (&self->enabled, g_strfreev);
  g_clear_pointer (&self->disabled, g_hash_table_unref);
  g_clear_pointer (&self->weights, g_hash_table_unref);
  g_clear_pointer (&self->configs, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_object (&self->dispatcher);

  G_OBJECT_CLASS (mibew_plugin_engine_parent_class)->finalize (object);
}

static void
mibew_plugin_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewPluginEngine *self = MIBEW_PLUGIN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_DISPATCHER:
      g_value_set_object (value, self->dispatcher);
      break;
    case PROP_ENABLED_PLUGINS:
      g_value_set_boxed (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_plugin_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewPluginEngine *self = MIBEW_PLUGIN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_DISPATCHER:
      self->dispatcher = g_value_dup_object (value);
      break;
    case PROP_ENABLED_PLUGINS:
      mibew_plugin_engine_set_enabled_plugins (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_plugin_engine_constructed (GObject *object)
{
  MibewPluginEngine *self = MIBEW_PLUGIN_ENGINE (object);

  G_OBJECT_CLASS (mibew_plugin_engine_parent_class)->constructed (object);

  if (self->dispatcher == NULL)
    self->dispatcher = g_object_ref (mibew_event_dispatcher_get_default ());
}

static void
mibew_plugin_engine_class_init (MibewPluginEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  mibew_plugins_i18n_init ();

  object_class->dispose = mibew_plugin_engine_dispose;
  object_class->finalize = mibew_plugin_engine_finalize;
  object_class->get_property = mibew_plugin_engine_get_property;
  object_class->set_property = mibew_plugin_engine_set_property;
  object_class->constructed = mibew_plugin_engine_constructed;

  /**
   * MibewPluginEngine:dispatcher: (getter get_dispatcher)
   *
   * The dispatcher the plugins attach their listeners to; the default
   * dispatcher when none is given.
   */
  properties[PROP_DISPATCHER] =
    g_param_spec_object ("dispatcher", NULL, NULL, MIBEW_TYPE_EVENT_DISPATCHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * MibewPluginEngine:enabled-plugins: (getter get_enabled_plugins) (setter set_enabled_plugins)
   *
   * The names of the plugins that may load, or %NULL for every plugin
   * found.
   */
  properties[PROP_ENABLED_PLUGINS] =
    g_param_spec_boxed ("enabled-plugins", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MibewPluginEngine::plugin-activated:
   * @self: the engine
   * @info: the plugin
   *
   * Emitted when a plugin has been activated.
   */
  signals[PLUGIN_ACTIVATED] =
    g_signal_new ("plugin-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MIBEW_TYPE_PLUGIN_INFO);
  /**
   * MibewPluginEngine::plugin-deactivated:
   * @self: the engine
   * @info: the plugin
   *
   * Emitted when a plugin has been deactivated and its listeners
   * detached.
   */
  signals[PLUGIN_DEACTIVATED] =
    g_signal_new ("plugin-deactivated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MIBEW_TYPE_PLUGIN_INFO);
  /**
   * MibewPluginEngine::plugin-failed:
   * @self: the engine
   * @name: the plugin's `Vendor:Name` (or, for a plugin file without
   *   one, its module or file name)
   * @reason: why it is skipped, for people
   *
   * Emitted for every plugin that
   * [method@MibewPlugins.PluginEngine.load_plugins] skips: see
   * [method@MibewPlugins.PluginInfo.get_error] for the error code.
   */
  signals[PLUGIN_FAILED] =
    g_signal_new ("plugin-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
mibew_plugin_engine_init (MibewPluginEngine *self)
{
  self->backend = mibew_plugin_backend_new ();
  self->search_path = g_ptr_array_new_with_free_func (g_free);
  self->disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->configs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_object_unref);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->by_handle = g_hash_table_new (NULL, NULL);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->active = g_ptr_array_new ();
  self->failures = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mibew_plugin_engine_new:
 * @dispatcher: (nullable): the dispatcher the plugins attach their
 *   listeners to, or %NULL for the default one
 *
 * Creates a plugin engine, with a libpeas engine of its own and the C and
 * Python 3 loaders. It finds nothing until
 * [method@MibewPlugins.PluginEngine.load_plugins].
 *
 * Returns: (transfer full): a new #MibewPluginEngine
 */
MibewPluginEngine *
mibew_plugin_engine_new (MibewEventDispatcher *dispatcher)
{
  g_return_val_if_fail (dispatcher == NULL || MIBEW_IS_EVENT_DISPATCHER (dispatcher), NULL);

  return g_object_new (MIBEW_TYPE_PLUGIN_ENGINE, "dispatcher", dispatcher, NULL);
}

/**
 * mibew_plugin_engine_get_dispatcher:
 * @self: a #MibewPluginEngine
 *
 * Gets the dispatcher the plugins attach their listeners to.
 *
 * Returns: (transfer none): the dispatcher
 */
MibewEventDispatcher *
mibew_plugin_engine_get_dispatcher (MibewPluginEngine *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  return self->dispatcher;
}

/**
 * mibew_plugin_engine_add_search_path:
 * @self: a #MibewPluginEngine
 * @path: (type filename): a directory of plugins
 *
 * Adds a directory to look for plugins in (`.plugin` files, with their
 * modules next to them), after those added before. Plugins found earlier
 * in the search path win over later ones of the same name. A directory
 * added after plugins were loaded is looked at by the next
 * [method@MibewPlugins.PluginEngine.load_plugins].
 */
void
mibew_plugin_engine_add_search_path (MibewPluginEngine *self,
                                     const char        *path)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_ENGINE (self));
  g_return_if_fail (path != NULL);

  for (guint i = 0; i < self->search_path->len; i++)
    if (strcmp (g_ptr_array_index (self->search_path, i), path) == 0)
      return;
  g_ptr_array_add (self->search_path, g_strdup (path));
}

/**
 * mibew_plugin_engine_get_search_path:
 * @self: a #MibewPluginEngine
 *
 * Gets the directories the engine looks for plugins in: those added with
 * [method@MibewPlugins.PluginEngine.add_search_path], or the default
 * search path when none was added before plugins were first loaded.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type filename):
 *   the directories, in order
 */
char **
mibew_plugin_engine_get_search_path (MibewPluginEngine *self)
{
  GStrvBuilder *builder;
  char **path;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  if (!self->search_path_fixed && self->search_path->len == 0)
    return mibew_plugin_engine_get_default_search_path ();
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->search_path->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->search_path, i));
  path = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return path;
}

/**
 * mibew_plugin_engine_get_default_search_path:
 *
 * Gets the directories an engine looks for plugins in when the host adds
 * none: `$XDG_DATA_HOME/mibew-events/plugins` (`~/.local/share/...`),
 * each `$XDG_DATA_DIRS/mibew-events/plugins` (`/usr/local/share/...`,
 * `/usr/share/...`), then `$libdir/mibew-events/plugins` of the
 * library's installation, for C modules.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type filename):
 *   the directories, in order
 */
char **
mibew_plugin_engine_get_default_search_path (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  const char * const *system_dirs = g_get_system_data_dirs ();
  char **path;

  g_ptr_array_add (dirs, g_build_filename (g_get_user_data_dir (), "mibew-events", "plugins", NULL));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_build_filename (system_dirs[i], "mibew-events", "plugins", NULL));
  g_ptr_array_add (dirs, g_build_filename (MIBEW_PLUGINS_LIBDIR, "mibew-events", "plugins", NULL));

  for (guint i = 0; i < dirs->len; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = strcmp (g_ptr_array_index (dirs, i), g_ptr_array_index (dirs, j)) == 0;
      if (!seen)
        g_strv_builder_add (builder, g_ptr_array_index (dirs, i));
    }
  path = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return path;
}

/**
 * mibew_plugin_engine_set_enabled_plugins:
 * @self: a #MibewPluginEngine
 * @names: (nullable) (array zero-terminated=1): the `Vendor:Name` of each
 *   plugin that may load, or %NULL for every plugin found
 *
 * Sets which plugins are enabled, as Mibew's configuration does. A plugin
 * that is not enabled does not load, and plugins depending on it are
 * skipped. Takes effect at the next
 * [method@MibewPlugins.PluginEngine.load_plugins]; active plugins stay
 * active.
 */
void
mibew_plugin_engine_set_enabled_plugins (MibewPluginEngine  *self,
                                         const char * const *names)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_ENGINE (self));

  if (names == NULL && self->enabled == NULL)
    return;
  g_strfreev (self->enabled);
  self->enabled = g_strdupv ((char **) names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED_PLUGINS]);
}

/**
 * mibew_plugin_engine_get_enabled_plugins:
 * @self: a #MibewPluginEngine
 *
 * Gets the names of the plugins that may load.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the
 *   names, or %NULL when every plugin found may
 */
const char * const *
mibew_plugin_engine_get_enabled_plugins (MibewPluginEngine *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  return (const char * const *) self->enabled;
}

/**
 * mibew_plugin_engine_set_plugin_weight:
 * @self: a #MibewPluginEngine
 * @name: a plugin's `Vendor:Name`
 * @weight: its weight: lower weights run first; not %G_MININT
 *
 * Sets a plugin's weight (0 unless set): the order among plugins ready to
 * activate, and the priority of the listeners it attaches with
 * %MIBEW_PRIORITY_DEFAULT. Takes effect when the plugin is next
 * activated.
 */
void
mibew_plugin_engine_set_plugin_weight (MibewPluginEngine *self,
                                       const char        *name,
                                       int                weight)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_ENGINE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (weight != G_MININT);

  g_hash_table_insert (self->weights, g_strdup (name), g_memdup2 (&weight, sizeof weight));
}

/**
 * mibew_plugin_engine_set_plugin_config:
 * @self: a #MibewPluginEngine
 * @name: a plugin's `Vendor:Name`
 * @config: (nullable): its configuration, or %NULL for none (an empty
 *   object)
 *
 * Sets a plugin's configuration, Mibew's per-plugin dictionary; the
 * plugin reads it with [method@MibewPlugins.PluginInfo.get_config]. The
 * engine keeps a reference to @config. Takes effect when the plugin is
 * next activated.
 */
void
mibew_plugin_engine_set_plugin_config (MibewPluginEngine *self,
                                       const char        *name,
                                       JsonObject        *config)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_ENGINE (self));
  g_return_if_fail (name != NULL);

  if (config == NULL)
    g_hash_table_remove (self->configs, name);
  else
    g_hash_table_insert (self->configs, g_strdup (name), json_object_ref (config));
}

/* A key file value: JSON when it parses as JSON, a string otherwise. */
static JsonNode *
config_value (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (json_parser_load_from_data (parser, text, -1, NULL) && json_parser_get_root (parser) != NULL)
    return json_node_copy (json_parser_get_root (parser));
  return json_node_init_string (json_node_alloc (), text);
}

/* An error about the value of @key in @group. Group and key names are in
 * any encoding in GKeyFile (and GKeyFile's messages quote them): the
 * message is made valid UTF-8. */
static void
set_value_error (GError     **error,
                 const char  *group,
                 const char  *key,
                 const char  *detail)
{
  g_autofree char *message = g_strdup_printf (_("[%s] %s: %s"), group, key, detail);
  g_autofree char *shown = g_utf8_make_valid (message, -1);

  g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG, shown);
}

/**
 * mibew_plugin_engine_load_config:
 * @self: a #MibewPluginEngine
 * @key_file: the configuration
 * @error: return location for a #GError
 *
 * Reads the plugins' configuration from a key file, which may hold the
 * host's own groups too:
 *
 * ```ini
 * [plugins]
 * # only these may load; leave the key out to enable every plugin found
 * enabled=Demo:Filter;Demo:Microtime;
 *
 * [plugin Demo:Filter]
 * # the plugin's weight (default 0) and whether it may load at all
 * weight=-10
 * enabled=true
 * # every other key goes into the plugin's configuration; a value is
 * # JSON, or a string when it does not parse as JSON
 * words=["darn", "heck"]
 * replacement=*
 * ```
 *
 * Nothing is changed when the file has an error: a value that ends in a
 * lone escape character, a group `[plugin X]`
 * whose X is not a plugin name, a weight that is not an integer.
 *
 * Returns: %TRUE if the configuration was read; %FALSE with @error set
 *   (%MIBEW_PLUGIN_ERROR_INVALID_CONFIG) otherwise
 */
gboolean
mibew_plugin_engine_load_config (MibewPluginEngine  *self,
                                 GKeyFile           *key_file,
                                 GError            **error)
{
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) enabled = NULL;
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) configs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) enabled_flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  {
    g_autofree char *bad_group = NULL;
    g_autofree char *bad_key = NULL;

    if (mibew_key_file_find_trailing_escape (key_file, &bad_group, &bad_key))
      {
        set_value_error (error, bad_group, bad_key, _("the value ends in an escape character"));
        return FALSE;
      }
  }

  if (g_key_file_has_key (key_file, "plugins", "enabled", NULL))
    enabled = g_key_file_get_string_list (key_file, "plugins", "enabled", NULL, NULL);
  if (enabled != NULL)
    for (guint i = 0; enabled[i] != NULL; i++)
      {
        g_strstrip (enabled[i]);
        if (!mibew_plugin_name_is_valid (enabled[i]))
          {
            g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
                         _("[plugins] enabled: “%s” is not a plugin name (Vendor:Name)"), enabled[i]);
            return FALSE;
          }
      }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name;
      g_auto(GStrv) keys = NULL;
      g_autoptr(JsonObject) config = NULL;

      if (!g_str_has_prefix (groups[i], "plugin "))
        continue;
      name = groups[i] + strlen ("plugin ");
      if (!mibew_plugin_name_is_valid (name))
        {
          /* GKeyFile takes group names in any encoding; a message is
           * UTF-8 (found by fuzz/fuzz-config) */
          g_autofree char *shown = g_utf8_make_valid (groups[i], -1);

          g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
                       _("[%s]: “%s” is not a plugin name (Vendor:Name)"), shown,
                       shown + strlen ("plugin "));
          return FALSE;
        }

      config = json_object_new ();
      keys = g_key_file_get_keys (key_file, groups[i], NULL, NULL);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autoptr(GError) local_error = NULL;

          if (strcmp (keys[k], "weight") == 0)
            {
              int weight = g_key_file_get_integer (key_file, groups[i], keys[k], &local_error);

              if (local_error != NULL || weight == G_MININT)
                {
                  g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
                               _("[%s] weight: not an integer weight"), groups[i]);
                  return FALSE;
                }
              g_hash_table_insert (weights, g_strdup (name), g_memdup2 (&weight, sizeof weight));
            }
          else if (strcmp (keys[k], "enabled") == 0)
            {
              gboolean on = g_key_file_get_boolean (key_file, groups[i], keys[k], &local_error);

              if (local_error != NULL)
                {
                  g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
                               _("[%s] enabled: not true or false"), groups[i]);
                  return FALSE;
                }
              g_hash_table_insert (enabled_flags, g_strdup (name), GINT_TO_POINTER (on));
            }
          else
            {
              g_autofree char *text = g_key_file_get_string (key_file, groups[i], keys[k], &local_error);

              if (text == NULL)
                {
                  set_value_error (error, groups[i], keys[k], local_error->message);
                  return FALSE;
                }
              json_object_set_member (config, keys[k], config_value (text));
            }
        }
      g_hash_table_insert (configs, g_strdup (name), g_steal_pointer (&config));
    }

  /* all read: apply */
  if (enabled != NULL)
    mibew_plugin_engine_set_enabled_plugins (self, (const char * const *) enabled);
  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mibew_plugin_engine_set_plugin_weight (self, key, *(int *) value);
  g_hash_table_iter_init (&iter, configs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mibew_plugin_engine_set_plugin_config (self, key, value);
  g_hash_table_iter_init (&iter, enabled_flags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_INT (value))
        g_hash_table_remove (self->disabled, key);
      else
        g_hash_table_add (self->disabled, g_strdup (key));
    }
  return TRUE;
}

/**
 * mibew_plugin_engine_load_config_file:
 * @self: a #MibewPluginEngine
 * @path: (type filename): a key file
 * @error: return location for a #GError
 *
 * Reads the plugins' configuration from a file, as
 * [method@MibewPlugins.PluginEngine.load_config] does.
 *
 * Returns: %TRUE if the configuration was read; %FALSE with @error set
 *   otherwise (a #GFileError, a #GKeyFileError, or
 *   %MIBEW_PLUGIN_ERROR_INVALID_CONFIG), its message naming the file
 */
gboolean
mibew_plugin_engine_load_config_file (MibewPluginEngine  *self,
                                      const char         *path,
                                      GError            **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, error) ||
      !mibew_plugin_engine_load_config (self, key_file, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

/**
 * mibew_plugin_engine_load_plugins:
 * @self: a #MibewPluginEngine
 *
 * Looks for plugins in the search path and activates every enabled one
 * that is not active yet, in Mibew's order (see
 * [class@MibewPlugins.PluginEngine]). Plugins that cannot load are
 * skipped and reported ([signal@MibewPlugins.PluginEngine::plugin-failed],
 * [method@MibewPlugins.PluginEngine.get_failures]); the others run.
 *
 * It may be called again, after a change of configuration or a new
 * plugin directory: plugins already active stay as they are. A plugin
 * whose module failed to load is not tried again.
 *
 * Returns: how many plugins this call activated
 */
guint
mibew_plugin_engine_load_plugins (MibewPluginEngine *self)
{
  g_autoptr(MibewPluginGraph) graph = mibew_plugin_graph_new ();
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint activated = 0;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), 0);

  g_ptr_array_set_size (self->failures, 0);
  scan (self);

  /* a copy: a plugin that calls load_plugins() again while it activates
   * may add entries */
  entries = g_ptr_array_copy (self->entries, NULL, NULL);
  g_ptr_array_set_free_func (entries, NULL);      /* the copy took ours */

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      gboolean active = mibew_plugin_info_get_state (entry->info) == MIBEW_PLUGIN_STATE_ACTIVE;
      guint node;

      if (!active)
        configure (self, entry);
      if (!entry_is_first_of_its_name (self, entry))
        continue;
      node = mibew_plugin_graph_add (graph, entry_name (entry), entry->has_version ? &entry->version : NULL,
                                     mibew_plugin_info_get_weight (entry->info), entry_is_enabled (self, entry));
      mibew_plugin_graph_add_dependencies (graph, node, mibew_plugin_info_get_parsed_dependencies (entry->info));
      if (active)
        continue;
      if (entry->invalid != NULL)
        mibew_plugin_graph_fail (graph, node, g_error_copy (entry->invalid));
      else if (entry->load_error != NULL)
        mibew_plugin_graph_fail (graph, node, g_error_copy (entry->load_error));
    }
  order = mibew_plugin_graph_resolve (graph);

  /* what the rules skip */
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      const GError *error = NULL;

      if (mibew_plugin_info_get_state (entry->info) == MIBEW_PLUGIN_STATE_ACTIVE)
        continue;
      if (!entry_is_enabled (self, entry))
        {
          mibew_plugin_info_set_state (entry->info, MIBEW_PLUGIN_STATE_DISABLED, NULL);
          continue;
        }
      if (entry_is_first_of_its_name (self, entry))
        error = mibew_plugin_graph_get_error (graph, mibew_plugin_graph_lookup (graph, entry_name (entry)));
      else
        error = entry->invalid;
      if (error != NULL)
        fail_entry (self, entry, error);
      else
        mibew_plugin_info_set_state (entry->info, MIBEW_PLUGIN_STATE_INACTIVE, NULL);
    }

  /* the rest, in order; a dependency may still fail to load or activate */
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = mibew_plugin_graph_get_name (graph, g_array_index (order, guint, i));
      Entry *entry = g_hash_table_lookup (self->by_name, name);
      GPtrArray *deps = mibew_plugin_info_get_parsed_dependencies (entry->info);
      g_autoptr(GError) error = NULL;

      if (mibew_plugin_info_get_state (entry->info) != MIBEW_PLUGIN_STATE_INACTIVE)
        continue;
      for (guint d = 0; deps != NULL && d < deps->len && error == NULL; d++)
        {
          const MibewPluginDependency *dep = g_ptr_array_index (deps, d);
          Entry *other = g_hash_table_lookup (self->by_name, dep->name);

          if (other == NULL || mibew_plugin_info_get_state (other->info) != MIBEW_PLUGIN_STATE_ACTIVE)
            {
              g_autofree char *wanted = mibew_plugin_dependency_to_string (dep);

              error = g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                                   _("Depends on “%s”, which was skipped"), wanted);
            }
        }
      if (error != NULL)
        {
          fail_entry (self, entry, error);
          continue;
        }
      activate (self, entry);
      if (mibew_plugin_info_get_state (entry->info) == MIBEW_PLUGIN_STATE_ACTIVE)
        activated++;
    }
  return activated;
}

/**
 * mibew_plugin_engine_deactivate_plugin:
 * @self: a #MibewPluginEngine
 * @name: a plugin's `Vendor:Name`
 * @error: return location for a #GError
 *
 * Deactivates an active plugin, and first the active plugins that depend
 * on it: each one's [method@MibewPlugins.Plugin.deactivate] runs, then
 * every listener it attached is detached. Deactivating a plugin that is
 * not active does nothing. It stays inactive until the next
 * [method@MibewPlugins.PluginEngine.load_plugins], which activates every
 * enabled plugin: to keep it off, disable it
 * ([method@MibewPlugins.PluginEngine.set_enabled_plugins]).
 *
 * Returns: %TRUE if the plugin is not active now; %FALSE with @error set
 *   to %MIBEW_PLUGIN_ERROR_UNKNOWN_PLUGIN if no plugin of that name was
 *   found
 */
gboolean
mibew_plugin_engine_deactivate_plugin (MibewPluginEngine  *self,
                                       const char         *name,
                                       GError            **error)
{
  Entry *entry;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = g_hash_table_lookup (self->by_name, name);
  if (entry == NULL)
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_UNKNOWN_PLUGIN,
                   _("No plugin named “%s” was found"), name);
      return FALSE;
    }
  if (mibew_plugin_info_get_state (entry->info) == MIBEW_PLUGIN_STATE_ACTIVE)
    deactivate_with_dependents (self, entry);
  return TRUE;
}

/**
 * mibew_plugin_engine_unload_plugins:
 * @self: a #MibewPluginEngine
 *
 * Deactivates every active plugin, in the reverse order of their
 * activation, detaching all their listeners. Disposing of the engine
 * does the same.
 */
void
mibew_plugin_engine_unload_plugins (MibewPluginEngine *self)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_ENGINE (self));

  while (self->active->len > 0)
    deactivate (self, g_ptr_array_index (self->active, self->active->len - 1));
}

/**
 * mibew_plugin_engine_get_plugins:
 * @self: a #MibewPluginEngine
 *
 * Gets every plugin found so far, in the order of the search path.
 *
 * Returns: (transfer container) (element-type MibewPluginInfo): the
 *   plugins
 */
GPtrArray *
mibew_plugin_engine_get_plugins (MibewPluginEngine *self)
{
  GPtrArray *plugins;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  plugins = g_ptr_array_new_full (self->entries->len, g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (plugins, g_object_ref (((Entry *) g_ptr_array_index (self->entries, i))->info));
  return plugins;
}

/**
 * mibew_plugin_engine_get_plugin:
 * @self: a #MibewPluginEngine
 * @name: a plugin's `Vendor:Name`
 *
 * Looks a plugin up by name (the first found of that name).
 *
 * Returns: (transfer none) (nullable): the plugin, or %NULL if none of
 *   that name was found
 */
MibewPluginInfo *
mibew_plugin_engine_get_plugin (MibewPluginEngine *self,
                                const char        *name)
{
  Entry *entry;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (self->by_name, name);
  return entry != NULL ? entry->info : NULL;
}

/**
 * mibew_plugin_engine_get_active_plugins:
 * @self: a #MibewPluginEngine
 *
 * Gets the names of the active plugins, in the order they were
 * activated.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names
 */
char **
mibew_plugin_engine_get_active_plugins (MibewPluginEngine *self)
{
  GStrvBuilder *builder;
  char **names;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->active->len; i++)
    g_strv_builder_add (builder, entry_name (g_ptr_array_index (self->active, i)));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/**
 * mibew_plugin_engine_get_failures:
 * @self: a #MibewPluginEngine
 *
 * Gets what the last [method@MibewPlugins.PluginEngine.load_plugins]
 * skipped, one `Vendor:Name: reason` line per plugin, in the order they
 * were reported, such as `Demo:Microtime: Depends on “Demo:Filter >=2.0”,
 * but Demo:Filter is version 1.2.0`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the failures, empty
 *   when every enabled plugin is active
 */
char **
mibew_plugin_engine_get_failures (MibewPluginEngine *self)
{
  GStrvBuilder *builder;
  char **failures;

  g_return_val_if_fail (MIBEW_IS_PLUGIN_ENGINE (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->failures->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->failures, i));
  failures = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return failures;
}
