/* demo-filter.c: Demo:Filter, an example plugin in C
 *
 * A profanity filter: on threadPostMessage it replaces each listed word in
 * the message body with asterisks, one per character, whole words only,
 * whatever their case. The words come from the plugin's configuration:
 *
 *   [plugin Demo:Filter]
 *   words=["darn", "heck"]
 *
 * (or mibew_plugin_engine_set_plugin_config() with {"words": [...]}).
 * Without "words" it masks "darn" and "heck"; with a "words" that is not a
 * list of strings it refuses to activate, and the engine reports why.
 *
 * A shared module next to demo-filter.plugin, registered with libpeas by
 * peas_register_types(). Its listener is attached with
 * MIBEW_PRIORITY_DEFAULT, so it runs at the plugin's weight, and the
 * engine detaches it when the plugin is deactivated: the plugin keeps no
 * listener id.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#if __has_include (<libpeas.h>)
#include <libpeas.h>          /* libpeas-2 */
#else
#include <libpeas/peas.h>     /* libpeas 1.x */
#endif
#include <mibew-plugins/mibew-plugins.h>

#define DEMO_TYPE_FILTER (demo_filter_get_type ())
G_DECLARE_FINAL_TYPE (DemoFilter, demo_filter, DEMO, FILTER, GObject)

struct _DemoFilter
{
  GObject parent_instance;
};

static void demo_filter_plugin_init (MibewPluginInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (DemoFilter, demo_filter, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (MIBEW_TYPE_PLUGIN, demo_filter_plugin_init))

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

static const char * const default_words[] = { "darn", "heck", NULL };

/* The body with every listed word masked, or NULL when none was found.
 * @words are case-folded. */
static char *
mask_words (const char         *text,
            const char * const *words)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean changed = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      {
        g_autofree char *folded = g_utf8_casefold (start, p - start);

        if (g_strv_contains (words, folded))
          {
            for (glong i = g_utf8_strlen (start, p - start); i > 0; i--)
              g_string_append_c (out, '*');
            changed = TRUE;
          }
        else
          g_string_append_len (out, start, p - start);
      }
    }
  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* threadPostMessage: answers with the new body (the event's `chain` fold
 * stores it before the next listener runs), or NULL for no change. */
static char *
on_post_message (MibewThreadEvents    *thread,
                 MibewPostMessageArgs *args,
                 gpointer              user_data)
{
  const char *body = mibew_post_message_args_get_message_body (args);

  return body != NULL ? mask_words (body, user_data) : NULL;
}

/* The configured words, case-folded; NULL with @error set if "words" is
 * not a list of strings. */
static char **
configured_words (JsonObject  *config,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (config, "words");
  JsonArray *array;

  if (node == NULL)
    return g_strdupv ((char **) default_words);
  array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *folded = NULL;

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          array = NULL;
          break;
        }
      folded = g_utf8_casefold (json_node_get_string (element), -1);
      g_strv_builder_add (builder, folded);
    }
  if (array == NULL)
    {
      g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_CONFIG,
                           "“words” must be a list of strings");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
demo_filter_activate (MibewPlugin           *plugin,
                      MibewEventDispatcher  *dispatcher,
                      GError               **error)
{
  MibewPluginInfo *info = mibew_plugin_get_info (plugin);
  char **words = configured_words (mibew_plugin_info_get_config (info), error);

  if (words == NULL)
    return FALSE;
  /* the word list lives as long as the listener */
  return mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", MIBEW_PRIORITY_DEFAULT,
                                                 G_CALLBACK (on_post_message), words,
                                                 (GDestroyNotify) g_strfreev, error) != 0;
}

static void
demo_filter_plugin_init (MibewPluginInterface *iface)
{
  iface->activate = demo_filter_activate;
  /* no deactivate: the engine detaches the listener */
}

static void
demo_filter_class_init (DemoFilterClass *klass)
{
}

static void
demo_filter_class_finalize (DemoFilterClass *klass)
{
}

static void
demo_filter_init (DemoFilter *self)
{
}

void
peas_register_types (PeasObjectModule *module)
{
  demo_filter_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, MIBEW_TYPE_PLUGIN, DEMO_TYPE_FILTER);
}
