/* mibew-invitation-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-invitation-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewInvitationArgs
{
  MibewEventArgs parent_instance;

  MibewThread *invitation;
};

G_DEFINE_FINAL_TYPE (MibewInvitationArgs, mibew_invitation_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_INVITATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_invitation_args_finalize (GObject *object)
{
  MibewInvitationArgs *self = MIBEW_INVITATION_ARGS (object);

  g_clear_object (&self->invitation);

  G_OBJECT_CLASS (mibew_invitation_args_parent_class)->finalize (object);
}

static void
mibew_invitation_args_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MibewInvitationArgs *self = MIBEW_INVITATION_ARGS (object);

  switch (prop_id)
    {
    case PROP_INVITATION:
      g_value_set_object (value, self->invitation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_invitation_args_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MibewInvitationArgs *self = MIBEW_INVITATION_ARGS (object);

  switch (prop_id)
    {
    case PROP_INVITATION:
      mibew_invitation_args_set_invitation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_invitation_args_class_init (MibewInvitationArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_invitation_args_finalize;
  object_class->get_property = mibew_invitation_args_get_property;
  object_class->set_property = mibew_invitation_args_set_property;

  /**
   * MibewInvitationArgs:invitation:
   *
   * The thread of the invitation (`invitation`).
   */
  properties[PROP_INVITATION] =
    g_param_spec_object ("invitation", NULL, NULL, MIBEW_TYPE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewInvitationArgs *self = g_object_new (MIBEW_TYPE_INVITATION_ARGS, NULL);

  mibew_invitation_args_set_invitation (self, invitation);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_INVITATION_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_INVITATION_ARGS (self));
  g_return_if_fail (invitation == NULL || MIBEW_IS_THREAD (invitation));

  g_set_object (&self->invitation, invitation);
}
