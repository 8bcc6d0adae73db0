/* mibew-widget-events.h: widget events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-widget-response-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_WIDGET_EVENTS (mibew_widget_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewWidgetEvents, mibew_widget_events, MIBEW, WIDGET_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_widget_events_emit_response_alter (MibewWidgetEvents *self,
                                                   MibewWidgetResponseArgs *args);

G_END_DECLS
