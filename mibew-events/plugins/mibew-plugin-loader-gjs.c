/* mibew-plugin-loader-gjs.c: JavaScript plugins, in one GJS context
 *
 * See mibew-plugin-loader-gjs-private.h. Built with GJS (gjs-1.0) when
 * meson found it; without it, a JavaScript plugin is skipped with that
 * reason.
 *
 * The process has one GjsContext for all engines: the host's own when the
 * host is a GJS script (gjs_context_get_current()), or one this file
 * creates the first time a JavaScript plugin is loaded. The thread that
 * does so owns it; JavaScript runs on that thread only, and a JavaScript
 * plugin loaded or activated on another thread fails with a reason that
 * says so.
 *
 * C never calls a JavaScript function directly: a small bootstrap script
 * registers a GObject class, MibewGjsHost, whose one instance answers the
 * signals "load" (compile the module file, run its top level), "activate"
 * (call its activate(dispatcher, info)), "deactivate" and "unload". Each
 * handler catches every exception and returns it as a string, so nothing
 * is left for GJS to log as an uncaught error.
 *
 * Its messages are not marked for translation yet: that needs the file in
 * po/POTFILES.in.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "mibew-plugins-i18n-private.h"

#include "mibew-plugin-loader-gjs-private.h"
#include "mibew-plugin-error.h"
#include "mibew-plugin-info-private.h"

#ifdef MIBEW_PLUGINS_HAVE_GJS
#include <gjs/gjs.h>
#endif

gboolean
mibew_plugin_loader_gjs_handles (const char *module_dir,
                                 const char *module_name)
{
  g_autoptr(GDir) dir = NULL;
  const char *file;

  if (module_dir == NULL || module_name == NULL)
    return FALSE;
  dir = g_dir_open (module_dir, 0, NULL);
  if (dir == NULL)
    return FALSE;
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) key_file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *module = NULL;
      g_autofree char *loader = NULL;

      if (!g_str_has_suffix (file, ".plugin"))
        continue;
      key_file = g_key_file_new ();
      path = g_build_filename (module_dir, file, NULL);
      if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
        continue;
      module = g_key_file_get_string (key_file, "Plugin", "Module", NULL);
      if (module == NULL || strcmp (g_strstrip (module), module_name) != 0)
        continue;
      loader = g_key_file_get_string (key_file, "Plugin", "X-Mibew-Loader", NULL);
      return loader != NULL && strcmp (g_strstrip (loader), "gjs") == 0;
    }
  return FALSE;
}

#ifndef MIBEW_PLUGINS_HAVE_GJS

MibewPlugin *
mibew_plugin_loader_gjs_create (const char  *name,
                                const char  *module_dir,
                                const char  *module_name,
                                GError     **error)
{
  g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                       _("Could not load its module: it is a JavaScript plugin, and this "
                         "mibew-plugins was built without GJS"));
  return NULL;
}

#else /* MIBEW_PLUGINS_HAVE_GJS */

static const char bootstrap[] =
  "(function () {\n"
  "    'use strict';\n"
  "    imports.gi.versions.MibewEvents = '1.0';\n"
  "    imports.gi.versions.MibewPlugins = '1.0';\n"
  "    const {GLib, GObject} = imports.gi;\n"
  "    let helperError = null;\n"
  "    try {\n"
  "        imports.mibewEvents;\n"
  "        imports.gi.MibewPlugins;\n"
  "    } catch (e) {\n"
  "        helperError = `${e}`;\n"
  "    }\n"
  "    // how many lines new Function puts before the body\n"
  "    let offset = 2;\n"
  "    try {\n"
  "        new Function('let x = ;');\n"
  "    } catch (e) {\n"
  "        if (typeof e.lineNumber === 'number')\n"
  "            offset = e.lineNumber - 1;\n"
  "    }\n"
  "    const modules = new Map();\n"
  "    function describe(e, file) {\n"
  "        if (e === null || typeof e !== 'object')\n"
  "            return `${e}`;\n"
  "        const inModule = e instanceof SyntaxError || /> Function$/.test(`${e.fileName}`);\n"
  "        if (file && inModule && typeof e.lineNumber === 'number')\n"
  "            return `${e.name}: ${e.message} (${file}:${e.lineNumber - offset})`;\n"
  "        return `${e}`;\n"
  "    }\n"
  "    const S = GObject.TYPE_STRING;\n"
  "    GObject.registerClass({\n"
  "        GTypeName: 'MibewGjsHost',\n"
  "        Signals: {\n"
  "            'load': {param_types: [S, S], return_type: S},\n"
  "            'activate': {param_types: [S, GObject.TYPE_OBJECT, GObject.TYPE_OBJECT], return_type: S},\n"
  "            'deactivate': {param_types: [S], return_type: S},\n"
  "            'unload': {param_types: [S]},\n"
  "        },\n"
  "    }, class MibewGjsHost extends GObject.Object {\n"
  "        _init() {\n"
  "            super._init();\n"
  "            this.connect('load', (self, key, path) => {\n"
  "                if (helperError !== null)\n"
  "                    return `GJS could not import the MibewEvents helpers (imports.mibewEvents): ${helperError}`;\n"
  "                const file = GLib.path_get_basename(path);\n"
  "                try {\n"
  "                    const [, bytes] = GLib.file_get_contents(path);\n"
  "                    const source = new TextDecoder().decode(bytes);\n"
  "                    const module = new Function(`${source}\\n;return {\\n` +\n"
  "                        \"activate: typeof activate === 'function' ? activate : null,\\n\" +\n"
  "                        \"deactivate: typeof deactivate === 'function' ? deactivate : null};\")();\n"
  "                    if (module.activate === null)\n"
  "                        return `${file} defines no function activate(dispatcher, info)`;\n"
  "                    modules.set(key, module);\n"
  "                    return null;\n"
  "                } catch (e) {\n"
  "                    return describe(e, file);\n"
  "                }\n"
  "            });\n"
  "            this.connect('activate', (self, key, dispatcher, info) => {\n"
  "                const module = modules.get(key);\n"
  "                if (!module)\n"
  "                    return 'its module is not loaded';\n"
  "                try {\n"
  "                    if (module.activate(dispatcher, info) === false)\n"
  "                        return 'activate() returned false';\n"
  "                    return null;\n"
  "                } catch (e) {\n"
  "                    return describe(e, null);\n"
  "                }\n"
  "            });\n"
  "            this.connect('deactivate', (self, key) => {\n"
  "                const module = modules.get(key);\n"
  "                try {\n"
  "                    if (module && module.deactivate !== null)\n"
  "                        module.deactivate();\n"
  "                    return null;\n"
  "                } catch (e) {\n"
  "                    return describe(e, null);\n"
  "                }\n"
  "            });\n"
  "            this.connect('unload', (self, key) => {\n"
  "                modules.delete(key);\n"
  "            });\n"
  "        }\n"
  "    });\n"
  "})();\n";

/* The process's one context, and what runs in it: set once, under lock. */
static GMutex context_lock;
static GjsContext *context;
static GThread *context_thread;
static GObject *host;

/* Fails unless JavaScript may run on this thread: that is, no context yet,
 * or this thread's. */
static gboolean
check_thread (GError **error)
{
  GThread *owner;

  g_mutex_lock (&context_lock);
  owner = context_thread;
  g_mutex_unlock (&context_lock);
  if (owner == NULL || owner == g_thread_self ())
    return TRUE;
  g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                       _("JavaScript plugins run only on the thread that owns the GJS context "
                         "(the thread that loaded the first JavaScript plugin); this is another thread"));
  return FALSE;
}

/* SpiderMonkey schedules its collections by the JavaScript heap alone; it
 * does not see the native memory its wrappers keep alive (every listener
 * call wraps the arguments, which hold the whole event). A host that is
 * not itself a GJS program runs no GJS main loop, so nothing else asks
 * for a collection: `mibew-events serve` with a JavaScript listener grew
 * to 400 MB within a minute and 900 MB later (tests/reliability,
 * reliability-soak). Four times a second, on the thread that owns the context,
 * a full collection, from a source on its thread-default main context
 * (gjs_context_maybe_gc() was not enough: it did not
 * collect often enough to bound the growth). At the default priority: at
 * G_PRIORITY_LOW it starves behind the emissions that dispatch=main-context
 * queues at the idle priority, and never runs under load. With it the
 * soak stays near 50 MB (90 MB with one collection a second). */
static gboolean
collect_garbage (gpointer user_data)
{
  /* the source is on the owner's thread-default context; a thread without
   * one shares the global default context with the main thread, where
   * JavaScript must not run */
  GThread *owner;

  g_mutex_lock (&context_lock);
  owner = context_thread;
  g_mutex_unlock (&context_lock);
  if (owner == g_thread_self ())
    gjs_context_gc (user_data);
  return G_SOURCE_CONTINUE;
}

static void
schedule_garbage_collection (GjsContext *gjs)
{
  g_autoptr(GSource) source = g_timeout_source_new (250);
  g_autoptr(GMainContext) main_context = g_main_context_ref_thread_default ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, collect_garbage, g_object_ref (gjs), g_object_unref);
  g_source_set_static_name (source, "[mibew-plugins] GJS garbage collection");
  g_source_attach (source, main_context);
}

static gboolean
ensure_host (GError **error)
{
  g_autoptr(GError) eval_error = NULL;
  GType host_type;
  int status = 0;

  if (!check_thread (error))
    return FALSE;
  if (host != NULL)
    return TRUE;

  g_mutex_lock (&context_lock);
  if (context == NULL)
    {
      GjsContext *current = gjs_context_get_current ();

      if (current != NULL)
        context = g_object_ref (current);
      else
        {
          char *search_path[] = { (char *) MIBEW_PLUGINS_GJSDIR, NULL };

          context = gjs_context_new_with_search_path (search_path);
          context_thread = g_thread_self ();
          schedule_garbage_collection (context);
        }
      context_thread = g_thread_self ();
    }
  g_mutex_unlock (&context_lock);

  if (!gjs_context_eval (context, bootstrap, -1, "resource:///mibew-plugins/gjs-loader.js",
                         &status, &eval_error))
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                   _("Could not set up GJS: %s"), eval_error->message);
      return FALSE;
    }
  host_type = g_type_from_name ("MibewGjsHost");
  if (host_type == G_TYPE_INVALID)
    {
      g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                           _("Could not set up GJS: its bootstrap registered no MibewGjsHost"));
      return FALSE;
    }
  host = g_object_new (host_type, NULL);
  return TRUE;
}

#define MIBEW_TYPE_GJS_PLUGIN (mibew_gjs_plugin_get_type ())
G_DECLARE_FINAL_TYPE (MibewGjsPlugin, mibew_gjs_plugin, MIBEW, GJS_PLUGIN, GObject)

struct _MibewGjsPlugin
{
  GObject parent_instance;

  char *key;                    /* the plugin's name: its module in the host */
  gboolean loaded;              /* its module was evaluated */
};

static void mibew_gjs_plugin_iface_init (MibewPluginInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MibewGjsPlugin, mibew_gjs_plugin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MIBEW_TYPE_PLUGIN, mibew_gjs_plugin_iface_init))

static gboolean
mibew_gjs_plugin_activate (MibewPlugin           *plugin,
                           MibewEventDispatcher  *dispatcher,
                           GError               **error)
{
  MibewGjsPlugin *self = MIBEW_GJS_PLUGIN (plugin);
  g_autofree char *message = NULL;

  if (!check_thread (error))
    return FALSE;
  if (!self->loaded)
    {
      g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED,
                           _("its module was not loaded on this thread"));
      return FALSE;
    }
  g_signal_emit_by_name (host, "activate", self->key, dispatcher, mibew_plugin_get_info (plugin), &message);
  if (message != NULL)
    {
      g_set_error_literal (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_ACTIVATE_FAILED, message);
      return FALSE;
    }
  return TRUE;
}

static void
mibew_gjs_plugin_deactivate (MibewPlugin *plugin)
{
  MibewGjsPlugin *self = MIBEW_GJS_PLUGIN (plugin);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!self->loaded)
    return;
  if (!check_thread (&error))
    {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MIBEW_PLUGIN", self->key,
                        "MESSAGE", "Plugin %s: deactivate() not called: %s", self->key, error->message);
      return;
    }
  g_signal_emit_by_name (host, "deactivate", self->key, &message);
  if (message != NULL)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MIBEW_PLUGIN", self->key,
                      "MESSAGE", "Plugin %s: deactivate() failed: %s", self->key, message);
}

static void
mibew_gjs_plugin_finalize (GObject *object)
{
  MibewGjsPlugin *self = MIBEW_GJS_PLUGIN (object);

  if (self->loaded && check_thread (NULL))
    g_signal_emit_by_name (host, "unload", self->key);
  g_free (self->key);

  G_OBJECT_CLASS (mibew_gjs_plugin_parent_class)->finalize (object);
}

static void
mibew_gjs_plugin_iface_init (MibewPluginInterface *iface)
{
  iface->activate = mibew_gjs_plugin_activate;
  iface->deactivate = mibew_gjs_plugin_deactivate;
}

static void
mibew_gjs_plugin_class_init (MibewGjsPluginClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mibew_gjs_plugin_finalize;
}

static void
mibew_gjs_plugin_init (MibewGjsPlugin *self)
{
}

/* Evaluates the plugin's module (MODULE.js) in the context, creating that
 * first if need be. On a thread other than the context's, the module is
 * left alone: the plugin's activation fails with the reason, and the next
 * load on the right thread may try again. */
MibewPlugin *
mibew_plugin_loader_gjs_create (const char  *name,
                                const char  *module_dir,
                                const char  *module_name,
                                GError     **error)
{
  g_autoptr(MibewGjsPlugin) plugin = g_object_new (MIBEW_TYPE_GJS_PLUGIN, NULL);
  g_autoptr(GError) host_error = NULL;
  g_autofree char *file = g_strconcat (module_name, ".js", NULL);
  g_autofree char *path = g_build_filename (module_dir, file, NULL);
  g_autofree char *message = NULL;

  plugin->key = g_strdup (name);
  if (!check_thread (NULL))
    return MIBEW_PLUGIN (g_steal_pointer (&plugin));
  if (!ensure_host (&host_error))
    {
      g_propagate_error (error, g_steal_pointer (&host_error));
      return NULL;
    }
  g_signal_emit_by_name (host, "load", name, path, &message);
  if (message != NULL)
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_LOAD_FAILED,
                   _("Could not load its module: %s"), message);
      return NULL;
    }
  plugin->loaded = TRUE;
  return MIBEW_PLUGIN (g_steal_pointer (&plugin));
}

#endif /* MIBEW_PLUGINS_HAVE_GJS */
