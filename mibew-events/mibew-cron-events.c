/* mibew-cron-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-cron-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewCronEvents:
 *
 * Cron events: Mibew's periodic maintenance.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:cron property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewCronEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewCronEvents, mibew_cron_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_cron_events_class_init (MibewCronEventsClass *klass)
{
  /**
   * MibewCronEvents::run:
   * @self: the #MibewCronEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `cronRun` (`\Mibew\EventDispatcher\Events::CRON_RUN`).
   *
   * Emitted when the system cron tasks run (after the statistics are calculated, before the check for updates), so plugins can do their own maintenance. It carries no arguments: @args is an empty #MibewEventArgs.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_CRON);
}

static void
mibew_cron_events_init (MibewCronEvents *self)
{
}

/**
 * mibew_cron_events_emit_run:
 * @self: a #MibewCronEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `cronRun` (#MibewCronEvents::run) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_cron_events_emit_run (MibewCronEvents *self,
                           MibewEventArgs *args)
{
  g_return_if_fail (MIBEW_IS_CRON_EVENTS (self));
  g_return_if_fail (MIBEW_IS_EVENT_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_CRON_RUN,
                                   (MibewEventArgs *) args);
}
