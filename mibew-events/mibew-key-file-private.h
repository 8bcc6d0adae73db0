/* mibew-key-file-private.h: a check the configuration parsers make before
 * GKeyFile unescapes a value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Header-only, for the bridge's and the plugin engine's configuration
 * parsers (two libraries that share no private code otherwise).
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Whether @raw (a value as g_key_file_get_value() gives it; may be
 * NULL) ends in an escape character with nothing after it: an odd number
 * of trailing backslashes.
 *
 * GKeyFile refuses such a value when it is read as a string, but GLib
 * 2.74's g_key_file_get_string() and g_key_file_get_string_list() set
 * their GError a second time when an invalid escape came before the end
 * (a GLib-WARNING "GError set over the top of a previous GError"; found by
 * fuzz/fuzz-config). The parsers refuse such a file before they read it
 * as strings, with a message of their own; no value GKeyFile reads is
 * refused that it would have taken. */
static inline gboolean
mibew_key_file_value_ends_in_escape (const char *raw)
{
  gsize length = raw != NULL ? strlen (raw) : 0;
  gsize backslashes = 0;

  while (backslashes < length && raw[length - 1 - backslashes] == '\\')
    backslashes++;
  return backslashes % 2 == 1;
}

/* Finds a value of @key_file for which
 * mibew_key_file_value_ends_in_escape() holds, and gives its group and
 * key (owned by the caller; either may be NULL). */
static inline gboolean
mibew_key_file_find_trailing_escape (GKeyFile  *key_file,
                                     char     **group,
                                     char     **key)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (key_file, groups[i], NULL, NULL);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *raw = g_key_file_get_value (key_file, groups[i], keys[k], NULL);

          if (mibew_key_file_value_ends_in_escape (raw))
            {
              if (group != NULL)
                *group = g_strdup (groups[i]);
              if (key != NULL)
                *key = g_strdup (keys[k]);
              return TRUE;
            }
        }
    }
  return FALSE;
}

G_END_DECLS
