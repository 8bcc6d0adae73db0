/* mibew-plugin-backend-peas-private.h: what differs between libpeas 1.x
 * and libpeas-2
 *
 * mibew-plugin-backend-peas.c implements the backend interface
 * (mibew-plugin-backend-private.h) with the calls both libpeas share; the
 * few that differ are here (the header, the Python loader's name) and in
 * mibew-plugin-backend-peas1.c (libpeas 1.x) or mibew-plugin-backend-peas2.c
 * (libpeas-2), one of which is built, chosen by the `libpeas` option
 * (MIBEW_PLUGINS_LIBPEAS is 1 or 2).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if MIBEW_PLUGINS_LIBPEAS == 2
#include <libpeas.h>
/* a Python plugin's `Loader=`: libpeas-2's Python loader */
#define MIBEW_PEAS_PYTHON_LOADER "python"
#else
#include <libpeas/peas.h>
/* libpeas 1.x's Python 3 loader */
#define MIBEW_PEAS_PYTHON_LOADER "python3"
#endif

#include "mibew-plugin-backend-private.h"

G_BEGIN_DECLS

/* Every plugin file the engine knows (libpeas never forgets one), as
 * PeasPluginInfo pointers owned by the engine. */
GPtrArray  *mibew_peas_engine_infos (PeasEngine *engine);

G_END_DECLS
