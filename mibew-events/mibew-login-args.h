/* mibew-login-args.h: arguments of operatorLogin
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

#define MIBEW_TYPE_LOGIN_ARGS (mibew_login_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewLoginArgs, mibew_login_args, MIBEW, LOGIN_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewLoginArgs *mibew_login_args_new          (MibewOperator  *op,
                                               gboolean        remember);
MIBEW_AVAILABLE_IN_ALL
MibewOperator  *mibew_login_args_get_operator (MibewLoginArgs *self);
MIBEW_AVAILABLE_IN_ALL
void            mibew_login_args_set_operator (MibewLoginArgs *self,
                                               MibewOperator  *op);
MIBEW_AVAILABLE_IN_ALL
gboolean        mibew_login_args_get_remember (MibewLoginArgs *self);
MIBEW_AVAILABLE_IN_ALL
void            mibew_login_args_set_remember (MibewLoginArgs *self,
                                               gboolean        remember);

G_END_DECLS
