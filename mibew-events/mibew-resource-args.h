/* mibew-resource-args.h: arguments of resourceAccessDenied and resourceNotFound
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-args.h"
#include "mibew-request.h"
#include "mibew-response.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_RESOURCE_ARGS (mibew_resource_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewResourceArgs, mibew_resource_args, MIBEW, RESOURCE_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewResourceArgs *mibew_resource_args_new          (MibewRequest      *request,
                                                     MibewResponse     *response);
MIBEW_AVAILABLE_IN_ALL
MibewRequest      *mibew_resource_args_get_request  (MibewResourceArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_resource_args_set_request  (MibewResourceArgs *self,
                                                     MibewRequest      *request);
MIBEW_AVAILABLE_IN_ALL
MibewResponse     *mibew_resource_args_get_response (MibewResourceArgs *self);
MIBEW_AVAILABLE_IN_ALL
void               mibew_resource_args_set_response (MibewResourceArgs *self,
                                                     MibewResponse     *response);

G_END_DECLS
