/* mibew-thread.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-thread.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewThread:
 *
 * A chat thread, as `\Mibew\Thread`: the same object is used for
 * invitations (an invitation is a thread in the invited state).
 *
 * The JSON form uses the PHP property names (`userName`, `agentId`, ...);
 * the GObject properties are the same names with dashes (`user-name`,
 * `agent-id`). Times are unix seconds.
 */
struct _MibewThread
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewThread, mibew_thread, MIBEW_TYPE_RECORD)

/**
 * MibewThread:id:
 *
 * The thread's id (`id`).
 */
/**
 * MibewThread:last-revision:
 *
 * Revision of the last change (`lastRevision`).
 */
/**
 * MibewThread:state:
 *
 * The thread's state (`state`).
 */
/**
 * MibewThread:invitation-state:
 *
 * The invitation state (`invitationState`).
 */
/**
 * MibewThread:last-token:
 *
 * The thread's last token (`lastToken`).
 */
/**
 * MibewThread:next-agent:
 *
 * Id of the operator the thread is passed to (`nextAgent`).
 */
/**
 * MibewThread:group-id:
 *
 * Id of the thread's group (`groupId`).
 */
/**
 * MibewThread:shown-message-id:
 *
 * Id of the last message shown to the visitor (`shownMessageId`).
 */
/**
 * MibewThread:message-count:
 *
 * Number of the visitor's messages (`messageCount`).
 */
/**
 * MibewThread:created:
 *
 * Creation time, unix seconds (`created`).
 */
/**
 * MibewThread:modified:
 *
 * Time of the last change, unix seconds (`modified`).
 */
/**
 * MibewThread:closed:
 *
 * Closing time, unix seconds (`closed`).
 */
/**
 * MibewThread:chat-started:
 *
 * When the chat started, unix seconds (`chatStarted`).
 */
/**
 * MibewThread:agent-id:
 *
 * Id of the operator (`agentId`).
 */
/**
 * MibewThread:agent-name:
 *
 * Name of the operator (`agentName`).
 */
/**
 * MibewThread:agent-typing:
 *
 * Whether the operator is typing (`agentTyping`).
 */
/**
 * MibewThread:last-ping-agent:
 *
 * Last ping from the operator, unix seconds (`lastPingAgent`).
 */
/**
 * MibewThread:locale:
 *
 * The thread's locale (`locale`).
 */
/**
 * MibewThread:user-id:
 *
 * The visitor's id (`userId`).
 */
/**
 * MibewThread:user-name:
 *
 * The visitor's name (`userName`).
 */
/**
 * MibewThread:user-typing:
 *
 * Whether the visitor is typing (`userTyping`).
 */
/**
 * MibewThread:last-ping-user:
 *
 * Last ping from the visitor, unix seconds (`lastPingUser`).
 */
/**
 * MibewThread:remote:
 *
 * The visitor's address (`remote`).
 */
/**
 * MibewThread:referer:
 *
 * The page the visitor came from (`referer`).
 */
/**
 * MibewThread:user-agent:
 *
 * The visitor's browser (`userAgent`).
 */
static const MibewRecordField thread_fields[] = {
  { "id", "id", MIBEW_FIELD_INT, NULL, FALSE, "The thread's id" },
  { "lastRevision", "last-revision", MIBEW_FIELD_INT, NULL, FALSE, "Revision of the last change" },
  { "state", "state", MIBEW_FIELD_ENUM, mibew_thread_state_get_type, FALSE, "The thread's state" },
  { "invitationState", "invitation-state", MIBEW_FIELD_ENUM, mibew_invitation_state_get_type, FALSE, "The invitation state" },
  { "lastToken", "last-token", MIBEW_FIELD_INT, NULL, FALSE, "The thread's last token" },
  { "nextAgent", "next-agent", MIBEW_FIELD_INT, NULL, FALSE, "Id of the operator the thread is passed to" },
  { "groupId", "group-id", MIBEW_FIELD_INT, NULL, FALSE, "Id of the thread's group" },
  { "shownMessageId", "shown-message-id", MIBEW_FIELD_INT, NULL, FALSE, "Id of the last message shown to the visitor" },
  { "messageCount", "message-count", MIBEW_FIELD_INT, NULL, FALSE, "Number of the visitor's messages" },
  { "created", "created", MIBEW_FIELD_INT, NULL, FALSE, "Creation time, unix seconds" },
  { "modified", "modified", MIBEW_FIELD_INT, NULL, FALSE, "Time of the last change, unix seconds" },
  { "closed", "closed", MIBEW_FIELD_INT, NULL, FALSE, "Closing time, unix seconds" },
  { "chatStarted", "chat-started", MIBEW_FIELD_INT, NULL, FALSE, "When the chat started, unix seconds" },
  { "agentId", "agent-id", MIBEW_FIELD_INT, NULL, FALSE, "Id of the operator" },
  { "agentName", "agent-name", MIBEW_FIELD_STRING, NULL, FALSE, "Name of the operator" },
  { "agentTyping", "agent-typing", MIBEW_FIELD_BOOLEAN, NULL, FALSE, "Whether the operator is typing" },
  { "lastPingAgent", "last-ping-agent", MIBEW_FIELD_INT, NULL, FALSE, "Last ping from the operator, unix seconds" },
  { "locale", "locale", MIBEW_FIELD_STRING, NULL, FALSE, "The thread's locale" },
  { "userId", "user-id", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's id" },
  { "userName", "user-name", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's name" },
  { "userTyping", "user-typing", MIBEW_FIELD_BOOLEAN, NULL, FALSE, "Whether the visitor is typing" },
  { "lastPingUser", "last-ping-user", MIBEW_FIELD_INT, NULL, FALSE, "Last ping from the visitor, unix seconds" },
  { "remote", "remote", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's address" },
  { "referer", "referer", MIBEW_FIELD_STRING, NULL, FALSE, "The page the visitor came from" },
  { "userAgent", "user-agent", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's browser" },
};

static void
mibew_thread_class_init (MibewThreadClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     thread_fields, G_N_ELEMENTS (thread_fields));
}

static void
mibew_thread_init (MibewThread *self)
{
}

/**
 * mibew_thread_new:
 *
 * Creates an empty thread; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewThread
 */
MibewThread *
mibew_thread_new (void)
{
  return g_object_new (MIBEW_TYPE_THREAD, NULL);
}
