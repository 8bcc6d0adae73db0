/* mibew-routing-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-routing-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewRoutingEvents:
 *
 * Routing events: the routes of Mibew's web application.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:routing property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewRoutingEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewRoutingEvents, mibew_routing_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_routing_events_class_init (MibewRoutingEventsClass *klass)
{
  /**
   * MibewRoutingEvents::routes-alter:
   * @self: the #MibewRoutingEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `routesAlter` (`\Mibew\EventDispatcher\Events::ROUTES_ALTER`).
   *
   * Emitted after all routes have been loaded. Listeners change #MibewRoutesArgs:routes, or return a new #MibewRouteCollection, which replaces it before the next listener runs.
   *
   * Returns: (transfer full) (nullable): a new value (#MibewRouteCollection), or %NULL
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_ROUTING);
}

static void
mibew_routing_events_init (MibewRoutingEvents *self)
{
}

/**
 * mibew_routing_events_emit_routes_alter:
 * @self: a #MibewRoutingEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `routesAlter` (#MibewRoutingEvents::routes-alter) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_routing_events_emit_routes_alter (MibewRoutingEvents *self,
                                       MibewRoutesArgs *args)
{
  g_return_if_fail (MIBEW_IS_ROUTING_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ROUTES_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_ROUTES_ALTER,
                                   (MibewEventArgs *) args);
}
