/* test-bridge-concurrency.c: keep-alive load, where listeners run, slow
 * listeners, slow clients, the deadline and graceful shutdown
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bridge-test-util.h"

#include <string.h>

/* ---- a listener that records who runs it, and how many at once ---- */

static gint active;
static gint max_active;
static gint calls;
static GThread *listener_thread;
static gboolean several_threads;
static guint sleep_ms;

static void
reset_recorder (guint ms)
{
  g_atomic_int_set (&active, 0);
  g_atomic_int_set (&max_active, 0);
  g_atomic_int_set (&calls, 0);
  g_atomic_pointer_set (&listener_thread, NULL);
  g_atomic_int_set (&several_threads, FALSE);
  sleep_ms = ms;
}

static char *
recording_listener (MibewThreadEvents    *events,
                    MibewPostMessageArgs *args,
                    gpointer              data)
{
  const char *body = mibew_post_message_args_get_message_body (args);
  int now = g_atomic_int_add (&active, 1) + 1;
  int seen;
  GThread *self = g_thread_self ();
  GThread *expected = NULL;

  do
    seen = g_atomic_int_get (&max_active);
  while (now > seen && !g_atomic_int_compare_and_exchange (&max_active, seen, now));
  if (!g_atomic_pointer_compare_and_exchange (&listener_thread, expected, self) &&
      g_atomic_pointer_get (&listener_thread) != self)
    g_atomic_int_set (&several_threads, TRUE);  /* by any number of workers at once */

  if (g_strcmp0 (body, "slow") == 0)
    g_usleep (1200 * 1000);
  else if (sleep_ms > 0)
    g_usleep (sleep_ms * 1000);
  g_atomic_int_inc (&calls);
  g_atomic_int_add (&active, -1);
  return g_utf8_strup (body, -1);
}

static void
attach_recorder (BtServer *bt)
{
  g_autoptr(GError) error = NULL;

  mibew_event_dispatcher_attach_callback (bt->dispatcher, "threadPostMessage", 0,
                                          G_CALLBACK (recording_listener), NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
post_message_doc (const char *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "thread");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "threadid");
  json_builder_add_int_value (b, 1);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "message_kind");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "message_body");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "message_options");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static const char *
message_body_of (BtResponse *r)
{
  g_assert_nonnull (r->json);
  return json_object_get_string_member (json_node_get_object (r->json), "message_body");
}

/* ---- clients on threads ---- */

typedef struct {
  BtServer *bt;
  guint index;
  guint requests;
  guint ok;
  guint connections;
  char *failure;
} Worker;

static gpointer
keep_alive_worker (gpointer data)
{
  Worker *w = data;
  BtClient *client = bt_client_new (w->bt);
  BtResponse r = { 0 };
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/v1/events/threadPostMessage", w->bt->port);

  for (guint j = 0; j < w->requests && w->failure == NULL; j++)
    {
      g_autofree char *message = g_strdup_printf ("client %u request %u", w->index, j);
      g_autofree char *expected = g_utf8_strup (message, -1);
      g_autofree char *doc = post_message_doc (message);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
      g_autoptr(GBytes) body = g_bytes_new (doc, strlen (doc));
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
      /* or libsoup opens a new connection for each POST */
      soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
      answer = soup_session_send_and_read (client->session, msg, NULL, &error);
      if (answer == NULL)
        {
          w->failure = g_strdup_printf ("client %u request %u: %s", w->index, j, error->message);
          break;
        }
      g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) soup_message_get_connection_id (msg)));
      if (soup_message_get_status (msg) != 200 ||
          !json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                       (gssize) g_bytes_get_size (answer), NULL) ||
          g_strcmp0 (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                    "message_body"), expected) != 0)
        {
          w->failure = g_strdup_printf ("client %u request %u: status %u", w->index, j,
                                        soup_message_get_status (msg));
          break;
        }
      w->ok++;
    }
  w->connections = g_hash_table_size (ids);
  bt_response_clear (&r);
  bt_client_free (client);
  return NULL;
}

static void
set_mode (BtServer *bt,
          gpointer  data)
{
  mibew_bridge_server_set_dispatch_mode (bt->server, GPOINTER_TO_INT (data));
  g_object_set (bt->server, "max-threads", 4, NULL);
}

static void
run_workers (BtServer *bt,
             guint     n_clients,
             guint     n_requests,
             GThreadFunc func,
             Worker   *workers)
{
  GThread **threads = g_new0 (GThread *, n_clients);

  for (guint i = 0; i < n_clients; i++)
    {
      workers[i].bt = bt;
      workers[i].index = i;
      workers[i].requests = n_requests;
      threads[i] = g_thread_new ("client", func, &workers[i]);
    }
  for (guint i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);
  g_free (threads);
}

static void
test_keep_alive_load (gconstpointer data)
{
  MibewBridgeDispatchMode mode = GPOINTER_TO_INT (data);
  BtServer *bt = bt_server_new (NULL);
  const char *env = g_getenv ("MIBEW_BRIDGE_LOAD_REQUESTS");
  guint n_clients = 50;
  guint n_requests = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 200;
  Worker *workers = g_new0 (Worker, n_clients);
  guint total = 0;
  double seconds;

  reset_recorder (0);
  bt_server_call (bt, set_mode, GINT_TO_POINTER (mode));
  bt_server_listen_tcp (bt);
  attach_recorder (bt);

  g_test_timer_start ();
  run_workers (bt, n_clients, n_requests, keep_alive_worker, workers);
  seconds = g_test_timer_elapsed ();

  for (guint i = 0; i < n_clients; i++)
    {
      if (workers[i].failure != NULL)
        g_error ("%s", workers[i].failure);
      g_assert_cmpuint (workers[i].ok, ==, n_requests);
      /* keep-alive: one connection for the whole run */
      g_assert_cmpuint (workers[i].connections, ==, 1);
      total += workers[i].ok;
      g_free (workers[i].failure);
    }
  g_assert_cmpuint (total, ==, n_clients * n_requests);
  g_assert_cmpint (g_atomic_int_get (&calls), ==, (int) total);
  if (mode == MIBEW_BRIDGE_DISPATCH_MODE_SERIAL)
    g_assert_cmpint (g_atomic_int_get (&max_active), ==, 1);
  g_test_message ("%u requests on %u keep-alive connections in %.2f s: %.0f requests/s",
                  total, n_clients, seconds, total / seconds);
  g_test_minimized_result (total / seconds, "requests per second");
  /* bounded in time as well as in count */
  g_assert_cmpfloat (seconds, <, 120);
  g_free (workers);
  bt_server_free (bt);
}

static gpointer
few_posts_worker (gpointer data)
{
  Worker *w = data;
  BtClient *client = bt_client_new (w->bt);
  BtResponse r = { 0 };

  for (guint j = 0; j < w->requests; j++)
    {
      g_autofree char *message = g_strdup_printf ("c%u r%u", w->index, j);
      g_autofree char *doc = post_message_doc (message);
      g_autofree char *expected = g_utf8_strup (message, -1);

      bt_post (client, "threadPostMessage", doc, &r);
      if (r.status != 200 || g_strcmp0 (message_body_of (&r), expected) != 0)
        w->failure = g_strdup_printf ("%u: %s", r.status, r.body);
      else
        w->ok++;
    }
  bt_response_clear (&r);
  bt_client_free (client);
  return NULL;
}

static GThread *server_thread_seen;

static void
record_server_thread (BtServer *bt,
                      gpointer  data)
{
  server_thread_seen = g_thread_self ();
}

/* where listeners run, and whether they overlap */
static void
test_dispatch_mode (gconstpointer data)
{
  MibewBridgeDispatchMode mode = GPOINTER_TO_INT (data);
  BtServer *bt = bt_server_new (NULL);
  Worker workers[8] = { { 0 } };

  reset_recorder (15);
  bt_server_call (bt, set_mode, GINT_TO_POINTER (mode));
  bt_server_call (bt, record_server_thread, NULL);
  bt_server_listen_tcp (bt);
  attach_recorder (bt);

  run_workers (bt, G_N_ELEMENTS (workers), 4, few_posts_worker, workers);
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      if (workers[i].failure != NULL)
        g_error ("%s", workers[i].failure);
      g_assert_cmpuint (workers[i].ok, ==, 4);
    }
  g_assert_cmpint (g_atomic_int_get (&calls), ==, 32);
  switch (mode)
    {
    case MIBEW_BRIDGE_DISPATCH_MODE_SERIAL:
      /* never two at once, always the same thread, not the server's */
      g_assert_cmpint (g_atomic_int_get (&max_active), ==, 1);
      g_assert_false (g_atomic_int_get (&several_threads));
      g_assert_true (g_atomic_pointer_get (&listener_thread) != server_thread_seen);
      break;
    case MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT:
      g_assert_cmpint (g_atomic_int_get (&max_active), ==, 1);
      g_assert_false (g_atomic_int_get (&several_threads));
      g_assert_true (g_atomic_pointer_get (&listener_thread) == server_thread_seen);
      break;
    case MIBEW_BRIDGE_DISPATCH_MODE_THREADS:
    default:
      /* eight clients, four threads, listeners that sleep: they overlap */
      g_assert_cmpint (g_atomic_int_get (&max_active), >, 1);
      g_assert_cmpint (g_atomic_int_get (&max_active), <=, 4);
      g_assert_true (g_atomic_int_get (&several_threads));
      break;
    }
  bt_server_free (bt);
}

/* ---- slow listeners, slow clients, the deadline ---- */

static void
set_deadline (BtServer *bt,
              gpointer  data)
{
  mibew_bridge_server_set_deadline (bt->server, GPOINTER_TO_UINT (data));
}

typedef struct {
  BtServer *bt;
  BtResponse r;
  double seconds;
  const char *message;
  gboolean use_unix;
} SlowPost;

static gpointer
slow_post (gpointer data)
{
  SlowPost *s = data;
  BtClient *client = s->use_unix ? bt_client_new_unix (s->bt) : bt_client_new (s->bt);
  g_autofree char *doc = post_message_doc (s->message);
  g_autoptr(GTimer) timer = g_timer_new ();

  bt_post (client, "threadPostMessage", doc, &s->r);
  s->seconds = g_timer_elapsed (timer, NULL);
  bt_client_free (client);
  return NULL;
}

static void
test_slow_listener (gconstpointer data)
{
  MibewBridgeDispatchMode mode = GPOINTER_TO_INT (data);
  BtServer *bt = bt_server_new (NULL);
  BtClient *client;
  BtResponse r = { 0 };
  SlowPost slow = { bt, { 0 }, 0, "slow", FALSE };
  GThread *thread;
  g_autoptr(GTimer) timer = NULL;

  reset_recorder (0);
  bt_server_call (bt, set_mode, GINT_TO_POINTER (mode));
  bt_server_call (bt, set_deadline, GUINT_TO_POINTER (400));
  bt_server_listen_tcp (bt);
  attach_recorder (bt);
  client = bt_client_new (bt);

  thread = g_thread_new ("slow", slow_post, &slow);
  g_usleep (100 * 1000);
  /* while the slow listener runs, the server answers */
  timer = g_timer_new ();
  for (guint i = 0; i < 10; i++)
    {
      bt_request (client, "GET", "/v1/health", NULL, NULL, 0, &r);
      g_assert_cmpuint (r.status, ==, 200);
      bt_post (client, "threadDelete", "{\"id\": 1}", &r);
      g_assert_cmpuint (r.status, ==, 200);
    }
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 1.0);
  if (mode == MIBEW_BRIDGE_DISPATCH_MODE_THREADS)
    {
      /* and other events' listeners run meanwhile */
      g_autofree char *doc = post_message_doc ("fast");

      bt_post (client, "threadPostMessage", doc, &r);
      g_assert_cmpuint (r.status, ==, 200);
      g_assert_cmpstr (message_body_of (&r), ==, "FAST");
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 1.0);
    }
  g_thread_join (thread);

  /* the deadline answered for the slow one, long before it finished */
  if (slow.r.status != 503)
    g_error ("expected 503, got %u %s", slow.r.status, slow.r.body);
  g_assert_cmpstr (bt_response_error_code (&slow.r), ==, "deadline-exceeded");
  g_assert_cmpfloat (slow.seconds, <, 1.1);

  /* its listener finished later; its answer went nowhere; all is well */
  g_usleep (1300 * 1000);
  bt_post (client, "threadDelete", "{\"id\": 1}", &r);
  g_assert_cmpuint (r.status, ==, 200);
  bt_request (client, "GET", "/metrics", NULL, NULL, 0, &r);
  g_assert_cmpfloat (bt_metric (r.body, "mibew_bridge_events_total{event=\"threadPostMessage\",status=\"503\"}"), ==, 1);

  bt_response_clear (&r);
  bt_response_clear (&slow.r);
  bt_client_free (client);
  bt_server_free (bt);
}

static void
test_slow_client (void)
{
  BtServer *bt = bt_server_new (NULL);
  BtClient *client;
  BtResponse r = { 0 };
  GSocketConnection *stalled_body;
  GSocketConnection *stalled_headers;
  GSocketConnection *idle;
  g_autofree char *answer = NULL;
  g_autofree char *nothing = NULL;

  bt_server_call (bt, set_deadline, GUINT_TO_POINTER (700));
  bt_server_listen_tcp (bt);
  client = bt_client_new (bt);

  /* headers, then ten bytes of a hundred, then nothing */
  stalled_body = bt_raw_connect (bt);
  bt_raw_send (stalled_body, "POST /v1/events/threadDelete HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\": 1, ");
  /* half a request line */
  stalled_headers = bt_raw_connect (bt);
  bt_raw_send (stalled_headers, "POST /v1/events/threadDel");
  /* connected, silent */
  idle = bt_raw_connect (bt);

  for (guint i = 0; i < 20; i++)
    {
      bt_post (client, "threadDelete", "{\"id\": 1}", &r);
      g_assert_cmpuint (r.status, ==, 200);
    }

  /* the deadline answers the one that sent its headers, and closes all */
  answer = bt_raw_read_all (stalled_body, 5000);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 503 "));
  g_assert_nonnull (strstr (answer, "deadline-exceeded"));
  nothing = bt_raw_read_all (stalled_headers, 5000);
  g_assert_cmpstr (nothing, ==, "");
  g_free (nothing);
  nothing = bt_raw_read_all (idle, 5000);
  g_assert_cmpstr (nothing, ==, "");

  bt_post (client, "threadDelete", "{\"id\": 1}", &r);
  g_assert_cmpuint (r.status, ==, 200);
  bt_request (client, "GET", "/metrics", NULL, NULL, 0, &r);
  g_assert_cmpfloat (bt_metric (r.body, "mibew_bridge_events_total{event=\"threadDelete\",status=\"503\"}"), ==, 1);

  g_object_unref (stalled_body);
  g_object_unref (stalled_headers);
  g_object_unref (idle);
  bt_response_clear (&r);
  bt_client_free (client);
  bt_server_free (bt);
}

/* ---- graceful shutdown ---- */

static gboolean shutdown_done;
static guint in_flight_seen;

static void
on_shutdown (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mibew_bridge_server_shutdown_finish (MIBEW_BRIDGE_SERVER (source), result, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&shutdown_done, TRUE);
}

static void
start_shutdown (BtServer *bt,
                gpointer  data)
{
  mibew_bridge_server_shutdown_async (bt->server, NULL, on_shutdown, NULL);
  g_assert_true (mibew_bridge_server_get_shutting_down (bt->server));
}

static void
read_in_flight (BtServer *bt,
                gpointer  data)
{
  in_flight_seen = mibew_bridge_server_get_in_flight (bt->server);
}

static void
test_shutdown (gconstpointer data)
{
  gboolean use_unix = GPOINTER_TO_INT (data);
  BtServer *bt = bt_server_new (NULL);
  BtClient *early;
  BtResponse r = { 0 };
  SlowPost slow = { bt, { 0 }, 0, "in flight", use_unix };
  GThread *thread;
  guint waited = 0;

  reset_recorder (800);
  bt_server_call (bt, set_mode, GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_THREADS));
  if (use_unix)
    bt_server_listen_unix (bt, 0600);
  else
    bt_server_listen_tcp (bt);
  attach_recorder (bt);
  shutdown_done = FALSE;

  /* a keep-alive connection, idle when the shutdown starts */
  early = use_unix ? bt_client_new_unix (bt) : bt_client_new (bt);
  bt_request (early, "GET", "/v1/health", NULL, NULL, 0, &r);
  g_assert_cmpuint (r.status, ==, 200);

  thread = g_thread_new ("in-flight", slow_post, &slow);
  do
    {
      g_usleep (10 * 1000);
      bt_server_call (bt, read_in_flight, NULL);
    }
  while (in_flight_seen == 0 && ++waited < 300);
  g_assert_cmpuint (in_flight_seen, ==, 1);

  bt_server_call (bt, start_shutdown, NULL);

  /* new connections are refused */
  if (use_unix)
    g_assert_false (g_file_test (bt->socket_path, G_FILE_TEST_EXISTS));
  else
    {
      g_autoptr(GSocketClient) sc = g_socket_client_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocketConnection) conn =
        g_socket_client_connect_to_host (sc, "127.0.0.1", (guint16) bt->port, NULL, &error);

      g_assert_null (conn);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    }
  /* new requests on open connections too */
  bt_request (early, "GET", "/v1/health", NULL, NULL, 0, &r);
  g_assert_cmpuint (r.status, ==, 503);
  g_assert_cmpstr (bt_response_error_code (&r), ==, "shutting-down");
  g_assert_true (soup_message_headers_header_contains (r.headers, "Connection", "close"));
  g_assert_false (g_atomic_int_get (&shutdown_done));

  /* the request in flight finishes */
  g_thread_join (thread);
  g_assert_cmpuint (slow.r.status, ==, 200);
  g_assert_cmpstr (message_body_of (&slow.r), ==, "IN FLIGHT");
  g_assert_true (soup_message_headers_header_contains (slow.r.headers, "Connection", "close"));

  waited = 0;
  while (!g_atomic_int_get (&shutdown_done) && ++waited < 300)
    g_usleep (10 * 1000);
  g_assert_true (g_atomic_int_get (&shutdown_done));

  bt_response_clear (&r);
  bt_response_clear (&slow.r);
  bt_client_free (early);
  bt_server_free (bt);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/bridge/concurrency/keep-alive-load/serial",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_SERIAL), test_keep_alive_load);
  g_test_add_data_func ("/bridge/concurrency/keep-alive-load/threads",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_THREADS), test_keep_alive_load);
  g_test_add_data_func ("/bridge/concurrency/dispatch/serial",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_SERIAL), test_dispatch_mode);
  g_test_add_data_func ("/bridge/concurrency/dispatch/threads",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_THREADS), test_dispatch_mode);
  g_test_add_data_func ("/bridge/concurrency/dispatch/main-context",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT), test_dispatch_mode);
  g_test_add_data_func ("/bridge/concurrency/slow-listener/serial",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_SERIAL), test_slow_listener);
  g_test_add_data_func ("/bridge/concurrency/slow-listener/threads",
                        GINT_TO_POINTER (MIBEW_BRIDGE_DISPATCH_MODE_THREADS), test_slow_listener);
  g_test_add_func ("/bridge/concurrency/slow-client", test_slow_client);
  g_test_add_data_func ("/bridge/concurrency/shutdown/tcp", GINT_TO_POINTER (FALSE), test_shutdown);
  g_test_add_data_func ("/bridge/concurrency/shutdown/unix", GINT_TO_POINTER (TRUE), test_shutdown);

  return g_test_run ();
}
