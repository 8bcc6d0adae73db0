/* mibew-event-emitter-private.h: the listener engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "mibew-event-emitter.h"
#include "mibew-event-table-private.h"

G_BEGIN_DECLS

void     mibew_event_emitter_set_dispatcher    (MibewEventEmitter      *self,
                                                MibewEventDispatcher   *dispatcher);

/* Installs the signals of @category's events on @klass, from the table. */
void     mibew_event_emitter_class_setup       (MibewEventEmitterClass *klass,
                                                MibewEventCategory      category);

guint    mibew_event_emitter_attach            (MibewEventEmitter      *self,
                                                const MibewEventInfo   *info,
                                                GQuark                  detail,
                                                int                     priority,
                                                GClosure               *closure,
                                                guint                   id,
                                                GQuark                  owner);
guint    mibew_event_emitter_attach_callback   (MibewEventEmitter      *self,
                                                const MibewEventInfo   *info,
                                                GQuark                  detail,
                                                int                     priority,
                                                GCallback               callback,
                                                gpointer                user_data,
                                                GDestroyNotify          destroy,
                                                guint                   id,
                                                GQuark                  owner);
gboolean mibew_event_emitter_detach            (MibewEventEmitter      *self,
                                                const MibewEventInfo   *info,
                                                guint                   id);
/* Detaches every listener of @info attached under @owner; returns how
 * many. */
guint    mibew_event_emitter_detach_owner      (MibewEventEmitter      *self,
                                                const MibewEventInfo   *info,
                                                GQuark                  owner);
guint    mibew_event_emitter_count_listeners   (MibewEventEmitter      *self,
                                                const MibewEventInfo   *info);

/* Runs the event. Returns TRUE if an out event was answered. */
gboolean mibew_event_emitter_emit              (MibewEventEmitter      *self,
                                                MibewEventId            id,
                                                MibewEventArgs         *args);

G_END_DECLS
