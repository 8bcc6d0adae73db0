/* test-bridge-auth.c: signatures, timestamps, replays and secret files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bridge-test-util.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mibew-bridge-auth-private.h"

#define SECRET "correct horse battery staple"

/* ---- the pieces ---- */

static void
test_constant_time_equal (void)
{
  guint8 a[32], b[32];

  memset (a, 0x5a, sizeof a);
  memcpy (b, a, sizeof b);
  g_assert_true (mibew_bridge_constant_time_equal (a, b, sizeof a));
  for (guint i = 0; i < sizeof a; i++)
    {
      b[i] ^= 1;
      g_assert_false (mibew_bridge_constant_time_equal (a, b, sizeof a));
      b[i] ^= 1;
    }
  g_assert_true (mibew_bridge_constant_time_equal (a, b, 0));
}

static void
test_parse (void)
{
  guint8 digest[32];
  gint64 ns;
  char hex[65];

  g_assert_true (mibew_bridge_parse_timestamp ("1700000000", &ns));
  g_assert_cmpint (ns, ==, G_GINT64_CONSTANT (1700000000000000000));
  g_assert_true (mibew_bridge_parse_timestamp ("1700000000.5", &ns));
  g_assert_cmpint (ns, ==, G_GINT64_CONSTANT (1700000000500000000));
  g_assert_true (mibew_bridge_parse_timestamp ("1700000000.000000001", &ns));
  g_assert_cmpint (ns, ==, G_GINT64_CONSTANT (1700000000000000001));
  for (const char * const *bad = (const char * const[]) { "", "x", "-1", "1e9", "1.", ".5", "1 ",
                                                          " 1", "1.0000000001", "9999999999999",
                                                          /* beyond a gint64 of nanoseconds */
                                                          "9223372036", "91796138193", NULL };
       *bad != NULL; bad++)
    g_assert_false (mibew_bridge_parse_timestamp (*bad, &ns));

  memset (hex, 'a', 64);
  hex[64] = '\0';
  {
    g_autofree char *good = g_strconcat ("sha256=", hex, NULL);
    g_autofree char *upper = g_ascii_strup (good + 7, -1);
    g_autofree char *upper_sig = g_strconcat ("sha256=", upper, NULL);

    g_assert_true (mibew_bridge_parse_signature (good, digest));
    g_assert_cmpuint (digest[0], ==, 0xaa);
    g_assert_true (mibew_bridge_parse_signature (upper_sig, digest));
    g_assert_false (mibew_bridge_parse_signature (hex, digest));
    g_assert_false (mibew_bridge_parse_signature ("sha1=abcd", digest));
    good[70] = 'g';
    g_assert_false (mibew_bridge_parse_signature (good, digest));
    good[70] = '\0';
    g_assert_false (mibew_bridge_parse_signature (good, digest));
  }
}

static void
digest_of (guint8 digest[32],
           guint  n)
{
  memset (digest, 0, 32);
  memcpy (digest, &n, sizeof n);
  digest[31] = 0x77;
}

static void
test_replay_cache (void)
{
  g_autoptr(MibewBridgeReplayCache) cache = mibew_bridge_replay_cache_new (4);
  const gint64 s = G_GINT64_CONSTANT (1000000000);
  const gint64 window = 300 * s;
  gint64 now = 1700000000 * s;
  guint8 d[32];

  digest_of (d, 1);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now, window, now), ==, MIBEW_BRIDGE_REPLAY_FRESH);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now, window, now + s), ==, MIBEW_BRIDGE_REPLAY_SEEN);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now, window, now + 299 * s), ==, MIBEW_BRIDGE_REPLAY_SEEN);
  g_assert_cmpuint (mibew_bridge_replay_cache_get_size (cache), ==, 1);

  /* expired entries go: the window check refuses them anyway */
  digest_of (d, 2);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now + 301 * s, window, now + 301 * s), ==,
                   MIBEW_BRIDGE_REPLAY_FRESH);
  g_assert_cmpuint (mibew_bridge_replay_cache_get_size (cache), ==, 1);

  /* bounded: the oldest goes and becomes the floor */
  now += 301 * s;
  for (guint i = 3; i <= 6; i++)
    {
      digest_of (d, i);
      g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now + i, window, now + 10), ==,
                       MIBEW_BRIDGE_REPLAY_FRESH);
    }
  g_assert_cmpuint (mibew_bridge_replay_cache_get_size (cache), ==, 4);
  g_assert_cmpuint (mibew_bridge_replay_cache_get_evictions (cache), ==, 1);
  /* the evicted signature (2, at now) cannot come back */
  digest_of (d, 2);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now, window, now + 10), ==,
                   MIBEW_BRIDGE_REPLAY_TOO_OLD);
  /* newer requests still pass, remembered ones are still replays */
  digest_of (d, 7);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now + 7, window, now + 10), ==,
                   MIBEW_BRIDGE_REPLAY_FRESH);
  digest_of (d, 7);
  g_assert_cmpint (mibew_bridge_replay_cache_check (cache, d, now + 7, window, now + 10), ==,
                   MIBEW_BRIDGE_REPLAY_SEEN);
  g_assert_cmpuint (mibew_bridge_replay_cache_get_size (cache), ==, 4);
}

/* ---- over HTTP ---- */

typedef struct {
  BtServer *bt;
  BtClient *client;
  BtResponse r;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->bt = bt_server_new (NULL);
  bt_server_set_secret (f->bt, SECRET);
  bt_server_listen_tcp (f->bt);
  f->client = bt_client_new (f->bt);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bt_response_clear (&f->r);
  bt_client_free (f->client);
  bt_server_free (f->bt);
}

static void
assert_401 (BtResponse *r,
            const char *code)
{
  if (r->status != 401)
    g_error ("expected 401 %s, got %u: %s", code, r->status, r->body);
  g_assert_cmpstr (bt_response_error_code (r), ==, code);
}

static void
test_unsigned (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *ts = bt_now_timestamp (0, -1);
  g_autofree char *sig = bt_sign (SECRET, ts, "{\"id\": 1}", 9);

  bt_post (f->client, "threadDelete", "{\"id\": 1}", &f->r);
  assert_401 (&f->r, "signature-missing");
  bt_request (f->client, "GET", "/v1/health", NULL, NULL, 0, &f->r);
  assert_401 (&f->r, "signature-missing");
  bt_request (f->client, "GET", "/metrics", NULL, NULL, 0, &f->r);
  assert_401 (&f->r, "signature-missing");
  /* half of it */
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", "{\"id\": 1}", ts, NULL, &f->r);
  assert_401 (&f->r, "signature-missing");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", "{\"id\": 1}", NULL, sig, &f->r);
  assert_401 (&f->r, "signature-missing");
  /* before anything else: no hint whether the event exists */
  bt_post (f->client, "noSuchEvent", "{}", &f->r);
  assert_401 (&f->r, "signature-missing");
}

static void
test_signed (Fixture       *f,
             gconstpointer  data)
{
  f->client->secret = g_strdup (SECRET);
  bt_post (f->client, "threadDelete", "{\"id\": \"42\"}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  g_assert_cmpstr (f->r.body, ==, "{\"id\":\"42\"}");
  bt_request (f->client, "GET", "/v1/health", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (f->r.json), "signed"));
  bt_request (f->client, "GET", "/v1/events", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  bt_request (f->client, "GET", "/metrics", NULL, NULL, 0, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  /* signed and wrong in other ways: the usual answers */
  bt_post (f->client, "noSuchEvent", "{}", &f->r);
  g_assert_cmpuint (f->r.status, ==, 404);
  bt_post (f->client, "threadDelete", "{", &f->r);
  g_assert_cmpuint (f->r.status, ==, 400);
  /* a whole-second timestamp is fine */
  {
    g_autofree char *ts = bt_now_timestamp (0, -1);
    g_autofree char *sig = bt_sign (SECRET, ts, "{\"id\": 2}", 9);

    bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", "{\"id\": 2}", ts, sig, &f->r);
    g_assert_cmpuint (f->r.status, ==, 200);
  }
}

static void
test_wrong_signature (Fixture       *f,
                      gconstpointer  data)
{
  const char *body = "{\"id\": 1}";
  g_autofree char *ts = bt_now_timestamp (0, 1);
  g_autofree char *wrong_secret = bt_sign ("not the secret", ts, body, strlen (body));
  g_autofree char *other_body = bt_sign (SECRET, ts, "{\"id\": 2}", 9);
  g_autofree char *ts2 = bt_now_timestamp (0, 2);
  g_autofree char *other_ts = bt_sign (SECRET, ts2, body, strlen (body));
  g_autofree char *good = bt_sign (SECRET, ts, body, strlen (body));
  g_autofree char *truncated = g_strndup (good, 20);
  g_autofree char *flipped = g_strdup (good);

  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, wrong_secret, &f->r);
  assert_401 (&f->r, "signature-invalid");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, other_body, &f->r);
  assert_401 (&f->r, "signature-invalid");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, other_ts, &f->r);
  assert_401 (&f->r, "signature-invalid");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, truncated, &f->r);
  assert_401 (&f->r, "signature-invalid");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, good + 7, &f->r);
  assert_401 (&f->r, "signature-invalid");
  flipped[strlen (flipped) - 1] = flipped[strlen (flipped) - 1] == '0' ? '1' : '0';
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, flipped, &f->r);
  assert_401 (&f->r, "signature-invalid");
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, "soon", good, &f->r);
  assert_401 (&f->r, "timestamp-invalid");

  /* a wrong signature does not use up the right one */
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, good, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  const char *body = "{\"id\": 1}";
  const gint64 offsets[] = { -301, 301, -100000, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *ts = bt_now_timestamp (offsets[i], -1);
      g_autofree char *sig = bt_sign (SECRET, ts, body, strlen (body));

      bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
      assert_401 (&f->r, "timestamp-out-of-window");
    }
  {
    g_autofree char *ts = bt_now_timestamp (-290, -1);
    g_autofree char *sig = bt_sign (SECRET, ts, body, strlen (body));

    bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
    g_assert_cmpuint (f->r.status, ==, 200);
  }
  {
    g_autofree char *ts = bt_now_timestamp (290, -1);
    g_autofree char *sig = bt_sign (SECRET, ts, body, strlen (body));

    bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
    g_assert_cmpuint (f->r.status, ==, 200);
  }
}

static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  const char *body = "{\"id\": 1}";
  g_autofree char *ts = bt_now_timestamp (0, 123456);
  g_autofree char *sig = bt_sign (SECRET, ts, body, strlen (body));
  g_autofree char *ts2 = bt_now_timestamp (0, 123457);
  g_autofree char *sig2 = bt_sign (SECRET, ts2, body, strlen (body));

  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
  assert_401 (&f->r, "signature-replayed");
  /* on another connection too */
  {
    BtClient *other = bt_client_new (f->bt);

    bt_request_signed_as (other, "POST", "/v1/events/threadDelete", body, ts, sig, &f->r);
    assert_401 (&f->r, "signature-replayed");
    bt_client_free (other);
  }
  /* the same body a microsecond later is a new request */
  bt_request_signed_as (f->client, "POST", "/v1/events/threadDelete", body, ts2, sig2, &f->r);
  g_assert_cmpuint (f->r.status, ==, 200);
  /* GETs too */
  {
    g_autofree char *gts = bt_now_timestamp (0, 99);
    g_autofree char *gsig = bt_sign (SECRET, gts, "", 0);

    bt_request_signed_as (f->client, "GET", "/v1/health", NULL, gts, gsig, &f->r);
    g_assert_cmpuint (f->r.status, ==, 200);
    bt_request_signed_as (f->client, "GET", "/v1/health", NULL, gts, gsig, &f->r);
    assert_401 (&f->r, "signature-replayed");
  }
}

/* ---- secret files ---- */

static char *
write_secret (const char *dir,
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
test_secret_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mibew-bridge-secret-XXXXXX", NULL);
  g_autofree char *good = write_secret (dir, "good", SECRET "\n", 0600);
  g_autofree char *readable = write_secret (dir, "readable", SECRET, 0640);
  g_autofree char *world = write_secret (dir, "world", SECRET, 0604);
  g_autofree char *empty = write_secret (dir, "empty", " \n", 0600);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(MibewBridgeServer) server = mibew_bridge_server_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mibew_bridge_server_load_secret_file (server, readable, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE);
  g_assert_nonnull (strstr (error->message, readable));
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_load_secret_file (server, world, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_load_secret_file (server, empty, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_load_secret_file (server, missing, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_load_secret_file (server, dir, &error));
  g_assert_error (error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INVALID_SECRET);
  g_clear_error (&error);
  g_assert_false (mibew_bridge_server_get_has_secret (server));

  /* read at start, when the server listens */
  {
    BtServer *bt = bt_server_new (NULL);
    BtClient *client;
    BtResponse r = { 0 };

    g_object_set (bt->server, "secret-file", readable, NULL);
    {
      g_autoptr(GError) listen_error = NULL;

      /* the server lives in its own thread, but nothing runs there yet */
      g_assert_false (mibew_bridge_server_listen (bt->server, "127.0.0.1", 0, &listen_error));
      g_assert_error (listen_error, MIBEW_BRIDGE_ERROR, MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE);
    }
    g_object_set (bt->server, "secret-file", good, NULL);
    bt_server_listen_tcp (bt);
    g_assert_true (mibew_bridge_server_get_has_secret (bt->server));

    client = bt_client_new (bt);
    /* the line break is not part of the secret */
    client->secret = g_strdup (SECRET);
    bt_post (client, "threadDelete", "{\"id\": 1}", &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_free (client->secret);
    client->secret = g_strdup (SECRET "\n");
    bt_post (client, "threadDelete", "{\"id\": 1}", &r);
    g_assert_cmpuint (r.status, ==, 401);
    bt_response_clear (&r);
    bt_client_free (client);
    bt_server_free (bt);
  }

  for (const char * const *p = (const char * const[]) { good, readable, world, empty, NULL }; *p; p++)
    g_unlink (*p);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bridge/auth/constant-time-equal", test_constant_time_equal);
  g_test_add_func ("/bridge/auth/parse", test_parse);
  g_test_add_func ("/bridge/auth/replay-cache", test_replay_cache);
#define ADD(name, func) g_test_add ("/bridge/auth/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("unsigned", test_unsigned);
  ADD ("signed", test_signed);
  ADD ("wrong-signature", test_wrong_signature);
  ADD ("stale", test_stale);
  ADD ("replay", test_replay);
#undef ADD
  g_test_add_func ("/bridge/auth/secret-file", test_secret_file);

  return g_test_run ();
}
