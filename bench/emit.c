/* emit.c: what one threadPostMessage-like event costs, in ns per event
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Cells (each listener sets the message kind to INFO, 4):
 *
 *   direct         a loop over an array of function pointers held in a
 *                  struct on the stack: the floor
 *   gsignal        g_signal_emit() on a plain GObject of ours whose signal
 *                  takes a boxed struct flagged G_SIGNAL_TYPE_STATIC_SCOPE,
 *                  handlers connected with g_signal_connect()
 *   gsignal-answer g_signal_emit() on a plain GObject of ours whose signal
 *                  has post-message's shape: a MibewPostMessageArgs, a
 *                  string answer folded by an accumulator, marshallers
 *                  (GValue and va_list) as glib-genmarshal writes them, no
 *                  class handler; the same listener as typed-gsignal
 *   gsignal-answer-class  the same signal with one RUN_LAST class handler
 *                  that answers nothing: GLib's cost for a signal of that
 *                  shape whose class handler sees every emission
 *   typed          mibew_thread_events_emit_post_message(), listeners
 *                  attached with mibew_event_dispatcher_attach_callback()
 *   trigger        mibew_event_dispatcher_trigger (d, "threadPostMessage", ...)
 *                  with the same listeners
 *   typed-gsignal  the typed emitter, handlers connected with
 *                  g_signal_connect() on the category object instead
 *   trigger-json   mibew_event_dispatcher_trigger_json_data() with the
 *                  document tests/data/events/threadPostMessage.json, same
 *                  listeners (decode, emit, encode the answer)
 *
 * The real host's cycle (threadPostMessage as Mibew's core fires it: build
 * the arguments, emit, read the final kind and body back):
 *
 *   host-reuse     a new MibewPostMessageArgs per event around the host's
 *                  one MibewThread, emit, read kind and body, unref
 *   host-new       the same with a new MibewThread per event too (three
 *                  fields set, as the host fills it from its row)
 *   host-reset     one arguments object reused: mibew_event_args_reset(),
 *                  set thread, kind and body, emit, read (only when the
 *                  library has mibew_event_args_reset)
 *
 * JSON (--json-doc NAME, a document of tests/data/events/):
 *
 *   json-ours      mibew_event_dispatcher_trigger_json_data (d, NAME, doc)
 *                  with one listener that changes nothing
 *   json-glib      json-glib alone: JsonParser loads the document and
 *                  JsonGenerator writes it back
 *
 * Usage:
 *   bench-emit --cell NAME --listeners N --iterations K
 *       runs one cell K times (after a short warm-up) and prints ns/op
 *       (0 when K is 0: useful to subtract set-up costs under valgrind)
 *   bench-emit --all [--seconds S] [--max-listeners N]
 *       runs every cell with 0, 1, 10, 100 and 1000 listeners (up to N),
 *       each with an iteration count calibrated to last about S seconds
 *       (default 0.1), repeated 5 times, then the JSON cells on the five
 *       largest documents; prints a JSON object with the medians
 *   bench-emit --cell json-ours|json-glib --json-doc NAME --iterations K
 *       one JSON cell on one document
 *   bench-emit --memory
 *       heap bytes per attached listener (glibc's mallinfo2(), 10000
 *       listeners): attach_callback, g_signal_connect on our signal, and
 *       g_signal_connect on the plain GObject; prints JSON
 */

#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <malloc.h>

#include <mibew-events/mibew-events.h>

#include "bench-clock.h"

#if defined(__GNUC__) && !defined(__clang__)
#define BENCH_OPAQUE __attribute__ ((noinline, noipa))
#else
#define BENCH_OPAQUE __attribute__ ((noinline))
#endif

#define MAX_LISTENERS 1000
#define N_REPEATS 5
#define N_WARMUP 16
#define KIND_BEFORE MIBEW_MESSAGE_KIND_USER
#define KIND_AFTER MIBEW_MESSAGE_KIND_INFO

static volatile int sink;

/* ---------------------------------------------------------------------- */
/* the direct call                                                        */

typedef struct
{
  MibewThread *thread;
  int message_kind;
  const char *message_body;
  JsonObject *message_options;
} DirectMessage;

typedef void (*DirectListener) (DirectMessage *message, gpointer user_data);

typedef struct
{
  guint n;
  DirectListener *listeners;
  gpointer *user_data;
} DirectEmitter;

static BENCH_OPAQUE void
direct_listener (DirectMessage *message,
                 gpointer       user_data)
{
  message->message_kind = KIND_AFTER;
}

/* ---------------------------------------------------------------------- */
/* the GSignal baseline: a plain GObject with a boxed, static-scope arg   */

typedef DirectMessage BenchMessage;

GType bench_message_get_type (void);

static BenchMessage *
bench_message_copy (BenchMessage *message)
{
  return g_memdup2 (message, sizeof *message);
}

G_DEFINE_BOXED_TYPE (BenchMessage, bench_message, bench_message_copy, g_free)

#define BENCH_TYPE_EMITTER (bench_emitter_get_type ())
G_DECLARE_FINAL_TYPE (BenchEmitter, bench_emitter, BENCH, EMITTER, GObject)

struct _BenchEmitter
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (BenchEmitter, bench_emitter, G_TYPE_OBJECT)

static guint bench_post_message_signal;

static void
bench_emitter_class_init (BenchEmitterClass *klass)
{
  /* no marshaller given: GLib picks g_cclosure_marshal_VOID__BOXED and
   * its va_list variant for a one-argument void signal */
  bench_post_message_signal =
    g_signal_new ("post-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  bench_message_get_type () | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
bench_emitter_init (BenchEmitter *self)
{
}

static void
gsignal_listener (BenchEmitter *emitter,
                  BenchMessage *message,
                  gpointer      user_data)
{
  message->message_kind = KIND_AFTER;
}

/* ---------------------------------------------------------------------- */
/* the same-shape GSignal baseline: post-message's signature on a plain   */
/* GObject, as a GLib application would declare it                       */

#define BENCH_TYPE_ANSWER_EMITTER (bench_answer_emitter_get_type ())
G_DECLARE_FINAL_TYPE (BenchAnswerEmitter, bench_answer_emitter, BENCH, ANSWER_EMITTER, GObject)

struct _BenchAnswerEmitter
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (BenchAnswerEmitter, bench_answer_emitter, G_TYPE_OBJECT)

static guint bench_answer_signal;
static guint bench_answer_class_signal;

typedef char *(*AnswerCallback) (gpointer instance, gpointer args, gpointer user_data);

/* STRING:OBJECT, as glib-genmarshal writes it (GLib has none built in) */
static void
bench_marshal_STRING__OBJECT (GClosure     *closure,
                              GValue       *return_value,
                              guint         n_param_values,
                              const GValue *param_values,
                              gpointer      invocation_hint,
                              gpointer      marshal_data)
{
  GCClosure *cc = (GCClosure *) closure;
  gpointer data1, data2;
  AnswerCallback callback;
  char *answer;

  if (G_CCLOSURE_SWAP_DATA (closure))
    {
      data1 = closure->data;
      data2 = param_values[0].data[0].v_pointer;
    }
  else
    {
      data1 = param_values[0].data[0].v_pointer;
      data2 = closure->data;
    }
  callback = (AnswerCallback) (marshal_data != NULL ? marshal_data : cc->callback);
  answer = callback (data1, param_values[1].data[0].v_pointer, data2);
  g_value_take_string (return_value, answer);
}

static void
bench_marshal_STRING__OBJECTv (GClosure *closure,
                               GValue   *return_value,
                               gpointer  instance,
                               va_list   args,
                               gpointer  marshal_data,
                               int       n_params,
                               GType    *param_types)
{
  GCClosure *cc = (GCClosure *) closure;
  gpointer data1, data2, arg0;
  AnswerCallback callback;
  va_list args_copy;
  char *answer;

  va_copy (args_copy, args);
  arg0 = va_arg (args_copy, gpointer);
  if (arg0 != NULL)
    arg0 = g_object_ref (arg0);
  va_end (args_copy);

  if (G_CCLOSURE_SWAP_DATA (closure))
    {
      data1 = closure->data;
      data2 = instance;
    }
  else
    {
      data1 = instance;
      data2 = closure->data;
    }
  callback = (AnswerCallback) (marshal_data != NULL ? marshal_data : cc->callback);
  answer = callback (data1, arg0, data2);
  if (arg0 != NULL)
    g_object_unref (arg0);
  g_value_take_string (return_value, answer);
}

/* the last answer given wins; every handler runs */
static gboolean
bench_accumulate_answer (GSignalInvocationHint *hint,
                         GValue                *return_accu,
                         const GValue          *handler_return,
                         gpointer               data)
{
  if (g_value_get_string (handler_return) != NULL)
    g_value_copy (handler_return, return_accu);
  return TRUE;
}

/* the class handler of "post-message-class": answers nothing */
static char *
bench_answer_class_handler (gpointer instance,
                            gpointer args,
                            gpointer user_data)
{
  return NULL;
}

static void
bench_answer_emitter_class_init (BenchAnswerEmitterClass *klass)
{
  GType itype = G_TYPE_FROM_CLASS (klass);
  GType param = MIBEW_TYPE_POST_MESSAGE_ARGS;

  bench_answer_signal =
    g_signal_new ("post-message", itype, G_SIGNAL_RUN_LAST, 0,
                  bench_accumulate_answer, NULL, bench_marshal_STRING__OBJECT,
                  G_TYPE_STRING, 1, param);
  g_signal_set_va_marshaller (bench_answer_signal, itype, bench_marshal_STRING__OBJECTv);
  /* the same with one RUN_LAST class handler, the least a signal whose
   * class handler sees every emission can have (gsignal-answer-class) */
  bench_answer_class_signal =
    g_signal_newv ("post-message-class", itype, G_SIGNAL_RUN_LAST,
                   g_cclosure_new (G_CALLBACK (bench_answer_class_handler), NULL, NULL),
                   bench_accumulate_answer, NULL, bench_marshal_STRING__OBJECT,
                   G_TYPE_STRING, 1, &param);
  g_signal_set_va_marshaller (bench_answer_class_signal, itype, bench_marshal_STRING__OBJECTv);
}

static void
bench_answer_emitter_init (BenchAnswerEmitter *self)
{
}

/* ---------------------------------------------------------------------- */
/* our listener: the signature of threadPostMessage (an alter event)      */

static char *
mibew_listener (MibewThreadEvents    *events,
                MibewPostMessageArgs *args,
                gpointer              user_data)
{
  mibew_post_message_args_set_message_kind (args, KIND_AFTER);
  return NULL;
}

/* the JSON cells' listener: runs, changes nothing (the codec's cost only) */
static gpointer
noop_listener (MibewEventEmitter *emitter,
               MibewEventArgs    *args,
               gpointer           user_data)
{
  sink++;
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* cells                                                                  */

typedef enum
{
  CELL_DIRECT,
  CELL_GSIGNAL,
  CELL_GSIGNAL_ANSWER,
  CELL_GSIGNAL_ANSWER_CLASS,
  CELL_TYPED,
  CELL_TRIGGER,
  CELL_TYPED_GSIGNAL,
  CELL_TRIGGER_JSON,
  CELL_HOST_REUSE,
  CELL_HOST_NEW,
  CELL_HOST_RESET,
  CELL_JSON_OURS,
  CELL_JSON_GLIB,
  N_CELLS
} CellId;

/* the cells --all runs over every listener count */
#define N_LISTENER_CELLS CELL_JSON_OURS

static const char * const cell_names[N_CELLS] = {
  "direct",
  "gsignal",
  "gsignal-answer",
  "gsignal-answer-class",
  "typed",
  "trigger",
  "typed-gsignal",
  "trigger-json",
  "host-reuse",
  "host-new",
  "host-reset",
  "json-ours",
  "json-glib",
};

#ifdef BENCH_HAVE_ARGS_RESET
#define HAVE_CELL(c) TRUE
#else
#define HAVE_CELL(c) ((c) != CELL_HOST_RESET)
#endif

typedef struct
{
  CellId cell;
  guint n;

  DirectEmitter direct;
  DirectMessage message;       /* direct and gsignal */

  BenchEmitter *gobject;
  BenchAnswerEmitter *answer_gobject;  /* gsignal-answer, gsignal-answer-class */
  guint answer_signal;

  MibewEventDispatcher *dispatcher;
  MibewThreadEvents *events;
  MibewPostMessageArgs *args;
  MibewThread *thread;         /* the host's thread, host-reuse */

  const char *event_name;      /* JSON cells */
  char *doc;                   /* JSON cells and trigger-json */
  gsize doc_len;
  int host_kind;               /* what the host read back */
} State;

static BENCH_OPAQUE void
run_direct (State   *s,
            guint64  k)
{
  DirectEmitter *e = &s->direct;
  DirectMessage *m = &s->message;

  for (guint64 i = 0; i < k; i++)
    {
      for (guint j = 0; j < e->n; j++)
        e->listeners[j] (m, e->user_data[j]);
      /* the compiler must assume the listeners and the message changed */
      __asm__ __volatile__ ("" : : "r" (e), "r" (m) : "memory");
    }
}

static BENCH_OPAQUE void
run_gsignal (State   *s,
             guint64  k)
{
  for (guint64 i = 0; i < k; i++)
    g_signal_emit (s->gobject, bench_post_message_signal, 0, &s->message);
}

static BENCH_OPAQUE void
run_gsignal_answer (State   *s,
                    guint64  k)
{
  for (guint64 i = 0; i < k; i++)
    {
      char *answer = NULL;

      g_signal_emit (s->answer_gobject, s->answer_signal, 0, s->args, &answer);
      g_free (answer);
    }
}

static BENCH_OPAQUE void
run_typed (State   *s,
           guint64  k)
{
  for (guint64 i = 0; i < k; i++)
    mibew_thread_events_emit_post_message (s->events, s->args);
}

static BENCH_OPAQUE void
run_trigger (State   *s,
             guint64  k)
{
  /* cast once, outside the loop: measure the library, not the caller's
   * checked cast */
  MibewEventArgs *args = MIBEW_EVENT_ARGS (s->args);

  for (guint64 i = 0; i < k; i++)
    mibew_event_dispatcher_trigger (s->dispatcher, "threadPostMessage", args, NULL);
}

static BENCH_OPAQUE void
run_trigger_json (State   *s,
                  guint64  k)
{
  for (guint64 i = 0; i < k; i++)
    {
      g_autoptr(GError) error = NULL;
      char *answer = mibew_event_dispatcher_trigger_json_data (s->dispatcher, s->event_name,
                                                               s->doc, (gssize) s->doc_len,
                                                               &error);

      if (answer == NULL)
        {
          g_printerr ("bench-emit: trigger_json %s: %s\n", s->event_name, error->message);
          exit (2);
        }
      if (s->cell == CELL_TRIGGER_JSON)
        s->host_kind = strstr (answer, "\"message_kind\":4") != NULL ? KIND_AFTER : KIND_BEFORE;
      g_free (answer);
    }
}

static BENCH_OPAQUE void
run_json_glib (State   *s,
               guint64  k)
{
  for (guint64 i = 0; i < k; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(JsonGenerator) generator = NULL;
      g_autoptr(GError) error = NULL;
      char *out;

      if (!json_parser_load_from_data (parser, s->doc, (gssize) s->doc_len, &error))
        {
          g_printerr ("bench-emit: json-glib: %s: %s\n", s->event_name, error->message);
          exit (2);
        }
      generator = json_generator_new ();
      json_generator_set_root (generator, json_parser_get_root (parser));
      out = json_generator_to_data (generator, NULL);
      sink += out[0];
      g_free (out);
    }
}

/* the host's cycle; @fresh_thread: a new thread object per event */
static BENCH_OPAQUE void
run_host (State    *s,
          guint64   k,
          gboolean  fresh_thread)
{
  for (guint64 i = 0; i < k; i++)
    {
      MibewThread *thread = s->thread;
      MibewPostMessageArgs *args;

      if (fresh_thread)
        {
          thread = mibew_thread_new ();
          mibew_record_set_int (MIBEW_RECORD (thread), "id", 42);
          mibew_record_set_string (MIBEW_RECORD (thread), "userName", "Visitor");
          mibew_record_set_string (MIBEW_RECORD (thread), "agentName", "Operator");
        }
      args = mibew_post_message_args_new (thread, KIND_BEFORE, "hello", NULL);
      mibew_thread_events_emit_post_message (s->events, args);
      s->host_kind = (int) mibew_post_message_args_get_message_kind (args);
      sink += mibew_post_message_args_get_message_body (args)[0];
      g_object_unref (args);
      if (fresh_thread)
        g_object_unref (thread);
    }
}

#ifdef BENCH_HAVE_ARGS_RESET
static BENCH_OPAQUE void
run_host_reset (State   *s,
                guint64  k)
{
  MibewPostMessageArgs *args = s->args;
  /* cast once, outside the loop, as run_trigger() does: measure the
   * library, not the caller's checked cast */
  MibewEventArgs *base = MIBEW_EVENT_ARGS (args);

  for (guint64 i = 0; i < k; i++)
    {
      mibew_event_args_reset (base);
      mibew_post_message_args_set_thread (args, s->thread);
      mibew_post_message_args_set_message_kind (args, KIND_BEFORE);
      mibew_post_message_args_set_message_body (args, "hello");
      mibew_thread_events_emit_post_message (s->events, args);
      s->host_kind = (int) mibew_post_message_args_get_message_kind (args);
      sink += mibew_post_message_args_get_message_body (args)[0];
    }
}
#endif

static void
run (State   *s,
     guint64  k)
{
  switch (s->cell)
    {
    case CELL_DIRECT:
      run_direct (s, k);
      break;
    case CELL_GSIGNAL:
      run_gsignal (s, k);
      break;
    case CELL_GSIGNAL_ANSWER:
    case CELL_GSIGNAL_ANSWER_CLASS:
      run_gsignal_answer (s, k);
      break;
    case CELL_TYPED:
    case CELL_TYPED_GSIGNAL:
      run_typed (s, k);
      break;
    case CELL_TRIGGER:
      run_trigger (s, k);
      break;
    case CELL_TRIGGER_JSON:
    case CELL_JSON_OURS:
      run_trigger_json (s, k);
      break;
    case CELL_JSON_GLIB:
      run_json_glib (s, k);
      break;
    case CELL_HOST_REUSE:
    case CELL_HOST_NEW:
      run_host (s, k, s->cell == CELL_HOST_NEW);
      break;
    case CELL_HOST_RESET:
#ifdef BENCH_HAVE_ARGS_RESET
      run_host_reset (s, k);
      break;
#endif
    case N_CELLS:
    default:
      g_assert_not_reached ();
    }
}

static int
get_kind (State *s)
{
  switch (s->cell)
    {
    case CELL_DIRECT:
    case CELL_GSIGNAL:
      return s->message.message_kind;
    case CELL_GSIGNAL_ANSWER:
    case CELL_GSIGNAL_ANSWER_CLASS:
    case CELL_TYPED:
    case CELL_TRIGGER:
    case CELL_TYPED_GSIGNAL:
      return (int) mibew_post_message_args_get_message_kind (s->args);
    case CELL_TRIGGER_JSON:
    case CELL_HOST_REUSE:
    case CELL_HOST_NEW:
    case CELL_HOST_RESET:
      return s->host_kind;
    case CELL_JSON_OURS:
    case CELL_JSON_GLIB:
    case N_CELLS:
    default:
      /* nothing to check: the listener changes nothing */
      return s->n > 0 ? KIND_AFTER : KIND_BEFORE;
    }
}

static void
set_kind (State *s,
          int    kind)
{
  if (s->cell == CELL_DIRECT || s->cell == CELL_GSIGNAL)
    s->message.message_kind = kind;
  else if (s->args != NULL)
    mibew_post_message_args_set_message_kind (s->args, (MibewMessageKind) kind);
  s->host_kind = kind;
}

static void
check_kind (State      *s,
            const char *when)
{
  int expected = s->n > 0 ? KIND_AFTER : KIND_BEFORE;
  int kind = get_kind (s);

  sink = kind;
  if (kind != expected)
    {
      g_printerr ("bench-emit: %s with %u listeners: message kind %d %s, expected %d\n",
                  cell_names[s->cell], s->n, kind, when, expected);
      exit (2);
    }
}

static void
load_doc (State      *s,
          const char *event_name)
{
  g_autofree char *base = g_strconcat (event_name, ".json", NULL);
  g_autofree char *path = g_build_filename (BENCH_EVENTS_DIR, base, NULL);
  g_autoptr(GError) error = NULL;

  s->event_name = g_intern_string (event_name);
  if (!g_file_get_contents (path, &s->doc, &s->doc_len, &error))
    {
      g_printerr ("bench-emit: %s\n", error->message);
      exit (2);
    }
}

static void
state_init (State      *s,
            CellId      cell,
            guint       n,
            const char *json_doc)
{
  memset (s, 0, sizeof *s);
  s->cell = cell;
  s->n = n;
  s->message.message_kind = KIND_BEFORE;
  s->message.message_body = "hello";

  switch (cell)
    {
    case CELL_JSON_OURS:
    case CELL_JSON_GLIB:
      s->n = n = 1;
      load_doc (s, json_doc);
      s->dispatcher = mibew_event_dispatcher_new ();
      if (cell == CELL_JSON_OURS)
        {
          g_autoptr(GError) error = NULL;

          if (mibew_event_dispatcher_attach_func (s->dispatcher, s->event_name, 0, noop_listener,
                                                  NULL, NULL, &error) == 0)
            {
              g_printerr ("bench-emit: attach to %s: %s\n", s->event_name, error->message);
              exit (2);
            }
        }
      break;

    case CELL_DIRECT:
      s->direct.n = n;
      s->direct.listeners = g_new0 (DirectListener, MAX (n, 1));
      s->direct.user_data = g_new0 (gpointer, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          s->direct.listeners[i] = direct_listener;
          s->direct.user_data[i] = NULL;
        }
      break;

    case CELL_GSIGNAL:
      s->gobject = g_object_new (BENCH_TYPE_EMITTER, NULL);
      for (guint i = 0; i < n; i++)
        g_signal_connect (s->gobject, "post-message", G_CALLBACK (gsignal_listener), NULL);
      break;

    case CELL_GSIGNAL_ANSWER:
    case CELL_GSIGNAL_ANSWER_CLASS:
      s->answer_gobject = g_object_new (BENCH_TYPE_ANSWER_EMITTER, NULL);
      s->answer_signal = cell == CELL_GSIGNAL_ANSWER ? bench_answer_signal : bench_answer_class_signal;
      s->args = mibew_post_message_args_new (NULL, KIND_BEFORE, "hello", NULL);
      for (guint i = 0; i < n; i++)
        g_signal_connect (s->answer_gobject, g_signal_name (s->answer_signal),
                          G_CALLBACK (mibew_listener), NULL);
      break;

    case CELL_TYPED:
    case CELL_TRIGGER:
    case CELL_TYPED_GSIGNAL:
    case CELL_TRIGGER_JSON:
    case CELL_HOST_REUSE:
    case CELL_HOST_NEW:
    case CELL_HOST_RESET:
      s->dispatcher = mibew_event_dispatcher_new ();
      s->events = mibew_event_dispatcher_get_thread (s->dispatcher);
      if (cell == CELL_TRIGGER_JSON)
        load_doc (s, "threadPostMessage");
      if (cell == CELL_HOST_REUSE || cell == CELL_HOST_RESET)
        {
          s->thread = mibew_thread_new ();
          mibew_record_set_int (MIBEW_RECORD (s->thread), "id", 42);
          mibew_record_set_string (MIBEW_RECORD (s->thread), "userName", "Visitor");
          mibew_record_set_string (MIBEW_RECORD (s->thread), "agentName", "Operator");
        }
      if (cell != CELL_HOST_REUSE && cell != CELL_HOST_NEW && cell != CELL_TRIGGER_JSON)
        s->args = mibew_post_message_args_new (NULL, KIND_BEFORE, "hello", NULL);
      for (guint i = 0; i < n; i++)
        {
          if (cell == CELL_TYPED_GSIGNAL)
            g_signal_connect (s->events, "post-message", G_CALLBACK (mibew_listener), NULL);
          else
            {
              g_autoptr(GError) error = NULL;

              if (mibew_event_dispatcher_attach_callback (s->dispatcher, "threadPostMessage", 0,
                                                          G_CALLBACK (mibew_listener), NULL, NULL,
                                                          &error) == 0)
                {
                  g_printerr ("bench-emit: attach: %s\n", error->message);
                  exit (2);
                }
            }
        }
      if (mibew_event_dispatcher_get_listener_count (s->dispatcher, "threadPostMessage") !=
          (cell == CELL_TYPED_GSIGNAL ? (n > 0 ? 1u : 0u) : n))
        {
          g_printerr ("bench-emit: %s: unexpected listener count\n", cell_names[cell]);
          exit (2);
        }
      break;

    case N_CELLS:
    default:
      g_assert_not_reached ();
    }

  /* one checked emission, then a warm-up (lazy initialisations, caches) */
  run (s, 1);
  check_kind (s, "after one emission");
  set_kind (s, KIND_BEFORE);
  run (s, N_WARMUP);
}

static void
state_clear (State *s)
{
  g_clear_pointer (&s->direct.listeners, g_free);
  g_clear_pointer (&s->direct.user_data, g_free);
  g_clear_pointer (&s->doc, g_free);
  g_clear_object (&s->gobject);
  g_clear_object (&s->answer_gobject);
  g_clear_object (&s->args);
  g_clear_object (&s->thread);
  g_clear_object (&s->dispatcher);
}

/* Runs @k emissions; returns the elapsed time in ns. */
static guint64
time_run (State   *s,
          guint64  k)
{
  guint64 t0, t1;

  set_kind (s, KIND_BEFORE);
  t0 = bench_now_ns ();
  run (s, k);
  t1 = bench_now_ns ();
  if (k > 0)
    check_kind (s, "after the timed loop");
  else
    sink = get_kind (s);
  return t1 - t0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double median, min, max;
  guint64 iterations;
} Result;

static Result
measure (CellId      cell,
         guint       n,
         const char *json_doc,
         double      seconds)
{
  State s;
  guint64 target = (guint64) (seconds * 1e9);
  guint64 k = 1;
  double samples[N_REPEATS];
  Result r;

  state_init (&s, cell, n, json_doc);

  /* calibrate: grow k until one run lasts about @seconds */
  for (;;)
    {
      guint64 t = time_run (&s, k);
      double scale;

      if (t >= target)
        break;
      if (t < target / 100 || t == 0)
        scale = 10.0;
      else
        scale = 1.05 * (double) target / (double) t;
      k = (guint64) ((double) k * MAX (scale, 1.1)) + 1;
    }

  for (guint i = 0; i < N_REPEATS; i++)
    samples[i] = (double) time_run (&s, k) / (double) k;
  qsort (samples, N_REPEATS, sizeof (double), compare_double);

  r.median = samples[N_REPEATS / 2];
  r.min = samples[0];
  r.max = samples[N_REPEATS - 1];
  r.iterations = k;

  state_clear (&s);
  return r;
}

static const guint all_listener_counts[] = { 0, 1, 10, 100, 1000 };

static void
print_result (const char   *key,
              const Result *r,
              gboolean      last)
{
  printf ("\"%s\": {\"median\": %.3f, \"min\": %.3f, \"max\": %.3f, "
          "\"iterations\": %" G_GUINT64_FORMAT "}%s",
          key, r->median, r->min, r->max, r->iterations, last ? "" : ", ");
}

/* Prints {"glib": ..., "cells": {cell: {count: result}}, "json": {doc:
 * {"json-ours": result, "json-glib": result, "bytes": n}}}. */
static void
run_all (double              seconds,
         guint               max_listeners,
         const char * const *json_docs)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  guint n_counts = 0;
  gboolean first = TRUE;

  while (n_counts < G_N_ELEMENTS (all_listener_counts) &&
         all_listener_counts[n_counts] <= max_listeners)
    n_counts++;

  printf ("{\n  \"glib\": \"%u.%u.%u\",\n", glib_major_version, glib_minor_version,
          glib_micro_version);
  printf ("  \"json_glib\": \"%s\",\n", JSON_VERSION_S);
  printf ("  \"seconds\": %s,\n  \"repeats\": %d,\n",
          g_ascii_formatd (buf, sizeof buf, "%g", seconds), N_REPEATS);

  printf ("  \"cells\": {\n");
  for (guint c = 0; c < N_LISTENER_CELLS; c++)
    {
      if (!HAVE_CELL (c))
        continue;
      printf ("%s    \"%s\": {", first ? "" : ",\n", cell_names[c]);
      first = FALSE;
      for (guint i = 0; i < n_counts; i++)
        {
          Result r = measure ((CellId) c, all_listener_counts[i], NULL, seconds);
          char key[16];

          g_snprintf (key, sizeof key, "%u", all_listener_counts[i]);
          print_result (key, &r, i + 1 == n_counts);
          fflush (stdout);
        }
      printf ("}");
    }
  printf ("\n  },\n  \"json\": {");
  for (guint d = 0; json_docs != NULL && json_docs[d] != NULL; d++)
    {
      Result ours = measure (CELL_JSON_OURS, 1, json_docs[d], seconds);
      Result glib = measure (CELL_JSON_GLIB, 1, json_docs[d], seconds);
      State s;

      state_init (&s, CELL_JSON_GLIB, 1, json_docs[d]);
      printf ("%s\n    \"%s\": {\"bytes\": %" G_GSIZE_FORMAT ", ", d > 0 ? "," : "",
              json_docs[d], s.doc_len);
      state_clear (&s);
      print_result ("json-ours", &ours, FALSE);
      print_result ("json-glib", &glib, TRUE);
      printf ("}");
      fflush (stdout);
    }
  printf ("\n  }\n}\n");
}

static size_t
heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();

  return mi.uordblks + mi.hblkhd;
}

/* Heap bytes per listener for @n listeners of @cell (typed: attached
 * through the dispatcher; typed-gsignal and gsignal: g_signal_connect). */
static double
bytes_per_listener (CellId cell,
                    guint  n)
{
  MibewEventDispatcher *d = mibew_event_dispatcher_new ();
  BenchEmitter *plain = g_object_new (BENCH_TYPE_EMITTER, NULL);
  gpointer events = mibew_event_dispatcher_get_thread (d);
  size_t before, after;

  /* one of each first: lazy tables and the first handler list */
  for (guint round = 0; round < 2; round++)
    {
      guint count = round == 0 ? 1 : n;

      before = heap_in_use ();
      for (guint i = 0; i < count; i++)
        {
          if (cell == CELL_GSIGNAL)
            g_signal_connect (plain, "post-message", G_CALLBACK (gsignal_listener), NULL);
          else if (cell == CELL_TYPED_GSIGNAL)
            g_signal_connect (events, "post-message", G_CALLBACK (mibew_listener), NULL);
          else if (mibew_event_dispatcher_attach_callback (d, "threadPostMessage", 0,
                                                           G_CALLBACK (mibew_listener), NULL,
                                                           NULL, NULL) == 0)
            {
              g_printerr ("bench-emit: attach failed\n");
              exit (2);
            }
        }
      after = heap_in_use ();
    }
  g_object_unref (plain);
  g_object_unref (d);
  return ((double) after - (double) before) / n;
}

static void
run_memory (void)
{
  const guint n = 10000;

  printf ("{\"bytes_per_listener\": {\"typed\": %.1f, \"typed-gsignal\": %.1f, "
          "\"gsignal\": %.1f}, \"listeners\": %u}\n",
          bytes_per_listener (CELL_TYPED, n), bytes_per_listener (CELL_TYPED_GSIGNAL, n),
          bytes_per_listener (CELL_GSIGNAL, n), n);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cell_name = NULL;
  int listeners = 1;
  gint64 iterations = -1;
  gboolean all = FALSE;
  gboolean memory = FALSE;
  double seconds = 0.1;
  int max_listeners = MAX_LISTENERS;
  g_auto(GStrv) json_docs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  GOptionEntry entries[] = {
    { "cell", 0, 0, G_OPTION_ARG_STRING, &cell_name,
      "Run one cell (see the source's first comment for the list)", "NAME" },
    { "json-doc", 0, 0, G_OPTION_ARG_STRING_ARRAY, &json_docs,
      "Event whose tests/data/events/ document the JSON cells use (repeatable with --all)",
      "EVENT" },
    { "max-listeners", 0, 0, G_OPTION_ARG_INT, &max_listeners,
      "With --all: the largest listener count to run (default 1000)", "N" },
    { "listeners", 0, 0, G_OPTION_ARG_INT, &listeners, "Number of listeners (default 1)", "N" },
    { "iterations", 0, 0, G_OPTION_ARG_INT64, &iterations, "Number of emissions", "K" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "Run every cell and print JSON", NULL },
    { "memory", 0, 0, G_OPTION_ARG_NONE, &memory, "Heap bytes per listener, as JSON", NULL },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds,
      "With --all: duration of each timed run (default 0.1)", "S" },
    { NULL }
  };

  context = g_option_context_new ("- time event emission");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-emit: %s\n", error->message);
      return 1;
    }

  if (memory)
    {
      run_memory ();
      return 0;
    }

  if (all)
    {
      if (seconds <= 0 || seconds > 60)
        {
          g_printerr ("bench-emit: --seconds must be in (0, 60]\n");
          return 1;
        }
      run_all (seconds, (guint) CLAMP (max_listeners, 0, MAX_LISTENERS),
               (const char * const *) json_docs);
      return 0;
    }

  if (cell_name != NULL)
    {
      CellId cell = N_CELLS;
      State s;
      guint64 t;

      for (guint c = 0; c < N_CELLS; c++)
        if (strcmp (cell_name, cell_names[c]) == 0)
          cell = (CellId) c;
      if (cell == N_CELLS)
        {
          g_printerr ("bench-emit: unknown cell “%s”\n", cell_name);
          return 1;
        }
      if (!HAVE_CELL (cell))
        {
          g_printerr ("bench-emit: %s needs mibew_event_args_reset(), not in this build\n",
                      cell_name);
          return 3;
        }
      if ((cell == CELL_JSON_OURS || cell == CELL_JSON_GLIB) &&
          (json_docs == NULL || json_docs[0] == NULL))
        {
          g_printerr ("bench-emit: %s needs --json-doc EVENT\n", cell_name);
          return 1;
        }
      if (listeners < 0 || listeners > MAX_LISTENERS)
        {
          g_printerr ("bench-emit: --listeners must be in [0, %d]\n", MAX_LISTENERS);
          return 1;
        }
      if (iterations < 0)
        {
          g_printerr ("bench-emit: --iterations K is required with --cell\n");
          return 1;
        }

      state_init (&s, cell, (guint) listeners, json_docs != NULL ? json_docs[0] : NULL);
      t = time_run (&s, (guint64) iterations);
      state_clear (&s);
      printf ("%.3f\n", iterations > 0 ? (double) t / (double) iterations : 0.0);
      return 0;
    }

  g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
  return 1;
}
