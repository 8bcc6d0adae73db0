/* mibew-visitor-ids-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-visitor-ids-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewVisitorIdsArgs:
 *
 * The arguments of `visitorDeleteOld`
 * ([signal@MibewEvents.VisitorEvents::delete-old]): old visitors have been
 * deleted.
 *
 * The event only notifies: changing the ids has no effect.
 *
 * JSON form: `{"visitors": [int]}`, the ids of the removed visitors.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewVisitorIdsArgs
{
  MibewEventArgs parent_instance;

  JsonArray *visitors;
};

G_DEFINE_FINAL_TYPE (MibewVisitorIdsArgs, mibew_visitor_ids_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_visitor_ids_args);

enum {
  FIELD_VISITORS,
};

static const MibewArgField fields[] = {
  { "visitors", "visitors", MIBEW_ARG_INT_LIST, NULL,
    G_STRUCT_OFFSET (MibewVisitorIdsArgs, visitors), MIBEW_ARG_LAZY, MIBEW_FOLD_NONE,
    "Ids of the removed visitors" },
};

/**
 * MibewVisitorIdsArgs:visitors:
 *
 * The ids of the removed visitors (`visitors`), a JSON array of integers.
 */

static void
mibew_visitor_ids_args_class_init (MibewVisitorIdsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_visitor_ids_args, klass);
}

static void
mibew_visitor_ids_args_init (MibewVisitorIdsArgs *self)
{
}

/**
 * mibew_visitor_ids_args_new:
 * @visitors: (nullable): the ids of the removed visitors; %NULL for an empty
 *   array
 *
 * Creates the arguments of `visitorDeleteOld`.
 *
 * Returns: (transfer full): new arguments
 */
MibewVisitorIdsArgs *
mibew_visitor_ids_args_new (JsonArray *visitors)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_VISITOR_IDS_ARGS,
                                           (gconstpointer[]) { &visitors });
}

/**
 * mibew_visitor_ids_args_get_visitors:
 * @self: a #MibewVisitorIdsArgs
 *
 * Gets the ids of the removed visitors.
 *
 * Returns: (transfer none): the ids of the removed visitors
 */
JsonArray *
mibew_visitor_ids_args_get_visitors (MibewVisitorIdsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_visitor_ids_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_VISITORS);
}

/**
 * mibew_visitor_ids_args_set_visitors:
 * @self: a #MibewVisitorIdsArgs
 * @visitors: (nullable): the new array, shared; %NULL for an empty array
 *
 * Replaces the ids of the removed visitors.
 */
void
mibew_visitor_ids_args_set_visitors (MibewVisitorIdsArgs *self,
                                     JsonArray           *visitors)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_visitor_ids_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_VISITORS, &visitors);
}
