/* mibew-bridge-auth.c: signatures, timestamps and the replay cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mibew-bridge-auth-private.h"
#include "mibew-bridge-i18n-private.h"
#include <mibew-bridge/mibew-bridge.h>

/* Compares two digests in time that depends only on @length. memcmp()
 * returns at the first byte that differs, so the time it takes tells an
 * attacker how many leading bytes of a forged signature were right; with
 * enough tries that reveals a valid signature byte by byte. Folding every
 * byte's difference into one accumulator, and looking at it only at the
 * end, takes the same time whatever the bytes are. The volatile keeps the
 * compiler from turning the loop back into an early exit. */
gboolean
mibew_bridge_constant_time_equal (const guint8 *a,
                                  const guint8 *b,
                                  gsize         length)
{
  volatile guint8 diff = 0;

  for (gsize i = 0; i < length; i++)
    diff |= a[i] ^ b[i];
  return diff == 0;
}

/* "1700000000" or "1700000000.123456": unix seconds, with at most nine
 * decimals. A fraction lets a client make two requests with the same body
 * in the same second without the second looking like a replay. */
gboolean
mibew_bridge_parse_timestamp (const char *text,
                              gint64     *nanoseconds)
{
  gint64 seconds = 0;
  gint64 fraction = 0;
  guint n_int = 0;
  guint n_frac = 0;
  const char *p = text;

  if (text == NULL)
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_int > 12)
        return FALSE;
      seconds = seconds * 10 + (*p - '0');
    }
  if (n_int == 0)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++n_frac > 9)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
      if (n_frac == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  /* as nanoseconds it must fit a gint64 (until the year 2262); twelve
   * digits would overflow it (found by fuzz/fuzz-http) */
  if (seconds > (G_MAXINT64 - 999999999) / G_GINT64_CONSTANT (1000000000))
    return FALSE;
  for (guint i = n_frac; i < 9; i++)
    fraction *= 10;
  *nanoseconds = seconds * G_GINT64_CONSTANT (1000000000) + fraction;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* "sha256=<64 hex digits>" */
gboolean
mibew_bridge_parse_signature (const char *text,
                              guint8      digest[MIBEW_BRIDGE_DIGEST_LEN])
{
  if (text == NULL || strncmp (text, "sha256=", 7) != 0)
    return FALSE;
  text += 7;
  if (strlen (text) != 2 * MIBEW_BRIDGE_DIGEST_LEN)
    return FALSE;
  for (guint i = 0; i < MIBEW_BRIDGE_DIGEST_LEN; i++)
    {
      int hi = hex_value (text[2 * i]);
      int lo = hex_value (text[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      digest[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* The replay cache remembers every accepted signature until its
 * timestamp leaves the window, after which the window check refuses it
 * anyway. It is bounded: when it is full, the oldest entry goes, and its
 * timestamp becomes a floor below which every request is refused, so an
 * evicted signature can never be replayed either. Under a sustained rate
 * r and a bound n, only requests that arrive more than n / r seconds after
 * they were signed are refused. */
typedef struct {
  GList link;                 /* in the queue, oldest first */
  gint64 timestamp_ns;
  gint64 expires_ns;
  guint8 digest[MIBEW_BRIDGE_DIGEST_LEN];
} Entry;

struct _MibewBridgeReplayCache
{
  GHashTable *entries;        /* Entry → Entry, by digest */
  GQueue queue;               /* Entry links, in arrival order */
  guint max_entries;
  gint64 floor_ns;            /* timestamps at or below it are refused */
  guint64 evictions;
};

static guint
entry_hash (gconstpointer key)
{
  const Entry *e = key;
  guint h;

  /* the digest is already uniformly random */
  memcpy (&h, e->digest, sizeof h);
  return h;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (((const Entry *) a)->digest, ((const Entry *) b)->digest,
                 MIBEW_BRIDGE_DIGEST_LEN) == 0;
}

MibewBridgeReplayCache *
mibew_bridge_replay_cache_new (guint max_entries)
{
  MibewBridgeReplayCache *cache = g_new0 (MibewBridgeReplayCache, 1);

  cache->entries = g_hash_table_new_full (entry_hash, entry_equal, g_free, NULL);
  g_queue_init (&cache->queue);
  cache->max_entries = MAX (max_entries, 1);
  cache->floor_ns = G_MININT64;
  return cache;
}

void
mibew_bridge_replay_cache_free (MibewBridgeReplayCache *cache)
{
  if (cache == NULL)
    return;
  /* the links live inside the entries the table frees */
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

static void
drop_oldest (MibewBridgeReplayCache *cache)
{
  GList *link = g_queue_pop_head_link (&cache->queue);
  Entry *e = link->data;

  g_hash_table_remove (cache->entries, e);
}

static void
shrink_to (MibewBridgeReplayCache *cache,
           guint                   n,
           gint64                  now_ns)
{
  while (cache->queue.length > n)
    {
      Entry *e = cache->queue.head->data;

      if (e->expires_ns >= now_ns)
        {
          cache->floor_ns = MAX (cache->floor_ns, e->timestamp_ns);
          cache->evictions++;
        }
      drop_oldest (cache);
    }
}

void
mibew_bridge_replay_cache_set_max (MibewBridgeReplayCache *cache,
                                   guint                   max_entries)
{
  cache->max_entries = MAX (max_entries, 1);
  shrink_to (cache, cache->max_entries, g_get_real_time () * 1000);
}

MibewBridgeReplayVerdict
mibew_bridge_replay_cache_check (MibewBridgeReplayCache *cache,
                                 const guint8           *digest,
                                 gint64                  timestamp_ns,
                                 gint64                  window_ns,
                                 gint64                  now_ns)
{
  Entry *e;

  /* forget what the window check refuses by itself now */
  while (cache->queue.head != NULL &&
         ((Entry *) cache->queue.head->data)->expires_ns < now_ns)
    drop_oldest (cache);

  if (timestamp_ns <= cache->floor_ns)
    return MIBEW_BRIDGE_REPLAY_TOO_OLD;

  e = g_new (Entry, 1);
  memcpy (e->digest, digest, MIBEW_BRIDGE_DIGEST_LEN);
  if (g_hash_table_contains (cache->entries, e))
    {
      g_free (e);
      return MIBEW_BRIDGE_REPLAY_SEEN;
    }
  e->timestamp_ns = timestamp_ns;
  e->expires_ns = timestamp_ns + window_ns;
  e->link.data = e;
  e->link.prev = e->link.next = NULL;
  g_hash_table_add (cache->entries, e);
  g_queue_push_tail_link (&cache->queue, &e->link);
  shrink_to (cache, cache->max_entries, now_ns);
  return MIBEW_BRIDGE_REPLAY_FRESH;
}

guint
mibew_bridge_replay_cache_get_size (MibewBridgeReplayCache *cache)
{
  return cache->queue.length;
}

guint64
mibew_bridge_replay_cache_get_evictions (MibewBridgeReplayCache *cache)
{
  return cache->evictions;
}

/* Secrets are kept in memory of their own that is wiped when freed, so a
 * freed secret does not linger in the heap. */
static void
secret_free (gpointer data)
{
  GBytes *holder = data;
  gsize length;
  volatile guint8 *p = (volatile guint8 *) g_bytes_get_data (holder, &length);

  for (gsize i = 0; i < length; i++)
    p[i] = 0;
  g_bytes_unref (holder);
}

GBytes *
mibew_bridge_secret_new (const guint8 *data,
                         gsize         length)
{
  GBytes *holder = g_bytes_new (data, length);
  gconstpointer copy = g_bytes_get_data (holder, NULL);

  return g_bytes_new_with_free_func (copy, length, secret_free, holder);
}

#define SECRET_FILE_MAX (64 * 1024)

/* Reads a secret file: a regular file that neither its group nor others
 * may read (it is checked on the open file, so it cannot be swapped in
 * between), at most 64 KiB, its trailing line break and spaces dropped
 * (`openssl rand -hex 32 > secret` writes one), not empty. */
GBytes *
mibew_bridge_read_secret_file (const char  *path,
                               GError     **error)
{
  g_autofree guint8 *buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET,
                   _("Cannot open the secret file “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET,
                   _("The secret file “%s” is not a regular file"), path);
      close (fd);
      return NULL;
    }
  if ((st.st_mode & (S_IRGRP | S_IROTH)) != 0)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE,
                   _("The secret file “%s” is readable by its group or by others (mode %04o); "
                     "make it readable by its owner only (chmod 600)"),
                   path, (guint) (st.st_mode & 07777));
      close (fd);
      return NULL;
    }

  buffer = g_malloc (SECRET_FILE_MAX + 1);
  for (;;)
    {
      gssize n = read (fd, buffer + length, SECRET_FILE_MAX + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET,
                       _("Cannot read the secret file “%s”: %s"), path, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
      if (length > SECRET_FILE_MAX)
        {
          g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET,
                       _("The secret file “%s” is longer than 64 KiB"), path);
          close (fd);
          return NULL;
        }
    }
  close (fd);

  while (length > 0 && g_ascii_isspace (buffer[length - 1]))
    length--;
  if (length == 0)
    {
      g_set_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET,
                   _("The secret file “%s” is empty"), path);
      return NULL;
    }

  {
    GBytes *secret = mibew_bridge_secret_new (buffer, length);
    volatile guint8 *p = buffer;

    for (gsize i = 0; i < SECRET_FILE_MAX + 1; i++)
      p[i] = 0;
    return secret;
  }
}
