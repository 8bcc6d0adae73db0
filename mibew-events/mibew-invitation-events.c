/* mibew-invitation-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-invitation-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewInvitationEvents:
 *
 * Invitation events: a visitor invited to chat by an operator. The invitation is the thread in the invited state.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:invitation property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewInvitationEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewInvitationEvents, mibew_invitation_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_invitation_events_class_init (MibewInvitationEventsClass *klass)
{
  /**
   * MibewInvitationEvents::create:
   * @self: the #MibewInvitationEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `invitationCreate` (`\Mibew\EventDispatcher\Events::INVITATION_CREATE`).
   *
   * Emitted after an invitation has been created. #MibewInvitationArgs:invitation is the thread of the invitation.
   */
  /**
   * MibewInvitationEvents::accept:
   * @self: the #MibewInvitationEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `invitationAccept` (`\Mibew\EventDispatcher\Events::INVITATION_ACCEPT`).
   *
   * Emitted after a visitor has accepted an invitation.
   */
  /**
   * MibewInvitationEvents::reject:
   * @self: the #MibewInvitationEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `invitationReject` (`\Mibew\EventDispatcher\Events::INVITATION_REJECT`).
   *
   * Emitted after a visitor has rejected an invitation.
   */
  /**
   * MibewInvitationEvents::ignore:
   * @self: the #MibewInvitationEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `invitationIgnore` (`\Mibew\EventDispatcher\Events::INVITATION_IGNORE`).
   *
   * Emitted after a visitor has ignored an invitation and the system closed it.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_INVITATION);
}

static void
mibew_invitation_events_init (MibewInvitationEvents *self)
{
}

/**
 * mibew_invitation_events_emit_create:
 * @self: a #MibewInvitationEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `invitationCreate` (#MibewInvitationEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_invitation_events_emit_create (MibewInvitationEvents *self,
                                    MibewInvitationArgs *args)
{
  g_return_if_fail (MIBEW_IS_INVITATION_EVENTS (self));
  g_return_if_fail (MIBEW_IS_INVITATION_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_INVITATION_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_invitation_events_emit_accept:
 * @self: a #MibewInvitationEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `invitationAccept` (#MibewInvitationEvents::accept) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_invitation_events_emit_accept (MibewInvitationEvents *self,
                                    MibewInvitationArgs *args)
{
  g_return_if_fail (MIBEW_IS_INVITATION_EVENTS (self));
  g_return_if_fail (MIBEW_IS_INVITATION_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_INVITATION_ACCEPT,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_invitation_events_emit_reject:
 * @self: a #MibewInvitationEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `invitationReject` (#MibewInvitationEvents::reject) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_invitation_events_emit_reject (MibewInvitationEvents *self,
                                    MibewInvitationArgs *args)
{
  g_return_if_fail (MIBEW_IS_INVITATION_EVENTS (self));
  g_return_if_fail (MIBEW_IS_INVITATION_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_INVITATION_REJECT,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_invitation_events_emit_ignore:
 * @self: a #MibewInvitationEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `invitationIgnore` (#MibewInvitationEvents::ignore) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_invitation_events_emit_ignore (MibewInvitationEvents *self,
                                    MibewInvitationArgs *args)
{
  g_return_if_fail (MIBEW_IS_INVITATION_EVENTS (self));
  g_return_if_fail (MIBEW_IS_INVITATION_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_INVITATION_IGNORE,
                                   (MibewEventArgs *) args);
}
