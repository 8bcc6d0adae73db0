/* mibew-enums.h: Mibew's constants as registered enumerations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * MibewThreadState:
 * @MIBEW_THREAD_STATE_QUEUE: the visitor waits in the queue (`STATE_QUEUE`)
 * @MIBEW_THREAD_STATE_WAITING: waiting for an operator (`STATE_WAITING`)
 * @MIBEW_THREAD_STATE_CHATTING: an operator chats with the visitor (`STATE_CHATTING`)
 * @MIBEW_THREAD_STATE_CLOSED: the thread is closed (`STATE_CLOSED`)
 * @MIBEW_THREAD_STATE_LOADING: the chat window is loading (`STATE_LOADING`)
 * @MIBEW_THREAD_STATE_LEFT: the visitor left a message (`STATE_LEFT`)
 * @MIBEW_THREAD_STATE_INVITED: the visitor was invited (`STATE_INVITED`)
 *
 * The states of a thread, with the values of `\Mibew\Thread::STATE_*`.
 */
typedef enum {
  MIBEW_THREAD_STATE_QUEUE = 0,
  MIBEW_THREAD_STATE_WAITING = 1,
  MIBEW_THREAD_STATE_CHATTING = 2,
  MIBEW_THREAD_STATE_CLOSED = 3,
  MIBEW_THREAD_STATE_LOADING = 4,
  MIBEW_THREAD_STATE_LEFT = 5,
  MIBEW_THREAD_STATE_INVITED = 6,
} MibewThreadState;

/**
 * MibewInvitationState:
 * @MIBEW_INVITATION_STATE_NOT_INVITED: no invitation (`INVITATION_NOT_INVITED`)
 * @MIBEW_INVITATION_STATE_WAIT: the invitation waits for an answer (`INVITATION_WAIT`)
 * @MIBEW_INVITATION_STATE_ACCEPTED: the visitor accepted (`INVITATION_ACCEPTED`)
 * @MIBEW_INVITATION_STATE_REJECTED: the visitor rejected (`INVITATION_REJECTED`)
 * @MIBEW_INVITATION_STATE_IGNORED: the visitor ignored it and the system closed it
 *   (`INVITATION_IGNORED`)
 *
 * The invitation states of a thread, with the values of
 * `\Mibew\Thread::INVITATION_*`.
 */
typedef enum {
  MIBEW_INVITATION_STATE_NOT_INVITED = 0,
  MIBEW_INVITATION_STATE_WAIT = 1,
  MIBEW_INVITATION_STATE_ACCEPTED = 2,
  MIBEW_INVITATION_STATE_REJECTED = 3,
  MIBEW_INVITATION_STATE_IGNORED = 4,
} MibewInvitationState;

/**
 * MibewMessageKind:
 * @MIBEW_MESSAGE_KIND_USER: a message from the visitor (`KIND_USER`)
 * @MIBEW_MESSAGE_KIND_AGENT: a message from the operator (`KIND_AGENT`)
 * @MIBEW_MESSAGE_KIND_FOR_AGENT: a message only operators see (`KIND_FOR_AGENT`)
 * @MIBEW_MESSAGE_KIND_INFO: an informational system message (`KIND_INFO`)
 * @MIBEW_MESSAGE_KIND_CONN: a connection message (`KIND_CONN`)
 * @MIBEW_MESSAGE_KIND_EVENTS: an event message (`KIND_EVENTS`)
 * @MIBEW_MESSAGE_KIND_PLUGIN: a message posted by a plugin (`KIND_PLUGIN`)
 *
 * The kinds of a message, with the values of `\Mibew\Thread::KIND_*`.
 */
typedef enum {
  MIBEW_MESSAGE_KIND_USER = 1,
  MIBEW_MESSAGE_KIND_AGENT = 2,
  MIBEW_MESSAGE_KIND_FOR_AGENT = 3,
  MIBEW_MESSAGE_KIND_INFO = 4,
  MIBEW_MESSAGE_KIND_CONN = 5,
  MIBEW_MESSAGE_KIND_EVENTS = 6,
  MIBEW_MESSAGE_KIND_PLUGIN = 7,
} MibewMessageKind;

/**
 * MibewAssetType:
 * @MIBEW_ASSET_TYPE_ABSOLUTE: the content is an absolute URL
 * @MIBEW_ASSET_TYPE_RELATIVE: the content is a URL relative to Mibew's root
 * @MIBEW_ASSET_TYPE_INLINE: the content is inline code
 *
 * The types of a page asset (`\Mibew\Asset\AssetManagerInterface`).
 */
typedef enum {
  MIBEW_ASSET_TYPE_ABSOLUTE,
  MIBEW_ASSET_TYPE_RELATIVE,
  MIBEW_ASSET_TYPE_INLINE,
} MibewAssetType;

/**
 * MibewOperatorPermissions:
 * @MIBEW_OPERATOR_PERMISSIONS_NONE: no permission
 * @MIBEW_OPERATOR_PERMISSIONS_ADMINISTRATE: may administrate (bit 0)
 * @MIBEW_OPERATOR_PERMISSIONS_TAKEOVER: may take threads over (bit 1)
 * @MIBEW_OPERATOR_PERMISSIONS_VIEW_THREADS: may view other operators' threads (bit 2)
 * @MIBEW_OPERATOR_PERMISSIONS_MODIFY_PROFILE: may modify the profile (bit 3)
 * @MIBEW_OPERATOR_PERMISSIONS_VIEW_STATISTICS: may view statistics (bit 4)
 *
 * The bits of an operator's `iperm` mask.
 */
typedef enum /*< flags >*/ {
  MIBEW_OPERATOR_PERMISSIONS_NONE = 0,
  MIBEW_OPERATOR_PERMISSIONS_ADMINISTRATE = 1 << 0,
  MIBEW_OPERATOR_PERMISSIONS_TAKEOVER = 1 << 1,
  MIBEW_OPERATOR_PERMISSIONS_VIEW_THREADS = 1 << 2,
  MIBEW_OPERATOR_PERMISSIONS_MODIFY_PROFILE = 1 << 3,
  MIBEW_OPERATOR_PERMISSIONS_VIEW_STATISTICS = 1 << 4,
} MibewOperatorPermissions;

/**
 * MibewEventKind:
 * @MIBEW_EVENT_KIND_NOTIFY: something happened; the signal returns nothing
 * @MIBEW_EVENT_KIND_ALTER: listeners change an argument in place, or return its
 *   new value, which the next listener sees
 * @MIBEW_EVENT_KIND_OUT: an empty slot; the first listener that fills it (or
 *   returns a value) answers and ends the emission
 * @MIBEW_EVENT_KIND_CALL: an API function call, detailed by the function name;
 *   returned dictionaries merge into the results
 *
 * How an event's listeners may answer. See the events guide.
 */
typedef enum {
  MIBEW_EVENT_KIND_NOTIFY,
  MIBEW_EVENT_KIND_ALTER,
  MIBEW_EVENT_KIND_OUT,
  MIBEW_EVENT_KIND_CALL,
} MibewEventKind;

/**
 * MibewEventCategory:
 * @MIBEW_EVENT_CATEGORY_BAN: ban events (#MibewBanEvents)
 * @MIBEW_EVENT_CATEGORY_BUTTON: button events (#MibewButtonEvents)
 * @MIBEW_EVENT_CATEGORY_CRON: cron events (#MibewCronEvents)
 * @MIBEW_EVENT_CATEGORY_GROUP: group events (#MibewGroupEvents)
 * @MIBEW_EVENT_CATEGORY_INVITATION: invitation events (#MibewInvitationEvents)
 * @MIBEW_EVENT_CATEGORY_OPERATOR: operator events (#MibewOperatorEvents)
 * @MIBEW_EVENT_CATEGORY_PAGE: page events (#MibewPageEvents)
 * @MIBEW_EVENT_CATEGORY_RESOURCE: resource events (#MibewResourceEvents)
 * @MIBEW_EVENT_CATEGORY_ROUTING: routing events (#MibewRoutingEvents)
 * @MIBEW_EVENT_CATEGORY_THREAD: thread events (#MibewThreadEvents)
 * @MIBEW_EVENT_CATEGORY_USERS: users events (#MibewUsersEvents)
 * @MIBEW_EVENT_CATEGORY_VISITOR: visitor events (#MibewVisitorEvents)
 * @MIBEW_EVENT_CATEGORY_WIDGET: widget events (#MibewWidgetEvents)
 *
 * The 13 event categories of Mibew, one object each on the dispatcher.
 */
typedef enum {
  MIBEW_EVENT_CATEGORY_BAN,
  MIBEW_EVENT_CATEGORY_BUTTON,
  MIBEW_EVENT_CATEGORY_CRON,
  MIBEW_EVENT_CATEGORY_GROUP,
  MIBEW_EVENT_CATEGORY_INVITATION,
  MIBEW_EVENT_CATEGORY_OPERATOR,
  MIBEW_EVENT_CATEGORY_PAGE,
  MIBEW_EVENT_CATEGORY_RESOURCE,
  MIBEW_EVENT_CATEGORY_ROUTING,
  MIBEW_EVENT_CATEGORY_THREAD,
  MIBEW_EVENT_CATEGORY_USERS,
  MIBEW_EVENT_CATEGORY_VISITOR,
  MIBEW_EVENT_CATEGORY_WIDGET,
} MibewEventCategory;

G_END_DECLS
