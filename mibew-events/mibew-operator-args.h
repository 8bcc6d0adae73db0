/* mibew-operator-args.h: arguments of operatorCreate and operatorUpdate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-operator.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_OPERATOR_ARGS (mibew_operator_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewOperatorArgs, mibew_operator_args, MIBEW, OPERATOR_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewOperatorArgs *mibew_operator_args_new                   (MibewOperator     *op,
                                                              MibewOperator     *original_operator);
MIBEW_AVAILABLE_IN_ALL
MibewOperator     *mibew_operator_args_get_operator          (MibewOperatorArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_operator_args_set_operator          (MibewOperatorArgs *self,
                                                              MibewOperator     *op);
MIBEW_AVAILABLE_IN_ALL
MibewOperator     *mibew_operator_args_get_original_operator (MibewOperatorArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_operator_args_set_original_operator (MibewOperatorArgs *self,
                                                              MibewOperator     *original_operator);

G_END_DECLS
