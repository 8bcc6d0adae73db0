/* mibew-cron-events.h: cron events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-event-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_CRON_EVENTS (mibew_cron_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewCronEvents, mibew_cron_events, MIBEW, CRON_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_cron_events_emit_run (MibewCronEvents *self,
                                      MibewEventArgs *args);

G_END_DECLS
