/* mibew-events-serve.h: `mibew-events serve`, built with the HTTP bridge
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options of `serve`, as parsed; NULL (or -1 for the port) when not
 * given. The tool has already refused --listen with --address or --port. */
typedef struct
{
  const char *config_file;
  const char *listen;
  const char *address;
  int port;
  const char *secret_file;
  const char * const *plugin_dirs;
  gboolean check_config;
} MibewServeOptions;

/* Runs `serve`: the configuration file, the command line over it, checked;
 * with check_config, prints where the server would listen; otherwise loads
 * the plugins and serves until SIGTERM or SIGINT. Returns TRUE when it
 * ends well (the configuration checks out, or the server shut down
 * gracefully), FALSE with @error set otherwise: a configuration that does
 * not check out, an address it cannot listen on, or a second signal that
 * stopped the server with requests unanswered. */
gboolean mibew_tool_serve (const MibewServeOptions  *options,
                           GError                  **error);

G_END_DECLS
