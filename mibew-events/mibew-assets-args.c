/* mibew-assets-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-assets-args.h"

/**
 * MibewAssetsArgs:
 *
 * The arguments of `pageAddCss` ([signal@MibewEvents.PageEvents::add-css]) and
 * `pageAddJs` ([signal@MibewEvents.PageEvents::add-js]): the CSS or JavaScript
 * assets about to be attached to a page.
 *
 * The list in #MibewAssetsArgs:assets starts empty. Listeners add (or remove)
 * assets in it, or return a #MibewAssetList from the signal, whose assets are
 * appended. Mibew then collapses URL assets with the same URL and sorts the
 * assets by weight.
 *
 * JSON form: `{"request": Request, "css": [Asset]}` for `pageAddCss`,
 * `{"request": Request, "js": [Asset]}` for `pageAddJs`; an asset is a string
 * (a relative URL) or `{"content": string, "type":
 * "absolute"|"relative"|"inline", "weight": int}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewAssetsArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  MibewAssetList *assets;
};

G_DEFINE_FINAL_TYPE (MibewAssetsArgs, mibew_assets_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_ASSETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_assets_args_fold_return (MibewEventArgs *args,
                               gpointer        value)
{
  MibewAssetsArgs *self = MIBEW_ASSETS_ARGS (args);
  g_autoptr(MibewAssetList) assets = value;

  /* A listener returning the list itself adds nothing. */
  if (assets != NULL && assets != self->assets)
    mibew_asset_list_append_all (self->assets, assets);
}

static void
mibew_assets_args_finalize (GObject *object)
{
  MibewAssetsArgs *self = MIBEW_ASSETS_ARGS (object);

  g_clear_object (&self->request);
  g_clear_object (&self->assets);

  G_OBJECT_CLASS (mibew_assets_args_parent_class)->finalize (object);
}

static void
mibew_assets_args_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MibewAssetsArgs *self = MIBEW_ASSETS_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_ASSETS:
      g_value_set_object (value, self->assets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_assets_args_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MibewAssetsArgs *self = MIBEW_ASSETS_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      mibew_assets_args_set_request (self, g_value_get_object (value));
      break;
    case PROP_ASSETS:
      mibew_assets_args_set_assets (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_assets_args_class_init (MibewAssetsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_assets_args_finalize;
  object_class->get_property = mibew_assets_args_get_property;
  object_class->set_property = mibew_assets_args_set_property;

  args_class->return_type = MIBEW_TYPE_ASSET_LIST;
  args_class->fold_return = mibew_assets_args_fold_return;

  /**
   * MibewAssetsArgs:request:
   *
   * The request of the page (`request`).
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, MIBEW_TYPE_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewAssetsArgs:assets:
   *
   * The assets attached to the page (`css` for `pageAddCss`, `js` for
   * `pageAddJs`), never %NULL; it starts empty. Listeners add or remove assets
   * in place, or return a #MibewAssetList whose assets are appended.
   */
  properties[PROP_ASSETS] =
    g_param_spec_object ("assets", NULL, NULL, MIBEW_TYPE_ASSET_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_assets_args_init (MibewAssetsArgs *self)
{
  self->assets = mibew_asset_list_new ();
}

/**
 * mibew_assets_args_new:
 * @request: (nullable): the request
 * @assets: (nullable): the assets; %NULL for an empty list
 *
 * Creates the arguments of `pageAddCss` or `pageAddJs`.
 *
 * Returns: (transfer full): new arguments
 */
MibewAssetsArgs *
mibew_assets_args_new (MibewRequest   *request,
                       MibewAssetList *assets)
{
  MibewAssetsArgs *self = g_object_new (MIBEW_TYPE_ASSETS_ARGS, NULL);

  mibew_assets_args_set_request (self, request);
  if (assets != NULL)
    mibew_assets_args_set_assets (self, assets);
  return self;
}

/**
 * mibew_assets_args_get_request:
 * @self: a #MibewAssetsArgs
 *
 * Gets the request.
 *
 * Returns: (transfer none) (nullable): the request
 */
MibewRequest *
mibew_assets_args_get_request (MibewAssetsArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSETS_ARGS (self), NULL);

  return self->request;
}

/**
 * mibew_assets_args_set_request:
 * @self: a #MibewAssetsArgs
 * @request: (nullable): the request
 *
 * Sets the request.
 */
void
mibew_assets_args_set_request (MibewAssetsArgs *self,
                               MibewRequest    *request)
{
  g_return_if_fail (MIBEW_IS_ASSETS_ARGS (self));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  g_set_object (&self->request, request);
}

/**
 * mibew_assets_args_get_assets:
 * @self: a #MibewAssetsArgs
 *
 * Gets the assets, a live list: changes to it are seen by later listeners and
 * the emitter.
 *
 * Returns: (transfer none): the assets
 */
MibewAssetList *
mibew_assets_args_get_assets (MibewAssetsArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSETS_ARGS (self), NULL);

  return self->assets;
}

/**
 * mibew_assets_args_set_assets:
 * @self: a #MibewAssetsArgs
 * @assets: (nullable): the new list, shared; %NULL for an empty list
 *
 * Replaces the list of assets.
 */
void
mibew_assets_args_set_assets (MibewAssetsArgs *self,
                              MibewAssetList  *assets)
{
  g_return_if_fail (MIBEW_IS_ASSETS_ARGS (self));
  g_return_if_fail (assets == NULL || MIBEW_IS_ASSET_LIST (assets));

  if (assets != NULL)
    {
      g_set_object (&self->assets, assets);
      return;
    }
  g_clear_object (&self->assets);
  self->assets = mibew_asset_list_new ();
}
