/* mibew-users-events.h: users events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-function-call-args.h"
#include "mibew-list-threads-args.h"
#include "mibew-list-visitors-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_USERS_EVENTS (mibew_users_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewUsersEvents, mibew_users_events, MIBEW, USERS_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_users_events_emit_update_threads_alter (MibewUsersEvents *self,
                                                        MibewListThreadsArgs *args);
MIBEW_AVAILABLE_IN_ALL
gboolean mibew_users_events_emit_update_visitors_load (MibewUsersEvents *self,
                                                            MibewListVisitorsArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_users_events_emit_update_visitors_alter (MibewUsersEvents *self,
                                                         MibewListVisitorsArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_users_events_emit_function_call (MibewUsersEvents *self,
                                                 MibewFunctionCallArgs *args);

G_END_DECLS
