/* mibew-authenticate-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-authenticate-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewAuthenticateArgs
{
  MibewEventArgs parent_instance;

  MibewOperator *operator;
  MibewRequest *request;
};

G_DEFINE_FINAL_TYPE (MibewAuthenticateArgs, mibew_authenticate_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_authenticate_args);

enum {
  FIELD_OPERATOR,
  FIELD_REQUEST,
};

static const MibewArgField fields[] = {
  { "operator", "operator", MIBEW_ARG_RECORD, mibew_operator_get_type,
    G_STRUCT_OFFSET (MibewAuthenticateArgs, operator), MIBEW_ARG_FALSE_IS_NONE | MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The authenticated operator; false until a listener answers" },
  { "request", "request", MIBEW_ARG_RECORD, mibew_request_get_type,
    G_STRUCT_OFFSET (MibewAuthenticateArgs, request), 0, MIBEW_FOLD_NONE,
    "The incoming request" },
};

/**
 * MibewAuthenticateArgs:operator:
 *
 * The operator a listener recognised (`operator`), the out slot of the
 * event. It starts %NULL (Mibew's `false`); setting it, or returning a
 * #MibewOperator from the signal, answers the event and ends the emission.
 */
/**
 * MibewAuthenticateArgs:request:
 *
 * The HTTP request being processed (`request`).
 */

static void
mibew_authenticate_args_class_init (MibewAuthenticateArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_authenticate_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_AUTHENTICATE_ARGS,
                                           (gconstpointer[]) { &op, &request });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_authenticate_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_authenticate_args));
  g_return_if_fail (op == NULL || MIBEW_IS_OPERATOR (op));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_OPERATOR, &op);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_authenticate_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_authenticate_args));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST, &request);
}
