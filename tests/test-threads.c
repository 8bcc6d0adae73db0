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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/concurrent-emit/dispatcher", test_fast_path);
  g_test_add_func ("/threads/concurrent-emit/gsignal", test_signal_path);

  return g_test_run ();
}
