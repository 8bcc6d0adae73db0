/* mibew-thread.h: a chat thread (\Mibew\Thread)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_THREAD (mibew_thread_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewThread, mibew_thread, MIBEW, THREAD, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewThread *mibew_thread_new (void);

G_END_DECLS
