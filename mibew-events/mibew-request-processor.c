/* mibew-request-processor.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-request-processor.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewRequestProcessor:
 *
 * The request processor that handles a function call: `{"kind": "thread" | "users"}` plus whatever the caller sends.
 *
 * JSON keys: `kind`. Each is also a property, named
 * with dashes.
 */
struct _MibewRequestProcessor
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewRequestProcessor, mibew_request_processor, MIBEW_TYPE_RECORD)

/**
 * MibewRequestProcessor:kind:
 *
 * `thread` or `users` (`kind`).
 */
static const MibewRecordField request_processor_fields[] = {
  { "kind", "kind", MIBEW_FIELD_STRING, NULL, FALSE, "thread or users" },
};

static void
mibew_request_processor_class_init (MibewRequestProcessorClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     request_processor_fields, G_N_ELEMENTS (request_processor_fields));
}

static void
mibew_request_processor_init (MibewRequestProcessor *self)
{
}

/**
 * mibew_request_processor_new:
 *
 * Creates an empty #MibewRequestProcessor; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewRequestProcessor
 */
MibewRequestProcessor *
mibew_request_processor_new (void)
{
  return g_object_new (MIBEW_TYPE_REQUEST_PROCESSOR, NULL);
}
