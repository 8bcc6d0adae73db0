/* mibew-url-generator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-url-generator.h"

/**
 * MibewUrlGenerator:
 *
 * Something that turns a path inside Mibew into a URL the visitor's or
 * the operator's browser can load: Mibew's
 * `\Mibew\Asset\Generator\UrlGeneratorInterface` (the
 * `asset_url_generator` of `widgetResponseAlter`) and its route URL
 * generator (`route_url_generator`).
 *
 * Mibew's example listener does `$g->generate($this->getFilesPath() . '/func.js')`;
 * the same call from C:
 *
 * ```c
 * g_autofree char *url =
 *   mibew_url_generator_generate (generator, "plugins/Mibew/Example/func.js");
 * ```
 *
 * and from Python, `generator.generate("plugins/Mibew/Example/func.js")`.
 *
 * Across a process boundary a generator travels as `{"base_url": string}`
 * and comes back as a [class@MibewEvents.BaseUrlGenerator]. Other
 * implementations (a test double, a CDN rewriter) implement
 * [vfunc@MibewEvents.UrlGenerator.generate].
 */

G_DEFINE_INTERFACE (MibewUrlGenerator, mibew_url_generator, G_TYPE_OBJECT)

static void
mibew_url_generator_default_init (MibewUrlGeneratorInterface *iface)
{
}

/**
 * mibew_url_generator_generate: (virtual generate)
 * @self: a #MibewUrlGenerator
 * @path: a path inside Mibew, such as `plugins/Mibew/Example/func.js`
 *
 * Builds the URL of @path: PHP's `$generator->generate($path)`.
 *
 * Returns: (transfer full): the URL
 */
char *
mibew_url_generator_generate (MibewUrlGenerator *self,
                              const char        *path)
{
  MibewUrlGeneratorInterface *iface;

  g_return_val_if_fail (MIBEW_IS_URL_GENERATOR (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  iface = MIBEW_URL_GENERATOR_GET_IFACE (self);
  g_return_val_if_fail (iface->generate != NULL, NULL);

  return iface->generate (self, path);
}
