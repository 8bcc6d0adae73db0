/* mibew-plugin-error.h: the MIBEW_PLUGIN_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <glib.h>

#include "mibew-plugins-version-macros.h"

G_BEGIN_DECLS

/**
 * MIBEW_PLUGIN_ERROR:
 *
 * The error domain of the plugin engine. Errors in this domain are from
 * the #MibewPluginError enumeration.
 */
#define MIBEW_PLUGIN_ERROR (mibew_plugin_error_quark ())

/**
 * MibewPluginError:
 * @MIBEW_PLUGIN_ERROR_INVALID_INFO: the plugin's `.plugin` file lacks a
 *   Mibew key or has a malformed one (`X-Mibew-Name`,
 *   `X-Mibew-Dependencies`)
 * @MIBEW_PLUGIN_ERROR_INVALID_VERSION: a version (`X-Mibew-Version`) or a
 *   version constraint (in `X-Mibew-Dependencies`) does not parse
 * @MIBEW_PLUGIN_ERROR_DUPLICATE: another plugin found earlier in the
 *   search path has the same `Vendor:Name`
 * @MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY: a dependency was not found
 * @MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY: a dependency is not enabled
 * @MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION: a dependency's version is
 *   outside the plugin's constraint
 * @MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED: a dependency was skipped or
 *   failed to load or activate
 * @MIBEW_PLUGIN_ERROR_CYCLE: the plugin is part of a dependency cycle;
 *   the message names the cycle
 * @MIBEW_PLUGIN_ERROR_LOAD_FAILED: the plugin's module could not be
 *   loaded (a C module that does not link, a Python module that raises on
 *   import) or provides no #MibewPlugin
 * @MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED: the plugin's
 *   mibew_plugin_activate() failed (returned %FALSE, or a Python plugin
 *   raised)
 * @MIBEW_PLUGIN_ERROR_UNKNOWN_PLUGIN: no plugin of that name was found
 * @MIBEW_PLUGIN_ERROR_INVALID_CONFIG: the plugin configuration is
 *   malformed (a bad weight, a configuration file that does not parse)
 *
 * Error codes in the %MIBEW_PLUGIN_ERROR domain. The engine reports the
 * first eight for plugins it skips, see #MibewPluginEngine::plugin-failed.
 */
typedef enum {
  MIBEW_PLUGIN_ERROR_INVALID_INFO,
  MIBEW_PLUGIN_ERROR_INVALID_VERSION,
  MIBEW_PLUGIN_ERROR_DUPLICATE,
  MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY,
  MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY,
  MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION,
  MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
  MIBEW_PLUGIN_ERROR_CYCLE,
  MIBEW_PLUGIN_ERROR_LOAD_FAILED,
  MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
  MIBEW_PLUGIN_ERROR_UNKNOWN_PLUGIN,
  MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
} MibewPluginError;

MIBEW_PLUGINS_AVAILABLE_IN_ALL
GQuark mibew_plugin_error_quark (void);

G_END_DECLS
