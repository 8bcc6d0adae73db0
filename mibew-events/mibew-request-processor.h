/* mibew-request-processor.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-record.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_REQUEST_PROCESSOR (mibew_request_processor_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewRequestProcessor, mibew_request_processor, MIBEW, REQUEST_PROCESSOR, MibewRecord)

MIBEW_AVAILABLE_IN_ALL
MibewRequestProcessor *mibew_request_processor_new (void);

G_END_DECLS
