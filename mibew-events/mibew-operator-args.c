/* mibew-operator-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-operator-args.h"

/**
 * MibewOperatorArgs:
 *
 * The arguments of `operatorCreate`
 * ([signal@MibewEvents.OperatorEvents::create]) and `operatorUpdate`
 * ([signal@MibewEvents.OperatorEvents::update]): an operator that has been
 * created or saved.
 *
 * Both events only notify: listeners may read the operators (and may change
 * the objects, which the emitter ignores afterwards).
 *
 * JSON form: `{"operator": Operator}`; `operatorUpdate` adds
 * `"original_operator": Operator`, the operator before the update. An operator
 * is a database row (`operatorid`, `vclogin`, `vcpassword`, ...); `vcpassword`
 * is a hash that must never be logged.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewOperatorArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  MibewOperator *original_operator;
};

G_DEFINE_FINAL_TYPE (MibewOperatorArgs, mibew_operator_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_OPERATOR,
  PROP_ORIGINAL_OPERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_operator_args_finalize (GObject *object)
{
  MibewOperatorArgs *self = MIBEW_OPERATOR_ARGS (object);

  g_clear_object (&self->operator);
  g_clear_object (&self->original_operator);

  G_OBJECT_CLASS (mibew_operator_args_parent_class)->finalize (object);
}

static void
mibew_operator_args_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewOperatorArgs *self = MIBEW_OPERATOR_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator);
      break;
    case PROP_ORIGINAL_OPERATOR:
      g_value_set_object (value, self->original_operator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_operator_args_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewOperatorArgs *self = MIBEW_OPERATOR_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      mibew_operator_args_set_operator (self, g_value_get_object (value));
      break;
    case PROP_ORIGINAL_OPERATOR:
      mibew_operator_args_set_original_operator (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_operator_args_class_init (MibewOperatorArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_operator_args_finalize;
  object_class->get_property = mibew_operator_args_get_property;
  object_class->set_property = mibew_operator_args_set_property;

  /**
   * MibewOperatorArgs:operator:
   *
   * The operator that has been created or saved, with all its fields
   * (`operator`).
   */
  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL, MIBEW_TYPE_OPERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewOperatorArgs:original-operator:
   *
   * The operator as it was before the update (`original_operator`); set only
   * by `operatorUpdate`, %NULL otherwise.
   */
  properties[PROP_ORIGINAL_OPERATOR] =
    g_param_spec_object ("original-operator", NULL, NULL, MIBEW_TYPE_OPERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_operator_args_init (MibewOperatorArgs *self)
{
}

/**
 * mibew_operator_args_new:
 * @op: (nullable): the operator
 * @original_operator: (nullable): the operator before the update; %NULL except
 *   for `operatorUpdate`
 *
 * Creates the arguments of `operatorCreate` or `operatorUpdate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewOperatorArgs *
mibew_operator_args_new (MibewOperator *op,
                         MibewOperator *original_operator)
{
  MibewOperatorArgs *self = g_object_new (MIBEW_TYPE_OPERATOR_ARGS, NULL);

  mibew_operator_args_set_operator (self, op);
  mibew_operator_args_set_original_operator (self, original_operator);
  return self;
}

/**
 * mibew_operator_args_get_operator:
 * @self: a #MibewOperatorArgs
 *
 * Gets the operator.
 *
 * Returns: (transfer none) (nullable): the operator
 */
MibewOperator *
mibew_operator_args_get_operator (MibewOperatorArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_OPERATOR_ARGS (self), NULL);

  return self->operator;
}

/**
 * mibew_operator_args_set_operator:
 * @self: a #MibewOperatorArgs
 * @op: (nullable): the operator
 *
 * Sets the operator.
 */
void
mibew_operator_args_set_operator (MibewOperatorArgs *self,
                                  MibewOperator     *op)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_ARGS (self));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  g_set_object (&self->operator, op);
}

/**
 * mibew_operator_args_get_original_operator:
 * @self: a #MibewOperatorArgs
 *
 * Gets the original operator.
 *
 * Returns: (transfer none) (nullable): the operator before the update
 */
MibewOperator *
mibew_operator_args_get_original_operator (MibewOperatorArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_OPERATOR_ARGS (self), NULL);

  return self->original_operator;
}

/**
 * mibew_operator_args_set_original_operator:
 * @self: a #MibewOperatorArgs
 * @original_operator: (nullable): the operator before the update
 *
 * Sets the operator before the update.
 */
void
mibew_operator_args_set_original_operator (MibewOperatorArgs *self,
                                           MibewOperator     *original_operator)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_ARGS (self));
  g_return_if_fail (original_operator == NULL || MIBEW_IS_OPERATOR (original_operator));

  g_set_object (&self->original_operator, original_operator);
}
