/* mibew-bench-emitter.h: a plain GObject signal for the binding benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Bench-only (never installed): the bare baseline that Python and GJS
 * listeners of MibewEvents are compared with. Its signal has the shape of
 * MibewThreadEvents::post-message (one MibewPostMessageArgs, a string
 * returned) and is emitted from C by an introspected method, the way
 * mibew_thread_events_emit_post_message() emits ours.
 */

#pragma once

#include <mibew-events/mibew-events.h>

G_BEGIN_DECLS

#define MIBEW_BENCH_TYPE_EMITTER (mibew_bench_emitter_get_type ())
G_DECLARE_FINAL_TYPE (MibewBenchEmitter, mibew_bench_emitter, MIBEW_BENCH, EMITTER, GObject)

MibewBenchEmitter *mibew_bench_emitter_new               (void);
void               mibew_bench_emitter_emit_post_message (MibewBenchEmitter    *self,
                                                          MibewPostMessageArgs *args);

G_END_DECLS
