/* test-events.c: every one of the 41 events delivers every argument
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Table-driven: for each event the test fills each property of its
 * arguments with a distinct value, emits the event three ways (typed
 * emitter, name-based trigger, and with a GSignal handler connected) and
 * checks that every listener got the very same arguments object, on the
 * right category object, with every value intact. The table below is the
 * test's own copy of events.md's argument lists: the library must match
 * it.
 */

#include <mibew-events/mibew-events.h>

typedef void (*EmitFunc) (gpointer emitter, gpointer args);

static void emit_ban_create (gpointer e, gpointer a) { mibew_ban_events_emit_create (e, a); }
static void emit_ban_update (gpointer e, gpointer a) { mibew_ban_events_emit_update (e, a); }
static void emit_ban_delete (gpointer e, gpointer a) { mibew_ban_events_emit_delete (e, a); }
static void emit_button_generate (gpointer e, gpointer a) { mibew_button_events_emit_generate (e, a); }
static void emit_cron_run (gpointer e, gpointer a) { mibew_cron_events_emit_run (e, a); }
static void emit_group_create (gpointer e, gpointer a) { mibew_group_events_emit_create (e, a); }
static void emit_group_update (gpointer e, gpointer a) { mibew_group_events_emit_update (e, a); }
static void emit_group_delete (gpointer e, gpointer a) { mibew_group_events_emit_delete (e, a); }
static void emit_group_update_operators (gpointer e, gpointer a) { mibew_group_events_emit_update_operators (e, a); }
static void emit_invitation_create (gpointer e, gpointer a) { mibew_invitation_events_emit_create (e, a); }
static void emit_invitation_accept (gpointer e, gpointer a) { mibew_invitation_events_emit_accept (e, a); }
static void emit_invitation_reject (gpointer e, gpointer a) { mibew_invitation_events_emit_reject (e, a); }
static void emit_invitation_ignore (gpointer e, gpointer a) { mibew_invitation_events_emit_ignore (e, a); }
static void emit_operator_authenticate (gpointer e, gpointer a) { mibew_operator_events_emit_authenticate (e, a); }
static void emit_operator_login (gpointer e, gpointer a) { mibew_operator_events_emit_login (e, a); }
static void emit_operator_logout (gpointer e, gpointer a) { mibew_operator_events_emit_logout (e, a); }
static void emit_operator_create (gpointer e, gpointer a) { mibew_operator_events_emit_create (e, a); }
static void emit_operator_update (gpointer e, gpointer a) { mibew_operator_events_emit_update (e, a); }
static void emit_operator_delete (gpointer e, gpointer a) { mibew_operator_events_emit_delete (e, a); }
static void emit_page_add_css (gpointer e, gpointer a) { mibew_page_events_emit_add_css (e, a); }
static void emit_page_add_js (gpointer e, gpointer a) { mibew_page_events_emit_add_js (e, a); }
static void emit_page_add_js_plugin_options (gpointer e, gpointer a) { mibew_page_events_emit_add_js_plugin_options (e, a); }
static void emit_resource_access_denied (gpointer e, gpointer a) { mibew_resource_events_emit_access_denied (e, a); }
static void emit_resource_not_found (gpointer e, gpointer a) { mibew_resource_events_emit_not_found (e, a); }
static void emit_routing_routes_alter (gpointer e, gpointer a) { mibew_routing_events_emit_routes_alter (e, a); }
static void emit_thread_function_call (gpointer e, gpointer a) { mibew_thread_events_emit_function_call (e, a); }
static void emit_thread_create (gpointer e, gpointer a) { mibew_thread_events_emit_create (e, a); }
static void emit_thread_update (gpointer e, gpointer a) { mibew_thread_events_emit_update (e, a); }
static void emit_thread_delete (gpointer e, gpointer a) { mibew_thread_events_emit_delete (e, a); }
static void emit_thread_close (gpointer e, gpointer a) { mibew_thread_events_emit_close (e, a); }
static void emit_thread_post_message (gpointer e, gpointer a) { mibew_thread_events_emit_post_message (e, a); }
static void emit_thread_get_messages_alter (gpointer e, gpointer a) { mibew_thread_events_emit_get_messages_alter (e, a); }
static void emit_thread_user_is_ready (gpointer e, gpointer a) { mibew_thread_events_emit_user_is_ready (e, a); }
static void emit_users_update_threads_alter (gpointer e, gpointer a) { mibew_users_events_emit_update_threads_alter (e, a); }
static void emit_users_update_visitors_load (gpointer e, gpointer a) { mibew_users_events_emit_update_visitors_load (e, a); }
static void emit_users_update_visitors_alter (gpointer e, gpointer a) { mibew_users_events_emit_update_visitors_alter (e, a); }
static void emit_users_function_call (gpointer e, gpointer a) { mibew_users_events_emit_function_call (e, a); }
static void emit_visitor_create (gpointer e, gpointer a) { mibew_visitor_events_emit_create (e, a); }
static void emit_visitor_track (gpointer e, gpointer a) { mibew_visitor_events_emit_track (e, a); }
static void emit_visitor_delete_old (gpointer e, gpointer a) { mibew_visitor_events_emit_delete_old (e, a); }
static void emit_widget_response_alter (gpointer e, gpointer a) { mibew_widget_events_emit_response_alter (e, a); }

typedef struct {
  const char *name;
  EmitFunc    emit;
  const char *properties;   /* from events.md, in GObject spelling */
} EventCase;

static const EventCase cases[] = {
  { "banCreate", emit_ban_create, "ban" },
  { "banUpdate", emit_ban_update, "ban original-ban" },
  { "banDelete", emit_ban_delete, "id" },
  { "buttonGenerate", emit_button_generate, "button generator" },
  { "cronRun", emit_cron_run, "" },
  { "groupCreate", emit_group_create, "group" },
  { "groupUpdate", emit_group_update, "group original-group" },
  { "groupDelete", emit_group_delete, "id" },
  { "groupUpdateOperators", emit_group_update_operators, "group original-operators operators" },
  { "invitationCreate", emit_invitation_create, "invitation" },
  { "invitationAccept", emit_invitation_accept, "invitation" },
  { "invitationReject", emit_invitation_reject, "invitation" },
  { "invitationIgnore", emit_invitation_ignore, "invitation" },
  { "operatorAuthenticate", emit_operator_authenticate, "operator request" },
  { "operatorLogin", emit_operator_login, "operator remember" },
  { "operatorLogout", emit_operator_logout, "" },
  { "operatorCreate", emit_operator_create, "operator" },
  { "operatorUpdate", emit_operator_update, "operator original-operator" },
  { "operatorDelete", emit_operator_delete, "id" },
  { "pageAddCss", emit_page_add_css, "request assets" },
  { "pageAddJs", emit_page_add_js, "request assets" },
  { "pageAddJsPluginOptions", emit_page_add_js_plugin_options, "request plugins" },
  { "resourceAccessDenied", emit_resource_access_denied, "request response" },
  { "resourceNotFound", emit_resource_not_found, "request response" },
  { "routesAlter", emit_routing_routes_alter, "routes" },
  { "threadFunctionCall", emit_thread_function_call, "request-processor function arguments results" },
  { "threadCreate", emit_thread_create, "thread" },
  { "threadUpdate", emit_thread_update, "thread original-thread" },
  { "threadDelete", emit_thread_delete, "id" },
  { "threadClose", emit_thread_close, "thread" },
  { "threadPostMessage", emit_thread_post_message, "thread message-kind message-body message-options" },
  { "threadGetMessagesAlter", emit_thread_get_messages_alter, "thread messages" },
  { "threadUserIsReady", emit_thread_user_is_ready, "thread" },
  { "usersUpdateThreadsAlter", emit_users_update_threads_alter, "threads" },
  { "usersUpdateVisitorsLoad", emit_users_update_visitors_load, "visitors" },
  { "usersUpdateVisitorsAlter", emit_users_update_visitors_alter, "visitors" },
  { "usersFunctionCall", emit_users_function_call, "request-processor function arguments results" },
  { "visitorCreate", emit_visitor_create, "visitor" },
  { "visitorTrack", emit_visitor_track, "visitor" },
  { "visitorDeleteOld", emit_visitor_delete_old, "visitors" },
  { "widgetResponseAlter", emit_widget_response_alter, "visitor request response route-url-generator asset-url-generator" },
};

typedef struct {
  const EventCase *ec;
  MibewEventEmitter *emitter;
  MibewEventArgs *args;
  GValue *expected;     /* one per property of the args class */
  GParamSpec **pspecs;
  guint n_pspecs;
  guint calls;
} Check;

static GType
list_item_type (const char *property)
{
  if (g_str_equal (property, "messages"))
    return MIBEW_TYPE_MESSAGE;
  if (g_str_equal (property, "threads"))
    return MIBEW_TYPE_LIST_THREAD;
  return MIBEW_TYPE_LIST_VISITOR;
}

/* A distinct, recognisable value for each property type. */
static void
make_value (GParamSpec *pspec,
            guint       index,
            GValue     *value)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, t);
  if (t == G_TYPE_INT64)
    g_value_set_int64 (value, 4200 + index);
  else if (t == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (t == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("value of %s", pspec->name));
  else if (G_TYPE_IS_ENUM (t))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (t);
      g_value_set_enum (value, klass->values[klass->n_values - 1].value);
    }
  else if (t == JSON_TYPE_OBJECT)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      json_object_set_string_member (o, "marker", pspec->name);
      g_value_set_boxed (value, o);
    }
  else if (t == JSON_TYPE_ARRAY)
    {
      g_autoptr(JsonArray) a = json_array_new ();
      json_array_add_int_element (a, 7);
      json_array_add_int_element (a, 11 + index);
      g_value_set_boxed (value, a);
    }
  else if (t == G_TYPE_LIST_STORE)
    {
      g_autoptr(GListStore) store = g_list_store_new (list_item_type (pspec->name));
      g_autoptr(GObject) item = g_object_new (list_item_type (pspec->name), NULL);

      mibew_record_set_string (MIBEW_RECORD (item), "marker", pspec->name);
      g_list_store_append (store, item);
      g_value_set_object (value, store);
    }
  else if (t == MIBEW_TYPE_ASSET_LIST)
    {
      g_autoptr(MibewAssetList) list = mibew_asset_list_new ();
      mibew_asset_list_add_url (list, pspec->name);
      g_value_set_object (value, list);
    }
  else if (t == MIBEW_TYPE_BUTTON_FRAGMENT)
    g_value_take_object (value, mibew_button_fragment_new ("<a href='#'>chat</a>"));
  else if (t == MIBEW_TYPE_URL_GENERATOR)
    {
      g_autofree char *base = g_strdup_printf ("https://example.org/%s", pspec->name);
      g_value_take_object (value, mibew_base_url_generator_new (base));
    }
  else if (g_type_is_a (t, MIBEW_TYPE_RECORD))
    {
      g_autoptr(MibewRecord) record = g_object_new (t, NULL);
      mibew_record_set_string (record, "marker", pspec->name);
      g_value_set_object (value, record);
    }
  else
    g_error ("no test value for %s of type %s", pspec->name, g_type_name (t));
}

static void
verify (Check              *c,
        MibewEventEmitter  *emitter,
        MibewEventArgs     *args)
{
  g_assert_true (emitter == c->emitter);
  g_assert_true (args == c->args);
  for (guint i = 0; i < c->n_pspecs; i++)
    {
      g_auto(GValue) got = G_VALUE_INIT;

      g_value_init (&got, G_PARAM_SPEC_VALUE_TYPE (c->pspecs[i]));
      g_object_get_property (G_OBJECT (args), c->pspecs[i]->name, &got);
      if (g_param_values_cmp (c->pspecs[i], &got, &c->expected[i]) != 0)
        g_error ("%s: argument “%s” changed on its way to the listener",
                 c->ec->name, c->pspecs[i]->name);
      /* records carry their marker through */
      if (G_VALUE_HOLDS (&got, MIBEW_TYPE_RECORD))
        g_assert_cmpstr (mibew_record_get_string (g_value_get_object (&got), "marker"), ==,
                         c->pspecs[i]->name);
    }
  c->calls++;
}

/* The listener's return type differs per event; returning NULL fits all. */
static gpointer
listener (MibewEventEmitter *emitter,
          MibewEventArgs    *args,
          gpointer           data)
{
  verify (data, emitter, args);
  return NULL;
}

static void
test_event (gconstpointer data)
{
  const EventCase *ec = data;
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) documented = g_strsplit (ec->properties, " ", -1);
  g_autofree GParamSpec **all = NULL;
  MibewEventCategory category;
  MibewEventKind kind;
  const char *signal_name;
  GType args_type;
  guint expected_calls;
  guint n_all = 0;
  Check c = { ec, };
  gulong handler;

  g_assert_true (mibew_event_dispatcher_describe_event (ec->name, &category, &signal_name, &kind, &args_type));
  c.emitter = mibew_event_dispatcher_get_emitter (d, category);
  c.args = g_object_new (args_type, NULL);

  /* the arguments class has exactly the documented arguments (creation
   * events share their class with updates: "original-*" may be extra) */
  all = g_object_class_list_properties (G_OBJECT_GET_CLASS (c.args), &n_all);
  c.pspecs = g_new0 (GParamSpec *, n_all);
  c.expected = g_new0 (GValue, n_all);
  for (guint i = 0; i < n_all; i++)
    {
      if (!g_type_is_a (all[i]->owner_type, MIBEW_TYPE_EVENT_ARGS))
        continue;
      if (!g_strv_contains ((const char * const *) documented, all[i]->name))
        {
          if (!g_str_has_prefix (all[i]->name, "original-"))
            g_error ("%s: %s has undocumented argument “%s”", ec->name,
                     g_type_name (args_type), all[i]->name);
          continue;
        }
      g_assert_true (all[i]->flags & G_PARAM_READABLE);
      g_assert_true (all[i]->flags & G_PARAM_WRITABLE);
      c.pspecs[c.n_pspecs] = all[i];
      make_value (all[i], c.n_pspecs, &c.expected[c.n_pspecs]);
      g_object_set_property (G_OBJECT (c.args), all[i]->name, &c.expected[c.n_pspecs]);
      c.n_pspecs++;
    }
  for (guint i = 0; documented[i] != NULL && documented[i][0] != '\0'; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < c.n_pspecs; j++)
        found |= g_str_equal (c.pspecs[j]->name, documented[i]);
      if (!found)
        g_error ("%s: argument “%s” is missing", ec->name, documented[i]);
    }

  /* 1: the typed emitter, a listener attached by name */
  g_assert_cmpuint (mibew_event_dispatcher_attach_callback (d, ec->name, 0, G_CALLBACK (listener), &c, NULL, &error), !=, 0);
  g_assert_no_error (error);
  ec->emit (c.emitter, c.args);
  g_assert_cmpuint (c.calls, ==, 1);

  /* 2: the name-based trigger */
  g_assert_true (mibew_event_dispatcher_trigger (d, ec->name, c.args, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.calls, ==, 2);

  /* 3: a GSignal handler as well (the emission goes through GSignal);
   * an out event whose slot is already filled is answered by the first
   * listener, so the handler does not run then */
  handler = g_signal_connect (c.emitter, signal_name, G_CALLBACK (listener), &c);
  ec->emit (c.emitter, c.args);
  expected_calls = kind == MIBEW_EVENT_KIND_OUT ? 3 : 4;
  g_assert_cmpuint (c.calls, ==, expected_calls);
  g_signal_handler_disconnect (c.emitter, handler);

  /* 4: the handler is gone; the attached listener still runs */
  g_assert_true (mibew_event_dispatcher_trigger (d, ec->name, c.args, NULL));
  g_assert_cmpuint (c.calls, ==, expected_calls + 1);

  for (guint i = 0; i < c.n_pspecs; i++)
    g_value_unset (&c.expected[i]);
  g_free (c.expected);
  g_free (c.pspecs);
  g_object_unref (c.args);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, 41);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/events/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_event);
    }
  return g_test_run ();
}
