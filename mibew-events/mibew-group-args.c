/* mibew-group-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group-args.h"

/**
 * MibewGroupArgs:
 *
 * The arguments of `groupCreate` ([signal@MibewEvents.GroupEvents::create])
 * and `groupUpdate` ([signal@MibewEvents.GroupEvents::update]): a group of
 * operators that has been created or saved.
 *
 * Both events only notify: listeners may read the groups (and may change the
 * objects, which the emitter ignores afterwards).
 *
 * JSON form: `{"group": Group}`; `groupUpdate` adds `"original_group": Group`,
 * the group before the update. A group is a database row (`groupid`, `parent`,
 * `vcemail`, `vclocalname`, `vccommonname`, ...).
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewGroupArgs
{
  MibewEventArgs parent_instance;

  MibewGroup *group;
  MibewGroup *original_group;
};

G_DEFINE_FINAL_TYPE (MibewGroupArgs, mibew_group_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_ORIGINAL_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_group_args_finalize (GObject *object)
{
  MibewGroupArgs *self = MIBEW_GROUP_ARGS (object);

  g_clear_object (&self->group);
  g_clear_object (&self->original_group);

  G_OBJECT_CLASS (mibew_group_args_parent_class)->finalize (object);
}

static void
mibew_group_args_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MibewGroupArgs *self = MIBEW_GROUP_ARGS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_ORIGINAL_GROUP:
      g_value_set_object (value, self->original_group);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_group_args_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MibewGroupArgs *self = MIBEW_GROUP_ARGS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      mibew_group_args_set_group (self, g_value_get_object (value));
      break;
    case PROP_ORIGINAL_GROUP:
      mibew_group_args_set_original_group (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_group_args_class_init (MibewGroupArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_group_args_finalize;
  object_class->get_property = mibew_group_args_get_property;
  object_class->set_property = mibew_group_args_set_property;

  /**
   * MibewGroupArgs:group:
   *
   * The group that has been created or saved, with all its fields (`group`).
   */
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, MIBEW_TYPE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewGroupArgs:original-group:
   *
   * The group as it was before the update (`original_group`); set only by
   * `groupUpdate`, %NULL otherwise.
   */
  properties[PROP_ORIGINAL_GROUP] =
    g_param_spec_object ("original-group", NULL, NULL, MIBEW_TYPE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_group_args_init (MibewGroupArgs *self)
{
}

/**
 * mibew_group_args_new:
 * @group: (nullable): the group
 * @original_group: (nullable): the group before the update; %NULL except for
 *   `groupUpdate`
 *
 * Creates the arguments of `groupCreate` or `groupUpdate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewGroupArgs *
mibew_group_args_new (MibewGroup *group,
                      MibewGroup *original_group)
{
  MibewGroupArgs *self = g_object_new (MIBEW_TYPE_GROUP_ARGS, NULL);

  mibew_group_args_set_group (self, group);
  mibew_group_args_set_original_group (self, original_group);
  return self;
}

/**
 * mibew_group_args_get_group:
 * @self: a #MibewGroupArgs
 *
 * Gets the group.
 *
 * Returns: (transfer none) (nullable): the group
 */
MibewGroup *
mibew_group_args_get_group (MibewGroupArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_GROUP_ARGS (self), NULL);

  return self->group;
}

/**
 * mibew_group_args_set_group:
 * @self: a #MibewGroupArgs
 * @group: (nullable): the group
 *
 * Sets the group.
 */
void
mibew_group_args_set_group (MibewGroupArgs *self,
                            MibewGroup     *group)
{
  g_return_if_fail (MIBEW_IS_GROUP_ARGS (self));
  g_return_if_fail (group == NULL || MIBEW_IS_GROUP (group));

  g_set_object (&self->group, group);
}

/**
 * mibew_group_args_get_original_group:
 * @self: a #MibewGroupArgs
 *
 * Gets the original group.
 *
 * Returns: (transfer none) (nullable): the group before the update
 */
MibewGroup *
mibew_group_args_get_original_group (MibewGroupArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_GROUP_ARGS (self), NULL);

  return self->original_group;
}

/**
 * mibew_group_args_set_original_group:
 * @self: a #MibewGroupArgs
 * @original_group: (nullable): the group before the update
 *
 * Sets the group before the update.
 */
void
mibew_group_args_set_original_group (MibewGroupArgs *self,
                                     MibewGroup     *original_group)
{
  g_return_if_fail (MIBEW_IS_GROUP_ARGS (self));
  g_return_if_fail (original_group == NULL || MIBEW_IS_GROUP (original_group));

  g_set_object (&self->original_group, original_group);
}
