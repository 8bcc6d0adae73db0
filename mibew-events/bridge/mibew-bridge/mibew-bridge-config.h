/* mibew-bridge-config.h: the bridge's configuration file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_BRIDGE_INSIDE__) && !defined(MIBEW_BRIDGE_COMPILATION)
#error "Only <mibew-bridge/mibew-bridge.h> can be included directly."
#endif

#include <glib-object.h>

#include "mibew-bridge-version-macros.h"
#include "mibew-bridge-enums.h"

G_BEGIN_DECLS

/**
 * MIBEW_BRIDGE_DEFAULT_ADDRESS:
 *
 * The address the bridge listens on by default: loopback only.
 */
#define MIBEW_BRIDGE_DEFAULT_ADDRESS "127.0.0.1"

/**
 * MIBEW_BRIDGE_DEFAULT_PORT:
 *
 * The TCP port the bridge listens on by default.
 */
#define MIBEW_BRIDGE_DEFAULT_PORT 8931

/**
 * MIBEW_BRIDGE_DEFAULT_DEADLINE:
 *
 * How long a request may take by default, in milliseconds, from its
 * first byte to its answer (10 seconds); later it is answered with 503.
 */
#define MIBEW_BRIDGE_DEFAULT_DEADLINE 10000

/**
 * MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW:
 *
 * How far, in seconds, a request's `X-Mibew-Timestamp` may be from the
 * server's clock by default (300 seconds, either way).
 */
#define MIBEW_BRIDGE_DEFAULT_REPLAY_WINDOW 300

/**
 * MIBEW_BRIDGE_DEFAULT_SOCKET_MODE:
 *
 * The file mode of a Unix socket the bridge creates, by default: read
 * and write for its owner and group (0660).
 */
#define MIBEW_BRIDGE_DEFAULT_SOCKET_MODE 0660

#define MIBEW_BRIDGE_TYPE_CONFIG (mibew_bridge_config_get_type ())

MIBEW_BRIDGE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBridgeConfig, mibew_bridge_config, MIBEW_BRIDGE, CONFIG, GObject)

/**
 * MibewBridgeConfigCheckFunc:
 * @config: the configuration being checked
 * @user_data: the data given to mibew_bridge_config_add_check()
 * @error: return location for a #GError
 *
 * A check of its own that a program adds to mibew_bridge_config_check(),
 * for the parts of the configuration the bridge keeps for it (such as
 * the `[plugins]` and `[plugin:NAME]` groups). It must not change
 * anything: a reload applies the configuration only once every check
 * passed.
 *
 * Returns: %TRUE if @config is fine; %FALSE with @error set otherwise
 */
typedef gboolean (*MibewBridgeConfigCheckFunc) (MibewBridgeConfig  *config,
                                                gpointer            user_data,
                                                GError            **error);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewBridgeConfig       *mibew_bridge_config_new                   (void);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewBridgeConfig       *mibew_bridge_config_new_from_file         (const char         *path,
                                                                    GError            **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_load_from_file        (MibewBridgeConfig  *self,
                                                                    const char         *path,
                                                                    GError            **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_load_from_data        (MibewBridgeConfig  *self,
                                                                    const char         *data,
                                                                    gssize              length,
                                                                    GError            **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_reload                (MibewBridgeConfig  *self,
                                                                    GError            **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_add_check             (MibewBridgeConfig          *self,
                                                                    MibewBridgeConfigCheckFunc  func,
                                                                    gpointer                    user_data,
                                                                    GDestroyNotify              destroy);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_check                 (MibewBridgeConfig  *self,
                                                                    GError            **error);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_set_listen            (MibewBridgeConfig  *self,
                                                                    const char         *listen,
                                                                    GError            **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
char                    *mibew_bridge_config_dup_listen            (MibewBridgeConfig  *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_file              (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_address           (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_set_address           (MibewBridgeConfig  *self,
                                                                    const char         *address);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_config_get_port              (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_set_port              (MibewBridgeConfig  *self,
                                                                    guint               port);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_socket_path       (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_set_socket_path       (MibewBridgeConfig  *self,
                                                                    const char         *path);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_config_get_socket_mode       (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_socket_owner      (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_socket_group      (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_config_get_systemd           (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char              *mibew_bridge_config_get_secret_file       (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_set_secret_file       (MibewBridgeConfig  *self,
                                                                    const char         *path);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint64                  mibew_bridge_config_get_body_limit        (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_config_get_deadline          (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_config_get_replay_window     (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewBridgeDispatchMode  mibew_bridge_config_get_dispatch_mode     (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_config_get_max_threads       (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char * const      *mibew_bridge_config_get_plugin_dirs       (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_config_add_plugin_dir        (MibewBridgeConfig  *self,
                                                                    const char         *dir);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
const char * const      *mibew_bridge_config_get_enabled_plugins   (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
char                   **mibew_bridge_config_list_plugin_sections  (MibewBridgeConfig  *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
GHashTable              *mibew_bridge_config_get_plugin_settings   (MibewBridgeConfig  *self,
                                                                    const char         *plugin);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
GKeyFile                *mibew_bridge_config_get_key_file          (MibewBridgeConfig  *self);

G_END_DECLS
