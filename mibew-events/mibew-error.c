/* mibew-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-error.h"
#include "mibew-i18n-private.h"

/**
 * mibew_events_error_quark:
 *
 * Gets the error domain of mibew-events.
 *
 * Returns: the #GQuark of the %MIBEW_EVENTS_ERROR domain
 */
GQuark
mibew_events_error_quark (void)
{
  /* errors are where translated messages start: bind the domain here */
  mibew_i18n_init ();
  return g_quark_from_static_string ("mibew-events-error-quark");
}

void
mibew_i18n_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* MIBEW_EVENTS_LOCALEDIR: catalogues outside the installed
       * prefix, as the tests use the build tree's (documented in
       * mibew-events(1)) */
      const char *dir = g_getenv ("MIBEW_EVENTS_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}
