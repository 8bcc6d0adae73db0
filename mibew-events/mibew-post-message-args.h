/* mibew-post-message-args.h: arguments of threadPostMessage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-enums.h"
#include "mibew-event-args.h"
#include "mibew-thread.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_POST_MESSAGE_ARGS (mibew_post_message_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewPostMessageArgs, mibew_post_message_args, MIBEW, POST_MESSAGE_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewPostMessageArgs *mibew_post_message_args_new                 (MibewThread          *thread,
                                                                   MibewMessageKind      message_kind,
                                                                   const char           *message_body,
                                                                   JsonObject           *message_options);
MIBEW_AVAILABLE_IN_ALL
MibewThread          *mibew_post_message_args_get_thread          (MibewPostMessageArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_post_message_args_set_thread          (MibewPostMessageArgs *self,
                                                                   MibewThread          *thread);
MIBEW_AVAILABLE_IN_ALL
MibewMessageKind      mibew_post_message_args_get_message_kind    (MibewPostMessageArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_post_message_args_set_message_kind    (MibewPostMessageArgs *self,
                                                                   MibewMessageKind      message_kind);
MIBEW_AVAILABLE_IN_ALL
const char           *mibew_post_message_args_get_message_body    (MibewPostMessageArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_post_message_args_set_message_body    (MibewPostMessageArgs *self,
                                                                   const char           *message_body);
MIBEW_AVAILABLE_IN_ALL
JsonObject           *mibew_post_message_args_get_message_options (MibewPostMessageArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_post_message_args_set_message_options (MibewPostMessageArgs *self,
                                                                   JsonObject           *message_options);

G_END_DECLS
