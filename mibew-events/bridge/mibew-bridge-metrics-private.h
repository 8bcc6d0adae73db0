/* mibew-bridge-metrics-private.h: the counters behind GET /metrics
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* what a request was for, a fixed set so that labels stay bounded */
typedef enum {
  MIBEW_BRIDGE_ROUTE_NONE,      /* not read far enough to know */
  MIBEW_BRIDGE_ROUTE_EVENT,     /* POST /v1/events/{eventName} */
  MIBEW_BRIDGE_ROUTE_EVENTS,    /* GET /v1/events */
  MIBEW_BRIDGE_ROUTE_HEALTH,    /* GET /v1/health */
  MIBEW_BRIDGE_ROUTE_METRICS,   /* GET /metrics */
  MIBEW_BRIDGE_ROUTE_OTHER,     /* anything else: 404 */
  MIBEW_BRIDGE_N_ROUTES
} MibewBridgeRoute;

typedef struct _MibewBridgeMetrics MibewBridgeMetrics;

int                 mibew_bridge_event_index       (const char         *event_name);
const char         *mibew_bridge_route_label       (MibewBridgeRoute    route);

MibewBridgeMetrics *mibew_bridge_metrics_new       (void);
void                mibew_bridge_metrics_free      (MibewBridgeMetrics *metrics);
void                mibew_bridge_metrics_record    (MibewBridgeMetrics *metrics,
                                                    MibewBridgeRoute    route,
                                                    int                 event_index,
                                                    guint               status,
                                                    double              seconds);
void                mibew_bridge_metrics_record_aborted (MibewBridgeMetrics *metrics,
                                                    MibewBridgeRoute    route);
void                mibew_bridge_metrics_record_failure (MibewBridgeMetrics *metrics,
                                                    const char         *event_name,
                                                    const char         *plugin);
void                mibew_bridge_metrics_render    (MibewBridgeMetrics *metrics,
                                                    GString            *out);

G_END_DECLS
