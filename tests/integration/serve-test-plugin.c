/* serve-test-plugin.c: Test:Shout, the plugin the serve tests load
 *
 * On threadPostMessage it answers with the message body upper-cased,
 * after the configured prefix:
 *
 *   [plugin:Test:Shout]
 *   prefix=">> "        (JSON, or a plain string; default "")
 *   delay=0.5           (seconds to sleep first: a request in flight)
 *
 * test_serve.py writes the .plugin file next to a link to this module in a
 * temporary plugin directory.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#if __has_include (<libpeas.h>)
#include <libpeas.h>          /* libpeas-2 */
#else
#include <libpeas/peas.h>     /* libpeas 1.x */
#endif
#include <mibew-plugins/mibew-plugins.h>

#define TEST_TYPE_SHOUT (test_shout_get_type ())
G_DECLARE_FINAL_TYPE (TestShout, test_shout, TEST, SHOUT, GObject)

struct _TestShout
{
  GObject parent_instance;
};

typedef struct
{
  char *prefix;
  gulong delay_us;
} Settings;

static void test_shout_plugin_init (MibewPluginInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (TestShout, test_shout, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MIBEW_TYPE_PLUGIN, test_shout_plugin_init))

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

static void
settings_free (gpointer data)
{
  Settings *settings = data;

  g_free (settings->prefix);
  g_free (settings);
}

static char *
on_post_message (MibewThreadEvents    *thread,
                 MibewPostMessageArgs *args,
                 gpointer              user_data)
{
  const Settings *settings = user_data;
  const char *body = mibew_post_message_args_get_message_body (args);
  g_autofree char *upper = NULL;

  if (settings->delay_us > 0)
    g_usleep (settings->delay_us);
  if (body == NULL)
    return NULL;
  upper = g_utf8_strup (body, -1);
  return g_strconcat (settings->prefix, upper, NULL);
}

static gboolean
test_shout_activate (MibewPlugin           *plugin,
                     MibewEventDispatcher  *dispatcher,
                     GError               **error)
{
  JsonObject *config = mibew_plugin_info_get_config (mibew_plugin_get_info (plugin));
  JsonNode *prefix = json_object_get_member (config, "prefix");
  JsonNode *delay = json_object_get_member (config, "delay");
  Settings *settings = g_new0 (Settings, 1);

  settings->prefix = g_strdup (prefix != NULL && json_node_get_value_type (prefix) == G_TYPE_STRING
                               ? json_node_get_string (prefix) : "");
  if (delay != NULL && JSON_NODE_HOLDS_VALUE (delay))
    settings->delay_us = (gulong) (json_node_get_double (delay) * G_USEC_PER_SEC);
  return mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", MIBEW_PRIORITY_DEFAULT,
                                                 G_CALLBACK (on_post_message), settings,
                                                 settings_free, error) != 0;
}

static void
test_shout_plugin_init (MibewPluginInterface *iface)
{
  iface->activate = test_shout_activate;
}

static void
test_shout_class_init (TestShoutClass *klass)
{
}

static void
test_shout_class_finalize (TestShoutClass *klass)
{
}

static void
test_shout_init (TestShout *self)
{
}

void
peas_register_types (PeasObjectModule *module)
{
  test_shout_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MIBEW_TYPE_PLUGIN, TEST_TYPE_SHOUT);
}
