/* mibew-plugin-options-args.h: arguments of pageAddJsPluginOptions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-event-args.h"
#include "mibew-request.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_PLUGIN_OPTIONS_ARGS (mibew_plugin_options_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewPluginOptionsArgs, mibew_plugin_options_args, MIBEW, PLUGIN_OPTIONS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewPluginOptionsArgs *mibew_plugin_options_args_new         (MibewRequest           *request,
                                                               JsonObject             *plugins);
MIBEW_AVAILABLE_IN_ALL
MibewRequest           *mibew_plugin_options_args_get_request (MibewPluginOptionsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                    mibew_plugin_options_args_set_request (MibewPluginOptionsArgs *self,
                                                               MibewRequest           *request);
MIBEW_AVAILABLE_IN_ALL
JsonObject             *mibew_plugin_options_args_get_plugins (MibewPluginOptionsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void                    mibew_plugin_options_args_set_plugins (MibewPluginOptionsArgs *self,
                                                               JsonObject             *plugins);

G_END_DECLS
