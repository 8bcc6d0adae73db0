/* mibew-operator-events.h: operator events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-authenticate-args.h"
#include "mibew-event-args.h"
#include "mibew-id-args.h"
#include "mibew-login-args.h"
#include "mibew-operator-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_OPERATOR_EVENTS (mibew_operator_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewOperatorEvents, mibew_operator_events, MIBEW, OPERATOR_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
gboolean mibew_operator_events_emit_authenticate (MibewOperatorEvents *self,
                                                       MibewAuthenticateArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_operator_events_emit_login (MibewOperatorEvents *self,
                                            MibewLoginArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_operator_events_emit_logout (MibewOperatorEvents *self,
                                             MibewEventArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_operator_events_emit_create (MibewOperatorEvents *self,
                                             MibewOperatorArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_operator_events_emit_update (MibewOperatorEvents *self,
                                             MibewOperatorArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_operator_events_emit_delete (MibewOperatorEvents *self,
                                             MibewIdArgs *args);

G_END_DECLS
