/* mibew-group-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewGroupArgs:
 *
 * The arguments of `groupCreate` ([signal@MibewEvents.GroupEvents::create])
 * and `groupUpdate` ([signal@MibewEvents.GroupEvents::update]): a group of
 * operators that has been created or saved.
 *
 * Both events only notify: listeners may read the groups (and may change the
 * objects, which the emitter ignores afterwards).
 *
 * JSON form: `{"group": Group}`; `groupUpdate` adds `"original_group": Group`,
 * the group before the update. A group is a database row (`groupid`, `parent`,
 * `vcemail`, `vclocalname`, `vccommonname`, ...).
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewGroupArgs
{
  MibewEventArgs parent_instance;

  MibewGroup *group;
  MibewGroup *original_group;
};

G_DEFINE_FINAL_TYPE (MibewGroupArgs, mibew_group_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_group_args);

enum {
  FIELD_GROUP,
  FIELD_ORIGINAL_GROUP,
};

static const MibewArgField fields[] = {
  { "group", "group", MIBEW_ARG_RECORD, mibew_group_get_type,
    G_STRUCT_OFFSET (MibewGroupArgs, group), 0, MIBEW_FOLD_NONE,
    "The group" },
  { "original_group", "original-group", MIBEW_ARG_RECORD, mibew_group_get_type,
    G_STRUCT_OFFSET (MibewGroupArgs, original_group), MIBEW_ARG_OPTIONAL, MIBEW_FOLD_NONE,
    "The group before the update" },
};

/**
 * MibewGroupArgs:group:
 *
 * The group that has been created or saved, with all its fields (`group`).
 */
/**
 * MibewGroupArgs:original-group:
 *
 * The group as it was before the update (`original_group`); set only by
 * `groupUpdate`, %NULL otherwise.
 */

static void
mibew_group_args_class_init (MibewGroupArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_group_args, klass);
}

static void
mibew_group_args_init (MibewGroupArgs *self)
{
}

/**
 * mibew_group_args_new:
 * @group: (nullable): the group
 * @original_group: (nullable): the group before the update; %NULL except for
 *   `groupUpdate`
 *
 * Creates the arguments of `groupCreate` or `groupUpdate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewGroupArgs *
mibew_group_args_new (MibewGroup *group,
                      MibewGroup *original_group)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_GROUP_ARGS,
                                           (gconstpointer[]) { &group, &original_group });
}

/**
 * mibew_group_args_get_group:
 * @self: a #MibewGroupArgs
 *
 * Gets the group.
 *
 * Returns: (transfer none) (nullable): the group
 */
MibewGroup *
mibew_group_args_get_group (MibewGroupArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_group_args), NULL);

  return self->group;
}

/**
 * mibew_group_args_set_group:
 * @self: a #MibewGroupArgs
 * @group: (nullable): the group
 *
 * Sets the group.
 */
void
mibew_group_args_set_group (MibewGroupArgs *self,
                            MibewGroup     *group)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_group_args));
  g_return_if_fail (group == NULL || MIBEW_IS_GROUP (group));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_GROUP, &group);
}

/**
 * mibew_group_args_get_original_group:
 * @self: a #MibewGroupArgs
 *
 * Gets the original group.
 *
 * Returns: (transfer none) (nullable): the group before the update
 */
MibewGroup *
mibew_group_args_get_original_group (MibewGroupArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_group_args), NULL);

  return self->original_group;
}

/**
 * mibew_group_args_set_original_group:
 * @self: a #MibewGroupArgs
 * @original_group: (nullable): the group before the update
 *
 * Sets the group before the update.
 */
void
mibew_group_args_set_original_group (MibewGroupArgs *self,
                                     MibewGroup     *original_group)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_group_args));
  g_return_if_fail (original_group == NULL || MIBEW_IS_GROUP (original_group));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_GROUP, &original_group);
}
