/* mibew-routes-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-routes-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewRoutesArgs
{
  MibewEventArgs parent_instance;

  MibewRouteCollection *routes;
};

G_DEFINE_FINAL_TYPE (MibewRoutesArgs, mibew_routes_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_ROUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_routes_args_fold_return (MibewEventArgs *args,
                               gpointer        value)
{
  MibewRoutesArgs *self = MIBEW_ROUTES_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->routes);
  self->routes = value;
}

static void
mibew_routes_args_finalize (GObject *object)
{
  MibewRoutesArgs *self = MIBEW_ROUTES_ARGS (object);

  g_clear_object (&self->routes);

  G_OBJECT_CLASS (mibew_routes_args_parent_class)->finalize (object);
}

static void
mibew_routes_args_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MibewRoutesArgs *self = MIBEW_ROUTES_ARGS (object);

  switch (prop_id)
    {
    case PROP_ROUTES:
      g_value_set_object (value, self->routes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_routes_args_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MibewRoutesArgs *self = MIBEW_ROUTES_ARGS (object);

  switch (prop_id)
    {
    case PROP_ROUTES:
      mibew_routes_args_set_routes (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_routes_args_class_init (MibewRoutesArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_routes_args_finalize;
  object_class->get_property = mibew_routes_args_get_property;
  object_class->set_property = mibew_routes_args_set_property;

  args_class->return_type = MIBEW_TYPE_ROUTE_COLLECTION;
  args_class->fold_return = mibew_routes_args_fold_return;

  /**
   * MibewRoutesArgs:routes:
   *
   * All the routes of the system (`routes`). Listeners change the collection,
   * or replace it by returning a new #MibewRouteCollection from the signal.
   */
  properties[PROP_ROUTES] =
    g_param_spec_object ("routes", NULL, NULL, MIBEW_TYPE_ROUTE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  MibewRoutesArgs *self = g_object_new (MIBEW_TYPE_ROUTES_ARGS, NULL);

  mibew_routes_args_set_routes (self, routes);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_ROUTES_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_ROUTES_ARGS (self));
  g_return_if_fail (routes == NULL || MIBEW_IS_ROUTE_COLLECTION (routes));

  g_set_object (&self->routes, routes);
}
