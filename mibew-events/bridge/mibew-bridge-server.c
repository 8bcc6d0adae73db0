/* mibew-bridge-server.c: the HTTP bridge server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixsocketaddress.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "mibew-bridge-server.h"
#include "mibew-bridge-enum-types.h"
#include "mibew-bridge-error.h"
#include "mibew-bridge-auth-private.h"
#include "mibew-bridge-config-private.h"
#include "mibew-bridge-i18n-private.h"
#include "mibew-bridge-metrics-private.h"

/**
 * MibewBridgeServer:
 *
 * The HTTP bridge: a libsoup-3 #SoupServer that a Mibew (PHP) server
 * calls to trigger events on a #MibewEventDispatcher, and that answers
 * with the arguments as the listeners left them.
 *
 * Endpoints:
 *
 * - `POST /v1/events/{eventName}`: the body is the event's arguments in
 *   their JSON form (`Content-Type: application/json`); the answer, 200,
 *   is the changed arguments in the same form.
 * - `GET /v1/events`: every event with its category, signal, kind and
 *   current number of listeners, `{"events": [{"name": ..., "category":
 *   ..., "signal": ..., "kind": ..., "listeners": 0}, ...]}`.
 * - `GET /v1/health`: `{"status": "ok", ...}`.
 * - `GET /metrics`: counters and a latency histogram in Prometheus' text
 *   format.
 *
 * Errors are answered with `{"error": {"code": "...", "message": "..."}}`
 * and 400 (malformed JSON, arguments of the wrong type: the message names
 * the JSON path), 401 (a missing, wrong, stale or replayed signature), 404
 * (an unknown event or path), 405 (a wrong method; `Allow` says which),
 * 413 (a body over #MibewBridgeServer:body-limit), 415 (not
 * `application/json`), 500 (a fault of ours) or 503 (the request passed
 * #MibewBridgeServer:deadline, or the server is shutting down).
 *
 * With a secret (mibew_bridge_server_set_secret(),
 * #MibewBridgeServer:secret-file), every request carries
 * `X-Mibew-Timestamp` (unix seconds, optionally with a fraction) and
 * `X-Mibew-Signature: sha256=HEX`, the HMAC-SHA256 of the timestamp, a
 * line feed, the method, a space, the path (without the query string), a
 * line feed and the body: `timestamp "\n" METHOD " " path "\n" body`, so
 * a signature holds for one event and one body at one time. Without a secret the server listens on loopback
 * addresses and Unix sockets only.
 *
 * A minimal server from Python:
 *
 * ```python
 * from gi.repository import GLib, MibewBridge, MibewEvents
 *
 * dispatcher = MibewEvents.EventDispatcher.get_default()
 * dispatcher.attach_listener('threadPostMessage', 0, shout)
 * server = MibewBridge.Server.new(dispatcher)
 * server.listen('127.0.0.1', 8931)
 * GLib.MainLoop().run()
 * ```
 *
 * ## Threads
 *
 * The server belongs to the #GMainContext that is the thread-default one
 * when it is created: its sockets, its requests and its signals are
 * handled there, and its methods are called from that thread. Listeners
 * run where #MibewBridgeServer:dispatch-mode says: one at a time on a
 * worker thread of the server's (the default, right for C and Python), on
 * several worker threads at once (C only), or in the server's main
 * context (GJS). Reading requests, checking signatures and answering the
 * other endpoints goes on meanwhile.
 */

struct _MibewBridgeServer
{
  GObject parent_instance;

  MibewEventDispatcher *dispatcher;
  SoupServer *soup;
  GMainContext *context;
  gulong failed_handler;
  /* emissions hold it for reading; hold_emissions() for writing, so that
   * a plugin reload swaps the whole set between two emissions */
  GRWLock emission_lock;
  /* a job's arguments, which its worker frees while the deadline may ask
   * them which plugin is running */
  GMutex args_lock;

  GBytes *secret;
  GHmac *hmac;                  /* keyed with the secret; copied per request */
  char *secret_file;
  gboolean secret_file_loaded;
  guint64 body_limit;
  guint deadline;               /* milliseconds, 0 for none */
  guint replay_window;          /* seconds */
  guint replay_cache_size;
  MibewBridgeDispatchMode dispatch_mode;
  guint max_threads;

  GThreadPool *serial_pool;
  GThreadPool *threads_pool;
  struct _Completions *completions;

  MibewBridgeReplayCache *replay;
  MibewBridgeMetrics *metrics;

  GQueue pending;               /* Request links, oldest first: the deadline queue */
  GSource *deadline_source;

  guint in_flight;
  gboolean shutting_down;
  gboolean shut_down;
  GPtrArray *shutdown_tasks;
  GPtrArray *socket_paths;      /* Unix sockets we created, removed at shutdown */
  gint64 started_us;
};

G_DEFINE_FINAL_TYPE (MibewBridgeServer, mibew_bridge_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPATCHER,
  PROP_SOUP_SERVER,
  PROP_SECRET,
  PROP_SECRET_FILE,
  PROP_HAS_SECRET,
  PROP_BODY_LIMIT,
  PROP_DEADLINE,
  PROP_REPLAY_WINDOW,
  PROP_REPLAY_CACHE_SIZE,
  PROP_DISPATCH_MODE,
  PROP_MAX_THREADS,
  PROP_IN_FLIGHT,
  PROP_SHUTTING_DOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONFIG_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_REPLAY_CACHE_SIZE 131072
#define LISTEN_BACKLOG 511   /* as nginx; the kernel caps it at somaxconn */

/* ---- requests ---------------------------------------------------------- */

typedef enum {
  STAGE_HEADERS,      /* started, headers not read yet */
  STAGE_BODY,         /* headers read, reading the body */
  STAGE_DISPATCHED,   /* paused: listeners are running */
  STAGE_ANSWERED,     /* the answer is set; soup writes it */
  STAGE_FINISHED,     /* soup is done with it */
} Stage;

typedef struct {
  MibewBridgeServer *server;    /* no reference; cleared at dispose */
  SoupServerMessage *msg;       /* no reference: this is its qdata */
  GList link;                   /* in server->pending until finished or expired */
  gint64 start_us;
  Stage stage;
  MibewBridgeRoute route;
  int event_index;
  const char *event;            /* from the event table */
  const char *code;             /* error code of the answer, for the log */
  guint64 body_seen;
  guint64 body_limit;           /* the server's when the request started:
                                 * a reload does not change it midway */
  guint raw_status;             /* answered by hand at the deadline */
  guint answered_status;        /* the status respond() set */
  gboolean too_large;
  gboolean counted;             /* in server->in_flight */
  gboolean linked;
  gint64 timestamp_ns;
  guint8 signature[MIBEW_BRIDGE_DIGEST_LEN];
  struct _Job *job;             /* while its listeners run on a worker */
  const char *plugin;           /* the hung plugin at the deadline (a quark's) */
} Request;

static GQuark
request_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("mibew-bridge-request");
  return quark;
}

static Request *
get_request (SoupServerMessage *msg)
{
  return g_object_get_qdata (G_OBJECT (msg), request_quark ());
}

static void
request_unlink (Request *req)
{
  if (req->linked && req->server != NULL)
    g_queue_unlink (&req->server->pending, &req->link);
  req->linked = FALSE;
}

static void
request_free (gpointer data)
{
  Request *req = data;

  request_unlink (req);
  g_free (req);
}

/* ---- answers ----------------------------------------------------------- */

static const char *
reason_of (guint status)
{
  return soup_status_get_phrase (status);
}

/* @plugin: the plugin whose listener overran the deadline, or NULL */
static char *
error_body (const char *code,
            const char *message,
            const char *plugin)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (plugin != NULL)
    {
      json_builder_set_member_name (builder, "plugin");
      json_builder_add_string_value (builder, plugin);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
respond (Request    *req,
         guint       status,
         const char *content_type,
         char       *body)   /* (transfer full) */
{
  SoupServerMessage *msg = req->msg;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  req->answered_status = status;
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  /* a server going away closes every connection after its answer */
  if (req->server != NULL && req->server->shutting_down)
    soup_message_headers_replace (headers, "Connection", "close");
  req->stage = STAGE_ANSWERED;
}

static void
respond_json (Request *req,
              guint    status,
              char    *json)
{
  respond (req, status, "application/json", json);
}

static void
respond_error (Request    *req,
               guint       status,
               const char *code,
               const char *message)
{
  req->code = code;
  respond_json (req, status, error_body (code, message, req->plugin));
}

/* An answer decided before the body is read: soup still reads the body
 * (that keeps the connection usable), but nothing keeps it. */
static void
reject_early (Request    *req,
              guint       status,
              const char *code,
              const char *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);

  soup_message_body_set_accumulate (body, FALSE);
  respond_error (req, status, code, message);
}

/* ---- logging ----------------------------------------------------------- */

/* One structured record per request: the event (from the table, never
 * the path as sent), the status, the duration and the endpoint. Never the
 * body, the signature or the secret. Ordinary requests are logged at the
 * info level, which the default log writer shows only with
 * G_MESSAGES_DEBUG=MibewBridge; answers of 500 and 503 are messages. */
static void
log_request (Request *req,
             guint    status,
             double   seconds,
             gboolean aborted)
{
  GLogLevelFlags level = (status >= 500 && !aborted) ? G_LOG_LEVEL_MESSAGE : G_LOG_LEVEL_INFO;
  char message[256];
  char status_text[16];
  char duration[G_ASCII_DTOSTR_BUF_SIZE];
  const char *endpoint = mibew_bridge_route_label (req->route);
  const char *event = req->event != NULL ? req->event : "";
  const GLogField fields[] = {
    { "MESSAGE", message, -1 },
    { "PRIORITY", level == G_LOG_LEVEL_MESSAGE ? "5" : "6", -1 },
    { "GLIB_DOMAIN", G_LOG_DOMAIN, -1 },
    { "MIBEW_EVENT", event, -1 },
    { "MIBEW_STATUS", status_text, -1 },
    { "MIBEW_DURATION", duration, -1 },
    { "MIBEW_ENDPOINT", endpoint, -1 },
    { "MIBEW_CODE", req->code != NULL ? req->code : "", -1 },
    { "MIBEW_PLUGIN", req->plugin != NULL ? req->plugin : "", -1 },
  };

  if (level == G_LOG_LEVEL_INFO && g_log_writer_default_would_drop (level, G_LOG_DOMAIN))
    return;

  if (aborted)
    g_strlcpy (status_text, "aborted", sizeof status_text);
  else
    g_snprintf (status_text, sizeof status_text, "%u", status);
  g_ascii_formatd (duration, sizeof duration, "%.6f", seconds);
  if (req->event != NULL)
    g_snprintf (message, sizeof message, "%s %s: %s in %.3f ms%s%s%s%s", endpoint, event, status_text,
                seconds * 1000, req->code != NULL ? ", " : "", req->code != NULL ? req->code : "",
                req->plugin != NULL ? ", plugin " : "", req->plugin != NULL ? req->plugin : "");
  else
    g_snprintf (message, sizeof message, "%s: %s in %.3f ms%s%s", endpoint, status_text,
                seconds * 1000, req->code != NULL ? ", " : "", req->code != NULL ? req->code : "");
  /* the last field only when a plugin is named */
  g_log_structured_array (level, fields, G_N_ELEMENTS (fields) - (req->plugin != NULL ? 0 : 1));
}

static void
log_message (GLogLevelFlags  level,
             const char     *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
log_message (GLogLevelFlags  level,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_log_structured (G_LOG_DOMAIN, level, "MESSAGE", "%s", message);
}

/* ---- the deadline ------------------------------------------------------ */

static gboolean
deadline_dispatch (GSource     *source,
                   GSourceFunc  callback,
                   gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs deadline_funcs = {
  .dispatch = deadline_dispatch,
};

static void
arm_deadline (MibewBridgeServer *self)
{
  Request *head;

  if (self->deadline_source == NULL)
    return;
  if (self->deadline == 0 || self->pending.head == NULL)
    {
      g_source_set_ready_time (self->deadline_source, -1);
      return;
    }
  head = self->pending.head->data;
  /* set only when unset: a wake-up for a request that finished meanwhile
   * costs less than moving the time on every request */
  if (g_source_get_ready_time (self->deadline_source) == -1)
    g_source_set_ready_time (self->deadline_source, head->start_us + (gint64) self->deadline * 1000);
}

/* Answers a request soup is still reading (or writing) by hand, and
 * closes its connection: soup cannot answer before it has read the body,
 * and a client that stalls must not hold a connection past the deadline. */
static void
abort_connection (Request *req,
                  guint    status,
                  gboolean answer)
{
  GSocket *socket = soup_server_message_get_socket (req->msg);

  if (socket == NULL)
    return;
  if (answer)
    {
      g_autofree char *body = error_body ("deadline-exceeded",
                                          "The request was not complete before the deadline", NULL);
      g_autofree char *raw = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                                              "Content-Type: application/json\r\n"
                                              "Content-Length: %zu\r\n"
                                              "Connection: close\r\n"
                                              "\r\n%s",
                                              status, reason_of (status), strlen (body), body);

      /* best effort: a stalled client has room in its socket buffer */
      g_socket_send_with_blocking (socket, raw, strlen (raw), FALSE, NULL, NULL);
      req->raw_status = status;
      req->code = "deadline-exceeded";
    }
  g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

static const char *job_running_owner (struct _Job *job);

static gboolean
on_deadline (gpointer user_data)
{
  MibewBridgeServer *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 deadline_us = (gint64) self->deadline * 1000;

  g_source_set_ready_time (self->deadline_source, -1);
  while (self->deadline != 0 && self->pending.head != NULL)
    {
      Request *req = self->pending.head->data;

      if (req->start_us + deadline_us > now)
        break;
      request_unlink (req);
      switch (req->stage)
        {
        case STAGE_HEADERS:
          abort_connection (req, 0, FALSE);
          break;
        case STAGE_BODY:
          abort_connection (req, SOUP_STATUS_SERVICE_UNAVAILABLE, TRUE);
          break;
        case STAGE_DISPATCHED:
          /* the listeners go on; their answer will be dropped */
          req->plugin = req->job != NULL ? job_running_owner (req->job) : NULL;
          if (req->plugin != NULL)
            {
              g_autofree char *message =
                g_strdup_printf ("The listeners did not answer before the deadline: "
                                 "a listener of the plugin %s is still running", req->plugin);

              /* a hang is that plugin's failure */
              mibew_bridge_metrics_record_failure (self->metrics, req->event, req->plugin);
              respond_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "deadline-exceeded", message);
            }
          else
            respond_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "deadline-exceeded",
                           "The listeners did not answer before the deadline");
          soup_server_message_unpause (req->msg);
          break;
        case STAGE_ANSWERED:
          /* a client that does not read its answer */
          abort_connection (req, 0, FALSE);
          break;
        case STAGE_FINISHED:
          break;
        }
    }
  arm_deadline (self);
  return G_SOURCE_CONTINUE;
}

/* ---- shutdown ---------------------------------------------------------- */

static void
finish_shutdown (MibewBridgeServer *self)
{
  g_autoptr(GPtrArray) tasks = NULL;

  if (!self->shutting_down || self->shut_down || self->in_flight > 0)
    return;
  self->shut_down = TRUE;
  /* closes the idle keep-alive connections too */
  soup_server_disconnect (self->soup);
  tasks = g_steal_pointer (&self->shutdown_tasks);
  self->shutdown_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), TRUE);
  g_ptr_array_set_free_func (tasks, g_object_unref);
}

static void
remove_socket_files (MibewBridgeServer *self)
{
  for (guint i = 0; i < self->socket_paths->len; i++)
    g_unlink (g_ptr_array_index (self->socket_paths, i));
  g_ptr_array_set_size (self->socket_paths, 0);
}

/* ---- requests through soup --------------------------------------------- */

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    MibewBridgeServer *self)
{
  Request *req = g_new0 (Request, 1);

  req->server = self;
  req->msg = msg;
  req->start_us = g_get_monotonic_time ();
  req->body_limit = self->body_limit;
  req->event_index = -1;
  req->link.data = req;
  g_queue_push_tail_link (&self->pending, &req->link);
  req->linked = TRUE;
  g_object_set_qdata_full (G_OBJECT (msg), request_quark (), req, request_free);
  arm_deadline (self);
}

static void
request_done (MibewBridgeServer *self,
              SoupServerMessage *msg,
              gboolean           aborted)
{
  Request *req = get_request (msg);
  guint status;
  double seconds;

  if (req == NULL || req->stage == STAGE_FINISHED)
    return;
  request_unlink (req);
  /* soup reports a 500 it wrote as aborted too */
  if (aborted && (req->stage == STAGE_ANSWERED || req->raw_status != 0))
    aborted = FALSE;
  status = req->raw_status != 0 ? req->raw_status : soup_server_message_get_status (msg);
  /* An answer set early (a 415 before the body, say) whose client went
   * away before it was written: soup finishes the message with its own
   * 500 instead. Nothing was sent: the client aborted, the bridge did not
   * fail (found by fuzz-http). */
  if (req->raw_status == 0 && req->answered_status != 0 && status != req->answered_status)
    aborted = TRUE;
  seconds = (g_get_monotonic_time () - req->start_us) / 1e6;
  req->stage = STAGE_FINISHED;

  if (aborted)
    mibew_bridge_metrics_record_aborted (self->metrics, req->route);
  else
    mibew_bridge_metrics_record (self->metrics, req->route, req->event_index, status, seconds);
  log_request (req, status, seconds, aborted);

  if (req->counted)
    {
      req->counted = FALSE;
      self->in_flight--;
      if (self->in_flight == 0)
        finish_shutdown (self);
    }
}

static void
on_request_finished (SoupServer        *soup,
                     SoupServerMessage *msg,
                     MibewBridgeServer *self)
{
  request_done (self, msg, FALSE);
}

static void
on_request_aborted (SoupServer        *soup,
                    SoupServerMessage *msg,
                    MibewBridgeServer *self)
{
  request_done (self, msg, TRUE);
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              Request           *req)
{
  req->body_seen += g_bytes_get_size (chunk);
  if (!req->too_large && req->body_seen > req->body_limit)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);

      /* read on, keep nothing: the answer is 413 */
      req->too_large = TRUE;
      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_truncate (body);
    }
}

static MibewBridgeRoute
route_of (const char  *path,
          const char **event)
{
  *event = NULL;
  if (g_str_has_prefix (path, "/v1/events/"))
    {
      *event = path + strlen ("/v1/events/");
      return MIBEW_BRIDGE_ROUTE_EVENT;
    }
  if (g_str_equal (path, "/v1/events"))
    return MIBEW_BRIDGE_ROUTE_EVENTS;
  if (g_str_equal (path, "/v1/health"))
    return MIBEW_BRIDGE_ROUTE_HEALTH;
  if (g_str_equal (path, "/metrics"))
    return MIBEW_BRIDGE_ROUTE_METRICS;
  return MIBEW_BRIDGE_ROUTE_OTHER;
}

/* The headers of a signed request: present, well formed, the timestamp
 * within the window. The signature itself needs the body. */
static gboolean
precheck_signature (MibewBridgeServer  *self,
                    Request            *req,
                    SoupMessageHeaders *headers)
{
  const char *timestamp = soup_message_headers_get_one (headers, "X-Mibew-Timestamp");
  const char *signature = soup_message_headers_get_one (headers, "X-Mibew-Signature");
  gint64 now_ns = g_get_real_time () * 1000;
  gint64 window_ns = (gint64) self->replay_window * G_GINT64_CONSTANT (1000000000);

  if (timestamp == NULL || signature == NULL)
    {
      reject_early (req, SOUP_STATUS_UNAUTHORIZED, "signature-missing",
                    "The request is not signed: X-Mibew-Timestamp and X-Mibew-Signature are required");
      return FALSE;
    }
  if (!mibew_bridge_parse_timestamp (timestamp, &req->timestamp_ns))
    {
      reject_early (req, SOUP_STATUS_UNAUTHORIZED, "timestamp-invalid",
                    "X-Mibew-Timestamp is not a number of unix seconds");
      return FALSE;
    }
  if (req->timestamp_ns < now_ns - window_ns || req->timestamp_ns > now_ns + window_ns)
    {
      g_autofree char *message =
        g_strdup_printf ("X-Mibew-Timestamp is more than %u seconds away from the server's clock",
                         self->replay_window);

      reject_early (req, SOUP_STATUS_UNAUTHORIZED, "timestamp-out-of-window", message);
      return FALSE;
    }
  if (!mibew_bridge_parse_signature (signature, req->signature))
    {
      reject_early (req, SOUP_STATUS_UNAUTHORIZED, "signature-invalid",
                    "X-Mibew-Signature is not of the form sha256=<64 hex digits>");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_json_content_type (SoupMessageHeaders *headers)
{
  g_autoptr(GHashTable) params = NULL;
  const char *type = soup_message_headers_get_content_type (headers, &params);
  const char *charset;

  if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
    return FALSE;
  charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;
  return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0;
}

/* Everything that can be decided from the headers, before the body is
 * read: a shutting-down server, the signature headers, the path, the
 * method, the event, the content type and a declared length. */
static void
early_handler (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  MibewBridgeServer *self = user_data;
  Request *req = get_request (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *event = NULL;
  SoupEncoding encoding;
  gboolean is_get;

  if (req == NULL)
    return;
  req->stage = STAGE_BODY;
  req->counted = TRUE;
  self->in_flight++;
  req->route = route_of (path, &event);

  if (self->shutting_down)
    {
      reject_early (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "shutting-down",
                    "The server is shutting down");
      return;
    }
  if (self->secret != NULL && !precheck_signature (self, req, headers))
    return;

  if (req->route == MIBEW_BRIDGE_ROUTE_OTHER)
    {
      reject_early (req, SOUP_STATUS_NOT_FOUND, "not-found",
                    "No such endpoint: the bridge serves POST /v1/events/{eventName}, "
                    "GET /v1/events, GET /v1/health and GET /metrics");
      return;
    }

  is_get = method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD;
  if (req->route != MIBEW_BRIDGE_ROUTE_EVENT)
    {
      if (!is_get)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Allow", "GET, HEAD");
          reject_early (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                        "This endpoint answers GET and HEAD only");
        }
      return;
    }

  req->event_index = mibew_bridge_event_index (event);
  if (req->event_index >= 0)
    req->event = mibew_event_dispatcher_list_events ()[req->event_index];
  if (method != SOUP_METHOD_POST)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
      reject_early (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Events are triggered with POST");
      return;
    }
  if (req->event == NULL)
    {
      reject_early (req, SOUP_STATUS_NOT_FOUND, "unknown-event",
                    "No such event: GET /v1/events lists them");
      return;
    }
  if (!is_json_content_type (headers))
    {
      reject_early (req, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The body must be JSON, with Content-Type: application/json (UTF-8)");
      return;
    }
  encoding = soup_message_headers_get_encoding (headers);
  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > req->body_limit)
    {
      g_autofree char *message =
        g_strdup_printf ("The body is longer than the limit of %" G_GUINT64_FORMAT " bytes",
                         req->body_limit);

      /* the body is still read, and dropped, unless the client waits for
       * 100 Continue; then the connection closes */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      reject_early (req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body-too-large", message);
      return;
    }
  /* chunked bodies: counted as they come (soup reads no more than a
   * declared length, and that is within the limit) */
  if (encoding != SOUP_ENCODING_CONTENT_LENGTH)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), req);
}

static gboolean
verify_signature (MibewBridgeServer *self,
                  Request           *req,
                  GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *timestamp = soup_message_headers_get_one (headers, "X-Mibew-Timestamp");
  g_autoptr(GHmac) hmac = g_hmac_copy (self->hmac);
  guint8 digest[MIBEW_BRIDGE_DIGEST_LEN];
  gsize digest_len = sizeof digest;
  gsize body_len;
  gconstpointer body_data = g_bytes_get_data (body, &body_len);

  /* timestamp "\n" METHOD " " path "\n" body: neither a timestamp nor
   * a method nor a path can hold a line break, so no two requests frame
   * to the same bytes; the signature covers the event, not only the body */
  g_hmac_update (hmac, (const guchar *) timestamp, -1);
  g_hmac_update (hmac, (const guchar *) "\n", 1);
  g_hmac_update (hmac, (const guchar *) soup_server_message_get_method (req->msg), -1);
  g_hmac_update (hmac, (const guchar *) " ", 1);
  g_hmac_update (hmac, (const guchar *) g_uri_get_path (soup_server_message_get_uri (req->msg)), -1);
  g_hmac_update (hmac, (const guchar *) "\n", 1);
  if (body_len > 0)
    g_hmac_update (hmac, body_data, (gssize) body_len);
  g_hmac_get_digest (hmac, digest, &digest_len);

  if (!mibew_bridge_constant_time_equal (digest, req->signature, sizeof digest))
    {
      respond_error (req, SOUP_STATUS_UNAUTHORIZED, "signature-invalid",
                     "X-Mibew-Signature does not match the timestamp, the method, the path and the body");
      return FALSE;
    }

  switch (mibew_bridge_replay_cache_check (self->replay, req->signature, req->timestamp_ns,
                                           (gint64) self->replay_window * G_GINT64_CONSTANT (1000000000),
                                           g_get_real_time () * 1000))
    {
    case MIBEW_BRIDGE_REPLAY_FRESH:
      return TRUE;
    case MIBEW_BRIDGE_REPLAY_SEEN:
      respond_error (req, SOUP_STATUS_UNAUTHORIZED, "signature-replayed",
                     "This signature was used before: every request needs a new timestamp "
                     "(use a fraction of a second for requests in the same second)");
      return FALSE;
    case MIBEW_BRIDGE_REPLAY_TOO_OLD:
    default:
      respond_error (req, SOUP_STATUS_UNAUTHORIZED, "timestamp-out-of-window",
                     "X-Mibew-Timestamp is older than the server can check for replays now");
      return FALSE;
    }
}

/* ---- the endpoints ----------------------------------------------------- */

static void
serve_events (MibewBridgeServer *self,
              Request           *req)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) categories = g_type_class_ref (MIBEW_TYPE_EVENT_CATEGORY);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (MIBEW_TYPE_EVENT_KIND);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      MibewEventCategory category;
      MibewEventKind kind;
      const char *signal_name;

      if (!mibew_event_dispatcher_describe_event (names[i], &category, &signal_name, &kind, NULL))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, names[i]);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, g_enum_get_value (categories, category)->value_nick);
      json_builder_set_member_name (builder, "signal");
      json_builder_add_string_value (builder, signal_name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, g_enum_get_value (kinds, kind)->value_nick);
      json_builder_set_member_name (builder, "listeners");
      json_builder_add_int_value (builder,
                                  mibew_event_dispatcher_get_listener_count (self->dispatcher, names[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  respond_json (req, SOUP_STATUS_OK, json_to_string (root, FALSE));
}

static void
serve_health (MibewBridgeServer *self,
              Request           *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "uptime");
  json_builder_add_int_value (builder, (g_get_monotonic_time () - self->started_us) / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "in_flight");
  json_builder_add_int_value (builder, self->in_flight);
  json_builder_set_member_name (builder, "signed");
  json_builder_add_boolean_value (builder, self->secret != NULL);
  json_builder_set_member_name (builder, "dispatch");
  {
    g_autoptr(GEnumClass) modes = g_type_class_ref (MIBEW_BRIDGE_TYPE_DISPATCH_MODE);

    json_builder_add_string_value (builder, g_enum_get_value (modes, self->dispatch_mode)->value_nick);
  }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  respond_json (req, SOUP_STATUS_OK, json_to_string (root, FALSE));
}

static void
serve_metrics (MibewBridgeServer *self,
               Request           *req)
{
  GString *out = g_string_sized_new (4096);

  mibew_bridge_metrics_render (self->metrics, out);
  g_string_append_printf (out,
                          "# HELP mibew_bridge_in_flight_requests Requests read and not answered yet.\n"
                          "# TYPE mibew_bridge_in_flight_requests gauge\n"
                          "mibew_bridge_in_flight_requests %u\n"
                          "# HELP mibew_bridge_replay_cache_entries Signatures remembered against replays.\n"
                          "# TYPE mibew_bridge_replay_cache_entries gauge\n"
                          "mibew_bridge_replay_cache_entries %u\n"
                          "# HELP mibew_bridge_replay_cache_evictions_total Signatures forgotten early because the cache was full.\n"
                          "# TYPE mibew_bridge_replay_cache_evictions_total counter\n"
                          "mibew_bridge_replay_cache_evictions_total %" G_GUINT64_FORMAT "\n"
                          "# HELP mibew_bridge_dispatcher_failures Listener failures the dispatcher counted, from any source.\n"
                          "# TYPE mibew_bridge_dispatcher_failures gauge\n"
                          "mibew_bridge_dispatcher_failures %u\n",
                          self->in_flight,
                          mibew_bridge_replay_cache_get_size (self->replay),
                          mibew_bridge_replay_cache_get_evictions (self->replay),
                          mibew_event_dispatcher_get_failure_count (self->dispatcher));
  respond (req, SOUP_STATUS_OK, "text/plain; version=0.0.4; charset=utf-8", g_string_free (out, FALSE));
}

/* The answer to an event, from the codec's result or error. */
static void
answer_event (MibewBridgeServer *self,
              Request           *req,
              char              *result,   /* (transfer full) */
              const GError      *error,
              gsize              body_len)
{
  if (result != NULL)
    {
      respond_json (req, SOUP_STATUS_OK, result);
      return;
    }
  if (error != NULL && error->domain == MIBEW_EVENTS_ERROR)
    switch (error->code)
      {
      case MIBEW_EVENTS_ERROR_MALFORMED_JSON:
        respond_error (req, SOUP_STATUS_BAD_REQUEST, "malformed-json", error->message);
        return;
      case MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS:
        respond_error (req, SOUP_STATUS_BAD_REQUEST, "invalid-arguments", error->message);
        return;
      case MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED:
        {
          guint64 max_size = 0;

          /* too long for the dispatcher's own limit, or nested too deep */
          g_object_get (self->dispatcher, "max-json-size", &max_size, NULL);
          respond_error (req, body_len > max_size ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                                  : SOUP_STATUS_BAD_REQUEST,
                         "limit-exceeded", error->message);
          return;
        }
      case MIBEW_EVENTS_ERROR_UNKNOWN_EVENT:
        respond_error (req, SOUP_STATUS_NOT_FOUND, "unknown-event", error->message);
        return;
      default:
        break;
      }
  log_message (G_LOG_LEVEL_MESSAGE, "Internal error answering %s: %s",
               req->event, error != NULL ? error->message : "no result");
  respond_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal-error",
                 "The bridge failed to handle the event; its log says why");
}

/* An event nobody listens to: decoded and encoded again, which checks it
 * and normalises it as an emission would, without emitting (nothing could
 * see the emission) and without leaving the main context. */
static char *
echo_event (MibewBridgeServer  *self,
            const char         *event,
            GBytes             *body,
            GError            **error)
{
  g_autoptr(MibewEventArgs) args = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  args = mibew_event_dispatcher_decode_json_data (self->dispatcher, event, data, (gssize) length, error);
  if (args == NULL)
    return NULL;
  return mibew_event_dispatcher_encode_json_data (self->dispatcher, args);
}

typedef struct _Job {
  MibewBridgeServer *server;
  SoupServerMessage *msg;
  MibewEventArgs *args;   /* being emitted, for the deadline; under args_lock */
  const char *event;
  GBytes *body;
  gboolean echo;          /* nobody listens: only the codec */
  char *result;
  GError *error;
} Job;

/* On the server's thread, while a worker may be emitting: the plugin
 * whose listener is running, or NULL */
static const char *
job_running_owner (Job *job)
{
  const char *owner = NULL;

  g_mutex_lock (&job->server->args_lock);
  if (job->args != NULL)
    owner = mibew_event_args_get_running_owner (job->args);
  g_mutex_unlock (&job->server->args_lock);
  return owner;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->msg);
  g_clear_object (&job->server);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->result);
  g_clear_error (&job->error);
  g_free (job);
}

/* What mibew_event_dispatcher_trigger_json_data() does, with the
 * arguments in @job while the listeners run: at the deadline, the server's
 * thread asks them which plugin's listener is running
 * (mibew_event_args_get_running_owner()). The arguments keep the tree
 * parsed from the body, and are written without a copy of theirs. */
static char *
emit_event (Job        *job,
            const char *data,
            gsize       length)
{
  MibewEventDispatcher *dispatcher = job->server->dispatcher;
  MibewEventArgs *args;
  char *result = NULL;

  args = mibew_event_dispatcher_decode_json_data (dispatcher, job->event, data, (gssize) length,
                                                  &job->error);
  if (args == NULL)
    return NULL;
  g_mutex_lock (&job->server->args_lock);
  job->args = args;
  g_mutex_unlock (&job->server->args_lock);
  if (mibew_event_dispatcher_trigger (dispatcher, job->event, args, &job->error))
    result = mibew_event_dispatcher_encode_json_data (dispatcher, args);
  /* freed here, on the worker: the server's thread is the busy one */
  g_mutex_lock (&job->server->args_lock);
  job->args = NULL;
  g_mutex_unlock (&job->server->args_lock);
  g_object_unref (args);
  return result;
}

static void
job_run (Job *job)
{
  gsize length;
  const char *data = g_bytes_get_data (job->body, &length);

  g_rw_lock_reader_lock (&job->server->emission_lock);
  if (job->echo)
    job->result = echo_event (job->server, job->event, job->body, &job->error);
  else
    job->result = emit_event (job, data, length);
  g_rw_lock_reader_unlock (&job->server->emission_lock);
}

/* in the server's context */
static gboolean
job_complete (gpointer data)
{
  Job *job = data;
  Request *req = get_request (job->msg);

  if (req != NULL)
    req->job = NULL;
  if (req != NULL && req->stage == STAGE_DISPATCHED)
    {
      answer_event (job->server, req, g_steal_pointer (&job->result), job->error,
                    g_bytes_get_size (job->body));
      soup_server_message_unpause (job->msg);
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* The jobs the workers finished, for the server's thread, and one source
 * there that drains them: a worker wakes the server's thread only when
 * the queue was empty, so that under load one wake-up answers every job
 * finished meanwhile. (g_main_context_invoke() from a worker made, attached
 * and destroyed an idle source and woke the context for every job.)
 * Shared with the workers, which may still be waking it when the server
 * goes: @source is cleared under @lock at dispose. */
typedef struct _Completions {
  gatomicrefcount ref;
  GMutex lock;
  GQueue jobs;                  /* Job, under lock */
  GSource *source;              /* under lock; NULL once the server is gone */
} Completions;

static Completions *
completions_ref (Completions *c)
{
  g_atomic_ref_count_inc (&c->ref);
  return c;
}

static void
completions_unref (Completions *c)
{
  if (!g_atomic_ref_count_dec (&c->ref))
    return;
  g_assert (g_queue_is_empty (&c->jobs));
  g_mutex_clear (&c->lock);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Completions, completions_unref)

/* in the server's context */
static gboolean
completions_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     user_data)
{
  Completions *c = user_data;
  GQueue jobs;

  /* before taking the queue: a job pushed after that wakes it again */
  g_source_set_ready_time (source, -1);
  g_mutex_lock (&c->lock);
  jobs = c->jobs;
  g_queue_init (&c->jobs);
  g_mutex_unlock (&c->lock);
  for (GList *l = jobs.head, *next; l != NULL; l = next)
    {
      next = l->next;
      job_complete (l->data);
      g_list_free_1 (l);
    }
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs completions_funcs = {
  .dispatch = completions_dispatch,
};

static Completions *
completions_new (GMainContext *context)
{
  Completions *c = g_new0 (Completions, 1);

  g_atomic_ref_count_init (&c->ref);
  g_mutex_init (&c->lock);
  g_queue_init (&c->jobs);
  c->source = g_source_new (&completions_funcs, sizeof (GSource));
  g_source_set_callback (c->source, NULL, c, NULL);
  g_source_set_priority (c->source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (c->source, "[mibew-bridge] answers");
  g_source_attach (c->source, context);
  return c;
}

/* at dispose: no more wake-ups; the jobs still running hold the server */
static void
completions_close (Completions *c)
{
  GSource *source;

  g_mutex_lock (&c->lock);
  source = g_steal_pointer (&c->source);
  g_mutex_unlock (&c->lock);
  if (source != NULL)
    {
      g_source_destroy (source);
      g_source_unref (source);
    }
}

/* on a worker thread */
static void
job_run_in_thread (gpointer data,
                   gpointer user_data)
{
  Job *job = data;
  /* the job, once queued, may be answered and freed, and the server
   * with it, at once */
  g_autoptr(Completions) c = completions_ref (job->server->completions);

  job_run (job);
  g_mutex_lock (&c->lock);
  g_queue_push_tail (&c->jobs, job);
  if (c->jobs.length == 1 && c->source != NULL)
    g_source_set_ready_time (c->source, 0);
  g_mutex_unlock (&c->lock);
}

static gboolean
job_run_in_context (gpointer data)
{
  job_run (data);
  return job_complete (data);
}

static GThreadPool *
get_pool (MibewBridgeServer        *self,
          MibewBridgeDispatchMode   mode,
          GError                  **error)
{
  if (mode == MIBEW_BRIDGE_DISPATCH_MODE_SERIAL)
    {
      /* one thread of our own, always the same: exclusive */
      if (self->serial_pool == NULL)
        self->serial_pool = g_thread_pool_new (job_run_in_thread, NULL, 1, TRUE, error);
      return self->serial_pool;
    }
  if (self->threads_pool == NULL)
    {
      guint n = self->max_threads != 0 ? self->max_threads : 2 * g_get_num_processors ();

      self->threads_pool = g_thread_pool_new (job_run_in_thread, NULL, (int) n, FALSE, error);
    }
  return self->threads_pool;
}

static void
dispatch_event (MibewBridgeServer *self,
                Request           *req,
                GBytes            *body)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  gboolean echo = mibew_event_dispatcher_get_listener_count (self->dispatcher, req->event) == 0;
  GThreadPool *pool;

  /* An event nobody listens to needs only the codec. Alone, it is
   * answered here at once, which is quickest; among other requests, the
   * codec runs on a worker thread, so that this thread goes on reading
   * and writing while another processor decodes. */
  if (echo && (self->in_flight <= 1 || self->dispatch_mode == MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT))
    {
      char *result = echo_event (self, req->event, body, &error);

      answer_event (self, req, result, error, g_bytes_get_size (body));
      return;
    }

  job = g_new0 (Job, 1);
  job->server = g_object_ref (self);
  job->msg = g_object_ref (req->msg);
  job->event = req->event;
  job->body = g_bytes_ref (body);
  job->echo = echo;

  req->job = job;
  req->stage = STAGE_DISPATCHED;
  soup_server_message_pause (req->msg);

  if (!echo && self->dispatch_mode == MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT)
    {
      GSource *idle = g_idle_source_new ();

      g_source_set_priority (idle, G_PRIORITY_DEFAULT);
      g_source_set_callback (idle, job_run_in_context, job, NULL);
      g_source_set_static_name (idle, "[mibew-bridge] emission");
      g_source_attach (idle, self->context);
      g_source_unref (idle);
      return;
    }

  {
    /* no listener, no thread to keep to: any worker will do */
    pool = get_pool (self, echo ? MIBEW_BRIDGE_DISPATCH_MODE_THREADS : self->dispatch_mode, &error);

    if (pool == NULL || !g_thread_pool_push (pool, job, &error))
      {
        /* a fault of ours: 500 */
        job->error = g_steal_pointer (&error);
        job_complete (job);
      }
  }
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  MibewBridgeServer *self = user_data;
  Request *req = get_request (msg);
  g_autoptr(GBytes) body = NULL;

  if (req == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    }
  if (req->too_large)
    {
      g_autofree char *message =
        g_strdup_printf ("The body is longer than the limit of %" G_GUINT64_FORMAT " bytes",
                         req->body_limit);

      respond_error (req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body-too-large", message);
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (self->secret != NULL && !verify_signature (self, req, body))
    return;

  switch (req->route)
    {
    case MIBEW_BRIDGE_ROUTE_EVENT:
      dispatch_event (self, req, body);
      break;
    case MIBEW_BRIDGE_ROUTE_EVENTS:
      serve_events (self, req);
      break;
    case MIBEW_BRIDGE_ROUTE_HEALTH:
      serve_health (self, req);
      break;
    case MIBEW_BRIDGE_ROUTE_METRICS:
      serve_metrics (self, req);
      break;
    case MIBEW_BRIDGE_ROUTE_NONE:
    case MIBEW_BRIDGE_ROUTE_OTHER:
    case MIBEW_BRIDGE_N_ROUTES:
    default:
      respond_error (req, SOUP_STATUS_NOT_FOUND, "not-found", "No such endpoint");
      break;
    }
}

static void
on_listener_failed (MibewEventDispatcher *dispatcher,
                    const char           *event_name,
                    const char           *message,
                    MibewBridgeServer    *self)
{
  /* in the thread of the emission; the dispatcher logged the message */
  mibew_bridge_metrics_record_failure (self->metrics, event_name,
                                       mibew_event_dispatcher_get_failure_owner (dispatcher));
}

/* ---- GObject ----------------------------------------------------------- */

static void
set_secret_internal (MibewBridgeServer *self,
                     GBytes            *secret)
{
  gboolean had = self->secret != NULL;

  g_clear_pointer (&self->secret, g_bytes_unref);
  g_clear_pointer (&self->hmac, g_hmac_unref);
  if (secret != NULL && g_bytes_get_size (secret) > 0)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (secret, &length);

      self->secret = mibew_bridge_secret_new (data, length);
      self->hmac = g_hmac_new (G_CHECKSUM_SHA256, data, length);
    }
  if (had != (self->secret != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SECRET]);
}

static void
mibew_bridge_server_constructed (GObject *object)
{
  MibewBridgeServer *self = MIBEW_BRIDGE_SERVER (object);

  G_OBJECT_CLASS (mibew_bridge_server_parent_class)->constructed (object);

  if (self->dispatcher == NULL)
    self->dispatcher = g_object_ref (mibew_event_dispatcher_get_default ());
  self->failed_handler = g_signal_connect (self->dispatcher, "listener-failed",
                                           G_CALLBACK (on_listener_failed), self);
}

static void
mibew_bridge_server_dispose (GObject *object)
{
  MibewBridgeServer *self = MIBEW_BRIDGE_SERVER (object);

  /* messages may outlive us a little: they must not reach back */
  while (self->pending.head != NULL)
    {
      Request *req = self->pending.head->data;

      request_unlink (req);
      req->server = NULL;
    }
  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      soup_server_disconnect (self->soup);
      g_clear_object (&self->soup);
    }
  if (self->socket_paths != NULL)
    remove_socket_files (self);
  if (self->deadline_source != NULL)
    {
      g_source_destroy (self->deadline_source);
      g_clear_pointer (&self->deadline_source, g_source_unref);
    }
  if (self->completions != NULL)
    completions_close (self->completions);
  g_clear_signal_handler (&self->failed_handler, self->dispatcher);

  G_OBJECT_CLASS (mibew_bridge_server_parent_class)->dispose (object);
}

static void
mibew_bridge_server_finalize (GObject *object)
{
  MibewBridgeServer *self = MIBEW_BRIDGE_SERVER (object);

  /* every job holds a reference: none is running now */
  if (self->serial_pool != NULL)
    g_thread_pool_free (self->serial_pool, TRUE, TRUE);
  g_rw_lock_clear (&self->emission_lock);
  if (self->threads_pool != NULL)
    g_thread_pool_free (self->threads_pool, TRUE, TRUE);
  g_mutex_clear (&self->args_lock);
  g_clear_pointer (&self->completions, completions_unref);
  g_clear_object (&self->dispatcher);
  g_clear_pointer (&self->secret, g_bytes_unref);
  g_clear_pointer (&self->hmac, g_hmac_unref);
  g_free (self->secret_file);
  mibew_bridge_replay_cache_free (self->replay);
  mibew_bridge_metrics_free (self->metrics);
  g_clear_pointer (&self->shutdown_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->socket_paths, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (mibew_bridge_server_parent_class)->finalize (object);
}

static void
mibew_bridge_server_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewBridgeServer *self = MIBEW_BRIDGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DISPATCHER:
      g_value_set_object (value, self->dispatcher);
      break;
    case PROP_SOUP_SERVER:
      g_value_set_object (value, self->soup);
      break;
    case PROP_SECRET_FILE:
      g_value_set_string (value, self->secret_file);
      break;
    case PROP_HAS_SECRET:
      g_value_set_boolean (value, self->secret != NULL);
      break;
    case PROP_BODY_LIMIT:
      g_value_set_uint64 (value, self->body_limit);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_REPLAY_WINDOW:
      g_value_set_uint (value, self->replay_window);
      break;
    case PROP_REPLAY_CACHE_SIZE:
      g_value_set_uint (value, self->replay_cache_size);
      break;
    case PROP_DISPATCH_MODE:
      g_value_set_enum (value, self->dispatch_mode);
      break;
    case PROP_MAX_THREADS:
      g_value_set_uint (value, self->max_threads);
      break;
    case PROP_IN_FLIGHT:
      g_value_set_uint (value, self->in_flight);
      break;
    case PROP_SHUTTING_DOWN:
      g_value_set_boolean (value, self->shutting_down);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_bridge_server_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewBridgeServer *self = MIBEW_BRIDGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_DISPATCHER:
      self->dispatcher = g_value_dup_object (value);
      break;
    case PROP_SECRET:
      mibew_bridge_server_set_secret (self, g_value_get_boxed (value));
      break;
    case PROP_SECRET_FILE:
      if (g_strcmp0 (self->secret_file, g_value_get_string (value)) != 0)
        {
          g_free (self->secret_file);
          self->secret_file = g_value_dup_string (value);
          self->secret_file_loaded = FALSE;
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BODY_LIMIT:
      mibew_bridge_server_set_body_limit (self, g_value_get_uint64 (value));
      break;
    case PROP_DEADLINE:
      mibew_bridge_server_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_REPLAY_WINDOW:
      mibew_bridge_server_set_replay_window (self, g_value_get_uint (value));
      break;
    case PROP_REPLAY_CACHE_SIZE:
      if (self->replay_cache_size != g_value_get_uint (value))
        {
          self->replay_cache_size = g_value_get_uint (value);
          mibew_bridge_replay_cache_set_max (self->replay, self->replay_cache_size);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DISPATCH_MODE:
      mibew_bridge_server_set_dispatch_mode (self, g_value_get_enum (value));
      break;
    case PROP_MAX_THREADS:
      if (self->max_threads != g_value_get_uint (value))
        {
          self->max_threads = g_value_get_uint (value);
          if (self->threads_pool != NULL)
            g_thread_pool_set_max_threads (self->threads_pool,
                                           self->max_threads != 0 ? (int) self->max_threads
                                                                  : (int) (2 * g_get_num_processors ()),
                                           NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_bridge_server_class_init (MibewBridgeServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* the messages of its errors are translated */
  mibew_bridge_i18n_init ();

  object_class->constructed = mibew_bridge_server_constructed;
  object_class->dispose = mibew_bridge_server_dispose;
  object_class->finalize = mibew_bridge_server_finalize;
  object_class->get_property = mibew_bridge_server_get_property;
  object_class->set_property = mibew_bridge_server_set_property;

  /**
   * MibewBridgeServer:dispatcher:
   *
   * The dispatcher events are triggered on; the default one
   * (mibew_event_dispatcher_get_default()) if none is given.
   */
  properties[PROP_DISPATCHER] =
    g_param_spec_object ("dispatcher", NULL, NULL, MIBEW_TYPE_EVENT_DISPATCHER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeServer:soup-server:
   *
   * The #SoupServer underneath, for what the bridge does not do itself
   * (TLS, another handler). Its handlers for every path are the
   * bridge's: do not remove them.
   */
  properties[PROP_SOUP_SERVER] =
    g_param_spec_object ("soup-server", NULL, NULL, SOUP_TYPE_SERVER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeServer:secret:
   *
   * The secret requests are signed with, or %NULL for none. Write-only:
   * the secret is never read back.
   */
  properties[PROP_SECRET] =
    g_param_spec_boxed ("secret", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeServer:secret-file:
   *
   * A file holding the secret, read when the server starts listening
   * (and by mibew_bridge_server_apply_config()). It must be readable by
   * its owner only; its trailing line break is dropped.
   */
  properties[PROP_SECRET_FILE] =
    g_param_spec_string ("secret-file", NULL, NULL, NULL, rw);

  /**
   * MibewBridgeServer:has-secret:
   *
   * Whether requests must be signed.
   */
  properties[PROP_HAS_SECRET] =
    g_param_spec_boolean ("has-secret", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeServer:body-limit:
   *
   * The longest request body accepted, in bytes
   * (%MIBEW_JSON_DEFAULT_MAX_SIZE, 1 MiB, by default). A longer one is
   * answered with 413, without being kept in memory; a declared
   * `Content-Length` over the limit is refused before the body is read.
   * The dispatcher's own #MibewEventDispatcher:max-json-size applies
   * too.
   */
  properties[PROP_BODY_LIMIT] =
    g_param_spec_uint64 ("body-limit", NULL, NULL, 1, G_MAXUINT32, MIBEW_JSON_DEFAULT_MAX_SIZE, rw);

  /**
   * MibewBridgeServer:deadline:
   *
   * How long a request may take, in milliseconds from its first byte
   * (%MIBEW_BRIDGE_DEFAULT_DEADLINE, 10 seconds, by default); 0 for no
   * deadline. Past it, a request whose listeners still run is answered
   * with 503 (the listeners finish, and their answer is dropped), and a
   * request still being read is answered with 503 and its connection
   * closed.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, G_MAXUINT, MIBEW_BRIDGE_DEFAULT_DEADLINE, rw);

  /**
   * MibewBridgeServer:replay-window:
   *
   * How far, in seconds, a signed request's `X-Mibew-Timestamp` may be
   * from the server's clock, either way
   * (%MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW, 300, by default). Within it, a
   * signature is accepted once.
   */
  properties[PROP_REPLAY_WINDOW] =
    g_param_spec_uint ("replay-window", NULL, NULL, 1, 86400, MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW, rw);

  /**
   * MibewBridgeServer:replay-cache-size:
   *
   * How many signatures are remembered against replays (131072 by
   * default). When the cache is full the oldest is forgotten, and
   * requests signed before it are refused from then on, so that no
   * signature can be replayed.
   */
  properties[PROP_REPLAY_CACHE_SIZE] =
    g_param_spec_uint ("replay-cache-size", NULL, NULL, 1, G_MAXUINT, DEFAULT_REPLAY_CACHE_SIZE, rw);

  /**
   * MibewBridgeServer:dispatch-mode:
   *
   * Where listeners run; see #MibewBridgeDispatchMode. Set it before
   * the server listens: a request already dispatched stays where it is.
   */
  properties[PROP_DISPATCH_MODE] =
    g_param_spec_enum ("dispatch-mode", NULL, NULL, MIBEW_BRIDGE_TYPE_DISPATCH_MODE,
                       MIBEW_BRIDGE_DISPATCH_MODE_SERIAL, rw);

  /**
   * MibewBridgeServer:max-threads:
   *
   * How many worker threads %MIBEW_BRIDGE_DISPATCH_MODE_THREADS uses at
   * most; 0 (the default) for twice the number of processors.
   */
  properties[PROP_MAX_THREADS] =
    g_param_spec_uint ("max-threads", NULL, NULL, 0, 1024, 0, rw);

  /**
   * MibewBridgeServer:in-flight:
   *
   * How many requests have been read and not answered yet. Not
   * notified.
   */
  properties[PROP_IN_FLIGHT] =
    g_param_spec_uint ("in-flight", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeServer:shutting-down:
   *
   * Whether mibew_bridge_server_shutdown_async() was called.
   */
  properties[PROP_SHUTTING_DOWN] =
    g_param_spec_boolean ("shutting-down", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MibewBridgeServer::config-applied:
   * @self: the server
   * @config: the configuration
   *
   * Emitted by mibew_bridge_server_apply_config() once @config is in
   * force: at start and after each reload. A plugin engine loads or
   * reloads its plugins here.
   */
  signals[CONFIG_APPLIED] =
    g_signal_new ("config-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MIBEW_BRIDGE_TYPE_CONFIG);
}

static void
mibew_bridge_server_init (MibewBridgeServer *self)
{
  self->context = g_main_context_ref_thread_default ();
  g_rw_lock_init (&self->emission_lock);
  g_mutex_init (&self->args_lock);
  self->body_limit = MIBEW_JSON_DEFAULT_MAX_SIZE;
  self->deadline = MIBEW_BRIDGE_DEFAULT_DEADLINE;
  self->replay_window = MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW;
  self->replay_cache_size = DEFAULT_REPLAY_CACHE_SIZE;
  self->dispatch_mode = MIBEW_BRIDGE_DISPATCH_MODE_SERIAL;
  self->replay = mibew_bridge_replay_cache_new (self->replay_cache_size);
  self->metrics = mibew_bridge_metrics_new ();
  self->shutdown_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->socket_paths = g_ptr_array_new_with_free_func (g_free);
  self->started_us = g_get_monotonic_time ();
  g_queue_init (&self->pending);

  self->soup = soup_server_new ("server-header", "mibew-events/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (on_request_aborted), self);

  self->deadline_source = g_source_new (&deadline_funcs, sizeof (GSource));
  g_source_set_callback (self->deadline_source, on_deadline, self, NULL);
  g_source_set_static_name (self->deadline_source, "[mibew-bridge] deadline");
  g_source_attach (self->deadline_source, self->context);
  self->completions = completions_new (self->context);
}

/* ---- public API -------------------------------------------------------- */

/**
 * mibew_bridge_server_new:
 * @dispatcher: (nullable): the dispatcher to trigger events on, or %NULL
 *   for the default one
 *
 * Creates a server. It belongs to the thread-default #GMainContext of the
 * calling thread and does not listen yet: see
 * mibew_bridge_server_listen() and its siblings.
 *
 * Returns: (transfer full): a new #MibewBridgeServer
 */
MibewBridgeServer *
mibew_bridge_server_new (MibewEventDispatcher *dispatcher)
{
  g_return_val_if_fail (dispatcher == NULL || MIBEW_IS_EVENT_DISPATCHER (dispatcher), NULL);

  return g_object_new (MIBEW_BRIDGE_TYPE_SERVER, "dispatcher", dispatcher, NULL);
}

/**
 * mibew_bridge_server_get_dispatcher:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:dispatcher.
 *
 * Returns: (transfer none): the dispatcher
 */
MibewEventDispatcher *
mibew_bridge_server_get_dispatcher (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), NULL);
  return self->dispatcher;
}

/**
 * mibew_bridge_server_get_soup_server:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:soup-server.
 *
 * Returns: (transfer none): the #SoupServer underneath
 */
SoupServer *
mibew_bridge_server_get_soup_server (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), NULL);
  return self->soup;
}

/**
 * mibew_bridge_server_set_secret:
 * @self: a #MibewBridgeServer
 * @secret: (nullable): the secret, or %NULL (or empty) for none
 *
 * Sets the secret requests must be signed with. The server keeps a copy,
 * wiped when it is replaced. Removing the secret of a server that listens
 * beyond loopback is allowed but leaves it open: prefer
 * mibew_bridge_server_apply_config(), which refuses that.
 */
void
mibew_bridge_server_set_secret (MibewBridgeServer *self,
                                GBytes            *secret)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));
  set_secret_internal (self, secret);
}

/**
 * mibew_bridge_server_load_secret_file:
 * @self: a #MibewBridgeServer
 * @path: (type filename): a file holding the secret
 * @error: return location for a #GError
 *
 * Reads the secret from @path now and uses it (see
 * #MibewBridgeServer:secret-file for what the file must be like).
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE or
 *   %MIBEW_BRIDGE_ERROR_INVALID_SECRET otherwise
 */
gboolean
mibew_bridge_server_load_secret_file (MibewBridgeServer  *self,
                                      const char         *path,
                                      GError            **error)
{
  g_autoptr(GBytes) secret = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  secret = mibew_bridge_read_secret_file (path, error);
  if (secret == NULL)
    return FALSE;
  set_secret_internal (self, secret);
  g_object_set (self, "secret-file", path, NULL);
  self->secret_file_loaded = TRUE;
  return TRUE;
}

static gboolean
ensure_secret (MibewBridgeServer  *self,
               GError            **error)
{
  if (self->secret_file == NULL || self->secret_file_loaded)
    return TRUE;
  return mibew_bridge_server_load_secret_file (self, self->secret_file, error);
}

/**
 * mibew_bridge_server_get_has_secret:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:has-secret.
 *
 * Returns: whether requests must be signed
 */
gboolean
mibew_bridge_server_get_has_secret (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  return self->secret != NULL;
}

/**
 * mibew_bridge_server_get_body_limit:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:body-limit.
 *
 * Returns: the body limit, in bytes
 */
guint64
mibew_bridge_server_get_body_limit (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);
  return self->body_limit;
}

/**
 * mibew_bridge_server_set_body_limit:
 * @self: a #MibewBridgeServer
 * @limit: the longest body accepted, in bytes
 *
 * Sets #MibewBridgeServer:body-limit.
 */
void
mibew_bridge_server_set_body_limit (MibewBridgeServer *self,
                                    guint64            limit)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));
  g_return_if_fail (limit > 0);

  if (self->body_limit != limit)
    {
      self->body_limit = limit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_LIMIT]);
    }
}

/**
 * mibew_bridge_server_get_deadline:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:deadline.
 *
 * Returns: the per-request deadline in milliseconds, 0 for none
 */
guint
mibew_bridge_server_get_deadline (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);
  return self->deadline;
}

/**
 * mibew_bridge_server_set_deadline:
 * @self: a #MibewBridgeServer
 * @milliseconds: the per-request deadline, 0 for none
 *
 * Sets #MibewBridgeServer:deadline. It applies to the requests in flight
 * too.
 */
void
mibew_bridge_server_set_deadline (MibewBridgeServer *self,
                                  guint              milliseconds)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));

  if (self->deadline != milliseconds)
    {
      self->deadline = milliseconds;
      if (self->deadline_source != NULL)
        g_source_set_ready_time (self->deadline_source, -1);
      arm_deadline (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
    }
}

/**
 * mibew_bridge_server_get_replay_window:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:replay-window.
 *
 * Returns: the replay window, in seconds
 */
guint
mibew_bridge_server_get_replay_window (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);
  return self->replay_window;
}

/**
 * mibew_bridge_server_set_replay_window:
 * @self: a #MibewBridgeServer
 * @seconds: how far a timestamp may be from now, either way
 *
 * Sets #MibewBridgeServer:replay-window.
 */
void
mibew_bridge_server_set_replay_window (MibewBridgeServer *self,
                                       guint              seconds)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));
  g_return_if_fail (seconds > 0);

  if (self->replay_window != seconds)
    {
      self->replay_window = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLAY_WINDOW]);
    }
}

/**
 * mibew_bridge_server_get_dispatch_mode:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:dispatch-mode.
 *
 * Returns: where listeners run
 */
MibewBridgeDispatchMode
mibew_bridge_server_get_dispatch_mode (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), MIBEW_BRIDGE_DISPATCH_MODE_SERIAL);
  return self->dispatch_mode;
}

/**
 * mibew_bridge_server_set_dispatch_mode:
 * @self: a #MibewBridgeServer
 * @mode: where listeners run
 *
 * Sets #MibewBridgeServer:dispatch-mode.
 */
void
mibew_bridge_server_set_dispatch_mode (MibewBridgeServer       *self,
                                       MibewBridgeDispatchMode  mode)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));
  g_return_if_fail (mode <= MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT);

  if (self->dispatch_mode != mode)
    {
      self->dispatch_mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPATCH_MODE]);
    }
}

/**
 * mibew_bridge_server_get_in_flight:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:in-flight.
 *
 * Returns: how many requests are being handled
 */
guint
mibew_bridge_server_get_in_flight (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);
  return self->in_flight;
}

static gboolean
check_can_listen (MibewBridgeServer  *self,
                  GError            **error)
{
  if (self->shutting_down)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_SHUTTING_DOWN,
                   _("The server is shutting down"));
      return FALSE;
    }
  return ensure_secret (self, error);
}

static gboolean
check_address_allowed (MibewBridgeServer  *self,
                       GInetAddress       *inet,
                       GError            **error)
{
  if (self->secret == NULL && !g_inet_address_get_is_loopback (inet))
    {
      g_autofree char *text = g_inet_address_to_string (inet);

      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS,
                   _("Refusing to listen on %s, beyond loopback, without a secret: "
                     "set a secret (a secret file) or listen on 127.0.0.1, ::1 or a Unix socket"),
                   text);
      return FALSE;
    }
  return TRUE;
}

/**
 * mibew_bridge_server_listen:
 * @self: a #MibewBridgeServer
 * @address: (nullable): an IP address, `localhost`, or %NULL for
 *   %MIBEW_BRIDGE_DEFAULT_ADDRESS (127.0.0.1)
 * @port: a TCP port, or 0 for a free one (see
 *   mibew_bridge_server_get_port())
 * @error: return location for a #GError
 *
 * Listens on a TCP address. Without a secret, only loopback addresses
 * are allowed; #MibewBridgeServer:secret-file, if set, is read first.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 *   (%MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS,
 *   %MIBEW_BRIDGE_ERROR_INVALID_ADDRESS, a secret file's error, or a
 *   %G_IO_ERROR) otherwise
 */
gboolean
mibew_bridge_server_listen (MibewBridgeServer  *self,
                            const char         *address,
                            guint               port,
                            GError            **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (port > 65535)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS,
                   _("%u is not a TCP port"), port);
      return FALSE;
    }
  if (!check_can_listen (self, error))
    return FALSE;
  inet = mibew_bridge_parse_address (address, error);
  if (inet == NULL || !check_address_allowed (self, inet, error))
    return FALSE;
  socket_address = g_inet_socket_address_new (inet, (guint16) port);

  /* our own socket, for its backlog: soup's is 10, and fifty PHP workers
   * connecting at once would find it full */
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, NULL);
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error))
    {
      g_autofree char *text = g_inet_address_to_string (inet);

      /* TRANSLATORS: the error follows (ADDRESS:PORT: ERROR) */
      g_prefix_error (error, _("Cannot listen on %s:%u: "), text, port);
      return FALSE;
    }
  if (!g_socket_listen (socket, error))
    return FALSE;
  g_socket_set_blocking (socket, FALSE);
  return soup_server_listen_socket (self->soup, socket, 0, error);
}

/* A socket file left by a server that is gone is removed; one another
 * server listens on is not. */
static gboolean
clear_stale_socket (const char  *path,
                    GError     **error)
{
  g_autoptr(GSocket) probe = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) local = NULL;
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISSOCK (st.st_mode))
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE,
                   _("“%s” exists and is not a socket"), path);
      return FALSE;
    }
  probe = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (probe == NULL)
    return FALSE;
  address = g_unix_socket_address_new (path);
  if (g_socket_connect (probe, address, NULL, &local))
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE,
                   _("Another server listens on “%s”"), path);
      return FALSE;
    }
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot remove the stale socket “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * mibew_bridge_server_listen_unix:
 * @self: a #MibewBridgeServer
 * @path: (type filename): the socket's path
 * @mode: its file mode, such as 0660 (%MIBEW_BRIDGE_DEFAULT_SOCKET_MODE)
 * @owner: (nullable): the user to give it to (a name or a number), or
 *   %NULL to keep the server's
 * @group: (nullable): its group (a name or a number), or %NULL to keep the
 *   server's
 * @error: return location for a #GError
 *
 * Listens on a Unix-domain socket, for a PHP server on the same host
 * (`--listen unix:PATH`). The socket gets its mode, owner and group
 * before it accepts connections; a socket file left by a server that is
 * gone is replaced; the file is removed when the server shuts down.
 * Without a secret, the file's permissions are the only protection.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
mibew_bridge_server_listen_unix (MibewBridgeServer  *self,
                                 const char         *path,
                                 guint               mode,
                                 const char         *owner,
                                 const char         *group,
                                 GError            **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  uid_t uid = (uid_t) -1;
  gid_t gid = (gid_t) -1;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_listen (self, error))
    return FALSE;
  if (owner != NULL && !mibew_bridge_lookup_user (owner, &uid, error))
    return FALSE;
  if (group != NULL && !mibew_bridge_lookup_group (group, &gid, error))
    return FALSE;
  if (!clear_stale_socket (path, error))
    return FALSE;

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return FALSE;
  address = g_unix_socket_address_new (path);
  if (!g_socket_bind (socket, address, FALSE, error))
    {
      /* TRANSLATORS: the error follows */
      g_prefix_error (error, _("Cannot bind “%s”: "), path);
      return FALSE;
    }
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  /* before listen(): until then every connect() is refused */
  if (g_chmod (path, (int) (mode & 0777)) != 0 ||
      ((uid != (uid_t) -1 || gid != (gid_t) -1) && chown (path, uid, gid) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot set the mode or owner of “%s”: %s"), path, g_strerror (saved_errno));
      g_unlink (path);
      return FALSE;
    }
  g_socket_set_blocking (socket, FALSE);
  if (!g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, 0, error))
    {
      g_unlink (path);
      return FALSE;
    }
  g_ptr_array_add (self->socket_paths, g_strdup (path));
  return TRUE;
}

/**
 * mibew_bridge_server_listen_socket:
 * @self: a #MibewBridgeServer
 * @socket: a listening #GSocket (TCP or Unix-domain)
 * @error: return location for a #GError
 *
 * Listens on a socket made elsewhere. A TCP socket beyond loopback is
 * refused without a secret, as mibew_bridge_server_listen() does.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
mibew_bridge_server_listen_socket (MibewBridgeServer  *self,
                                   GSocket            *socket,
                                   GError            **error)
{
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_SOCKET (socket), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_listen (self, error))
    return FALSE;
  local = g_socket_get_local_address (socket, error);
  if (local == NULL)
    return FALSE;
  /* soup accepts when the socket polls readable; a blocking accept()
   * would hang the server if that was not a connection (a listener shut
   * down by mibew_bridge_server_shutdown_async() polls readable) */
  g_socket_set_blocking (socket, FALSE);
  if (G_IS_INET_SOCKET_ADDRESS (local) &&
      !check_address_allowed (self, g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)),
                              error))
    return FALSE;
  return soup_server_listen_socket (self->soup, socket, 0, error);
}

/**
 * mibew_bridge_server_listen_fd:
 * @self: a #MibewBridgeServer
 * @fd: a listening socket's file descriptor
 * @error: return location for a #GError
 *
 * Listens on an inherited socket, as mibew_bridge_server_listen_socket()
 * does. @fd is the server's from this call on: it is closed if listening
 * on it fails.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
mibew_bridge_server_listen_fd (MibewBridgeServer  *self,
                               int                 fd,
                               GError            **error)
{
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  socket = g_socket_new_from_fd (fd, error);
  if (socket == NULL)
    {
      /* TRANSLATORS: the error follows */
      g_prefix_error (error, _("File descriptor %d: "), fd);
      return FALSE;
    }
  return mibew_bridge_server_listen_socket (self, socket, error);
}

#define SD_LISTEN_FDS_START 3

/**
 * mibew_bridge_server_listen_systemd:
 * @self: a #MibewBridgeServer
 * @error: return location for a #GError
 *
 * Listens on the sockets systemd passes to a socket-activated service,
 * with the semantics of `sd_listen_fds (1)`: `LISTEN_PID` must be this
 * process, `LISTEN_FDS` says how many descriptors there are, from 3 on.
 * The variables are removed from the environment, so that children do
 * not take the sockets for theirs, and the descriptors are not inherited
 * by children.
 *
 * Returns: how many sockets the server now listens on; 0 with @error set
 *   (%MIBEW_BRIDGE_ERROR_NO_SOCKETS when nothing was passed)
 */
guint
mibew_bridge_server_listen_systemd (MibewBridgeServer  *self,
                                    GError            **error)
{
  const char *pid_text = g_getenv ("LISTEN_PID");
  const char *fds_text = g_getenv ("LISTEN_FDS");
  guint64 pid;
  guint64 n;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (pid_text == NULL || fds_text == NULL)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_NO_SOCKETS,
                   _("No socket was passed by systemd (LISTEN_PID and LISTEN_FDS are not set): "
                     "start the service through its .socket unit"));
      return 0;
    }
  if (!g_ascii_string_to_unsigned (pid_text, 10, 1, G_MAXINT, &pid, NULL) ||
      (pid_t) pid != getpid ())
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_NO_SOCKETS,
                   _("The sockets systemd passed are not for this process (LISTEN_PID=%s, this is %d)"),
                   pid_text, (int) getpid ());
      return 0;
    }
  if (!g_ascii_string_to_unsigned (fds_text, 10, 1, 1024, &n, NULL))
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_NO_SOCKETS,
                   _("No socket was passed by systemd (LISTEN_FDS=%s)"), fds_text);
      return 0;
    }
  g_unsetenv ("LISTEN_PID");
  g_unsetenv ("LISTEN_FDS");
  g_unsetenv ("LISTEN_FDNAMES");

  for (int fd = SD_LISTEN_FDS_START; fd < SD_LISTEN_FDS_START + (int) n; fd++)
    {
      int flags = fcntl (fd, F_GETFD);

      if (flags >= 0)
        fcntl (fd, F_SETFD, flags | FD_CLOEXEC);
      if (!mibew_bridge_server_listen_fd (self, fd, error))
        return 0;
    }
  return (guint) n;
}

static gboolean
listens_beyond_loopback (MibewBridgeServer *self)
{
  GSList *listeners = soup_server_get_listeners (self->soup);
  gboolean beyond = FALSE;

  for (GSList *l = listeners; l != NULL && !beyond; l = l->next)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (l->data, NULL);

      if (local != NULL && G_IS_INET_SOCKET_ADDRESS (local) &&
          !g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local))))
        beyond = TRUE;
    }
  g_slist_free (listeners);
  return beyond;
}

/**
 * mibew_bridge_server_apply_config:
 * @self: a #MibewBridgeServer
 * @config: a configuration
 * @error: return location for a #GError
 *
 * Takes the secret file, body limit, deadline, replay window and dispatch
 * settings of @config, then emits #MibewBridgeServer::config-applied. It
 * does not listen (see mibew_bridge_server_listen_config()), so it also
 * serves to reload a running server: requests in flight finish with the
 * settings they started with, the next ones get the new ones. Either all
 * of @config is taken or nothing: a secret file that cannot be read, or
 * no secret for a server that listens beyond loopback, leaves the server
 * as it was.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
mibew_bridge_server_apply_config (MibewBridgeServer  *self,
                                  MibewBridgeConfig  *config,
                                  GError            **error)
{
  g_autoptr(GBytes) secret = NULL;
  const char *secret_file;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (config), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  secret_file = mibew_bridge_config_get_secret_file (config);
  if (secret_file != NULL)
    {
      secret = mibew_bridge_read_secret_file (secret_file, error);
      if (secret == NULL)
        return FALSE;
    }
  else if (listens_beyond_loopback (self))
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS,
                   _("The server listens beyond loopback: it cannot go without a secret"));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_secret_internal (self, secret);
  g_object_set (self, "secret-file", secret_file, NULL);
  self->secret_file_loaded = TRUE;
  mibew_bridge_server_set_body_limit (self, mibew_bridge_config_get_body_limit (config));
  mibew_bridge_server_set_deadline (self, mibew_bridge_config_get_deadline (config));
  mibew_bridge_server_set_replay_window (self, mibew_bridge_config_get_replay_window (config));
  mibew_bridge_server_set_dispatch_mode (self, mibew_bridge_config_get_dispatch_mode (config));
  g_object_set (self, "max-threads", mibew_bridge_config_get_max_threads (config), NULL);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CONFIG_APPLIED], 0, config);
  return TRUE;
}

/**
 * mibew_bridge_server_listen_config:
 * @self: a #MibewBridgeServer
 * @config: a configuration
 * @error: return location for a #GError
 *
 * Applies @config (mibew_bridge_server_apply_config()) and listens where
 * it says: the sockets systemd passed, a Unix socket with its mode, owner
 * and group, or a TCP address and port.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
mibew_bridge_server_listen_config (MibewBridgeServer  *self,
                                   MibewBridgeConfig  *config,
                                   GError            **error)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (config), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!mibew_bridge_server_apply_config (self, config, error))
    return FALSE;
  if (mibew_bridge_config_get_systemd (config))
    return mibew_bridge_server_listen_systemd (self, error) > 0;
  if (mibew_bridge_config_get_socket_path (config) != NULL)
    return mibew_bridge_server_listen_unix (self, mibew_bridge_config_get_socket_path (config),
                                            mibew_bridge_config_get_socket_mode (config),
                                            mibew_bridge_config_get_socket_owner (config),
                                            mibew_bridge_config_get_socket_group (config),
                                            error);
  return mibew_bridge_server_listen (self, mibew_bridge_config_get_address (config),
                                     mibew_bridge_config_get_port (config), error);
}

/**
 * mibew_bridge_server_get_port:
 * @self: a #MibewBridgeServer
 *
 * Gets the port of the first TCP socket the server listens on, useful
 * after listening on port 0.
 *
 * Returns: the port, or 0 if the server listens on no TCP socket
 */
guint
mibew_bridge_server_get_port (MibewBridgeServer *self)
{
  GSList *listeners;
  guint port = 0;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), 0);

  listeners = soup_server_get_listeners (self->soup);
  for (GSList *l = listeners; l != NULL && port == 0; l = l->next)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (l->data, NULL);

      if (local != NULL && G_IS_INET_SOCKET_ADDRESS (local))
        port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  g_slist_free (listeners);
  return port;
}

/**
 * mibew_bridge_server_get_uris:
 * @self: a #MibewBridgeServer
 *
 * Gets the URIs of the TCP sockets the server listens on, such as
 * `http://127.0.0.1:8931/`.
 *
 * Returns: (transfer full) (element-type GUri): the URIs
 */
GSList *
mibew_bridge_server_get_uris (MibewBridgeServer *self)
{
  GSList *listeners;
  GSList *uris = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), NULL);

  /* soup_server_get_uris() does not know Unix sockets */
  listeners = soup_server_get_listeners (self->soup);
  for (GSList *l = listeners; l != NULL; l = l->next)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (l->data, NULL);

      if (local != NULL && G_IS_INET_SOCKET_ADDRESS (local))
        {
          GInetSocketAddress *inet = G_INET_SOCKET_ADDRESS (local);
          g_autofree char *host = g_inet_address_to_string (g_inet_socket_address_get_address (inet));

          uris = g_slist_prepend (uris, g_uri_build (G_URI_FLAGS_NONE, "http", NULL, host,
                                                     g_inet_socket_address_get_port (inet), "/",
                                                     NULL, NULL));
        }
    }
  g_slist_free (listeners);
  return g_slist_reverse (uris);
}

/* Stops accepting connections while the accepted ones go on: a listening
 * socket shut down for reading refuses new connections and wakes soup's
 * watch, whose accept() then fails and removes it. soup itself would
 * close every connection at once. */
static void
stop_accepting (MibewBridgeServer *self)
{
  GSList *listeners = soup_server_get_listeners (self->soup);

  for (GSList *l = listeners; l != NULL; l = l->next)
    g_socket_shutdown (l->data, TRUE, FALSE, NULL);
  g_slist_free (listeners);
  remove_socket_files (self);
}

/**
 * mibew_bridge_server_shutdown_async:
 * @self: a #MibewBridgeServer
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async) (closure user_data): called when the last request in
 *   flight has been answered
 * @user_data: data for @callback
 *
 * Shuts the server down gracefully, as on `SIGTERM`: it stops accepting
 * connections at once (and removes its Unix socket files), answers new
 * requests on open connections with 503, lets the requests in flight
 * finish (each within #MibewBridgeServer:deadline), closing their
 * connections after their answers, then closes every connection and
 * calls @callback. Listeners still running past their deadline are not
 * waited for.
 *
 * Cancelling @cancellable only stops the wait: the server still shuts
 * down. Calling this again waits for the same shutdown.
 */
void
mibew_bridge_server_shutdown_async (MibewBridgeServer   *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mibew_bridge_server_shutdown_async);
  g_task_set_return_on_cancel (task, TRUE);
  if (self->shut_down)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (self->shutdown_tasks, task);
  if (!self->shutting_down)
    {
      self->shutting_down = TRUE;
      stop_accepting (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHUTTING_DOWN]);
    }
  finish_shutdown (self);
}

/**
 * mibew_bridge_server_shutdown_finish:
 * @self: a #MibewBridgeServer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes mibew_bridge_server_shutdown_async().
 *
 * Returns: %TRUE once every request has been answered; %FALSE with
 *   @error set to %G_IO_ERROR_CANCELLED if the wait was cancelled
 */
gboolean
mibew_bridge_server_shutdown_finish (MibewBridgeServer  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mibew_bridge_server_get_shutting_down:
 * @self: a #MibewBridgeServer
 *
 * Gets #MibewBridgeServer:shutting-down.
 *
 * Returns: whether the server is shutting down (or shut down)
 */
gboolean
mibew_bridge_server_get_shutting_down (MibewBridgeServer *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  return self->shutting_down;
}

/* ---- running as a service ---------------------------------------------- */

/* systemd's readiness protocol (sd_notify(3)), without libsystemd: one
 * datagram to $NOTIFY_SOCKET; nothing when it is not set. */
static void
notify_systemd (const char *state)
{
  const char *path = g_getenv ("NOTIFY_SOCKET");
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  if (path == NULL || (path[0] != '/' && path[0] != '@'))
    return;
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  if (socket == NULL)
    return;
  if (path[0] == '@')
    address = g_unix_socket_address_new_with_type (path + 1, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);
  else
    address = g_unix_socket_address_new (path);
  g_socket_send_to (socket, address, state, strlen (state), NULL, NULL);
}

typedef struct {
  MibewBridgeServer *server;
  MibewBridgeConfig *config;
  GMainLoop *loop;
} RunData;

static void
on_shutdown_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RunData *run = user_data;

  mibew_bridge_server_shutdown_finish (MIBEW_BRIDGE_SERVER (source), result, NULL);
  log_message (G_LOG_LEVEL_MESSAGE, "Every request is answered; exiting");
  g_main_loop_quit (run->loop);
}

static gboolean
on_stop_signal (gpointer user_data)
{
  RunData *run = user_data;

  if (run->server->shutting_down)
    {
      log_message (G_LOG_LEVEL_MESSAGE, "Stopping at once, %u requests unanswered",
                   run->server->in_flight);
      g_main_loop_quit (run->loop);
      return G_SOURCE_CONTINUE;
    }
  log_message (G_LOG_LEVEL_MESSAGE, "Shutting down: %u requests in flight", run->server->in_flight);
  notify_systemd ("STOPPING=1");
  mibew_bridge_server_shutdown_async (run->server, NULL, on_shutdown_done, run);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_reload_signal (gpointer user_data)
{
  RunData *run = user_data;
  g_autofree char *listen_before = mibew_bridge_config_dup_listen (run->config);
  g_autofree char *listen_after = NULL;
  g_autoptr(GError) error = NULL;

  notify_systemd ("RELOADING=1");
  if (!mibew_bridge_config_reload (run->config, &error) ||
      !mibew_bridge_config_check (run->config, &error) ||
      !mibew_bridge_server_apply_config (run->server, run->config, &error))
    log_message (G_LOG_LEVEL_MESSAGE, "Not reloaded, the configuration in force stays: %s",
                 error->message);
  else
    {
      listen_after = mibew_bridge_config_dup_listen (run->config);
      if (!g_str_equal (listen_before, listen_after))
        log_message (G_LOG_LEVEL_MESSAGE,
                     "Reloaded; the server still listens on %s: a new address (%s) needs a restart",
                     listen_before, listen_after);
      else
        log_message (G_LOG_LEVEL_MESSAGE, "Reloaded %s", mibew_bridge_config_get_file (run->config));
    }
  notify_systemd ("READY=1");
  return G_SOURCE_CONTINUE;
}

/**
 * mibew_bridge_server_run_from_config:
 * @self: a #MibewBridgeServer
 * @config: a configuration
 * @error: return location for a #GError
 *
 * Runs the server as `mibew-events serve` does: listens as @config says
 * (mibew_bridge_server_listen_config()), tells systemd it is ready (when
 * `NOTIFY_SOCKET` is set), and runs the server's main context until it
 * has shut down. `SIGTERM` and `SIGINT` shut it down gracefully
 * (mibew_bridge_server_shutdown_async()); a second one stops it at once.
 * `SIGHUP` reads the configuration file again, checks it and applies it
 * (mibew_bridge_server_apply_config()) without dropping a request; a file
 * that does not check out is logged and the configuration in force
 * stays. Call it from the thread whose thread-default main context the
 * server belongs to.
 *
 * ```c
 * g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new_from_file (path, &error);
 * g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);
 *
 * if (config == NULL || !mibew_bridge_config_check (config, &error) ||
 *     !mibew_bridge_server_run_from_config (server, config, &error))
 *   {
 *     g_printerr ("mibew-events: %s\n", error->message);
 *     return 1;
 *   }
 * return 0;
 * ```
 *
 * Returns: %TRUE once the server has shut down; %FALSE with @error set
 *   if it could not listen
 */
gboolean
mibew_bridge_server_run_from_config (MibewBridgeServer  *self,
                                     MibewBridgeConfig  *config,
                                     GError            **error)
{
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *listen = NULL;
  RunData run;
  GSource *sources[3];
  const int signums[3] = { SIGTERM, SIGINT, SIGHUP };

  g_return_val_if_fail (MIBEW_BRIDGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (config), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!mibew_bridge_server_listen_config (self, config, error))
    return FALSE;

  loop = g_main_loop_new (self->context, FALSE);
  run.server = self;
  run.config = config;
  run.loop = loop;
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      sources[i] = g_unix_signal_source_new (signums[i]);
      g_source_set_callback (sources[i], signums[i] == SIGHUP ? on_reload_signal : on_stop_signal,
                             &run, NULL);
      g_source_attach (sources[i], self->context);
    }

  listen = mibew_bridge_config_dup_listen (config);
  if (mibew_bridge_config_get_socket_path (config) == NULL && !mibew_bridge_config_get_systemd (config))
    {
      g_free (listen);
      listen = g_strdup_printf ("%s:%u", mibew_bridge_config_get_address (config),
                                mibew_bridge_server_get_port (self));
    }
  log_message (G_LOG_LEVEL_MESSAGE, "Listening on %s%s", listen,
               self->secret != NULL ? ", requests signed" : "");
  notify_systemd ("READY=1");

  g_main_loop_run (loop);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_source_destroy (sources[i]);
      g_source_unref (sources[i]);
    }
  return TRUE;
}

/**
 * mibew_bridge_server_hold_emissions:
 * @self: a #MibewBridgeServer
 *
 * Waits until no event is being emitted, then keeps new emissions waiting
 * until mibew_bridge_server_release_emissions(): a host that reloads its
 * plugins does it in between, so that no request runs with half of the
 * old plugins and half of the new. Requests keep being read meanwhile;
 * they answer once emissions go on.
 *
 * Call it in the server's context (where mibew_bridge_server_new() was
 * called), never from a listener.
 */
void
mibew_bridge_server_hold_emissions (MibewBridgeServer *self)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));

  g_rw_lock_writer_lock (&self->emission_lock);
}

/**
 * mibew_bridge_server_release_emissions:
 * @self: a #MibewBridgeServer
 *
 * Lets the emissions that mibew_bridge_server_hold_emissions() held go on.
 */
void
mibew_bridge_server_release_emissions (MibewBridgeServer *self)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_SERVER (self));

  g_rw_lock_writer_unlock (&self->emission_lock);
}
