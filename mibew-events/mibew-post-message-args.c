/* mibew-post-message-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-post-message-args.h"
#include "mibew-event-args-private.h"
#include "mibew-enum-types.h"

/**
 * MibewPostMessageArgs:
 *
 * The arguments of `threadPostMessage` ([signal@MibewEvents.ThreadEvents::post-message]):
 * a message about to be posted to a thread.
 *
 * Listeners may change the kind, the body and the options; the message is
 * stored with the final values. A listener may instead return a new body,
 * which the next listener sees.
 *
 * JSON form: `{"thread": Thread, "message_kind": int, "message_body":
 * string, "message_options": {}}`; the options Mibew knows are `name`,
 * `operator_id`, `created`, `plugin` and `data`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewPostMessageArgs
{
  MibewEventArgs parent_instance;

  MibewThread *thread;
  MibewMessageKind message_kind;
  char *message_body;
  JsonObject *message_options;
};

G_DEFINE_FINAL_TYPE (MibewPostMessageArgs, mibew_post_message_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_post_message_args);

enum {
  FIELD_THREAD,
  FIELD_MESSAGE_KIND,
  FIELD_MESSAGE_BODY,
  FIELD_MESSAGE_OPTIONS,
};

static const MibewArgField fields[] = {
  { "thread", "thread", MIBEW_ARG_RECORD, mibew_thread_get_type,
    G_STRUCT_OFFSET (MibewPostMessageArgs, thread), 0, MIBEW_FOLD_NONE,
    "The thread the message is posted to" },
  { "message_kind", "message-kind", MIBEW_ARG_ENUM, mibew_message_kind_get_type,
    G_STRUCT_OFFSET (MibewPostMessageArgs, message_kind), MIBEW_ARG_USED, MIBEW_FOLD_NONE,
    "The kind of the message" },
  { "message_body", "message-body", MIBEW_ARG_STRING, NULL,
    G_STRUCT_OFFSET (MibewPostMessageArgs, message_body), MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The text of the message" },
  { "message_options", "message-options", MIBEW_ARG_DICT, NULL,
    G_STRUCT_OFFSET (MibewPostMessageArgs, message_options), MIBEW_ARG_LAZY | MIBEW_ARG_USED, MIBEW_FOLD_NONE,
    "The options of Thread::postMessage()" },
};

/**
 * MibewPostMessageArgs:thread:
 *
 * The thread the message is posted to (`thread`).
 */
/**
 * MibewPostMessageArgs:message-kind:
 *
 * The kind of the message (`message_kind`); listeners may change it.
 */
/**
 * MibewPostMessageArgs:message-body:
 *
 * The text of the message (`message_body`); listeners may change it.
 */
/**
 * MibewPostMessageArgs:message-options:
 *
 * The options of `\Mibew\Thread::postMessage()` (`message_options`), a
 * mutable JSON object; listeners may change it in place.
 */

static void
mibew_post_message_args_class_init (MibewPostMessageArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_post_message_args, klass);
}

static void
mibew_post_message_args_init (MibewPostMessageArgs *self)
{
  /* its property's default (the enumeration's first value), which
   * mibew_event_args_reset() gives back: a test compares the two */
  self->message_kind = MIBEW_MESSAGE_KIND_USER;
}

/**
 * mibew_post_message_args_new:
 * @thread: (nullable): the thread the message is posted to
 * @message_kind: the kind of the message
 * @message_body: (nullable): the text of the message
 * @message_options: (nullable): the options; %NULL for none (an empty object)
 *
 * Creates the arguments of `threadPostMessage`.
 *
 * Returns: (transfer full): new arguments
 */
MibewPostMessageArgs *
mibew_post_message_args_new (MibewThread      *thread,
                             MibewMessageKind  message_kind,
                             const char       *message_body,
                             JsonObject       *message_options)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_POST_MESSAGE_ARGS,
                                           (gconstpointer[]) { &thread, &(int) { message_kind }, &message_body, &message_options });
}

/**
 * mibew_post_message_args_get_thread:
 * @self: a #MibewPostMessageArgs
 *
 * Gets the thread.
 *
 * Returns: (transfer none) (nullable): the thread
 */
MibewThread *
mibew_post_message_args_get_thread (MibewPostMessageArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args), NULL);

  return self->thread;
}

/**
 * mibew_post_message_args_set_thread:
 * @self: a #MibewPostMessageArgs
 * @thread: (nullable): the thread
 *
 * Sets the thread.
 */
void
mibew_post_message_args_set_thread (MibewPostMessageArgs *self,
                                    MibewThread          *thread)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_THREAD, &thread);
}

/**
 * mibew_post_message_args_get_message_kind:
 * @self: a #MibewPostMessageArgs
 *
 * Gets the message kind.
 *
 * Returns: the kind of the message
 */
MibewMessageKind
mibew_post_message_args_get_message_kind (MibewPostMessageArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args), 0);

  return self->message_kind;
}

/**
 * mibew_post_message_args_set_message_kind:
 * @self: a #MibewPostMessageArgs
 * @message_kind: the new kind
 *
 * Changes the kind of the message.
 */
void
mibew_post_message_args_set_message_kind (MibewPostMessageArgs *self,
                                          MibewMessageKind      message_kind)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args));

  if (self->message_kind == message_kind)
    return;
  self->message_kind = message_kind;
  mibew_event_args_notify_field (MIBEW_ARGS_BASE (self), FIELD_MESSAGE_KIND);
}

/**
 * mibew_post_message_args_get_message_body:
 * @self: a #MibewPostMessageArgs
 *
 * Gets the message body.
 *
 * Returns: the text of the message
 */
const char *
mibew_post_message_args_get_message_body (MibewPostMessageArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args), NULL);

  return self->message_body != NULL ? self->message_body : "";
}

/**
 * mibew_post_message_args_set_message_body:
 * @self: a #MibewPostMessageArgs
 * @message_body: (nullable): the new text; %NULL is the empty string
 *
 * Changes the text of the message.
 */
void
mibew_post_message_args_set_message_body (MibewPostMessageArgs *self,
                                          const char           *message_body)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_MESSAGE_BODY, &message_body);
}

/**
 * mibew_post_message_args_get_message_options:
 * @self: a #MibewPostMessageArgs
 *
 * Gets the options, a live object: changes to it are seen by later
 * listeners and the emitter.
 *
 * Returns: (transfer none): the options
 */
JsonObject *
mibew_post_message_args_get_message_options (MibewPostMessageArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_MESSAGE_OPTIONS);
}

/**
 * mibew_post_message_args_set_message_options:
 * @self: a #MibewPostMessageArgs
 * @message_options: (nullable): the new options, shared; %NULL for an
 *   empty object
 *
 * Replaces the options.
 */
void
mibew_post_message_args_set_message_options (MibewPostMessageArgs *self,
                                             JsonObject           *message_options)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_post_message_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_MESSAGE_OPTIONS, &message_options);
}
