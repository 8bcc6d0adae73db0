/* mibew-plugin-backend-private.h: what the engine needs from libpeas
 *
 * Every call into libpeas is in mibew-plugin-backend-peas.c, with
 * mibew-plugin-backend-peas1.c (libpeas 1.x) or mibew-plugin-backend-peas2.c
 * (libpeas-2), chosen at build time by the `libpeas` option.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "mibew-plugin.h"

G_BEGIN_DECLS

typedef struct _MibewPluginBackend MibewPluginBackend;

/* One plugin file as found, before the engine checks its Mibew keys. */
typedef struct
{
  gpointer handle;              /* the backend's, valid as long as the backend */
  char *module_name;            /* Module */
  char *module_dir;             /* the directory holding the .plugin file */
  char *display_name;           /* Name */
  char *description;            /* Description */
  char *mibew_name;             /* X-Mibew-Name, or NULL */
  char *mibew_version;          /* X-Mibew-Version, or NULL */
  char *mibew_dependencies;     /* X-Mibew-Dependencies, or NULL */
} MibewPluginDescription;

void                mibew_plugin_description_free      (MibewPluginDescription *description);

MibewPluginBackend *mibew_plugin_backend_new             (void);
void                mibew_plugin_backend_free            (MibewPluginBackend  *self);
void                mibew_plugin_backend_add_search_path (MibewPluginBackend  *self,
                                                          const char          *path,
                                                          GPtrArray           *problems);
GPtrArray          *mibew_plugin_backend_scan            (MibewPluginBackend  *self,
                                                          GPtrArray           *problems);
MibewPlugin        *mibew_plugin_backend_create          (MibewPluginBackend  *self,
                                                          gpointer             handle,
                                                          GError             **error);
void                mibew_plugin_backend_unload          (MibewPluginBackend  *self,
                                                          gpointer             handle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MibewPluginBackend, mibew_plugin_backend_free)

G_END_DECLS
