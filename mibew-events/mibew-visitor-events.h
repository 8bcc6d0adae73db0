/* mibew-visitor-events.h: visitor events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-site-visitor-args.h"
#include "mibew-visitor-ids-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_VISITOR_EVENTS (mibew_visitor_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewVisitorEvents, mibew_visitor_events, MIBEW, VISITOR_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_visitor_events_emit_create (MibewVisitorEvents *self,
                                            MibewSiteVisitorArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_visitor_events_emit_track (MibewVisitorEvents *self,
                                           MibewSiteVisitorArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_visitor_events_emit_delete_old (MibewVisitorEvents *self,
                                                MibewVisitorIdsArgs *args);

G_END_DECLS
