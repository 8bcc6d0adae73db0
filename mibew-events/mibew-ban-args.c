/* mibew-ban-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-ban-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewBanArgs
{
  MibewEventArgs parent_instance;

  MibewBan *ban;
  MibewBan *original_ban;
};

G_DEFINE_FINAL_TYPE (MibewBanArgs, mibew_ban_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_ban_args);

enum {
  FIELD_BAN,
  FIELD_ORIGINAL_BAN,
};

static const MibewArgField fields[] = {
  { "ban", "ban", MIBEW_ARG_RECORD, mibew_ban_get_type,
    G_STRUCT_OFFSET (MibewBanArgs, ban), 0, MIBEW_FOLD_NONE,
    "The ban" },
  { "original_ban", "original-ban", MIBEW_ARG_RECORD, mibew_ban_get_type,
    G_STRUCT_OFFSET (MibewBanArgs, original_ban), MIBEW_ARG_OPTIONAL, MIBEW_FOLD_NONE,
    "The ban before the update" },
};

/**
 * MibewBanArgs:ban:
 *
 * The ban that has been created or saved (`ban`).
 */
/**
 * MibewBanArgs:original-ban:
 *
 * The ban as it was before the update (`original_ban`); set only by
 * `banUpdate`, %NULL otherwise.
 */

static void
mibew_ban_args_class_init (MibewBanArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_ban_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_BAN_ARGS,
                                           (gconstpointer[]) { &ban, &original_ban });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_ban_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_ban_args));
  g_return_if_fail (ban == NULL || MIBEW_IS_BAN (ban));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_BAN, &ban);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_ban_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_ban_args));
  g_return_if_fail (original_ban == NULL || MIBEW_IS_BAN (original_ban));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_BAN, &original_ban);
}
