/* mibew-bench-emitter.h: a plain GObject signal for the binding benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Bench-only (never installed): the bare baseline that Python and GJS
 * listeners of MibewEvents are compared with. Its signal has the shape of
 * MibewThreadEvents::post-message (one MibewPostMessageArgs, a string
 * returned) and is emitted from C by an introspected method, the way
 * mibew_thread_events_emit_post_message() emits ours.
 *
 * MibewBenchWideEmitter is the same with the signals of MibewThreadEvents
 * around it (the same names, so the same order in the typelib): GJS looks
 * the signal's introspection data up by name, signal by signal through
 * its class's list, on every emission to a JavaScript handler, so its
 * cost depends on the class, not only on the signal.
 */

#pragma once

#include <mibew-events/mibew-events.h>

G_BEGIN_DECLS

#define MIBEW_BENCH_TYPE_EMITTER (mibew_bench_emitter_get_type ())
G_DECLARE_FINAL_TYPE (MibewBenchEmitter, mibew_bench_emitter, MIBEW_BENCH, EMITTER, GObject)

MibewBenchEmitter *mibew_bench_emitter_new               (void);
void               mibew_bench_emitter_emit_post_message (MibewBenchEmitter    *self,
                                                          MibewPostMessageArgs *args);

#define MIBEW_BENCH_TYPE_WIDE_EMITTER (mibew_bench_wide_emitter_get_type ())
G_DECLARE_FINAL_TYPE (MibewBenchWideEmitter, mibew_bench_wide_emitter, MIBEW_BENCH, WIDE_EMITTER, GObject)

MibewBenchWideEmitter *mibew_bench_wide_emitter_new               (void);
void                   mibew_bench_wide_emitter_emit_post_message (MibewBenchWideEmitter *self,
                                                                   MibewPostMessageArgs  *args);

G_END_DECLS
