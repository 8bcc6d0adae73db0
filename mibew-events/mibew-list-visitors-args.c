/* mibew-list-visitors-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-visitors-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewListVisitorsArgs:
 *
 * The arguments of `usersUpdateVisitorsLoad`
 * ([signal@MibewEvents.UsersEvents::update-visitors-load]) and
 * `usersUpdateVisitorsAlter`
 * ([signal@MibewEvents.UsersEvents::update-visitors-alter]): the site visitors
 * for the operators' list.
 *
 * In `usersUpdateVisitorsLoad`, #MibewListVisitorsArgs:visitors starts %NULL
 * (Mibew's `false`); a listener that loads the visitors itself sets it (an
 * empty list is an answer too) or returns it from the signal. The first answer
 * wins and ends the emission; when nobody answered the emitter runs the
 * default loader.
 *
 * In `usersUpdateVisitorsAlter`, listeners change the entries (custom keys
 * included) or the list, or return a new #GListStore of #MibewListVisitor,
 * which replaces it before the next listener runs. The final list is sent.
 *
 * JSON form: `{"visitors": [ListVisitor] or false}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewListVisitorsArgs
{
  MibewEventArgs parent_instance;

  GListStore *visitors;
};

G_DEFINE_FINAL_TYPE (MibewListVisitorsArgs, mibew_list_visitors_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_list_visitors_args);

enum {
  FIELD_VISITORS,
};

static const MibewArgField fields[] = {
  { "visitors", "visitors", MIBEW_ARG_RECORD_LIST, mibew_list_visitor_get_type,
    G_STRUCT_OFFSET (MibewListVisitorsArgs, visitors), MIBEW_ARG_FALSE_IS_NONE | MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The visitors of the operators' list; in usersUpdateVisitorsLoad false until a listener loads them" },
};

/**
 * MibewListVisitorsArgs:visitors:
 *
 * The site visitors for the operators' list (`visitors`), a #GListStore of
 * #MibewListVisitor, or %NULL (Mibew's `false`) when they have not been
 * loaded. In `usersUpdateVisitorsLoad` it is the out slot: it starts %NULL,
 * and setting it (an empty list is an answer too) or returning a list from
 * the signal answers the event. In `usersUpdateVisitorsAlter` listeners
 * change the entries or the list, or replace it by returning a new list.
 */

static void
mibew_list_visitors_args_class_init (MibewListVisitorsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_list_visitors_args, klass);
}

static void
mibew_list_visitors_args_init (MibewListVisitorsArgs *self)
{
}

/**
 * mibew_list_visitors_args_new:
 * @visitors: (nullable): the visitors (a #GListStore of #MibewListVisitor);
 *   %NULL for not loaded
 *
 * Creates the arguments of `usersUpdateVisitorsLoad` or
 * `usersUpdateVisitorsAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewListVisitorsArgs *
mibew_list_visitors_args_new (GListStore *visitors)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_LIST_VISITORS_ARGS,
                                           (gconstpointer[]) { &visitors });
}

/**
 * mibew_list_visitors_args_get_visitors:
 * @self: a #MibewListVisitorsArgs
 *
 * Gets the visitors; the list is live: changes to it are seen by later
 * listeners and the emitter.
 *
 * Returns: (transfer none) (nullable): the visitors, a #GListStore of
 *   #MibewListVisitor, or %NULL if they are not loaded
 */
GListStore *
mibew_list_visitors_args_get_visitors (MibewListVisitorsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_list_visitors_args), NULL);

  return self->visitors;
}

/**
 * mibew_list_visitors_args_set_visitors:
 * @self: a #MibewListVisitorsArgs
 * @visitors: (nullable): the list of #MibewListVisitor, shared; %NULL for not
 *   loaded
 *
 * Sets the visitors. In `usersUpdateVisitorsLoad` a non-%NULL list answers the
 * event: the emission ends when the listener returns.
 */
void
mibew_list_visitors_args_set_visitors (MibewListVisitorsArgs *self,
                                       GListStore            *visitors)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_list_visitors_args));
  g_return_if_fail (visitors == NULL || G_IS_LIST_STORE (visitors));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_VISITORS, &visitors);
}
