/* mibew-site-visitor.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-site-visitor.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewSiteVisitor:
 *
 * A visitor tracked by the widget, as `track_get_visitor_by_id()` in `libs/track.php` returns it.
 *
 * JSON keys: `visitorid`, `userid`, `username`, `firsttime`, `lasttime`, `entry`, `details`, `invitations`, `chats`, `threadid`. Each is also a property, named
 * with dashes.
 */
struct _MibewSiteVisitor
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewSiteVisitor, mibew_site_visitor, MIBEW_TYPE_RECORD)

/**
 * MibewSiteVisitor:visitorid:
 *
 * The visitor's id (`visitorid`).
 */
/**
 * MibewSiteVisitor:userid:
 *
 * The visitor's user id (cookie) (`userid`).
 */
/**
 * MibewSiteVisitor:username:
 *
 * The visitor's name (`username`).
 */
/**
 * MibewSiteVisitor:firsttime:
 *
 * First visit, unix seconds (`firsttime`).
 */
/**
 * MibewSiteVisitor:lasttime:
 *
 * Last visit, unix seconds (`lasttime`).
 */
/**
 * MibewSiteVisitor:entry:
 *
 * The entry page (`entry`).
 */
/**
 * MibewSiteVisitor:details:
 *
 * `{user_agent, remote_host}` (`details`).
 */
/**
 * MibewSiteVisitor:invitations:
 *
 * Number of invitations (`invitations`).
 */
/**
 * MibewSiteVisitor:chats:
 *
 * Number of chats (`chats`).
 */
/**
 * MibewSiteVisitor:threadid:
 *
 * Id of the visitor's thread, or null (`threadid`).
 */
static const MibewRecordField site_visitor_fields[] = {
  { "visitorid", "visitorid", MIBEW_FIELD_INT, NULL, FALSE, "The visitor's id" },
  { "userid", "userid", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's user id (cookie)" },
  { "username", "username", MIBEW_FIELD_STRING, NULL, FALSE, "The visitor's name" },
  { "firsttime", "firsttime", MIBEW_FIELD_INT, NULL, FALSE, "First visit, unix seconds" },
  { "lasttime", "lasttime", MIBEW_FIELD_INT, NULL, FALSE, "Last visit, unix seconds" },
  { "entry", "entry", MIBEW_FIELD_STRING, NULL, FALSE, "The entry page" },
  { "details", "details", MIBEW_FIELD_OBJECT, NULL, TRUE, "{user_agent, remote_host}" },
  { "invitations", "invitations", MIBEW_FIELD_INT, NULL, FALSE, "Number of invitations" },
  { "chats", "chats", MIBEW_FIELD_INT, NULL, FALSE, "Number of chats" },
  { "threadid", "threadid", MIBEW_FIELD_INT, NULL, TRUE, "Id of the visitor's thread, or null" },
};

static void
mibew_site_visitor_class_init (MibewSiteVisitorClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     site_visitor_fields, G_N_ELEMENTS (site_visitor_fields));
}

static void
mibew_site_visitor_init (MibewSiteVisitor *self)
{
}

/**
 * mibew_site_visitor_new:
 *
 * Creates an empty #MibewSiteVisitor; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewSiteVisitor
 */
MibewSiteVisitor *
mibew_site_visitor_new (void)
{
  return g_object_new (MIBEW_TYPE_SITE_VISITOR, NULL);
}
