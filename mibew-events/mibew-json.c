/* mibew-json.c: deep copies of JSON trees
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json_node_copy() only takes a reference on objects, arrays and values,
 * so a "copy" would still share them. Records must not alias the caller's data,
 * hence these recursive copies.
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mibew-error.h"
#include "mibew-json-private.h"

JsonArray *
mibew_json_array_deep_copy (JsonArray *array)
{
  guint n = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, mibew_json_node_deep_copy (json_array_get_element (array, i)));
  return copy;
}

JsonObject *
mibew_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    json_object_set_member (copy, key, mibew_json_node_deep_copy (member));
  return copy;
}

JsonNode *
mibew_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, mibew_json_object_deep_copy (json_node_get_object (node)));
      return copy;
    case JSON_NODE_ARRAY:
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, mibew_json_array_deep_copy (json_node_get_array (node)));
      return copy;
    case JSON_NODE_VALUE:
      /* json_node_copy() shares the value, too: rebuild it */
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return json_node_init_int (json_node_alloc (), json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (json_node_alloc (), json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (json_node_alloc (), json_node_get_boolean (node));
        case G_TYPE_STRING:
          return json_node_init_string (json_node_alloc (), json_node_get_string (node));
        default:
          return json_node_copy (node);
        }
    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

void
mibew_json_object_merge (JsonObject *into,
                         JsonObject *from)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (into, name, mibew_json_node_deep_copy (node));
}

void
mibew_json_object_replace_members (JsonObject *into,
                                   JsonObject *from)
{
  g_autoptr(GList) old = json_object_get_members (into);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  for (GList *l = old; l != NULL; l = l->next)
    json_object_remove_member (into, l->data);
  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (into, name, json_node_ref (node));
}

const char *
mibew_json_node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_STRING:
      return "a string";
    default:
      return "a number";
    }
}

/* Quotes @s as JSON would, so an error message shows exactly which string
 * it means; control characters are escaped. */
static void
append_quoted (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (; *s != '\0'; s++)
    {
      if (*s == '"' || *s == '\\')
        g_string_append_printf (out, "\\%c", *s);
      else if ((guchar) *s < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *s);
      else
        g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

char *
mibew_json_node_describe (JsonNode *node)
{
  if (node == NULL)
    return g_strdup (_("nothing"));
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("an object"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("an array"));

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    case G_TYPE_STRING:
      {
        /* a caller's node may hold anything: never echo invalid UTF-8 */
        g_autofree char *valid = g_utf8_make_valid (json_node_get_string (node), -1);
        GString *out = g_string_new (NULL);
        gboolean cut = g_utf8_strlen (valid, -1) > 40;

        if (cut)
          *g_utf8_offset_to_pointer (valid, 40) = '\0';
        append_quoted (out, valid);
        if (cut)
          g_string_insert (out, out->len - 1, "…");
        return g_string_free (out, FALSE);
      }
    default:
      return g_strdup (_("a value"));
    }
}

void
mibew_json_set_type_error (GError    **error,
                           const char *path,
                           const char *expected,
                           JsonNode   *got)
{
  g_autofree char *what = mibew_json_node_describe (got);

  if (path == NULL || *path == '\0')
    /* TRANSLATORS: "expected an integer, got "x"" */
    g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                 _("expected %s, got %s"), expected, what);
  else
    /* TRANSLATORS: "thread.state: expected an integer, got "x"" */
    g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                 _("%s: expected %s, got %s"), path, expected, what);
}

void
mibew_json_set_missing_error (GError    **error,
                              const char *path)
{
  /* TRANSLATORS: "message_body: missing" */
  g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
               _("%s: missing"), path);
}

char *
mibew_json_path_key (const char *path,
                     const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

char *
mibew_json_path_index (const char *path,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "", index);
}

gboolean
mibew_json_node_to_int (JsonNode *node,
                        gint64   *out)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* range first: casting an out-of-range double is undefined
         * (NaN fails both comparisons) */
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) ||
            d != (double) (gint64) d)
          return FALSE;
        *out = (gint64) d;
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      *out = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        char *end = NULL;
        gint64 v;

        if (s == NULL || *s == '\0' || g_ascii_isspace (*s))
          return FALSE;
        errno = 0;
        v = g_ascii_strtoll (s, &end, 10);
        if (errno != 0 || end == s || *end != '\0')
          return FALSE;
        *out = v;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static gboolean
check_depth (JsonNode  *node,
             guint      depth,
             guint      max_depth,
             GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
    {
      if (depth >= max_depth)
        {
          g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED,
                       _("the document nests deeper than %u levels"), max_depth);
          return FALSE;
        }
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          JsonNode *member;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, NULL, &member))
            if (!check_depth (member, depth + 1, max_depth, error))
              return FALSE;
        }
      else
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (!check_depth (json_array_get_element (array, i), depth + 1, max_depth, error))
              return FALSE;
        }
    }
  return TRUE;
}

gboolean
mibew_json_check_depth (JsonNode  *node,
                        guint      max_depth,
                        GError   **error)
{
  return check_depth (node, 0, max_depth, error);
}

/* json-glib 1.6 parses recursively (a deep document overflows the stack),
 * keeps the last of duplicate keys silently, turns integers past int64
 * into -1 and 1e400 into inf, and accepts more than JSON: single quotes,
 * comments, hexadecimal numbers, `var x = ...;` and a second document
 * after the first. So before json-glib sees a document, one pass over
 * its bytes accepts JSON's own syntax only, checks the depth and the
 * numbers, and counts the members of every object (in document order);
 * after parsing, an object with fewer members than counted had a
 * duplicate key. */
typedef struct
{
  GArray *counts;      /* guint: members of each object, pre-order */
  guint max_depth;
} Scan;

static gboolean
scan_error (GError     **error,
            const char  *data,
            const char  *p,
            const char  *what)
{
  g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON,
               _("malformed JSON: %s at byte %zu"), what, (gsize) (p - data));
  return FALSE;
}

static gboolean
scan_number (const char  *data,
             const char  *p,
             const char  *end,
             const char **after,
             GError     **error)
{
  const char *start = p;
  gboolean integral = TRUE;
  g_autofree char *text = NULL;
  gboolean ok;

  /* JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
   * (json-glib also takes 01 and 1.) */
  if (p < end && *p == '-')
    p++;
  ok = p < end && g_ascii_isdigit (*p);
  if (ok && *p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (ok && p < end && *p == '.')
    {
      integral = FALSE;
      p++;
      ok = p < end && g_ascii_isdigit (*p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (ok && p < end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      ok = p < end && g_ascii_isdigit (*p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (ok && p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' ||
                        *p == '+' || *p == '-' || g_ascii_isalpha (*p)))
    ok = FALSE;   /* 01, 1.2.3, 1e5e5, 0x10 */
  *after = p;
  text = g_strndup (start, p - start);
  if (!ok)
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON,
                   _("malformed JSON: a number is malformed at byte %zu"), (gsize) (p - data));
      return FALSE;
    }
  errno = 0;
  if (integral)
    (void) g_ascii_strtoll (text, NULL, 10);
  else
    /* underflow (5e-324) is a number; only what has no double is not */
    errno = isfinite (g_ascii_strtod (text, NULL)) ? 0 : ERANGE;
  if (errno == ERANGE)
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                   _("the number %s is out of range"), text);
      return FALSE;
    }
  return TRUE;
}

/* Reads the UTF-16 code unit of a "\\uXXXX" escape at @p (before @end)
 * into @unit; FALSE unless @p holds one. */
static gboolean
read_u_escape (const char *p,
               const char *end,
               guint      *unit)
{
  *unit = 0;
  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return FALSE;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *unit = *unit << 4 | (guint) g_ascii_xdigit_value (p[i]);
    }
  return TRUE;
}

/* A string as JSON has it: the escapes \" \\ \/ \b \f \n \r \t \uXXXX
 * only (json-glib also takes octal and unknown ones, and cuts the string
 * at \u0000, which a C string cannot hold), no raw control character.
 * @p points at the opening quote; on return, past the closing one. */
static gboolean
scan_string (const char  *data,
             const char **pp,
             const char  *end,
             GError     **error)
{
  const char *p = *pp + 1;

  for (; p < end && *p != '"'; p++)
    {
      if ((guchar) *p < 0x20)
        return scan_error (error, data, p, _("a control character in a string"));
      if (*p != '\\')
        continue;
      if (++p >= end)
        break;
      switch (*p)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;
        case 'u':
          {
            guint unit, low;

            if (!read_u_escape (p - 1, end, &unit))
              return scan_error (error, data, p - 1, _("a malformed \\u escape"));
            if (unit == 0)
              return scan_error (error, data, p - 1, _("\\u0000 in a string"));
            /* a UTF-16 surrogate must come as a pair (high, then low): alone
             * it is no character, and json-glib would turn it into bytes
             * that are not UTF-8 (found by fuzz-args) */
            if (unit >= 0xdc00 && unit <= 0xdfff)
              return scan_error (error, data, p - 1, _("a lone UTF-16 surrogate in a \\u escape"));
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (!read_u_escape (p + 5, end, &low) || low < 0xdc00 || low > 0xdfff)
                  return scan_error (error, data, p - 1, _("a lone UTF-16 surrogate in a \\u escape"));
                p += 6;
              }
          }
          p += 4;
          break;
        default:
          return scan_error (error, data, p - 1, _("an unknown escape in a string"));
        }
    }
  if (p >= end)
    return scan_error (error, data, *pp, _("an unterminated string"));
  *pp = p + 1;
  return TRUE;
}

static gboolean
scan_document (Scan        *scan,
               const char  *data,
               const char  *end,
               GError     **error)
{
  /* per open container: the index of its count (objects) or G_MAXUINT */
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean expect_key = FALSE;
  gboolean done = FALSE;      /* the top-level value is complete */
  const char *p = data;

  while (p < end)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          p++;
          continue;
        }
      if (done)
        return scan_error (error, data, p, _("more data after the document"));

      switch (c)
        {
        case '{':
        case '[':
          if (stack->len >= scan->max_depth)
            {
              g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED,
                           _("the document nests deeper than %u levels"), scan->max_depth);
              return FALSE;
            }
          {
            guint index = G_MAXUINT;

            if (c == '{')
              {
                guint zero = 0;

                index = scan->counts->len;
                g_array_append_val (scan->counts, zero);
              }
            g_array_append_val (stack, index);
          }
          expect_key = c == '{';
          p++;
          break;
        case '}':
        case ']':
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          expect_key = FALSE;
          done = stack->len == 0;
          p++;
          break;
        case ',':
          expect_key = stack->len > 0 && g_array_index (stack, guint, stack->len - 1) != G_MAXUINT;
          p++;
          break;
        case ':':
          p++;
          break;
        case '"':
          if (expect_key && stack->len > 0)
            g_array_index (scan->counts, guint, g_array_index (stack, guint, stack->len - 1))++;
          expect_key = FALSE;
          if (!scan_string (data, &p, end, error))
            return FALSE;
          done = stack->len == 0;
          break;
        default:
          if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (data, p, end, &p, error))
                return FALSE;
            }
          else if (end - p >= 4 && (memcmp (p, "true", 4) == 0 || memcmp (p, "null", 4) == 0))
            p += 4;
          else if (end - p >= 5 && memcmp (p, "false", 5) == 0)
            p += 5;
          else
            {
              g_autofree char *what = g_strdup_printf (g_ascii_isprint (c) ? _("unexpected “%c”")
                                                                           : _("unexpected byte 0x%02x"),
                                                       g_ascii_isprint (c) ? c : (guchar) c);

              return scan_error (error, data, p, what);
            }
          /* a number or a literal after it is glued to it: json-glib
           * judges that (the scan only needs the value's end) */
          done = stack->len == 0;
        }
    }
  return TRUE;
}

/* With @path NULL, only whether the tree has a duplicate key, with no
 * error and no path strings: the paths only serve the message, and
 * making one per member cost a fifth of a parse (mibew_json_parse() looks
 * again with paths when there is one). */
static gboolean
find_duplicates (JsonNode    *node,
                 const char  *path,
                 GArray      *counts,
                 guint       *next,
                 GError     **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      if (*next >= counts->len ||
          json_object_get_size (object) != g_array_index (counts, guint, *next))
        {
          if (path == NULL)
            return FALSE;
          if (*path == '\0')
            g_set_error_literal (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                                 _("the document has a duplicate key"));
          else
            g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                         _("%s: duplicate key"), path);
          return FALSE;
        }
      (*next)++;
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          g_autofree char *sub = path != NULL ? mibew_json_path_key (path, key) : NULL;

          if (!find_duplicates (member, sub, counts, next, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *sub = path != NULL ? mibew_json_path_index (path, i) : NULL;

          if (!find_duplicates (json_array_get_element (array, i), sub, counts, next, error))
            return FALSE;
        }
    }
  return TRUE;
}

JsonNode *
mibew_json_parse (const char *data,
                  gssize      length,
                  gsize       max_size,
                  guint       max_depth,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *bad = NULL;
  JsonNode *root;
  guint next = 0;
  Scan scan;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > max_size)
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED,
                   _("the document is %zu bytes long, more than the limit of %zu"),
                   (gsize) length, max_size);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON,
                   _("invalid UTF-8 at byte %zu"), (gsize) (bad - data));
      return NULL;
    }

  counts = g_array_new (FALSE, FALSE, sizeof (guint));
  scan.counts = counts;
  scan.max_depth = max_depth;
  if (!scan_document (&scan, data, data + length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib cuts its quotes of the input anywhere, UTF-8 or not */
      g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON,
                   _("malformed JSON: %s"), message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON,
                           _("empty input: expected a JSON document"));
      return NULL;
    }
  if (!find_duplicates (root, NULL, counts, &next, NULL))
    {
      next = 0;
      find_duplicates (root, "", counts, &next, error);
      return NULL;
    }
  return json_node_ref (root);
}

/* Why not json_generator_to_data(): json-glib 1.6 writes a double such as
 * 1e17 as "1e+17.0", which is not JSON (every reader refuses it), and
 * writes every double with 17 digits (0.6 becomes 0.59999999999999998).
 * This writer gives the shortest form that reads back as the same double,
 * and otherwise writes what json-glib writes: members in order, non-ASCII
 * text as UTF-8, two spaces of indentation when pretty. */
static void
append_double (GString *out,
               double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      /* JSON has no infinity; the parser never makes one */
      g_string_append (out, "null");
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
  /* keep it a double for readers that tell 1.0 from 1, as json-glib does */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* Runs of characters that need no escape go in with one append each:
 * a g_string_append_c() per byte was half of writing a document. */
static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (;;)
    {
      const char *run = s;

      while ((guchar) *s >= 0x20 && *s != '"' && *s != '\\')
        s++;
      if (s > run)
        g_string_append_len (out, run, s - run);
      if (*s == '\0')
        break;
      switch (*s)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (guint) (guchar) *s);
        }
      s++;
    }
  g_string_append_c (out, '"');
}

/* Why not g_string_append_printf(): it formats into a new allocation,
 * which cost about 1,100 instructions per integer, a third of writing a
 * typical document; the digits are written backwards into a buffer. */
static void
append_int (GString *out,
            gint64   v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  /* in unsigned arithmetic, so that G_MININT64 negates */
  guint64 u = v < 0 ? -(guint64) v : (guint64) v;

  do
    *--p = (char) ('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_indent (GString *out,
               gboolean pretty,
               guint    level)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_indent (out, pretty, level + 1);
            append_string (out, key);
            g_string_append (out, pretty ? " : " : ":");
            append_node (out, member, pretty, level + 1);
          }
        if (!first)
          append_indent (out, pretty, level);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_indent (out, pretty, level + 1);
            append_node (out, json_array_get_element (array, i), pretty, level + 1);
          }
        if (n > 0)
          append_indent (out, pretty, level);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
    }
}

/**
 * mibew_json_to_data:
 * @node: a JSON tree
 * @pretty: whether to indent it (two spaces a level)
 *
 * Writes @node as JSON text, as json_generator_to_data() does but always
 * valid: json-glib 1.6 writes large doubles such as 1e17 as `1e+17.0`,
 * which no JSON reader accepts, and every double with 17 digits. Here a
 * double comes out in the shortest form that reads back the same (`0.6`,
 * `1e+17`); the rest is what json-glib writes.
 *
 * Returns: (transfer full): the text, UTF-8
 */
char *
mibew_json_to_data (JsonNode *node,
                    gboolean  pretty)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  /* a deep tree comes from the caller: json-glib's limits do not apply,
   * but the recursion is as deep as the tree, as in json-glib */
  out = g_string_sized_new (256);
  append_node (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}

char *
mibew_json_enum_expected (GType type)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (type);
  GString *s = g_string_new (_("one of"));

  for (guint i = 0; i < eclass->n_values; i++)
    g_string_append_printf (s, i == 0 ? " %d" : ", %d", eclass->values[i].value);
  return g_string_free (s, FALSE);
}
