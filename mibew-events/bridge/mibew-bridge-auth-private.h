/* mibew-bridge-auth-private.h: signatures, timestamps and the replay cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MIBEW_BRIDGE_DIGEST_LEN 32   /* SHA-256 */

gboolean mibew_bridge_constant_time_equal (const guint8 *a,
                                           const guint8 *b,
                                           gsize         length);

gboolean mibew_bridge_parse_timestamp     (const char   *text,
                                           gint64       *nanoseconds);
gboolean mibew_bridge_parse_signature     (const char   *text,
                                           guint8        digest[MIBEW_BRIDGE_DIGEST_LEN]);

typedef enum {
  MIBEW_BRIDGE_REPLAY_FRESH,     /* not seen: now remembered */
  MIBEW_BRIDGE_REPLAY_SEEN,      /* seen before within the window */
  MIBEW_BRIDGE_REPLAY_TOO_OLD,   /* older than what the cache still covers */
} MibewBridgeReplayVerdict;

typedef struct _MibewBridgeReplayCache MibewBridgeReplayCache;

MibewBridgeReplayCache  *mibew_bridge_replay_cache_new       (guint                   max_entries);
void                     mibew_bridge_replay_cache_free      (MibewBridgeReplayCache *cache);
void                     mibew_bridge_replay_cache_set_max   (MibewBridgeReplayCache *cache,
                                                              guint                   max_entries);
MibewBridgeReplayVerdict mibew_bridge_replay_cache_check     (MibewBridgeReplayCache *cache,
                                                              const guint8           *digest,
                                                              gint64                  timestamp_ns,
                                                              gint64                  window_ns,
                                                              gint64                  now_ns);
guint                    mibew_bridge_replay_cache_get_size  (MibewBridgeReplayCache *cache);
guint64                  mibew_bridge_replay_cache_get_evictions (MibewBridgeReplayCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MibewBridgeReplayCache, mibew_bridge_replay_cache_free)

G_END_DECLS

G_BEGIN_DECLS

GBytes  *mibew_bridge_read_secret_file (const char  *path,
                                        GError     **error);
GBytes  *mibew_bridge_secret_new       (const guint8 *data,
                                        gsize         length);

G_END_DECLS
