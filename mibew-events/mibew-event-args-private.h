/* mibew-event-args-private.h: how arguments classes describe their fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every arguments class is one instance struct plus one table of
 * MibewArgField next to it. From that table MibewEventArgs derives the
 * properties, get/set_property, finalize, the answer fold, the JSON codec,
 * the JSON Schema and the description the CLI and the docs print. The
 * public typed getters read the struct directly (the fast path); the
 * setters compare, store and notify through the helpers below.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mibew-event-args.h"
#include "mibew-event-table-private.h"

G_BEGIN_DECLS

typedef enum {
  MIBEW_ARG_INT,            /* gint64; JSON integer or numeric string */
  MIBEW_ARG_BOOLEAN,        /* gboolean; JSON boolean (0/1 accepted) */
  MIBEW_ARG_ENUM,           /* int of enum @gtype; JSON integer */
  MIBEW_ARG_STRING,         /* char *; JSON string */
  MIBEW_ARG_DICT,           /* JsonObject *; JSON object (PHP's [] accepted) */
  MIBEW_ARG_INT_LIST,       /* JsonArray * of integers */
  MIBEW_ARG_RECORD,         /* MibewRecord subclass @gtype; JSON object */
  MIBEW_ARG_RECORD_LIST,    /* GListStore of MibewRecord @gtype; JSON array */
  MIBEW_ARG_ASSETS,         /* MibewAssetList *; JSON array of assets */
  MIBEW_ARG_FRAGMENT,       /* MibewButtonFragment *; JSON string (HTML) */
  MIBEW_ARG_URL_GENERATOR,  /* MibewUrlGenerator *; JSON {"base_url"} */
} MibewArgType;

typedef enum {
  MIBEW_ARG_OPTIONAL      = 1 << 0, /* may be absent from the JSON form */
  MIBEW_ARG_FALSE_IS_NONE = 1 << 1, /* %NULL is Mibew's `false` (null accepted) */
  MIBEW_ARG_NULLABLE      = 1 << 2, /* JSON null is %NULL */
  MIBEW_ARG_LAZY          = 1 << 3, /* %NULL reads as a new empty value */
  MIBEW_ARG_USED          = 1 << 4, /* the emitter uses the final value */
  MIBEW_ARG_DETAIL        = 1 << 5, /* the signal's detail (function name) */
  MIBEW_ARG_EVENT_KEY     = 1 << 6, /* its JSON key is the event's result key */
  MIBEW_ARG_ABSENT        = 1 << 7, /* computed: not an argument of this event */
} MibewArgFlags;

/* How a listener's returned value folds into the answer field. */
typedef enum {
  MIBEW_FOLD_NONE,
  MIBEW_FOLD_REPLACE,       /* chain (alter) or first-wins (out) */
  MIBEW_FOLD_MERGE,         /* dictionaries: later keys win */
  MIBEW_FOLD_APPEND,        /* asset lists */
} MibewFold;

/*
 * MibewArgField:
 * @key: the JSON key, Mibew's array key
 * @property: the GObject property name
 * @type: how the value is stored and coded
 * @gtype: the record, list item or enum type
 * @offset: where the value lives in the instance struct
 * @flags: #MibewArgFlags
 * @fold: for the field answers fold into, how; %MIBEW_FOLD_NONE elsewhere
 * @blurb: one line for the property, the schema, `describe` and the docs
 */
typedef struct {
  const char    *key;
  const char    *property;
  MibewArgType   type;
  GType        (*gtype) (void);
  guint          offset;
  MibewArgFlags  flags;
  MibewFold      fold;
  const char    *blurb;
} MibewArgField;

/* The flags of @f for the event @info (%NULL: not known): an optional
 * argument is required by the event that names it in the event table and
 * absent from the others; `false` means none only for the answer of an
 * out event, which starts unanswered. */
static inline MibewArgFlags
mibew_arg_field_flags (const MibewArgField  *f,
                       const MibewEventInfo *info)
{
  MibewArgFlags flags = f->flags;

  if (info == NULL)
    return flags;
  if (flags & MIBEW_ARG_OPTIONAL)
    {
      flags &= ~MIBEW_ARG_OPTIONAL;
      if (info->extra_key == NULL || g_strcmp0 (info->extra_key, f->key) != 0)
        flags |= MIBEW_ARG_ABSENT;
    }
  if ((flags & MIBEW_ARG_FALSE_IS_NONE) && info->kind != MIBEW_EVENT_KIND_OUT)
    flags &= ~MIBEW_ARG_FALSE_IS_NONE;
  return flags;
}

/* @self as a #MibewEventArgs, unchecked: for the classes' own accessors,
 * which checked @self's type on entry (g_return_if_fail). GLib's checked
 * cast to a parent type walks the type tree on every call, which costs
 * more than the rest of a setter. */
#define MIBEW_ARGS_BASE(self) ((MibewEventArgs *) (self))

/* The type check of a final arguments class's own accessors: what
 * MIBEW_IS_FOO_ARGS (self) tells (a final type has no subclasses), with
 * the type read from a per-class static that the class's class_init
 * fills (MIBEW_ARGS_DEFINE_TYPE_CACHE(), MIBEW_ARGS_SET_TYPE_CACHE())
 * instead of a call to foo_get_type () through the PLT on every call,
 * which made each accessor a non-leaf function and cost about half of a
 * setter that a listener calls. Before class_init the static is 0, which
 * no instance's type is: no instance exists yet. */
#define MIBEW_ARGS_DEFINE_TYPE_CACHE(prefix) static GType prefix##_type_cache
#define MIBEW_ARGS_SET_TYPE_CACHE(prefix, klass) (prefix##_type_cache = G_TYPE_FROM_CLASS (klass))
#define MIBEW_ARGS_IS(self, prefix) mibew_args_is_final ((self), prefix##_type_cache)

static inline gboolean
mibew_args_is_final (gconstpointer self,
                     GType         type)
{
  const GTypeInstance *instance = self;

  return instance != NULL && instance->g_class != NULL && instance->g_class->g_type == type;
}

/* Installs the properties and the generic vfuncs of @klass from @fields,
 * which must be static. */
void mibew_event_args_class_install_fields (MibewEventArgsClass *klass,
                                            const MibewArgField *fields,
                                            guint                n_fields);

const MibewArgField *mibew_event_args_class_get_fields (MibewEventArgsClass *klass,
                                                        guint               *n_fields);

/* Creates @type with its fields set from @values, one pointer per field in
 * table order to a value of the field's C type (gint64, gboolean, int,
 * const char *, or a pointer, which is referenced); NULL pointers leave
 * the default. No notification: nobody watches an object being built. */
gpointer mibew_event_args_new_with_values (GType          type,
                                           gconstpointer *values);

/* Stores *@value (as above) into field @index and notifies when it
 * changed. */
void     mibew_event_args_set_field       (MibewEventArgs *self,
                                           guint           index,
                                           gconstpointer   value);

/* The value of a %MIBEW_ARG_LAZY field, created empty on first use. */
gpointer mibew_event_args_get_lazy        (MibewEventArgs *self,
                                           guint           index);

/* Notifies field @index (for setters that compared inline). */
void     mibew_event_args_notify_field    (MibewEventArgs *self,
                                           guint           index);

G_GNUC_INTERNAL extern gint mibew_event_args_private_offset;

/* Remembers which event @self was emitted or decoded for. Inline: the
 * emitter does it on every emission that has listeners. */
static inline void
mibew_event_args_set_event (MibewEventArgs *self,
                            MibewEventId    id)
{
  G_STRUCT_MEMBER (guint, self, mibew_event_args_private_offset) = id + 1;
}

/* Where the running listener's owner lives in the private struct: right
 * after the event (checked in class_init). */
#define MIBEW_EVENT_ARGS_RUNNING_OWNER_OFFSET (sizeof (guint))

/* Publishes the owner of the listener that is about to run on @self (0:
 * none), for mibew_event_args_get_running_owner() on other threads. One
 * relaxed store: the emitter does it per listener call, and readers only
 * want a recent value, not an ordering with the listener's own writes.
 * GLib's g_atomic_int_set() is sequentially consistent (a full barrier
 * on x86), which is why the compiler's builtin is used instead. */
static inline void
mibew_event_args_set_running_owner (MibewEventArgs *self,
                                    GQuark          owner)
{
  __atomic_store_n ((GQuark *) G_STRUCT_MEMBER_P (self, mibew_event_args_private_offset +
                                                  (gint) MIBEW_EVENT_ARGS_RUNNING_OWNER_OFFSET),
                    owner, __ATOMIC_RELAXED);
}

/* Whether GLib could run a handler connected to @object, or a "notify"
 * handler, as GLib itself decides it.
 *
 * GLib 2.74 keeps two sticky bits per GObject (in `optional_flags`, the
 * padding after `ref_count` on 64-bit systems): the object ever had a
 * signal handler, and ever had a "notify" handler. g_signal_connect()
 * sets them before the handler exists, and GLib's own fast paths (an
 * emission nobody listens to, g_object_notify_by_pspec()) read them and
 * nothing else. GLib exposes no getter and no hook at connect time, and
 * asking through the API costs more than an emission that has nobody to
 * run: g_signal_handler_find() about 150 instructions (a lock and a hash
 * lookup), g_object_notify_by_pspec() about 75 even when it then does
 * nothing. So the emitter and the arguments read the bits directly,
 * but only where mibew_object_flags_probe() saw them behave as
 * described (a fresh object has neither, connecting a handler sets the
 * first, a "notify" handler both, nothing else changes); elsewhere they
 * always ask GLib. A clear bit means no handler was ever connected, so
 * the answer errs only towards asking. */
G_GNUC_INTERNAL extern gboolean mibew_object_flags_readable;
G_GNUC_INTERNAL extern void (*mibew_object_base_dispatch) (GObject *, guint, GParamSpec **);

#define MIBEW_OBJECT_HAD_HANDLER        (1u << 1)
#define MIBEW_OBJECT_HAD_NOTIFY_HANDLER (1u << 2)

/* Runs once, from MibewEventArgs' class_init (before any emitter or
 * arguments are used). */
void mibew_object_flags_probe (void);

static inline guint
mibew_object_flags (gpointer object)
{
  return (guint) g_atomic_int_get ((gint *) (&((GObject *) object)->ref_count + 1));
}

/* FALSE only if no handler of any signal was ever connected to @object */
static inline gboolean
mibew_object_may_have_handlers (gpointer object)
{
  return !mibew_object_flags_readable || (mibew_object_flags (object) & MIBEW_OBJECT_HAD_HANDLER);
}

/* FALSE only if g_object_notify_by_pspec() on @object would do nothing:
 * no "notify" handler was ever connected, and its class neither handles
 * notify nor dispatches notifications itself (GLib's own test) */
static inline gboolean
mibew_object_may_notify (gpointer object)
{
  GObjectClass *klass = (GObjectClass *) ((GTypeInstance *) object)->g_class;

  return !mibew_object_flags_readable ||
         (mibew_object_flags (object) & MIBEW_OBJECT_HAD_NOTIFY_HANDLER) ||
         klass->notify != NULL ||
         klass->dispatch_properties_changed != mibew_object_base_dispatch;
}

/* Reads @node as the arguments of @info (no depth check). With @take
 * the arguments adopt @node's object, which the caller must not use
 * afterwards; otherwise they copy it. */
MibewEventArgs *mibew_event_args_decode   (const MibewEventInfo  *info,
                                           JsonNode              *node,
                                           gboolean               take,
                                           GError               **error);

/* The JSON form; @copy FALSE lets the result share nodes with @self (for
 * callers that drop @self right after). */
JsonNode *mibew_event_args_encode         (MibewEventArgs *self,
                                           gboolean        copy);

G_END_DECLS
