/* mibew-ban-events.h: ban events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-ban-args.h"
#include "mibew-id-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BAN_EVENTS (mibew_ban_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBanEvents, mibew_ban_events, MIBEW, BAN_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_ban_events_emit_create (MibewBanEvents *self,
                                        MibewBanArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_ban_events_emit_update (MibewBanEvents *self,
                                        MibewBanArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_ban_events_emit_delete (MibewBanEvents *self,
                                        MibewIdArgs *args);

G_END_DECLS
