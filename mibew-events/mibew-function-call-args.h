/* mibew-function-call-args.h: arguments of threadFunctionCall and usersFunctionCall
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-event-args.h"
#include "mibew-request-processor.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_FUNCTION_CALL_ARGS (mibew_function_call_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewFunctionCallArgs, mibew_function_call_args, MIBEW, FUNCTION_CALL_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewFunctionCallArgs *mibew_function_call_args_new                   (MibewRequestProcessor *request_processor,
                                                                       const char            *function,
                                                                       JsonObject            *arguments,
                                                                       JsonObject            *results);
MIBEW_AVAILABLE_IN_ALL
MibewRequestProcessor *mibew_function_call_args_get_request_processor (MibewFunctionCallArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_function_call_args_set_request_processor (MibewFunctionCallArgs *self,
                                                                       MibewRequestProcessor *request_processor);
MIBEW_AVAILABLE_IN_ALL
const char            *mibew_function_call_args_get_function          (MibewFunctionCallArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_function_call_args_set_function          (MibewFunctionCallArgs *self,
                                                                       const char            *function);
MIBEW_AVAILABLE_IN_ALL
JsonObject            *mibew_function_call_args_get_arguments         (MibewFunctionCallArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_function_call_args_set_arguments         (MibewFunctionCallArgs *self,
                                                                       JsonObject            *arguments);
MIBEW_AVAILABLE_IN_ALL
JsonObject            *mibew_function_call_args_get_results           (MibewFunctionCallArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_function_call_args_set_results           (MibewFunctionCallArgs *self,
                                                                       JsonObject            *results);

G_END_DECLS
