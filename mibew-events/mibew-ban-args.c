/* mibew-ban-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-ban-args.h"

/**
 * MibewBanArgs:
 *
 * The arguments of `banCreate` ([signal@MibewEvents.BanEvents::create]) and
 * `banUpdate` ([signal@MibewEvents.BanEvents::update]): a ban that has been
 * created or saved.
 *
 * Both events only notify: listeners may read the bans (and may change the
 * objects, which the emitter ignores afterwards).
 *
 * JSON form: `{"ban": Ban}`; `banUpdate` adds `"original_ban": Ban`, the ban
 * before the update. A ban has the fields `id`, `created`, `till`, `address`
 * and `comment`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewBanArgs
{
  MibewEventArgs parent_instance;

  MibewBan *ban;
  MibewBan *original_ban;
};

G_DEFINE_FINAL_TYPE (MibewBanArgs, mibew_ban_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_BAN,
  PROP_ORIGINAL_BAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_ban_args_finalize (GObject *object)
{
  MibewBanArgs *self = MIBEW_BAN_ARGS (object);

  g_clear_object (&self->ban);
  g_clear_object (&self->original_ban);

  G_OBJECT_CLASS (mibew_ban_args_parent_class)->finalize (object);
}

static void
mibew_ban_args_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MibewBanArgs *self = MIBEW_BAN_ARGS (object);

  switch (prop_id)
    {
    case PROP_BAN:
      g_value_set_object (value, self->ban);
      break;
    case PROP_ORIGINAL_BAN:
      g_value_set_object (value, self->original_ban);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_ban_args_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MibewBanArgs *self = MIBEW_BAN_ARGS (object);

  switch (prop_id)
    {
    case PROP_BAN:
      mibew_ban_args_set_ban (self, g_value_get_object (value));
      break;
    case PROP_ORIGINAL_BAN:
      mibew_ban_args_set_original_ban (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_ban_args_class_init (MibewBanArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_ban_args_finalize;
  object_class->get_property = mibew_ban_args_get_property;
  object_class->set_property = mibew_ban_args_set_property;

  /**
   * MibewBanArgs:ban:
   *
   * The ban that has been created or saved (`ban`).
   */
  properties[PROP_BAN] =
    g_param_spec_object ("ban", NULL, NULL, MIBEW_TYPE_BAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBanArgs:original-ban:
   *
   * The ban as it was before the update (`original_ban`); set only by
   * `banUpdate`, %NULL otherwise.
   */
  properties[PROP_ORIGINAL_BAN] =
    g_param_spec_object ("original-ban", NULL, NULL, MIBEW_TYPE_BAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_ban_args_init (MibewBanArgs *self)
{
}

/**
 * mibew_ban_args_new:
 * @ban: (nullable): the ban
 * @original_ban: (nullable): the ban before the update; %NULL except for
 *   `banUpdate`
 *
 * Creates the arguments of `banCreate` or `banUpdate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewBanArgs *
mibew_ban_args_new (MibewBan *ban,
                    MibewBan *original_ban)
{
  MibewBanArgs *self = g_object_new (MIBEW_TYPE_BAN_ARGS, NULL);

  mibew_ban_args_set_ban (self, ban);
  mibew_ban_args_set_original_ban (self, original_ban);
  return self;
}

/**
 * mibew_ban_args_get_ban:
 * @self: a #MibewBanArgs
 *
 * Gets the ban.
 *
 * Returns: (transfer none) (nullable): the ban
 */
MibewBan *
mibew_ban_args_get_ban (MibewBanArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_BAN_ARGS (self), NULL);

  return self->ban;
}

/**
 * mibew_ban_args_set_ban:
 * @self: a #MibewBanArgs
 * @ban: (nullable): the ban
 *
 * Sets the ban.
 */
void
mibew_ban_args_set_ban (MibewBanArgs *self,
                        MibewBan     *ban)
{
  g_return_if_fail (MIBEW_IS_BAN_ARGS (self));
  g_return_if_fail (ban == NULL || MIBEW_IS_BAN (ban));

  g_set_object (&self->ban, ban);
}

/**
 * mibew_ban_args_get_original_ban:
 * @self: a #MibewBanArgs
 *
 * Gets the original ban.
 *
 * Returns: (transfer none) (nullable): the ban before the update
 */
MibewBan *
mibew_ban_args_get_original_ban (MibewBanArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_BAN_ARGS (self), NULL);

  return self->original_ban;
}

/**
 * mibew_ban_args_set_original_ban:
 * @self: a #MibewBanArgs
 * @original_ban: (nullable): the ban before the update
 *
 * Sets the ban before the update.
 */
void
mibew_ban_args_set_original_ban (MibewBanArgs *self,
                                 MibewBan     *original_ban)
{
  g_return_if_fail (MIBEW_IS_BAN_ARGS (self));
  g_return_if_fail (original_ban == NULL || MIBEW_IS_BAN (original_ban));

  g_set_object (&self->original_ban, original_ban);
}
