/* mibew-thread-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-thread-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewThreadArgs
{
  MibewEventArgs parent_instance;

  MibewThread *thread;
  MibewThread *original_thread;
};

G_DEFINE_FINAL_TYPE (MibewThreadArgs, mibew_thread_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_thread_args);

enum {
  FIELD_THREAD,
  FIELD_ORIGINAL_THREAD,
};

static const MibewArgField fields[] = {
  { "thread", "thread", MIBEW_ARG_RECORD, mibew_thread_get_type,
    G_STRUCT_OFFSET (MibewThreadArgs, thread), 0, MIBEW_FOLD_NONE,
    "The thread" },
  { "original_thread", "original-thread", MIBEW_ARG_RECORD, mibew_thread_get_type,
    G_STRUCT_OFFSET (MibewThreadArgs, original_thread), MIBEW_ARG_OPTIONAL, MIBEW_FOLD_NONE,
    "The thread before the update" },
};

/**
 * MibewThreadArgs:thread:
 *
 * The thread (`thread`).
 */
/**
 * MibewThreadArgs:original-thread:
 *
 * The thread as it was before the update (`original_thread`); set only by
 * `threadUpdate`, %NULL otherwise.
 */

static void
mibew_thread_args_class_init (MibewThreadArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_thread_args, klass);
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_THREAD_ARGS,
                                           (gconstpointer[]) { &thread, &original_thread });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_thread_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_thread_args));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_THREAD, &thread);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_thread_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_thread_args));
  g_return_if_fail (original_thread == NULL || MIBEW_IS_THREAD (original_thread));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ORIGINAL_THREAD, &original_thread);
}
