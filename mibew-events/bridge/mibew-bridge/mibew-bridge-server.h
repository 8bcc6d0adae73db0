/* mibew-bridge-server.h: the HTTP bridge server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_BRIDGE_INSIDE__) && !defined(MIBEW_BRIDGE_COMPILATION)
#error "Only <mibew-bridge/mibew-bridge.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <mibew-events/mibew-events.h>

#include "mibew-bridge-version-macros.h"
#include "mibew-bridge-enums.h"
#include "mibew-bridge-config.h"

G_BEGIN_DECLS

#define MIBEW_BRIDGE_TYPE_SERVER (mibew_bridge_server_get_type ())

MIBEW_BRIDGE_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBridgeServer, mibew_bridge_server, MIBEW_BRIDGE, SERVER, GObject)

MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewBridgeServer       *mibew_bridge_server_new                 (MibewEventDispatcher  *dispatcher);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewEventDispatcher    *mibew_bridge_server_get_dispatcher      (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
SoupServer              *mibew_bridge_server_get_soup_server     (MibewBridgeServer     *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_set_secret          (MibewBridgeServer     *self,
                                                                  GBytes                *secret);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_load_secret_file    (MibewBridgeServer     *self,
                                                                  const char            *path,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_get_has_secret      (MibewBridgeServer     *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint64                  mibew_bridge_server_get_body_limit      (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_set_body_limit      (MibewBridgeServer     *self,
                                                                  guint64                limit);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_server_get_deadline        (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_set_deadline        (MibewBridgeServer     *self,
                                                                  guint                  milliseconds);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_server_get_replay_window   (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_set_replay_window   (MibewBridgeServer     *self,
                                                                  guint                  seconds);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
MibewBridgeDispatchMode  mibew_bridge_server_get_dispatch_mode   (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_set_dispatch_mode   (MibewBridgeServer     *self,
                                                                  MibewBridgeDispatchMode mode);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_server_get_in_flight       (MibewBridgeServer     *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_listen              (MibewBridgeServer     *self,
                                                                  const char            *address,
                                                                  guint                  port,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_listen_unix         (MibewBridgeServer     *self,
                                                                  const char            *path,
                                                                  guint                  mode,
                                                                  const char            *owner,
                                                                  const char            *group,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_listen_socket       (MibewBridgeServer     *self,
                                                                  GSocket               *socket,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_listen_fd           (MibewBridgeServer     *self,
                                                                  int                    fd,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_server_listen_systemd      (MibewBridgeServer     *self,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_apply_config        (MibewBridgeServer     *self,
                                                                  MibewBridgeConfig     *config,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_listen_config       (MibewBridgeServer     *self,
                                                                  MibewBridgeConfig     *config,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
guint                    mibew_bridge_server_get_port            (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
GSList                  *mibew_bridge_server_get_uris            (MibewBridgeServer     *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_shutdown_async      (MibewBridgeServer     *self,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_shutdown_finish     (MibewBridgeServer     *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_get_shutting_down   (MibewBridgeServer     *self);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
gboolean                 mibew_bridge_server_run_from_config     (MibewBridgeServer     *self,
                                                                  MibewBridgeConfig     *config,
                                                                  GError               **error);

MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_hold_emissions    (MibewBridgeServer     *self);
MIBEW_BRIDGE_AVAILABLE_IN_ALL
void                     mibew_bridge_server_release_emissions (MibewBridgeServer     *self);

G_END_DECLS
