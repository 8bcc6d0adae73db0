/* mibew-authenticate-args.h: arguments of operatorAuthenticate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-operator.h"
#include "mibew-request.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_AUTHENTICATE_ARGS (mibew_authenticate_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewAuthenticateArgs, mibew_authenticate_args, MIBEW, AUTHENTICATE_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewAuthenticateArgs *mibew_authenticate_args_new          (MibewOperator         *op,
                                                             MibewRequest          *request);
MIBEW_AVAILABLE_IN_ALL
MibewOperator         *mibew_authenticate_args_get_operator (MibewAuthenticateArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_authenticate_args_set_operator (MibewAuthenticateArgs *self,
                                                             MibewOperator         *op);
MIBEW_AVAILABLE_IN_ALL
MibewRequest          *mibew_authenticate_args_get_request  (MibewAuthenticateArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_authenticate_args_set_request  (MibewAuthenticateArgs *self,
                                                             MibewRequest          *request);

G_END_DECLS
