/* mibew-site-visitor-args.h: arguments of visitorCreate and visitorTrack
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-site-visitor.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_SITE_VISITOR_ARGS (mibew_site_visitor_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewSiteVisitorArgs, mibew_site_visitor_args, MIBEW, SITE_VISITOR_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewSiteVisitorArgs *mibew_site_visitor_args_new         (MibewSiteVisitor     *visitor);
MIBEW_AVAILABLE_IN_ALL
MibewSiteVisitor     *mibew_site_visitor_args_get_visitor (MibewSiteVisitorArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                  mibew_site_visitor_args_set_visitor (MibewSiteVisitorArgs *self,
                                                           MibewSiteVisitor     *visitor);

G_END_DECLS
