/* test-threads.c: emitting from several threads at once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <mibew-events/mibew-events.h>

#define N_THREADS 4
#define N_EMISSIONS 20000

static gint counter_a;
static gint counter_b;
static gint counter_signal;
static gint churn_calls;
static gint stop_churn;

static char *
count_a (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_atomic_int_inc (&counter_a);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
  return NULL;
}

static char *
count_b (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_atomic_int_inc (&counter_b);
  /* sees what count_a did on this very emission */
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
  return NULL;
}

static char *
count_signal (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_atomic_int_inc (&counter_signal);
  return NULL;
}

static char *
churn_listener (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_atomic_int_inc (&churn_calls);
  return NULL;
}

static gpointer
emitter_thread (gpointer data)
{
  MibewEventDispatcher *d = data;
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);

  for (guint i = 0; i < N_EMISSIONS; i++)
    {
      mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_USER);
      mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (d), args);
      g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
    }
  return NULL;
}

static gpointer
churn_thread (gpointer data)
{
  MibewEventDispatcher *d = data;
  guint rounds = 0;

  /* attach and detach around the counted listeners while they run */
  while (!g_atomic_int_get (&stop_churn) || rounds < 100)
    {
      guint id = mibew_event_dispatcher_attach_callback (d, "threadPostMessage", (int) (rounds % 5) - 2,
                                                         G_CALLBACK (churn_listener), NULL, NULL, NULL);
      g_assert_cmpuint (id, !=, 0);
      g_thread_yield ();
      g_assert_true (mibew_event_dispatcher_detach_listener (d, "threadPostMessage", id, NULL));
      rounds++;
    }
  return NULL;
}

static void
run (gboolean with_signal_handler)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  GThread *threads[N_THREADS];
  GThread *churn;

  counter_a = counter_b = counter_signal = churn_calls = 0;
  stop_churn = 0;
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", -1, G_CALLBACK (count_a), NULL, NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 1, G_CALLBACK (count_b), NULL, NULL, NULL);
  if (with_signal_handler)
    g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message", G_CALLBACK (count_signal), NULL);

  churn = g_thread_new ("churn", churn_thread, d);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("emitter", emitter_thread, d);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
  g_atomic_int_set (&stop_churn, 1);
  g_thread_join (churn);

  g_assert_cmpint (counter_a, ==, N_THREADS * N_EMISSIONS);
  g_assert_cmpint (counter_b, ==, N_THREADS * N_EMISSIONS);
  g_assert_cmpint (counter_signal, ==, with_signal_handler ? N_THREADS * N_EMISSIONS : 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (d, "threadPostMessage"), ==,
                    2 + (with_signal_handler ? 1 : 0));
  g_test_message ("churned listener ran %d times", churn_calls);
}

static void
test_fast_path (void)
{
  run (FALSE);
}

static void
test_signal_path (void)
{
  run (TRUE);
}

/* ---------------------------------------------------------------------- */
/* Detaching while other threads emit.
 *
 * The contract (see MibewEventDispatcher's docs), as GSignal's:
 * - after mibew_event_dispatcher_detach_listener() returns, the detaching
 *   thread starts no call of the listener any more;
 * - an emission of another thread that had already reached the listener
 *   may still be calling it: at most one call per such thread;
 * - the destroy notify runs exactly once, after the last call returned, on
 *   whichever thread drops the listener last (the detaching thread or an
 *   emitting one). */

#define N_DETACH_EMITTERS 7
#define N_DETACH_ROUNDS 200

typedef struct
{
  GThread *detacher;
  gint detach_returned;
  gint calls;
  gint in_call;
  gint late;             /* calls started after detach returned */
  gint late_here;        /* ... on the detaching thread */
  gint after_destroy;    /* calls started after the destroy notify */
  gint destroyed;
  gint busy_at_destroy;  /* calls running when the destroy notify ran */
  GThread *destroy_thread;
} Watched;

static char *
watched_listener (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  Watched *w = data;

  g_atomic_int_inc (&w->in_call);
  if (g_atomic_int_get (&w->destroyed))
    g_atomic_int_inc (&w->after_destroy);
  if (g_atomic_int_get (&w->detach_returned))
    {
      g_atomic_int_inc (&w->late);
      if (g_thread_self () == w->detacher)
        g_atomic_int_inc (&w->late_here);
    }
  g_atomic_int_inc (&w->calls);
  g_thread_yield ();     /* widens the window a racing destroy would hit */
  g_atomic_int_add (&w->in_call, -1);
  return NULL;
}

static void
watched_destroyed (gpointer data, GClosure *closure)
{
  Watched *w = data;

  if (g_atomic_int_get (&w->in_call) != 0)
    g_atomic_int_inc (&w->busy_at_destroy);
  w->destroy_thread = g_thread_self ();
  g_atomic_int_inc (&w->destroyed);
}

typedef struct
{
  MibewEventDispatcher *d;
  gint stop;
} Emitters;

static gpointer
trigger_until_stopped (gpointer data)
{
  Emitters *em = data;
  /* each thread its own arguments: they are not thread-safe */
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);

  while (!g_atomic_int_get (&em->stop))
    g_assert_true (mibew_event_dispatcher_trigger (em->d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
  return NULL;
}

static void
test_detach (gconstpointer data)
{
  gboolean marshal = GPOINTER_TO_INT (data);
  Emitters em = { mibew_event_dispatcher_new (), 0 };
  g_autofree Watched *rounds = g_new0 (Watched, N_DETACH_ROUNDS);
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  GThread *threads[N_DETACH_EMITTERS];
  guint late = 0, max_late = 0, on_emitter = 0;

  for (guint i = 0; i < N_DETACH_EMITTERS; i++)
    threads[i] = g_thread_new ("emitter", trigger_until_stopped, &em);

  for (guint r = 0; r < N_DETACH_ROUNDS; r++)
    {
      Watched *w = &rounds[r];
      GClosure *closure = g_cclosure_new (G_CALLBACK (watched_listener), w, watched_destroyed);
      guint id;

      w->detacher = g_thread_self ();
      /* with a marshaller, the listener takes the closure path */
      if (marshal)
        g_closure_set_marshal (closure, g_cclosure_marshal_generic);
      id = mibew_event_dispatcher_attach_listener (em.d, "threadPostMessage", 0, closure, NULL);
      g_assert_cmpuint (id, !=, 0);
      /* until other threads run it */
      while (g_atomic_int_get (&w->calls) < 2)
        g_thread_yield ();

      g_assert_true (mibew_event_dispatcher_detach_listener (em.d, "threadPostMessage", id, NULL));
      g_atomic_int_set (&w->detach_returned, 1);
      /* this thread: not even once more */
      g_assert_true (mibew_event_dispatcher_trigger (em.d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
      g_assert_cmpint (g_atomic_int_get (&w->late_here), ==, 0);
    }

  g_atomic_int_set (&em.stop, 1);
  for (guint i = 0; i < N_DETACH_EMITTERS; i++)
    g_thread_join (threads[i]);

  for (guint r = 0; r < N_DETACH_ROUNDS; r++)
    {
      Watched *w = &rounds[r];

      /* at most the calls other threads had started */
      g_assert_cmpint (w->late, <=, N_DETACH_EMITTERS);
      g_assert_cmpint (w->late_here, ==, 0);
      /* once, after the last call, which nothing started later */
      g_assert_cmpint (w->destroyed, ==, 1);
      g_assert_cmpint (w->busy_at_destroy, ==, 0);
      g_assert_cmpint (w->after_destroy, ==, 0);
      g_assert_cmpint (w->in_call, ==, 0);
      late += (guint) w->late;
      max_late = MAX (max_late, (guint) w->late);
      on_emitter += w->destroy_thread != w->detacher;
    }
  g_test_message ("%u detaches: %u calls started after detach returned (at most %u in one), "
                  "%u destroy notifies on an emitting thread",
                  N_DETACH_ROUNDS, late, max_late, on_emitter);
  g_object_unref (em.d);
}

/* ---------------------------------------------------------------------- */
/* Attach, detach and trigger from 8 threads at once, every call counted.
 *
 * Listeners run on the emitting thread, so each thread counts the calls
 * its own triggers made; each listener counts its calls too, and adds
 * them to the total when its destroy notify runs. When every thread is
 * done and the dispatcher is gone, both totals agree exactly, every
 * shared listener ran once per trigger, and each thread's own listener
 * ran exactly once for each trigger of that thread while it was attached.
 *
 * It runs MIBEW_TEST_STRESS_SECONDS seconds (1 by default; the tsan lane
 * runs it longer). */

#define N_STRESS_THREADS 8
#define N_OWN_TRIGGERS 3

typedef struct
{
  MibewEventDispatcher *d;
  gint64 deadline;
  gint triggers;          /* every trigger of every thread */
  gint counted_here;      /* the threads' own counts, summed at their end */
  gint64 listener_calls;  /* the listeners' counts, summed when destroyed */
  gint attached;
  gint destroyed;
  gint own_wrong;         /* own listener not run exactly N_OWN_TRIGGERS times */
  gint signal_calls;
} Stress;

typedef struct
{
  Stress *stress;
  GThread *owner;
  gint calls;
  gint calls_from_owner;
} Counted;

static GPrivate calls_here;

static void
count_here (void)
{
  g_private_set (&calls_here, GINT_TO_POINTER (GPOINTER_TO_INT (g_private_get (&calls_here)) + 1));
}

static char *
counted_listener (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  Counted *c = data;

  count_here ();
  g_atomic_int_inc (&c->calls);
  if (c->owner == g_thread_self ())
    g_atomic_int_inc (&c->calls_from_owner);
  return NULL;
}

static void
counted_destroyed (gpointer data, GClosure *closure)
{
  Counted *c = data;

  g_atomic_pointer_add (&c->stress->listener_calls, g_atomic_int_get (&c->calls));
  g_atomic_int_inc (&c->stress->destroyed);
  g_free (c);
}

static char *
counted_signal_handler (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  Stress *st = data;

  count_here ();
  g_atomic_int_inc (&st->signal_calls);
  return NULL;
}

static Counted *
attach_counted (Stress *st, GThread *owner, int priority, gboolean marshal, guint *id)
{
  Counted *c = g_new0 (Counted, 1);
  GClosure *closure;

  c->stress = st;
  c->owner = owner;
  closure = g_cclosure_new (G_CALLBACK (counted_listener), c, counted_destroyed);
  if (marshal)
    g_closure_set_marshal (closure, g_cclosure_marshal_generic);
  *id = mibew_event_dispatcher_attach_listener (st->d, "threadPostMessage", priority, closure, NULL);
  g_assert_cmpuint (*id, !=, 0);
  g_atomic_int_inc (&st->attached);
  return c;
}

static void
stress_trigger (Stress *st, MibewPostMessageArgs *args, guint n)
{
  if (n % 2 == 0)
    g_assert_true (mibew_event_dispatcher_trigger (st->d, "threadPostMessage", MIBEW_EVENT_ARGS (args), NULL));
  else
    mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (st->d), args);
  g_atomic_int_inc (&st->triggers);
}

static gpointer
stress_thread (gpointer data)
{
  Stress *st = data;
  /* each thread its own arguments: they are not thread-safe */
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "hi", NULL);
  guint n = 0;

  g_private_set (&calls_here, GINT_TO_POINTER (0));
  while (g_get_monotonic_time () < st->deadline)
    {
      guint id;
      Counted *own = attach_counted (st, g_thread_self (), (int) (n % 5) - 2, n % 3 == 0, &id);

      for (guint i = 0; i < N_OWN_TRIGGERS; i++)
        stress_trigger (st, args, n++);
      /* checked here, before the destroy notify may free it */
      if (g_atomic_int_get (&own->calls_from_owner) != N_OWN_TRIGGERS)
        g_atomic_int_inc (&st->own_wrong);
      g_assert_true (mibew_event_dispatcher_detach_listener (st->d, "threadPostMessage", id, NULL));
      /* detached: this thread's next trigger does not run it */
      stress_trigger (st, args, n++);
    }
  g_atomic_int_add (&st->counted_here, GPOINTER_TO_INT (g_private_get (&calls_here)));
  return NULL;
}

static void
test_stress (gconstpointer data)
{
  gboolean with_signal_handler = GPOINTER_TO_INT (data);
  const char *env = g_getenv ("MIBEW_TEST_STRESS_SECONDS");
  double seconds = env != NULL ? g_ascii_strtod (env, NULL) : 1.0;
  Stress st = { mibew_event_dispatcher_new (), 0, };
  GThread *threads[N_STRESS_THREADS];
  Counted *shared[2];
  guint id;

  /* one on the direct path, one on the closure path, for the whole run */
  shared[0] = attach_counted (&st, NULL, -1, FALSE, &id);
  shared[1] = attach_counted (&st, NULL, 1, TRUE, &id);
  if (with_signal_handler)
    g_signal_connect (mibew_event_dispatcher_get_thread (st.d), "post-message",
                      G_CALLBACK (counted_signal_handler), &st);

  st.deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  for (guint i = 0; i < N_STRESS_THREADS; i++)
    threads[i] = g_thread_new ("stress", stress_thread, &st);
  for (guint i = 0; i < N_STRESS_THREADS; i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (st.triggers, >, 0);
  g_assert_cmpint (st.own_wrong, ==, 0);
  g_assert_cmpint (g_atomic_int_get (&shared[0]->calls), ==, st.triggers);
  g_assert_cmpint (g_atomic_int_get (&shared[1]->calls), ==, st.triggers);
  g_assert_cmpint (st.signal_calls, ==, with_signal_handler ? st.triggers : 0);
  g_assert_cmpuint (mibew_event_dispatcher_get_listener_count (st.d, "threadPostMessage"), ==,
                    2 + (with_signal_handler ? 1 : 0));

  g_object_unref (st.d);   /* destroys the shared listeners */
  g_assert_cmpint (st.destroyed, ==, st.attached);
  g_assert_cmpint (st.counted_here, ==, st.listener_calls + st.signal_calls);
  g_test_message ("%.0f s, %d threads: %d triggers, %d listeners attached and detached, "
                  "%" G_GINT64_FORMAT " listener calls",
                  seconds, N_STRESS_THREADS, st.triggers, st.attached - 2, st.listener_calls);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/concurrent-emit/dispatcher", test_fast_path);
  g_test_add_func ("/threads/concurrent-emit/gsignal", test_signal_path);
  g_test_add_data_func ("/threads/detach/direct", GINT_TO_POINTER (FALSE), test_detach);
  g_test_add_data_func ("/threads/detach/closure", GINT_TO_POINTER (TRUE), test_detach);
  g_test_add_data_func ("/threads/stress/dispatcher", GINT_TO_POINTER (FALSE), test_stress);
  g_test_add_data_func ("/threads/stress/gsignal", GINT_TO_POINTER (TRUE), test_stress);

  return g_test_run ();
}
