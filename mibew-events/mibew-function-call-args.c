/* mibew-function-call-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-function-call-args.h"
#include "mibew-event-args-private.h"

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
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
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
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_function_call_args);

enum {
  FIELD_REQUEST_PROCESSOR,
  FIELD_FUNCTION,
  FIELD_ARGUMENTS,
  FIELD_RESULTS,
};

static const MibewArgField fields[] = {
  { "request_processor", "request-processor", MIBEW_ARG_RECORD, mibew_request_processor_get_type,
    G_STRUCT_OFFSET (MibewFunctionCallArgs, request_processor), 0, MIBEW_FOLD_NONE,
    "The request processor handling the call" },
  { "function", "function", MIBEW_ARG_STRING, NULL,
    G_STRUCT_OFFSET (MibewFunctionCallArgs, function), MIBEW_ARG_DETAIL, MIBEW_FOLD_NONE,
    "The name of the called function" },
  { "arguments", "arguments", MIBEW_ARG_DICT, NULL,
    G_STRUCT_OFFSET (MibewFunctionCallArgs, arguments), MIBEW_ARG_LAZY, MIBEW_FOLD_NONE,
    "The arguments of the function" },
  { "results", "results", MIBEW_ARG_DICT, NULL,
    G_STRUCT_OFFSET (MibewFunctionCallArgs, results), MIBEW_ARG_LAZY | MIBEW_ARG_USED, MIBEW_FOLD_MERGE,
    "The results of the call" },
};

/**
 * MibewFunctionCallArgs:request-processor:
 *
 * The request processor that handles the call (`request_processor`); its
 * `kind` is `thread` or `users`.
 */
/**
 * MibewFunctionCallArgs:function:
 *
 * The name of the called API function (`function`); it is the detail of the
 * signal.
 */
/**
 * MibewFunctionCallArgs:arguments:
 *
 * The arguments the client passed to the function (`arguments`), a JSON
 * object.
 */
/**
 * MibewFunctionCallArgs:results:
 *
 * The results of the call (`results`), a JSON object. When the core knows
 * the function it already holds the core's answer (or `errorCode` and
 * `errorMessage`). Listeners add to it or change it in place, or return an
 * object that is merged into it, later keys winning; a non-empty `errorCode`
 * stops the request's remaining functions.
 */

static void
mibew_function_call_args_class_init (MibewFunctionCallArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_function_call_args, klass);
}

static void
mibew_function_call_args_init (MibewFunctionCallArgs *self)
{
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
  return mibew_event_args_new_with_values (MIBEW_TYPE_FUNCTION_CALL_ARGS,
                                           (gconstpointer[]) { &request_processor, &function, &arguments, &results });
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args), NULL);

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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args));
  g_return_if_fail (request_processor == NULL || MIBEW_IS_REQUEST_PROCESSOR (request_processor));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_REQUEST_PROCESSOR, &request_processor);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args), NULL);

  return self->function != NULL ? self->function : "";
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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_FUNCTION, &function);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_ARGUMENTS);
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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_ARGUMENTS, &arguments);
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
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_RESULTS);
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
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_function_call_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_RESULTS, &results);
}
