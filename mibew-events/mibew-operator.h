/* mibew-operator.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_OPERATOR (mibew_operator_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewOperator, mibew_operator, MIBEW, OPERATOR, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewOperator *mibew_operator_new (void);

G_END_DECLS
