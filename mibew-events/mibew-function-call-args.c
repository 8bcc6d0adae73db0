/* mibew-function-call-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-json-private.h"

#include "mibew-function-call-args.h"

/**
 * MibewFunctionCallArgs:
 *
 * The arguments of `threadFunctionCall`
 * ([signal@MibewEvents.ThreadEvents::function-call]) and `usersFunctionCall`
 * ([signal@MibewEvents.UsersEvents::function-call]): a client (the Chat or the
 * Users application) called an API function.
 *
 * The events fire for every function, built-in ones too: then
 * #MibewFunctionCallArgs:results already holds the core's answer. The signals
 * are detailed by the function name (#MibewFunctionCallArgs:function), so a
 * handler connected to `function-call::microtime` sees only that function.
 * Listeners add to #MibewFunctionCallArgs:results, or return a #JsonObject
 * from the signal, whose members are merged into it (later keys win).
 *
 * JSON form: `{"request_processor": {"kind": "thread"|"users", ...},
 * "function": string, "arguments": {}, "results": {}}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewFunctionCallArgs
{
  MibewEventArgs parent_instance;

  MibewRequestProcessor *request_processor;
  char *function;
  JsonObject *arguments;
  JsonObject *results;
};

G_DEFINE_FINAL_TYPE (MibewFunctionCallArgs, mibew_function_call_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_REQUEST_PROCESSOR,
  PROP_FUNCTION,
  PROP_ARGUMENTS,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_function_call_args_fold_return (MibewEventArgs *args,
                                      gpointer        value)
{
  MibewFunctionCallArgs *self = MIBEW_FUNCTION_CALL_ARGS (args);
  g_autoptr(JsonObject) results = value;

  /* A listener returning the object itself adds nothing. */
  if (results != NULL && results != self->results)
    mibew_json_object_merge (self->results, results);
}

static const char *
mibew_function_call_args_get_detail (MibewEventArgs *args)
{
  return MIBEW_FUNCTION_CALL_ARGS (args)->function;
}

static void
mibew_function_call_args_finalize (GObject *object)
{
  MibewFunctionCallArgs *self = MIBEW_FUNCTION_CALL_ARGS (object);

  g_clear_object (&self->request_processor);
  g_clear_pointer (&self->function, g_free);
  g_clear_pointer (&self->arguments, json_object_unref);
  g_clear_pointer (&self->results, json_object_unref);

  G_OBJECT_CLASS (mibew_function_call_args_parent_class)->finalize (object);
}

static void
mibew_function_call_args_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MibewFunctionCallArgs *self = MIBEW_FUNCTION_CALL_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST_PROCESSOR:
      g_value_set_object (value, self->request_processor);
      break;
    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;
    case PROP_ARGUMENTS:
      g_value_set_boxed (value, self->arguments);
      break;
    case PROP_RESULTS:
      g_value_set_boxed (value, self->results);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_function_call_args_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MibewFunctionCallArgs *self = MIBEW_FUNCTION_CALL_ARGS (object);

  switch (prop_id)
    {
    case PROP_REQUEST_PROCESSOR:
      mibew_function_call_args_set_request_processor (self, g_value_get_object (value));
      break;
    case PROP_FUNCTION:
      mibew_function_call_args_set_function (self, g_value_get_string (value));
      break;
    case PROP_ARGUMENTS:
      mibew_function_call_args_set_arguments (self, g_value_get_boxed (value));
      break;
    case PROP_RESULTS:
      mibew_function_call_args_set_results (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_function_call_args_class_init (MibewFunctionCallArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_function_call_args_finalize;
  object_class->get_property = mibew_function_call_args_get_property;
  object_class->set_property = mibew_function_call_args_set_property;

  args_class->return_type = JSON_TYPE_OBJECT;
  args_class->fold_return = mibew_function_call_args_fold_return;
  args_class->get_detail = mibew_function_call_args_get_detail;

  /**
   * MibewFunctionCallArgs:request-processor:
   *
   * The request processor that handles the call (`request_processor`); its
   * `kind` is `thread` or `users`.
   */
  properties[PROP_REQUEST_PROCESSOR] =
    g_param_spec_object ("request-processor", NULL, NULL, MIBEW_TYPE_REQUEST_PROCESSOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewFunctionCallArgs:function:
   *
   * The name of the called API function (`function`); it is the detail of the
   * signal.
   */
  properties[PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewFunctionCallArgs:arguments:
   *
   * The arguments the client passed to the function (`arguments`), a JSON
   * object.
   */
  properties[PROP_ARGUMENTS] =
    g_param_spec_boxed ("arguments", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewFunctionCallArgs:results:
   *
   * The results of the call (`results`), a JSON object. When the core knows
   * the function it already holds the core's answer (or `errorCode` and
   * `errorMessage`). Listeners add to it or change it in place, or return an
   * object that is merged into it, later keys winning; a non-empty `errorCode`
   * stops the request's remaining functions.
   */
  properties[PROP_RESULTS] =
    g_param_spec_boxed ("results", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_function_call_args_init (MibewFunctionCallArgs *self)
{
  self->function = g_strdup ("");
  self->arguments = json_object_new ();
  self->results = json_object_new ();
}

/**
 * mibew_function_call_args_new:
 * @request_processor: (nullable): the request processor
 * @function: (nullable): the name of the function
 * @arguments: (nullable): the arguments of the function; %NULL for an empty
 *   object
 * @results: (nullable): the results; %NULL for an empty object
 *
 * Creates the arguments of `threadFunctionCall` or `usersFunctionCall`.
 *
 * Returns: (transfer full): new arguments
 */
MibewFunctionCallArgs *
mibew_function_call_args_new (MibewRequestProcessor *request_processor,
                              const char            *function,
                              JsonObject            *arguments,
                              JsonObject            *results)
{
  MibewFunctionCallArgs *self = g_object_new (MIBEW_TYPE_FUNCTION_CALL_ARGS, NULL);

  mibew_function_call_args_set_request_processor (self, request_processor);
  mibew_function_call_args_set_function (self, function);
  if (arguments != NULL)
    mibew_function_call_args_set_arguments (self, arguments);
  if (results != NULL)
    mibew_function_call_args_set_results (self, results);
  return self;
}

/**
 * mibew_function_call_args_get_request_processor:
 * @self: a #MibewFunctionCallArgs
 *
 * Gets the request processor.
 *
 * Returns: (transfer none) (nullable): the request processor
 */
MibewRequestProcessor *
mibew_function_call_args_get_request_processor (MibewFunctionCallArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self), NULL);

  return self->request_processor;
}

/**
 * mibew_function_call_args_set_request_processor:
 * @self: a #MibewFunctionCallArgs
 * @request_processor: (nullable): the request processor
 *
 * Sets the request processor.
 */
void
mibew_function_call_args_set_request_processor (MibewFunctionCallArgs *self,
                                                MibewRequestProcessor *request_processor)
{
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self));
  g_return_if_fail (request_processor == NULL || MIBEW_IS_REQUEST_PROCESSOR (request_processor));

  g_set_object (&self->request_processor, request_processor);
}

/**
 * mibew_function_call_args_get_function:
 * @self: a #MibewFunctionCallArgs
 *
 * Gets the function.
 *
 * Returns: the name of the function
 */
const char *
mibew_function_call_args_get_function (MibewFunctionCallArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self), NULL);

  return self->function;
}

/**
 * mibew_function_call_args_set_function:
 * @self: a #MibewFunctionCallArgs
 * @function: (nullable): the name; %NULL is the empty string
 *
 * Sets the name of the called function.
 */
void
mibew_function_call_args_set_function (MibewFunctionCallArgs *self,
                                       const char            *function)
{
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self));

  if (function == self->function)
    return;
  g_free (self->function);
  self->function = g_strdup (function != NULL ? function : "");
}

/**
 * mibew_function_call_args_get_arguments:
 * @self: a #MibewFunctionCallArgs
 *
 * Gets the arguments the client passed to the function.
 *
 * Returns: (transfer none): the arguments of the function
 */
JsonObject *
mibew_function_call_args_get_arguments (MibewFunctionCallArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self), NULL);

  return self->arguments;
}

/**
 * mibew_function_call_args_set_arguments:
 * @self: a #MibewFunctionCallArgs
 * @arguments: (nullable): the new object, shared; %NULL for an empty object
 *
 * Replaces the arguments of the function.
 */
void
mibew_function_call_args_set_arguments (MibewFunctionCallArgs *self,
                                        JsonObject            *arguments)
{
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self));

  if (arguments == self->arguments)
    return;
  g_clear_pointer (&self->arguments, json_object_unref);
  self->arguments = arguments != NULL ? json_object_ref (arguments)
                                      : json_object_new ();
}

/**
 * mibew_function_call_args_get_results:
 * @self: a #MibewFunctionCallArgs
 *
 * Gets the results, a live object: changes to it are seen by later listeners
 * and the emitter.
 *
 * Returns: (transfer none): the results
 */
JsonObject *
mibew_function_call_args_get_results (MibewFunctionCallArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self), NULL);

  return self->results;
}

/**
 * mibew_function_call_args_set_results:
 * @self: a #MibewFunctionCallArgs
 * @results: (nullable): the new object, shared; %NULL for an empty object
 *
 * Replaces the results.
 */
void
mibew_function_call_args_set_results (MibewFunctionCallArgs *self,
                                      JsonObject            *results)
{
  g_return_if_fail (MIBEW_IS_FUNCTION_CALL_ARGS (self));

  if (results == self->results)
    return;
  g_clear_pointer (&self->results, json_object_unref);
  self->results = results != NULL ? json_object_ref (results)
                                  : json_object_new ();
}
