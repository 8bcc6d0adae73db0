/* mibew-plugin-backend-peas2.c: what is libpeas-2's own
 *
 * See mibew-plugin-backend-peas-private.h; the rest of the backend is in
 * mibew-plugin-backend-peas.c. libpeas-2's engine is a GListModel of
 * PeasPluginInfo objects instead of giving out a list.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "mibew-plugin-backend-peas-private.h"

GPtrArray *
mibew_peas_engine_infos (PeasEngine *engine)
{
  GListModel *model = G_LIST_MODEL (engine);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *infos = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PeasPluginInfo) info = g_list_model_get_item (model, i);

      /* the engine keeps its own reference as long as it lives */
      g_ptr_array_add (infos, info);
    }
  return infos;
}
