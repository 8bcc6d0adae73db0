/* mibew-visitor-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-visitor-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewVisitorEvents:
 *
 * Visitor events: visitors tracked by the widget.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:visitor property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewVisitorEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewVisitorEvents, mibew_visitor_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_visitor_events_class_init (MibewVisitorEventsClass *klass)
{
  /**
   * MibewVisitorEvents::create:
   * @self: the #MibewVisitorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `visitorCreate` (`\Mibew\EventDispatcher\Events::VISITOR_CREATE`).
   *
   * Emitted when the widget tracks a visitor for the first time; it comes before #MibewVisitorEvents::track.
   */
  /**
   * MibewVisitorEvents::track:
   * @self: the #MibewVisitorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `visitorTrack` (`\Mibew\EventDispatcher\Events::VISITOR_TRACK`).
   *
   * Emitted every time the widget tracks a visitor.
   */
  /**
   * MibewVisitorEvents::delete-old:
   * @self: the #MibewVisitorEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `visitorDeleteOld` (`\Mibew\EventDispatcher\Events::VISITOR_DELETE_OLD`).
   *
   * Emitted after old visitors have been deleted. #MibewVisitorIdsArgs:visitors holds their ids.
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_VISITOR);
}

static void
mibew_visitor_events_init (MibewVisitorEvents *self)
{
}

/**
 * mibew_visitor_events_emit_create:
 * @self: a #MibewVisitorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `visitorCreate` (#MibewVisitorEvents::create) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_visitor_events_emit_create (MibewVisitorEvents *self,
                                 MibewSiteVisitorArgs *args)
{
  g_return_if_fail (MIBEW_IS_VISITOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_SITE_VISITOR_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_VISITOR_CREATE,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_visitor_events_emit_track:
 * @self: a #MibewVisitorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `visitorTrack` (#MibewVisitorEvents::track) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_visitor_events_emit_track (MibewVisitorEvents *self,
                                MibewSiteVisitorArgs *args)
{
  g_return_if_fail (MIBEW_IS_VISITOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_SITE_VISITOR_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_VISITOR_TRACK,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_visitor_events_emit_delete_old:
 * @self: a #MibewVisitorEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `visitorDeleteOld` (#MibewVisitorEvents::delete-old) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_visitor_events_emit_delete_old (MibewVisitorEvents *self,
                                     MibewVisitorIdsArgs *args)
{
  g_return_if_fail (MIBEW_IS_VISITOR_EVENTS (self));
  g_return_if_fail (MIBEW_IS_VISITOR_IDS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_VISITOR_DELETE_OLD,
                                   (MibewEventArgs *) args);
}
