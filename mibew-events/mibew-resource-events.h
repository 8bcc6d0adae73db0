/* mibew-resource-events.h: resource events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-resource-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_RESOURCE_EVENTS (mibew_resource_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewResourceEvents, mibew_resource_events, MIBEW, RESOURCE_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
gboolean mibew_resource_events_emit_access_denied (MibewResourceEvents *self,
                                                        MibewResourceArgs *args);
MIBEW_AVAILABLE_IN_ALL
gboolean mibew_resource_events_emit_not_found (MibewResourceEvents *self,
                                                    MibewResourceArgs *args);

G_END_DECLS
