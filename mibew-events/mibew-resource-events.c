/* mibew-resource-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-resource-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewResourceEvents:
 *
 * Resource events: access to a resource was denied, or it was not found.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:resource property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewResourceEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewResourceEvents, mibew_resource_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_resource_events_class_init (MibewResourceEventsClass *klass)
{
  /**
   * MibewResourceEvents::access-denied:
   * @self: the #MibewResourceEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `resourceAccessDenied` (`\Mibew\EventDispatcher\Events::RESOURCE_ACCESS_DENIED`).
   *
   * Emitted when access to a resource is denied. A listener that wants to send its own reply sets #MibewResourceArgs:response or returns a #MibewResponse; the first answer wins and ends the emission. Otherwise Mibew answers 403 or redirects to the login page.
   *
   * Returns: (transfer full) (nullable): the answer (#MibewResponse), or %NULL to leave the slot to others
   */
  /**
   * MibewResourceEvents::not-found:
   * @self: the #MibewResourceEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `resourceNotFound` (`\Mibew\EventDispatcher\Events::RESOURCE_NOT_FOUND`).
   *
   * Emitted when a resource is not found. A listener that wants to send its own reply sets #MibewResourceArgs:response or returns a #MibewResponse; the first answer wins and ends the emission. Otherwise Mibew answers 404.
   *
   * Returns: (transfer full) (nullable): the answer (#MibewResponse), or %NULL to leave the slot to others
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_RESOURCE);
}

static void
mibew_resource_events_init (MibewResourceEvents *self)
{
}

/**
 * mibew_resource_events_emit_access_denied:
 * @self: a #MibewResourceEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `resourceAccessDenied` (#MibewResourceEvents::access-denied) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 *
 * Returns: %TRUE if a listener answered, %FALSE if the emitter should
 *   fall back to its default
 */
gboolean
mibew_resource_events_emit_access_denied (MibewResourceEvents *self,
                                         MibewResourceArgs *args)
{
  g_return_val_if_fail (MIBEW_IS_RESOURCE_EVENTS (self), FALSE);
  g_return_val_if_fail (MIBEW_IS_RESOURCE_ARGS (args), FALSE);

  return mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_RESOURCE_ACCESS_DENIED,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_resource_events_emit_not_found:
 * @self: a #MibewResourceEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `resourceNotFound` (#MibewResourceEvents::not-found) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 *
 * Returns: %TRUE if a listener answered, %FALSE if the emitter should
 *   fall back to its default
 */
gboolean
mibew_resource_events_emit_not_found (MibewResourceEvents *self,
                                     MibewResourceArgs *args)
{
  g_return_val_if_fail (MIBEW_IS_RESOURCE_EVENTS (self), FALSE);
  g_return_val_if_fail (MIBEW_IS_RESOURCE_ARGS (args), FALSE);

  return mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_RESOURCE_NOT_FOUND,
                                   (MibewEventArgs *) args);
}
