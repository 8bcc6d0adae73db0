/* mibew-plugins.h: the single public include of libmibew-plugins
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __MIBEW_PLUGINS_INSIDE__

#include <mibew-events/mibew-events.h>

#include "mibew-plugins-version-macros.h"
#include "mibew-plugin-enums.h"
#include "mibew-plugin-error.h"
#include "mibew-plugin-enum-types.h"
#include "mibew-plugin.h"
#include "mibew-plugin-info.h"
#include "mibew-plugin-engine.h"

#undef __MIBEW_PLUGINS_INSIDE__
