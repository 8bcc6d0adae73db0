/* e2e-cmarker.c: E2E:CMarker, the C fixture plugin of the end-to-end tests
 *
 * It listens to every alter, out and call event (16 of them) and leaves
 * its mark, the setting "mark" (default "C"), in the one place
 * tests/e2e/test_e2e.py looks for it (see marks.py, which does the same in
 * Python). It works on the JSON form (mibew_event_args_to_json(), then
 * mibew_event_args_update_from_json()), as a listener behind a process
 * boundary would.
 *
 * Marks chain with ">" so the order of the plugins shows: at weight 5 it
 * runs before E2E:PyMarker (weight 10), and "C>Py" is what comes back.
 *
 * Out events end at the first answer: this plugin marks the request
 * headers ("x-e2e") and leaves the answer to E2E:PyMarker, except in
 * usersUpdateVisitorsLoad, which has nothing but its out slot: there it
 * answers, and E2E:PyMarker, after it, must not run.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#if __has_include (<libpeas.h>)
#include <libpeas.h>          /* libpeas-2 */
#else
#include <libpeas/peas.h>     /* libpeas 1.x */
#endif
#include <mibew-plugins/mibew-plugins.h>

#define E2E_TYPE_CMARKER (e2e_cmarker_get_type ())
G_DECLARE_FINAL_TYPE (E2eCmarker, e2e_cmarker, E2E, CMARKER, GObject)

struct _E2eCmarker
{
  GObject parent_instance;
};

static void e2e_cmarker_plugin_init (MibewPluginInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (E2eCmarker, e2e_cmarker, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MIBEW_TYPE_PLUGIN, e2e_cmarker_plugin_init))

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

static const char * const marked_events[] = {
  "buttonGenerate", "pageAddCss", "pageAddJs", "pageAddJsPluginOptions", "routesAlter",
  "threadPostMessage", "threadGetMessagesAlter", "usersUpdateThreadsAlter",
  "usersUpdateVisitorsAlter", "widgetResponseAlter", "threadFunctionCall", "usersFunctionCall",
  "operatorAuthenticate", "resourceAccessDenied", "resourceNotFound", "usersUpdateVisitorsLoad",
  NULL
};

/* obj[key] = obj[key] ">" mark, or mark */
static void
chain (JsonObject *obj,
       const char *key,
       const char *mark)
{
  const char *old = json_object_has_member (obj, key) ? json_object_get_string_member (obj, key) : NULL;

  if (old != NULL && *old != '\0')
    {
      g_autofree char *s = g_strconcat (old, ">", mark, NULL);
      json_object_set_string_member (obj, key, s);
    }
  else
    json_object_set_string_member (obj, key, mark);
}

static void
append_to_string (JsonObject *obj,
                  const char *key,
                  const char *prefix,
                  const char *mark,
                  const char *suffix)
{
  const char *old = json_object_get_string_member (obj, key);
  g_autofree char *s = g_strconcat (old != NULL ? old : "", prefix, mark, suffix, NULL);

  json_object_set_string_member (obj, key, s);
}

static JsonObject *
member_object (JsonObject *obj,
               const char *key)
{
  if (!json_object_has_member (obj, key) || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, key)))
    json_object_set_object_member (obj, key, json_object_new ());
  return json_object_get_object_member (obj, key);
}

static void
mark_doc (const char *event,
          JsonObject *doc,
          const char *mark)
{
  if (strcmp (event, "buttonGenerate") == 0)
    append_to_string (doc, "button", "<!--", mark, "-->");
  else if (strcmp (event, "pageAddCss") == 0 || strcmp (event, "pageAddJs") == 0)
    {
      gboolean css = strcmp (event, "pageAddCss") == 0;
      g_autofree char *asset = g_strdup_printf ("e2e/%s.%s", mark, css ? "css" : "js");
      json_array_add_string_element (json_object_get_array_member (doc, css ? "css" : "js"), asset);
    }
  else if (strcmp (event, "pageAddJsPluginOptions") == 0)
    chain (member_object (member_object (doc, "plugins"), "e2e"), "marks", mark);
  else if (strcmp (event, "routesAlter") == 0)
    {
      JsonObject *routes = member_object (doc, "routes");

      if (!json_object_has_member (routes, "e2e"))
        {
          JsonObject *route = json_object_new ();
          JsonArray *methods = json_array_new ();

          json_object_set_string_member (route, "path", "/e2e");
          json_object_set_object_member (route, "defaults", json_object_new ());
          json_object_set_object_member (route, "requirements", json_object_new ());
          json_array_add_string_element (methods, "GET");
          json_object_set_array_member (route, "methods", methods);
          json_object_set_object_member (routes, "e2e", route);
        }
      append_to_string (json_object_get_object_member (routes, "e2e"), "path", "/", mark, "");
    }
  else if (strcmp (event, "threadPostMessage") == 0)
    append_to_string (doc, "message_body", " [", mark, "]");
  else if (strcmp (event, "threadGetMessagesAlter") == 0)
    append_to_string (json_array_get_object_element (json_object_get_array_member (doc, "messages"), 0),
                      "message", " [", mark, "]");
  else if (strcmp (event, "usersUpdateThreadsAlter") == 0)
    chain (json_array_get_object_element (json_object_get_array_member (doc, "threads"), 0), "x_e2e", mark);
  else if (strcmp (event, "usersUpdateVisitorsAlter") == 0)
    chain (json_array_get_object_element (json_object_get_array_member (doc, "visitors"), 0), "x_e2e", mark);
  else if (strcmp (event, "widgetResponseAlter") == 0)
    chain (member_object (member_object (doc, "response"), "data"), "e2e", mark);
  else if (strcmp (event, "threadFunctionCall") == 0 || strcmp (event, "usersFunctionCall") == 0)
    chain (member_object (doc, "results"), "e2e", mark);
  else if (strcmp (event, "usersUpdateVisitorsLoad") == 0)
    {
      JsonArray *visitors = json_array_new ();
      JsonObject *visitor = json_object_new ();

      json_object_set_int_member (visitor, "id", 4242);
      json_object_set_string_member (visitor, "userId", "1764009999.1");
      json_object_set_string_member (visitor, "userName", "e2e visitor");
      json_object_set_string_member (visitor, "userAgent", "Epiphany 45");
      json_object_set_string_member (visitor, "userIp", "192.0.2.42");
      json_object_set_string_member (visitor, "remote", "192.0.2.42");
      json_object_set_int_member (visitor, "firstTime", 1764009999);
      json_object_set_int_member (visitor, "lastTime", 1764010099);
      json_object_set_int_member (visitor, "invitations", 0);
      json_object_set_int_member (visitor, "chats", 0);
      json_object_set_boolean_member (visitor, "invitationInfo", FALSE);
      json_object_set_string_member (visitor, "x_e2e", mark);
      json_array_add_object_element (visitors, visitor);
      json_object_set_array_member (doc, "visitors", visitors);
    }
  else /* operatorAuthenticate, resourceAccessDenied, resourceNotFound */
    chain (member_object (member_object (doc, "request"), "headers"), "x-e2e", mark);
}

static gpointer
on_event (MibewEventEmitter *emitter,
          MibewEventArgs    *args,
          gpointer           user_data)
{
  const char *mark = user_data;
  const char *event = mibew_event_args_get_event_name (args);
  g_autoptr(JsonNode) node = mibew_event_args_to_json (args);
  g_autoptr(GError) error = NULL;

  mark_doc (event, json_node_get_object (node), mark);
  if (!mibew_event_args_update_from_json (args, node, &error))
    mibew_event_dispatcher_report_failure (mibew_event_emitter_get_dispatcher (emitter), event, error->message);
  return NULL;
}

static gboolean
e2e_cmarker_activate (MibewPlugin           *plugin,
                      MibewEventDispatcher  *dispatcher,
                      GError               **error)
{
  JsonObject *config = mibew_plugin_info_get_config (mibew_plugin_get_info (plugin));
  JsonNode *mark = json_object_get_member (config, "mark");
  const char *value = mark != NULL && json_node_get_value_type (mark) == G_TYPE_STRING
                      ? json_node_get_string (mark) : "C";

  for (const char * const *e = marked_events; *e != NULL; e++)
    if (mibew_event_dispatcher_attach_func (dispatcher, *e, MIBEW_PRIORITY_DEFAULT, on_event,
                                            g_strdup (value), g_free, error) == 0)
      return FALSE;
  return TRUE;
}

static void
e2e_cmarker_plugin_init (MibewPluginInterface *iface)
{
  iface->activate = e2e_cmarker_activate;
}

static void e2e_cmarker_class_init (E2eCmarkerClass *klass) {}
static void e2e_cmarker_class_finalize (E2eCmarkerClass *klass) {}
static void e2e_cmarker_init (E2eCmarker *self) {}

void
peas_register_types (PeasObjectModule *module)
{
  e2e_cmarker_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MIBEW_TYPE_PLUGIN, E2E_TYPE_CMARKER);
}
