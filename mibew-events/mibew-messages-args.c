/* mibew-messages-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-messages-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewMessagesArgs
{
  MibewEventArgs parent_instance;

  MibewThread *thread;
  GListStore *messages;
};

G_DEFINE_FINAL_TYPE (MibewMessagesArgs, mibew_messages_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_THREAD,
  PROP_MESSAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_messages_args_fold_return (MibewEventArgs *args,
                                 gpointer        value)
{
  MibewMessagesArgs *self = MIBEW_MESSAGES_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->messages);
  self->messages = value;
}

static void
mibew_messages_args_finalize (GObject *object)
{
  MibewMessagesArgs *self = MIBEW_MESSAGES_ARGS (object);

  g_clear_object (&self->thread);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (mibew_messages_args_parent_class)->finalize (object);
}

static void
mibew_messages_args_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MibewMessagesArgs *self = MIBEW_MESSAGES_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      g_value_set_object (value, self->thread);
      break;
    case PROP_MESSAGES:
      g_value_set_object (value, self->messages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_messages_args_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MibewMessagesArgs *self = MIBEW_MESSAGES_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      mibew_messages_args_set_thread (self, g_value_get_object (value));
      break;
    case PROP_MESSAGES:
      mibew_messages_args_set_messages (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_messages_args_class_init (MibewMessagesArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_messages_args_finalize;
  object_class->get_property = mibew_messages_args_get_property;
  object_class->set_property = mibew_messages_args_set_property;

  args_class->return_type = G_TYPE_LIST_STORE;
  args_class->fold_return = mibew_messages_args_fold_return;

  /**
   * MibewMessagesArgs:thread:
   *
   * The thread the messages belong to (`thread`).
   */
  properties[PROP_THREAD] =
    g_param_spec_object ("thread", NULL, NULL, MIBEW_TYPE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewMessagesArgs:messages:
   *
   * The messages loaded from the thread (`messages`), a #GListStore of
   * #MibewMessage, never %NULL. Listeners change the messages or the list in
   * place, or replace it by returning a new #GListStore from the signal.
   */
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_messages_args_init (MibewMessagesArgs *self)
{
  self->messages = g_list_store_new (MIBEW_TYPE_MESSAGE);
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
  MibewMessagesArgs *self = g_object_new (MIBEW_TYPE_MESSAGES_ARGS, NULL);

  mibew_messages_args_set_thread (self, thread);
  if (messages != NULL)
    mibew_messages_args_set_messages (self, messages);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_MESSAGES_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_MESSAGES_ARGS (self));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  g_set_object (&self->thread, thread);
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
  g_return_val_if_fail (MIBEW_IS_MESSAGES_ARGS (self), NULL);

  return self->messages;
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
  g_return_if_fail (MIBEW_IS_MESSAGES_ARGS (self));
  g_return_if_fail (messages == NULL || G_IS_LIST_STORE (messages));

  if (messages != NULL)
    {
      g_set_object (&self->messages, messages);
      return;
    }
  g_clear_object (&self->messages);
  self->messages = g_list_store_new (MIBEW_TYPE_MESSAGE);
}
