/* mibew-routing-events.h: routing events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-routes-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ROUTING_EVENTS (mibew_routing_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewRoutingEvents, mibew_routing_events, MIBEW, ROUTING_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_routing_events_emit_routes_alter (MibewRoutingEvents *self,
                                                  MibewRoutesArgs *args);

G_END_DECLS
