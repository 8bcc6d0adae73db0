/* mibew-json-private.h: JSON helpers json-glib lacks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode   *mibew_json_node_deep_copy   (JsonNode   *node);
JsonObject *mibew_json_object_deep_copy (JsonObject *object);
JsonArray  *mibew_json_array_deep_copy  (JsonArray  *array);

G_END_DECLS
