/* mibew-event-emitter.h: base class of the 13 category objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib-object.h>

#include "mibew-enums.h"
#include "mibew-event-args.h"
#include "mibew-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_EVENT_EMITTER (mibew_event_emitter_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (MibewEventEmitter, mibew_event_emitter, MIBEW, EVENT_EMITTER, GObject)

/**
 * MibewEventEmitterClass:
 * @parent_class: the parent class
 *
 * The class of #MibewEventEmitter; only the 13 category classes of the
 * library derive from it.
 */
struct _MibewEventEmitterClass
{
  GObjectClass parent_class;

  /*< private >*/
  MibewEventCategory category;
  guint first_event;
  guint n_events;
  gpointer padding[8];
};

typedef struct _MibewEventDispatcher MibewEventDispatcher;

MIBEW_AVAILABLE_IN_ALL
MibewEventCategory    mibew_event_emitter_get_category   (MibewEventEmitter *self);
MIBEW_AVAILABLE_IN_ALL
MibewEventDispatcher *mibew_event_emitter_get_dispatcher (MibewEventEmitter *self);
MIBEW_AVAILABLE_IN_ALL
const char           *mibew_event_emitter_get_event_name (MibewEventEmitter *self,
                                                          const char        *signal_name);

G_END_DECLS
