/* test-lifetime.c: listeners that drop or dispose their own dispatcher
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A listener may drop the last reference to the dispatcher, or dispose it,
 * while the dispatcher runs it: the emission in progress keeps what it
 * needs (the category object, its listener snapshot) until its last
 * listener returned, as g_signal_emit() holds its instance. Before, the
 * snapshot was freed under the running emission (a use-after-free that
 * ASan and valgrind report, and that skipped the remaining listeners).
 */

#include <mibew-events/mibew-events.h>

typedef enum
{
  EMIT_TYPED,        /* mibew_thread_events_emit_post_message () */
  EMIT_TRIGGER,      /* mibew_event_dispatcher_trigger () */
  EMIT_NESTED,       /* from a listener of another event of the same object */
} EmitHow;

typedef enum
{
  DROP_UNREF,        /* g_object_unref () of the last reference */
  DROP_DISPOSE,      /* g_object_run_dispose (), then the last unref */
} DropHow;

typedef struct
{
  const char *path;
  EmitHow emit;
  DropHow drop;
  gboolean gsignal;  /* a handler connected to the signal: the GSignal path */
  gboolean marshal;  /* listeners with a marshaller: the closure path */
} Case;

typedef struct
{
  const Case *c;
  MibewEventDispatcher *dispatcher;  /* the only reference, until dropped */
  MibewThreadEvents *emitter;        /* borrowed from the dispatcher */
  gboolean finalized;                /* the emitter's */
  guint before_calls;
  guint after_calls;
  guint signal_calls;
  guint destroyed;                   /* destroy notifies of the listeners */
} State;

/* Not a weak pointer: those are cleared by dispose, which the last unref
 * runs at once, while the emitter lives on until the emission ends. */
static void
emitter_finalized (gpointer data)
{
  State *s = data;

  s->finalized = TRUE;
}

static void
destroyed (gpointer data, GClosure *closure)
{
  State *s = data;

  s->destroyed++;
}

static char *
drop_dispatcher (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  State *s = data;

  s->before_calls++;
  g_assert_nonnull (s->dispatcher);
  if (s->c->drop == DROP_DISPOSE)
    g_object_run_dispose (G_OBJECT (s->dispatcher));
  g_clear_object (&s->dispatcher);
  /* the emission goes on: the category object outlives it */
  g_assert_false (s->finalized);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
  return NULL;
}

static char *
after_drop (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  State *s = data;

  s->after_calls++;
  g_assert_null (s->dispatcher);
  g_assert_false (s->finalized);
  g_assert_true ((gpointer) e == (gpointer) s->emitter);
  /* what the listener before left in the arguments */
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
  return NULL;
}

static char *
signal_handler (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  State *s = data;

  s->signal_calls++;
  g_assert_true ((gpointer) e == (gpointer) s->emitter);
  return NULL;
}

static void
emit_post_message (State *s)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);

  if (s->c->emit == EMIT_TRIGGER)
    /* @dispatcher is borrowed here, and gone when this returns */
    g_assert_true (mibew_event_dispatcher_trigger (s->dispatcher, "threadPostMessage",
                                                   MIBEW_EVENT_ARGS (args), NULL));
  else
    mibew_thread_events_emit_post_message (s->emitter, args);
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
}

/* a listener of threadClose that emits threadPostMessage on its own object */
static void
emit_nested (MibewThreadEvents *e, MibewEventArgs *args, gpointer data)
{
  State *s = data;

  emit_post_message (s);
  /* still inside the outer emission: the object lives */
  g_assert_false (s->finalized);
}

static void
attach (State *s, const char *event, int priority, GCallback callback)
{
  GClosure *closure = g_cclosure_new (callback, s, destroyed);

  /* with a marshaller, the listener takes the closure path */
  if (s->c->marshal)
    g_closure_set_marshal (closure, g_cclosure_marshal_generic);
  g_assert_cmpuint (mibew_event_dispatcher_attach_listener (s->dispatcher, event, priority, closure, NULL),
                    !=, 0);
}

static void
test_drop (gconstpointer data)
{
  const Case *c = data;
  State s = { c, mibew_event_dispatcher_new (), NULL, FALSE, 0, 0, 0, 0 };
  guint n_listeners = 2;

  s.emitter = mibew_event_dispatcher_get_thread (s.dispatcher);
  g_object_set_data_full (G_OBJECT (s.emitter), "test-lifetime", &s, emitter_finalized);

  attach (&s, "threadPostMessage", -1, G_CALLBACK (drop_dispatcher));
  attach (&s, "threadPostMessage", 1, G_CALLBACK (after_drop));
  if (c->gsignal)
    g_signal_connect (s.emitter, "post-message", G_CALLBACK (signal_handler), &s);

  if (c->emit == EMIT_NESTED)
    {
      g_autoptr(MibewEventArgs) args = g_object_new (MIBEW_TYPE_THREAD_ARGS, NULL);

      attach (&s, "threadClose", 0, G_CALLBACK (emit_nested));
      n_listeners++;
      mibew_thread_events_emit_close (s.emitter, MIBEW_THREAD_ARGS (args));
    }
  else
    emit_post_message (&s);

  g_assert_cmpuint (s.before_calls, ==, 1);
  g_assert_cmpuint (s.after_calls, ==, 1);
  g_assert_cmpuint (s.signal_calls, ==, c->gsignal ? 1 : 0);
  /* gone with the emission, and its listeners with it */
  g_assert_true (s.finalized);
  g_assert_null (s.dispatcher);
  g_assert_cmpuint (s.destroyed, ==, n_listeners);
}

static const Case cases[] = {
  { "/lifetime/unref/typed", EMIT_TYPED, DROP_UNREF, FALSE, FALSE },
  { "/lifetime/unref/trigger", EMIT_TRIGGER, DROP_UNREF, FALSE, FALSE },
  { "/lifetime/unref/nested", EMIT_NESTED, DROP_UNREF, FALSE, FALSE },
  { "/lifetime/unref/closure", EMIT_TYPED, DROP_UNREF, FALSE, TRUE },
  { "/lifetime/unref/gsignal", EMIT_TYPED, DROP_UNREF, TRUE, FALSE },
  { "/lifetime/unref/gsignal-nested", EMIT_NESTED, DROP_UNREF, TRUE, TRUE },
  { "/lifetime/dispose/typed", EMIT_TYPED, DROP_DISPOSE, FALSE, FALSE },
  { "/lifetime/dispose/nested", EMIT_NESTED, DROP_DISPOSE, FALSE, FALSE },
  { "/lifetime/dispose/closure", EMIT_TYPED, DROP_DISPOSE, FALSE, TRUE },
  { "/lifetime/dispose/gsignal", EMIT_TYPED, DROP_DISPOSE, TRUE, FALSE },
};

/* A listener that runs after another one disposed the dispatcher gets the
 * usual critical from the dispatcher's calls, never a crash. In a
 * subprocess: criticals are fatal in tests. */
static char *
call_disposed (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  MibewEventDispatcher *d = data;

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_fatal_mask ("MibewEvents", G_LOG_FATAL_MASK);
  g_assert_false (mibew_event_dispatcher_trigger (d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
  g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0,
                                                            G_CALLBACK (call_disposed), d, NULL, NULL),
                    ==, 0);
  g_print ("listener ran after dispose\n");
  return NULL;
}

static char *
dispose_dispatcher (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_object_run_dispose (data);
  return NULL;
}

static void
test_calls_after_dispose (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
      g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "x", NULL);

      mibew_event_dispatcher_attach_callback (d, "threadPostMessage", -1,
                                              G_CALLBACK (dispose_dispatcher), d, NULL, NULL);
      mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 1,
                                              G_CALLBACK (call_disposed), d, NULL, NULL);
      g_assert_true (mibew_event_dispatcher_trigger (d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
      g_print ("survived\n");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*listener ran after dispose*survived*");
  g_test_trap_assert_stderr ("*has been disposed*");
}

/* The destroy notify runs with no lock of the dispatcher held: it may
 * attach and detach (it deadlocked when the detach freed the listener
 * under the writer lock). */
static void
reenter_destroyed (gpointer data, GClosure *closure)
{
  MibewEventDispatcher *d = data;
  guint id = mibew_event_dispatcher_attach_callback (d, "threadClose", 0, G_CALLBACK (dispose_dispatcher),
                                                     NULL, NULL, NULL);

  g_assert_cmpuint (id, !=, 0);
  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadClose", id, NULL));
  g_object_set_data (G_OBJECT (d), "reentered", GINT_TO_POINTER (TRUE));
}

static void
test_destroy_reenters (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  guint id = mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0,
                                                     g_cclosure_new (G_CALLBACK (dispose_dispatcher), d,
                                                                     reenter_destroyed),
                                                     NULL);

  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", id, NULL));
  g_assert_true (g_object_get_data (G_OBJECT (d), "reentered"));
}

/* A closure is invalidated once its last attachment is gone, not before:
 * the same closure attached twice keeps running after one detach. */
static void
count_invalidated (gpointer data, GClosure *closure)
{
  (*(guint *) data)++;
}

static char *
count_call (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  (*(guint *) data)++;
  return NULL;
}

static void
test_invalidate (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "x", NULL);
  guint calls = 0, invalidated = 0, first, second;
  GClosure *closure = g_cclosure_new (G_CALLBACK (count_call), &calls, NULL);

  g_closure_add_invalidate_notifier (closure, &invalidated, count_invalidated);
  g_closure_set_marshal (closure, g_cclosure_marshal_generic);
  g_closure_ref (closure);   /* ours, to look at it after the detaches */
  first = mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0, closure, NULL);
  second = mibew_event_dispatcher_attach_listener (d, "threadClose", 0, closure, NULL);
  g_assert_cmpuint (first, !=, 0);
  g_assert_cmpuint (second, !=, 0);

  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", first, NULL));
  g_assert_cmpuint (invalidated, ==, 0);
  g_assert_false (closure->is_invalid);
  g_assert_true (mibew_event_dispatcher_attach_listener (d, "threadPostMessage", 0, closure, NULL) != 0);
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (d), args);
  g_assert_cmpuint (calls, ==, 1);

  g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadClose", second, NULL));
  g_assert_cmpuint (invalidated, ==, 0);
  g_clear_object (&d);   /* the last attachment goes with the dispatcher */
  g_assert_cmpuint (invalidated, ==, 1);
  g_assert_true (closure->is_invalid);
  g_closure_unref (closure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_drop);
  g_test_add_func ("/lifetime/calls-after-dispose", test_calls_after_dispose);
  g_test_add_func ("/lifetime/destroy-notify-reenters", test_destroy_reenters);
  g_test_add_func ("/lifetime/invalidate", test_invalidate);

  return g_test_run ();
}
