/* test-dispatcher.c: attaching, detaching, priorities and errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>

#include <mibew-events/mibew-events.h>

static GArray *order;   /* tags of the listeners, in the order they ran */

static void
record (int tag)
{
  g_array_append_val (order, tag);
}

static void
assert_order (const int *expected,
              guint      n)
{
  g_assert_cmpmem (order->data, order->len * sizeof (int), expected, n * sizeof (int));
  g_array_set_size (order, 0);
}

static char *
tagged_listener (MibewThreadEvents    *events,
                 MibewPostMessageArgs *args,
                 gpointer              data)
{
  g_assert_true (MIBEW_IS_THREAD_EVENTS (events));
  g_assert_true (MIBEW_IS_POST_MESSAGE_ARGS (args));
  record (GPOINTER_TO_INT (data));
  return NULL;
}

static guint
attach (MibewEventDispatcher *d,
        int                   priority,
        int                   tag)
{
  g_autoptr(GError) error = NULL;
  guint id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage", priority,
                                                     G_CALLBACK (tagged_listener),
                                                     GINT_TO_POINTER (tag), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (id, !=, 0);
  return id;
}

static void
emit (MibewEventDispatcher *d)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER,
                                                                      "hello", NULL);

  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (d), args);
}

static void
test_priority_mixed (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const int expected[] = { 1, 2, 3, 4, 5, 6, 7 };

  /* attach out of order; equal priorities must keep attach order */
  attach (d, 10, 6);
  attach (d, 0, 3);
  attach (d, -5, 1);
  attach (d, 0, 4);
  attach (d, 10, 7);
  attach (d, 5, 5);
  attach (d, -5, 2);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));
}

static void
test_priority_negative (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  /* numeric order: -10 before -5 before -1 (PHP's strnatcmp would put -5 first) */
  const int expected[] = { -10, -5, -1, 0 };

  attach (d, -5, -5);
  attach (d, 0, 0);
  attach (d, -1, -1);
  attach (d, -10, -10);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));
}

static void
test_priority_extremes (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const int expected[] = { 1, 2, 3 };

  attach (d, G_MAXINT, 3);
  attach (d, G_MININT, 1);
  attach (d, 0, 2);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));
}

static char *
signal_handler (MibewThreadEvents    *events,
                MibewPostMessageArgs *args,
                gpointer              data)
{
  record (GPOINTER_TO_INT (data));
  return NULL;
}

static void
test_priority_gsignal (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  MibewThreadEvents *thread = mibew_event_dispatcher_get_thread (d);
  /* dispatcher <= 0, then g_signal_connect, then dispatcher > 0, then
   * g_signal_connect_after */
  const int expected[] = { 1, 2, 3, 100, 101, 4, 5, 200 };

  g_signal_connect_after (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (200));
  g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (100));
  attach (d, 7, 5);
  attach (d, 0, 3);
  attach (d, -3, 1);
  g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (101));
  attach (d, 1, 4);
  attach (d, 0 - 1, 2);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));

  /* the same order through the name-based trigger */
  {
    g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, 1, "x", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (mibew_event_dispatcher_trigger (d, "threadPostMessage", MIBEW_EVENT_ARGS (args), &error));
    g_assert_no_error (error);
    assert_order (expected, G_N_ELEMENTS (expected));
  }

  /* and through a plain g_signal_emit_by_name */
  {
    g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, 1, "x", NULL);
    char *ret = NULL;

    g_signal_emit_by_name (thread, "post-message", args, &ret);
    g_assert_null (ret);
    assert_order (expected, G_N_ELEMENTS (expected));
  }
}

static void
other_handler (void)
{
}

/* The emitter remembers the handler it found (see has_handler() in
 * mibew-event-emitter.c): whatever happens to that one, the next emission
 * must see the handlers there are then. */
static void
test_gsignal_handlers_replaced (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  MibewThreadEvents *thread = mibew_event_dispatcher_get_thread (d);
  const int with_a[] = { 1, 2, 3 };
  const int with_b[] = { 1, 4, 3 };
  const int with_a_b[] = { 1, 2, 4, 3 };
  const int listeners_only[] = { 1, 3 };
  gulong a, b;

  attach (d, 0, 1);
  attach (d, 5, 3);
  a = g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (2));
  emit (d);
  assert_order (with_a, G_N_ELEMENTS (with_a));

  /* the one found first goes, another stays */
  b = g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (4));
  emit (d);
  assert_order (with_a_b, G_N_ELEMENTS (with_a_b));
  g_signal_handler_disconnect (thread, a);
  emit (d);
  assert_order (with_b, G_N_ELEMENTS (with_b));

  /* blocked: still connected, and GLib skips it */
  g_signal_handler_block (thread, b);
  emit (d);
  assert_order (listeners_only, G_N_ELEMENTS (listeners_only));
  g_signal_handler_unblock (thread, b);
  emit (d);
  assert_order (with_b, G_N_ELEMENTS (with_b));

  /* gone, then a new one: from the next emission on */
  g_signal_handler_disconnect (thread, b);
  emit (d);
  assert_order (listeners_only, G_N_ELEMENTS (listeners_only));
  a = g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (2));
  emit (d);
  assert_order (with_a, G_N_ELEMENTS (with_a));
  g_signal_handler_disconnect (thread, a);
}

/* Connects the g_signal_connect() handler 2 from inside a listener. */
static char *
connecting_listener (MibewThreadEvents    *events,
                     MibewPostMessageArgs *args,
                     gpointer              data)
{
  gulong *handler = data;

  record (1);
  if (*handler == 0)
    *handler = g_signal_connect (events, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (2));
  return NULL;
}

/* An emitter that never had a handler skips asking GSignal (see
 * mibew_object_may_have_handlers()): a handler connected later, from
 * anywhere, must still run from the next emission on, in its place. */
static void
test_gsignal_connected_late (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewEventDispatcher) d2 = mibew_event_dispatcher_new ();
  MibewThreadEvents *thread = mibew_event_dispatcher_get_thread (d);
  const int listeners_only[] = { 1, 3 };
  const int with_handler[] = { 1, 2, 3 };
  gulong handler = 0;
  guint id;

  attach (d, 0, 1);
  attach (d, 5, 3);
  for (int i = 0; i < 3; i++)
    {
      emit (d);
      assert_order (listeners_only, G_N_ELEMENTS (listeners_only));
    }

  handler = g_signal_connect (thread, "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (2));
  emit (d);
  assert_order (with_handler, G_N_ELEMENTS (with_handler));

  /* gone again: the dispatcher's listeners alone, through either path */
  g_signal_handler_disconnect (thread, handler);
  emit (d);
  assert_order (listeners_only, G_N_ELEMENTS (listeners_only));

  /* a handler of another signal, or of notify, adds nobody to this one */
  g_signal_connect (mibew_event_dispatcher_get_thread (d2), "notify", G_CALLBACK (other_handler), NULL);
  g_signal_connect (mibew_event_dispatcher_get_thread (d2), "close", G_CALLBACK (other_handler), NULL);
  attach (d2, 0, 1);
  attach (d2, 5, 3);
  emit (d2);
  assert_order (listeners_only, G_N_ELEMENTS (listeners_only));

  /* connected by a listener of a fresh emitter during an emission: from
   * the next emission on */
  g_clear_object (&d);
  d = mibew_event_dispatcher_new ();
  handler = 0;
  id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (connecting_listener),
                                               &handler, NULL, NULL);
  g_assert_cmpuint (id, !=, 0);
  attach (d, 5, 3);
  emit (d);
  assert_order (listeners_only, G_N_ELEMENTS (listeners_only));
  g_assert_cmpuint (handler, !=, 0);
  emit (d);
  assert_order (with_handler, G_N_ELEMENTS (with_handler));
}

static void
test_same_listener_twice (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const int expected[] = { 9, 9 };
  guint a = attach (d, 0, 9);
  guint b = attach (d, 0, 9);

  g_assert_cmpuint (a, !=, b);
  emit (d);
  assert_order (expected, 2);

  /* detaching removes exactly one */
  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", a, NULL));
  emit (d);
  assert_order (expected, 1);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==, 1);
}

static void
test_errors (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewIdArgs) id_args = mibew_id_args_new (3);
  guint id;

  id = mibew_event_dispatcher_attach_callback (d, "threadPostMesage", 0, G_CALLBACK (tagged_listener),
                                               NULL, NULL, &error);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_assert_nonnull (strstr (error->message, "threadPostMesage"));
  g_assert_cmpuint (id, ==, 0);
  g_clear_error (&error);

  /* a detail only fits function-call events */
  id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage::x", 0, G_CALLBACK (tagged_listener),
                                               NULL, NULL, &error);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_assert_cmpuint (id, ==, 0);
  g_clear_error (&error);

  id = mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0, NULL, &error);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_LISTENER);
  g_clear_error (&error);

  g_assert_false (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", 12345, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER);
  g_assert_nonnull (strstr (error->message, "12345"));
  g_clear_error (&error);

  g_assert_false (mibew_event_dispatcher_detach_listener (d, "noSuchEvent", 1, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_clear_error (&error);

  /* an id belongs to its event */
  id = attach (d, 0, 1);
  g_assert_false (mibew_event_dispatcher_detach_listener (d, "threadCreate", id, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER);
  g_clear_error (&error);
  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", id, &error));
  g_assert_no_error (error);
  /* twice is an error */
  g_assert_false (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", id, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER);
  g_clear_error (&error);

  /* trigger: unknown name, wrong arguments: nothing runs */
  attach (d, 0, 77);
  g_assert_false (mibew_event_dispatcher_trigger (d, "nope", MIBEW_EVENT_ARGS (id_args), &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_clear_error (&error);
  g_assert_false (mibew_event_dispatcher_trigger (d, "threadPostMessage", MIBEW_EVENT_ARGS (id_args), &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_assert_nonnull (strstr (error->message, "MibewPostMessageArgs"));
  g_assert_nonnull (strstr (error->message, "MibewIdArgs"));
  g_clear_error (&error);
  g_assert_false (mibew_event_dispatcher_trigger (d, "threadPostMessage", NULL, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_clear_error (&error);
  g_assert_cmpuint (order->len, ==, 0);
}

/* ---- re-entrancy ---- */

typedef struct {
  MibewEventDispatcher *d;
  guint victim;
  guint self_id;
  int depth;
} Reentry;

static char *
detach_victim (MibewThreadEvents    *events,
               MibewPostMessageArgs *args,
               gpointer              data)
{
  Reentry *r = data;
  g_autoptr(GError) error = NULL;

  record (1);
  if (r->victim != 0)
    {
      g_assert_true (mibew_event_dispatcher_detach_listener (r->d, "threadPostMessage", r->victim, &error));
      g_assert_no_error (error);
      r->victim = 0;
    }
  return NULL;
}

static void
test_detach_during_emission (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  Reentry r = { d, 0, 0, 0 };
  const int first[] = { 1, 3 };
  const int second[] = { 1, 3 };

  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (detach_victim), &r, NULL, NULL);
  r.victim = attach (d, 1, 2);
  attach (d, 2, 3);
  emit (d);
  /* the victim was detached before its turn: it does not run */
  assert_order (first, G_N_ELEMENTS (first));
  emit (d);
  assert_order (second, G_N_ELEMENTS (second));

  /* the same with a GSignal handler connected (the other path): the
   * victim sits in the second stage and is detached in the first */
  {
    gulong h = g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message",
                                 G_CALLBACK (signal_handler), GINT_TO_POINTER (50));
    const int third[] = { 1, 50, 3 };

    r.victim = attach (d, 1, 2);
    emit (d);
    assert_order (third, G_N_ELEMENTS (third));
    g_signal_handler_disconnect (mibew_event_dispatcher_get_thread (d), h);
  }
}

static char *
detach_self (MibewThreadEvents    *events,
             MibewPostMessageArgs *args,
             gpointer              data)
{
  Reentry *r = data;

  record (10);
  g_assert_true (mibew_event_dispatcher_detach_listener (r->d, "threadPostMessage", r->self_id, NULL));
  return NULL;
}

static void
test_detach_self (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  Reentry r = { d, 0, 0, 0 };
  const int first[] = { 10, 20 };
  const int second[] = { 20 };

  r.self_id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (detach_self),
                                                      &r, NULL, NULL);
  attach (d, 0, 20);
  emit (d);
  assert_order (first, G_N_ELEMENTS (first));
  emit (d);
  assert_order (second, G_N_ELEMENTS (second));
}

static char *
attach_more (MibewThreadEvents    *events,
             MibewPostMessageArgs *args,
             gpointer              data)
{
  Reentry *r = data;

  record (1);
  if (r->depth++ == 0)
    {
      /* before and after the running listener: neither runs now */
      attach (r->d, -100, 0);
      attach (r->d, 100, 99);
    }
  return NULL;
}

static void
test_attach_during_emission (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  Reentry r = { d, 0, 0, 0 };
  const int first[] = { 1, 2 };
  const int second[] = { 0, 1, 2, 99 };

  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (attach_more), &r, NULL, NULL);
  attach (d, 1, 2);
  emit (d);
  assert_order (first, G_N_ELEMENTS (first));
  emit (d);
  assert_order (second, G_N_ELEMENTS (second));
}

static void
on_thread_close (MibewThreadEvents *events,
                 MibewThreadArgs   *args,
                 gpointer           data)
{
  record (GPOINTER_TO_INT (data));
}

static char *
trigger_nested (MibewThreadEvents    *events,
                MibewPostMessageArgs *args,
                gpointer              data)
{
  Reentry *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewThreadArgs) close_args = mibew_thread_args_new (mibew_post_message_args_get_thread (args), NULL);

  record (1);
  /* another event, then the same event again, from inside a listener */
  g_assert_true (mibew_event_dispatcher_trigger (r->d, "threadClose", MIBEW_EVENT_ARGS (close_args), &error));
  g_assert_no_error (error);
  if (r->depth++ == 0)
    emit (r->d);
  return NULL;
}

static void
test_trigger_during_emission (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  Reentry r = { d, 0, 0, 0 };
  /* outer: 1, close(5), [inner: 1, close(5), 2], 2 */
  const int expected[] = { 1, 5, 1, 5, 2, 2 };

  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (trigger_nested), &r, NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "threadClose", 0, G_CALLBACK (on_thread_close),
                                          GINT_TO_POINTER (5), NULL, NULL);
  attach (d, 1, 2);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));

  /* and with GSignal handlers on both events, through the other path */
  r.depth = 0;
  g_signal_connect (mibew_event_dispatcher_get_thread (d), "close", G_CALLBACK (on_thread_close), GINT_TO_POINTER (6));
  g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message", G_CALLBACK (signal_handler), GINT_TO_POINTER (7));
  {
    const int expected2[] = { 1, 5, 6, 1, 5, 6, 7, 2, 7, 2 };
    emit (d);
    assert_order (expected2, G_N_ELEMENTS (expected2));
  }
}

static int destroyed;

static void
count_destroy (gpointer data)
{
  destroyed += GPOINTER_TO_INT (data);
}

static void
test_destroy_notify (void)
{
  MibewEventDispatcher *d = mibew_event_dispatcher_new ();
  guint id;

  destroyed = 0;
  id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (tagged_listener),
                                               GINT_TO_POINTER (1), count_destroy, NULL);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (tagged_listener),
                                          GINT_TO_POINTER (10), count_destroy, NULL);
  g_assert_cmpint (destroyed, ==, 0);
  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", id, NULL));
  g_assert_cmpint (destroyed, ==, 1);
  emit (d);
  g_array_set_size (order, 0);
  /* the rest are released with the dispatcher */
  g_object_unref (d);
  g_assert_cmpint (destroyed, ==, 11);

  /* a listener that could not be attached releases its data at once */
  {
    g_autoptr(MibewEventDispatcher) other = mibew_event_dispatcher_new ();
    g_autoptr(GError) error = NULL;

    destroyed = 0;
    g_assert_cmpuint (mibew_event_dispatcher_attach_callback (other, "noSuchEvent", 0, G_CALLBACK (tagged_listener),
                                                              GINT_TO_POINTER (5), count_destroy, &error), ==, 0);
    g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
    g_assert_cmpint (destroyed, ==, 5);
  }
}

/* a closure that has a marshaller goes through GClosure, like the
 * bindings' closures do */
static void
test_marshalled_closure (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  GClosure *closure = g_cclosure_new (G_CALLBACK (tagged_listener), GINT_TO_POINTER (42), NULL);
  const int expected[] = { 1, 42, 2 };
  g_autoptr(GError) error = NULL;

  g_closure_set_marshal (closure, g_cclosure_marshal_generic);
  attach (d, -1, 1);
  g_assert_cmpuint (mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0, closure, &error), !=, 0);
  g_assert_no_error (error);
  attach (d, 1, 2);
  emit (d);
  assert_order (expected, G_N_ELEMENTS (expected));
}

static char *
swapped_listener (gpointer              data,
                  MibewPostMessageArgs *args,
                  MibewThreadEvents    *events)
{
  g_assert_true (MIBEW_IS_THREAD_EVENTS (events));
  g_assert_true (MIBEW_IS_POST_MESSAGE_ARGS (args));
  record (GPOINTER_TO_INT (data));
  return NULL;
}

static void
test_swapped_closure (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const int expected[] = { 8 };

  mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0,
                                          g_cclosure_new_swap (G_CALLBACK (swapped_listener),
                                                               GINT_TO_POINTER (8), NULL),
                                          NULL);
  emit (d);
  assert_order (expected, 1);
}

static void
test_default_and_properties (void)
{
  MibewEventDispatcher *d = mibew_event_dispatcher_get_default ();
  const char *names[] = { "ban", "button", "cron", "group", "invitation", "operator", "page",
                          "resource", "routing", "thread", "users", "visitor", "widget" };

  g_assert_true (d == mibew_event_dispatcher_get_default ());
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (d), names[i]);
      g_autoptr(MibewEventEmitter) emitter = NULL;

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
      g_object_get (d, names[i], &emitter, NULL);
      g_assert_true (MIBEW_IS_EVENT_EMITTER (emitter));
      g_assert_cmpint (mibew_event_emitter_get_category (emitter), ==, i);
      g_assert_true (emitter == mibew_event_dispatcher_get_emitter (d, i));
    }
  g_assert_true ((gpointer) mibew_event_dispatcher_get_thread (d) ==
                 (gpointer) mibew_event_dispatcher_get_emitter (d, MIBEW_EVENT_CATEGORY_THREAD));
  g_assert_true ((gpointer) mibew_event_dispatcher_get_widget (d) ==
                 (gpointer) mibew_event_dispatcher_get_emitter (d, MIBEW_EVENT_CATEGORY_WIDGET));
}

static void
test_table (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      MibewEventCategory category;
      const char *signal_name;
      MibewEventKind kind;
      GType args_type;
      GSignalQuery query;
      MibewEventEmitter *emitter;

      g_assert_true (g_hash_table_add (seen, (gpointer) names[n]));
      g_assert_true (mibew_event_dispatcher_describe_event (names[n], &category, &signal_name, &kind, &args_type));
      emitter = mibew_event_dispatcher_get_emitter (d, category);
      g_signal_query (g_signal_lookup (signal_name, G_OBJECT_TYPE (emitter)), &query);
      g_assert_cmpuint (query.signal_id, !=, 0);
      g_assert_cmpuint (query.n_params, ==, 1);
      g_assert_true (query.param_types[0] == args_type);
      g_assert_true (g_type_is_a (args_type, MIBEW_TYPE_EVENT_ARGS));
      g_assert_cmpint (!!(query.signal_flags & G_SIGNAL_DETAILED), ==, kind == MIBEW_EVENT_KIND_CALL);
      g_assert_cmpint (query.return_type == G_TYPE_NONE, ==, kind == MIBEW_EVENT_KIND_NOTIFY);
      g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, names[n]), ==, 0);
    }
  g_assert_cmpuint (n, ==, 41);
  g_assert_false (mibew_event_dispatcher_describe_event ("ThreadPostMessage", NULL, NULL, NULL, NULL));
}

static void
test_listener_count (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  gulong h;

  attach (d, 0, 1);
  attach (d, 3, 1);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==, 2);
  h = g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message", G_CALLBACK (signal_handler), NULL);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==, 3);
  g_signal_handler_disconnect (mibew_event_dispatcher_get_thread (d), h);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadCreate"), ==, 0);
  /* a handler for one function only counts too */
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadFunctionCall"), ==, 0);
  h = g_signal_connect (mibew_event_dispatcher_get_thread (d), "function-call::microtime",
                        G_CALLBACK (signal_handler), NULL);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadFunctionCall"), ==, 1);
  g_signal_handler_disconnect (mibew_event_dispatcher_get_thread (d), h);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "bogus"), ==, 0);
}

static void
on_failed (MibewEventDispatcher *d,
           const char           *event_name,
           const char           *message,
           gpointer              data)
{
  g_ptr_array_add (data, g_strdup_printf ("%s: %s", event_name, message));
}

static char *
failing_listener (MibewThreadEvents    *events,
                  MibewPostMessageArgs *args,
                  gpointer              data)
{
  MibewEventDispatcher *d = mibew_event_emitter_get_dispatcher (MIBEW_EVENT_EMITTER (events));

  record (1);
  mibew_event_dispatcher_report_failure (d, mibew_event_emitter_get_event_name (MIBEW_EVENT_EMITTER (events),
                                                                                "post-message"),
                                         "database is gone");
  return NULL;
}

static void
test_failure_reporting (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  const int expected[] = { 1, 2 };
  guint count;

  g_assert_true (mibew_event_emitter_get_dispatcher (MIBEW_EVENT_EMITTER (mibew_event_dispatcher_get_thread (d))) == d);
  g_assert_cmpstr (mibew_event_emitter_get_event_name (MIBEW_EVENT_EMITTER (mibew_event_dispatcher_get_thread (d)),
                                                       "function-call::microtime"), ==, "threadFunctionCall");
  g_assert_cmpstr (mibew_event_emitter_get_event_name (MIBEW_EVENT_EMITTER (mibew_event_dispatcher_get_thread (d)),
                                                       "get_messages_alter"), ==, "threadGetMessagesAlter");
  g_assert_null (mibew_event_emitter_get_event_name (MIBEW_EVENT_EMITTER (mibew_event_dispatcher_get_thread (d)),
                                                     "routes-alter"));

  g_signal_connect (d, "listener-failed", G_CALLBACK (on_failed), failures);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0, G_CALLBACK (failing_listener), NULL, NULL, NULL);
  attach (d, 1, 2);
  emit (d);
  /* the other listener still ran */
  assert_order (expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (failures, 0), ==, "threadPostMessage: database is gone");
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (d), ==, 1);
  g_object_get (d, "failure-count", &count, NULL);
  g_assert_cmpuint (count, ==, 1);
}

/* A plugin engine's view: listeners attached while an owner is pushed
 * belong to it, take its weight as their default priority, and go away
 * together. */
static void
test_owners (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewEventDispatcher) other = mibew_event_dispatcher_new ();
  const int before[] = { 1, 2, 3, 4 };
  const int after[] = { 3 };

  g_assert_null (mibew_event_dispatcher_get_current_owner (d));
  attach (d, MIBEW_PRIORITY_DEFAULT, 3);     /* no owner: priority 0 */

  mibew_event_dispatcher_push_owner (d, "Acme:Filter", 5);
  g_assert_cmpstr (mibew_event_dispatcher_get_current_owner (d), ==, "Acme:Filter");
  /* another dispatcher on this thread has no owner */
  g_assert_null (mibew_event_dispatcher_get_current_owner (other));
  attach (d, MIBEW_PRIORITY_DEFAULT, 4);     /* the weight: after tag 3 */
  attach (d, -10, 1);                         /* explicit priorities stay */
  mibew_event_dispatcher_push_owner (d, "Acme:Inner", -1);
  attach (d, MIBEW_PRIORITY_DEFAULT, 2);
  mibew_event_dispatcher_pop_owner (d);
  g_assert_cmpstr (mibew_event_dispatcher_get_current_owner (d), ==, "Acme:Filter");
  mibew_event_dispatcher_pop_owner (d);
  g_assert_null (mibew_event_dispatcher_get_current_owner (d));

  emit (d);
  assert_order (before, G_N_ELEMENTS (before));
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==, 4);

  g_assert_cmpuint (mibew_event_dispatcher_detach_owner (d, "Acme:Filter"), ==, 2);
  g_assert_cmpuint (mibew_event_dispatcher_detach_owner (d, "Acme:Filter"), ==, 0);
  g_assert_cmpuint (mibew_event_dispatcher_detach_owner (d, "Acme:Inner"), ==, 1);
  g_assert_cmpuint (mibew_event_dispatcher_detach_owner (d, "Nobody:Here"), ==, 0);
  emit (d);
  assert_order (after, G_N_ELEMENTS (after));

  /* failures counted per owner, named in the message */
  mibew_event_dispatcher_report_owner_failure (d, "threadPostMessage", "Acme:Filter", "boom");
  mibew_event_dispatcher_report_owner_failure (d, "threadPostMessage", NULL, "anonymous");
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (d, "Acme:Filter"), ==, 1);
  g_assert_cmpuint (mibew_event_dispatcher_get_owner_failure_count (d, "Acme:Inner"), ==, 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_failure_count (d), ==, 2);
}

/* The running listener's owner, as a watchdog on another thread sees it
 * (mibew_event_args_get_running_owner()): each listener's own while it
 * runs, none without an owner, none after the emission. */
static char *
owner_listener (MibewThreadEvents    *events,
                MibewPostMessageArgs *args,
                gpointer              data)
{
  GPtrArray *seen = data;
  const char *here = mibew_event_args_get_running_owner (MIBEW_EVENT_ARGS (args));
  /* read from another thread, as the bridge's deadline does */
  GThread *watchdog = g_thread_new ("watchdog", (GThreadFunc) (void (*) (void)) mibew_event_args_get_running_owner,
                                    args);
  const char *there = g_thread_join (watchdog);

  g_assert_cmpstr (here, ==, there);
  g_ptr_array_add (seen, (gpointer) (here != NULL ? here : "(none)"));
  return NULL;
}

static void
test_running_owner (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER,
                                                                      "hello", NULL);

  mibew_event_dispatcher_push_owner (d, "Acme:First", -1);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 1, G_CALLBACK (owner_listener), seen, NULL, NULL);
  mibew_event_dispatcher_pop_owner (d);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 2, G_CALLBACK (owner_listener), seen, NULL, NULL);
  mibew_event_dispatcher_push_owner (d, "Acme:Last", -1);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 3, G_CALLBACK (owner_listener), seen, NULL, NULL);
  mibew_event_dispatcher_pop_owner (d);

  g_assert_null (mibew_event_args_get_running_owner (MIBEW_EVENT_ARGS (args)));
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (d), args);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Acme:First");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "(none)");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "Acme:Last");
  g_assert_null (mibew_event_args_get_running_owner (MIBEW_EVENT_ARGS (args)));
}

/* After g_object_run_dispose() calls are refused with a critical, never
 * a crash (they dereferenced NULL). Each call in a subprocess: criticals
 * are fatal in tests, and g_test_expect_message() does not see structured
 * logging. */
static void
call_after_dispose (int call)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "x", NULL);

  g_object_run_dispose (G_OBJECT (d));
  g_log_set_always_fatal (G_LOG_FATAL_MASK);   /* report, then go on */
  g_log_set_fatal_mask ("MibewEvents", G_LOG_FATAL_MASK);
  switch (call)
    {
    case 0:
      g_assert_false (mibew_event_dispatcher_trigger (d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
      break;
    case 1:
      g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0,
                                                                G_CALLBACK (tagged_listener), NULL, NULL,
                                                                NULL), ==, 0);
      break;
    case 2:
      g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==, 0);
      break;
    case 3:
      g_assert_false (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", 1, NULL));
      break;
    default:
      /* a NULL name is refused before a closure exists (it leaked) */
      g_assert_cmpuint (mibew_event_dispatcher_attach_callback (mibew_event_dispatcher_get_default (), NULL, 0,
                                                                G_CALLBACK (tagged_listener), NULL, NULL,
                                                                NULL), ==, 0);
    }
  g_print ("survived\n");
}

static void
test_disposed (void)
{
  for (int call = 0; call <= 4; call++)
    {
      if (g_test_subprocess ())
        {
          call_after_dispose (atoi (g_getenv ("MIBEW_TEST_CALL")));
          return;
        }
      {
        g_autofree char *value = g_strdup_printf ("%d", call);

        g_setenv ("MIBEW_TEST_CALL", value, TRUE);
        g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed ();
        g_test_trap_assert_stdout ("*survived*");
        g_test_trap_assert_stderr (call < 4 ? "*has been disposed*" : "*event_name != NULL*");
      }
    }
}

static GHashTable *
answer_microtime (MibewThreadEvents     *events,
                  MibewFunctionCallArgs *args,
                  gpointer               data)
{
  (*(guint *) data)++;
  return NULL;
}

static void
test_bad_names (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewFunctionCallArgs) call = mibew_function_call_args_new (NULL, "microtime", NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint ran = 0;

  /* trigger takes the detailed names attach takes */
  g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, "threadFunctionCall::microtime", 0,
                                                            G_CALLBACK (answer_microtime), &ran, NULL,
                                                            &error), !=, 0);
  g_assert_no_error (error);
  g_assert_true (mibew_event_dispatcher_trigger (d, "threadFunctionCall::microtime",
                                                 MIBEW_EVENT_ARGS (call), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, 1);

  /* a detail is text: invalid UTF-8 is an unknown event, and the message
   * does not echo the bytes */
  g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, "threadFunctionCall::micro\xff" "time", 0,
                                                            G_CALLBACK (answer_microtime), &ran, NULL,
                                                            &error), ==, 0);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  g_assert_false (mibew_event_dispatcher_trigger (d, "thread\xc3" "Create", MIBEW_EVENT_ARGS (call), &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  order = g_array_new (FALSE, FALSE, sizeof (int));

  g_test_add_func ("/dispatcher/priority/mixed", test_priority_mixed);
  g_test_add_func ("/dispatcher/priority/negative", test_priority_negative);
  g_test_add_func ("/dispatcher/priority/extremes", test_priority_extremes);
  g_test_add_func ("/dispatcher/priority/gsignal", test_priority_gsignal);
  g_test_add_func ("/dispatcher/priority/gsignal-connected-late", test_gsignal_connected_late);
  g_test_add_func ("/dispatcher/priority/gsignal-handlers-replaced", test_gsignal_handlers_replaced);
  g_test_add_func ("/dispatcher/attach/twice", test_same_listener_twice);
  g_test_add_func ("/dispatcher/errors", test_errors);
  g_test_add_func ("/dispatcher/reentrant/detach", test_detach_during_emission);
  g_test_add_func ("/dispatcher/reentrant/detach-self", test_detach_self);
  g_test_add_func ("/dispatcher/reentrant/attach", test_attach_during_emission);
  g_test_add_func ("/dispatcher/reentrant/trigger", test_trigger_during_emission);
  g_test_add_func ("/dispatcher/destroy-notify", test_destroy_notify);
  g_test_add_func ("/dispatcher/closure/marshalled", test_marshalled_closure);
  g_test_add_func ("/dispatcher/closure/swapped", test_swapped_closure);
  g_test_add_func ("/dispatcher/default-and-properties", test_default_and_properties);
  g_test_add_func ("/dispatcher/table", test_table);
  g_test_add_func ("/dispatcher/listener-count", test_listener_count);
  g_test_add_func ("/dispatcher/failure-reporting", test_failure_reporting);
  g_test_add_func ("/dispatcher/owners", test_owners);
  g_test_add_func ("/dispatcher/running-owner", test_running_owner);
  g_test_add_func ("/dispatcher/disposed", test_disposed);
  g_test_add_func ("/dispatcher/bad-names", test_bad_names);

  ret = g_test_run ();
  g_array_unref (order);
  return ret;
}
