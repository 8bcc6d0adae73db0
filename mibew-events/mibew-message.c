/* mibew-message.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-message.h"
#include "mibew-enum-types.h"
#include "mibew-record-private.h"

/**
 * MibewMessage:
 *
 * A message of a thread, an item of the list `\Mibew\Thread::getMessages()` returns.
 *
 * Keys plugins add are kept.
 *
 * JSON keys: `id`, `kind`, `created`, `name`, `message`, `plugin`, `data`. Each is also a property, named
 * with dashes.
 */
struct _MibewMessage
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewMessage, mibew_message, MIBEW_TYPE_RECORD)

/**
 * MibewMessage:id:
 *
 * The message's id (`id`).
 */
/**
 * MibewMessage:kind:
 *
 * The kind of the message (`kind`).
 */
/**
 * MibewMessage:created:
 *
 * Creation time, unix seconds (`created`).
 */
/**
 * MibewMessage:name:
 *
 * The sender's name (`name`).
 */
/**
 * MibewMessage:message:
 *
 * The text (`message`).
 */
/**
 * MibewMessage:plugin:
 *
 * The plugin that posted it, or empty (`plugin`).
 */
/**
 * MibewMessage:data:
 *
 * Extra data of the message (`data`).
 */
static const MibewRecordField message_fields[] = {
  { "id", "id", MIBEW_FIELD_INT, NULL, FALSE, "The message's id" },
  { "kind", "kind", MIBEW_FIELD_ENUM, mibew_message_kind_get_type, FALSE, "The kind of the message" },
  { "created", "created", MIBEW_FIELD_INT, NULL, FALSE, "Creation time, unix seconds" },
  { "name", "name", MIBEW_FIELD_STRING, NULL, FALSE, "The sender's name" },
  { "message", "message", MIBEW_FIELD_STRING, NULL, FALSE, "The text" },
  { "plugin", "plugin", MIBEW_FIELD_STRING, NULL, FALSE, "The plugin that posted it, or empty" },
  { "data", "data", MIBEW_FIELD_OBJECT, NULL, TRUE, "Extra data of the message" },
};

static void
mibew_message_class_init (MibewMessageClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     message_fields, G_N_ELEMENTS (message_fields));
}

static void
mibew_message_init (MibewMessage *self)
{
}

/**
 * mibew_message_new:
 *
 * Creates an empty #MibewMessage; set its properties, or build one from JSON
 * with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewMessage
 */
MibewMessage *
mibew_message_new (void)
{
  return g_object_new (MIBEW_TYPE_MESSAGE, NULL);
}
