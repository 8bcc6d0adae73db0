/* c-observer.c: C listeners for the Python tests, loaded with ctypes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The bindings tests must show that what a Python listener changes is seen
 * by a C listener that runs after it. This module attaches, to every
 * alter, out and call event, a plain C listener that records the
 * arguments it saw as JSON; Python then reads the record back.
 */

#include <mibew-events/mibew-events.h>

void  mibew_test_observe   (MibewEventDispatcher *dispatcher,
                            int                   priority);
char *mibew_test_last_seen (const char           *event_name);
void  mibew_test_free      (char                 *text);

static GMutex lock;
static GHashTable *seen;   /* event name -> JSON text */

static JsonNode *
value_to_json (const GValue *value)
{
  GType t = G_VALUE_TYPE (value);

  if (t == G_TYPE_STRING)
    return json_node_init_string (json_node_alloc (), g_value_get_string (value));
  if (t == G_TYPE_INT64)
    return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));
  if (t == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (G_TYPE_IS_ENUM (t))
    return json_node_init_int (json_node_alloc (), g_value_get_enum (value));
  if (t == JSON_TYPE_OBJECT && g_value_get_boxed (value) != NULL)
    return json_node_init_object (json_node_alloc (), g_value_get_boxed (value));
  if (t == JSON_TYPE_ARRAY && g_value_get_boxed (value) != NULL)
    return json_node_init_array (json_node_alloc (), g_value_get_boxed (value));
  if (G_TYPE_IS_OBJECT (t) && g_value_get_object (value) != NULL)
    {
      GObject *object = g_value_get_object (value);

      if (MIBEW_IS_RECORD (object))
        return mibew_record_to_json (MIBEW_RECORD (object));
      if (MIBEW_IS_BUTTON_FRAGMENT (object))
        return json_node_init_string (json_node_alloc (),
                                      mibew_button_fragment_get_html (MIBEW_BUTTON_FRAGMENT (object)));
      if (MIBEW_IS_ASSET_LIST (object))
        {
          g_autoptr(JsonArray) assets = mibew_asset_list_to_json (MIBEW_ASSET_LIST (object));
          return json_node_init_array (json_node_alloc (), assets);
        }
      if (G_IS_LIST_MODEL (object))
        {
          g_autoptr(JsonArray) items = json_array_new ();

          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (object)); i++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (object), i);
              if (MIBEW_IS_RECORD (item))
                json_array_add_element (items, mibew_record_to_json (MIBEW_RECORD (item)));
            }
          return json_node_init_array (json_node_alloc (), items);
        }
      return json_node_init_string (json_node_alloc (), G_OBJECT_TYPE_NAME (object));
    }
  return json_node_init_null (json_node_alloc ());
}

static gpointer
record_arguments (MibewEventEmitter *emitter,
                  MibewEventArgs    *args,
                  gpointer           user_data)
{
  const char *event_name = user_data;
  g_autoptr(JsonObject) snapshot = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (args), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!g_type_is_a (pspecs[i]->owner_type, MIBEW_TYPE_EVENT_ARGS))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (args), pspecs[i]->name, &value);
      json_object_set_member (snapshot, pspecs[i]->name, value_to_json (&value));
    }

  root = json_node_init_object (json_node_alloc (), snapshot);
  g_mutex_lock (&lock);
  g_hash_table_replace (seen, g_strdup (event_name), json_to_string (root, FALSE));
  g_mutex_unlock (&lock);
  return NULL;   /* a pure observer */
}

void
mibew_test_observe (MibewEventDispatcher *dispatcher,
                    int                   priority)
{
  const char * const *names = mibew_event_dispatcher_list_events ();

  g_mutex_lock (&lock);
  if (seen == NULL)
    seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_remove_all (seen);
  g_mutex_unlock (&lock);

  for (guint i = 0; names[i] != NULL; i++)
    {
      MibewEventKind kind;

      mibew_event_dispatcher_describe_event (names[i], NULL, NULL, &kind, NULL);
      if (kind == MIBEW_EVENT_KIND_NOTIFY)
        continue;
      /* the names are static: the table outlives every listener */
      if (mibew_event_dispatcher_attach_func (dispatcher, names[i], priority, record_arguments,
                                              (gpointer) names[i], NULL, NULL) == 0)
        g_error ("cannot observe %s", names[i]);
    }
}

char *
mibew_test_last_seen (const char *event_name)
{
  char *text;

  g_mutex_lock (&lock);
  text = seen != NULL ? g_strdup (g_hash_table_lookup (seen, event_name)) : NULL;
  g_mutex_unlock (&lock);
  return text;
}

void
mibew_test_free (char *text)
{
  g_free (text);
}
