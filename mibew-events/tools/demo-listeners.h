/* demo-listeners.h: the example listeners of `mibew-events trigger --demo`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <mibew-events/mibew-events.h>

G_BEGIN_DECLS

/* The words the profanity filter masks, lower-case ASCII, NULL-terminated. */
extern const char * const mibew_demo_bad_words[];

/* Returns @text with every listed bad word (whole words, any case) replaced
 * by one asterisk per character, or NULL if @text has none. */
char    *mibew_demo_filter_profanity (const char           *text);

/* Attaches the example listeners: the profanity filter (threadPostMessage),
 * the seed's `microtime` API function (threadFunctionCall and
 * usersFunctionCall) and the seed's `usefulFunc` widget handler
 * (widgetResponseAlter). */
gboolean mibew_demo_attach           (MibewEventDispatcher *dispatcher,
                                      GError              **error);

G_END_DECLS
