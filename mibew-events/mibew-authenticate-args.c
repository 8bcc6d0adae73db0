/* mibew-authenticate-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-authenticate-args.h"

/**
 * MibewAuthenticateArgs:
 *
 * The arguments of `operatorAuthenticate`
 * ([signal@MibewEvents.OperatorEvents::authenticate]): an operator is not
 * logged in, and plugins may authenticate them their own way.
 *
 * #MibewAuthenticateArgs:operator starts %NULL (Mibew's `false`). A listener
 * that recognises the operator in #MibewAuthenticateArgs:request sets it, or
 * returns the #MibewOperator from the signal. The first answer wins and ends
 * the emission; if nobody answers, authentication fails.
 *
 * JSON form: `{"operator": Operator or false, "request": Request}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewAuthenticateArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  MibewRequest *request;
};

G_DEFINE_FINAL_TYPE (MibewAuthenticateArgs, mibew_authenticate_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_OPERATOR,
  PROP_REQUEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_authenticate_args_fold_return (MibewEventArgs *args,
                                     gpointer        value)
{
  MibewAuthenticateArgs *self = MIBEW_AUTHENTICATE_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->operator);
  self->operator = value;
}

static gboolean
mibew_authenticate_args_has_answer (MibewEventArgs *args)
{
  return MIBEW_AUTHENTICATE_ARGS (args)->operator != NULL;
}

static void
mibew_authenticate_args_finalize (GObject *object)
{
  MibewAuthenticateArgs *self = MIBEW_AUTHENTICATE_ARGS (object);

  g_clear_object (&self->operator);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (mibew_authenticate_args_parent_class)->finalize (object);
}

static void
mibew_authenticate_args_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MibewAuthenticateArgs *self = MIBEW_AUTHENTICATE_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator);
      break;
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_authenticate_args_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MibewAuthenticateArgs *self = MIBEW_AUTHENTICATE_ARGS (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      mibew_authenticate_args_set_operator (self, g_value_get_object (value));
      break;
    case PROP_REQUEST:
      mibew_authenticate_args_set_request (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_authenticate_args_class_init (MibewAuthenticateArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_authenticate_args_finalize;
  object_class->get_property = mibew_authenticate_args_get_property;
  object_class->set_property = mibew_authenticate_args_set_property;

  args_class->return_type = MIBEW_TYPE_OPERATOR;
  args_class->fold_return = mibew_authenticate_args_fold_return;
  args_class->has_answer = mibew_authenticate_args_has_answer;

  /**
   * MibewAuthenticateArgs:operator:
   *
   * The operator a listener recognised (`operator`), the out slot of the
   * event. It starts %NULL (Mibew's `false`); setting it, or returning a
   * #MibewOperator from the signal, answers the event and ends the emission.
   */
  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL, MIBEW_TYPE_OPERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewAuthenticateArgs:request:
   *
   * The HTTP request being processed (`request`).
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, MIBEW_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_authenticate_args_init (MibewAuthenticateArgs *self)
{
}

/**
 * mibew_authenticate_args_new:
 * @op: (nullable): the operator; %NULL (the usual start) for none yet
 * @request: (nullable): the request
 *
 * Creates the arguments of `operatorAuthenticate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewAuthenticateArgs *
mibew_authenticate_args_new (MibewOperator *op,
                             MibewRequest  *request)
{
  MibewAuthenticateArgs *self = g_object_new (MIBEW_TYPE_AUTHENTICATE_ARGS, NULL);

  mibew_authenticate_args_set_operator (self, op);
  mibew_authenticate_args_set_request (self, request);
  return self;
}

/**
 * mibew_authenticate_args_get_operator:
 * @self: a #MibewAuthenticateArgs
 *
 * Gets the operator.
 *
 * Returns: (transfer none) (nullable): the authenticated operator
 */
MibewOperator *
mibew_authenticate_args_get_operator (MibewAuthenticateArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_AUTHENTICATE_ARGS (self), NULL);

  return self->operator;
}

/**
 * mibew_authenticate_args_set_operator:
 * @self: a #MibewAuthenticateArgs
 * @op: (nullable): the operator; %NULL for none
 *
 * Sets the authenticated operator. A non-%NULL operator answers the event: the
 * emission ends when the listener returns.
 */
void
mibew_authenticate_args_set_operator (MibewAuthenticateArgs *self,
                                      MibewOperator         *op)
{
  g_return_if_fail (MIBEW_IS_AUTHENTICATE_ARGS (self));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  g_set_object (&self->operator, op);
}

/**
 * mibew_authenticate_args_get_request:
 * @self: a #MibewAuthenticateArgs
 *
 * Gets the request.
 *
 * Returns: (transfer none) (nullable): the request
 */
MibewRequest *
mibew_authenticate_args_get_request (MibewAuthenticateArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_AUTHENTICATE_ARGS (self), NULL);

  return self->request;
}

/**
 * mibew_authenticate_args_set_request:
 * @self: a #MibewAuthenticateArgs
 * @request: (nullable): the request
 *
 * Sets the request.
 */
void
mibew_authenticate_args_set_request (MibewAuthenticateArgs *self,
                                     MibewRequest          *request)
{
  g_return_if_fail (MIBEW_IS_AUTHENTICATE_ARGS (self));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  g_set_object (&self->request, request);
}
