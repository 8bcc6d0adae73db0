/* mibew-messages-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-messages-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewMessagesArgs:
 *
 * The arguments of `threadGetMessagesAlter`
 * ([signal@MibewEvents.ThreadEvents::get-messages-alter]): the messages of a
 * thread, just loaded.
 *
 * Listeners change the list in #MibewMessagesArgs:messages, or return a new
 * #GListStore of #MibewMessage from the signal, which replaces it before the
 * next listener runs. The final list is sent to the client, and the caller's
 * "last id" becomes the largest `id` among its messages.
 *
 * JSON form: `{"thread": Thread, "messages": [Message]}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewMessagesArgs
{
  MibewEventArgs parent_instance;

  MibewThread *thread;
  GListStore *messages;
};

G_DEFINE_FINAL_TYPE (MibewMessagesArgs, mibew_messages_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_messages_args);

enum {
  FIELD_THREAD,
  FIELD_MESSAGES,
};

static const MibewArgField fields[] = {
  { "thread", "thread", MIBEW_ARG_RECORD, mibew_thread_get_type,
    G_STRUCT_OFFSET (MibewMessagesArgs, thread), 0, MIBEW_FOLD_NONE,
    "The thread" },
  { "messages", "messages", MIBEW_ARG_RECORD_LIST, mibew_message_get_type,
    G_STRUCT_OFFSET (MibewMessagesArgs, messages), MIBEW_ARG_LAZY | MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The messages" },
};

/**
 * MibewMessagesArgs:thread:
 *
 * The thread the messages belong to (`thread`).
 */
/**
 * MibewMessagesArgs:messages:
 *
 * The messages loaded from the thread (`messages`), a #GListStore of
 * #MibewMessage, never %NULL. Listeners change the messages or the list in
 * place, or replace it by returning a new #GListStore from the signal.
 */

static void
mibew_messages_args_class_init (MibewMessagesArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_messages_args, klass);
}

static void
mibew_messages_args_init (MibewMessagesArgs *self)
{
}

/**
 * mibew_messages_args_new:
 * @thread: (nullable): the thread
 * @messages: (nullable): the messages (a #GListStore of #MibewMessage); %NULL
 *   for an empty list
 *
 * Creates the arguments of `threadGetMessagesAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewMessagesArgs *
mibew_messages_args_new (MibewThread *thread,
                         GListStore  *messages)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_MESSAGES_ARGS,
                                           (gconstpointer[]) { &thread, &messages });
}

/**
 * mibew_messages_args_get_thread:
 * @self: a #MibewMessagesArgs
 *
 * Gets the thread.
 *
 * Returns: (transfer none) (nullable): the thread
 */
MibewThread *
mibew_messages_args_get_thread (MibewMessagesArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_messages_args), NULL);

  return self->thread;
}

/**
 * mibew_messages_args_set_thread:
 * @self: a #MibewMessagesArgs
 * @thread: (nullable): the thread
 *
 * Sets the thread.
 */
void
mibew_messages_args_set_thread (MibewMessagesArgs *self,
                                MibewThread       *thread)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_messages_args));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_THREAD, &thread);
}

/**
 * mibew_messages_args_get_messages:
 * @self: a #MibewMessagesArgs
 *
 * Gets the messages, a live list: changes to it are seen by later listeners
 * and the emitter.
 *
 * Returns: (transfer none): the messages, a #GListStore of #MibewMessage
 */
GListStore *
mibew_messages_args_get_messages (MibewMessagesArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_messages_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_MESSAGES);
}

/**
 * mibew_messages_args_set_messages:
 * @self: a #MibewMessagesArgs
 * @messages: (nullable): the new list of #MibewMessage, shared; %NULL for an
 *   empty list
 *
 * Replaces the messages.
 */
void
mibew_messages_args_set_messages (MibewMessagesArgs *self,
                                  GListStore        *messages)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_messages_args));
  g_return_if_fail (messages == NULL || G_IS_LIST_STORE (messages));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_MESSAGES, &messages);
}
