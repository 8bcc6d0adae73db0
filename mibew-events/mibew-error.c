/* mibew-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-error.h"

G_DEFINE_QUARK (mibew-events-error-quark, mibew_events_error)
