/* mibew-plugin-graph-private.h: Mibew's plugin manager rules, without
 * libpeas: names, dependencies, what gets skipped and the load order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "mibew-semver-private.h"

G_BEGIN_DECLS

/* Marks "no such node". */
#define MIBEW_PLUGIN_GRAPH_NONE G_MAXUINT

gboolean mibew_plugin_name_is_valid (const char *name);

typedef struct
{
  char *name;                           /* Vendor:Name */
  MibewVersionConstraint *constraint;   /* "*" when none was written */
} MibewPluginDependency;

void       mibew_plugin_dependency_free   (MibewPluginDependency  *dependency);
GPtrArray *mibew_plugin_dependencies_parse (const char            *text,
                                           GError               **error);
char      *mibew_plugin_dependency_to_string (const MibewPluginDependency *dependency);

typedef struct _MibewPluginGraph MibewPluginGraph;

MibewPluginGraph *mibew_plugin_graph_new     (void);
void              mibew_plugin_graph_free    (MibewPluginGraph   *self);

guint             mibew_plugin_graph_add     (MibewPluginGraph   *self,
                                              const char         *name,
                                              const MibewVersion *version,
                                              int                 weight,
                                              gboolean            enabled);
void              mibew_plugin_graph_add_dependencies (MibewPluginGraph *self,
                                              guint               node,
                                              GPtrArray          *dependencies);
void              mibew_plugin_graph_fail    (MibewPluginGraph   *self,
                                              guint               node,
                                              GError             *error);
guint             mibew_plugin_graph_lookup  (MibewPluginGraph   *self,
                                              const char         *name);
const char       *mibew_plugin_graph_get_name (MibewPluginGraph  *self,
                                              guint               node);
GArray           *mibew_plugin_graph_resolve (MibewPluginGraph   *self);
const GError     *mibew_plugin_graph_get_error (MibewPluginGraph *self,
                                              guint               node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MibewPluginGraph, mibew_plugin_graph_free)

G_END_DECLS
