/* mibew-button-args.h: arguments of buttonGenerate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-button-fragment.h"
#include "mibew-event-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BUTTON_ARGS (mibew_button_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewButtonArgs, mibew_button_args, MIBEW, BUTTON_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewButtonArgs     *mibew_button_args_new           (MibewButtonFragment *button,
                                                      JsonObject          *generator);
MIBEW_AVAILABLE_IN_ALL
MibewButtonFragment *mibew_button_args_get_button    (MibewButtonArgs     *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_button_args_set_button    (MibewButtonArgs     *self,
                                                      MibewButtonFragment *button);
MIBEW_AVAILABLE_IN_ALL
JsonObject          *mibew_button_args_get_generator (MibewButtonArgs     *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_button_args_set_generator (MibewButtonArgs     *self,
                                                      JsonObject          *generator);

G_END_DECLS
