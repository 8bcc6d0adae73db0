/* mibew-asset-list.h: the css or js list of pageAddCss / pageAddJs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mibew-asset.h"
#include "mibew-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ASSET_LIST (mibew_asset_list_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewAssetList, mibew_asset_list, MIBEW, ASSET_LIST, GObject)

MIBEW_AVAILABLE_IN_ALL
MibewAssetList *mibew_asset_list_new           (void);
MIBEW_AVAILABLE_IN_ALL
MibewAssetList *mibew_asset_list_new_from_json (JsonArray       *array,
                                                GError         **error);
MIBEW_AVAILABLE_IN_ALL
void            mibew_asset_list_add           (MibewAssetList  *self,
                                                MibewAsset      *asset);
MIBEW_AVAILABLE_IN_ALL
void            mibew_asset_list_add_url       (MibewAssetList  *self,
                                                const char      *url);
MIBEW_AVAILABLE_IN_ALL
void            mibew_asset_list_add_inline    (MibewAssetList  *self,
                                                const char      *content,
                                                int              weight);
MIBEW_AVAILABLE_IN_ALL
gboolean        mibew_asset_list_remove        (MibewAssetList  *self,
                                                guint            position);
MIBEW_AVAILABLE_IN_ALL
void            mibew_asset_list_append_all    (MibewAssetList  *self,
                                                MibewAssetList  *other);
MIBEW_AVAILABLE_IN_ALL
MibewAsset     *mibew_asset_list_get_asset     (MibewAssetList  *self,
                                                guint            position);
MIBEW_AVAILABLE_IN_ALL
MibewAssetList *mibew_asset_list_resolve       (MibewAssetList  *self);
MIBEW_AVAILABLE_IN_ALL
JsonArray      *mibew_asset_list_to_json       (MibewAssetList  *self);

G_END_DECLS
