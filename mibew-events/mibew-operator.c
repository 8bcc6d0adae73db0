/* mibew-operator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-operator.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewOperator:
 *
 * An operator, a row of Mibew's `operator` table (`update_operator()` in `libs/operator.php`).
 *
 * `vcpassword` holds a password hash: never log it.
 *
 * JSON keys: `operatorid`, `vclogin`, `vcpassword`, `vclocalename`, `vccommonname`, `vcemail`, `dtmlastvisited`, `istatus`, `idisabled`, `vcavatar`, `iperm`, `dtmrestore`, `vcrestoretoken`, `code`. Each is also a property, named
 * with dashes.
 */
struct _MibewOperator
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewOperator, mibew_operator, MIBEW_TYPE_RECORD)

/**
 * MibewOperator:operatorid:
 *
 * The operator's id (`operatorid`).
 */
/**
 * MibewOperator:vclogin:
 *
 * Login name (`vclogin`).
 */
/**
 * MibewOperator:vcpassword:
 *
 * Password hash (never log it) (`vcpassword`).
 */
/**
 * MibewOperator:vclocalename:
 *
 * Name in the local language (`vclocalename`).
 */
/**
 * MibewOperator:vccommonname:
 *
 * Name in the common language (`vccommonname`).
 */
/**
 * MibewOperator:vcemail:
 *
 * E-mail address (`vcemail`).
 */
/**
 * MibewOperator:dtmlastvisited:
 *
 * Last visit, unix seconds (`dtmlastvisited`).
 */
/**
 * MibewOperator:istatus:
 *
 * 0 online, 1 away (`istatus`).
 */
/**
 * MibewOperator:idisabled:
 *
 * Whether the account is disabled (`idisabled`).
 */
/**
 * MibewOperator:vcavatar:
 *
 * URL of the avatar (`vcavatar`).
 */
/**
 * MibewOperator:iperm:
 *
 * Permission bits (`iperm`).
 */
/**
 * MibewOperator:dtmrestore:
 *
 * Time of the last password restore request (`dtmrestore`).
 */
/**
 * MibewOperator:vcrestoretoken:
 *
 * Password restore token (`vcrestoretoken`).
 */
/**
 * MibewOperator:code:
 *
 * Operator code (`code`).
 */
static const MibewRecordField operator_fields[] = {
  { "operatorid", "operatorid", MIBEW_FIELD_INT, NULL, FALSE, "The operator's id" },
  { "vclogin", "vclogin", MIBEW_FIELD_STRING, NULL, FALSE, "Login name" },
  { "vcpassword", "vcpassword", MIBEW_FIELD_STRING, NULL, FALSE, "Password hash (never log it)" },
  { "vclocalename", "vclocalename", MIBEW_FIELD_STRING, NULL, FALSE, "Name in the local language" },
  { "vccommonname", "vccommonname", MIBEW_FIELD_STRING, NULL, FALSE, "Name in the common language" },
  { "vcemail", "vcemail", MIBEW_FIELD_STRING, NULL, FALSE, "E-mail address" },
  { "dtmlastvisited", "dtmlastvisited", MIBEW_FIELD_INT, NULL, FALSE, "Last visit, unix seconds" },
  { "istatus", "istatus", MIBEW_FIELD_INT, NULL, FALSE, "0 online, 1 away" },
  { "idisabled", "idisabled", MIBEW_FIELD_INT, NULL, FALSE, "Whether the account is disabled" },
  { "vcavatar", "vcavatar", MIBEW_FIELD_STRING, NULL, FALSE, "URL of the avatar" },
  { "iperm", "iperm", MIBEW_FIELD_FLAGS, mibew_operator_permissions_get_type, FALSE, "Permission bits" },
  { "dtmrestore", "dtmrestore", MIBEW_FIELD_INT, NULL, FALSE, "Time of the last password restore request" },
  { "vcrestoretoken", "vcrestoretoken", MIBEW_FIELD_STRING, NULL, TRUE, "Password restore token" },
  { "code", "code", MIBEW_FIELD_STRING, NULL, FALSE, "Operator code" },
};

static void
mibew_operator_class_init (MibewOperatorClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     operator_fields, G_N_ELEMENTS (operator_fields));
}

static void
mibew_operator_init (MibewOperator *self)
{
}

/**
 * mibew_operator_new:
 *
 * Creates an empty #MibewOperator; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewOperator
 */
MibewOperator *
mibew_operator_new (void)
{
  return g_object_new (MIBEW_TYPE_OPERATOR, NULL);
}
