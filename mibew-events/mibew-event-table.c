/* mibew-event-table.c: the table of the 41 events, expanded from
 * mibew-event-list.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include <string.h>

#include "mibew-events.h"
#include "mibew-event-table-private.h"

const MibewEventInfo mibew_event_table[MIBEW_N_EVENTS] = {
#define MIBEW_EVENT(ID, name, CAT, sig, KIND, args, key, extra) \
  { name, #ID, MIBEW_EVENT_CATEGORY_##CAT, sig, MIBEW_EVENT_KIND_##KIND, args, key, extra },
#include "mibew-event-list.h"
#undef MIBEW_EVENT
};

static GHashTable *
build_index (void)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < MIBEW_N_EVENTS; i++)
    g_hash_table_insert (index, (gpointer) mibew_event_table[i].name,
                         (gpointer) &mibew_event_table[i]);
  return index;
}

/* The last event found by its plain name: hosts trigger the same event
 * again and again, and one strcmp() costs a tenth of hashing the name
 * (an entry of the static table, so a stale one is still valid). */
const MibewEventInfo *mibew_event_last_found;

/* Finds an event by Mibew's name. For function-call events the name may
 * carry a detail, "threadFunctionCall::microtime"; @detail gets its quark
 * (0 without one). Returns NULL for unknown names and for a detail on an
 * event that has none. */
const MibewEventInfo *
mibew_event_lookup (const char *name,
                    GQuark     *detail)
{
  static gsize index_once = 0;
  static GHashTable *index;
  const MibewEventInfo *info;
  const char *sep;

  info = g_atomic_pointer_get (&mibew_event_last_found);
  if (info != NULL && strcmp (info->name, name) == 0)
    {
      if (detail != NULL)
        *detail = 0;
      return info;
    }

  if (g_once_init_enter (&index_once))
    {
      index = build_index ();
      g_once_init_leave (&index_once, 1);
    }

  if (detail != NULL)
    *detail = 0;

  sep = strstr (name, "::");
  if (sep == NULL)
    {
      info = g_hash_table_lookup (index, name);
      if (info != NULL)
        g_atomic_pointer_set (&mibew_event_last_found, info);
      return info;
    }

  {
    g_autofree char *base = g_strndup (name, sep - name);

    info = g_hash_table_lookup (index, base);
  }
  /* a detail is a function name: text, as the signal's detail quark */
  if (info == NULL || info->kind != MIBEW_EVENT_KIND_CALL || sep[2] == '\0' || detail == NULL ||
      !g_utf8_validate (sep + 2, -1, NULL))
    return NULL;
  *detail = g_quark_from_string (sep + 2);
  return info;
}

const MibewEventInfo *
mibew_event_lookup_or_error (const char  *name,
                             GQuark      *detail,
                             GError     **error)
{
  const MibewEventInfo *info = mibew_event_lookup (name, detail);

  if (info == NULL)
    {
      /* never echo invalid UTF-8 into a message */
      g_autofree char *valid = g_utf8_make_valid (name, -1);

      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_EVENT,
                   _("Unknown event “%s”"), valid);
    }
  return info;
}
