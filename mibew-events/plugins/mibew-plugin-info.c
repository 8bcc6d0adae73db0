/* mibew-plugin-info.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-plugin-enum-types.h"
#include "mibew-plugin-graph-private.h"
#include "mibew-plugin-info-private.h"

/**
 * MibewPluginInfo:
 *
 * What a [class@MibewPlugins.PluginEngine] knows about one plugin it
 * found: the keys of its `.plugin` file, the weight and configuration the
 * host gave it, and where it stands ([property@MibewPlugins.PluginInfo:state]):
 * active, disabled, or skipped and why.
 *
 * A plugin reads its own with [method@MibewPlugins.Plugin.get_info]; a
 * host with [method@MibewPlugins.PluginEngine.get_plugins] and
 * [method@MibewPlugins.PluginEngine.get_plugin]. Only the engine changes
 * it.
 *
 * The `.plugin` file is a key file read by libpeas; the engine uses these
 * keys of its `[Plugin]` group:
 *
 * ```ini
 * [Plugin]
 * Module=demo-filter
 * # C modules need no Loader; Python 3 plugins say Loader=python3
 * Name=Profanity filter
 * Description=Masks listed words in chat messages
 * X-Mibew-Name=Demo:Filter
 * X-Mibew-Version=1.2.0
 * # optional: "Vendor:Name constraint", separated by semicolons
 * X-Mibew-Dependencies=Demo:Base >=1.0; Demo:Other ^2.1 || ^3.0
 * ```
 */
struct _MibewPluginInfo
{
  GObject parent_instance;

  char *name;
  char *version;
  char *display_name;
  char *description;
  char *module_name;
  char *module_dir;
  char **dependencies;
  GPtrArray *parsed_dependencies;       /* MibewPluginDependency */
  int weight;
  JsonObject *config;
  MibewPluginState state;
  GError *error;
  MibewPlugin *plugin;
};

G_DEFINE_FINAL_TYPE (MibewPluginInfo, mibew_plugin_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VERSION,
  PROP_DISPLAY_NAME,
  PROP_DESCRIPTION,
  PROP_MODULE_NAME,
  PROP_MODULE_DIR,
  PROP_DEPENDENCIES,
  PROP_WEIGHT,
  PROP_CONFIG,
  PROP_STATE,
  PROP_FAILURE,
  PROP_PLUGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_plugin_info_finalize (GObject *object)
{
  MibewPluginInfo *self = MIBEW_PLUGIN_INFO (object);

  g_free (self->name);
  g_free (self->version);
  g_free (self->display_name);
  g_free (self->description);
  g_free (self->module_name);
  g_free (self->module_dir);
  g_strfreev (self->dependencies);
  g_clear_pointer (&self->parsed_dependencies, g_ptr_array_unref);
  g_clear_pointer (&self->config, json_object_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->plugin);

  G_OBJECT_CLASS (mibew_plugin_info_parent_class)->finalize (object);
}

static void
mibew_plugin_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MibewPluginInfo *self = MIBEW_PLUGIN_INFO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_MODULE_NAME:
      g_value_set_string (value, self->module_name);
      break;
    case PROP_MODULE_DIR:
      g_value_set_string (value, self->module_dir);
      break;
    case PROP_DEPENDENCIES:
      g_value_set_boxed (value, self->dependencies);
      break;
    case PROP_WEIGHT:
      g_value_set_int (value, self->weight);
      break;
    case PROP_CONFIG:
      g_value_set_boxed (value, self->config);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FAILURE:
      g_value_set_string (value, mibew_plugin_info_get_failure (self));
      break;
    case PROP_PLUGIN:
      g_value_set_object (value, self->plugin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_plugin_info_class_init (MibewPluginInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mibew_plugin_info_finalize;
  object_class->get_property = mibew_plugin_info_get_property;

  /**
   * MibewPluginInfo:name: (getter get_name)
   *
   * The plugin's `Vendor:Name` (`X-Mibew-Name`); for a plugin file without
   * a valid one, its module name.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:version: (getter get_version)
   *
   * The plugin's version as written (`X-Mibew-Version`).
   */
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:display-name: (getter get_display_name)
   *
   * The name for people (`Name`).
   */
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:description: (getter get_description)
   *
   * What the plugin does (`Description`).
   */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:module-name: (getter get_module_name)
   *
   * The plugin's module (`Module`): the C library `lib<module>.so` or the
   * Python module next to the `.plugin` file.
   */
  properties[PROP_MODULE_NAME] = g_param_spec_string ("module-name", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:module-dir: (getter get_module_dir)
   *
   * The directory holding the `.plugin` file and the module.
   */
  properties[PROP_MODULE_DIR] = g_param_spec_string ("module-dir", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:dependencies: (getter get_dependencies)
   *
   * The plugins this one needs, one `Vendor:Name constraint` each, as
   * written in `X-Mibew-Dependencies`.
   */
  properties[PROP_DEPENDENCIES] = g_param_spec_boxed ("dependencies", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * MibewPluginInfo:weight: (getter get_weight)
   *
   * The plugin's weight: lower weights activate first (after
   * dependencies), and the default priority of the plugin's listeners
   * (%MIBEW_PRIORITY_DEFAULT). 0 unless the host configured one.
   */
  properties[PROP_WEIGHT] = g_param_spec_int ("weight", NULL, NULL, G_MININT + 1, G_MAXINT, 0, flags);
  /**
   * MibewPluginInfo:config: (getter get_config)
   *
   * The plugin's configuration from the host: a JSON object, empty
   * unless configured.
   */
  properties[PROP_CONFIG] = g_param_spec_boxed ("config", NULL, NULL, JSON_TYPE_OBJECT, flags);
  /**
   * MibewPluginInfo:state: (getter get_state)
   *
   * Where the plugin stands.
   */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, MIBEW_TYPE_PLUGIN_STATE,
                                              MIBEW_PLUGIN_STATE_INACTIVE, flags);
  /**
   * MibewPluginInfo:failure: (getter get_failure)
   *
   * Why the plugin was skipped, while its state is
   * %MIBEW_PLUGIN_STATE_FAILED.
   */
  properties[PROP_FAILURE] = g_param_spec_string ("failure", NULL, NULL, NULL, flags);
  /**
   * MibewPluginInfo:plugin: (getter get_plugin)
   *
   * The plugin object, while the plugin is active.
   */
  properties[PROP_PLUGIN] = g_param_spec_object ("plugin", NULL, NULL, MIBEW_TYPE_PLUGIN, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_plugin_info_init (MibewPluginInfo *self)
{
  self->config = json_object_new ();
}

MibewPluginInfo *
mibew_plugin_info_new (const char *name,
                       const char *version,
                       const char *display_name,
                       const char *description,
                       const char *module_name,
                       const char *module_dir,
                       GPtrArray  *dependencies)
{
  MibewPluginInfo *self = g_object_new (MIBEW_TYPE_PLUGIN_INFO, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();

  self->name = g_strdup (name);
  self->version = g_strdup (version);
  self->display_name = g_strdup (display_name);
  self->description = g_strdup (description);
  self->module_name = g_strdup (module_name);
  self->module_dir = g_strdup (module_dir);
  if (dependencies != NULL)
    {
      self->parsed_dependencies = g_ptr_array_ref (dependencies);
      for (guint i = 0; i < dependencies->len; i++)
        {
          g_autofree char *text = mibew_plugin_dependency_to_string (g_ptr_array_index (dependencies, i));

          g_strv_builder_add (builder, text);
        }
    }
  self->dependencies = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return self;
}

void
mibew_plugin_info_set_weight (MibewPluginInfo *self,
                              int              weight)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_INFO (self));

  if (self->weight == weight)
    return;
  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

/* @config: (nullable): NULL for an empty object */
void
mibew_plugin_info_set_config (MibewPluginInfo *self,
                              JsonObject      *config)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_INFO (self));

  if (config == self->config)
    return;
  g_clear_pointer (&self->config, json_object_unref);
  self->config = config != NULL ? json_object_ref (config) : json_object_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG]);
}

void
mibew_plugin_info_set_state (MibewPluginInfo  *self,
                             MibewPluginState  state,
                             const GError     *error)
{
  gboolean failure_changed;

  g_return_if_fail (MIBEW_IS_PLUGIN_INFO (self));
  g_return_if_fail ((state == MIBEW_PLUGIN_STATE_FAILED) == (error != NULL));

  failure_changed = self->error != NULL || error != NULL;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (failure_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURE]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mibew_plugin_info_set_plugin (MibewPluginInfo *self,
                              MibewPlugin     *plugin)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_INFO (self));

  if (g_set_object (&self->plugin, plugin))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLUGIN]);
}

/* (element-type MibewPluginDependency) (nullable) */
GPtrArray *
mibew_plugin_info_get_parsed_dependencies (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->parsed_dependencies;
}

/**
 * mibew_plugin_info_get_name:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin's `Vendor:Name`.
 *
 * Returns: the name
 */
const char *
mibew_plugin_info_get_name (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->name;
}

/**
 * mibew_plugin_info_get_version:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin's version, as written in its `.plugin` file.
 *
 * Returns: (nullable): the version, or %NULL if the file has none
 */
const char *
mibew_plugin_info_get_version (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->version;
}

/**
 * mibew_plugin_info_get_display_name:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin's name for people (the `Name` key).
 *
 * Returns: the display name
 */
const char *
mibew_plugin_info_get_display_name (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->display_name;
}

/**
 * mibew_plugin_info_get_description:
 * @self: a #MibewPluginInfo
 *
 * Gets what the plugin does (the `Description` key).
 *
 * Returns: (nullable): the description, or %NULL
 */
const char *
mibew_plugin_info_get_description (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->description;
}

/**
 * mibew_plugin_info_get_module_name:
 * @self: a #MibewPluginInfo
 *
 * Gets the name of the plugin's module (the `Module` key).
 *
 * Returns: the module name
 */
const char *
mibew_plugin_info_get_module_name (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->module_name;
}

/**
 * mibew_plugin_info_get_module_dir:
 * @self: a #MibewPluginInfo
 *
 * Gets the directory the plugin was found in.
 *
 * Returns: (type filename): the directory
 */
const char *
mibew_plugin_info_get_module_dir (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->module_dir;
}

/**
 * mibew_plugin_info_get_dependencies:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugins this one needs, each as `Vendor:Name constraint` (just
 * the name when any version will do).
 *
 * Returns: (transfer none) (array zero-terminated=1): the dependencies
 */
const char * const *
mibew_plugin_info_get_dependencies (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return (const char * const *) self->dependencies;
}

/**
 * mibew_plugin_info_get_weight:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin's weight, the default priority of its listeners.
 *
 * Returns: the weight
 */
int
mibew_plugin_info_get_weight (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), 0);

  return self->weight;
}

/**
 * mibew_plugin_info_get_config:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin's configuration, as the host gave it (see
 * [method@MibewPlugins.PluginEngine.set_plugin_config] and
 * [method@MibewPlugins.PluginEngine.load_config]). Treat it as read-only.
 *
 * Returns: (transfer none): the configuration, an empty object when there
 *   is none
 */
JsonObject *
mibew_plugin_info_get_config (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->config;
}

/**
 * mibew_plugin_info_get_state:
 * @self: a #MibewPluginInfo
 *
 * Gets where the plugin stands.
 *
 * Returns: the state
 */
MibewPluginState
mibew_plugin_info_get_state (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), MIBEW_PLUGIN_STATE_INACTIVE);

  return self->state;
}

/**
 * mibew_plugin_info_get_failure:
 * @self: a #MibewPluginInfo
 *
 * Gets why the plugin was skipped, such as `Depends on “Demo:Filter
 * >=2.0”, but Demo:Filter is version 1.2.0`.
 *
 * Returns: (nullable): the reason, or %NULL unless the state is
 *   %MIBEW_PLUGIN_STATE_FAILED
 */
const char *
mibew_plugin_info_get_failure (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->error != NULL ? self->error->message : NULL;
}

/**
 * mibew_plugin_info_get_error:
 * @self: a #MibewPluginInfo
 *
 * Gets why the plugin was skipped, as an error in the
 * %MIBEW_PLUGIN_ERROR domain (the code tells the kind of reason).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL unless the
 *   state is %MIBEW_PLUGIN_STATE_FAILED
 */
const GError *
mibew_plugin_info_get_error (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->error;
}

/**
 * mibew_plugin_info_get_plugin:
 * @self: a #MibewPluginInfo
 *
 * Gets the plugin object while the plugin is active.
 *
 * Returns: (transfer none) (nullable): the plugin, or %NULL
 */
MibewPlugin *
mibew_plugin_info_get_plugin (MibewPluginInfo *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_INFO (self), NULL);

  return self->plugin;
}
