/* mibew-json.h: writing JSON that every reader accepts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "mibew-version-macros.h"

G_BEGIN_DECLS

MIBEW_AVAILABLE_IN_ALL
char *mibew_json_to_data (JsonNode *node,
                          gboolean  pretty);

G_END_DECLS
