/* mibew-group.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-group.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewGroup:
 *
 * A group of operators, a row of Mibew's `opgroup` table (`create_group()` in `libs/groups.php`).
 *
 * Listings may add `level`, `ilastseen`, `ilastseenaway` and `inumofagents`; they are kept.
 *
 * JSON keys: `groupid`, `parent`, `vcemail`, `vclocalname`, `vccommonname`, `vclocaldescription`, `vccommondescription`, `iweight`, `vctitle`, `vcchattitle`, `vclogo`, `vchosturl`. Each is also a property, named
 * with dashes.
 */
struct _MibewGroup
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewGroup, mibew_group, MIBEW_TYPE_RECORD)

/**
 * MibewGroup:groupid:
 *
 * The group's id (`groupid`).
 */
/**
 * MibewGroup:parent:
 *
 * Id of the parent group, or null (`parent`).
 */
/**
 * MibewGroup:vcemail:
 *
 * The group's e-mail address (`vcemail`).
 */
/**
 * MibewGroup:vclocalname:
 *
 * Name in the local language (`vclocalname`).
 */
/**
 * MibewGroup:vccommonname:
 *
 * Name in the common language (`vccommonname`).
 */
/**
 * MibewGroup:vclocaldescription:
 *
 * Description in the local language (`vclocaldescription`).
 */
/**
 * MibewGroup:vccommondescription:
 *
 * Description in the common language (`vccommondescription`).
 */
/**
 * MibewGroup:iweight:
 *
 * Sort weight (`iweight`).
 */
/**
 * MibewGroup:vctitle:
 *
 * Title shown in the chat window (`vctitle`).
 */
/**
 * MibewGroup:vcchattitle:
 *
 * Chat title (`vcchattitle`).
 */
/**
 * MibewGroup:vclogo:
 *
 * URL of the logo (`vclogo`).
 */
/**
 * MibewGroup:vchosturl:
 *
 * URL of the host site (`vchosturl`).
 */
static const MibewRecordField group_fields[] = {
  { "groupid", "groupid", MIBEW_FIELD_INT, NULL, FALSE, "The group's id" },
  { "parent", "parent", MIBEW_FIELD_INT, NULL, TRUE, "Id of the parent group, or null" },
  { "vcemail", "vcemail", MIBEW_FIELD_STRING, NULL, FALSE, "The group's e-mail address" },
  { "vclocalname", "vclocalname", MIBEW_FIELD_STRING, NULL, FALSE, "Name in the local language" },
  { "vccommonname", "vccommonname", MIBEW_FIELD_STRING, NULL, FALSE, "Name in the common language" },
  { "vclocaldescription", "vclocaldescription", MIBEW_FIELD_STRING, NULL, FALSE, "Description in the local language" },
  { "vccommondescription", "vccommondescription", MIBEW_FIELD_STRING, NULL, FALSE, "Description in the common language" },
  { "iweight", "iweight", MIBEW_FIELD_INT, NULL, FALSE, "Sort weight" },
  { "vctitle", "vctitle", MIBEW_FIELD_STRING, NULL, FALSE, "Title shown in the chat window" },
  { "vcchattitle", "vcchattitle", MIBEW_FIELD_STRING, NULL, FALSE, "Chat title" },
  { "vclogo", "vclogo", MIBEW_FIELD_STRING, NULL, FALSE, "URL of the logo" },
  { "vchosturl", "vchosturl", MIBEW_FIELD_STRING, NULL, FALSE, "URL of the host site" },
};

static void
mibew_group_class_init (MibewGroupClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     group_fields, G_N_ELEMENTS (group_fields));
}

static void
mibew_group_init (MibewGroup *self)
{
}

/**
 * mibew_group_new:
 *
 * Creates an empty #MibewGroup; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewGroup
 */
MibewGroup *
mibew_group_new (void)
{
  return g_object_new (MIBEW_TYPE_GROUP, NULL);
}
