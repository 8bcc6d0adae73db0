/* mibew-operator-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-operator-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewOperatorArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  MibewOperator *original_operator;
};

G_DEFINE_FINAL_TYPE (MibewOperatorArgs, mibew_operator_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_operator_args);

enum {
  FIELD_OPERATOR,
  FIELD_ORIGINAL_OPERATOR,
};

static const MibewArgField fields[] = {
  { "operator", "operator", MIBEW_ARG_RECORD, mibew_operator_get_type,
    G_STRUCT_OFFSET (MibewOperatorArgs, operator), 0, MIBEW_FOLD_NONE,
    "The operator" },
  { "original_operator", "original-operator", MIBEW_ARG_RECORD, mibew_operator_get_type,
    G_STRUCT_OFFSET (MibewOperatorArgs, original_operator), MIBEW_ARG_OPTIONAL, MIBEW_FOLD_NONE,
    "The operator before the update" },
};

/**
 * MibewOperatorArgs:operator:
 *
 * The operator that has been created or saved, with all its fields
 * (`operator`).
 */
/**
 * MibewOperatorArgs:original-operator:
 *
 * The operator as it was before the update (`original_operator`); set only
 * by `operatorUpdate`, %NULL otherwise.
 */

static void
mibew_operator_args_class_init (MibewOperatorArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_operator_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_OPERATOR_ARGS,
                                           (gconstpointer[]) { &op, &original_operator });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_operator_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_operator_args));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_OPERATOR, &op);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_operator_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_operator_args));
  g_return_if_fail (original_operator == NULL || MIBEW_IS_OPERATOR (original_operator));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_OPERATOR, &original_operator);
}
