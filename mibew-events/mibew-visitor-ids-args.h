/* mibew-visitor-ids-args.h: arguments of visitorDeleteOld
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-event-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_VISITOR_IDS_ARGS (mibew_visitor_ids_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewVisitorIdsArgs, mibew_visitor_ids_args, MIBEW, VISITOR_IDS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewVisitorIdsArgs *mibew_visitor_ids_args_new          (JsonArray           *visitors);
MIBEW_AVAILABLE_IN_ALL
JsonArray           *mibew_visitor_ids_args_get_visitors (MibewVisitorIdsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_visitor_ids_args_set_visitors (MibewVisitorIdsArgs *self,
                                                          JsonArray           *visitors);

G_END_DECLS
