/* test-records.c: Mibew's domain objects and their JSON form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <mibew-events/mibew-events.h>

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
to_string (MibewRecord *record)
{
  g_autoptr(JsonNode) node = mibew_record_to_json (record);

  return json_to_string (node, FALSE);
}

static void
test_thread_from_json (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"id\": \"42\", \"userName\": \"Ann\", \"state\": 2,"
                                          " \"agentTyping\": \"1\", \"groupId\": 3, \"geo\": \"NL\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewRecord) record = mibew_record_from_json (MIBEW_TYPE_THREAD, o, &error);
  g_autofree char *user_name = NULL;
  g_autofree char *json = NULL;
  gint64 id;
  MibewThreadState state;
  gboolean typing;

  g_assert_no_error (error);
  g_assert_true (MIBEW_IS_THREAD (record));
  g_object_get (record, "id", &id, "user-name", &user_name, "state", &state, "agent-typing", &typing, NULL);
  g_assert_cmpint (id, ==, 42);                  /* numeric string accepted */
  g_assert_cmpstr (user_name, ==, "Ann");
  g_assert_cmpint (state, ==, MIBEW_THREAD_STATE_CHATTING);
  g_assert_true (typing);
  g_assert_cmpint (mibew_record_get_int (record, "groupId"), ==, 3);
  /* a key Mibew does not document survives */
  g_assert_cmpstr (mibew_record_get_string (record, "geo"), ==, "NL");

  /* the record holds a copy: changing the source changes nothing */
  json_object_set_string_member (o, "userName", "Bob");
  g_assert_cmpstr (mibew_record_get_string (record, "userName"), ==, "Ann");

  /* properties write the JSON form */
  g_object_set (record, "agent-name", "Operator One", "state", MIBEW_THREAD_STATE_CLOSED, NULL);
  json = to_string (record);
  g_assert_nonnull (strstr (json, "\"agentName\":\"Operator One\""));
  g_assert_nonnull (strstr (json, "\"state\":3"));
  g_assert_nonnull (strstr (json, "\"geo\":\"NL\""));
}

static void
test_bad_json (void)
{
  const struct { const char *json; const char *key; } cases[] = {
    { "{\"id\": \"forty-two\"}", "id: expected an integer, got \"forty-two\"" },
    { "{\"userName\": true}", "userName: expected a string or null, got true" },
    { "{\"state\": [1]}", "state: expected an integer, got an array" },
    { "{\"agentTyping\": 2}", "agentTyping: expected a boolean, got 2" },
    { "{\"id\": 1.5}", "id: expected an integer, got 1.5" },
    { "{\"lastPingUser\": true}", "lastPingUser: expected an integer, got true" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = parse_object (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewRecord) record = mibew_record_from_json (MIBEW_TYPE_THREAD, o, &error);

      g_assert_null (record);
      g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
      g_assert_cmpstr (error->message, ==, cases[i].key);
    }

  /* a failed update leaves the record as it was */
  {
    g_autoptr(MibewThread) thread = mibew_thread_new ();
    g_autoptr(JsonObject) bad = parse_object ("{\"userName\": \"New\", \"id\": {}}");
    g_autoptr(GError) error = NULL;

    mibew_record_set_string (MIBEW_RECORD (thread), "userName", "Old");
    g_assert_false (mibew_record_update_from_json (MIBEW_RECORD (thread), bad, &error));
    g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
    g_assert_cmpstr (mibew_record_get_string (MIBEW_RECORD (thread), "userName"), ==, "Old");
  }
}

static void
test_list_visitor_custom_keys (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"id\": 5, \"userName\": \"Guest\", \"invitationInfo\": false}");
  g_autoptr(MibewRecord) v = mibew_record_from_json (MIBEW_TYPE_LIST_VISITOR, o, NULL);
  g_autoptr(JsonNode) flag = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonObject) info = json_object_new ();
  g_autoptr(JsonObject) got = NULL;
  g_autofree char *json = NULL;

  g_assert_nonnull (v);
  g_assert_true (mibew_record_is_null (v, "invitationInfo"));
  g_object_get (v, "invitation-info", &got, NULL);
  g_assert_null (got);

  /* a plugin adds its own field, as Mibew plugins do */
  json_node_set_boolean (flag, TRUE);
  mibew_record_set_member (v, "isBanned", flag);
  json_object_set_int_member (info, "time", 100);
  json_object_set_string_member (info, "agentName", "Op");
  g_object_set (v, "invitation-info", info, NULL);
  g_assert_false (mibew_record_is_null (v, "invitationInfo"));

  json = to_string (v);
  g_assert_nonnull (strstr (json, "\"isBanned\":true"));
  g_assert_nonnull (strstr (json, "\"agentName\":\"Op\""));
  g_assert_true (mibew_record_remove_member (v, "isBanned"));
  g_assert_false (mibew_record_has_member (v, "isBanned"));
}

static void
test_group_and_operator (void)
{
  g_autoptr(JsonObject) g = parse_object ("{\"groupid\": \"7\", \"parent\": null, \"vclocalname\": \"Sales\","
                                          " \"inumofagents\": \"3\"}");
  g_autoptr(JsonObject) op = parse_object ("{\"operatorid\": 2, \"vclogin\": \"admin\", \"iperm\": \"5\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewRecord) group = mibew_record_from_json (MIBEW_TYPE_GROUP, g, &error);
  g_autoptr(MibewRecord) oper = NULL;
  MibewOperatorPermissions perm;
  gint64 parent;

  g_assert_no_error (error);
  g_assert_true (mibew_record_is_null (group, "parent"));
  g_object_get (group, "parent", &parent, NULL);
  g_assert_cmpint (parent, ==, 0);
  g_assert_cmpint (mibew_record_get_int (group, "inumofagents"), ==, 3);

  oper = mibew_record_from_json (MIBEW_TYPE_OPERATOR, op, &error);
  g_assert_no_error (error);
  g_object_get (oper, "iperm", &perm, NULL);
  g_assert_cmpint (perm, ==, MIBEW_OPERATOR_PERMISSIONS_ADMINISTRATE | MIBEW_OPERATOR_PERMISSIONS_VIEW_THREADS);
}

/* the seed's widgetResponseAlter example, in C */
static void
test_widget_response (void)
{
  g_autoptr(MibewWidgetResponse) response = mibew_widget_response_new ();
  g_autoptr(MibewUrlGenerator) g = MIBEW_URL_GENERATOR (mibew_base_url_generator_new ("https://chat.example.org/mibew/"));
  g_autofree char *func_url = mibew_url_generator_generate (g, "plugins/demo/func.js");
  const char *deps[] = { "the_lib", "the_func", NULL };
  g_autoptr(JsonNode) data = json_from_string ("{\"time\": 1.5}", NULL);
  g_auto(GStrv) handlers = NULL;
  g_auto(GStrv) got_deps = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpstr (func_url, ==, "https://chat.example.org/mibew/plugins/demo/func.js");
  mibew_widget_response_add_load (response, "the_lib", "");
  mibew_widget_response_add_load (response, "the_func", func_url);
  mibew_widget_response_add_handler (response, "usefulFunc");
  mibew_widget_response_set_dependencies (response, "usefulFunc", deps);
  mibew_widget_response_set_data (response, "usefulFunc", data);

  handlers = mibew_widget_response_get_handlers (response);
  g_assert_cmpuint (g_strv_length (handlers), ==, 1);
  g_assert_cmpstr (handlers[0], ==, "usefulFunc");
  got_deps = mibew_widget_response_get_dependencies (response, "usefulFunc");
  g_assert_true (g_strv_equal ((const char * const *) got_deps, deps));
  g_assert_cmpstr (mibew_widget_response_get_load_url (response, "the_func"), ==, func_url);

  json = to_string (MIBEW_RECORD (response));
  g_assert_cmpstr (json, ==,
                   "{\"load\":{\"the_lib\":\"\",\"the_func\":\"https://chat.example.org/mibew/plugins/demo/func.js\"},"
                   "\"handlers\":[\"usefulFunc\"],"
                   "\"dependencies\":{\"usefulFunc\":[\"the_lib\",\"the_func\"]},"
                   "\"data\":{\"usefulFunc\":{\"time\":1.5}}}");
}

static void
test_route_collection (void)
{
  g_autoptr(MibewRouteCollection) routes = mibew_route_collection_new ();
  const char *methods[] = { "GET", NULL };
  g_auto(GStrv) names = NULL;

  mibew_route_collection_add_route (routes, "demo_index", "/demo", NULL, NULL, methods);
  mibew_route_collection_add_route (routes, "demo_item", "/demo/{id}", NULL, NULL, NULL);
  g_assert_true (mibew_route_collection_has_route (routes, "demo_item"));
  g_assert_cmpstr (mibew_route_collection_get_path (routes, "demo_index"), ==, "/demo");
  g_assert_cmpuint (mibew_route_collection_get_n_routes (routes), ==, 2);
  g_assert_true (mibew_route_collection_remove_route (routes, "demo_index"));
  g_assert_false (mibew_route_collection_remove_route (routes, "demo_index"));
  names = mibew_route_collection_get_names (routes);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "demo_item");
}

static void
test_url_generator (void)
{
  g_autoptr(MibewBaseUrlGenerator) a = mibew_base_url_generator_new ("http://x");
  g_autofree char *u1 = mibew_url_generator_generate (MIBEW_URL_GENERATOR (a), "/a.js");
  g_autofree char *u2 = mibew_url_generator_generate (MIBEW_URL_GENERATOR (a), "a.js");
  g_autofree char *u3 = mibew_url_generator_generate (MIBEW_URL_GENERATOR (a), "https://cdn.example.org/b.js");

  g_assert_cmpstr (u1, ==, "http://x/a.js");
  g_assert_cmpstr (u2, ==, "http://x/a.js");
  g_assert_cmpstr (u3, ==, "https://cdn.example.org/b.js");
}

static void
test_assets_json (void)
{
  g_autoptr(JsonNode) good = json_from_string ("[\"a.css\", {\"content\": \"b{}\", \"type\": \"inline\", \"weight\": \"10\"},"
                                               " {\"content\": \"http://c/c.css\", \"type\": \"absolute\"}]", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("[\"a.css\", {\"content\": \"x\", \"type\": \"weird\"}]", NULL);
  g_autoptr(JsonNode) bad2 = json_from_string ("[42]", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MibewAssetList) list = mibew_asset_list_new_from_json (json_node_get_array (good), &error);
  g_autoptr(MibewAssetList) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpint (mibew_asset_get_weight (mibew_asset_list_get_asset (list, 0)), ==, 500);
  g_assert_cmpint (mibew_asset_get_asset_type (mibew_asset_list_get_asset (list, 1)), ==, MIBEW_ASSET_TYPE_INLINE);
  g_assert_cmpint (mibew_asset_get_weight (mibew_asset_list_get_asset (list, 1)), ==, 10);
  g_assert_cmpint (mibew_asset_get_weight (mibew_asset_list_get_asset (list, 2)), ==, 500);

  none = mibew_asset_list_new_from_json (json_node_get_array (bad), &error);
  g_assert_null (none);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_assert_nonnull (strstr (error->message, "weird"));
  g_clear_error (&error);
  none = mibew_asset_list_new_from_json (json_node_get_array (bad2), &error);
  g_assert_null (none);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/thread/from-json", test_thread_from_json);
  g_test_add_func ("/records/bad-json", test_bad_json);
  g_test_add_func ("/records/list-visitor/custom-keys", test_list_visitor_custom_keys);
  g_test_add_func ("/records/group-and-operator", test_group_and_operator);
  g_test_add_func ("/records/widget-response/seed-example", test_widget_response);
  g_test_add_func ("/records/route-collection", test_route_collection);
  g_test_add_func ("/records/url-generator", test_url_generator);
  g_test_add_func ("/records/assets/json", test_assets_json);

  return g_test_run ();
}
