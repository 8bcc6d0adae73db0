/* mibew-widget-response-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-widget-response-args.h"

/**
 * MibewWidgetResponseArgs:
 *
 * The arguments of `widgetResponseAlter`
 * ([signal@MibewEvents.WidgetEvents::response-alter]): the widget's data is
 * ready to be sent.
 *
 * Listeners add libraries to load, handlers to call, their dependencies and
 * data in #MibewWidgetResponseArgs:response, or return a new
 * #MibewWidgetResponse from the signal, which replaces it before the next
 * listener runs; the final response is sent to the widget. The URL generators
 * build URLs of routes and of assets (for the libraries to load).
 *
 * JSON form: `{"visitor": SiteVisitor, "request": Request, "response":
 * {"load": {}, "handlers": [], "dependencies": {}, "data": {}},
 * "route_url_generator": {"base_url": string}, "asset_url_generator":
 * {"base_url": string}}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewWidgetResponseArgs
{
  MibewEventArgs parent_instance;

  MibewSiteVisitor *visitor;
  MibewRequest *request;
  MibewWidgetResponse *response;
  MibewUrlGenerator *route_url_generator;
  MibewUrlGenerator *asset_url_generator;
};

G_DEFINE_FINAL_TYPE (MibewWidgetResponseArgs, mibew_widget_response_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_VISITOR,
  PROP_REQUEST,
  PROP_RESPONSE,
  PROP_ROUTE_URL_GENERATOR,
  PROP_ASSET_URL_GENERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_widget_response_args_fold_return (MibewEventArgs *args,
                                        gpointer        value)
{
  MibewWidgetResponseArgs *self = MIBEW_WIDGET_RESPONSE_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->response);
  self->response = value;
}

static void
mibew_widget_response_args_finalize (GObject *object)
{
  MibewWidgetResponseArgs *self = MIBEW_WIDGET_RESPONSE_ARGS (object);

  g_clear_object (&self->visitor);
  g_clear_object (&self->request);
  g_clear_object (&self->response);
  g_clear_object (&self->route_url_generator);
  g_clear_object (&self->asset_url_generator);

  G_OBJECT_CLASS (mibew_widget_response_args_parent_class)->finalize (object);
}

static void
mibew_widget_response_args_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  MibewWidgetResponseArgs *self = MIBEW_WIDGET_RESPONSE_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITOR:
      g_value_set_object (value, self->visitor);
      break;
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_RESPONSE:
      g_value_set_object (value, self->response);
      break;
    case PROP_ROUTE_URL_GENERATOR:
      g_value_set_object (value, self->route_url_generator);
      break;
    case PROP_ASSET_URL_GENERATOR:
      g_value_set_object (value, self->asset_url_generator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_widget_response_args_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  MibewWidgetResponseArgs *self = MIBEW_WIDGET_RESPONSE_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITOR:
      mibew_widget_response_args_set_visitor (self, g_value_get_object (value));
      break;
    case PROP_REQUEST:
      mibew_widget_response_args_set_request (self, g_value_get_object (value));
      break;
    case PROP_RESPONSE:
      mibew_widget_response_args_set_response (self, g_value_get_object (value));
      break;
    case PROP_ROUTE_URL_GENERATOR:
      mibew_widget_response_args_set_route_url_generator (self, g_value_get_object (value));
      break;
    case PROP_ASSET_URL_GENERATOR:
      mibew_widget_response_args_set_asset_url_generator (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_widget_response_args_class_init (MibewWidgetResponseArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_widget_response_args_finalize;
  object_class->get_property = mibew_widget_response_args_get_property;
  object_class->set_property = mibew_widget_response_args_set_property;

  args_class->return_type = MIBEW_TYPE_WIDGET_RESPONSE;
  args_class->fold_return = mibew_widget_response_args_fold_return;

  /**
   * MibewWidgetResponseArgs:visitor:
   *
   * The visitor the widget runs for (`visitor`).
   */
  properties[PROP_VISITOR] =
    g_param_spec_object ("visitor", NULL, NULL, MIBEW_TYPE_SITE_VISITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewWidgetResponseArgs:request:
   *
   * The widget's request (`request`).
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, MIBEW_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewWidgetResponseArgs:response:
   *
   * The data to send to the widget (`response`). Listeners add libraries to
   * load, handlers to call, their dependencies and data, or replace it by
   * returning a new #MibewWidgetResponse from the signal.
   */
  properties[PROP_RESPONSE] =
    g_param_spec_object ("response", NULL, NULL, MIBEW_TYPE_WIDGET_RESPONSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewWidgetResponseArgs:route-url-generator:
   *
   * Generates the URLs of routes (`route_url_generator`).
   */
  properties[PROP_ROUTE_URL_GENERATOR] =
    g_param_spec_object ("route-url-generator", NULL, NULL, MIBEW_TYPE_URL_GENERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewWidgetResponseArgs:asset-url-generator:
   *
   * Generates the URLs of assets (`asset_url_generator`).
   */
  properties[PROP_ASSET_URL_GENERATOR] =
    g_param_spec_object ("asset-url-generator", NULL, NULL, MIBEW_TYPE_URL_GENERATOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_widget_response_args_init (MibewWidgetResponseArgs *self)
{
}

/**
 * mibew_widget_response_args_new:
 * @visitor: (nullable): the visitor
 * @request: (nullable): the request
 * @response: (nullable): the response
 * @route_url_generator: (nullable): the generator of route URLs
 * @asset_url_generator: (nullable): the generator of asset URLs
 *
 * Creates the arguments of `widgetResponseAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewWidgetResponseArgs *
mibew_widget_response_args_new (MibewSiteVisitor    *visitor,
                                MibewRequest        *request,
                                MibewWidgetResponse *response,
                                MibewUrlGenerator   *route_url_generator,
                                MibewUrlGenerator   *asset_url_generator)
{
  MibewWidgetResponseArgs *self = g_object_new (MIBEW_TYPE_WIDGET_RESPONSE_ARGS, NULL);

  mibew_widget_response_args_set_visitor (self, visitor);
  mibew_widget_response_args_set_request (self, request);
  mibew_widget_response_args_set_response (self, response);
  mibew_widget_response_args_set_route_url_generator (self, route_url_generator);
  mibew_widget_response_args_set_asset_url_generator (self, asset_url_generator);
  return self;
}

/**
 * mibew_widget_response_args_get_visitor:
 * @self: a #MibewWidgetResponseArgs
 *
 * Gets the visitor.
 *
 * Returns: (transfer none) (nullable): the visitor
 */
MibewSiteVisitor *
mibew_widget_response_args_get_visitor (MibewWidgetResponseArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self), NULL);

  return self->visitor;
}

/**
 * mibew_widget_response_args_set_visitor:
 * @self: a #MibewWidgetResponseArgs
 * @visitor: (nullable): the visitor
 *
 * Sets the visitor.
 */
void
mibew_widget_response_args_set_visitor (MibewWidgetResponseArgs *self,
                                        MibewSiteVisitor        *visitor)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self));
  g_return_if_fail (visitor == NULL || MIBEW_IS_SITE_VISITOR (visitor));

  g_set_object (&self->visitor, visitor);
}

/**
 * mibew_widget_response_args_get_request:
 * @self: a #MibewWidgetResponseArgs
 *
 * Gets the request.
 *
 * Returns: (transfer none) (nullable): the request
 */
MibewRequest *
mibew_widget_response_args_get_request (MibewWidgetResponseArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self), NULL);

  return self->request;
}

/**
 * mibew_widget_response_args_set_request:
 * @self: a #MibewWidgetResponseArgs
 * @request: (nullable): the request
 *
 * Sets the request.
 */
void
mibew_widget_response_args_set_request (MibewWidgetResponseArgs *self,
                                        MibewRequest            *request)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  g_set_object (&self->request, request);
}

/**
 * mibew_widget_response_args_get_response:
 * @self: a #MibewWidgetResponseArgs
 *
 * Gets the response.
 *
 * Returns: (transfer none) (nullable): the response
 */
MibewWidgetResponse *
mibew_widget_response_args_get_response (MibewWidgetResponseArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self), NULL);

  return self->response;
}

/**
 * mibew_widget_response_args_set_response:
 * @self: a #MibewWidgetResponseArgs
 * @response: (nullable): the response
 *
 * Replaces the response.
 */
void
mibew_widget_response_args_set_response (MibewWidgetResponseArgs *self,
                                         MibewWidgetResponse     *response)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self));
  g_return_if_fail (response == NULL || MIBEW_IS_WIDGET_RESPONSE (response));

  g_set_object (&self->response, response);
}

/**
 * mibew_widget_response_args_get_route_url_generator:
 * @self: a #MibewWidgetResponseArgs
 *
 * Gets the route url generator.
 *
 * Returns: (transfer none) (nullable): the generator of route URLs
 */
MibewUrlGenerator *
mibew_widget_response_args_get_route_url_generator (MibewWidgetResponseArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self), NULL);

  return self->route_url_generator;
}

/**
 * mibew_widget_response_args_set_route_url_generator:
 * @self: a #MibewWidgetResponseArgs
 * @route_url_generator: (nullable): the generator of route URLs
 *
 * Sets the generator of route URLs.
 */
void
mibew_widget_response_args_set_route_url_generator (MibewWidgetResponseArgs *self,
                                                    MibewUrlGenerator       *route_url_generator)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self));
  g_return_if_fail (route_url_generator == NULL || MIBEW_IS_URL_GENERATOR (route_url_generator));

  g_set_object (&self->route_url_generator, route_url_generator);
}

/**
 * mibew_widget_response_args_get_asset_url_generator:
 * @self: a #MibewWidgetResponseArgs
 *
 * Gets the asset url generator.
 *
 * Returns: (transfer none) (nullable): the generator of asset URLs
 */
MibewUrlGenerator *
mibew_widget_response_args_get_asset_url_generator (MibewWidgetResponseArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self), NULL);

  return self->asset_url_generator;
}

/**
 * mibew_widget_response_args_set_asset_url_generator:
 * @self: a #MibewWidgetResponseArgs
 * @asset_url_generator: (nullable): the generator of asset URLs
 *
 * Sets the generator of asset URLs.
 */
void
mibew_widget_response_args_set_asset_url_generator (MibewWidgetResponseArgs *self,
                                                    MibewUrlGenerator       *asset_url_generator)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (self));
  g_return_if_fail (asset_url_generator == NULL || MIBEW_IS_URL_GENERATOR (asset_url_generator));

  g_set_object (&self->asset_url_generator, asset_url_generator);
}
