/* gen-events-guide.c: writes the events guide from the event table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The guide (Markdown, a gi-docgen content page) describes each of the 41
 * events as the library registers it: its name comes from
 * mibew_event_dispatcher_list_events(), its category, signal, kind and
 * arguments class from mibew_event_dispatcher_describe_event(), the
 * arguments from the class's properties, the answer a listener may give
 * from the signal's return type and the class's fold_return, which we call
 * on a scratch instance to see where an answer lands. Nothing here repeats
 * the table, so the guide cannot drift from the code.
 *
 *   gen-events-guide [--output FILE] [--strict]
 *
 * --strict: exit with status 1 if anything could not be derived cleanly
 * (the guide still says what was derived and notes the rest).
 */

#include <stdio.h>
#include <string.h>

#include <gmodule.h>
#include <mibew-events/mibew-events.h>

/* A Mibew function name, to show the detail of function-call signals. */
#define EXAMPLE_FUNCTION "microtime"

typedef enum {
  FOLD_NONE,     /* notify events: nothing to answer */
  FOLD_REPLACE,  /* the answer replaces the argument (chain) */
  FOLD_MERGE,    /* the answer's members are merged into the argument */
  FOLD_APPEND,   /* the answer's items are appended to the argument */
  FOLD_UNKNOWN,  /* we could not see where the answer went */
} FoldMode;

typedef struct
{
  const char *name;            /* threadPostMessage */
  MibewEventCategory category;
  const char *category_nick;   /* thread */
  GType emitter_type;          /* MibewThreadEvents */
  const char *signal_name;     /* post-message */
  MibewEventKind kind;
  GType args_type;             /* MibewPostMessageArgs */
  GSignalQuery query;
  GType return_type;           /* G_TYPE_NONE for notify events */
  char *constant;              /* THREAD_POST_MESSAGE */
  char *constant_from_signal;  /* category + signal: THREAD_POST_MESSAGE */
  char *snake;                 /* thread_post_message: C and Python names */
  char *camel;                 /* ThreadPostMessage */
  GPtrArray *pspecs;           /* the arguments, in class order */
  GParamSpec *answer_pspec;    /* the argument an answer goes to, or NULL */
  FoldMode fold;
  gboolean answer_fills_slot;  /* out events: an answer counts as one */
  GPtrArray *notes;            /* what could not be derived cleanly */
} Event;

static gboolean strict_problems;

static void
event_free (Event *e)
{
  g_free (e->constant);
  g_free (e->constant_from_signal);
  g_free (e->snake);
  g_free (e->camel);
  g_clear_pointer (&e->pspecs, g_ptr_array_unref);
  g_clear_pointer (&e->notes, g_ptr_array_unref);
  g_free (e);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Event, event_free)

G_GNUC_PRINTF (2, 3)
static void
event_note (Event      *e,
            const char *format,
            ...)
{
  va_list ap;
  char *note;

  va_start (ap, format);
  note = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_printerr ("gen-events-guide: %s: %s\n", e->name, note);
  g_ptr_array_add (e->notes, note);
  strict_problems = TRUE;
}

/* ---------------------------------------------------------------------- */
/* names                                                                  */

/* threadPostMessage → THREAD_POST_MESSAGE: Mibew's constants are its event
 * names in upper snake case. */
static char *
camel_to_upper_snake (const char *camel)
{
  GString *s = g_string_new (NULL);

  for (const char *p = camel; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && p != camel)
        g_string_append_c (s, '_');
      g_string_append_c (s, g_ascii_toupper (*p));
    }
  return g_string_free (s, FALSE);
}

/* MibewPostMessageArgs → mibew_post_message_args */
static char *
type_name_to_snake (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && p != name && !g_ascii_isupper (p[-1]))
        g_string_append_c (s, '_');
      g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

/* post-message → post_message, or POST_MESSAGE */
static char *
kebab_to_snake (const char *kebab,
                gboolean    upper)
{
  char *s = upper ? g_ascii_strup (kebab, -1) : g_strdup (kebab);

  g_strdelimit (s, "-", '_');
  return s;
}

/* thread_post_message → ThreadPostMessage */
static char *
snake_to_camel (const char *snake)
{
  GString *s = g_string_new (NULL);
  gboolean up = TRUE;

  for (const char *p = snake; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          up = TRUE;
          continue;
        }
      g_string_append_c (s, up ? g_ascii_toupper (*p) : *p);
      up = FALSE;
    }
  return g_string_free (s, FALSE);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (G_ENUM_CLASS (klass), value);

  /* value nicks are static strings: they outlive the reference */
  return v != NULL ? v->value_nick : "?";
}

/* ---------------------------------------------------------------------- */
/* types, for C and for gi-docgen links                                   */

typedef struct
{
  const char *c_name;
  const char *gir_name;
} KnownType;

/* GLib types the arguments and answers use, with their GIR names; a type
 * that is neither here nor ours is shown without a link. */
static const KnownType known_types[] = {
  { "GObject", "GObject.Object" },
  { "GListStore", "Gio.ListStore" },
  { "GListModel", "Gio.ListModel" },
  { "GVariant", "GLib.Variant" },
  { "GHashTable", "GLib.HashTable" },
};

static char *
gir_name (GType type)
{
  const char *name = g_type_name (type);

  if (g_str_has_prefix (name, "Mibew"))
    return g_strconcat ("MibewEvents.", name + strlen ("Mibew"), NULL);
  if (g_str_has_prefix (name, "Json"))
    return g_strconcat ("Json.", name + strlen ("Json"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (known_types); i++)
    if (strcmp (known_types[i].c_name, name) == 0)
      return g_strdup (known_types[i].gir_name);
  return NULL;
}

static const char *
link_fragment (GType type)
{
  if (G_TYPE_IS_ENUM (type))
    return "enum";
  if (G_TYPE_IS_FLAGS (type))
    return "flags";
  if (G_TYPE_IS_INTERFACE (type))
    return "iface";
  if (G_TYPE_IS_OBJECT (type))
    return "class";
  if (G_TYPE_IS_BOXED (type))
    return "struct";
  return "type";
}

/* A gi-docgen link to @type, or its name in backquotes. */
static char *
type_link (GType type)
{
  g_autofree char *gir = NULL;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:  return g_strdup ("string (`char *`)");
    case G_TYPE_BOOLEAN: return g_strdup ("boolean (`gboolean`)");
    case G_TYPE_INT:     return g_strdup ("integer (`int`)");
    case G_TYPE_UINT:    return g_strdup ("unsigned integer (`guint`)");
    case G_TYPE_INT64:   return g_strdup ("64-bit integer (`gint64`)");
    case G_TYPE_UINT64:  return g_strdup ("unsigned 64-bit integer (`guint64`)");
    case G_TYPE_DOUBLE:  return g_strdup ("number (`double`)");
    default:             break;
    }
  if (G_TYPE_IS_FUNDAMENTAL (type))
    return g_strdup_printf ("`%s`", g_type_name (type));
  gir = gir_name (type);
  if (gir == NULL)
    return g_strdup_printf ("`%s`", g_type_name (type));
  return g_strdup_printf ("[%s@%s]", link_fragment (type), gir);
}

/* How C code spells a value of @type. */
static char *
c_type (GType type)
{
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:  return g_strdup ("char *");
    case G_TYPE_BOOLEAN: return g_strdup ("gboolean");
    case G_TYPE_INT:     return g_strdup ("int");
    case G_TYPE_UINT:    return g_strdup ("guint");
    case G_TYPE_LONG:    return g_strdup ("glong");
    case G_TYPE_ULONG:   return g_strdup ("gulong");
    case G_TYPE_INT64:   return g_strdup ("gint64");
    case G_TYPE_UINT64:  return g_strdup ("guint64");
    case G_TYPE_DOUBLE:  return g_strdup ("double");
    case G_TYPE_FLOAT:   return g_strdup ("float");
    case G_TYPE_ENUM:
    case G_TYPE_FLAGS:   return g_strdup (g_type_name (type));
    case G_TYPE_NONE:    return g_strdup ("void");
    default:             return g_strdup_printf ("%s *", g_type_name (type));
    }
}

/* How Python and JavaScript see a value of @type. */
static char *
script_type (GType   type,
             gboolean python)
{
  g_autofree char *gir = NULL;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      return g_strdup (python ? "str" : "string");
    case G_TYPE_BOOLEAN:
      return g_strdup (python ? "bool" : "boolean");
    case G_TYPE_INT: case G_TYPE_UINT: case G_TYPE_LONG: case G_TYPE_ULONG:
    case G_TYPE_INT64: case G_TYPE_UINT64:
      return g_strdup (python ? "int" : "number");
    case G_TYPE_DOUBLE: case G_TYPE_FLOAT:
      return g_strdup (python ? "float" : "number");
    default:
      gir = gir_name (type);
      return g_strdup (gir != NULL ? gir : g_type_name (type));
    }
}

/* "a #GListStore of MibewMessage": looks at the list a scratch arguments
 * object starts with, when it has one. */
static char *
describe_value_type (GParamSpec *pspec,
                     GObject    *scratch,
                     gboolean    link)
{
  g_autofree char *base = link ? type_link (pspec->value_type) : c_type (pspec->value_type);

  if (scratch != NULL && g_type_is_a (pspec->value_type, G_TYPE_LIST_MODEL))
    {
      g_autoptr(GListModel) model = NULL;

      g_object_get (scratch, pspec->name, &model, NULL);
      if (model != NULL && g_list_model_get_item_type (model) != G_TYPE_OBJECT)
        {
          GType item = g_list_model_get_item_type (model);
          g_autofree char *item_text = link ? type_link (item) : g_strdup (g_type_name (item));

          return g_strdup_printf ("%s of %s", base, item_text);
        }
    }
  return g_steal_pointer (&base);
}

/* ---------------------------------------------------------------------- */
/* where an answer goes                                                   */

/* A fresh answer of @type that we can recognise afterwards, or NULL. */
static gpointer
make_probe_answer (GType type)
{
  if (type == G_TYPE_STRING)
    return g_strdup ("gen-events-guide probe");
  if (type == JSON_TYPE_OBJECT)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "gen-events-guide-probe", "answer");
      return object;
    }
  if (g_type_is_a (type, G_TYPE_LIST_STORE))
    return g_list_store_new (G_TYPE_OBJECT);
  if (G_TYPE_IS_OBJECT (type) && !G_TYPE_IS_ABSTRACT (type))
    return g_object_new (type, NULL);
  return NULL;
}

static gboolean
json_holds_probe (JsonObject *object,
                  const char *value)
{
  return object != NULL &&
         json_object_has_member (object, "gen-events-guide-probe") &&
         g_strcmp0 (json_object_get_string_member (object, "gen-events-guide-probe"), value) == 0;
}

/* Calls the arguments class's fold_return on a scratch instance, the way
 * an emission folds a listener's answer, and looks which argument took it
 * and how. */
static void
probe_answer (Event   *e,
              GObject *scratch)
{
  MibewEventArgsClass *aclass = MIBEW_EVENT_ARGS_GET_CLASS (scratch);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  gpointer answer;
  gpointer before[32] = { NULL, };

  e->fold = FOLD_NONE;
  if (e->return_type == G_TYPE_NONE)
    return;
  e->fold = FOLD_UNKNOWN;

  for (guint i = 0; i < e->pspecs->len; i++)
    {
      GParamSpec *pspec = e->pspecs->pdata[i];

      if ((pspec->flags & G_PARAM_READABLE) &&
          (g_type_is_a (pspec->value_type, e->return_type) ||
           g_type_is_a (e->return_type, pspec->value_type)))
        g_ptr_array_add (candidates, pspec);
    }
  if (candidates->len == 0 || candidates->len > G_N_ELEMENTS (before))
    {
      event_note (e, "no argument has the type of the answer (%s)", g_type_name (e->return_type));
      return;
    }

  answer = make_probe_answer (e->return_type);
  if (answer == NULL || aclass->fold_return == NULL)
    {
      event_note (e, "cannot make a %s answer to see where it goes", g_type_name (e->return_type));
      return;
    }

  /* Give JSON arguments a member the answer overrides, to see merges and
   * which member wins; remember the rest to see replacements. */
  for (guint i = 0; i < candidates->len; i++)
    {
      GParamSpec *pspec = candidates->pdata[i];

      if (pspec->value_type == JSON_TYPE_OBJECT && (pspec->flags & G_PARAM_WRITABLE))
        {
          g_autoptr(JsonObject) object = json_object_new ();

          json_object_set_string_member (object, "gen-events-guide-probe", "before");
          g_object_set (scratch, pspec->name, object, NULL);
        }
      if (G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_OBJECT)
        {
          GObject *value = NULL;

          g_object_get (scratch, pspec->name, &value, NULL);
          before[i] = value;  /* compared by address only */
          g_clear_object (&value);
        }
    }

  if (e->kind == MIBEW_EVENT_KIND_OUT && aclass->has_answer != NULL && aclass->has_answer (MIBEW_EVENT_ARGS (scratch)))
    event_note (e, "the out slot is filled before anyone answered");

  if (G_TYPE_FUNDAMENTAL (e->return_type) == G_TYPE_OBJECT)
    g_object_ref (answer);          /* fold_return takes one reference */
  else if (e->return_type == JSON_TYPE_OBJECT)
    json_object_ref (answer);
  aclass->fold_return (MIBEW_EVENT_ARGS (scratch),
                       e->return_type == G_TYPE_STRING ? g_strdup (answer) : answer);

  for (guint i = 0; i < candidates->len && e->answer_pspec == NULL; i++)
    {
      GParamSpec *pspec = candidates->pdata[i];

      if (pspec->value_type == G_TYPE_STRING)
        {
          g_autofree char *value = NULL;

          g_object_get (scratch, pspec->name, &value, NULL);
          if (g_strcmp0 (value, answer) == 0)
            {
              e->answer_pspec = pspec;
              e->fold = FOLD_REPLACE;
            }
        }
      else if (pspec->value_type == JSON_TYPE_OBJECT)
        {
          g_autoptr(JsonObject) value = NULL;

          g_object_get (scratch, pspec->name, &value, NULL);
          if (value == answer)
            {
              e->answer_pspec = pspec;
              e->fold = FOLD_REPLACE;
            }
          else if (json_holds_probe (value, "answer"))
            {
              e->answer_pspec = pspec;
              e->fold = FOLD_MERGE;
            }
        }
      else if (G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_OBJECT)
        {
          g_autoptr(GObject) value = NULL;

          g_object_get (scratch, pspec->name, &value, NULL);
          if (value == answer)
            {
              e->answer_pspec = pspec;
              e->fold = FOLD_REPLACE;
            }
          else if (value != NULL && (gpointer) value == before[i] &&
                   G_IS_LIST_MODEL (value) && candidates->len == 1)
            {
              /* the list stayed: the answer's items go into it */
              e->answer_pspec = pspec;
              e->fold = FOLD_APPEND;
            }
        }
    }

  if (e->answer_pspec == NULL)
    event_note (e, "could not see which argument a %s answer goes to", g_type_name (e->return_type));

  if (e->kind == MIBEW_EVENT_KIND_OUT)
    {
      e->answer_fills_slot = aclass->has_answer != NULL && aclass->has_answer (MIBEW_EVENT_ARGS (scratch));
      if (!e->answer_fills_slot)
        event_note (e, "an answer does not fill the out slot");
    }

  if (e->return_type == G_TYPE_STRING)
    g_free (answer);
  else if (e->return_type == JSON_TYPE_OBJECT)
    json_object_unref (answer);
  else
    g_object_unref (answer);
}

/* ---------------------------------------------------------------------- */
/* reading the table                                                      */

static Event *
event_new (const char *name)
{
  g_autoptr(Event) e = g_new0 (Event, 1);
  g_autoptr(GTypeClass) dispatcher_class = g_type_class_ref (MIBEW_TYPE_EVENT_DISPATCHER);
  g_autoptr(GTypeClass) args_class = NULL;
  g_autoptr(GObject) scratch = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *signal_snake = NULL;
  GParamSpec *category_pspec;
  guint n_pspecs;
  guint signal_id;

  e->notes = g_ptr_array_new_with_free_func (g_free);
  e->name = name;
  if (!mibew_event_dispatcher_describe_event (name, &e->category, &e->signal_name,
                                              &e->kind, &e->args_type))
    g_error ("mibew_event_dispatcher_list_events() lists %s, which it cannot describe", name);

  /* the category object: the dispatcher's property named after it */
  e->category_nick = enum_nick (MIBEW_TYPE_EVENT_CATEGORY, e->category);
  category_pspec = g_object_class_find_property (G_OBJECT_CLASS (dispatcher_class), e->category_nick);
  if (category_pspec == NULL)
    g_error ("MibewEventDispatcher has no property “%s”", e->category_nick);
  e->emitter_type = category_pspec->value_type;

  /* the signal, as registered */
  g_type_class_unref (g_type_class_ref (e->emitter_type));  /* registers the signals */
  signal_id = g_signal_lookup (e->signal_name, e->emitter_type);
  if (signal_id == 0)
    g_error ("%s has no signal “%s”", g_type_name (e->emitter_type), e->signal_name);
  g_signal_query (signal_id, &e->query);
  e->return_type = e->query.return_type & ~G_SIGNAL_TYPE_STATIC_SCOPE;

  /* names */
  signal_snake = kebab_to_snake (e->signal_name, FALSE);
  e->snake = g_strdup_printf ("%s_%s", e->category_nick, signal_snake);
  e->camel = snake_to_camel (e->snake);
  e->constant = camel_to_upper_snake (name);
  e->constant_from_signal = g_ascii_strup (e->snake, -1);

  /* the arguments: the properties of the class, without GObject's */
  args_class = g_type_class_ref (e->args_type);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (args_class), &n_pspecs);
  e->pspecs = g_ptr_array_new ();
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type != G_TYPE_OBJECT)
      g_ptr_array_add (e->pspecs, pspecs[i]);

  /* consistency of the signal with its arguments class */
  if (e->query.n_params != 1 ||
      (e->query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE) != e->args_type)
    event_note (e, "the signal does not take exactly one %s", g_type_name (e->args_type));
  if (e->return_type != MIBEW_EVENT_ARGS_CLASS (args_class)->return_type)
    event_note (e, "the signal returns %s but %s answers are %s",
                g_type_name (e->return_type), g_type_name (e->args_type),
                g_type_name (MIBEW_EVENT_ARGS_CLASS (args_class)->return_type));
  if ((e->kind == MIBEW_EVENT_KIND_NOTIFY) != (e->return_type == G_TYPE_NONE))
    event_note (e, "a %s event whose signal returns %s",
                enum_nick (MIBEW_TYPE_EVENT_KIND, e->kind), g_type_name (e->return_type));
  if ((e->kind == MIBEW_EVENT_KIND_CALL) != ((e->query.signal_flags & G_SIGNAL_DETAILED) != 0))
    event_note (e, "only function-call events should be detailed");

  scratch = g_object_new (e->args_type, NULL);
  probe_answer (e, scratch);

  return g_steal_pointer (&e);
}

/* ---------------------------------------------------------------------- */
/* writing                                                                */

static const char *
fold_word (FoldMode fold)
{
  switch (fold)
    {
    case FOLD_REPLACE: return "stored in";
    case FOLD_MERGE:   return "merged into";
    case FOLD_APPEND:  return "appended to";
    case FOLD_NONE:
    case FOLD_UNKNOWN:
    default:           return "folded into";
    }
}

/* `message-body` linked to its documentation */
static char *
property_link (GParamSpec *pspec)
{
  g_autofree char *owner = gir_name (pspec->owner_type);

  return g_strdup_printf ("[property@%s:%s]", owner, pspec->name);
}

/* The C getter of an argument, if the library has one by the usual name. */
static char *
getter_name (GParamSpec *pspec)
{
  g_autofree char *prefix = type_name_to_snake (g_type_name (pspec->owner_type));
  g_autofree char *prop = kebab_to_snake (pspec->name, FALSE);
  g_autofree char *getter = g_strdup_printf ("%s_get_%s", prefix, prop);
  static GModule *self_module;  /* the program and its libraries, kept open */
  gpointer symbol = NULL;

  if (self_module == NULL)
    self_module = g_module_open (NULL, 0);
  if (self_module == NULL || !g_module_symbol (self_module, getter, &symbol) || symbol == NULL)
    return NULL;
  return g_steal_pointer (&getter);
}

static void
write_answer_text (GString *out,
                   Event   *e)
{
  g_autofree char *answer_type = type_link (e->return_type);
  g_autofree char *target = e->answer_pspec != NULL ? property_link (e->answer_pspec)
                                                    : g_strdup ("the arguments");

  switch (e->kind)
    {
    case MIBEW_EVENT_KIND_NOTIFY:
      if (e->pspecs->len == 0)
        g_string_append (out, "Nothing: the event reports that it happened; handlers "
                              "return nothing.\n");
      else
        g_string_append (out,
                         "Nothing the emitter uses: the event reports what happened. Listeners "
                         "read the arguments (they may change the objects they get, but the "
                         "emitter ignores that afterwards); handlers return nothing.\n");
      break;

    case MIBEW_EVENT_KIND_ALTER:
      g_string_append (out, "Listeners change the arguments in place, each one seeing what the "
                            "previous ones changed; the emitter uses the final values. ");
      if (e->fold == FOLD_REPLACE)
        g_string_append_printf (out, "A handler may instead return a new value of type %s "
                                     "to replace %s (accumulator: `chain`): the next listener "
                                     "sees it.",
                                answer_type, target);
      else if (e->fold == FOLD_MERGE)
        g_string_append_printf (out, "A handler may instead return a %s whose members are "
                                     "merged into %s, replacing members of the same name "
                                     "(accumulator: `merge`).",
                                answer_type, target);
      else if (e->fold == FOLD_APPEND)
        g_string_append_printf (out, "A handler may instead return a %s whose items are "
                                     "appended to %s (accumulator: `append`).",
                                answer_type, target);
      else
        g_string_append_printf (out, "A handler may instead return a %s.", answer_type);
      g_string_append (out, " Returning `NULL` (`None`, `null`) changes nothing.\n");
      break;

    case MIBEW_EVENT_KIND_OUT:
      g_string_append_printf (out, "%s is an out slot that starts empty. A listener answers by "
                                   "filling it or by returning a %s. The first answer wins and "
                                   "ends the emission: later listeners do not run "
                                   "(accumulator: `first-wins`). When nobody answered, the "
                                   "emitter falls back to its default. Returning `NULL` "
                                   "(`None`, `null`) leaves the slot to the next listener.\n",
                              target, answer_type);
      break;

    case MIBEW_EVENT_KIND_CALL:
      g_string_append_printf (out, "Listeners add to %s, or return a %s whose members are %s it, "
                                   "later keys winning (accumulator: `merge`). The signal is "
                                   "detailed by the function name: connect to `%s::%s`, or "
                                   "attach to `%s::%s`, to see only that function.\n",
                              target, answer_type, fold_word (e->fold),
                              e->signal_name, EXAMPLE_FUNCTION, e->name, EXAMPLE_FUNCTION);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_arguments (GString *out,
                 Event   *e)
{
  g_autoptr(GObject) scratch = g_object_new (e->args_type, NULL);
  g_autofree char *args_link = type_link (e->args_type);

  if (e->pspecs->len == 0)
    {
      g_string_append_printf (out, "Arguments: none; the signal gets a plain %s.\n\n", args_link);
      return;
    }

  g_string_append_printf (out, "Arguments: %s, with these properties:\n\n", args_link);
  g_string_append (out, "| Property | Type | Access | C getter | Python / GJS |\n");
  g_string_append (out, "|---|---|---|---|---|\n");
  for (guint i = 0; i < e->pspecs->len; i++)
    {
      GParamSpec *pspec = e->pspecs->pdata[i];
      g_autofree char *link = property_link (pspec);
      g_autofree char *type = describe_value_type (pspec, scratch, TRUE);
      g_autofree char *getter = getter_name (pspec);
      g_autofree char *attr = kebab_to_snake (pspec->name, FALSE);
      const char *access;

      if ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE)
        access = "read, write";
      else if (pspec->flags & G_PARAM_WRITABLE)
        access = "write";
      else
        access = "read";

      g_string_append_printf (out, "| %s%s | %s | %s | %s%s%s | `args.props.%s` / `args.%s` |\n",
                              link, pspec == e->answer_pspec ? " (answer)" : "",
                              type, access,
                              getter != NULL ? "`" : "",
                              getter != NULL ? getter : "—",
                              getter != NULL ? "()`" : "",
                              attr, attr);
    }
  g_string_append (out, "\n");
}

static void
append_padded (GString    *out,
               const char *type,
               guint       width,
               const char *name)
{
  /* "MibewThreadEvents    *events": stars line up, GNOME style */
  gboolean pointer = g_str_has_suffix (type, " *");
  g_autofree char *bare = pointer ? g_strndup (type, strlen (type) - 2) : g_strdup (type);

  g_string_append (out, bare);
  for (guint i = strlen (bare); i < width + 1; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s%s", pointer ? "*" : " ", name);
}

typedef enum {
  LANG_C,
  LANG_PYTHON,
  LANG_JS,
} Lang;

/* What the handler stub of a snippet says a listener may do. */
static char *
answer_comment (Event *e,
                Lang   lang)
{
  g_autofree char *type = lang == LANG_C ? c_type (e->return_type)
                                         : script_type (e->return_type, lang == LANG_PYTHON);
  const char *target = e->answer_pspec != NULL ? e->answer_pspec->name : "the arguments";
  const char *none = lang == LANG_C ? "NULL" : lang == LANG_PYTHON ? "None" : "null";

  switch (e->kind)
    {
    case MIBEW_EVENT_KIND_ALTER:
      if (e->fold == FOLD_MERGE)
        return g_strdup_printf ("change the arguments in place, or return a %s to merge into %s; %s changes nothing",
                                type, target, none);
      if (e->fold == FOLD_APPEND)
        return g_strdup_printf ("change the arguments in place, or return a %s to append to %s; %s changes nothing",
                                type, target, none);
      return g_strdup_printf ("change the arguments in place, or return a new %s (%s); %s keeps it",
                              target, type, none);
    case MIBEW_EVENT_KIND_OUT:
      return g_strdup_printf ("fill %s, or return a %s: the first answer wins; %s lets the next listener answer",
                              target, type, none);
    case MIBEW_EVENT_KIND_CALL:
      return g_strdup_printf ("add to %s, or return a %s to merge into it; %s adds nothing",
                              target, type, none);
    case MIBEW_EVENT_KIND_NOTIFY:
    default:
      if (e->pspecs->len == 0)
        return g_strdup ("no arguments: the event reports that it happened");
      return g_strdup ("read the arguments: the event reports what happened");
    }
}

/* Appends @text as a comment wrapped before column 80: @first starts it,
 * @next continues it (both end with a space), @last (may be "") ends it. */
static void
append_comment (GString    *out,
                const char *first,
                const char *next,
                const char *last,
                const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  gsize line_start = out->len;
  gboolean at_start = TRUE;

  g_string_append (out, first);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!at_start && out->len - line_start + 1 + strlen (words[i]) + strlen (last) > 79)
        {
          g_string_append_c (out, '\n');
          line_start = out->len;
          g_string_append (out, next);
          at_start = TRUE;
        }
      if (!at_start)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      at_start = FALSE;
    }
  g_string_append_printf (out, "%s\n", last);
}

static char *
signal_with_detail (Event *e)
{
  if (e->query.signal_flags & G_SIGNAL_DETAILED)
    return g_strdup_printf ("%s::%s", e->signal_name, EXAMPLE_FUNCTION);
  return g_strdup (e->signal_name);
}

static char *
event_with_detail (Event *e)
{
  if (e->query.signal_flags & G_SIGNAL_DETAILED)
    return g_strdup_printf ("%s::%s", e->name, EXAMPLE_FUNCTION);
  return g_strdup (e->name);
}

static void
write_c_snippet (GString *out,
                 Event   *e)
{
  g_autofree char *emitter = g_strdup_printf ("%s *", g_type_name (e->emitter_type));
  g_autofree char *args = g_strdup_printf ("%s *", g_type_name (e->args_type));
  g_autofree char *ret = c_type (e->return_type);
  g_autofree char *comment = answer_comment (e, LANG_C);
  g_autofree char *sig = signal_with_detail (e);
  g_autofree char *event = event_with_detail (e);
  g_autofree char *handler = g_strdup_printf ("on_%s", e->snake);
  g_autofree char *indent = g_strnfill (strlen (handler) + 2, ' ');
  guint width = MAX (MAX (strlen (emitter), strlen (args)) - 2, strlen ("gpointer"));

  /* GNOME style: return type on its own line, parameters aligned */
  g_string_append_printf (out, "```c\nstatic %s\n%s (", ret, handler);
  append_padded (out, emitter, width, "events,\n");
  g_string_append (out, indent);
  append_padded (out, args, width, "args,\n");
  g_string_append (out, indent);
  append_padded (out, "gpointer", width, "user_data)\n");
  g_string_append (out, "{\n");
  append_comment (out, "  /* ", "   * ", " */", comment);
  if (e->return_type != G_TYPE_NONE)
    g_string_append (out, "  return NULL;\n");
  g_string_append (out, "}\n\n");

  g_string_append_printf (out,
                          "static void\n"
                          "connect_%s (MibewEventDispatcher *dispatcher)\n"
                          "{\n"
                          "  g_autoptr(GError) error = NULL;\n"
                          "\n"
                          "  /* connect to the signal: runs like a priority-0 listener attached last */\n"
                          "  g_signal_connect (mibew_event_dispatcher_get_%s (dispatcher), \"%s\",\n"
                          "                    G_CALLBACK (%s), NULL);\n"
                          "\n"
                          "  /* or attach it by Mibew's event name, with a priority (lower runs first) */\n"
                          "  if (mibew_event_dispatcher_attach_callback (dispatcher, \"%s\", 0,\n"
                          "                                              G_CALLBACK (%s),\n"
                          "                                              NULL, NULL, &error) == 0)\n"
                          "    g_warning (\"%%s\", error->message);\n"
                          "}\n"
                          "```\n\n",
                          e->snake, e->category_nick, sig, handler, event, handler);
}

/* "args.props.thread, args.props.message_kind, ..." */
static char *
list_attributes (Event      *e,
                 const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < e->pspecs->len; i++)
    {
      g_autofree char *attr = kebab_to_snake (((GParamSpec *) e->pspecs->pdata[i])->name, FALSE);

      g_string_append_printf (s, "%s%s%s", i > 0 ? ", " : "", prefix, attr);
    }
  return g_string_free (s, FALSE);
}

static void
write_python_snippet (GString *out,
                      Event   *e)
{
  g_autofree char *comment = answer_comment (e, LANG_PYTHON);
  g_autofree char *sig = signal_with_detail (e);
  g_autofree char *event = event_with_detail (e);

  g_string_append_printf (out, "```python\ndef on_%s(events, args):\n", e->snake);
  if (e->pspecs->len > 0)
    {
      g_autofree char *attrs = list_attributes (e, "args.props.");

      append_comment (out, "    # ", "    # ", "", attrs);
    }
  append_comment (out, "    # ", "    # ", "", comment);
  g_string_append (out, e->return_type != G_TYPE_NONE ? "    return None\n" : "    pass\n");
  g_string_append_printf (out,
                          "\n\n"
                          "dispatcher.props.%s.connect('%s', on_%s)\n"
                          "# or attach it by Mibew's event name, with a priority (lower runs first):\n"
                          "dispatcher.attach_listener('%s', 0, on_%s)\n"
                          "```\n\n",
                          e->category_nick, sig, e->snake, event, e->snake);
}

static void
write_gjs_snippet (GString *out,
                   Event   *e)
{
  g_autofree char *comment = answer_comment (e, LANG_JS);
  g_autofree char *sig = signal_with_detail (e);
  g_autofree char *event = event_with_detail (e);
  const char *body = e->return_type != G_TYPE_NONE ? "    return null;\n" : "";

  g_string_append_printf (out, "```js\ndispatcher.%s.connect('%s', (events, args) => {\n",
                          e->category_nick, sig);
  if (e->pspecs->len > 0)
    {
      g_autofree char *attrs = list_attributes (e, "args.");

      append_comment (out, "    // ", "    // ", "", attrs);
    }
  append_comment (out, "    // ", "    // ", "", comment);
  g_string_append_printf (out, "%s});\n", body);
  g_string_append_printf (out,
                          "// or attach it by Mibew's event name, with a priority (lower runs first):\n"
                          "dispatcher.attach_listener('%s', 0, (events, args) => {\n"
                          "    // as above\n"
                          "%s"
                          "});\n"
                          "```\n\n",
                          event, body);
}

static void
write_event (GString *out,
             Event   *e)
{
  g_autofree char *emitter = type_link (e->emitter_type);
  g_autofree char *ret = e->return_type != G_TYPE_NONE ? type_link (e->return_type)
                                                       : g_strdup ("nothing (`void`)");
  g_autofree char *emitter_gir = gir_name (e->emitter_type);

  g_string_append_printf (out, "### %s\n\n", e->name);
  g_string_append (out, "| | |\n|---|---|\n");
  g_string_append_printf (out, "| Event name | `%s` |\n", e->name);
  g_string_append_printf (out, "| Mibew constant | `\\Mibew\\EventDispatcher\\Events::%s` |\n",
                          e->constant);
  g_string_append_printf (out, "| Signal | [signal@%s::%s] (`%s::%s`%s) |\n",
                          emitter_gir, e->signal_name, g_type_name (e->emitter_type),
                          e->signal_name,
                          (e->query.signal_flags & G_SIGNAL_DETAILED) ? ", detailed by the function name" : "");
  g_string_append_printf (out, "| Category object | %s, the dispatcher's [property@MibewEvents.EventDispatcher:%s] |\n",
                          emitter, e->category_nick);
  g_string_append_printf (out, "| Kind | %s |\n", enum_nick (MIBEW_TYPE_EVENT_KIND, e->kind));
  g_string_append_printf (out, "| Handlers return | %s |\n\n", ret);

  if (strcmp (e->constant, e->constant_from_signal) != 0)
    g_string_append_printf (out,
                            "Mibew names this constant after the event, `%s`, not after the "
                            "category object and signal (`%s` + `%s` would give `%s`).\n\n",
                            e->name, e->category_nick, e->signal_name, e->constant_from_signal);

  write_arguments (out, e);

  g_string_append (out, "What a listener may change: ");
  write_answer_text (out, e);
  g_string_append (out, "\n");

  for (guint i = 0; i < e->notes->len; i++)
    g_string_append_printf (out, "Note: %s (gen-events-guide could not derive this cleanly "
                                 "from the event table).\n\n",
                            (const char *) e->notes->pdata[i]);

  write_c_snippet (out, e);
  write_python_snippet (out, e);
  write_gjs_snippet (out, e);
}

static void
write_preamble (GString *out)
{
  g_string_append (out,
    "Title: Events guide\n"
    "\n"
    "# Events guide\n"
    "\n"
    "Mibew Messenger triggers 41 events in 13 categories. This page lists them by category, "
    "as the library registers them: it is generated by `gen-events-guide` from the event "
    "table, the same table the dispatcher, the signals and the JSON codecs come from. For "
    "how the dispatcher, the category objects and the arguments work together, read the "
    "[overview](overview.html).\n"
    "\n"
    "## Connecting a listener\n"
    "\n"
    "Every event is a signal of a category object, which is a property of the dispatcher. "
    "A listener can be connected to that signal, or attached by Mibew's event name with a "
    "priority: listeners attached with a lower priority run first, equal priorities in "
    "attach order, and handlers connected to the signal run like priority-0 listeners "
    "attached after all others (`connect_after` handlers run after every listener). The "
    "snippets below show both ways; they assume a `dispatcher`:\n"
    "\n"
    "```c\n"
    "#include <mibew-events/mibew-events.h>\n"
    "\n"
    "MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();\n"
    "```\n"
    "\n"
    "```python\n"
    "import gi\n"
    "gi.require_version('MibewEvents', '1.0')\n"
    "from gi.repository import MibewEvents\n"
    "\n"
    "dispatcher = MibewEvents.EventDispatcher.get_default()\n"
    "```\n"
    "\n"
    "```js\n"
    "imports.gi.versions.MibewEvents = '1.0';\n"
    "const {MibewEvents} = imports.gi;\n"
    "\n"
    "const dispatcher = MibewEvents.EventDispatcher.get_default();\n"
    "```\n"
    "\n"
    "Every handler gets the category object and one arguments object, shared by all "
    "listeners of the emission: a change one listener makes is seen by the next one and by "
    "the emitter. The `dispatcher.attach_listener()` form raises an error for an unknown "
    "event name; in C, [method@MibewEvents.EventDispatcher.attach_callback] returns 0 and "
    "sets a `GError`.\n"
    "\n");
}

static void
write_kinds (GString *out)
{
  g_autoptr(GTypeClass) kinds = g_type_class_ref (MIBEW_TYPE_EVENT_KIND);
  GEnumClass *klass = G_ENUM_CLASS (kinds);

  g_string_append (out,
    "## Kinds of event\n"
    "\n"
    "Each event is of one [enum@MibewEvents.EventKind], which says what its listeners may "
    "change and how the values their handlers return are combined:\n"
    "\n"
    "| Kind | Listeners | Handlers return | Accumulator |\n"
    "|---|---|---|---|\n");
  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *v = &klass->values[i];

      switch ((MibewEventKind) v->value)
        {
        case MIBEW_EVENT_KIND_NOTIFY:
          g_string_append_printf (out, "| %s | read what happened | nothing | — |\n", v->value_nick);
          break;
        case MIBEW_EVENT_KIND_ALTER:
          g_string_append_printf (out, "| %s | change arguments in place | a new value for the altered argument, or `NULL` | `chain`: the value replaces the argument before the next listener runs; for lists of assets `append` (its items are appended) and for dictionaries `merge` (its members are merged) |\n", v->value_nick);
          break;
        case MIBEW_EVENT_KIND_OUT:
          g_string_append_printf (out, "| %s | fill an empty slot | the answer, or `NULL` | `first-wins`: the first answer ends the emission; with none, the emitter's default applies |\n", v->value_nick);
          break;
        case MIBEW_EVENT_KIND_CALL:
          g_string_append_printf (out, "| %s | add to the results of an API function call | a dictionary, or `NULL` | `merge`: its members are merged into the results, later keys winning |\n", v->value_nick);
          break;
        default:
          g_string_append_printf (out, "| %s | see [enum@MibewEvents.EventKind] | | |\n", v->value_nick);
          g_printerr ("gen-events-guide: event kind %s is not described\n", v->value_nick);
          strict_problems = TRUE;
          break;
        }
    }
  g_string_append (out, "\n");
}

static void
write_summary (GString   *out,
               GPtrArray *events)
{
  g_string_append (out,
    "## All events\n"
    "\n"
    "| # | Event name | Mibew constant | Signal | Kind |\n"
    "|---|---|---|---|---|\n");
  for (guint i = 0; i < events->len; i++)
    {
      Event *e = events->pdata[i];
      g_autofree char *anchor = g_ascii_strdown (e->name, -1);

      g_string_append_printf (out, "| %u | [`%s`](#%s) | `%s` | `%s::%s` | %s |\n",
                              i + 1, e->name, anchor, e->constant,
                              g_type_name (e->emitter_type), e->signal_name,
                              enum_nick (MIBEW_TYPE_EVENT_KIND, e->kind));
    }
  g_string_append (out, "\n");
}

static char *
generate (void)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GTypeClass) categories_class = g_type_class_ref (MIBEW_TYPE_EVENT_CATEGORY);
  GEnumClass *categories = G_ENUM_CLASS (categories_class);
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (events, event_new (names[i]));

  write_preamble (out);
  write_kinds (out);
  write_summary (out, events);

  for (guint c = 0; c < categories->n_values; c++)
    {
      const GEnumValue *v = &categories->values[c];
      g_autofree char *title = g_strdup (v->value_nick);
      gboolean first = TRUE;

      title[0] = g_ascii_toupper (title[0]);
      for (guint i = 0; i < events->len; i++)
        {
          Event *e = events->pdata[i];

          if (e->category != (MibewEventCategory) v->value)
            continue;
          if (first)
            {
              g_autofree char *emitter = type_link (e->emitter_type);

              g_string_append_printf (out, "## %s events\n\n", title);
              g_string_append_printf (out, "Carried by %s, the dispatcher's "
                                           "[property@MibewEvents.EventDispatcher:%s] "
                                           "(`dispatcher.props.%s` in Python, "
                                           "`dispatcher.%s` in GJS).\n\n",
                                      emitter, v->value_nick, v->value_nick, v->value_nick);
              first = FALSE;
            }
          write_event (out, e);
        }
      if (first)
        {
          g_printerr ("gen-events-guide: category %s has no event\n", v->value_nick);
          strict_problems = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *output = NULL;
  gboolean strict = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the guide to FILE (default: standard output)", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Fail if anything could not be derived cleanly", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— write the events guide");
  g_autoptr(GError) error = NULL;
  g_autofree char *guide = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gen-events-guide: %s\n", error->message);
      return 2;
    }

  guide = generate ();

  /* not g_print(): it would convert the UTF-8 to the locale's charset */
  if (output == NULL)
    fwrite (guide, 1, strlen (guide), stdout);
  else if (!g_file_set_contents (output, guide, -1, &error))
    {
      g_printerr ("gen-events-guide: %s\n", error->message);
      return 1;
    }

  return strict && strict_problems ? 1 : 0;
}
