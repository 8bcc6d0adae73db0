/* mibew-list-threads-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-threads-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewListThreadsArgs:
 *
 * The arguments of `usersUpdateThreadsAlter`
 * ([signal@MibewEvents.UsersEvents::update-threads-alter]): the list of
 * threads about to be sent to the Users application.
 *
 * Listeners change the entries (custom keys included) or the list in
 * #MibewListThreadsArgs:threads, or return a new #GListStore of
 * #MibewListThread from the signal, which replaces it before the next listener
 * runs. The final list is sent.
 *
 * JSON form: `{"threads": [ListThread]}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewListThreadsArgs
{
  MibewEventArgs parent_instance;

  GListStore *threads;
};

G_DEFINE_FINAL_TYPE (MibewListThreadsArgs, mibew_list_threads_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_list_threads_args);

enum {
  FIELD_THREADS,
};

static const MibewArgField fields[] = {
  { "threads", "threads", MIBEW_ARG_RECORD_LIST, mibew_list_thread_get_type,
    G_STRUCT_OFFSET (MibewListThreadsArgs, threads), MIBEW_ARG_LAZY | MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The threads of the operators' list" },
};

/**
 * MibewListThreadsArgs:threads:
 *
 * The threads for the operators' list (`threads`), a #GListStore of
 * #MibewListThread, never %NULL. Listeners change the entries (custom keys
 * included) or the list in place, or replace it by returning a new
 * #GListStore from the signal.
 */

static void
mibew_list_threads_args_class_init (MibewListThreadsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_list_threads_args, klass);
}

static void
mibew_list_threads_args_init (MibewListThreadsArgs *self)
{
}

/**
 * mibew_list_threads_args_new:
 * @threads: (nullable): the threads (a #GListStore of #MibewListThread); %NULL
 *   for an empty list
 *
 * Creates the arguments of `usersUpdateThreadsAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewListThreadsArgs *
mibew_list_threads_args_new (GListStore *threads)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_LIST_THREADS_ARGS,
                                           (gconstpointer[]) { &threads });
}

/**
 * mibew_list_threads_args_get_threads:
 * @self: a #MibewListThreadsArgs
 *
 * Gets the threads, a live list: changes to it are seen by later listeners and
 * the emitter.
 *
 * Returns: (transfer none): the threads, a #GListStore of #MibewListThread
 */
GListStore *
mibew_list_threads_args_get_threads (MibewListThreadsArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_list_threads_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_THREADS);
}

/**
 * mibew_list_threads_args_set_threads:
 * @self: a #MibewListThreadsArgs
 * @threads: (nullable): the new list of #MibewListThread, shared; %NULL for an
 *   empty list
 *
 * Replaces the threads.
 */
void
mibew_list_threads_args_set_threads (MibewListThreadsArgs *self,
                                     GListStore           *threads)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_list_threads_args));
  g_return_if_fail (threads == NULL || G_IS_LIST_STORE (threads));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_THREADS, &threads);
}
