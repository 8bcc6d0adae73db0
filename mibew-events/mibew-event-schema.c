/* mibew-event-schema.c: JSON Schema and descriptions from the field tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The decoder (mibew-event-args.c, mibew-record.c, mibew-asset.c) and
 * this file read the same tables: a key the decoder checks is a key the
 * schema describes, with the same type.
 */

#include "config.h"

#include "mibew-event-schema-private.h"
#include "mibew-event-args-private.h"
#include "mibew-record-private.h"
#include "mibew-enum-types.h"

#include <string.h>

#define SCHEMA_DIALECT "https://json-schema.org/draft/2020-12/schema"

static JsonNode *
take_object (JsonBuilder *builder)
{
  return json_builder_get_root (builder);
}

/* Mibew's PHP sends database columns as strings: "42" is an integer too.
 * The bounds are what the decoder stores the value in. */
static void
add_integer_in (JsonBuilder *b,
                gint64       minimum,
                gint64       maximum)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "integer");
  json_builder_set_member_name (b, "minimum");
  json_builder_add_int_value (b, minimum);
  json_builder_set_member_name (b, "maximum");
  json_builder_add_int_value (b, maximum);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_set_member_name (b, "pattern");
  json_builder_add_string_value (b, "^[-+]?[0-9]+$");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_integer (JsonBuilder *b)
{
  add_integer_in (b, G_MININT64, G_MAXINT64);
}

static void
add_enum (JsonBuilder *b,
          GType        type)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (type);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (guint i = 0; i < eclass->n_values; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", eclass->values[i].value);

      json_builder_add_int_value (b, eclass->values[i].value);
      json_builder_add_string_value (b, text);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_type (JsonBuilder *b,
          const char  *type)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_end_object (b);
}

static void
add_boolean (JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  add_type (b, "boolean");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  json_builder_add_int_value (b, 0);
  json_builder_add_int_value (b, 1);
  json_builder_add_string_value (b, "0");
  json_builder_add_string_value (b, "1");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* {"type": "array", "items": ...}: the items' schema follows, then
 * end_array_of() */
static void
begin_array_of (JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  json_builder_set_member_name (b, "items");
}

static void
end_array_of (JsonBuilder *b)
{
  json_builder_end_object (b);
}

/* {"anyOf": [null, (false,) ...]}: a value that may be none; the value's
 * schema follows, then end_none() */
static void
begin_none (JsonBuilder *b,
            gboolean     or_false)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  add_type (b, "null");
  if (or_false)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "const");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_end_object (b);
    }
}

static void
end_none (JsonBuilder *b)
{
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* An object, or PHP's [] for an empty one. */
static void
begin_object_or_empty_array (JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  json_builder_set_member_name (b, "maxItems");
  json_builder_add_int_value (b, 0);
  json_builder_end_object (b);
}

static void
end_object_or_empty_array (JsonBuilder *b)
{
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_record_field (JsonBuilder            *b,
                  const MibewRecordField *f)
{
  gboolean nullable = f->nullable || f->type == MIBEW_FIELD_STRING;

  if (nullable)
    begin_none (b, f->type == MIBEW_FIELD_OBJECT);

  switch (f->type)
    {
    case MIBEW_FIELD_INT:
    case MIBEW_FIELD_FLAGS:
      add_integer (b);
      break;
    case MIBEW_FIELD_ENUM:
      add_enum (b, f->gtype ());
      break;
    case MIBEW_FIELD_DOUBLE:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "anyOf");
      json_builder_begin_array (b);
      add_type (b, "number");
      add_integer (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      break;
    case MIBEW_FIELD_BOOLEAN:
      add_boolean (b);
      break;
    case MIBEW_FIELD_STRING:
      /* PHP turns numeric strings into numbers freely */
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "string");
      json_builder_add_string_value (b, "number");
      json_builder_end_array (b);
      json_builder_end_object (b);
      break;
    case MIBEW_FIELD_OBJECT:
      begin_object_or_empty_array (b);
      add_type (b, "object");
      end_object_or_empty_array (b);
      break;
    case MIBEW_FIELD_ARRAY:
      add_type (b, "array");
      break;
    default:
      g_assert_not_reached ();
    }

  if (nullable)
    end_none (b);
}

static void
add_record (JsonBuilder *b,
            GType        type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n = 0;
  const MibewRecordField *fields = mibew_record_class_get_fields (MIBEW_RECORD_CLASS (klass), &n);

  begin_object_or_empty_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, g_type_name (type) + strlen ("Mibew"));
  if (n > 0)
    {
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_set_member_name (b, fields[i].key);
          add_record_field (b, &fields[i]);
        }
      json_builder_end_object (b);
    }
  /* plugins add keys of their own to Mibew's records */
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  end_object_or_empty_array (b);
}

static void
add_asset (JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  add_type (b, "string");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "content");
  json_builder_add_string_value (b, "type");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content");
  add_type (b, "string");
  json_builder_set_member_name (b, "type");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "absolute");
  json_builder_add_string_value (b, "relative");
  json_builder_add_string_value (b, "inline");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "weight");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  add_integer_in (b, G_MININT, G_MAXINT);
  add_type (b, "null");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_arg_field (JsonBuilder          *b,
               const MibewArgField  *f,
               MibewArgFlags         flags)
{
  gboolean none = (flags & (MIBEW_ARG_FALSE_IS_NONE | MIBEW_ARG_NULLABLE)) != 0;

  if (none)
    begin_none (b, (flags & MIBEW_ARG_FALSE_IS_NONE) != 0);

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      add_integer (b);
      break;
    case MIBEW_ARG_BOOLEAN:
      add_boolean (b);
      break;
    case MIBEW_ARG_ENUM:
      add_enum (b, f->gtype ());
      break;
    case MIBEW_ARG_STRING:
    case MIBEW_ARG_FRAGMENT:
      add_type (b, "string");
      break;
    case MIBEW_ARG_DICT:
      begin_object_or_empty_array (b);
      add_type (b, "object");
      end_object_or_empty_array (b);
      break;
    case MIBEW_ARG_INT_LIST:
      begin_array_of (b);
      add_integer (b);
      end_array_of (b);
      break;
    case MIBEW_ARG_RECORD:
      add_record (b, f->gtype ());
      break;
    case MIBEW_ARG_RECORD_LIST:
      begin_array_of (b);
      add_record (b, f->gtype ());
      end_array_of (b);
      break;
    case MIBEW_ARG_ASSETS:
      begin_array_of (b);
      add_asset (b);
      end_array_of (b);
      break;
    case MIBEW_ARG_URL_GENERATOR:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "object");
      json_builder_set_member_name (b, "required");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "base_url");
      json_builder_end_array (b);
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "base_url");
      add_type (b, "string");
      json_builder_end_object (b);
      json_builder_end_object (b);
      break;
    default:
      g_assert_not_reached ();
    }

  if (none)
    end_none (b);
}

static const char *
arg_key (const MibewArgField  *f,
         const MibewEventInfo *info)
{
  return (f->flags & MIBEW_ARG_EVENT_KEY) ? info->result_key : f->key;
}

static void
add_event_schema (JsonBuilder          *b,
                  const MibewEventInfo *info,
                  gboolean              with_dialect)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (info->args_type ());
  guint n = 0;
  const MibewArgField *fields = mibew_event_args_class_get_fields (MIBEW_EVENT_ARGS_CLASS (klass), &n);

  json_builder_begin_object (b);
  if (with_dialect)
    {
      json_builder_set_member_name (b, "$schema");
      json_builder_add_string_value (b, SCHEMA_DIALECT);
    }
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, info->name);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, info->constant);
  if (n == 0)
    {
      /* cronRun, operatorLogout: PHP sends an empty array */
      json_builder_set_member_name (b, "anyOf");
      json_builder_begin_array (b);
      add_type (b, "object");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "maxItems");
      json_builder_add_int_value (b, 0);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      return;
    }
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      MibewArgFlags flags = mibew_arg_field_flags (&fields[i], info);

      if (flags & MIBEW_ARG_ABSENT)
        continue;
      json_builder_set_member_name (b, arg_key (&fields[i], info));
      add_arg_field (b, &fields[i], flags);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    if (!(mibew_arg_field_flags (&fields[i], info) & (MIBEW_ARG_OPTIONAL | MIBEW_ARG_ABSENT)))
      json_builder_add_string_value (b, arg_key (&fields[i], info));
  json_builder_end_array (b);
  /* newer Mibew versions and plugins add keys: they pass through */
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
}

JsonNode *
mibew_event_schema_build (const MibewEventInfo *info)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (info != NULL)
    {
      add_event_schema (b, info, TRUE);
      return take_object (b);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, SCHEMA_DIALECT);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Mibew Messenger's server-side events");
  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  for (guint i = 0; i < MIBEW_N_EVENTS; i++)
    {
      json_builder_set_member_name (b, mibew_event_table[i].name);
      add_event_schema (b, &mibew_event_table[i], FALSE);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return take_object (b);
}

static const char *
arg_type_name (const MibewArgField *f)
{
  switch (f->type)
    {
    case MIBEW_ARG_INT:
      return "int";
    case MIBEW_ARG_BOOLEAN:
      return "bool";
    case MIBEW_ARG_ENUM:
    case MIBEW_ARG_RECORD:
      return g_type_name (f->gtype ()) + strlen ("Mibew");
    case MIBEW_ARG_STRING:
      return "string";
    case MIBEW_ARG_DICT:
      return "dict";
    case MIBEW_ARG_INT_LIST:
      return "[int]";
    case MIBEW_ARG_RECORD_LIST:
      {
        /* "[Message]": interned, so it lives as long as the process */
        g_autofree char *name = g_strdup_printf ("[%s]", g_type_name (f->gtype ()) + strlen ("Mibew"));

        return g_intern_string (name);
      }
    case MIBEW_ARG_ASSETS:
      return "[Asset]";
    case MIBEW_ARG_FRAGMENT:
      return "HTML fragment";
    case MIBEW_ARG_URL_GENERATOR:
      return "UrlGenerator";
    default:
      g_assert_not_reached ();
    }
}

static const char *
fold_name (const MibewEventInfo *info,
           const MibewArgField  *answer)
{
  if (answer == NULL)
    return "none";
  if (info->kind == MIBEW_EVENT_KIND_OUT)
    return "first-wins";
  switch (answer->fold)
    {
    case MIBEW_FOLD_MERGE:
      return "merge";
    case MIBEW_FOLD_APPEND:
      return "append";
    default:
      return "chain";
    }
}

JsonNode *
mibew_event_describe (const MibewEventInfo *info)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (info->args_type ());
  g_autoptr(GEnumClass) kinds = g_type_class_ref (MIBEW_TYPE_EVENT_KIND);
  g_autoptr(GEnumClass) categories = g_type_class_ref (MIBEW_TYPE_EVENT_CATEGORY);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  MibewEventArgsClass *aclass = MIBEW_EVENT_ARGS_CLASS (klass);
  const MibewArgField *answer = NULL;
  guint n = 0;
  const MibewArgField *fields = mibew_event_args_class_get_fields (aclass, &n);

  if (aclass->answer_field >= 0 && info->kind != MIBEW_EVENT_KIND_NOTIFY)
    answer = &fields[aclass->answer_field];

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, info->name);
  json_builder_set_member_name (b, "constant");
  json_builder_add_string_value (b, info->constant);
  json_builder_set_member_name (b, "category");
  json_builder_add_string_value (b, g_enum_get_value (categories, info->category)->value_nick);
  json_builder_set_member_name (b, "signal");
  json_builder_add_string_value (b, info->signal_name);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, g_enum_get_value (kinds, info->kind)->value_nick);
  json_builder_set_member_name (b, "arguments_type");
  json_builder_add_string_value (b, g_type_name (info->args_type ()));
  json_builder_set_member_name (b, "fold");
  json_builder_add_string_value (b, fold_name (info, answer));
  json_builder_set_member_name (b, "answer");
  if (answer != NULL)
    json_builder_add_string_value (b, arg_key (answer, info));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "returns");
  if (answer != NULL)
    json_builder_add_string_value (b, g_type_name (aclass->return_type));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "arguments");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const MibewArgField *f = &fields[i];
      MibewArgFlags flags = mibew_arg_field_flags (f, info);

      if (flags & MIBEW_ARG_ABSENT)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, arg_key (f, info));
      json_builder_set_member_name (b, "property");
      json_builder_add_string_value (b, f->property);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, arg_type_name (f));
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, f->blurb);
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, !(flags & MIBEW_ARG_OPTIONAL));
      json_builder_set_member_name (b, "nullable");
      /* Mibew's false placeholders take null too */
      json_builder_add_boolean_value (b, (flags & (MIBEW_ARG_NULLABLE | MIBEW_ARG_FALSE_IS_NONE)) != 0);
      json_builder_set_member_name (b, "false_means_none");
      json_builder_add_boolean_value (b, (flags & MIBEW_ARG_FALSE_IS_NONE) != 0);
      json_builder_set_member_name (b, "used");
      json_builder_add_boolean_value (b, info->kind != MIBEW_EVENT_KIND_NOTIFY &&
                                         (f->flags & MIBEW_ARG_USED) != 0);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return take_object (b);
}
