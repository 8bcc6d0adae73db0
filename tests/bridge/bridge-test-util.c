/* bridge-test-util.c: a bridge server on a thread of its own, and HTTP
 * clients to talk to it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bridge-test-util.h"

#include <string.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

typedef struct {
  BtServer *bt;
  BtServerFunc func;
  gpointer data;
  GMutex lock;
  GCond cond;
  gboolean done;
} Call;

static gboolean
call_in_server (gpointer user_data)
{
  Call *call = user_data;

  call->func (call->bt, call->data);
  g_mutex_lock (&call->lock);
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->lock);
  return G_SOURCE_REMOVE;
}

void
bt_server_call (BtServer     *bt,
                BtServerFunc  func,
                gpointer      data)
{
  Call call = { bt, func, data };

  g_mutex_init (&call.lock);
  g_cond_init (&call.cond);
  g_main_context_invoke (bt->context, call_in_server, &call);
  g_mutex_lock (&call.lock);
  while (!call.done)
    g_cond_wait (&call.cond, &call.lock);
  g_mutex_unlock (&call.lock);
  g_mutex_clear (&call.lock);
  g_cond_clear (&call.cond);
}

static gpointer
server_thread (gpointer data)
{
  BtServer *bt = data;

  g_main_context_push_thread_default (bt->context);
  g_main_loop_run (bt->loop);
  g_main_context_pop_thread_default (bt->context);
  return NULL;
}

static void
create_server (BtServer *bt,
               gpointer  data)
{
  /* in the server's thread: the server takes its thread-default context */
  bt->server = mibew_bridge_server_new (bt->dispatcher);
}

BtServer *
bt_server_new (MibewEventDispatcher *dispatcher)
{
  BtServer *bt = g_new0 (BtServer, 1);
  g_autoptr(GError) error = NULL;

  bt->dispatcher = dispatcher != NULL ? g_object_ref (dispatcher) : mibew_event_dispatcher_new ();
  bt->context = g_main_context_new ();
  bt->loop = g_main_loop_new (bt->context, FALSE);
  bt->tmpdir = g_dir_make_tmp ("mibew-bridge-test-XXXXXX", &error);
  g_assert_no_error (error);
  bt->thread = g_thread_new ("bridge-server", server_thread, bt);
  bt_server_call (bt, create_server, NULL);
  return bt;
}

static void
listen_tcp (BtServer *bt,
            gpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mibew_bridge_server_listen (bt->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  bt->port = mibew_bridge_server_get_port (bt->server);
  g_assert_cmpuint (bt->port, !=, 0);
}

void
bt_server_listen_tcp (BtServer *bt)
{
  bt_server_call (bt, listen_tcp, NULL);
}

static void
listen_unix (BtServer *bt,
             gpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mibew_bridge_server_listen_unix (bt->server, bt->socket_path,
                                                  GPOINTER_TO_UINT (data), NULL, NULL, &error));
  g_assert_no_error (error);
}

void
bt_server_listen_unix (BtServer *bt,
                       guint     mode)
{
  g_free (bt->socket_path);
  bt->socket_path = g_build_filename (bt->tmpdir, "bridge.sock", NULL);
  bt_server_call (bt, listen_unix, GUINT_TO_POINTER (mode));
}

static void
set_secret (BtServer *bt,
            gpointer  data)
{
  g_autoptr(GBytes) secret = data != NULL ? g_bytes_new (data, strlen (data)) : NULL;

  mibew_bridge_server_set_secret (bt->server, secret);
}

void
bt_server_set_secret (BtServer   *bt,
                      const char *secret)
{
  bt_server_call (bt, set_secret, (gpointer) secret);
}

static void
destroy_server (BtServer *bt,
                gpointer  data)
{
  g_clear_object (&bt->server);
  g_main_loop_quit (bt->loop);
}

void
bt_server_free (BtServer *bt)
{
  bt_server_call (bt, destroy_server, NULL);
  g_thread_join (bt->thread);
  /* what the server left for its context: closing connections */
  while (g_main_context_iteration (bt->context, FALSE))
    ;
  g_main_loop_unref (bt->loop);
  g_main_context_unref (bt->context);
  g_object_unref (bt->dispatcher);
  if (bt->socket_path != NULL)
    g_unlink (bt->socket_path);
  g_rmdir (bt->tmpdir);
  g_free (bt->socket_path);
  g_free (bt->tmpdir);
  g_free (bt);
}

void
bt_response_clear (BtResponse *r)
{
  g_clear_pointer (&r->body, g_free);
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_clear_pointer (&r->json, json_node_unref);
  r->status = 0;
  r->length = 0;
}

const char *
bt_response_error_code (BtResponse *r)
{
  JsonObject *o;

  if (r->json == NULL || !JSON_NODE_HOLDS_OBJECT (r->json))
    return NULL;
  o = json_node_get_object (r->json);
  if (!json_object_has_member (o, "error"))
    return NULL;
  return json_object_get_string_member (json_object_get_object_member (o, "error"), "code");
}

BtClient *
bt_client_new (BtServer *bt)
{
  BtClient *c = g_new0 (BtClient, 1);

  c->session = soup_session_new_with_options ("timeout", 30, "max-conns-per-host", 1, NULL);
  c->base = g_strdup_printf ("http://127.0.0.1:%u", bt->port);
  return c;
}

BtClient *
bt_client_new_unix (BtServer *bt)
{
  BtClient *c = g_new0 (BtClient, 1);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (bt->socket_path);

  c->session = g_object_new (SOUP_TYPE_SESSION, "remote-connectable", address,
                             "timeout", 30, "max-conns-per-host", 1, NULL);
  c->base = g_strdup ("http://localhost");
  return c;
}

void
bt_client_free (BtClient *c)
{
  g_object_unref (c->session);
  g_free (c->base);
  g_free (c->secret);
  g_free (c);
}

/* The one signer of the C tests: timestamp "\n" METHOD " " path "\n"
 * body, the path without its query string (docs/bridge.md). */
char *
bt_sign (const char *secret,
         const char *timestamp,
         const char *method,
         const char *path,
         const char *body,
         gsize       length)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  const char *query = strchr (path, '?');

  g_hmac_update (hmac, (const guchar *) timestamp, -1);
  g_hmac_update (hmac, (const guchar *) "\n", 1);
  g_hmac_update (hmac, (const guchar *) method, -1);
  g_hmac_update (hmac, (const guchar *) " ", 1);
  g_hmac_update (hmac, (const guchar *) path, query != NULL ? query - path : -1);
  g_hmac_update (hmac, (const guchar *) "\n", 1);
  if (length > 0)
    g_hmac_update (hmac, (const guchar *) body, (gssize) length);
  return g_strconcat ("sha256=", g_hmac_get_string (hmac), NULL);
}

char *
bt_now_timestamp (gint64 offset_seconds,
                  int    fraction)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC + offset_seconds;

  if (fraction < 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, now);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%06d", now, fraction);
}

static void
send_message (BtClient    *c,
              SoupMessage *msg,
              BtResponse  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *type;
  gsize length;

  bt_response_clear (out);
  bytes = soup_session_send_and_read (c->session, msg, NULL, &error);
  g_assert_no_error (error);
  out->status = soup_message_get_status (msg);
  {
    const char *data = g_bytes_get_data (bytes, &length);

    out->body = g_strndup (data != NULL ? data : "", length);
    out->length = length;
  }
  out->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  type = soup_message_headers_get_content_type (out->headers, NULL);
  if (type != NULL && g_str_equal (type, "application/json") &&
      json_parser_load_from_data (parser, out->body, (gssize) out->length, NULL) &&
      json_parser_get_root (parser) != NULL)
    out->json = json_node_ref (json_parser_get_root (parser));
}

static SoupMessage *
new_message (BtClient   *c,
             const char *method,
             const char *path,
             const char *content_type,
             const char *body,
             gsize       length)
{
  g_autofree char *uri = g_strconcat (c->base, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  /* libsoup sends a POST on an idle keep-alive connection only when it
   * may retry it; our clients, like PHP's curl, keep connections alive */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  return msg;
}

void
bt_request (BtClient    *c,
            const char  *method,
            const char  *path,
            const char  *content_type,
            const char  *body,
            gssize       length,
            BtResponse  *out)
{
  gsize n = body == NULL ? 0 : length < 0 ? strlen (body) : (gsize) length;
  g_autoptr(SoupMessage) msg = new_message (c, method, path, content_type, body, n);

  if (c->secret != NULL)
    {
      g_autofree char *timestamp = bt_now_timestamp (0, c->ts_counter++ % 1000000);
      g_autofree char *signature = bt_sign (c->secret, timestamp, method, path,
                                                  body != NULL ? body : "", n);
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

      soup_message_headers_replace (headers, "X-Mibew-Timestamp", timestamp);
      soup_message_headers_replace (headers, "X-Mibew-Signature", signature);
    }
  send_message (c, msg, out);
}

void
bt_request_signed_as (BtClient    *c,
                      const char  *method,
                      const char  *path,
                      const char  *body,
                      const char  *timestamp,
                      const char  *signature,
                      BtResponse  *out)
{
  g_autoptr(SoupMessage) msg = new_message (c, method, path, "application/json", body,
                                            body != NULL ? strlen (body) : 0);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (timestamp != NULL)
    soup_message_headers_replace (headers, "X-Mibew-Timestamp", timestamp);
  if (signature != NULL)
    soup_message_headers_replace (headers, "X-Mibew-Signature", signature);
  send_message (c, msg, out);
}

void
bt_post (BtClient   *c,
         const char *event,
         const char *body,
         BtResponse *out)
{
  g_autofree char *path = g_strconcat ("/v1/events/", event, NULL);

  bt_request (c, "POST", path, "application/json", body, -1, out);
}

GSocketConnection *
bt_raw_connect (BtServer *bt)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *conn;

  conn = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) bt->port, NULL, &error);
  g_assert_no_error (error);
  return conn;
}

void
bt_raw_send (GSocketConnection *c,
             const char        *data)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (c)), data, strlen (data),
                             NULL, NULL, &error);
  g_assert_no_error (error);
}

/* everything until the server closes the connection */
char *
bt_raw_read_all (GSocketConnection *c,
                 guint              timeout_ms)
{
  GSocket *socket = g_socket_connection_get_socket (c);
  GString *out = g_string_new (NULL);

  g_socket_set_timeout (socket, (timeout_ms + 999) / 1000);
  for (;;)
    {
      char buf[4096];
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buf, sizeof buf, NULL, &error);

      if (n <= 0)
        break;
      g_string_append_len (out, buf, n);
    }
  return g_string_free (out, FALSE);
}

char *
bt_data_path (const char *event)
{
  g_autofree char *name = g_strconcat (event, ".json", NULL);
  const char *dir = g_getenv ("MIBEW_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* the value of one sample line, `name{labels} value`; -1 if absent */
double
bt_metric (const char *metrics,
           const char *name_and_labels)
{
  g_auto(GStrv) lines = g_strsplit (metrics, "\n", -1);
  gsize n = strlen (name_and_labels);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], name_and_labels, n) == 0 && lines[i][n] == ' ')
      return g_ascii_strtod (lines[i] + n + 1, NULL);
  return -1;
}

/* the sum of every sample of a metric, whatever its labels */
double
bt_metric_sum (const char *metrics,
               const char *name)
{
  g_auto(GStrv) lines = g_strsplit (metrics, "\n", -1);
  gsize n = strlen (name);
  double sum = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], name, n) == 0 && (lines[i][n] == '{' || lines[i][n] == ' '))
      {
        const char *space = strrchr (lines[i], ' ');

        sum += g_ascii_strtod (space + 1, NULL);
      }
  return sum;
}
