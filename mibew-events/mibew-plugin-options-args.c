/* mibew-plugin-options-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-json-private.h"

#include "mibew-plugin-options-args.h"

/**
 * MibewPluginOptionsArgs:
 *
 * The arguments of `pageAddJsPluginOptions`
 * ([signal@MibewEvents.PageEvents::add-js-plugin-options]): the options of
 * JavaScript plugins about to be attached to a page, so plugins can pass data
 * to the client side.
 *
 * #MibewPluginOptionsArgs:plugins starts empty. Listeners change it in place,
 * or return a #JsonObject from the signal, whose members are merged into it
 * (later keys win). The result becomes an inline script that sets
 * `Mibew.PluginOptions`.
 *
 * JSON form: `{"request": Request, "plugins": {name: options}}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewPluginOptionsArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  JsonObject *plugins;
};

G_DEFINE_FINAL_TYPE (MibewPluginOptionsArgs, mibew_plugin_options_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_PLUGINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_plugin_options_args_fold_return (MibewEventArgs *args,
                                       gpointer        value)
{
  MibewPluginOptionsArgs *self = MIBEW_PLUGIN_OPTIONS_ARGS (args);
  g_autoptr(JsonObject) plugins = value;

  /* A listener returning the object itself adds nothing. */
  if (plugins != NULL && plugins != self->plugins)
    mibew_json_object_merge (self->plugins, plugins);
}

static void
mibew_plugin_options_args_finalize (GObject *object)
{
  MibewPluginOptionsArgs *self = MIBEW_PLUGIN_OPTIONS_ARGS (object);

  g_clear_object (&self->request);
  g_clear_pointer (&self->plugins, json_object_unref);

  G_OBJECT_CLASS (mibew_plugin_options_args_parent_class)->finalize (object);
}

static void
mibew_plugin_options_args_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  MibewPluginOptionsArgs *self = MIBEW_PLUGIN_OPTIONS_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_PLUGINS:
      g_value_set_boxed (value, self->plugins);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_plugin_options_args_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  MibewPluginOptionsArgs *self = MIBEW_PLUGIN_OPTIONS_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      mibew_plugin_options_args_set_request (self, g_value_get_object (value));
      break;
    case PROP_PLUGINS:
      mibew_plugin_options_args_set_plugins (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_plugin_options_args_class_init (MibewPluginOptionsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_plugin_options_args_finalize;
  object_class->get_property = mibew_plugin_options_args_get_property;
  object_class->set_property = mibew_plugin_options_args_set_property;

  args_class->return_type = JSON_TYPE_OBJECT;
  args_class->fold_return = mibew_plugin_options_args_fold_return;

  /**
   * MibewPluginOptionsArgs:request:
   *
   * The request of the page (`request`).
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, MIBEW_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewPluginOptionsArgs:plugins:
   *
   * The options of the JavaScript plugins (`plugins`), a JSON object mapping a
   * plugin's name to its options; it starts empty. Listeners change it in
   * place, or return an object that is merged into it, later keys winning.
   */
  properties[PROP_PLUGINS] =
    g_param_spec_boxed ("plugins", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_plugin_options_args_init (MibewPluginOptionsArgs *self)
{
  self->plugins = json_object_new ();
}

/**
 * mibew_plugin_options_args_new:
 * @request: (nullable): the request
 * @plugins: (nullable): the options of the plugins; %NULL for an empty object
 *
 * Creates the arguments of `pageAddJsPluginOptions`.
 *
 * Returns: (transfer full): new arguments
 */
MibewPluginOptionsArgs *
mibew_plugin_options_args_new (MibewRequest *request,
                               JsonObject   *plugins)
{
  MibewPluginOptionsArgs *self = g_object_new (MIBEW_TYPE_PLUGIN_OPTIONS_ARGS, NULL);

  mibew_plugin_options_args_set_request (self, request);
  if (plugins != NULL)
    mibew_plugin_options_args_set_plugins (self, plugins);
  return self;
}

/**
 * mibew_plugin_options_args_get_request:
 * @self: a #MibewPluginOptionsArgs
 *
 * Gets the request.
 *
 * Returns: (transfer none) (nullable): the request
 */
MibewRequest *
mibew_plugin_options_args_get_request (MibewPluginOptionsArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_OPTIONS_ARGS (self), NULL);

  return self->request;
}

/**
 * mibew_plugin_options_args_set_request:
 * @self: a #MibewPluginOptionsArgs
 * @request: (nullable): the request
 *
 * Sets the request.
 */
void
mibew_plugin_options_args_set_request (MibewPluginOptionsArgs *self,
                                       MibewRequest           *request)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_OPTIONS_ARGS (self));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  g_set_object (&self->request, request);
}

/**
 * mibew_plugin_options_args_get_plugins:
 * @self: a #MibewPluginOptionsArgs
 *
 * Gets the options of the plugins, a live object: changes to it are seen by
 * later listeners and the emitter.
 *
 * Returns: (transfer none): the options of the plugins
 */
JsonObject *
mibew_plugin_options_args_get_plugins (MibewPluginOptionsArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN_OPTIONS_ARGS (self), NULL);

  return self->plugins;
}

/**
 * mibew_plugin_options_args_set_plugins:
 * @self: a #MibewPluginOptionsArgs
 * @plugins: (nullable): the new object, shared; %NULL for an empty object
 *
 * Replaces the options of the plugins.
 */
void
mibew_plugin_options_args_set_plugins (MibewPluginOptionsArgs *self,
                                       JsonObject             *plugins)
{
  g_return_if_fail (MIBEW_IS_PLUGIN_OPTIONS_ARGS (self));

  if (plugins == self->plugins)
    return;
  g_clear_pointer (&self->plugins, json_object_unref);
  self->plugins = plugins != NULL ? json_object_ref (plugins)
                                  : json_object_new ();
}
