/* mibew-list-visitor.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-visitor.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewListVisitor:
 *
 * A visitor in the operators' list (`usersUpdateVisitorsLoad` and `usersUpdateVisitorsAlter`).
 *
 * Plugins add custom keys to these entries; they are kept and sent on.
 *
 * JSON keys: `id`, `userId`, `userName`, `userAgent`, `userIp`, `remote`, `firstTime`, `lastTime`, `invitations`, `chats`, `invitationInfo`. Each is also a property, named
 * with dashes.
 */
struct _MibewListVisitor
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewListVisitor, mibew_list_visitor, MIBEW_TYPE_RECORD)

/**
 * MibewListVisitor:id:
 *
 * The visitor's id (`id`).
 */
/**
 * MibewListVisitor:user-id:
 *
 * The visitor's user id (`userId`).
 */
/**
 * MibewListVisitor:user-name:
 *
 * The visitor's name (`userName`).
 */
/**
 * MibewListVisitor:user-agent:
 *
 * The visitor's browser (`userAgent`).
 */
/**
 * MibewListVisitor:user-ip:
 *
 * The visitor's address (`userIp`).
 */
/**
 * MibewListVisitor:remote:
 *
 * The visitor's host (`remote`).
 */
/**
 * MibewListVisitor:first-time:
 *
 * First visit, unix seconds (`firstTime`).
 */
/**
 * MibewListVisitor:last-time:
 *
 * Last visit, unix seconds (`lastTime`).
 */
/**
 * MibewListVisitor:invitations:
 *
 * Number of invitations (`invitations`).
 */
/**
 * MibewListVisitor:chats:
 *
 * Number of chats (`chats`).
 */
/**
 * MibewListVisitor:invitation-info:
 *
 * `false` or `{time, agentName}` (`invitationInfo`).
 */
static const MibewRecordField list_visitor_fields[] = {
  { "id", "id", MIBEW_FIELD_INT, NULL, FALSE, "The visitor's id" },
  { "userId", "user-id", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's user id" },
  { "userName", "user-name", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's name" },
  { "userAgent", "user-agent", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's browser" },
  { "userIp", "user-ip", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's address" },
  { "remote", "remote", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's host" },
  { "firstTime", "first-time", MIBEW_FIELD_INT, NULL, FALSE, "First visit, unix seconds" },
  { "lastTime", "last-time", MIBEW_FIELD_INT, NULL, FALSE, "Last visit, unix seconds" },
  { "invitations", "invitations", MIBEW_FIELD_INT, NULL, FALSE, "Number of invitations" },
  { "chats", "chats", MIBEW_FIELD_INT, NULL, FALSE, "Number of chats" },
  { "invitationInfo", "invitation-info", MIBEW_FIELD_OBJECT, NULL, TRUE, "false or {time, agentName}" },
};

static void
mibew_list_visitor_class_init (MibewListVisitorClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     list_visitor_fields, G_N_ELEMENTS (list_visitor_fields));
}

static void
mibew_list_visitor_init (MibewListVisitor *self)
{
}

/**
 * mibew_list_visitor_new:
 *
 * Creates an empty #MibewListVisitor; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewListVisitor
 */
MibewListVisitor *
mibew_list_visitor_new (void)
{
  return g_object_new (MIBEW_TYPE_LIST_VISITOR, NULL);
}
