/* mibew-button-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-button-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewButtonEvents:
 *
 * Button events: generation of the chat button's markup.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:button property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewButtonEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewButtonEvents, mibew_button_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_button_events_class_init (MibewButtonEventsClass *klass)
{
  /**
   * MibewButtonEvents::generate:
   * @self: the #MibewButtonEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `buttonGenerate` (`\Mibew\EventDispatcher\Events::BUTTON_GENERATE`).
   *
   * Emitted after a button has been generated. Listeners may change the markup in #MibewButtonArgs:button, or return a new #MibewButtonFragment, which replaces it before the next listener runs; Mibew uses the final markup. #MibewButtonArgs:generator describes the generator that was used.
   *
   * Returns: (transfer full) (nullable): a new value (#MibewButtonFragment), or %NULL
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_BUTTON);
}

static void
mibew_button_events_init (MibewButtonEvents *self)
{
}

/**
 * mibew_button_events_emit_generate:
 * @self: a #MibewButtonEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `buttonGenerate` (#MibewButtonEvents::generate) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_button_events_emit_generate (MibewButtonEvents *self,
                                  MibewButtonArgs *args)
{
  g_return_if_fail (MIBEW_IS_BUTTON_EVENTS (self));
  g_return_if_fail (MIBEW_IS_BUTTON_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_BUTTON_GENERATE,
                                   (MibewEventArgs *) args);
}
