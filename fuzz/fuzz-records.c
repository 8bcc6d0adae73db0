/* fuzz-records.c: the JSON decoders of records and assets must never
 * crash, whatever they are fed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program that replays the corpus, run in suite 'fuzz'.
 */

#include <mibew-events/mibew-events.h>

#include "fuzz-common.h"

static GType (*const record_types[]) (void) = {
  mibew_thread_get_type, mibew_ban_get_type, mibew_group_get_type, mibew_operator_get_type,
  mibew_message_get_type, mibew_site_visitor_get_type, mibew_list_visitor_get_type,
  mibew_list_thread_get_type, mibew_request_get_type, mibew_response_get_type,
  mibew_request_processor_get_type, mibew_route_collection_get_type,
  mibew_widget_response_get_type,
};

static void
exercise_record (MibewRecord *record)
{
  g_autoptr(JsonNode) node = NULL;

  /* every property must read back without complaint */
  fuzz_read_properties (G_OBJECT (record), 0, NULL);
  node = mibew_record_to_json (record);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(MibewRecord) record = mibew_record_from_json (record_types[i] (),
                                                                  json_node_get_object (root), &error);

          /* exactly one of the two */
          g_assert_true ((record == NULL) != (error == NULL));
          if (record != NULL)
            exercise_record (record);
          else
            g_assert_true (g_error_matches (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewAssetList) list = mibew_asset_list_new_from_json (json_node_get_array (root), &error);

      g_assert_true ((list == NULL) != (error == NULL));
      if (list != NULL)
        {
          g_autoptr(MibewAssetList) resolved = mibew_asset_list_resolve (list);
          g_autoptr(JsonArray) back = mibew_asset_list_to_json (resolved);

          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (resolved)), <=,
                            g_list_model_get_n_items (G_LIST_MODEL (list)));
          g_assert_nonnull (back);
        }
    }
  return 0;
}
