/* mibew-list-visitor.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_LIST_VISITOR (mibew_list_visitor_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewListVisitor, mibew_list_visitor, MIBEW, LIST_VISITOR, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewListVisitor *mibew_list_visitor_new (void);

G_END_DECLS
