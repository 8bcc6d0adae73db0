/* mibew-bridge-error.c: the MIBEW_BRIDGE_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-bridge-error.h"

G_DEFINE_QUARK (mibew-bridge-error-quark, mibew_bridge_error)
