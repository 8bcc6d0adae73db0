/* mibew-group-events.h: group events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-group-args.h"
#include "mibew-group-operators-args.h"
#include "mibew-id-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_GROUP_EVENTS (mibew_group_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewGroupEvents, mibew_group_events, MIBEW, GROUP_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_group_events_emit_create (MibewGroupEvents *self,
                                          MibewGroupArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_group_events_emit_update (MibewGroupEvents *self,
                                          MibewGroupArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_group_events_emit_delete (MibewGroupEvents *self,
                                          MibewIdArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_group_events_emit_update_operators (MibewGroupEvents *self,
                                                    MibewGroupOperatorsArgs *args);

G_END_DECLS
