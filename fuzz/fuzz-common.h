/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The entry point of every target: libFuzzer's, or fuzz-replay.c's. */
int        LLVMFuzzerTestOneInput (const guint8 *data,
                                   size_t        size);

void       fuzz_read_properties   (GObject      *object,
                                   guint         depth,
                                   GString      *out);
GPtrArray *fuzz_split             (const guint8 *data,
                                   size_t        size,
                                   const char   *separator,
                                   guint         max_parts);

G_END_DECLS
