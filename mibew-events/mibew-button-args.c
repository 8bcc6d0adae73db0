/* mibew-button-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-button-args.h"
#include "mibew-event-args-private.h"

/**
 * MibewButtonArgs:
 *
 * The arguments of `buttonGenerate`
 * ([signal@MibewEvents.ButtonEvents::generate]): the markup of a chat button
 * that has just been generated.
 *
 * Listeners may change the markup in #MibewButtonArgs:button, or return a new
 * #MibewButtonFragment from the signal, which replaces it before the next
 * listener runs; Mibew uses the final markup. #MibewButtonArgs:generator is
 * for reading only.
 *
 * JSON form: `{"button": string (HTML), "generator": {...}}`, where
 * `generator` describes the button generator that was used.
 *
 * Lifetime: see #MibewEventArgs: the arguments hold a reference on
 * every value in them, and the getters return it without a new one.
 */
struct _MibewButtonArgs
{
  MibewEventArgs parent_instance;

  MibewButtonFragment *button;
  JsonObject *generator;
};

G_DEFINE_FINAL_TYPE (MibewButtonArgs, mibew_button_args, MIBEW_TYPE_EVENT_ARGS)
MIBEW_ARGS_DEFINE_TYPE_CACHE (mibew_button_args);

enum {
  FIELD_BUTTON,
  FIELD_GENERATOR,
};

static const MibewArgField fields[] = {
  { "button", "button", MIBEW_ARG_FRAGMENT, NULL,
    G_STRUCT_OFFSET (MibewButtonArgs, button), MIBEW_ARG_USED, MIBEW_FOLD_REPLACE,
    "The markup of the generated button" },
  { "generator", "generator", MIBEW_ARG_DICT, NULL,
    G_STRUCT_OFFSET (MibewButtonArgs, generator), MIBEW_ARG_LAZY, MIBEW_FOLD_NONE,
    "A description of the button generator" },
};

/**
 * MibewButtonArgs:button:
 *
 * The markup of the generated button (`button`, an HTML string in JSON).
 * Listeners may change it, or replace it by returning a new
 * #MibewButtonFragment from the signal; Mibew uses the final markup.
 */
/**
 * MibewButtonArgs:generator:
 *
 * A description of the button generator that was used (`generator`), a JSON
 * object. Changing it has no effect on the button.
 */

static void
mibew_button_args_class_init (MibewButtonArgsClass *klass)
{
  mibew_event_args_class_install_fields (MIBEW_EVENT_ARGS_CLASS (klass), fields, G_N_ELEMENTS (fields));
  MIBEW_ARGS_SET_TYPE_CACHE (mibew_button_args, klass);
}

static void
mibew_button_args_init (MibewButtonArgs *self)
{
}

/**
 * mibew_button_args_new:
 * @button: (nullable): the markup of the button
 * @generator: (nullable): the description of the generator; %NULL for an empty
 *   object
 *
 * Creates the arguments of `buttonGenerate`.
 *
 * Returns: (transfer full): new arguments
 */
MibewButtonArgs *
mibew_button_args_new (MibewButtonFragment *button,
                       JsonObject          *generator)
{
  return mibew_event_args_new_with_values (MIBEW_TYPE_BUTTON_ARGS,
                                           (gconstpointer[]) { &button, &generator });
}

/**
 * mibew_button_args_get_button:
 * @self: a #MibewButtonArgs
 *
 * Gets the button.
 *
 * Returns: (transfer none) (nullable): the markup of the button
 */
MibewButtonFragment *
mibew_button_args_get_button (MibewButtonArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_button_args), NULL);

  return self->button;
}

/**
 * mibew_button_args_set_button:
 * @self: a #MibewButtonArgs
 * @button: (nullable): the markup of the button
 *
 * Replaces the markup of the button.
 */
void
mibew_button_args_set_button (MibewButtonArgs     *self,
                              MibewButtonFragment *button)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_button_args));
  g_return_if_fail (button == NULL || MIBEW_IS_BUTTON_FRAGMENT (button));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_BUTTON, &button);
}

/**
 * mibew_button_args_get_generator:
 * @self: a #MibewButtonArgs
 *
 * Gets the description of the button generator that was used.
 *
 * Returns: (transfer none): the description of the generator
 */
JsonObject *
mibew_button_args_get_generator (MibewButtonArgs *self)
{
  g_return_val_if_fail (MIBEW_ARGS_IS (self, mibew_button_args), NULL);

  return mibew_event_args_get_lazy (MIBEW_ARGS_BASE (self), FIELD_GENERATOR);
}

/**
 * mibew_button_args_set_generator:
 * @self: a #MibewButtonArgs
 * @generator: (nullable): the new object, shared; %NULL for an empty object
 *
 * Replaces the description of the generator.
 */
void
mibew_button_args_set_generator (MibewButtonArgs *self,
                                 JsonObject      *generator)
{
  g_return_if_fail (MIBEW_ARGS_IS (self, mibew_button_args));

  mibew_event_args_set_field (MIBEW_ARGS_BASE (self), FIELD_GENERATOR, &generator);
}
