/* mibew-events-tool.c: the `mibew-events` command line
 *
 *   mibew-events list [--json]
 *   mibew-events describe EVENT
 *   mibew-events schema [EVENT]
 *   mibew-events trigger EVENT [FILE|-] [--pretty] [--demo]
 *   mibew-events trigger --jsonl [FILE|-] [--demo]
 *   mibew-events serve [--config FILE] [--address A] [--port P | --listen SPEC]
 *                      [--secret-file F] [--plugin-dir DIR]... [--check-config]
 *
 * Exit status: 0 on success, 1 with a one-line message on stderr for bad
 * input (the library's GError message, which names the JSON path; for
 * serve, a configuration that does not check out or an address it cannot
 * listen on), 2 for usage errors, with a short usage hint.
 *
 * serve is mibew-events-serve.c, built with the HTTP bridge only
 * (MIBEW_TOOL_HAVE_BRIDGE); without it the command is still listed, and
 * says that it is not available.
 *
 * Everything printed as JSON goes to stdout byte for byte (UTF-8 whatever
 * the locale); text for people goes through g_print()/g_printerr(), which
 * convert to the locale's charset.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define _POSIX_C_SOURCE 200809L /* getline() */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <mibew-events/mibew-events.h>

#include "demo-listeners.h"
#ifdef MIBEW_TOOL_HAVE_BRIDGE
#include "mibew-events-serve.h"
#endif

#define PROGRAM "mibew-events"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

typedef struct _Command Command;

struct _Command
{
  const char *name;
  const char *parameters;   /* N_(): the synopsis after the command name */
  const char *summary;      /* N_(): one line, for `mibew-events --help` */
  const char *description;  /* N_(): below the options, or NULL */
  const GOptionEntry *entries;
  int (*run) (const Command *command, char **args);
};

/* Options, shared by the commands (each context only fills its own) */
static gboolean opt_version;
static gboolean opt_json;
static gboolean opt_pretty;
static gboolean opt_jsonl;
static gboolean opt_demo;
static char *opt_config;
static char *opt_listen;
static char *opt_address;
static int opt_port = G_MININT;   /* G_MININT: not given */
static char *opt_secret_file;
static char **opt_plugin_dirs;
static gboolean opt_check_config;
static char **opt_args;

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print the event descriptions as a JSON array"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry args_only_entries[] = {
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry trigger_entries[] = {
  { "pretty", 0, 0, G_OPTION_ARG_NONE, &opt_pretty,
    N_("Pretty-print the changed arguments"), NULL },
  { "jsonl", 0, 0, G_OPTION_ARG_NONE, &opt_jsonl,
    N_("Read one {\"event\", \"args\"} object per line and answer one line each"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, &opt_demo,
    N_("Attach the built-in example listeners"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry serve_entries[] = {
  { "config", 0, 0, G_OPTION_ARG_FILENAME, &opt_config,
    N_("Read the configuration from FILE (reread on SIGHUP)"), N_("FILE") },
  { "address", 0, 0, G_OPTION_ARG_STRING, &opt_address,
    N_("Listen on the IP address ADDRESS (default 127.0.0.1)"), N_("ADDRESS") },
  { "port", 0, 0, G_OPTION_ARG_INT, &opt_port,
    N_("Listen on the TCP port PORT (default 8931; 0 for a free one)"), N_("PORT") },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Listen on SPEC: ADDRESS[:PORT], [IPV6]:PORT, unix:PATH or systemd"), N_("SPEC") },
  { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_secret_file,
    N_("Accept only requests signed with the secret in FILE"), N_("FILE") },
  { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_plugin_dirs,
    N_("Load the plugins of DIR (may be given more than once)"), N_("DIR") },
  { "check-config", 0, 0, G_OPTION_ARG_NONE, &opt_check_config,
    N_("Check the configuration, say where the server would listen, and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, NULL },
  G_OPTION_ENTRY_NULL
};

static int run_list     (const Command *command, char **args);
static int run_describe (const Command *command, char **args);
static int run_schema   (const Command *command, char **args);
static int run_trigger  (const Command *command, char **args);
static int run_serve    (const Command *command, char **args);
static int run_help     (const Command *command, char **args);

static const Command commands[] = {
  { "list", "",
    N_("List every event with its category, signal and kind"),
    NULL,
    list_entries, run_list },
  { "describe", N_("EVENT"),
    N_("Describe an event: its arguments, what listeners may change, how answers fold"),
    NULL,
    args_only_entries, run_describe },
  { "schema", N_("[EVENT]"),
    N_("Print the JSON Schema of an event's arguments (of every event without EVENT)"),
    NULL,
    args_only_entries, run_schema },
  { "trigger", N_("EVENT [FILE|-]"),
    N_("Run an event's JSON arguments through the dispatcher and print the changed arguments"),
    N_("The arguments are read from FILE, or from the standard input when FILE is “-” or not\n"
       "given. With --jsonl, EVENT is not given: every input line is an object\n"
       "{\"event\": NAME, \"args\": {…}} and gets one answer line, {\"event\": NAME, \"args\": {…}}\n"
       "or {\"event\": NAME, \"error\": {\"code\": …, \"message\": …}}; the exit status is 1 if\n"
       "any line failed.\n"
       "\n"
       "--demo attaches example listeners: a profanity filter (threadPostMessage), the\n"
       "“microtime” API function (threadFunctionCall, usersFunctionCall) and the\n"
       "“usefulFunc” widget handler (widgetResponseAlter)."),
    trigger_entries, run_trigger },
  { "serve", "",
    N_("Serve the events over HTTP to a Mibew server (the bridge)"),
    N_("Mibew's PHP plugin posts each event to POST /v1/events/EVENT; the event runs\n"
       "through the dispatcher and the plugins loaded, and the answer holds the\n"
       "changed arguments. GET /v1/events, /v1/health and /metrics tell about the\n"
       "server. It listens on 127.0.0.1:8931 unless told otherwise, and beyond\n"
       "loopback only with a secret.\n"
       "\n"
       "The options override the configuration file, also when SIGHUP makes the\n"
       "server read it again (without dropping a request). SIGTERM and SIGINT shut\n"
       "it down gracefully: the requests in flight are answered, then it exits\n"
       "with status 0.\n"
       "\n"
       "Plugins are loaded from the directories of --plugin-dir and of the\n"
       "configuration's [plugins] dirs, and only from those."),
    serve_entries, run_serve },
  { "help", N_("[COMMAND]"),
    N_("Show the help of the tool or of a command"),
    NULL,
    args_only_entries, run_help },
};

/* Helpers */

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static guint
count_args (char **args)
{
  return args != NULL ? g_strv_length (args) : 0;
}

/* One line, whatever the message holds. */
static char *
one_line (const char *message)
{
  char *line = g_strdup (message);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  return line;
}

/* Bad input: "mibew-events: MESSAGE" on stderr, exit status 1. */
static int
fail (const char *message)
{
  g_autofree char *line = one_line (message);

  g_printerr ("%s: %s\n", PROGRAM, line);
  return EXIT_BAD_INPUT;
}

static int
fail_error (const GError *error)
{
  return fail (error->message);
}

/* Usage errors: the message, the command's synopsis and where to read
 * more; exit status 2. */
static int usage_error (const Command *command,
                        const char    *format,
                        ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const Command *command,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  g_printerr ("%s: %s\n", PROGRAM, message);
  if (command != NULL)
    {
      if (command->parameters[0] != '\0')
        g_printerr (_("Usage: %s %s [OPTION…] %s\n"), PROGRAM, command->name, _(command->parameters));
      else
        g_printerr (_("Usage: %s %s [OPTION…]\n"), PROGRAM, command->name);
      g_printerr (_("Run “%s %s --help” for more information.\n"), PROGRAM, command->name);
    }
  else
    {
      g_printerr (_("Usage: %s [OPTION…] COMMAND [ARGUMENT…]\n"), PROGRAM);
      g_printerr (_("Run “%s --help” for the list of commands.\n"), PROGRAM);
    }
  return EXIT_USAGE;
}

/* Writes @len bytes of @data and a newline to stdout as they are. */
static gboolean
write_out (const char *data,
           gsize       len)
{
  if (fwrite (data, 1, len, stdout) != len || fputc ('\n', stdout) == EOF)
    return FALSE;
  return fflush (stdout) == 0;
}

static int
write_out_or_fail (const char *data,
                   gsize       len)
{
  if (!write_out (data, len))
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not write the output: %s"),
                                                  g_strerror (saved_errno));

      return fail (message);
    }
  return EXIT_OK;
}

/* mibew_json_to_data(), not JsonGenerator: json-glib writes some doubles
 * as 1e+17.0, which is not JSON */
static int
print_json (JsonNode *node,
            gboolean  pretty)
{
  g_autofree char *text = mibew_json_to_data (node, pretty);

  return write_out_or_fail (text, strlen (text));
}

static char *
generate_compact (JsonNode *node,
                  gsize    *len)
{
  char *text = mibew_json_to_data (node, FALSE);

  *len = strlen (text);
  return text;
}

/* The description of a known event; NULL with @error set (the library's
 * "Unknown event “…”") otherwise. */
static JsonObject *
describe_event (const char  *event,
                GError     **error)
{
  g_autoptr(JsonNode) node = mibew_event_dispatcher_get_event_description (event, error);

  if (node == NULL)
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_boolean (JsonObject *object,
                const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* Prints @text and pads it to @width characters. */
static void
print_padded (const char *text,
              gsize       width)
{
  gsize len = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (; len < width; len++)
    g_print (" ");
}

static gsize
max_width (gsize       width,
           const char *text)
{
  return MAX (width, (gsize) g_utf8_strlen (text != NULL ? text : "", -1));
}

/* Reads all of @path ("-" or NULL: the standard input). */
static gboolean
read_input (const char  *path,
            char       **data,
            gsize       *len,
            GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  char chunk[65536];
  size_t n;

  if (path != NULL && strcmp (path, "-") != 0)
    return g_file_get_contents (path, data, len, error);

  buffer = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buffer, chunk, n);
  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read the standard input: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  *len = buffer->len;
  *data = g_string_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/* Parsing */

static GOptionContext *
command_context_new (const Command *command)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  if (command->description != NULL)
    g_option_context_set_description (context, command->description);
  return context;
}

static char *
command_help (const Command *command)
{
  g_autoptr(GOptionContext) context = command_context_new (command);
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);
  char *help;

  /* the "Usage:" line starts with the program's name */
  g_set_prgname (prgname);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_set_prgname (PROGRAM);
  return help;
}

static GOptionContext *
main_context_new (void)
{
  GOptionContext *context = g_option_context_new (N_("COMMAND [ARGUMENT…]"));
  g_autoptr(GString) description = g_string_new (NULL);
  gsize width = 0;

  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* stop at the command: its options are its own */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
                                N_("Inspect Mibew Messenger's events and run them through the dispatcher."));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = max_width (width, commands[i].name);
  g_string_append (description, _("Commands:"));
  g_string_append_c (description, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-*s  %s\n", (int) width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (description, '\n');
  g_string_append_printf (description, _("Run “%s COMMAND --help” for the options of a command."),
                          PROGRAM);
  g_option_context_set_description (context, description->str);
  return context;
}

/* list */

static int
run_list (const Command  *command,
          char          **args)
{
  const char * const *events = mibew_event_dispatcher_list_events ();
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  /* TRANSLATORS: the column headers of `mibew-events list` */
  const char *headers[] = { _("EVENT"), _("CATEGORY"), _("SIGNAL"), _("KIND") };
  const char *keys[] = { "name", "category", "signal", "kind" };
  gsize widths[G_N_ELEMENTS (keys)] = { 0, };

  if (count_args (args) > 0)
    return usage_error (command, _("unexpected argument “%s”"), args[0]);

  for (guint i = 0; events[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonObject *description = describe_event (events[i], &error);

      if (description == NULL)
        return fail_error (error);
      g_ptr_array_add (descriptions, description);
    }

  if (opt_json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = NULL;

      for (guint i = 0; i < descriptions->len; i++)
        json_array_add_object_element (array, json_object_ref (g_ptr_array_index (descriptions, i)));
      root = json_node_init_array (json_node_alloc (), array);
      return print_json (root, TRUE);
    }

  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    {
      widths[c] = max_width (0, headers[c]);
      for (guint i = 0; i < descriptions->len; i++)
        widths[c] = max_width (widths[c], member_string (g_ptr_array_index (descriptions, i), keys[c]));
    }

  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    {
      if (c + 1 < G_N_ELEMENTS (keys))
        {
          print_padded (headers[c], widths[c]);
          g_print ("  ");
        }
      else
        g_print ("%s\n", headers[c]);
    }
  for (guint i = 0; i < descriptions->len; i++)
    {
      JsonObject *description = g_ptr_array_index (descriptions, i);

      for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
        {
          const char *value = member_string (description, keys[c]);

          if (c + 1 < G_N_ELEMENTS (keys))
            {
              print_padded (value != NULL ? value : "", widths[c]);
              g_print ("  ");
            }
          else
            g_print ("%s\n", value != NULL ? value : "");
        }
    }
  return fflush (stdout) == 0 ? EXIT_OK : fail (_("Could not write the output"));
}

/* describe */

/* "MibewThreadEvents": the type of the dispatcher's property @category */
static const char *
category_type_name (const char *category)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (MIBEW_TYPE_EVENT_DISPATCHER);
  GParamSpec *pspec = category != NULL ? g_object_class_find_property (G_OBJECT_CLASS (klass), category) : NULL;

  return pspec != NULL ? g_type_name (pspec->value_type) : NULL;
}

static char *
fold_explanation (const char *fold,
                  const char *answer,
                  const char *returns)
{
  if (answer == NULL)
    answer = "?";
  if (returns == NULL)
    returns = "?";

  if (g_strcmp0 (fold, "chain") == 0)
    return g_strdup_printf (_("A listener changes “%s” in place, or returns a new value (%s) that "
                              "replaces it before the next listener runs."), answer, returns);
  if (g_strcmp0 (fold, "first-wins") == 0)
    return g_strdup_printf (_("A listener fills “%s”, or returns a value (%s); the first answer wins "
                              "and ends the emission. Nobody answering leaves the emitter's default."),
                            answer, returns);
  if (g_strcmp0 (fold, "merge") == 0)
    return g_strdup_printf (_("A listener adds to “%s”, or returns a dictionary (%s) that is merged "
                              "into it, later keys winning."), answer, returns);
  if (g_strcmp0 (fold, "append") == 0)
    return g_strdup_printf (_("A listener changes “%s” in place, or returns items (%s) that are "
                              "appended to it."), answer, returns);
  return g_strdup (_("Listeners' return values are ignored."));
}

static int
run_describe (const Command  *command,
              char          **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) description = NULL;
  g_autoptr(GPtrArray) changeable = g_ptr_array_new ();
  const char *labels[] = { _("Mibew constant:"), _("Category:"), _("Signal:"), _("Kind:"),
                           _("Arguments type:") };
  const char *name, *category, *signal_name, *kind, *fold, *answer, *returns, *category_type;
  g_autofree char *category_text = NULL;
  g_autofree char *signal_text = NULL;
  g_autofree char *explanation = NULL;
  const char *values[G_N_ELEMENTS (labels)];
  JsonArray *arguments;
  gsize label_width = 0;
  gsize widths[2] = { 0, };
  guint n_arguments;

  if (count_args (args) == 0)
    return usage_error (command, _("missing EVENT"));
  if (count_args (args) > 1)
    return usage_error (command, _("unexpected argument “%s”"), args[1]);

  description = describe_event (args[0], &error);
  if (description == NULL)
    return fail_error (error);

  name = member_string (description, "name");
  category = member_string (description, "category");
  signal_name = member_string (description, "signal");
  kind = member_string (description, "kind");
  fold = member_string (description, "fold");
  answer = member_string (description, "answer");
  returns = member_string (description, "returns");
  category_type = category_type_name (category);
  arguments = json_object_get_array_member (description, "arguments");
  n_arguments = arguments != NULL ? json_array_get_length (arguments) : 0;

  category_text = category_type != NULL ? g_strdup_printf ("%s (%s)", category, category_type)
                                        : g_strdup (category);
  signal_text = category_type != NULL ? g_strdup_printf ("%s (%s::%s)", signal_name, category_type, signal_name)
                                      : g_strdup (signal_name);
  values[0] = member_string (description, "constant");
  values[1] = category_text;
  values[2] = signal_text;
  values[3] = kind;
  values[4] = member_string (description, "arguments_type");

  g_print ("%s\n", name);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    label_width = max_width (label_width, labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (values[i] == NULL)
        continue;
      g_print ("  ");
      print_padded (labels[i], label_width);
      g_print (" %s\n", values[i]);
    }

  g_print ("\n%s\n", _("Arguments:"));
  if (n_arguments == 0)
    g_print ("  %s\n", _("none"));
  for (guint i = 0; i < n_arguments; i++)
    {
      JsonObject *argument = json_array_get_object_element (arguments, i);

      widths[0] = max_width (widths[0], member_string (argument, "key"));
      widths[1] = max_width (widths[1], member_string (argument, "type"));
    }
  for (guint i = 0; i < n_arguments; i++)
    {
      JsonObject *argument = json_array_get_object_element (arguments, i);
      g_autoptr(GString) flags = g_string_new (NULL);
      const char *key = member_string (argument, "key");
      const char *argument_description = member_string (argument, "description");

      g_string_append (flags, member_boolean (argument, "required") ? _("required") : _("optional"));
      if (member_boolean (argument, "nullable"))
        g_string_append_printf (flags, ", %s", _("nullable"));
      if (member_boolean (argument, "false_means_none"))
        g_string_append_printf (flags, ", %s", _("false means none"));
      if (member_boolean (argument, "used") && key != NULL)
        g_ptr_array_add (changeable, (gpointer) key);

      g_print ("  ");
      print_padded (key != NULL ? key : "", widths[0]);
      g_print ("  ");
      print_padded (member_string (argument, "type") != NULL ? member_string (argument, "type") : "",
                    widths[1]);
      g_print ("  %s\n", flags->str);
      if (argument_description != NULL)
        g_print ("  %*s  %s\n", (int) widths[0], "", argument_description);
    }

  g_print ("\n%s\n", _("Listeners may change:"));
  if (changeable->len == 0)
    g_print ("  %s\n", _("nothing the emitter uses (listeners are only told)"));
  else
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (changeable, NULL);
      list = g_strjoinv (", ", (char **) changeable->pdata);
      g_print ("  %s\n", list);
    }

  explanation = fold_explanation (fold, answer, returns);
  g_print ("\n%s\n", _("Answers:"));
  /* the keys of the description (and of `list --json`), not words */
  g_print ("  fold: %s\n", fold != NULL ? fold : "none");
  if (answer != NULL)
    g_print ("  answer: %s\n", answer);
  if (returns != NULL)
    g_print ("  returns: %s\n", returns);
  g_print ("  %s\n", explanation);
  if (g_strcmp0 (kind, "call") == 0)
    {
      g_autofree char *detail = g_strdup_printf (_("Detailed by the function name: attach to “%s::NAME” "
                                                   "(signal “%s::NAME”) to see only calls of NAME."),
                                                 name, signal_name);

      g_print ("  %s\n", detail);
    }

  return fflush (stdout) == 0 ? EXIT_OK : fail (_("Could not write the output"));
}

/* schema */

static int
run_schema (const Command  *command,
            char          **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) schema = NULL;

  if (count_args (args) > 1)
    return usage_error (command, _("unexpected argument “%s”"), args[1]);

  schema = mibew_event_dispatcher_get_schema (count_args (args) == 1 ? args[0] : NULL, &error);
  if (schema == NULL)
    return fail_error (error);
  return print_json (schema, TRUE);
}

/* trigger */

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        default:
          return _("a number");
        }
    }
}

/* "unknown-event", "invalid-arguments", ...: the nick of the error code */
static const char *
error_code_name (const GError *error)
{
  if (error->domain == MIBEW_EVENTS_ERROR)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (MIBEW_TYPE_EVENTS_ERROR);
      GEnumValue *value = g_enum_get_value (klass, error->code);

      if (value != NULL)
        return value->value_nick;
    }
  if (error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    return "io-error";
  return "internal-error";
}

/* Answers one line of --jsonl: the envelope, compact, with *@ok telling
 * whether it holds arguments or an error. */
static char *
answer_line (MibewEventDispatcher *dispatcher,
             const char           *line,
             gsize                 len,
             gsize                *answer_len,
             gboolean             *ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonObject) envelope = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *event = NULL;

  document = mibew_event_dispatcher_parse_json (dispatcher, line, len, &error);
  if (document != NULL && !JSON_NODE_HOLDS_OBJECT (document))
    g_set_error (&error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                 _("expected an object {\"event\": NAME, \"args\": {…}}, got %s"),
                 node_kind (document));
  else if (document != NULL)
    {
      JsonObject *object = json_node_get_object (document);
      JsonNode *event_node = json_object_get_member (object, "event");
      JsonNode *args = json_object_get_member (object, "args");

      if (event_node == NULL)
        g_set_error_literal (&error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                             _("event: missing"));
      else if (!JSON_NODE_HOLDS_VALUE (event_node) ||
               json_node_get_value_type (event_node) != G_TYPE_STRING)
        g_set_error (&error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                     _("event: expected a string, got %s"), node_kind (event_node));
      else
        {
          g_autoptr(JsonObject) description = NULL;

          event = json_node_get_string (event_node);
          description = describe_event (event, &error);
          if (description != NULL && args == NULL)
            g_set_error_literal (&error, MIBEW_EVENTS_ERROR, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS,
                                 _("args: missing"));
          else if (description != NULL)
            result = mibew_event_dispatcher_trigger_json (dispatcher, event, args, &error);
        }
    }

  if (event != NULL)
    json_object_set_string_member (envelope, "event", event);
  else
    json_object_set_null_member (envelope, "event");

  if (result != NULL)
    json_object_set_member (envelope, "args", g_steal_pointer (&result));
  else
    {
      JsonObject *error_object = json_object_new ();
      g_autofree char *message = one_line (error != NULL ? error->message : _("unknown error"));

      json_object_set_string_member (error_object, "code",
                                     error != NULL ? error_code_name (error) : "internal-error");
      json_object_set_string_member (error_object, "message", message);
      json_object_set_object_member (envelope, "error", error_object);
    }

  *ok = !json_object_has_member (envelope, "error");
  root = json_node_init_object (json_node_alloc (), envelope);
  return generate_compact (root, answer_len);
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static int
trigger_jsonl (MibewEventDispatcher *dispatcher,
               const char           *path)
{
  FILE *input = stdin;
  char *line = NULL;
  size_t capacity = 0;
  ssize_t n;
  guint answered = 0, failed = 0;
  int status = EXIT_OK;

  if (path != NULL && strcmp (path, "-") != 0)
    {
      input = fopen (path, "rb");
      if (input == NULL)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);
          g_autofree char *message = g_strdup_printf (_("Failed to open file “%s”: %s"),
                                                      display, g_strerror (saved_errno));

          return fail (message);
        }
    }

  while ((n = getline (&line, &capacity, input)) != -1)
    {
      g_autofree char *answer = NULL;
      gsize len = (gsize) n;
      gsize answer_len = 0;
      gboolean ok = FALSE;

      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
      if (is_blank (line, len))
        continue;

      answer = answer_line (dispatcher, line, len, &answer_len, &ok);
      answered++;
      if (!ok)
        failed++;
      if (!write_out (answer, answer_len))
        {
          int saved_errno = errno;
          g_autofree char *message = g_strdup_printf (_("Could not write the output: %s"),
                                                      g_strerror (saved_errno));

          status = fail (message);
          break;
        }
    }

  if (status == EXIT_OK && ferror (input))
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not read the input: %s"),
                                                  g_strerror (saved_errno));

      status = fail (message);
    }
  else if (status == EXIT_OK && failed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u line failed", "%u of %u lines failed",
                                      answered),
                         failed, answered);

      status = fail (message);
    }

  free (line);
  if (input != stdin)
    fclose (input);
  return status;
}

static int
run_trigger (const Command  *command,
             char          **args)
{
  g_autoptr(MibewEventDispatcher) dispatcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) description = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *data = NULL;
  const char *event, *path;
  gsize len = 0;
  guint n_args = count_args (args);

  if (opt_jsonl)
    {
      if (opt_pretty)
        return usage_error (command, _("--pretty cannot be used with --jsonl (one answer per line)"));
      if (n_args > 1)
        return usage_error (command, _("with --jsonl each line names its event: give at most a FILE"));
      if (n_args == 1 && strcmp (args[0], "-") != 0 &&
          mibew_event_dispatcher_describe_event (args[0], NULL, NULL, NULL, NULL) &&
          !g_file_test (args[0], G_FILE_TEST_EXISTS))
        return usage_error (command, _("with --jsonl each line names its event: EVENT is not given"));
    }
  else
    {
      if (n_args == 0)
        return usage_error (command, _("missing EVENT"));
      if (n_args > 2)
        return usage_error (command, _("unexpected argument “%s”"), args[2]);
    }

  dispatcher = mibew_event_dispatcher_new ();
  if (opt_demo && !mibew_demo_attach (dispatcher, &error))
    return fail_error (error);

  if (opt_jsonl)
    return trigger_jsonl (dispatcher, n_args == 1 ? args[0] : NULL);

  event = args[0];
  path = n_args == 2 ? args[1] : NULL;

  /* the event first: no need to wait for input an unknown event refuses */
  description = describe_event (event, &error);
  if (description == NULL)
    return fail_error (error);
  if (!read_input (path, &data, &len, &error))
    return fail_error (error);

  /* parse_json + trigger_json rather than trigger_json_data: the same
   * parser and limits, and one path for compact and pretty output */
  node = mibew_event_dispatcher_parse_json (dispatcher, data, len, &error);
  if (node == NULL)
    return fail_error (error);
  result = mibew_event_dispatcher_trigger_json (dispatcher, event, node, &error);
  if (result == NULL)
    return fail_error (error);
  return print_json (result, opt_pretty);
}

/* serve */

static int
run_serve (const Command  *command,
           char          **args)
{
  if (count_args (args) > 0)
    return usage_error (command, _("unexpected argument “%s”"), args[0]);
  if (opt_listen != NULL && (opt_address != NULL || opt_port != G_MININT))
    return usage_error (command, _("--listen cannot be used with --address or --port"));
  if (opt_port != G_MININT && (opt_port < 0 || opt_port > 65535))
    return usage_error (command, _("--port: expected a port number (0–65535), got %d"), opt_port);

#ifdef MIBEW_TOOL_HAVE_BRIDGE
  {
    g_autoptr(GError) error = NULL;
    MibewServeOptions options = {
      .config_file = opt_config,
      .listen = opt_listen,
      .address = opt_address,
      .port = opt_port != G_MININT ? opt_port : -1,
      .secret_file = opt_secret_file,
      .plugin_dirs = (const char * const *) opt_plugin_dirs,
      .check_config = opt_check_config,
    };

    if (!mibew_tool_serve (&options, &error))
      return fail_error (error);
    return EXIT_OK;
  }
#else
  g_printerr ("%s: %s\n", PROGRAM,
              _("serve is not available: this mibew-events was built without the HTTP bridge "
                "(meson option -Dbridge=enabled, which needs libsoup-3.0)"));
  return EXIT_USAGE;
#endif
}

/* help */

static int
print_main_help (void)
{
  g_autoptr(GOptionContext) context = main_context_new ();
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_print ("%s", help);
  return EXIT_OK;
}

static int
run_help (const Command  *command,
          char          **args)
{
  const Command *topic;
  g_autofree char *help = NULL;

  if (count_args (args) == 0)
    return print_main_help ();
  if (count_args (args) > 1)
    return usage_error (command, _("unexpected argument “%s”"), args[1]);

  topic = find_command (args[0]);
  if (topic == NULL)
    return usage_error (NULL, _("unknown command “%s”"), args[0]);
  help = command_help (topic);
  g_print ("%s", help);
  return EXIT_OK;
}

/* main */

static int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  g_autoptr(GOptionContext) context = command_context_new (command);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);
  g_auto(GStrv) args = NULL;
  int status;

  /* --help prints "Usage: mibew-events COMMAND …" */
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_set_prgname (PROGRAM);
      return usage_error (command, "%s", error->message);
    }
  g_set_prgname (PROGRAM);

  args = g_steal_pointer (&opt_args);
  status = command->run (command, args);
  return status;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = NULL;
  const Command *command;
  const char *localedir;

  /* MIBEW_EVENTS_LOCALEDIR: catalogues of an uninstalled build (tests/i18n) */
  localedir = g_getenv ("MIBEW_EVENTS_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM);

  context = main_context_new ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (NULL, "%s", error->message);

  if (opt_version)
    {
      g_print ("%s %s\n", PROGRAM, MIBEW_EVENTS_VERSION_S);
      return EXIT_OK;
    }

  if (argc < 2)
    return usage_error (NULL, _("missing COMMAND"));

  command = find_command (argv[1]);
  if (command == NULL)
    {
      /* never echo invalid UTF-8 into a message */
      unknown = g_utf8_make_valid (argv[1], -1);
      return usage_error (NULL, _("unknown command “%s”"), unknown);
    }

  /* the command's argv: its name stands where the program's was */
  return run_command (command, argc - 1, argv + 1);
}
