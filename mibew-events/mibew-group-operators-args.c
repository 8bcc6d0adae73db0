/* mibew-group-operators-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group-operators-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewGroupOperatorsArgs:
 *
 * The arguments of `groupUpdateOperators`
 * ([signal@MibewEvents.GroupEvents::update-operators]): the set of operators
 * of a group has been changed.
 *
 * The event only notifies: listeners may read the ids (and may change the
 * arrays, which the emitter ignores afterwards).
 *
 * JSON form: `{"group": Group, "original_operators": [int], "operators":
 * [int]}`; the arrays hold operators' ids.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewGroupOperatorsArgs
{
  MibewEventArgs parent_instance;

  MibewGroup *group;
  JsonArray *original_operators;
  JsonArray *operators;
};

G_DEFINE_FINAL_TYPE (MibewGroupOperatorsArgs, mibew_group_operators_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_group_operators_args);

enum {
  FIELD_GROUP,
  FIELD_ORIGINAL_OPERATORS,
  FIELD_OPERATORS,
};

static const MibewArgField fields[] = {
  { "group", "group", MIBEW_ARG_RECORD, mibew_group_get_type,
    G_STRUCT_OFFSET (MibewGroupOperatorsArgs, group), 0, MIBEW_FOLD_NONE,
    "The group" },
  { "original_operators", "original-operators", MIBEW_ARG_INT_LIST, NULL,
    G_STRUCT_OFFSET (MibewGroupOperatorsArgs, original_operators), MIBEW_ARG_LAZY, MIBEW_FOLD_NONE,
    "Ids of the operators before the change" },
  { "operators", "operators", MIBEW_ARG_INT_LIST, NULL,
    G_STRUCT_OFFSET (MibewGroupOperatorsArgs, operators), MIBEW_ARG_LAZY, MIBEW_FOLD_NONE,
    "Ids of the operators after the change" },
};

/**
 * MibewGroupOperatorsArgs:group:
 *
 * The group whose operators changed (`group`).
 */
/**
 * MibewGroupOperatorsArgs:original-operators:
 *
 * The ids of the group's operators before the change (`original_operators`),
 * a JSON array of integers.
 */
/**
 * MibewGroupOperatorsArgs:operators:
 *
 * The ids of the group's operators after the change (`operators`), a JSON
 * array of integers.
 */

static void
mibew_group_operators_args_class_init (MibewGroupOperatorsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_group_operators_args, klass);
}

static void
mibew_group_operators_args_init (MibewGroupOperatorsArgs *self)
{
}

/**
 * mibew_group_operators_args_new:
 * @group: (nullable): the group
 * @original_operators: (nullable): the ids of the operators before the change;
 *   %NULL for an empty array
 * @operators: (nullable): the ids of the operators after the change; %NULL for
 *   an empty array
 *
 * Creates the arguments of `groupUpdateOperators`.
 *
 * Returns: (transfer full): new arguments
 */
MibewGroupOperatorsArgs *
mibew_group_operators_args_new (MibewGroup *group,
                                JsonArray  *original_operators,
                                JsonArray  *operators)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_GROUP_OPERATORS_ARGS,
                                           (gconstpointer[]) { &group, &original_operators, &operators });
}

/**
 * mibew_group_operators_args_get_group:
 * @self: a #MibewGroupOperatorsArgs
 *
 * Gets the group.
 *
 * Returns: (transfer none) (nullable): the group
 */
MibewGroup *
mibew_group_operators_args_get_group (MibewGroupOperatorsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args), NULL);

  return self->group;
}

/**
 * mibew_group_operators_args_set_group:
 * @self: a #MibewGroupOperatorsArgs
 * @group: (nullable): the group
 *
 * Sets the group.
 */
void
mibew_group_operators_args_set_group (MibewGroupOperatorsArgs *self,
                                      MibewGroup              *group)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args));
  g_return_if_fail (group == NULL || MIBEW_IS_GROUP (group));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_GROUP, &group);
}

/**
 * mibew_group_operators_args_get_original_operators:
 * @self: a #MibewGroupOperatorsArgs
 *
 * Gets the ids of the operators before the change, a live array: changes to it
 * are seen by later listeners and the emitter.
 *
 * Returns: (transfer none): the ids of the operators before the change
 */
JsonArray *
mibew_group_operators_args_get_original_operators (MibewGroupOperatorsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_OPERATORS);
}

/**
 * mibew_group_operators_args_set_original_operators:
 * @self: a #MibewGroupOperatorsArgs
 * @original_operators: (nullable): the new array, shared; %NULL for an empty
 *   array
 *
 * Replaces the ids of the operators before the change.
 */
void
mibew_group_operators_args_set_original_operators (MibewGroupOperatorsArgs *self,
                                                   JsonArray               *original_operators)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_OPERATORS, &original_operators);
}

/**
 * mibew_group_operators_args_get_operators:
 * @self: a #MibewGroupOperatorsArgs
 *
 * Gets the ids of the operators after the change, a live array: changes to it
 * are seen by later listeners and the emitter.
 *
 * Returns: (transfer none): the ids of the operators after the change
 */
JsonArray *
mibew_group_operators_args_get_operators (MibewGroupOperatorsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_OPERATORS);
}

/**
 * mibew_group_operators_args_set_operators:
 * @self: a #MibewGroupOperatorsArgs
 * @operators: (nullable): the new array, shared; %NULL for an empty array
 *
 * Replaces the ids of the operators after the change.
 */
void
mibew_group_operators_args_set_operators (MibewGroupOperatorsArgs *self,
                                          JsonArray               *operators)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_group_operators_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_OPERATORS, &operators);
}
