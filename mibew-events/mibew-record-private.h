/* mibew-record-private.h: how domain types declare their fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "mibew-record.h"

G_BEGIN_DECLS

typedef enum {
  MIBEW_FIELD_INT,      /* JSON number (numeric strings accepted); gint64 property */
  MIBEW_FIELD_DOUBLE,   /* JSON number; gdouble property */
  MIBEW_FIELD_BOOLEAN,  /* JSON boolean (0/1 and "0"/"1" accepted); gboolean property */
  MIBEW_FIELD_STRING,   /* JSON string or null; string property */
  MIBEW_FIELD_ENUM,     /* JSON number; enum property of @gtype */
  MIBEW_FIELD_FLAGS,    /* JSON number; flags property of @gtype */
  MIBEW_FIELD_OBJECT,   /* JSON object, null or false; JsonObject property */
  MIBEW_FIELD_ARRAY,    /* JSON array; JsonArray property */
} MibewFieldType;

/*
 * MibewRecordField:
 * @key: the JSON key, as Mibew's PHP array or object has it
 * @property: the GObject property name (canonical, with dashes)
 * @type: how the value is stored and checked
 * @gtype: the enum or flags type for %MIBEW_FIELD_ENUM / %MIBEW_FIELD_FLAGS
 * @nullable: whether JSON null (or false for objects) is a valid value
 * @blurb: a one-line description, used for the property's blurb
 */
typedef struct {
  const char     *key;
  const char     *property;
  MibewFieldType  type;
  GType         (*gtype) (void);
  gboolean        nullable;
  const char     *blurb;
} MibewRecordField;

/* Installs one property per field and remembers the table, so that
 * validation (mibew_record_update_from_json()) and the JSON schema
 * come from the same description. @fields must be static. */
void mibew_record_class_install_fields (MibewRecordClass       *klass,
                                        const MibewRecordField *fields,
                                        guint                   n_fields);

const MibewRecordField *mibew_record_class_get_fields (MibewRecordClass *klass,
                                                      guint            *n_fields);

/* Checks @node as the value of @field; errors name PATH.KEY. */
gboolean mibew_record_check_field (const MibewRecordField  *field,
                                   JsonNode                *node,
                                   const char              *path,
                                   GError                 **error);

/* A record of @record_type from @node (an object; PHP's empty [] too),
 * checked; errors name their path below @path. With @adopt the record
 * uses @node's object itself instead of a copy. */
MibewRecord *mibew_record_decode (GType        record_type,
                                  JsonNode    *node,
                                  const char  *path,
                                  gboolean     adopt,
                                  GError     **error);

/* Whether the record was read from PHP's [] and nobody changed it since:
 * it goes back as []. */
gboolean mibew_record_is_untouched_empty_array (MibewRecord *self);

/* Makes @object (shared, not copied) the record's JSON: the record stays
 * the same object, with new values. */
void mibew_record_adopt_json (MibewRecord *self,
                              JsonObject  *object);

G_END_DECLS
