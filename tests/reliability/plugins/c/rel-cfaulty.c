/* rel-cfaulty.c: Rel:CFaulty, the misbehaving C plugin of the reliability
 * tests (tests/reliability/test_reliability.py, FaultTest)
 *
 * What it does wrong is its settings' choice (`[plugin:Rel:CFaulty]` in
 * the server's configuration):
 *
 * - "fail_activate": true — activate() fails with an error;
 * - "hang_seconds": N — its threadPostMessage listener sleeps N seconds
 *   (a listener that hangs, past the per-request deadline);
 * - "hang_first_seconds": N — its first call sleeps N seconds instead
 *   (the requests that arrive meanwhile wait in the queue: many in
 *   flight at once however slowly the clients send);
 * - "leak_bytes": N — its threadPostMessage listener allocates N bytes,
 *   touches them and never frees them (a plugin that leaks).
 *
 * - "count": true — its listener appends " [F#N]" instead of " [F]", N
 *   the number of times it ran (the security tests see from it that a
 *   refused request was never emitted).
 *
 * Otherwise its listener appends " [F]" to the message body.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#if __has_include (<libpeas.h>)
#include <libpeas.h>          /* libpeas-2 */
#else
#include <libpeas/peas.h>     /* libpeas 1.x */
#endif
#include <mibew-plugins/mibew-plugins.h>

#define REL_TYPE_CFAULTY (rel_cfaulty_get_type ())
G_DECLARE_FINAL_TYPE (RelCfaulty, rel_cfaulty, REL, CFAULTY, GObject)

struct _RelCfaulty
{
  GObject parent_instance;
};

static void rel_cfaulty_plugin_init (MibewPluginInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (RelCfaulty, rel_cfaulty, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MIBEW_TYPE_PLUGIN, rel_cfaulty_plugin_init))

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

typedef struct
{
  double hang_seconds;
  double hang_first_seconds;
  gint64 leak_bytes;
  gboolean count;
  guint calls;                  /* atomic */
} Faults;

static gpointer
on_post_message (MibewEventEmitter *emitter,
                 MibewEventArgs    *event_args,
                 gpointer           user_data)
{
  MibewPostMessageArgs *args = MIBEW_POST_MESSAGE_ARGS (event_args);
  Faults *faults = user_data;
  guint calls = (guint) g_atomic_int_add (&faults->calls, 1) + 1;
  g_autofree char *mark = faults->count ? g_strdup_printf (" [F#%u]", calls) : g_strdup (" [F]");
  g_autofree char *body = NULL;
  double hang = calls == 1 && faults->hang_first_seconds > 0 ? faults->hang_first_seconds
                                                             : faults->hang_seconds;

  if (hang > 0)
    g_usleep ((gulong) (hang * G_USEC_PER_SEC));
  if (faults->leak_bytes > 0)
    {
      /* on purpose: never freed, and touched so that it counts in the RSS */
      char *leak = g_malloc ((gsize) faults->leak_bytes);

      memset (leak, 0x5a, (gsize) faults->leak_bytes);
    }
  body = g_strconcat (mibew_post_message_args_get_message_body (args), mark, NULL);
  mibew_post_message_args_set_message_body (args, body);
  return NULL;
}

static double
config_number (JsonObject *config,
               const char *key)
{
  JsonNode *node = json_object_get_member (config, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0;
}

static gboolean
rel_cfaulty_activate (MibewPlugin           *plugin,
                      MibewEventDispatcher  *dispatcher,
                      GError               **error)
{
  MibewPluginInfo *info = mibew_plugin_get_info (plugin);
  JsonObject *config = mibew_plugin_info_get_config (info);
  Faults *faults;

  if (json_object_has_member (config, "fail_activate") &&
      json_object_get_boolean_member (config, "fail_activate"))
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                   "%s fails in activate() on purpose", mibew_plugin_info_get_name (info));
      return FALSE;
    }
  faults = g_new0 (Faults, 1);
  faults->hang_seconds = config_number (config, "hang_seconds");
  faults->hang_first_seconds = config_number (config, "hang_first_seconds");
  faults->leak_bytes = (gint64) config_number (config, "leak_bytes");
  faults->count = json_object_has_member (config, "count") && json_object_get_boolean_member (config, "count");
  return mibew_event_dispatcher_attach_func (dispatcher, "threadPostMessage", MIBEW_PRIORITY_DEFAULT,
                                             on_post_message, faults, g_free, error) != 0;
}

static void
rel_cfaulty_plugin_init (MibewPluginInterface *iface)
{
  iface->activate = rel_cfaulty_activate;
}

static void rel_cfaulty_class_init (RelCfaultyClass *klass) {}
static void rel_cfaulty_class_finalize (RelCfaultyClass *klass) {}
static void rel_cfaulty_init (RelCfaulty *self) {}

void
peas_register_types (PeasObjectModule *module)
{
  rel_cfaulty_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MIBEW_TYPE_PLUGIN, REL_TYPE_CFAULTY);
}
