/* mibew-plugin-engine.h: loads plugins (libpeas) into a dispatcher
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <mibew-events/mibew-events.h>

#include "mibew-plugin-info.h"
#include "mibew-plugins-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_PLUGIN_ENGINE (mibew_plugin_engine_get_type ())

MIBEW_PLUGINS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewPluginEngine, mibew_plugin_engine, MIBEW, PLUGIN_ENGINE, GObject)

MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewPluginEngine    *mibew_plugin_engine_new                    (MibewEventDispatcher *dispatcher);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewEventDispatcher *mibew_plugin_engine_get_dispatcher         (MibewPluginEngine    *self);

MIBEW_PLUGINS_AVAILABLE_IN_ALL
void                  mibew_plugin_engine_add_search_path        (MibewPluginEngine    *self,
                                                                  const char           *path);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
char                **mibew_plugin_engine_get_search_path        (MibewPluginEngine    *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
char                **mibew_plugin_engine_get_default_search_path (void);

MIBEW_PLUGINS_AVAILABLE_IN_ALL
void                  mibew_plugin_engine_set_enabled_plugins    (MibewPluginEngine    *self,
                                                                  const char * const   *names);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
const char * const   *mibew_plugin_engine_get_enabled_plugins    (MibewPluginEngine    *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
void                  mibew_plugin_engine_set_plugin_weight      (MibewPluginEngine    *self,
                                                                  const char           *name,
                                                                  int                   weight);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
void                  mibew_plugin_engine_set_plugin_config      (MibewPluginEngine    *self,
                                                                  const char           *name,
                                                                  JsonObject           *config);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
gboolean              mibew_plugin_engine_load_config            (MibewPluginEngine    *self,
                                                                  GKeyFile             *key_file,
                                                                  GError              **error);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
gboolean              mibew_plugin_engine_load_config_file       (MibewPluginEngine    *self,
                                                                  const char           *path,
                                                                  GError              **error);

MIBEW_PLUGINS_AVAILABLE_IN_ALL
guint                 mibew_plugin_engine_load_plugins           (MibewPluginEngine    *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
gboolean              mibew_plugin_engine_deactivate_plugin      (MibewPluginEngine    *self,
                                                                  const char           *name,
                                                                  GError              **error);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
void                  mibew_plugin_engine_unload_plugins         (MibewPluginEngine    *self);

MIBEW_PLUGINS_AVAILABLE_IN_ALL
GPtrArray            *mibew_plugin_engine_get_plugins            (MibewPluginEngine    *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
MibewPluginInfo      *mibew_plugin_engine_get_plugin             (MibewPluginEngine    *self,
                                                                  const char           *name);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
char                **mibew_plugin_engine_get_active_plugins     (MibewPluginEngine    *self);
MIBEW_PLUGINS_AVAILABLE_IN_ALL
char                **mibew_plugin_engine_get_failures           (MibewPluginEngine    *self);

G_END_DECLS
