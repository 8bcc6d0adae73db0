/* mibew-widget-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-widget-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewWidgetEvents:
 *
 * Widget events: the data sent to the widget on the visitor's page.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:widget property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewWidgetEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewWidgetEvents, mibew_widget_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_widget_events_class_init (MibewWidgetEventsClass *klass)
{
  /**
   * MibewWidgetEvents::response-alter:
   * @self: the #MibewWidgetEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `widgetResponseAlter` (`\Mibew\EventDispatcher\Events::WIDGET_RESPONSE_ALTER`).
   *
   * Emitted every time the widget's data is ready to be sent. Listeners add libraries to load, handlers to call, their dependencies and data in #MibewWidgetResponseArgs:response, or return a new #MibewWidgetResponse, which replaces it.
   *
   * Returns: (transfer full) (nullable): a new value (#MibewWidgetResponse), or %NULL
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_WIDGET);
}

static void
mibew_widget_events_init (MibewWidgetEvents *self)
{
}

/**
 * mibew_widget_events_emit_response_alter:
 * @self: a #MibewWidgetEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `widgetResponseAlter` (#MibewWidgetEvents::response-alter) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_widget_events_emit_response_alter (MibewWidgetEvents *self,
                                        MibewWidgetResponseArgs *args)
{
  g_return_if_fail (MIBEW_IS_WIDGET_EVENTS (self));
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_WIDGET_RESPONSE_ALTER,
                                   (MibewEventArgs *) args);
}
