/* mibew-event-table-private.h: the event table, expanded
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>

#include "mibew-enums.h"

G_BEGIN_DECLS

typedef enum {
#define MIBEW_EVENT(ID, name, CAT, sig, KIND, args, key, extra) MIBEW_EVENT_##ID,
#include "mibew-event-list.h"
#undef MIBEW_EVENT
  MIBEW_N_EVENTS
} MibewEventId;

#define MIBEW_N_CATEGORIES (MIBEW_EVENT_CATEGORY_WIDGET + 1)

typedef struct {
  const char        *name;          /* Mibew's event name, "threadPostMessage" */
  const char        *constant;      /* Mibew's constant, "THREAD_POST_MESSAGE" */
  MibewEventCategory category;
  const char        *signal_name;   /* "post-message" */
  MibewEventKind     kind;
  GType            (*args_type) (void);
  const char        *result_key;    /* JSON key of the argument listeners answer in */
  const char        *extra_key;     /* the optional argument it carries, or NULL */
} MibewEventInfo;

extern const MibewEventInfo mibew_event_table[MIBEW_N_EVENTS];

const MibewEventInfo *mibew_event_lookup (const char *name,
                                          GQuark     *detail);

/* mibew_event_lookup(), with %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT set for
 * an unknown name. */
const MibewEventInfo *mibew_event_lookup_or_error (const char  *name,
                                                   GQuark      *detail,
                                                   GError     **error);

/* The last event mibew_event_lookup() found by its plain name. */
G_GNUC_INTERNAL extern const MibewEventInfo *mibew_event_last_found;

/* mibew_event_lookup_or_error() for the emission paths: the event found
 * last is compared inline, before any call (hosts trigger the same event
 * again and again). */
static inline const MibewEventInfo *
mibew_event_lookup_fast (const char  *name,
                         GQuark      *detail,
                         GError     **error)
{
  const MibewEventInfo *info = (const MibewEventInfo *) g_atomic_pointer_get (&mibew_event_last_found);

  if (G_LIKELY (info != NULL && g_str_equal (info->name, name)))
    {
      *detail = 0;
      return info;
    }
  return mibew_event_lookup_or_error (name, detail, error);
}

static inline MibewEventId
mibew_event_info_id (const MibewEventInfo *info)
{
  return (MibewEventId) (info - mibew_event_table);
}

G_END_DECLS
