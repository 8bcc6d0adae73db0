/* mibew-visitor-ids-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-visitor-ids-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewVisitorIdsArgs
{
  MibewEventArgs parent_instance;

  JsonArray *visitors;
};

G_DEFINE_FINAL_TYPE (MibewVisitorIdsArgs, mibew_visitor_ids_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_VISITORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_visitor_ids_args_finalize (GObject *object)
{
  MibewVisitorIdsArgs *self = MIBEW_VISITOR_IDS_ARGS (object);

  g_clear_pointer (&self->visitors, json_array_unref);

  G_OBJECT_CLASS (mibew_visitor_ids_args_parent_class)->finalize (object);
}

static void
mibew_visitor_ids_args_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MibewVisitorIdsArgs *self = MIBEW_VISITOR_IDS_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITORS:
      g_value_set_boxed (value, self->visitors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_visitor_ids_args_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MibewVisitorIdsArgs *self = MIBEW_VISITOR_IDS_ARGS (object);

  switch (prop_id)
    {
    case PROP_VISITORS:
      mibew_visitor_ids_args_set_visitors (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_visitor_ids_args_class_init (MibewVisitorIdsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_visitor_ids_args_finalize;
  object_class->get_property = mibew_visitor_ids_args_get_property;
  object_class->set_property = mibew_visitor_ids_args_set_property;

  /**
   * MibewVisitorIdsArgs:visitors:
   *
   * The ids of the removed visitors (`visitors`), a JSON array of integers.
   */
  properties[PROP_VISITORS] =
    g_param_spec_boxed ("visitors", NULL, NULL, JSON_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_visitor_ids_args_init (MibewVisitorIdsArgs *self)
{
  self->visitors = json_array_new ();
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
  MibewVisitorIdsArgs *self = g_object_new (MIBEW_TYPE_VISITOR_IDS_ARGS, NULL);

  if (visitors != NULL)
    mibew_visitor_ids_args_set_visitors (self, visitors);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_VISITOR_IDS_ARGS (self), NULL);

  return self->visitors;
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
  g_return_if_fail (MIBEW_IS_VISITOR_IDS_ARGS (self));

  if (visitors == self->visitors)
    return;
  g_clear_pointer (&self->visitors, json_array_unref);
  self->visitors = visitors != NULL ? json_array_ref (visitors)
                                    : json_array_new ();
}
