/* mibew-event-schema-private.h: the JSON Schema and the description of
 * the events, derived from the field tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mibew-event-table-private.h"

G_BEGIN_DECLS

/* The schema of @info's arguments, or of every event (@info NULL). */
JsonNode *mibew_event_schema_build (const MibewEventInfo *info);

/* What mibew_event_dispatcher_get_event_description() returns. */
JsonNode *mibew_event_describe     (const MibewEventInfo *info);

G_END_DECLS
