/* mibew-ban.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-ban.h"
#include "mibew-record-private.h"

/**
 * MibewBan:
 *
 * A ban of a visitor's address, as `\Mibew\Ban`.
 *
 * JSON form: `{"id", "created", "till", "address", "comment"}`.
 */
struct _MibewBan
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewBan, mibew_ban, MIBEW_TYPE_RECORD)

/**
 * MibewBan:id:
 *
 * The ban's id (`id`).
 */
/**
 * MibewBan:created:
 *
 * When the ban was created, unix seconds (`created`).
 */
/**
 * MibewBan:till:
 *
 * When the ban ends, unix seconds (`till`).
 */
/**
 * MibewBan:address:
 *
 * The banned address (`address`).
 */
/**
 * MibewBan:comment:
 *
 * Why the address was banned (`comment`).
 */
static const MibewRecordField ban_fields[] = {
  { "id", "id", MIBEW_FIELD_INT, NULL, FALSE, "The ban's id" },
  { "created", "created", MIBEW_FIELD_INT, NULL, FALSE, "Creation time, unix seconds" },
  { "till", "till", MIBEW_FIELD_INT, NULL, FALSE, "End time, unix seconds" },
  { "address", "address", MIBEW_FIELD_STRING, NULL, FALSE, "The banned address" },
  { "comment", "comment", MIBEW_FIELD_STRING, NULL, FALSE, "The reason" },
};

static void
mibew_ban_class_init (MibewBanClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     ban_fields, G_N_ELEMENTS (ban_fields));
}

static void
mibew_ban_init (MibewBan *self)
{
}

/**
 * mibew_ban_new:
 *
 * Creates an empty ban; set its properties, or build one from JSON with
 * mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewBan
 */
MibewBan *
mibew_ban_new (void)
{
  return g_object_new (MIBEW_TYPE_BAN, NULL);
}
