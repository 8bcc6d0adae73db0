/* mibew-id-args.h: arguments of the delete events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ID_ARGS (mibew_id_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewIdArgs, mibew_id_args, MIBEW, ID_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewIdArgs *mibew_id_args_new    (gint64       id);
MIBEW_AVAILABLE_IN_ALL
gint64       mibew_id_args_get_id (MibewIdArgs *self);
MIBEW_AVAILABLE_IN_ALL
void         mibew_id_args_set_id (MibewIdArgs *self,
                                   gint64       id);

G_END_DECLS
