/* bridge-serve.c: `mibew-events serve` in miniature
 *
 * What the tool's serve command is meant to do, in a test program:
 * a configuration from a file and the command line, checked, then
 * mibew_bridge_server_run_from_config(). A demo listener upper-cases
 * threadPostMessage's message_body, so tests see that events reach the
 * dispatcher. With --bare it is instead a plain SoupServer answering every
 * request with a fixed body, the baseline of the wrk figures in
 * docs/bridge.md.
 *
 *   bridge-serve [--config FILE] [--listen SPEC] [--secret-file F]
 *                [--dispatch MODE] [--check-config]
 *   bridge-serve --bare --port P [--body-size N]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib-unix.h>
#include <mibew-bridge/mibew-bridge.h>

static char *
shout (MibewThreadEvents    *events,
       MibewPostMessageArgs *args,
       gpointer              data)
{
  return g_utf8_strup (mibew_post_message_args_get_message_body (args), -1);
}

static char *bare_body;

static void
bare_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    bare_body, strlen (bare_body));
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static int
run_bare (guint port,
          guint body_size)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  g_autoptr(GError) error = NULL;

  /* {"id":"aaaa"}: JSON of the size asked for */
  bare_body = g_malloc (body_size + 1);
  memset (bare_body, 'a', body_size);
  if (body_size >= 10)
    {
      memcpy (bare_body, "{\"id\":\"", 7);
      memcpy (bare_body + body_size - 2, "\"}", 2);
    }
  bare_body[body_size] = '\0';
  soup_server_add_handler (server, NULL, bare_handler, NULL, NULL);
  if (!soup_server_listen (server, address, 0, &error))
    {
      g_printerr ("bridge-serve: %s\n", error->message);
      return 1;
    }
  g_unix_signal_add (SIGTERM, quit_loop, loop);
  g_unix_signal_add (SIGINT, quit_loop, loop);
  g_main_loop_run (loop);
  g_free (bare_body);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_file = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *dispatch = NULL;
  gboolean check_only = FALSE;
  gboolean bare = FALSE;
  int port = 0;
  int body_size = 11;
  const GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_file, "Configuration file", "FILE" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Where to listen", "SPEC" },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file, "Secret file", "FILE" },
    { "dispatch", 0, 0, G_OPTION_ARG_STRING, &dispatch, "serial, threads or main-context", "MODE" },
    { "check-config", 0, 0, G_OPTION_ARG_NONE, &check_only, "Check the configuration and exit", NULL },
    { "bare", 0, 0, G_OPTION_ARG_NONE, &bare, "A plain SoupServer (the baseline)", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port of --bare", "PORT" },
    { "body-size", 0, 0, G_OPTION_ARG_INT, &body_size, "Answer size of --bare", "BYTES" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- serve the bridge");
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(MibewBridgeServer) server = NULL;
  MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bridge-serve: %s\n", error->message);
      return 2;
    }
  if (bare)
    return run_bare ((guint) port, (guint) MAX (body_size, 2));

  /* the file first, then the command line over it (and over reloads) */
  if ((config_file != NULL && !mibew_bridge_config_load_from_file (config, config_file, &error)) ||
      (listen != NULL && !mibew_bridge_config_set_listen (config, listen, &error)))
    goto fail;
  if (secret_file != NULL)
    mibew_bridge_config_set_secret_file (config, secret_file);
  if (dispatch != NULL)
    {
      g_autoptr(GEnumClass) modes = g_type_class_ref (MIBEW_BRIDGE_TYPE_DISPATCH_MODE);
      GEnumValue *v = g_enum_get_value_by_nick (modes, dispatch);

      if (v == NULL)
        {
          g_printerr ("bridge-serve: unknown dispatch mode “%s”\n", dispatch);
          return 2;
        }
      g_object_set (config, "dispatch-mode", v->value, NULL);
    }
  if (!mibew_bridge_config_check (config, &error))
    goto fail;
  if (check_only)
    {
      g_autofree char *where = mibew_bridge_config_dup_listen (config);

      g_print ("The configuration is valid: listen on %s\n", where);
      return 0;
    }

  mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", 0,
                                          G_CALLBACK (shout), NULL, NULL, NULL);
  server = mibew_bridge_server_new (dispatcher);
  if (!mibew_bridge_server_run_from_config (server, config, &error))
    goto fail;
  return 0;

fail:
  g_printerr ("bridge-serve: %s\n", error->message);
  return 1;
}
