/* mibew-list-thread.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-thread.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewListThread:
 *
 * A thread in the operators' list (`usersUpdateThreadsAlter`).
 *
 * Plugins add custom keys to these entries; they are kept and sent on.
 *
 * JSON keys: `id`, `token`, `userId`, `userName`, `userIp`, `remote`, `userAgent`, `agentId`, `agentName`, `canOpen`, `canView`, `canBan`, `ban`, `state`, `totalTime`, `waitingTime`, `firstMessage`. Each is also a property, named
 * with dashes.
 */
struct _MibewListThread
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewListThread, mibew_list_thread, MIBEW_TYPE_RECORD)

/**
 * MibewListThread:id:
 *
 * The thread's id (`id`).
 */
/**
 * MibewListThread:token:
 *
 * The thread's token (`token`).
 */
/**
 * MibewListThread:user-id:
 *
 * The visitor's user id (`userId`).
 */
/**
 * MibewListThread:user-name:
 *
 * The visitor's name (`userName`).
 */
/**
 * MibewListThread:user-ip:
 *
 * The visitor's address (`userIp`).
 */
/**
 * MibewListThread:remote:
 *
 * The visitor's host (`remote`).
 */
/**
 * MibewListThread:user-agent:
 *
 * The visitor's browser (`userAgent`).
 */
/**
 * MibewListThread:agent-id:
 *
 * Id of the operator (`agentId`).
 */
/**
 * MibewListThread:agent-name:
 *
 * Name of the operator (`agentName`).
 */
/**
 * MibewListThread:can-open:
 *
 * Whether the operator may open it (`canOpen`).
 */
/**
 * MibewListThread:can-view:
 *
 * Whether the operator may view it (`canView`).
 */
/**
 * MibewListThread:can-ban:
 *
 * Whether the operator may ban the visitor (`canBan`).
 */
/**
 * MibewListThread:ban:
 *
 * `false` or `{id, reason}` (`ban`).
 */
/**
 * MibewListThread:state:
 *
 * The thread's state (`state`).
 */
/**
 * MibewListThread:total-time:
 *
 * Time since the thread started, unix seconds (`totalTime`).
 */
/**
 * MibewListThread:waiting-time:
 *
 * Time the visitor has waited, unix seconds (`waitingTime`).
 */
/**
 * MibewListThread:first-message:
 *
 * The visitor's first message (`firstMessage`).
 */
static const MibewRecordField list_thread_fields[] = {
  { "id", "id", MIBEW_FIELD_INT, NULL, FALSE, "The thread's id" },
  { "token", "token", MIBEW_FIELD_INT, NULL, FALSE, "The thread's token" },
  { "userId", "user-id", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's user id" },
  { "userName", "user-name", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's name" },
  { "userIp", "user-ip", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's address" },
  { "remote", "remote", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's host" },
  { "userAgent", "user-agent", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's browser" },
  { "agentId", "agent-id", MIBEW_FIELD_INT, NULL, FALSE, "Id of the operator" },
  { "agentName", "agent-name", MIBEW_FIELD_STRING, NULL, FALSE, "Name of the operator" },
  { "canOpen", "can-open", MIBEW_FIELD_BOOLEAN, NULL, FALSE, "Whether the operator may open it" },
  { "canView", "can-view", MIBEW_FIELD_BOOLEAN, NULL, FALSE, "Whether the operator may view it" },
  { "canBan", "can-ban", MIBEW_FIELD_BOOLEAN, NULL, FALSE, "Whether the operator may ban the visitor" },
  { "ban", "ban", MIBEW_FIELD_OBJECT, NULL, TRUE, "false or {id, reason}" },
  { "state", "state", MIBEW_FIELD_ENUM, mibew_thread_state_get_type, FALSE, "The thread's state" },
  { "totalTime", "total-time", MIBEW_FIELD_INT, NULL, FALSE, "Time since the thread started, unix seconds" },
  { "waitingTime", "waiting-time", MIBEW_FIELD_INT, NULL, FALSE, "Time the visitor has waited, unix seconds" },
  { "firstMessage", "first-message", MIBEW_FIELD_STRING, NULL, TRUE, "The visitor's first message" },
};

static void
mibew_list_thread_class_init (MibewListThreadClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     list_thread_fields, G_N_ELEMENTS (list_thread_fields));
}

static void
mibew_list_thread_init (MibewListThread *self)
{
}

/**
 * mibew_list_thread_new:
 *
 * Creates an empty #MibewListThread; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewListThread
 */
MibewListThread *
mibew_list_thread_new (void)
{
  return g_object_new (MIBEW_TYPE_LIST_THREAD, NULL);
}
