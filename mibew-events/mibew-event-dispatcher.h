/* mibew-event-dispatcher.h: Mibew's EventDispatcher
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
#include "mibew-event-emitter.h"
#include "mibew-ban-events.h"
#include "mibew-button-events.h"
#include "mibew-cron-events.h"
#include "mibew-group-events.h"
#include "mibew-invitation-events.h"
#include "mibew-operator-events.h"
#include "mibew-page-events.h"
#include "mibew-resource-events.h"
#include "mibew-routing-events.h"
#include "mibew-thread-events.h"
#include "mibew-users-events.h"
#include "mibew-visitor-events.h"
#include "mibew-widget-events.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_EVENT_DISPATCHER (mibew_event_dispatcher_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewEventDispatcher, mibew_event_dispatcher, MIBEW, EVENT_DISPATCHER, GObject)

/**
 * MibewListenerFunc:
 * @emitter: the category object carrying the event
 * @args: the event's arguments, shared by every listener
 * @user_data: the data given to mibew_event_dispatcher_attach_func()
 *
 * A listener with one signature for every event, for languages that
 * cannot build a #GClosure (Vala) and for C code that prefers it.
 *
 * Returns: (transfer full) (nullable): for alter, out and call events, an
 *   answer of the type the event's signal returns (see #MibewEventArgsClass),
 *   or %NULL; notify events ignore it
 */
typedef gpointer (*MibewListenerFunc) (MibewEventEmitter *emitter,
                                       MibewEventArgs    *args,
                                       gpointer           user_data);

/**
 * MIBEW_PRIORITY_DEFAULT:
 *
 * The priority to attach a listener with for Mibew's default: 0, or,
 * while a plugin is being activated, the plugin's weight (see
 * mibew_event_dispatcher_push_owner()) — what Mibew's `attachListener()`
 * does with a %NULL priority.
 */
#define MIBEW_PRIORITY_DEFAULT -2147483648

MIBEW_AVAILABLE_IN_ALL
MibewEventDispatcher  *mibew_event_dispatcher_new                (void);
MIBEW_AVAILABLE_IN_ALL
MibewEventDispatcher  *mibew_event_dispatcher_get_default        (void);

MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_attach_listener    (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  int                    priority,
                                                                  GClosure              *closure,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_attach_callback    (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  int                    priority,
                                                                  GCallback              callback,
                                                                  gpointer               user_data,
                                                                  GDestroyNotify         destroy_notify,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_attach_func        (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  int                    priority,
                                                                  MibewListenerFunc      func,
                                                                  gpointer               user_data,
                                                                  GDestroyNotify         destroy_notify,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
gboolean               mibew_event_dispatcher_detach_listener    (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  guint                  listener_id,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
gboolean               mibew_event_dispatcher_trigger            (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  MibewEventArgs        *args,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
JsonNode              *mibew_event_dispatcher_trigger_json       (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  JsonNode              *args,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
char                  *mibew_event_dispatcher_trigger_json_data  (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  const char            *data,
                                                                  gssize                 length,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
MibewEventArgs        *mibew_event_dispatcher_decode_json_data   (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  const char            *data,
                                                                  gssize                 length,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
char                  *mibew_event_dispatcher_encode_json_data   (MibewEventDispatcher  *self,
                                                                  MibewEventArgs        *args);
MIBEW_AVAILABLE_IN_ALL
JsonNode              *mibew_event_dispatcher_parse_json         (MibewEventDispatcher  *self,
                                                                  const char            *data,
                                                                  gssize                 length,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_event_dispatcher_set_json_limits    (MibewEventDispatcher  *self,
                                                                  gsize                  max_size,
                                                                  guint                  max_depth);
MIBEW_AVAILABLE_IN_ALL
JsonNode              *mibew_event_dispatcher_get_schema         (const char            *event_name,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
JsonNode              *mibew_event_dispatcher_get_event_description (const char         *event_name,
                                                                  GError               **error);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_get_listener_count (MibewEventDispatcher  *self,
                                                                  const char            *event_name);

MIBEW_AVAILABLE_IN_ALL
void                   mibew_event_dispatcher_push_owner         (MibewEventDispatcher  *self,
                                                                  const char            *owner,
                                                                  int                    default_priority);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_event_dispatcher_pop_owner          (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
const char            *mibew_event_dispatcher_get_current_owner  (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_detach_owner       (MibewEventDispatcher  *self,
                                                                  const char            *owner);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_event_dispatcher_report_owner_failure (MibewEventDispatcher *self,
                                                                  const char            *event_name,
                                                                  const char            *owner,
                                                                  const char            *message);
MIBEW_AVAILABLE_IN_ALL
const char            *mibew_event_dispatcher_get_failure_owner  (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_get_owner_failure_count (MibewEventDispatcher *self,
                                                                  const char            *owner);
MIBEW_AVAILABLE_IN_ALL
void                   mibew_event_dispatcher_report_failure     (MibewEventDispatcher  *self,
                                                                  const char            *event_name,
                                                                  const char            *message);
MIBEW_AVAILABLE_IN_ALL
guint                  mibew_event_dispatcher_get_failure_count  (MibewEventDispatcher  *self);

MIBEW_AVAILABLE_IN_ALL
const char * const    *mibew_event_dispatcher_list_events        (void);
MIBEW_AVAILABLE_IN_ALL
gboolean               mibew_event_dispatcher_describe_event     (const char            *event_name,
                                                                  MibewEventCategory    *category,
                                                                  const char           **signal_name,
                                                                  MibewEventKind        *kind,
                                                                  GType                 *args_type);
MIBEW_AVAILABLE_IN_ALL
MibewEventEmitter     *mibew_event_dispatcher_get_emitter        (MibewEventDispatcher  *self,
                                                                  MibewEventCategory     category);

MIBEW_AVAILABLE_IN_ALL
MibewBanEvents        *mibew_event_dispatcher_get_ban            (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewButtonEvents     *mibew_event_dispatcher_get_button         (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewCronEvents       *mibew_event_dispatcher_get_cron           (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewGroupEvents      *mibew_event_dispatcher_get_group          (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewInvitationEvents *mibew_event_dispatcher_get_invitation     (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewOperatorEvents   *mibew_event_dispatcher_get_operator       (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewPageEvents       *mibew_event_dispatcher_get_page           (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewResourceEvents   *mibew_event_dispatcher_get_resource       (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewRoutingEvents    *mibew_event_dispatcher_get_routing        (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewThreadEvents     *mibew_event_dispatcher_get_thread         (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewUsersEvents      *mibew_event_dispatcher_get_users          (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewVisitorEvents    *mibew_event_dispatcher_get_visitor        (MibewEventDispatcher  *self);
MIBEW_AVAILABLE_IN_ALL
MibewWidgetEvents     *mibew_event_dispatcher_get_widget         (MibewEventDispatcher  *self);

G_END_DECLS
