/* mibew-users-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-users-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewUsersEvents:
 *
 * Users events: the operators' list of threads and visitors (the Users application).
 *
 * Get it from the dispatcher's #MibewEventDispatcher:users property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewUsersEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewUsersEvents, mibew_users_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_users_events_class_init (MibewUsersEventsClass *klass)
{
  /**
   * MibewUsersEvents::update-threads-alter:
   * @self: the #MibewUsersEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `usersUpdateThreadsAlter` (`\Mibew\EventDispatcher\Events::USERS_UPDATE_THREADS_ALTER`).
   *
   * Emitted before the list of threads is sent to the Users application. Listeners change the entries (custom keys included) or the list in #MibewListThreadsArgs:threads, or return a new #GListStore, which replaces it.
   *
   * Returns: (transfer full) (nullable): a new value (#GListStore of #MibewListThread), or %NULL
   */
  /**
   * MibewUsersEvents::update-visitors-load:
   * @self: the #MibewUsersEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `usersUpdateVisitorsLoad` (`\Mibew\EventDispatcher\Events::USERS_UPDATE_VISITORS_LOAD`).
   *
   * Emitted before the list of site visitors is loaded. #MibewListVisitorsArgs:visitors starts unset; a listener that loads the visitors itself sets it (an empty list is an answer too) or returns it. The first answer wins and ends the emission; when nobody answered the emitter runs the default loader.
   *
   * Returns: (transfer full) (nullable): the answer (#GListStore of #MibewListVisitor), or %NULL to leave the slot to others
   */
  /**
   * MibewUsersEvents::update-visitors-alter:
   * @self: the #MibewUsersEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `usersUpdateVisitorsAlter` (`\Mibew\EventDispatcher\Events::USERS_UPDATE_VISITORS_ALTER`).
   *
   * Emitted before the list of site visitors is sent to the Users application. Listeners change the entries (custom keys included) or the list in #MibewListVisitorsArgs:visitors, or return a new #GListStore, which replaces it.
   *
   * Returns: (transfer full) (nullable): a new value (#GListStore of #MibewListVisitor), or %NULL
   */
  /**
   * MibewUsersEvents::function-call:
   * @self: the #MibewUsersEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `usersFunctionCall` (`\Mibew\EventDispatcher\Events::USERS_FUNCTION_CALL`).
   *
   * Emitted for every API function the Users application calls (built-in ones too: then #MibewFunctionCallArgs:results already holds the core's answer). The signal is detailed by the function name. Listeners add to #MibewFunctionCallArgs:results, or return an object that is merged into it, later keys winning.
   *
   * Returns: (transfer full) (nullable): results to merge into #MibewFunctionCallArgs:results, or %NULL
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_USERS);
}

static void
mibew_users_events_init (MibewUsersEvents *self)
{
}

/**
 * mibew_users_events_emit_update_threads_alter:
 * @self: a #MibewUsersEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `usersUpdateThreadsAlter` (#MibewUsersEvents::update-threads-alter) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_users_events_emit_update_threads_alter (MibewUsersEvents *self,
                                             MibewListThreadsArgs *args)
{
  g_return_if_fail (MIBEW_IS_USERS_EVENTS (self));
  g_return_if_fail (MIBEW_IS_LIST_THREADS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_USERS_UPDATE_THREADS_ALTER,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_users_events_emit_update_visitors_load:
 * @self: a #MibewUsersEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `usersUpdateVisitorsLoad` (#MibewUsersEvents::update-visitors-load) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 *
 * Returns: %TRUE if a listener answered, %FALSE if the emitter should
 *   fall back to its default
 */
gboolean
mibew_users_events_emit_update_visitors_load (MibewUsersEvents *self,
                                             MibewListVisitorsArgs *args)
{
  g_return_val_if_fail (MIBEW_IS_USERS_EVENTS (self), FALSE);
  g_return_val_if_fail (MIBEW_IS_LIST_VISITORS_ARGS (args), FALSE);

  return mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_USERS_UPDATE_VISITORS_LOAD,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_users_events_emit_update_visitors_alter:
 * @self: a #MibewUsersEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `usersUpdateVisitorsAlter` (#MibewUsersEvents::update-visitors-alter) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_users_events_emit_update_visitors_alter (MibewUsersEvents *self,
                                              MibewListVisitorsArgs *args)
{
  g_return_if_fail (MIBEW_IS_USERS_EVENTS (self));
  g_return_if_fail (MIBEW_IS_LIST_VISITORS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_USERS_UPDATE_VISITORS_ALTER,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_users_events_emit_function_call:
 * @self: a #MibewUsersEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `usersFunctionCall` (#MibewUsersEvents::function-call) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_users_events_emit_function_call (MibewUsersEvents *self,
                                      MibewFunctionCallArgs *args)
{
  g_return_if_fail (MIBEW_IS_USERS_EVENTS (self));
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_USERS_FUNCTION_CALL,
                                   (MibewEventArgs *) args);
}
