/* gen-events-guide.c: writes the events guide from the event table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The guide (Markdown, a gi-docgen content page) describes each of the 41
 * events as the library registers it. Every fact comes from the library's
 * own description of its tables:
 *
 * - the names, from mibew_event_dispatcher_list_events();
 * - name, constant, category, signal, kind, arguments class, how answers
 *   fold (and into which key), the type a listener returns, and every
 *   argument with its JSON key, property, type, description and flags,
 *   from mibew_event_dispatcher_get_event_description(), which derives
 *   them from the arguments classes' field tables;
 * - what the description names but does not spell out for C: the GType of
 *   each property (the class's GParamSpec of that name), the category
 *   object's type (the dispatcher's property named after the category),
 *   the signal's flags and return type (g_signal_query()), and whether a
 *   typed getter exists (a symbol lookup).
 *
 * Nothing is probed: no arguments object is made to see what it does.
 * The generator only checks that these sources agree (and with
 * mibew_event_dispatcher_describe_event()), and notes it where they do not.
 *
 * With --examples, each event's section also shows its JSON form: the
 * realistic document DIR/EVENT.json (tests/data/events in the source
 * tree), whole, or shortened when it is long. Each shown document is run
 * through a dispatcher without listeners, mibew_event_dispatcher_trigger_json_data(),
 * and must come back unchanged.
 *
 *   gen-events-guide [--output FILE] [--examples DIR] [--depfile FILE] [--strict]
 *
 * --depfile: write the example files read, for the build system.
 * --strict: exit with status 1 if anything could not be derived cleanly,
 * or if --examples is missing (the guide still says what was derived and
 * notes the rest).
 */

#include <stdio.h>
#include <string.h>

#include <gmodule.h>
#include <mibew-events/mibew-events.h>

/* A Mibew function name, to show the detail of function-call signals. */
#define EXAMPLE_FUNCTION "microtime"

/* Examples longer than this many lines are shortened. */
#define EXAMPLE_MAX_LINES 80

/* How many items a shortened collection keeps. */
#define SHORTENED_ITEMS 2

typedef struct
{
  /* from the description (strings owned by the event's description) */
  const char *key;              /* message_body */
  const char *property;         /* message-body */
  const char *json_type;        /* string, Thread, [Message], dict... */
  const char *description;
  gboolean required;
  gboolean nullable;
  gboolean false_means_none;
  gboolean used;
  /* what C needs besides */
  GParamSpec *pspec;            /* the class's property of that name */
  GType item_type;              /* "[Message]": MibewMessage; else invalid */
  const char *item_words;       /* "[int]": "integers"; else NULL */
} Argument;

typedef struct
{
  JsonNode *description;        /* owns the strings below */
  const char *name;             /* threadPostMessage */
  const char *constant;         /* THREAD_POST_MESSAGE */
  const char *category_nick;    /* thread */
  const char *signal_name;      /* post-message */
  const char *kind_nick;        /* alter */
  const char *fold;             /* none, chain, first-wins, merge, append */
  const char *answer_key;       /* message_body, or NULL */
  const char *returns;          /* gchararray, or NULL */
  MibewEventCategory category;
  MibewEventKind kind;
  GType emitter_type;           /* MibewThreadEvents */
  GType args_type;              /* MibewPostMessageArgs */
  GSignalQuery query;
  GType return_type;            /* G_TYPE_NONE for notify events */
  char *constant_from_signal;   /* category + signal: THREAD_POST_MESSAGE */
  char *snake;                  /* thread_post_message: C and Python names */
  GPtrArray *arguments;         /* Argument, in table order */
  Argument *answer;             /* the argument answers fold into, or NULL */
  /* the JSON example */
  char *example_file;           /* tests/data/events/threadPostMessage.json */
  char *example;                /* the document as shown, or NULL */
  guint example_lines;          /* of the whole document */
  GPtrArray *shortened;         /* what was left out, one note each */
  GPtrArray *unknown_keys;      /* top-level keys that are no argument */
  GPtrArray *notes;             /* what could not be derived cleanly */
} Event;

static gboolean strict_problems;

static void
argument_free (Argument *a)
{
  g_free (a);
}

static void
event_free (Event *e)
{
  g_clear_pointer (&e->description, json_node_unref);
  g_free (e->constant_from_signal);
  g_free (e->snake);
  g_clear_pointer (&e->arguments, g_ptr_array_unref);
  g_free (e->example_file);
  g_free (e->example);
  g_clear_pointer (&e->shortened, g_ptr_array_unref);
  g_clear_pointer (&e->unknown_keys, g_ptr_array_unref);
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
/* reading the description                                                */

/* A string member, or NULL when it is absent or null. */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_boolean (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

static int
enum_value_by_nick (GType       type,
                    const char *nick)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GEnumValue *v = nick != NULL ? g_enum_get_value_by_nick (G_ENUM_CLASS (klass), nick) : NULL;

  return v != NULL ? v->value : -1;
}

/* ---------------------------------------------------------------------- */
/* names                                                                  */

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

/* The program and its libraries, kept open: for the getters and the
 * get_type functions. */
static gpointer
lookup_symbol (const char *name)
{
  static GModule *self_module;
  gpointer symbol = NULL;

  if (self_module == NULL)
    self_module = g_module_open (NULL, 0);
  if (self_module == NULL || !g_module_symbol (self_module, name, &symbol))
    return NULL;
  return symbol;
}

/* The GType named @name (MibewMessage), registering it through its
 * get_type function if nothing has yet. */
static GType
lookup_type (const char *name)
{
  GType type = g_type_from_name (name);

  if (type == G_TYPE_INVALID)
    {
      g_autofree char *snake = type_name_to_snake (name);
      g_autofree char *get_type_name = g_strconcat (snake, "_get_type", NULL);
      GType (*get_type) (void) = (GType (*) (void)) lookup_symbol (get_type_name);

      if (get_type != NULL)
        type = get_type ();
    }
  return type;
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

/* "[class@Gio.ListStore] of [class@MibewEvents.Message]": the property's
 * type, and for lists what the description says they hold. */
static char *
describe_value_type (Argument *a)
{
  g_autofree char *base = type_link (a->pspec->value_type);

  if (a->item_type != G_TYPE_INVALID)
    {
      g_autofree char *item = type_link (a->item_type);

      return g_strdup_printf ("%s of %s", base, item);
    }
  if (a->item_words != NULL)
    return g_strdup_printf ("%s of %s", base, a->item_words);
  return g_steal_pointer (&base);
}

/* ---------------------------------------------------------------------- */
/* reading the table                                                      */

/* "[Message]" → MibewMessage, "[int]" → "integers": what a list holds,
 * by the description's name for it. */
static void
read_item_type (Event    *e,
                Argument *a)
{
  gsize len = strlen (a->json_type);
  g_autofree char *item = NULL;
  g_autofree char *type_name = NULL;

  if (len < 3 || a->json_type[0] != '[' || a->json_type[len - 1] != ']')
    return;
  item = g_strndup (a->json_type + 1, len - 2);
  if (strcmp (item, "int") == 0)
    {
      a->item_words = "integers";
      return;
    }
  if (strcmp (item, "string") == 0)
    {
      a->item_words = "strings";
      return;
    }
  type_name = g_strconcat ("Mibew", item, NULL);
  a->item_type = lookup_type (type_name);
  if (a->item_type == G_TYPE_INVALID)
    event_note (e, "%s holds “%s”, which is no type of the library", a->key, item);
}


/* Whether another event with @e's arguments class describes @property. */
static gboolean
described_elsewhere (Event      *e,
                     const char *property)
{
  const char * const *names = mibew_event_dispatcher_list_events ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *arguments;
      GType args_type = G_TYPE_INVALID;

      if (strcmp (names[i], e->name) == 0 ||
          !mibew_event_dispatcher_describe_event (names[i], NULL, NULL, NULL, &args_type) ||
          args_type != e->args_type)
        continue;
      node = mibew_event_dispatcher_get_event_description (names[i], NULL);
      arguments = json_object_get_array_member (json_node_get_object (node), "arguments");
      for (guint k = 0; k < json_array_get_length (arguments); k++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (arguments, k), "property"),
                       property) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
read_arguments (Event      *e,
                JsonObject *description)
{
  g_autoptr(GTypeClass) args_class = g_type_class_ref (e->args_type);
  JsonNode *node = json_object_get_member (description, "arguments");
  JsonArray *arguments;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      event_note (e, "the description has no list of arguments");
      return;
    }
  arguments = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (arguments); i++)
    {
      JsonObject *object = json_array_get_object_element (arguments, i);
      Argument *a;

      if (object == NULL)
        {
          event_note (e, "argument %u of the description is not an object", i);
          continue;
        }
      a = g_new0 (Argument, 1);
      a->key = member_string (object, "key");
      a->property = member_string (object, "property");
      a->json_type = member_string (object, "type");
      a->description = member_string (object, "description");
      a->required = member_boolean (object, "required");
      a->nullable = member_boolean (object, "nullable");
      a->false_means_none = member_boolean (object, "false_means_none");
      a->used = member_boolean (object, "used");
      if (a->key == NULL || a->property == NULL || a->json_type == NULL)
        {
          event_note (e, "argument %u of the description lacks its key, property or type", i);
          argument_free (a);
          continue;
        }
      a->pspec = g_object_class_find_property (G_OBJECT_CLASS (args_class), a->property);
      if (a->pspec == NULL)
        {
          event_note (e, "%s has no property “%s” (JSON key %s)",
                      g_type_name (e->args_type), a->property, a->key);
          argument_free (a);
          continue;
        }
      read_item_type (e, a);
      g_ptr_array_add (e->arguments, a);
      if (e->answer_key != NULL && strcmp (a->key, e->answer_key) == 0)
        e->answer = a;
    }

  /* every property of the class is an argument of this event or of
   * another event sharing the class (original_thread: threadUpdate only) */
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (args_class), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      gboolean described = FALSE;

      if (pspecs[i]->owner_type == G_TYPE_OBJECT)
        continue;
      for (guint j = 0; j < e->arguments->len && !described; j++)
        described = ((Argument *) e->arguments->pdata[j])->pspec == pspecs[i];
      if (!described)
        described = described_elsewhere (e, pspecs[i]->name);
      if (!described)
        event_note (e, "the description does not mention the property %s:%s",
                    g_type_name (e->args_type), pspecs[i]->name);
    }
}

/* Checks what the description says against the signal and
 * mibew_event_dispatcher_describe_event(). */
static void
check_consistency (Event *e)
{
  MibewEventCategory category;
  MibewEventKind kind;
  const char *signal_name = NULL;
  GType args_type = G_TYPE_INVALID;
  const char *expected_fold;

  if (!mibew_event_dispatcher_describe_event (e->name, &category, &signal_name, &kind, &args_type))
    event_note (e, "mibew_event_dispatcher_describe_event() does not know it");
  else if (category != e->category || g_strcmp0 (signal_name, e->signal_name) != 0 ||
           kind != e->kind || args_type != e->args_type)
    event_note (e, "mibew_event_dispatcher_describe_event() and the description disagree");

  if (e->query.n_params != 1 ||
      (e->query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE) != e->args_type)
    event_note (e, "the signal does not take exactly one %s", g_type_name (e->args_type));
  if ((e->kind == MIBEW_EVENT_KIND_NOTIFY) != (e->return_type == G_TYPE_NONE))
    event_note (e, "a %s event whose signal returns %s", e->kind_nick, g_type_name (e->return_type));
  if (e->return_type == G_TYPE_NONE ? e->returns != NULL
                                    : g_strcmp0 (e->returns, g_type_name (e->return_type)) != 0)
    event_note (e, "the signal returns %s but the description says listeners return %s",
                g_type_name (e->return_type), e->returns != NULL ? e->returns : "nothing");
  if ((e->kind == MIBEW_EVENT_KIND_CALL) != ((e->query.signal_flags & G_SIGNAL_DETAILED) != 0))
    event_note (e, "only function-call events should be detailed");

  switch (e->kind)
    {
    case MIBEW_EVENT_KIND_NOTIFY: expected_fold = "none"; break;
    case MIBEW_EVENT_KIND_OUT:    expected_fold = "first-wins"; break;
    case MIBEW_EVENT_KIND_CALL:   expected_fold = "merge"; break;
    case MIBEW_EVENT_KIND_ALTER:
    default:                      expected_fold = NULL; break;
    }
  if (expected_fold != NULL && g_strcmp0 (e->fold, expected_fold) != 0)
    event_note (e, "a %s event whose answers fold by “%s”", e->kind_nick, e->fold);
  if (e->kind == MIBEW_EVENT_KIND_ALTER &&
      g_strcmp0 (e->fold, "chain") != 0 && g_strcmp0 (e->fold, "merge") != 0 &&
      g_strcmp0 (e->fold, "append") != 0)
    event_note (e, "an alter event whose answers fold by “%s”", e->fold);

  if ((e->answer_key == NULL) != (e->kind == MIBEW_EVENT_KIND_NOTIFY))
    event_note (e, "a %s event %s answer key", e->kind_nick,
                e->answer_key == NULL ? "without an" : "with an");
  if (e->answer_key != NULL && e->answer == NULL)
    event_note (e, "answers fold into “%s”, which is none of its arguments", e->answer_key);
  if (e->answer != NULL && e->return_type != G_TYPE_NONE &&
      !g_type_is_a (e->return_type, e->answer->pspec->value_type) &&
      !g_type_is_a (e->answer->pspec->value_type, e->return_type))
    event_note (e, "listeners return %s, which does not fit %s (%s)",
                g_type_name (e->return_type), e->answer->key,
                g_type_name (e->answer->pspec->value_type));
  if (e->kind == MIBEW_EVENT_KIND_OUT && e->answer != NULL && !e->answer->used)
    event_note (e, "the emitter does not use its out slot %s", e->answer->key);
}

/* ---------------------------------------------------------------------- */
/* the JSON example                                                       */

typedef struct
{
  GString *out;
  gboolean shorten;
  GPtrArray *notes;           /* what was left out */
} Printer;

/* A JSON string, escaped as Python's json.dumps (ensure_ascii=False)
 * does it, the way the example files are written. */
static void
print_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest form of @d that reads back as @d (json-glib would write
 * 52.520000000000003 for 52.52). */
static void
print_double (GString *out,
              double   d)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, d);
      if (g_ascii_strtod (buffer, NULL) == d)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)   /* 2.0 stays a double */
    g_string_append (out, ".0");
}

static void
print_indent (GString *out,
              guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Whether a shortened document leaves out all but the first items of
 * @node: lists, and objects that are collections (every member an object,
 * or every member a list: routes by name, a widget's dependencies by
 * handler); not the arguments themselves (depth 0), and not records,
 * whose members differ. */
static gboolean
is_collection (JsonNode *node,
               guint     depth)
{
  if (depth == 0)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > SHORTENED_ITEMS + 1;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      JsonNodeType first = JSON_NODE_NULL;

      if (json_object_get_size (object) <= SHORTENED_ITEMS + 1)
        return FALSE;
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        {
          if (first == JSON_NODE_NULL)
            first = JSON_NODE_TYPE (member);
          if (JSON_NODE_TYPE (member) != first ||
              (first != JSON_NODE_OBJECT && first != JSON_NODE_ARRAY))
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

static void print_node (Printer *p, JsonNode *node, const char *path, guint depth);

/* One member or item of a container; @key is NULL in lists. */
static void
print_child (Printer    *p,
             const char *key,
             JsonNode   *child,
             const char *path,
             guint       depth,
             gboolean    last)
{
  print_indent (p->out, depth + 1);
  if (key != NULL)
    {
      print_string (p->out, key);
      g_string_append (p->out, ": ");
    }
  print_node (p, child, path, depth + 1);
  g_string_append (p->out, last ? "\n" : ",\n");
}

/* 2-space indentation, `"key": value`, empty containers on one line: the
 * format of the example files. */
static void
print_node (Printer    *p,
            JsonNode   *node,
            const char *path,
            guint       depth)
{
  gboolean cut = p->shorten && is_collection (node, depth);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        guint size = json_object_get_size (object);
        guint shown = cut ? SHORTENED_ITEMS : size;
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        guint i = 0;

        if (size == 0)
          {
            g_string_append (p->out, "{}");
            return;
          }
        if (cut)
          g_ptr_array_add (p->notes, g_strdup_printf ("`%s` shows %u of its %u members", path, shown, size));
        g_string_append (p->out, "{\n");
        json_object_iter_init_ordered (&iter, object);
        while (i < shown && json_object_iter_next_ordered (&iter, &key, &member))
          {
            g_autofree char *sub = path[0] != '\0' ? g_strconcat (path, ".", key, NULL) : g_strdup (key);

            print_child (p, key, member, sub, depth, ++i == shown);
          }
        print_indent (p->out, depth);
        g_string_append_c (p->out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        guint shown = cut ? SHORTENED_ITEMS : length;

        if (length == 0)
          {
            g_string_append (p->out, "[]");
            return;
          }
        if (cut)
          g_ptr_array_add (p->notes, g_strdup_printf ("`%s` shows %u of its %u items", path, shown, length));
        g_string_append (p->out, "[\n");
        for (guint i = 0; i < shown; i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

            print_child (p, NULL, json_array_get_element (array, i), sub, depth, i + 1 == shown);
          }
        print_indent (p->out, depth);
        g_string_append_c (p->out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (p->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          print_string (p->out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (p->out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          print_double (p->out, json_node_get_double (node));
          break;
        case G_TYPE_INT64:
        default:
          g_string_append_printf (p->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        }
      break;
    }
}

/* Runs @text through a dispatcher without listeners: it must decode as the
 * event's arguments and come back as it went in. */
static void
check_round_trip (Event                *e,
                  MibewEventDispatcher *dispatcher,
                  const char           *text,
                  const char           *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *result = NULL;

  node = mibew_event_dispatcher_parse_json (dispatcher, text, -1, &error);
  if (node == NULL)
    {
      event_note (e, "the %s example is not a JSON document: %s", what, error->message);
      return;
    }
  expected = mibew_json_to_data (node, FALSE);
  result = mibew_event_dispatcher_trigger_json_data (dispatcher, e->name, text, -1, &error);
  if (result == NULL)
    event_note (e, "the %s example does not decode: %s", what, error->message);
  else if (strcmp (result, expected) != 0)
    event_note (e, "the %s example does not come back as it went in", what);
}

static void
read_example (Event                *e,
              const char           *examples_dir,
              MibewEventDispatcher *dispatcher,
              GPtrArray            *read_files)
{
  g_autofree char *file_name = g_strconcat (e->name, ".json", NULL);
  g_autofree char *path = g_build_filename (examples_dir, file_name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length = 0;

  e->example_file = g_build_filename ("tests", "data", "events", file_name, NULL);
  g_ptr_array_add (read_files, g_strdup (path));
  if (!g_file_get_contents (path, &text, &length, &error))
    {
      event_note (e, "no example: %s", error->message);
      return;
    }
  node = mibew_event_dispatcher_parse_json (dispatcher, text, length, &error);
  if (node == NULL)
    {
      event_note (e, "%s is not a JSON document: %s", path, error->message);
      return;
    }
  check_round_trip (e, dispatcher, text, "whole");

  /* its top-level keys against the arguments */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *key;

      for (guint i = 0; i < e->arguments->len; i++)
        {
          Argument *a = e->arguments->pdata[i];

          if (a->required && !json_object_has_member (object, a->key))
            event_note (e, "the example lacks the required key %s", a->key);
        }
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &key, NULL))
        {
          gboolean known = FALSE;

          for (guint i = 0; i < e->arguments->len && !known; i++)
            known = strcmp (((Argument *) e->arguments->pdata[i])->key, key) == 0;
          if (!known)
            g_ptr_array_add (e->unknown_keys, g_strdup (key));
        }
    }

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      e->example_lines++;
  if (length > 0 && text[length - 1] != '\n')
    e->example_lines++;

  if (e->example_lines <= EXAMPLE_MAX_LINES)
    {
      /* shown as it is in the file */
      g_strchomp (text);
      e->example = g_steal_pointer (&text);
    }
  else
    {
      Printer printer = { g_string_new (NULL), TRUE, e->shortened };

      print_node (&printer, node, "", 0);
      e->example = g_string_free (printer.out, FALSE);
      if (e->shortened->len == 0)
        event_note (e, "the example is %u lines long, and has nothing to shorten", e->example_lines);
      else
        check_round_trip (e, dispatcher, e->example, "shortened");
    }
}

static Event *
event_new (const char           *name,
           const char           *examples_dir,
           MibewEventDispatcher *dispatcher,
           GPtrArray            *read_files)
{
  g_autoptr(Event) e = g_new0 (Event, 1);
  g_autoptr(GTypeClass) dispatcher_class = g_type_class_ref (MIBEW_TYPE_EVENT_DISPATCHER);
  g_autoptr(GError) error = NULL;
  g_autofree char *signal_snake = NULL;
  g_autofree char *category_snake = NULL;
  JsonObject *description;
  GParamSpec *category_pspec;
  const char *args_type_name;
  guint signal_id;
  int value;

  e->notes = g_ptr_array_new_with_free_func (g_free);
  e->arguments = g_ptr_array_new_with_free_func ((GDestroyNotify) argument_free);
  e->shortened = g_ptr_array_new_with_free_func (g_free);
  e->unknown_keys = g_ptr_array_new_with_free_func (g_free);
  e->name = name;

  e->description = mibew_event_dispatcher_get_event_description (name, &error);
  if (e->description == NULL)
    g_error ("mibew_event_dispatcher_list_events() lists %s, which it cannot describe: %s",
             name, error->message);
  if (!JSON_NODE_HOLDS_OBJECT (e->description))
    g_error ("the description of %s is not an object", name);
  description = json_node_get_object (e->description);

  if (g_strcmp0 (member_string (description, "name"), name) != 0)
    event_note (e, "the description is of “%s”", member_string (description, "name"));
  e->constant = member_string (description, "constant");
  e->category_nick = member_string (description, "category");
  e->signal_name = member_string (description, "signal");
  e->kind_nick = member_string (description, "kind");
  e->fold = member_string (description, "fold");
  e->answer_key = member_string (description, "answer");
  e->returns = member_string (description, "returns");
  args_type_name = member_string (description, "arguments_type");
  if (e->constant == NULL || e->category_nick == NULL || e->signal_name == NULL ||
      e->kind_nick == NULL || e->fold == NULL || args_type_name == NULL)
    g_error ("the description of %s lacks a member", name);

  value = enum_value_by_nick (MIBEW_TYPE_EVENT_CATEGORY, e->category_nick);
  if (value < 0)
    g_error ("%s: no category “%s”", name, e->category_nick);
  e->category = value;
  value = enum_value_by_nick (MIBEW_TYPE_EVENT_KIND, e->kind_nick);
  if (value < 0)
    g_error ("%s: no kind “%s”", name, e->kind_nick);
  e->kind = value;
  e->args_type = lookup_type (args_type_name);
  if (e->args_type == G_TYPE_INVALID || !g_type_is_a (e->args_type, MIBEW_TYPE_EVENT_ARGS))
    g_error ("%s: “%s” is no arguments class", name, args_type_name);

  /* the category object: the dispatcher's property named after it */
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
  category_snake = kebab_to_snake (e->category_nick, FALSE);
  e->snake = g_strdup_printf ("%s_%s", category_snake, signal_snake);
  e->constant_from_signal = g_ascii_strup (e->snake, -1);

  read_arguments (e, description);
  check_consistency (e);
  if (examples_dir != NULL)
    read_example (e, examples_dir, dispatcher, read_files);

  return g_steal_pointer (&e);
}

/* ---------------------------------------------------------------------- */
/* writing                                                                */

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

  if (lookup_symbol (getter) == NULL)
    return NULL;
  return g_steal_pointer (&getter);
}

/* A table cell: no line breaks, no column separators. */
static char *
table_cell (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (s, "\\|");
      else if (*p == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
write_answer_text (GString *out,
                   Event   *e)
{
  g_autofree char *answer_type = type_link (e->return_type);
  g_autofree char *target = e->answer != NULL ? property_link (e->answer->pspec)
                                              : g_strdup ("the arguments");

  switch (e->kind)
    {
    case MIBEW_EVENT_KIND_NOTIFY:
      if (e->arguments->len == 0)
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
                            "previous ones changed; the emitter reads the final values of those "
                            "it uses (see the table). ");
      if (g_strcmp0 (e->fold, "chain") == 0)
        g_string_append_printf (out, "A handler may instead return a new value of type %s "
                                     "to replace %s (accumulator: `chain`): the next listener "
                                     "sees it.",
                                answer_type, target);
      else if (g_strcmp0 (e->fold, "merge") == 0)
        g_string_append_printf (out, "A handler may instead return a %s whose members are "
                                     "merged into %s, replacing members of the same name "
                                     "(accumulator: `merge`).",
                                answer_type, target);
      else if (g_strcmp0 (e->fold, "append") == 0)
        g_string_append_printf (out, "A handler may instead return a %s whose items are "
                                     "appended to %s (accumulator: `append`).",
                                answer_type, target);
      else
        g_string_append_printf (out, "A handler may instead return a %s.", answer_type);
      g_string_append (out, " Returning `NULL` (`None`, `null`) changes nothing.\n");
      break;

    case MIBEW_EVENT_KIND_OUT:
      g_string_append_printf (out, "%s is an out slot that starts empty%s. A listener answers by "
                                   "filling it or by returning a %s. The first answer wins and "
                                   "ends the emission: later listeners do not run "
                                   "(accumulator: `first-wins`). When nobody answered, the "
                                   "emitter falls back to its default. Returning `NULL` "
                                   "(`None`, `null`) leaves the slot to the next listener.\n",
                              target,
                              e->answer != NULL && e->answer->false_means_none
                                ? " (`false` in the JSON form)" : "",
                              answer_type);
      break;

    case MIBEW_EVENT_KIND_CALL:
      g_string_append_printf (out, "Listeners add to %s, or return a %s whose members are merged "
                                   "into it, later keys winning (accumulator: `merge`). The "
                                   "signal is detailed by the function name: connect to `%s::%s`, "
                                   "or attach to `%s::%s`, to see only that function.\n",
                              target, answer_type,
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
  g_autofree char *args_link = type_link (e->args_type);

  if (e->arguments->len == 0)
    {
      g_string_append_printf (out, "Arguments: none; the signal gets a plain %s.\n\n", args_link);
      return;
    }

  g_string_append_printf (out, "Arguments: %s, with these properties:\n\n", args_link);
  g_string_append (out, "| JSON key | Property | Type | Description | Listeners may change it | "
                        "The emitter uses it | C getter | Python / GJS |\n");
  g_string_append (out, "|---|---|---|---|---|---|---|---|\n");
  for (guint i = 0; i < e->arguments->len; i++)
    {
      Argument *a = e->arguments->pdata[i];
      g_autofree char *link = property_link (a->pspec);
      g_autofree char *type = describe_value_type (a);
      g_autofree char *description = table_cell (a->description);
      g_autofree char *getter = getter_name (a->pspec);
      g_autofree char *attr = kebab_to_snake (a->pspec->name, FALSE);
      const char *change;

      if ((a->pspec->flags & G_PARAM_WRITABLE) == 0)
        change = "no (read-only)";
      else if (a == e->answer && e->kind == MIBEW_EVENT_KIND_OUT)
        change = "yes: it is the answer";
      else
        change = "yes";

      g_string_append_printf (out, "| `%s` | %s%s | %s | %s | %s | %s | %s%s%s | `args.props.%s` / `args.%s` |\n",
                              a->key, link, a == e->answer ? " (answer)" : "",
                              type, description, change, a->used ? "yes" : "no",
                              getter != NULL ? "`" : "",
                              getter != NULL ? getter : "—",
                              getter != NULL ? "()`" : "",
                              attr, attr);
    }
  g_string_append (out, "\n");
}

/* "`thread` (`Thread`) and `original_thread` (`Thread`, optional)" */
static void
write_json_keys (GString *out,
                 Event   *e)
{
  g_string_append (out, "**JSON form.** ");
  if (e->arguments->len == 0)
    {
      g_string_append (out, "An empty object, `{}`, with no keys (`[]`, which is how PHP's "
                            "`json_encode()` writes an empty array, reads the same).\n\n");
      return;
    }
  g_string_append (out, e->arguments->len == 1 ? "An object with the key " : "An object with the keys ");
  for (guint i = 0; i < e->arguments->len; i++)
    {
      Argument *a = e->arguments->pdata[i];

      if (i > 0)
        g_string_append (out, i + 1 == e->arguments->len ? " and " : ", ");
      g_string_append_printf (out, "`%s` (`%s`%s%s%s)", a->key, a->json_type,
                              a->required ? "" : ", optional",
                              a->nullable ? ", may be null" : "",
                              a->false_means_none ? ", `false` for none" : "");
    }
  g_string_append (out, ".\n\n");
}

static void
write_json_example (GString *out,
                    Event   *e)
{
  if (e->example == NULL)
    return;

  if (e->shortened->len == 0)
    g_string_append_printf (out, "Example, `%s` from the source tree, in full:\n\n", e->example_file);
  else
    {
      g_string_append_printf (out, "Example, `%s` from the source tree (%u lines), shortened here: ",
                              e->example_file, e->example_lines);
      for (guint i = 0; i < e->shortened->len; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", (const char *) e->shortened->pdata[i]);
      g_string_append (out, ". What is left is still a valid document for the event.\n\n");
    }
  g_string_append_printf (out, "```json\n%s\n```\n\n", e->example);

  if (e->unknown_keys->len > 0)
    {
      for (guint i = 0; i < e->unknown_keys->len; i++)
        g_string_append_printf (out, "%s`%s`", i == 0 ? "" : i + 1 == e->unknown_keys->len ? " and " : ", ",
                                (const char *) e->unknown_keys->pdata[i]);
      g_string_append_printf (out, " %s no argument of the event: like any key nobody documents, "
                                   "it is kept and written back as it came.\n\n",
                              e->unknown_keys->len == 1 ? "is" : "are");
    }

  g_string_append_printf (out, "From the command line, `mibew-events trigger %s %s` runs it through "
                               "the dispatcher and prints the arguments as the listeners left "
                               "them.\n\n",
                          e->name, e->example_file);
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
  const char *target = e->answer != NULL ? e->answer->pspec->name : "the arguments";
  const char *none = lang == LANG_C ? "NULL" : lang == LANG_PYTHON ? "None" : "null";

  switch (e->kind)
    {
    case MIBEW_EVENT_KIND_ALTER:
      if (g_strcmp0 (e->fold, "merge") == 0)
        return g_strdup_printf ("change the arguments in place, or return a %s to merge into %s; %s changes nothing",
                                type, target, none);
      if (g_strcmp0 (e->fold, "append") == 0)
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
      if (e->arguments->len == 0)
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

  for (guint i = 0; i < e->arguments->len; i++)
    {
      Argument *a = e->arguments->pdata[i];
      g_autofree char *attr = kebab_to_snake (a->pspec->name, FALSE);

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
  if (e->arguments->len > 0)
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
  if (e->arguments->len > 0)
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
  g_autofree char *args_link = type_link (e->args_type);
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
  g_string_append_printf (out, "| Kind | %s |\n", e->kind_nick);
  g_string_append_printf (out, "| Arguments class | %s |\n", args_link);
  g_string_append_printf (out, "| Handlers return | %s |\n", ret);
  if (e->answer != NULL)
    {
      g_autofree char *target = property_link (e->answer->pspec);

      g_string_append_printf (out, "| Answers | `%s` into `%s` (%s) |\n\n", e->fold, e->answer_key, target);
    }
  else
    g_string_append_printf (out, "| Answers | `%s`: there is nothing to answer |\n\n", e->fold);

  if (strcmp (e->constant, e->constant_from_signal) != 0)
    g_string_append_printf (out,
                            "Mibew names this constant after the event, `%s`, not after the "
                            "category object and signal (`%s` + `%s` would give `%s`).\n\n",
                            e->name, e->category_nick, e->signal_name, e->constant_from_signal);

  write_arguments (out, e);

  g_string_append (out, "What a listener may change: ");
  write_answer_text (out, e);
  g_string_append (out, "\n");

  write_json_keys (out, e);
  write_json_example (out, e);

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
    "as the library registers them: it is generated by `gen-events-guide` from the library's "
    "description of its event table ([func@MibewEvents.EventDispatcher.list_events] and "
    "[func@MibewEvents.EventDispatcher.get_event_description]), the same table the "
    "dispatcher, the signals and the JSON codec come from. `mibew-events describe EVENT` "
    "prints the same description. For how the dispatcher, the category objects and the "
    "arguments work together, read the [overview](overview.html); for the JSON form of the "
    "arguments, [JSON](json.html).\n"
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
    "\n"
    "## Reading an event's section\n"
    "\n"
    "Each argument is a property of the arguments object and a key of the JSON form. The "
    "table of arguments gives both names, the property's type (for lists, what they hold), "
    "whether a listener may change it, and whether the emitter uses the value the listeners "
    "leave: for notify events it never does, they only report what happened. \"(answer)\" "
    "marks the argument the values handlers return are folded into.\n"
    "\n"
    "The JSON form is an object with one key per argument, the keys of Mibew's PHP `$args` "
    "array; the types are those of `mibew-events describe` (`int` accepts numeric strings "
    "such as `\"42\"`, `dict` is a JSON object, `[Message]` a list of messages). Keys not "
    "listed are kept and written back where they were. \"`false` for none\" marks Mibew's "
    "placeholders: `false` until a listener fills the slot. `mibew-events schema EVENT` "
    "prints the JSON Schema of an event's arguments. Each section shows a realistic document "
    "from the source tree's `tests/data/events`, whole or, for the few long ones, shortened "
    "(it says which), and how to run it through the dispatcher with `mibew-events trigger`.\n"
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
    "| # | Event name | Mibew constant | Signal | Kind | Answers |\n"
    "|---|---|---|---|---|---|\n");
  for (guint i = 0; i < events->len; i++)
    {
      Event *e = events->pdata[i];
      g_autofree char *anchor = g_ascii_strdown (e->name, -1);
      g_autofree char *answers = e->answer_key != NULL
        ? g_strdup_printf ("`%s` into `%s`", e->fold, e->answer_key)
        : g_strdup ("—");

      g_string_append_printf (out, "| %u | [`%s`](#%s) | `%s` | `%s::%s` | %s | %s |\n",
                              i + 1, e->name, anchor, e->constant,
                              g_type_name (e->emitter_type), e->signal_name,
                              e->kind_nick, answers);
    }
  g_string_append (out, "\n");
}

static char *
generate (const char *examples_dir,
          GPtrArray  *read_files)
{
  const char * const *names = mibew_event_dispatcher_list_events ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GTypeClass) categories_class = g_type_class_ref (MIBEW_TYPE_EVENT_CATEGORY);
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  GEnumClass *categories = G_ENUM_CLASS (categories_class);
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (events, event_new (names[i], examples_dir, dispatcher, read_files));

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

/* "OUTPUT: FILE FILE ...", Makefile syntax, for ninja */
static gboolean
write_depfile (const char  *depfile,
               const char  *target,
               GPtrArray   *read_files,
               GError     **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = target; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\\' || *p == '#' || *p == ':')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, ':');
  for (guint i = 0; i < read_files->len; i++)
    {
      g_string_append (s, " \\\n ");
      for (const char *p = read_files->pdata[i]; *p != '\0'; p++)
        {
          if (*p == ' ' || *p == '\\' || *p == '#')
            g_string_append_c (s, '\\');
          else if (*p == '$')
            g_string_append_c (s, '$');
          g_string_append_c (s, *p);
        }
    }
  g_string_append_c (s, '\n');
  return g_file_set_contents (depfile, s->str, s->len, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *output = NULL;
  g_autofree char *examples = NULL;
  g_autofree char *depfile = NULL;
  gboolean strict = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the guide to FILE (default: standard output)", "FILE" },
    { "examples", 0, 0, G_OPTION_ARG_FILENAME, &examples, "Show the JSON documents DIR/EVENT.json as examples", "DIR" },
    { "depfile", 0, 0, G_OPTION_ARG_FILENAME, &depfile, "Write the files read to FILE, for make or ninja (needs --output)", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Fail if anything could not be derived cleanly", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— write the events guide");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read_files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *guide = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gen-events-guide: %s\n", error->message);
      return 2;
    }
  if (depfile != NULL && output == NULL)
    {
      g_printerr ("gen-events-guide: --depfile needs --output\n");
      return 2;
    }
  if (examples == NULL)
    {
      g_printerr ("gen-events-guide: no --examples: the guide shows no JSON documents\n");
      strict_problems = TRUE;
    }

  guide = generate (examples, read_files);

  /* not g_print(): it would convert the UTF-8 to the locale's charset */
  if (output == NULL)
    fwrite (guide, 1, strlen (guide), stdout);
  else if (!g_file_set_contents (output, guide, -1, &error))
    {
      g_printerr ("gen-events-guide: %s\n", error->message);
      return 1;
    }
  if (depfile != NULL && !write_depfile (depfile, output, read_files, &error))
    {
      g_printerr ("gen-events-guide: %s\n", error->message);
      return 1;
    }

  return strict && strict_problems ? 1 : 0;
}
