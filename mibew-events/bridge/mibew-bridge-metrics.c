/* mibew-bridge-metrics.c: the counters behind GET /metrics
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <mibew-events/mibew-events.h>

#include <string.h>

#include "mibew-bridge-metrics-private.h"

/* The latency buckets, in seconds: a no-listener event takes tens of
 * microseconds, a Python listener a millisecond, a slow plugin seconds. */
static const double buckets[] = {
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
  0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
};
#define N_BUCKETS G_N_ELEMENTS (buckets)

/* HTTP statuses the server answers with; anything else is counted as
 * "other" so that a label never takes a value we did not plan for */
static const guint statuses[] = { 200, 400, 401, 404, 405, 413, 415, 500, 503 };
#define N_STATUSES G_N_ELEMENTS (statuses)
#define STATUS_OTHER N_STATUSES

static const char * const route_labels[MIBEW_BRIDGE_N_ROUTES] = {
  [MIBEW_BRIDGE_ROUTE_NONE] = "none",
  [MIBEW_BRIDGE_ROUTE_EVENT] = "event",
  [MIBEW_BRIDGE_ROUTE_EVENTS] = "events",
  [MIBEW_BRIDGE_ROUTE_HEALTH] = "health",
  [MIBEW_BRIDGE_ROUTE_METRICS] = "metrics",
  [MIBEW_BRIDGE_ROUTE_OTHER] = "other",
};

struct _MibewBridgeMetrics
{
  GMutex lock;
  guint n_events;
  /* [event][status]: POSTs of known events */
  guint64 (*events)[N_STATUSES + 1];
  /* [route][status]: every request */
  guint64 requests[MIBEW_BRIDGE_N_ROUTES][N_STATUSES + 1];
  guint64 aborted[MIBEW_BRIDGE_N_ROUTES];
  guint64 *failures;            /* [event] */
  GHashTable *plugin_failures;  /* interned plugin name -> count */
  /* latency of event POSTs */
  guint64 histogram[N_BUCKETS + 1];
  double histogram_sum;
  guint64 histogram_count;
};

static GHashTable *
event_indexes (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      const char * const *names = mibew_event_dispatcher_list_events ();

      for (guint i = 0; names[i] != NULL; i++)
        g_hash_table_insert (t, (gpointer) names[i], GUINT_TO_POINTER (i + 1));
      g_once_init_leave (&table, t);
    }
  return table;
}

/* the event's position in mibew_event_dispatcher_list_events(), or -1 */
int
mibew_bridge_event_index (const char *event_name)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (event_indexes (), event_name)) - 1;
}

const char *
mibew_bridge_route_label (MibewBridgeRoute route)
{
  return route_labels[route];
}

static guint
status_slot (guint status)
{
  for (guint i = 0; i < N_STATUSES; i++)
    if (statuses[i] == status)
      return i;
  return STATUS_OTHER;
}

MibewBridgeMetrics *
mibew_bridge_metrics_new (void)
{
  MibewBridgeMetrics *m = g_new0 (MibewBridgeMetrics, 1);

  g_mutex_init (&m->lock);
  m->n_events = g_strv_length ((char **) mibew_event_dispatcher_list_events ());
  m->events = g_malloc0 (m->n_events * sizeof *m->events);
  m->failures = g_new0 (guint64, m->n_events);
  m->plugin_failures = g_hash_table_new (NULL, NULL);
  return m;
}

void
mibew_bridge_metrics_free (MibewBridgeMetrics *m)
{
  if (m == NULL)
    return;
  g_mutex_clear (&m->lock);
  g_free (m->events);
  g_free (m->failures);
  g_hash_table_unref (m->plugin_failures);
  g_free (m);
}

void
mibew_bridge_metrics_record (MibewBridgeMetrics *m,
                             MibewBridgeRoute    route,
                             int                 event_index,
                             guint               status,
                             double              seconds)
{
  guint slot = status_slot (status);

  g_mutex_lock (&m->lock);
  m->requests[route][slot]++;
  if (route == MIBEW_BRIDGE_ROUTE_EVENT && event_index >= 0)
    {
      guint b = 0;

      m->events[event_index][slot]++;
      while (b < N_BUCKETS && seconds > buckets[b])
        b++;
      m->histogram[b]++;
      m->histogram_sum += seconds;
      m->histogram_count++;
    }
  g_mutex_unlock (&m->lock);
}

void
mibew_bridge_metrics_record_aborted (MibewBridgeMetrics *m,
                                     MibewBridgeRoute    route)
{
  g_mutex_lock (&m->lock);
  m->aborted[route]++;
  g_mutex_unlock (&m->lock);
}

/* Called in the thread of the failed emission. @plugin: the owner of the
 * listener (mibew_event_dispatcher_get_failure_owner()), or NULL. */
void
mibew_bridge_metrics_record_failure (MibewBridgeMetrics *m,
                                     const char         *event_name,
                                     const char         *plugin)
{
  int index = mibew_bridge_event_index (event_name);

  if (index < 0)
    return;
  g_mutex_lock (&m->lock);
  m->failures[index]++;
  if (plugin != NULL)
    {
      const char *key = g_intern_string (plugin);

      g_hash_table_insert (m->plugin_failures, (gpointer) key,
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (m->plugin_failures, key)) + 1));
    }
  g_mutex_unlock (&m->lock);
}

/* A Prometheus label value: backslash, quote and newline escaped */
static char *
metrics_label_escape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (; *value != '\0'; value++)
    if (*value == '\\' || *value == '"')
      g_string_append_printf (out, "\\%c", *value);
    else if (*value == '\n')
      g_string_append (out, "\\n");
    else
      g_string_append_c (out, *value);
  return g_string_free (out, FALSE);
}

static void
status_label (GString *out,
              guint    slot)
{
  if (slot == STATUS_OTHER)
    g_string_append (out, "other");
  else
    g_string_append_printf (out, "%u", statuses[slot]);
}

/* Prometheus' text format, version 0.0.4. Every label value is one of
 * ours (event names from the table, fixed routes and statuses), so none
 * needs escaping. */
void
mibew_bridge_metrics_render (MibewBridgeMetrics *m,
                             GString            *out)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  guint64 cumulative = 0;

  g_mutex_lock (&m->lock);

  g_string_append (out,
                   "# HELP mibew_bridge_events_total Events posted to POST /v1/events/{event}, by event and HTTP status.\n"
                   "# TYPE mibew_bridge_events_total counter\n");
  for (guint e = 0; e < m->n_events; e++)
    for (guint s = 0; s <= N_STATUSES; s++)
      if (m->events[e][s] != 0)
        {
          g_string_append_printf (out, "mibew_bridge_events_total{event=\"%s\",status=\"", names[e]);
          status_label (out, s);
          g_string_append_printf (out, "\"} %" G_GUINT64_FORMAT "\n", m->events[e][s]);
        }

  g_string_append (out,
                   "# HELP mibew_bridge_requests_total Requests answered, by endpoint and HTTP status.\n"
                   "# TYPE mibew_bridge_requests_total counter\n");
  for (guint r = 0; r < MIBEW_BRIDGE_N_ROUTES; r++)
    for (guint s = 0; s <= N_STATUSES; s++)
      if (m->requests[r][s] != 0)
        {
          g_string_append_printf (out, "mibew_bridge_requests_total{endpoint=\"%s\",status=\"",
                                  route_labels[r]);
          status_label (out, s);
          g_string_append_printf (out, "\"} %" G_GUINT64_FORMAT "\n", m->requests[r][s]);
        }

  g_string_append (out,
                   "# HELP mibew_bridge_requests_aborted_total Requests whose client went away before the answer.\n"
                   "# TYPE mibew_bridge_requests_aborted_total counter\n");
  for (guint r = 0; r < MIBEW_BRIDGE_N_ROUTES; r++)
    if (m->aborted[r] != 0)
      g_string_append_printf (out, "mibew_bridge_requests_aborted_total{endpoint=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              route_labels[r], m->aborted[r]);

  g_string_append (out,
                   "# HELP mibew_bridge_listener_failures_total Listeners that failed, by event.\n"
                   "# TYPE mibew_bridge_listener_failures_total counter\n");
  for (guint e = 0; e < m->n_events; e++)
    if (m->failures[e] != 0)
      g_string_append_printf (out, "mibew_bridge_listener_failures_total{event=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              names[e], m->failures[e]);

  g_string_append (out,
                   "# HELP mibew_bridge_plugin_failures_total Listeners that failed, by the plugin that attached them.\n"
                   "# TYPE mibew_bridge_plugin_failures_total counter\n");
  {
    g_autoptr(GList) plugins = g_hash_table_get_keys (m->plugin_failures);

    plugins = g_list_sort (plugins, (GCompareFunc) strcmp);
    for (GList *l = plugins; l != NULL; l = l->next)
      {
        g_autofree char *label = metrics_label_escape (l->data);

        g_string_append_printf (out, "mibew_bridge_plugin_failures_total{plugin=\"%s\"} %" G_GSIZE_FORMAT "\n",
                                label, GPOINTER_TO_SIZE (g_hash_table_lookup (m->plugin_failures, l->data)));
      }
  }

  g_string_append (out,
                   "# HELP mibew_bridge_event_duration_seconds Time from the request's first byte to its answer, for event POSTs.\n"
                   "# TYPE mibew_bridge_event_duration_seconds histogram\n");
  for (guint b = 0; b < N_BUCKETS; b++)
    {
      char le[G_ASCII_DTOSTR_BUF_SIZE];

      cumulative += m->histogram[b];
      g_string_append_printf (out, "mibew_bridge_event_duration_seconds_bucket{le=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              g_ascii_dtostr (le, sizeof le, buckets[b]), cumulative);
    }
  cumulative += m->histogram[N_BUCKETS];
  g_string_append_printf (out, "mibew_bridge_event_duration_seconds_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n",
                          cumulative);
  {
    char sum[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append_printf (out, "mibew_bridge_event_duration_seconds_sum %s\n",
                            g_ascii_dtostr (sum, sizeof sum, m->histogram_sum));
  }
  g_string_append_printf (out, "mibew_bridge_event_duration_seconds_count %" G_GUINT64_FORMAT "\n",
                          m->histogram_count);

  g_mutex_unlock (&m->lock);
}
