/* mibew-record.h: base class of Mibew's domain objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mibew-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_RECORD (mibew_record_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MibewRecord, mibew_record, MIBEW, RECORD, GObject)

/**
 * MibewRecordClass:
 * @parent_class: the parent class
 *
 * The class of #MibewRecord. Its subclasses are the library's own domain
 * types; it is not meant to be subclassed outside the library.
 */
struct _MibewRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

MIBEW_AVAILABLE_IN_ALL
MibewRecord *mibew_record_from_json     (GType         record_type,
                                             JsonObject   *object,
                                             GError      **error);
MIBEW_AVAILABLE_IN_ALL
gboolean     mibew_record_update_from_json  (MibewRecord  *self,
                                             JsonObject   *object,
                                             GError      **error);
MIBEW_AVAILABLE_IN_ALL
JsonObject  *mibew_record_get_json          (MibewRecord  *self);
MIBEW_AVAILABLE_IN_ALL
JsonNode    *mibew_record_to_json           (MibewRecord  *self);
MIBEW_AVAILABLE_IN_ALL
gboolean     mibew_record_has_member        (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
JsonNode    *mibew_record_get_member        (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_member        (MibewRecord  *self,
                                             const char   *key,
                                             JsonNode     *value);
MIBEW_AVAILABLE_IN_ALL
gboolean     mibew_record_remove_member     (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
gint64       mibew_record_get_int           (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_int           (MibewRecord  *self,
                                             const char   *key,
                                             gint64        value);
MIBEW_AVAILABLE_IN_ALL
double       mibew_record_get_double        (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_double        (MibewRecord  *self,
                                             const char   *key,
                                             double        value);
MIBEW_AVAILABLE_IN_ALL
gboolean     mibew_record_get_boolean       (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_boolean       (MibewRecord  *self,
                                             const char   *key,
                                             gboolean      value);
MIBEW_AVAILABLE_IN_ALL
const char  *mibew_record_get_string        (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_string        (MibewRecord  *self,
                                             const char   *key,
                                             const char   *value);
MIBEW_AVAILABLE_IN_ALL
JsonObject  *mibew_record_get_object        (MibewRecord  *self,
                                             const char   *key);
MIBEW_AVAILABLE_IN_ALL
void         mibew_record_set_object        (MibewRecord  *self,
                                             const char   *key,
                                             JsonObject   *value);
MIBEW_AVAILABLE_IN_ALL
gboolean     mibew_record_is_null           (MibewRecord  *self,
                                             const char   *key);

G_END_DECLS
