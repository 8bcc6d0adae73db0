/* mibew-login-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-login-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewLoginArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  gboolean remember;
};

G_DEFINE_FINAL_TYPE (MibewLoginArgs, mibew_login_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_OPERATOR,
  PROP_REMEMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_login_args_finalize (GObject *object)
{
  MibewLoginArgs *self = MIBEW_LOGIN_ARGS (object);

  g_clear_object (&self->operator);

  G_OBJECT_CLASS (mibew_login_args_parent_class)->finalize (object);
}

static void
mibew_login_args_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MibewLoginArgs *self = MIBEW_LOGIN_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator);
      break;
    case PROP_REMEMBER:
      g_value_set_boolean (value, self->remember);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_login_args_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MibewLoginArgs *self = MIBEW_LOGIN_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      mibew_login_args_set_operator (self, g_value_get_object (value));
      break;
    case PROP_REMEMBER:
      mibew_login_args_set_remember (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_login_args_class_init (MibewLoginArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_login_args_finalize;
  object_class->get_property = mibew_login_args_get_property;
  object_class->set_property = mibew_login_args_set_property;

  /**
   * MibewLoginArgs:operator:
   *
   * The operator who logged in (`operator`).
   */
  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL, MIBEW_TYPE_OPERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewLoginArgs:remember:
   *
   * Whether the system should remember the operator (`remember`), as asked on
   * the login form.
   */
  properties[PROP_REMEMBER] =
    g_param_spec_boolean ("remember", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewLoginArgs *self = g_object_new (MIBEW_TYPE_LOGIN_ARGS, NULL);

  mibew_login_args_set_operator (self, op);
  mibew_login_args_set_remember (self, remember);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_LOGIN_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_LOGIN_ARGS (self));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  g_set_object (&self->operator, op);
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
  g_return_val_if_fail (MIBEW_IS_LOGIN_ARGS (self), FALSE);

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
  g_return_if_fail (MIBEW_IS_LOGIN_ARGS (self));

  self->remember = !!remember;
}
