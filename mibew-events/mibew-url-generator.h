/* mibew-url-generator.h: what builds URLs for plugins
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib-object.h>

#include "mibew-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_URL_GENERATOR (mibew_url_generator_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (MibewUrlGenerator, mibew_url_generator, MIBEW, URL_GENERATOR, GObject)

/**
 * MibewUrlGeneratorInterface:
 * @g_iface: the parent interface
 * @generate: returns the URL of @path, a newly allocated string; see
 *   mibew_url_generator_generate()
 *
 * The interface of #MibewUrlGenerator.
 */
struct _MibewUrlGeneratorInterface
{
  GTypeInterface g_iface;

  char *(*generate) (MibewUrlGenerator *self,
                     const char        *path);
};

MIBEW_AVAILABLE_IN_ALL
char *mibew_url_generator_generate (MibewUrlGenerator *self,
                                    const char        *path);

G_END_DECLS
