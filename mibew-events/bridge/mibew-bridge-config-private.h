/* mibew-bridge-config-private.h: helpers shared by the config and the server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sys/types.h>

G_BEGIN_DECLS

gboolean mibew_bridge_parse_listen        (const char   *spec,
                                           char        **address,
                                           guint        *port,
                                           char        **socket_path,
                                           gboolean     *systemd,
                                           GError      **error);
GInetAddress *mibew_bridge_parse_address  (const char   *address,
                                           GError      **error);
gboolean mibew_bridge_lookup_user         (const char   *name,
                                           uid_t        *uid,
                                           GError      **error);
gboolean mibew_bridge_lookup_group        (const char   *name,
                                           gid_t        *gid,
                                           GError      **error);

G_END_DECLS
