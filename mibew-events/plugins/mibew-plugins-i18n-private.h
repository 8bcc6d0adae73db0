/* mibew-plugins-i18n-private.h: gettext for the plugin engine's messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Binds the "mibew-events" text domain (shared with the core); cheap
 * after the first call. */
void mibew_plugins_i18n_init (void);

G_END_DECLS
