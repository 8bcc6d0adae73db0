/* mibew-resource-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-resource-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewResourceArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  MibewResponse *response;
};

G_DEFINE_FINAL_TYPE (MibewResourceArgs, mibew_resource_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_RESPONSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_resource_args_fold_return (MibewEventArgs *args,
                                 gpointer        value)
{
  MibewResourceArgs *self = MIBEW_RESOURCE_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->response);
  self->response = value;
}

static gboolean
mibew_resource_args_has_answer (MibewEventArgs *args)
{
  return MIBEW_RESOURCE_ARGS (args)->response != NULL;
}

static void
mibew_resource_args_finalize (GObject *object)
{
  MibewResourceArgs *self = MIBEW_RESOURCE_ARGS (object);

  g_clear_object (&self->request);
  g_clear_object (&self->response);

  G_OBJECT_CLASS (mibew_resource_args_parent_class)->finalize (object);
}

static void
mibew_resource_args_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewResourceArgs *self = MIBEW_RESOURCE_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_RESPONSE:
      g_value_set_object (value, self->response);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_resource_args_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewResourceArgs *self = MIBEW_RESOURCE_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      mibew_resource_args_set_request (self, g_value_get_object (value));
      break;
    case PROP_RESPONSE:
      mibew_resource_args_set_response (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_resource_args_class_init (MibewResourceArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_resource_args_finalize;
  object_class->get_property = mibew_resource_args_get_property;
  object_class->set_property = mibew_resource_args_set_property;

  args_class->return_type = MIBEW_TYPE_RESPONSE;
  args_class->fold_return = mibew_resource_args_fold_return;
  args_class->has_answer = mibew_resource_args_has_answer;

  /**
   * MibewResourceArgs:request:
   *
   * The request for the resource (`request`).
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, MIBEW_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewResourceArgs:response:
   *
   * The response to send (`response`), the out slot of the event. It starts
   * %NULL (Mibew's `false`); setting it, or returning a #MibewResponse from
   * the signal, answers the event and ends the emission.
   */
  properties[PROP_RESPONSE] =
    g_param_spec_object ("response", NULL, NULL, MIBEW_TYPE_RESPONSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewResourceArgs *self = g_object_new (MIBEW_TYPE_RESOURCE_ARGS, NULL);

  mibew_resource_args_set_request (self, request);
  mibew_resource_args_set_response (self, response);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_RESOURCE_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_RESOURCE_ARGS (self));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  g_set_object (&self->request, request);
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
  g_return_val_if_fail (MIBEW_IS_RESOURCE_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_RESOURCE_ARGS (self));
  g_return_if_fail (response == NULL || MIBEW_IS_RESPONSE (response));

  g_set_object (&self->response, response);
}
