/* mibew-widget-response-args.h: arguments of widgetResponseAlter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-request.h"
#include "mibew-site-visitor.h"
#include "mibew-url-generator.h"
#include "mibew-widget-response.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_WIDGET_RESPONSE_ARGS (mibew_widget_response_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewWidgetResponseArgs, mibew_widget_response_args, MIBEW, WIDGET_RESPONSE_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewWidgetResponseArgs *mibew_widget_response_args_new                     (MibewSiteVisitor        *visitor,
                                                                             MibewRequest            *request,
                                                                             MibewWidgetResponse     *response,
                                                                             MibewUrlGenerator       *route_url_generator,
                                                                             MibewUrlGenerator       *asset_url_generator);
MIBEW_AVAILABLE_IN_ALL
MibewSiteVisitor        *mibew_widget_response_args_get_visitor             (MibewWidgetResponseArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_widget_response_args_set_visitor             (MibewWidgetResponseArgs *self,
                                                                             MibewSiteVisitor        *visitor);
MIBEW_AVAILABLE_IN_ALL
MibewRequest            *mibew_widget_response_args_get_request             (MibewWidgetResponseArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_widget_response_args_set_request             (MibewWidgetResponseArgs *self,
                                                                             MibewRequest            *request);
MIBEW_AVAILABLE_IN_ALL
MibewWidgetResponse     *mibew_widget_response_args_get_response            (MibewWidgetResponseArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_widget_response_args_set_response            (MibewWidgetResponseArgs *self,
                                                                             MibewWidgetResponse     *response);
MIBEW_AVAILABLE_IN_ALL
MibewUrlGenerator       *mibew_widget_response_args_get_route_url_generator (MibewWidgetResponseArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_widget_response_args_set_route_url_generator (MibewWidgetResponseArgs *self,
                                                                             MibewUrlGenerator       *route_url_generator);
MIBEW_AVAILABLE_IN_ALL
MibewUrlGenerator       *mibew_widget_response_args_get_asset_url_generator (MibewWidgetResponseArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_widget_response_args_set_asset_url_generator (MibewWidgetResponseArgs *self,
                                                                             MibewUrlGenerator       *asset_url_generator);

G_END_DECLS
