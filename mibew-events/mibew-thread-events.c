/* mibew-thread-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-thread-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewThreadEvents:
 *
 * Thread events: chat threads and their messages.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:thread property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewThreadEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewThreadEvents, mibew_thread_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_thread_events_class_init (MibewThreadEventsClass *klass)
{
  /**
   * MibewThreadEvents::function-call:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadFunctionCall` (`\Mibew\EventDispatcher\Events::THREAD_FUNCTION_CALL`).
   *
   * Emitted for every API function the Chat application calls (built-in ones too: then #MibewFunctionCallArgs:results already holds the core's answer). The signal is detailed by the function name: connect to `function-call::microtime` to see only that function. Listeners add to #MibewFunctionCallArgs:results, or return an object that is merged into it, later keys winning.
   *
   * Returns: (transfer full) (nullable): results to merge into #MibewFunctionCallArgs:results, or %NULL
   */
  /**
   * MibewThreadEvents::create:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadCreate` (`\Mibew\EventDispatcher\Events::THREAD_CREATE`).
   *
   * Emitted after a thread has been created. #MibewThreadArgs:thread is the new thread.
   */
  /**
   * MibewThreadEvents::update:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadUpdate` (`\Mibew\EventDispatcher\Events::THREAD_UPDATE`).
   *
   * Emitted after a thread has been saved. #MibewThreadArgs:thread is the thread after the update, #MibewThreadArgs:original-thread before it.
   */
  /**
   * MibewThreadEvents::delete:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadDelete` (`\Mibew\EventDispatcher\Events::THREAD_DELETE`).
   *
   * Emitted after a thread has been deleted. #MibewIdArgs:id is the id of the deleted thread.
   */
  /**
   * MibewThreadEvents::close:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadClose` (`\Mibew\EventDispatcher\Events::THREAD_CLOSE`).
   *
   * Emitted after a thread has been closed. #MibewThreadArgs:thread is the closed thread.
   */
  /**
   * MibewThreadEvents::post-message:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadPostMessage` (`\Mibew\EventDispatcher\Events::THREAD_POST_MESSAGE`).
   *
   * Emitted before a message is posted to a thread. Listeners may change the kind, the body and the options of the message, or return a new body, which the next listener sees; the message is stored with the final values.
   *
   * Returns: (transfer full) (nullable): a new value (message body), or %NULL
   */
  /**
   * MibewThreadEvents::get-messages-alter:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadGetMessagesAlter` (`\Mibew\EventDispatcher\Events::THREAD_GET_MESSAGES_ALTER`).
   *
   * Emitted after the messages of a thread have been loaded. Listeners change the list in #MibewMessagesArgs:messages, or return a new #GListStore of #MibewMessage, which replaces it.
   *
   * Returns: (transfer full) (nullable): a new value (#GListStore of #MibewMessage), or %NULL
   */
  /**
   * MibewThreadEvents::user-is-ready:
   * @self: the #MibewThreadEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `threadUserIsReady` (`\Mibew\EventDispatcher\Events::THREAD_USER_IS_READY`).
   *
   * Emitted after a thread has been created, the visitor has passed the pre-chat survey and all system messages have been sent (since Mibew 2.1.0). Not emitted when no operator is online.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_THREAD);
}

static void
mibew_thread_events_init (MibewThreadEvents *self)
{
}

/**
 * mibew_thread_events_emit_function_call:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadFunctionCall` (#MibewThreadEvents::function-call) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_function_call (MibewThreadEvents *self,
                                       MibewFunctionCallArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_FUNCTION_CALL,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_create:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadCreate` (#MibewThreadEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_create (MibewThreadEvents *self,
                                MibewThreadArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_update:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadUpdate` (#MibewThreadEvents::update) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_update (MibewThreadEvents *self,
                                MibewThreadArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_UPDATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_delete:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadDelete` (#MibewThreadEvents::delete) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_delete (MibewThreadEvents *self,
                                MibewIdArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ID_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_DELETE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_close:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadClose` (#MibewThreadEvents::close) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_close (MibewThreadEvents *self,
                               MibewThreadArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_CLOSE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_post_message:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadPostMessage` (#MibewThreadEvents::post-message) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_post_message (MibewThreadEvents *self,
                                      MibewPostMessageArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_POST_MESSAGE_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_POST_MESSAGE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_get_messages_alter:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadGetMessagesAlter` (#MibewThreadEvents::get-messages-alter) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_get_messages_alter (MibewThreadEvents *self,
                                            MibewMessagesArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_MESSAGES_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_GET_MESSAGES_ALTER,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_thread_events_emit_user_is_ready:
 * @self: a #MibewThreadEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `threadUserIsReady` (#MibewThreadEvents::user-is-ready) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_thread_events_emit_user_is_ready (MibewThreadEvents *self,
                                       MibewThreadArgs *args)
{
  g_return_if_fail (MIBEW_IS_THREAD_EVENTS (self));
  g_return_if_fail (MIBEW_IS_THREAD_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_THREAD_USER_IS_READY,
                                   (MibewEventArgs *) args);
}
