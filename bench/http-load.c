/* http-load.c: a keep-alive HTTP/1.1 load generator for TCP and Unix sockets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-http-load --connect tcp:HOST:PORT|unix:PATH --path PATH
 *                   --body-file FILE [--connections N] [--seconds S]
 *                   [--rate R]
 *
 * Opens N connections, one thread each, and POSTs FILE to PATH on each,
 * one request at a time, for S seconds; prints one JSON object:
 * {"requests", "errors", "seconds", "rps", "p50_us", "p99_us", "max_us"}.
 * With --rate R the N connections together send R requests per second
 * on a fixed schedule, and a latency counts from the time the request was
 * due (so a stalled server is not hidden by a client that waits too).
 *
 * Why not wrk alone: wrk (Debian's) cannot connect to a Unix socket, and
 * cannot send at a fixed rate; this client does both, so one client
 * measures both transports and the latency at half of peak load. run-bench
 * also runs wrk on TCP as a cross-check. Plain POSIX sockets rather than
 * GSocket or libsoup: the client must cost as little as possible and the
 * same for both servers; it only needs write(), read() and a
 * Content-Length.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "bench-clock.h"

typedef struct
{
  const char *connect;
  const char *request;
  gsize request_len;
  double seconds;
  double interval_ns;          /* per connection, 0: as fast as possible */
  guint64 start_ns;
  guint index;
  int fd;                      /* connected before the clock starts */

  GArray *latencies_us;        /* double */
  guint64 errors;
} Worker;

static int
open_connection (const char *spec)
{
  int fd = -1;

  if (g_str_has_prefix (spec, "unix:"))
    {
      struct sockaddr_un sa = { .sun_family = AF_UNIX };

      g_strlcpy (sa.sun_path, spec + 5, sizeof sa.sun_path);
      fd = socket (AF_UNIX, SOCK_STREAM, 0);
      if (fd >= 0 && connect (fd, (struct sockaddr *) &sa, sizeof sa) != 0)
        {
          close (fd);
          fd = -1;
        }
    }
  else if (g_str_has_prefix (spec, "tcp:"))
    {
      g_autofree char *host = g_strdup (spec + 4);
      char *colon = strrchr (host, ':');
      struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
      struct addrinfo *ai = NULL;
      int one = 1;

      if (colon == NULL)
        return -1;
      *colon = '\0';
      if (getaddrinfo (host, colon + 1, &hints, &ai) != 0)
        return -1;
      fd = socket (ai->ai_family, ai->ai_socktype, ai->ai_protocol);
      if (fd >= 0 && connect (fd, ai->ai_addr, ai->ai_addrlen) != 0)
        {
          close (fd);
          fd = -1;
        }
      if (fd >= 0)
        setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      freeaddrinfo (ai);
    }
  return fd;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Reads one response; TRUE for a complete 200. @buf keeps what was read
 * beyond it (nothing, one request at a time, but kept exact anyway). */
static gboolean
read_response (int      fd,
               GString *buf)
{
  gsize header_end = 0;
  gsize content_length = 0;
  gboolean ok;

  for (;;)
    {
      char *end = buf->len > 0 ? g_strstr_len (buf->str, (gssize) buf->len, "\r\n\r\n") : NULL;
      char chunk[16384];
      ssize_t n;

      if (end != NULL)
        {
          header_end = (gsize) (end - buf->str) + 4;
          break;
        }
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (buf, chunk, n);
    }

  ok = g_str_has_prefix (buf->str, "HTTP/1.1 200");
  for (const char *p = buf->str; p < buf->str + header_end; p = strstr (p, "\r\n") + 2)
    if (g_ascii_strncasecmp (p, "Content-Length:", 15) == 0)
      {
        content_length = (gsize) g_ascii_strtoull (p + 15, NULL, 10);
        break;
      }

  while (buf->len < header_end + content_length)
    {
      char chunk[16384];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (buf, chunk, n);
    }
  g_string_erase (buf, 0, (gssize) (header_end + content_length));
  return ok;
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  g_autoptr(GString) buf = g_string_sized_new (16384);
  guint64 end_ns = w->start_ns + (guint64) (w->seconds * 1e9);
  guint64 i = 0;
  int fd = w->fd;

  for (;;)
    {
      /* connections start staggered over one interval */
      guint64 due = w->interval_ns > 0
        ? w->start_ns + (guint64) (w->interval_ns * ((double) i + (double) w->index / 1000.0))
        : bench_now_ns ();
      guint64 t;
      double us;

      /* at least one request per connection, however late the thread
       * started on a busy machine */
      if (due >= end_ns && i > 0)
        break;
      t = bench_now_ns ();
      if (due > t)
        {
          struct timespec ts = { (time_t) ((due - t) / 1000000000u), (long) ((due - t) % 1000000000u) };

          nanosleep (&ts, NULL);
        }
      if (!write_all (fd, w->request, w->request_len) || !read_response (fd, buf))
        {
          w->errors++;
          close (fd);
          fd = open_connection (w->connect);
          if (fd < 0)
            break;
          i++;
          continue;
        }
      us = (double) (bench_now_ns () - due) / 1000.0;
      g_array_append_val (w->latencies_us, us);
      i++;
    }
  if (fd >= 0)
    close (fd);
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *connect_spec = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *body = NULL;
  g_autofree char *request = NULL;
  int connections = 1;
  double seconds = 1.0, rate = 0;
  gsize body_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  Worker *workers;
  GThread **threads;
  guint64 errors = 0, t0, t1;
  double elapsed, p50 = 0, p99 = 0, max = 0;
  char b1[G_ASCII_DTOSTR_BUF_SIZE];
  GOptionEntry entries[] = {
    { "connect", 0, 0, G_OPTION_ARG_STRING, &connect_spec, "tcp:HOST:PORT or unix:PATH", "WHERE" },
    { "path", 0, 0, G_OPTION_ARG_STRING, &path, "The request's path", "PATH" },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, "The body POSTed", "FILE" },
    { "connections", 0, 0, G_OPTION_ARG_INT, &connections, "Connections (default 1)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "How long (default 1)", "S" },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, "Requests per second in all, 0: flat out", "R" },
    { NULL }
  };

  context = g_option_context_new ("- keep-alive HTTP load over TCP or a Unix socket");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || connect_spec == NULL ||
      path == NULL || body_file == NULL || connections < 1 || connections > 1000 ||
      seconds <= 0 || rate < 0)
    {
      g_printerr ("bench-http-load: %s\n", error != NULL ? error->message
                  : "--connect, --path and --body-file are required; 1 ≤ N ≤ 1000, S > 0, R ≥ 0");
      return 1;
    }
  if (!g_file_get_contents (body_file, &body, &body_len, &error))
    {
      g_printerr ("bench-http-load: %s\n", error->message);
      return 1;
    }
  request = g_strdup_printf ("POST %s HTTP/1.1\r\nHost: localhost\r\n"
                             "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT
                             "\r\n\r\n%s", path, body_len, body);

  workers = g_new0 (Worker, connections);
  threads = g_new0 (GThread *, connections);
  /* every connection open before the clock starts: a SYN dropped by a full
   * accept queue would otherwise count as a one-second request */
  for (int i = 0; i < connections; i++)
    {
      workers[i].fd = open_connection (connect_spec);
      if (workers[i].fd < 0)
        {
          g_printerr ("bench-http-load: cannot connect to %s: %s\n", connect_spec,
                      g_strerror (errno));
          return 2;
        }
    }
  t0 = bench_now_ns ();
  for (int i = 0; i < connections; i++)
    {
      workers[i].connect = connect_spec;
      workers[i].request = request;
      workers[i].request_len = strlen (request);
      workers[i].seconds = seconds;
      workers[i].interval_ns = rate > 0 ? 1e9 * connections / rate : 0;
      workers[i].start_ns = t0;
      workers[i].index = (guint) (i * 1000 / connections);
      workers[i].latencies_us = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("load", worker_run, &workers[i]);
    }
  for (int i = 0; i < connections; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (all, workers[i].latencies_us->data, workers[i].latencies_us->len);
      errors += workers[i].errors;
      g_array_unref (workers[i].latencies_us);
    }
  t1 = bench_now_ns ();
  g_free (threads);
  g_free (workers);

  elapsed = (double) (t1 - t0) / 1e9;
  g_array_sort (all, compare_double);
  if (all->len > 0)
    {
      p50 = g_array_index (all, double, all->len / 2);
      p99 = g_array_index (all, double, MIN (all->len - 1, (guint) (all->len * 0.99)));
      max = g_array_index (all, double, all->len - 1);
    }
  printf ("{\"requests\": %u, \"errors\": %" G_GUINT64_FORMAT ", \"seconds\": %s, "
          "\"rps\": %.1f, \"p50_us\": %.1f, \"p99_us\": %.1f, \"max_us\": %.1f}\n",
          all->len, errors, g_ascii_formatd (b1, sizeof b1, "%.3f", elapsed),
          all->len / elapsed, p50, p99, max);
  return all->len > 0 && errors == 0 ? 0 : 2;
}
