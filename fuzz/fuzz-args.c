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
 *   changes nothing; mibew_json_to_data() writes what parse_json() reads
 *   back as the same.
 */

#include <mibew-events/mibew-events.h>

#include <string.h>

#include "fuzz-common.h"

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
  fuzz_read_properties (G_OBJECT (args), 2, NULL);
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

  /* the library's own writer gives JSON it reads back as the same */
  {
    g_autoptr(JsonNode) back = mibew_event_args_to_json (args2);
    g_autofree char *written = mibew_json_to_data (back, FALSE);
    g_autoptr(JsonNode) reread = mibew_event_dispatcher_parse_json (dispatcher, written, -1, &error);
    g_autofree char *s = NULL;

    g_assert_no_error (error);
    s = generate (reread);
    g_assert_cmpstr (s, ==, before);
  }

  /* the output in again: the same bytes out */
  fixed = mibew_event_dispatcher_trigger_json_data (dispatcher, name, out_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixed, ==, out_text);
  expected_text = NULL;
}

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
