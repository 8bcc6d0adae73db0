/* mibew-bench-emitter.c: a plain GObject signal for the binding benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-bench-emitter.h"

/**
 * MibewBenchEmitter:
 *
 * A plain GObject with one signal, #MibewBenchEmitter::post-message, and
 * no dispatcher, guard or accumulator: the bare handler of the binding
 * benchmarks.
 */
struct _MibewBenchEmitter
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewBenchEmitter, mibew_bench_emitter, G_TYPE_OBJECT)

static guint post_message_signal;

static guint
new_post_message_signal (GType itype)
{
  return g_signal_new ("post-message", itype, G_SIGNAL_RUN_LAST, 0,
                       NULL, NULL, NULL, G_TYPE_STRING, 1, MIBEW_TYPE_POST_MESSAGE_ARGS);
}

static void
emit_post_message (gpointer              self,
                   guint                 signal_id,
                   MibewPostMessageArgs *args)
{
  char *answer = NULL;

  g_signal_emit (self, signal_id, 0, args, &answer);
  g_free (answer);
}

static void
mibew_bench_emitter_class_init (MibewBenchEmitterClass *klass)
{
  /**
   * MibewBenchEmitter::post-message:
   * @self: the emitter
   * @args: the arguments
   *
   * The shape of #MibewThreadEvents::post-message, as a plain signal.
   *
   * Returns: (nullable) (transfer full): ignored (the last handler's value)
   */
  post_message_signal = new_post_message_signal (G_TYPE_FROM_CLASS (klass));
}

static void
mibew_bench_emitter_init (MibewBenchEmitter *self)
{
}

/**
 * mibew_bench_emitter_new:
 *
 * Returns: (transfer full): a new emitter
 */
MibewBenchEmitter *
mibew_bench_emitter_new (void)
{
  return g_object_new (MIBEW_BENCH_TYPE_EMITTER, NULL);
}

/**
 * mibew_bench_emitter_emit_post_message:
 * @self: the emitter
 * @args: the arguments handed to the handlers
 *
 * Emits #MibewBenchEmitter::post-message from C with g_signal_emit().
 */
void
mibew_bench_emitter_emit_post_message (MibewBenchEmitter    *self,
                                       MibewPostMessageArgs *args)
{
  emit_post_message (self, post_message_signal, args);
}

/**
 * MibewBenchWideEmitter:
 *
 * #MibewBenchEmitter with the signals of #MibewThreadEvents around its
 * #MibewBenchWideEmitter::post-message: the others by the same names,
 * without parameters, never emitted.
 */
struct _MibewBenchWideEmitter
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewBenchWideEmitter, mibew_bench_wide_emitter, G_TYPE_OBJECT)

static guint wide_post_message_signal;

static void
mibew_bench_wide_emitter_class_init (MibewBenchWideEmitterClass *klass)
{
  GType itype = G_TYPE_FROM_CLASS (klass);
  g_autofree guint *ids = NULL;
  guint n_ids;

  /**
   * MibewBenchWideEmitter::post-message:
   * @self: the emitter
   * @args: the arguments
   *
   * As #MibewBenchEmitter::post-message.
   *
   * Returns: (nullable) (transfer full): ignored (the last handler's value)
   */
  wide_post_message_signal = new_post_message_signal (itype);
  /* the names of MibewThreadEvents' signals, read from the class itself
   * so that they stay in step with it */
  g_type_class_unref (g_type_class_ref (MIBEW_TYPE_THREAD_EVENTS));  /* makes its signals */
  ids = g_signal_list_ids (MIBEW_TYPE_THREAD_EVENTS, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      const char *name = g_signal_name (ids[i]);

      if (g_strcmp0 (name, "post-message") != 0)
        g_signal_new (name, itype, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
    }
}

static void
mibew_bench_wide_emitter_init (MibewBenchWideEmitter *self)
{
}

/**
 * mibew_bench_wide_emitter_new:
 *
 * Returns: (transfer full): a new emitter
 */
MibewBenchWideEmitter *
mibew_bench_wide_emitter_new (void)
{
  return g_object_new (MIBEW_BENCH_TYPE_WIDE_EMITTER, NULL);
}

/**
 * mibew_bench_wide_emitter_emit_post_message:
 * @self: the emitter
 * @args: the arguments handed to the handlers
 *
 * Emits #MibewBenchWideEmitter::post-message from C with g_signal_emit().
 */
void
mibew_bench_wide_emitter_emit_post_message (MibewBenchWideEmitter *self,
                                            MibewPostMessageArgs  *args)
{
  emit_post_message (self, wide_post_message_signal, args);
}
