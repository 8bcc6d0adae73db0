/* fuzz-args.c: the events' JSON codec must never crash, and what it
 * accepts must come back as it came and round-trip
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program that replays the corpus, run in suite 'fuzz'.
 *
 * An input is one byte that picks the event (byte % 41, in the order of
 * mibew_event_dispatcher_list_events()) followed by the arguments as JSON
 * text. The seeds in corpus/args are the samples of tests/data/events
 * (EVENT.json), each behind one byte, 41 + the event's index, which is
 * printable (')' is banCreate, 'Q' widgetResponseAlter), and a few
 * hostile documents (hostile-*).
 *
 * The text is parsed within the dispatcher's limits
 * (mibew_event_dispatcher_parse_json()), triggered with trigger_json on a
 * dispatcher with one listener on each event, encoded and generated.
 * Checked for every input:
 * - parse_json and trigger_json_data refuse the same text with the same
 *   error; errors are MIBEW_EVENTS_ERROR of the documented codes, in
 *   valid UTF-8;
 * - a document that does not decode emits nothing, and
 *   mibew_event_args_new_from_json() refuses it with the same message;
 * - trigger_json never changes the caller's node;
 * - a document that decodes runs the event's listener once and comes back
 *   as it came (the listener changes nothing), node for node as json-glib
 *   writes them; the text API's output is JSON the dispatcher reads again,
 *   holding the same, which decodes again and encodes to the same, and
 *   triggered again gives the same bytes; update_from_json() with it
 *   changes nothing.
 */

#include <mibew-events/mibew-events.h>

#include <string.h>

static MibewEventDispatcher *dispatcher;
static const char * const *names;
static guint n_names;
static guint calls;
static const char *expected_text;   /* what the listener should see encoded */

static char *
generate (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
read_properties (GObject *object,
                 guint    depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (depth > 0 && G_VALUE_HOLDS_OBJECT (&value) && g_value_get_object (&value) != NULL)
        {
          GObject *child = g_value_get_object (&value);

          if (MIBEW_IS_RECORD (child))
            read_properties (child, depth - 1);
          else if (G_IS_LIST_MODEL (child))
            for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (child)); k++)
              {
                g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (child), k);

                read_properties (item, depth - 1);
              }
        }
    }
}

/* Looks at everything and changes nothing. */
static gpointer
listener (MibewEventEmitter *emitter,
          MibewEventArgs    *args,
          gpointer           data)
{
  g_autoptr(JsonNode) now = NULL;
  g_autofree char *text = NULL;

  calls++;
  g_assert_cmpstr (mibew_event_args_get_event_name (args), ==, data);
  read_properties (G_OBJECT (args), 2);
  /* the arguments encode, mid-emission, to what came in */
  now = mibew_event_args_to_json (args);
  text = generate (now);
  g_assert_cmpstr (text, ==, expected_text);
  return NULL;
}

static void
setup (void)
{
  if (dispatcher != NULL)
    return;
  /* a critical or a warning from the library is a finding too */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  names = mibew_event_dispatcher_list_events ();
  n_names = g_strv_length ((char **) names);
  g_assert_cmpuint (n_names, ==, 41);
  dispatcher = mibew_event_dispatcher_new ();
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(GError) error = NULL;

      mibew_event_dispatcher_attach_func (dispatcher, names[i], 0, listener, (gpointer) names[i], NULL, &error);
      g_assert_no_error (error);
    }
}

static void
assert_error (const GError *error,
              gboolean      parsing)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == MIBEW_EVENTS_ERROR);
  if (parsing)
    g_assert_true (error->code == MIBEW_EVENTS_ERROR_MALFORMED_JSON ||
                   error->code == MIBEW_EVENTS_ERROR_LIMIT_EXCEEDED ||
                   error->code == MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  else
    g_assert_cmpint (error->code, ==, MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS);
  g_assert_true (error->message[0] != '\0');
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
exercise (const char *name,
          JsonNode   *node,
          const char *text,
          gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other = NULL;
  g_autofree char *before = generate (node);
  g_autofree char *after = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(MibewEventArgs) args = NULL;
  g_autoptr(MibewEventArgs) args2 = NULL;
  guint calls_before = calls;

  expected_text = before;
  out = mibew_event_dispatcher_trigger_json (dispatcher, name, node, &error);
  after = generate (node);
  g_assert_cmpstr (after, ==, before);
  args = mibew_event_args_new_from_json (name, node, &other);

  if (out == NULL)
    {
      assert_error (error, FALSE);
      g_assert_cmpuint (calls, ==, calls_before);
      g_assert_null (args);
      assert_error (other, FALSE);
      g_assert_cmpstr (other->message, ==, error->message);
      /* the text API refuses it the same way */
      g_clear_error (&other);
      out_text = mibew_event_dispatcher_trigger_json_data (dispatcher, name, text, length, &other);
      g_assert_null (out_text);
      g_assert_nonnull (other);
      g_assert_cmpstr (other->message, ==, error->message);
      g_assert_cmpuint (calls, ==, calls_before);
      return;
    }
  g_assert_no_error (other);
  g_assert_nonnull (args);
  g_assert_cmpuint (calls, ==, calls_before + 1);

  /* nobody changed anything: it comes back as it came */
  {
    g_autofree char *s = generate (out);

    g_assert_cmpstr (s, ==, before);
  }
  {
    g_autoptr(JsonNode) direct = mibew_event_args_to_json (args);
    g_autofree char *s = generate (direct);

    g_assert_cmpstr (s, ==, before);
  }

  /* the text API: its output is JSON the dispatcher reads again, holding
   * the same document */
  out_text = mibew_event_dispatcher_trigger_json_data (dispatcher, name, text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out_text);
  g_assert_cmpuint (calls, ==, calls_before + 2);
  again = mibew_event_dispatcher_parse_json (dispatcher, out_text, -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *s = generate (again);

    g_assert_cmpstr (s, ==, before);
  }

  /* it decodes again, and encodes to the same */
  args2 = mibew_event_args_new_from_json (name, again, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) back = mibew_event_args_to_json (args2);
    g_autofree char *s = generate (back);

    g_assert_cmpstr (s, ==, before);
  }

  /* updating with the same document changes nothing */
  g_assert_true (mibew_event_args_update_from_json (args, again, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) back = mibew_event_args_to_json (args);
    g_autofree char *s = generate (back);

    g_assert_cmpstr (s, ==, before);
  }

  /* the output in again: the same bytes out */
  fixed = mibew_event_dispatcher_trigger_json_data (dispatcher, name, out_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixed, ==, out_text);
  expected_text = NULL;
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *name;
  const char *text;
  gsize length;

  setup ();
  if (size < 1)
    return 0;
  name = names[data[0] % n_names];
  text = (const char *) data + 1;
  length = size - 1;

  node = mibew_event_dispatcher_parse_json (dispatcher, text, length, &error);
  if (node == NULL)
    {
      g_autoptr(GError) other = NULL;
      g_autofree char *out = NULL;
      guint calls_before = calls;

      assert_error (error, TRUE);
      /* the text API refuses it the same way, and emits nothing */
      out = mibew_event_dispatcher_trigger_json_data (dispatcher, name, text, length, &other);
      g_assert_null (out);
      g_assert_nonnull (other);
      g_assert_cmpint (other->code, ==, error->code);
      g_assert_cmpstr (other->message, ==, error->message);
      g_assert_cmpuint (calls, ==, calls_before);
      return 0;
    }

  exercise (name, node, text, length);
  return 0;
}

#ifndef MIBEW_LIBFUZZER
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Replays every file of the corpus directories given on the command line,
 * in the order of their names, each in a child process of its own: a
 * crash is one "not ok", and the other files still run. */
int
main (int   argc,
      char *argv[])
{
  guint n = 0;
  guint failed = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("cannot open corpus %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (files, g_strdup (name));
      g_ptr_array_sort (files, compare_names);
      for (guint k = 0; k < files->len; k++)
        {
          const char *file = g_ptr_array_index (files, k);
          g_autofree char *path = g_build_filename (argv[i], file, NULL);
          g_autofree char *contents = NULL;
          gsize len = 0;
          int status = 0;
          pid_t pid;

          if (!g_file_get_contents (path, &contents, &len, NULL))
            return 1;
          fflush (stdout);
          pid = fork ();
          g_assert_cmpint (pid, >=, 0);
          if (pid == 0)
            {
              /* whatever a failure prints must not reach the TAP stream */
              dup2 (STDERR_FILENO, STDOUT_FILENO);
              LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
              /* _exit() runs no cleanup: the child's copies of the
               * parent's buffers are freed here, or valgrind (which
               * follows the fork) counts them as lost */
              g_clear_pointer (&contents, g_free);
              g_clear_pointer (&path, g_free);
              g_clear_pointer (&files, g_ptr_array_unref);
              g_clear_pointer (&dir, g_dir_close);
              _exit (0);
            }
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          n++;
          if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            g_print ("ok %u %s\n", n, file);
          else
            {
              failed++;
              g_print ("not ok %u %s # %s %d\n", n, file, WIFSIGNALED (status) ? "signal" : "exit status",
                       WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
            }
        }
    }
  g_print ("1..%u\n", n);
  return n > 0 && failed == 0 ? 0 : 1;
}
#endif
