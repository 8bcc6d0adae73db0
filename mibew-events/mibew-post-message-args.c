/* mibew-post-message-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-post-message-args.h"
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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
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

enum {
  PROP_0,
  PROP_THREAD,
  PROP_MESSAGE_KIND,
  PROP_MESSAGE_BODY,
  PROP_MESSAGE_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_post_message_args_fold_return (MibewEventArgs *args,
                                     gpointer        value)
{
  MibewPostMessageArgs *self = MIBEW_POST_MESSAGE_ARGS (args);

  g_free (self->message_body);
  self->message_body = value;
}

static void
mibew_post_message_args_finalize (GObject *object)
{
  MibewPostMessageArgs *self = MIBEW_POST_MESSAGE_ARGS (object);

  g_clear_object (&self->thread);
  g_clear_pointer (&self->message_body, g_free);
  g_clear_pointer (&self->message_options, json_object_unref);

  G_OBJECT_CLASS (mibew_post_message_args_parent_class)->finalize (object);
}

static void
mibew_post_message_args_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MibewPostMessageArgs *self = MIBEW_POST_MESSAGE_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      g_value_set_object (value, self->thread);
      break;
    case PROP_MESSAGE_KIND:
      g_value_set_enum (value, self->message_kind);
      break;
    case PROP_MESSAGE_BODY:
      g_value_set_string (value, self->message_body);
      break;
    case PROP_MESSAGE_OPTIONS:
      g_value_set_boxed (value, self->message_options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_post_message_args_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MibewPostMessageArgs *self = MIBEW_POST_MESSAGE_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREAD:
      mibew_post_message_args_set_thread (self, g_value_get_object (value));
      break;
    case PROP_MESSAGE_KIND:
      mibew_post_message_args_set_message_kind (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE_BODY:
      mibew_post_message_args_set_message_body (self, g_value_get_string (value));
      break;
    case PROP_MESSAGE_OPTIONS:
      mibew_post_message_args_set_message_options (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_post_message_args_class_init (MibewPostMessageArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_post_message_args_finalize;
  object_class->get_property = mibew_post_message_args_get_property;
  object_class->set_property = mibew_post_message_args_set_property;

  args_class->return_type = G_TYPE_STRING;
  args_class->fold_return = mibew_post_message_args_fold_return;

  /**
   * MibewPostMessageArgs:thread:
   *
   * The thread the message is posted to (`thread`).
   */
  properties[PROP_THREAD] =
    g_param_spec_object ("thread", NULL, NULL, MIBEW_TYPE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewPostMessageArgs:message-kind:
   *
   * The kind of the message (`message_kind`); listeners may change it.
   */
  properties[PROP_MESSAGE_KIND] =
    g_param_spec_enum ("message-kind", NULL, NULL, MIBEW_TYPE_MESSAGE_KIND,
                       MIBEW_MESSAGE_KIND_USER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewPostMessageArgs:message-body:
   *
   * The text of the message (`message_body`); listeners may change it.
   */
  properties[PROP_MESSAGE_BODY] =
    g_param_spec_string ("message-body", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewPostMessageArgs:message-options:
   *
   * The options of `\Mibew\Thread::postMessage()` (`message_options`), a
   * mutable JSON object; listeners may change it in place.
   */
  properties[PROP_MESSAGE_OPTIONS] =
    g_param_spec_boxed ("message-options", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_post_message_args_init (MibewPostMessageArgs *self)
{
  self->message_kind = MIBEW_MESSAGE_KIND_USER;
  self->message_body = g_strdup ("");
  self->message_options = json_object_new ();
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
  MibewPostMessageArgs *self = g_object_new (MIBEW_TYPE_POST_MESSAGE_ARGS, NULL);

  mibew_post_message_args_set_thread (self, thread);
  mibew_post_message_args_set_message_kind (self, message_kind);
  mibew_post_message_args_set_message_body (self, message_body);
  if (message_options != NULL)
    mibew_post_message_args_set_message_options (self, message_options);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self));
  g_return_if_fail (thread == NULL || MIBEW_IS_THREAD (thread));

  g_set_object (&self->thread, thread);
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
  g_return_val_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self), 0);

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
  g_return_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self));

  self->message_kind = message_kind;
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
  g_return_val_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self), NULL);

  return self->message_body;
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
  g_return_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self));

  if (message_body == self->message_body)
    return;
  g_free (self->message_body);
  self->message_body = g_strdup (message_body != NULL ? message_body : "");
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
  g_return_val_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self), NULL);

  return self->message_options;
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
  g_return_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (self));

  if (message_options == self->message_options)
    return;
  g_clear_pointer (&self->message_options, json_object_unref);
  self->message_options = message_options != NULL ? json_object_ref (message_options)
                                                  : json_object_new ();
}
