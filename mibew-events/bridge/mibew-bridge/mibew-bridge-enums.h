/* mibew-bridge-enums.h: enumerations of the bridge
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_BRIDGE_INSIDE__) && !defined(MIBEW_BRIDGE_COMPILATION)
#error "Only <mibew-bridge/mibew-bridge.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * MibewBridgeDispatchMode:
 * @MIBEW_BRIDGE_DISPATCH_MODE_SERIAL: events are emitted one at a time,
 *   in the order their requests were read, on one worker thread of the
 *   server's own; the right mode for Python listeners (and the default)
 * @MIBEW_BRIDGE_DISPATCH_MODE_THREADS: events are emitted on a pool of
 *   worker threads (#MibewBridgeServer:max-threads), several at once; for
 *   C listeners only, which must then be thread-safe
 * @MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT: events are emitted one at a
 *   time in the server's #GMainContext, from an idle callback; the mode
 *   for GJS listeners, which may only run on the thread of their
 *   JavaScript engine
 *
 * Where a #MibewBridgeServer runs the listeners of the events it is
 * posted. In every mode the server itself (reading requests, checking
 * signatures, the listing, health and metrics endpoints) runs in its
 * #GMainContext and keeps answering while listeners run; an event with
 * no listener is answered there at once.
 */
typedef enum {
  MIBEW_BRIDGE_DISPATCH_MODE_SERIAL,
  MIBEW_BRIDGE_DISPATCH_MODE_THREADS,
  MIBEW_BRIDGE_DISPATCH_MODE_MAIN_CONTEXT,
} MibewBridgeDispatchMode;

G_END_DECLS
