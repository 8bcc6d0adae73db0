/* mibew-list-visitors-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-visitors-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewListVisitorsArgs
{
  MibewEventArgs parent_instance;

  GListStore *visitors;
};

G_DEFINE_FINAL_TYPE (MibewListVisitorsArgs, mibew_list_visitors_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_VISITORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_list_visitors_args_fold_return (MibewEventArgs *args,
                                      gpointer        value)
{
  MibewListVisitorsArgs *self = MIBEW_LIST_VISITORS_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->visitors);
  self->visitors = value;
}

static gboolean
mibew_list_visitors_args_has_answer (MibewEventArgs *args)
{
  return MIBEW_LIST_VISITORS_ARGS (args)->visitors != NULL;
}

static void
mibew_list_visitors_args_finalize (GObject *object)
{
  MibewListVisitorsArgs *self = MIBEW_LIST_VISITORS_ARGS (object);

  g_clear_object (&self->visitors);

  G_OBJECT_CLASS (mibew_list_visitors_args_parent_class)->finalize (object);
}

static void
mibew_list_visitors_args_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MibewListVisitorsArgs *self = MIBEW_LIST_VISITORS_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITORS:
      g_value_set_object (value, self->visitors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_list_visitors_args_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MibewListVisitorsArgs *self = MIBEW_LIST_VISITORS_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITORS:
      mibew_list_visitors_args_set_visitors (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_list_visitors_args_class_init (MibewListVisitorsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_list_visitors_args_finalize;
  object_class->get_property = mibew_list_visitors_args_get_property;
  object_class->set_property = mibew_list_visitors_args_set_property;

  args_class->return_type = G_TYPE_LIST_STORE;
  args_class->fold_return = mibew_list_visitors_args_fold_return;
  args_class->has_answer = mibew_list_visitors_args_has_answer;

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
  properties[PROP_VISITORS] =
    g_param_spec_object ("visitors", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewListVisitorsArgs *self = g_object_new (MIBEW_TYPE_LIST_VISITORS_ARGS, NULL);

  mibew_list_visitors_args_set_visitors (self, visitors);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_LIST_VISITORS_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_LIST_VISITORS_ARGS (self));
  g_return_if_fail (visitors == NULL || G_IS_LIST_STORE (visitors));

  g_set_object (&self->visitors, visitors);
}
