/* bridge-test-util.h: a bridge server on a thread of its own, and HTTP
 * clients to talk to it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <mibew-bridge/mibew-bridge.h>

G_BEGIN_DECLS

/* A MibewBridgeServer that lives in a GMainContext of its own, run by a
 * thread of its own, so that a test can make blocking requests. Whatever
 * touches the server runs there, through bt_server_call(). */
typedef struct {
  MibewEventDispatcher *dispatcher;
  MibewBridgeServer *server;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  guint port;
  char *tmpdir;
  char *socket_path;   /* set by bt_server_listen_unix() */
} BtServer;

typedef void (*BtServerFunc) (BtServer *bt, gpointer data);

BtServer   *bt_server_new            (MibewEventDispatcher *dispatcher);
void        bt_server_call           (BtServer *bt, BtServerFunc func, gpointer data);
void        bt_server_listen_tcp     (BtServer *bt);
void        bt_server_listen_unix    (BtServer *bt, guint mode);
void        bt_server_free           (BtServer *bt);
void        bt_server_set_secret     (BtServer *bt, const char *secret);

typedef struct {
  guint status;
  char *body;
  gsize length;
  SoupMessageHeaders *headers;
  JsonNode *json;      /* the body, parsed, when it is JSON */
} BtResponse;

void        bt_response_clear        (BtResponse *r);
const char *bt_response_error_code   (BtResponse *r);

/* A client with one SoupSession: keep-alive, used from one thread. */
typedef struct {
  SoupSession *session;
  char *base;          /* http://127.0.0.1:PORT */
  char *secret;        /* sign requests when set */
  int ts_counter;      /* fractions keep timestamps unique */
} BtClient;

BtClient   *bt_client_new            (BtServer *bt);
BtClient   *bt_client_new_unix       (BtServer *bt);
void        bt_client_free           (BtClient *c);
void        bt_request               (BtClient *c, const char *method, const char *path,
                                      const char *content_type, const char *body, gssize length,
                                      BtResponse *out);
void        bt_request_signed_as     (BtClient *c, const char *method, const char *path,
                                      const char *body, const char *timestamp,
                                      const char *signature, BtResponse *out);
void        bt_post                  (BtClient *c, const char *event, const char *body, BtResponse *out);
char       *bt_sign                  (const char *secret, const char *timestamp, const char *method,
                                      const char *path, const char *body, gsize length);
char       *bt_now_timestamp         (gint64 offset_seconds, int fraction);

/* raw sockets, for what no HTTP client would do */
GSocketConnection *bt_raw_connect    (BtServer *bt);
void        bt_raw_send              (GSocketConnection *c, const char *data);
char       *bt_raw_read_all          (GSocketConnection *c, guint timeout_ms);

char       *bt_data_path             (const char *event);
double      bt_metric                (const char *metrics, const char *name_and_labels);
double      bt_metric_sum            (const char *metrics, const char *name);

G_END_DECLS
