/* mibew-route-collection.h: Mibew's routes (\Symfony\Component\Routing\RouteCollection)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ROUTE_COLLECTION (mibew_route_collection_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewRouteCollection, mibew_route_collection, MIBEW, ROUTE_COLLECTION, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewRouteCollection *mibew_route_collection_new          (void);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_route_collection_add_route    (MibewRouteCollection *self,
                                                           const char           *name,
                                                           const char           *path,
                                                           JsonObject           *defaults,
                                                           JsonObject           *requirements,
                                                           const char * const   *methods);
MIBEW_AVAILABLE_IN_ALL
gboolean              mibew_route_collection_remove_route (MibewRouteCollection *self,
                                                           const char           *name);
MIBEW_AVAILABLE_IN_ALL
gboolean              mibew_route_collection_has_route    (MibewRouteCollection *self,
                                                           const char           *name);
MIBEW_AVAILABLE_IN_ALL
JsonObject           *mibew_route_collection_get_route    (MibewRouteCollection *self,
                                                           const char           *name);
MIBEW_AVAILABLE_IN_ALL
const char           *mibew_route_collection_get_path     (MibewRouteCollection *self,
                                                           const char           *name);
MIBEW_AVAILABLE_IN_ALL
GStrv                 mibew_route_collection_get_names    (MibewRouteCollection *self);
MIBEW_AVAILABLE_IN_ALL
guint                 mibew_route_collection_get_n_routes (MibewRouteCollection *self);

G_END_DECLS
