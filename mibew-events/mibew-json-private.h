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

/* Copies every member of @from into @into; members @into already has are
 * replaced (later keys win, as with PHP's array assignment). */
void        mibew_json_object_merge     (JsonObject *into,
                                         JsonObject *from);

/* "a string", "an object", ... for error messages */
const char *mibew_json_node_type_name   (JsonNode   *node);

G_END_DECLS
