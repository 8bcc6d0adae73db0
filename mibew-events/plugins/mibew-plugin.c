/* mibew-plugin.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-plugin.h"
#include "mibew-plugin-info-private.h"

/**
 * MibewPlugin:
 *
 * The interface a plugin implements: [method@MibewPlugins.Plugin.activate]
 * attaches its listeners, [method@MibewPlugins.Plugin.deactivate] undoes
 * the rest. A [class@MibewPlugins.PluginEngine] finds plugins through
 * libpeas (`.plugin` files; C modules and Python 3), creates one
 * `MibewPlugin` per plugin and activates it with the dispatcher.
 *
 * While a plugin is being activated, the engine has pushed its name and
 * weight on the dispatcher (see
 * [method@MibewEvents.EventDispatcher.push_owner]): every listener it
 * attaches belongs to it, and one attached with
 * %MIBEW_PRIORITY_DEFAULT gets the plugin's weight as its priority, as a
 * Mibew plugin's listeners do. When the plugin is deactivated, the engine
 * calls [method@MibewPlugins.Plugin.deactivate] and then detaches every
 * listener the plugin attached, whether the plugin did so itself or not.
 * Listeners attached later, outside activate(), and handlers connected
 * to the category objects with g_signal_connect() are not the engine's
 * to detach.
 *
 * The plugin's name, version, weight and configuration are in its
 * [class@MibewPlugins.PluginInfo] ([method@MibewPlugins.Plugin.get_info]),
 * set before activate() is called.
 *
 * A plugin in C, `Demo:Filter`, in a shared module `libdemo-filter.so`
 * next to its `demo-filter.plugin` file:
 *
 * ```c
 * #if __has_include (<libpeas.h>)
 * #include <libpeas.h>          // libpeas-2
 * #else
 * #include <libpeas/peas.h>     // libpeas 1.x
 * #endif
 * #include <mibew-plugins/mibew-plugins.h>
 *
 * G_DECLARE_FINAL_TYPE (DemoFilter, demo_filter, DEMO, FILTER, GObject)
 *
 * struct _DemoFilter { GObject parent_instance; };
 *
 * static void demo_filter_plugin_init (MibewPluginInterface *iface);
 *
 * G_DEFINE_DYNAMIC_TYPE_EXTENDED (DemoFilter, demo_filter, G_TYPE_OBJECT, 0,
 *                                 G_IMPLEMENT_INTERFACE_DYNAMIC (MIBEW_TYPE_PLUGIN,
 *                                                                demo_filter_plugin_init))
 *
 * static char *
 * on_post_message (MibewThreadEvents *thread, MibewPostMessageArgs *args, gpointer user_data)
 * {
 *   return g_strdup ("[filtered]");   // the new message body
 * }
 *
 * static gboolean
 * demo_filter_activate (MibewPlugin *plugin, MibewEventDispatcher *dispatcher, GError **error)
 * {
 *   return mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage",
 *                                                  MIBEW_PRIORITY_DEFAULT,
 *                                                  G_CALLBACK (on_post_message),
 *                                                  NULL, NULL, error) != 0;
 * }
 *
 * static void
 * demo_filter_plugin_init (MibewPluginInterface *iface)
 * {
 *   iface->activate = demo_filter_activate;
 * }
 *
 * static void demo_filter_class_init (DemoFilterClass *klass) {}
 * static void demo_filter_class_finalize (DemoFilterClass *klass) {}
 * static void demo_filter_init (DemoFilter *self) {}
 *
 * G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);
 *
 * void
 * peas_register_types (PeasObjectModule *module)
 * {
 *   demo_filter_register_type (G_TYPE_MODULE (module));
 *   peas_object_module_register_extension_type (module, MIBEW_TYPE_PLUGIN,
 *                                               demo_filter_get_type ());
 * }
 * ```
 *
 * The same in Python 3 (`Loader=python3` in the `.plugin` file, or
 * `Loader=python` when the engine is built on libpeas-2). A
 * `do_activate` that raises refuses to activate, and its exception is the
 * reason reported; returning nothing counts as success:
 *
 * ```python
 * import gi
 * gi.require_version('MibewEvents', '1.0')
 * gi.require_version('MibewPlugins', '1.0')
 * from gi.repository import GObject, MibewEvents, MibewPlugins
 *
 * class Filter(GObject.Object, MibewPlugins.Plugin):
 *     def do_activate(self, dispatcher):
 *         words = self.get_info().config_dict().get('words', [])
 *         dispatcher.attach_listener('threadPostMessage', MibewEvents.PRIORITY_DEFAULT,
 *                                    lambda thread, args: '[filtered]')
 *
 *     def do_deactivate(self):
 *         pass
 * ```
 */

G_DEFINE_INTERFACE (MibewPlugin, mibew_plugin, G_TYPE_OBJECT)

static GQuark info_quark;

static gboolean
mibew_plugin_real_activate (MibewPlugin           *self,
                            MibewEventDispatcher  *dispatcher,
                            GError               **error)
{
  return TRUE;
}

static void
mibew_plugin_real_deactivate (MibewPlugin *self)
{
}

static void
mibew_plugin_default_init (MibewPluginInterface *iface)
{
  info_quark = g_quark_from_static_string ("mibew-plugin-info");
  iface->activate = mibew_plugin_real_activate;
  iface->deactivate = mibew_plugin_real_deactivate;
}

/**
 * mibew_plugin_activate: (virtual activate)
 * @self: a #MibewPlugin
 * @dispatcher: the dispatcher to attach the plugin's listeners to
 * @error: return location for a #GError
 *
 * Activates the plugin: it attaches its listeners to @dispatcher. The
 * engine calls it, with the plugin's name and weight pushed on
 * @dispatcher (see [method@MibewEvents.EventDispatcher.push_owner]), after
 * the plugins it depends on; hosts do not call it themselves.
 *
 * A plugin that cannot work (a bad configuration, a missing resource)
 * returns %FALSE with @error set: the engine reports @error's message as
 * the reason, detaches whatever the plugin attached already, and skips it
 * and the plugins that depend on it. A Python plugin raises instead.
 *
 * Returns: %TRUE if the plugin is active; %FALSE with @error set if it
 *   refused
 */
gboolean
mibew_plugin_activate (MibewPlugin           *self,
                       MibewEventDispatcher  *dispatcher,
                       GError               **error)
{
  MibewPluginInterface *iface;

  g_return_val_if_fail (MIBEW_IS_PLUGIN (self), FALSE);
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (dispatcher), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = MIBEW_PLUGIN_GET_IFACE (self);
  g_return_val_if_fail (iface->activate != NULL, FALSE);
  return iface->activate (self, dispatcher, error);
}

/**
 * mibew_plugin_deactivate: (virtual deactivate)
 * @self: a #MibewPlugin
 *
 * Deactivates the plugin: it releases what it holds besides its
 * listeners. The engine calls it before the plugins this one depends on
 * are deactivated, and detaches the plugin's listeners right after, so a
 * plugin need not keep their ids.
 */
void
mibew_plugin_deactivate (MibewPlugin *self)
{
  MibewPluginInterface *iface;

  g_return_if_fail (MIBEW_IS_PLUGIN (self));

  iface = MIBEW_PLUGIN_GET_IFACE (self);
  if (iface->deactivate != NULL)
    iface->deactivate (self);
}

/**
 * mibew_plugin_get_info:
 * @self: a #MibewPlugin
 *
 * Gets what the engine knows about the plugin: its name, version, weight
 * and configuration ([method@MibewPlugins.PluginInfo.get_config]). The
 * engine sets it before calling [method@MibewPlugins.Plugin.activate].
 *
 * Returns: (transfer none) (nullable): the plugin's info, or %NULL for a
 *   plugin no engine created
 */
MibewPluginInfo *
mibew_plugin_get_info (MibewPlugin *self)
{
  g_return_val_if_fail (MIBEW_IS_PLUGIN (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), info_quark);
}

/* The plugin holds its info; the info holds the plugin only while it is
 * active, so the two do not keep each other alive. */
void
mibew_plugin_set_info (MibewPlugin     *self,
                       MibewPluginInfo *info)
{
  g_return_if_fail (MIBEW_IS_PLUGIN (self));

  g_object_set_qdata_full (G_OBJECT (self), info_quark,
                           info != NULL ? g_object_ref (info) : NULL, g_object_unref);
}
