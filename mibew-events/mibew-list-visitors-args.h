/* mibew-list-visitors-args.h: arguments of usersUpdateVisitorsLoad and usersUpdateVisitorsAlter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <gio/gio.h>

#include "mibew-event-args.h"
#include "mibew-list-visitor.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_LIST_VISITORS_ARGS (mibew_list_visitors_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewListVisitorsArgs, mibew_list_visitors_args, MIBEW, LIST_VISITORS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewListVisitorsArgs *mibew_list_visitors_args_new          (GListStore            *visitors);
MIBEW_AVAILABLE_IN_ALL
GListStore            *mibew_list_visitors_args_get_visitors (MibewListVisitorsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_list_visitors_args_set_visitors (MibewListVisitorsArgs *self,
                                                              GListStore            *visitors);

G_END_DECLS
