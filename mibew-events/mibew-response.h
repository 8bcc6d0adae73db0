/* mibew-response.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_RESPONSE (mibew_response_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewResponse, mibew_response, MIBEW, RESPONSE, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewResponse *mibew_response_new (void);

G_END_DECLS
