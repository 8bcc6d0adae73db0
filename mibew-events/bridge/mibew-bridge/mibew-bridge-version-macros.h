/* mibew-bridge-version-macros.h: symbol visibility and availability markers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_BRIDGE_INSIDE__) && !defined(MIBEW_BRIDGE_COMPILATION)
#error "Only <mibew-bridge/mibew-bridge.h> can be included directly."
#endif

#include <glib.h>

#ifndef _MIBEW_BRIDGE_EXTERN
#define _MIBEW_BRIDGE_EXTERN __attribute__((visibility("default"))) extern
#endif

#define MIBEW_BRIDGE_AVAILABLE_IN_ALL _MIBEW_BRIDGE_EXTERN
#define MIBEW_BRIDGE_AVAILABLE_IN_0_1 _MIBEW_BRIDGE_EXTERN
