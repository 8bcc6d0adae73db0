/* mibew-ban-args.h: arguments of banCreate and banUpdate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-ban.h"
#include "mibew-event-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BAN_ARGS (mibew_ban_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBanArgs, mibew_ban_args, MIBEW, BAN_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewBanArgs *mibew_ban_args_new              (MibewBan     *ban,
                                               MibewBan     *original_ban);
MIBEW_AVAILABLE_IN_ALL
MibewBan     *mibew_ban_args_get_ban          (MibewBanArgs *self);
MIBEW_AVAILABLE_IN_ALL
void          mibew_ban_args_set_ban          (MibewBanArgs *self,
                                               MibewBan     *ban);
MIBEW_AVAILABLE_IN_ALL
MibewBan     *mibew_ban_args_get_original_ban (MibewBanArgs *self);
MIBEW_AVAILABLE_IN_ALL
void          mibew_ban_args_set_original_ban (MibewBanArgs *self,
                                               MibewBan     *original_ban);

G_END_DECLS
