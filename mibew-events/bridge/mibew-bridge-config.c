/* mibew-bridge-config.c: the bridge's configuration file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>

#include <gio/gio.h>

#include "mibew-bridge-config.h"
#include "mibew-bridge-enum-types.h"
#include "mibew-bridge-error.h"
#include "mibew-bridge-auth-private.h"
#include "mibew-bridge-config-private.h"
#include "mibew-bridge-i18n-private.h"
#include "mibew-key-file-private.h"

/**
 * MibewBridgeConfig:
 *
 * The configuration of a #MibewBridgeServer, read from a #GKeyFile:
 * where it listens, its secret, its limits, where it runs listeners, and
 * the plugins (directories, which are enabled, and each plugin's own
 * settings, kept for the plugin engine).
 *
 * ```ini
 * [server]
 * # TCP (the default is 127.0.0.1:8931) ...
 * address=127.0.0.1
 * port=8931
 * # ... or a Unix socket, or the sockets systemd passes:
 * #listen=unix:/run/mibew-events/bridge.sock
 * #listen=systemd
 * socket-mode=0660
 * socket-group=www-data
 * # relative paths are relative to this file's directory
 * secret-file=/etc/mibew-events/secret
 * body-limit=1M
 * # seconds
 * deadline=10
 * replay-window=300
 * # serial (the default), threads or main-context
 * dispatch=serial
 *
 * [plugins]
 * dirs=/usr/lib/mibew-events/plugins;/etc/mibew-events/plugins
 * enabled=profanity-filter;geoip
 *
 * [plugin:profanity-filter]
 * words=darn;heck
 * ```
 *
 * Unknown groups and keys are errors, so that a misspelt key does not go
 * unnoticed. Values set through the properties or setters (the command
 * line's options) override the file's, and keep doing so when
 * mibew_bridge_config_reload() reads the file again.
 */
struct _MibewBridgeConfig
{
  GObject parent_instance;

  char *file;
  char *address;
  guint port;
  char *socket_path;
  guint socket_mode;
  char *socket_owner;
  char *socket_group;
  gboolean systemd;
  char *secret_file;
  guint64 body_limit;
  guint deadline;
  guint replay_window;
  MibewBridgeDispatchMode dispatch_mode;
  guint max_threads;
  GStrv plugin_dirs;
  GStrv enabled_plugins;
  GKeyFile *key_file;
  GHashTable *plugin_settings;   /* name → (key → value) */

  gboolean loading;
  gboolean overridden[32];
  GArray *checks;                /* Check: the program's own, in order */
};

typedef struct
{
  MibewBridgeConfigCheckFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Check;

static void
check_clear (gpointer data)
{
  Check *check = data;

  if (check->destroy != NULL)
    check->destroy (check->user_data);
}

G_DEFINE_FINAL_TYPE (MibewBridgeConfig, mibew_bridge_config, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_ADDRESS,
  PROP_PORT,
  PROP_SOCKET_PATH,
  PROP_SOCKET_MODE,
  PROP_SOCKET_OWNER,
  PROP_SOCKET_GROUP,
  PROP_SYSTEMD,
  PROP_SECRET_FILE,
  PROP_BODY_LIMIT,
  PROP_DEADLINE,
  PROP_REPLAY_WINDOW,
  PROP_DISPATCH_MODE,
  PROP_MAX_THREADS,
  PROP_PLUGIN_DIRS,
  PROP_ENABLED_PLUGINS,
  N_PROPS
};

G_STATIC_ASSERT (N_PROPS <= 32);

static GParamSpec *properties[N_PROPS];

#define PLUGIN_GROUP_PREFIX "plugin:"

static const char * const server_keys[] = {
  "listen", "address", "port", "socket-mode", "socket-owner", "socket-group",
  "secret-file", "body-limit", "deadline", "replay-window", "dispatch", "max-threads",
  NULL,
};

static const char * const plugins_keys[] = { "dirs", "enabled", NULL };

static gboolean
is_listen_prop (guint prop_id)
{
  return prop_id == PROP_ADDRESS || prop_id == PROP_PORT ||
         prop_id == PROP_SOCKET_PATH || prop_id == PROP_SYSTEMD;
}

/* A value given by the program, not read from the file: it wins over the
 * file, now and after a reload. The four listen properties go together:
 * --listen unix:PATH overrides the file's address and port too. */
static void
mark_overridden (MibewBridgeConfig *self,
                 guint              prop_id)
{
  if (self->loading)
    return;
  if (is_listen_prop (prop_id))
    {
      self->overridden[PROP_ADDRESS] = TRUE;
      self->overridden[PROP_PORT] = TRUE;
      self->overridden[PROP_SOCKET_PATH] = TRUE;
      self->overridden[PROP_SYSTEMD] = TRUE;
    }
  else
    self->overridden[prop_id] = TRUE;
}

/* g_set_str() is GLib 2.76 */
static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_string (MibewBridgeConfig  *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  mark_overridden (self, prop_id);
  if (replace_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (MibewBridgeConfig *self,
          guint             *field,
          guint              value,
          guint              prop_id)
{
  mark_overridden (self, prop_id);
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
set_strv (MibewBridgeConfig  *self,
          GStrv              *field,
          const char * const *value,
          guint               prop_id)
{
  mark_overridden (self, prop_id);
  if (!g_strv_equal ((const char * const *) *field, value != NULL ? value : (const char * const[]) { NULL }))
    {
      g_strfreev (*field);
      *field = g_strdupv ((char **) value);
      if (*field == NULL)
        *field = g_new0 (char *, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
mibew_bridge_config_finalize (GObject *object)
{
  MibewBridgeConfig *self = MIBEW_BRIDGE_CONFIG (object);

  g_free (self->file);
  g_free (self->address);
  g_free (self->socket_path);
  g_free (self->socket_owner);
  g_free (self->socket_group);
  g_free (self->secret_file);
  g_strfreev (self->plugin_dirs);
  g_strfreev (self->enabled_plugins);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->plugin_settings, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_array_unref);

  G_OBJECT_CLASS (mibew_bridge_config_parent_class)->finalize (object);
}

static void
mibew_bridge_config_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewBridgeConfig *self = MIBEW_BRIDGE_CONFIG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_SOCKET_PATH:
      g_value_set_string (value, self->socket_path);
      break;
    case PROP_SOCKET_MODE:
      g_value_set_uint (value, self->socket_mode);
      break;
    case PROP_SOCKET_OWNER:
      g_value_set_string (value, self->socket_owner);
      break;
    case PROP_SOCKET_GROUP:
      g_value_set_string (value, self->socket_group);
      break;
    case PROP_SYSTEMD:
      g_value_set_boolean (value, self->systemd);
      break;
    case PROP_SECRET_FILE:
      g_value_set_string (value, self->secret_file);
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
    case PROP_DISPATCH_MODE:
      g_value_set_enum (value, self->dispatch_mode);
      break;
    case PROP_MAX_THREADS:
      g_value_set_uint (value, self->max_threads);
      break;
    case PROP_PLUGIN_DIRS:
      g_value_set_boxed (value, self->plugin_dirs);
      break;
    case PROP_ENABLED_PLUGINS:
      g_value_set_boxed (value, self->enabled_plugins);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_bridge_config_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewBridgeConfig *self = MIBEW_BRIDGE_CONFIG (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      set_string (self, &self->address, g_value_get_string (value), prop_id);
      break;
    case PROP_PORT:
      set_uint (self, &self->port, g_value_get_uint (value), prop_id);
      break;
    case PROP_SOCKET_PATH:
      set_string (self, &self->socket_path, g_value_get_string (value), prop_id);
      break;
    case PROP_SOCKET_MODE:
      set_uint (self, &self->socket_mode, g_value_get_uint (value), prop_id);
      break;
    case PROP_SOCKET_OWNER:
      set_string (self, &self->socket_owner, g_value_get_string (value), prop_id);
      break;
    case PROP_SOCKET_GROUP:
      set_string (self, &self->socket_group, g_value_get_string (value), prop_id);
      break;
    case PROP_SYSTEMD:
      set_uint (self, (guint *) &self->systemd, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SECRET_FILE:
      set_string (self, &self->secret_file, g_value_get_string (value), prop_id);
      break;
    case PROP_BODY_LIMIT:
      mark_overridden (self, prop_id);
      if (self->body_limit != g_value_get_uint64 (value))
        {
          self->body_limit = g_value_get_uint64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DEADLINE:
      set_uint (self, &self->deadline, g_value_get_uint (value), prop_id);
      break;
    case PROP_REPLAY_WINDOW:
      set_uint (self, &self->replay_window, g_value_get_uint (value), prop_id);
      break;
    case PROP_DISPATCH_MODE:
      set_uint (self, (guint *) &self->dispatch_mode, (guint) g_value_get_enum (value), prop_id);
      break;
    case PROP_MAX_THREADS:
      set_uint (self, &self->max_threads, g_value_get_uint (value), prop_id);
      break;
    case PROP_PLUGIN_DIRS:
      set_strv (self, &self->plugin_dirs, g_value_get_boxed (value), prop_id);
      break;
    case PROP_ENABLED_PLUGINS:
      set_strv (self, &self->enabled_plugins, g_value_get_boxed (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_bridge_config_class_init (MibewBridgeConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* the messages of its errors are translated */
  mibew_bridge_i18n_init ();

  object_class->finalize = mibew_bridge_config_finalize;
  object_class->get_property = mibew_bridge_config_get_property;
  object_class->set_property = mibew_bridge_config_set_property;

  /**
   * MibewBridgeConfig:file:
   *
   * The file the configuration was last loaded from, or %NULL.
   */
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewBridgeConfig:address:
   *
   * The IP address to listen on (`[server] address`), when neither
   * #MibewBridgeConfig:socket-path nor #MibewBridgeConfig:systemd is set.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, MIBEW_BRIDGE_DEFAULT_ADDRESS, rw);

  /**
   * MibewBridgeConfig:port:
   *
   * The TCP port to listen on (`[server] port`); 0 picks a free one.
   */
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, 65535, MIBEW_BRIDGE_DEFAULT_PORT, rw);

  /**
   * MibewBridgeConfig:socket-path:
   *
   * A Unix socket to listen on instead of TCP (`[server]
   * listen=unix:PATH`), or %NULL.
   */
  properties[PROP_SOCKET_PATH] =
    g_param_spec_string ("socket-path", NULL, NULL, NULL, rw);

  /**
   * MibewBridgeConfig:socket-mode:
   *
   * The file mode of the Unix socket (`[server] socket-mode`, octal).
   */
  properties[PROP_SOCKET_MODE] =
    g_param_spec_uint ("socket-mode", NULL, NULL, 0, 0777, MIBEW_BRIDGE_DEFAULT_SOCKET_MODE, rw);

  /**
   * MibewBridgeConfig:socket-owner:
   *
   * The user (a name or a number) to give the Unix socket to (`[server]
   * socket-owner`), or %NULL to keep the server's.
   */
  properties[PROP_SOCKET_OWNER] =
    g_param_spec_string ("socket-owner", NULL, NULL, NULL, rw);

  /**
   * MibewBridgeConfig:socket-group:
   *
   * The group (a name or a number) of the Unix socket (`[server]
   * socket-group`), or %NULL to keep the server's.
   */
  properties[PROP_SOCKET_GROUP] =
    g_param_spec_string ("socket-group", NULL, NULL, NULL, rw);

  /**
   * MibewBridgeConfig:systemd:
   *
   * Whether to listen on the sockets systemd passes (`[server]
   * listen=systemd`; see mibew_bridge_server_listen_systemd()).
   */
  properties[PROP_SYSTEMD] =
    g_param_spec_boolean ("systemd", NULL, NULL, FALSE, rw);

  /**
   * MibewBridgeConfig:secret-file:
   *
   * The file holding the secret requests are signed with (`[server]
   * secret-file`), or %NULL for none.
   */
  properties[PROP_SECRET_FILE] =
    g_param_spec_string ("secret-file", NULL, NULL, NULL, rw);

  /**
   * MibewBridgeConfig:body-limit:
   *
   * The largest request body accepted, in bytes (`[server] body-limit`,
   * with an optional K, M or G suffix).
   */
  properties[PROP_BODY_LIMIT] =
    g_param_spec_uint64 ("body-limit", NULL, NULL, 1, G_MAXUINT32, 1024 * 1024, rw);

  /**
   * MibewBridgeConfig:deadline:
   *
   * How long a request may take, in milliseconds (`[server] deadline`,
   * in seconds); 0 for no deadline.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, G_MAXUINT, MIBEW_BRIDGE_DEFAULT_DEADLINE, rw);

  /**
   * MibewBridgeConfig:replay-window:
   *
   * How far, in seconds, a signed request's timestamp may be from now
   * (`[server] replay-window`).
   */
  properties[PROP_REPLAY_WINDOW] =
    g_param_spec_uint ("replay-window", NULL, NULL, 1, 86400, MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW, rw);

  /**
   * MibewBridgeConfig:dispatch-mode:
   *
   * Where listeners run (`[server] dispatch`: `serial`, `threads` or
   * `main-context`).
   */
  properties[PROP_DISPATCH_MODE] =
    g_param_spec_enum ("dispatch-mode", NULL, NULL, MIBEW_BRIDGE_TYPE_DISPATCH_MODE,
                       MIBEW_BRIDGE_DISPATCH_MODE_SERIAL, rw);

  /**
   * MibewBridgeConfig:max-threads:
   *
   * How many worker threads the `threads` dispatch mode uses (`[server]
   * max-threads`); 0 for twice the number of processors.
   */
  properties[PROP_MAX_THREADS] =
    g_param_spec_uint ("max-threads", NULL, NULL, 0, 1024, 0, rw);

  /**
   * MibewBridgeConfig:plugin-dirs:
   *
   * The directories plugins are loaded from (`[plugins] dirs`).
   */
  properties[PROP_PLUGIN_DIRS] =
    g_param_spec_boxed ("plugin-dirs", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * MibewBridgeConfig:enabled-plugins:
   *
   * The plugins to load (`[plugins] enabled`).
   */
  properties[PROP_ENABLED_PLUGINS] =
    g_param_spec_boxed ("enabled-plugins", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reset (MibewBridgeConfig *self)
{
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->socket_path, g_free);
  g_clear_pointer (&self->socket_owner, g_free);
  g_clear_pointer (&self->socket_group, g_free);
  g_clear_pointer (&self->secret_file, g_free);
  g_clear_pointer (&self->plugin_dirs, g_strfreev);
  g_clear_pointer (&self->enabled_plugins, g_strfreev);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->plugin_settings, g_hash_table_unref);

  self->address = g_strdup (MIBEW_BRIDGE_DEFAULT_ADDRESS);
  self->port = MIBEW_BRIDGE_DEFAULT_PORT;
  self->socket_mode = MIBEW_BRIDGE_DEFAULT_SOCKET_MODE;
  self->systemd = FALSE;
  self->body_limit = 1024 * 1024;
  self->deadline = MIBEW_BRIDGE_DEFAULT_DEADLINE;
  self->replay_window = MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW;
  self->dispatch_mode = MIBEW_BRIDGE_DISPATCH_MODE_SERIAL;
  self->max_threads = 0;
  self->plugin_dirs = g_new0 (char *, 1);
  self->enabled_plugins = g_new0 (char *, 1);
  self->key_file = g_key_file_new ();
  self->plugin_settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
}

static void
mibew_bridge_config_init (MibewBridgeConfig *self)
{
  reset (self);
  self->checks = g_array_new (FALSE, FALSE, sizeof (Check));
  g_array_set_clear_func (self->checks, check_clear);
}

/**
 * mibew_bridge_config_new:
 *
 * Creates a configuration with the defaults: TCP on 127.0.0.1:8931, no
 * secret, a body limit of 1 MiB, a deadline of 10 seconds, a replay
 * window of 300 seconds, serial dispatch, no plugins.
 *
 * Returns: (transfer full): a new #MibewBridgeConfig
 */
MibewBridgeConfig *
mibew_bridge_config_new (void)
{
  return g_object_new (MIBEW_BRIDGE_TYPE_CONFIG, NULL);
}

/**
 * mibew_bridge_config_new_from_file:
 * @path: (type filename): a configuration file
 * @error: return location for a #GError
 *
 * Creates a configuration and loads @path into it.
 *
 * Returns: (transfer full): a new #MibewBridgeConfig, or %NULL with
 *   @error set
 */
MibewBridgeConfig *
mibew_bridge_config_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autoptr(MibewBridgeConfig) self = mibew_bridge_config_new ();

  if (!mibew_bridge_config_load_from_file (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* GKeyFile reads group and key names in any encoding, and its errors and
 * ours quote them, or the file's name: a GError's message is UTF-8 all the
 * same (found by fuzz/fuzz-config). */
static void
make_message_valid (GError **error)
{
  if (error != NULL && *error != NULL && !g_utf8_validate ((*error)->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      g_free ((*error)->message);
      (*error)->message = valid;
    }
}

G_GNUC_PRINTF (4, 5)
static void
config_error (GError     **error,
              const char  *file,
              const char  *where,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  text = g_strdup_printf ("%s%s%s: %s", file != NULL ? file : "", file != NULL ? ": " : "", where, message);
  g_set_error_literal (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG, text);
  make_message_valid (error);
}

static char *
resolve_path (const char *value,
              const char *base_dir)
{
  return g_canonicalize_filename (value, base_dir);
}

/* "1048576", "512K", "1M", "1G" */
static gboolean
parse_size (const char *text,
            guint64    *out)
{
  guint64 value;
  char *end;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (text, &end, 10);
  if (errno != 0)
    return FALSE;
  switch (g_ascii_toupper (*end))
    {
    case '\0':
      break;
    case 'K':
      value *= 1024, end++;
      break;
    case 'M':
      value *= 1024 * 1024, end++;
      break;
    case 'G':
      value *= 1024 * 1024 * 1024, end++;
      break;
    default:
      return FALSE;
    }
  if (*end == 'i' || *end == 'B')   /* "1MiB", "1MB" */
    end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
  if (*end != '\0' || value == 0 || value > G_MAXUINT32)
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_dispatch_mode (const char              *text,
                     MibewBridgeDispatchMode *mode)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIBEW_BRIDGE_TYPE_DISPATCH_MODE);
  GEnumValue *v = g_enum_get_value_by_nick (klass, text);

  if (v == NULL)
    return FALSE;
  *mode = (MibewBridgeDispatchMode) v->value;
  return TRUE;
}

/* Parses "unix:PATH", "systemd", "ADDRESS:PORT", "[IPV6]:PORT" or a bare
 * address into the four listen fields. */
gboolean
mibew_bridge_parse_listen (const char  *spec,
                           char       **address,
                           guint       *port,
                           char       **socket_path,
                           gboolean    *systemd,
                           GError     **error)
{
  const char *colon;
  g_autofree char *host = NULL;
  guint64 p = MIBEW_BRIDGE_DEFAULT_PORT;

  *address = NULL;
  *socket_path = NULL;
  *systemd = FALSE;
  *port = MIBEW_BRIDGE_DEFAULT_PORT;

  if (spec == NULL || *spec == '\0')
    goto bad;
  if (g_str_has_prefix (spec, "unix:"))
    {
      if (spec[5] == '\0')
        goto bad;
      *socket_path = g_strdup (spec + 5);
      return TRUE;
    }
  if (g_str_equal (spec, "systemd"))
    {
      *systemd = TRUE;
      return TRUE;
    }

  if (spec[0] == '[')
    {
      const char *close = strchr (spec, ']');

      if (close == NULL)
        goto bad;
      host = g_strndup (spec + 1, close - spec - 1);
      colon = close[1] == ':' ? close + 1 : NULL;
      if (colon == NULL && close[1] != '\0')
        goto bad;
    }
  else
    {
      colon = strrchr (spec, ':');
      /* a bare IPv6 address has several colons and no port */
      if (colon != NULL && strchr (spec, ':') != colon)
        colon = NULL;
      host = colon != NULL ? g_strndup (spec, colon - spec) : g_strdup (spec);
    }
  if (colon != NULL &&
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL))
    goto bad;
  if (!g_str_equal (host, "localhost") && !g_hostname_is_ip_address (host))
    goto bad;
  *address = g_steal_pointer (&host);
  *port = (guint) p;
  return TRUE;

bad:
  g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS,
               _("Cannot listen on “%s”: expected ADDRESS[:PORT] (an IP address), "
                 "[IPV6]:PORT, unix:PATH or systemd"), spec != NULL ? spec : "");
  return FALSE;
}

static gboolean
check_keys (GKeyFile           *kf,
            const char         *group,
            const char * const *known,
            const char         *file,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]))
      {
        g_autofree char *where = g_strdup_printf ("[%s]", group);

        config_error (error, file, where, _("unknown key “%s”"), keys[i]);
        return FALSE;
      }
  return TRUE;
}

static char **
get_list (GKeyFile   *kf,
          const char *group,
          const char *key)
{
  g_auto(GStrv) raw = g_key_file_get_string_list (kf, group, key, NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; raw != NULL && raw[i] != NULL; i++)
    {
      g_strstrip (raw[i]);
      if (raw[i][0] != '\0')
        g_ptr_array_add (out, g_strdup (raw[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Every group and key name and every value is UTF-8 (GKeyFile checks
 * only the values it unescapes): the plugins' settings and the messages
 * that quote names are. No value ends in a lone escape character (see
 * mibew_key_file_value_ends_in_escape()). */
static gboolean
check_raw_values (GKeyFile    *kf,
                  char       **groups,
                  const char  *file,
                  GError     **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (kf, groups[i], NULL, NULL);
      const char *end;

      if (!g_utf8_validate (groups[i], -1, &end))
        {
          config_error (error, file, _("configuration"), _("invalid UTF-8 at byte %zu"),
                        (gsize) (end - groups[i]));
          return FALSE;
        }
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *value = g_key_file_get_value (kf, groups[i], keys[k], NULL);
          const char *bad = NULL;

          if (!g_utf8_validate (keys[k], -1, &end))
            bad = keys[k];
          else if (value != NULL && !g_utf8_validate (value, -1, &end))
            bad = value;
          if (bad != NULL || mibew_key_file_value_ends_in_escape (value))
            {
              g_autofree char *where = g_strdup_printf ("[%s] %s", groups[i], keys[k]);

              if (bad != NULL)
                config_error (error, file, where, _("invalid UTF-8 at byte %zu"), (gsize) (end - bad));
              else
                config_error (error, file, where, _("the value ends in an escape character"));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Reads @kf into @self, leaving the values the program set alone. */
static gboolean
load_key_file (MibewBridgeConfig  *self,
               GKeyFile           *kf,
               const char         *file,
               GError            **error)
{
  g_autofree char *base_dir = file != NULL ? g_path_get_dirname (file) : g_get_current_dir ();
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);
  const char *g = "server";
  g_autofree char *listen = NULL;
  g_autofree char *address = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *group = NULL;
  g_auto(GStrv) dirs = NULL;
  g_auto(GStrv) enabled = NULL;
  guint port = MIBEW_BRIDGE_DEFAULT_PORT;
  gboolean have_port = FALSE;
  gboolean systemd = FALSE;
  guint64 body_limit = 0;
  gint64 deadline = -1;
  gint64 window = -1;
  gint64 max_threads = -1;
  gint64 mode = -1;
  MibewBridgeDispatchMode dispatch = MIBEW_BRIDGE_DISPATCH_MODE_SERIAL;
  gboolean have_dispatch = FALSE;

  if (!check_raw_values (kf, groups, file, error))
    return FALSE;
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], "server") || g_str_equal (groups[i], "plugins"))
        continue;
      if (g_str_has_prefix (groups[i], PLUGIN_GROUP_PREFIX) &&
          groups[i][strlen (PLUGIN_GROUP_PREFIX)] != '\0')
        {
          g_auto(GStrv) keys = g_key_file_get_keys (kf, groups[i], NULL, NULL);
          GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          for (guint k = 0; keys[k] != NULL; k++)
            g_hash_table_insert (table, g_strdup (keys[k]),
                                 g_key_file_get_value (kf, groups[i], keys[k], NULL));
          g_hash_table_insert (settings, g_strdup (groups[i] + strlen (PLUGIN_GROUP_PREFIX)), table);
          continue;
        }
      config_error (error, file, _("configuration"),
                    _("unknown group [%s] (expected [server], [plugins] or [plugin:NAME])"), groups[i]);
      return FALSE;
    }

  if (g_key_file_has_group (kf, "server"))
    {
      g_autofree char *v = NULL;

      if (!check_keys (kf, "server", server_keys, file, error))
        return FALSE;

      listen = g_key_file_get_string (kf, g, "listen", NULL);
      address = g_key_file_get_string (kf, g, "address", NULL);
      if (listen != NULL && (address != NULL || g_key_file_has_key (kf, g, "port", NULL)))
        {
          config_error (error, file, "[server] listen",
                        _("give either listen or address and port, not both"));
          return FALSE;
        }
      if (listen != NULL)
        {
          g_autoptr(GError) local = NULL;

          if (!mibew_bridge_parse_listen (listen, &address, &port, &socket_path, &systemd, &local))
            {
              config_error (error, file, "[server] listen", "%s", local->message);
              return FALSE;
            }
          have_port = TRUE;
          if (socket_path != NULL)
            {
              char *resolved = resolve_path (socket_path, base_dir);

              g_free (socket_path);
              socket_path = resolved;
            }
        }
      else if (address != NULL && !g_str_equal (address, "localhost") &&
               !g_hostname_is_ip_address (address))
        {
          config_error (error, file, "[server] address",
                        _("expected an IP address (or localhost), got “%s”"), address);
          return FALSE;
        }

      if ((v = g_key_file_get_value (kf, g, "port", NULL)) != NULL)
        {
          guint64 p;

          if (!g_ascii_string_to_unsigned (v, 10, 0, 65535, &p, NULL))
            {
              config_error (error, file, "[server] port", _("expected a port number (0–65535), got “%s”"), v);
              return FALSE;
            }
          port = (guint) p;
          have_port = TRUE;
        }
      g_clear_pointer (&v, g_free);

      if ((v = g_key_file_get_value (kf, g, "socket-mode", NULL)) != NULL)
        {
          guint64 m;

          if (!g_ascii_string_to_unsigned (v, 8, 0, 0777, &m, NULL))
            {
              config_error (error, file, "[server] socket-mode", _("expected an octal file mode such as 0660, got “%s”"), v);
              return FALSE;
            }
          mode = (gint64) m;
        }
      g_clear_pointer (&v, g_free);

      owner = g_key_file_get_string (kf, g, "socket-owner", NULL);
      group = g_key_file_get_string (kf, g, "socket-group", NULL);

      secret_file = g_key_file_get_string (kf, g, "secret-file", NULL);
      if (secret_file != NULL && secret_file[0] != '\0')
        {
          char *resolved = resolve_path (secret_file, base_dir);

          g_free (secret_file);
          secret_file = resolved;
        }

      if ((v = g_key_file_get_value (kf, g, "body-limit", NULL)) != NULL &&
          !parse_size (v, &body_limit))
        {
          config_error (error, file, "[server] body-limit",
                        _("expected a size in bytes (1 to 4G, with an optional K, M or G), got “%s”"), v);
          return FALSE;
        }
      g_clear_pointer (&v, g_free);

      if ((v = g_key_file_get_value (kf, g, "deadline", NULL)) != NULL)
        {
          char *end;
          double seconds = g_ascii_strtod (v, &end);

          if (end == v || *end != '\0' || !(seconds >= 0 && seconds <= 86400))
            {
              config_error (error, file, "[server] deadline",
                            _("expected a number of seconds (0 for none, at most 86400), got “%s”"), v);
              return FALSE;
            }
          deadline = (gint64) (seconds * 1000 + 0.5);
        }
      g_clear_pointer (&v, g_free);

      if ((v = g_key_file_get_value (kf, g, "replay-window", NULL)) != NULL)
        {
          guint64 w;

          if (!g_ascii_string_to_unsigned (v, 10, 1, 86400, &w, NULL))
            {
              config_error (error, file, "[server] replay-window",
                            _("expected a number of seconds (1–86400), got “%s”"), v);
              return FALSE;
            }
          window = (gint64) w;
        }
      g_clear_pointer (&v, g_free);

      if ((v = g_key_file_get_string (kf, g, "dispatch", NULL)) != NULL)
        {
          if (!parse_dispatch_mode (v, &dispatch))
            {
              config_error (error, file, "[server] dispatch",
                            _("expected serial, threads or main-context, got “%s”"), v);
              return FALSE;
            }
          have_dispatch = TRUE;
        }
      g_clear_pointer (&v, g_free);

      if ((v = g_key_file_get_value (kf, g, "max-threads", NULL)) != NULL)
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (v, 10, 0, 1024, &n, NULL))
            {
              config_error (error, file, "[server] max-threads",
                            _("expected a number of threads (0–1024), got “%s”"), v);
              return FALSE;
            }
          max_threads = (gint64) n;
        }
    }

  if (g_key_file_has_group (kf, "plugins"))
    {
      if (!check_keys (kf, "plugins", plugins_keys, file, error))
        return FALSE;
      if (g_key_file_has_key (kf, "plugins", "dirs", NULL))
        {
          dirs = get_list (kf, "plugins", "dirs");
          for (guint i = 0; dirs[i] != NULL; i++)
            {
              char *resolved = resolve_path (dirs[i], base_dir);

              g_free (dirs[i]);
              dirs[i] = resolved;
            }
        }
      if (g_key_file_has_key (kf, "plugins", "enabled", NULL))
        enabled = get_list (kf, "plugins", "enabled");
    }

  /* all of it is valid: take it */
  g_object_freeze_notify (G_OBJECT (self));
  self->loading = TRUE;
  if (!self->overridden[PROP_ADDRESS] && (listen != NULL || address != NULL || have_port))
    {
      g_object_set (self,
                    "address", address != NULL ? address : MIBEW_BRIDGE_DEFAULT_ADDRESS,
                    "port", port,
                    "socket-path", socket_path,
                    "systemd", systemd,
                    NULL);
    }
  if (!self->overridden[PROP_SOCKET_MODE] && mode >= 0)
    g_object_set (self, "socket-mode", (guint) mode, NULL);
  if (!self->overridden[PROP_SOCKET_OWNER] && owner != NULL)
    g_object_set (self, "socket-owner", owner[0] != '\0' ? owner : NULL, NULL);
  if (!self->overridden[PROP_SOCKET_GROUP] && group != NULL)
    g_object_set (self, "socket-group", group[0] != '\0' ? group : NULL, NULL);
  if (!self->overridden[PROP_SECRET_FILE] && secret_file != NULL)
    g_object_set (self, "secret-file", secret_file[0] != '\0' ? secret_file : NULL, NULL);
  if (!self->overridden[PROP_BODY_LIMIT] && body_limit != 0)
    g_object_set (self, "body-limit", body_limit, NULL);
  if (!self->overridden[PROP_DEADLINE] && deadline >= 0)
    g_object_set (self, "deadline", (guint) deadline, NULL);
  if (!self->overridden[PROP_REPLAY_WINDOW] && window >= 0)
    g_object_set (self, "replay-window", (guint) window, NULL);
  if (!self->overridden[PROP_DISPATCH_MODE] && have_dispatch)
    g_object_set (self, "dispatch-mode", dispatch, NULL);
  if (!self->overridden[PROP_MAX_THREADS] && max_threads >= 0)
    g_object_set (self, "max-threads", (guint) max_threads, NULL);
  if (!self->overridden[PROP_PLUGIN_DIRS] && dirs != NULL)
    g_object_set (self, "plugin-dirs", dirs, NULL);
  if (!self->overridden[PROP_ENABLED_PLUGINS] && enabled != NULL)
    g_object_set (self, "enabled-plugins", enabled, NULL);
  self->loading = FALSE;

  g_clear_pointer (&self->key_file, g_key_file_unref);
  self->key_file = g_key_file_ref (kf);
  g_clear_pointer (&self->plugin_settings, g_hash_table_unref);
  self->plugin_settings = g_steal_pointer (&settings);
  if (replace_str (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * mibew_bridge_config_load_from_file:
 * @self: a #MibewBridgeConfig
 * @path: (type filename): a configuration file
 * @error: return location for a #GError
 *
 * Reads a configuration file into @self. Values set by the program
 * (through properties or setters) stay as they are. Relative paths in the
 * file (`secret-file`, `listen=unix:`, plugin `dirs`) are taken relative
 * to the file's directory. Nothing changes if the file is not valid.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%G_FILE_ERROR,
 *   %G_KEY_FILE_ERROR or %MIBEW_BRIDGE_ERROR_INVALID_CONFIG, the message
 *   naming the file, group and key)
 */
gboolean
mibew_bridge_config_load_from_file (MibewBridgeConfig  *self,
                                    const char         *path,
                                    GError            **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  if (!g_key_file_load_from_file (kf, absolute, G_KEY_FILE_KEEP_COMMENTS, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", path);
      make_message_valid (error);
      return FALSE;
    }
  return load_key_file (self, kf, absolute, error);
}

/**
 * mibew_bridge_config_load_from_data:
 * @self: a #MibewBridgeConfig
 * @data: the configuration, in #GKeyFile syntax
 * @length: the length of @data, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a configuration from memory, as
 * mibew_bridge_config_load_from_file() does; relative paths are taken
 * relative to the current directory.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
mibew_bridge_config_load_from_data (MibewBridgeConfig  *self,
                                    const char         *data,
                                    gssize              length,
                                    GError            **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_key_file_load_from_data (kf, data, length < 0 ? (gsize) -1 : (gsize) length,
                                  G_KEY_FILE_KEEP_COMMENTS, error))
    {
      make_message_valid (error);
      return FALSE;
    }
  return load_key_file (self, kf, NULL, error);
}

static void
copy_values (MibewBridgeConfig *dst,
             MibewBridgeConfig *src)
{
  replace_str (&dst->address, src->address);
  dst->port = src->port;
  replace_str (&dst->socket_path, src->socket_path);
  dst->socket_mode = src->socket_mode;
  replace_str (&dst->socket_owner, src->socket_owner);
  replace_str (&dst->socket_group, src->socket_group);
  dst->systemd = src->systemd;
  replace_str (&dst->secret_file, src->secret_file);
  dst->body_limit = src->body_limit;
  dst->deadline = src->deadline;
  dst->replay_window = src->replay_window;
  dst->dispatch_mode = src->dispatch_mode;
  dst->max_threads = src->max_threads;
  g_strfreev (dst->plugin_dirs);
  dst->plugin_dirs = g_strdupv (src->plugin_dirs);
  g_strfreev (dst->enabled_plugins);
  dst->enabled_plugins = g_strdupv (src->enabled_plugins);
  g_clear_pointer (&dst->key_file, g_key_file_unref);
  dst->key_file = g_key_file_ref (src->key_file);
  g_clear_pointer (&dst->plugin_settings, g_hash_table_unref);
  dst->plugin_settings = g_hash_table_ref (src->plugin_settings);
  replace_str (&dst->file, src->file);
  memcpy (dst->overridden, src->overridden, sizeof dst->overridden);
}

/**
 * mibew_bridge_config_reload:
 * @self: a #MibewBridgeConfig
 * @error: return location for a #GError
 *
 * Reads #MibewBridgeConfig:file again, as on `SIGHUP`: the file's values
 * start again from the defaults (a key removed from the file goes back to
 * its default), and the values the program set still win. If the file is
 * no longer valid, @self does not change.
 *
 * Returns: %TRUE on success; %FALSE with @error set, or if @self was not
 *   loaded from a file
 */
gboolean
mibew_bridge_config_reload (MibewBridgeConfig  *self,
                            GError            **error)
{
  g_autoptr(MibewBridgeConfig) fresh = NULL;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG,
                   _("The configuration was not loaded from a file; there is nothing to reload"));
      return FALSE;
    }

  /* the program's values, then the file's around them */
  fresh = mibew_bridge_config_new ();
  for (guint p = PROP_ADDRESS; p < N_PROPS; p++)
    if (self->overridden[p])
      {
        GValue value = G_VALUE_INIT;

        g_value_init (&value, properties[p]->value_type);
        g_object_get_property (G_OBJECT (self), properties[p]->name, &value);
        g_object_set_property (G_OBJECT (fresh), properties[p]->name, &value);
        g_value_unset (&value);
      }
  if (!mibew_bridge_config_load_from_file (fresh, self->file, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint p = PROP_FILE; p < N_PROPS; p++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  copy_values (self, fresh);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

GInetAddress *
mibew_bridge_parse_address (const char  *address,
                            GError     **error)
{
  GInetAddress *inet;

  if (address == NULL || g_str_equal (address, "localhost"))
    address = MIBEW_BRIDGE_DEFAULT_ADDRESS;
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS,
                 _("“%s” is not an IP address"), address);
  return inet;
}

gboolean
mibew_bridge_lookup_user (const char  *name,
                          uid_t       *uid,
                          GError     **error)
{
  struct passwd *pw;
  guint64 n;

  if (g_ascii_string_to_unsigned (name, 10, 0, G_MAXINT32, &n, NULL))
    {
      *uid = (uid_t) n;
      return TRUE;
    }
  errno = 0;
  pw = getpwnam (name);
  if (pw == NULL)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG,
                   _("No user “%s”"), name);
      return FALSE;
    }
  *uid = pw->pw_uid;
  return TRUE;
}

gboolean
mibew_bridge_lookup_group (const char  *name,
                           gid_t       *gid,
                           GError     **error)
{
  struct group *gr;
  guint64 n;

  if (g_ascii_string_to_unsigned (name, 10, 0, G_MAXINT32, &n, NULL))
    {
      *gid = (gid_t) n;
      return TRUE;
    }
  errno = 0;
  gr = getgrnam (name);
  if (gr == NULL)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG,
                   _("No group “%s”"), name);
      return FALSE;
    }
  *gid = gr->gr_gid;
  return TRUE;
}

/**
 * mibew_bridge_config_check:
 * @self: a #MibewBridgeConfig
 * @error: return location for a #GError
 *
 * Checks what loading alone cannot, as `mibew-events serve
 * --check-config` does: that the address is an IP address, that a server
 * listening beyond loopback has a secret, that the secret file can be
 * read, is not empty and is readable by its owner only, that the Unix
 * socket's directory exists and its owner and group are known, and that
 * the plugin directories exist; then the checks added with
 * mibew_bridge_config_add_check(). It does not bind anything.
 *
 * The server's reload (`SIGHUP`, see
 * mibew_bridge_server_run_from_config()) applies a configuration only if
 * this passes: with the program's checks, a part the bridge only keeps
 * for the program (the plugins' settings) cannot be refused after the
 * bridge's part was applied.
 *
 * Returns: %TRUE if the configuration can be used; %FALSE with @error set
 *   to the first problem otherwise
 */
gboolean
mibew_bridge_config_check (MibewBridgeConfig  *self,
                           GError            **error)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->secret_file != NULL)
    {
      g_autoptr(GBytes) secret = mibew_bridge_read_secret_file (self->secret_file, error);

      if (secret == NULL)
        return FALSE;
    }

  if (self->socket_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->socket_path);
      uid_t uid;
      gid_t gid;

      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_ADDRESS,
                       _("The directory of the socket “%s” does not exist"), self->socket_path);
          return FALSE;
        }
      if (self->socket_owner != NULL && !mibew_bridge_lookup_user (self->socket_owner, &uid, error))
        return FALSE;
      if (self->socket_group != NULL && !mibew_bridge_lookup_group (self->socket_group, &gid, error))
        return FALSE;
    }
  else if (!self->systemd)
    {
      g_autoptr(GInetAddress) inet = mibew_bridge_parse_address (self->address, error);

      if (inet == NULL)
        return FALSE;
      if (!g_inet_address_get_is_loopback (inet) && self->secret_file == NULL)
        {
          g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS,
                       _("Refusing to listen on %s, beyond loopback, without a secret: "
                         "set [server] secret-file (or --secret-file)"), self->address);
          return FALSE;
        }
    }

  for (guint i = 0; self->plugin_dirs[i] != NULL; i++)
    if (!g_file_test (self->plugin_dirs[i], G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_CONFIG,
                     _("The plugin directory “%s” does not exist"), self->plugin_dirs[i]);
        return FALSE;
      }

  for (guint i = 0; i < self->checks->len; i++)
    {
      const Check *check = &g_array_index (self->checks, Check, i);

      if (!check->func (self, check->user_data, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mibew_bridge_config_add_check:
 * @self: a #MibewBridgeConfig
 * @func: (scope notified) (closure user_data): the check
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data with @self
 *
 * Adds a check of the program's own to mibew_bridge_config_check(), run
 * after the bridge's, in the order added, for as long as @self lives.
 * `mibew-events serve` checks the plugins' part of the configuration
 * (plugin names, weights) with it, so that a reload with a bad plugin
 * setting is refused whole instead of being applied to the server and
 * refused by the plugin engine.
 */
void
mibew_bridge_config_add_check (MibewBridgeConfig          *self,
                               MibewBridgeConfigCheckFunc  func,
                               gpointer                    user_data,
                               GDestroyNotify              destroy)
{
  Check check = { func, user_data, destroy };

  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  g_return_if_fail (func != NULL);

  g_array_append_val (self->checks, check);
}

/**
 * mibew_bridge_config_set_listen:
 * @self: a #MibewBridgeConfig
 * @listen: where to listen: `ADDRESS[:PORT]` (an IP address or
 *   `localhost`), `[IPV6]:PORT`, `unix:PATH` or `systemd`
 * @error: return location for a #GError
 *
 * Sets #MibewBridgeConfig:address, #MibewBridgeConfig:port,
 * #MibewBridgeConfig:socket-path and #MibewBridgeConfig:systemd at once,
 * as `--listen` does. A missing port is 8931.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %MIBEW_BRIDGE_ERROR_INVALID_ADDRESS
 */
gboolean
mibew_bridge_config_set_listen (MibewBridgeConfig  *self,
                                const char         *listen,
                                GError            **error)
{
  g_autofree char *address = NULL;
  g_autofree char *socket_path = NULL;
  gboolean systemd;
  guint port;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!mibew_bridge_parse_listen (listen, &address, &port, &socket_path, &systemd, error))
    return FALSE;
  if (socket_path != NULL)
    {
      char *resolved = g_canonicalize_filename (socket_path, NULL);

      g_free (socket_path);
      socket_path = resolved;
    }
  g_object_set (self,
                "address", address != NULL ? address : MIBEW_BRIDGE_DEFAULT_ADDRESS,
                "port", port,
                "socket-path", socket_path,
                "systemd", systemd,
                NULL);
  return TRUE;
}

/**
 * mibew_bridge_config_dup_listen:
 * @self: a #MibewBridgeConfig
 *
 * Says where the server will listen, in the form
 * mibew_bridge_config_set_listen() takes: `127.0.0.1:8931`,
 * `[::1]:8931`, `unix:/run/mibew-events.sock` or `systemd`.
 *
 * Returns: (transfer full): where the server will listen
 */
char *
mibew_bridge_config_dup_listen (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);

  if (self->systemd)
    return g_strdup ("systemd");
  if (self->socket_path != NULL)
    return g_strconcat ("unix:", self->socket_path, NULL);
  if (strchr (self->address, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", self->address, self->port);
  return g_strdup_printf ("%s:%u", self->address, self->port);
}

/**
 * mibew_bridge_config_get_file:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:file.
 *
 * Returns: (nullable) (type filename): the file loaded last, or %NULL
 */
const char *
mibew_bridge_config_get_file (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->file;
}

/**
 * mibew_bridge_config_get_address:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:address.
 *
 * Returns: the IP address to listen on
 */
const char *
mibew_bridge_config_get_address (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->address;
}

/**
 * mibew_bridge_config_set_address:
 * @self: a #MibewBridgeConfig
 * @address: an IP address, or `localhost`
 *
 * Sets #MibewBridgeConfig:address (`--address`) and listens on TCP.
 */
void
mibew_bridge_config_set_address (MibewBridgeConfig *self,
                                 const char        *address)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  g_return_if_fail (address != NULL);
  g_object_set (self, "address", address, "socket-path", NULL, "systemd", FALSE, NULL);
}

/**
 * mibew_bridge_config_get_port:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:port.
 *
 * Returns: the TCP port
 */
guint
mibew_bridge_config_get_port (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->port;
}

/**
 * mibew_bridge_config_set_port:
 * @self: a #MibewBridgeConfig
 * @port: a TCP port, or 0 for a free one
 *
 * Sets #MibewBridgeConfig:port (`--port`) and listens on TCP.
 */
void
mibew_bridge_config_set_port (MibewBridgeConfig *self,
                              guint              port)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  g_return_if_fail (port <= 65535);
  g_object_set (self, "port", port, "socket-path", NULL, "systemd", FALSE, NULL);
}

/**
 * mibew_bridge_config_get_socket_path:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:socket-path.
 *
 * Returns: (nullable) (type filename): the Unix socket, or %NULL for TCP
 */
const char *
mibew_bridge_config_get_socket_path (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->socket_path;
}

/**
 * mibew_bridge_config_set_socket_path:
 * @self: a #MibewBridgeConfig
 * @path: (nullable) (type filename): a Unix socket, or %NULL for TCP
 *
 * Sets #MibewBridgeConfig:socket-path.
 */
void
mibew_bridge_config_set_socket_path (MibewBridgeConfig *self,
                                     const char        *path)
{
  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  g_object_set (self, "socket-path", path, "systemd", FALSE, NULL);
}

/**
 * mibew_bridge_config_get_socket_mode:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:socket-mode.
 *
 * Returns: the file mode of the Unix socket
 */
guint
mibew_bridge_config_get_socket_mode (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->socket_mode;
}

/**
 * mibew_bridge_config_get_socket_owner:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:socket-owner.
 *
 * Returns: (nullable): the socket's user, or %NULL
 */
const char *
mibew_bridge_config_get_socket_owner (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->socket_owner;
}

/**
 * mibew_bridge_config_get_socket_group:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:socket-group.
 *
 * Returns: (nullable): the socket's group, or %NULL
 */
const char *
mibew_bridge_config_get_socket_group (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->socket_group;
}

/**
 * mibew_bridge_config_get_systemd:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:systemd.
 *
 * Returns: whether to listen on the sockets systemd passes
 */
gboolean
mibew_bridge_config_get_systemd (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), FALSE);
  return self->systemd;
}

/**
 * mibew_bridge_config_get_secret_file:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:secret-file.
 *
 * Returns: (nullable) (type filename): the secret file, or %NULL
 */
const char *
mibew_bridge_config_get_secret_file (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->secret_file;
}

/**
 * mibew_bridge_config_set_secret_file:
 * @self: a #MibewBridgeConfig
 * @path: (nullable) (type filename): the secret file, or %NULL
 *
 * Sets #MibewBridgeConfig:secret-file (`--secret-file`).
 */
void
mibew_bridge_config_set_secret_file (MibewBridgeConfig *self,
                                     const char        *path)
{
  g_autofree char *absolute = NULL;

  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  if (path != NULL)
    absolute = g_canonicalize_filename (path, NULL);
  g_object_set (self, "secret-file", absolute, NULL);
}

/**
 * mibew_bridge_config_get_body_limit:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:body-limit.
 *
 * Returns: the body limit, in bytes
 */
guint64
mibew_bridge_config_get_body_limit (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->body_limit;
}

/**
 * mibew_bridge_config_get_deadline:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:deadline.
 *
 * Returns: the per-request deadline in milliseconds, 0 for none
 */
guint
mibew_bridge_config_get_deadline (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->deadline;
}

/**
 * mibew_bridge_config_get_replay_window:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:replay-window.
 *
 * Returns: the replay window, in seconds
 */
guint
mibew_bridge_config_get_replay_window (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->replay_window;
}

/**
 * mibew_bridge_config_get_dispatch_mode:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:dispatch-mode.
 *
 * Returns: where listeners run
 */
MibewBridgeDispatchMode
mibew_bridge_config_get_dispatch_mode (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), MIBEW_BRIDGE_DISPATCH_MODE_SERIAL);
  return self->dispatch_mode;
}

/**
 * mibew_bridge_config_get_max_threads:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:max-threads.
 *
 * Returns: the number of worker threads, 0 for the default
 */
guint
mibew_bridge_config_get_max_threads (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), 0);
  return self->max_threads;
}

/**
 * mibew_bridge_config_get_plugin_dirs:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:plugin-dirs.
 *
 * Returns: (transfer none) (array zero-terminated=1) (element-type filename):
 *   the plugin directories, absolute
 */
const char * const *
mibew_bridge_config_get_plugin_dirs (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return (const char * const *) self->plugin_dirs;
}

/**
 * mibew_bridge_config_add_plugin_dir:
 * @self: a #MibewBridgeConfig
 * @dir: (type filename): a directory
 *
 * Adds a plugin directory (`--plugin-dir`), after those already there.
 */
void
mibew_bridge_config_add_plugin_dir (MibewBridgeConfig *self,
                                    const char        *dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) dirs = NULL;
  g_autofree char *absolute = NULL;

  g_return_if_fail (MIBEW_BRIDGE_IS_CONFIG (self));
  g_return_if_fail (dir != NULL);

  absolute = g_canonicalize_filename (dir, NULL);
  g_strv_builder_addv (builder, (const char **) self->plugin_dirs);
  g_strv_builder_add (builder, absolute);
  dirs = g_strv_builder_end (builder);
  g_object_set (self, "plugin-dirs", dirs, NULL);
}

/**
 * mibew_bridge_config_get_enabled_plugins:
 * @self: a #MibewBridgeConfig
 *
 * Gets #MibewBridgeConfig:enabled-plugins.
 *
 * Returns: (transfer none) (array zero-terminated=1): the plugins to load
 */
const char * const *
mibew_bridge_config_get_enabled_plugins (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return (const char * const *) self->enabled_plugins;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * mibew_bridge_config_list_plugin_sections:
 * @self: a #MibewBridgeConfig
 *
 * Lists the plugins that have a `[plugin:NAME]` group of settings.
 *
 * Returns: (transfer full) (array zero-terminated=1): the plugin names,
 *   sorted
 */
char **
mibew_bridge_config_list_plugin_sections (MibewBridgeConfig *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);

  g_hash_table_iter_init (&iter, self->plugin_settings);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * mibew_bridge_config_get_plugin_settings:
 * @self: a #MibewBridgeConfig
 * @plugin: a plugin's name
 *
 * Gets the settings of the `[plugin:NAME]` group, as strings, for the
 * plugin engine to hand to the plugin.
 *
 * Returns: (transfer container) (element-type utf8 utf8): the settings;
 *   empty if the plugin has none
 */
GHashTable *
mibew_bridge_config_get_plugin_settings (MibewBridgeConfig *self,
                                         const char        *plugin)
{
  GHashTable *table;

  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  g_return_val_if_fail (plugin != NULL, NULL);

  table = g_hash_table_lookup (self->plugin_settings, plugin);
  if (table == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);
  return g_hash_table_ref (table);
}

/**
 * mibew_bridge_config_get_key_file:
 * @self: a #MibewBridgeConfig
 *
 * Gets the file as it was read last, for settings with types of their
 * own (g_key_file_get_integer() and so on). Do not change it.
 *
 * Returns: (transfer none): the #GKeyFile
 */
GKeyFile *
mibew_bridge_config_get_key_file (MibewBridgeConfig *self)
{
  g_return_val_if_fail (MIBEW_BRIDGE_IS_CONFIG (self), NULL);
  return self->key_file;
}
