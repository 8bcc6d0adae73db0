/* mibew-plugin-info-private.h: what the engine sets on a plugin's info
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "mibew-plugin-info.h"
#include "mibew-semver-private.h"

G_BEGIN_DECLS

MibewPluginInfo *mibew_plugin_info_new            (const char       *name,
                                                   const char       *version,
                                                   const char       *display_name,
                                                   const char       *description,
                                                   const char       *module_name,
                                                   const char       *module_dir,
                                                   GPtrArray        *dependencies);
void             mibew_plugin_info_set_weight     (MibewPluginInfo  *self,
                                                   int               weight);
void             mibew_plugin_info_set_config     (MibewPluginInfo  *self,
                                                   JsonObject       *config);
void             mibew_plugin_info_set_state      (MibewPluginInfo  *self,
                                                   MibewPluginState  state,
                                                   const GError     *error);
void             mibew_plugin_info_set_plugin     (MibewPluginInfo  *self,
                                                   MibewPlugin      *plugin);
GPtrArray       *mibew_plugin_info_get_parsed_dependencies (MibewPluginInfo *self);

void             mibew_plugin_set_info            (MibewPlugin      *self,
                                                   MibewPluginInfo  *info);

G_END_DECLS
