/* mibew-event-dispatcher.c: Mibew's EventDispatcher
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include <string.h>

#include "mibew-event-dispatcher.h"
#include "mibew-error.h"
#include "mibew-event-emitter-private.h"
#include "mibew-event-args-private.h"
#include "mibew-event-schema-private.h"
#include "mibew-json-private.h"

/**
 * MibewEventDispatcher:
 *
 * Mibew's `\Mibew\EventDispatcher\EventDispatcher`: attach listeners to
 * events by Mibew's event names, detach them, trigger events.
 *
 * The 41 events are signals of 13 category objects, one per Mibew event
 * category, reachable as read-only properties (#MibewEventDispatcher:thread,
 * #MibewEventDispatcher:users, ...). A listener can be attached in either
 * of two ways:
 *
 * - by Mibew's event name and a priority, with
 *   mibew_event_dispatcher_attach_listener() (any language) or
 *   mibew_event_dispatcher_attach_callback() (C): lower priorities run
 *   first, equal priorities in attach order, the default is 0;
 * - by connecting a handler to the category object's signal,
 *   `g_signal_connect (mibew_event_dispatcher_get_thread (dispatcher),
 *   "post-message", ...)`: such handlers run as documented in
 *   #MibewEventEmitter.
 *
 * Every signal takes one #MibewEventArgs, shared by all listeners, so a
 * change one listener makes is seen by the next one and by the emitter, as
 * with Mibew's by-reference `$args`.
 *
 * ```c
 * static gpointer
 * shout (MibewThreadEvents *events, MibewPostMessageArgs *args, gpointer data)
 * {
 *   g_autofree char *loud = g_utf8_strup (mibew_post_message_args_get_message_body (args), -1);
 *   return g_steal_pointer (&loud);   // the new body, seen by the next listener
 * }
 *
 * MibewEventDispatcher *d = mibew_event_dispatcher_get_default ();
 * g_autoptr(GError) error = NULL;
 *
 * mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0,
 *                                         G_CALLBACK (shout), NULL, NULL, &error);
 * // or, as a handler of the signal:
 * g_signal_connect (mibew_event_dispatcher_get_thread (d), "post-message",
 *                   G_CALLBACK (shout), NULL);
 * ```
 *
 * Where we differ from Mibew: an unknown event name is an error (Mibew
 * silently does nothing); negative priorities sort numerically (PHP's
 * `strnatcmp` puts -5 before -10); detaching is by listener id.
 *
 * ## Threads
 *
 * All functions of the dispatcher and of the category objects are
 * thread-safe: events may be triggered from several threads at once while
 * other threads attach and detach listeners. The arguments objects and the
 * domain objects are not: one emission's arguments belong to the thread
 * that emits them.
 *
 * Detaching is synchronous on the detaching thread only, as with
 * g_signal_handler_disconnect():
 *
 * - once mibew_event_dispatcher_detach_listener() (or
 *   mibew_event_dispatcher_detach_owner()) returns, the detaching thread
 *   starts no call of the listener any more, not even later in an emission
 *   it is running;
 * - an emission on another thread that had already reached the listener
 *   may still call it, or be calling it, after detach returned: at most one
 *   call per such emission. Its closure is invalidated (unless it is
 *   attached elsewhere too) once no emission runs it any more, right
 *   before the destroy notify: invalidating it earlier would race with
 *   g_closure_invoke() on the other threads;
 * - the user data is freed in the destroy notify, which runs exactly once,
 *   after the last call of the listener returned, on whichever thread
 *   releases the listener last: the detaching thread, or one that was
 *   emitting the event. It runs with no lock of the dispatcher held, so it
 *   may call the dispatcher.
 *
 * A listener may drop the last reference to its dispatcher, or dispose it
 * with g_object_run_dispose(), while it runs: the emission in progress
 * keeps the category object and its listeners until it ends, as
 * g_signal_emit() holds its instance, and its remaining listeners still
 * run (the dispatcher's own functions then refuse with a critical, as
 * after every g_object_run_dispose()). Weak references to the category
 * object are cleared at once; it is finalized when the emission ends. This
 * costs the emissions nothing: the counter of running emissions that
 * guards the listener snapshots already tells its dispose what to keep.
 * The default dispatcher is never freed.
 */
struct _MibewEventDispatcher
{
  GObject parent_instance;

  MibewEventEmitter *emitters[MIBEW_N_CATEGORIES];
  guint last_id;        /* atomic */
  guint failure_count;  /* atomic */
  gsize max_json_size;  /* atomic */
  GMutex owner_lock;
  GHashTable *owner_failures;  /* owner quark -> count, under owner_lock */
  guint max_json_depth; /* atomic */
};

G_DEFINE_FINAL_TYPE (MibewEventDispatcher, mibew_event_dispatcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_<CATEGORY> = category + 1 */
  PROP_FAILURE_COUNT = MIBEW_N_CATEGORIES + 1,
  PROP_MAX_JSON_SIZE,
  PROP_MAX_JSON_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LISTENER_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType (* const emitter_types[MIBEW_N_CATEGORIES]) (void) = {
  mibew_ban_events_get_type,
  mibew_button_events_get_type,
  mibew_cron_events_get_type,
  mibew_group_events_get_type,
  mibew_invitation_events_get_type,
  mibew_operator_events_get_type,
  mibew_page_events_get_type,
  mibew_resource_events_get_type,
  mibew_routing_events_get_type,
  mibew_thread_events_get_type,
  mibew_users_events_get_type,
  mibew_visitor_events_get_type,
  mibew_widget_events_get_type,
};

static const char * const category_names[MIBEW_N_CATEGORIES] = {
  "ban",
  "button",
  "cron",
  "group",
  "invitation",
  "operator",
  "page",
  "resource",
  "routing",
  "thread",
  "users",
  "visitor",
  "widget",
};

static void
mibew_event_dispatcher_dispose (GObject *object)
{
  MibewEventDispatcher *self = MIBEW_EVENT_DISPATCHER (object);

  for (guint i = 0; i < MIBEW_N_CATEGORIES; i++)
    g_clear_object (&self->emitters[i]);

  G_OBJECT_CLASS (mibew_event_dispatcher_parent_class)->dispose (object);
}

static void
mibew_event_dispatcher_finalize (GObject *object)
{
  MibewEventDispatcher *self = MIBEW_EVENT_DISPATCHER (object);

  g_clear_pointer (&self->owner_failures, g_hash_table_unref);
  g_mutex_clear (&self->owner_lock);

  G_OBJECT_CLASS (mibew_event_dispatcher_parent_class)->finalize (object);
}

static void
mibew_event_dispatcher_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MibewEventDispatcher *self = MIBEW_EVENT_DISPATCHER (object);

  if (prop_id >= 1 && prop_id <= MIBEW_N_CATEGORIES)
    g_value_set_object (value, self->emitters[prop_id - 1]);
  else if (prop_id == PROP_FAILURE_COUNT)
    g_value_set_uint (value, mibew_event_dispatcher_get_failure_count (self));
  else if (prop_id == PROP_MAX_JSON_SIZE)
    g_value_set_uint64 (value, (gsize) g_atomic_pointer_get ((gpointer *) &self->max_json_size));
  else if (prop_id == PROP_MAX_JSON_DEPTH)
    g_value_set_uint (value, g_atomic_int_get (&self->max_json_depth));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mibew_event_dispatcher_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MibewEventDispatcher *self = MIBEW_EVENT_DISPATCHER (object);

  if (prop_id == PROP_MAX_JSON_SIZE)
    mibew_event_dispatcher_set_json_limits (self, g_value_get_uint64 (value),
                                            g_atomic_int_get (&self->max_json_depth));
  else if (prop_id == PROP_MAX_JSON_DEPTH)
    mibew_event_dispatcher_set_json_limits (self,
                                            (gsize) g_atomic_pointer_get ((gpointer *) &self->max_json_size),
                                            g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mibew_event_dispatcher_class_init (MibewEventDispatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  mibew_i18n_init ();

  object_class->dispose = mibew_event_dispatcher_dispose;
  object_class->finalize = mibew_event_dispatcher_finalize;
  object_class->get_property = mibew_event_dispatcher_get_property;
  object_class->set_property = mibew_event_dispatcher_set_property;

  /**
   * MibewEventDispatcher:ban:
   *
   * The #MibewBanEvents object carrying the ban events.
   */
  /**
   * MibewEventDispatcher:button:
   *
   * The #MibewButtonEvents object carrying the button events.
   */
  /**
   * MibewEventDispatcher:cron:
   *
   * The #MibewCronEvents object carrying the cron events.
   */
  /**
   * MibewEventDispatcher:group:
   *
   * The #MibewGroupEvents object carrying the group events.
   */
  /**
   * MibewEventDispatcher:invitation:
   *
   * The #MibewInvitationEvents object carrying the invitation events.
   */
  /**
   * MibewEventDispatcher:operator:
   *
   * The #MibewOperatorEvents object carrying the operator events.
   */
  /**
   * MibewEventDispatcher:page:
   *
   * The #MibewPageEvents object carrying the page events.
   */
  /**
   * MibewEventDispatcher:resource:
   *
   * The #MibewResourceEvents object carrying the resource events.
   */
  /**
   * MibewEventDispatcher:routing:
   *
   * The #MibewRoutingEvents object carrying the routing events.
   */
  /**
   * MibewEventDispatcher:thread:
   *
   * The #MibewThreadEvents object carrying the thread events.
   */
  /**
   * MibewEventDispatcher:users:
   *
   * The #MibewUsersEvents object carrying the users events.
   */
  /**
   * MibewEventDispatcher:visitor:
   *
   * The #MibewVisitorEvents object carrying the visitor events.
   */
  /**
   * MibewEventDispatcher:widget:
   *
   * The #MibewWidgetEvents object carrying the widget events.
   */
  for (guint i = 0; i < MIBEW_N_CATEGORIES; i++)
    properties[i + 1] = g_param_spec_object (category_names[i], NULL, NULL,
                                             emitter_types[i] (),
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewEventDispatcher:failure-count:
   *
   * How many listeners have failed so far (see
   * #MibewEventDispatcher::listener-failed). Not notified: read it when
   * needed.
   */
  properties[PROP_FAILURE_COUNT] =
    g_param_spec_uint ("failure-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MibewEventDispatcher:max-json-size:
   *
   * The longest JSON document, in bytes, that
   * mibew_event_dispatcher_parse_json() and
   * mibew_event_dispatcher_trigger_json_data() accept
   * (%MIBEW_JSON_DEFAULT_MAX_SIZE, 1 MiB, by default).
   */
  properties[PROP_MAX_JSON_SIZE] =
    g_param_spec_uint64 ("max-json-size", NULL, NULL, 1, G_MAXSIZE, MIBEW_JSON_DEFAULT_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewEventDispatcher:max-json-depth:
   *
   * How deep a JSON document given to the dispatcher may nest
   * (%MIBEW_JSON_DEFAULT_MAX_DEPTH, 64 levels, by default): deeper
   * documents are refused before anything recursive sees them.
   */
  properties[PROP_MAX_JSON_DEPTH] =
    g_param_spec_uint ("max-json-depth", NULL, NULL, 1, 10000, MIBEW_JSON_DEFAULT_MAX_DEPTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MibewEventDispatcher::listener-failed:
   * @self: the dispatcher
   * @event_name: the event whose listener failed
   * @message: what went wrong
   *
   * Emitted, in the thread of the failed emission, when a listener
   * failed: a Python or JavaScript exception escaped it (the bindings'
   * helpers report those), or a C listener reported an error with
   * mibew_event_dispatcher_report_failure(). The other listeners of the
   * event still ran: unlike Mibew, a failing listener does not abort the
   * event.
   */
  signals[LISTENER_FAILED] =
    g_signal_new ("listener-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
mibew_event_dispatcher_init (MibewEventDispatcher *self)
{
  for (guint i = 0; i < MIBEW_N_CATEGORIES; i++)
    {
      self->emitters[i] = g_object_new (emitter_types[i] (), NULL);
      mibew_event_emitter_set_dispatcher (self->emitters[i], self);
    }
  g_mutex_init (&self->owner_lock);
  self->max_json_size = MIBEW_JSON_DEFAULT_MAX_SIZE;
  self->max_json_depth = MIBEW_JSON_DEFAULT_MAX_DEPTH;
}

/**
 * mibew_event_dispatcher_new:
 *
 * Creates a dispatcher of its own, with no listener. Most programs use
 * the process-wide one, mibew_event_dispatcher_get_default().
 *
 * Returns: (transfer full): a new #MibewEventDispatcher
 */
MibewEventDispatcher *
mibew_event_dispatcher_new (void)
{
  return g_object_new (MIBEW_TYPE_EVENT_DISPATCHER, NULL);
}

/**
 * mibew_event_dispatcher_get_default:
 *
 * Gets the process-wide dispatcher, as Mibew's
 * `EventDispatcher::getInstance()`. It is created on first use and lives
 * until the process ends.
 *
 * Returns: (transfer none): the default #MibewEventDispatcher
 */
MibewEventDispatcher *
mibew_event_dispatcher_get_default (void)
{
  static MibewEventDispatcher *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, mibew_event_dispatcher_new ());
  return instance;
}

/* After g_object_run_dispose() the category objects are gone: every call
 * that needs them says so instead of crashing. */
static gboolean
alive (MibewEventDispatcher *self,
       const char           *function)
{
  if (G_LIKELY (self->emitters[0] != NULL))
    return TRUE;
  g_critical ("%s: the dispatcher %p has been disposed", function, (void *) self);
  return FALSE;
}

/* Who is attaching listeners on this thread: a stack, innermost last (a
 * plugin's activation may activate another). */
typedef struct
{
  MibewEventDispatcher *dispatcher;
  GQuark owner;
  int default_priority;
} Owner;

static void
owners_free (gpointer data)
{
  g_array_free (data, TRUE);
}

static GPrivate owners_key = G_PRIVATE_INIT (owners_free);

static GArray *
get_owners (void)
{
  GArray *owners = g_private_get (&owners_key);

  if (owners == NULL)
    {
      owners = g_array_new (FALSE, FALSE, sizeof (Owner));
      g_private_set (&owners_key, owners);
    }
  return owners;
}

static const Owner *
current_owner (MibewEventDispatcher *self)
{
  GArray *owners = g_private_get (&owners_key);

  for (guint i = owners != NULL ? owners->len : 0; i > 0; i--)
    {
      const Owner *o = &g_array_index (owners, Owner, i - 1);

      if (o->dispatcher == self)
        return o;
    }
  return NULL;
}

/**
 * mibew_event_dispatcher_push_owner:
 * @self: a #MibewEventDispatcher
 * @owner: who attaches the listeners that follow, such as a plugin's
 *   `Vendor:Name`
 * @default_priority: the priority of those listeners attached with
 *   %MIBEW_PRIORITY_DEFAULT: Mibew's plugin weight
 *
 * Until the matching mibew_event_dispatcher_pop_owner(), listeners this
 * thread attaches to @self belong to @owner: a plugin engine pushes the
 * plugin's name around its activation, and detaches everything it
 * attached with mibew_event_dispatcher_detach_owner() when it is
 * deactivated, so a plugin author need not remember listener ids. Calls
 * nest.
 */
void
mibew_event_dispatcher_push_owner (MibewEventDispatcher *self,
                                   const char           *owner,
                                   int                   default_priority)
{
  Owner o;

  g_return_if_fail (MIBEW_IS_EVENT_DISPATCHER (self));
  g_return_if_fail (owner != NULL && g_utf8_validate (owner, -1, NULL));
  g_return_if_fail (default_priority != MIBEW_PRIORITY_DEFAULT);

  o.dispatcher = self;
  o.owner = g_quark_from_string (owner);
  o.default_priority = default_priority;
  g_array_append_val (get_owners (), o);
}

/**
 * mibew_event_dispatcher_pop_owner:
 * @self: a #MibewEventDispatcher
 *
 * Ends the innermost mibew_event_dispatcher_push_owner() of this thread
 * on @self.
 */
void
mibew_event_dispatcher_pop_owner (MibewEventDispatcher *self)
{
  GArray *owners;

  g_return_if_fail (MIBEW_IS_EVENT_DISPATCHER (self));

  owners = get_owners ();
  for (guint i = owners->len; i > 0; i--)
    if (g_array_index (owners, Owner, i - 1).dispatcher == self)
      {
        g_array_remove_index (owners, i - 1);
        return;
      }
  g_critical ("%s: no owner was pushed on this dispatcher", G_STRFUNC);
}

/**
 * mibew_event_dispatcher_get_current_owner:
 * @self: a #MibewEventDispatcher
 *
 * Gets who attaches listeners to @self on this thread right now (see
 * mibew_event_dispatcher_push_owner()). The bindings' listener guards ask
 * it when a listener is attached, to name the plugin when it fails.
 *
 * Returns: (nullable): the owner, or %NULL
 */
const char *
mibew_event_dispatcher_get_current_owner (MibewEventDispatcher *self)
{
  const Owner *owner;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  owner = current_owner (self);
  return owner != NULL ? g_quark_to_string (owner->owner) : NULL;
}

/**
 * mibew_event_dispatcher_detach_owner:
 * @self: a #MibewEventDispatcher
 * @owner: an owner given to mibew_event_dispatcher_push_owner()
 *
 * Detaches every listener attached under @owner, from every event.
 *
 * Returns: how many listeners were detached
 */
guint
mibew_event_dispatcher_detach_owner (MibewEventDispatcher *self,
                                     const char           *owner)
{
  GQuark quark;
  guint n = 0;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);
  g_return_val_if_fail (owner != NULL, 0);

  quark = g_quark_try_string (owner);
  if (quark == 0 || !alive (self, G_STRFUNC))
    return 0;
  for (guint i = 0; i < MIBEW_N_EVENTS; i++)
    n += mibew_event_emitter_detach_owner (self->emitters[mibew_event_table[i].category],
                                           &mibew_event_table[i], quark);
  return n;
}

/**
 * mibew_event_dispatcher_attach_listener:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event, such as `threadPostMessage`;
 *   function-call events take an optional detail,
 *   `threadFunctionCall::microtime`, to see only that function
 * @priority: lower priorities run first; Mibew's default is 0;
 *   %MIBEW_PRIORITY_DEFAULT for the default (0, or the weight of the
 *   plugin attaching it, see mibew_event_dispatcher_push_owner())
 * @closure: the listener, with the signature of the event's signal
 * @error: return location for a #GError
 *
 * Attaches a listener to an event, as Mibew's `attachListener()`. The
 * same closure may be attached twice and then runs twice.
 *
 * Plain C closures (g_cclosure_new()) are called directly, without
 * marshalling; closures of the language bindings go through their
 * marshaller.
 *
 * Returns: the listener's id (never 0), for
 *   mibew_event_dispatcher_detach_listener(), or 0 with @error set to
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT
 */
/* Attaches @closure, or when it is %NULL the C @callback with @user_data
 * and @destroy_notify (called on failure too, as the closure's notifier
 * would be). */
static guint
attach (MibewEventDispatcher  *self,
        const char            *event_name,
        int                    priority,
        GClosure              *closure,
        GCallback              callback,
        gpointer               user_data,
        GDestroyNotify         destroy_notify,
        GError               **error)
{
  const MibewEventInfo *info;
  const Owner *owner;
  GQuark detail;
  guint id;

  info = NULL;
  if (event_name == NULL)
    g_critical ("%s: assertion 'event_name != NULL' failed", G_STRFUNC);
  else if (alive (self, G_STRFUNC))
    info = mibew_event_lookup_or_error (event_name, &detail, error);
  if (info == NULL)
    {
      /* a floating closure is ours to dispose of, as with GSignal */
      if (closure != NULL)
        {
          g_closure_sink (g_closure_ref (closure));
          g_closure_unref (closure);
        }
      else if (destroy_notify != NULL)
        destroy_notify (user_data);
      return 0;
    }

  do
    id = (guint) g_atomic_int_add ((gint *) &self->last_id, 1) + 1;
  while (id == 0);

  owner = current_owner (self);
  if (priority == MIBEW_PRIORITY_DEFAULT)
    priority = owner != NULL ? owner->default_priority : 0;

  if (closure == NULL)
    return mibew_event_emitter_attach_callback (self->emitters[info->category], info, detail, priority,
                                                callback, user_data, destroy_notify,
                                                id, owner != NULL ? owner->owner : 0);
  return mibew_event_emitter_attach (self->emitters[info->category], info, detail,
                                     priority, closure, id, owner != NULL ? owner->owner : 0);
}

guint
mibew_event_dispatcher_attach_listener (MibewEventDispatcher  *self,
                                        const char            *event_name,
                                        int                    priority,
                                        GClosure              *closure,
                                        GError               **error)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (closure == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (event_name != NULL ? event_name : "(null)", -1);

      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_LISTENER,
                   _("No listener given for “%s”"), valid);
      return 0;
    }
  return attach (self, event_name, priority, closure, NULL, NULL, NULL, error);
}

/**
 * mibew_event_dispatcher_attach_callback: (skip)
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event
 * @priority: lower priorities run first; Mibew's default is 0
 * @callback: the listener, with the signature of the event's signal:
 *   `void (*) (MibewXxxEvents *, MibewXxxArgs *, gpointer)` for notify
 *   events, returning a (transfer full) answer or %NULL otherwise
 * @user_data: data passed to @callback
 * @destroy_notify: (nullable): frees @user_data once the listener is
 *   detached and no emission uses it any more
 * @error: return location for a #GError
 *
 * The C shorthand for mibew_event_dispatcher_attach_listener() with
 * g_cclosure_new().
 *
 * Returns: the listener's id, or 0 with @error set
 */
guint
mibew_event_dispatcher_attach_callback (MibewEventDispatcher  *self,
                                        const char            *event_name,
                                        int                    priority,
                                        GCallback              callback,
                                        gpointer               user_data,
                                        GDestroyNotify         destroy_notify,
                                        GError               **error)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);
  g_return_val_if_fail (callback != NULL, 0);
  g_return_val_if_fail (event_name != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* no GClosure: the emitter calls @callback directly either way */
  return attach (self, event_name, priority, NULL, callback, user_data, destroy_notify, error);
}

/**
 * mibew_event_dispatcher_attach_func:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event (function-call events take an
 *   optional `::function` detail)
 * @priority: lower priorities run first; Mibew's default is 0
 * @func: (scope notified) (closure user_data) (destroy destroy_notify): the
 *   listener
 * @user_data: data passed to @func
 * @destroy_notify: (nullable): frees @user_data once the listener is
 *   detached and no emission uses it any more
 * @error: return location for a #GError
 *
 * Attaches a listener with the one signature every event accepts. This is
 * the natural way from Vala, whose lambdas become #MibewListenerFunc:
 *
 * ```vala
 * dispatcher.attach_func ("threadPostMessage", 0, (emitter, args) => {
 *     ((Mibew.PostMessageArgs) args).message_kind = Mibew.MessageKind.INFO;
 *     return null;
 * });
 * ```
 *
 * Like the other C listeners, @func is called directly, without
 * marshalling.
 *
 * Returns: the listener's id, or 0 with @error set
 */
guint
mibew_event_dispatcher_attach_func (MibewEventDispatcher  *self,
                                    const char            *event_name,
                                    int                    priority,
                                    MibewListenerFunc      func,
                                    gpointer               user_data,
                                    GDestroyNotify         destroy_notify,
                                    GError               **error)
{
  g_return_val_if_fail (func != NULL, 0);

  return mibew_event_dispatcher_attach_callback (self, event_name, priority, G_CALLBACK (func),
                                                 user_data, destroy_notify, error);
}

/**
 * mibew_event_dispatcher_detach_listener:
 * @self: a #MibewEventDispatcher
 * @event_name: the event the listener was attached to (a detail, if any,
 *   may be left out)
 * @listener_id: the id mibew_event_dispatcher_attach_listener() returned
 * @error: return location for a #GError
 *
 * Detaches exactly one listener. It does not run again on this thread,
 * not even later in an emission that is running now; an emission of
 * another thread may still be running it (see the Threads section of
 * #MibewEventDispatcher).
 *
 * Returns: %TRUE if the listener was detached; %FALSE with @error set to
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT or
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER otherwise
 */
gboolean
mibew_event_dispatcher_detach_listener (MibewEventDispatcher  *self,
                                        const char            *event_name,
                                        guint                  listener_id,
                                        GError               **error)
{
  const MibewEventInfo *info;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), FALSE);
  g_return_val_if_fail (event_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!alive (self, G_STRFUNC))
    return FALSE;
  info = mibew_event_lookup_or_error (event_name, NULL, error);
  if (info == NULL)
    {
      /* "event::detail" is accepted too */
      g_autofree char *base = g_strdup (event_name);
      char *sep = strstr (base, "::");

      if (sep == NULL)
        return FALSE;
      *sep = '\0';
      g_clear_error (error);
      info = mibew_event_lookup_or_error (base, NULL, error);
      if (info == NULL)
        return FALSE;
    }

  if (!mibew_event_emitter_detach (self->emitters[info->category], info, listener_id))
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_UNKNOWN_LISTENER,
                   _("No listener %u is attached to “%s”"), listener_id, info->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * mibew_event_dispatcher_trigger:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event
 * @args: the arguments, of the class the event takes (see
 *   mibew_event_dispatcher_describe_event())
 * @error: return location for a #GError
 *
 * Triggers an event by name, as Mibew's `triggerEvent()`. When it returns,
 * @args holds what the listeners left there. The typed emitters of the
 * category objects (mibew_thread_events_emit_post_message(), ...) do the
 * same without the name lookup.
 *
 * Returns: %TRUE if the event ran; %FALSE with @error set to
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT or
 *   %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS (and nothing emitted) otherwise
 */
gboolean
mibew_event_dispatcher_trigger (MibewEventDispatcher  *self,
                                const char            *event_name,
                                MibewEventArgs        *args,
                                GError               **error)
{
  const MibewEventInfo *info;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), FALSE);
  g_return_val_if_fail (event_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!alive (self, G_STRFUNC))
    return FALSE;
  /* "threadFunctionCall::microtime", as attach_listener() takes it: the
   * function that runs is the arguments' own */
  info = mibew_event_lookup_fast (event_name, &(GQuark) { 0 }, error);
  if (info == NULL)
    return FALSE;

  if (args == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (args, info->args_type ()))
    {
      g_set_error (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                   _("“%s” takes %s arguments, not %s"), info->name,
                   g_type_name (info->args_type ()),
                   args != NULL ? G_OBJECT_TYPE_NAME (args) : "NULL");
      return FALSE;
    }

  mibew_event_emitter_emit (self->emitters[info->category], mibew_event_info_id (info), args);
  return TRUE;
}

/**
 * mibew_event_dispatcher_get_listener_count:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event
 *
 * Counts the listeners attached to an event through the dispatcher, plus
 * one if handlers are connected to its signal directly.
 *
 * Returns: the number of listeners; 0 for an unknown event
 */
guint
mibew_event_dispatcher_get_listener_count (MibewEventDispatcher *self,
                                           const char           *event_name)
{
  const MibewEventInfo *info;
  MibewEventEmitter *emitter;
  guint signal_id;
  guint n;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);
  g_return_val_if_fail (event_name != NULL, 0);

  info = mibew_event_lookup (event_name, NULL);
  if (info == NULL || !alive (self, G_STRFUNC))
    return 0;
  emitter = self->emitters[info->category];
  n = mibew_event_emitter_count_listeners (emitter, info);
  signal_id = g_signal_lookup (info->signal_name, G_OBJECT_TYPE (emitter));
  /* matching on the id alone finds detailed handlers too
   * ("function-call::microtime"), which has_handler_pending would not */
  if (g_signal_handler_find (emitter, G_SIGNAL_MATCH_ID, signal_id, 0, NULL, NULL, NULL) != 0)
    n++;
  return n;
}

/**
 * mibew_event_dispatcher_report_failure:
 * @self: a #MibewEventDispatcher
 * @event_name: the event whose listener failed
 * @message: what went wrong, for people
 *
 * Reports a failed listener: logs it (on standard error by default),
 * counts it in #MibewEventDispatcher:failure-count and emits
 * #MibewEventDispatcher::listener-failed. The Python override and the GJS
 * helper module call it for exceptions that escape a listener; a C
 * listener may call it for its own errors. The emission itself goes on.
 */
static GPrivate failure_owner_key;

/**
 * mibew_event_dispatcher_report_owner_failure:
 * @self: a #MibewEventDispatcher
 * @event_name: the event whose listener failed
 * @owner: (nullable): the owner of the listener (a plugin's name), or
 *   %NULL
 * @message: (nullable): what went wrong
 *
 * mibew_event_dispatcher_report_failure() for a listener whose owner is
 * known (the bindings' guards remember it when the listener is
 * attached): the failure is also counted for @owner (see
 * mibew_event_dispatcher_get_owner_failure_count()), and the message of
 * #MibewEventDispatcher::listener-failed starts with the owner's name.
 */
void
mibew_event_dispatcher_report_owner_failure (MibewEventDispatcher *self,
                                             const char           *event_name,
                                             const char           *owner,
                                             const char           *message)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MIBEW_IS_EVENT_DISPATCHER (self));
  g_return_if_fail (event_name != NULL);

  if (owner == NULL)
    {
      mibew_event_dispatcher_report_failure (self, event_name, message);
      return;
    }
  g_mutex_lock (&self->owner_lock);
  if (self->owner_failures == NULL)
    self->owner_failures = g_hash_table_new (NULL, NULL);
  {
    GQuark quark = g_quark_from_string (owner);
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->owner_failures, GUINT_TO_POINTER (quark)));

    g_hash_table_insert (self->owner_failures, GUINT_TO_POINTER (quark), GUINT_TO_POINTER (n + 1));
  }
  g_mutex_unlock (&self->owner_lock);
  text = g_strdup_printf ("%s: %s", owner, message != NULL ? message : _("unknown error"));
  /* for mibew_event_dispatcher_get_failure_owner() in the handlers */
  g_private_set (&failure_owner_key, (gpointer) g_intern_string (owner));
  mibew_event_dispatcher_report_failure (self, event_name, text);
  g_private_set (&failure_owner_key, NULL);
}

/**
 * mibew_event_dispatcher_get_failure_owner:
 * @self: a #MibewEventDispatcher
 *
 * While #MibewEventDispatcher::listener-failed is emitted for a failure
 * reported with mibew_event_dispatcher_report_owner_failure(), gets the
 * owner of the failed listener (a plugin's name): a server counts
 * failures by plugin this way.
 *
 * Returns: (nullable): the owner, or %NULL outside such an emission or
 *   when the owner is not known
 */
const char *
mibew_event_dispatcher_get_failure_owner (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return g_private_get (&failure_owner_key);
}

/**
 * mibew_event_dispatcher_get_owner_failure_count:
 * @self: a #MibewEventDispatcher
 * @owner: an owner, such as a plugin's name
 *
 * Counts the failures reported with
 * mibew_event_dispatcher_report_owner_failure() for @owner.
 *
 * Returns: the number of failures
 */
guint
mibew_event_dispatcher_get_owner_failure_count (MibewEventDispatcher *self,
                                                const char           *owner)
{
  GQuark quark;
  guint n = 0;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);
  g_return_val_if_fail (owner != NULL, 0);

  quark = g_quark_try_string (owner);
  g_mutex_lock (&self->owner_lock);
  if (quark != 0 && self->owner_failures != NULL)
    n = GPOINTER_TO_UINT (g_hash_table_lookup (self->owner_failures, GUINT_TO_POINTER (quark)));
  g_mutex_unlock (&self->owner_lock);
  return n;
}

void
mibew_event_dispatcher_report_failure (MibewEventDispatcher *self,
                                       const char           *event_name,
                                       const char           *message)
{
  g_return_if_fail (MIBEW_IS_EVENT_DISPATCHER (self));
  g_return_if_fail (event_name != NULL);

  if (message == NULL)
    message = _("unknown error");
  g_atomic_int_inc ((gint *) &self->failure_count);
  g_message (_("A listener of “%s” failed: %s"), event_name, message);
  g_signal_emit (self, signals[LISTENER_FAILED], 0, event_name, message);
}

/**
 * mibew_event_dispatcher_get_failure_count:
 * @self: a #MibewEventDispatcher
 *
 * Gets how many listeners have failed so far.
 *
 * Returns: how many listeners have failed so far
 */
guint
mibew_event_dispatcher_get_failure_count (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), 0);

  return (guint) g_atomic_int_get ((gint *) &self->failure_count);
}

/**
 * mibew_event_dispatcher_list_events:
 *
 * Lists Mibew's 41 event names, in the order of Mibew's documentation.
 *
 * Returns: (transfer none) (array zero-terminated=1): the event names
 */
const char * const *
mibew_event_dispatcher_list_events (void)
{
  static const char *names[MIBEW_N_EVENTS + 1];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < MIBEW_N_EVENTS; i++)
        names[i] = mibew_event_table[i].name;
      names[MIBEW_N_EVENTS] = NULL;
      g_once_init_leave (&once, 1);
    }
  return names;
}

/**
 * mibew_event_dispatcher_describe_event:
 * @event_name: Mibew's name of the event
 * @category: (out) (optional): the category whose object carries it
 * @signal_name: (out) (optional) (transfer none): the name of its signal
 * @kind: (out) (optional): how its listeners answer
 * @args_type: (out) (optional): the #MibewEventArgs subclass it takes
 *
 * Describes an event of the table.
 *
 * Returns: %TRUE if @event_name is one of the 41 events
 */
gboolean
mibew_event_dispatcher_describe_event (const char          *event_name,
                                       MibewEventCategory  *category,
                                       const char         **signal_name,
                                       MibewEventKind      *kind,
                                       GType               *args_type)
{
  const MibewEventInfo *info;

  g_return_val_if_fail (event_name != NULL, FALSE);

  info = mibew_event_lookup (event_name, NULL);
  if (info == NULL)
    return FALSE;
  if (category != NULL)
    *category = info->category;
  if (signal_name != NULL)
    *signal_name = info->signal_name;
  if (kind != NULL)
    *kind = info->kind;
  if (args_type != NULL)
    *args_type = info->args_type ();
  return TRUE;
}

/**
 * mibew_event_dispatcher_get_emitter:
 * @self: a #MibewEventDispatcher
 * @category: a category
 *
 * Gets the object carrying the events of @category.
 *
 * Returns: (transfer none): the category object
 */
MibewEventEmitter *
mibew_event_dispatcher_get_emitter (MibewEventDispatcher *self,
                                    MibewEventCategory    category)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail ((guint) category < MIBEW_N_CATEGORIES, NULL);

  return self->emitters[category];
}

/**
 * mibew_event_dispatcher_get_ban:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the ban events.
 *
 * Returns: (transfer none): the #MibewBanEvents of @self
 */
MibewBanEvents *
mibew_event_dispatcher_get_ban (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_BAN_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_BAN]);
}

/**
 * mibew_event_dispatcher_get_button:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the button events.
 *
 * Returns: (transfer none): the #MibewButtonEvents of @self
 */
MibewButtonEvents *
mibew_event_dispatcher_get_button (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_BUTTON_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_BUTTON]);
}

/**
 * mibew_event_dispatcher_get_cron:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the cron events.
 *
 * Returns: (transfer none): the #MibewCronEvents of @self
 */
MibewCronEvents *
mibew_event_dispatcher_get_cron (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_CRON_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_CRON]);
}

/**
 * mibew_event_dispatcher_get_group:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the group events.
 *
 * Returns: (transfer none): the #MibewGroupEvents of @self
 */
MibewGroupEvents *
mibew_event_dispatcher_get_group (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_GROUP_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_GROUP]);
}

/**
 * mibew_event_dispatcher_get_invitation:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the invitation events.
 *
 * Returns: (transfer none): the #MibewInvitationEvents of @self
 */
MibewInvitationEvents *
mibew_event_dispatcher_get_invitation (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_INVITATION_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_INVITATION]);
}

/**
 * mibew_event_dispatcher_get_operator:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the operator events.
 *
 * Returns: (transfer none): the #MibewOperatorEvents of @self
 */
MibewOperatorEvents *
mibew_event_dispatcher_get_operator (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_OPERATOR_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_OPERATOR]);
}

/**
 * mibew_event_dispatcher_get_page:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the page events.
 *
 * Returns: (transfer none): the #MibewPageEvents of @self
 */
MibewPageEvents *
mibew_event_dispatcher_get_page (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_PAGE_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_PAGE]);
}

/**
 * mibew_event_dispatcher_get_resource:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the resource events.
 *
 * Returns: (transfer none): the #MibewResourceEvents of @self
 */
MibewResourceEvents *
mibew_event_dispatcher_get_resource (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_RESOURCE_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_RESOURCE]);
}

/**
 * mibew_event_dispatcher_get_routing:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the routing events.
 *
 * Returns: (transfer none): the #MibewRoutingEvents of @self
 */
MibewRoutingEvents *
mibew_event_dispatcher_get_routing (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_ROUTING_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_ROUTING]);
}

/**
 * mibew_event_dispatcher_get_thread:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the thread events.
 *
 * Returns: (transfer none): the #MibewThreadEvents of @self
 */
MibewThreadEvents *
mibew_event_dispatcher_get_thread (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_THREAD_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_THREAD]);
}

/**
 * mibew_event_dispatcher_get_users:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the users events.
 *
 * Returns: (transfer none): the #MibewUsersEvents of @self
 */
MibewUsersEvents *
mibew_event_dispatcher_get_users (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_USERS_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_USERS]);
}

/**
 * mibew_event_dispatcher_get_visitor:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the visitor events.
 *
 * Returns: (transfer none): the #MibewVisitorEvents of @self
 */
MibewVisitorEvents *
mibew_event_dispatcher_get_visitor (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_VISITOR_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_VISITOR]);
}

/**
 * mibew_event_dispatcher_get_widget:
 * @self: a #MibewEventDispatcher
 *
 * Gets the object carrying the widget events.
 *
 * Returns: (transfer none): the #MibewWidgetEvents of @self
 */
MibewWidgetEvents *
mibew_event_dispatcher_get_widget (MibewEventDispatcher *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);

  return MIBEW_WIDGET_EVENTS (self->emitters[MIBEW_EVENT_CATEGORY_WIDGET]);
}

/**
 * mibew_event_dispatcher_set_json_limits:
 * @self: a #MibewEventDispatcher
 * @max_size: the longest document accepted, in bytes
 * @max_depth: how deep a document may nest
 *
 * Sets #MibewEventDispatcher:max-json-size and
 * #MibewEventDispatcher:max-json-depth, the limits a server needs against
 * hostile input. Documents past them are refused with
 * %MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED.
 */
void
mibew_event_dispatcher_set_json_limits (MibewEventDispatcher *self,
                                        gsize                 max_size,
                                        guint                 max_depth)
{
  g_return_if_fail (MIBEW_IS_EVENT_DISPATCHER (self));
  g_return_if_fail (max_size > 0 && max_depth > 0);

  if (max_size != (gsize) g_atomic_pointer_get ((gpointer *) &self->max_json_size))
    {
      g_atomic_pointer_set ((gpointer *) &self->max_json_size, (gpointer) max_size);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_JSON_SIZE]);
    }
  if (max_depth != (guint) g_atomic_int_get (&self->max_json_depth))
    {
      g_atomic_int_set (&self->max_json_depth, max_depth);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_JSON_DEPTH]);
    }
}

/**
 * mibew_event_dispatcher_parse_json:
 * @self: a #MibewEventDispatcher
 * @data: a JSON document, UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Parses one JSON document within the dispatcher's limits
 * (#MibewEventDispatcher:max-json-size and
 * #MibewEventDispatcher:max-json-depth). Unlike a plain #JsonParser it
 * also refuses duplicate keys, invalid UTF-8 and numbers that do not fit
 * (json-glib would keep the last key and turn them into -1 or infinity).
 *
 * Returns: (transfer full): the document's root, or %NULL with @error set
 *   (%MIBEW_EVENTS_ERROR_MALFORMED_JSON, %MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED
 *   or %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS)
 */
JsonNode *
mibew_event_dispatcher_parse_json (MibewEventDispatcher  *self,
                                   const char            *data,
                                   gssize                 length,
                                   GError               **error)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return mibew_json_parse (data != NULL ? data : "", length,
                           (gsize) g_atomic_pointer_get ((gpointer *) &self->max_json_size),
                           g_atomic_int_get (&self->max_json_depth), error);
}

/* Decodes within the dispatcher's depth limit; @take as for
 * mibew_event_args_decode(): the arguments adopt @node's tree. */
static MibewEventArgs *
decode_json (MibewEventDispatcher  *self,
             const char            *event_name,
             JsonNode              *node,
             gboolean               take,
             const MibewEventInfo **info_out,
             GError               **error)
{
  const MibewEventInfo *info;

  if (!alive (self, G_STRFUNC))
    return NULL;
  info = mibew_event_lookup_or_error (event_name, NULL, error);
  if (info == NULL)
    return NULL;
  if (!mibew_json_check_depth (node, g_atomic_int_get (&self->max_json_depth), error))
    return NULL;
  if (info_out != NULL)
    *info_out = info;
  return mibew_event_args_decode (info, node, take, error);
}

/* Decodes, emits and encodes; @take as for decode_json(). */
static JsonNode *
trigger_json (MibewEventDispatcher  *self,
              const char            *event_name,
              JsonNode              *node,
              gboolean               take,
              GError               **error)
{
  g_autoptr(MibewEventArgs) args = NULL;
  const MibewEventInfo *info = NULL;

  args = decode_json (self, event_name, node, take, &info, error);
  if (args == NULL)
    return NULL;
  mibew_event_emitter_emit (self->emitters[info->category], mibew_event_info_id (info), args);
  /* nobody else holds the arguments: the result may share their nodes */
  return mibew_event_args_encode (args, G_OBJECT (args)->ref_count > 1);
}

/**
 * mibew_event_dispatcher_trigger_json:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event, such as `threadPostMessage`
 * @args: the arguments' JSON form (see mibew_event_args_new_from_json())
 * @error: return location for a #GError
 *
 * Triggers an event given in its JSON form, as the bridge and the command
 * line do: decodes @args, emits the event's signal (every listener runs,
 * as with mibew_event_dispatcher_trigger()), and returns the arguments as
 * the listeners left them, in the same JSON form. Keys nobody documents
 * and values nobody changed come back as they came.
 *
 * If @args does not decode, nothing is emitted and @error names the JSON
 * path and what was expected (`thread.state: expected an integer, got
 * "x"`). @args itself is never changed.
 *
 * Returns: (transfer full): the changed arguments, or %NULL with @error
 *   set
 */
JsonNode *
mibew_event_dispatcher_trigger_json (MibewEventDispatcher  *self,
                                     const char            *event_name,
                                     JsonNode              *args,
                                     GError               **error)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail (event_name != NULL, NULL);
  g_return_val_if_fail (args != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return trigger_json (self, event_name, args, FALSE, error);
}

/* Parses @data within the limits and decodes it; the arguments adopt the
 * tree just parsed, which nobody else holds. */
static MibewEventArgs *
decode_json_data (MibewEventDispatcher  *self,
                  const char            *event_name,
                  const char            *data,
                  gssize                 length,
                  const MibewEventInfo **info,
                  GError               **error)
{
  g_autoptr(JsonNode) node = NULL;

  /* the event first: an unknown event is the clearer error */
  if (mibew_event_lookup_or_error (event_name, NULL, error) == NULL)
    return NULL;
  node = mibew_event_dispatcher_parse_json (self, data, length, error);
  if (node == NULL)
    return NULL;
  return decode_json (self, event_name, node, TRUE, info, error);
}

/**
 * mibew_event_dispatcher_trigger_json_data:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event
 * @data: the arguments as a JSON document, UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * mibew_event_dispatcher_trigger_json() on a document in text form,
 * parsed within the dispatcher's limits (see
 * mibew_event_dispatcher_parse_json()). This is what a server does with a
 * request body.
 *
 * Returns: (transfer full): the changed arguments as compact JSON, or
 *   %NULL with @error set
 */
char *
mibew_event_dispatcher_trigger_json_data (MibewEventDispatcher  *self,
                                          const char            *event_name,
                                          const char            *data,
                                          gssize                 length,
                                          GError               **error)
{
  g_autoptr(MibewEventArgs) args = NULL;
  const MibewEventInfo *info = NULL;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail (event_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  args = decode_json_data (self, event_name, data, length, &info, error);
  if (args == NULL)
    return NULL;
  mibew_event_emitter_emit (self->emitters[info->category], mibew_event_info_id (info), args);
  return mibew_event_dispatcher_encode_json_data (self, args);
}

/**
 * mibew_event_dispatcher_decode_json_data:
 * @self: a #MibewEventDispatcher
 * @event_name: Mibew's name of the event
 * @data: the arguments as a JSON document, UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * The first half of mibew_event_dispatcher_trigger_json_data(), for a
 * host that needs the arguments while their listeners run (a server whose
 * watchdog asks mibew_event_args_get_running_owner()): parses @data
 * within the dispatcher's limits (see mibew_event_dispatcher_parse_json())
 * and reads the arguments from it, as mibew_event_args_new_from_json()
 * does, except that the arguments keep the tree just parsed instead of a
 * copy of it. Emit them with mibew_event_dispatcher_trigger() and write
 * them with mibew_event_dispatcher_encode_json_data(): the result is what
 * mibew_event_dispatcher_trigger_json_data() returns.
 *
 * Returns: (transfer full): the arguments, or %NULL with @error set as
 *   mibew_event_dispatcher_trigger_json_data() sets it
 */
MibewEventArgs *
mibew_event_dispatcher_decode_json_data (MibewEventDispatcher  *self,
                                         const char            *event_name,
                                         const char            *data,
                                         gssize                 length,
                                         GError               **error)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail (event_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode_json_data (self, event_name, data, length, NULL, error);
}

/**
 * mibew_event_dispatcher_encode_json_data:
 * @self: a #MibewEventDispatcher
 * @args: arguments, such as those of
 *   mibew_event_dispatcher_decode_json_data() after their emission
 *
 * Writes @args as compact JSON text, the form
 * mibew_event_dispatcher_trigger_json_data() returns: the same text as
 * mibew_json_to_data() on mibew_event_args_to_json(), without the copy of
 * the tree that mibew_event_args_to_json() makes. Call it where @args may
 * not change meanwhile (not while an emission of @args runs elsewhere).
 *
 * Returns: (transfer full): the arguments as compact JSON
 */
char *
mibew_event_dispatcher_encode_json_data (MibewEventDispatcher *self,
                                         MibewEventArgs       *args)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (self), NULL);
  g_return_val_if_fail (MIBEW_IS_EVENT_ARGS (args), NULL);

  /* the tree shares @args' nodes, and is gone before anyone changes them */
  node = mibew_event_args_encode (args, FALSE);
  return mibew_json_to_data (node, FALSE);
}

/**
 * mibew_event_dispatcher_get_schema:
 * @event_name: (nullable): Mibew's name of an event, or %NULL for all
 * @error: return location for a #GError
 *
 * Gets the JSON Schema (draft 2020-12) of an event's arguments, generated
 * from the same field tables the decoder uses: every documented key with
 * its type (numeric strings allowed where an integer is expected), the
 * keys Mibew always sends as required, and other keys allowed, since
 * Mibew's plugins add their own. With %NULL, one document holds every
 * event's schema under `$defs`, by event name.
 *
 * Returns: (transfer full): the schema, or %NULL with @error set to
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT
 */
JsonNode *
mibew_event_dispatcher_get_schema (const char  *event_name,
                                   GError     **error)
{
  const MibewEventInfo *info = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (event_name != NULL)
    {
      info = mibew_event_lookup_or_error (event_name, NULL, error);
      if (info == NULL)
        return NULL;
    }
  return mibew_event_schema_build (info);
}

/**
 * mibew_event_dispatcher_get_event_description:
 * @event_name: Mibew's name of an event
 * @error: return location for a #GError
 *
 * Describes an event from the library's tables, as `mibew-events
 * describe` prints it: an object with `name`, `constant`, `category`,
 * `signal`, `kind` (`notify`, `alter`, `out` or `call`), `fold` (how
 * returned values combine: `none`, `chain`, `first-wins`, `merge` or
 * `append`), `answer` (the key answers fold into, or null), `returns` (the
 * type a listener may return) and `arguments`, a list of objects with
 * `key`, `property`, `type`, `description` and the booleans `required`,
 * `nullable`, `false_means_none` and `used` (whether the code that
 * triggered the event uses the value the listeners leave).
 *
 * Returns: (transfer full): the description, or %NULL with @error set to
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT
 */
JsonNode *
mibew_event_dispatcher_get_event_description (const char  *event_name,
                                              GError     **error)
{
  const MibewEventInfo *info;

  g_return_val_if_fail (event_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = mibew_event_lookup_or_error (event_name, NULL, error);
  if (info == NULL)
    return NULL;
  return mibew_event_describe (info);
}
