/* mibew-plugin-options-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-plugin-options-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewPluginOptionsArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  JsonObject *plugins;
};

G_DEFINE_FINAL_TYPE (MibewPluginOptionsArgs, mibew_plugin_options_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_plugin_options_args);

enum {
  FIELD_REQUEST,
  FIELD_PLUGINS,
};

static const MibewArgField fields[] = {
  { "request", "request", MIBEW_ARG_RECORD, mibew_request_get_type,
    G_STRUCT_OFFSET (MibewPluginOptionsArgs, request), 0, MIBEW_FOLD_NONE,
    "The request of the page" },
  { "plugins", "plugins", MIBEW_ARG_DICT, NULL,
    G_STRUCT_OFFSET (MibewPluginOptionsArgs, plugins), MIBEW_ARG_LAZY | MIBEW_ARG_USED, MIBEW_FOLD_MERGE,
    "Options of JavaScript plugins, by plugin name" },
};

/**
 * MibewPluginOptionsArgs:request:
 *
 * The request of the page (`request`).
 */
/**
 * MibewPluginOptionsArgs:plugins:
 *
 * The options of the JavaScript plugins (`plugins`), a JSON object mapping a
 * plugin's name to its options; it starts empty. Listeners change it in
 * place, or return an object that is merged into it, later keys winning.
 */

static void
mibew_plugin_options_args_class_init (MibewPluginOptionsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_plugin_options_args, klass);
}

static void
mibew_plugin_options_args_init (MibewPluginOptionsArgs *self)
{
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_PLUGIN_OPTIONS_ARGS,
                                           (gconstpointer[]) { &request, &plugins });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_plugin_options_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_plugin_options_args));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST, &request);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_plugin_options_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_PLUGINS);
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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_plugin_options_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_PLUGINS, &plugins);
}
