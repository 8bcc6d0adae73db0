/* mibew-route-collection.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-route-collection.h"
#include "mibew-json-private.h"

/**
 * MibewRouteCollection:
 *
 * Mibew's routes, as the `\Symfony\Component\Routing\RouteCollection`
 * that `routesAlter` ([signal@MibewEvents.RoutingEvents::routes-alter])
 * hands to its listeners: plugins add their own pages there.
 *
 * JSON form: an object whose keys are the route names, in order, and
 * whose values are the routes:
 *
 * ```json
 * {
 *   "mibew_example_page": {
 *     "path": "/example/{id}",
 *     "defaults": {"_controller": "Mibew\\Mibew\\Plugin\\Example\\Controller::indexAction"},
 *     "requirements": {"id": "\\d+"},
 *     "methods": ["GET"]
 *   }
 * }
 * ```
 *
 * The collection is a [class@MibewEvents.Record] with no documented keys:
 * [method@MibewEvents.Record.get_json] gives the live object, and
 * [method@MibewEvents.RouteCollection.get_route] a live route, for
 * anything the accessors below do not cover (a route's `host`,
 * `schemes` or `options`, which Mibew's PHP side reads if present).
 *
 * ```c
 * static MibewRouteCollection *
 * on_routes_alter (MibewRoutingEvents *routing, MibewRoutesArgs *args, gpointer user_data)
 * {
 *   g_autoptr(JsonObject) defaults = json_object_new ();
 *   const char * const methods[] = { "GET", NULL };
 *
 *   json_object_set_string_member (defaults, "_controller",
 *                                  "Mibew\\Mibew\\Plugin\\Example\\Controller::indexAction");
 *   mibew_route_collection_add_route (mibew_routes_args_get_routes (args),
 *                                     "mibew_example_page", "/example",
 *                                     defaults, NULL, methods);
 *   return NULL;   // the collection was changed in place
 * }
 * ```
 */
struct _MibewRouteCollection
{
  MibewRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewRouteCollection, mibew_route_collection, MIBEW_TYPE_RECORD)

static void
mibew_route_collection_class_init (MibewRouteCollectionClass *klass)
{
  /* Every key is a route name: there are no documented keys to install. */
}

static void
mibew_route_collection_init (MibewRouteCollection *self)
{
}

/**
 * mibew_route_collection_new:
 *
 * Creates an empty route collection; add routes with
 * [method@MibewEvents.RouteCollection.add_route], or build a collection
 * from JSON with mibew_record_from_json().
 *
 * Returns: (transfer full): a new #MibewRouteCollection
 */
MibewRouteCollection *
mibew_route_collection_new (void)
{
  return g_object_new (MIBEW_TYPE_ROUTE_COLLECTION, NULL);
}

/**
 * mibew_route_collection_add_route:
 * @self: a #MibewRouteCollection
 * @name: the route's name, such as `mibew_example_page`
 * @path: the route's path pattern, such as `/example/{id}`
 * @defaults: (nullable): the default values of the route's parameters
 *   (`_controller` among them); copied. %NULL for none
 * @requirements: (nullable): a regular expression per parameter; copied.
 *   %NULL for none
 * @methods: (nullable) (array zero-terminated=1): the HTTP methods the
 *   route answers, such as `GET`; %NULL or empty for any method
 *
 * Adds a route. A route with the same name is replaced and, as with
 * Symfony's `RouteCollection::add()`, the new route moves to the end of
 * the collection.
 */
void
mibew_route_collection_add_route (MibewRouteCollection *self,
                                  const char           *name,
                                  const char           *path,
                                  JsonObject           *defaults,
                                  JsonObject           *requirements,
                                  const char * const   *methods)
{
  JsonObject *routes;
  JsonObject *route;
  JsonArray *method_array;

  g_return_if_fail (MIBEW_IS_ROUTE_COLLECTION (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (path != NULL);

  route = json_object_new ();
  json_object_set_string_member (route, "path", path);
  json_object_set_object_member (route, "defaults",
                                 defaults != NULL ? mibew_json_object_deep_copy (defaults)
                                                  : json_object_new ());
  json_object_set_object_member (route, "requirements",
                                 requirements != NULL ? mibew_json_object_deep_copy (requirements)
                                                      : json_object_new ());
  method_array = json_array_new ();
  for (guint i = 0; methods != NULL && methods[i] != NULL; i++)
    json_array_add_string_element (method_array, methods[i]);
  json_object_set_array_member (route, "methods", method_array);

  /* Remove first: replacing a member in place would keep its position. */
  routes = mibew_record_get_json (MIBEW_RECORD (self));
  if (json_object_has_member (routes, name))
    json_object_remove_member (routes, name);
  json_object_set_object_member (routes, name, route);
}

/**
 * mibew_route_collection_remove_route:
 * @self: a #MibewRouteCollection
 * @name: a route's name
 *
 * Removes the route called @name.
 *
 * Returns: %TRUE if the route was there
 */
gboolean
mibew_route_collection_remove_route (MibewRouteCollection *self,
                                     const char           *name)
{
  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return mibew_record_remove_member (MIBEW_RECORD (self), name);
}

/**
 * mibew_route_collection_has_route:
 * @self: a #MibewRouteCollection
 * @name: a route's name
 *
 * Whether the collection has a route called @name.
 *
 * Returns: %TRUE if it has
 */
gboolean
mibew_route_collection_has_route (MibewRouteCollection *self,
                                  const char           *name)
{
  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return mibew_record_has_member (MIBEW_RECORD (self), name);
}

/**
 * mibew_route_collection_get_route:
 * @self: a #MibewRouteCollection
 * @name: a route's name
 *
 * Gets the route called @name: the live object
 * `{"path", "defaults", "requirements", "methods"}`. Changing it changes
 * the route.
 *
 * Returns: (transfer none) (nullable): the route, or %NULL if there is
 *   none called @name
 */
JsonObject *
mibew_route_collection_get_route (MibewRouteCollection *self,
                                  const char           *name)
{
  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return mibew_record_get_object (MIBEW_RECORD (self), name);
}

/**
 * mibew_route_collection_get_path:
 * @self: a #MibewRouteCollection
 * @name: a route's name
 *
 * Gets the path pattern of the route called @name.
 *
 * Returns: (nullable): the route's `path`, owned by the collection, or
 *   %NULL if there is no such route or it has no path
 */
const char *
mibew_route_collection_get_path (MibewRouteCollection *self,
                                 const char           *name)
{
  JsonObject *route;
  JsonNode *path;

  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  route = mibew_record_get_object (MIBEW_RECORD (self), name);
  if (route == NULL)
    return NULL;
  path = json_object_get_member (route, "path");
  if (path == NULL || !JSON_NODE_HOLDS_VALUE (path) ||
      json_node_get_value_type (path) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (path);
}

/**
 * mibew_route_collection_get_names:
 * @self: a #MibewRouteCollection
 *
 * Gets the names of the routes, in the collection's order (the order of
 * the JSON form).
 *
 * Returns: (transfer full) (array zero-terminated=1): the route names
 */
GStrv
mibew_route_collection_get_names (MibewRouteCollection *self)
{
  JsonObject *routes;
  GList *members;
  GPtrArray *names;

  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), NULL);

  routes = mibew_record_get_json (MIBEW_RECORD (self));
  members = json_object_get_members (routes);   /* in insertion order */
  names = g_ptr_array_new ();
  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, g_strdup (l->data));
  g_ptr_array_add (names, NULL);
  g_list_free (members);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

/**
 * mibew_route_collection_get_n_routes:
 * @self: a #MibewRouteCollection
 *
 * Gets the number of routes.
 *
 * Returns: the number of routes
 */
guint
mibew_route_collection_get_n_routes (MibewRouteCollection *self)
{
  g_return_val_if_fail (MIBEW_IS_ROUTE_COLLECTION (self), 0);

  return json_object_get_size (mibew_record_get_json (MIBEW_RECORD (self)));
}
