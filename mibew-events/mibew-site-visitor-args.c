/* mibew-site-visitor-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-site-visitor-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewSiteVisitorArgs
{
  MibewEventArgs parent_instance;

  MibewSiteVisitor *visitor;
};

G_DEFINE_FINAL_TYPE (MibewSiteVisitorArgs, mibew_site_visitor_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_VISITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_site_visitor_args_finalize (GObject *object)
{
  MibewSiteVisitorArgs *self = MIBEW_SITE_VISITOR_ARGS (object);

  g_clear_object (&self->visitor);

  G_OBJECT_CLASS (mibew_site_visitor_args_parent_class)->finalize (object);
}

static void
mibew_site_visitor_args_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MibewSiteVisitorArgs *self = MIBEW_SITE_VISITOR_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITOR:
      g_value_set_object (value, self->visitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_site_visitor_args_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MibewSiteVisitorArgs *self = MIBEW_SITE_VISITOR_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITOR:
      mibew_site_visitor_args_set_visitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_site_visitor_args_class_init (MibewSiteVisitorArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_site_visitor_args_finalize;
  object_class->get_property = mibew_site_visitor_args_get_property;
  object_class->set_property = mibew_site_visitor_args_set_property;

  /**
   * MibewSiteVisitorArgs:visitor:
   *
   * The tracked visitor (`visitor`).
   */
  properties[PROP_VISITOR] =
    g_param_spec_object ("visitor", NULL, NULL, MIBEW_TYPE_SITE_VISITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewSiteVisitorArgs *self = g_object_new (MIBEW_TYPE_SITE_VISITOR_ARGS, NULL);

  mibew_site_visitor_args_set_visitor (self, visitor);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_SITE_VISITOR_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_SITE_VISITOR_ARGS (self));
  g_return_if_fail (visitor == NULL || MIBEW_IS_SITE_VISITOR (visitor));

  g_set_object (&self->visitor, visitor);
}
