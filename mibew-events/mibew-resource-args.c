/* mibew-resource-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-resource-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewResourceArgs:
 *
 * The arguments of `resourceAccessDenied`
 * ([signal@MibewEvents.ResourceEvents::access-denied]) and `resourceNotFound`
 * ([signal@MibewEvents.ResourceEvents::not-found]): access to a resource was
 * denied, or it was not found.
 *
 * #MibewResourceArgs:response starts %NULL (Mibew's `false`). A listener that
 * wants to send its own reply sets it, or returns a #MibewResponse from the
 * signal; the first answer wins and ends the emission. When nobody answers
 * Mibew replies 403 "Forbidden" to a logged-in operator or redirects to the
 * login page (access denied), or replies 404 "Not Found".
 *
 * JSON form: `{"request": Request, "response": Response or false}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewResourceArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  MibewResponse *response;
};

G_DEFINE_FINAL_TYPE (MibewResourceArgs, mibew_resource_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_resource_args);

enum {
  FIELD_REQUEST,
  FIELD_RESPONSE,
};

static const MibewArgField fields[] = {
  { "request", "request", MIBEW_ARG_RECORD, mibew_request_get_type,
    G_STRUCT_OFFSET (MibewResourceArgs, request), 0, MIBEW_FOLD_NONE,
    "The incoming request" },
  { "response", "response", MIBEW_ARG_RECORD, mibew_response_get_type,
    G_STRUCT_OFFSET (MibewResourceArgs, response), MIBEW_ARG_FALSE_IS_NONE | MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The response to send; false until a listener answers" },
};

/**
 * MibewResourceArgs:request:
 *
 * The request for the resource (`request`).
 */
/**
 * MibewResourceArgs:response:
 *
 * The response to send (`response`), the out slot of the event. It starts
 * %NULL (Mibew's `false`); setting it, or returning a #MibewResponse from
 * the signal, answers the event and ends the emission.
 */

static void
mibew_resource_args_class_init (MibewResourceArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_resource_args, klass);
}

static void
mibew_resource_args_init (MibewResourceArgs *self)
{
}

/**
 * mibew_resource_args_new:
 * @request: (nullable): the request
 * @response: (nullable): the response; %NULL (the usual start) for none yet
 *
 * Creates the arguments of `resourceAccessDenied` or `resourceNotFound`.
 *
 * Returns: (transfer full): new arguments
 */
MibewResourceArgs *
mibew_resource_args_new (MibewRequest  *request,
                         MibewResponse *response)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_RESOURCE_ARGS,
                                           (gconstpointer[]) { &request, &response });
}

/**
 * mibew_resource_args_get_request:
 * @self: a #MibewResourceArgs
 *
 * Gets the request.
 *
 * Returns: (transfer none) (nullable): the request
 */
MibewRequest *
mibew_resource_args_get_request (MibewResourceArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_resource_args), NULL);

  return self->request;
}

/**
 * mibew_resource_args_set_request:
 * @self: a #MibewResourceArgs
 * @request: (nullable): the request
 *
 * Sets the request.
 */
void
mibew_resource_args_set_request (MibewResourceArgs *self,
                                 MibewRequest      *request)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_resource_args));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST, &request);
}

/**
 * mibew_resource_args_get_response:
 * @self: a #MibewResourceArgs
 *
 * Gets the response.
 *
 * Returns: (transfer none) (nullable): the response
 */
MibewResponse *
mibew_resource_args_get_response (MibewResourceArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_resource_args), NULL);

  return self->response;
}

/**
 * mibew_resource_args_set_response:
 * @self: a #MibewResourceArgs
 * @response: (nullable): the response; %NULL for none
 *
 * Sets the response to send. A non-%NULL response answers the event: the
 * emission ends when the listener returns.
 */
void
mibew_resource_args_set_response (MibewResourceArgs *self,
                                  MibewResponse     *response)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_resource_args));
  g_return_if_fail (response == NULL || MIBEW_IS_RESPONSE (response));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_RESPONSE, &response);
}
