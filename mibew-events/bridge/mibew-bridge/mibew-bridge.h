/* mibew-bridge.h: the single public include of libmibew-bridge
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __MIBEW_BRIDGE_INSIDE__

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <mibew-events/mibew-events.h>

#include "mibew-bridge-version-macros.h"
#include "mibew-bridge-error.h"
#include "mibew-bridge-enums.h"
#include "mibew-bridge-enum-types.h"
#include "mibew-bridge-config.h"
#include "mibew-bridge-server.h"

#undef __MIBEW_BRIDGE_INSIDE__
