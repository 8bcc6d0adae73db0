/* mibew-site-visitor.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_SITE_VISITOR (mibew_site_visitor_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewSiteVisitor, mibew_site_visitor, MIBEW, SITE_VISITOR, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewSiteVisitor *mibew_site_visitor_new (void);

G_END_DECLS
