/* mibew-ban.h: a ban (\Mibew\Ban)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BAN (mibew_ban_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBan, mibew_ban, MIBEW, BAN, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewBan *mibew_ban_new (void);

G_END_DECLS
