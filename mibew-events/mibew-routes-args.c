/* mibew-routes-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-routes-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewRoutesArgs:
 *
 * The arguments of `routesAlter`
 * ([signal@MibewEvents.RoutingEvents::routes-alter]): all the routes of the
 * system, just loaded.
 *
 * Listeners add, change or remove routes in #MibewRoutesArgs:routes, or return
 * a new #MibewRouteCollection from the signal, which replaces it before the
 * next listener runs; Mibew uses the final collection.
 *
 * JSON form: `{"routes": {route_name: {"path": string, "defaults": {},
 * "requirements": {}, "methods": []}}}`.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewRoutesArgs
{
  MibewEventArgs parent_instance;

  MibewRouteCollection *routes;
};

G_DEFINE_FINAL_TYPE (MibewRoutesArgs, mibew_routes_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_routes_args);

enum {
  FIELD_ROUTES,
};

static const MibewArgField fields[] = {
  { "routes", "routes", MIBEW_ARG_RECORD, mibew_route_collection_get_type,
    G_STRUCT_OFFSET (MibewRoutesArgs, routes), MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The route collection" },
};

/**
 * MibewRoutesArgs:routes:
 *
 * All the routes of the system (`routes`). Listeners change the collection,
 * or replace it by returning a new #MibewRouteCollection from the signal.
 */

static void
mibew_routes_args_class_init (MibewRoutesArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_routes_args, klass);
}

static void
mibew_routes_args_init (MibewRoutesArgs *self)
{
}

/**
 * mibew_routes_args_new:
 * @routes: (nullable): the routes
 *
 * Creates the arguments of `routesAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewRoutesArgs *
mibew_routes_args_new (MibewRouteCollection *routes)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_ROUTES_ARGS,
                                           (gconstpointer[]) { &routes });
}

/**
 * mibew_routes_args_get_routes:
 * @self: a #MibewRoutesArgs
 *
 * Gets the routes.
 *
 * Returns: (transfer none) (nullable): the routes
 */
MibewRouteCollection *
mibew_routes_args_get_routes (MibewRoutesArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_routes_args), NULL);

  return self->routes;
}

/**
 * mibew_routes_args_set_routes:
 * @self: a #MibewRoutesArgs
 * @routes: (nullable): the routes
 *
 * Replaces the routes.
 */
void
mibew_routes_args_set_routes (MibewRoutesArgs      *self,
                              MibewRouteCollection *routes)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_routes_args));
  g_return_if_fail (routes == NULL || MIBEW_IS_ROUTE_COLLECTION (routes));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ROUTES, &routes);
}
