/* mibew-assets-args.h: arguments of pageAddCss and pageAddJs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include "mibew-asset-list.h"
#include "mibew-event-args.h"
#include "mibew-request.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_ASSETS_ARGS (mibew_assets_args_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewAssetsArgs, mibew_assets_args, MIBEW, ASSETS_ARGS, MibewEventArgs)

MIBEW_AVAILABLE_IN_ALL
MibewAssetsArgs *mibew_assets_args_new         (MibewRequest    *request,
                                                MibewAssetList  *assets);
MIBEW_AVAILABLE_IN_ALL
MibewRequest    *mibew_assets_args_get_request (MibewAssetsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void             mibew_assets_args_set_request (MibewAssetsArgs *self,
                                                MibewRequest    *request);
MIBEW_AVAILABLE_IN_ALL
MibewAssetList  *mibew_assets_args_get_assets  (MibewAssetsArgs *self);
MIBEW_AVAILABLE_IN_ALL
void             mibew_assets_args_set_assets  (MibewAssetsArgs *self,
                                                MibewAssetList  *assets);

G_END_DECLS
