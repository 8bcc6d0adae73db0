/* mibew-bridge-error.c: the MIBEW_BRIDGE_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-bridge-error.h"
#include "mibew-bridge-i18n-private.h"

/**
 * mibew_bridge_error_quark:
 *
 * Gets the error domain of the bridge.
 *
 * Returns: the #GQuark of the %MIBEW_BRIDGE_ERROR domain
 */
GQuark
mibew_bridge_error_quark (void)
{
  /* errors are where translated messages start: bind the domain here
   * (and in the class_init of the types, which come first) */
  mibew_bridge_i18n_init ();
  return g_quark_from_static_string ("mibew-bridge-error-quark");
}

void
mibew_bridge_i18n_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* MIBEW_EVENTS_LOCALEDIR: catalogues outside the installed prefix,
       * as the tests use the build tree's (mibew-events(1)) */
      const char *dir = g_getenv ("MIBEW_EVENTS_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}
