/* mibew-plugin-info.h: what the engine knows about one plugin
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-plugin-enums.h"
#include "mibew-plugin.h"
#include "mibew-plugins-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_PLUGIN_INFO (mibew_plugin_info_get_type ())

MIBEW_PLUGINS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewPluginInfo, mibew_plugin_info, MIBEW, PLUGIN_INFO, GObject)

MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_name          (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_version       (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_display_name  (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_description   (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_module_name   (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_module_dir    (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char * const *mibew_plugin_info_get_dependencies  (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
int                 mibew_plugin_info_get_weight        (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
JsonObject         *mibew_plugin_info_get_config        (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewPluginState    mibew_plugin_info_get_state         (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char         *mibew_plugin_info_get_failure       (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const GError       *mibew_plugin_info_get_error         (MibewPluginInfo *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewPlugin        *mibew_plugin_info_get_plugin        (MibewPluginInfo *self);

G_END_DECLS
