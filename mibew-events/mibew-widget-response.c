/* mibew-widget-response.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-widget-response.h"
#include "mibew-json-private.h"
#include "mibew-record-private.h"

/**
 * MibewWidgetResponse:
 *
 * The data sent to the widget on the visitor's page, the `response` of
 * `widgetResponseAlter` ([signal@MibewEvents.WidgetEvents::response-alter]):
 * libraries to load, JavaScript functions (handlers) to call, what each
 * handler needs loaded first, and data for each handler.
 *
 * JSON form, starting as `{"load": {}, "handlers": [], "dependencies": {},
 * "data": {}}`:
 *
 * ```json
 * {
 *   "load": {"the_lib": "", "the_func": "https://example.com/mibew/plugins/Mibew/Example/func.js"},
 *   "handlers": ["usefulFunc"],
 *   "dependencies": {"usefulFunc": ["the_lib", "the_func"]},
 *   "data": {"usefulFunc": {"time": 1700000000.25}}
 * }
 * ```
 *
 * Mibew's core uses the handlers `updateUserId` (data `{"user": {"id"}}`),
 * `invitationClose` and `invitationCreate` (data `{"invitation":
 * {"operatorName", "avatarUrl", "threadUrl", "acceptCaption"}}`).
 *
 * The example listener of Mibew's documentation, in C. Each handler the
 * widget calls must be defined in JavaScript as a property of
 * `Mibew.APIFunctions` (`Mibew.APIFunctions.usefulFunc = function (data) {...}`).
 *
 * ```c
 * static MibewWidgetResponse *
 * on_response_alter (MibewWidgetEvents       *widget,
 *                    MibewWidgetResponseArgs *args,
 *                    gpointer                 user_data)
 * {
 *   MibewWidgetResponse *response = mibew_widget_response_args_get_response (args);
 *   // This is just a shortcut for the URL generator.
 *   MibewUrlGenerator *g = mibew_widget_response_args_get_asset_url_generator (args);
 *   const char * const dependencies[] = { "the_lib", "the_func", NULL };
 *   g_autofree char *func_url = NULL;
 *   g_autoptr(JsonObject) data = json_object_new ();
 *   g_autoptr(JsonNode) data_node = NULL;
 *
 *   // External libraries could be loaded before the function will be
 *   // called. There could be as many libraries as needed (even none).
 *   // Keys of the 'load' object are IDs of the libraries and values are
 *   // their URLs.
 *   mibew_widget_response_add_load (response, "the_lib", "");
 *   // $this->getFilesPath() . '/func.js'
 *   func_url = mibew_url_generator_generate (g, "plugins/Mibew/Example/func.js");
 *   mibew_widget_response_add_load (response, "the_func", func_url);
 *
 *   // The 'handlers' array contains a list of functions that should be
 *   // called.
 *   mibew_widget_response_add_handler (response, "usefulFunc");
 *
 *   // The 'dependencies' object contains a list of all libraries a function
 *   // depends on. In this example 'usefulFunc' depends on libraries with IDs
 *   // equal to 'the_lib' and 'the_func'.
 *   mibew_widget_response_set_dependencies (response, "usefulFunc", dependencies);
 *
 *   // Some extra data could be passed to the function too:
 *   // array('time' => microtime(true))
 *   json_object_set_double_member (data, "time", g_get_real_time () / (double) G_USEC_PER_SEC);
 *   data_node = json_node_init_object (json_node_alloc (), data);
 *   mibew_widget_response_set_data (response, "usefulFunc", data_node);
 *
 *   return NULL;   // the response was changed in place
 * }
 *
 * // ...
 * g_signal_connect (mibew_event_dispatcher_get_widget (dispatcher), "response-alter",
 *                   G_CALLBACK (on_response_alter), NULL);
 * ```
 *
 * The four keys are also properties (`load`, `handlers`, `dependencies`,
 * `data`) holding the live JSON values. A response read from JSON may
 * lack a key, or hold PHP's `[]` for an empty map: the accessors below
 * treat both as empty and create the key when they write.
 */
struct _MibewWidgetResponse
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewWidgetResponse, mibew_widget_response, MIBEW_TYPE_RECORD)

/**
 * MibewWidgetResponse:load:
 *
 * The libraries to load, URL by library id (`load`).
 */
/**
 * MibewWidgetResponse:handlers:
 *
 * The names of the JavaScript functions to call, in order (`handlers`).
 */
/**
 * MibewWidgetResponse:dependencies:
 *
 * The ids of the libraries each handler needs, by handler (`dependencies`).
 */
/**
 * MibewWidgetResponse:data:
 *
 * The data passed to each handler, by handler (`data`).
 */
static const MibewRecordField widget_response_fields[] = {
  { "load", "load", MIBEW_FIELD_OBJECT, NULL, FALSE, "Library URLs by library id" },
  { "handlers", "handlers", MIBEW_FIELD_ARRAY, NULL, FALSE, "Functions to call" },
  { "dependencies", "dependencies", MIBEW_FIELD_OBJECT, NULL, FALSE, "Library ids by handler" },
  { "data", "data", MIBEW_FIELD_OBJECT, NULL, FALSE, "Data by handler" },
};

/* The object under @key, or NULL if there is none (yet). */
static JsonObject *
lookup_object (MibewWidgetResponse *self,
               const char          *key)
{
  return mibew_record_get_object (MIBEW_RECORD (self), key);
}

/* The object under @key, created if absent. PHP encodes an empty map as
 * `[]`, and update_from_json() accepts that; such a value is replaced. */
static JsonObject *
ensure_object (MibewWidgetResponse *self,
               const char          *key)
{
  JsonObject *object = lookup_object (self, key);

  if (object == NULL)
    {
      object = json_object_new ();
      json_object_set_object_member (mibew_record_get_json (MIBEW_RECORD (self)), key, object);
    }
  return object;
}

static JsonArray *
lookup_handlers (MibewWidgetResponse *self)
{
  JsonNode *node = mibew_record_get_member (MIBEW_RECORD (self), "handlers");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* The string elements of @array, in order; other elements are skipped. */
static GStrv
strings_of_array (JsonArray *array)
{
  GPtrArray *strings = g_ptr_array_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (strings, NULL);
  return (GStrv) g_ptr_array_free (strings, FALSE);
}


static void
mibew_widget_response_class_init (MibewWidgetResponseClass *klass)
{
  mibew_record_class_install_fields (MIBEW_RECORD_CLASS (klass),
                                     widget_response_fields,
                                     G_N_ELEMENTS (widget_response_fields));
}

static void
mibew_widget_response_init (MibewWidgetResponse *self)
{
  JsonObject *json = mibew_record_get_json (MIBEW_RECORD (self));

  json_object_set_object_member (json, "load", json_object_new ());
  json_object_set_array_member (json, "handlers", json_array_new ());
  json_object_set_object_member (json, "dependencies", json_object_new ());
  json_object_set_object_member (json, "data", json_object_new ());
}

/**
 * mibew_widget_response_new:
 *
 * Creates the response Mibew starts with: `{"load": {}, "handlers": [],
 * "dependencies": {}, "data": {}}`. To read one from JSON use
 * mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewWidgetResponse
 */
MibewWidgetResponse *
mibew_widget_response_new (void)
{
  return g_object_new (MIBEW_TYPE_WIDGET_RESPONSE, NULL);
}

/**
 * mibew_widget_response_add_load:
 * @self: a #MibewWidgetResponse
 * @lib_id: the id of a library, which handlers name in their dependencies
 * @url: the library's URL; build it with mibew_url_generator_generate()
 *
 * Asks the widget to load a library: PHP's
 * `$args['response']['load']['the_lib'] = $url;`. A library already
 * there under @lib_id gets the new URL.
 */
void
mibew_widget_response_add_load (MibewWidgetResponse *self,
                                const char          *lib_id,
                                const char          *url)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE (self));
  g_return_if_fail (lib_id != NULL);
  g_return_if_fail (url != NULL);

  json_object_set_string_member (ensure_object (self, "load"), lib_id, url);
}

/**
 * mibew_widget_response_get_load_url:
 * @self: a #MibewWidgetResponse
 * @lib_id: the id of a library
 *
 * Gets the URL of the library @lib_id.
 *
 * Returns: (nullable): the URL, owned by @self, or %NULL if @lib_id is
 *   not loaded (or its URL is not a string)
 */
const char *
mibew_widget_response_get_load_url (MibewWidgetResponse *self,
                                    const char          *lib_id)
{
  JsonObject *load;
  JsonNode *url;

  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE (self), NULL);
  g_return_val_if_fail (lib_id != NULL, NULL);

  load = lookup_object (self, "load");
  url = load != NULL ? json_object_get_member (load, lib_id) : NULL;
  if (url == NULL || !JSON_NODE_HOLDS_VALUE (url) ||
      json_node_get_value_type (url) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (url);
}

/**
 * mibew_widget_response_add_handler:
 * @self: a #MibewWidgetResponse
 * @name: the name of a function of `Mibew.APIFunctions` to call
 *
 * Appends a handler for the widget to call: PHP's
 * `$args['response']['handlers'][] = 'usefulFunc';`. As in PHP, a name
 * already in the list is appended again.
 */
void
mibew_widget_response_add_handler (MibewWidgetResponse *self,
                                   const char          *name)
{
  JsonArray *handlers;

  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE (self));
  g_return_if_fail (name != NULL);

  handlers = lookup_handlers (self);
  if (handlers == NULL)
    {
      handlers = json_array_new ();
      json_object_set_array_member (mibew_record_get_json (MIBEW_RECORD (self)),
                                    "handlers", handlers);
    }
  json_array_add_string_element (handlers, name);
}

/**
 * mibew_widget_response_get_handlers:
 * @self: a #MibewWidgetResponse
 *
 * Gets the names of the handlers the widget will call, in order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the handler names,
 *   possibly none
 */
GStrv
mibew_widget_response_get_handlers (MibewWidgetResponse *self)
{
  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE (self), NULL);

  return strings_of_array (lookup_handlers (self));
}

/**
 * mibew_widget_response_set_dependencies:
 * @self: a #MibewWidgetResponse
 * @handler: the name of a handler
 * @lib_ids: (nullable) (array zero-terminated=1): the ids of the
 *   libraries (keys of `load`) @handler needs loaded before it is called;
 *   %NULL removes @handler's dependencies
 *
 * Sets what @handler depends on: PHP's
 * `$args['response']['dependencies']['usefulFunc'] = array('the_lib', 'the_func');`.
 */
void
mibew_widget_response_set_dependencies (MibewWidgetResponse *self,
                                        const char          *handler,
                                        const char * const  *lib_ids)
{
  JsonArray *array;

  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE (self));
  g_return_if_fail (handler != NULL);

  if (lib_ids == NULL)
    {
      JsonObject *dependencies = lookup_object (self, "dependencies");

      if (dependencies != NULL && json_object_has_member (dependencies, handler))
        json_object_remove_member (dependencies, handler);
      return;
    }

  array = json_array_new ();
  for (guint i = 0; lib_ids[i] != NULL; i++)
    json_array_add_string_element (array, lib_ids[i]);
  json_object_set_array_member (ensure_object (self, "dependencies"), handler, array);
}

/**
 * mibew_widget_response_get_dependencies:
 * @self: a #MibewWidgetResponse
 * @handler: the name of a handler
 *
 * Gets the ids of the libraries @handler depends on.
 *
 * Returns: (transfer full) (nullable) (array zero-terminated=1): the
 *   library ids, or %NULL if @handler has no dependency list
 */
GStrv
mibew_widget_response_get_dependencies (MibewWidgetResponse *self,
                                        const char          *handler)
{
  JsonObject *dependencies;
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE (self), NULL);
  g_return_val_if_fail (handler != NULL, NULL);

  dependencies = lookup_object (self, "dependencies");
  node = dependencies != NULL ? json_object_get_member (dependencies, handler) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return strings_of_array (json_node_get_array (node));
}

/**
 * mibew_widget_response_set_data:
 * @self: a #MibewWidgetResponse
 * @handler: the name of a handler
 * @data: (nullable) (transfer none): the data passed to @handler, any
 *   JSON value; it is copied. %NULL removes @handler's data
 *
 * Sets the data the widget passes to @handler: PHP's
 * `$args['response']['data']['usefulFunc'] = array('time' => microtime(true));`.
 */
void
mibew_widget_response_set_data (MibewWidgetResponse *self,
                                const char          *handler,
                                JsonNode            *data)
{
  g_return_if_fail (MIBEW_IS_WIDGET_RESPONSE (self));
  g_return_if_fail (handler != NULL);

  if (data == NULL)
    {
      JsonObject *all = lookup_object (self, "data");

      if (all != NULL && json_object_has_member (all, handler))
        json_object_remove_member (all, handler);
      return;
    }

  json_object_set_member (ensure_object (self, "data"), handler, mibew_json_node_deep_copy (data));
}

/**
 * mibew_widget_response_get_data:
 * @self: a #MibewWidgetResponse
 * @handler: the name of a handler
 *
 * Gets the data the widget passes to @handler. The value is live:
 * changing it changes the response.
 *
 * Returns: (transfer none) (nullable): the data, or %NULL if @handler
 *   has none
 */
JsonNode *
mibew_widget_response_get_data (MibewWidgetResponse *self,
                                const char          *handler)
{
  JsonObject *all;

  g_return_val_if_fail (MIBEW_IS_WIDGET_RESPONSE (self), NULL);
  g_return_val_if_fail (handler != NULL, NULL);

  all = lookup_object (self, "data");
  return all != NULL ? json_object_get_member (all, handler) : NULL;
}
