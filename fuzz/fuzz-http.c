/* fuzz-http.c: the bridge's HTTP request handling must never crash, hang
 * or lose count of a request, whatever a client sends
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program that replays the corpus (fuzz-replay.c), run in suite
 * 'fuzz'.
 *
 * The whole request path of a real MibewBridgeServer runs: libsoup's
 * parser, the bridge's early handler (signature headers, route, method,
 * event, content type, declared length), the body limit, the signature,
 * the endpoints and the events' codec, with or without listeners.
 * No private entry point is needed: the connection is handed to the
 * server's SoupServer with soup_server_accept_iostream() (public API), as
 * its listener would after accept(), over a Unix socket pair, one end the
 * server's GSocketConnection, the other the harness's client. A socket
 * pair costs one system call an input; a loopback TCP connection would
 * add a listen, a connect, an accept and the TCP handshake and teardown
 * for every execution, for no code of ours. The servers live on from one
 * input to the next (one for each combination of the flags below), as a
 * server does from one connection to the next.
 *
 * An input is one byte of flags, then the bytes a client sends on one
 * connection:
 *   bit 0  the server has a secret ("fuzz-secret"); "@TS@" in the input
 *          becomes a fresh timestamp, and the first "@SIG@" the signature
 *          of the request it is in (sha256=HMAC of the timestamp, the
 *          method and path of its request line and the body: the bytes
 *          after that request's headers, up to its Content-Length; see
 *          docs/bridge.md), so that signed requests get past the check
 *   bit 1  every event has a listener (else the codec alone answers)
 *   bits 2-3  the dispatch mode: serial, threads, main context
 *   bit 4  a small body limit (64 bytes)
 * Requests sent back to back (pipelined) are not all answered: with
 * libsoup 3.2.3, the server answered the first and closed once the client
 * had nothing more to send (corpus/http/pipelined); the rest of the
 * input still goes through libsoup's reading.
 * Checked for every input: the server answers (or closes) every request
 * and ends with none in flight; no answer is a 500, the bridge's own
 * failure; no critical or warning is logged.
 */

#include <mibew-bridge/mibew-bridge.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz-common.h"

#define SECRET "fuzz-secret"

static MibewEventDispatcher *listened;      /* a listener on every event */
static MibewEventDispatcher *unlistened;    /* none */
static gint64 last_timestamp_us;
static GSocketAddress *local_address;
static GSocketAddress *remote_address;
static MibewBridgeServer *servers[32];

static gpointer
listener (MibewEventEmitter *emitter,
          MibewEventArgs    *args,
          gpointer           data)
{
  fuzz_read_properties (G_OBJECT (args), 1, NULL);
  return NULL;
}

/* The one warning of third-party code that is not a failure. libsoup
 * (3.2.3 in Debian 12, 3.6.5 in Debian 13) stores a Content-Length of
 * 2^63 or more in a signed goffset (soup-message-headers.c,
 * g_ascii_strtoull), and creates its body stream with that negative
 * length after the bridge's early handler ran; GObject refuses the
 * property value with this message (a warning in GLib 2.74, a critical
 * in GLib 2.84), the stream keeps its default, and the request goes on
 * as one with a huge declared length: the bridge has answered 413 with
 * Connection: close, does not keep the body, and the harness still
 * checks that answer. Nothing the bridge can do runs between libsoup's
 * parse and that stream (corpus/http/regression-content-length-2^64).
 * Every other warning or critical ends the run. */
static gboolean
fatal_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        data)
{
  return !(g_strcmp0 (domain, "GLib-GObject") == 0 &&
           (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) != 0 &&
           strstr (message, "of type 'gint64' is invalid or out of range for property 'content-length'") != NULL);
}

static void
setup (void)
{
  const char * const *names;

  if (listened != NULL)
    return;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_test_log_set_fatal_handler (fatal_log, NULL);
  names = mibew_event_dispatcher_list_events ();
  listened = mibew_event_dispatcher_new ();
  unlistened = mibew_event_dispatcher_new ();
  /* what a loopback connection would have */
  local_address = g_inet_socket_address_new_from_string ("127.0.0.1", 8931);
  remote_address = g_inet_socket_address_new_from_string ("127.0.0.1", 41000);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      mibew_event_dispatcher_attach_func (listened, names[i], 0, listener, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
replace_first (GString    *text,
               const char *placeholder,
               const char *value)
{
  const char *hit = strstr (text->str, placeholder);

  if (hit == NULL)
    return;
  {
    gsize pos = hit - text->str;

    g_string_erase (text, pos, strlen (placeholder));
    g_string_insert (text, pos, value);
  }
}

/* The body of the request whose headers hold @pos: after the blank line,
 * as long as its Content-Length says (or to the end). */
static void
find_body (GString     *text,
           gsize        pos,
           const char **body,
           gsize       *length)
{
  const char *start = text->str + pos;
  const char *end = g_strstr_len (start, text->len - pos, "\r\n\r\n");
  const char *declared;
  gsize rest;

  *body = "";
  *length = 0;
  if (end == NULL)
    return;
  *body = end + 4;
  rest = text->str + text->len - *body;
  *length = rest;
  declared = g_strstr_len (start, end - start, "Content-Length:");
  if (declared != NULL)
    {
      guint64 n = g_ascii_strtoull (declared + strlen ("Content-Length:"), NULL, 10);

      if (n < rest)
        *length = n;
    }
}

/* Fills in the timestamps and the first signature (see above). */
static void
sign (GString *text)
{
  gint64 now_us = MAX (g_get_real_time (), last_timestamp_us + 1);
  char timestamp[64];
  const char *hit;

  /* every input its own timestamp: the replay check sees no repeats */
  last_timestamp_us = now_us;
  g_snprintf (timestamp, sizeof timestamp, "%" G_GINT64_FORMAT ".%06d",
              now_us / G_USEC_PER_SEC, (int) (now_us % G_USEC_PER_SEC));
  while ((hit = strstr (text->str, "@TS@")) != NULL)
    {
      gsize pos = hit - text->str;

      g_string_erase (text, pos, 4);
      g_string_insert (text, pos, timestamp);
    }

  hit = strstr (text->str, "@SIG@");
  if (hit != NULL)
    {
      gsize pos = hit - text->str;
      g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) SECRET, strlen (SECRET));
      g_autofree char *value = NULL;
      const char *body;
      gsize length;

      /* the signature is as long as its placeholder will be: compute
       * after putting one of the same length in */
      replace_first (text, "@SIG@", "sha256=0000000000000000000000000000000000000000000000000000000000000000");
      find_body (text, pos, &body, &length);
      /* timestamp "\n" METHOD " " path "\n" body (docs/bridge.md): the
       * method and the path from the request line the header is under,
       * the last "METHOD target HTTP/1.x" line before it */
      {
        const char *line = g_strrstr_len (text->str, (gssize) pos, " HTTP/1.");
        const char *start = line;
        const char *space;
        const char *query;

        while (start != NULL && start > text->str && start[-1] != '\n')
          start--;
        space = start != NULL ? memchr (start, ' ', line - start) : NULL;
        g_hmac_update (hmac, (const guchar *) timestamp, -1);
        g_hmac_update (hmac, (const guchar *) "\n", 1);
        if (space != NULL)
          {
            query = memchr (space + 1, '?', line - space - 1);
            g_hmac_update (hmac, (const guchar *) start, space - start + 1);
            g_hmac_update (hmac, (const guchar *) space + 1, (query != NULL ? query : line) - space - 1);
          }
        g_hmac_update (hmac, (const guchar *) "\n", 1);
      }
      g_hmac_update (hmac, (const guchar *) body, length);
      value = g_strconcat ("sha256=", g_hmac_get_string (hmac), NULL);
      memcpy (text->str + pos, value, strlen (value));
    }
}

/* One server for each combination of the flags, made when first needed
 * and kept, as a server lives on from one connection to the next (its
 * replay cache and metrics too). */
static MibewBridgeServer *
server_for (guint8 flags)
{
  static const MibewBridgeDispatchMode modes[] = {
    MIBEW_BRIDGE_DISPATCH_MODE_SERIAL, MIBEW_BRIDGE_DISPATCH_MODE_THREADS,
    MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT, MIBEW_BRIDGE_DISPATCH_MODE_SERIAL,
  };
  MibewBridgeServer *server = servers[flags];

  if (server != NULL)
    return server;
  server = mibew_bridge_server_new ((flags & 2) ? listened : unlistened);
  mibew_bridge_server_set_dispatch_mode (server, modes[(flags >> 2) & 3]);
  if (flags & 16)
    mibew_bridge_server_set_body_limit (server, 64);
  if (flags & 1)
    {
      g_autoptr(GBytes) secret = g_bytes_new_static (SECRET, strlen (SECRET));

      mibew_bridge_server_set_secret (server, secret);
    }
  servers[flags] = server;
  return server;
}

/* What the server is at on the connection, from libsoup's signals: the
 * client knows when the server waits for bytes it will never send. */
typedef struct {
  SoupServerMessage *current;   /* the request being read or answered */
  gboolean got_body;            /* it is read whole: the server is busy */
  guint worst;                  /* the highest status answered (on the wire) */
} Progress;

static void
on_got_body (SoupServerMessage *msg,
             Progress          *progress)
{
  if (msg == progress->current)
    progress->got_body = TRUE;
}

static void
on_started (SoupServer        *soup,
            SoupServerMessage *msg,
            Progress          *progress)
{
  progress->current = msg;
  progress->got_body = FALSE;
  g_signal_connect (msg, "got-body", G_CALLBACK (on_got_body), progress);
}

static void
on_aborted (SoupServer        *soup,
            SoupServerMessage *msg,
            Progress          *progress)
{
  if (msg == progress->current)
    progress->current = NULL;
}

static void
on_finished (SoupServer        *soup,
             SoupServerMessage *msg,
             Progress          *progress)
{
  on_aborted (soup, msg, progress);
}

/* The highest status of the answers as the client read them: the wire,
 * not the messages, whose status libsoup sets to 500 when a client goes
 * away before an answer set early (a 415 before the body) is written. */
static guint
worst_status (const GString *answers)
{
  guint worst = 0;

  for (const char *p = answers->str; (p = strstr (p, "HTTP/1.1 ")) != NULL; p++)
    if (p == answers->str || p[-1] == '\n')
      worst = MAX (worst, (guint) g_ascii_strtoull (p + strlen ("HTTP/1.1 "), NULL, 10));
  return worst;
}

/* The client: sends the input, and reads the answers until the server
 * closes the connection. It closes its own side once the server waits for
 * more (the rest of a request's headers or body, or the next request),
 * as a client that has nothing more to say does, and not before: libsoup
 * drops the answer to a request whose client it sees gone. Meanwhile
 * this context runs the server, and a listener's answer comes from a
 * worker thread through it. A server that never closes the connection is
 * a hang (libFuzzer's -timeout). */
static void
converse (MibewBridgeServer *server,
          int                fd,
          GString           *text,
          GString           *answers,
          Progress          *progress)
{
  GMainContext *context = g_main_context_default ();
  gsize sent = 0;
  gboolean shut = FALSE;

  for (;;)
    {
      char buffer[4096];
      gssize n;

      if (sent < text->len)
        {
          n = write (fd, text->str + sent, text->len - sent);
          if (n > 0)
            sent += n;
          else
            g_assert_true (errno == EAGAIN);
        }
      while ((n = read (fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (answers, buffer, n);
      if (n == 0 || (n < 0 && errno == ECONNRESET))
        return;
      g_assert_true (errno == EAGAIN);
      if (sent == text->len && !shut && !g_main_context_pending (context) &&
          (progress->current == NULL || !progress->got_body))
        {
          g_assert_no_errno (shutdown (fd, SHUT_WR));
          shut = TRUE;
        }
      g_main_context_iteration (context, sent == text->len);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  MibewBridgeServer *server;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) answers = g_string_new (NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, FALSE, 0 };
  SoupServer *soup;
  int fds[2];
  guint8 flags;

  setup ();
  if (size < 1)
    return 0;
  flags = data[0] & (G_N_ELEMENTS (servers) - 1);
  text = g_string_new_len ((const char *) data + 1, size - 1);

  server = server_for (flags);
  if (flags & 1)
    sign (text);
  soup = mibew_bridge_server_get_soup_server (server);
  g_signal_connect (soup, "request-started", G_CALLBACK (on_started), &progress);
  g_signal_connect (soup, "request-finished", G_CALLBACK (on_finished), &progress);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (on_aborted), &progress);

  /* a real connection, as a listening server's accept gives it */
  g_assert_no_errno (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds));
  socket = g_socket_new_from_fd (fds[0], &error);
  g_assert_no_error (error);
  connection = g_socket_connection_factory_create_connection (socket);
  g_assert_true (soup_server_accept_iostream (soup, G_IO_STREAM (connection), local_address, remote_address,
                                              &error));
  g_assert_no_error (error);
  g_assert_no_errno (fcntl (fds[1], F_SETFL, O_NONBLOCK));

  converse (server, fds[1], text, answers, &progress);
  close (fds[1]);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_data (soup, &progress);
  g_assert_cmpuint (mibew_bridge_server_get_in_flight (server), ==, 0);

  /* FUZZ_DUMP=1: the answers on stderr, to see what an input does */
  if (g_getenv ("FUZZ_DUMP") != NULL)
    fwrite (answers->str, 1, answers->len, stderr);
  /* the bridge never fails on its own (soup answers 501 to what it does
   * not implement) */
  progress.worst = worst_status (answers);
  g_assert_cmpuint (progress.worst, !=, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  g_assert_cmpuint (progress.worst, <=, SOUP_STATUS_NOT_IMPLEMENTED);
  return 0;
}
