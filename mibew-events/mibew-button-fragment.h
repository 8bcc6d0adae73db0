/* mibew-button-fragment.h: the markup of a generated button
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

#define MIBEW_TYPE_BUTTON_FRAGMENT (mibew_button_fragment_get_type ())

MIBEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (MibewButtonFragment, mibew_button_fragment, MIBEW, BUTTON_FRAGMENT, GObject)

MIBEW_AVAILABLE_IN_ALL
MibewButtonFragment *mibew_button_fragment_new      (const char          *html);
MIBEW_AVAILABLE_IN_ALL
const char          *mibew_button_fragment_get_html (MibewButtonFragment *self);
MIBEW_AVAILABLE_IN_ALL
void                 mibew_button_fragment_set_html (MibewButtonFragment *self,
                                                     const char          *html);

G_END_DECLS
