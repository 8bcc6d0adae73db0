/* mibew-assets-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-assets-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewAssetsArgs
{
  MibewEventArgs parent_instance;

  MibewRequest *request;
  MibewAssetList *assets;
};

G_DEFINE_FINAL_TYPE (MibewAssetsArgs, mibew_assets_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_assets_args);

enum {
  FIELD_REQUEST,
  FIELD_ASSETS,
};

static const MibewArgField fields[] = {
  { "request", "request", MIBEW_ARG_RECORD, mibew_request_get_type,
    G_STRUCT_OFFSET (MibewAssetsArgs, request), 0, MIBEW_FOLD_NONE,
    "The request of the page" },
  { "assets", "assets", MIBEW_ARG_ASSETS, NULL,
    G_STRUCT_OFFSET (MibewAssetsArgs, assets), MIBEW_ARG_LAZY | MIBEW_ARG_USED | MIBEW_ARG_EVENT_KEY, MIBEW_FOLD_APPEND,
    "The assets of the page (css or js)" },
};

/**
 * MibewAssetsArgs:request:
 *
 * The request of the page (`request`).
 */
/**
 * MibewAssetsArgs:assets:
 *
 * The assets attached to the page (`css` for `pageAddCss`, `js` for
 * `pageAddJs`), never %NULL; it starts empty. Listeners add or remove assets
 * in place, or return a #MibewAssetList whose assets are appended.
 */

static void
mibew_assets_args_class_init (MibewAssetsArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_assets_args, klass);
}

static void
mibew_assets_args_init (MibewAssetsArgs *self)
{
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_ASSETS_ARGS,
                                           (gconstpointer[]) { &request, &assets });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_assets_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_assets_args));
  g_return_if_fail (request == NULL || MIBEW_IS_REQUEST (request));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST, &request);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_assets_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_ASSETS);
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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_assets_args));
  g_return_if_fail (assets == NULL || MIBEW_IS_ASSET_LIST (assets));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ASSETS, &assets);
}
