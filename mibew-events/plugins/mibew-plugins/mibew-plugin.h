/* mibew-plugin.h: the interface every plugin implements
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <mibew-events/mibew-events.h>

#include "mibew-plugins-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_PLUGIN (mibew_plugin_get_type ())

MIBEW_PLUGINS_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (MibewPlugin, mibew_plugin, MIBEW, PLUGIN, GObject)

typedef struct _MibewPluginInfo MibewPluginInfo;

/**
 * MibewPluginInterface:
 * @g_iface: the parent interface
 * @activate: attaches the plugin's listeners to the dispatcher; returns
 *   %FALSE with an error set to refuse (a bad configuration, say)
 * @deactivate: undoes what @activate did, other than attaching listeners,
 *   which the engine detaches anyway
 *
 * The virtual methods of #MibewPlugin. Both have defaults that do
 * nothing (and succeed).
 */
struct _MibewPluginInterface
{
  GTypeInterface g_iface;

  gboolean (*activate)   (MibewPlugin           *self,
                          MibewEventDispatcher  *dispatcher,
                          GError               **error);
  void     (*deactivate) (MibewPlugin           *self);

  /*< private >*/
  gpointer padding[8];
};

MIBEW_PLUGINS_AVAILABLE_IN_ALL
gboolean         mibew_plugin_activate   (MibewPlugin           *self,
                                          MibewEventDispatcher  *dispatcher,
                                          GError               **error);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
void             mibew_plugin_deactivate (MibewPlugin           *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewPluginInfo *mibew_plugin_get_info   (MibewPlugin           *self);

G_END_DECLS
