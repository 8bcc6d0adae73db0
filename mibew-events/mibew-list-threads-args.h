/* mibew-list-threads-args.h: arguments of usersUpdateThreadsAlter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mibew-event-args.h"
#include "mibew-list-thread.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_LIST_THREADS_ARGS (mibew_list_threads_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewListThreadsArgs, mibew_list_threads_args, MIBEW, LIST_THREADS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewListThreadsArgs *mibew_list_threads_args_new         (GListStore           *threads);
MIBEW_AVAILABLE_IN_ALL
GListStore           *mibew_list_threads_args_get_threads (MibewListThreadsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_list_threads_args_set_threads (MibewListThreadsArgs *self,
                                                           GListStore           *threads);

G_END_DECLS
