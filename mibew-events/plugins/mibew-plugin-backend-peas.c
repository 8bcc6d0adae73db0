/* mibew-plugin-backend-peas.c: the engine's libpeas side
 *
 * With mibew-plugin-backend-peas1.c or mibew-plugin-backend-peas2.c, the
 * only files that call libpeas (see mibew-plugin-backend-private.h). This
 * one has the calls libpeas 1.x and libpeas-2 share; those that differ are
 * in the other two (mibew-plugin-backend-peas-private.h).
 *
 * libpeas says why a plugin failed to load only in log messages
 * (g_warning() in the "libpeas" domain, and in no domain at all from its
 * Python loader, which puts the Python traceback there). While it loads a
 * plugin, this file takes those messages of the loading thread in, so that
 * the engine can give the reason with the plugin's name instead of
 * libpeas's "Failed to load". Messages of other threads meanwhile go to
 * GLib's default handler, as they would have.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "mibew-plugin-backend-peas-private.h"
#include "mibew-plugin-error.h"
#include "mibew-plugins-i18n-private.h"

struct _MibewPluginBackend
{
  PeasEngine *engine;
};

typedef struct
{
  GThread *thread;
  GPtrArray *messages;  /* char * */
  guint libpeas_handler;
  guint default_handler;
} Capture;

#define CAPTURED_LEVELS (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_FLAG_FATAL)

static void
capture_message (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  Capture *capture = user_data;

  if (g_thread_self () != capture->thread)
    {
      g_log_default_handler (log_domain, log_level, message, NULL);
      return;
    }
  g_ptr_array_add (capture->messages, g_strchomp (g_strdup (message)));
}

static void
capture_begin (Capture *capture)
{
  capture->thread = g_thread_self ();
  capture->messages = g_ptr_array_new_with_free_func (g_free);
  capture->libpeas_handler = g_log_set_handler ("libpeas", CAPTURED_LEVELS, capture_message, capture);
  capture->default_handler = g_log_set_handler (NULL, CAPTURED_LEVELS, capture_message, capture);
}

static void
capture_end (Capture *capture)
{
  g_log_remove_handler ("libpeas", capture->libpeas_handler);
  g_log_remove_handler (NULL, capture->default_handler);
  g_clear_pointer (&capture->messages, g_ptr_array_unref);
}

/* The first message, shortened to its first and last lines: "Error
 * importing plugin 'x': ModuleNotFoundError: No module named 'y'" out of a
 * whole Python traceback. */
static char *
capture_summary (Capture *capture)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  if (capture->messages->len == 0)
    return NULL;
  lines = g_strsplit (g_ptr_array_index (capture->messages, 0), "\n", -1);
  n = g_strv_length (lines);
  while (n > 1 && g_strstrip (lines[n - 1])[0] == '\0')
    n--;
  if (n <= 1)
    return g_strdup (lines[0]);
  return g_strdup_printf ("%s %s", g_strstrip (lines[0]), g_strstrip (lines[n - 1]));
}

/* Everything libpeas said, for the debug log. */
static char *
capture_text (Capture *capture)
{
  g_ptr_array_add (capture->messages, NULL);
  {
    char *text = g_strjoinv ("\n", (char **) capture->messages->pdata);

    g_ptr_array_remove_index (capture->messages, capture->messages->len - 1);
    return text;
  }
}

void
mibew_plugin_description_free (MibewPluginDescription *description)
{
  g_free (description->module_name);
  g_free (description->module_dir);
  g_free (description->display_name);
  g_free (description->description);
  g_free (description->mibew_name);
  g_free (description->mibew_version);
  g_free (description->mibew_dependencies);
  g_free (description);
}

MibewPluginBackend *
mibew_plugin_backend_new (void)
{
  MibewPluginBackend *self = g_new0 (MibewPluginBackend, 1);

  /* An engine of our own, so that the host's plugins (if it has any, on
   * peas_engine_get_default()) and ours do not mix. libpeas makes the
   * first engine of the process its default one, though: that is
   * libpeas's choice, and harmless. */
  self->engine = peas_engine_new ();
  peas_engine_enable_loader (self->engine, MIBEW_PEAS_PYTHON_LOADER);
  return self;
}

void
mibew_plugin_backend_free (MibewPluginBackend *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->engine);
  g_free (self);
}

/* libpeas reads the directory's .plugin files right away: what it
 * complained about (a file it could not read) is added to @problems. */
void
mibew_plugin_backend_add_search_path (MibewPluginBackend *self,
                                      const char         *path,
                                      GPtrArray          *problems)
{
  Capture capture;

  capture_begin (&capture);
  /* the modules sit next to their .plugin files, as installed plugins do */
  peas_engine_add_search_path (self->engine, path, path);
  for (guint i = 0; i < capture.messages->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (capture.messages, i)));
  capture_end (&capture);
}

static char *
external (PeasPluginInfo *info,
          const char     *key)
{
  const char *value = peas_plugin_info_get_external_data (info, key);

  return value != NULL ? g_strstrip (g_strdup (value)) : NULL;
}

/* Every plugin file found so far (libpeas never forgets one). What libpeas
 * complained about (a .plugin file it could not read) is added to
 * @problems. */
GPtrArray *
mibew_plugin_backend_scan (MibewPluginBackend *self,
                           GPtrArray          *problems)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) mibew_plugin_description_free);
  g_autoptr(GPtrArray) infos = NULL;
  Capture capture;

  capture_begin (&capture);
  peas_engine_rescan_plugins (self->engine);
  for (guint i = 0; i < capture.messages->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (capture.messages, i)));
  capture_end (&capture);

  infos = mibew_peas_engine_infos (self->engine);
  for (guint i = 0; i < infos->len; i++)
    {
      PeasPluginInfo *info = g_ptr_array_index (infos, i);
      MibewPluginDescription *d = g_new0 (MibewPluginDescription, 1);

      d->handle = info;
      d->module_name = g_strdup (peas_plugin_info_get_module_name (info));
      d->module_dir = g_strdup (peas_plugin_info_get_module_dir (info));
      d->display_name = g_strdup (peas_plugin_info_get_name (info));
      d->description = g_strdup (peas_plugin_info_get_description (info));
      d->mibew_name = external (info, "Mibew-Name");
      d->mibew_version = external (info, "Mibew-Version");
      d->mibew_dependencies = external (info, "Mibew-Dependencies");
      g_ptr_array_add (found, d);
    }
  return found;
}

/* Loads the plugin's module and creates its MibewPlugin. */
MibewPlugin *
mibew_plugin_backend_create (MibewPluginBackend  *self,
                             gpointer             handle,
                             GError             **error)
{
  PeasPluginInfo *info = handle;
  g_autoptr(GError) peas_error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  GObject *extension = NULL;
  Capture capture;

  capture_begin (&capture);
  if (!peas_engine_load_plugin (self->engine, info))
    {
      summary = capture_summary (&capture);
      if (summary == NULL && !peas_plugin_info_is_available (info, &peas_error) && peas_error != NULL)
        summary = g_strdup (peas_error->message);
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                   _("Could not load its module: %s"), summary != NULL ? summary : _("no reason given"));
    }
  else if (!peas_engine_provides_extension (self->engine, info, MIBEW_TYPE_PLUGIN))
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                   _("Its module “%s” provides no MibewPlugin"), peas_plugin_info_get_module_name (info));
      peas_engine_unload_plugin (self->engine, info);
    }
  else
    {
      extension = peas_engine_create_extension (self->engine, info, MIBEW_TYPE_PLUGIN, NULL);
      if (extension == NULL)
        {
          summary = capture_summary (&capture);
          g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                       _("Could not create its MibewPlugin: %s"),
                       summary != NULL ? summary : _("no reason given"));
          peas_engine_unload_plugin (self->engine, info);
        }
    }
  if (capture.messages->len > 0)
    {
      text = capture_text (&capture);
      g_debug ("libpeas on %s: %s", peas_plugin_info_get_module_name (info), text);
    }
  capture_end (&capture);

  return extension != NULL ? MIBEW_PLUGIN (extension) : NULL;
}

void
mibew_plugin_backend_unload (MibewPluginBackend *self,
                             gpointer            handle)
{
  peas_engine_unload_plugin (self->engine, handle);
}
