/* test-codec.c: the JSON codec of the events' arguments
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * - every sample document of tests/data/events comes back byte for byte
 *   (trigger_json_data, trigger_json, new_from_json + to_json,
 *   decode_json_data + trigger + encode_json_data);
 * - a listener of every alter, out and call event makes its event's
 *   typical change, and only the answer key (for threadPostMessage also
 *   message_kind) differs afterwards;
 * - first-wins, chain, merge and append; Mibew's false placeholders;
 * - the lossless details: unknown keys, member order, numeric strings,
 *   null, PHP's [] for an empty dictionary, update_from_json();
 * - malformed and hostile input: the exact error, nothing emitted, the
 *   caller's node untouched.
 */

#include <mibew-events/mibew-events.h>

#include <string.h>

#define N_EVENTS 41

/* ---------------------------------------------------------------------- */
/* helpers                                                                */

static char *
load_text (const char *document,
           gsize      *length)
{
  g_autofree char *file = g_strconcat (document, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "events", file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  if (length != NULL)
    *length = len;
  return contents;
}

/* Parses with a plain JsonParser (no limits: what a caller of
 * trigger_json() would hand in). */
static JsonNode *
parse_plain (const char *text,
             gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
load_node (const char *document)
{
  g_autofree char *text = load_text (document, NULL);

  return parse_plain (text, -1);
}

/* json-glib's compact generator output */
static char *
compact (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
compact_text (const char *json)
{
  g_autoptr(JsonNode) node = parse_plain (json, -1);

  return compact (node);
}

/* What trigger_json_data() wrote, read again: the library's own text
 * form is not json-glib's (numbers are written in their shortest form),
 * so texts are compared as json-glib writes what they hold. The text must
 * be JSON the dispatcher reads back. */
static char *
canonical (const char *text)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) strict = NULL;

  g_assert_nonnull (text);
  strict = mibew_event_dispatcher_parse_json (d, text, -1, &error);
  g_assert_no_error (error);
  return compact (strict);
}

#define assert_text_is(text, expected) \
  G_STMT_START { \
    g_autofree char *canonical_ = canonical (text); \
    g_assert_cmpstr (canonical_, ==, (expected)); \
  } G_STMT_END

/* The member names of @object, in order. */
static GPtrArray *
member_names (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, NULL))
    g_ptr_array_add (names, (gpointer) key);
  return names;
}

static void
assert_same_names (JsonObject *in,
                   JsonObject *out)
{
  g_autoptr(GPtrArray) a = member_names (in);
  g_autoptr(GPtrArray) b = member_names (out);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (strcmp (strv[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* The keys of @in and @out are the same, in the same order; the members
 * named in @changed differ, every other one is byte-identical. */
static void
assert_only_changed (JsonNode           *in,
                     JsonNode           *out,
                     const char * const *changed)
{
  JsonObject *io;
  JsonObject *oo;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (in));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (out));
  io = json_node_get_object (in);
  oo = json_node_get_object (out);
  assert_same_names (io, oo);

  json_object_iter_init_ordered (&iter, io);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *a = compact (member);
      g_autofree char *b = compact (json_object_get_member (oo, key));

      if (strv_has (changed, key))
        g_assert_cmpstr (a, !=, b);
      else
        {
          g_assert_cmpstr (a, ==, b);
          g_assert_true (json_node_equal (member, json_object_get_member (oo, key)));
        }
    }
}

/* @out holds @in's members, unchanged and in order, followed by the
 * members of @added_json. */
static void
assert_object_extended (JsonObject *in,
                        JsonObject *out,
                        const char *added_json)
{
  g_autoptr(JsonNode) added = parse_plain (added_json, -1);
  g_autoptr(JsonObject) expected = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  g_autoptr(JsonNode) expected_node = NULL;
  g_autoptr(JsonNode) out_node = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  json_object_iter_init_ordered (&iter, in);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    json_object_set_member (expected, key, json_node_copy (member));
  json_object_iter_init_ordered (&iter, json_node_get_object (added));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_assert_false (json_object_has_member (in, key));
      json_object_set_member (expected, key, json_node_copy (member));
    }
  expected_node = json_node_init_object (json_node_alloc (), expected);
  out_node = json_node_init_object (json_node_alloc (), out);
  a = compact (expected_node);
  b = compact (out_node);
  g_assert_cmpstr (b, ==, a);
}

/* @out holds @in's elements, unchanged, followed by those of @added_json. */
static void
assert_array_extended (JsonArray  *in,
                       JsonArray  *out,
                       const char *added_json)
{
  g_autoptr(JsonNode) added = parse_plain (added_json, -1);
  JsonArray *extra = json_node_get_array (added);
  guint n = json_array_get_length (in);

  g_assert_cmpuint (json_array_get_length (out), ==, n + json_array_get_length (extra));
  for (guint i = 0; i < json_array_get_length (out); i++)
    {
      g_autofree char *a = compact (i < n ? json_array_get_element (in, i)
                                          : json_array_get_element (extra, i - n));
      g_autofree char *b = compact (json_array_get_element (out, i));

      g_assert_cmpstr (b, ==, a);
    }
}

static JsonObject *
object_member (JsonNode   *node,
               const char *key)
{
  JsonNode *member = json_object_get_member (json_node_get_object (node), key);

  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (member));
  return json_node_get_object (member);
}

static JsonArray *
array_member (JsonNode   *node,
              const char *key)
{
  JsonNode *member = json_object_get_member (json_node_get_object (node), key);

  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (member));
  return json_node_get_array (member);
}

static char *
member_text (JsonNode   *node,
             const char *key)
{
  JsonNode *member = json_object_get_member (json_node_get_object (node), key);

  g_assert_nonnull (member);
  return compact (member);
}

/* An integer from a number or a numeric string, as Mibew sends them. */
static gint64
loose_int (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return json_node_get_int (node);
}

/* json-glib has no json_array_set_element(), and re-initializing a node
 * that held an object corrupts json-glib 1.6's heap: rebuild the array
 * held by @array_node with @replacement at @index (removed if %NULL). */
static void
replace_element (JsonNode *array_node,
                 guint     index,
                 JsonNode *replacement)
{
  JsonArray *array = json_node_get_array (array_node);
  JsonArray *copy = json_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (i != index)
      json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
    else if (replacement != NULL)
      json_array_add_element (copy, json_node_copy (replacement));
  json_node_take_array (array_node, copy);
}

/* Sets the member at @path ("messages[2].kind") to the JSON @value, or
 * removes it if @value is %NULL. */
static void
mutate (JsonNode   *root,
        const char *path,
        const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  g_autoptr(JsonNode) replacement = value != NULL ? parse_plain (value, -1) : NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');
      g_autofree char *key = bracket != NULL ? g_strndup (parts[i], bracket - parts[i]) : g_strdup (parts[i]);
      gboolean last_key = parts[i + 1] == NULL && bracket == NULL;
      JsonObject *object;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);
      if (last_key)
        {
          if (replacement == NULL)
            {
              g_assert_true (json_object_has_member (object, key));
              json_object_remove_member (object, key);
            }
          else
            json_object_set_member (object, key, json_node_ref (replacement));
          return;
        }
      node = json_object_get_member (object, key);
      g_assert_nonnull (node);
      while (bracket != NULL)
        {
          guint index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          JsonArray *array;

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          array = json_node_get_array (node);
          g_assert_cmpuint (index, <, json_array_get_length (array));
          bracket = strchr (bracket + 1, '[');
          if (bracket == NULL && parts[i + 1] == NULL)
            {
              replace_element (node, index, replacement);
              return;
            }
          node = json_array_get_element (array, index);
        }
    }
  g_assert_not_reached ();
}

/* ---------------------------------------------------------------------- */
/* listeners                                                              */

typedef struct
{
  int calls;
} Counter;

static gpointer
count_listener (MibewEventEmitter *emitter,
                MibewEventArgs    *args,
                gpointer           data)
{
  Counter *counter = data;

  g_assert_true (MIBEW_IS_EVENT_EMITTER (emitter));
  g_assert_true (MIBEW_IS_EVENT_ARGS (args));
  counter->calls++;
  return NULL;
}

/* One counting listener on every event: any emission at all shows. */
static void
attach_counter_everywhere (MibewEventDispatcher *d,
                           Counter              *counter)
{
  const char * const *names = mibew_event_dispatcher_list_events ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      guint id = mibew_event_dispatcher_attach_func (d, names[i], 0, count_listener, counter, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (id, !=, 0);
    }
}

/* ---------------------------------------------------------------------- */
/* 1. every sample document round-trips byte for byte                     */

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = load_text (name, &length);
  g_autoptr(JsonNode) node = parse_plain (text, length);
  g_autofree char *expected = compact (node);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  GType args_type = G_TYPE_INVALID;

  g_assert_true (mibew_event_dispatcher_describe_event (name, NULL, NULL, NULL, &args_type));

  /* text in, text out */
  out = mibew_event_dispatcher_trigger_json_data (d, name, text, length, &error);
  g_assert_no_error (error);
  assert_text_is (out, expected);
  /* nul-terminated input, a second time on the same dispatcher */
  again = mibew_event_dispatcher_trigger_json_data (d, name, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, out);
  /* the output in again: the same bytes out */
  {
    g_autofree char *fixed = mibew_event_dispatcher_trigger_json_data (d, name, out, -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fixed, ==, out);
  }

  /* decoded and encoded again without an emission (the bridge's echo of
   * an event nobody listens to): the same bytes */
  {
    g_autoptr(MibewEventArgs) args = mibew_event_dispatcher_decode_json_data (d, name, text, length, &error);
    g_autofree char *s = NULL;

    g_assert_no_error (error);
    g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (args, args_type));
    s = mibew_event_dispatcher_encode_json_data (d, args);
    g_assert_cmpstr (s, ==, out);
  }

  /* the dispatcher's own parser gives the same tree */
  {
    g_autoptr(JsonNode) parsed = mibew_event_dispatcher_parse_json (d, text, length, &error);
    g_autofree char *s = NULL;

    g_assert_no_error (error);
    s = compact (parsed);
    g_assert_cmpstr (s, ==, expected);
  }

  /* node in, node out; the caller's node is not touched */
  {
    g_autoptr(JsonNode) result = mibew_event_dispatcher_trigger_json (d, name, node, &error);
    g_autofree char *s = NULL;
    g_autofree char *in_after = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (result);
    s = compact (result);
    g_assert_cmpstr (s, ==, expected);
    in_after = compact (node);
    g_assert_cmpstr (in_after, ==, expected);
    g_assert_true (result != node);
  }

  /* decode, encode */
  {
    g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json (name, node, &error);
    g_autoptr(JsonNode) first = NULL;
    g_autoptr(JsonNode) second = NULL;
    g_autofree char *s1 = NULL;
    g_autofree char *s2 = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (args);
    g_assert_true (G_OBJECT_TYPE (args) == args_type);
    g_assert_cmpstr (mibew_event_args_get_event_name (args), ==, name);
    first = mibew_event_args_to_json (args);
    s1 = compact (first);
    g_assert_cmpstr (s1, ==, expected);

    /* the result is the caller's: changing it changes nothing in @args */
    if (JSON_NODE_HOLDS_OBJECT (first))
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_set_string_member (json_node_get_object (first), "x_scribble", "x");
        json_object_iter_init (&iter, json_node_get_object (first));
        while (json_object_iter_next (&iter, NULL, &member))
          if (JSON_NODE_HOLDS_OBJECT (member))
            json_object_set_int_member (json_node_get_object (member), "x_scribble", 1);
          else if (JSON_NODE_HOLDS_ARRAY (member))
            json_array_add_null_element (json_node_get_array (member));
      }
    second = mibew_event_args_to_json (args);
    s2 = compact (second);
    g_assert_cmpstr (s2, ==, expected);
  }
}

static void
test_round_trip_catalogue (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "events", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *file;
  guint n_json = 0;

  /* one sample per event, no sample for anything else */
  g_assert_cmpuint (g_strv_length ((char **) names), ==, N_EVENTS);
  g_assert_nonnull (listing);
  while ((file = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (file, ".json"))
      {
        g_autofree char *event = g_strndup (file, strlen (file) - strlen (".json"));

        g_assert_true (strv_has (names, event));
        n_json++;
      }
  g_assert_cmpuint (n_json, ==, N_EVENTS);
}

/* ---------------------------------------------------------------------- */
/* 2. one listener per alter, out and call event                          */

#define BUTTON_SUFFIX "<!-- acme: tracked -->"
#define NEW_CSS "plugins/Acme/Fancy/css/fancy.css"
#define NEW_JS "window.acmeFancy = { greeting: \"Grüß Gott\" };"
#define NEW_BODY_PREFIX "[übersetzt] "
#define NEW_PLUGINS "{\"acmeFancy\": {\"color\": \"#c0ffee\", \"sound\": true, \"locales\": [\"de\", \"ru\"]}}"
#define NEW_OPERATOR \
  "{\"operatorid\": 3, \"vclogin\": \"olga\", \"vclocalename\": \"Ольга Смирнова\"," \
  " \"vccommonname\": \"Olga Smirnova\", \"vcemail\": \"olga@example.com\", \"istatus\": 0," \
  " \"idisabled\": 0, \"iperm\": 65535, \"code\": \"\"}"
#define NEW_403 \
  "{\"status\": 403, \"headers\": {\"content-type\": \"text/html; charset=utf-8\"}," \
  " \"content\": \"<h1>Zugriff verweigert</h1>\"}"
#define NEW_404 \
  "{\"status\": 404, \"headers\": {\"content-type\": \"text/html; charset=utf-8\"}," \
  " \"content\": \"<h1>Seite nicht gefunden – 页面未找到</h1>\"}"
#define NEW_VISITORS \
  "[{\"id\": 1187, \"userId\": \"1764000301.8123475042\", \"userName\": \"Jürgen Weiß\"," \
  " \"userAgent\": \"Chrome 131.0\", \"userIp\": \"203.0.113.54\", \"remote\": \"203.0.113.54\"," \
  " \"firstTime\": 1764000120, \"lastTime\": 1764000871, \"invitations\": 0, \"chats\": 1," \
  " \"invitationInfo\": false, \"x_source\": \"redis\"}," \
  " {\"id\": \"1190\", \"userId\": \"1763999874.4471190236\", \"userName\": \"Гость\"," \
  " \"userAgent\": \"Yandex Browser 24.10\", \"userIp\": \"198.51.100.142\", \"remote\": \"198.51.100.142\"," \
  " \"firstTime\": 1763999874, \"lastTime\": 1764001231, \"invitations\": 1, \"chats\": 0," \
  " \"invitationInfo\": {\"time\": 1764001205, \"agentName\": \"Olga Smirnova\"}}]"
#define NEW_MESSAGE \
  "{\"id\": 120460, \"kind\": 4, \"created\": 1764000900, \"name\": \"\"," \
  " \"message\": \"Der Chat wird aufgezeichnet.\", \"plugin\": \"Acme:Notice\", \"data\": null}"
#define NEW_THREAD_RESULTS "{\"time\": 1764000871.25}"
#define NEW_USERS_RESULTS "{\"geoInfo\": {\"country\": \"DE\", \"city\": \"München\", \"lat\": 48.1372}}"
#define NEW_ROUTE \
  "{\"acme_fancy\": {\"path\": \"/acme/fancy/{id}\"," \
  " \"defaults\": {\"_controller\": \"Acme\\\\Fancy\\\\Controller::indexAction\"}," \
  " \"requirements\": {\"id\": \"\\\\d+\"}, \"methods\": [\"GET\", \"POST\"]}}"

static JsonObject *
object_from_text (const char *json)
{
  g_autoptr(JsonNode) node = parse_plain (json, -1);

  return json_object_ref (json_node_get_object (node));
}

static MibewRecord *
record_from_text (GType       type,
                  const char *json)
{
  g_autoptr(JsonObject) object = object_from_text (json);
  g_autoptr(GError) error = NULL;
  MibewRecord *record = mibew_record_from_json (type, object, &error);

  g_assert_no_error (error);
  return record;
}

static gpointer
change_button (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewButtonFragment *button = mibew_button_args_get_button (MIBEW_BUTTON_ARGS (args));
  g_autofree char *html = g_strconcat (mibew_button_fragment_get_html (button), BUTTON_SUFFIX, NULL);

  ((Counter *) data)->calls++;
  return mibew_button_fragment_new (html);
}

static void
check_button (JsonNode *in, JsonNode *out)
{
  JsonNode *a = json_object_get_member (json_node_get_object (in), "button");
  JsonNode *b = json_object_get_member (json_node_get_object (out), "button");
  g_autofree char *expected = g_strconcat (json_node_get_string (a), BUTTON_SUFFIX, NULL);

  g_assert_cmpstr (json_node_get_string (b), ==, expected);
}

static gpointer
change_css (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewAssetList *list = mibew_asset_list_new ();

  g_assert_cmpstr (mibew_event_args_get_event_name (args), ==, "pageAddCss");
  mibew_asset_list_add_url (list, NEW_CSS);
  ((Counter *) data)->calls++;
  return list;
}

static gpointer
change_js (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewAssetList *list = mibew_asset_list_new ();

  g_assert_cmpstr (mibew_event_args_get_event_name (args), ==, "pageAddJs");
  mibew_asset_list_add_inline (list, NEW_JS, 900);
  ((Counter *) data)->calls++;
  return list;
}

/* The first items are the same assets as before (the list is written in
 * the object form once it changed), the last one is the new asset. */
static void
check_assets (JsonNode   *in,
              JsonNode   *out,
              const char *key,
              const char *added_json)
{
  JsonArray *a = array_member (in, key);
  JsonArray *b = array_member (out, key);
  guint n = json_array_get_length (a);
  g_autofree char *added = compact_text (added_json);
  g_autofree char *last = NULL;

  g_assert_cmpuint (json_array_get_length (b), ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewAsset) x = mibew_asset_new_from_json (json_array_get_element (a, i), &error);
      g_autoptr(MibewAsset) y = NULL;

      g_assert_no_error (error);
      y = mibew_asset_new_from_json (json_array_get_element (b, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mibew_asset_get_content (x), ==, mibew_asset_get_content (y));
      g_assert_cmpint (mibew_asset_get_asset_type (x), ==, mibew_asset_get_asset_type (y));
      g_assert_cmpint (mibew_asset_get_weight (x), ==, mibew_asset_get_weight (y));
    }
  last = compact (json_array_get_element (b, n));
  g_assert_cmpstr (last, ==, added);
}

static void
check_css (JsonNode *in, JsonNode *out)
{
  check_assets (in, out, "css", "{\"content\": \"" NEW_CSS "\", \"type\": \"relative\", \"weight\": 500}");
}

static void
check_js (JsonNode *in, JsonNode *out)
{
  check_assets (in, out, "js",
                "{\"content\": \"window.acmeFancy = { greeting: \\\"Grüß Gott\\\" };\","
                " \"type\": \"inline\", \"weight\": 900}");
}

static gpointer
change_plugins (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  ((Counter *) data)->calls++;
  return object_from_text (NEW_PLUGINS);
}

static void
check_plugins (JsonNode *in, JsonNode *out)
{
  assert_object_extended (object_member (in, "plugins"), object_member (out, "plugins"), NEW_PLUGINS);
}

/* in place, as a PHP listener changes $args['routes'] */
static gpointer
change_routes (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewRouteCollection *routes = mibew_routes_args_get_routes (MIBEW_ROUTES_ARGS (args));
  g_autoptr(JsonObject) defaults = object_from_text ("{\"_controller\": \"Acme\\\\Fancy\\\\Controller::indexAction\"}");
  g_autoptr(JsonObject) requirements = object_from_text ("{\"id\": \"\\\\d+\"}");
  const char * const methods[] = { "GET", "POST", NULL };

  g_assert_cmpuint (mibew_route_collection_get_n_routes (routes), ==, 15);
  mibew_route_collection_add_route (routes, "acme_fancy", "/acme/fancy/{id}", defaults, requirements, methods);
  ((Counter *) data)->calls++;
  return NULL;
}

static void
check_routes (JsonNode *in, JsonNode *out)
{
  assert_object_extended (object_member (in, "routes"), object_member (out, "routes"), NEW_ROUTE);
}

static gpointer
change_post_message (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewPostMessageArgs *pm = MIBEW_POST_MESSAGE_ARGS (args);

  g_assert_cmpint (mibew_post_message_args_get_message_kind (pm), ==, MIBEW_MESSAGE_KIND_AGENT);
  mibew_post_message_args_set_message_kind (pm, MIBEW_MESSAGE_KIND_INFO);
  ((Counter *) data)->calls++;
  return g_strconcat (NEW_BODY_PREFIX, mibew_post_message_args_get_message_body (pm), NULL);
}

static void
check_post_message (JsonNode *in, JsonNode *out)
{
  JsonObject *a = json_node_get_object (in);
  JsonObject *b = json_node_get_object (out);
  g_autofree char *body = g_strconcat (NEW_BODY_PREFIX, json_object_get_string_member (a, "message_body"), NULL);

  g_assert_cmpstr (json_object_get_string_member (b, "message_body"), ==, body);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (b, "message_kind")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (b, "message_kind"), ==, MIBEW_MESSAGE_KIND_INFO);
}

/* a new list: the visitor does not see the messages for operators, and a
 * notice is added */
static gpointer
change_messages (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  GListModel *messages = G_LIST_MODEL (mibew_messages_args_get_messages (MIBEW_MESSAGES_ARGS (args)));
  GListStore *store = g_list_store_new (MIBEW_TYPE_MESSAGE);
  g_autoptr(MibewRecord) notice = record_from_text (MIBEW_TYPE_MESSAGE, NEW_MESSAGE);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(MibewRecord) message = g_list_model_get_item (messages, i);

      if (mibew_record_get_int (message, "kind") != MIBEW_MESSAGE_KIND_FOR_AGENT)
        g_list_store_append (store, message);
    }
  g_list_store_append (store, notice);
  ((Counter *) data)->calls++;
  return store;
}

static void
check_messages (JsonNode *in, JsonNode *out)
{
  JsonArray *a = array_member (in, "messages");
  JsonArray *b = array_member (out, "messages");
  g_autoptr(JsonArray) expected = json_array_new ();
  g_autoptr(JsonNode) expected_node = NULL;
  g_autoptr(JsonNode) out_node = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  guint hidden = 0;

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *m = json_array_get_element (a, i);

      if (loose_int (json_object_get_member (json_node_get_object (m), "kind")) != MIBEW_MESSAGE_KIND_FOR_AGENT)
        json_array_add_element (expected, json_node_copy (m));
      else
        hidden++;
    }
  g_assert_cmpuint (hidden, >, 0);
  json_array_add_element (expected, parse_plain (NEW_MESSAGE, -1));
  expected_node = json_node_init_array (json_node_alloc (), expected);
  out_node = json_node_init_array (json_node_alloc (), b);
  x = compact (expected_node);
  y = compact (out_node);
  g_assert_cmpstr (y, ==, x);
}

/* set, not returned: the threads still loading are hidden */
static gpointer
change_threads (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewListThreadsArgs *ta = MIBEW_LIST_THREADS_ARGS (args);
  GListModel *threads = G_LIST_MODEL (mibew_list_threads_args_get_threads (ta));
  g_autoptr(GListStore) store = g_list_store_new (MIBEW_TYPE_LIST_THREAD);

  for (guint i = 0; i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(MibewRecord) thread = g_list_model_get_item (threads, i);

      if (mibew_record_get_int (thread, "state") != MIBEW_THREAD_STATE_LOADING)
        g_list_store_append (store, thread);
    }
  mibew_list_threads_args_set_threads (ta, store);
  ((Counter *) data)->calls++;
  return NULL;
}

static void
check_threads (JsonNode *in, JsonNode *out)
{
  JsonArray *a = array_member (in, "threads");
  JsonArray *b = array_member (out, "threads");
  guint k = 0;

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *t = json_array_get_element (a, i);
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      if (loose_int (json_object_get_member (json_node_get_object (t), "state")) == MIBEW_THREAD_STATE_LOADING)
        continue;
      g_assert_cmpuint (k, <, json_array_get_length (b));
      x = compact (t);
      y = compact (json_array_get_element (b, k++));
      /* geo, x_plugin_flag, numeric strings: all as they came */
      g_assert_cmpstr (y, ==, x);
    }
  g_assert_cmpuint (k, ==, json_array_get_length (b));
  g_assert_cmpuint (k, <, json_array_get_length (a));
}

/* in place: every visitor gains a plugin's key */
static gpointer
change_visitors (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  GListModel *visitors = G_LIST_MODEL (mibew_list_visitors_args_get_visitors (MIBEW_LIST_VISITORS_ARGS (args)));

  for (guint i = 0; i < g_list_model_get_n_items (visitors); i++)
    {
      g_autoptr(MibewRecord) visitor = g_list_model_get_item (visitors, i);
      g_autoptr(JsonNode) score = json_node_init_int (json_node_alloc (), i * 10);

      mibew_record_set_member (visitor, "x_acme_score", score);
    }
  ((Counter *) data)->calls++;
  return NULL;
}

static void
check_visitors (JsonNode *in, JsonNode *out)
{
  JsonArray *a = array_member (in, "visitors");
  JsonArray *b = array_member (out, "visitors");

  g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      g_autofree char *added = g_strdup_printf ("{\"x_acme_score\": %u}", i * 10);

      assert_object_extended (json_node_get_object (json_array_get_element (a, i)),
                              json_node_get_object (json_array_get_element (b, i)), added);
    }
}

/* in place, as the seed's usefulFunc example */
static gpointer
change_widget (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewWidgetResponse *response = mibew_widget_response_args_get_response (MIBEW_WIDGET_RESPONSE_ARGS (args));
  const char * const deps[] = { "acme_fancy", NULL };
  g_autoptr(JsonNode) value = parse_plain ("{\"greeting\": \"Привет\", \"delay\": 1500}", -1);

  mibew_widget_response_add_load (response, "acme_fancy", "https://chat.example.com/plugins/Acme/Fancy/js/fancy.js");
  mibew_widget_response_add_handler (response, "acmeFancy");
  mibew_widget_response_set_dependencies (response, "acmeFancy", deps);
  mibew_widget_response_set_data (response, "acmeFancy", value);
  ((Counter *) data)->calls++;
  return NULL;
}

static void
check_widget (JsonNode *in, JsonNode *out)
{
  JsonObject *a = object_member (in, "response");
  JsonObject *b = object_member (out, "response");

  assert_same_names (a, b);
  assert_object_extended (json_object_get_object_member (a, "load"), json_object_get_object_member (b, "load"),
                          "{\"acme_fancy\": \"https://chat.example.com/plugins/Acme/Fancy/js/fancy.js\"}");
  assert_array_extended (json_object_get_array_member (a, "handlers"), json_object_get_array_member (b, "handlers"),
                         "[\"acmeFancy\"]");
  assert_object_extended (json_object_get_object_member (a, "dependencies"),
                          json_object_get_object_member (b, "dependencies"),
                          "{\"acmeFancy\": [\"acme_fancy\"]}");
  assert_object_extended (json_object_get_object_member (a, "data"), json_object_get_object_member (b, "data"),
                          "{\"acmeFancy\": {\"greeting\": \"Привет\", \"delay\": 1500}}");
}

/* the SSO header says who it is */
static gpointer
answer_operator (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewAuthenticateArgs *aa = MIBEW_AUTHENTICATE_ARGS (args);
  JsonObject *headers = mibew_record_get_object (MIBEW_RECORD (mibew_authenticate_args_get_request (aa)), "headers");

  g_assert_null (mibew_authenticate_args_get_operator (aa));
  g_assert_nonnull (headers);
  g_assert_cmpstr (json_object_get_string_member (headers, "x-remote-user"), ==, "olga");
  ((Counter *) data)->calls++;
  return record_from_text (MIBEW_TYPE_OPERATOR, NEW_OPERATOR);
}

static gpointer
answer_403 (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  g_assert_null (mibew_resource_args_get_response (MIBEW_RESOURCE_ARGS (args)));
  ((Counter *) data)->calls++;
  return record_from_text (MIBEW_TYPE_RESPONSE, NEW_403);
}

static gpointer
answer_404 (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  g_assert_null (mibew_resource_args_get_response (MIBEW_RESOURCE_ARGS (args)));
  ((Counter *) data)->calls++;
  return record_from_text (MIBEW_TYPE_RESPONSE, NEW_404);
}

static gpointer
answer_visitors (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  g_autoptr(JsonNode) list = parse_plain (NEW_VISITORS, -1);
  JsonArray *array = json_node_get_array (list);
  GListStore *store = g_list_store_new (MIBEW_TYPE_LIST_VISITOR);

  g_assert_null (mibew_list_visitors_args_get_visitors (MIBEW_LIST_VISITORS_ARGS (args)));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewRecord) visitor = mibew_record_from_json (MIBEW_TYPE_LIST_VISITOR,
                                                               json_array_get_object_element (array, i), &error);

      g_assert_no_error (error);
      g_list_store_append (store, visitor);
    }
  ((Counter *) data)->calls++;
  return store;
}

static gpointer
answer_thread_call (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewFunctionCallArgs *fa = MIBEW_FUNCTION_CALL_ARGS (args);

  g_assert_cmpstr (mibew_function_call_args_get_function (fa), ==, "microtime");
  ((Counter *) data)->calls++;
  return object_from_text (NEW_THREAD_RESULTS);
}

static gpointer
answer_users_call (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewFunctionCallArgs *fa = MIBEW_FUNCTION_CALL_ARGS (args);

  g_assert_cmpstr (mibew_function_call_args_get_function (fa), ==, "googleMapsGetInfo");
  ((Counter *) data)->calls++;
  return object_from_text (NEW_USERS_RESULTS);
}

static void
check_thread_call (JsonNode *in, JsonNode *out)
{
  /* {} gains the listener's key */
  assert_object_extended (object_member (in, "results"), object_member (out, "results"), NEW_THREAD_RESULTS);
  g_assert_cmpuint (json_object_get_size (object_member (in, "results")), ==, 0);
}

static void
check_users_call (JsonNode *in, JsonNode *out)
{
  /* the core's errorCode stays, first */
  assert_object_extended (object_member (in, "results"), object_member (out, "results"), NEW_USERS_RESULTS);
  g_assert_true (json_object_has_member (object_member (out, "results"), "errorCode"));
}

typedef struct
{
  const char *event;
  const char *kind;       /* as mibew_event_dispatcher_get_event_description() says */
  const char *fold;
  const char *answer;
  const char *changed[3]; /* the top-level keys that must differ */
  MibewListenerFunc listener;
  const char *expected;   /* the answer key's new value, or NULL */
  void (*check) (JsonNode *in, JsonNode *out);
} Change;

static const Change changes[] = {
  { "buttonGenerate", "alter", "chain", "button", { "button" }, change_button, NULL, check_button },
  { "operatorAuthenticate", "out", "first-wins", "operator", { "operator" }, answer_operator, NEW_OPERATOR, NULL },
  { "pageAddCss", "alter", "append", "css", { "css" }, change_css, NULL, check_css },
  { "pageAddJs", "alter", "append", "js", { "js" }, change_js, NULL, check_js },
  { "pageAddJsPluginOptions", "alter", "merge", "plugins", { "plugins" }, change_plugins, NULL, check_plugins },
  { "resourceAccessDenied", "out", "first-wins", "response", { "response" }, answer_403, NEW_403, NULL },
  { "resourceNotFound", "out", "first-wins", "response", { "response" }, answer_404, NEW_404, NULL },
  { "routesAlter", "alter", "chain", "routes", { "routes" }, change_routes, NULL, check_routes },
  { "threadFunctionCall", "call", "merge", "results", { "results" }, answer_thread_call, NULL, check_thread_call },
  { "threadPostMessage", "alter", "chain", "message_body", { "message_body", "message_kind" },
    change_post_message, NULL, check_post_message },
  { "threadGetMessagesAlter", "alter", "chain", "messages", { "messages" }, change_messages, NULL, check_messages },
  { "usersUpdateThreadsAlter", "alter", "chain", "threads", { "threads" }, change_threads, NULL, check_threads },
  { "usersUpdateVisitorsLoad", "out", "first-wins", "visitors", { "visitors" }, answer_visitors, NEW_VISITORS, NULL },
  { "usersUpdateVisitorsAlter", "alter", "chain", "visitors", { "visitors" }, change_visitors, NULL, check_visitors },
  { "usersFunctionCall", "call", "merge", "results", { "results" }, answer_users_call, NULL, check_users_call },
  { "widgetResponseAlter", "alter", "chain", "response", { "response" }, change_widget, NULL, check_widget },
};

static const Change *
find_change (const char *event)
{
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (strcmp (changes[i].event, event) == 0)
      return &changes[i];
  return NULL;
}

/* The table above covers exactly the events that are not notify events,
 * with the kind, fold and answer key the library describes. */
static void
test_change_catalogue (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  guint n_answering = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) description = mibew_event_dispatcher_get_event_description (names[i], &error);
      JsonObject *o;
      const Change *c = find_change (names[i]);
      MibewEventKind kind;

      g_assert_no_error (error);
      o = json_node_get_object (description);
      g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, names[i]);
      g_assert_true (mibew_event_dispatcher_describe_event (names[i], NULL, NULL, &kind, NULL));
      if (strcmp (json_object_get_string_member (o, "kind"), "notify") == 0)
        {
          g_assert_null (c);
          g_assert_cmpint (kind, ==, MIBEW_EVENT_KIND_NOTIFY);
          g_assert_cmpstr (json_object_get_string_member (o, "fold"), ==, "none");
          g_assert_true (json_object_get_null_member (o, "answer"));
          continue;
        }
      n_answering++;
      g_assert_nonnull (c);
      g_assert_cmpint (kind, !=, MIBEW_EVENT_KIND_NOTIFY);
      g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, c->kind);
      g_assert_cmpstr (json_object_get_string_member (o, "fold"), ==, c->fold);
      g_assert_cmpstr (json_object_get_string_member (o, "answer"), ==, c->answer);
      g_assert_true (strv_has (c->changed, c->answer));
    }
  g_assert_cmpuint (n_answering, ==, G_N_ELEMENTS (changes));
}

static void
test_change (gconstpointer data)
{
  const Change *c = data;
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = load_text (c->event, &length);
  g_autoptr(JsonNode) in = parse_plain (text, length);
  g_autofree char *in_text = compact (in);
  g_autofree char *out_text = NULL;
  g_autoptr(JsonNode) out = NULL;
  Counter counter = { 0 };
  guint id;

  id = mibew_event_dispatcher_attach_func (d, c->event, 0, c->listener, &counter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (id, !=, 0);

  /* text */
  out_text = mibew_event_dispatcher_trigger_json_data (d, c->event, text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out_text);
  g_assert_cmpint (counter.calls, ==, 1);
  {
    g_autoptr(JsonNode) from_text = parse_plain (out_text, -1);

    assert_only_changed (in, from_text, c->changed);
    if (c->expected != NULL)
      {
        g_autofree char *x = compact_text (c->expected);
        g_autofree char *y = member_text (from_text, c->answer);

        g_assert_cmpstr (y, ==, x);
      }
    if (c->check != NULL)
      c->check (in, from_text);
  }

  /* node: the same result, the caller's node untouched */
  out = mibew_event_dispatcher_trigger_json (d, c->event, in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counter.calls, ==, 2);
  {
    g_autofree char *s = compact (out);
    g_autofree char *in_after = compact (in);

    assert_text_is (out_text, s);
    g_assert_cmpstr (in_after, ==, in_text);
  }

  /* decoded, triggered and encoded in three steps (as the bridge does):
   * the same text */
  {
    g_autoptr(MibewEventArgs) args = mibew_event_dispatcher_decode_json_data (d, c->event, text, length,
                                                                              &error);
    g_autofree char *s = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (args);
    g_assert_cmpstr (mibew_event_args_get_event_name (args), ==, c->event);
    g_assert_true (mibew_event_dispatcher_trigger (d, c->event, args, &error));
    g_assert_no_error (error);
    g_assert_cmpint (counter.calls, ==, 3);
    s = mibew_event_dispatcher_encode_json_data (d, args);
    g_assert_cmpstr (s, ==, out_text);
    /* writing shares the arguments' tree but leaves them as they were */
    g_free (s);
    s = mibew_event_dispatcher_encode_json_data (d, args);
    g_assert_cmpstr (s, ==, out_text);
  }

  /* detached, the document comes back as it came */
  g_assert_true (mibew_event_dispatcher_detach_listener (d, c->event, id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *s = mibew_event_dispatcher_trigger_json_data (d, c->event, text, length, &error);

    g_assert_no_error (error);
    assert_text_is (s, in_text);
    g_assert_cmpint (counter.calls, ==, 3);
  }
}

/* ---------------------------------------------------------------------- */
/* first-wins, chain, merge, append, false placeholders                   */

typedef struct
{
  const char *event;
  const char *answer;
  MibewListenerFunc answering;
} OutEvent;

static const OutEvent out_events[] = {
  { "operatorAuthenticate", "operator", answer_operator },
  { "resourceAccessDenied", "response", answer_403 },
  { "resourceNotFound", "response", answer_404 },
  { "usersUpdateVisitorsLoad", "visitors", answer_visitors },
};

static void
test_first_wins (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (out_events); i++)
    {
      const OutEvent *e = &out_events[i];
      const Change *c = find_change (e->event);
      g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = load_text (e->event, NULL);
      g_autofree char *out = NULL;
      g_autoptr(JsonNode) in = parse_plain (text, -1);
      g_autoptr(JsonNode) result = NULL;
      Counter before = { 0 }, answering = { 0 }, after = { 0 }, again = { 0 };
      const char * const changed[] = { e->answer, NULL };

      /* a listener that looks and does not answer, then one that answers,
       * then two that must not run */
      mibew_event_dispatcher_attach_func (d, e->event, -10, count_listener, &before, NULL, &error);
      g_assert_no_error (error);
      mibew_event_dispatcher_attach_func (d, e->event, 10, count_listener, &after, NULL, &error);
      g_assert_no_error (error);
      mibew_event_dispatcher_attach_func (d, e->event, 0, e->answering, &answering, NULL, &error);
      g_assert_no_error (error);
      /* the same answer again, later: it would change nothing, but it
       * must not even run */
      mibew_event_dispatcher_attach_func (d, e->event, 20, e->answering, &again, NULL, &error);
      g_assert_no_error (error);

      out = mibew_event_dispatcher_trigger_json_data (d, e->event, text, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (before.calls, ==, 1);
      g_assert_cmpint (answering.calls, ==, 1);
      g_assert_cmpint (after.calls, ==, 0);
      g_assert_cmpint (again.calls, ==, 0);
      result = parse_plain (out, -1);
      assert_only_changed (in, result, changed);
      {
        g_autofree char *x = compact_text (c->expected);
        g_autofree char *y = member_text (result, e->answer);

        g_assert_cmpstr (y, ==, x);
      }
    }
}

/* Nobody answers: Mibew's false placeholder comes back as false, and the
 * whole document as it came. */
static void
test_false_placeholders (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (out_events); i++)
    {
      const OutEvent *e = &out_events[i];
      g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = load_text (e->event, NULL);
      g_autoptr(JsonNode) in = parse_plain (text, -1);
      g_autofree char *expected = compact (in);
      g_autofree char *out = NULL;
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(MibewEventArgs) args = NULL;
      Counter a = { 0 }, b = { 0 };
      JsonNode *slot;

      slot = json_object_get_member (json_node_get_object (in), e->answer);
      g_assert_true (JSON_NODE_HOLDS_VALUE (slot) && json_node_get_value_type (slot) == G_TYPE_BOOLEAN);
      g_assert_false (json_node_get_boolean (slot));

      mibew_event_dispatcher_attach_func (d, e->event, 0, count_listener, &a, NULL, &error);
      g_assert_no_error (error);
      mibew_event_dispatcher_attach_func (d, e->event, 1, count_listener, &b, NULL, &error);
      g_assert_no_error (error);
      out = mibew_event_dispatcher_trigger_json_data (d, e->event, text, -1, &error);
      g_assert_no_error (error);
      /* nobody answered: everybody ran */
      g_assert_cmpint (a.calls, ==, 1);
      g_assert_cmpint (b.calls, ==, 1);
      assert_text_is (out, expected);
      result = parse_plain (out, -1);
      slot = json_object_get_member (json_node_get_object (result), e->answer);
      g_assert_true (JSON_NODE_HOLDS_VALUE (slot) && json_node_get_value_type (slot) == G_TYPE_BOOLEAN);
      g_assert_false (json_node_get_boolean (slot));

      /* null is read as "none" too, and comes back as null */
      json_object_set_null_member (json_node_get_object (in), e->answer);
      {
        g_autoptr(JsonNode) back = mibew_event_dispatcher_trigger_json (d, e->event, in, &error);

        g_assert_no_error (error);
        g_assert_true (json_object_get_null_member (json_node_get_object (back), e->answer));
      }

      /* the decoded argument is NULL, the property too */
      args = mibew_event_args_new_from_json (e->event, result, &error);
      g_assert_no_error (error);
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (args), e->answer);
        GValue value = G_VALUE_INIT;

        g_assert_nonnull (pspec);
        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (args), e->answer, &value);
        g_assert_null (g_value_get_object (&value));
        g_value_unset (&value);
      }
    }
}

static gpointer
chain_first (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewPostMessageArgs *pm = MIBEW_POST_MESSAGE_ARGS (args);

  ((Counter *) data)->calls++;
  return g_strconcat ("A:", mibew_post_message_args_get_message_body (pm), NULL);
}

static gpointer
chain_second (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewPostMessageArgs *pm = MIBEW_POST_MESSAGE_ARGS (args);

  /* sees the first one's change */
  g_assert_true (g_str_has_prefix (mibew_post_message_args_get_message_body (pm), "A:"));
  ((Counter *) data)->calls++;
  mibew_post_message_args_set_message_body (pm, "B");
  return NULL;
}

static gpointer
chain_third (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewPostMessageArgs *pm = MIBEW_POST_MESSAGE_ARGS (args);

  g_assert_cmpstr (mibew_post_message_args_get_message_body (pm), ==, "B");
  ((Counter *) data)->calls++;
  return g_strdup ("B:C");
}

static void
test_chain (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = load_text ("threadPostMessage", NULL);
  g_autoptr(JsonNode) in = parse_plain (text, -1);
  g_autoptr(JsonNode) out = NULL;
  Counter one = { 0 }, two = { 0 }, three = { 0 };
  const char * const changed[] = { "message_body", NULL };

  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 3, chain_third, &three, NULL, &error);
  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 1, chain_first, &one, NULL, &error);
  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 2, chain_second, &two, NULL, &error);
  g_assert_no_error (error);
  out = mibew_event_dispatcher_trigger_json (d, "threadPostMessage", in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (one.calls + two.calls + three.calls, ==, 3);
  assert_only_changed (in, out, changed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (out), "message_body"), ==, "B:C");
}

static gpointer
merge_first (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  ((Counter *) data)->calls++;
  return object_from_text ("{\"geoInfo\": {\"country\": \"??\"}, \"x_first\": 1}");
}

static gpointer
merge_second (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  JsonObject *results = mibew_function_call_args_get_results (MIBEW_FUNCTION_CALL_ARGS (args));

  /* the first one's keys are there already */
  g_assert_true (json_object_has_member (results, "x_first"));
  g_assert_true (json_object_has_member (results, "errorCode"));
  ((Counter *) data)->calls++;
  return object_from_text (NEW_USERS_RESULTS);
}

static void
test_merge (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = load_node ("usersFunctionCall");
  g_autoptr(JsonNode) out = NULL;
  Counter one = { 0 }, two = { 0 }, other = { 0 };
  const char * const changed[] = { "results", NULL };
  g_autofree char *results = NULL;
  g_autofree char *expected = compact_text ("{\"errorCode\": 0, \"geoInfo\": {\"country\": \"DE\", \"city\": \"München\","
                                            " \"lat\": 48.1372}, \"x_first\": 1}");

  mibew_event_dispatcher_attach_func (d, "usersFunctionCall", 0, merge_first, &one, NULL, &error);
  mibew_event_dispatcher_attach_func (d, "usersFunctionCall::googleMapsGetInfo", 1, merge_second, &two, NULL, &error);
  /* a listener for another function does not run */
  mibew_event_dispatcher_attach_func (d, "usersFunctionCall::microtime", 0, count_listener, &other, NULL, &error);
  g_assert_no_error (error);
  out = mibew_event_dispatcher_trigger_json (d, "usersFunctionCall", in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (one.calls, ==, 1);
  g_assert_cmpint (two.calls, ==, 1);
  g_assert_cmpint (other.calls, ==, 0);
  assert_only_changed (in, out, changed);
  /* the core's key stays, later keys win, new keys come last */
  results = member_text (out, "results");
  g_assert_cmpstr (results, ==, expected);
}

static gpointer
append_second (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  MibewAssetList *assets = mibew_assets_args_get_assets (MIBEW_ASSETS_ARGS (args));

  /* the core's 4 and the first listener's 1 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assets)), ==, 5);
  mibew_asset_list_add_url (assets, "plugins/Acme/Second/js/second.js");
  ((Counter *) data)->calls++;
  return NULL;
}

static void
test_append (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = load_node ("pageAddJs");
  g_autoptr(JsonNode) out = NULL;
  Counter one = { 0 }, two = { 0 };
  const char * const changed[] = { "js", NULL };
  JsonArray *js;
  g_autofree char *last = NULL;

  mibew_event_dispatcher_attach_func (d, "pageAddJs", 0, change_js, &one, NULL, &error);
  mibew_event_dispatcher_attach_func (d, "pageAddJs", 1, append_second, &two, NULL, &error);
  g_assert_no_error (error);
  out = mibew_event_dispatcher_trigger_json (d, "pageAddJs", in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (one.calls + two.calls, ==, 2);
  assert_only_changed (in, out, changed);
  js = array_member (out, "js");
  g_assert_cmpuint (json_array_get_length (js), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (js, 4), "content"), ==, NEW_JS);
  last = compact (json_array_get_element (js, 5));
  g_assert_cmpstr (last, ==, "{\"content\":\"plugins/Acme/Second/js/second.js\",\"type\":\"relative\",\"weight\":500}");
}

/* ---------------------------------------------------------------------- */
/* 3. lossless details                                                    */

static char *
trigger_text (MibewEventDispatcher *d,
              const char           *event,
              const char           *json)
{
  g_autoptr(GError) error = NULL;
  char *out = mibew_event_dispatcher_trigger_json_data (d, event, json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

static gpointer
shout_body (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  ((Counter *) data)->calls++;
  return g_utf8_strup (mibew_post_message_args_get_message_body (MIBEW_POST_MESSAGE_ARGS (args)), -1);
}

/* Keys nobody documents survive at every level, in their places, even
 * when a listener changes the document. */
static void
test_unknown_keys (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const char *doc =
    "{\"x_first\": {\"a\": [1, {\"b\": null}]},"
    " \"thread\": {\"x_in_thread\": \"vorne\", \"id\": 4821, \"state\": 2, \"x_deep\": {\"k\": [true, 1.5, \"€\"]},"
    "  \"messageCount\": \"4\"},"
    " \"message_kind\": 2, \"x_middle\": 0.25,"
    " \"message_body\": \"hallo\","
    " \"message_options\": {\"x_opt\": {\"n\": -0.5}, \"data\": {\"x_data\": []}},"
    " \"x_last\": [[], {}, \"\"]}";
  g_autofree char *expected = compact_text (doc);
  g_autofree char *out = NULL;
  g_autofree char *shouted = NULL;
  g_autoptr(JsonNode) in = parse_plain (doc, -1);
  g_autoptr(JsonNode) result = NULL;
  const char * const changed[] = { "message_body", NULL };
  Counter counter = { 0 };

  out = trigger_text (d, "threadPostMessage", doc);
  assert_text_is (out, expected);

  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 0, shout_body, &counter, NULL, NULL);
  shouted = trigger_text (d, "threadPostMessage", doc);
  g_assert_cmpint (counter.calls, ==, 1);
  result = parse_plain (shouted, -1);
  assert_only_changed (in, result, changed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "message_body"), ==, "HALLO");

  /* the samples' plugin keys */
  {
    g_autofree char *ban = load_text ("banCreate", NULL);
    g_autofree char *ban_out = trigger_text (d, "banCreate", ban);
    g_autoptr(JsonNode) ban_node = parse_plain (ban_out, -1);
    JsonObject *custom = object_member (ban_node, "x_custom");

    g_assert_cmpstr (json_object_get_string_member (custom, "source"), ==, "Acme:AutoBan");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (custom, "matched_threads")), ==, 3);
  }
}

static gpointer
detach_nothing (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  ((Counter *) data)->calls++;
  return NULL;
}

/* Members keep the document's order, not the field table's, at the top
 * level and in records, with a listener changing things or not. */
static void
test_member_order (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  const char *doc =
    "{\"message_options\": {\"z\": 1, \"a\": 2},"
    " \"message_body\": \"zuerst\","
    " \"thread\": {\"userAgent\": \"x\", \"state\": 2, \"id\": \"7\", \"agentTyping\": 0, \"userId\": \"u\"},"
    " \"message_kind\": \"1\"}";
  g_autofree char *expected = compact_text (doc);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) in = parse_plain (doc, -1);
  g_autoptr(JsonNode) result = NULL;
  const char * const changed[] = { "message_body", NULL };
  Counter counter = { 0 }, looker = { 0 };

  out = trigger_text (d, "threadPostMessage", doc);
  assert_text_is (out, expected);

  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 0, shout_body, &counter, NULL, NULL);
  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 1, detach_nothing, &looker, NULL, NULL);
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "threadPostMessage", doc);
  result = parse_plain (out, -1);
  assert_only_changed (in, result, changed);
  g_assert_true (g_str_has_prefix (out, "{\"message_options\":{\"z\":1,\"a\":2},\"message_body\":\"ZUERST\","
                                        "\"thread\":{\"userAgent\":\"x\",\"state\":2,\"id\":\"7\","));
  g_assert_true (g_str_has_suffix (out, "\"message_kind\":\"1\"}"));

  /* an optional argument that is absent stays absent */
  {
    g_autofree char *thread = compact_text ("{\"thread\": {\"id\": 1}}");
    g_autofree char *back = trigger_text (d, "threadCreate", thread);

    g_assert_cmpstr (back, ==, thread);
  }
}

static gpointer
set_id (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  gint64 *id = data;

  g_assert_cmpint (mibew_id_args_get_id (MIBEW_ID_ARGS (args)), ==, 5);
  mibew_id_args_set_id (MIBEW_ID_ARGS (args), *id);
  return NULL;
}

/* PHP's numeric strings stay strings unless a listener changes the value:
 * they are only read as numbers. */
static void
test_numeric_strings (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autofree char *messages = load_text ("threadGetMessagesAlter", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonNode *count;
  Counter counter = { 0 };
  gint64 id = 5;
  guint listener;

  /* a listener changes the messages; the thread's "4" stays "4" */
  mibew_event_dispatcher_attach_func (d, "threadGetMessagesAlter", 0, change_messages, &counter, NULL, NULL);
  out = trigger_text (d, "threadGetMessagesAlter", messages);
  g_assert_cmpint (counter.calls, ==, 1);
  result = parse_plain (out, -1);
  count = json_object_get_member (object_member (result, "thread"), "messageCount");
  g_assert_cmpint (json_node_get_value_type (count), ==, G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (count), ==, "4");

  /* a numeric string read by a listener as the number it is */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = load_node ("threadGetMessagesAlter");
    g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json ("threadGetMessagesAlter", node, &error);
    gint64 n = 0;

    g_assert_no_error (error);
    g_object_get (mibew_messages_args_get_thread (MIBEW_MESSAGES_ARGS (args)), "message-count", &n, NULL);
    g_assert_cmpint (n, ==, 4);
  }

  /* a top-level "5": the same value set again stays "5", another
   * value is a number */
  listener = mibew_event_dispatcher_attach_func (d, "groupDelete", 0, set_id, &id, NULL, NULL);
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "groupDelete", "{\"id\": \"5\"}");
  g_assert_cmpstr (out, ==, "{\"id\":\"5\"}");
  id = 6;
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "groupDelete", "{\"id\": \"5\"}");
  g_assert_cmpstr (out, ==, "{\"id\":6}");
  mibew_event_dispatcher_detach_listener (d, "groupDelete", listener, NULL);

  /* "2" for an enum, 1 and "0" for booleans, 1.0 for an integer */
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "operatorLogin", "{\"operator\": {\"operatorid\": \"3\"}, \"remember\": 1}");
  g_assert_cmpstr (out, ==, "{\"operator\":{\"operatorid\":\"3\"},\"remember\":1}");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "operatorLogin", "{\"operator\": {\"operatorid\": 3}, \"remember\": \"0\"}");
  g_assert_cmpstr (out, ==, "{\"operator\":{\"operatorid\":3},\"remember\":\"0\"}");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "threadDelete", "{\"id\": 1.0}");
  g_assert_cmpstr (out, ==, "{\"id\":1.0}");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "threadPostMessage",
                      "{\"thread\": {}, \"message_kind\": \"2\", \"message_body\": \"x\", \"message_options\": {}}");
  g_assert_cmpstr (out, ==, "{\"thread\":{},\"message_kind\":\"2\",\"message_body\":\"x\",\"message_options\":{}}");
}

/* null stays null: a visitor's threadid, a group's parent, a request's
 * body, a message's data */
static void
test_nulls (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  struct { const char *event; const char *path[3]; } nulls[] = {
    { "visitorCreate", { "visitor", "threadid" } },
    { "groupUpdate", { "group", "parent" } },
    { "operatorAuthenticate", { "request", "body" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nulls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) in = load_node (nulls[i].event);
      g_autoptr(JsonNode) out = mibew_event_dispatcher_trigger_json (d, nulls[i].event, in, &error);
      JsonObject *a;
      JsonObject *b;

      g_assert_no_error (error);
      a = object_member (in, nulls[i].path[0]);
      b = object_member (out, nulls[i].path[0]);
      g_assert_true (json_object_get_null_member (a, nulls[i].path[1]));
      g_assert_true (json_object_get_null_member (b, nulls[i].path[1]));
    }

  /* and with a listener that changes the messages around them */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) in = load_node ("threadGetMessagesAlter");
    g_autoptr(JsonNode) out = NULL;
    Counter counter = { 0 };
    JsonArray *messages;
    guint n_null = 0;

    mibew_event_dispatcher_attach_func (d, "threadGetMessagesAlter", 0, change_messages, &counter, NULL, NULL);
    out = mibew_event_dispatcher_trigger_json (d, "threadGetMessagesAlter", in, &error);
    g_assert_no_error (error);
    messages = array_member (out, "messages");
    for (guint k = 0; k < json_array_get_length (messages); k++)
      if (json_object_get_null_member (json_array_get_object_element (messages, k), "data"))
        n_null++;
    g_assert_cmpuint (n_null, >=, 2);
  }
}

/* PHP writes an empty array for an empty dictionary: [] comes back as []
 * unless a listener fills it. */
static void
test_php_empty_arrays (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autofree char *out = NULL;
  const char *call = "{\"request_processor\": {\"kind\": \"thread\"}, \"function\": \"microtime\","
                     " \"arguments\": [], \"results\": []}";
  g_autofree char *call_compact = compact_text (call);
  Counter counter = { 0 };

  /* the argument-less events: [] and {} both stay what they were */
  out = trigger_text (d, "operatorLogout", "[]");
  g_assert_cmpstr (out, ==, "[]");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "cronRun", "{}");
  g_assert_cmpstr (out, ==, "{}");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "cronRun", "[]");
  g_assert_cmpstr (out, ==, "[]");
  g_clear_pointer (&out, g_free);

  /* dictionaries */
  out = trigger_text (d, "threadFunctionCall", call);
  g_assert_cmpstr (out, ==, call_compact);
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "buttonGenerate", "{\"button\": \"<a></a>\", \"generator\": []}");
  g_assert_cmpstr (out, ==, "{\"button\":\"<a></a>\",\"generator\":[]}");
  g_clear_pointer (&out, g_free);

  /* a record that PHP wrote as [], and [] inside a record */
  out = trigger_text (d, "banCreate", "{\"ban\": []}");
  g_assert_cmpstr (out, ==, "{\"ban\":[]}");
  g_clear_pointer (&out, g_free);
  out = trigger_text (d, "resourceNotFound",
                      "{\"request\": {\"method\": \"GET\", \"query\": [], \"headers\": [], \"cookies\": []},"
                      " \"response\": false}");
  g_assert_cmpstr (out, ==, "{\"request\":{\"method\":\"GET\",\"query\":[],\"headers\":[],\"cookies\":[]},"
                            "\"response\":false}");
  g_clear_pointer (&out, g_free);

  /* a listener fills results: an object now; arguments stays [] */
  mibew_event_dispatcher_attach_func (d, "threadFunctionCall", 0, answer_thread_call, &counter, NULL, NULL);
  out = trigger_text (d, "threadFunctionCall", call);
  g_assert_cmpint (counter.calls, ==, 1);
  g_assert_cmpstr (out, ==, "{\"request_processor\":{\"kind\":\"thread\"},\"function\":\"microtime\","
                            "\"arguments\":[],\"results\":{\"time\":1764000871.25}}");
  g_clear_pointer (&out, g_free);

  /* a listener changes the body; the empty options stay [] */
  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 0, shout_body, &counter, NULL, NULL);
  out = trigger_text (d, "threadPostMessage",
                      "{\"thread\": [], \"message_kind\": 1, \"message_body\": \"hi\", \"message_options\": []}");
  g_assert_cmpstr (out, ==, "{\"thread\":[],\"message_kind\":1,\"message_body\":\"HI\",\"message_options\":[]}");
}

/* Any object of a sample, at the top level or as the first item of a
 * list, written as PHP's [] instead: if the decoder takes it, it comes
 * back as []. Fails softly, listing every place that does not. */
static void
test_php_empty_everywhere (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_tried = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(JsonNode) sample = load_node (names[i]);
      g_autoptr(GPtrArray) keys = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (sample))
        continue;
      keys = member_names (json_node_get_object (sample));
      for (guint k = 0; k < keys->len; k++)
        for (guint item = 0; item < 2; item++)
          {
            g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
            g_autoptr(GError) error = NULL;
            g_autoptr(JsonNode) doc = load_node (names[i]);
            g_autoptr(JsonNode) out = NULL;
            g_autofree char *path = NULL;
            g_autofree char *expected = NULL;
            g_autofree char *got = NULL;
            JsonNode *member = json_object_get_member (json_node_get_object (doc), g_ptr_array_index (keys, k));

            if (item == 0 && JSON_NODE_HOLDS_OBJECT (member))
              path = g_strdup (g_ptr_array_index (keys, k));
            else if (item == 1 && JSON_NODE_HOLDS_ARRAY (member) &&
                     json_array_get_length (json_node_get_array (member)) > 0 &&
                     JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (member), 0)))
              path = g_strdup_printf ("%s[0]", (const char *) g_ptr_array_index (keys, k));
            else
              continue;
            mutate (doc, path, "[]");
            expected = compact (doc);
            out = mibew_event_dispatcher_trigger_json (d, names[i], doc, &error);
            if (out == NULL)
              continue;   /* not every object may be [] (URL generators) */
            n_tried++;
            got = compact (out);
            if (strcmp (got, expected) != 0)
              {
                JsonNode *back = json_object_get_member (json_node_get_object (out), g_ptr_array_index (keys, k));
                if (item == 1)
                  back = json_array_get_element (json_node_get_array (back), 0);
                {
                  g_autofree char *b = compact (back);

                  g_string_append_printf (wrong, " %s %s: [] came back as %s;", names[i], path, b);
                }
              }
          }
    }
  g_assert_cmpuint (n_tried, >, 40);
  if (wrong->len > 0)
    g_test_fail_printf ("not lossless:%s", wrong->str);
}

/* What trigger_json_data writes is JSON again, with the same values
 * (json-glib 1.6 writes 1e17 as "1e+17.0"), and a denormal number is
 * no number out of range. Fails softly, listing every document whose
 * output does not read back. */
static void
test_output_is_json (void)
{
  const struct { const char *event; const char *doc; } docs[] = {
    { "threadDelete", "{\"id\": 1e17}" },
    { "threadDelete", "{\"id\": -9e18}" },
    { "threadCreate", "{\"thread\": {\"id\": 2e17, \"state\": 1.0}}" },
    { "banCreate", "{\"ban\": {}, \"x_custom\": {\"big\": [1e19, 1e300, -0.0, 0.1]}}" },
    { "banCreate", "{\"ban\": {}, \"x_custom\": {\"tiny\": [5e-324, 1e-310, 2.2250738585072014e-308]}}" },
    { "visitorTrack", "{\"visitor\": {\"details\": {\"lat\": 48.1372, \"n\": 123456789012345678901.0}}}" },
    { "threadFunctionCall", "{\"request_processor\": {}, \"function\": \"f\", \"arguments\": {\"t\": 1e20},"
                            " \"results\": {}}" },
  };
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) in = parse_plain (docs[i].doc, -1);
      g_autofree char *expected = compact (in);
      g_autofree char *out = mibew_event_dispatcher_trigger_json_data (d, docs[i].event, docs[i].doc, -1, &error);
      g_autoptr(JsonNode) back = NULL;

      /* a denormal double is no number out of range */
      if (out == NULL)
        {
          g_string_append_printf (wrong, " %s %s refused: %s;", docs[i].event, docs[i].doc, error->message);
          continue;
        }
      back = mibew_event_dispatcher_parse_json (d, out, -1, &error);
      if (back == NULL)
        g_string_append_printf (wrong, " %s %s -> %s (%s);", docs[i].event, docs[i].doc, out, error->message);
      else
        {
          g_autofree char *got = compact (back);

          /* json-glib's compact form of the input is what the output holds */
          if (strcmp (got, expected) != 0 || !json_node_equal (in, back))
            g_string_append_printf (wrong, " %s %s -> %s reads back differently;", docs[i].event, docs[i].doc, out);
        }
    }
  if (wrong->len > 0)
    g_test_fail_printf ("not JSON:%s", wrong->str);
}

/* "\u0000" cannot live in json-glib's C strings: refused, or back as it
 * came, but never cut short ("a\u0000b" came back as "a"). Fails softly. */
/* The writer's integers (both ends of int64) and escapes, byte for byte */
static void
test_writer_text (void)
{
  const char *doc = "{\"id\": 1, \"n\": [-9223372036854775808, 9223372036854775807, 0, -7, 10],"
                    " \"s\": \"q\\\"b\\\\s\\u0001\\n\\t\\b\\f\\r\\u001f \u00e9/\", \"e\": \"\"}";
  const char *expected = "{\"id\":1,\"n\":[-9223372036854775808,9223372036854775807,0,-7,10],"
                         "\"s\":\"q\\\"b\\\\s\\u0001\\n\\t\\b\\f\\r\\u001f \u00e9/\",\"e\":\"\"}";
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = mibew_event_dispatcher_trigger_json_data (d, "threadDelete", doc, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_nul_escape (void)
{
  const char *docs[] = {
    "{\"id\": 1, \"x\": \"a\\u0000b\"}",
    "{\"id\": 1, \"x\": \"\\u0000\"}",
    "{\"id\": 1, \"a\\u0000b\": 1}",
  };
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = mibew_event_dispatcher_trigger_json_data (d, "threadDelete", docs[i], -1, &error);

      if (out == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      if (strstr (out, "\\u0000") == NULL)
        g_string_append_printf (wrong, " %s came back as %s;", docs[i], out);
    }
  if (wrong->len > 0)
    g_test_fail_printf ("cut short:%s", wrong->str);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  g_ptr_array_add (data, (gpointer) g_param_spec_get_name (pspec));
}

static gboolean
notified (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_update_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = load_node ("threadPostMessage");
  g_autoptr(JsonNode) changed = load_node ("threadPostMessage");
  g_autoptr(JsonNode) bad = load_node ("threadPostMessage");
  g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json ("threadPostMessage", in, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *changed_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  MibewPostMessageArgs *pm = MIBEW_POST_MESSAGE_ARGS (args);
  MibewThread *thread;
  JsonObject *options;

  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (changed), "message_body", "Neuer Text – новый текст");
  json_object_set_string_member (json_node_get_object (changed), "x_added", "da");
  json_object_set_string_member (object_member (changed, "message_options"), "plugin", "Acme:Edit");
  changed_text = compact (changed);

  thread = mibew_post_message_args_get_thread (pm);
  options = mibew_post_message_args_get_message_options (pm);
  g_signal_connect (args, "notify", G_CALLBACK (on_notify), names);
  g_assert_true (mibew_event_args_update_from_json (args, changed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mibew_post_message_args_get_message_body (pm), ==, "Neuer Text – новый текст");
  /* the dictionary changed in place, the record did not change at all */
  g_assert_true (mibew_post_message_args_get_message_options (pm) == options);
  g_assert_cmpstr (json_object_get_string_member (options, "plugin"), ==, "Acme:Edit");
  g_assert_true (mibew_post_message_args_get_thread (pm) == thread);
  g_assert_true (notified (names, "message-body"));
  /* neither the kind nor the thread changed: not notified */
  g_assert_false (notified (names, "message-kind"));
  g_assert_false (notified (names, "thread"));
  first = mibew_event_args_to_json (args);
  after = compact (first);
  g_assert_cmpstr (after, ==, changed_text);

  /* a bad document changes nothing and notifies nothing */
  g_ptr_array_set_size (names, 0);
  json_object_set_int_member (json_node_get_object (bad), "message_kind", 9);
  before = compact (bad);
  g_assert_false (mibew_event_args_update_from_json (args, bad, &error));
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_assert_cmpstr (error->message, ==, "message_kind: expected one of 1, 2, 3, 4, 5, 6, 7, got 9");
  g_clear_error (&error);
  g_assert_cmpuint (names->len, ==, 0);
  second = mibew_event_args_to_json (args);
  g_clear_pointer (&after, g_free);
  after = compact (second);
  g_assert_cmpstr (after, ==, changed_text);
  g_clear_pointer (&after, g_free);
  after = compact (bad);
  g_assert_cmpstr (after, ==, before);

  /* arguments that never saw an event */
  {
    g_autoptr(MibewPostMessageArgs) fresh = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, "x", NULL);

    g_assert_false (mibew_event_args_update_from_json (MIBEW_EVENT_ARGS (fresh), changed, &error));
    g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
    g_assert_cmpstr (error->message, ==, "the arguments have not been used for an event yet");
    g_clear_error (&error);
  }
}

/* A listener behind JSON hands its changes back with update_from_json():
 * the emission's result is its document. */
static gpointer
remote_listener (MibewEventEmitter *emitter, MibewEventArgs *args, gpointer data)
{
  g_autoptr(JsonNode) mine = mibew_event_args_to_json (args);
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (json_node_get_object (mine), "message_body", "von weit her");
  json_object_set_int_member (json_node_get_object (mine), "message_kind", MIBEW_MESSAGE_KIND_PLUGIN);
  g_assert_true (mibew_event_args_update_from_json (args, mine, &error));
  g_assert_no_error (error);
  ((Counter *) data)->calls++;
  return NULL;
}

static void
test_update_during_emission (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = load_node ("threadPostMessage");
  g_autoptr(JsonNode) out = NULL;
  Counter counter = { 0 };
  const char * const changed[] = { "message_body", "message_kind", NULL };

  mibew_event_dispatcher_attach_func (d, "threadPostMessage", 0, remote_listener, &counter, NULL, NULL);
  out = mibew_event_dispatcher_trigger_json (d, "threadPostMessage", in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counter.calls, ==, 1);
  assert_only_changed (in, out, changed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (out), "message_body"), ==, "von weit her");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (out), "message_kind"), ==, 7);
}

/* ---------------------------------------------------------------------- */
/* 4. malformed and hostile input                                         */

enum {
  TEXT_ONLY = 1 << 0, /* not a document a plain JsonParser reads the same way */
  PREFIX    = 1 << 1, /* a library bug: the fix chooses the words after the prefix */
};

typedef enum {
  RAW,      /* @a is the text */
  MUTATE,   /* @base with the member at path @a set to JSON @b (NULL: removed) */
  REPLACE,  /* @base's text with the first @a replaced by @b */
} Source;

typedef struct
{
  const char *name;
  const char *event;
  Source source;
  const char *base;
  const char *a;
  const char *b;
  int code;
  const char *message;
  guint flags;
  gsize max_size;   /* 0: the default */
  guint max_depth;  /* 0: the default */
} Malformed;

#define E_ARGS MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS
#define E_JSON MIBEW_EVENTS_ERROR_MALFORMED_JSON
#define E_LIMIT MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED
#define E_EVENT MIBEW_EVENTS_ERROR_UNKNOWN_EVENT

#define R(n, ev, text, code, msg, flags) { n, ev, RAW, NULL, text, NULL, code, msg, flags, 0, 0 }
#define M(n, ev, path, value, code, msg) { n, ev, MUTATE, ev, path, value, code, msg, 0, 0, 0 }
#define X(n, ev, find, repl, code, msg, flags) { n, ev, REPLACE, ev, find, repl, code, msg, flags, 0, 0 }

#define KINDS "one of 1, 2, 3, 4, 5, 6, 7"

static const Malformed malformed[] = {
  /* the top level */
  R ("top/string", "threadPostMessage", "\"hello\"", E_ARGS, "expected an object, got \"hello\"", 0),
  R ("top/array", "threadPostMessage", "[1, 2]", E_ARGS, "expected an object, got an array", 0),
  R ("top/number", "threadDelete", "42", E_ARGS, "expected an object, got 42", 0),
  R ("top/null", "banCreate", "null", E_ARGS, "expected an object, got null", 0),
  R ("top/false", "operatorLogout", "false", E_ARGS, "expected an object, got false", 0),
  R ("top/array-of-nothing", "cronRun", "[{}]", E_ARGS, "expected an object, got an array", 0),

  /* record fields */
  M ("record/thread-state-string", "threadPostMessage", "thread.state", "\"x\"", E_ARGS,
     "thread.state: expected an integer, got \"x\""),
  M ("record/ban-id-boolean", "banCreate", "ban.id", "true", E_ARGS, "ban.id: expected an integer, got true"),
  { "record/original-ban-id-fraction", "banUpdate", MUTATE, "banUpdate", "original_ban.id", "17.5", E_ARGS,
    "original_ban.id: expected an integer, got 17.5", 0, 0, 0 },
  M ("record/thread-id-past-int64-string", "threadCreate", "thread.id", "\"99999999999999999999\"", E_ARGS,
     "thread.id: expected an integer, got \"99999999999999999999\""),
  M ("record/thread-typing-string", "threadUpdate", "thread.agentTyping", "\"yes\"", E_ARGS,
     "thread.agentTyping: expected a boolean, got \"yes\""),
  M ("record/group-parent-string", "groupCreate", "group.parent", "\"root\"", E_ARGS,
     "group.parent: expected an integer or null, got \"root\""),
  M ("record/request-headers-string", "pageAddCss", "request.headers", "\"x\"", E_ARGS,
     "request.headers: expected an object, got \"x\""),
  M ("record/operator-login-boolean", "operatorCreate", "operator.vclogin", "true", E_ARGS,
     "operator.vclogin: expected a string or null, got true"),
  M ("record/visitor-details-true", "visitorTrack", "visitor.details", "true", E_ARGS,
     "visitor.details: expected an object or false, got true"),
  M ("record/thread-state-long-string", "invitationCreate", "invitation.state",
     "\"Ein sehr langer Zustand, der nicht passt – wirklich\"", E_ARGS,
     "invitation.state: expected an integer, got \"Ein sehr langer Zustand, der nicht passt…\""),
  M ("record/thread-state-control-characters", "threadClose", "thread.state", "\"a\\nb\\u0001\\\"\"", E_ARGS,
     "thread.state: expected an integer, got \"a\\u000ab\\u0001\\\"\""),
  M ("record/widget-handlers-object", "widgetResponseAlter", "response.handlers", "{}", E_ARGS,
     "response.handlers: expected an array, got an object"),

  /* list items */
  M ("list/messages-kind", "threadGetMessagesAlter", "messages[2].kind", "\"loud\"", E_ARGS,
     "messages[2].kind: expected an integer, got \"loud\""),
  M ("list/messages-item-string", "threadGetMessagesAlter", "messages[0]", "\"hi\"", E_ARGS,
     "messages[0]: expected an object, got \"hi\""),
  M ("list/messages-data-true", "threadGetMessagesAlter", "messages[1].data", "true", E_ARGS,
     "messages[1].data: expected an object or false, got true"),
  M ("list/threads-state", "usersUpdateThreadsAlter", "threads[1].state", "\"open\"", E_ARGS,
     "threads[1].state: expected an integer, got \"open\""),
  M ("list/visitors-item-number", "usersUpdateVisitorsAlter", "visitors[3]", "5", E_ARGS,
     "visitors[3]: expected an object, got 5"),
  M ("list/visitors-invitation-info", "usersUpdateVisitorsAlter", "visitors[0].invitationInfo", "\"none\"", E_ARGS,
     "visitors[0].invitationInfo: expected an object or false, got \"none\""),
  M ("list/css-type", "pageAddCss", "css[1].type", "\"remote\"", E_ARGS,
     "css[1].type: expected “absolute”, “relative” or “inline”, got \"remote\""),
  M ("list/css-weight", "pageAddCss", "css[2].weight", "\"heavy\"", E_ARGS,
     "css[2].weight: expected an integer, got \"heavy\""),
  M ("list/js-weight-past-int", "pageAddJs", "js[2].weight", "3000000000", E_ARGS,
     "js[2].weight: expected an integer, got 3000000000"),
  M ("list/js-weight-fraction", "pageAddJs", "js[0].weight", "0.5", E_ARGS,
     "js[0].weight: expected an integer, got 0.5"),
  M ("list/css-item-number", "pageAddCss", "css[0]", "5", E_ARGS,
     "css[0]: expected a string or an asset object, got 5"),
  M ("list/css-content-missing", "pageAddCss", "css[3].content", NULL, E_ARGS, "css[3].content: missing"),
  M ("list/css-not-an-array", "pageAddCss", "css", "{}", E_ARGS, "css: expected an array of assets, got an object"),
  M ("list/operators-item", "groupUpdateOperators", "operators[0]", "\"abc\"", E_ARGS,
     "operators[0]: expected an integer, got \"abc\""),
  M ("list/original-operators-boolean", "groupUpdateOperators", "original_operators[1]", "true", E_ARGS,
     "original_operators[1]: expected an integer, got true"),
  M ("list/visitor-ids-string", "visitorDeleteOld", "visitors", "\"1021\"", E_ARGS,
     "visitors: expected an array of integers, got \"1021\""),

  /* dictionaries and function calls */
  M ("call/arguments-array", "threadFunctionCall", "arguments", "[1, 2]", E_ARGS,
     "arguments: expected an object, got an array"),
  M ("call/function-number", "usersFunctionCall", "function", "7", E_ARGS, "function: expected a string, got 7"),
  M ("call/request-processor-array", "usersFunctionCall", "request_processor", "[\"users\"]", E_ARGS,
     "request_processor: expected an object, got an array"),
  M ("call/function-missing", "threadFunctionCall", "function", NULL, E_ARGS, "function: missing"),
  M ("dict/generator-string", "buttonGenerate", "generator", "\"x\"", E_ARGS,
     "generator: expected an object, got \"x\""),
  M ("dict/button-number", "buttonGenerate", "button", "5", E_ARGS, "button: expected a string of HTML, got 5"),
  M ("dict/url-generator-string", "widgetResponseAlter", "route_url_generator", "\"x\"", E_ARGS,
     "route_url_generator: expected an object, got \"x\""),
  M ("dict/url-generator-base-number", "widgetResponseAlter", "asset_url_generator.base_url", "5", E_ARGS,
     "asset_url_generator.base_url: expected a string, got 5"),

  /* missing keys */
  M ("missing/message-body", "threadPostMessage", "message_body", NULL, E_ARGS, "message_body: missing"),
  M ("missing/remember", "operatorLogin", "remember", NULL, E_ARGS, "remember: missing"),
  M ("missing/thread", "threadClose", "thread", NULL, E_ARGS, "thread: missing"),
  M ("missing/base-url", "widgetResponseAlter", "route_url_generator.base_url", NULL, E_ARGS,
     "route_url_generator.base_url: missing"),
  R ("missing/everything", "threadPostMessage", "{}", E_ARGS, "thread: missing", 0),

  /* numbers */
  R ("number/past-int64", "threadDelete", "{\"id\": 9223372036854775808}", E_ARGS,
     "the number 9223372036854775808 is out of range", TEXT_ONLY),
  R ("number/below-int64", "threadDelete", "{\"id\": -9223372036854775809}", E_ARGS,
     "the number -9223372036854775809 is out of range", TEXT_ONLY),
  X ("number/nested-past-int64", "threadPostMessage", "\"lastRevision\": 73519",
     "\"lastRevision\": 123456789012345678901234567890", E_ARGS,
     "the number 123456789012345678901234567890 is out of range", TEXT_ONLY),
  X ("number/unknown-key-past-int64", "banCreate", "4790", "47900000000000000000000", E_ARGS,
     "the number 47900000000000000000000 is out of range", TEXT_ONLY),
  R ("number/double-overflow", "threadDelete", "{\"id\": 1e400}", E_ARGS, "the number 1e400 is out of range",
     TEXT_ONLY),
  R ("number/exponent-past-int64", "threadDelete", "{\"id\": 1e19}", E_ARGS, "id: expected an integer, got 1e+19", 0),
  R ("number/fraction", "threadDelete", "{\"id\": 1.5}", E_ARGS, "id: expected an integer, got 1.5", 0),
  R ("number/string-with-junk", "groupDelete", "{\"id\": \"5x\"}", E_ARGS, "id: expected an integer, got \"5x\"", 0),
  R ("number/string-with-space", "groupDelete", "{\"id\": \" 5\"}", E_ARGS, "id: expected an integer, got \" 5\"", 0),
  R ("number/boolean", "operatorDelete", "{\"id\": true}", E_ARGS, "id: expected an integer, got true", 0),
  R ("number/null", "banDelete", "{\"id\": null}", E_ARGS, "id: expected an integer, got null", 0),

  /* enums and booleans */
  M ("enum/message-kind-9", "threadPostMessage", "message_kind", "9", E_ARGS, "message_kind: expected " KINDS ", got 9"),
  M ("enum/message-kind-0", "threadPostMessage", "message_kind", "0", E_ARGS, "message_kind: expected " KINDS ", got 0"),
  M ("enum/message-kind-past-int", "threadPostMessage", "message_kind", "4294967298", E_ARGS,
     "message_kind: expected " KINDS ", got 4294967298"),
  M ("enum/message-kind-fraction", "threadPostMessage", "message_kind", "2.5", E_ARGS,
     "message_kind: expected " KINDS ", got 2.5"),
  M ("enum/message-kind-boolean", "threadPostMessage", "message_kind", "true", E_ARGS,
     "message_kind: expected " KINDS ", got true"),
  M ("enum/message-kind-string", "threadPostMessage", "message_kind", "\"agent\"", E_ARGS,
     "message_kind: expected " KINDS ", got \"agent\""),
  M ("boolean/remember-string", "operatorLogin", "remember", "\"yes\"", E_ARGS,
     "remember: expected a boolean, got \"yes\""),
  M ("boolean/remember-2", "operatorLogin", "remember", "2", E_ARGS, "remember: expected a boolean, got 2"),
  M ("boolean/remember-null", "operatorLogin", "remember", "null", E_ARGS, "remember: expected a boolean, got null"),

  /* Mibew's false placeholders take false, null or the value, not true */
  M ("placeholder/operator-true", "operatorAuthenticate", "operator", "true", E_ARGS,
     "operator: expected an object or false, got true"),
  M ("placeholder/visitors-true", "usersUpdateVisitorsLoad", "visitors", "true", E_ARGS,
     "visitors: expected an array or false, got true"),
  M ("placeholder/response-true", "resourceNotFound", "response", "true", E_ARGS,
     "response: expected an object or false, got true"),
  M ("placeholder/response-0", "resourceAccessDenied", "response", "0", E_ARGS,
     "response: expected an object or false, got 0"),
  M ("placeholder/operator-false-string", "operatorAuthenticate", "operator", "\"false\"", E_ARGS,
     "operator: expected an object or false, got \"false\""),

  /* an array where an object belongs */
  M ("array/thread", "threadPostMessage", "thread", "[1]", E_ARGS, "thread: expected an object, got an array"),
  M ("array/message-options", "threadPostMessage", "message_options", "[\"a\"]", E_ARGS,
     "message_options: expected an object, got an array"),
  M ("array/routes", "routesAlter", "routes", "[{}]", E_ARGS, "routes: expected an object, got an array"),
  M ("array/widget-response", "widgetResponseAlter", "response", "[\"x\"]", E_ARGS,
     "response: expected an object, got an array"),
  M ("array/request", "pageAddJsPluginOptions", "request", "[[]]", E_ARGS, "request: expected an object, got an array"),

  /* depth and size */
  { "limit/depth-4", "threadPostMessage", MUTATE, "threadPostMessage", "x_none", "0", E_LIMIT,
    "the document nests deeper than 4 levels", 0, 0, 4 },
  { "limit/depth-1", "threadDelete", RAW, NULL, "{\"id\": 1, \"x\": []}", NULL, E_LIMIT,
    "the document nests deeper than 1 levels", 0, 0, 1 },
  { "limit/size", "threadDelete", RAW, NULL, "{\"id\": 1}", NULL, E_LIMIT,
    "the document is 9 bytes long, more than the limit of 8", TEXT_ONLY, 8, 0 },

  /* invalid UTF-8 */
  R ("utf8/string", "threadDelete", "{\"id\": 1, \"x\": \"\xff\"}", E_JSON, "invalid UTF-8 at byte 16", TEXT_ONLY),
  R ("utf8/key", "threadDelete", "{\"id\xc3\": 1}", E_JSON, "invalid UTF-8 at byte 4", TEXT_ONLY),
  R ("utf8/overlong", "threadDelete", "{\"id\": 1, \"x\": \"\xc0\xaf\"}", E_JSON, "invalid UTF-8 at byte 16",
     TEXT_ONLY),
  R ("utf8/surrogate", "threadDelete", "{\"id\": 1, \"x\": \"\xed\xa0\x80\"}", E_JSON, "invalid UTF-8 at byte 16",
     TEXT_ONLY),
  R ("utf8/truncated", "threadDelete", "{\"id\": 1}\xe2\x82", E_JSON, "invalid UTF-8 at byte 9", TEXT_ONLY),

  /* duplicate keys */
  R ("duplicate/top", "threadDelete", "{\"id\": 1, \"id\": 2}", E_ARGS, "the document has a duplicate key", TEXT_ONLY),
  X ("duplicate/record", "threadPostMessage", "\"state\": 2,", "\"state\": 2, \"state\": 2,", E_ARGS,
     "thread: duplicate key", TEXT_ONLY),
  X ("duplicate/deep", "threadPostMessage", "\"message_id\": 120442,", "\"message_id\": 120442, \"message_id\": 1,",
     E_ARGS, "message_options.data.quote: duplicate key", TEXT_ONLY),
  R ("duplicate/list-item", "usersUpdateVisitorsAlter", "{\"visitors\": [{\"id\": 1}, {\"id\": 2, \"id\": 3}]}",
     E_ARGS, "visitors[1]: duplicate key", TEXT_ONLY),
  R ("duplicate/escaped", "threadDelete", "{\"id\": 1, \"\\u0069d\": 2}", E_ARGS, "the document has a duplicate key",
     TEXT_ONLY),

  /* empty input */
  R ("empty/nothing", "threadDelete", "", E_JSON, "empty input: expected a JSON document", TEXT_ONLY),
  R ("empty/whitespace", "threadDelete", "  \n\t\r\n ", E_JSON, "empty input: expected a JSON document", TEXT_ONLY),

  /* not JSON: json-glib 1.6's own words, misleading as some are */
  R ("syntax/missing-value", "threadDelete", "{\"id\": }", E_JSON,
     "malformed JSON: <data>:1:8: Parse error: unexpected character `}', expected character `}'", TEXT_ONLY),
  R ("syntax/trailing-comma", "threadDelete", "{\"id\": 1,}", E_JSON,
     "malformed JSON: <data>:1:9: Parse error: unexpected character `,', expected character `]'", TEXT_ONLY),
  R ("syntax/unterminated", "threadDelete", "{\"id\": 1", E_JSON,
     "malformed JSON: <data>:1:8: Parse error: unexpected number `1', expected string constant", TEXT_ONLY),
  R ("syntax/nan", "threadDelete", "{\"id\": NaN}", E_JSON, "malformed JSON: unexpected “N” at byte 7", TEXT_ONLY),
  R ("syntax/bare-fraction", "threadDelete", "{\"id\": .5}", E_JSON, "malformed JSON: unexpected “.” at byte 7",
     TEXT_ONLY),
  R ("syntax/exponent-without-digits", "threadDelete", "{\"id\": 1e}", E_JSON,
     "malformed JSON: a number is malformed at byte 9", TEXT_ONLY),

  /* trailing garbage */
  R ("trailing/identifier", "threadDelete", "{\"id\": 1} x", E_JSON,
     "malformed JSON: more data after the document at byte 10", TEXT_ONLY),
  R ("trailing/bracket", "threadDelete", "{\"id\": 1}]", E_JSON,
     "malformed JSON: more data after the document at byte 9", TEXT_ONLY),
  R ("trailing/number", "threadDelete", "{\"id\": 1} 5", E_JSON,
     "malformed JSON: more data after the document at byte 10", TEXT_ONLY),
  R ("trailing/null", "threadDelete", "{\"id\": 1} null", E_JSON,
     "malformed JSON: more data after the document at byte 10", TEXT_ONLY),
  R ("trailing/semicolon", "threadDelete", "{\"id\": 1};", E_JSON,
     "malformed JSON: more data after the document at byte 9", TEXT_ONLY),
  R ("trailing/second-document", "threadDelete", "{\"id\": 1}{\"id\": 2}", E_JSON,
     "malformed JSON: more data after the document at byte 9", TEXT_ONLY),
  R ("trailing/second-document-spaced", "threadDelete", "{\"id\": 1} {\"id\": 2}", E_JSON,
     "malformed JSON: more data after the document at byte 10", TEXT_ONLY),

  /* what json-glib 1.6 reads besides JSON */
  R ("strict/javascript-assignment", "threadDelete", "var args = {\"id\": 1};", E_JSON,
     "malformed JSON: unexpected “v” at byte 0", TEXT_ONLY),
  R ("strict/single-quoted-duplicate", "threadDelete", "{\"id\": 1, 'id': 2}", E_JSON,
     "malformed JSON: unexpected “'” at byte 10", TEXT_ONLY),
  R ("strict/hex-past-int64", "threadDelete", "{\"id\": 0xFFFFFFFFFFFFFFFFFFFF}", E_JSON,
     "malformed JSON: a number is malformed at byte 8", TEXT_ONLY),
  R ("strict/comment-before-key", "threadDelete", "{/* \"x\", */ \"id\": 1}", E_JSON,
     "malformed JSON: unexpected “/” at byte 1", TEXT_ONLY),

  /* json-glib cuts the token it quotes in the middle of a character:
   * the message is still valid UTF-8 */
  R ("utf8/parse-error-quote-cut", "threadDelete", "{\"id\": \"уууууууууууууууууууу\" \"x\": 1}", E_JSON,
     "malformed JSON: <data>:1:49: Parse error: unexpected string constant \"уууууууууууууууууу\xef\xbf\xbd\","
     " expected character `,'", TEXT_ONLY),

  /* an enum in a record takes the enum's values only, as an argument does */
  { "enum/record-state-99", "threadPostMessage", MUTATE, "threadPostMessage", "thread.state", "99", E_ARGS,
    "thread.state: expected one of 0, 1, 2, 3, 4, 5, 6, got 99", 0, 0, 0 },
  { "enum/list-item-kind-9", "threadGetMessagesAlter", MUTATE, "threadGetMessagesAlter", "messages[2].kind", "9",
    E_ARGS, "messages[2].kind: expected one of 1, 2, 3, 4, 5, 6, 7, got 9", 0, 0, 0 },
  { "enum/list-item-state-negative", "usersUpdateThreadsAlter", MUTATE, "usersUpdateThreadsAlter",
    "threads[0].state", "-1", E_ARGS, "threads[0].state: expected one of 0, 1, 2, 3, 4, 5, 6, got -1", 0, 0, 0 },

  /* JSON forbids these, json-glib 1.6 reads them: refused before it sees
   * them ("\763" would be the byte 0xf3, no UTF-8; "\u0000" would cut the
   * string short) */
  R ("strict/leading-zero", "threadDelete", "{\"id\": 01}", E_JSON,
     "malformed JSON: a number is malformed at byte 8", TEXT_ONLY),
  R ("strict/trailing-dot", "threadDelete", "{\"id\": 1.}", E_JSON,
     "malformed JSON: a number is malformed at byte 9", TEXT_ONLY),
  R ("strict/raw-tab-in-string", "threadDelete", "{\"id\": 1, \"x\": \"a\tb\"}", E_JSON,
     "malformed JSON: a control character in a string at byte 17", TEXT_ONLY),
  R ("strict/octal-escape", "threadDelete", "{\"id\": 1, \"x\": \"\\763\"}", E_JSON,
     "malformed JSON: an unknown escape in a string at byte 16", TEXT_ONLY),
  R ("strict/unknown-escape", "threadDelete", "{\"id\": 1, \"x\": \"\\I\"}", E_JSON,
     "malformed JSON: an unknown escape in a string at byte 16", TEXT_ONLY),
  R ("strict/x-escape", "threadDelete", "{\"id\": 1, \"x\": \"\\x41\"}", E_JSON,
     "malformed JSON: an unknown escape in a string at byte 16", TEXT_ONLY),
  R ("strict/nul-escape", "threadDelete", "{\"id\": 1, \"x\": \"a\\u0000b\"}", E_JSON,
     "malformed JSON: \\u0000 in a string at byte 17", TEXT_ONLY),
  R ("strict/short-u-escape", "threadDelete", "{\"id\": 1, \"x\": \"\\u12\"}", E_JSON,
     "malformed JSON: a malformed \\u escape at byte 16", TEXT_ONLY),
  /* json-glib turns a lone surrogate into bytes that are not UTF-8 */
  R ("strict/lone-low-surrogate", "threadDelete", "{\"id\": 1, \"x\": \"a\\ude00b\"}", E_JSON,
     "malformed JSON: a lone UTF-16 surrogate in a \\u escape at byte 17", TEXT_ONLY),
  R ("strict/lone-high-surrogate", "threadDelete", "{\"id\": 1, \"x\": \"a\\ud83db\"}", E_JSON,
     "malformed JSON: a lone UTF-16 surrogate in a \\u escape at byte 17", TEXT_ONLY),
  R ("strict/high-surrogate-then-other", "threadDelete", "{\"id\": 1, \"x\": \"\\ud83d\\u0041\"}", E_JSON,
     "malformed JSON: a lone UTF-16 surrogate in a \\u escape at byte 16", TEXT_ONLY),

  /* unknown events, checked before the document */
  { "event/typo", "threadPostMesage", MUTATE, "threadPostMessage", "x_none", "0", E_EVENT,
    "Unknown event “threadPostMesage”", 0, 0, 0 },
  { "event/case", "ThreadPostMessage", MUTATE, "threadPostMessage", "x_none", "0", E_EVENT,
    "Unknown event “ThreadPostMessage”", 0, 0, 0 },
  R ("event/empty-name", "", "{}", E_EVENT, "Unknown event “”", 0),
  R ("event/detail", "threadFunctionCall::microtime", "{}", E_EVENT, "Unknown event “threadFunctionCall::microtime”", 0),
  R ("event/invalid-utf8-name", "thread\xffPost", "{}", E_EVENT, "Unknown event “thread\xef\xbf\xbdPost”", 0),
  R ("event/before-bad-document", "noSuchEvent", "{\"id\": 1, \"id\": \xff", E_EVENT, "Unknown event “noSuchEvent”",
     TEXT_ONLY),
};

static char *
malformed_text (const Malformed *m)
{
  switch (m->source)
    {
    case RAW:
      return g_strdup (m->a);
    case MUTATE:
      {
        g_autoptr(JsonNode) node = load_node (m->base);

        mutate (node, m->a, m->b);
        return compact (node);
      }
    case REPLACE:
      {
        g_autofree char *text = load_text (m->base, NULL);
        char *at = strstr (text, m->a);

        g_assert_nonnull (at);
        *at = '\0';
        return g_strconcat (text, m->b, at + strlen (m->a), NULL);
      }
    default:
      g_assert_not_reached ();
    }
}

/* The cases fail softly (g_test_fail_printf()), so that every one of them
 * runs and reports, known library bugs included. */
static gboolean
error_is (const Malformed *m,
          const char      *how,
          const GError    *error)
{
  if (error == NULL)
    {
      g_test_fail_printf ("%s via %s: succeeded, expected '%s'", m->name, how, m->message);
      return FALSE;
    }
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_test_fail_printf ("%s via %s: the message is not valid UTF-8: %s", m->name, how, escaped);
      return FALSE;
    }
  if (error->domain != MIBEW_EVENTS_ERROR || error->code != m->code)
    {
      g_test_fail_printf ("%s via %s: error %s %d '%s', expected code %d", m->name, how,
                          g_quark_to_string (error->domain), error->code, error->message, m->code);
      return FALSE;
    }
  if ((m->flags & PREFIX) ? !g_str_has_prefix (error->message, m->message)
                          : strcmp (error->message, m->message) != 0)
    {
      g_test_fail_printf ("%s via %s: '%s', expected '%s'%s", m->name, how, error->message, m->message,
                          (m->flags & PREFIX) ? "..." : "");
      return FALSE;
    }
  return TRUE;
}

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = malformed_text (m);
  g_autofree char *out = NULL;
  Counter counter = { 0 };
  gboolean known_event = mibew_event_dispatcher_describe_event (m->event, NULL, NULL, NULL, NULL);

  if (m->max_size != 0 || m->max_depth != 0)
    mibew_event_dispatcher_set_json_limits (d, m->max_size != 0 ? m->max_size : MIBEW_JSON_DEFAULT_MAX_SIZE,
                                            m->max_depth != 0 ? m->max_depth : MIBEW_JSON_DEFAULT_MAX_DEPTH);
  attach_counter_everywhere (d, &counter);

  /* text */
  out = mibew_event_dispatcher_trigger_json_data (d, m->event, text, strlen (text), &error);
  if (!error_is (m, "trigger_json_data", error))
    return;
  g_clear_error (&error);
  if (out != NULL || counter.calls != 0)
    {
      g_test_fail_printf ("%s: a result or an emission on failure (%d)", m->name, counter.calls);
      return;
    }

  /* decode_json_data, its first half: the same error */
  {
    g_autoptr(MibewEventArgs) args = mibew_event_dispatcher_decode_json_data (d, m->event, text,
                                                                              strlen (text), &error);

    if (!error_is (m, "decode_json_data", error))
      return;
    g_clear_error (&error);
    if (args != NULL)
      {
        g_test_fail_printf ("%s: arguments from decode_json_data on failure", m->name);
        return;
      }
  }

  /* the dispatcher's parser says the same as trigger_json_data, or
   * nothing when only decoding fails */
  if (known_event)
    {
      g_autoptr(JsonNode) parsed = mibew_event_dispatcher_parse_json (d, text, strlen (text), &error);

      if (parsed == NULL && !error_is (m, "parse_json", error))
        return;
      g_clear_error (&error);
    }

  if (m->flags & TEXT_ONLY)
    return;

  /* node: the same error, nothing emitted, the node untouched */
  {
    g_autoptr(JsonNode) node = parse_plain (text, -1);
    g_autofree char *before = compact (node);
    g_autofree char *after = NULL;
    g_autoptr(JsonNode) result = mibew_event_dispatcher_trigger_json (d, m->event, node, &error);

    if (!error_is (m, "trigger_json", error))
      return;
    g_clear_error (&error);
    after = compact (node);
    if (result != NULL || counter.calls != 0 || strcmp (before, after) != 0)
      {
        g_test_fail_printf ("%s via trigger_json: a result, an emission or a changed node", m->name);
        return;
      }

    /* without a dispatcher's limits: the same error */
    if (m->max_size == 0 && m->max_depth == 0)
      {
        g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json (m->event, node, &error);

        if (!error_is (m, "new_from_json", error) || args != NULL)
          return;
        g_clear_error (&error);
      }

    /* arguments of the event that exist already are left as they were */
    if (known_event && m->max_size == 0 && m->max_depth == 0 && m->base != NULL)
      {
        g_autoptr(JsonNode) good = load_node (m->base);
        g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json (m->event, good, &error);
        g_autoptr(JsonNode) was = NULL;
        g_autoptr(JsonNode) is = NULL;
        g_autofree char *was_text = NULL;
        g_autofree char *is_text = NULL;
        guint n_notify = 0;

        g_assert_no_error (error);
        was = mibew_event_args_to_json (args);
        was_text = compact (was);
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          g_signal_connect (args, "notify", G_CALLBACK (on_notify), names);
          if (mibew_event_args_update_from_json (args, node, &error) || !error_is (m, "update_from_json", error))
            {
              g_test_fail_printf ("%s via update_from_json: accepted or another error", m->name);
              return;
            }
          n_notify = names->len;
          g_signal_handlers_disconnect_by_func (args, G_CALLBACK (on_notify), names);
        }
        g_clear_error (&error);
        is = mibew_event_args_to_json (args);
        is_text = compact (is);
        if (n_notify != 0 || strcmp (was_text, is_text) != 0)
          g_test_fail_printf ("%s via update_from_json: changed or notified on failure", m->name);
      }
  }
}

/* ---------------------------------------------------------------------- */
/* limits: the boundaries                                                 */

/* {"id": 1, "x": [[...]]} nesting @levels containers in all */
static char *
nested (guint levels)
{
  GString *s = g_string_new ("{\"id\": 1, \"x\": ");

  for (guint i = 1; i < levels; i++)
    g_string_append_c (s, '[');
  for (guint i = 1; i < levels; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
assert_limit (MibewEventDispatcher *d,
              const char           *event,
              const char           *text,
              gsize                 length,
              const char           *message,
              gboolean              node_too)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = mibew_event_dispatcher_trigger_json_data (d, event, text, length, &error);

  g_assert_null (out);
  g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  if (node_too)
    {
      g_autoptr(JsonNode) node = parse_plain (text, length);
      g_autoptr(JsonNode) result = mibew_event_dispatcher_trigger_json (d, event, node, &error);

      g_assert_null (result);
      g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED);
      g_assert_cmpstr (error->message, ==, message);
    }
}

static void
test_depth_limits (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deep64 = nested (64);
  g_autofree char *deep65 = nested (65);
  g_autofree char *sample = load_text ("threadPostMessage", NULL);
  Counter counter = { 0 };
  guint depth = 0;

  attach_counter_everywhere (d, &counter);
  g_object_get (d, "max-json-depth", &depth, NULL);
  g_assert_cmpuint (depth, ==, MIBEW_JSON_DEFAULT_MAX_DEPTH);
  g_assert_cmpuint (depth, ==, 64);

  /* 64 levels pass everywhere */
  {
    g_autofree char *out = trigger_text (d, "threadDelete", deep64);
    g_autoptr(JsonNode) node = parse_plain (deep64, -1);
    g_autoptr(JsonNode) back = mibew_event_dispatcher_trigger_json (d, "threadDelete", node, &error);
    g_autoptr(MibewEventArgs) args = NULL;
    g_autofree char *expected = compact (node);

    g_assert_no_error (error);
    g_assert_nonnull (back);
    assert_text_is (out, expected);
    args = mibew_event_args_new_from_json ("threadDelete", node, &error);
    g_assert_no_error (error);
    g_assert_nonnull (args);
  }
  g_assert_cmpint (counter.calls, ==, 2);

  /* 65 do not */
  assert_limit (d, "threadDelete", deep65, strlen (deep65), "the document nests deeper than 64 levels", TRUE);
  {
    g_autoptr(JsonNode) node = parse_plain (deep65, -1);
    g_autoptr(MibewEventArgs) args = mibew_event_args_new_from_json ("threadDelete", node, &error);

    g_assert_null (args);
    g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED);
    g_assert_cmpstr (error->message, ==, "the document nests deeper than 64 levels");
    g_clear_error (&error);
  }

  /* far too deep for a recursive parser: refused before json-glib sees it */
  {
    GString *s = g_string_new ("{\"id\": 1, \"x\": ");
    g_autofree char *text = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append (s, i % 2 ? "[" : "{\"a\":");
    text = g_string_free (s, FALSE);
    assert_limit (d, "threadDelete", text, strlen (text), "the document nests deeper than 64 levels", FALSE);
  }

  /* the sample nests 5 levels deep: 5 pass, 4 do not */
  g_object_set (d, "max-json-depth", 5, NULL);
  {
    g_autofree char *out = trigger_text (d, "threadPostMessage", sample);

    g_assert_nonnull (out);
  }
  g_object_set (d, "max-json-depth", 4, NULL);
  assert_limit (d, "threadPostMessage", sample, strlen (sample), "the document nests deeper than 4 levels", TRUE);
  /* a higher limit than the default lets 65 levels through the
   * dispatcher, not new_from_json() */
  mibew_event_dispatcher_set_json_limits (d, MIBEW_JSON_DEFAULT_MAX_SIZE, 100);
  {
    g_autofree char *out = trigger_text (d, "threadDelete", deep65);

    g_assert_nonnull (out);
  }
  g_assert_cmpint (counter.calls, ==, 4);
}

static void
test_size_limits (void)
{
  g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *sample = load_text ("threadPostMessage", &length);
  g_autofree char *message = NULL;
  Counter counter = { 0 };
  guint64 size = 0;

  attach_counter_everywhere (d, &counter);
  g_object_get (d, "max-json-size", &size, NULL);
  g_assert_cmpuint (size, ==, MIBEW_JSON_DEFAULT_MAX_SIZE);
  g_assert_cmpuint (size, ==, 1024 * 1024);

  /* one byte past the default */
  {
    GString *s = g_string_new ("{\"id\": 1, \"pad\": \"");
    g_autofree char *text = NULL;
    g_autofree char *out = NULL;
    gsize n;

    while (s->len < 1024 * 1024 - 2)
      g_string_append_c (s, 'x');
    g_string_append (s, "\"}");
    n = s->len;
    g_assert_cmpuint (n, ==, 1024 * 1024);
    text = g_string_free (s, FALSE);
    /* exactly the limit passes */
    out = mibew_event_dispatcher_trigger_json_data (d, "threadDelete", text, n, &error);
    g_assert_no_error (error);
    g_assert_nonnull (out);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&text, g_free);

    text = g_strdup_printf ("{\"id\": 1, \"pad\": \"%0*d\"}", 1024 * 1024 - 19, 0);
    g_assert_cmpuint (strlen (text), ==, 1024 * 1024 + 1);
    assert_limit (d, "threadDelete", text, strlen (text),
                  "the document is 1048577 bytes long, more than the limit of 1048576", FALSE);
  }

  /* the sample: its length passes, one byte less does not */
  mibew_event_dispatcher_set_json_limits (d, length, MIBEW_JSON_DEFAULT_MAX_DEPTH);
  {
    g_autofree char *out = trigger_text (d, "threadPostMessage", sample);

    g_assert_nonnull (out);
  }
  g_object_set (d, "max-json-size", (guint64) length - 1, NULL);
  message = g_strdup_printf ("the document is %" G_GSIZE_FORMAT " bytes long, more than the limit of %" G_GSIZE_FORMAT,
                             length, length - 1);
  assert_limit (d, "threadPostMessage", sample, length, message, FALSE);
  g_assert_cmpint (counter.calls, ==, 2);

  /* parse_json applies the same limits */
  {
    g_autoptr(JsonNode) node = mibew_event_dispatcher_parse_json (d, sample, length, &error);

    g_assert_null (node);
    g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED);
    g_assert_cmpstr (error->message, ==, message);
  }
}

/* Every sample with one byte cut off the end or a byte flipped: an error
 * or a result, never a crash, and an error never emits. */
static void
test_mangled_samples (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  guint n_errors = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(MibewEventDispatcher) d = mibew_event_dispatcher_new ();
      gsize length = 0;
      g_autofree char *text = load_text (names[i], &length);
      Counter counter = { 0 };
      /* cut in the middle, cut the last brace, a stray quote */
      const gsize cuts[] = { length / 2, length - 2 };

      attach_counter_everywhere (d, &counter);
      for (guint k = 0; k < G_N_ELEMENTS (cuts); k++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *out = mibew_event_dispatcher_trigger_json_data (d, names[i], text, cuts[k], &error);

          /* "{}" and "[]" cut to "{" or "[": all of them are broken now */
          g_assert_null (out);
          g_assert_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_MALFORMED_JSON);
          g_assert_true (g_str_has_prefix (error->message, "malformed JSON: ") ||
                         g_str_has_prefix (error->message, "empty input"));
          n_errors++;
        }
      g_assert_cmpint (counter.calls, ==, 0);
    }
  g_assert_cmpuint (n_errors, ==, 2 * N_EVENTS);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *names;
  /* the malformed cases fail softly: let every one of them run and
   * report, instead of bailing out at the first */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  argv = args;
  g_test_init (&n_args, &argv, NULL);

  names = mibew_event_dispatcher_list_events ();
  g_test_add_func ("/codec/round-trip/catalogue", test_round_trip_catalogue);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/codec/round-trip/%s", names[i]);

      g_test_add_data_func (path, names[i], test_round_trip);
    }

  g_test_add_func ("/codec/change/catalogue", test_change_catalogue);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/codec/change/%s", changes[i].event);

      g_test_add_data_func (path, &changes[i], test_change);
    }
  g_test_add_func ("/codec/answers/first-wins", test_first_wins);
  g_test_add_func ("/codec/answers/false-placeholders", test_false_placeholders);
  g_test_add_func ("/codec/answers/chain", test_chain);
  g_test_add_func ("/codec/answers/merge", test_merge);
  g_test_add_func ("/codec/answers/append", test_append);

  g_test_add_func ("/codec/lossless/unknown-keys", test_unknown_keys);
  g_test_add_func ("/codec/lossless/member-order", test_member_order);
  g_test_add_func ("/codec/lossless/numeric-strings", test_numeric_strings);
  g_test_add_func ("/codec/lossless/nulls", test_nulls);
  g_test_add_func ("/codec/lossless/php-empty-arrays", test_php_empty_arrays);
  g_test_add_func ("/codec/lossless/php-empty-everywhere", test_php_empty_everywhere);
  g_test_add_func ("/codec/lossless/output-is-json", test_output_is_json);
  g_test_add_func ("/codec/lossless/writer-text", test_writer_text);
  g_test_add_func ("/codec/lossless/nul-escape", test_nul_escape);
  g_test_add_func ("/codec/lossless/update-from-json", test_update_from_json);
  g_test_add_func ("/codec/lossless/update-during-emission", test_update_during_emission);

  g_test_add_func ("/codec/limits/depth", test_depth_limits);
  g_test_add_func ("/codec/limits/size", test_size_limits);
  g_test_add_func ("/codec/malformed/mangled-samples", test_mangled_samples);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/codec/malformed/%s", malformed[i].name);

      g_test_add_data_func (path, &malformed[i], test_malformed);
    }

  return g_test_run ();
}
