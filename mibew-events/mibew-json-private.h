/* mibew-json-private.h: JSON helpers json-glib lacks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mibew-json.h"

G_BEGIN_DECLS

JsonNode   *mibew_json_node_deep_copy   (JsonNode   *node);
JsonObject *mibew_json_object_deep_copy (JsonObject *object);
JsonArray  *mibew_json_array_deep_copy  (JsonArray  *array);

/* Copies every member of @from into @into; members @into already has are
 * replaced (later keys win, as with PHP's array assignment). */
void        mibew_json_object_merge     (JsonObject *into,
                                         JsonObject *from);

/* Makes @into hold exactly @from's members, in @from's order (shared). */
void        mibew_json_object_replace_members (JsonObject *into,
                                               JsonObject *from);

/* "a string", "an object", ... for error messages */
const char *mibew_json_node_type_name   (JsonNode   *node);

/* A short, valid UTF-8 rendering of @node for error messages: "x" for
 * strings (quoted, cut after 40 characters), 1.5, true, null, an object,
 * an array. */
char       *mibew_json_node_describe    (JsonNode   *node);

/* Sets @error (INVALID_ARGUMENTS) to "PATH: expected WHAT, got NODE", or
 * "expected WHAT, got NODE" when @path is empty. */
void        mibew_json_set_type_error   (GError    **error,
                                         const char *path,
                                         const char *expected,
                                         JsonNode   *got);

/* "PATH: missing" */
void        mibew_json_set_missing_error (GError    **error,
                                          const char *path);

/* "PATH.KEY" or "KEY", and "PATH[I]": the JSON paths errors name. */
char       *mibew_json_path_key         (const char *path,
                                         const char *key);
char       *mibew_json_path_index       (const char *path,
                                         guint       index);

/* An integer from a JSON number, a boolean or a numeric string (PHP sends
 * database columns as "42"); FALSE for anything else. */
gboolean    mibew_json_node_to_int      (JsonNode   *node,
                                         gint64     *out);

/* "one of 1, 2, 3": what an enum of @type expects, for error messages */
char       *mibew_json_enum_expected    (GType       type);

/* FALSE with @error set when @node nests deeper than @max_depth. */
gboolean    mibew_json_check_depth      (JsonNode   *node,
                                         guint       max_depth,
                                         GError    **error);

/* Parses one JSON document with the limits a server needs: at most
 * @max_size bytes, @max_depth levels, no duplicate keys, valid UTF-8. */
JsonNode   *mibew_json_parse            (const char *data,
                                         gssize      length,
                                         gsize       max_size,
                                         guint       max_depth,
                                         GError    **error);



G_END_DECLS
