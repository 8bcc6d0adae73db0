/* mibew-thread-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-thread-args.h"

/**
 * MibewThreadArgs:
 *
 * The arguments of `threadCreate` ([signal@MibewEvents.ThreadEvents::create]),
 * `threadUpdate` ([signal@MibewEvents.ThreadEvents::update]), `threadClose`
 * ([signal@MibewEvents.ThreadEvents::close]) and `threadUserIsReady`
 * ([signal@MibewEvents.ThreadEvents::user-is-ready]): a thread that has been
 * created, saved or closed, or whose visitor is ready.
 *
 * These events only notify: listeners may read the threads (and may change the
 * objects, which the emitter ignores afterwards).
 *
 * JSON form: `{"thread": Thread}`; `threadUpdate` adds `"original_thread":
 * Thread`, the thread before the update.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewThreadArgs
{
  MibewEventArgs parent_instance;

  MibewThread *thread;
  MibewThread *original_thread;
};

G_DEFINE_FINAL_TYPE (MibewThreadArgs, mibew_thread_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_THREAD,
  PROP_ORIGINAL_THREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_thread_args_finalize (GObject *object)
{
  MibewThreadArgs *self = MIBEW_THREAD_ARGS (object);

  g_clear_object (&self->thread);
  g_clear_object (&self->original_thread);

  G_OBJECT_CLASS (mibew_thread_args_parent_class)->finalize (object);
}

static void
mibew_thread_args_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MibewThreadArgs *self = MIBEW_THREAD_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      g_value_set_object (value, self->thread);
      break;
    case PROP_ORIGINAL_THREAD:
      g_value_set_object (value, self->original_thread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_thread_args_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MibewThreadArgs *self = MIBEW_THREAD_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      mibew_thread_args_set_thread (self, g_value_get_object (value));
      break;
    case PROP_ORIGINAL_THREAD:
      mibew_thread_args_set_original_thread (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_thread_args_class_init (MibewThreadArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_thread_args_finalize;
  object_class->get_property = mibew_thread_args_get_property;
  object_class->set_property = mibew_thread_args_set_property;

  /**
   * MibewThreadArgs:thread:
   *
   * The thread (`thread`).
   */
  properties[PROP_THREAD] =
    g_param_spec_object ("thread", NULL, NULL, MIBEW_TYPE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewThreadArgs:original-thread:
   *
   * The thread as it was before the update (`original_thread`); set only by
   * `threadUpdate`, %NULL otherwise.
   */
  properties[PROP_ORIGINAL_THREAD] =
    g_param_spec_object ("original-thread", NULL, NULL, MIBEW_TYPE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_thread_args_init (MibewThreadArgs *self)
{
}

/**
 * mibew_thread_args_new:
 * @thread: (nullable): the thread
 * @original_thread: (nullable): the thread before the update; %NULL except for
 *   `threadUpdate`
 *
 * Creates the arguments of `threadCreate`, `threadUpdate`, `threadClose` or
 * `threadUserIsReady`.
 *
 * Returns: (transfer full): new arguments
 */
MibewThreadArgs *
mibew_thread_args_new (MibewThread *thread,
                       MibewThread *original_thread)
{
  MibewThreadArgs *self = g_object_new (MIBEW_TYPE_THREAD_ARGS, NULL);

  mibew_thread_args_set_thread (self, thread);
  mibew_thread_args_set_original_thread (self, original_thread);
  return self;
}

/**
 * mibew_thread_args_get_thread:
 * @self: a #MibewThreadArgs
 *
 * Gets the thread.
 *
 * Returns: (transfer none) (nullable): the thread
 */
MibewThread *
mibew_thread_args_get_thread (MibewThreadArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_THREAD_ARGS (self), NULL);

  return self->thread;
}

/**
 * mibew_thread_args_set_thread:
 * @self: a #MibewThreadArgs
 * @thread: (nullable): the thread
 *
 * Sets the thread.
 */
void
mibew_thread_args_set_thread (MibewThreadArgs *self,
                              MibewThread     *thread)
{
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (self));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  g_set_object (&self->thread, thread);
}

/**
 * mibew_thread_args_get_original_thread:
 * @self: a #MibewThreadArgs
 *
 * Gets the original thread.
 *
 * Returns: (transfer none) (nullable): the thread before the update
 */
MibewThread *
mibew_thread_args_get_original_thread (MibewThreadArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_THREAD_ARGS (self), NULL);

  return self->original_thread;
}

/**
 * mibew_thread_args_set_original_thread:
 * @self: a #MibewThreadArgs
 * @original_thread: (nullable): the thread before the update
 *
 * Sets the thread before the update.
 */
void
mibew_thread_args_set_original_thread (MibewThreadArgs *self,
                                       MibewThread     *original_thread)
{
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (self));
  g_return_if_fail (original_thread == NULL || MIBEW_IS_THREAD (original_thread));

  g_set_object (&self->original_thread, original_thread);
}
