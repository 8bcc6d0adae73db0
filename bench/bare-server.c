/* bare-server.c: the bridge benchmark's baseline, a bare SoupServer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-bare-server --body-file FILE (--port 0 | --unix PATH)
 *
 * Answers every request with 200 and the fixed body of FILE
 * (application/json), with the same libsoup-3 server, main loop and
 * keep-alive as mibew-events serve but nothing else: no routing, no
 * parsing, no dispatcher. Prints "Listening on URI" once it listens
 * (URI is http://127.0.0.1:PORT/ or unix:PATH) and runs until SIGTERM or
 * SIGINT.
 */

#include <stdio.h>
#include <stdlib.h>

#include <glib-unix.h>
#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <libsoup/soup.h>

static GBytes *body;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static gboolean
quit (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *body_file = NULL;
  g_autofree char *unix_path = NULL;
  int port = -1;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  char *data;
  gsize len;
  GOptionEntry entries[] = {
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, "The answer's body", "FILE" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Listen on 127.0.0.1:PORT (0: any free)", "PORT" },
    { "unix", 0, 0, G_OPTION_ARG_FILENAME, &unix_path, "Listen on a Unix socket", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("- a bare SoupServer with a fixed answer");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || body_file == NULL ||
      (port < 0) == (unix_path == NULL))
    {
      g_printerr ("bench-bare-server: %s\n",
                  error != NULL ? error->message : "--body-file and one of --port, --unix");
      return 1;
    }
  if (!g_file_get_contents (body_file, &data, &len, &error))
    {
      g_printerr ("bench-bare-server: %s\n", error->message);
      return 1;
    }
  body = g_bytes_new_take (data, len);

  server = soup_server_new ("server-header", "bench-bare-server", NULL);
  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  if (unix_path != NULL)
    {
      g_autoptr(GSocketAddress) address = g_unix_socket_address_new (unix_path);
      g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_DEFAULT, &error);

      if (socket == NULL || !g_socket_bind (socket, address, TRUE, &error) ||
          !g_socket_listen (socket, &error) ||
          !soup_server_listen_socket (server, socket, 0, &error))
        {
          g_printerr ("bench-bare-server: %s: %s\n", unix_path, error->message);
          return 1;
        }
      printf ("Listening on unix:%s\n", unix_path);
    }
  else
    {
      GSList *uris;

      if (!soup_server_listen_local (server, (guint) port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
        {
          g_printerr ("bench-bare-server: %s\n", error->message);
          return 1;
        }
      uris = soup_server_get_uris (server);
      printf ("Listening on http://127.0.0.1:%u/\n", g_uri_get_port (uris->data));
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit, loop);
  g_unix_signal_add (SIGINT, quit, loop);
  g_main_loop_run (loop);
  g_bytes_unref (body);
  return 0;
}
