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
  post_message_signal =
    g_signal_new ("post-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_STRING, 1, MIBEW_TYPE_POST_MESSAGE_ARGS);
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
  char *answer = NULL;

  g_signal_emit (self, post_message_signal, 0, args, &answer);
  g_free (answer);
}
