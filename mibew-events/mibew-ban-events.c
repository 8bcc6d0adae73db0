/* mibew-ban-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-ban-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewBanEvents:
 *
 * Ban events: bans of visitors' addresses.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:ban property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewBanEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewBanEvents, mibew_ban_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_ban_events_class_init (MibewBanEventsClass *klass)
{
  /**
   * MibewBanEvents::create:
   * @self: the #MibewBanEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `banCreate` (`\Mibew\EventDispatcher\Events::BAN_CREATE`).
   *
   * Emitted after a ban has been created. #MibewBanArgs:ban holds the created ban.
   */
  /**
   * MibewBanEvents::update:
   * @self: the #MibewBanEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `banUpdate` (`\Mibew\EventDispatcher\Events::BAN_UPDATE`).
   *
   * Emitted after a ban has been saved. #MibewBanArgs:ban holds the ban after the update, #MibewBanArgs:original-ban the ban before it.
   */
  /**
   * MibewBanEvents::delete:
   * @self: the #MibewBanEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `banDelete` (`\Mibew\EventDispatcher\Events::BAN_DELETE`).
   *
   * Emitted after a ban has been deleted. #MibewIdArgs:id is the id of the deleted ban.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_BAN);
}

static void
mibew_ban_events_init (MibewBanEvents *self)
{
}

/**
 * mibew_ban_events_emit_create:
 * @self: a #MibewBanEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `banCreate` (#MibewBanEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_ban_events_emit_create (MibewBanEvents *self,
                             MibewBanArgs *args)
{
  g_return_if_fail (MIBEW_IS_BAN_EVENTS (self));
  g_return_if_fail (MIBEW_IS_BAN_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_BAN_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_ban_events_emit_update:
 * @self: a #MibewBanEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `banUpdate` (#MibewBanEvents::update) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_ban_events_emit_update (MibewBanEvents *self,
                             MibewBanArgs *args)
{
  g_return_if_fail (MIBEW_IS_BAN_EVENTS (self));
  g_return_if_fail (MIBEW_IS_BAN_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_BAN_UPDATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_ban_events_emit_delete:
 * @self: a #MibewBanEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `banDelete` (#MibewBanEvents::delete) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_ban_events_emit_delete (MibewBanEvents *self,
                             MibewIdArgs *args)
{
  g_return_if_fail (MIBEW_IS_BAN_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ID_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_BAN_DELETE,
                                   (MibewEventArgs *) args);
}
