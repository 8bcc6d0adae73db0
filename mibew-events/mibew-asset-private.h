/* mibew-asset-private.h: the path-aware decoders of the value types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The public *_new_from_json() functions and the arguments codec share
 * these; errors name the JSON path below @path ("css[2].type").
 */

#pragma once

#include "mibew-asset.h"
#include "mibew-asset-list.h"
#include "mibew-base-url-generator.h"

G_BEGIN_DECLS

MibewAsset            *mibew_asset_decode              (JsonNode    *node,
                                                        const char  *path,
                                                        GError     **error);
MibewAssetList        *mibew_asset_list_decode         (JsonNode    *node,
                                                        const char  *path,
                                                        GError     **error);
MibewBaseUrlGenerator *mibew_base_url_generator_decode (JsonNode    *node,
                                                        const char  *path,
                                                        GError     **error);

G_END_DECLS
