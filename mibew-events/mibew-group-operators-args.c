/* mibew-group-operators-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group-operators-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewGroupOperatorsArgs
{
  MibewEventArgs parent_instance;

  MibewGroup *group;
  JsonArray *original_operators;
  JsonArray *operators;
};

G_DEFINE_FINAL_TYPE (MibewGroupOperatorsArgs, mibew_group_operators_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_ORIGINAL_OPERATORS,
  PROP_OPERATORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_group_operators_args_finalize (GObject *object)
{
  MibewGroupOperatorsArgs *self = MIBEW_GROUP_OPERATORS_ARGS (object);

  g_clear_object (&self->group);
  g_clear_pointer (&self->original_operators, json_array_unref);
  g_clear_pointer (&self->operators, json_array_unref);

  G_OBJECT_CLASS (mibew_group_operators_args_parent_class)->finalize (object);
}

static void
mibew_group_operators_args_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  MibewGroupOperatorsArgs *self = MIBEW_GROUP_OPERATORS_ARGS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_ORIGINAL_OPERATORS:
      g_value_set_boxed (value, self->original_operators);
      break;
    case PROP_OPERATORS:
      g_value_set_boxed (value, self->operators);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_group_operators_args_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  MibewGroupOperatorsArgs *self = MIBEW_GROUP_OPERATORS_ARGS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      mibew_group_operators_args_set_group (self, g_value_get_object (value));
      break;
    case PROP_ORIGINAL_OPERATORS:
      mibew_group_operators_args_set_original_operators (self, g_value_get_boxed (value));
      break;
    case PROP_OPERATORS:
      mibew_group_operators_args_set_operators (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_group_operators_args_class_init (MibewGroupOperatorsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_group_operators_args_finalize;
  object_class->get_property = mibew_group_operators_args_get_property;
  object_class->set_property = mibew_group_operators_args_set_property;

  /**
   * MibewGroupOperatorsArgs:group:
   *
   * The group whose operators changed (`group`).
   */
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, MIBEW_TYPE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewGroupOperatorsArgs:original-operators:
   *
   * The ids of the group's operators before the change (`original_operators`),
   * a JSON array of integers.
   */
  properties[PROP_ORIGINAL_OPERATORS] =
    g_param_spec_boxed ("original-operators", NULL, NULL, JSON_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewGroupOperatorsArgs:operators:
   *
   * The ids of the group's operators after the change (`operators`), a JSON
   * array of integers.
   */
  properties[PROP_OPERATORS] =
    g_param_spec_boxed ("operators", NULL, NULL, JSON_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_group_operators_args_init (MibewGroupOperatorsArgs *self)
{
  self->original_operators = json_array_new ();
  self->operators = json_array_new ();
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
  MibewGroupOperatorsArgs *self = g_object_new (MIBEW_TYPE_GROUP_OPERATORS_ARGS, NULL);

  mibew_group_operators_args_set_group (self, group);
  if (original_operators != NULL)
    mibew_group_operators_args_set_original_operators (self, original_operators);
  if (operators != NULL)
    mibew_group_operators_args_set_operators (self, operators);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self));
  g_return_if_fail (group == NULL || MIBEW_IS_GROUP (group));

  g_set_object (&self->group, group);
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
  g_return_val_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self), NULL);

  return self->original_operators;
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
  g_return_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self));

  if (original_operators == self->original_operators)
    return;
  g_clear_pointer (&self->original_operators, json_array_unref);
  self->original_operators = original_operators != NULL ? json_array_ref (original_operators)
                                                        : json_array_new ();
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
  g_return_val_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self), NULL);

  return self->operators;
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
  g_return_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (self));

  if (operators == self->operators)
    return;
  g_clear_pointer (&self->operators, json_array_unref);
  self->operators = operators != NULL ? json_array_ref (operators)
                                      : json_array_new ();
}
