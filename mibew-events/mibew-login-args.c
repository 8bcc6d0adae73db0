/* mibew-login-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-login-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewLoginArgs:
 *
 * The arguments of `operatorLogin`
 * ([signal@MibewEvents.OperatorEvents::login]): an operator has logged in with
 * the login form.
 *
 * The event only notifies: changes have no effect.
 *
 * JSON form: `{"operator": Operator, "remember": bool}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewLoginArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  gboolean remember;
};

G_DEFINE_FINAL_TYPE (MibewLoginArgs, mibew_login_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_login_args);

enum {
  FIELD_OPERATOR,
  FIELD_REMEMBER,
};

static const MibewArgField fields[] = {
  { "operator", "operator", MIBEW_ARG_RECORD, mibew_operator_get_type,
    G_STRUCT_OFFSET (MibewLoginArgs, operator), 0, MIBEW_FOLD_NONE,
    "The operator who logged in" },
  { "remember", "remember", MIBEW_ARG_BOOLEAN, NULL,
    G_STRUCT_OFFSET (MibewLoginArgs, remember), 0, MIBEW_FOLD_NONE,
    "Whether the system should remember the operator" },
};

/**
 * MibewLoginArgs:operator:
 *
 * The operator who logged in (`operator`).
 */
/**
 * MibewLoginArgs:remember:
 *
 * Whether the system should remember the operator (`remember`), as asked on
 * the login form.
 */

static void
mibew_login_args_class_init (MibewLoginArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_login_args, klass);
}

static void
mibew_login_args_init (MibewLoginArgs *self)
{
}

/**
 * mibew_login_args_new:
 * @op: (nullable): the operator
 * @remember: whether the system should remember the operator
 *
 * Creates the arguments of `operatorLogin`.
 *
 * Returns: (transfer full): new arguments
 */
MibewLoginArgs *
mibew_login_args_new (MibewOperator *op,
                      gboolean       remember)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_LOGIN_ARGS,
                                           (gconstpointer[]) { &op, &remember });
}

/**
 * mibew_login_args_get_operator:
 * @self: a #MibewLoginArgs
 *
 * Gets the operator.
 *
 * Returns: (transfer none) (nullable): the operator
 */
MibewOperator *
mibew_login_args_get_operator (MibewLoginArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_login_args), NULL);

  return self->operator;
}

/**
 * mibew_login_args_set_operator:
 * @self: a #MibewLoginArgs
 * @op: (nullable): the operator
 *
 * Sets the operator.
 */
void
mibew_login_args_set_operator (MibewLoginArgs *self,
                               MibewOperator  *op)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_login_args));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_OPERATOR, &op);
}

/**
 * mibew_login_args_get_remember:
 * @self: a #MibewLoginArgs
 *
 * Gets the remember.
 *
 * Returns: whether the system should remember the operator
 */
gboolean
mibew_login_args_get_remember (MibewLoginArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_login_args), FALSE);

  return self->remember;
}

/**
 * mibew_login_args_set_remember:
 * @self: a #MibewLoginArgs
 * @remember: whether to remember the operator
 *
 * Sets whether the system should remember the operator.
 */
void
mibew_login_args_set_remember (MibewLoginArgs *self,
                               gboolean        remember)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_login_args));

  remember = !!remember;
  if (self->remember == remember)
    return;
  self->remember = remember;
  mibew_event_args_notify_field (MIBEW_ARGS_BASE (self), FIELD_REMEMBER);
}
