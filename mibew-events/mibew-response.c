/* mibew-response.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-response.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewResponse:
 *
 * An HTTP response a plugin sends instead of Mibew's own (`\Symfony\Component\HttpFoundation\Response`).
 *
 * JSON keys: `status`, `headers`, `content`. Each is also a property, named
 * with dashes.
 */
struct _MibewResponse
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewResponse, mibew_response, MIBEW_TYPE_RECORD)

/**
 * MibewResponse:status:
 *
 * The HTTP status code (`status`).
 */
/**
 * MibewResponse:headers:
 *
 * Headers (`headers`).
 */
/**
 * MibewResponse:content:
 *
 * The body (`content`).
 */
static const MibewRecordField response_fields[] = {
  { "status", "status", MIBEW_FIELD_INT, NULL, FALSE, "The HTTP status code" },
  { "headers", "headers", MIBEW_FIELD_OBJECT, NULL, FALSE, "Headers" },
  { "content", "content", MIBEW_FIELD_STRING, NULL, FALSE, "The body" },
};

static void
mibew_response_class_init (MibewResponseClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     response_fields, G_N_ELEMENTS (response_fields));
}

static void
mibew_response_init (MibewResponse *self)
{
}

/**
 * mibew_response_new:
 *
 * Creates an empty #MibewResponse; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewResponse
 */
MibewResponse *
mibew_response_new (void)
{
  return g_object_new (MIBEW_TYPE_RESPONSE, NULL);
}
