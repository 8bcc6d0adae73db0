/* mibew-record.c: base class of Mibew's domain objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include <string.h>

#include "mibew-error.h"
#include "mibew-record-private.h"
#include "mibew-json-private.h"

/**
 * MibewRecord:
 *
 * The base class of Mibew's domain objects: threads, bans, groups,
 * operators, messages, visitors and the rest.
 *
 * Mibew hands its plugins PHP arrays and objects; a #MibewRecord keeps
 * exactly that data as a mutable [struct@Json.Object] and exposes every
 * documented key as a GObject property (`userName` becomes the
 * `user-name` property). Keys that plugins add — Mibew's plugins attach
 * custom fields to the visitors and threads of the operators' list — are
 * kept as they are and reach the JSON form untouched: use
 * [method@MibewEvents.Record.set_member] and friends, or change the object
 * returned by [method@MibewEvents.Record.get_json] directly.
 *
 * Mibew's database layer often sends numbers as strings; the integer
 * getters accept numeric strings, and validation accepts them where an
 * integer is expected.
 *
 * Records are not thread-safe: do not change one record from two threads
 * at once.
 */

typedef struct
{
  JsonObject *object;
  JsonObject *from_empty_array;  /* read from PHP's []: what it was then */
} MibewRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MibewRecord, mibew_record, G_TYPE_OBJECT)

static GQuark fields_quark;

typedef struct
{
  const MibewRecordField *fields;
  guint n_fields;
} FieldTable;

static JsonObject *
get_object (MibewRecord *self)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (self);

  return priv->object;
}

static const FieldTable *
field_table_for_type (GType type)
{
  for (; type != MIBEW_TYPE_RECORD && type != G_TYPE_INVALID; type = g_type_parent (type))
    {
      const FieldTable *table = g_type_get_qdata (type, fields_quark);
      if (table != NULL)
        return table;
    }
  return NULL;
}

static const char *
field_type_name (const MibewRecordField *field)
{
  switch (field->type)
    {
    case MIBEW_FIELD_INT:
    case MIBEW_FIELD_ENUM:
    case MIBEW_FIELD_FLAGS:
      return field->nullable ? _("an integer or null") : _("an integer");
    case MIBEW_FIELD_DOUBLE:
      return field->nullable ? _("a number or null") : _("a number");
    case MIBEW_FIELD_BOOLEAN:
      return field->nullable ? _("a boolean or null") : _("a boolean");
    case MIBEW_FIELD_STRING:
      return _("a string or null");
    case MIBEW_FIELD_OBJECT:
      return field->nullable ? _("an object or false") : _("an object");
    case MIBEW_FIELD_ARRAY:
      return field->nullable ? _("an array or null") : _("an array");
    default:
      return _("a value");
    }
}

gboolean
mibew_record_check_field (const MibewRecordField  *field,
                          JsonNode                *node,
                          const char              *path,
                          GError                 **error)
{
  gint64 i;
  gboolean ok = FALSE;

  if (JSON_NODE_HOLDS_NULL (node))
    ok = field->nullable || field->type == MIBEW_FIELD_STRING;
  else
    switch (field->type)
      {
      case MIBEW_FIELD_INT:
      case MIBEW_FIELD_ENUM:
      case MIBEW_FIELD_FLAGS:
        ok = mibew_json_node_to_int (node, &i) &&
             (json_node_get_value_type (node) != G_TYPE_BOOLEAN);
        break;
      case MIBEW_FIELD_DOUBLE:
        ok = JSON_NODE_HOLDS_VALUE (node) &&
             (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
              json_node_get_value_type (node) == G_TYPE_INT64 ||
              (json_node_get_value_type (node) == G_TYPE_STRING && mibew_json_node_to_int (node, &i)));
        break;
      case MIBEW_FIELD_BOOLEAN:
        ok = JSON_NODE_HOLDS_VALUE (node) &&
             (json_node_get_value_type (node) == G_TYPE_BOOLEAN ||
              (mibew_json_node_to_int (node, &i) && (i == 0 || i == 1)));
        break;
      case MIBEW_FIELD_STRING:
        /* PHP turns numeric strings into numbers freely; keep them. */
        ok = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_BOOLEAN;
        break;
      case MIBEW_FIELD_OBJECT:
        ok = JSON_NODE_HOLDS_OBJECT (node) ||
             (field->nullable && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
              !json_node_get_boolean (node));
        /* PHP encodes an empty array as [] even where an object is meant */
        if (!ok && JSON_NODE_HOLDS_ARRAY (node))
          ok = json_array_get_length (json_node_get_array (node)) == 0;
        break;
      case MIBEW_FIELD_ARRAY:
        ok = JSON_NODE_HOLDS_ARRAY (node);
        break;
      default:
        break;
      }

  if (!ok)
    {
      g_autofree char *where = mibew_json_path_key (path, field->key);

      mibew_json_set_type_error (error, where, field_type_name (field), node);
    }
  else if (field->type == MIBEW_FIELD_ENUM && !JSON_NODE_HOLDS_NULL (node))
    {
      /* the property is of the enum type: a value outside it has no
       * meaning a listener could read */
      g_autoptr(GEnumClass) eclass = g_type_class_ref (field->gtype ());

      mibew_json_node_to_int (node, &i);
      if (i < G_MININT || i > G_MAXINT || g_enum_get_value (eclass, (int) i) == NULL)
        {
          g_autofree char *where = mibew_json_path_key (path, field->key);
          g_autofree char *expected = mibew_json_enum_expected (field->gtype ());

          mibew_json_set_type_error (error, where, expected, node);
          ok = FALSE;
        }
    }
  return ok;
}

/* Checks every documented key of @object against @type's table. */
static gboolean
check_object (GType        type,
              JsonObject  *object,
              const char  *path,
              GError     **error)
{
  const FieldTable *table = field_table_for_type (type);

  for (guint i = 0; table != NULL && i < table->n_fields; i++)
    {
      JsonNode *node = json_object_get_member (object, table->fields[i].key);

      if (node != NULL && !mibew_record_check_field (&table->fields[i], node, path, error))
        return FALSE;
    }
  return TRUE;
}

MibewRecord *
mibew_record_decode (GType        record_type,
                     JsonNode    *node,
                     const char  *path,
                     gboolean     adopt,
                     GError     **error)
{
  MibewRecord *record;
  MibewRecordPrivate *priv;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* PHP's json_encode() writes an empty array for an empty record */
      if (!(JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0))
        {
          mibew_json_set_type_error (error, path, _("an object"), node);
          return NULL;
        }
      /* remembered, so that an untouched record goes back as [] */
      record = g_object_new (record_type, NULL);
      priv = mibew_record_get_instance_private (record);
      priv->from_empty_array = mibew_json_object_deep_copy (priv->object);
      return record;
    }
  object = json_node_get_object (node);
  /* first: creating the record initialises its class and field table */
  record = g_object_new (record_type, NULL);
  if (!check_object (record_type, object, path, error))
    {
      g_object_unref (record);
      return NULL;
    }
  priv = mibew_record_get_instance_private (record);
  g_clear_pointer (&priv->object, json_object_unref);
  priv->object = adopt ? json_object_ref (object) : mibew_json_object_deep_copy (object);
  return record;
}

gboolean
mibew_record_is_untouched_empty_array (MibewRecord *self)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (self);

  return priv->from_empty_array != NULL &&
         json_object_equal (priv->from_empty_array, priv->object);
}

void
mibew_record_adopt_json (MibewRecord *self,
                         JsonObject  *object)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (self);

  json_object_ref (object);
  g_clear_pointer (&priv->object, json_object_unref);
  priv->object = object;
}

/* A documented key keeps its type on every path: the typed setters check
 * what they store as from_json() checks what it reads. */
static gboolean
check_store (MibewRecord *self,
             const char  *key,
             JsonNode    *node)
{
  const FieldTable *table = field_table_for_type (G_OBJECT_TYPE (self));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; table != NULL && i < table->n_fields; i++)
    if (strcmp (table->fields[i].key, key) == 0)
      {
        if (mibew_record_check_field (&table->fields[i], node, NULL, &error))
          return TRUE;
        g_critical ("%s: %s", G_OBJECT_TYPE_NAME (self), error->message);
        return FALSE;
      }
  return TRUE;
}

static void
store (MibewRecord *self,
       const char  *key,
       JsonNode    *node)
{
  if (check_store (self, key, node))
    json_object_set_member (get_object (self), key, node);
  else
    json_node_unref (node);
}

static void
mibew_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MibewRecord *self = MIBEW_RECORD (object);
  const FieldTable *table = g_type_get_qdata (pspec->owner_type, fields_quark);
  const MibewRecordField *field;

  g_assert (table != NULL && prop_id >= 1 && prop_id <= table->n_fields);
  field = &table->fields[prop_id - 1];

  switch (field->type)
    {
    case MIBEW_FIELD_INT:
      g_value_set_int64 (value, mibew_record_get_int (self, field->key));
      break;
    case MIBEW_FIELD_DOUBLE:
      g_value_set_double (value, mibew_record_get_double (self, field->key));
      break;
    case MIBEW_FIELD_BOOLEAN:
      g_value_set_boolean (value, mibew_record_get_boolean (self, field->key));
      break;
    case MIBEW_FIELD_STRING:
      g_value_set_string (value, mibew_record_get_string (self, field->key));
      break;
    case MIBEW_FIELD_ENUM:
      g_value_set_enum (value, (gint) mibew_record_get_int (self, field->key));
      break;
    case MIBEW_FIELD_FLAGS:
      g_value_set_flags (value, (guint) mibew_record_get_int (self, field->key));
      break;
    case MIBEW_FIELD_OBJECT:
      g_value_set_boxed (value, mibew_record_get_object (self, field->key));
      break;
    case MIBEW_FIELD_ARRAY:
      {
        JsonNode *node = mibew_record_get_member (self, field->key);
        g_value_set_boxed (value, node != NULL && JSON_NODE_HOLDS_ARRAY (node)
                                  ? json_node_get_array (node) : NULL);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MibewRecord *self = MIBEW_RECORD (object);
  const FieldTable *table = g_type_get_qdata (pspec->owner_type, fields_quark);
  const MibewRecordField *field;

  g_assert (table != NULL && prop_id >= 1 && prop_id <= table->n_fields);
  field = &table->fields[prop_id - 1];

  switch (field->type)
    {
    case MIBEW_FIELD_INT:
      mibew_record_set_int (self, field->key, g_value_get_int64 (value));
      break;
    case MIBEW_FIELD_DOUBLE:
      mibew_record_set_double (self, field->key, g_value_get_double (value));
      break;
    case MIBEW_FIELD_BOOLEAN:
      mibew_record_set_boolean (self, field->key, g_value_get_boolean (value));
      break;
    case MIBEW_FIELD_STRING:
      mibew_record_set_string (self, field->key, g_value_get_string (value));
      break;
    case MIBEW_FIELD_ENUM:
      mibew_record_set_int (self, field->key, g_value_get_enum (value));
      break;
    case MIBEW_FIELD_FLAGS:
      mibew_record_set_int (self, field->key, g_value_get_flags (value));
      break;
    case MIBEW_FIELD_OBJECT:
      mibew_record_set_object (self, field->key, g_value_get_boxed (value));
      break;
    case MIBEW_FIELD_ARRAY:
      {
        JsonArray *array = g_value_get_boxed (value);
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        if (array != NULL)
          json_node_set_array (node, array);
        else
          json_node_take_array (node, json_array_new ());
        json_object_set_member (get_object (self), field->key, node);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_record_finalize (GObject *object)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (MIBEW_RECORD (object));

  g_clear_pointer (&priv->object, json_object_unref);
  g_clear_pointer (&priv->from_empty_array, json_object_unref);

  G_OBJECT_CLASS (mibew_record_parent_class)->finalize (object);
}

static void
mibew_record_class_init (MibewRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  mibew_i18n_init ();

  object_class->get_property = mibew_record_get_property;
  object_class->set_property = mibew_record_set_property;
  object_class->finalize = mibew_record_finalize;

  fields_quark = g_quark_from_static_string ("mibew-record-fields");
}

static void
mibew_record_init (MibewRecord *self)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (self);

  priv->object = json_object_new ();
}

void
mibew_record_class_install_fields (MibewRecordClass       *klass,
                                   const MibewRecordField *fields,
                                   guint                   n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FieldTable *table = g_new0 (FieldTable, 1);   /* lives as long as the type */

  table->fields = fields;
  table->n_fields = n_fields;
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), fields_quark, table);

  /* GObject does not inherit these: each class that installs properties
   * needs them. The handlers find the field table through the pspec's
   * owner type. */
  object_class->get_property = mibew_record_get_property;
  object_class->set_property = mibew_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const MibewRecordField *f = &fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case MIBEW_FIELD_INT:
          pspec = g_param_spec_int64 (f->property, f->key, f->blurb,
                                      G_MININT64, G_MAXINT64, 0, flags);
          break;
        case MIBEW_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->property, f->key, f->blurb,
                                       -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case MIBEW_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (f->property, f->key, f->blurb, FALSE, flags);
          break;
        case MIBEW_FIELD_STRING:
          pspec = g_param_spec_string (f->property, f->key, f->blurb, NULL, flags);
          break;
        case MIBEW_FIELD_ENUM:
          {
            GEnumClass *eclass = g_type_class_ref (f->gtype ());
            pspec = g_param_spec_enum (f->property, f->key, f->blurb, f->gtype (),
                                       eclass->values[0].value, flags);
            g_type_class_unref (eclass);
          }
          break;
        case MIBEW_FIELD_FLAGS:
          pspec = g_param_spec_flags (f->property, f->key, f->blurb, f->gtype (), 0, flags);
          break;
        case MIBEW_FIELD_OBJECT:
          pspec = g_param_spec_boxed (f->property, f->key, f->blurb, JSON_TYPE_OBJECT, flags);
          break;
        case MIBEW_FIELD_ARRAY:
          pspec = g_param_spec_boxed (f->property, f->key, f->blurb, JSON_TYPE_ARRAY, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const MibewRecordField *
mibew_record_class_get_fields (MibewRecordClass *klass,
                               guint            *n_fields)
{
  const FieldTable *table = field_table_for_type (G_TYPE_FROM_CLASS (klass));

  *n_fields = table != NULL ? table->n_fields : 0;
  return table != NULL ? table->fields : NULL;
}

/**
 * mibew_record_from_json:
 * @record_type: a subtype of #MibewRecord, such as `MIBEW_TYPE_THREAD`
 * @object: the JSON form, as Mibew sends it
 * @error: return location for a #GError
 *
 * Creates a record of @record_type holding a copy of @object.
 *
 * Every documented key that is present must have the right JSON type
 * (numeric strings are accepted for integers); unknown keys are kept.
 *
 * Returns: (transfer full) (nullable): a new record, or %NULL with @error
 *   set to %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS naming the first bad key
 */
MibewRecord *
mibew_record_from_json (GType        record_type,
                            JsonObject  *object,
                            GError     **error)
{
  g_autoptr(MibewRecord) record = NULL;

  g_return_val_if_fail (g_type_is_a (record_type, MIBEW_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (record_type), NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = g_object_new (record_type, NULL);
  if (!mibew_record_update_from_json (record, object, error))
    return NULL;
  return g_steal_pointer (&record);
}

/**
 * mibew_record_update_from_json:
 * @self: a #MibewRecord
 * @object: the new JSON form
 * @error: return location for a #GError
 *
 * Replaces the contents of @self with a copy of @object, after checking
 * every documented key. On error @self is left unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
mibew_record_update_from_json (MibewRecord  *self,
                               JsonObject   *object,
                               GError      **error)
{
  MibewRecordPrivate *priv = mibew_record_get_instance_private (self);

  g_return_val_if_fail (MIBEW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_object (G_OBJECT_TYPE (self), object, NULL, error))
    return FALSE;

  /* Deep copy: the caller's object must not alias ours. */
  g_clear_pointer (&priv->object, json_object_unref);
  priv->object = mibew_json_object_deep_copy (object);
  return TRUE;
}

/**
 * mibew_record_get_json:
 * @self: a #MibewRecord
 *
 * Gets the live JSON object behind @self. Changes to it are changes to
 * the record (properties read it); use it to add custom keys.
 *
 * Returns: (transfer none): the record's JSON object
 */
JsonObject *
mibew_record_get_json (MibewRecord *self)
{
  g_return_val_if_fail (MIBEW_IS_RECORD (self), NULL);

  return get_object (self);
}

/**
 * mibew_record_to_json:
 * @self: a #MibewRecord
 *
 * Makes a deep copy of the record's JSON form.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
mibew_record_to_json (MibewRecord *self)
{
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), NULL);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, mibew_json_object_deep_copy (get_object (self)));
  return node;
}

/**
 * mibew_record_has_member:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Checks whether @self has the member @key.
 *
 * Returns: whether @key is present (even if its value is null)
 */
gboolean
mibew_record_has_member (MibewRecord *self,
                         const char  *key)
{
  g_return_val_if_fail (MIBEW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return json_object_has_member (get_object (self), key);
}

/**
 * mibew_record_get_member:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Gets the value under @key, documented or custom.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if absent
 */
JsonNode *
mibew_record_get_member (MibewRecord *self,
                         const char  *key)
{
  g_return_val_if_fail (MIBEW_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return json_object_get_member (get_object (self), key);
}

/**
 * mibew_record_set_member:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: (transfer none): the new value; it is copied
 *
 * Sets @key to a copy of @value. Use it for custom keys; documented keys
 * are better set through their properties, which keep their type.
 */
void
mibew_record_set_member (MibewRecord *self,
                         const char  *key,
                         JsonNode    *value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (value != NULL);

  store (self, key, mibew_json_node_deep_copy (value));
}

/**
 * mibew_record_remove_member:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Removes @key.
 *
 * Returns: whether @key was present
 */
gboolean
mibew_record_remove_member (MibewRecord *self,
                            const char  *key)
{
  JsonObject *object;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  object = get_object (self);
  if (!json_object_has_member (object, key))
    return FALSE;
  json_object_remove_member (object, key);
  return TRUE;
}

/**
 * mibew_record_get_int:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Reads an integer. Numeric strings (`"42"`), as Mibew's database layer
 * sends them, are converted; booleans read as 0 or 1.
 *
 * Returns: the value, or 0 if @key is absent, null or not a number
 */
gint64
mibew_record_get_int (MibewRecord *self,
                      const char  *key)
{
  gint64 v = 0;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  if (!mibew_json_node_to_int (json_object_get_member (get_object (self), key), &v))
    return 0;
  return v;
}

/**
 * mibew_record_set_int:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: the new value
 *
 * Sets @key to the integer @value.
 */
void
mibew_record_set_int (MibewRecord *self,
                      const char  *key,
                      gint64       value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  store (self, key, json_node_init_int (json_node_alloc (), value));
}

/**
 * mibew_record_get_double:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Reads a number (integers and numeric strings included).
 *
 * Returns: the value, or 0 if @key is absent or not a number
 */
double
mibew_record_get_double (MibewRecord *self,
                         const char  *key)
{
  JsonNode *node;
  gint64 i;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  node = json_object_get_member (get_object (self), key);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return json_node_get_double (node);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_ascii_strtod (json_node_get_string (node), NULL);
    }
  if (mibew_json_node_to_int (node, &i))
    return (double) i;
  return 0;
}

/**
 * mibew_record_set_double:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: the new value
 *
 * Sets @key to the number @value.
 */
void
mibew_record_set_double (MibewRecord *self,
                         const char  *key,
                         double       value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  store (self, key, json_node_init_double (json_node_alloc (), value));
}

/**
 * mibew_record_get_boolean:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Reads a boolean; numbers (and numeric strings) other than 0 read as
 * %TRUE, as PHP would have them.
 *
 * Returns: the value, or %FALSE if @key is absent
 */
gboolean
mibew_record_get_boolean (MibewRecord *self,
                          const char  *key)
{
  JsonNode *node;
  gint64 i;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  node = json_object_get_member (get_object (self), key);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return mibew_json_node_to_int (node, &i) && i != 0;
}

/**
 * mibew_record_set_boolean:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: the new value
 *
 * Sets @key to the boolean @value.
 */
void
mibew_record_set_boolean (MibewRecord *self,
                          const char  *key,
                          gboolean     value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  store (self, key, json_node_init_boolean (json_node_alloc (), !!value));
}

/**
 * mibew_record_get_string:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Reads a string. The string belongs to the record and is valid until
 * @key changes.
 *
 * Returns: (nullable): the string, or %NULL if @key is absent, null or
 *   not a string
 */
const char *
mibew_record_get_string (MibewRecord *self,
                         const char  *key)
{
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (get_object (self), key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * mibew_record_set_string:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: (nullable): the new value; %NULL stores JSON null
 *
 * Sets @key to the string @value.
 */
void
mibew_record_set_string (MibewRecord *self,
                         const char  *key,
                         const char  *value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    store (self, key, json_node_init_null (json_node_alloc ()));
  else
    store (self, key, json_node_init_string (json_node_alloc (), value));
}

/**
 * mibew_record_get_object:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Reads a nested object, such as a site visitor's `details`. The object is
 * live: changing it changes the record.
 *
 * Returns: (transfer none) (nullable): the object, or %NULL if @key is
 *   absent or not an object (Mibew uses `false` for "none")
 */
JsonObject *
mibew_record_get_object (MibewRecord *self,
                         const char  *key)
{
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (get_object (self), key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/**
 * mibew_record_set_object:
 * @self: a #MibewRecord
 * @key: a JSON key
 * @value: (nullable): the object, shared, not copied; %NULL stores `false`,
 *   as Mibew does for "none"
 *
 * Sets @key to @value.
 */
void
mibew_record_set_object (MibewRecord *self,
                         const char  *key,
                         JsonObject  *value)
{
  g_return_if_fail (MIBEW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    store (self, key, json_node_init_boolean (json_node_alloc (), FALSE));
  else
    store (self, key, json_node_init_object (json_node_alloc (), value));
}

/**
 * mibew_record_is_null:
 * @self: a #MibewRecord
 * @key: a JSON key
 *
 * Whether @key is absent, null or `false` — the ways Mibew says "none"
 * (a group's `parent`, a visitor's `threadid`, `invitationInfo`).
 *
 * Returns: %TRUE if @key holds no value
 */
gboolean
mibew_record_is_null (MibewRecord *self,
                      const char  *key)
{
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_RECORD (self), TRUE);
  g_return_val_if_fail (key != NULL, TRUE);

  node = json_object_get_member (get_object (self), key);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         !json_node_get_boolean (node);
}
