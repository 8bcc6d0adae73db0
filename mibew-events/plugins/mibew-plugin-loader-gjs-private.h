/* mibew-plugin-loader-gjs-private.h: the engine's own loader of
 * JavaScript plugins, in one embedded GJS context
 *
 * libpeas 1.x has no GJS loader. A JavaScript plugin's .plugin file has no
 * Loader key (libpeas 1.x rejects `Loader=gjs`; without one it lists the
 * file as a C plugin, which it is never asked to load) and says
 * `X-Mibew-Loader=gjs`; its module is MODULE.js next to it. The engine
 * asks this file whether a plugin found is one, and has it create the
 * plugin instead of libpeas.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "mibew-plugin.h"

G_BEGIN_DECLS

gboolean     mibew_plugin_loader_gjs_handles (const char  *module_dir,
                                              const char  *module_name);
MibewPlugin *mibew_plugin_loader_gjs_create  (const char  *name,
                                              const char  *module_dir,
                                              const char  *module_name,
                                              GError     **error);

G_END_DECLS
