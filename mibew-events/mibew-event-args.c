/* mibew-event-args.c: base class of every event's arguments, and the
 * machinery the field tables drive
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include <string.h>

#include "mibew-event-args-private.h"
#include "mibew-asset-private.h"
#include "mibew-button-fragment.h"
#include "mibew-error.h"
#include "mibew-json-private.h"
#include "mibew-record-private.h"
#include "mibew-url-generator.h"

/**
 * MibewEventArgs:
 *
 * The arguments of one event emission: Mibew's `$args` array, passed by
 * reference.
 *
 * Every event signal has exactly one parameter, a #MibewEventArgs
 * subclass. It is a GObject, so every listener — C, Python, GJS or Vala —
 * receives the same instance: a change one listener makes is seen by the
 * next listener and by the code that emitted the event, exactly like
 * Mibew's by-reference array. Every property notifies when its value
 * changes, so `notify::message-body` and g_object_bind_property() work.
 *
 * `cronRun` and `operatorLogout` carry no arguments; their signals get a
 * plain #MibewEventArgs.
 *
 * ## JSON
 *
 * Every event's arguments have a JSON form, the shape of Mibew's PHP
 * array: mibew_event_args_new_from_json() reads it (checking every
 * documented key and naming the path of the first wrong one, such as
 * `thread.state: expected an integer, got "x"`), and
 * mibew_event_args_to_json() writes it back. The round trip is lossless:
 * keys nobody documents survive at every level, members keep their order,
 * and values nobody changed come back as they came (a PHP numeric string
 * such as `"messageCount": "4"` stays a string; it is only read as a
 * number). Mibew's `false` placeholders (`operator`, `response`,
 * `visitors`) read as %NULL and are written back as `false`.
 *
 * ## Lifetime
 *
 * The emitter owns the arguments and may reuse them for a later emission
 * (that keeps the emit path free of heap allocations). A listener that
 * wants to keep a value past its own invocation takes a reference to that
 * value (or copies it); holding the arguments object itself is safe — it
 * stays alive — but it may show a later emission's values.
 *
 * A host that emits the same event again and again can do the same:
 * mibew_event_args_reset() puts the arguments back to their new state,
 * keeping their string buffers, so that a reused arguments object costs
 * less than a new one and its emissions allocate nothing.
 */

/* What decoding keeps so that encoding gives back what came in. */
typedef struct
{
  JsonObject *source;       /* the document (our copy); fields adopt its members */
  gboolean source_was_array; /* PHP wrote an empty array: [] */
  JsonNode **canon;         /* per field, its encoding right after decoding,
                             * for values not backed by JSON (assets, URL
                             * generators); NULL elsewhere */
} JsonState;

/* A string buffer mibew_event_args_reset() kept for the field's next
 * value, so that a reused arguments object stores strings without
 * allocating. */
typedef struct
{
  char *buffer;
  gsize size;
} Spare;

/* event comes first: mibew_event_args_set_event() stores it inline */
typedef struct
{
  guint event;              /* MibewEventId + 1, or 0 */
  GQuark running_owner;     /* see mibew_event_args_set_running_owner() */
  JsonState *json;
  Spare *spares;            /* per field, or NULL: see mibew_event_args_reset() */
} MibewEventArgsPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MibewEventArgs, mibew_event_args, G_TYPE_OBJECT)

gint mibew_event_args_private_offset;

#define FIELD_P(self, f) G_STRUCT_MEMBER_P ((self), (f)->offset)

static inline MibewEventArgsClass *
args_class (gpointer self)
{
  return (MibewEventArgsClass *) ((GTypeInstance *) self)->g_class;
}

static inline const MibewArgField *
class_field (MibewEventArgsClass *klass,
             int                  index)
{
  return &((const MibewArgField *) klass->fields)[index];
}

static void
json_state_free (JsonState *state,
                 guint      n_fields)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->source, json_object_unref);
  for (guint i = 0; state->canon != NULL && i < n_fields; i++)
    g_clear_pointer (&state->canon[i], json_node_unref);
  g_free (state->canon);
  g_free (state);
}

/* ---------------------------------------------------------------------- */
/* storing values                                                         */

static void
clear_value (const MibewArgField *f,
             gpointer             p)
{
  switch (f->type)
    {
    case MIBEW_ARG_INT:
      *(gint64 *) p = 0;
      break;
    case MIBEW_ARG_BOOLEAN:
      *(gboolean *) p = FALSE;
      break;
    case MIBEW_ARG_ENUM:
      break;
    case MIBEW_ARG_STRING:
      g_clear_pointer ((char **) p, g_free);
      break;
    case MIBEW_ARG_DICT:
      g_clear_pointer ((JsonObject **) p, json_object_unref);
      break;
    case MIBEW_ARG_INT_LIST:
      g_clear_pointer ((JsonArray **) p, json_array_unref);
      break;
    default:
      g_clear_object ((GObject **) p);
    }
}

/* Stores *value; returns whether the field changed. A string goes into
 * @spare's buffer when that is big enough. */
static gboolean
store_value (const MibewArgField *f,
             gpointer             p,
             gconstpointer        value,
             Spare               *spare)
{
  switch (f->type)
    {
    case MIBEW_ARG_INT:
      if (*(gint64 *) p == *(const gint64 *) value)
        return FALSE;
      *(gint64 *) p = *(const gint64 *) value;
      return TRUE;
    case MIBEW_ARG_BOOLEAN:
      if (*(gboolean *) p == !!*(const gboolean *) value)
        return FALSE;
      *(gboolean *) p = !!*(const gboolean *) value;
      return TRUE;
    case MIBEW_ARG_ENUM:
      if (*(int *) p == *(const int *) value)
        return FALSE;
      *(int *) p = *(const int *) value;
      return TRUE;
    case MIBEW_ARG_STRING:
      {
        char **sp = p;
        const char *s = *(const char * const *) value;

        /* %NULL reads as "" unless the field may be null */
        if (!(f->flags & MIBEW_ARG_NULLABLE) && s != NULL && *s == '\0')
          s = NULL;
        if (*sp == s || g_strcmp0 (*sp, s) == 0)
          return FALSE;
        g_free (*sp);
        *sp = NULL;
        if (s != NULL && spare != NULL && spare->buffer != NULL)
          {
            gsize size = strlen (s) + 1;

            if (size <= spare->size)
              {
                *sp = memcpy (g_steal_pointer (&spare->buffer), s, size);
                return TRUE;
              }
          }
        *sp = g_strdup (s);
        return TRUE;
      }
    case MIBEW_ARG_DICT:
      {
        JsonObject *v = *(JsonObject * const *) value;

        if (*(JsonObject **) p == v)
          return FALSE;
        if (v != NULL)
          json_object_ref (v);
        g_clear_pointer ((JsonObject **) p, json_object_unref);
        *(JsonObject **) p = v;
        return TRUE;
      }
    case MIBEW_ARG_INT_LIST:
      {
        JsonArray *v = *(JsonArray * const *) value;

        if (*(JsonArray **) p == v)
          return FALSE;
        if (v != NULL)
          json_array_ref (v);
        g_clear_pointer ((JsonArray **) p, json_array_unref);
        *(JsonArray **) p = v;
        return TRUE;
      }
    default:
      return g_set_object ((GObject **) p, *(GObject * const *) value);
    }
}

void
mibew_event_args_notify_field (MibewEventArgs *self,
                               guint           index)
{
  /* GLib's own test, without its checks and calls (see the header) */
  if (mibew_object_may_notify (self))
    g_object_notify_by_pspec ((GObject *) self, args_class (self)->pspecs[index]);
}

void
mibew_event_args_set_field (MibewEventArgs *self,
                            guint           index,
                            gconstpointer   value)
{
  const MibewArgField *f = class_field (args_class (self), index);
  MibewEventArgsPrivate *priv = mibew_event_args_get_instance_private (self);

  if (store_value (f, FIELD_P (self, f), value, priv->spares != NULL ? &priv->spares[index] : NULL))
    mibew_event_args_notify_field (self, index);
}

static gpointer
new_empty (const MibewArgField *f)
{
  switch (f->type)
    {
    case MIBEW_ARG_DICT:
      return json_object_new ();
    case MIBEW_ARG_INT_LIST:
      return json_array_new ();
    case MIBEW_ARG_RECORD_LIST:
      return g_list_store_new (f->gtype ());
    case MIBEW_ARG_ASSETS:
      return mibew_asset_list_new ();
    default:
      return g_object_new (f->gtype (), NULL);
    }
}

gpointer
mibew_event_args_get_lazy (MibewEventArgs *self,
                           guint           index)
{
  const MibewArgField *f = class_field (args_class (self), index);
  gpointer *p = FIELD_P (self, f);

  /* not a change anybody could observe: no notification */
  if (*p == NULL)
    *p = new_empty (f);
  return *p;
}

gpointer
mibew_event_args_new_with_values (GType          type,
                                  gconstpointer *values)
{
  MibewEventArgs *self = g_object_new (type, NULL);
  MibewEventArgsClass *klass = args_class (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (values[i] != NULL)
      {
        const MibewArgField *f = class_field (klass, i);

        store_value (f, FIELD_P (self, f), values[i], NULL);
      }
  return self;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
mibew_event_args_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MibewEventArgs *self = MIBEW_EVENT_ARGS (object);
  const MibewArgField *f = class_field (args_class (self), prop_id - 1);
  gpointer p;

  if (f->flags & MIBEW_ARG_LAZY)
    mibew_event_args_get_lazy (self, prop_id - 1);
  p = FIELD_P (self, f);

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      g_value_set_int64 (value, *(gint64 *) p);
      break;
    case MIBEW_ARG_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) p);
      break;
    case MIBEW_ARG_ENUM:
      g_value_set_enum (value, *(int *) p);
      break;
    case MIBEW_ARG_STRING:
      g_value_set_string (value, *(char **) p != NULL || (f->flags & MIBEW_ARG_NULLABLE)
                                 ? *(char **) p : "");
      break;
    case MIBEW_ARG_DICT:
    case MIBEW_ARG_INT_LIST:
      g_value_set_boxed (value, *(gpointer *) p);
      break;
    default:
      g_value_set_object (value, *(gpointer *) p);
    }
}

static void
mibew_event_args_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MibewEventArgs *self = MIBEW_EVENT_ARGS (object);
  const MibewArgField *f = class_field (args_class (self), prop_id - 1);

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      mibew_event_args_set_field (self, prop_id - 1, &(gint64) { g_value_get_int64 (value) });
      break;
    case MIBEW_ARG_BOOLEAN:
      mibew_event_args_set_field (self, prop_id - 1, &(gboolean) { g_value_get_boolean (value) });
      break;
    case MIBEW_ARG_ENUM:
      mibew_event_args_set_field (self, prop_id - 1, &(int) { g_value_get_enum (value) });
      break;
    case MIBEW_ARG_STRING:
      mibew_event_args_set_field (self, prop_id - 1, &(const char *) { g_value_get_string (value) });
      break;
    case MIBEW_ARG_DICT:
    case MIBEW_ARG_INT_LIST:
      mibew_event_args_set_field (self, prop_id - 1, &(gpointer) { g_value_get_boxed (value) });
      break;
    default:
      mibew_event_args_set_field (self, prop_id - 1, &(gpointer) { g_value_get_object (value) });
    }
}

static void
mibew_event_args_finalize (GObject *object)
{
  MibewEventArgs *self = MIBEW_EVENT_ARGS (object);
  MibewEventArgsPrivate *priv = mibew_event_args_get_instance_private (self);
  MibewEventArgsClass *klass = args_class (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MibewArgField *f = class_field (klass, i);

      clear_value (f, FIELD_P (self, f));
    }
  json_state_free (priv->json, klass->n_fields);
  for (guint i = 0; priv->spares != NULL && i < klass->n_fields; i++)
    g_free (priv->spares[i].buffer);
  g_free (priv->spares);

  G_OBJECT_CLASS (mibew_event_args_parent_class)->finalize (object);
}

/* The answer fold: a listener's returned value (transfer full) goes into
 * the answer field. */
static void
fold_return (MibewEventArgs *self,
             gpointer        value)
{
  MibewEventArgsClass *klass = args_class (self);
  const MibewArgField *f;
  gpointer *p;

  if (value == NULL || klass->answer_field < 0)
    return;
  f = class_field (klass, klass->answer_field);
  p = FIELD_P (self, f);

  switch (f->fold)
    {
    case MIBEW_FOLD_REPLACE:
      if (f->type == MIBEW_ARG_STRING)
        {
          mibew_event_args_set_field (self, klass->answer_field, &value);
          g_free (value);
        }
      else if (*p == value)
        g_object_unref (value);     /* the listener returned what is there */
      else
        {
          g_clear_object ((GObject **) p);
          *p = value;
          mibew_event_args_notify_field (self, klass->answer_field);
        }
      break;
    case MIBEW_FOLD_MERGE:
      /* a listener returning the object itself adds nothing */
      if (value != *p)
        {
          mibew_json_object_merge (mibew_event_args_get_lazy (self, klass->answer_field), value);
          mibew_event_args_notify_field (self, klass->answer_field);
        }
      json_object_unref (value);
      break;
    case MIBEW_FOLD_APPEND:
      if (value != *p)
        {
          mibew_asset_list_append_all (mibew_event_args_get_lazy (self, klass->answer_field), value);
          mibew_event_args_notify_field (self, klass->answer_field);
        }
      g_object_unref (value);
      break;
    case MIBEW_FOLD_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_answer (MibewEventArgs *self)
{
  MibewEventArgsClass *klass = args_class (self);

  if (klass->answer_field < 0)
    return FALSE;
  return *(gpointer *) FIELD_P (self, class_field (klass, klass->answer_field)) != NULL;
}

static const char *
get_detail (MibewEventArgs *self)
{
  MibewEventArgsClass *klass = args_class (self);

  if (klass->detail_field < 0)
    return NULL;
  return *(const char **) FIELD_P (self, class_field (klass, klass->detail_field));
}

/* ---------------------------------------------------------------------- */
/* GLib's handler flags: see mibew_object_may_have_handlers()             */

gboolean mibew_object_flags_readable;
void (*mibew_object_base_dispatch) (GObject *, guint, GParamSpec **);

static void
probe_handler (void)
{
}

void
mibew_object_flags_probe (void)
{
  GObjectClass *object_class = g_type_class_ref (G_TYPE_OBJECT);
  GCancellable *probe;
  guint fresh, with_handler, with_notify;
  gulong h1, h2;

  mibew_object_base_dispatch = object_class->dispatch_properties_changed;
  g_type_class_unref (object_class);

  /* the flags live between ref_count and qdata, where 64-bit systems pad */
  if (G_STRUCT_OFFSET (GObject, qdata) != G_STRUCT_OFFSET (GObject, ref_count) + 2 * (glong) sizeof (guint))
    return;

  /* a GObject class with a signal of its own besides "notify" */
  probe = g_cancellable_new ();
  fresh = mibew_object_flags (probe);
  h1 = g_signal_connect (probe, "cancelled", G_CALLBACK (probe_handler), NULL);
  with_handler = mibew_object_flags (probe);
  h2 = g_signal_connect (probe, "notify", G_CALLBACK (probe_handler), NULL);
  with_notify = mibew_object_flags (probe);
  g_signal_handler_disconnect (probe, h1);
  g_signal_handler_disconnect (probe, h2);
  g_object_unref (probe);

  mibew_object_flags_readable =
    (fresh & (MIBEW_OBJECT_HAD_HANDLER | MIBEW_OBJECT_HAD_NOTIFY_HANDLER)) == 0 &&
    with_handler == (fresh | MIBEW_OBJECT_HAD_HANDLER) &&
    with_notify == (fresh | MIBEW_OBJECT_HAD_HANDLER | MIBEW_OBJECT_HAD_NOTIFY_HANDLER);
}

static void
mibew_event_args_class_init (MibewEventArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  mibew_i18n_init ();
  mibew_object_flags_probe ();

  object_class->get_property = mibew_event_args_get_property;
  object_class->set_property = mibew_event_args_set_property;
  object_class->finalize = mibew_event_args_finalize;

  klass->return_type = G_TYPE_NONE;
  klass->fold_return = fold_return;
  klass->has_answer = has_answer;
  klass->get_detail = get_detail;
  klass->answer_field = -1;
  klass->detail_field = -1;

  g_assert (G_STRUCT_OFFSET (MibewEventArgsPrivate, event) == 0);
  g_assert (G_STRUCT_OFFSET (MibewEventArgsPrivate, running_owner) == MIBEW_EVENT_ARGS_RUNNING_OWNER_OFFSET);
  mibew_event_args_private_offset = MibewEventArgs_private_offset;
}

/* A field's value in a new instance: zero, except an enumeration's
 * default, its property's (the first value). */
static int
enum_default (MibewEventArgsClass *klass,
              guint                index)
{
  /* unchecked: field_pspec() made it (a checked cast costs more than a
   * whole reset) */
  return ((GParamSpecEnum *) klass->pspecs[index])->default_value;
}

static void
mibew_event_args_init (MibewEventArgs *self)
{
}

/* Whether @v, the value of the %MIBEW_ARG_LAZY field @f, is empty, as
 * new_empty() makes it. */
static gboolean
lazy_is_empty (const MibewArgField *f,
               gpointer             v)
{
  switch (f->type)
    {
    case MIBEW_ARG_DICT:
      return json_object_get_size (v) == 0;
    case MIBEW_ARG_INT_LIST:
      return json_array_get_length (v) == 0;
    case MIBEW_ARG_RECORD_LIST:
    case MIBEW_ARG_ASSETS:
      return g_list_model_get_n_items (v) == 0;
    default:
      return FALSE;
    }
}

/* Puts field @index back to its value in a new instance; returns whether
 * it changed. A string's buffer is kept in the object's spares when it is
 * bigger than the one there. */
static gboolean
reset_field (MibewEventArgs        *self,
             MibewEventArgsPrivate *priv,
             MibewEventArgsClass   *klass,
             guint                  index)
{
  const MibewArgField *f = class_field (klass, index);
  gpointer p = FIELD_P (self, f);

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      return store_value (f, p, &(gint64) { 0 }, NULL);
    case MIBEW_ARG_BOOLEAN:
      return store_value (f, p, &(gboolean) { FALSE }, NULL);
    case MIBEW_ARG_ENUM:
      {
        int start = enum_default (klass, index);

        if (*(int *) p == start)
          return FALSE;
        *(int *) p = start;
        return TRUE;
      }
    case MIBEW_ARG_STRING:
      {
        char *s = *(char **) p;
        gsize size;
        Spare *spare;

        if (s == NULL)
          return FALSE;
        *(char **) p = NULL;
        if (G_UNLIKELY (priv->spares == NULL))
          /* once per object: kept until it is finalized */
          priv->spares = g_new0 (Spare, klass->n_fields);
        spare = &priv->spares[index];
        size = strlen (s) + 1;
        if (spare->buffer == NULL || size > spare->size)
          {
            g_free (spare->buffer);
            spare->buffer = s;
            spare->size = size;
          }
        else
          g_free (s);
        return TRUE;
      }
    default:
      {
        gpointer v = *(gpointer *) p;
        gboolean was_new;

        if (v == NULL)
          return FALSE;
        /* a new empty value made on first read reads the same as none */
        was_new = (f->flags & MIBEW_ARG_LAZY) && lazy_is_empty (f, v);
        /* a listener may hold the value (a reference): not reusable */
        clear_value (f, p);
        return !was_new;
      }
    }
}

/**
 * mibew_event_args_reset:
 * @self: a #MibewEventArgs
 *
 * Puts every argument of @self back to the value it has in a new
 * instance of its class (as g_object_new() creates it, before any
 * setter), and forgets the event @self was emitted or read for (see
 * mibew_event_args_get_event_name()) and the JSON document it was read
 * from.
 *
 * This is the reuse path for a host that emits the same event many
 * times: resetting and setting the arguments of the next emission costs
 * far less than creating and finalizing a new object, and keeps the
 * buffers of string arguments, so that storing a string that is not
 * longer than the one reset allocates nothing. Values a listener may
 * hold a reference to (records, lists, JSON objects) are released, not
 * reused: whoever took a reference keeps them unchanged.
 *
 * A property notifies only if its value changed, after every argument
 * has been reset. Reset arguments only between emissions, not from a
 * listener of an emission that uses them.
 */
/* MIBEW_IS_EVENT_ARGS (self), remembering the last class that passed:
 * for a subclass GLib's check walks the type tree (about 55 instructions,
 * most of a reset's own cost), and a host resets one class again and
 * again. Classes of static types (all of ours) are never freed, so a
 * class that passed once stays an arguments class. */
static gboolean
is_event_args (gpointer self)
{
  static gpointer last_class;   /* atomic */
  const GTypeInstance *instance = self;

  if (G_LIKELY (instance != NULL && instance->g_class != NULL &&
                (gpointer) instance->g_class == g_atomic_pointer_get (&last_class)))
    return TRUE;
  if (!MIBEW_IS_EVENT_ARGS (self))
    return FALSE;
  g_atomic_pointer_set (&last_class, instance->g_class);
  return TRUE;
}

void
mibew_event_args_reset (MibewEventArgs *self)
{
  MibewEventArgsPrivate *priv;
  MibewEventArgsClass *klass;
  guint64 changed = 0;

  g_return_if_fail (is_event_args (self));

  priv = mibew_event_args_get_instance_private (self);
  klass = args_class (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (reset_field (self, priv, klass, i))
      changed |= G_GUINT64_CONSTANT (1) << i;
  if (priv->json != NULL)
    json_state_free (g_steal_pointer (&priv->json), klass->n_fields);
  priv->event = 0;

  /* asked once for all of them (see mibew_event_args_notify_field()) */
  if (changed == 0 || !mibew_object_may_notify (self))
    return;
  for (guint i = 0; changed != 0; i++, changed >>= 1)
    if (changed & 1)
      g_object_notify_by_pspec ((GObject *) self, klass->pspecs[i]);
}

static GType
answer_type (const MibewArgField *f)
{
  switch (f->type)
    {
    case MIBEW_ARG_STRING:
      return G_TYPE_STRING;
    case MIBEW_ARG_DICT:
      return JSON_TYPE_OBJECT;
    case MIBEW_ARG_RECORD_LIST:
      return G_TYPE_LIST_STORE;
    case MIBEW_ARG_ASSETS:
      return MIBEW_TYPE_ASSET_LIST;
    case MIBEW_ARG_FRAGMENT:
      return MIBEW_TYPE_BUTTON_FRAGMENT;
    case MIBEW_ARG_RECORD:
      return f->gtype ();
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (const MibewArgField *f)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      return g_param_spec_int64 (f->property, f->key, f->blurb, G_MININT64, G_MAXINT64, 0, flags);
    case MIBEW_ARG_BOOLEAN:
      return g_param_spec_boolean (f->property, f->key, f->blurb, FALSE, flags);
    case MIBEW_ARG_ENUM:
      {
        GEnumClass *eclass = g_type_class_ref (f->gtype ());
        GParamSpec *pspec = g_param_spec_enum (f->property, f->key, f->blurb, f->gtype (),
                                               eclass->values[0].value, flags);

        g_type_class_unref (eclass);
        return pspec;
      }
    case MIBEW_ARG_STRING:
      return g_param_spec_string (f->property, f->key, f->blurb,
                                  (f->flags & MIBEW_ARG_NULLABLE) ? NULL : "", flags);
    case MIBEW_ARG_DICT:
      return g_param_spec_boxed (f->property, f->key, f->blurb, JSON_TYPE_OBJECT, flags);
    case MIBEW_ARG_INT_LIST:
      return g_param_spec_boxed (f->property, f->key, f->blurb, JSON_TYPE_ARRAY, flags);
    case MIBEW_ARG_RECORD:
      return g_param_spec_object (f->property, f->key, f->blurb, f->gtype (), flags);
    case MIBEW_ARG_RECORD_LIST:
      return g_param_spec_object (f->property, f->key, f->blurb, G_TYPE_LIST_STORE, flags);
    case MIBEW_ARG_ASSETS:
      return g_param_spec_object (f->property, f->key, f->blurb, MIBEW_TYPE_ASSET_LIST, flags);
    case MIBEW_ARG_FRAGMENT:
      return g_param_spec_object (f->property, f->key, f->blurb, MIBEW_TYPE_BUTTON_FRAGMENT, flags);
    case MIBEW_ARG_URL_GENERATOR:
      return g_param_spec_object (f->property, f->key, f->blurb, MIBEW_TYPE_URL_GENERATOR, flags);
    default:
      g_assert_not_reached ();
    }
}

void
mibew_event_args_class_install_fields (MibewEventArgsClass *klass,
                                       const MibewArgField *fields,
                                       guint                n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit these: each class that installs properties
   * needs them */
  object_class->get_property = mibew_event_args_get_property;
  object_class->set_property = mibew_event_args_set_property;

  /* mibew_event_args_reset() keeps one bit per field */
  g_assert (n_fields <= 64);
  klass->fields = fields;
  klass->n_fields = n_fields;
  /* lives as long as the class: classes of static types are never freed */
  klass->pspecs = g_new0 (GParamSpec *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    {
      const MibewArgField *f = &fields[i];

      klass->pspecs[i + 1] = field_pspec (f);
      if (f->fold != MIBEW_FOLD_NONE)
        {
          klass->answer_field = i;
          klass->return_type = answer_type (f);
        }
      if (f->flags & MIBEW_ARG_DETAIL)
        klass->detail_field = i;
    }
  g_object_class_install_properties (object_class, n_fields + 1, klass->pspecs);
  /* indexed by field from here on */
  memmove (klass->pspecs, klass->pspecs + 1, n_fields * sizeof (GParamSpec *));
}

const MibewArgField *
mibew_event_args_class_get_fields (MibewEventArgsClass *klass,
                                   guint               *n_fields)
{
  *n_fields = klass->n_fields;
  return klass->fields;
}

/* ---------------------------------------------------------------------- */
/* decoding                                                               */

static gboolean
node_is_false_or_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
          !json_node_get_boolean (node));
}

static gboolean
node_is_empty_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}


/* Reads @node into the field at @p (which is empty). Containers adopt
 * @node's members: @node belongs to the arguments' own copy. */
static gboolean
decode_field (const MibewArgField  *f,
              MibewArgFlags         flags,
              gpointer              p,
              JsonNode             *node,
              const char           *path,
              GError              **error)
{
  gint64 i;

  if ((flags & MIBEW_ARG_FALSE_IS_NONE) && node_is_false_or_null (node))
    return TRUE;
  if ((flags & MIBEW_ARG_NULLABLE) && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      if (!mibew_json_node_to_int (node, &i) || json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        {
          mibew_json_set_type_error (error, path, _("an integer"), node);
          return FALSE;
        }
      *(gint64 *) p = i;
      return TRUE;

    case MIBEW_ARG_BOOLEAN:
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        *(gboolean *) p = json_node_get_boolean (node);
      else if (mibew_json_node_to_int (node, &i) && (i == 0 || i == 1))
        *(gboolean *) p = i == 1;   /* PHP's 0/1 and "0"/"1" */
      else
        {
          mibew_json_set_type_error (error, path, _("a boolean"), node);
          return FALSE;
        }
      return TRUE;

    case MIBEW_ARG_ENUM:
      {
        g_autoptr(GEnumClass) eclass = g_type_class_ref (f->gtype ());

        if (!mibew_json_node_to_int (node, &i) || json_node_get_value_type (node) == G_TYPE_BOOLEAN ||
            i < G_MININT || i > G_MAXINT || g_enum_get_value (eclass, (int) i) == NULL)
          {
            g_autofree char *expected = mibew_json_enum_expected (f->gtype ());

            mibew_json_set_type_error (error, path, expected, node);
            return FALSE;
          }
        *(int *) p = (int) i;
        return TRUE;
      }

    case MIBEW_ARG_STRING:
      if (!node_is_string (node))
        {
          mibew_json_set_type_error (error, path, _("a string"), node);
          return FALSE;
        }
      *(char **) p = g_strdup (json_node_get_string (node));
      return TRUE;

    case MIBEW_ARG_DICT:
      if (JSON_NODE_HOLDS_OBJECT (node))
        *(JsonObject **) p = json_object_ref (json_node_get_object (node));
      else if (node_is_empty_array (node))
        *(JsonObject **) p = json_object_new ();   /* PHP's empty array */
      else
        {
          mibew_json_set_type_error (error, path, _("an object"), node);
          return FALSE;
        }
      return TRUE;

    case MIBEW_ARG_INT_LIST:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          {
            mibew_json_set_type_error (error, path, _("an array of integers"), node);
            return FALSE;
          }
        array = json_node_get_array (node);
        for (guint k = 0; k < json_array_get_length (array); k++)
          {
            JsonNode *item = json_array_get_element (array, k);

            if (!mibew_json_node_to_int (item, &i) || json_node_get_value_type (item) == G_TYPE_BOOLEAN)
              {
                g_autofree char *where = mibew_json_path_index (path, k);

                mibew_json_set_type_error (error, where, _("an integer"), item);
                return FALSE;
              }
          }
        *(JsonArray **) p = json_array_ref (array);
        return TRUE;
      }

    case MIBEW_ARG_RECORD:
      if (!JSON_NODE_HOLDS_OBJECT (node) && !node_is_empty_array (node))
        {
          mibew_json_set_type_error (error, path,
                                     (flags & MIBEW_ARG_FALSE_IS_NONE) ? _("an object or false")
                                                                         : _("an object"), node);
          return FALSE;
        }
      *(MibewRecord **) p = mibew_record_decode (f->gtype (), node, path, TRUE, error);
      return *(MibewRecord **) p != NULL;

    case MIBEW_ARG_RECORD_LIST:
      {
        g_autoptr(GPtrArray) items = NULL;
        JsonArray *array;
        GListStore *store;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          {
            mibew_json_set_type_error (error, path,
                                       (flags & MIBEW_ARG_FALSE_IS_NONE) ? _("an array or false")
                                                                           : _("an array"), node);
            return FALSE;
          }
        array = json_node_get_array (node);
        items = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
        for (guint k = 0; k < json_array_get_length (array); k++)
          {
            g_autofree char *where = mibew_json_path_index (path, k);
            MibewRecord *record = mibew_record_decode (f->gtype (), json_array_get_element (array, k),
                                                       where, TRUE, error);

            if (record == NULL)
              return FALSE;
            g_ptr_array_add (items, record);
          }
        store = g_list_store_new (f->gtype ());
        g_list_store_splice (store, 0, 0, items->pdata, items->len);
        *(GListStore **) p = store;
        return TRUE;
      }

    case MIBEW_ARG_ASSETS:
      *(MibewAssetList **) p = mibew_asset_list_decode (node, path, error);
      return *(MibewAssetList **) p != NULL;

    case MIBEW_ARG_FRAGMENT:
      if (!node_is_string (node))
        {
          mibew_json_set_type_error (error, path, _("a string of HTML"), node);
          return FALSE;
        }
      *(MibewButtonFragment **) p = mibew_button_fragment_new (json_node_get_string (node));
      return TRUE;

    case MIBEW_ARG_URL_GENERATOR:
      *(MibewBaseUrlGenerator **) p = mibew_base_url_generator_decode (node, path, error);
      return *(MibewBaseUrlGenerator **) p != NULL;

    default:
      g_assert_not_reached ();
    }
}

static const char *
field_key (const MibewArgField  *f,
           const MibewEventInfo *info)
{
  if ((f->flags & MIBEW_ARG_EVENT_KEY) && info != NULL)
    return info->result_key;
  return f->key;
}

static JsonNode *encode_field (MibewEventArgs *self, const MibewArgField *f, gboolean copy);

MibewEventArgs *
mibew_event_args_decode (const MibewEventInfo  *info,
                         JsonNode              *node,
                         gboolean               take,
                         GError               **error)
{
  g_autoptr(MibewEventArgs) self = NULL;
  MibewEventArgsPrivate *priv;
  MibewEventArgsClass *klass;
  JsonState *state;

  if (!JSON_NODE_HOLDS_OBJECT (node) && !node_is_empty_array (node))
    {
      mibew_json_set_type_error (error, NULL, _("an object"), node);
      return NULL;
    }

  self = g_object_new (info->args_type (), NULL);
  klass = args_class (self);
  priv = mibew_event_args_get_instance_private (self);

  state = g_new0 (JsonState, 1);
  state->source_was_array = !JSON_NODE_HOLDS_OBJECT (node);
  /* our own copy: the caller's tree stays untouched whatever listeners
   * do; unless the caller hands it over */
  if (state->source_was_array)
    state->source = json_object_new ();
  else if (take)
    state->source = json_object_ref (json_node_get_object (node));
  else
    state->source = mibew_json_object_deep_copy (json_node_get_object (node));
  priv->json = state;
  priv->event = mibew_event_info_id (info) + 1;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MibewArgField *f = class_field (klass, i);
      MibewArgFlags flags = mibew_arg_field_flags (f, info);
      const char *key = field_key (f, info);
      JsonNode *member;

      /* not this event's: a key of that name passes through unknown */
      if (flags & MIBEW_ARG_ABSENT)
        continue;
      member = json_object_get_member (state->source, key);
      if (member == NULL)
        {
          mibew_json_set_missing_error (error, key);
          return NULL;
        }
      if (!decode_field (f, flags, FIELD_P (self, f), member, key, error))
        return NULL;
      if (f->type == MIBEW_ARG_ASSETS || f->type == MIBEW_ARG_URL_GENERATOR)
        {
          if (state->canon == NULL)
            state->canon = g_new0 (JsonNode *, klass->n_fields);
          state->canon[i] = encode_field (self, f, FALSE);
        }
    }
  return g_steal_pointer (&self);
}

/**
 * mibew_event_args_new_from_json:
 * @event_name: Mibew's name of the event, such as `threadPostMessage`
 * @node: the arguments' JSON form, as Mibew's PHP array is encoded
 * @error: return location for a #GError
 *
 * Reads the arguments of @event_name from their JSON form (see the events
 * guide for each event's shape). Every argument of the event must be
 * present with its type (numeric strings are accepted where an integer is
 * expected). Inside records (a thread, an operator, ...) the keys Mibew
 * documents are checked when present: a key may be missing, a string key
 * may hold a number (PHP turns numeric strings into numbers freely), and
 * an enumerated key may hold a value newer Mibew versions added. Keys
 * nobody documents are kept, and mibew_event_args_to_json() writes them
 * back. @node is not changed, and the arguments do not share it.
 *
 * The document may nest at most %MIBEW_JSON_DEFAULT_MAX_DEPTH levels.
 *
 * Returns: (transfer full): the arguments, an instance of the event's
 *   arguments class, or %NULL with @error set:
 *   %MIBEW_EVENTS_ERROR_UNKNOWN_EVENT, %MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED,
 *   or %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS naming the JSON path and what
 *   was expected (`message_body: missing`, `css[2]: expected a string or
 *   an asset object, got 5`)
 */
MibewEventArgs *
mibew_event_args_new_from_json (const char  *event_name,
                                JsonNode    *node,
                                GError     **error)
{
  const MibewEventInfo *info;

  g_return_val_if_fail (event_name != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = mibew_event_lookup_or_error (event_name, NULL, error);
  if (info == NULL || !mibew_json_check_depth (node, MIBEW_JSON_DEFAULT_MAX_DEPTH, error))
    return NULL;
  return mibew_event_args_decode (info, node, FALSE, error);
}

/* Moves @other's value of @f into @self the way Mibew's by-reference
 * array would have it: scalars compare; a record or a dictionary both
 * sides have is changed in place, so that whoever holds it sees the
 * change; anything else is replaced only if its JSON form differs. */
static void
update_field (MibewEventArgs      *self,
              MibewEventArgs      *other,
              const MibewArgField *f,
              guint                index)
{
  gpointer mine = *(gpointer *) FIELD_P (self, f);
  gpointer theirs = *(gpointer *) FIELD_P (other, f);
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;

  switch (f->type)
    {
    case MIBEW_ARG_INT:
    case MIBEW_ARG_BOOLEAN:
    case MIBEW_ARG_ENUM:
    case MIBEW_ARG_STRING:
      mibew_event_args_set_field (self, index, FIELD_P (other, f));
      return;
    default:
      break;
    }

  old_node = encode_field (self, f, FALSE);
  new_node = encode_field (other, f, FALSE);
  if (json_node_equal (old_node, new_node))
    return;

  if (mine != NULL && theirs != NULL && f->type == MIBEW_ARG_RECORD &&
      G_OBJECT_TYPE (mine) == G_OBJECT_TYPE (theirs))
    mibew_record_adopt_json (mine, mibew_record_get_json (theirs));
  else if (mine != NULL && theirs != NULL && f->type == MIBEW_ARG_DICT)
    mibew_json_object_replace_members (mine, theirs);
  else
    mibew_event_args_set_field (self, index, FIELD_P (other, f));
}

/**
 * mibew_event_args_update_from_json:
 * @self: a #MibewEventArgs
 * @node: the new JSON form of the arguments
 * @error: return location for a #GError
 *
 * Gives every argument of @self the value @node has for it, as
 * mibew_event_args_new_from_json() reads them for the event @self was last
 * used for (see mibew_event_args_get_event_name()). This is how a listener
 * that runs elsewhere (in another process, behind JSON) hands its changes
 * back to an emission in progress, and it keeps Mibew's by-reference
 * meaning: a record or a dictionary @self already holds is changed in
 * place (whoever holds it sees the new values), other values are replaced
 * only if they changed, and a property notifies only when its value
 * changes. On error @self is left as it was.
 *
 * Returns: %TRUE on success; %FALSE with @error set, as
 *   mibew_event_args_new_from_json() does, or to
 *   %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS if @self has no event yet
 */
gboolean
mibew_event_args_update_from_json (MibewEventArgs  *self,
                                   JsonNode        *node,
                                   GError         **error)
{
  MibewEventArgsPrivate *priv;
  MibewEventArgsPrivate *other_priv;
  MibewEventArgsClass *klass;
  g_autoptr(MibewEventArgs) other = NULL;
  JsonState *state;

  g_return_val_if_fail (MIBEW_IS_EVENT_ARGS (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = mibew_event_args_get_instance_private (self);
  if (priv->event == 0)
    {
      g_set_error_literal (error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                           _("the arguments have not been used for an event yet"));
      return FALSE;
    }
  if (!mibew_json_check_depth (node, MIBEW_JSON_DEFAULT_MAX_DEPTH, error))
    return FALSE;
  other = mibew_event_args_decode (&mibew_event_table[priv->event - 1], node, FALSE, error);
  if (other == NULL)
    return FALSE;
  /* a listener may have handed in another class's arguments */
  klass = args_class (self);
  g_return_val_if_fail (args_class (other) == klass, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    update_field (self, other, class_field (klass, i), i);
  /* the new document is now what encoding compares against */
  other_priv = mibew_event_args_get_instance_private (other);
  state = priv->json;
  priv->json = other_priv->json;
  other_priv->json = state;
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* encoding                                                               */

static JsonNode *
object_node_take (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static JsonNode *
array_node_take (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

static JsonNode *
object_node (JsonObject *object,
             gboolean    copy)
{
  if (copy)
    return object_node_take (mibew_json_object_deep_copy (object));
  return json_node_init_object (json_node_alloc (), object);
}

/* A record's JSON; PHP's [] for one that came as [] and stayed as it was */
static JsonNode *
record_node (MibewRecord *record,
             gboolean     copy)
{
  if (mibew_record_is_untouched_empty_array (record))
    return array_node_take (json_array_new ());
  return object_node (mibew_record_get_json (record), copy);
}

static const MibewEventInfo *
event_info (MibewEventArgs *self)
{
  MibewEventArgsPrivate *priv = mibew_event_args_get_instance_private (self);

  return priv->event != 0 ? &mibew_event_table[priv->event - 1] : NULL;
}

static JsonNode *
encode_field (MibewEventArgs      *self,
              const MibewArgField *f,
              gboolean             copy)
{
  MibewArgFlags flags = mibew_arg_field_flags (f, event_info (self));
  gpointer p = FIELD_P (self, f);
  gpointer v = *(gpointer *) p;

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      return json_node_init_int (json_node_alloc (), *(gint64 *) p);
    case MIBEW_ARG_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), *(gboolean *) p);
    case MIBEW_ARG_ENUM:
      return json_node_init_int (json_node_alloc (), *(int *) p);
    default:
      break;
    }

  if (v == NULL)
    {
      if (flags & MIBEW_ARG_FALSE_IS_NONE)
        return json_node_init_boolean (json_node_alloc (), FALSE);
      switch (f->type)
        {
        case MIBEW_ARG_STRING:
          if (flags & MIBEW_ARG_NULLABLE)
            break;
          return json_node_init_string (json_node_alloc (), "");
        case MIBEW_ARG_DICT:
          return object_node_take (json_object_new ());
        case MIBEW_ARG_INT_LIST:
        case MIBEW_ARG_RECORD_LIST:
        case MIBEW_ARG_ASSETS:
          return array_node_take (json_array_new ());
        default:
          break;
        }
      return json_node_init_null (json_node_alloc ());
    }

  switch (f->type)
    {
    case MIBEW_ARG_STRING:
      return json_node_init_string (json_node_alloc (), v);
    case MIBEW_ARG_DICT:
      return object_node (v, copy);
    case MIBEW_ARG_INT_LIST:
      return copy ? array_node_take (mibew_json_array_deep_copy (v))
                  : json_node_init_array (json_node_alloc (), v);
    case MIBEW_ARG_RECORD:
      return record_node (v, copy);
    case MIBEW_ARG_RECORD_LIST:
      {
        guint n = g_list_model_get_n_items (v);
        JsonArray *array = json_array_sized_new (n);

        for (guint k = 0; k < n; k++)
          {
            g_autoptr(MibewRecord) record = g_list_model_get_item (v, k);

            json_array_add_element (array, record_node (record, copy));
          }
        return array_node_take (array);
      }
    case MIBEW_ARG_ASSETS:
      return array_node_take (mibew_asset_list_to_json (v));
    case MIBEW_ARG_FRAGMENT:
      return json_node_init_string (json_node_alloc (), mibew_button_fragment_get_html (v));
    case MIBEW_ARG_URL_GENERATOR:
      if (MIBEW_IS_BASE_URL_GENERATOR (v))
        return object_node_take (mibew_base_url_generator_to_json (v));
      /* a generator of the host's own has no JSON form */
      return json_node_init_null (json_node_alloc ());
    default:
      g_assert_not_reached ();
    }
}

/* Whether the field still holds what @source said, so that the source's
 * own node goes back (a numeric string stays a string, [] stays []). */
static gboolean
unchanged (MibewEventArgs      *self,
           const MibewArgField *f,
           guint                index,
           JsonNode            *source,
           JsonNode            *encoded)
{
  MibewEventArgsPrivate *priv = mibew_event_args_get_instance_private (self);
  gpointer p = FIELD_P (self, f);
  gpointer v = *(gpointer *) p;
  gint64 i;

  switch (f->type)
    {
    case MIBEW_ARG_INT:
      return mibew_json_node_to_int (source, &i) && i == *(gint64 *) p;
    case MIBEW_ARG_ENUM:
      return mibew_json_node_to_int (source, &i) && i == *(int *) p;
    case MIBEW_ARG_BOOLEAN:
      if (JSON_NODE_HOLDS_VALUE (source) && json_node_get_value_type (source) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (source) == *(gboolean *) p;
      return mibew_json_node_to_int (source, &i) && (i != 0) == *(gboolean *) p;
    case MIBEW_ARG_STRING:
      return json_node_equal (source, encoded);
    case MIBEW_ARG_FRAGMENT:
      return v != NULL && node_is_string (source) &&
             g_strcmp0 (json_node_get_string (source), mibew_button_fragment_get_html (v)) == 0;
    case MIBEW_ARG_ASSETS:
    case MIBEW_ARG_URL_GENERATOR:
      return priv->json->canon != NULL && priv->json->canon[index] != NULL &&
             json_node_equal (priv->json->canon[index], encoded);
    default:
      /* containers share their nodes with the source: only "none" and
       * PHP's [] for an empty object need the source's own spelling */
      if (v == NULL && (mibew_arg_field_flags (f, event_info (self)) & MIBEW_ARG_FALSE_IS_NONE))
        return node_is_false_or_null (source);
      if (node_is_empty_array (source) && JSON_NODE_HOLDS_OBJECT (encoded))
        return json_object_get_size (json_node_get_object (encoded)) == 0;
      return FALSE;
    }
}

static int
find_field (MibewEventArgsClass  *klass,
            const MibewEventInfo *info,
            const char           *key)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MibewArgField *f = class_field (klass, i);

      if (!(mibew_arg_field_flags (f, info) & MIBEW_ARG_ABSENT) &&
          strcmp (field_key (f, info), key) == 0)
        return i;
    }
  return -1;
}

JsonNode *
mibew_event_args_encode (MibewEventArgs *self,
                         gboolean        copy)
{
  MibewEventArgsPrivate *priv = mibew_event_args_get_instance_private (self);
  MibewEventArgsClass *klass = args_class (self);
  const MibewEventInfo *info = priv->event != 0 ? &mibew_event_table[priv->event - 1] : NULL;
  JsonState *state = priv->json;
  g_autofree gboolean *done = g_new0 (gboolean, klass->n_fields + 1);
  JsonObject *out = json_object_new ();

  if (state != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      /* the source's order, its unknown keys in their places */
      json_object_iter_init_ordered (&iter, state->source);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          int index = find_field (klass, info, key);
          JsonNode *node;

          if (index < 0)
            node = copy ? mibew_json_node_deep_copy (member) : json_node_ref (member);
          else
            {
              const MibewArgField *f = class_field (klass, index);

              node = encode_field (self, f, copy);
              if (unchanged (self, f, index, member, node))
                {
                  json_node_unref (node);
                  node = copy ? mibew_json_node_deep_copy (member) : json_node_ref (member);
                }
              done[index] = TRUE;
            }
          json_object_set_member (out, key, node);
        }
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MibewArgField *f = class_field (klass, i);

      if (done[i])
        continue;
      /* an argument this event does not carry goes out only if set */
      if ((mibew_arg_field_flags (f, info) & (MIBEW_ARG_OPTIONAL | MIBEW_ARG_ABSENT)) &&
          *(gpointer *) FIELD_P (self, f) == NULL)
        continue;
      json_object_set_member (out, field_key (f, info), encode_field (self, f, copy));
    }

  if (state != NULL && state->source_was_array && json_object_get_size (out) == 0)
    {
      json_object_unref (out);
      return array_node_take (json_array_new ());
    }
  return object_node_take (out);
}

/**
 * mibew_event_args_to_json:
 * @self: a #MibewEventArgs
 *
 * Writes the arguments in their JSON form, the shape of Mibew's PHP array.
 *
 * Arguments read with mibew_event_args_new_from_json() come back with their
 * members in the same order, their unknown keys where they were, and every
 * value nobody changed exactly as it came, so a JSON generator writes the
 * same bytes for them.
 *
 * Returns: (transfer full): a new JSON tree, not shared with @self
 */
JsonNode *
mibew_event_args_to_json (MibewEventArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_EVENT_ARGS (self), NULL);

  return mibew_event_args_encode (self, TRUE);
}

/**
 * mibew_event_args_get_event_name:
 * @self: a #MibewEventArgs
 *
 * Gets the event @self was last read from JSON or emitted for. Some
 * classes serve several events (`pageAddCss` and `pageAddJs`, whose list
 * is called `css` and `js`): the JSON form depends on it.
 *
 * Returns: (nullable): Mibew's event name, or %NULL if @self has not been
 *   used for an event yet
 */
const char *
mibew_event_args_get_event_name (MibewEventArgs *self)
{
  MibewEventArgsPrivate *priv;

  g_return_val_if_fail (MIBEW_IS_EVENT_ARGS (self), NULL);

  priv = mibew_event_args_get_instance_private (self);
  return priv->event != 0 ? mibew_event_table[priv->event - 1].name : NULL;
}

/**
 * mibew_event_args_get_running_owner:
 * @self: a #MibewEventArgs
 *
 * Gets the owner (the plugin, see mibew_event_dispatcher_push_owner()) of
 * the listener that is running on @self now, in an emission of @self.
 * It is meant for watchdogs: unlike the rest of @self, it may be read
 * from another thread than the emitting one while the emission runs, so a
 * host whose emission overran a deadline can say which plugin's listener
 * is still running.
 *
 * It is %NULL between emissions, between listeners of the dispatcher and
 * while a listener attached without an owner runs (or a handler connected
 * to the signal directly). From another thread the answer is a snapshot:
 * the listener may have returned since.
 *
 * Returns: (nullable): the running listener's owner, or %NULL
 */
const char *
mibew_event_args_get_running_owner (MibewEventArgs *self)
{
  MibewEventArgsPrivate *priv;

  g_return_val_if_fail (MIBEW_IS_EVENT_ARGS (self), NULL);

  priv = mibew_event_args_get_instance_private (self);
  /* relaxed: the quark alone is read, and quarks are never freed */
  return g_quark_to_string (__atomic_load_n (&priv->running_owner, __ATOMIC_RELAXED));
}

/**
 * mibew_event_args_new:
 *
 * Creates the empty arguments of `cronRun` and `operatorLogout`.
 *
 * Returns: (transfer full): new, empty arguments
 */
MibewEventArgs *
mibew_event_args_new (void)
{
  return g_object_new (MIBEW_TYPE_EVENT_ARGS, NULL);
}
