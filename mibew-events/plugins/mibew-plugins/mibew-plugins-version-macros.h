/* mibew-plugins-version-macros.h: symbol visibility and availability
 * markers of libmibew-plugins
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_PLUGINS_INSIDE__) && !defined(MIBEW_PLUGINS_COMPILATION)
#error "Only <mibew-plugins/mibew-plugins.h> can be included directly."
#endif

#include <glib.h>

/* The library is built with hidden symbols; these mark the exported ones. */
#ifndef _MIBEW_PLUGINS_EXTERN
#define _MIBEW_PLUGINS_EXTERN __attribute__((visibility("default"))) extern
#endif

#define MIBEW_PLUGINS_AVAILABLE_IN_ALL _MIBEW_PLUGINS_EXTERN
#define MIBEW_PLUGINS_AVAILABLE_IN_0_1 _MIBEW_PLUGINS_EXTERN
