/* mibew-event-emitter.c: the listener engine behind every category object
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "mibew-event-emitter-private.h"
#include "mibew-event-args-private.h"
#include "mibew-enum-types.h"

/**
 * MibewEventEmitter:
 *
 * The base class of the 13 category objects (#MibewThreadEvents,
 * #MibewUsersEvents, ...). It carries one signal per event and runs the
 * listeners attached through [class@MibewEvents.EventDispatcher].
 *
 * ## Order of listeners
 *
 * Listeners attached with mibew_event_dispatcher_attach_listener() run in
 * Mibew's order: lower priority first, equal priorities in attach order.
 * Handlers connected directly to the signal take part like this:
 *
 * - handlers connected with g_signal_connect() run after every dispatcher
 *   listener of priority 0 or lower and before every listener of a
 *   positive priority: they behave like priority-0 listeners attached
 *   after all others;
 * - handlers connected with g_signal_connect_after() run after every
 *   dispatcher listener.
 *
 * ## Answers
 *
 * Besides changing the arguments, a handler of an alter, out or call event
 * may return a value, which is folded into the arguments before the next
 * handler runs (see #MibewEventKind). An out event ends as soon as it is
 * answered.
 *
 * ## Threads
 *
 * An event may be emitted from several threads at once, and listeners may
 * be attached and detached from any thread, also while the event runs. A
 * listener attached during an emission does not run in that emission; a
 * listener detached during an emission does not run any more, even in
 * that emission.
 */

/* How an emission finds its listeners quickly and safely:
 *
 * Each event has a slot holding an immutable, sorted snapshot of its
 * listeners. Attaching or detaching builds a new snapshot under the
 * dispatcher-wide writer lock and swaps it in; readers never lock. A reader
 * announces itself in slot->active before loading the snapshot, so a writer
 * that sees no active reader may free the old snapshot at once, and
 * otherwise retires it for the last reader to free. Both sides use
 * sequentially consistent atomics, so either the writer sees the reader or
 * the reader sees the new snapshot.
 *
 * The same counter keeps the emitter alive for the direct path's
 * emissions, which take no reference (two more atomic operations per
 * event): a listener may drop the last reference to the dispatcher, or
 * dispose it, while the emitter runs it. Dropping the emitter's last
 * reference then runs its dispose, which finds the slot active, takes a
 * reference and marks the slot `hold` (under writer_lock); the emission's
 * slot_leave() that brings the slot to 0 drops it again, so the emitter
 * is finalized only after its listeners returned, as GSignal holds the
 * instance for an emission. An emission that has to free retired
 * snapshots or drop a hold takes the lock; others never do.
 *
 * When no GSignal handler is connected (the common case for C hosts), the
 * typed emitters walk the snapshot directly and call C listeners through
 * their function pointers: no GValue, no marshaller, no allocation. When a
 * GSignal handler is connected, the signal is emitted and the class
 * closure runs the dispatcher's listeners at the documented stages. */

typedef struct
{
  gint ref_count;
  gint detached;
  guint id;
  int priority;
  GQuark detail;
  GQuark owner;         /* the plugin that attached it, or 0 */
  GCallback callback;   /* called directly: the C function, or call_closure () */
  gpointer data1;       /* callback (data1, args, data3): the emitter and */
  gpointer data3;       /* the user data, swapped for g_cclosure_new_swap() */
  GClosure *closure;    /* NULL for a listener attached as a C callback */
  GDestroyNotify destroy; /* for a C callback's user data (data3) */
} Listener;

typedef struct
{
  guint n;
  guint n_low;          /* listeners with priority <= 0 */
  Listener *items[];
} ListenerList;

typedef struct
{
  ListenerList *list;   /* atomic; NULL when empty */
  gint active;          /* atomic; emissions reading a snapshot */
  GSList *retired;      /* changed under writer_lock, always atomically */
  gint hold;            /* atomic, set under writer_lock: dispose took a
                         * reference for the emissions in progress */
  GObject *emitter;     /* the slot's owner, for dropping the hold */
  gulong handler;       /* relaxed atomic: a GSignal handler of the event's
                         * signal found last time, or 0 (see has_handler ()) */
} Slot;

typedef struct
{
  Slot *slots;
  GWeakRef dispatcher;
} MibewEventEmitterPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MibewEventEmitter, mibew_event_emitter, G_TYPE_OBJECT)

static GMutex writer_lock;
static guint signal_ids[MIBEW_N_EVENTS];
/* closure -> how many listeners attach it now, under writer_lock: the
 * closure is invalidated when its last attachment is detached (the same
 * closure may be attached twice, to one event or to several) */
static GHashTable *attached_closures;

typedef void     (*NotifyFunc) (gpointer instance, gpointer args, gpointer user_data);
typedef gpointer (*AnswerFunc) (gpointer instance, gpointer args, gpointer user_data);

/* ---------------------------------------------------------------------- */
/* listeners and snapshots                                                */

static Listener *
listener_ref (Listener *l)
{
  g_atomic_int_inc (&l->ref_count);
  return l;
}

static guint closure_count (GClosure *closure, int delta);

/* Never called with writer_lock held: this may run the destroy notify,
 * which may call the dispatcher. */
static void
listener_unref (Listener *l)
{
  if (g_atomic_int_dec_and_test (&l->ref_count))
    {
      if (l->closure != NULL)
        {
          gboolean attached;

          /* No emission runs @l any more: now its closure may be invalidated
           * (bindings drop their callables then, as for a disconnected
           * GSignal handler), unless it is attached elsewhere too. Not at
           * detach: GLib clears a closure's marshal and data once it is
           * invalidated, under a g_closure_invoke() of another thread that
           * had passed its validity check (a crash, seen in test-threads). */
          g_mutex_lock (&writer_lock);
          attached = closure_count (l->closure, 0) > 0;
          g_mutex_unlock (&writer_lock);
          if (!attached)
            g_closure_invalidate (l->closure);
          g_closure_unref (l->closure);
        }
      else if (l->destroy != NULL)
        l->destroy (l->data3);
      g_free (l);
    }
}

static ListenerList *
list_new (guint n)
{
  ListenerList *list = g_malloc0 (sizeof (ListenerList) + n * sizeof (Listener *));

  list->n = n;
  return list;
}

static void
list_free (gpointer data)
{
  ListenerList *list = data;

  for (guint i = 0; i < list->n; i++)
    listener_unref (list->items[i]);
  g_free (list);
}

static void
list_count_low (ListenerList *list)
{
  list->n_low = 0;
  while (list->n_low < list->n && list->items[list->n_low]->priority <= 0)
    list->n_low++;
}

/* Called with writer_lock held. Returns the old snapshot when no
 * emission reads it, for the caller to free after unlocking: freeing may
 * run a listener's destroy notify, which may call the dispatcher. */
static ListenerList *
slot_replace (Slot         *slot,
              ListenerList *list)
{
  ListenerList *old = g_atomic_pointer_exchange (&slot->list, list);

  if (old == NULL)
    return NULL;
  if (g_atomic_int_get (&slot->active) == 0)
    return old;
  /* atomic, though under the lock: slot_leave() reads it without */
  g_atomic_pointer_set (&slot->retired,
                        g_slist_prepend (g_atomic_pointer_get (&slot->retired), old));
  return NULL;
}

/* Called with writer_lock held. Counts @closure's attachments; returns
 * how many are left. */
static guint
closure_count (GClosure *closure,
               int       delta)
{
  guint n;

  /* C callbacks attached without a closure are not counted */
  if (closure == NULL)
    return 0;
  if (attached_closures == NULL)
    attached_closures = g_hash_table_new (NULL, NULL);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (attached_closures, closure)) + (guint) delta;
  if (delta == 0)
    return n;
  if (n == 0)
    g_hash_table_remove (attached_closures, closure);
  else
    g_hash_table_insert (attached_closures, closure, GUINT_TO_POINTER (n));
  return n;
}

static inline ListenerList *
slot_enter (Slot *slot)
{
  g_atomic_int_inc (&slot->active);
  return g_atomic_pointer_get (&slot->list);
}

static void
slot_reclaim (Slot *slot)
{
  GSList *retired = NULL;
  GObject *hold = NULL;

  g_mutex_lock (&writer_lock);
  if (g_atomic_int_get (&slot->active) == 0)
    {
      retired = g_atomic_pointer_exchange (&slot->retired, NULL);
      if (g_atomic_int_exchange (&slot->hold, 0))
        hold = slot->emitter;
    }
  g_mutex_unlock (&writer_lock);
  g_slist_free_full (retired, list_free);
  /* last: this may finalize the emitter, and @slot with it */
  if (hold != NULL)
    g_object_unref (hold);
}

static inline void
slot_leave (Slot *slot)
{
  if (g_atomic_int_dec_and_test (&slot->active) &&
      (g_atomic_pointer_get (&slot->retired) != NULL || g_atomic_int_get (&slot->hold)))
    slot_reclaim (slot);
}

/* Plain casts on this path: callers checked the types, and GLib's checked
 * casts to a parent type walk the type tree on every call. */
static inline Slot *
get_slot (MibewEventEmitter *self,
          MibewEventId       id)
{
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);
  MibewEventEmitterClass *klass = (MibewEventEmitterClass *) ((GTypeInstance *) self)->g_class;

  return &priv->slots[id - klass->first_event];
}

/* ---------------------------------------------------------------------- */
/* running listeners                                                      */

static gpointer
steal_value (GValue *value)
{
  /* by the fundamental type: the G_VALUE_HOLDS_*() checks are calls */
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      return g_value_dup_string (value);
    case G_TYPE_OBJECT:
      return g_value_dup_object (value);
    case G_TYPE_BOXED:
      return g_value_dup_boxed (value);
    default:
      return NULL;
    }
}

/* Bindings' closures (Python, GJS) and C closures with a marshaller go
 * through GClosure; this is the slow but general path. */
static gpointer
invoke_closure (Listener       *l,
                gpointer        instance,
                MibewEventArgs *args,
                GType           return_type)
{
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GValue ret = G_VALUE_INIT;
  gpointer answer = NULL;

  g_value_init_from_instance (&params[0], instance);
  g_value_init (&params[1], G_OBJECT_TYPE (args));
  g_value_set_object (&params[1], args);
  if (return_type != G_TYPE_NONE)
    g_value_init (&ret, return_type);

  /* checked again after the set-up, right before the call: a detach of
   * another thread in between is seen, as on the direct path */
  if (G_LIKELY (!g_atomic_int_get (&l->detached)))
    {
      g_closure_invoke (l->closure, return_type != G_TYPE_NONE ? &ret : NULL, 2, params, NULL);
      answer = steal_value (&ret);
    }
  if (return_type != G_TYPE_NONE)
    g_value_unset (&ret);
  g_value_unset (&params[0]);
  g_value_unset (&params[1]);
  return answer;
}

/* The callback of a listener whose closure needs its marshaller: data1 is
 * the emitter, data3 the listener itself (invoke_closure() checks its
 * detached flag again right before the call). */
static gpointer
call_closure (gpointer        instance,
              MibewEventArgs *args,
              gpointer        listener)
{
  MibewEventArgsClass *aclass = (MibewEventArgsClass *) ((GTypeInstance *) args)->g_class;

  return invoke_closure (listener, instance, args, aclass->return_type);
}

/* Where @args publishes its running listener's owner (see
 * mibew_event_args_set_running_owner()), for the loops below to store
 * into directly: one relaxed store per listener. */
static inline GQuark *
running_owner_slot (MibewEventArgs *args)
{
  return (GQuark *) G_STRUCT_MEMBER_P (args, mibew_event_args_private_offset +
                                             (gint) MIBEW_EVENT_ARGS_RUNNING_OWNER_OFFSET);
}

/* The loop for the answering kinds, specialised by the compiler for each
 * (constant) combination: only function calls match a detail (attach
 * gives no other listener one), only out events end early. Returns FALSE
 * when an out event was answered. */
static inline G_ALWAYS_INLINE gboolean
run_answering (Listener * const    *items,
               guint                from,
               guint                to,
               GQuark               detail,
               MibewEventArgs      *args,
               MibewEventArgsClass *aclass,
               GQuark              *owner,
               const gboolean       match_detail,
               const gboolean       is_out)
{
  for (guint i = from; i < to; i++)
    {
      Listener *l = items[i];
      gpointer answer;

      if (G_UNLIKELY (g_atomic_int_get (&l->detached)))
        continue;
      if (match_detail && l->detail != 0 && l->detail != detail)
        continue;

      __atomic_store_n (owner, l->owner, __ATOMIC_RELAXED);
      answer = ((AnswerFunc) (void (*) (void)) l->callback) (l->data1, args, l->data3);
      if (answer != NULL)
        aclass->fold_return (args, answer);
      if (is_out && aclass->has_answer (args))
        return FALSE;
    }
  return TRUE;
}

/* Runs items [from, to) of @list. Returns FALSE when an out event was
 * answered, which ends the emission. */
static gboolean
run_listeners (gpointer              instance,
               const MibewEventInfo *info,
               ListenerList         *list,
               guint                 from,
               guint                 to,
               GQuark                detail,
               MibewEventArgs       *args)
{
  MibewEventArgsClass *aclass = (MibewEventArgsClass *) ((GTypeInstance *) args)->g_class;
  /* in locals: the compiler must reload fields after every call */
  Listener * const *items = list->items;
  GQuark *owner = running_owner_slot (args);
  gboolean go_on = TRUE;

  /* the kind's branches are taken once, outside the loops; every listener
   * has a callback (closures get call_closure()) */
  switch (info->kind)
    {
    case MIBEW_EVENT_KIND_NOTIFY:
      for (guint i = from; i < to; i++)
        {
          Listener *l = items[i];

          if (G_UNLIKELY (g_atomic_int_get (&l->detached)))
            continue;
          __atomic_store_n (owner, l->owner, __ATOMIC_RELAXED);
          ((NotifyFunc) (void (*) (void)) l->callback) (l->data1, args, l->data3);
        }
      break;
    case MIBEW_EVENT_KIND_ALTER:
      go_on = run_answering (items, from, to, detail, args, aclass, owner, FALSE, FALSE);
      break;
    case MIBEW_EVENT_KIND_OUT:
      go_on = run_answering (items, from, to, detail, args, aclass, owner, FALSE, TRUE);
      break;
    case MIBEW_EVENT_KIND_CALL:
    default:
      go_on = run_answering (items, from, to, detail, args, aclass, owner, TRUE, FALSE);
      break;
    }
  __atomic_store_n (owner, 0, __ATOMIC_RELAXED);
  return go_on;
}

/* ---------------------------------------------------------------------- */
/* the GSignal path                                                       */

/* The object in a GValue of an object type, as GLib's own marshallers
 * read it (g_value_peek_pointer() is a call, with a type check). */
static inline gpointer
peek_object (const GValue *value)
{
  return value->data[0].v_pointer;
}

/* Every answering signal is "pointer (object)": one hand-written
 * marshaller serves them all, instead of g_cclosure_marshal_generic()'s
 * libffi call (which costs more than the rest of an emission). */
static void
marshal_answer__OBJECT (GClosure     *closure,
                        GValue       *return_value,
                        guint         n_param_values,
                        const GValue *param_values,
                        gpointer      invocation_hint,
                        gpointer      marshal_data)
{
  GCClosure *cc = (GCClosure *) closure;
  gpointer data1, data2, answer;
  AnswerFunc callback;

  g_return_if_fail (n_param_values == 2);

  if (G_CCLOSURE_SWAP_DATA (closure))
    {
      data1 = closure->data;
      data2 = peek_object (param_values + 0);
    }
  else
    {
      data1 = peek_object (param_values + 0);
      data2 = closure->data;
    }
  callback = (AnswerFunc) (marshal_data != NULL ? marshal_data : cc->callback);
  /* the signal's parameter: an object of the arguments class */
  answer = callback (data1, peek_object (param_values + 1), data2);

  if (return_value == NULL || answer == NULL)
    return;
  if (G_VALUE_HOLDS_STRING (return_value))
    g_value_take_string (return_value, answer);
  else if (G_VALUE_HOLDS_OBJECT (return_value))
    g_value_take_object (return_value, answer);
  else
    g_value_take_boxed (return_value, answer);
}

/* The emission in progress on this thread, innermost last: the
 * accumulator has no access to the signal's arguments, so the class
 * closure publishes them here (pushed in the first stage, popped in the
 * cleanup stage, which GLib runs even when the emission is stopped). */
typedef struct
{
  MibewEventArgs *args;
  ListenerList *list;
  Slot *slot;
  gboolean from_class_closure;  /* the next accumulation is our stage's */
} Frame;

typedef struct
{
  Frame *items;
  guint len;
  guint size;
} FrameStack;

/* Every stage and every accumulation looks the stack up: a compiler
 * thread-local pointer in front of the GPrivate, which costs a call into
 * libpthread each time; the GPrivate frees the stack when the thread
 * exits. */
static __thread FrameStack *frames_tls;

static void
frames_free (gpointer data)
{
  FrameStack *frames = data;

  /* run by the exiting thread itself: nothing of it may find the stack */
  frames_tls = NULL;
  g_free (frames->items);
  g_free (frames);
}

static GPrivate frames_key = G_PRIVATE_INIT (frames_free);

static inline FrameStack *
get_frames (void)
{
  FrameStack *frames = frames_tls;

  if (G_UNLIKELY (frames == NULL))
    {
      frames = g_new0 (FrameStack, 1);
      g_private_set (&frames_key, frames);
      frames_tls = frames;
    }
  return frames;
}

/* Valid until the next push: a listener's emission may move the stack. */
static inline Frame *
top_frame (FrameStack *frames)
{
  if (frames->len == 0)
    return NULL;
  return &frames->items[frames->len - 1];
}

static inline void
push_frame (FrameStack  *frames,
            const Frame *frame)
{
  if (G_UNLIKELY (frames->len == frames->size))
    {
      frames->size = MAX (8, 2 * frames->size);
      frames->items = g_renew (Frame, frames->items, frames->size);
    }
  frames->items[frames->len++] = *frame;
}

static void
class_closure_marshal (GClosure     *closure,
                       GValue       *return_value,
                       guint         n_param_values,
                       const GValue *param_values,
                       gpointer      invocation_hint,
                       gpointer      marshal_data)
{
  const MibewEventInfo *info = closure->data;
  GSignalInvocationHint *hint = invocation_hint;
  /* the signal's instance and parameter, of its types */
  MibewEventEmitter *self = peek_object (&param_values[0]);
  MibewEventArgs *args = peek_object (&param_values[1]);
  FrameStack *frames = get_frames ();

  /* GLib keeps earlier stage bits in run_type: test the latest first */
  if (hint->run_type & G_SIGNAL_RUN_CLEANUP)
    {
      Frame *frame = top_frame (frames);

      g_assert (frame != NULL && frame->args == args);
      frames->len--;
      slot_leave (frame->slot);
    }
  else if (hint->run_type & G_SIGNAL_RUN_LAST)
    {
      Frame *frame = top_frame (frames);

      g_assert (frame != NULL && frame->args == args);
      frame->from_class_closure = TRUE;
      if (frame->list != NULL &&
          !run_listeners (self, info, frame->list, frame->list->n_low, frame->list->n,
                          hint->detail, args))
        g_signal_stop_emission (self, hint->signal_id, hint->detail);
    }
  else if (hint->run_type & G_SIGNAL_RUN_FIRST)
    {
      Frame frame;

      frame.args = args;
      frame.slot = get_slot (self, mibew_event_info_id (info));
      frame.list = slot_enter (frame.slot);
      frame.from_class_closure = TRUE;
      push_frame (frames, &frame);

      if (frame.list != NULL &&
          !run_listeners (self, info, frame.list, 0, frame.list->n_low, hint->detail, args))
        g_signal_stop_emission (self, hint->signal_id, hint->detail);
    }
}

static gboolean
accumulate (GSignalInvocationHint *hint,
            GValue                *return_accu,
            const GValue          *handler_return,
            gpointer               data)
{
  const MibewEventInfo *info = data;
  Frame *frame;
  MibewEventArgsClass *aclass;
  gpointer answer;

  /* GLib accumulates the cleanup stage's (empty) return too, after our
   * class closure popped the frame. */
  if (hint->run_type & G_SIGNAL_RUN_CLEANUP)
    return TRUE;

  /* Only our class closure pushes frames, and it always runs first. */
  frame = top_frame (get_frames ());
  g_return_val_if_fail (frame != NULL, TRUE);

  /* The class closure answers nothing itself and stops the emission on
   * its own when one of its listeners answered; judging the slot here
   * would stop an out event whose slot was filled on entry before any
   * handler ran, unlike the direct path. */
  if (frame->from_class_closure)
    {
      frame->from_class_closure = FALSE;
      return TRUE;
    }

  aclass = (MibewEventArgsClass *) ((GTypeInstance *) frame->args)->g_class;
  answer = steal_value ((GValue *) handler_return);
  if (answer != NULL)
    aclass->fold_return (frame->args, answer);
  if (info->kind == MIBEW_EVENT_KIND_OUT && aclass->has_answer (frame->args))
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */

/* Keeps @object alive for the emissions running its listeners right now
 * (see the comment at the top). Runs again, finding nothing to hold, when
 * the last of them drops the hold. */
static void
mibew_event_emitter_dispose (GObject *object)
{
  MibewEventEmitter *self = MIBEW_EVENT_EMITTER (object);
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);
  MibewEventEmitterClass *klass = MIBEW_EVENT_EMITTER_GET_CLASS (self);

  for (guint i = 0; i < klass->n_events; i++)
    {
      Slot *slot = &priv->slots[i];
      gboolean held = FALSE;

      /* an emission of this thread that runs a listener of @self is
       * visible here; one of another thread holds a reference of its own */
      if (g_atomic_int_get (&slot->active) == 0)
        continue;

      /* taken outside the lock: a toggle reference's notify may run */
      g_object_ref (object);
      g_mutex_lock (&writer_lock);
      if (!g_atomic_int_get (&slot->hold))
        {
          /* hold first, then look: either the last emission sees the
           * hold, or we see that it left */
          g_atomic_int_set (&slot->hold, 1);
          held = g_atomic_int_get (&slot->active) > 0;
          if (!held)
            g_atomic_int_set (&slot->hold, 0);
        }
      g_mutex_unlock (&writer_lock);
      if (!held)
        g_object_unref (object);
    }

  G_OBJECT_CLASS (mibew_event_emitter_parent_class)->dispose (object);
}

static void
mibew_event_emitter_finalize (GObject *object)
{
  MibewEventEmitter *self = MIBEW_EVENT_EMITTER (object);
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);
  MibewEventEmitterClass *klass = MIBEW_EVENT_EMITTER_GET_CLASS (self);

  for (guint i = 0; i < klass->n_events; i++)
    {
      Slot *slot = &priv->slots[i];

      g_slist_free_full (slot->retired, list_free);
      if (slot->list != NULL)
        {
          g_mutex_lock (&writer_lock);
          for (guint j = 0; j < slot->list->n; j++)
            {
              g_atomic_int_set (&slot->list->items[j]->detached, 1);
              closure_count (slot->list->items[j]->closure, -1);
            }
          g_mutex_unlock (&writer_lock);
          list_free (slot->list);
        }
    }
  g_free (priv->slots);
  g_weak_ref_clear (&priv->dispatcher);

  G_OBJECT_CLASS (mibew_event_emitter_parent_class)->finalize (object);
}

/* Not in init: while a parent's instance init runs, the instance still
 * has the parent's class, which knows no events. */
static void
mibew_event_emitter_constructed (GObject *object)
{
  MibewEventEmitter *self = MIBEW_EVENT_EMITTER (object);
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);

  priv->slots = g_new0 (Slot, MIBEW_EVENT_EMITTER_GET_CLASS (self)->n_events);
  for (guint i = 0; i < MIBEW_EVENT_EMITTER_GET_CLASS (self)->n_events; i++)
    priv->slots[i].emitter = object;

  G_OBJECT_CLASS (mibew_event_emitter_parent_class)->constructed (object);
}

static void
mibew_event_emitter_class_init (MibewEventEmitterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mibew_event_emitter_constructed;
  object_class->dispose = mibew_event_emitter_dispose;
  object_class->finalize = mibew_event_emitter_finalize;
}

static void
mibew_event_emitter_init (MibewEventEmitter *self)
{
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);

  g_weak_ref_init (&priv->dispatcher, NULL);
}

void
mibew_event_emitter_set_dispatcher (MibewEventEmitter    *self,
                                    MibewEventDispatcher *dispatcher)
{
  MibewEventEmitterPrivate *priv = mibew_event_emitter_get_instance_private (self);

  g_weak_ref_set (&priv->dispatcher, dispatcher);
}

/**
 * mibew_event_emitter_get_dispatcher:
 * @self: a #MibewEventEmitter
 *
 * Gets the dispatcher @self belongs to, for instance to report a failing
 * listener with mibew_event_dispatcher_report_failure().
 *
 * Returns: (transfer none) (nullable): the dispatcher, or %NULL once it is
 *   gone
 */
MibewEventDispatcher *
mibew_event_emitter_get_dispatcher (MibewEventEmitter *self)
{
  MibewEventEmitterPrivate *priv;
  GObject *dispatcher;

  g_return_val_if_fail (MIBEW_IS_EVENT_EMITTER (self), NULL);

  priv = mibew_event_emitter_get_instance_private (self);
  dispatcher = g_weak_ref_get (&priv->dispatcher);
  /* the dispatcher owns its emitters: while @self is in use it lives */
  if (dispatcher != NULL)
    g_object_unref (dispatcher);
  return (MibewEventDispatcher *) dispatcher;
}

/**
 * mibew_event_emitter_get_event_name:
 * @self: a #MibewEventEmitter
 * @signal_name: the name of one of its signals, with or without a detail
 *   (`post-message`, `function-call::microtime`)
 *
 * Maps a signal of @self to Mibew's event name.
 *
 * Returns: (nullable): the event name, such as `threadPostMessage`, or
 *   %NULL if @self has no such signal
 */
const char *
mibew_event_emitter_get_event_name (MibewEventEmitter *self,
                                    const char        *signal_name)
{
  MibewEventEmitterClass *klass;
  size_t len;

  g_return_val_if_fail (MIBEW_IS_EVENT_EMITTER (self), NULL);
  g_return_val_if_fail (signal_name != NULL, NULL);

  klass = MIBEW_EVENT_EMITTER_GET_CLASS (self);
  len = strcspn (signal_name, ":");
  for (guint i = klass->first_event; i < klass->first_event + klass->n_events; i++)
    {
      const char *sig = mibew_event_table[i].signal_name;
      /* GSignal accepts '_' for '-' */
      gboolean same = strlen (sig) == len;

      for (size_t k = 0; same && k < len; k++)
        same = sig[k] == signal_name[k] || (sig[k] == '-' && signal_name[k] == '_');
      if (same)
        return mibew_event_table[i].name;
    }
  return NULL;
}

void
mibew_event_emitter_class_setup (MibewEventEmitterClass *klass,
                                 MibewEventCategory      category)
{
  GType itype = G_TYPE_FROM_CLASS (klass);
  guint first = MIBEW_N_EVENTS;
  guint n = 0;

  klass->category = category;

  for (guint i = 0; i < MIBEW_N_EVENTS; i++)
    {
      const MibewEventInfo *info = &mibew_event_table[i];
      GType args_type = info->args_type ();
      MibewEventArgsClass *aclass;
      GClosure *class_closure;
      GSignalFlags flags;

      if (info->category != category)
        continue;
      /* the table keeps each category's events together */
      g_assert (first == MIBEW_N_EVENTS || first + n == i);
      if (first == MIBEW_N_EVENTS)
        first = i;
      n++;

      aclass = g_type_class_ref (args_type);  /* kept: args classes are static */
      class_closure = g_closure_new_simple (sizeof (GClosure), (gpointer) info);
      g_closure_set_marshal (class_closure, class_closure_marshal);

      flags = G_SIGNAL_RUN_FIRST | G_SIGNAL_RUN_LAST | G_SIGNAL_RUN_CLEANUP;
      if (info->kind == MIBEW_EVENT_KIND_CALL)
        flags |= G_SIGNAL_DETAILED;

      if (aclass->return_type == G_TYPE_NONE)
        {
          signal_ids[i] = g_signal_newv (info->signal_name, itype, flags, class_closure,
                                         NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                                         G_TYPE_NONE, 1, &args_type);
          g_signal_set_va_marshaller (signal_ids[i], itype, g_cclosure_marshal_VOID__OBJECTv);
        }
      else
        signal_ids[i] = g_signal_newv (info->signal_name, itype, flags, class_closure,
                                       accumulate, (gpointer) info, marshal_answer__OBJECT,
                                       aclass->return_type, 1, &args_type);
    }
  klass->first_event = first;
  klass->n_events = n;
}

/**
 * mibew_event_emitter_get_category:
 * @self: a #MibewEventEmitter
 *
 * Gets which of Mibew's 13 event categories @self carries.
 *
 * Returns: the category
 */
MibewEventCategory
mibew_event_emitter_get_category (MibewEventEmitter *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_EMITTER (self), 0);

  return MIBEW_EVENT_EMITTER_GET_CLASS (self)->category;
}

static Listener *
listener_new (GQuark detail,
              int    priority,
              guint  id,
              GQuark owner)
{
  Listener *l = g_new0 (Listener, 1);

  l->ref_count = 1;
  l->id = id;
  l->priority = priority;
  l->detail = detail;
  l->owner = owner;
  return l;
}

static guint insert_listener (MibewEventEmitter *self, const MibewEventInfo *info, Listener *l);

/* A C callback needs no GClosure: the listener holds the function, the
 * user data and its destroy notify itself (a GCClosure would cost 80
 * bytes more per listener, for nothing the direct call uses). */
guint
mibew_event_emitter_attach_callback (MibewEventEmitter    *self,
                                     const MibewEventInfo *info,
                                     GQuark                detail,
                                     int                   priority,
                                     GCallback             callback,
                                     gpointer              user_data,
                                     GDestroyNotify        destroy,
                                     guint                 id,
                                     GQuark                owner)
{
  Listener *l = listener_new (detail, priority, id, owner);

  l->callback = callback;
  l->data1 = self;
  l->data3 = user_data;
  l->destroy = destroy;
  return insert_listener (self, info, l);
}

guint
mibew_event_emitter_attach (MibewEventEmitter    *self,
                            const MibewEventInfo *info,
                            GQuark                detail,
                            int                   priority,
                            GClosure             *closure,
                            guint                 id,
                            GQuark                owner)
{
  Listener *l = listener_new (detail, priority, id, owner);

  l->closure = g_closure_ref (closure);
  g_closure_sink (closure);
  /* A closure without a marshaller can only be a plain GCClosure (the
   * bindings and g_cclosure_new_object() always install one): call its
   * function directly, skipping GValue marshalling. */
  if (closure->marshal == NULL)
    {
      gboolean swap = G_CCLOSURE_SWAP_DATA (closure);

      /* the instance is always this emitter, which owns the listener */
      l->callback = ((GCClosure *) closure)->callback;
      l->data1 = swap ? closure->data : (gpointer) self;
      l->data3 = swap ? (gpointer) self : closure->data;
    }
  else
    {
      l->callback = G_CALLBACK (call_closure);
      l->data1 = self;
      l->data3 = l;
    }
  return insert_listener (self, info, l);
}

static guint
insert_listener (MibewEventEmitter    *self,
                 const MibewEventInfo *info,
                 Listener             *l)
{
  Slot *slot = get_slot (self, mibew_event_info_id (info));
  ListenerList *old, *list;
  int priority = l->priority;
  guint pos;

  g_mutex_lock (&writer_lock);
  old = slot->list;
  list = list_new ((old != NULL ? old->n : 0) + 1);
  /* after every listener of the same or a lower priority: ties keep
   * attach order */
  pos = 0;
  while (old != NULL && pos < old->n && old->items[pos]->priority <= priority)
    pos++;
  for (guint i = 0; i < pos; i++)
    list->items[i] = listener_ref (old->items[i]);
  list->items[pos] = l;
  for (guint i = pos; old != NULL && i < old->n; i++)
    list->items[i + 1] = listener_ref (old->items[i]);
  list_count_low (list);
  closure_count (l->closure, 1);
  old = slot_replace (slot, list);
  g_mutex_unlock (&writer_lock);
  g_clear_pointer (&old, list_free);

  return l->id;
}

gboolean
mibew_event_emitter_detach (MibewEventEmitter    *self,
                            const MibewEventInfo *info,
                            guint                 id)
{
  Slot *slot = get_slot (self, mibew_event_info_id (info));
  ListenerList *old, *list = NULL;
  guint found = G_MAXUINT;
  Listener *l;

  g_mutex_lock (&writer_lock);
  old = slot->list;
  for (guint i = 0; old != NULL && i < old->n; i++)
    if (old->items[i]->id == id)
      {
        found = i;
        break;
      }
  if (found == G_MAXUINT)
    {
      g_mutex_unlock (&writer_lock);
      return FALSE;
    }

  l = old->items[found];
  g_atomic_int_set (&l->detached, 1);
  closure_count (l->closure, -1);
  if (old->n > 1)
    {
      guint k = 0;

      list = list_new (old->n - 1);
      for (guint i = 0; i < old->n; i++)
        if (i != found)
          list->items[k++] = listener_ref (old->items[i]);
      list_count_low (list);
    }
  old = slot_replace (slot, list);
  g_mutex_unlock (&writer_lock);

  g_clear_pointer (&old, list_free);
  return TRUE;
}

guint
mibew_event_emitter_detach_owner (MibewEventEmitter    *self,
                                  const MibewEventInfo *info,
                                  GQuark                owner)
{
  Slot *slot = get_slot (self, mibew_event_info_id (info));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  ListenerList *list;
  guint n = 0;

  g_mutex_lock (&writer_lock);
  list = slot->list;
  for (guint i = 0; list != NULL && i < list->n; i++)
    if (list->items[i]->owner == owner)
      g_array_append_val (ids, list->items[i]->id);
  g_mutex_unlock (&writer_lock);

  /* one by one, each under the lock: detach keeps its own guarantees */
  for (guint i = 0; i < ids->len; i++)
    if (mibew_event_emitter_detach (self, info, g_array_index (ids, guint, i)))
      n++;
  return n;
}

guint
mibew_event_emitter_count_listeners (MibewEventEmitter    *self,
                                     const MibewEventInfo *info)
{
  Slot *slot = get_slot (self, mibew_event_info_id (info));
  ListenerList *list;
  guint n;

  list = slot_enter (slot);
  n = list != NULL ? list->n : 0;
  slot_leave (slot);
  return n;
}

/* Whether @self has a GSignal handler of @id's signal, whatever its
 * detail and blocked or not. g_signal_handler_find() allocates a match
 * record whenever it finds one: the id it found is kept in the slot, and
 * while that handler stays connected (GLib never gives an id twice) only
 * it is looked up, in GLib's table of handlers, without allocating. The
 * kept id is only a hint, so relaxed atomics do. */
static gboolean
has_handler (MibewEventEmitter *self,
             Slot              *slot,
             MibewEventId       id)
{
  gulong known = __atomic_load_n (&slot->handler, __ATOMIC_RELAXED);

  if (known != 0 && g_signal_handler_is_connected (self, known))
    return TRUE;
  known = g_signal_handler_find (self, G_SIGNAL_MATCH_ID, signal_ids[id], 0, NULL, NULL, NULL);
  __atomic_store_n (&slot->handler, known, __ATOMIC_RELAXED);
  return known != 0;
}

gboolean
mibew_event_emitter_emit (MibewEventEmitter *self,
                          MibewEventId       id,
                          MibewEventArgs    *args)
{
  const MibewEventInfo *info = &mibew_event_table[id];
  MibewEventArgsClass *aclass = (MibewEventArgsClass *) ((GTypeInstance *) args)->g_class;
  GQuark detail = 0;
  gboolean go_on = TRUE;
  gboolean via_gsignal;
  Slot *slot;

  /* the JSON form of some classes depends on the event (css or js), and
   * mibew_event_args_get_event_name() tells it */
  mibew_event_args_set_event (args, id);

  if (info->kind == MIBEW_EVENT_KIND_CALL)
    {
      const char *function = aclass->get_detail (args);
      detail = function != NULL ? g_quark_try_string (function) : 0;
    }

  /* Any handler of the signal, whatever its detail and blocked or not,
   * sends the emission through GSignal, which sorts them out: one look,
   * and a cheaper one than g_signal_has_handler_pending() (which also
   * searches the class closures and, when it finds a handler, allocates
   * a match list). The look is skipped for an emitter that never had a
   * handler of any signal, which GLib tells as it does for itself (see
   * mibew_object_may_have_handlers()): g_signal_connect() marks the
   * emitter before the handler exists, so one connected at any time,
   * from any thread, is seen by the next emission. */
  slot = get_slot (self, id);
  via_gsignal = mibew_object_may_have_handlers (self) && has_handler (self, slot, id);

  if (G_LIKELY (!via_gsignal))
    {
      ListenerList *list;

      /* nobody listens: no atomic operation at all (the pointer is only
       * compared, never followed) */
      if (g_atomic_pointer_get (&slot->list) == NULL)
        goto out;

      list = slot_enter (slot);
      if (list != NULL)
        go_on = run_listeners (self, info, list, 0, list->n, detail, args);
      slot_leave (slot);
    }
  else
    {
      gpointer ret = NULL;

      if (aclass->return_type == G_TYPE_NONE)
        g_signal_emit (self, signal_ids[id], detail, args);
      else
        g_signal_emit (self, signal_ids[id], detail, args, &ret);
      /* the accumulator folds answers into @args, never into the return */
      g_assert (ret == NULL);
    }

out:
  if (info->kind == MIBEW_EVENT_KIND_OUT)
    return aclass->has_answer (args);
  return go_on;
}
