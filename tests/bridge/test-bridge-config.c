/* test-bridge-config.c: the configuration file, and the server run as a
 * service: socket activation, readiness, SIGHUP and SIGTERM
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bridge-test-util.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

static char *
write_file (const char *dir,
            const char *name,
            const char *content,
            int         mode)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_defaults (void)
{
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autofree char *listen = mibew_bridge_config_dup_listen (config);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (listen, ==, "127.0.0.1:8931");
  g_assert_cmpuint (mibew_bridge_config_get_body_limit (config), ==, MIBEW_JSON_DEFAULT_MAX_SIZE);
  g_assert_cmpuint (mibew_bridge_config_get_deadline (config), ==, 10000);
  g_assert_cmpuint (mibew_bridge_config_get_replay_window (config), ==, 300);
  g_assert_cmpint (mibew_bridge_config_get_dispatch_mode (config), ==, MIBEW_BRIDGE_DISPATCH_MODE_SERIAL);
  g_assert_null (mibew_bridge_config_get_secret_file (config));
  g_assert_cmpuint (g_strv_length ((char **) mibew_bridge_config_get_plugin_dirs (config)), ==, 0);
  g_assert_true (mibew_bridge_config_check (config, &error));
  g_assert_no_error (error);
}

static void
test_load (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-config-XXXXXX", NULL);
  g_autofree char *plugins = g_build_filename (dir, "plugins", NULL);
  g_autofree char *secret = write_file (dir, "secret", "s3cret\n", 0600);
  g_autofree char *path = NULL;
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) settings = NULL;
  g_auto(GStrv) sections = NULL;
  g_autofree char *listen = NULL;

  g_mkdir (plugins, 0700);
  path = write_file (dir, "bridge.conf",
                     "# a comment\n"
                     "[server]\n"
                     "listen=unix:bridge.sock\n"
                     "socket-mode=0600\n"
                     "socket-group=0\n"
                     "secret-file=secret\n"
                     "body-limit=512K\n"
                     "deadline=2.5\n"
                     "replay-window=60\n"
                     "dispatch=threads\n"
                     "max-threads=3\n"
                     "[plugins]\n"
                     "dirs=plugins;/usr/lib/mibew-events/plugins\n"
                     "enabled=profanity;geoip\n"
                     "[plugin:profanity]\n"
                     "words=darn;heck\n"
                     "replacement=*\n"
                     "[plugin:geoip]\n"
                     "database=/var/lib/geoip.mmdb\n",
                     0644);
  g_assert_true (mibew_bridge_config_load_from_file (config, path, &error));
  g_assert_no_error (error);

  listen = mibew_bridge_config_dup_listen (config);
  {
    g_autofree char *expected = g_strconcat ("unix:", dir, "/bridge.sock", NULL);

    g_assert_cmpstr (listen, ==, expected);
  }
  g_assert_cmpstr (mibew_bridge_config_get_file (config), ==, path);
  g_assert_cmpuint (mibew_bridge_config_get_socket_mode (config), ==, 0600);
  g_assert_cmpstr (mibew_bridge_config_get_socket_group (config), ==, "0");
  g_assert_cmpstr (mibew_bridge_config_get_secret_file (config), ==, secret);
  g_assert_cmpuint (mibew_bridge_config_get_body_limit (config), ==, 512 * 1024);
  g_assert_cmpuint (mibew_bridge_config_get_deadline (config), ==, 2500);
  g_assert_cmpuint (mibew_bridge_config_get_replay_window (config), ==, 60);
  g_assert_cmpint (mibew_bridge_config_get_dispatch_mode (config), ==, MIBEW_BRIDGE_DISPATCH_MODE_THREADS);
  g_assert_cmpuint (mibew_bridge_config_get_max_threads (config), ==, 3);
  g_assert_cmpstr (mibew_bridge_config_get_plugin_dirs (config)[0], ==, plugins);
  g_assert_cmpstr (mibew_bridge_config_get_plugin_dirs (config)[1], ==, "/usr/lib/mibew-events/plugins");
  g_assert_cmpstr (mibew_bridge_config_get_enabled_plugins (config)[1], ==, "geoip");

  sections = mibew_bridge_config_list_plugin_sections (config);
  g_assert_cmpuint (g_strv_length (sections), ==, 2);
  g_assert_cmpstr (sections[0], ==, "geoip");
  g_assert_cmpstr (sections[1], ==, "profanity");
  settings = mibew_bridge_config_get_plugin_settings (config, "profanity");
  g_assert_cmpstr (g_hash_table_lookup (settings, "words"), ==, "darn;heck");
  g_assert_cmpstr (g_hash_table_lookup (settings, "replacement"), ==, "*");
  g_hash_table_unref (g_steal_pointer (&settings));
  settings = mibew_bridge_config_get_plugin_settings (config, "absent");
  g_assert_cmpuint (g_hash_table_size (settings), ==, 0);
  g_assert_true (g_key_file_has_group (mibew_bridge_config_get_key_file (config), "plugin:geoip"));

  /* one plugin directory does not exist */
  g_assert_false (mibew_bridge_config_check (config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "/usr/lib/mibew-events/plugins"));
  g_clear_error (&error);
  {
    const char *only[] = { plugins, NULL };

    g_object_set (config, "plugin-dirs", only, NULL);
  }
  g_assert_true (mibew_bridge_config_check (config, &error));
  g_assert_no_error (error);

  remove_tree (dir);
}

static void
assert_invalid (const char *text,
                const char *needle)
{
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mibew_bridge_config_load_from_data (config, text, -1, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not name “%s”", error->message, needle);
  /* nothing was taken */
  g_assert_cmpuint (mibew_bridge_config_get_port (config), ==, 8931);
}

static void
test_errors (void)
{
  assert_invalid ("[server]\nadress=127.0.0.1\n", "adress");
  /* names and values in UTF-8 only, and every message in UTF-8 */
  assert_invalid ("[server]\nport=1\n[plugin:x]\nk\xff=v\n", "[plugin:x] k\xef\xbf\xbd: invalid UTF-8 at byte 1");
  assert_invalid ("[server]\nport=1\n[plugin:x]\nk=\xc3(\n", "[plugin:x] k: invalid UTF-8 at byte 0");
  assert_invalid ("[serv\xffr]\nport=1\n", "invalid UTF-8 at byte 4");
  assert_invalid ("[server]\nad\xffress=1\n", "ad\xef\xbf\xbdress");
  assert_invalid ("[server]\nport=1\n[servr]\n", "[servr]");
  /* GLib 2.74 set its GError twice on these (a warning): refused first */
  assert_invalid ("[server]\nport=1\naddress=a\\qb\\\n", "[server] address: the value ends in an escape character");
  assert_invalid ("[server]\nport=1\n[plugin:x]\nk=\\\\\\\n", "[plugin:x] k: the value ends in an escape character");
  assert_invalid ("[plugins]\ndir=x\n", "dir");
  assert_invalid ("[server]\nport=123456\n", "[server] port");
  assert_invalid ("[server]\nport=x\n", "[server] port");
  assert_invalid ("[server]\nlisten=unix:/x\nport=1\n", "[server] listen");
  assert_invalid ("[server]\nlisten=tcp://x\n", "[server] listen");
  assert_invalid ("[server]\naddress=example.org\n", "[server] address");
  assert_invalid ("[server]\nport=1\nsocket-mode=999\n", "[server] socket-mode");
  assert_invalid ("[server]\nport=1\nbody-limit=0\n", "[server] body-limit");
  assert_invalid ("[server]\nport=1\nbody-limit=1T\n", "[server] body-limit");
  assert_invalid ("[server]\nport=1\ndeadline=-1\n", "[server] deadline");
  assert_invalid ("[server]\nport=1\nreplay-window=0\n", "[server] replay-window");
  assert_invalid ("[server]\nport=1\ndispatch=parallel\n", "[server] dispatch");
  assert_invalid ("[server]\nport=1\nmax-threads=many\n", "[server] max-threads");
  assert_invalid ("[server\n", "");
}

static void
test_listen_spec (void)
{
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *spec; const char *canonical; } good[] = {
    { "127.0.0.1:9000", "127.0.0.1:9000" },
    { "127.0.0.1", "127.0.0.1:8931" },
    { "localhost:1", "localhost:1" },
    { "[::1]:9000", "[::1]:9000" },
    { "::1", "[::1]:8931" },
    { "unix:/run/mibew-events.sock", "unix:/run/mibew-events.sock" },
    { "systemd", "systemd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *canonical = NULL;

      g_assert_true (mibew_bridge_config_set_listen (config, good[i].spec, &error));
      g_assert_no_error (error);
      canonical = mibew_bridge_config_dup_listen (config);
      g_assert_cmpstr (canonical, ==, good[i].canonical);
    }
  for (const char * const *bad = (const char * const[]) { "", "unix:", "host.example:80", "1.2.3.4:x",
                                                          "[::1", "1.2.3.4:70000", NULL };
       *bad != NULL; bad++)
    {
      g_assert_false (mibew_bridge_config_set_listen (config, *bad, &error));
      g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS);
      g_clear_error (&error);
    }
}

static void
test_check (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-check-XXXXXX", NULL);
  g_autofree char *readable = write_file (dir, "readable", "s3cret", 0644);
  g_autofree char *good = write_file (dir, "good", "s3cret", 0600);
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;

  /* beyond loopback: only with a secret */
  g_assert_true (mibew_bridge_config_set_listen (config, "0.0.0.0:8931", &error));
  g_assert_false (mibew_bridge_config_check (config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS);
  g_clear_error (&error);
  mibew_bridge_config_set_secret_file (config, readable);
  g_assert_false (mibew_bridge_config_check (config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);
  mibew_bridge_config_set_secret_file (config, good);
  g_assert_true (mibew_bridge_config_check (config, &error));
  g_assert_no_error (error);

  /* a Unix socket needs its directory, and known owners */
  g_assert_true (mibew_bridge_config_set_listen (config, "unix:/no/such/dir/s.sock", &error));
  g_assert_false (mibew_bridge_config_check (config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS);
  g_clear_error (&error);
  {
    g_autofree char *spec = g_strconcat ("unix:", dir, "/s.sock", NULL);

    g_assert_true (mibew_bridge_config_set_listen (config, spec, &error));
  }
  g_object_set (config, "socket-owner", "no-such-user-here", NULL);
  g_assert_false (mibew_bridge_config_check (config, &error));
  g_assert_nonnull (strstr (error->message, "no-such-user-here"));
  g_clear_error (&error);
  g_object_set (config, "socket-owner", "root", "socket-group", "0", NULL);
  g_assert_true (mibew_bridge_config_check (config, &error));
  g_assert_no_error (error);

  remove_tree (dir);
}

static void
test_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-reload-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "bridge.conf",
                                      "[server]\nport=9001\nbody-limit=1000\ndeadline=1\n", 0644);
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new_from_file (path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (config);
  g_assert_cmpuint (mibew_bridge_config_get_port (config), ==, 9001);
  /* the command line says otherwise */
  g_object_set (config, "deadline", 5000, NULL);
  g_assert_true (g_file_set_contents (path, "[server]\nport=9002\ndeadline=2\n", -1, NULL));
  g_assert_true (mibew_bridge_config_reload (config, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mibew_bridge_config_get_port (config), ==, 9002);
  /* a key gone from the file is back to its default */
  g_assert_cmpuint (mibew_bridge_config_get_body_limit (config), ==, MIBEW_JSON_DEFAULT_MAX_SIZE);
  /* the command line still wins */
  g_assert_cmpuint (mibew_bridge_config_get_deadline (config), ==, 5000);

  /* a broken file changes nothing */
  g_assert_true (g_file_set_contents (path, "[server]\nport=9003\nbogus=1\n", -1, NULL));
  g_assert_false (mibew_bridge_config_reload (config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG);
  g_assert_cmpuint (mibew_bridge_config_get_port (config), ==, 9002);
  remove_tree (dir);
}

static void
test_sample (void)
{
  const char *sample = g_getenv ("MIBEW_BRIDGE_SAMPLE_CONFIG");
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (sample);
  g_assert_true (mibew_bridge_config_load_from_file (config, sample, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mibew_bridge_config_get_secret_file (config));
}

static void
test_apply (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-apply-XXXXXX", NULL);
  g_autofree char *good = write_file (dir, "good", "s3cret", 0600);
  g_autofree char *readable = write_file (dir, "readable", "s3cret", 0644);
  g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);
  g_autoptr(MibewBridgeConfig) config = mibew_bridge_config_new ();
  g_autoptr(GError) error = NULL;
  guint applied = 0;

  g_object_set (config, "body-limit", (guint64) 4096, "deadline", 250, "replay-window", 30,
                "dispatch-mode", MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT, NULL);
  mibew_bridge_config_set_secret_file (config, good);
  {
    gulong id = g_signal_connect_swapped (server, "config-applied", G_CALLBACK (g_atomic_int_inc), &applied);

    g_assert_true (mibew_bridge_server_apply_config (server, config, &error));
    g_assert_no_error (error);
    g_signal_handler_disconnect (server, id);
  }
  g_assert_cmpuint (applied, ==, 1);
  g_assert_cmpuint (mibew_bridge_server_get_body_limit (server), ==, 4096);
  g_assert_cmpuint (mibew_bridge_server_get_deadline (server), ==, 250);
  g_assert_cmpuint (mibew_bridge_server_get_replay_window (server), ==, 30);
  g_assert_cmpint (mibew_bridge_server_get_dispatch_mode (server), ==, MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT);
  g_assert_true (mibew_bridge_server_get_has_secret (server));

  /* all or nothing */
  mibew_bridge_config_set_secret_file (config, readable);
  g_object_set (config, "body-limit", (guint64) 1, NULL);
  g_assert_false (mibew_bridge_server_apply_config (server, config, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE);
  g_assert_cmpuint (mibew_bridge_server_get_body_limit (server), ==, 4096);
  g_assert_true (mibew_bridge_server_get_has_secret (server));
  remove_tree (dir);
}

/* ---- the server as a service: bridge-serve, what `serve` will be ---- */

typedef struct {
  char *dir;
  char *config;
  GSubprocess *child;
  GSocket *notify;      /* our NOTIFY_SOCKET */
  guint port;
} Service;

static char *
receive_notify (Service *s)
{
  char buf[256];
  gssize n;

  g_socket_set_timeout (s->notify, 10);
  n = g_socket_receive (s->notify, buf, sizeof buf - 1, NULL, NULL);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  return g_strdup (buf);
}

static void
service_start (Service    *s,
               const char *config_text,
               gboolean    activate)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *notify_path = NULL;
  g_autoptr(GSocketAddress) notify_address = NULL;
  g_autofree char *ready = NULL;
  const char *serve = g_getenv ("MIBEW_BRIDGE_SERVE");

  g_assert_nonnull (serve);
  s->dir = g_dir_make_tmp ("mibew-bridge-serve-XXXXXX", NULL);
  s->config = write_file (s->dir, "bridge.conf", config_text, 0644);

  notify_path = g_build_filename (s->dir, "notify", NULL);
  notify_address = g_unix_socket_address_new (notify_path);
  s->notify = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (s->notify, notify_address, FALSE, &error));
  g_subprocess_launcher_setenv (launcher, "NOTIFY_SOCKET", notify_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "gc-friendly,fatal-warnings", TRUE);

  if (activate)
    {
      /* what systemd does for a .socket unit: a listening socket on fd 3 */
      g_autoptr(GSocket) listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
      g_autoptr(GSocketAddress) bound = NULL;

      g_assert_true (g_socket_bind (listener, any, TRUE, &error));
      g_assert_true (g_socket_listen (listener, &error));
      bound = g_socket_get_local_address (listener, &error);
      s->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      g_subprocess_launcher_take_fd (launcher, dup (g_socket_get_fd (listener)), 3);
      g_subprocess_launcher_setenv (launcher, "LISTEN_FDS", "1", TRUE);
      /* LISTEN_PID is the child's own pid: exec keeps it */
      s->child = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c",
                                              "LISTEN_PID=$$ exec \"$0\" --config \"$1\"",
                                              serve, s->config, NULL);
    }
  else
    s->child = g_subprocess_launcher_spawn (launcher, &error, serve, "--config", s->config, NULL);
  g_assert_no_error (error);

  ready = receive_notify (s);
  g_assert_cmpstr (ready, ==, "READY=1");
}

static int
service_stop (Service *s,
              int      signum)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stopping = NULL;
  int status;

  g_subprocess_send_signal (s->child, signum);
  stopping = receive_notify (s);
  g_assert_cmpstr (stopping, ==, "STOPPING=1");
  g_assert_true (g_subprocess_wait (s->child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (s->child));
  status = g_subprocess_get_exit_status (s->child);
  g_clear_object (&s->child);
  g_clear_object (&s->notify);
  remove_tree (s->dir);
  g_free (s->dir);
  g_free (s->config);
  return status;
}

static void
test_serve_activation (void)
{
  Service s = { 0 };
  BtServer fake = { 0 };
  BtClient *client;
  BtResponse r = { 0 };
  g_autofree char *big = NULL;
  g_autofree char *reloading = NULL;
  g_autofree char *ready = NULL;

  service_start (&s, "[server]\nlisten=systemd\ndispatch=threads\n", TRUE);
  fake.port = s.port;
  client = bt_client_new (&fake);

  bt_post (client, "threadPostMessage",
           "{\"thread\": {}, \"message_kind\": 1, \"message_body\": \"hello\", \"message_options\": {}}", &r);
  g_assert_cmpuint (r.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r.json), "message_body"), ==, "HELLO");

  /* SIGHUP: a smaller body limit, with requests going on */
  big = g_strdup_printf ("{\"id\": 1, \"x\": \"%0100d\"}", 0);
  bt_post (client, "threadDelete", big, &r);
  g_assert_cmpuint (r.status, ==, 200);
  g_assert_true (g_file_set_contents (s.config, "[server]\nlisten=systemd\nbody-limit=64\n", -1, NULL));
  g_subprocess_send_signal (s.child, SIGHUP);
  for (guint i = 0; i < 50; i++)
    {
      bt_post (client, "threadDelete", "{\"id\": 1}", &r);
      g_assert_cmpuint (r.status, ==, 200);
    }
  reloading = receive_notify (&s);
  g_assert_cmpstr (reloading, ==, "RELOADING=1");
  ready = receive_notify (&s);
  g_assert_cmpstr (ready, ==, "READY=1");
  bt_post (client, "threadDelete", big, &r);
  g_assert_cmpuint (r.status, ==, 413);

  /* a broken file: logged, the one in force stays */
  g_assert_true (g_file_set_contents (s.config, "[server]\nlisten=systemd\nbody-limit=nonsense\n", -1, NULL));
  g_subprocess_send_signal (s.child, SIGHUP);
  g_free (reloading);
  reloading = receive_notify (&s);
  g_free (ready);
  ready = receive_notify (&s);
  bt_post (client, "threadDelete", big, &r);
  g_assert_cmpuint (r.status, ==, 413);
  bt_post (client, "threadDelete", "{\"id\": 1}", &r);
  g_assert_cmpuint (r.status, ==, 200);

  bt_response_clear (&r);
  bt_client_free (client);
  g_assert_cmpint (service_stop (&s, SIGTERM), ==, 0);
}

static void
test_serve_unix (void)
{
  Service s = { 0 };
  BtServer fake = { 0 };
  BtClient *client;
  BtResponse r = { 0 };
  g_autofree char *sock = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  /* the socket goes in the service's own directory: made before we know it */
  {
    g_autofree char *tmpl = g_dir_make_tmp ("mibew-bridge-unix-XXXXXX", NULL);

    sock = g_build_filename (tmpl, "bridge.sock", NULL);
    text = g_strdup_printf ("[server]\nlisten=unix:%s\nsocket-mode=0660\n", sock);
    service_start (&s, text, FALSE);
    g_assert_cmpint (g_stat (sock, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0660);

    fake.socket_path = sock;
    client = bt_client_new_unix (&fake);
    bt_request (client, "GET", "/v1/health", NULL, NULL, 0, &r);
    g_assert_cmpuint (r.status, ==, 200);
    bt_response_clear (&r);
    bt_client_free (client);

    g_assert_cmpint (service_stop (&s, SIGINT), ==, 0);
    g_assert_false (g_file_test (sock, G_FILE_TEST_EXISTS));
    g_rmdir (tmpl);
  }
}

static void
test_serve_check_config (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-cc-XXXXXX", NULL);
  g_autofree char *good = write_file (dir, "good.conf", "[server]\nport=9000\n", 0644);
  g_autofree char *bad = write_file (dir, "bad.conf", "[server]\nprot=9000\n", 0644);
  g_autofree char *open = write_file (dir, "open.conf", "[server]\naddress=0.0.0.0\n", 0644);
  const char *serve = g_getenv ("MIBEW_BRIDGE_SERVE");
  const struct { const char *file; int status; const char *needle; } cases[] = {
    { good, 0, "127.0.0.1:9000" },
    { bad, 1, "prot" },
    { open, 1, "without a secret" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                serve, "--check-config", "--config", cases[i].file, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
      g_assert_cmpint (g_subprocess_get_exit_status (child), ==, cases[i].status);
      g_assert_nonnull (strstr (cases[i].status == 0 ? out : err, cases[i].needle));
    }
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bridge/config/defaults", test_defaults);
  g_test_add_func ("/bridge/config/load", test_load);
  g_test_add_func ("/bridge/config/errors", test_errors);
  g_test_add_func ("/bridge/config/listen-spec", test_listen_spec);
  g_test_add_func ("/bridge/config/check", test_check);
  g_test_add_func ("/bridge/config/reload", test_reload);
  g_test_add_func ("/bridge/config/sample", test_sample);
  g_test_add_func ("/bridge/config/apply", test_apply);
  g_test_add_func ("/bridge/serve/activation", test_serve_activation);
  g_test_add_func ("/bridge/serve/unix", test_serve_unix);
  g_test_add_func ("/bridge/serve/check-config", test_serve_check_config);

  return g_test_run ();
}
