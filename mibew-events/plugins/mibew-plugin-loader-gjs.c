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
 * (gjs-loader.js, in the library's resources) registers a GObject class,
 * MibewGjsHost, whose one instance answers the signals "load" (compile the
 * module file, run its top level), "activate" (call its
 * activate(dispatcher, info)), "deactivate" and "unload". Each handler
 * catches every exception and returns it as a string, so nothing is left
 * for GJS to log as an uncaught error.
 *
 * Listeners, and the threads they are emitted on: JavaScript runs on the
 * context's thread only, but events are emitted on any thread (the
 * bridge's workers, a C host's thread pool). The bootstrap replaces
 * EventDispatcher.attach_listener(): the (guarded) JavaScript function is
 * connected to a signal of a MibewGjsListener, a small C object of this
 * file's, and the dispatcher gets a closure of ours instead of GJS's
 * (handoff_closure_new()). On the context's thread that closure emits the
 * listener's signal at once. On another thread it hands the call over to
 * the context's thread (an idle source in the GMainContext that was
 * thread-default there when the context was made) and waits for the
 * answer, the arguments object shared, so that the JavaScript listener's
 * changes are the emission's. When no answer can come (that main context
 * is not running; this thread is the one running it; no answer within the
 * hand-off timeout, such as when the context's thread waits for this one)
 * the emitting thread does not wait for ever: the listener fails,
 * reported for its plugin like a listener that throws, and the emission
 * goes on (handoff()).
 *
 * Why GJS's own closures are not given to the dispatcher: GJS 1.74 refuses
 * a call into JavaScript from another thread (a critical, and the listener
 * does not run), and a GJS closure cannot be carried to the right thread
 * from inside its own marshaller. GJS cannot make a GClosure of a function
 * held in a GValue (a signal's argument) either, hence the signal of a C
 * object: GJS connects functions to signals, and keeps those handlers
 * alive while the object lives.
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

/* The process's one context, and what runs in it: set once, under lock. */
static GMutex context_lock;
static GjsContext *context;
static GThread *context_thread;
static GMainContext *context_main;      /* thread-default on context_thread */
static GObject *host;
static GObject *relay;

#define BOOTSTRAP "/org/mibew/plugins/gjs-loader.js"

/* ---- listeners: the hand-off ------------------------------------------- */

/* MibewGjsListener: one per JavaScript listener. It has one signal per
 * event a listener was attached to (named like the event, added on first
 * use, with the signature and return type of the event's signal), and the
 * guarded JavaScript function is its one handler. */
#define MIBEW_TYPE_GJS_LISTENER (mibew_gjs_listener_get_type ())
G_DECLARE_FINAL_TYPE (MibewGjsListener, mibew_gjs_listener, MIBEW, GJS_LISTENER, GObject)

struct _MibewGjsListener
{
  GObject parent_instance;

  guint signal_id;
  char *event;                  /* without detail */
  char *owner;                  /* the plugin attaching it, or NULL */
  GWeakRef dispatcher_ref;      /* for failure reports */
};

G_DEFINE_FINAL_TYPE (MibewGjsListener, mibew_gjs_listener, G_TYPE_OBJECT)

static void
mibew_gjs_listener_finalize (GObject *object)
{
  MibewGjsListener *self = MIBEW_GJS_LISTENER (object);

  g_free (self->event);
  g_free (self->owner);
  g_weak_ref_clear (&self->dispatcher_ref);
  G_OBJECT_CLASS (mibew_gjs_listener_parent_class)->finalize (object);
}

static void
mibew_gjs_listener_class_init (MibewGjsListenerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mibew_gjs_listener_finalize;
}

static void
mibew_gjs_listener_init (MibewGjsListener *self)
{
}

/* How long an emitting thread waits for the context's thread to take a
 * listener call: MIBEW_GJS_HANDOFF_TIMEOUT_MS, 10 s by default. */
static gint64
handoff_timeout_us (void)
{
  static gint64 timeout;

  if (g_once_init_enter (&timeout))
    {
      const char *env = g_getenv ("MIBEW_GJS_HANDOFF_TIMEOUT_MS");
      guint64 ms = 10000;

      if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXINT32, &ms, NULL))
        ms = 10000;
      g_once_init_leave (&timeout, (gint64) ms * 1000);
    }
  return timeout;
}

/* Garbage collection under load: listener calls between two looks, and
 * between two full collections. */
#define GC_EVERY 128
#define GC_FULL_EVERY 1024

/* Each listener call wraps the event's arguments for JavaScript, and a
 * wrapper (a few bytes for the collector) holds the arguments' C memory
 * (kilobytes) until it is collected. SpiderMonkey's heuristics see only
 * the few bytes, and GJS 1.74 checks the process's memory from a
 * low-priority timeout, which never runs while a busy main context (a
 * bridge server under load) always has sources of default priority ready:
 * the memory grows by the arguments of every event (by 3.5 kB an event in
 * tests/e2e's JsLoadTest, 2 GB after 100,000; `mibew-events serve` in
 * tests/reliability's soak grew to 400 MB within a minute, 900 MB after
 * five). So every GC_EVERY calls
 * this lets GJS collect if it thinks it should (gjs_context_maybe_gc()),
 * and every GC_FULL_EVERY calls it collects fully: a bounded number of
 * events' garbage between two collections, so the memory stays flat (a
 * trigger on the growth of the process's memory does not work: freed
 * memory stays resident, so each collection would raise the bar). A full
 * collection of a small heap takes milliseconds, every thousand events:
 * the 60-second soak stays at 65 MB (130 MB with one every 4,096 calls).
 * Counted in calls, not time: a timer would wake an idle server, and
 * under load GJS's own low-priority timer shows that timers starve. */
static void
collect_if_needed (void)
{
  static guint calls;

  calls++;
  if (calls % GC_FULL_EVERY == 0)
    gjs_context_gc (context);
  else if (calls % GC_EVERY == 0)
    gjs_context_maybe_gc (context);
}

/* Runs the JavaScript listener: on the context's thread only. */
static void
listener_emit (MibewGjsListener *listener,
               GValue           *return_value,
               const GValue     *param_values)
{
  GValue values[3] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

  g_value_init (&values[0], MIBEW_TYPE_GJS_LISTENER);
  g_value_set_object (&values[0], listener);
  for (guint i = 0; i < 2; i++)
    {
      g_value_init (&values[i + 1], G_VALUE_TYPE (&param_values[i]));
      g_value_copy (&param_values[i], &values[i + 1]);
    }
  g_signal_emitv (values, listener->signal_id, 0, return_value);
  for (guint i = 0; i < 3; i++)
    g_value_unset (&values[i]);
  collect_if_needed ();
}

typedef enum
{
  CALL_PENDING,
  CALL_RUNNING,
  CALL_DONE,
  CALL_ABANDONED,
} CallState;

/* A call handed over: the emitting thread's, and the idle source's.
 * Its reference count is a plain gint with g_atomic_int_inc() and
 * g_atomic_int_dec_and_test(), not a gatomicrefcount: those are macros of
 * gatomic.h that compile to __atomic builtins here, while
 * g_atomic_ref_count_dec() is a function inside libglib, whose atomics a
 * ThreadSanitizer build of ours cannot see (the tsan lane would report
 * the last owner's g_free() racing with the other thread's last read). */
typedef struct
{
  gint ref_count;
  GMutex lock;
  GCond cond;
  CallState state;
  MibewGjsListener *listener;
  GValue *return_value;         /* the emitting thread's, while it waits */
  const GValue *param_values;
} Call;

static void
call_unref (Call *call)
{
  if (!g_atomic_int_dec_and_test (&call->ref_count))
    return;
  g_mutex_clear (&call->lock);
  g_cond_clear (&call->cond);
  g_object_unref (call->listener);
  g_free (call);
}

/* on the context's thread */
static gboolean
call_run (gpointer data)
{
  Call *call = data;

  g_mutex_lock (&call->lock);
  if (call->state == CALL_ABANDONED)
    {
      g_mutex_unlock (&call->lock);
      return G_SOURCE_REMOVE;
    }
  call->state = CALL_RUNNING;
  g_mutex_unlock (&call->lock);

  listener_emit (call->listener, call->return_value, call->param_values);

  g_mutex_lock (&call->lock);
  call->state = CALL_DONE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->lock);
  return G_SOURCE_REMOVE;
}

/* On a thread other than the context's: has the context's thread run the
 * listener, and waits for it. Returns NULL when it ran, otherwise why it
 * did not (nothing of it ran then, and nothing will). */
static char *
handoff (MibewGjsListener *listener,
         GValue           *return_value,
         const GValue     *param_values)
{
  g_autoptr(GSource) source = NULL;
  Call *call;
  gint64 deadline;
  CallState state;

  /* This thread iterates the context's main context itself (a host that
   * runs the context's default main context on another thread): it
   * would wait for itself. */
  if (g_main_context_is_owner (context_main))
    return g_strdup (_("this thread runs the main context of the GJS context’s thread, so the "
                       "call cannot be handed to that thread"));
  /* Nobody runs it (g_main_loop_run() and GApplication hold it while they
   * run): the call would never be taken. */
  if (g_main_context_acquire (context_main))
    {
      g_main_context_release (context_main);
      return g_strdup (_("the main context of the GJS context’s thread is not running, so the "
                         "call cannot be handed to that thread"));
    }

  call = g_new0 (Call, 1);
  call->ref_count = 1;
  g_mutex_init (&call->lock);
  g_cond_init (&call->cond);
  call->state = CALL_PENDING;
  call->listener = g_object_ref (listener);
  call->return_value = return_value;
  call->param_values = param_values;

  g_atomic_int_inc (&call->ref_count);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, call_run, call, (GDestroyNotify) call_unref);
  g_source_set_static_name (source, "[mibew-plugins] JavaScript listener");
  g_source_attach (source, context_main);

  deadline = g_get_monotonic_time () + handoff_timeout_us ();
  g_mutex_lock (&call->lock);
  while (call->state == CALL_PENDING || call->state == CALL_RUNNING)
    {
      /* once it runs, it is waited for: it uses this thread's values */
      if (call->state == CALL_RUNNING)
        g_cond_wait (&call->cond, &call->lock);
      else if (!g_cond_wait_until (&call->cond, &call->lock, deadline) && call->state == CALL_PENDING)
        call->state = CALL_ABANDONED;
    }
  state = call->state;
  g_mutex_unlock (&call->lock);
  call_unref (call);

  if (state == CALL_DONE)
    return NULL;
  g_source_destroy (source);
  return g_strdup_printf (_("the GJS context’s thread did not take the call within %u ms (is it "
                            "waiting for this thread?)"),
                          (guint) (handoff_timeout_us () / 1000));
}

static void
handoff_marshal (GClosure     *closure,
                 GValue       *return_value,
                 guint         n_param_values,
                 const GValue *param_values,
                 gpointer      invocation_hint,
                 gpointer      marshal_data)
{
  MibewGjsListener *listener = closure->data;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  MibewEventDispatcher *dispatcher;

  g_return_if_fail (n_param_values == 2);

  if (g_atomic_pointer_get (&context_thread) == g_thread_self ())
    {
      listener_emit (listener, return_value, param_values);
      return;
    }
  reason = handoff (listener, return_value, param_values);
  if (reason == NULL)
    return;
  /* reported like a listener that throws: logged, counted for its plugin */
  dispatcher = g_weak_ref_get (&listener->dispatcher_ref);
  message = g_strdup_printf (_("JavaScript listener not run: %s"), reason);
  if (dispatcher != NULL)
    mibew_event_dispatcher_report_owner_failure (dispatcher, listener->event, listener->owner, message);
  g_clear_object (&dispatcher);
}

/* on the context's thread: a GObject GJS has a handler on */
static gboolean
unref_later (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* The closure's last reference may go on any thread (an emission that
 * still held the listener); GJS's handler goes on the context's. */
static void
handoff_closure_finalize (gpointer  data,
                          GClosure *closure)
{
  GSource *source;

  if (g_atomic_pointer_get (&context_thread) == g_thread_self ())
    {
      g_object_unref (data);
      return;
    }
  source = g_idle_source_new ();
  g_source_set_callback (source, unref_later, data, NULL);
  g_source_set_static_name (source, "[mibew-plugins] JavaScript listener detached");
  g_source_attach (source, context_main);
  g_source_unref (source);
}

static GClosure *
handoff_closure_new (MibewGjsListener *listener)
{
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), g_object_ref (listener));

  g_closure_set_marshal (closure, handoff_marshal);
  g_closure_add_finalize_notifier (closure, listener, handoff_closure_finalize);
  return closure;
}

/* MibewGjsRelay: what the bootstrap calls, through two action signals:
 * "listener" (dispatcher, event) makes a MibewGjsListener for the event
 * (NULL for an unknown one), "attach" (dispatcher, event[::detail],
 * priority, listener) attaches it and returns the listener's id (0 when
 * the dispatcher refuses). */
#define MIBEW_TYPE_GJS_RELAY (mibew_gjs_relay_get_type ())
G_DECLARE_FINAL_TYPE (MibewGjsRelay, mibew_gjs_relay, MIBEW, GJS_RELAY, GObject)

struct _MibewGjsRelay
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MibewGjsRelay, mibew_gjs_relay, G_TYPE_OBJECT)

static GObject *
relay_listener (MibewGjsRelay        *self,
                MibewEventDispatcher *dispatcher,
                const char           *event)
{
  MibewEventCategory category;
  const char *signal_name;
  MibewGjsListener *listener;
  MibewEventEmitter *emitter;
  GSignalQuery query;
  guint signal_id;

  if (!MIBEW_IS_EVENT_DISPATCHER (dispatcher) || event == NULL ||
      !mibew_event_dispatcher_describe_event (event, &category, &signal_name, NULL, NULL))
    return NULL;
  emitter = mibew_event_dispatcher_get_emitter (dispatcher, category);
  if (emitter == NULL)
    return NULL;
  g_signal_query (g_signal_lookup (signal_name, G_OBJECT_TYPE (emitter)), &query);
  if (query.signal_id == 0 || query.n_params != 1)
    return NULL;

  /* only the context's thread makes them */
  signal_id = g_signal_lookup (event, MIBEW_TYPE_GJS_LISTENER);
  if (signal_id == 0)
    signal_id = g_signal_new (event, MIBEW_TYPE_GJS_LISTENER, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                              query.return_type & ~G_SIGNAL_TYPE_STATIC_SCOPE, 2,
                              query.itype, query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE);

  listener = g_object_new (MIBEW_TYPE_GJS_LISTENER, NULL);
  listener->signal_id = signal_id;
  listener->event = g_strdup (event);
  listener->owner = g_strdup (mibew_event_dispatcher_get_current_owner (dispatcher));
  g_weak_ref_init (&listener->dispatcher_ref, dispatcher);
  return G_OBJECT (listener);
}

static guint
relay_attach (MibewGjsRelay        *self,
              MibewEventDispatcher *dispatcher,
              const char           *event,
              int                   priority,
              GObject              *listener)
{
  g_autoptr(GError) error = NULL;
  guint id;

  if (!MIBEW_IS_EVENT_DISPATCHER (dispatcher) || !MIBEW_IS_GJS_LISTENER (listener))
    return 0;
  id = mibew_event_dispatcher_attach_listener (dispatcher, event, priority,
                                               handoff_closure_new (MIBEW_GJS_LISTENER (listener)), &error);
  /* the bootstrap asks the dispatcher again, for the exception */
  return id;
}

static void
mibew_gjs_relay_class_init (MibewGjsRelayClass *klass)
{
  g_signal_new_class_handler ("listener", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (relay_listener), NULL, NULL, NULL,
                              G_TYPE_OBJECT, 2, MIBEW_TYPE_EVENT_DISPATCHER, G_TYPE_STRING);
  g_signal_new_class_handler ("attach", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (relay_attach), NULL, NULL, NULL,
                              G_TYPE_UINT, 4, MIBEW_TYPE_EVENT_DISPATCHER, G_TYPE_STRING, G_TYPE_INT,
                              G_TYPE_OBJECT);
}

static void
mibew_gjs_relay_init (MibewGjsRelay *self)
{
}

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

static gboolean
ensure_host (GError **error)
{
  g_autoptr(GError) eval_error = NULL;
  g_autoptr(GBytes) bootstrap = NULL;
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
        }
      g_atomic_pointer_set (&context_thread, g_thread_self ());
      context_main = g_main_context_ref_thread_default ();
    }
  g_mutex_unlock (&context_lock);

  bootstrap = g_resources_lookup_data (BOOTSTRAP, G_RESOURCE_LOOKUP_FLAGS_NONE, &eval_error);
  if (bootstrap == NULL ||
      !gjs_context_eval (context, g_bytes_get_data (bootstrap, NULL), (gssize) g_bytes_get_size (bootstrap),
                         "resource://" BOOTSTRAP, &status, &eval_error))
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
  relay = g_object_new (MIBEW_TYPE_GJS_RELAY, NULL);
  host = g_object_new (host_type, "relay", relay, NULL);
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
