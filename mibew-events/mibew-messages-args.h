/* mibew-messages-args.h: arguments of threadGetMessagesAlter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mibew-event-args.h"
#include "mibew-message.h"
#include "mibew-thread.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_MESSAGES_ARGS (mibew_messages_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewMessagesArgs, mibew_messages_args, MIBEW, MESSAGES_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewMessagesArgs *mibew_messages_args_new          (MibewThread       *thread,
                                                     GListStore        *messages);
MIBEW_AVAILABLE_IN_ALL
MibewThread       *mibew_messages_args_get_thread   (MibewMessagesArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_messages_args_set_thread   (MibewMessagesArgs *self,
                                                     MibewThread       *thread);
MIBEW_AVAILABLE_IN_ALL
GListStore        *mibew_messages_args_get_messages (MibewMessagesArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_messages_args_set_messages (MibewMessagesArgs *self,
                                                     GListStore        *messages);

G_END_DECLS
