/* mibew-group-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewGroupEvents:
 *
 * Group events: groups of operators.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:group property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewGroupEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewGroupEvents, mibew_group_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_group_events_class_init (MibewGroupEventsClass *klass)
{
  /**
   * MibewGroupEvents::create:
   * @self: the #MibewGroupEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `groupCreate` (`\Mibew\EventDispatcher\Events::GROUP_CREATE`).
   *
   * Emitted after a group has been created. #MibewGroupArgs:group holds all the fields of the new group.
   */
  /**
   * MibewGroupEvents::update:
   * @self: the #MibewGroupEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `groupUpdate` (`\Mibew\EventDispatcher\Events::GROUP_UPDATE`).
   *
   * Emitted after a group has been saved. #MibewGroupArgs:group holds the group after the update, #MibewGroupArgs:original-group the group before it.
   */
  /**
   * MibewGroupEvents::delete:
   * @self: the #MibewGroupEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `groupDelete` (`\Mibew\EventDispatcher\Events::GROUP_DELETE`).
   *
   * Emitted after a group has been deleted. #MibewIdArgs:id is the id of the deleted group.
   */
  /**
   * MibewGroupEvents::update-operators:
   * @self: the #MibewGroupEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `groupUpdateOperators` (`\Mibew\EventDispatcher\Events::GROUP_UPDATE_OPERATORS`).
   *
   * Emitted after the set of operators of a group has been changed. #MibewGroupOperatorsArgs:original-operators and #MibewGroupOperatorsArgs:operators hold the ids before and after.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_GROUP);
}

static void
mibew_group_events_init (MibewGroupEvents *self)
{
}

/**
 * mibew_group_events_emit_create:
 * @self: a #MibewGroupEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `groupCreate` (#MibewGroupEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_group_events_emit_create (MibewGroupEvents *self,
                               MibewGroupArgs *args)
{
  g_return_if_fail (MIBEW_IS_GROUP_EVENTS (self));
  g_return_if_fail (MIBEW_IS_GROUP_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_GROUP_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_group_events_emit_update:
 * @self: a #MibewGroupEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `groupUpdate` (#MibewGroupEvents::update) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_group_events_emit_update (MibewGroupEvents *self,
                               MibewGroupArgs *args)
{
  g_return_if_fail (MIBEW_IS_GROUP_EVENTS (self));
  g_return_if_fail (MIBEW_IS_GROUP_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_GROUP_UPDATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_group_events_emit_delete:
 * @self: a #MibewGroupEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `groupDelete` (#MibewGroupEvents::delete) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_group_events_emit_delete (MibewGroupEvents *self,
                               MibewIdArgs *args)
{
  g_return_if_fail (MIBEW_IS_GROUP_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ID_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_GROUP_DELETE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_group_events_emit_update_operators:
 * @self: a #MibewGroupEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `groupUpdateOperators` (#MibewGroupEvents::update-operators) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_group_events_emit_update_operators (MibewGroupEvents *self,
                                         MibewGroupOperatorsArgs *args)
{
  g_return_if_fail (MIBEW_IS_GROUP_EVENTS (self));
  g_return_if_fail (MIBEW_IS_GROUP_OPERATORS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_GROUP_UPDATE_OPERATORS,
                                   (MibewEventArgs *) args);
}
