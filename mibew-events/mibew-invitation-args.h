/* mibew-invitation-args.h: arguments of the invitation events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-thread.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_INVITATION_ARGS (mibew_invitation_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewInvitationArgs, mibew_invitation_args, MIBEW, INVITATION_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewInvitationArgs *mibew_invitation_args_new            (MibewThread         *invitation);
MIBEW_AVAILABLE_IN_ALL
MibewThread         *mibew_invitation_args_get_invitation (MibewInvitationArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_invitation_args_set_invitation (MibewInvitationArgs *self,
                                                           MibewThread         *invitation);

G_END_DECLS
