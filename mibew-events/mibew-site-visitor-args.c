/* mibew-site-visitor-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-site-visitor-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewSiteVisitorArgs:
 *
 * The arguments of `visitorCreate`
 * ([signal@MibewEvents.VisitorEvents::create]) and `visitorTrack`
 * ([signal@MibewEvents.VisitorEvents::track]): a site visitor the widget
 * tracks. On a first visit `visitorCreate` comes before `visitorTrack`.
 *
 * Both events only notify: listeners may read the visitor (and may change the
 * object, which the emitter ignores afterwards).
 *
 * JSON form: `{"visitor": SiteVisitor}`, a visitor row (`visitorid`, `userid`,
 * `username`, `firsttime`, `lasttime`, `entry`, `details`, `invitations`,
 * `chats`, `threadid`).
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewSiteVisitorArgs
{
  MibewEventArgs parent_instance;

  MibewSiteVisitor *visitor;
};

G_DEFINE_FINAL_TYPE (MibewSiteVisitorArgs, mibew_site_visitor_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_site_visitor_args);

enum {
  FIELD_VISITOR,
};

static const MibewArgField fields[] = {
  { "visitor", "visitor", MIBEW_ARG_RECORD, mibew_site_visitor_get_type,
    G_STRUCT_OFFSET (MibewSiteVisitorArgs, visitor), 0, MIBEW_FOLD_NONE,
    "The visitor" },
};

/**
 * MibewSiteVisitorArgs:visitor:
 *
 * The tracked visitor (`visitor`).
 */

static void
mibew_site_visitor_args_class_init (MibewSiteVisitorArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_site_visitor_args, klass);
}

static void
mibew_site_visitor_args_init (MibewSiteVisitorArgs *self)
{
}

/**
 * mibew_site_visitor_args_new:
 * @visitor: (nullable): the visitor
 *
 * Creates the arguments of `visitorCreate` or `visitorTrack`.
 *
 * Returns: (transfer full): new arguments
 */
MibewSiteVisitorArgs *
mibew_site_visitor_args_new (MibewSiteVisitor *visitor)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_SITE_VISITOR_ARGS,
                                           (gconstpointer[]) { &visitor });
}

/**
 * mibew_site_visitor_args_get_visitor:
 * @self: a #MibewSiteVisitorArgs
 *
 * Gets the visitor.
 *
 * Returns: (transfer none) (nullable): the visitor
 */
MibewSiteVisitor *
mibew_site_visitor_args_get_visitor (MibewSiteVisitorArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_site_visitor_args), NULL);

  return self->visitor;
}

/**
 * mibew_site_visitor_args_set_visitor:
 * @self: a #MibewSiteVisitorArgs
 * @visitor: (nullable): the visitor
 *
 * Sets the visitor.
 */
void
mibew_site_visitor_args_set_visitor (MibewSiteVisitorArgs *self,
                                     MibewSiteVisitor     *visitor)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_site_visitor_args));
  g_return_if_fail (visitor == NULL || MIBEW_IS_SITE_VISITOR (visitor));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_VISITOR, &visitor);
}
