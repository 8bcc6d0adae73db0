/* mibew-invitation-events.h: invitation events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-invitation-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_INVITATION_EVENTS (mibew_invitation_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewInvitationEvents, mibew_invitation_events, MIBEW, INVITATION_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_invitation_events_emit_create (MibewInvitationEvents *self,
                                               MibewInvitationArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_invitation_events_emit_accept (MibewInvitationEvents *self,
                                               MibewInvitationArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_invitation_events_emit_reject (MibewInvitationEvents *self,
                                               MibewInvitationArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_invitation_events_emit_ignore (MibewInvitationEvents *self,
                                               MibewInvitationArgs *args);

G_END_DECLS
