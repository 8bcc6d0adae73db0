/* mibew-asset.h: a CSS or JavaScript asset of a page
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mibew-enums.h"
#include "mibew-version-macros.h"

G_BEGIN_DECLS

/**
 * MIBEW_ASSET_DEFAULT_WEIGHT:
 *
 * The weight of an asset that does not say otherwise, such as a plain URL
 * string in the `css` or `js` list of `pageAddCss` / `pageAddJs`.
 */
#define MIBEW_ASSET_DEFAULT_WEIGHT 500

#define MIBEW_TYPE_ASSET (mibew_asset_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewAsset, mibew_asset, MIBEW, ASSET, GObject)

MIBEW_AVAILABLE_IN_ALL
MibewAsset     *mibew_asset_new            (const char     *content,
                                            MibewAssetType  type,
                                            int             weight);
MIBEW_AVAILABLE_IN_ALL
MibewAsset     *mibew_asset_new_url        (const char     *url);
MIBEW_AVAILABLE_IN_ALL
MibewAsset     *mibew_asset_new_from_json  (JsonNode       *node,
                                            GError        **error);
MIBEW_AVAILABLE_IN_ALL
const char     *mibew_asset_get_content    (MibewAsset     *self);
MIBEW_AVAILABLE_IN_ALL
MibewAssetType  mibew_asset_get_asset_type (MibewAsset     *self);
MIBEW_AVAILABLE_IN_ALL
int             mibew_asset_get_weight     (MibewAsset     *self);
MIBEW_AVAILABLE_IN_ALL
gboolean        mibew_asset_is_url         (MibewAsset     *self);
MIBEW_AVAILABLE_IN_ALL
JsonNode       *mibew_asset_to_json        (MibewAsset     *self);

G_END_DECLS
