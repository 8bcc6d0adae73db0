/* mibew-event-args.h: base class of every event's arguments
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

#define MIBEW_TYPE_EVENT_ARGS (mibew_event_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MibewEventArgs, mibew_event_args, MIBEW, EVENT_ARGS, GObject)

/**
 * MibewEventArgsClass:
 * @parent_class: the parent class
 * @return_type: the type listeners of the events using this class return,
 *   or %G_TYPE_NONE
 * @fold_return: folds a value a listener returned (transfer full) into the
 *   arguments: replaces the altered argument (`chain`), appends (assets) or
 *   merges (dictionaries)
 * @has_answer: for out events, whether the out slot has been filled
 * @get_detail: for function-call events, the name of the called function,
 *   which is the signal's detail
 *
 * The class of #MibewEventArgs. The library's argument classes fill in
 * the virtual functions; it is not meant to be subclassed elsewhere.
 */
struct _MibewEventArgsClass
{
  GObjectClass parent_class;

  GType    return_type;
  void     (*fold_return) (MibewEventArgs *self,
                           gpointer        value);
  gboolean (*has_answer)  (MibewEventArgs *self);
  const char *(*get_detail) (MibewEventArgs *self);

  /*< private >*/
  gconstpointer fields;
  guint         n_fields;
  int           answer_field;
  int           detail_field;
  GParamSpec  **pspecs;
  gpointer      padding[4];
};

/**
 * MIBEW_JSON_DEFAULT_MAX_DEPTH:
 *
 * How deep a JSON document may nest by default (64 levels): the limit of
 * mibew_event_args_new_from_json() and the default of
 * #MibewEventDispatcher:max-json-depth.
 */
#define MIBEW_JSON_DEFAULT_MAX_DEPTH 64

/**
 * MIBEW_JSON_DEFAULT_MAX_SIZE:
 *
 * How long a JSON document may be by default, in bytes (1 MiB): the
 * default of #MibewEventDispatcher:max-json-size, and the bridge's body
 * limit.
 */
#define MIBEW_JSON_DEFAULT_MAX_SIZE (1024 * 1024)

MIBEW_AVAILABLE_IN_ALL
MibewEventArgs *mibew_event_args_new            (void);

MIBEW_AVAILABLE_IN_ALL
MibewEventArgs *mibew_event_args_new_from_json  (const char      *event_name,
                                                 JsonNode        *node,
                                                 GError         **error);
MIBEW_AVAILABLE_IN_ALL
gboolean        mibew_event_args_update_from_json (MibewEventArgs  *self,
                                                 JsonNode        *node,
                                                 GError         **error);
MIBEW_AVAILABLE_IN_ALL
JsonNode       *mibew_event_args_to_json        (MibewEventArgs  *self);
MIBEW_AVAILABLE_IN_ALL
const char     *mibew_event_args_get_event_name (MibewEventArgs  *self);
MIBEW_AVAILABLE_IN_ALL
void            mibew_event_args_reset          (MibewEventArgs  *self);
MIBEW_AVAILABLE_IN_ALL
const char     *mibew_event_args_get_running_owner (MibewEventArgs *self);

G_END_DECLS
