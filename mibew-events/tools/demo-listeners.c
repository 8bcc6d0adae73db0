/* demo-listeners.c: the example listeners of `mibew-events trigger --demo`
 *
 * No plugins exist yet, so the tool carries three small listeners written
 * in C against the public API, one per way of answering:
 *
 * - a profanity filter on threadPostMessage that *returns* the new message
 *   body (the `chain` fold stores it before the next listener runs);
 * - the seed's `microtime` API function on threadFunctionCall and
 *   usersFunctionCall, which *adds* to the live `results` object;
 * - the seed's `usefulFunc` widget handler on widgetResponseAlter, which
 *   *changes* the response in place.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "demo-listeners.h"

const char * const mibew_demo_bad_words[] = {
  "crap", "damn", "darn", "heck", "idiot", "stupid", NULL,
};

/* Whether @word (lower-case ASCII) starts at @p as a whole word; *@end
 * then points past it. */
static gboolean
word_at (const char  *p,
         const char  *word,
         const char **end)
{
  const char *q = p;

  for (const char *w = word; *w != '\0'; w++)
    {
      if (*q == '\0' || g_unichar_tolower (g_utf8_get_char (q)) != (gunichar) *w)
        return FALSE;
      q = g_utf8_next_char (q);
    }
  if (*q != '\0' && g_unichar_isalnum (g_utf8_get_char (q)))
    return FALSE;
  *end = q;
  return TRUE;
}

char *
mibew_demo_filter_profanity (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean word_start = TRUE;
  gboolean changed = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      const char *end = NULL;
      const char *next;

      if (word_start)
        for (guint i = 0; mibew_demo_bad_words[i] != NULL && end == NULL; i++)
          (void) word_at (p, mibew_demo_bad_words[i], &end);
      if (end != NULL)
        {
          /* one asterisk per character, as the eye counts them */
          for (const char *q = p; q < end; q = g_utf8_next_char (q))
            g_string_append_c (out, '*');
          changed = TRUE;
          word_start = FALSE;
          p = end;
          continue;
        }

      next = g_utf8_next_char (p);
      g_string_append_len (out, p, next - p);
      word_start = !g_unichar_isalnum (g_utf8_get_char (p));
      p = next;
    }

  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* threadPostMessage: answers with the filtered body (transfer full), or
 * NULL when there was nothing to mask. */
static gpointer
on_post_message (MibewEventEmitter *emitter,
                 MibewEventArgs    *args,
                 gpointer           user_data)
{
  const char *body = mibew_post_message_args_get_message_body (MIBEW_POST_MESSAGE_ARGS (args));

  return body != NULL ? mibew_demo_filter_profanity (body) : NULL;
}

/* PHP's empty(): what `empty($function['arguments']['as_float'])` says. */
static gboolean
php_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return !json_node_get_boolean (node);
    case G_TYPE_INT64:
      return json_node_get_int (node) == 0;
    case G_TYPE_DOUBLE:
      return json_node_get_double (node) == 0.0;
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);

        return s == NULL || *s == '\0' || strcmp (s, "0") == 0;
      }
    default:
      return TRUE;
    }
}

/* threadFunctionCall::microtime, usersFunctionCall::microtime: the seed's
 * example, `$function['results']['time'] = microtime($as_float);`. */
static gpointer
on_microtime (MibewEventEmitter *emitter,
              MibewEventArgs    *args,
              gpointer           user_data)
{
  MibewFunctionCallArgs *call = MIBEW_FUNCTION_CALL_ARGS (args);
  JsonObject *arguments = mibew_function_call_args_get_arguments (call);
  JsonObject *results = mibew_function_call_args_get_results (call);
  gint64 now = g_get_real_time ();

  /* the detail already says so; the seed checks it anyway */
  if (g_strcmp0 (mibew_function_call_args_get_function (call), "microtime") != 0 || results == NULL)
    return NULL;

  if (arguments != NULL && !php_empty (json_object_get_member (arguments, "as_float")))
    json_object_set_double_member (results, "time", (double) now / G_USEC_PER_SEC);
  else
    {
      /* PHP's microtime(false): "msec sec", such as "0.41830900 1764001205" */
      g_autofree char *text = g_strdup_printf ("0.%06" G_GINT64_FORMAT "00 %" G_GINT64_FORMAT,
                                               now % G_USEC_PER_SEC, now / G_USEC_PER_SEC);

      json_object_set_string_member (results, "time", text);
    }
  return NULL;
}

/* widgetResponseAlter: the seed's usefulFunc example, changing the
 * response in place. */
static gpointer
on_widget_response_alter (MibewEventEmitter *emitter,
                          MibewEventArgs    *args,
                          gpointer           user_data)
{
  MibewWidgetResponseArgs *widget_args = MIBEW_WIDGET_RESPONSE_ARGS (args);
  MibewWidgetResponse *response = mibew_widget_response_args_get_response (widget_args);
  /* This is just a shortcut for the URL generator. */
  MibewUrlGenerator *g = mibew_widget_response_args_get_asset_url_generator (widget_args);
  const char * const dependencies[] = { "the_lib", "the_func", NULL };
  const char *func_path = "plugins/Mibew/Example/func.js";
  g_autofree char *func_url = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) data_node = NULL;

  if (response == NULL)
    return NULL;

  func_url = g != NULL ? mibew_url_generator_generate (g, func_path) : g_strdup (func_path);
  mibew_widget_response_add_load (response, "the_lib", "");
  mibew_widget_response_add_load (response, "the_func", func_url);
  mibew_widget_response_add_handler (response, "usefulFunc");
  mibew_widget_response_set_dependencies (response, "usefulFunc", dependencies);
  json_object_set_double_member (data, "time", (double) g_get_real_time () / G_USEC_PER_SEC);
  data_node = json_node_init_object (json_node_alloc (), data);
  mibew_widget_response_set_data (response, "usefulFunc", data_node);

  return NULL;
}

gboolean
mibew_demo_attach (MibewEventDispatcher  *dispatcher,
                   GError               **error)
{
  static const struct {
    const char *event;
    MibewListenerFunc func;
  } listeners[] = {
    { "threadPostMessage", on_post_message },
    { "threadFunctionCall::microtime", on_microtime },
    { "usersFunctionCall::microtime", on_microtime },
    { "widgetResponseAlter", on_widget_response_alter },
  };

  g_return_val_if_fail (MIBEW_IS_EVENT_DISPATCHER (dispatcher), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (listeners); i++)
    if (mibew_event_dispatcher_attach_func (dispatcher, listeners[i].event, 0, listeners[i].func,
                                            NULL, NULL, error) == 0)
      return FALSE;
  return TRUE;
}
