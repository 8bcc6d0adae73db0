/* mibew-invitation-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-invitation-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewInvitationArgs:
 *
 * The arguments of `invitationCreate`
 * ([signal@MibewEvents.InvitationEvents::create]), `invitationAccept`
 * ([signal@MibewEvents.InvitationEvents::accept]), `invitationReject`
 * ([signal@MibewEvents.InvitationEvents::reject]) and `invitationIgnore`
 * ([signal@MibewEvents.InvitationEvents::ignore]): a visitor invited to chat
 * by an operator. The invitation is the thread in the invited state.
 *
 * These events only notify: listeners may read the thread (and may change the
 * object, which the emitter ignores afterwards).
 *
 * JSON form: `{"invitation": Thread}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewInvitationArgs
{
  MibewEventArgs parent_instance;

  MibewThread *invitation;
};

G_DEFINE_FINAL_TYPE (MibewInvitationArgs, mibew_invitation_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_invitation_args);

enum {
  FIELD_INVITATION,
};

static const MibewArgField fields[] = {
  { "invitation", "invitation", MIBEW_ARG_RECORD, mibew_thread_get_type,
    G_STRUCT_OFFSET (MibewInvitationArgs, invitation), 0, MIBEW_FOLD_NONE,
    "The thread of the invitation" },
};

/**
 * MibewInvitationArgs:invitation:
 *
 * The thread of the invitation (`invitation`).
 */

static void
mibew_invitation_args_class_init (MibewInvitationArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_invitation_args, klass);
}

static void
mibew_invitation_args_init (MibewInvitationArgs *self)
{
}

/**
 * mibew_invitation_args_new:
 * @invitation: (nullable): the thread of the invitation
 *
 * Creates the arguments of `invitationCreate`, `invitationAccept`,
 * `invitationReject` or `invitationIgnore`.
 *
 * Returns: (transfer full): new arguments
 */
MibewInvitationArgs *
mibew_invitation_args_new (MibewThread *invitation)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_INVITATION_ARGS,
                                           (gconstpointer[]) { &invitation });
}

/**
 * mibew_invitation_args_get_invitation:
 * @self: a #MibewInvitationArgs
 *
 * Gets the invitation.
 *
 * Returns: (transfer none) (nullable): the thread of the invitation
 */
MibewThread *
mibew_invitation_args_get_invitation (MibewInvitationArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_invitation_args), NULL);

  return self->invitation;
}

/**
 * mibew_invitation_args_set_invitation:
 * @self: a #MibewInvitationArgs
 * @invitation: (nullable): the thread of the invitation
 *
 * Sets the thread of the invitation.
 */
void
mibew_invitation_args_set_invitation (MibewInvitationArgs *self,
                                      MibewThread         *invitation)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_invitation_args));
  g_return_if_fail (invitation == NULL || MIBEW_IS_THREAD (invitation));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_INVITATION, &invitation);
}
