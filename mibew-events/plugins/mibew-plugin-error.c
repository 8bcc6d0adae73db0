/* mibew-plugin-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-plugin-error.h"
#include "mibew-plugins-i18n-private.h"

/**
 * mibew_plugin_error_quark:
 *
 * Gets the error domain of the plugin engine.
 *
 * Returns: the #GQuark of the %MIBEW_PLUGIN_ERROR domain
 */
GQuark
mibew_plugin_error_quark (void)
{
  /* errors are where translated messages start: bind the domain here */
  mibew_plugins_i18n_init ();
  return g_quark_from_static_string ("mibew-plugin-error-quark");
}

void
mibew_plugins_i18n_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* MIBEW_EVENTS_LOCALEDIR, as the core: an uninstalled build's
       * catalogues */
      const char *dir = g_getenv ("MIBEW_EVENTS_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}
