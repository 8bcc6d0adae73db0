/* mibew-group-args.h: arguments of groupCreate and groupUpdate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-group.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_GROUP_ARGS (mibew_group_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewGroupArgs, mibew_group_args, MIBEW, GROUP_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewGroupArgs *mibew_group_args_new                (MibewGroup     *group,
                                                     MibewGroup     *original_group);
MIBEW_AVAILABLE_IN_ALL
MibewGroup     *mibew_group_args_get_group          (MibewGroupArgs *self);
MIBEW_AVAILABLE_IN_ALL
void            mibew_group_args_set_group          (MibewGroupArgs *self,
                                                     MibewGroup     *group);
MIBEW_AVAILABLE_IN_ALL
MibewGroup     *mibew_group_args_get_original_group (MibewGroupArgs *self);
MIBEW_AVAILABLE_IN_ALL
void            mibew_group_args_set_original_group (MibewGroupArgs *self,
                                                     MibewGroup     *original_group);

G_END_DECLS
