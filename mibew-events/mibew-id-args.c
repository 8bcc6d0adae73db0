/* mibew-id-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-id-args.h"

/**
 * MibewIdArgs:
 *
 * The arguments of `banDelete` ([signal@MibewEvents.BanEvents::delete]),
 * `groupDelete` ([signal@MibewEvents.GroupEvents::delete]), `operatorDelete`
 * ([signal@MibewEvents.OperatorEvents::delete]) and `threadDelete`
 * ([signal@MibewEvents.ThreadEvents::delete]): the id of a ban, group,
 * operator or thread that has been deleted.
 *
 * These events only notify: changing the id has no effect.
 *
 * JSON form: `{"id": int}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewIdArgs
{
  MibewEventArgs parent_instance;

  gint64 id;
};

G_DEFINE_FINAL_TYPE (MibewIdArgs, mibew_id_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_id_args_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MibewIdArgs *self = MIBEW_ID_ARGS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_id_args_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MibewIdArgs *self = MIBEW_ID_ARGS (object);

  switch (prop_id)
    {
    case PROP_ID:
      mibew_id_args_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_id_args_class_init (MibewIdArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mibew_id_args_get_property;
  object_class->set_property = mibew_id_args_set_property;

  /**
   * MibewIdArgs:id:
   *
   * The id of the deleted ban, group, operator or thread (`id`).
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_id_args_init (MibewIdArgs *self)
{
}

/**
 * mibew_id_args_new:
 * @id: the id of the deleted object
 *
 * Creates the arguments of `banDelete`, `groupDelete`, `operatorDelete` or
 * `threadDelete`.
 *
 * Returns: (transfer full): new arguments
 */
MibewIdArgs *
mibew_id_args_new (gint64  id)
{
  MibewIdArgs *self = g_object_new (MIBEW_TYPE_ID_ARGS, NULL);

  mibew_id_args_set_id (self, id);
  return self;
}

/**
 * mibew_id_args_get_id:
 * @self: a #MibewIdArgs
 *
 * Gets the id.
 *
 * Returns: the id of the deleted object
 */
gint64
mibew_id_args_get_id (MibewIdArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_ID_ARGS (self), 0);

  return self->id;
}

/**
 * mibew_id_args_set_id:
 * @self: a #MibewIdArgs
 * @id: the id
 *
 * Sets the id of the deleted object.
 */
void
mibew_id_args_set_id (MibewIdArgs *self,
                      gint64       id)
{
  g_return_if_fail (MIBEW_IS_ID_ARGS (self));

  self->id = id;
}
