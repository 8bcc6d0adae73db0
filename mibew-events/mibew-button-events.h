/* mibew-button-events.h: button events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-button-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BUTTON_EVENTS (mibew_button_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewButtonEvents, mibew_button_events, MIBEW, BUTTON_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_button_events_emit_generate (MibewButtonEvents *self,
                                             MibewButtonArgs *args);

G_END_DECLS
