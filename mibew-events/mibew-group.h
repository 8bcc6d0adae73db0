/* mibew-group.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_GROUP (mibew_group_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewGroup, mibew_group, MIBEW, GROUP, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewGroup *mibew_group_new (void);

G_END_DECLS
