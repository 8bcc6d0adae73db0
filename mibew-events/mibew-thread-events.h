/* mibew-thread-events.h: thread events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-function-call-args.h"
#include "mibew-id-args.h"
#include "mibew-messages-args.h"
#include "mibew-post-message-args.h"
#include "mibew-thread-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_THREAD_EVENTS (mibew_thread_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewThreadEvents, mibew_thread_events, MIBEW, THREAD_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_function_call (MibewThreadEvents *self,
                                                  MibewFunctionCallArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_create (MibewThreadEvents *self,
                                           MibewThreadArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_update (MibewThreadEvents *self,
                                           MibewThreadArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_delete (MibewThreadEvents *self,
                                           MibewIdArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_close (MibewThreadEvents *self,
                                          MibewThreadArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_post_message (MibewThreadEvents *self,
                                                 MibewPostMessageArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_get_messages_alter (MibewThreadEvents *self,
                                                       MibewMessagesArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_thread_events_emit_user_is_ready (MibewThreadEvents *self,
                                                  MibewThreadArgs *args);

G_END_DECLS
