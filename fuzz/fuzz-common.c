/* fuzz-common.c: what the fuzz targets share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#include <mibew-events/mibew-events.h>

#include <string.h>

#include "fuzz-common.h"

/* Reads every readable property of @object, and of the records and list
 * models' items it holds down to @depth levels: none may complain (a
 * critical or a warning is fatal in the targets). With @out, each value
 * is appended as "name=contents" lines, which compare two states. */
void
fuzz_read_properties (GObject *object,
                      guint    depth,
                      GString *out)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (out != NULL)
        {
          g_autofree char *contents = g_strdup_value_contents (&value);

          g_string_append_printf (out, "%s=%s\n", pspecs[i]->name, contents);
        }
      if (depth > 0 && G_VALUE_HOLDS_OBJECT (&value) && g_value_get_object (&value) != NULL)
        {
          GObject *child = g_value_get_object (&value);

          if (MIBEW_IS_RECORD (child))
            fuzz_read_properties (child, depth - 1, out);
          else if (G_IS_LIST_MODEL (child))
            for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (child)); k++)
              {
                g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (child), k);

                fuzz_read_properties (item, depth - 1, out);
              }
        }
    }
}

/* Splits an input into at most @max_parts parts at @separator (the last
 * part keeps any further separators): several documents in one input.
 * Returns the parts as GBytes. */
GPtrArray *
fuzz_split (const guint8 *data,
            size_t        size,
            const char   *separator,
            guint         max_parts)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gsize sep_len = strlen (separator);
  const guint8 *end = data + size;

  while (parts->len + 1 < max_parts)
    {
      const guint8 *hit = memmem (data, end - data, separator, sep_len);

      if (hit == NULL)
        break;
      g_ptr_array_add (parts, g_bytes_new (data, hit - data));
      data = hit + sep_len;
    }
  g_ptr_array_add (parts, g_bytes_new (data, end - data));
  return parts;
}
