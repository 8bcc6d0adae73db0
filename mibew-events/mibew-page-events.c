/* mibew-page-events.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-page-events.h"
#include "mibew-event-emitter-private.h"

/**
 * MibewPageEvents:
 *
 * Page events: assets and options attached to the pages of Mibew's administrative interface.
 *
 * Get it from the dispatcher's #MibewEventDispatcher:page property and
 * connect to its signals, or attach listeners by Mibew's event names with
 * mibew_event_dispatcher_attach_listener().
 */
struct _MibewPageEvents
{
  MibewEventEmitter parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewPageEvents, mibew_page_events, MIBEW_TYPE_EVENT_EMITTER)

static void
mibew_page_events_class_init (MibewPageEventsClass *klass)
{
  /**
   * MibewPageEvents::add-css:
   * @self: the #MibewPageEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `pageAddCss` (`\Mibew\EventDispatcher\Events::PAGE_ADD_CSS`).
   *
   * Emitted before CSS assets are attached to a page. Listeners add (or remove) assets in #MibewAssetsArgs:assets, or return a #MibewAssetList whose assets are appended. The JSON key of the list is `css`.
   *
   * Returns: (transfer full) (nullable): a new value (#MibewAssetList of assets to append), or %NULL
   */
  /**
   * MibewPageEvents::add-js:
   * @self: the #MibewPageEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `pageAddJs` (`\Mibew\EventDispatcher\Events::PAGE_ADD_JS`).
   *
   * Emitted before JavaScript assets are attached to a page. Listeners add (or remove) assets in #MibewAssetsArgs:assets, or return a #MibewAssetList whose assets are appended. The JSON key of the list is `js`.
   *
   * Returns: (transfer full) (nullable): a new value (#MibewAssetList of assets to append), or %NULL
   */
  /**
   * MibewPageEvents::add-js-plugin-options:
   * @self: the #MibewPageEvents
   * @args: the arguments, one object shared by every listener: changes are
   *   seen by later listeners and the emitter. Keep a reference to hold on
   *   to it (or to any value in it) after the handler returns; see
   *   #MibewEventArgs for how long the emitter keeps it unchanged.
   *
   * `pageAddJsPluginOptions` (`\Mibew\EventDispatcher\Events::PAGE_ADD_JS_PLUGIN_OPTIONS`).
   *
   * Emitted before the options of JavaScript plugins are attached to a page, so plugins can pass data to the client side. Listeners change #MibewPluginOptionsArgs:plugins (plugin name to options), or return an object that is merged into it, later keys winning.
   *
   * Returns: (transfer full) (nullable): a new value (#JsonObject to merge), or %NULL
   */
  mibew_event_emitter_class_setup (MIBEW_EVENT_EMITTER_CLASS (klass),
                                   MIBEW_EVENT_CATEGORY_PAGE);
}

static void
mibew_page_events_init (MibewPageEvents *self)
{
}

/**
 * mibew_page_events_emit_add_css:
 * @self: a #MibewPageEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `pageAddCss` (#MibewPageEvents::add-css) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_page_events_emit_add_css (MibewPageEvents *self,
                               MibewAssetsArgs *args)
{
  g_return_if_fail (MIBEW_IS_PAGE_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ASSETS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_PAGE_ADD_CSS,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_page_events_emit_add_js:
 * @self: a #MibewPageEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `pageAddJs` (#MibewPageEvents::add-js) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_page_events_emit_add_js (MibewPageEvents *self,
                              MibewAssetsArgs *args)
{
  g_return_if_fail (MIBEW_IS_PAGE_EVENTS (self));
  g_return_if_fail (MIBEW_IS_ASSETS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_PAGE_ADD_JS,
                                   (MibewEventArgs *) args);
}

/**
 * mibew_page_events_emit_add_js_plugin_options:
 * @self: a #MibewPageEvents
 * @args: the arguments; listeners may change them
 *
 * Triggers `pageAddJsPluginOptions` (#MibewPageEvents::add-js-plugin-options) with @args, type-safely.
 * When it returns, @args holds what the listeners left there.
 */
void
mibew_page_events_emit_add_js_plugin_options (MibewPageEvents *self,
                                             MibewPluginOptionsArgs *args)
{
  g_return_if_fail (MIBEW_IS_PAGE_EVENTS (self));
  g_return_if_fail (MIBEW_IS_PLUGIN_OPTIONS_ARGS (args));

  mibew_event_emitter_emit ((MibewEventEmitter *) self, MIBEW_EVENT_PAGE_ADD_JS_PLUGIN_OPTIONS,
                                   (MibewEventArgs *) args);
}
