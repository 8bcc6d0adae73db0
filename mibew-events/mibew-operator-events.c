/* mibew-operator-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-operator-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewOperatorEvents:
 *
 * Operator events: authentication and the life of operators' accounts.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:operator property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewOperatorEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewOperatorEvents, mibew_operator_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_operator_events_class_init (MibewOperatorEventsClass *klass)
{
  /**
   * MibewOperatorEvents::authenticate:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorAuthenticate` (`\Mibew\EventDispatcher\Events::OPERATOR_AUTHENTICATE`).
   *
   * Emitted when an operator is not logged in, so plugins can authenticate them their own way. #MibewAuthenticateArgs:operator starts empty; a listener that recognises the operator in #MibewAuthenticateArgs:request sets it, or returns the #MibewOperator. The first answer wins and ends the emission; if nobody answers, authentication fails.
   *
   * Returns: (transfer full) (nullable): the answer (#MibewOperator), or %NULL to leave the slot to others
   */
  /**
   * MibewOperatorEvents::login:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorLogin` (`\Mibew\EventDispatcher\Events::OPERATOR_LOGIN`).
   *
   * Emitted after an operator has logged in with the login form. #MibewLoginArgs:remember says whether the system should remember the operator.
   */
  /**
   * MibewOperatorEvents::logout:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorLogout` (`\Mibew\EventDispatcher\Events::OPERATOR_LOGOUT`).
   *
   * Emitted after an operator has logged out. It carries no arguments: @args is an empty #MibewEventArgs.
   */
  /**
   * MibewOperatorEvents::create:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorCreate` (`\Mibew\EventDispatcher\Events::OPERATOR_CREATE`).
   *
   * Emitted after an operator has been created. #MibewOperatorArgs:operator holds all the fields of the new operator.
   */
  /**
   * MibewOperatorEvents::update:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorUpdate` (`\Mibew\EventDispatcher\Events::OPERATOR_UPDATE`).
   *
   * Emitted after an operator has been saved. #MibewOperatorArgs:operator holds the operator after the update, #MibewOperatorArgs:original-operator before it.
   */
  /**
   * MibewOperatorEvents::delete:
   * @self: the #MibewOperatorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `operatorDelete` (`\Mibew\EventDispatcher\Events::OPERATOR_DELETE`).
   *
   * Emitted after an operator has been deleted. #MibewIdArgs:id is the id of the deleted operator.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_OPERATOR);
}

static void
mibew_operator_events_init (MibewOperatorEvents *self)
{
}

/**
 * mibew_operator_events_emit_authenticate:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorAuthenticate` (#MibewOperatorEvents::authenticate) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 *
 * Returns: %TRUE if a listener answered, %FALSE if the emitter should
 *   fall back to its default
 */
gboolean
mibew_operator_events_emit_authenticate (MibewOperatorEvents *self,
                                        MibewAuthenticateArgs *args)
{
  g_return_val_if_fail (MIBEW_IS_OPERATOR_EVENTS (self), FALSE);
  g_return_val_if_fail (MIBEW_IS_AUTHENTICATE_ARGS (args), FALSE);

  return mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_AUTHENTICATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_operator_events_emit_login:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorLogin` (#MibewOperatorEvents::login) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_operator_events_emit_login (MibewOperatorEvents *self,
                                 MibewLoginArgs *args)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_LOGIN_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_LOGIN,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_operator_events_emit_logout:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorLogout` (#MibewOperatorEvents::logout) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_operator_events_emit_logout (MibewOperatorEvents *self,
                                  MibewEventArgs *args)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_EVENT_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_LOGOUT,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_operator_events_emit_create:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorCreate` (#MibewOperatorEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_operator_events_emit_create (MibewOperatorEvents *self,
                                  MibewOperatorArgs *args)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_OPERATOR_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_operator_events_emit_update:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorUpdate` (#MibewOperatorEvents::update) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_operator_events_emit_update (MibewOperatorEvents *self,
                                  MibewOperatorArgs *args)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_OPERATOR_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_UPDATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_operator_events_emit_delete:
 * @self: a #MibewOperatorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `operatorDelete` (#MibewOperatorEvents::delete) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_operator_events_emit_delete (MibewOperatorEvents *self,
                                  MibewIdArgs *args)
{
  g_return_if_fail (MIBEW_IS_OPERATOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ID_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_OPERATOR_DELETE,
                                   (MibewEventArgs *) args);
}
