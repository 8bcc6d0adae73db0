/* mibew-base-url-generator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include "mibew-json-private.h"

#include <string.h>

#include "mibew-base-url-generator.h"
#include "mibew-asset-private.h"
#include "mibew-error.h"

/**
 * MibewBaseUrlGenerator:
 *
 * A [iface@MibewEvents.UrlGenerator] that puts a base URL — Mibew's root,
 * such as `https://example.com/mibew` — in front of a path, as Mibew's
 * asset URL generator puts the request's base path in front of a relative
 * URL.
 *
 * ```c
 * g_autoptr(MibewBaseUrlGenerator) g = mibew_base_url_generator_new ("https://example.com/mibew/");
 * g_autofree char *url =
 *   mibew_url_generator_generate (MIBEW_URL_GENERATOR (g), "plugins/Mibew/Example/func.js");
 * // url is "https://example.com/mibew/plugins/Mibew/Example/func.js"
 * ```
 *
 * JSON form: `{"base_url": string}`; this is how the `route_url_generator`
 * and `asset_url_generator` of `widgetResponseAlter` cross a process
 * boundary.
 */
struct _MibewBaseUrlGenerator
{
  GObject parent_instance;

  char *base_url;
};

static void mibew_base_url_generator_url_generator_init (MibewUrlGeneratorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MibewBaseUrlGenerator, mibew_base_url_generator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MIBEW_TYPE_URL_GENERATOR,
                                                      mibew_base_url_generator_url_generator_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "//host/...", or a scheme followed by "://" ("http://", "https://", ...).
 * Such a path is already a URL and is not joined to the base. */
static gboolean
is_absolute_url (const char *path)
{
  const char *p = path;

  if (p[0] == '/' && p[1] == '/')
    return TRUE;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return strncmp (p, "://", 3) == 0;
}

static char *
mibew_base_url_generator_generate (MibewUrlGenerator *generator,
                                   const char        *path)
{
  MibewBaseUrlGenerator *self = MIBEW_BASE_URL_GENERATOR (generator);
  gsize base_len;

  if (is_absolute_url (path))
    return g_strdup (path);

  /* exactly one '/' between the base and the path */
  base_len = strlen (self->base_url);
  while (base_len > 0 && self->base_url[base_len - 1] == '/')
    base_len--;
  while (*path == '/')
    path++;

  return g_strdup_printf ("%.*s/%s", (int) base_len, self->base_url, path);
}

static void
mibew_base_url_generator_url_generator_init (MibewUrlGeneratorInterface *iface)
{
  iface->generate = mibew_base_url_generator_generate;
}

static void
mibew_base_url_generator_finalize (GObject *object)
{
  MibewBaseUrlGenerator *self = MIBEW_BASE_URL_GENERATOR (object);

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (mibew_base_url_generator_parent_class)->finalize (object);
}

static void
mibew_base_url_generator_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MibewBaseUrlGenerator *self = MIBEW_BASE_URL_GENERATOR (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_base_url_generator_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MibewBaseUrlGenerator *self = MIBEW_BASE_URL_GENERATOR (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_strdup (g_value_get_string (value) != NULL
                                 ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_base_url_generator_class_init (MibewBaseUrlGeneratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_base_url_generator_finalize;
  object_class->get_property = mibew_base_url_generator_get_property;
  object_class->set_property = mibew_base_url_generator_set_property;

  /**
   * MibewBaseUrlGenerator:base-url:
   *
   * The URL paths are joined to, such as `https://example.com/mibew`
   * (`base_url`); a trailing `/` makes no difference. Never %NULL.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_base_url_generator_init (MibewBaseUrlGenerator *self)
{
  self->base_url = g_strdup ("");
}

/**
 * mibew_base_url_generator_new:
 * @base_url: the URL paths are joined to, such as `https://example.com/mibew`
 *
 * Creates a generator whose [method@MibewEvents.UrlGenerator.generate]
 * joins @base_url and a path with exactly one `/` between them
 * (`https://example.com/mibew/` and `plugins/a.js` make
 * `https://example.com/mibew/plugins/a.js`; `http://x` and `/a.js` make
 * `http://x/a.js`). A path that is already a URL (`https://...`, or
 * `//host/...`) is returned unchanged.
 *
 * Returns: (transfer full): a new #MibewBaseUrlGenerator
 */
MibewBaseUrlGenerator *
mibew_base_url_generator_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (MIBEW_TYPE_BASE_URL_GENERATOR, "base-url", base_url, NULL);
}

/**
 * mibew_base_url_generator_new_from_json:
 * @object: the JSON form, `{"base_url": string}`; other keys are ignored
 * @error: return location for a #GError
 *
 * Reads a URL generator from its JSON form.
 *
 * Returns: (transfer full) (nullable): a new #MibewBaseUrlGenerator, or
 *   %NULL with @error set to %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS if
 *   `base_url` is missing or not a string
 */
MibewBaseUrlGenerator *
mibew_base_url_generator_new_from_json (JsonObject  *object,
                                        GError     **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = json_node_init_object (json_node_alloc (), object);
  return mibew_base_url_generator_decode (node, NULL, error);
}

MibewBaseUrlGenerator *
mibew_base_url_generator_decode (JsonNode    *node,
                                 const char  *path,
                                 GError     **error)
{
  g_autofree char *key_path = mibew_json_path_key (path, "base_url");
  JsonNode *base_url;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mibew_json_set_type_error (error, path, _("an object"), node);
      return NULL;
    }
  base_url = json_object_get_member (json_node_get_object (node), "base_url");
  if (base_url == NULL)
    {
      mibew_json_set_missing_error (error, key_path);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (base_url) || json_node_get_value_type (base_url) != G_TYPE_STRING)
    {
      mibew_json_set_type_error (error, key_path, _("a string"), base_url);
      return NULL;
    }

  return mibew_base_url_generator_new (json_node_get_string (base_url));
}

/**
 * mibew_base_url_generator_get_base_url:
 * @self: a #MibewBaseUrlGenerator
 *
 * Gets the URL paths are joined to.
 *
 * Returns: (transfer none): the base URL, as it was given
 */
const char *
mibew_base_url_generator_get_base_url (MibewBaseUrlGenerator *self)
{
  g_return_val_if_fail (MIBEW_IS_BASE_URL_GENERATOR (self), NULL);

  return self->base_url;
}

/**
 * mibew_base_url_generator_to_json:
 * @self: a #MibewBaseUrlGenerator
 *
 * Writes the generator's JSON form, `{"base_url": string}`.
 *
 * Returns: (transfer full): a new JSON object
 */
JsonObject *
mibew_base_url_generator_to_json (MibewBaseUrlGenerator *self)
{
  JsonObject *object;

  g_return_val_if_fail (MIBEW_IS_BASE_URL_GENERATOR (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "base_url", self->base_url);
  return object;
}
