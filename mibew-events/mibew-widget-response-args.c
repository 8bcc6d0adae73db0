/* mibew-widget-response-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-widget-response-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
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
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_widget_response_args);

enum {
  FIELD_VISITOR,
  FIELD_REQUEST,
  FIELD_RESPONSE,
  FIELD_ROUTE_URL_GENERATOR,
  FIELD_ASSET_URL_GENERATOR,
};

static const MibewArgField fields[] = {
  { "visitor", "visitor", MIBEW_ARG_RECORD, mibew_site_visitor_get_type,
    G_STRUCT_OFFSET (MibewWidgetResponseArgs, visitor), 0, MIBEW_FOLD_NONE,
    "The visitor" },
  { "request", "request", MIBEW_ARG_RECORD, mibew_request_get_type,
    G_STRUCT_OFFSET (MibewWidgetResponseArgs, request), 0, MIBEW_FOLD_NONE,
    "The incoming request" },
  { "response", "response", MIBEW_ARG_RECORD, mibew_widget_response_get_type,
    G_STRUCT_OFFSET (MibewWidgetResponseArgs, response), MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The data sent to the widget" },
  { "route_url_generator", "route-url-generator", MIBEW_ARG_URL_GENERATOR, NULL,
    G_STRUCT_OFFSET (MibewWidgetResponseArgs, route_url_generator), 0, MIBEW_FOLD_NONE,
    "Generates URLs of routes" },
  { "asset_url_generator", "asset-url-generator", MIBEW_ARG_URL_GENERATOR, NULL,
    G_STRUCT_OFFSET (MibewWidgetResponseArgs, asset_url_generator), 0, MIBEW_FOLD_NONE,
    "Generates URLs of assets" },
};

/**
 * MibewWidgetResponseArgs:visitor:
 *
 * The visitor the widget runs for (`visitor`).
 */
/**
 * MibewWidgetResponseArgs:request:
 *
 * The widget's request (`request`).
 */
/**
 * MibewWidgetResponseArgs:response:
 *
 * The data to send to the widget (`response`). Listeners add libraries to
 * load, handlers to call, their dependencies and data, or replace it by
 * returning a new #MibewWidgetResponse from the signal.
 */
/**
 * MibewWidgetResponseArgs:route-url-generator:
 *
 * Generates the URLs of routes (`route_url_generator`).
 */
/**
 * MibewWidgetResponseArgs:asset-url-generator:
 *
 * Generates the URLs of assets (`asset_url_generator`).
 */

static void
mibew_widget_response_args_class_init (MibewWidgetResponseArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_widget_response_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_WIDGET_RESPONSE_ARGS,
                                           (gconstpointer[]) { &visitor, &request, &response, &route_url_generator, &asset_url_generator });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args));
  g_return_if_fail (visitor == NULL || MIBEW_IS_SITE_VISITOR (visitor));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_VISITOR, &visitor);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST, &request);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args));
  g_return_if_fail (response == NULL || MIBEW_IS_WIDGET_RESPONSE (response));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_RESPONSE, &response);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args));
  g_return_if_fail (route_url_generator == NULL || MIBEW_IS_URL_GENERATOR (route_url_generator));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ROUTE_URL_GENERATOR, &route_url_generator);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_widget_response_args));
  g_return_if_fail (asset_url_generator == NULL || MIBEW_IS_URL_GENERATOR (asset_url_generator));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ASSET_URL_GENERATOR, &asset_url_generator);
}
