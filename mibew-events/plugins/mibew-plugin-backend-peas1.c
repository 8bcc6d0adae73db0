/* mibew-plugin-backend-peas1.c: what is libpeas 1.x's own
 *
 * See mibew-plugin-backend-peas-private.h; the rest of the backend is in
 * mibew-plugin-backend-peas.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-plugin-backend-peas-private.h"

GPtrArray *
mibew_peas_engine_infos (PeasEngine *engine)
{
  GPtrArray *infos = g_ptr_array_new ();

  for (const GList *l = peas_engine_get_plugin_list (engine); l != NULL; l = l->next)
    g_ptr_array_add (infos, l->data);
  return infos;
}
