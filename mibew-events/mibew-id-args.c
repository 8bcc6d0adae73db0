/* mibew-id-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-id-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewIdArgs
{
  MibewEventArgs parent_instance;

  gint64 id;
};

G_DEFINE_FINAL_TYPE (MibewIdArgs, mibew_id_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_id_args);

enum {
  FIELD_ID,
};

static const MibewArgField fields[] = {
  { "id", "id", MIBEW_ARG_INT, NULL,
    G_STRUCT_OFFSET (MibewIdArgs, id), 0, MIBEW_FOLD_NONE,
    "The id of the deleted object" },
};

/**
 * MibewIdArgs:id:
 *
 * The id of the deleted ban, group, operator or thread (`id`).
 */

static void
mibew_id_args_class_init (MibewIdArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_id_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_ID_ARGS,
                                           (gconstpointer[]) { &id });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_id_args), 0);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_id_args));

  if (self->id == id)
    return;
  self->id = id;
  mibew_event_args_notify_field (MIBEW_ARGS_BASE (self), FIELD_ID);
}
