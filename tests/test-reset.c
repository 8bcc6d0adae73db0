/* test-reset.c: mibew_event_args_reset(), the reuse path of the arguments
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For every arguments class (all of the event table's): with every
 * property set to something other than its start, and the object emitted
 * or read from JSON, a reset gives back what a new object of the class
 * has — every property, the JSON form, no event — notifying each changed
 * property once and nothing on a second reset. And a host's cycle on one
 * reused object (reset, set the arguments, emit to a C listener, read the
 * result) allocates nothing, counted by a malloc counter of our own:
 * GLib's allocators end in malloc, so counting there sees them all.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <mibew-events/mibew-events.h>

/* ---------------------------------------------------------------------- */
/* a malloc counter without GLib: glibc's allocator behind our malloc     */

/* ASan and TSan replace malloc themselves: the counter would bypass them
 * (the sanitizer lanes, tests/lanes/) */
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED 1
#endif

#if defined(__GLIBC__) && !defined(SANITIZED)
#define HAVE_MALLOC_COUNTER 1

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t size);
extern void *__libc_memalign (size_t alignment, size_t size);
/* not declared under -std=c11 */
int posix_memalign (void **p, size_t alignment, size_t size);

static volatile int counting;
static volatile unsigned long n_allocations;

void *
malloc (size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_malloc (size);
}

void *
calloc (size_t n,
        size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_calloc (n, size);
}

void *
realloc (void   *p,
         size_t  size)
{
  if (counting)
    n_allocations++;
  return __libc_realloc (p, size);
}

int
posix_memalign (void   **p,
                size_t   alignment,
                size_t   size)
{
  if (counting)
    n_allocations++;
  *p = __libc_memalign (alignment, size);
  return *p != NULL ? 0 : ENOMEM;
}
#endif

/* ---------------------------------------------------------------------- */
/* every arguments class, from the one event table                        */

static GType (*const args_types[]) (void) = {
#define MIBEW_EVENT(ID, name, CATEGORY, signal, KIND, args_type, key, extra) args_type,
#include "mibew-events/mibew-event-list.h"
#undef MIBEW_EVENT
};

static const char * const event_names[] = {
#define MIBEW_EVENT(ID, name, CATEGORY, signal, KIND, args_type, key, extra) name,
#include "mibew-events/mibew-event-list.h"
#undef MIBEW_EVENT
};

/* A value of @pspec's type other than a new object's. */
static void
other_value (GParamSpec *pspec,
             GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 42);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) eclass = g_type_class_ref (type);

      g_assert_cmpuint (eclass->n_values, >, 1);
      g_value_set_enum (value, eclass->values[eclass->n_values - 1].value);
    }
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, "a value long enough to need its own buffer");
  else if (type == JSON_TYPE_OBJECT)
    {
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "x", 1);
      g_value_take_boxed (value, object);
    }
  else if (type == JSON_TYPE_ARRAY)
    {
      JsonArray *array = json_array_new ();

      json_array_add_int_element (array, 1);
      g_value_take_boxed (value, array);
    }
  else if (type == G_TYPE_LIST_STORE)
    {
      /* not empty: an empty list reads like the one a new object makes */
      GListStore *store = g_list_store_new (G_TYPE_OBJECT);
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
      g_value_take_object (value, store);
    }
  else if (type == MIBEW_TYPE_ASSET_LIST)
    {
      MibewAssetList *assets = mibew_asset_list_new ();

      mibew_asset_list_add_url (assets, "/x.css");
      g_value_take_object (value, assets);
    }
  else if (type == MIBEW_TYPE_URL_GENERATOR)
    g_value_take_object (value, mibew_base_url_generator_new ("https://example.org"));
  else if (type == MIBEW_TYPE_BUTTON_FRAGMENT)
    g_value_take_object (value, mibew_button_fragment_new ("<b>x</b>"));
  else if (g_type_is_a (type, G_TYPE_OBJECT))
    g_value_take_object (value, g_object_new (type, NULL));
  else
    g_error ("%s: no test value for %s", pspec->name, g_type_name (type));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
assert_like_new (MibewEventArgs *args,
                 GType           type,
                 GHashTable     *held)
{
  g_autoptr(MibewEventArgs) fresh = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(JsonNode) fresh_json = NULL;
  g_autoptr(JsonNode) args_json = NULL;
  guint n;

  g_assert_null (mibew_event_args_get_event_name (args));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (args), &n);
  for (guint i = 0; i < n; i++)
    {
      GValue a = G_VALUE_INIT;
      GValue b = G_VALUE_INIT;

      g_value_init (&a, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&b, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (args), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (fresh), pspecs[i]->name, &b);
      if (G_VALUE_HOLDS_OBJECT (&a) || G_VALUE_HOLDS_BOXED (&a))
        {
          gpointer pa = g_value_peek_pointer (&a);
          gpointer pb = g_value_peek_pointer (&b);

          /* none where a new object has none, a new empty value where a
           * new object makes one; never the value that was set */
          g_assert_true ((pa == NULL) == (pb == NULL));
          g_assert_false (pa != NULL && g_hash_table_contains (held, pa));
        }
      else if (g_param_values_cmp (pspecs[i], &a, &b) != 0)
        g_error ("%s:%s: not reset", g_type_name (type), pspecs[i]->name);
      g_value_unset (&a);
      g_value_unset (&b);
    }

  /* the JSON form, every member included, is a new object's */
  args_json = mibew_event_args_to_json (args);
  fresh_json = mibew_event_args_to_json (fresh);
  if (!json_node_equal (args_json, fresh_json))
    {
      g_autofree char *x = json_to_string (args_json, FALSE);
      g_autofree char *y = json_to_string (fresh_json, FALSE);

      g_error ("%s: reset gives %s, new gives %s", g_type_name (type), x, y);
    }
}

/* Sets every property of @args to other_value(); returns how many. */
static guint
set_every_property (MibewEventArgs *args,
                    GHashTable     *held)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (args), &n);
  for (guint i = 0; i < n; i++)
    {
      GValue value = G_VALUE_INIT;

      other_value (pspecs[i], &value);
      g_object_set_property (G_OBJECT (args), pspecs[i]->name, &value);
      if (G_VALUE_HOLDS_OBJECT (&value) || G_VALUE_HOLDS_BOXED (&value))
        {
          /* kept alive until the checks end: a freed value's address may
           * be the next value's (TSan's allocator reuses at once) */
          GValue *kept = g_new0 (GValue, 1);

          *kept = value;
          g_hash_table_insert (held, g_value_peek_pointer (kept), kept);
        }
      else
        g_value_unset (&value);
    }
  return n;
}

static void
free_value (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

/* Sets every property of @args, resets it and checks it is like new. */
static void
check_reset (MibewEventArgs *args,
             GType           type)
{
  g_autoptr(GHashTable) held = g_hash_table_new_full (NULL, NULL, NULL, free_value);
  guint n_props, notified = 0;
  gulong handler;

  n_props = set_every_property (args, held);
  handler = g_signal_connect (args, "notify", G_CALLBACK (count_notify), &notified);
  mibew_event_args_reset (args);
  assert_like_new (args, type, held);
  /* every property had changed: one notification each */
  g_assert_cmpuint (notified, ==, n_props);

  /* a second reset changes nothing and says nothing */
  notified = 0;
  mibew_event_args_reset (args);
  g_assert_cmpuint (notified, ==, 0);
  assert_like_new (args, type, held);
  g_signal_handler_disconnect (args, handler);
}

static void
test_reset_every_class (void)
{
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();

  for (guint e = 0; e < G_N_ELEMENTS (args_types); e++)
    {
      GType type = args_types[e] ();
      g_autofree char *file = g_strconcat (event_names[e], ".json", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "events", file, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(MibewEventArgs) decoded = NULL;
      g_autoptr(MibewEventArgs) emitted = g_object_new (type, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s (%s)", event_names[e], g_type_name (type));

      /* read from JSON: the event and the document are forgotten */
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      decoded = mibew_event_args_new_from_json (event_names[e], json_parser_get_root (parser), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mibew_event_args_get_event_name (decoded), ==, event_names[e]);
      check_reset (decoded, type);

      /* emitted: the event is forgotten, and the object can be reused */
      g_assert_true (mibew_event_dispatcher_trigger (dispatcher, event_names[e], emitted, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (mibew_event_args_get_event_name (emitted), ==, event_names[e]);
      check_reset (emitted, type);
      check_reset (emitted, type);
    }
}

static char *
agent_listener (MibewThreadEvents    *events,
                MibewPostMessageArgs *args,
                gpointer              user_data)
{
  g_assert_cmpstr (mibew_post_message_args_get_message_body (args), ==, user_data);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_AGENT);
  return NULL;
}

/* threadPostMessage as a host runs it, on one reused arguments object */
static void
host_cycle (MibewThreadEvents    *events,
            MibewPostMessageArgs *args,
            MibewThread          *thread,
            const char           *body)
{
  mibew_event_args_reset (MIBEW_EVENT_ARGS (args));
  mibew_post_message_args_set_thread (args, thread);
  mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_USER);
  mibew_post_message_args_set_message_body (args, body);
  mibew_thread_events_emit_post_message (events, args);
  g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_AGENT);
  g_assert_cmpstr (mibew_post_message_args_get_message_body (args), ==, body);
}

static void
test_reuse_allocates_nothing (void)
{
  g_autoptr(MibewEventDispatcher) dispatcher = mibew_event_dispatcher_new ();
  g_autoptr(MibewThread) thread = mibew_thread_new ();
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_USER, NULL, NULL);
  MibewThreadEvents *events = mibew_event_dispatcher_get_thread (dispatcher);
  const char *body = "Hello, how can I help you?";
  char copy[64];

  mibew_event_dispatcher_attach_callback (dispatcher, "threadPostMessage", 0, G_CALLBACK (agent_listener),
                                          copy, NULL, NULL);
  /* the first cycles make what is kept: the string buffer, GLib's caches */
  g_strlcpy (copy, body, sizeof copy);
  for (guint i = 0; i < 3; i++)
    host_cycle (events, args, thread, body);

#ifdef HAVE_MALLOC_COUNTER
  /* the counter sees GLib's allocations */
  n_allocations = 0;
  counting = 1;
  g_free (g_strdup ("x"));
  counting = 0;
  /* valgrind's memcheck replaces malloc in the executable too: the
   * counter never runs there (tests/lanes/valgrind) */
  if (n_allocations == 0 && strstr (g_getenv ("LD_PRELOAD") ? g_getenv ("LD_PRELOAD") : "", "vgpreload") != NULL)
    {
      g_test_skip ("valgrind replaces this test's malloc counter");
      return;
    }
  g_assert_cmpuint (n_allocations, ==, 1);

  n_allocations = 0;
  counting = 1;
  for (guint i = 0; i < 1000; i++)
    host_cycle (events, args, thread, body);
  counting = 0;
  g_assert_cmpuint (n_allocations, ==, 0);

  /* a shorter body fits the kept buffer too */
  g_strlcpy (copy, "Hi", sizeof copy);
  counting = 1;
  host_cycle (events, args, thread, "Hi");
  counting = 0;
  g_assert_cmpuint (n_allocations, ==, 0);
#else
  g_test_message ("no malloc counter on this C library: checking values only");
#endif

  /* a longer one gets a new buffer, and the values stay right */
  g_strlcpy (copy, "A longer body than any before, which needs a new buffer", sizeof copy);
  host_cycle (events, args, thread, copy);
  g_strlcpy (copy, body, sizeof copy);
  host_cycle (events, args, thread, body);
  g_assert_true (mibew_post_message_args_get_thread (args) == thread);
}

/* reset's type check remembers the last class that passed: other objects
 * and NULL are still refused, before and after. */
static void
test_reset_checks_type (void)
{
  g_autoptr(MibewPostMessageArgs) args = mibew_post_message_args_new (NULL, MIBEW_MESSAGE_KIND_INFO, "hi", NULL);
  g_autoptr(MibewEventArgs) plain = mibew_event_args_new ();
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);

  for (int round = 0; round < 2; round++)
    {
      g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*is_event_args (self)*");
      mibew_event_args_reset ((MibewEventArgs *) other);
      g_test_assert_expected_messages ();
      g_test_expect_message ("MibewEvents", G_LOG_LEVEL_CRITICAL, "*is_event_args (self)*");
      mibew_event_args_reset (NULL);
      g_test_assert_expected_messages ();

      mibew_event_args_reset (MIBEW_EVENT_ARGS (args));
      g_assert_cmpint (mibew_post_message_args_get_message_kind (args), ==, MIBEW_MESSAGE_KIND_USER);
      g_assert_cmpstr (mibew_post_message_args_get_message_body (args), ==, "");
      mibew_event_args_reset (plain);
      mibew_post_message_args_set_message_kind (args, MIBEW_MESSAGE_KIND_INFO);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reset/every-class", test_reset_every_class);
  g_test_add_func ("/reset/reuse-allocates-nothing", test_reuse_allocates_nothing);
  g_test_add_func ("/reset/checks-type", test_reset_checks_type);

  return g_test_run ();
}
