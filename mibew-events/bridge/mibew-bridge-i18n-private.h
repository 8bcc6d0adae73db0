/* mibew-bridge-i18n-private.h: gettext for the bridge's messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Binds the "mibew-events" text domain (the core's, whose binding is not
 * exported) to $MIBEW_EVENTS_LOCALEDIR or LOCALEDIR, as the core's
 * mibew_i18n_init() does; cheap after the first call. */
void mibew_bridge_i18n_init (void);

G_END_DECLS
