/* mibew-routes-args.h: arguments of routesAlter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-route-collection.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ROUTES_ARGS (mibew_routes_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewRoutesArgs, mibew_routes_args, MIBEW, ROUTES_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewRoutesArgs      *mibew_routes_args_new        (MibewRouteCollection *routes);
MIBEW_AVAILABLE_IN_ALL
MibewRouteCollection *mibew_routes_args_get_routes (MibewRoutesArgs      *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_routes_args_set_routes (MibewRoutesArgs      *self,
                                                    MibewRouteCollection *routes);

G_END_DECLS
