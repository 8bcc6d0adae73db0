/* mibew-plugin-enums.h: enumerations of the plugin engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * MibewPluginState:
 * @MIBEW_PLUGIN_STATE_INACTIVE: found and enabled, but not active: not
 *   loaded yet, or deactivated
 * @MIBEW_PLUGIN_STATE_DISABLED: found, but not enabled (see
 *   mibew_plugin_engine_set_enabled_plugins()); never loaded
 * @MIBEW_PLUGIN_STATE_ACTIVE: activated; its listeners are attached
 * @MIBEW_PLUGIN_STATE_FAILED: skipped, for the reason
 *   mibew_plugin_info_get_failure() gives
 *
 * Where a plugin the engine found stands.
 */
typedef enum {
  MIBEW_PLUGIN_STATE_INACTIVE,
  MIBEW_PLUGIN_STATE_DISABLED,
  MIBEW_PLUGIN_STATE_ACTIVE,
  MIBEW_PLUGIN_STATE_FAILED,
} MibewPluginState;

G_END_DECLS
