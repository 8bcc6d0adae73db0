/* mibew-widget-response.h: the data sent to the widget
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_WIDGET_RESPONSE (mibew_widget_response_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewWidgetResponse, mibew_widget_response, MIBEW, WIDGET_RESPONSE, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewWidgetResponse *mibew_widget_response_new              (void);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_widget_response_add_load         (MibewWidgetResponse *self,
                                                             const char          *lib_id,
                                                             const char          *url);
MIBEW_AVAILABLE_IN_ALL
const char          *mibew_widget_response_get_load_url     (MibewWidgetResponse *self,
                                                             const char          *lib_id);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_widget_response_add_handler      (MibewWidgetResponse *self,
                                                             const char          *name);
MIBEW_AVAILABLE_IN_ALL
GStrv                mibew_widget_response_get_handlers     (MibewWidgetResponse *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_widget_response_set_dependencies (MibewWidgetResponse *self,
                                                             const char          *handler,
                                                             const char * const  *lib_ids);
MIBEW_AVAILABLE_IN_ALL
GStrv                mibew_widget_response_get_dependencies (MibewWidgetResponse *self,
                                                             const char          *handler);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_widget_response_set_data         (MibewWidgetResponse *self,
                                                             const char          *handler,
                                                             JsonNode            *data);
MIBEW_AVAILABLE_IN_ALL
JsonNode            *mibew_widget_response_get_data         (MibewWidgetResponse *self,
                                                             const char          *handler);

G_END_DECLS
