/* mibew-bridge-error.h: the MIBEW_BRIDGE_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__MIBEW_BRIDGE_INSIDE__) && !defined(MIBEW_BRIDGE_COMPILATION)
#error "Only <mibew-bridge/mibew-bridge.h> can be included directly."
#endif

#include <glib.h>

#include "mibew-bridge-version-macros.h"

G_BEGIN_DECLS

/**
 * MIBEW_BRIDGE_ERROR:
 *
 * The error domain of the bridge. Errors in this domain are from the
 * #MibewBridgeError enumeration.
 */
#define MIBEW_BRIDGE_ERROR (mibew_bridge_error_quark ())

/**
 * MibewBridgeError:
 * @MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS: the server was asked to listen
 *   beyond loopback without a secret
 * @MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE: the secret file may be read
 *   by its group or by others
 * @MIBEW_BRIDGE_ERROR_INVALID_SECRET: the secret is empty or cannot be
 *   read
 * @MIBEW_BRIDGE_ERROR_INVALID_ADDRESS: an address, port or `listen`
 *   value cannot be used
 * @MIBEW_BRIDGE_ERROR_INVALID_CONFIG: the configuration file is not valid
 *   (the message names the group and key)
 * @MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE: another server listens on the
 *   Unix socket path
 * @MIBEW_BRIDGE_ERROR_NO_SOCKETS: socket activation was asked for but no
 *   socket was passed (`LISTEN_FDS`, `LISTEN_PID`)
 * @MIBEW_BRIDGE_ERROR_SHUTTING_DOWN: the server is shutting down and
 *   cannot listen again
 *
 * Error codes in the %MIBEW_BRIDGE_ERROR domain.
 */
typedef enum {
  MIBEW_BRIDGE_ERROR_INSECURE_ADDRESS,
  MIBEW_BRIDGE_ERROR_INSECURE_SECRET_FILE,
  MIBEW_BRIDGE_ERROR_INVALID_SECRET,
  MIBEW_BRIDGE_ERROR_INVALID_ADDRESS,
  MIBEW_BRIDGE_ERROR_INVALID_CONFIG,
  MIBEW_BRIDGE_ERROR_ADDRESS_IN_USE,
  MIBEW_BRIDGE_ERROR_NO_SOCKETS,
  MIBEW_BRIDGE_ERROR_SHUTTING_DOWN,
} MibewBridgeError;

MIBEW_BRIDGE_AVAILABLE_IN_ALL
GQuark mibew_bridge_error_quark (void);

G_END_DECLS
