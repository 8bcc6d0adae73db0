/* mibew-group-operators-args.h: arguments of groupUpdateOperators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-event-args.h"
#include "mibew-group.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_GROUP_OPERATORS_ARGS (mibew_group_operators_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewGroupOperatorsArgs, mibew_group_operators_args, MIBEW, GROUP_OPERATORS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewGroupOperatorsArgs *mibew_group_operators_args_new                    (MibewGroup              *group,
                                                                            JsonArray               *original_operators,
                                                                            JsonArray               *operators);
MIBEW_AVAILABLE_IN_ALL
MibewGroup              *mibew_group_operators_args_get_group              (MibewGroupOperatorsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_group_operators_args_set_group              (MibewGroupOperatorsArgs *self,
                                                                            MibewGroup              *group);
MIBEW_AVAILABLE_IN_ALL
JsonArray               *mibew_group_operators_args_get_original_operators (MibewGroupOperatorsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_group_operators_args_set_original_operators (MibewGroupOperatorsArgs *self,
                                                                            JsonArray               *original_operators);
MIBEW_AVAILABLE_IN_ALL
JsonArray               *mibew_group_operators_args_get_operators          (MibewGroupOperatorsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                     mibew_group_operators_args_set_operators          (MibewGroupOperatorsArgs *self,
                                                                            JsonArray               *operators);

G_END_DECLS
