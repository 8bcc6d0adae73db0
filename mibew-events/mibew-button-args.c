/* mibew-button-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-button-args.h"

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
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewButtonArgs
{
  MibewEventArgs parent_instance;

  MibewButtonFragment *button;
  JsonObject *generator;
};

G_DEFINE_FINAL_TYPE (MibewButtonArgs, mibew_button_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_BUTTON,
  PROP_GENERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_button_args_fold_return (MibewEventArgs *args,
                               gpointer        value)
{
  MibewButtonArgs *self = MIBEW_BUTTON_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->button);
  self->button = value;
}

static void
mibew_button_args_finalize (GObject *object)
{
  MibewButtonArgs *self = MIBEW_BUTTON_ARGS (object);

  g_clear_object (&self->button);
  g_clear_pointer (&self->generator, json_object_unref);

  G_OBJECT_CLASS (mibew_button_args_parent_class)->finalize (object);
}

static void
mibew_button_args_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MibewButtonArgs *self = MIBEW_BUTTON_ARGS (object);

  switch (prop_id)
    {
    case PROP_BUTTON:
      g_value_set_object (value, self->button);
      break;
    case PROP_GENERATOR:
      g_value_set_boxed (value, self->generator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_button_args_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MibewButtonArgs *self = MIBEW_BUTTON_ARGS (object);

  switch (prop_id)
    {
    case PROP_BUTTON:
      mibew_button_args_set_button (self, g_value_get_object (value));
      break;
    case PROP_GENERATOR:
      mibew_button_args_set_generator (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_button_args_class_init (MibewButtonArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_button_args_finalize;
  object_class->get_property = mibew_button_args_get_property;
  object_class->set_property = mibew_button_args_set_property;

  args_class->return_type = MIBEW_TYPE_BUTTON_FRAGMENT;
  args_class->fold_return = mibew_button_args_fold_return;

  /**
   * MibewButtonArgs:button:
   *
   * The markup of the generated button (`button`, an HTML string in JSON).
   * Listeners may change it, or replace it by returning a new
   * #MibewButtonFragment from the signal; Mibew uses the final markup.
   */
  properties[PROP_BUTTON] =
    g_param_spec_object ("button", NULL, NULL, MIBEW_TYPE_BUTTON_FRAGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewButtonArgs:generator:
   *
   * A description of the button generator that was used (`generator`), a JSON
   * object. Changing it has no effect on the button.
   */
  properties[PROP_GENERATOR] =
    g_param_spec_boxed ("generator", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_button_args_init (MibewButtonArgs *self)
{
  self->generator = json_object_new ();
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
  MibewButtonArgs *self = g_object_new (MIBEW_TYPE_BUTTON_ARGS, NULL);

  mibew_button_args_set_button (self, button);
  if (generator != NULL)
    mibew_button_args_set_generator (self, generator);
  return self;
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
  g_return_val_if_fail (MIBEW_IS_BUTTON_ARGS (self), NULL);

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
  g_return_if_fail (MIBEW_IS_BUTTON_ARGS (self));
  g_return_if_fail (button == NULL || MIBEW_IS_BUTTON_FRAGMENT (button));

  g_set_object (&self->button, button);
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
  g_return_val_if_fail (MIBEW_IS_BUTTON_ARGS (self), NULL);

  return self->generator;
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
  g_return_if_fail (MIBEW_IS_BUTTON_ARGS (self));

  if (generator == self->generator)
    return;
  g_clear_pointer (&self->generator, json_object_unref);
  self->generator = generator != NULL ? json_object_ref (generator)
                                      : json_object_new ();
}
