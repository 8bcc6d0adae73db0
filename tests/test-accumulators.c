/* test-accumulators.c: how listeners' answers combine, per kind of event
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <mibew-events/mibew-events.h>

static GPtrArray *seen;   /* what each listener saw, in order */

/* ---- chain: threadPostMessage ---- */

static char *
chain_return_upper (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_ptr_array_add (seen, g_strdup (mibew_post_message_args_get_message_body (args)));
  return g_utf8_strup (mibew_post_message_args_get_message_body (args), -1);
}

static char *
chain_mutate (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_autofree char *body = g_strconcat (mibew_post_message_args_get_message_body (args), "!", NULL);

  g_ptr_array_add (seen, g_strdup (mibew_post_message_args_get_message_body (args)));
  mibew_post_message_args_set_message_body (args, body);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
  json_object_set_string_member (mibew_post_message_args_get_message_options (args), "plugin", "shouter");
  return NULL;
}

static char *
chain_observe (MibewThreadEvents *e, MibewPostMessageArgs *args, gpointer data)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s/%d", mibew_post_message_args_get_message_body (args),
                                          mibew_post_message_args_get_message_kind (args)));
  return NULL;
}

static void
check_chain (gboolean with_gsignal)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewThread) thread = mibew_thread_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (thread, MIBEW_MESSAGE_KIND_USER, "hi", NULL);

  g_ptr_array_set_size (seen, 0);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", -1, G_CALLBACK (chain_return_upper), NULL, NULL, NULL);
  if (with_gsignal)
    /* a GSignal handler returning a value takes part in the chain too */
    g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message", G_CALLBACK (chain_return_upper), NULL);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 5, G_CALLBACK (chain_mutate), NULL, NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 9, G_CALLBACK (chain_observe), NULL, NULL, NULL);

  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (d), args);

  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "hi");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "HI");
  if (with_gsignal)
    g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "HI");
  g_assert_cmpstr (g_ptr_array_index (seen, seen->len - 1), ==, "HI!/4");
  /* the emitter sees the final values */
  g_assert_cmpstr (mibew_post_message_args_get_message_body (args), ==, "HI!");
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_INFO);
  g_assert_cmpstr (json_object_get_string_member (mibew_post_message_args_get_message_options (args), "plugin"),
                   ==, "shouter");
  g_assert_true (mibew_post_message_args_get_thread (args) == thread);
}

static void
test_chain (void)
{
  check_chain (FALSE);
}

static void
test_chain_gsignal (void)
{
  check_chain (TRUE);
}

/* ---- first-wins: operatorAuthenticate ---- */

static MibewOperator *
auth_none (MibewOperatorEvents *e, MibewAuthenticateArgs *args, gpointer data)
{
  g_ptr_array_add (seen, g_strdup ("none"));
  g_assert_null (mibew_authenticate_args_get_operator (args));
  return NULL;
}

static MibewOperator *
auth_return (MibewOperatorEvents *e, MibewAuthenticateArgs *args, gpointer data)
{
  MibewOperator *op = mibew_operator_new ();

  g_ptr_array_add (seen, g_strdup (data));
  mibew_record_set_string (MIBEW_RECORD (op), "vclogin", data);
  return op;
}

static MibewOperator *
auth_fill (MibewOperatorEvents *e, MibewAuthenticateArgs *args, gpointer data)
{
  g_autoptr(MibewOperator) op = mibew_operator_new ();

  g_ptr_array_add (seen, g_strdup (data));
  mibew_record_set_string (MIBEW_RECORD (op), "vclogin", data);
  mibew_authenticate_args_set_operator (args, op);
  return NULL;
}

static gboolean
run_auth (MibewEventDispatcher *d, char **login)
{
  g_autoptr(MibewRequest) request = mibew_request_new ();
  g_autoptr(MibewAuthenticateArgs) args = mibew_authenticate_args_new (NULL, request);
  gboolean answered;

  answered = mibew_operator_events_emit_authenticate (mibew_event_dispatcher_get_operator (d), args);
  g_assert_true (mibew_authenticate_args_get_request (args) == request);
  *login = NULL;
  if (mibew_authenticate_args_get_operator (args) != NULL)
    *login = g_strdup (mibew_record_get_string (MIBEW_RECORD (mibew_authenticate_args_get_operator (args)), "vclogin"));
  return answered;
}

static void
test_first_wins (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autofree char *login = NULL;

  g_ptr_array_set_size (seen, 0);
  /* nobody answers: the emitter can tell */
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", 0, G_CALLBACK (auth_none), NULL, NULL, NULL);
  g_assert_false (run_auth (d, &login));
  g_assert_null (login);

  /* a returned answer wins and ends the emission */
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", 1, G_CALLBACK (auth_return), "alice", NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", 2, G_CALLBACK (auth_return), "bob", NULL, NULL);
  g_ptr_array_set_size (seen, 0);
  g_assert_true (run_auth (d, &login));
  g_assert_cmpstr (login, ==, "alice");
  g_assert_cmpuint (seen->len, ==, 2);   /* none, alice; bob never ran */
  g_clear_pointer (&login, g_free);

  /* filling the slot is an answer too */
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", -1, G_CALLBACK (auth_fill), "carol", NULL, NULL);
  g_ptr_array_set_size (seen, 0);
  g_assert_true (run_auth (d, &login));
  g_assert_cmpstr (login, ==, "carol");
  g_assert_cmpuint (seen->len, ==, 1);
  g_clear_pointer (&login, g_free);
}

static void
test_first_wins_gsignal (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autofree char *login = NULL;

  /* a GSignal handler (priority 0 position) answers: later dispatcher
   * listeners and after-handlers do not run */
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", 0, G_CALLBACK (auth_none), NULL, NULL, NULL);
  g_signal_connect (mibew_event_dispatcher_get_operator (d), "authenticate", G_CALLBACK (auth_return), "dave");
  g_signal_connect_after (mibew_event_dispatcher_get_operator (d), "authenticate", G_CALLBACK (auth_return), "erin");
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", 3, G_CALLBACK (auth_return), "frank", NULL, NULL);
  g_ptr_array_set_size (seen, 0);
  g_assert_true (run_auth (d, &login));
  g_assert_cmpstr (login, ==, "dave");
  g_assert_cmpuint (seen->len, ==, 2);
  g_clear_pointer (&login, g_free);

  /* a dispatcher listener that answers in the first stage stops the
   * GSignal handlers */
  mibew_event_dispatcher_attach_callback (d, "operatorAuthenticate", -9, G_CALLBACK (auth_fill), "gina", NULL, NULL);
  g_ptr_array_set_size (seen, 0);
  g_assert_true (run_auth (d, &login));
  g_assert_cmpstr (login, ==, "gina");
  g_assert_cmpuint (seen->len, ==, 1);
}

/* ---- out with a default: usersUpdateVisitorsLoad ---- */

static GListStore *
load_empty (MibewUsersEvents *e, MibewListVisitorsArgs *args, gpointer data)
{
  return g_list_store_new (MIBEW_TYPE_LIST_VISITOR);
}

static GListStore *
load_never (MibewUsersEvents *e, MibewListVisitorsArgs *args, gpointer data)
{
  g_assert_not_reached ();
  return NULL;
}

static GListStore *
load_nothing (MibewUsersEvents *e, MibewListVisitorsArgs *args, gpointer data)
{
  g_ptr_array_add (seen, g_strdup ("nothing"));
  return NULL;
}

static void
test_default_loader (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  MibewUsersEvents *users = mibew_event_dispatcher_get_users (d);
  g_autoptr(MibewListVisitorsArgs) args = mibew_list_visitors_args_new (NULL);
  guint id;

  /* nobody listens: the default loader must run */
  g_assert_false (mibew_users_events_emit_update_visitors_load (users, args));
  g_assert_null (mibew_list_visitors_args_get_visitors (args));

  /* somebody listens but does not answer: still the default loader */
  g_ptr_array_set_size (seen, 0);
  id = mibew_event_dispatcher_attach_callback (d, "usersUpdateVisitorsLoad", 0, G_CALLBACK (load_nothing), NULL, NULL, NULL);
  g_assert_false (mibew_users_events_emit_update_visitors_load (users, args));
  g_assert_null (mibew_list_visitors_args_get_visitors (args));
  g_assert_cmpuint (seen->len, ==, 1);

  /* an empty list is an answer (Mibew: an array, even empty, is used) */
  mibew_event_dispatcher_attach_callback (d, "usersUpdateVisitorsLoad", 1, G_CALLBACK (load_empty), NULL, NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "usersUpdateVisitorsLoad", 2, G_CALLBACK (load_never), NULL, NULL, NULL);
  g_assert_true (mibew_users_events_emit_update_visitors_load (users, args));
  g_assert_nonnull (mibew_list_visitors_args_get_visitors (args));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mibew_list_visitors_args_get_visitors (args))), ==, 0);
  g_assert_true (mibew_event_dispatcher_detach_listener (d, "usersUpdateVisitorsLoad", id, NULL));
}

/* ---- merge: function calls, detailed ---- */

static JsonObject *
call_microtime (MibewThreadEvents *e, MibewFunctionCallArgs *args, gpointer data)
{
  JsonObject *ret = json_object_new ();
  JsonObject *arguments = mibew_function_call_args_get_arguments (args);

  g_ptr_array_add (seen, g_strdup_printf ("microtime:%s", mibew_function_call_args_get_function (args)));
  if (json_object_has_member (arguments, "as_float") && json_object_get_boolean_member (arguments, "as_float"))
    json_object_set_double_member (ret, "time", 1234.5);
  else
    json_object_set_string_member (ret, "time", "0.5 1234");
  json_object_set_string_member (ret, "by", "first");
  return ret;
}

static JsonObject *
call_any (MibewThreadEvents *e, MibewFunctionCallArgs *args, gpointer data)
{
  JsonObject *ret = json_object_new ();

  g_ptr_array_add (seen, g_strdup_printf ("any:%s", mibew_function_call_args_get_function (args)));
  /* later keys win */
  json_object_set_string_member (ret, "by", data);
  return ret;
}

static JsonObject *
call_mutate (MibewThreadEvents *e, MibewFunctionCallArgs *args, gpointer data)
{
  g_ptr_array_add (seen, g_strdup_printf ("mutate:%s", mibew_function_call_args_get_function (args)));
  json_object_set_int_member (mibew_function_call_args_get_results (args), "count", 7);
  return NULL;
}

static JsonObject *
run_call (MibewEventDispatcher *d, const char *function, gboolean as_float)
{
  g_autoptr(MibewRequestProcessor) processor = mibew_request_processor_new ();
  g_autoptr(JsonObject) arguments = json_object_new ();
  g_autoptr(JsonObject) results = json_object_new ();
  g_autoptr(MibewFunctionCallArgs) args = NULL;

  mibew_record_set_string (MIBEW_RECORD (processor), "kind", "thread");
  json_object_set_boolean_member (arguments, "as_float", as_float);
  json_object_set_string_member (results, "core", "yes");   /* the core's own answer */
  args = mibew_function_call_args_new (processor, function, arguments, results);
  mibew_thread_events_emit_function_call (mibew_event_dispatcher_get_thread (d), args);
  return json_object_ref (mibew_function_call_args_get_results (args));
}

static void
test_merge_and_detail (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  MibewThreadEvents *thread = mibew_event_dispatcher_get_thread (d);
  g_autoptr(JsonObject) r1 = NULL;
  g_autoptr(JsonObject) r2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, "threadFunctionCall::microtime", 0,
                                                            G_CALLBACK (call_microtime), NULL, NULL, &error), !=, 0);
  g_assert_no_error (error);
  mibew_event_dispatcher_attach_callback (d, "threadFunctionCall", 1, G_CALLBACK (call_any), "second", NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "threadFunctionCall", 2, G_CALLBACK (call_mutate), NULL, NULL, NULL);
  /* a detailed GSignal handler for another function */
  g_signal_connect (thread, "function-call::otherFunc", G_CALLBACK (call_any), "signal");

  g_ptr_array_set_size (seen, 0);
  r1 = run_call (d, "microtime", TRUE);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "microtime:microtime");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "any:microtime");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "mutate:microtime");
  g_assert_cmpfloat (json_object_get_double_member (r1, "time"), ==, 1234.5);
  g_assert_cmpstr (json_object_get_string_member (r1, "by"), ==, "second");
  g_assert_cmpstr (json_object_get_string_member (r1, "core"), ==, "yes");
  g_assert_cmpint (json_object_get_int_member (r1, "count"), ==, 7);

  /* another function: the detailed listener does not run; the detailed
   * signal handler for it does */
  g_ptr_array_set_size (seen, 0);
  r2 = run_call (d, "otherFunc", FALSE);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "any:otherFunc");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "any:otherFunc");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "mutate:otherFunc");
  g_assert_false (json_object_has_member (r2, "time"));
  /* the signal handler ran at priority 0, after "second" (priority 1)?
   * No: GSignal handlers run after priority <= 0 and before > 0, so
   * "signal" came first and "second" (priority 1) overwrote it. */
  g_assert_cmpstr (json_object_get_string_member (r2, "by"), ==, "second");
}

/* ---- append: pageAddCss ---- */

static MibewAssetList *
css_return (MibewPageEvents *e, MibewAssetsArgs *args, gpointer data)
{
  MibewAssetList *list = mibew_asset_list_new ();

  mibew_asset_list_add_url (list, data);
  return list;
}

static MibewAssetList *
css_add (MibewPageEvents *e, MibewAssetsArgs *args, gpointer data)
{
  mibew_asset_list_add_inline (mibew_assets_args_get_assets (args), "body{}", 100);
  return NULL;
}

static void
test_append (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(MibewRequest) request = mibew_request_new ();
  g_autoptr(MibewAssetsArgs) args = mibew_assets_args_new (request, NULL);
  g_autoptr(MibewAssetList) resolved = NULL;
  MibewAssetList *assets;

  mibew_event_dispatcher_attach_callback (d, "pageAddCss", 0, G_CALLBACK (css_return), "a.css", NULL, NULL);
  mibew_event_dispatcher_attach_callback (d, "pageAddCss", 1, G_CALLBACK (css_add), NULL, NULL, NULL);
  g_signal_connect_after (mibew_event_dispatcher_get_page (d), "add-css", G_CALLBACK (css_return), "b.css");
  mibew_page_events_emit_add_css (mibew_event_dispatcher_get_page (d), args);

  assets = mibew_assets_args_get_assets (args);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, 3);
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (assets, 0)), ==, "a.css");
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (assets, 1)), ==, "body{}");
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (assets, 2)), ==, "b.css");

  /* Mibew's order: by weight (inline 100 first), ties stable */
  resolved = mibew_asset_list_resolve (assets);
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (resolved, 0)), ==, "body{}");
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (resolved, 1)), ==, "a.css");
  g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (resolved, 2)), ==, "b.css");
}

static void
test_asset_resolve (void)
{
  g_autoptr(MibewAssetList) list = mibew_asset_list_new ();
  g_autoptr(MibewAssetList) resolved = NULL;
  g_autoptr(MibewAsset) abs_dup = mibew_asset_new ("x.js", MIBEW_ASSET_TYPE_ABSOLUTE, 10);
  g_autoptr(MibewAsset) heavy_dup = mibew_asset_new ("b.js", MIBEW_ASSET_TYPE_RELATIVE, 900);
  const char *expected[] = { "inline-early", "x.js", "a.js", "c.js", "inline-1", "inline-1", "b.js" };
  MibewAsset *x;

  mibew_asset_list_add_url (list, "a.js");                     /* 500 */
  mibew_asset_list_add_url (list, "x.js");                     /* 500; later absolute 10 */
  mibew_asset_list_add_inline (list, "inline-1", 700);
  mibew_asset_list_add_url (list, "b.js");                     /* 500; later 900 */
  mibew_asset_list_add_inline (list, "inline-1", 700);         /* inline never collapses */
  mibew_asset_list_add (list, abs_dup);
  mibew_asset_list_add_url (list, "c.js");                     /* 500 */
  mibew_asset_list_add (list, heavy_dup);
  mibew_asset_list_add_inline (list, "inline-early", 5);

  resolved = mibew_asset_list_resolve (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (resolved)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (mibew_asset_get_content (mibew_asset_list_get_asset (resolved, i)), ==, expected[i]);
  /* the later duplicate's type and weight won */
  x = mibew_asset_list_get_asset (resolved, 1);
  g_assert_cmpint (mibew_asset_get_asset_type (x), ==, MIBEW_ASSET_TYPE_ABSOLUTE);
  g_assert_cmpint (mibew_asset_get_weight (x), ==, 10);
  g_assert_cmpint (mibew_asset_get_weight (mibew_asset_list_get_asset (resolved, 6)), ==, 900);
  /* the input is left alone */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  seen = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/accumulators/chain/dispatcher", test_chain);
  g_test_add_func ("/accumulators/chain/gsignal", test_chain_gsignal);
  g_test_add_func ("/accumulators/first-wins/dispatcher", test_first_wins);
  g_test_add_func ("/accumulators/first-wins/gsignal", test_first_wins_gsignal);
  g_test_add_func ("/accumulators/out/default-loader", test_default_loader);
  g_test_add_func ("/accumulators/merge/detail", test_merge_and_detail);
  g_test_add_func ("/accumulators/append/assets", test_append);
  g_test_add_func ("/accumulators/append/resolve", test_asset_resolve);

  ret = g_test_run ();
  g_ptr_array_unref (seen);
  return ret;
}
