/* mibew-base-url-generator.h: a URL generator that prefixes a base URL
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_EVENTS_INSIDE__) && !defined(MIBEW_EVENTS_COMPILATION)
#error "Only <mibew-events/mibew-events.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mibew-url-generator.h"
#include "mibew-version-macros.h"

G_BEGIN_DECLS

#define MIBEW_TYPE_BASE_URL_GENERATOR (mibew_base_url_generator_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewBaseUrlGenerator, mibew_base_url_generator, MIBEW, BASE_URL_GENERATOR, GObject)

MIBEW_AVAILABLE_IN_ALL
MibewBaseUrlGenerator *mibew_base_url_generator_new           (const char             *base_url);
MIBEW_AVAILABLE_IN_ALL
MibewBaseUrlGenerator *mibew_base_url_generator_new_from_json (JsonObject             *object,
                                                               GError                **error);
MIBEW_AVAILABLE_IN_ALL
const char            *mibew_base_url_generator_get_base_url  (MibewBaseUrlGenerator  *self);
MIBEW_AVAILABLE_IN_ALL
JsonObject            *mibew_base_url_generator_to_json       (MibewBaseUrlGenerator  *self);

G_END_DECLS
