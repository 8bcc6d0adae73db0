/* mibew-demo.c: a short Mibew session, replayed through libmibew-events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * This program plays the part of Mibew's core: a visitor arrives, a chat
 * starts, messages are posted, the operators' list is refreshed, the chat
 * window calls an API function, the widget polls again and the thread is
 * closed. Each step triggers the event Mibew would trigger, through the
 * process-wide dispatcher and the typed emitters, and prints:
 *
 *   [eventName] what the core passes
 *     <language> <listener>  what the listener saw or changed (before → after)
 *     => what the core does with the final arguments
 *
 * The listeners are example plugins:
 *
 *   - C listeners, in this file, attached with
 *     mibew_event_dispatcher_attach_callback();
 *   - Python and GJS listeners (python/demo_listeners.py,
 *     gjs/demo-listeners.js), in "plugin hosts": one python3 and one gjs
 *     process, started with --plugin-host. Each attaches its listeners to
 *     its own process's default dispatcher and tells this program which
 *     events and priorities they use. This program then attaches, for each
 *     of those events, a forwarding listener at that priority: it sends
 *     the arguments in their JSON form (mibew_event_args_to_json()) to the
 *     plugin host, which triggers the event for real from that form through
 *     the library there (mibew_event_dispatcher_trigger_json()) and sends
 *     back the arguments its listeners left, in the same form; the
 *     forwarding listener puts them into this emission's arguments
 *     (mibew_event_args_update_from_json()). So the listeners of all
 *     three languages run in one chain, in Mibew's priority order, on the
 *     same session (a plugin host's listeners of one event run back to
 *     back, at the lowest priority among them). The protocol is described
 *     in python/mibew_plugin_host.py.
 *
 * The program checks the effects it expects from each loaded language's
 * listeners and exits with status 1 if one is missing, if a listener
 * failed or if a plugin host misbehaved.
 *
 * Run it through the wrapper, which sets up the build tree's environment
 * and starts both plugin hosts:  _build/bindings-examples/run-demo
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <mibew-events/mibew-events.h>

#define BASE_URL "https://chat.example.com/mibew/"
/* Where the widget plugin keeps its files, as Mibew's getFilesPath(). */
#define FILES_PATH "plugins/Demo/UsefulFunc/files"

/* ====================================================================== */
/* Output                                                                 */

static int depth;          /* nesting of events triggered by listeners */
static guint n_events;     /* events triggered */
static guint c_ran;        /* C listeners that ran */

static void
indent (void)
{
  for (int i = 0; i < depth; i++)
    fputs ("    ", stdout);
}

/* One step of the session. */
static void
act (const char *title)
{
  printf ("\n-- %s\n", title);
}

/* Prints @lead and the formatted text as one indented line. */
G_GNUC_PRINTF (2, 0)
static void
print_line (const char *lead,
            const char *format,
            va_list     ap)
{
  g_autofree char *text = g_strdup_vprintf (format, ap);

  indent ();
  printf ("%s%s\n", lead, text);
}

/* "[eventName] details": the core is about to trigger the event. */
G_GNUC_PRINTF (2, 3)
static void
header (const char *event_name,
        const char *format,
        ...)
{
  g_autofree char *lead = g_strdup_printf ("[%s] ", event_name);
  va_list ap;

  va_start (ap, format);
  print_line (lead, format, ap);
  va_end (ap);
  n_events++;
}

/* What the core does with the arguments the listeners left. */
G_GNUC_PRINTF (1, 2)
static void
outcome (const char *format,
         ...)
{
  va_list ap;

  va_start (ap, format);
  print_line ("  => ", format, ap);
  va_end (ap);
}

/* One line per listener run: "  C       name             what it did". */
G_GNUC_PRINTF (2, 3)
static void
say (const char *listener,
     const char *format,
     ...)
{
  g_autofree char *lead = g_strdup_printf ("  %-6s  %-15s  ", "C", listener);
  va_list ap;

  va_start (ap, format);
  print_line (lead, format, ap);
  va_end (ap);
  c_ran++;
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL)
    return g_strdup ("null");
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static char *
record_to_string (gpointer record)
{
  g_autoptr(JsonNode) node = mibew_record_to_json (MIBEW_RECORD (record));

  return json_to_string (node, FALSE);
}

/* "[a, b]" */
static char *
strv_to_string (const char * const *strv)
{
  g_autofree char *joined = strv != NULL ? g_strjoinv (", ", (char **) strv) : g_strdup ("");

  return g_strdup_printf ("[%s]", joined);
}

static const char *
kind_name (MibewMessageKind kind)
{
  static const char * const names[] = {
    "?", "USER", "AGENT", "FOR_AGENT", "INFO", "CONN", "EVENTS", "PLUGIN",
  };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

static const char *
str_or (const char *s,
        const char *fallback)
{
  return s != NULL ? s : fallback;
}

/* ====================================================================== */
/* Checks                                                                 */

typedef struct
{
  char *language;
  GSubprocess *process;
  GOutputStream *to;       /* the plugin host's stdin */
  GDataInputStream *from;  /* its stdout */
  guint n_listeners;
  guint ran;               /* its listeners that ran */
  gboolean broken;
} PluginHost;

static GPtrArray *plugin_hosts;   /* of PluginHost */
static guint n_checks;
static GPtrArray *failed_checks;  /* of char *, for the summary */

static gboolean
language_loaded (const char *language)
{
  if (g_str_equal (language, "C"))
    return TRUE;
  for (guint i = 0; i < plugin_hosts->len; i++)
    {
      PluginHost *host = g_ptr_array_index (plugin_hosts, i);

      if (g_str_equal (host->language, language) && !host->broken)
        return TRUE;
    }
  return FALSE;
}

/* Checks an effect expected from a language's listeners, if that language
 * is loaded. */
static void
expect (const char *language,
        gboolean    ok,
        const char *what)
{
  if (!language_loaded (language))
    return;
  n_checks++;
  if (!ok)
    {
      g_ptr_array_add (failed_checks, g_strdup_printf ("%s: %s", language, what));
      indent ();
      printf ("  !! expected from the %s listeners: %s\n", language, what);
    }
}

/* ====================================================================== */
/* Plugin hosts: Python and GJS listeners in their own processes          */

static void
plugin_host_free (gpointer data)
{
  PluginHost *host = data;

  g_clear_object (&host->from);
  g_clear_object (&host->process);
  g_free (host->language);
  g_free (host);
}

/* The plugin host died or talked nonsense: its listeners run no more. */
static void
plugin_host_break (PluginHost *host,
                   const char *message)
{
  indent ();
  printf ("  !! the %s plugin host failed: %s\n", host->language, message);
  host->broken = TRUE;
}

/* Reads the plugin host's next protocol line ("@hello ..." or "@done ..."),
 * copying the lines its listeners print to our output. */
static JsonObject *
plugin_host_read (PluginHost  *host,
                  const char  *tag,
                  GError     **error)
{
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (host->from, NULL, NULL, error);
      g_autoptr(JsonNode) node = NULL;

      if (line == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "it exited");
          return NULL;
        }
      if (!g_str_has_prefix (line, tag))
        {
          indent ();
          printf ("%s\n", line);
          continue;
        }
      /* parsed within the dispatcher's limits: it comes from another process */
      node = mibew_event_dispatcher_parse_json (mibew_event_dispatcher_get_default (),
                                                line + strlen (tag), -1, error);
      if (node == NULL)
        return NULL;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” without an object", tag);
          return NULL;
        }
      return json_node_dup_object (node);
    }
}

/* The forwarding listener: runs the plugin host's listeners of this event
 * as one step of our emission. Attached with the signature of every event
 * (instance, args, user data); it answers through @args, never by a return
 * value. The arguments travel in their JSON form, both ways. */
static gpointer
forward_event (gpointer        instance,
               MibewEventArgs *args,
               gpointer        user_data)
{
  PluginHost *host = user_data;
  /* the event we run for, without the detail: it travels in the arguments */
  const char *event_name = mibew_event_args_get_event_name (args);
  g_autoptr(JsonNode) sent = mibew_event_args_to_json (args);
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) request_node = NULL;
  g_autoptr(JsonObject) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  JsonNode *answer;
  JsonArray *failed;

  if (host->broken)
    return NULL;

  json_object_set_string_member (request, "event", event_name);
  json_object_set_member (request, "args", json_node_ref (sent));
  request_node = json_node_init_object (json_node_alloc (), request);
  line = json_to_string (request_node, FALSE);

  fflush (stdout);
  if (!g_output_stream_write_all (host->to, line, strlen (line), NULL, NULL, &error) ||
      !g_output_stream_write_all (host->to, "\n", 1, NULL, NULL, &error) ||
      !g_output_stream_flush (host->to, NULL, &error) ||
      (done = plugin_host_read (host, "@done ", &error)) == NULL)
    {
      plugin_host_break (host, error->message);
      return NULL;
    }

  host->ran += (guint) json_object_get_int_member_with_default (done, "ran", 0);
  /* its listeners' failures count as ours */
  failed = json_object_get_array_member (done, "failed");
  for (guint i = 0; failed != NULL && i < json_array_get_length (failed); i++)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", host->language,
                                                  json_array_get_string_element (failed, i));

      mibew_event_dispatcher_report_failure (mibew_event_dispatcher_get_default (), event_name, message);
    }
  /* what its listeners left becomes this emission's arguments; if they
   * changed nothing, @args stays as it is (an update would put an equal
   * copy in place of each object in it, such as the thread the core holds) */
  answer = json_object_get_member (done, "args");
  if (answer == NULL)
    plugin_host_break (host, "no arguments in its answer");
  else if (!json_node_equal (answer, sent) && !mibew_event_args_update_from_json (args, answer, &error))
    {
      g_prefix_error (&error, "its arguments: ");
      plugin_host_break (host, error->message);
    }
  return NULL;
}

/* Starts a plugin host from its command line (plugin_host_attach() then
 * reads its introduction). */
static gboolean
plugin_host_start (const char  *command_line,
                   GError     **error)
{
  g_auto(GStrv) argv = NULL;
  PluginHost *host;

  if (!g_shell_parse_argv (command_line, NULL, &argv, error))
    return FALSE;
  host = g_new0 (PluginHost, 1);
  host->language = g_strdup (argv[0]);
  host->process = g_subprocess_newv ((const char * const *) argv,
                                     G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                     error);
  if (host->process == NULL)
    {
      plugin_host_free (host);
      return FALSE;
    }
  host->to = g_subprocess_get_stdin_pipe (host->process);
  host->from = g_data_input_stream_new (g_subprocess_get_stdout_pipe (host->process));
  g_ptr_array_add (plugin_hosts, host);
  return TRUE;
}

typedef struct
{
  int priority;     /* the lowest among the plugin host's listeners */
  char *detail;     /* the detail all of them use, or NULL */
} Forwarding;

static void
forwarding_free (gpointer data)
{
  Forwarding *forwarding = data;

  g_free (forwarding->detail);
  g_free (forwarding);
}

/* Reads the plugin host's introduction and attaches its listeners here as
 * forwarding listeners: one per event, at the lowest priority its listeners
 * of that event use (each forwarded emission runs all of them), with their
 * detail if they all use the same one (threadFunctionCall::microtime). */
static gboolean
plugin_host_attach (PluginHost  *host,
                    GError     **error)
{
  MibewEventDispatcher *dispatcher = mibew_event_dispatcher_get_default ();
  g_autoptr(JsonObject) hello = plugin_host_read (host, "@hello ", error);
  g_autoptr(GHashTable) forwardings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, forwarding_free);
  JsonArray *listeners;
  GHashTableIter iter;
  gpointer key, value;

  if (hello == NULL)
    return FALSE;
  g_free (host->language);
  host->language = g_strdup (json_object_get_string_member_with_default (hello, "language", "?"));
  listeners = json_object_get_array_member (hello, "listeners");
  host->n_listeners = listeners != NULL ? json_array_get_length (listeners) : 0;

  for (guint i = 0; i < host->n_listeners; i++)
    {
      JsonObject *listener = json_array_get_object_element (listeners, i);
      const char *name = json_object_get_string_member_with_default (listener, "event", "?");
      int priority = (int) json_object_get_int_member_with_default (listener, "priority", 0);
      const char *sep = strstr (name, "::");
      g_autofree char *event = g_strndup (name, sep != NULL ? (gsize) (sep - name) : strlen (name));
      const char *detail = sep != NULL ? sep + 2 : NULL;
      Forwarding *forwarding = g_hash_table_lookup (forwardings, event);

      if (forwarding == NULL)
        {
          forwarding = g_new0 (Forwarding, 1);
          forwarding->priority = priority;
          forwarding->detail = g_strdup (detail);
          g_hash_table_insert (forwardings, g_steal_pointer (&event), forwarding);
        }
      else
        {
          forwarding->priority = MIN (forwarding->priority, priority);
          if (g_strcmp0 (forwarding->detail, detail) != 0)
            g_clear_pointer (&forwarding->detail, g_free);   /* mixed: every call */
        }
    }

  g_hash_table_iter_init (&iter, forwardings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Forwarding *forwarding = value;
      g_autofree char *attach_name = forwarding->detail != NULL
        ? g_strdup_printf ("%s::%s", (char *) key, forwarding->detail) : g_strdup (key);

      if (mibew_event_dispatcher_attach_callback (dispatcher, attach_name, forwarding->priority,
                                                  G_CALLBACK (forward_event), host, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
plugin_hosts_stop (void)
{
  for (guint i = 0; i < plugin_hosts->len; i++)
    {
      PluginHost *host = g_ptr_array_index (plugin_hosts, i);
      g_autoptr(GError) error = NULL;

      /* end of input: the plugin host exits */
      g_output_stream_close (host->to, NULL, NULL);
      if (!host->broken)
        {
          /* copy whatever it still prints, up to its end */
          JsonObject *rest = plugin_host_read (host, "@end-of-output ", NULL);

          g_clear_pointer (&rest, json_object_unref);
        }
      if (!g_subprocess_wait_check (host->process, NULL, &error) && !host->broken)
        plugin_host_break (host, error->message);
    }
}

/* ====================================================================== */
/* The C plugins                                                          */

static MibewThread *the_thread;     /* the session's chat */
static GListStore *stored_messages; /* what Mibew would keep in its database */

static void post_message (MibewThread *thread, MibewMessageKind kind, const char *name,
                          const char *body, const char *plugin);

/* visitorCreate (notification): log new visitors. */
static void
on_visitor_create (MibewVisitorEvents   *events,
                   MibewSiteVisitorArgs *args,
                   gpointer              user_data)
{
  MibewRecord *visitor = MIBEW_RECORD (mibew_site_visitor_args_get_visitor (args));
  JsonObject *details = mibew_record_get_object (visitor, "details");

  say ("visitor-log", "new visitor #%" G_GINT64_FORMAT " from %s, first page %s",
       mibew_record_get_int (visitor, "visitorid"),
       details != NULL ? json_object_get_string_member_with_default (details, "remote_host", "?") : "?",
       str_or (mibew_record_get_string (visitor, "entry"), "?"));
}

/* widgetResponseAlter: the seed's example, word for word. */
static MibewWidgetResponse *
on_widget_response (MibewWidgetEvents       *events,
                    MibewWidgetResponseArgs *args,
                    gpointer                 user_data)
{
  /* This is just a shortcut for the URL generator. */
  MibewUrlGenerator *g = mibew_widget_response_args_get_asset_url_generator (args);
  MibewWidgetResponse *response = mibew_widget_response_args_get_response (args);
  const char *deps[] = { "the_lib", "the_func", NULL };
  g_auto(GStrv) before = mibew_widget_response_get_handlers (response);
  g_auto(GStrv) after = NULL;
  g_autofree char *before_text = strv_to_string ((const char * const *) before);
  g_autofree char *after_text = NULL;
  g_autofree char *func_url = mibew_url_generator_generate (g, FILES_PATH "/func.js");
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) data_node = NULL;

  /* External libraries could be loaded before the function is called; the
   * keys are the libraries' ids and the values their URLs. */
  mibew_widget_response_add_load (response, "the_lib", "");
  mibew_widget_response_add_load (response, "the_func", func_url);
  /* The functions to call, the libraries each depends on, and some data. */
  mibew_widget_response_add_handler (response, "usefulFunc");
  mibew_widget_response_set_dependencies (response, "usefulFunc", deps);
  json_object_set_double_member (data, "time", (double) g_get_real_time () / G_USEC_PER_SEC);
  data_node = json_node_init_object (json_node_alloc (), data);
  mibew_widget_response_set_data (response, "usefulFunc", data_node);

  after = mibew_widget_response_get_handlers (response);
  after_text = strv_to_string ((const char * const *) after);
  say ("useful-func", "handlers: %s → %s, load: the_lib, the_func = %s, "
       "dependencies.usefulFunc = [the_lib, the_func], data.usefulFunc = {time}",
       before_text, after_text, func_url);
  return NULL;
}

/* threadPostMessage at priority -10: runs before the other plugins, so they
 * all see tidy text. Collapses runs of white space, trims the ends. */
static char *
on_tidy_whitespace (MibewThreadEvents    *events,
                    MibewPostMessageArgs *args,
                    gpointer              user_data)
{
  const char *body = mibew_post_message_args_get_message_body (args);
  g_autofree char *copy = g_strdup (body);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (copy), " \t\r\n", -1);
  GString *tidy = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (tidy->len > 0)
        g_string_append_c (tidy, ' ');
      g_string_append (tidy, words[i]);
    }
  if (g_str_equal (tidy->str, body))
    {
      say ("tidy-whitespace", "unchanged");
      g_string_free (tidy, TRUE);
      return NULL;
    }
  say ("tidy-whitespace", "body: “%s” → “%s”", body, tidy->str);
  /* the returned string becomes the body */
  return g_string_free (tidy, FALSE);
}

/* threadUserIsReady: like Mibew's "first message" plugin, post a message
 * to the thread — which triggers threadPostMessage from inside this
 * listener, for every plugin. */
static void
on_user_is_ready (MibewThreadEvents *events,
                  MibewThreadArgs   *args,
                  gpointer           user_data)
{
  MibewThread *thread = mibew_thread_args_get_thread (args);
  g_autofree char *user_name = NULL;
  g_autofree char *greeting = NULL;

  g_object_get (thread, "user-name", &user_name, NULL);
  greeting = g_strdup_printf ("Hello %s, thank you for waiting.   An operator will be with you shortly.",
                              user_name);
  say ("first-message", "posts a greeting to thread #%" G_GINT64_FORMAT ":",
       mibew_record_get_int (MIBEW_RECORD (thread), "id"));
  depth++;
  post_message (thread, MIBEW_MESSAGE_KIND_INFO, NULL, greeting, "first-message");
  depth--;
}

/* usersUpdateVisitorsAlter: a "geo" key on every visitor of the
 * operators' list (a custom key: it survives the round trip to Mibew). */
static GListStore *
on_geoip (MibewUsersEvents      *events,
          MibewListVisitorsArgs *args,
          gpointer               user_data)
{
  static const struct { const char *prefix, *country, *city; } table[] = {
    { "203.0.113.", "NL", "Amsterdam" },
    { "198.51.100.", "DE", "Berlin" },
  };
  GListModel *visitors = G_LIST_MODEL (mibew_list_visitors_args_get_visitors (args));
  g_autoptr(GString) added = g_string_new (NULL);

  for (guint i = 0; visitors != NULL && i < g_list_model_get_n_items (visitors); i++)
    {
      g_autoptr(MibewRecord) visitor = g_list_model_get_item (visitors, i);
      const char *ip = str_or (mibew_record_get_string (visitor, "userIp"), "");
      g_autoptr(JsonObject) geo = json_object_new ();
      g_autofree char *geo_text = NULL;

      json_object_set_null_member (geo, "country");
      json_object_set_null_member (geo, "city");
      for (guint j = 0; j < G_N_ELEMENTS (table); j++)
        if (g_str_has_prefix (ip, table[j].prefix))
          {
            json_object_set_string_member (geo, "country", table[j].country);
            json_object_set_string_member (geo, "city", table[j].city);
          }
      mibew_record_set_object (visitor, "geo", geo);
      geo_text = object_to_string (geo);
      g_string_append_printf (added, "%s#%" G_GINT64_FORMAT " +geo %s", added->len > 0 ? ", " : "",
                              mibew_record_get_int (visitor, "id"), geo_text);
    }
  say ("geoip", "%s", added->len > 0 ? added->str : "no visitors");
  return NULL;
}

/* threadFunctionCall::microtime: the seed's other example, honouring
 * arguments.as_float and answering in results['time']. */
static JsonObject *
on_microtime (MibewThreadEvents     *events,
              MibewFunctionCallArgs *args,
              gpointer               user_data)
{
  JsonObject *arguments = mibew_function_call_args_get_arguments (args);
  JsonObject *results = mibew_function_call_args_get_results (args);
  JsonNode *as_float = json_object_get_member (arguments, "as_float");
  g_autofree char *before = object_to_string (results);
  g_autofree char *after = NULL;
  gint64 now = g_get_real_time ();

  /* PHP's empty(): a missing, null, false, 0, "" or "0" as_float is false */
  if (as_float != NULL && JSON_NODE_HOLDS_VALUE (as_float) &&
      (json_node_get_value_type (as_float) == G_TYPE_BOOLEAN ? json_node_get_boolean (as_float) :
       json_node_get_value_type (as_float) == G_TYPE_STRING ?
         !g_str_equal (json_node_get_string (as_float), "") && !g_str_equal (json_node_get_string (as_float), "0") :
       json_node_get_double (as_float) != 0.0))
    json_object_set_double_member (results, "time", (double) now / G_USEC_PER_SEC);
  else
    {
      g_autofree char *time = g_strdup_printf ("%.8f %" G_GINT64_FORMAT,
                                               (double) (now % G_USEC_PER_SEC) / G_USEC_PER_SEC,
                                               now / G_USEC_PER_SEC);
      json_object_set_string_member (results, "time", time);
    }
  after = object_to_string (results);
  say ("microtime", "results: %s → %s", before, after);
  return NULL;
}

/* threadClose (notification): archive the transcript. */
static void
on_thread_close (MibewThreadEvents *events,
                 MibewThreadArgs   *args,
                 gpointer           user_data)
{
  MibewRecord *thread = MIBEW_RECORD (mibew_thread_args_get_thread (args));

  say ("chat-archive", "archived thread #%" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " messages, %"
       G_GINT64_FORMAT " s long)",
       mibew_record_get_int (thread, "id"), mibew_record_get_int (thread, "messageCount"),
       mibew_record_get_int (thread, "closed") - mibew_record_get_int (thread, "created"));
}

static guint
attach_c_plugins (MibewEventDispatcher *dispatcher)
{
  static const struct { const char *event; int priority; GCallback callback; } plugins[] = {
    { "visitorCreate", 0, G_CALLBACK (on_visitor_create) },
    { "widgetResponseAlter", 0, G_CALLBACK (on_widget_response) },
    { "threadPostMessage", -10, G_CALLBACK (on_tidy_whitespace) },
    { "threadUserIsReady", 0, G_CALLBACK (on_user_is_ready) },
    { "usersUpdateVisitorsAlter", 0, G_CALLBACK (on_geoip) },
    { "threadFunctionCall::microtime", 0, G_CALLBACK (on_microtime) },
    { "threadClose", 0, G_CALLBACK (on_thread_close) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plugins); i++)
    {
      g_autoptr(GError) error = NULL;

      if (mibew_event_dispatcher_attach_callback (dispatcher, plugins[i].event, plugins[i].priority,
                                                  plugins[i].callback, NULL, NULL, &error) == 0)
        g_error ("cannot attach to %s: %s", plugins[i].event, error->message);
    }
  return G_N_ELEMENTS (plugins);
}

/* ====================================================================== */
/* The core's part: the session                                           */

static MibewEventDispatcher *dispatcher;
static gint64 clock_now = 1700000000;   /* the session's clock, unix time */

static gpointer
record_new (GType       type,
            const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  MibewRecord *record;

  g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  record = mibew_record_from_json (type, json_node_get_object (node), &error);
  if (record == NULL)
    g_error ("%s", error->message);
  return record;
}

static MibewMessage *
stored_message (guint id)
{
  return id >= 1 && id <= g_list_model_get_n_items (G_LIST_MODEL (stored_messages))
    ? g_list_model_get_item (G_LIST_MODEL (stored_messages), id - 1) : NULL;
}

/* \Mibew\Thread::postMessage(): plugins see (and may change) the message
 * before it is stored. */
static void
post_message (MibewThread      *thread,
              MibewMessageKind  kind,
              const char       *name,
              const char       *body,
              const char       *plugin)
{
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(MibewPostMessageArgs) args = NULL;
  g_autoptr(MibewMessage) message = mibew_message_new ();
  MibewRecord *m = MIBEW_RECORD (message);
  JsonObject *final_options;
  guint id = g_list_model_get_n_items (G_LIST_MODEL (stored_messages)) + 1;

  if (name != NULL)
    json_object_set_string_member (options, "name", name);
  if (plugin != NULL)
    json_object_set_string_member (options, "plugin", plugin);
  json_object_set_int_member (options, "created", clock_now);
  header ("threadPostMessage", "%s%s%s: “%s”", kind_name (kind), name != NULL ? " from " : "",
          name != NULL ? name : "", body);

  args = mibew_post_message_args_new (thread, kind, body, options);
  mibew_thread_events_emit_post_message (mibew_event_dispatcher_get_thread (dispatcher), args);

  /* the message is stored as the listeners left it */
  final_options = mibew_post_message_args_get_message_options (args);
  mibew_record_set_int (m, "id", id);
  mibew_record_set_int (m, "kind", mibew_post_message_args_get_message_kind (args));
  mibew_record_set_int (m, "created", clock_now);
  mibew_record_set_string (m, "name", json_object_get_string_member_with_default (final_options, "name", ""));
  mibew_record_set_string (m, "message", mibew_post_message_args_get_message_body (args));
  mibew_record_set_string (m, "plugin", json_object_get_string_member_with_default (final_options, "plugin", ""));
  {
    g_autoptr(JsonObject) data = json_object_new ();

    mibew_record_set_object (m, "data", data);
  }
  g_list_store_append (stored_messages, message);
  outcome ("stored as message #%u, %s: “%s”", id, kind_name (mibew_post_message_args_get_message_kind (args)),
           mibew_post_message_args_get_message_body (args));
  clock_now += 20;
}

static MibewWidgetResponse *
widget_poll (MibewSiteVisitor *visitor)
{
  g_autoptr(MibewRequest) request = record_new (MIBEW_TYPE_REQUEST,
    "{\"method\": \"GET\", \"path\": \"/widget\", \"uri\": \"" BASE_URL "widget?vid=17\"}");
  g_autoptr(MibewWidgetResponse) response = mibew_widget_response_new ();
  g_autoptr(MibewBaseUrlGenerator) routes = mibew_base_url_generator_new (BASE_URL);
  g_autoptr(MibewBaseUrlGenerator) assets = mibew_base_url_generator_new (BASE_URL);
  g_autoptr(MibewWidgetResponseArgs) args =
    mibew_widget_response_args_new (visitor, request, response,
                                    MIBEW_URL_GENERATOR (routes), MIBEW_URL_GENERATOR (assets));
  g_autofree char *text = NULL;

  header ("widgetResponseAlter", "the widget on the visitor's page asks what to do");
  mibew_widget_events_emit_response_alter (mibew_event_dispatcher_get_widget (dispatcher), args);
  text = record_to_string (mibew_widget_response_args_get_response (args));
  outcome ("sent to the widget: %s", text);
  return g_object_ref (mibew_widget_response_args_get_response (args));
}

static gboolean
strv_has (GStrv strv, const char *s)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, s);
}

static void
run_session (void)
{
  g_autoptr(MibewSiteVisitor) visitor = NULL;
  g_autoptr(MibewSiteVisitorArgs) visitor_args = NULL;
  g_autoptr(MibewWidgetResponse) response = NULL;
  g_autoptr(MibewThreadArgs) thread_args = NULL;

  /* ---------------------------------------------------------------- */
  act ("1. A visitor lands on the shop's Aurora lamp page; the widget tracks her");
  visitor = record_new (MIBEW_TYPE_SITE_VISITOR,
    "{\"visitorid\": 17, \"userid\": \"a8c5f2e41b\", \"username\": \"Guest\","
    " \"firsttime\": 1700000000, \"lasttime\": 1700000000,"
    " \"entry\": \"https://shop.example.com/lamps/aurora\","
    " \"details\": {\"user_agent\": \"Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Firefox/115.0\","
    " \"remote_host\": \"203.0.113.7\"},"
    " \"invitations\": 0, \"chats\": 0, \"threadid\": null}");
  visitor_args = mibew_site_visitor_args_new (visitor);
  header ("visitorCreate", "visitor #17, first visit");
  mibew_visitor_events_emit_create (mibew_event_dispatcher_get_visitor (dispatcher), visitor_args);
  header ("visitorTrack", "visitor #17");
  mibew_visitor_events_emit_track (mibew_event_dispatcher_get_visitor (dispatcher), visitor_args);

  response = widget_poll (visitor);
  {
    g_auto(GStrv) handlers = mibew_widget_response_get_handlers (response);
    g_auto(GStrv) deps = mibew_widget_response_get_dependencies (response, "usefulFunc");

    expect ("C", strv_has (handlers, "usefulFunc") && deps != NULL && g_strv_length (deps) == 2 &&
            g_strcmp0 (mibew_widget_response_get_load_url (response, "the_func"),
                       BASE_URL FILES_PATH "/func.js") == 0 &&
            mibew_widget_response_get_data (response, "usefulFunc") != NULL,
            "the widget loads the_lib and the_func and calls usefulFunc with data");
    expect ("GJS", strv_has (handlers, "greetVisitor"), "the widget greets a visitor who is not chatting");
  }
  g_clear_object (&response);

  /* ---------------------------------------------------------------- */
  act ("2. She opens the chat, introduces herself as Ann Smith and waits for an operator");
  clock_now += 60;
  the_thread = record_new (MIBEW_TYPE_THREAD,
    "{\"id\": 42, \"userName\": \"Ann Smith\", \"userId\": \"a8c5f2e41b\", \"state\": 0,"
    " \"invitationState\": 0, \"groupId\": 1, \"locale\": \"en\", \"created\": 1700000060,"
    " \"modified\": 1700000060, \"remote\": \"203.0.113.7\","
    " \"referer\": \"https://shop.example.com/lamps/aurora\","
    " \"userAgent\": \"Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Firefox/115.0\"}");
  thread_args = mibew_thread_args_new (the_thread, NULL);
  header ("threadCreate", "thread #42, Ann Smith, in the queue");
  mibew_thread_events_emit_create (mibew_event_dispatcher_get_thread (dispatcher), thread_args);
  header ("threadUserIsReady", "thread #42: survey done, system messages sent");
  mibew_thread_events_emit_user_is_ready (mibew_event_dispatcher_get_thread (dispatcher), thread_args);
  {
    g_autoptr(MibewMessage) greeting = stored_message (1);

    expect ("C", greeting != NULL && mibew_record_get_int (MIBEW_RECORD (greeting), "kind") == MIBEW_MESSAGE_KIND_INFO,
            "the first-message plugin posted a greeting");
    expect ("C", greeting != NULL && strstr (mibew_record_get_string (MIBEW_RECORD (greeting), "message"), "  ") == NULL,
            "the greeting's white space was tidied");
  }

  /* ---------------------------------------------------------------- */
  act ("3. Operator Alex takes the chat; messages are posted (every plugin sees each one before it is stored)");
  g_object_set (the_thread, "state", MIBEW_THREAD_STATE_CHATTING, "agent-id", (gint64) 3,
                "agent-name", "Alex", "chat-started", clock_now, NULL);
  post_message (the_thread, MIBEW_MESSAGE_KIND_USER, "Ann Smith",
                "  Hi!   I ordered the   Aurora lamp last week  (order #1042),  it has not arrived yet  ", NULL);
  post_message (the_thread, MIBEW_MESSAGE_KIND_AGENT, "Alex", "Hello Ann, I'm Alex. Let me check that for you.", NULL);
  post_message (the_thread, MIBEW_MESSAGE_KIND_USER, "Ann Smith",
                "Reach me at ann.smith@example.com, or charge my card 4111 1111 1111 1111 for express shipping.",
                NULL);
  post_message (the_thread, MIBEW_MESSAGE_KIND_AGENT, "Alex", "/note   VIP customer,   offer free express shipping",
                NULL);
  post_message (the_thread, MIBEW_MESSAGE_KIND_AGENT, "Alex",
                "Good news: your lamp ships today, with free express shipping!", NULL);
  {
    g_autoptr(MibewMessage) tidy = stored_message (2);
    g_autoptr(MibewMessage) masked = stored_message (4);
    g_autoptr(MibewMessage) note = stored_message (5);
    const char *masked_text = masked != NULL ? mibew_record_get_string (MIBEW_RECORD (masked), "message") : "";

    expect ("C", tidy != NULL && g_str_equal (mibew_record_get_string (MIBEW_RECORD (tidy), "message"),
                                              "Hi! I ordered the Aurora lamp last week (order #1042), it has not arrived yet"),
            "white space in messages was tidied");
    expect ("Python", strstr (masked_text, "ann.smith@") == NULL && strstr (masked_text, "4111 1111 1111 1111") == NULL &&
            strstr (masked_text, "1111") != NULL, "the e-mail address and card number were masked");
    expect ("GJS", note != NULL && mibew_record_get_int (MIBEW_RECORD (note), "kind") == MIBEW_MESSAGE_KIND_FOR_AGENT &&
            g_str_equal (mibew_record_get_string (MIBEW_RECORD (note), "message"),
                         "VIP customer, offer free express shipping"),
            "“/note ...” became a note for operators (FOR_AGENT)");
  }

  {
    g_autoptr(GListStore) copy = g_list_store_new (MIBEW_TYPE_MESSAGE);
    g_autoptr(MibewMessagesArgs) args = NULL;
    GListModel *sent;
    guint with_key = 0, n;
    g_autoptr(MibewMessage) last = NULL;
    g_autofree char *last_text = NULL;

    /* the chat window gets copies: the stored messages stay as they are */
    for (guint i = 1; i <= g_list_model_get_n_items (G_LIST_MODEL (stored_messages)); i++)
      {
        g_autoptr(MibewMessage) m = stored_message (i);
        g_autoptr(JsonNode) json = mibew_record_to_json (MIBEW_RECORD (m));
        g_autoptr(MibewRecord) c = mibew_record_from_json (MIBEW_TYPE_MESSAGE, json_node_get_object (json), NULL);

        g_list_store_append (copy, c);
      }
    args = mibew_messages_args_new (the_thread, copy);
    header ("threadGetMessagesAlter", "Alex's chat window loads the thread's %u messages",
            g_list_model_get_n_items (G_LIST_MODEL (copy)));
    mibew_thread_events_emit_get_messages_alter (mibew_event_dispatcher_get_thread (dispatcher), args);
    sent = G_LIST_MODEL (mibew_messages_args_get_messages (args));
    n = g_list_model_get_n_items (sent);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MibewRecord) m = g_list_model_get_item (sent, i);

        with_key += mibew_record_has_member (m, "sentiment");
      }
    last = n > 0 ? g_list_model_get_item (sent, n - 1) : NULL;
    last_text = last != NULL ? record_to_string (last) : g_strdup ("none");
    outcome ("%u messages sent; the last one: %s", n, last_text);
    expect ("Python", n > 0 && with_key == n, "every message sent has a “sentiment” key");
  }

  /* ---------------------------------------------------------------- */
  act ("4. The operators' list is refreshed");
  {
    g_autoptr(GListStore) visitors = g_list_store_new (MIBEW_TYPE_LIST_VISITOR);
    g_autoptr(MibewListVisitor) ann = record_new (MIBEW_TYPE_LIST_VISITOR,
      "{\"id\": 17, \"userId\": \"a8c5f2e41b\", \"userName\": \"Ann Smith\", \"userIp\": \"203.0.113.7\","
      " \"remote\": \"203.0.113.7\", \"firstTime\": 1700000000, \"lastTime\": 1700000160,"
      " \"invitations\": 0, \"chats\": 1, \"invitationInfo\": false}");
    g_autoptr(MibewListVisitor) other = record_new (MIBEW_TYPE_LIST_VISITOR,
      "{\"id\": 18, \"userId\": \"0d9e4f11aa\", \"userName\": \"Guest\", \"userIp\": \"198.51.100.23\","
      " \"remote\": \"198.51.100.23\", \"firstTime\": 1700000100, \"lastTime\": 1700000150,"
      " \"invitations\": 1, \"chats\": 0, \"invitationInfo\": {\"time\": 1700000120, \"agentName\": \"Alex\"}}");
    g_autoptr(MibewListVisitorsArgs) args = NULL;
    GListModel *final;
    guint with_geo = 0;

    g_list_store_append (visitors, ann);
    g_list_store_append (visitors, other);
    args = mibew_list_visitors_args_new (visitors);
    header ("usersUpdateVisitorsAlter", "2 visitors on the site");
    mibew_users_events_emit_update_visitors_alter (mibew_event_dispatcher_get_users (dispatcher), args);
    final = G_LIST_MODEL (mibew_list_visitors_args_get_visitors (args));
    for (guint i = 0; i < g_list_model_get_n_items (final); i++)
      {
        g_autoptr(MibewRecord) v = g_list_model_get_item (final, i);
        g_autofree char *text = record_to_string (v);

        with_geo += mibew_record_has_member (v, "geo");
        outcome ("%s", text);
      }
    expect ("C", g_list_model_get_n_items (final) == 2 && with_geo == 2, "every visitor has a “geo” key");
  }
  {
    g_autoptr(GListStore) threads = g_list_store_new (MIBEW_TYPE_LIST_THREAD);
    g_autoptr(MibewListThread) t42 = record_new (MIBEW_TYPE_LIST_THREAD,
      "{\"id\": 42, \"token\": 98213, \"userId\": \"a8c5f2e41b\", \"userName\": \"Ann Smith\","
      " \"userIp\": \"203.0.113.7\", \"remote\": \"203.0.113.7\", \"userAgent\": \"Firefox 115\","
      " \"agentId\": 3, \"agentName\": \"Alex\", \"canOpen\": false, \"canView\": true, \"canBan\": true,"
      " \"ban\": false, \"state\": 2, \"totalTime\": 1700000060, \"waitingTime\": 95,"
      " \"firstMessage\": \"Hi! I ordered the Aurora lamp last week (order #1042), it has not arrived yet\"}");
    g_autoptr(MibewListThread) t43 = record_new (MIBEW_TYPE_LIST_THREAD,
      "{\"id\": 43, \"token\": 40517, \"userId\": \"ffee00\", \"userName\": \"Free Money\","
      " \"userIp\": \"192.0.2.66\", \"remote\": \"192.0.2.66\", \"userAgent\": \"curl/8.0\","
      " \"agentId\": 0, \"agentName\": \"\", \"canOpen\": true, \"canView\": true, \"canBan\": true,"
      " \"ban\": {\"id\": 5, \"reason\": \"spam\"}, \"state\": 0, \"totalTime\": 1700000100,"
      " \"waitingTime\": 40, \"firstMessage\": \"CLICK HERE\"}");
    g_autoptr(MibewListThreadsArgs) args = NULL;
    GListModel *final;
    gboolean banned_gone = TRUE, labelled = TRUE;

    g_list_store_append (threads, t42);
    g_list_store_append (threads, t43);
    args = mibew_list_threads_args_new (threads);
    header ("usersUpdateThreadsAlter", "2 threads: #42 Ann Smith (chatting), #43 Free Money (banned, in the queue)");
    mibew_users_events_emit_update_threads_alter (mibew_event_dispatcher_get_users (dispatcher), args);
    final = G_LIST_MODEL (mibew_list_threads_args_get_threads (args));
    for (guint i = 0; i < g_list_model_get_n_items (final); i++)
      {
        g_autoptr(MibewRecord) t = g_list_model_get_item (final, i);

        banned_gone &= mibew_record_get_int (t, "id") != 43;
        labelled &= mibew_record_has_member (t, "waitingLabel");
        outcome ("#%" G_GINT64_FORMAT " %s, waitingLabel: %s", mibew_record_get_int (t, "id"),
                 str_or (mibew_record_get_string (t, "userName"), "?"),
                 str_or (mibew_record_get_string (t, "waitingLabel"), "(none)"));
      }
    expect ("Python", banned_gone, "the banned visitor's thread left the list");
    expect ("GJS", g_list_model_get_n_items (final) > 0 && labelled, "every thread has a “waitingLabel” key");
  }

  /* ---------------------------------------------------------------- */
  act ("5. Ann's chat window calls an API function the core does not know: microtime");
  {
    g_autoptr(MibewRequestProcessor) processor = record_new (MIBEW_TYPE_REQUEST_PROCESSOR,
                                                             "{\"kind\": \"thread\"}");
    g_autoptr(JsonObject) arguments = json_object_new ();
    g_autoptr(MibewFunctionCallArgs) args = NULL;
    g_autofree char *results = NULL;
    JsonNode *time;

    json_object_set_boolean_member (arguments, "as_float", TRUE);
    args = mibew_function_call_args_new (processor, "microtime", arguments, NULL);
    header ("threadFunctionCall", "microtime({\"as_float\": true})");
    mibew_thread_events_emit_function_call (mibew_event_dispatcher_get_thread (dispatcher), args);
    results = object_to_string (mibew_function_call_args_get_results (args));
    outcome ("the chat window receives %s", results);
    time = json_object_get_member (mibew_function_call_args_get_results (args), "time");
    expect ("C", time != NULL && JSON_NODE_HOLDS_VALUE (time) && json_node_get_value_type (time) == G_TYPE_DOUBLE,
            "microtime(true) answered a float in results.time");
  }

  /* ---------------------------------------------------------------- */
  act ("6. The widget polls again; Ann is chatting now");
  mibew_record_set_int (MIBEW_RECORD (visitor), "threadid", 42);
  mibew_record_set_int (MIBEW_RECORD (visitor), "chats", 1);
  mibew_record_set_int (MIBEW_RECORD (visitor), "lasttime", clock_now);
  response = widget_poll (visitor);
  {
    g_auto(GStrv) handlers = mibew_widget_response_get_handlers (response);

    expect ("C", strv_has (handlers, "usefulFunc"), "the widget calls usefulFunc again");
    expect ("GJS", !strv_has (handlers, "greetVisitor"), "no greeting for a visitor who is chatting");
  }

  /* ---------------------------------------------------------------- */
  act ("7. Ann says goodbye; the thread is closed");
  clock_now += 60;
  g_object_set (the_thread, "state", MIBEW_THREAD_STATE_CLOSED, "closed", clock_now, "modified", clock_now,
                "message-count", (gint64) g_list_model_get_n_items (G_LIST_MODEL (stored_messages)), NULL);
  header ("threadClose", "thread #42, %u messages", g_list_model_get_n_items (G_LIST_MODEL (stored_messages)));
  mibew_thread_events_emit_close (mibew_event_dispatcher_get_thread (dispatcher), thread_args);
}

/* ====================================================================== */

static void
on_listener_failed (MibewEventDispatcher *self,
                    const char           *event_name,
                    const char           *message,
                    gpointer              user_data)
{
  indent ();
  printf ("  !! a listener of %s failed: %s\n", event_name, message);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) plugin_host_commands = NULL;
  const GOptionEntry entries[] = {
    { "plugin-host", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &plugin_host_commands,
      "Run the listeners of a plugin host, started with COMMAND (e.g. \"python3 demo_listeners.py\")",
      "COMMAND" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— replay a Mibew session through libmibew-events");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) languages = g_string_new (NULL);
  guint failures;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Without --plugin-host only the C listeners run; _build/bindings-examples/run-demo\n"
    "adds the Python and GJS ones.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dispatcher = mibew_event_dispatcher_get_default ();
  plugin_hosts = g_ptr_array_new_with_free_func (plugin_host_free);
  failed_checks = g_ptr_array_new_with_free_func (g_free);
  stored_messages = g_list_store_new (MIBEW_TYPE_MESSAGE);
  g_signal_connect (dispatcher, "listener-failed", G_CALLBACK (on_listener_failed), NULL);

  printf ("mibew-demo: a Mibew session replayed through libmibew-events %s\n", MIBEW_EVENTS_VERSION_S);

  /* the plugins: C ones here, the others in plugin hosts (all started
   * first, so they load in parallel) */
  g_string_append_printf (languages, "C (%u listeners, in this process)", attach_c_plugins (dispatcher));
  for (guint i = 0; plugin_host_commands != NULL && plugin_host_commands[i] != NULL; i++)
    if (!plugin_host_start (plugin_host_commands[i], &error))
      {
        g_printerr ("mibew-demo: cannot start plugin host “%s”: %s\n", plugin_host_commands[i], error->message);
        return 1;
      }
  for (guint i = 0; i < plugin_hosts->len; i++)
    {
      PluginHost *host = g_ptr_array_index (plugin_hosts, i);

      if (!plugin_host_attach (host, &error))
        {
          g_printerr ("mibew-demo: plugin host “%s” did not start: %s\n", plugin_host_commands[i], error->message);
          return 1;
        }
      g_string_append_printf (languages, ", %s (%u listeners, in plugin host pid %s)", host->language,
                              host->n_listeners, g_subprocess_get_identifier (host->process));
    }
  printf ("Plugins: %s.\n", languages->str);
  if (plugin_hosts->len > 0)
    printf ("Every event also runs the plugin hosts' listeners, at their priorities, in the same chain.\n");
  printf ("Under each [event]: one line per listener run (language, name, what it saw or changed),\n"
          "then \"=>\", what the core does with the result.\n");

  run_session ();
  plugin_hosts_stop ();

  /* summary */
  failures = mibew_event_dispatcher_get_failure_count (dispatcher);
  printf ("\n-- Summary\n");
  printf ("%u events triggered; listeners run: C %u", n_events, c_ran);
  for (guint i = 0; i < plugin_hosts->len; i++)
    {
      PluginHost *host = g_ptr_array_index (plugin_hosts, i);

      printf (", %s %u%s", host->language, host->ran, host->broken ? " (plugin host failed)" : "");
    }
  printf ("; %u failed\n", failures);
  printf ("%u of %u expected effects present\n", n_checks - failed_checks->len, n_checks);
  for (guint i = 0; i < failed_checks->len; i++)
    printf ("  missing: %s\n", (char *) g_ptr_array_index (failed_checks, i));

  ok = failures == 0 && failed_checks->len == 0;
  for (guint i = 0; i < plugin_hosts->len; i++)
    ok &= !((PluginHost *) g_ptr_array_index (plugin_hosts, i))->broken;
  printf ("%s\n", ok ? "demo OK" : "demo FAILED");

  g_clear_object (&the_thread);
  g_clear_object (&stored_messages);
  g_ptr_array_unref (plugin_hosts);
  g_ptr_array_unref (failed_checks);
  return ok ? 0 : 1;
}
