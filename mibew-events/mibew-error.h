/* mibew-error.h: the MIBEW_EVENTS_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib.h>

#include "mibew-version-macros.h"

G_BEGIN_DECLS

/**
 * MIBEW_EVENTS_ERROR:
 *
 * The error domain of mibew-events. Errors in this domain are from
 * the #MibewEventsError enumeration.
 */
#define MIBEW_EVENTS_ERROR (mibew_events_error_quark ())

/**
 * MibewEventsError:
 * @MIBEW_EVENTS_ERROR_UNKNOWN_EVENT: the event name is not one of the 41
 *   events (Mibew itself would silently do nothing)
 * @MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER: no listener with that id is attached
 *   to that event
 * @MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS: the arguments do not suit the event
 *   (wrong type, a missing or malformed value); the message names the key
 * @MIBEW_EVENTS_ERROR_INVALID_LISTENER: the listener cannot be attached
 *   (for example a %NULL closure)
 * @MIBEW_EVENTS_ERROR_LISTENER_FAILED: a listener failed; the others ran
 * @MIBEW_EVENTS_ERROR_MALFORMED_JSON: the input is not a JSON document
 *   (a syntax error, invalid UTF-8, empty input)
 * @MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED: the input is larger or nests deeper
 *   than the limits allow (see #MibewEventDispatcher:max-json-size)
 *
 * Error codes in the %MIBEW_EVENTS_ERROR domain.
 */
typedef enum {
  MIBEW_EVENTS_ERROR_UNKNOWN_EVENT,
  MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER,
  MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
  MIBEW_EVENTS_ERROR_INVALID_LISTENER,
  MIBEW_EVENTS_ERROR_LISTENER_FAILED,
  MIBEW_EVENTS_ERROR_MALFORMED_JSON,
  MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED,
} MibewEventsError;

MIBEW_AVAILABLE_IN_ALL
GQuark mibew_events_error_quark (void);

G_END_DECLS
