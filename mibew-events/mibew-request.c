/* mibew-request.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-request.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewRequest:
 *
 * An incoming HTTP request, the parts of `\Symfony\Component\HttpFoundation\Request` plugins use.
 *
 * JSON keys: `method`, `uri`, `path`, `query`, `headers`, `cookies`, `body`. Each is also a property, named
 * with dashes.
 */
struct _MibewRequest
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewRequest, mibew_request, MIBEW_TYPE_RECORD)

/**
 * MibewRequest:method:
 *
 * The HTTP method (`method`).
 */
/**
 * MibewRequest:uri:
 *
 * The full URI (`uri`).
 */
/**
 * MibewRequest:path:
 *
 * The path (`path`).
 */
/**
 * MibewRequest:query:
 *
 * Query parameters (`query`).
 */
/**
 * MibewRequest:headers:
 *
 * Headers (`headers`).
 */
/**
 * MibewRequest:cookies:
 *
 * Cookies (`cookies`).
 */
/**
 * MibewRequest:body:
 *
 * The body (`body`).
 */
static const MibewRecordField request_fields[] = {
  { "method", "method", MIBEW_FIELD_STRING, NULL, FALSE, "The HTTP method" },
  { "uri", "uri", MIBEW_FIELD_STRING, NULL, FALSE, "The full URI" },
  { "path", "path", MIBEW_FIELD_STRING, NULL, FALSE, "The path" },
  { "query", "query", MIBEW_FIELD_OBJECT, NULL, FALSE, "Query parameters" },
  { "headers", "headers", MIBEW_FIELD_OBJECT, NULL, FALSE, "Headers" },
  { "cookies", "cookies", MIBEW_FIELD_OBJECT, NULL, FALSE, "Cookies" },
  { "body", "body", MIBEW_FIELD_STRING, NULL, TRUE, "The body" },
};

static void
mibew_request_class_init (MibewRequestClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     request_fields, G_N_ELEMENTS (request_fields));
}

static void
mibew_request_init (MibewRequest *self)
{
}

/**
 * mibew_request_new:
 *
 * Creates an empty #MibewRequest; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewRequest
 */
MibewRequest *
mibew_request_new (void)
{
  return g_object_new (MIBEW_TYPE_REQUEST, NULL);
}
