/* test-bridge-http.c: every endpoint and status code, both transports,
 * the 41 sample documents, and metrics that add up
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bridge-test-util.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

typedef struct {
  BtServer *bt;
  BtClient *client;
  BtResponse r;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->bt = bt_server_new (NULL);
  bt_server_listen_tcp (f->bt);
  f->client = bt_client_new (f->bt);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bt_response_clear (&f->r);
  bt_client_free (f->client);
  bt_server_free (f->bt);
}

static JsonObject *
object_of (BtResponse *r)
{
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  return json_node_get_object (r->json);
}

static void
assert_error (BtResponse *r,
              guint       status,
              const char *code)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %s", status, r->status, r->body);
  g_assert_cmpstr (bt_response_error_code (r), ==, code);
  g_assert_nonnull (json_object_get_string_member (
    json_object_get_object_member (object_of (r), "error"), "message"));
}

static void
test_health (Fixture       *f,
             gconstpointer  data)
{
  JsonObject *o;

  bt_request (f->client, "GET", "/v1/health", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  o = object_of (&f->r);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "ok");
  g_assert_false (json_object_get_boolean_member (o, "signed"));
  g_assert_cmpstr (soup_message_headers_get_content_type (f->r.headers, NULL), ==, "application/json");

  bt_request (f->client, "HEAD", "/v1/health", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  g_assert_cmpuint (f->r.length, ==, 0);
}

static gpointer
no_op_listener (MibewEventEmitter *emitter,
                MibewEventArgs    *args,
                gpointer           data)
{
  return NULL;
}

static gint64
listeners_of (JsonArray  *events,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (e, "name"), name))
        return json_object_get_int_member (e, "listeners");
    }
  g_assert_not_reached ();
}

static void
test_events_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JsonArray *events;
  JsonObject *post;

  mibew_event_dispatcher_attach_func (f->bt->dispatcher, "threadPostMessage", 0, no_op_listener,
                                      NULL, NULL, &error);
  mibew_event_dispatcher_attach_func (f->bt->dispatcher, "threadPostMessage", 5, no_op_listener,
                                      NULL, NULL, &error);
  mibew_event_dispatcher_attach_func (f->bt->dispatcher, "threadFunctionCall::microtime", 0,
                                      no_op_listener, NULL, NULL, &error);
  g_assert_no_error (error);

  bt_request (f->client, "GET", "/v1/events", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  events = json_object_get_array_member (object_of (&f->r), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 41);
  for (guint i = 0; i < 41; i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      g_assert_cmpstr (json_object_get_string_member (e, "name"), ==,
                       mibew_event_dispatcher_list_events ()[i]);
      g_assert_true (json_object_has_member (e, "category"));
      g_assert_true (json_object_has_member (e, "signal"));
      g_assert_true (json_object_has_member (e, "kind"));
    }
  g_assert_cmpint (listeners_of (events, "threadPostMessage"), ==, 2);
  g_assert_cmpint (listeners_of (events, "threadFunctionCall"), ==, 1);
  g_assert_cmpint (listeners_of (events, "threadClose"), ==, 0);
  post = json_array_get_object_element (events, 30);
  g_assert_cmpstr (json_object_get_string_member (post, "name"), ==, "threadPostMessage");
  g_assert_cmpstr (json_object_get_string_member (post, "category"), ==, "thread");
  g_assert_cmpstr (json_object_get_string_member (post, "signal"), ==, "post-message");
  g_assert_cmpstr (json_object_get_string_member (post, "kind"), ==, "alter");
}

static char *
shout (MibewThreadEvents    *events,
       MibewPostMessageArgs *args,
       gpointer              data)
{
  return g_utf8_strup (mibew_post_message_args_get_message_body (args), -1);
}

static void
test_post (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *path = bt_data_path ("threadPostMessage");
  JsonObject *o;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);

  /* nobody listens: the document comes back as it came */
  bt_post (f->client, "threadDelete", "{\"id\": \"42\"}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  g_assert_cmpstr (f->r.body, ==, "{\"id\":\"42\"}");

  mibew_event_dispatcher_attach_callback (f->bt->dispatcher, "threadPostMessage", 0,
                                          G_CALLBACK (shout), NULL, NULL, &error);
  g_assert_no_error (error);
  bt_post (f->client, "threadPostMessage", doc, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  o = object_of (&f->r);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *in;
    g_autofree char *upper = NULL;

    g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
    in = json_node_get_object (json_parser_get_root (parser));
    upper = g_utf8_strup (json_object_get_string_member (in, "message_body"), -1);
    g_assert_cmpstr (json_object_get_string_member (o, "message_body"), ==, upper);
  }

  /* charset=utf-8 is JSON too */
  bt_request (f->client, "POST", "/v1/events/threadDelete", "application/json; charset=utf-8",
              "{\"id\": 1}", -1, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  const char *message;

  bt_request (f->client, "GET", "/nope", NULL, NULL, 0, &f->r);
  assert_error (&f->r, 404, "not-found");
  bt_request (f->client, "GET", "/v1/events/", NULL, NULL, 0, &f->r);
  assert_error (&f->r, 405, "method-not-allowed");
  bt_post (f->client, "noSuchEvent", "{}", &f->r);
  assert_error (&f->r, 404, "unknown-event");
  bt_post (f->client, "threadPostMessage/extra", "{}", &f->r);
  assert_error (&f->r, 404, "unknown-event");

  bt_request (f->client, "GET", "/v1/events/threadClose", NULL, NULL, 0, &f->r);
  assert_error (&f->r, 405, "method-not-allowed");
  g_assert_cmpstr (soup_message_headers_get_one (f->r.headers, "Allow"), ==, "POST");
  bt_request (f->client, "PUT", "/v1/events/threadClose", "application/json", "{}", -1, &f->r);
  assert_error (&f->r, 405, "method-not-allowed");
  bt_request (f->client, "POST", "/v1/health", "application/json", "{}", -1, &f->r);
  assert_error (&f->r, 405, "method-not-allowed");
  g_assert_cmpstr (soup_message_headers_get_one (f->r.headers, "Allow"), ==, "GET, HEAD");
  bt_request (f->client, "DELETE", "/metrics", NULL, NULL, 0, &f->r);
  assert_error (&f->r, 405, "method-not-allowed");

  bt_request (f->client, "POST", "/v1/events/threadDelete", "text/plain", "{\"id\": 1}", -1, &f->r);
  assert_error (&f->r, 415, "unsupported-media-type");
  bt_request (f->client, "POST", "/v1/events/threadDelete", NULL, NULL, 0, &f->r);
  assert_error (&f->r, 415, "unsupported-media-type");
  bt_request (f->client, "POST", "/v1/events/threadDelete", "application/json; charset=latin1",
              "{\"id\": 1}", -1, &f->r);
  assert_error (&f->r, 415, "unsupported-media-type");

  bt_post (f->client, "threadDelete", "{\"id\": ", &f->r);
  assert_error (&f->r, 400, "malformed-json");
  bt_post (f->client, "threadDelete", "", &f->r);
  assert_error (&f->r, 400, "malformed-json");
  bt_post (f->client, "threadDelete", "{\"id\": 1, \"id\": 2}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 400);
  bt_request (f->client, "POST", "/v1/events/threadDelete", "application/json", "{\"id\": \"\xff\"}", -1, &f->r);
  assert_error (&f->r, 400, "malformed-json");

  bt_post (f->client, "threadUpdate", "{\"thread\": {\"state\": \"x\"}, \"original_thread\": {}}", &f->r);
  assert_error (&f->r, 400, "invalid-arguments");
  message = json_object_get_string_member (json_object_get_object_member (object_of (&f->r), "error"),
                                           "message");
  g_assert_nonnull (strstr (message, "thread.state"));
  bt_post (f->client, "threadDelete", "[1, 2]", &f->r);
  assert_error (&f->r, 400, "invalid-arguments");
}

static void
set_body_limit (BtServer *bt,
                gpointer  data)
{
  mibew_bridge_server_set_body_limit (bt->server, GPOINTER_TO_UINT (data));
}

static void
test_oversize (Fixture       *f,
               gconstpointer  data)
{
  gsize size = 2 * 1024 * 1024;
  g_autofree char *big = g_malloc (size + 1);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/v1/events/threadDelete", f->bt->port);

  /* {"id": 1, "x": "aaaa...."} */
  memset (big, 'a', size);
  memcpy (big, "{\"id\": 1, \"x\": \"", 16);
  memcpy (big + size - 2, "\"}", 2);
  big[size] = '\0';

  /* Content-Length over the limit */
  bt_request (f->client, "POST", "/v1/events/threadDelete", "application/json", big, (gssize) size, &f->r);
  assert_error (&f->r, 413, "body-too-large");

  /* chunked, no length: counted as it comes */
  msg = soup_message_new ("POST", uri);
  stream = g_memory_input_stream_new_from_data (big, (gssize) size, NULL);
  soup_message_set_request_body (msg, "application/json", stream, -1);
  answer = soup_session_send_and_read (f->client->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 413);

  /* the server goes on */
  bt_post (f->client, "threadDelete", "{\"id\": 1}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);

  /* under our limit, over the dispatcher's own (1 MiB) */
  bt_server_call (f->bt, set_body_limit, GUINT_TO_POINTER (4 * 1024 * 1024));
  bt_request (f->client, "POST", "/v1/events/threadDelete", "application/json", big, (gssize) size, &f->r);
  assert_error (&f->r, 413, "limit-exceeded");

  /* just under the limit is fine */
  bt_server_call (f->bt, set_body_limit, GUINT_TO_POINTER (1024));
  bt_post (f->client, "threadDelete", "{\"id\": 1}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
}

/* ---- the 41 documents ---- */

static void
change_value (JsonObject *o,
              const char *key)
{
  JsonNode *v = json_object_get_member (o, key);

  g_assert_nonnull (v);
  if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
    json_object_set_string_member (o, key, "changed by C");
  else if (JSON_NODE_HOLDS_ARRAY (v))
    {
      JsonArray *a = json_node_get_array (v);

      g_assert_cmpuint (json_array_get_length (a), >, 1);
      while (json_array_get_length (a) > 1)
        json_array_remove_element (a, json_array_get_length (a) - 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (v))
    json_object_set_string_member (json_node_get_object (v), "x_bridge", "changed by C");
  else if (g_str_equal (key, "operator"))
    {
      /* an out slot: fill it */
      JsonObject *op = json_object_new ();

      json_object_set_string_member (op, "operatorid", "7");
      json_object_set_string_member (op, "vclogin", "bridge");
      json_object_set_object_member (o, key, op);
    }
  else if (g_str_equal (key, "response"))
    {
      JsonObject *resp = json_object_new ();

      json_object_set_int_member (resp, "status", 403);
      json_object_set_string_member (resp, "content", "changed by C");
      json_object_set_object_member (o, key, resp);
    }
  else if (g_str_equal (key, "visitors"))
    {
      JsonArray *list = json_array_new ();
      JsonObject *visitor = json_object_new ();

      json_object_set_string_member (visitor, "id", "1");
      json_object_set_string_member (visitor, "x_bridge", "changed by C");
      json_array_add_object_element (list, visitor);
      json_object_set_array_member (o, key, list);
    }
  else
    g_error ("no change for %s", key);
}

static gpointer
change_answer (MibewEventEmitter *emitter,
               MibewEventArgs    *args,
               gpointer           data)
{
  const char *key = data;
  g_autoptr(JsonNode) node = mibew_event_args_to_json (args);
  g_autoptr(GError) error = NULL;

  change_value (json_node_get_object (node), key);
  if (!mibew_event_args_update_from_json (args, node, &error))
    g_error ("%s: %s", key, error->message);
  return NULL;
}

static void
assert_changed (JsonObject *in,
                JsonObject *out,
                const char *key)
{
  JsonNode *before = json_object_get_member (in, key);
  JsonNode *after = json_object_get_member (out, key);

  g_assert_nonnull (after);
  g_assert_false (json_node_equal (before, after));
  if (JSON_NODE_HOLDS_VALUE (before) && json_node_get_value_type (before) == G_TYPE_STRING)
    g_assert_cmpstr (json_node_get_string (after), ==, "changed by C");
  else if (JSON_NODE_HOLDS_ARRAY (before))
    g_assert_cmpuint (json_array_get_length (json_node_get_array (after)), ==, 1);
  else if (JSON_NODE_HOLDS_OBJECT (before))
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "x_bridge"),
                     ==, "changed by C");
  else
    g_assert_false (JSON_NODE_HOLDS_VALUE (after) && json_node_get_value_type (after) == G_TYPE_BOOLEAN);
}

static void
test_all_events (Fixture       *f,
                 gconstpointer  data)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  guint changed = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(JsonNode) description = mibew_event_dispatcher_get_event_description (names[i], NULL);
      JsonObject *d = json_node_get_object (description);

      if (!g_str_equal (json_object_get_string_member (d, "kind"), "notify"))
        {
          g_autoptr(GError) error = NULL;

          mibew_event_dispatcher_attach_func (f->bt->dispatcher, names[i], 0, change_answer,
                                              g_strdup (json_object_get_string_member (d, "answer")),
                                              g_free, &error);
          g_assert_no_error (error);
        }
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = bt_data_path (names[i]);
      g_autofree char *doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) description = mibew_event_dispatcher_get_event_description (names[i], NULL);
      JsonObject *d = json_node_get_object (description);
      const char *answer = json_object_get_string_member (d, "answer");

      g_file_get_contents (path, &doc, NULL, &error);
      g_assert_no_error (error);
      bt_post (f->client, names[i], doc, &f->r);
      if (f->r.status != 200)
        g_error ("%s: %u %s", names[i], f->r.status, f->r.body);
      g_assert_nonnull (f->r.json);

      g_assert_true (json_parser_load_from_data (parser, doc, -1, &error));
      if (answer != NULL && !g_str_equal (json_object_get_string_member (d, "kind"), "notify"))
        {
          assert_changed (json_node_get_object (json_parser_get_root (parser)),
                          json_node_get_object (f->r.json), answer);
          changed++;
        }
    }
  g_assert_cmpuint (changed, ==, 16);
}

/* ---- metrics ---- */

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  const char *metrics;
  guint posts_known = 0;
  guint requests = 0;

  for (guint i = 0; i < 7; i++, posts_known++, requests++)
    bt_post (f->client, "threadDelete", "{\"id\": 1}", &f->r);
  for (guint i = 0; i < 3; i++, posts_known++, requests++)
    bt_post (f->client, "threadDelete", "{", &f->r);
  for (guint i = 0; i < 2; i++, requests++)
    bt_post (f->client, "nope", "{}", &f->r);
  bt_request (f->client, "GET", "/v1/health", NULL, NULL, 0, &f->r), requests++;
  bt_request (f->client, "GET", "/nope", NULL, NULL, 0, &f->r), requests++;
  bt_request (f->client, "GET", "/v1/events/threadClose", NULL, NULL, 0, &f->r), requests++, posts_known++;

  bt_request (f->client, "GET", "/metrics", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (f->r.headers, NULL), ==, "text/plain");
  metrics = f->r.body;

  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_events_total{event=\"threadDelete\",status=\"200\"}"), ==, 7);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_events_total{event=\"threadDelete\",status=\"400\"}"), ==, 3);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_events_total{event=\"threadClose\",status=\"405\"}"), ==, 1);
  g_assert_cmpfloat (bt_metric_sum (metrics, "mibew_bridge_events_total"), ==, posts_known);
  /* unknown events are not a label: they are requests to the event endpoint */
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_requests_total{endpoint=\"event\",status=\"404\"}"), ==, 2);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_requests_total{endpoint=\"health\",status=\"200\"}"), ==, 1);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_requests_total{endpoint=\"other\",status=\"404\"}"), ==, 1);
  /* the metrics request itself is not answered yet */
  g_assert_cmpfloat (bt_metric_sum (metrics, "mibew_bridge_requests_total"), ==, requests);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_event_duration_seconds_count"), ==, posts_known);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_event_duration_seconds_bucket{le=\"+Inf\"}"), ==, posts_known);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_event_duration_seconds_sum"), >, 0);
  g_assert_cmpfloat (bt_metric (metrics, "mibew_bridge_in_flight_requests"), ==, 1);
  g_assert_nonnull (strstr (metrics, "# TYPE mibew_bridge_event_duration_seconds histogram\n"));
}

static gpointer
failing_listener (MibewEventEmitter *emitter,
                  MibewEventArgs    *args,
                  gpointer           data)
{
  mibew_event_dispatcher_report_failure (data, "threadClose", "this listener fails on purpose");
  return NULL;
}

static void
test_metrics_failures (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bt_data_path ("threadClose");
  g_autofree char *doc = NULL;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  mibew_event_dispatcher_attach_func (f->bt->dispatcher, "threadClose", 0, failing_listener,
                                      f->bt->dispatcher, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      bt_post (f->client, "threadClose", doc, &f->r);
      g_assert_cmpuint (f->r.status, ==, 200);
    }
  bt_request (f->client, "GET", "/metrics", NULL, NULL, 0, &f->r);
  g_assert_cmpfloat (bt_metric (f->r.body, "mibew_bridge_listener_failures_total{event=\"threadClose\"}"), ==, 3);
  g_assert_cmpfloat (bt_metric (f->r.body, "mibew_bridge_dispatcher_failures"), ==, 3);
}

/* ---- transports ---- */

static void
test_unix (void)
{
  BtServer *bt = bt_server_new (NULL);
  BtClient *client;
  BtResponse r = { 0 };
  struct stat st;

  bt_server_listen_unix (bt, 0600);
  g_assert_cmpint (g_stat (bt->socket_path, &st), ==, 0);
  g_assert_true (S_ISSOCK (st.st_mode));
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  client = bt_client_new_unix (bt);
  bt_post (client, "threadDelete", "{\"id\": \"42\"}", &r);
  g_assert_cmpuint (r.status, ==, 200);
  g_assert_cmpstr (r.body, ==, "{\"id\":\"42\"}");
  bt_request (client, "GET", "/v1/events", NULL, NULL, 0, &r);
  g_assert_cmpuint (r.status, ==, 200);
  bt_post (client, "nope", "{}", &r);
  g_assert_cmpuint (r.status, ==, 404);

  /* a second server on the same path is refused while the first listens */
  {
    g_autoptr(MibewBridgeServer) other = mibew_bridge_server_new (NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (mibew_bridge_server_listen_unix (other, bt->socket_path, 0600, NULL, NULL, &error));
    g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE);
  }

  bt_response_clear (&r);
  bt_client_free (client);
  {
    char *path = g_strdup (bt->socket_path);

    bt_server_free (bt);
    /* the server removed its socket file */
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_free (path);
  }
}

static void
test_unix_stale (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-stale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.sock", NULL);
  g_autofree char *file = g_build_filename (dir, "plain", NULL);
  g_autoptr(GError) error = NULL;

  /* a socket file nobody listens on any more */
  {
    g_autoptr(GSocket) s = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
    g_autoptr(GSocketAddress) a = g_unix_socket_address_new (path);

    g_assert_true (g_socket_bind (s, a, FALSE, &error));
  }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);

    g_assert_true (mibew_bridge_server_listen_unix (server, path, 0660, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* not a socket: left alone */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  {
    g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);

    g_assert_false (mibew_bridge_server_listen_unix (server, file, 0660, NULL, NULL, &error));
    g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE);
    g_clear_error (&error);
    /* an unknown owner */
    g_assert_false (mibew_bridge_server_listen_unix (server, path, 0660, "no-such-user-here", NULL, &error));
    g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG);
    g_clear_error (&error);
  }
  g_unlink (file);
  g_rmdir (dir);
}

static void
test_listen_insecure (void)
{
  g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mibew_bridge_server_listen (server, "0.0.0.0", 0, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_listen (server, "::", 0, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_listen (server, "192.0.2.1", 0, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_listen (server, "example.org", 0, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS);
  g_clear_error (&error);
  g_assert_cmpuint (mibew_bridge_server_get_port (server), ==, 0);

  /* loopback, IPv4 and IPv6 */
  g_assert_true (mibew_bridge_server_listen (server, "localhost", 0, &error));
  g_assert_no_error (error);
  if (mibew_bridge_server_listen (server, "::1", 0, &error))
    {
      GSList *uris = mibew_bridge_server_get_uris (server);

      g_assert_cmpuint (g_slist_length (uris), ==, 2);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }
  else
    g_clear_error (&error);   /* no IPv6 here */
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/bridge/http/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("health", test_health);
  ADD ("events-list", test_events_list);
  ADD ("post", test_post);
  ADD ("errors", test_errors);
  ADD ("oversize", test_oversize);
  ADD ("all-events", test_all_events);
  ADD ("metrics", test_metrics);
  ADD ("metrics-failures", test_metrics_failures);
#undef ADD
  g_test_add_func ("/bridge/http/unix", test_unix);
  g_test_add_func ("/bridge/http/unix-stale", test_unix_stale);
  g_test_add_func ("/bridge/http/listen-insecure", test_listen_insecure);

  return g_test_run ();
}
