/* mibew-page-events.h: page events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-event-emitter.h"
#include "mibew-assets-args.h"
#include "mibew-plugin-options-args.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_PAGE_EVENTS (mibew_page_events_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewPageEvents, mibew_page_events, MIBEW, PAGE_EVENTS, MibewEventEmitter)

MIBEW_AVAILABLE_IN_ALL
void mibew_page_events_emit_add_css (MibewPageEvents *self,
                                          MibewAssetsArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_page_events_emit_add_js (MibewPageEvents *self,
                                         MibewAssetsArgs *args);
MIBEW_AVAILABLE_IN_ALL
void mibew_page_events_emit_add_js_plugin_options (MibewPageEvents *self,
                                                        MibewPluginOptionsArgs *args);

G_END_DECLS
