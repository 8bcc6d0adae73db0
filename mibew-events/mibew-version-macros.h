/* mibew-version-macros.h: symbol visibility and availability markers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib.h>

#include "mibew-version.h"

#ifndef _MIBEW_EXTERN
#define _MIBEW_EXTERN __attribute__((visibility("default"))) extern
#endif

#define MIBEW_AVAILABLE_IN_ALL _MIBEW_EXTERN
#define MIBEW_AVAILABLE_IN_0_1 _MIBEW_EXTERN
