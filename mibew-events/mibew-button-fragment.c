/* mibew-button-fragment.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-button-fragment.h"

/**
 * MibewButtonFragment:
 *
 * The markup of a generated chat button, as the `\Canteen\HTML5\Fragment`
 * that Mibew passes to `buttonGenerate`
 * ([signal@MibewEvents.ButtonEvents::generate]).
 *
 * Mibew renders the fragment to HTML after the listeners ran, so only the
 * markup matters: listeners read and replace it as a whole with
 * [method@MibewEvents.ButtonFragment.set_html].
 *
 * JSON form: a string, the HTML markup.
 */
struct _MibewButtonFragment
{
  GObject parent_instance;

  char *html;
};

G_DEFINE_FINAL_TYPE (MibewButtonFragment, mibew_button_fragment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTML,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_button_fragment_finalize (GObject *object)
{
  MibewButtonFragment *self = MIBEW_BUTTON_FRAGMENT (object);

  g_clear_pointer (&self->html, g_free);

  G_OBJECT_CLASS (mibew_button_fragment_parent_class)->finalize (object);
}

static void
mibew_button_fragment_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MibewButtonFragment *self = MIBEW_BUTTON_FRAGMENT (object);

  switch (prop_id)
    {
    case PROP_HTML:
      g_value_set_string (value, self->html);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_button_fragment_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MibewButtonFragment *self = MIBEW_BUTTON_FRAGMENT (object);

  switch (prop_id)
    {
    case PROP_HTML:
      mibew_button_fragment_set_html (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_button_fragment_class_init (MibewButtonFragmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_button_fragment_finalize;
  object_class->get_property = mibew_button_fragment_get_property;
  object_class->set_property = mibew_button_fragment_set_property;

  /**
   * MibewButtonFragment:html:
   *
   * The button's HTML markup; never %NULL (setting %NULL stores the empty
   * string).
   */
  properties[PROP_HTML] =
    g_param_spec_string ("html", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_button_fragment_init (MibewButtonFragment *self)
{
  self->html = g_strdup ("");
}

/**
 * mibew_button_fragment_new:
 * @html: (nullable): the button's HTML markup; %NULL for the empty string
 *
 * Creates a button fragment holding @html.
 *
 * ```c
 * MibewButtonFragment *button =
 *   mibew_button_fragment_new ("<a href=\"/chat\">Chat with us</a>");
 * ```
 *
 * Returns: (transfer full): a new #MibewButtonFragment
 */
MibewButtonFragment *
mibew_button_fragment_new (const char *html)
{
  return g_object_new (MIBEW_TYPE_BUTTON_FRAGMENT,
                       "html", html != NULL ? html : "",
                       NULL);
}

/**
 * mibew_button_fragment_get_html:
 * @self: a #MibewButtonFragment
 *
 * Gets the button's markup.
 *
 * Returns: (transfer none): the HTML markup, owned by @self
 */
const char *
mibew_button_fragment_get_html (MibewButtonFragment *self)
{
  g_return_val_if_fail (MIBEW_IS_BUTTON_FRAGMENT (self), NULL);

  return self->html;
}

/**
 * mibew_button_fragment_set_html:
 * @self: a #MibewButtonFragment
 * @html: (nullable): the new markup; %NULL for the empty string
 *
 * Replaces the button's markup.
 */
void
mibew_button_fragment_set_html (MibewButtonFragment *self,
                                const char          *html)
{
  char *copy;

  g_return_if_fail (MIBEW_IS_BUTTON_FRAGMENT (self));

  if (html == NULL)
    html = "";
  if (g_strcmp0 (self->html, html) == 0)
    return;
  /* copy first: @html may point into the old markup */
  copy = g_strdup (html);
  g_free (self->html);
  self->html = copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HTML]);
}
