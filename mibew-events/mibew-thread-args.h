/* mibew-thread-args.h: arguments of the thread notifications
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-thread.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_THREAD_ARGS (mibew_thread_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewThreadArgs, mibew_thread_args, MIBEW, THREAD_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewThreadArgs *mibew_thread_args_new                 (MibewThread     *thread,
                                                        MibewThread     *original_thread);
MIBEW_AVAILABLE_IN_ALL
MibewThread     *mibew_thread_args_get_thread          (MibewThreadArgs *self);
MIBEW_AVAILABLE_IN_ALL
void             mibew_thread_args_set_thread          (MibewThreadArgs *self,
                                                        MibewThread     *thread);
MIBEW_AVAILABLE_IN_ALL
MibewThread     *mibew_thread_args_get_original_thread (MibewThreadArgs *self);
MIBEW_AVAILABLE_IN_ALL
void             mibew_thread_args_set_original_thread (MibewThreadArgs *self,
                                                        MibewThread     *original_thread);

G_END_DECLS
