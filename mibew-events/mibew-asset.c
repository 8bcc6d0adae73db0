/* mibew-asset.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include "mibew-json-private.h"

#include "mibew-asset.h"
#include "mibew-enum-types.h"
#include "mibew-error.h"
#include "mibew-asset-private.h"

/**
 * MibewAsset:
 *
 * One CSS or JavaScript asset of a page, as an item of the `css` and `js`
 * lists of `pageAddCss` and `pageAddJs`
 * (`\Mibew\Asset\AssetManagerInterface`): a URL, absolute or relative to
 * Mibew's root, or inline code, with a weight. Lower weights come first on
 * the page; see [method@MibewEvents.AssetList.resolve].
 *
 * An asset is immutable: its properties are set when it is constructed.
 *
 * JSON form: either a string, a relative URL of weight 500 (how Mibew
 * reads a plain string item), or
 * `{"content": string, "type": "absolute"|"relative"|"inline", "weight": int}`
 * where `weight` may be left out (500) and may be a numeric string, as
 * PHP often sends numbers. [method@MibewEvents.Asset.to_json] always
 * writes the object form.
 */
struct _MibewAsset
{
  GObject parent_instance;

  char *content;
  MibewAssetType type;
  int weight;
};

G_DEFINE_FINAL_TYPE (MibewAsset, mibew_asset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_TYPE,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The values of AssetManagerInterface::ABSOLUTE_URL, RELATIVE_URL and
 * INLINE, indexed by MibewAssetType. */
static const char * const type_names[] = {
  [MIBEW_ASSET_TYPE_ABSOLUTE] = "absolute",
  [MIBEW_ASSET_TYPE_RELATIVE] = "relative",
  [MIBEW_ASSET_TYPE_INLINE] = "inline",
};

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An integral number or a numeric string (PHP from MySQL) that fits an int. */
static gboolean
node_to_weight (JsonNode *node,
                int      *out)
{
  gint64 v;

  if (!mibew_json_node_to_int (node, &v) || json_node_get_value_type (node) == G_TYPE_BOOLEAN ||
      v < G_MININT || v > G_MAXINT)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static void
mibew_asset_finalize (GObject *object)
{
  MibewAsset *self = MIBEW_ASSET (object);

  g_clear_pointer (&self->content, g_free);

  G_OBJECT_CLASS (mibew_asset_parent_class)->finalize (object);
}

static void
mibew_asset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MibewAsset *self = MIBEW_ASSET (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;
    case PROP_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_WEIGHT:
      g_value_set_int (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_asset_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MibewAsset *self = MIBEW_ASSET (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_free (self->content);
      self->content = g_strdup (g_value_get_string (value) != NULL
                                ? g_value_get_string (value) : "");
      break;
    case PROP_TYPE:
      self->type = g_value_get_enum (value);
      break;
    case PROP_WEIGHT:
      self->weight = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_asset_class_init (MibewAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_asset_finalize;
  object_class->get_property = mibew_asset_get_property;
  object_class->set_property = mibew_asset_set_property;

  /**
   * MibewAsset:content:
   *
   * The asset's URL (absolute, or relative to Mibew's root) or its inline
   * code, depending on [property@MibewEvents.Asset:type] (`content`).
   * Never %NULL.
   */
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewAsset:type:
   *
   * What [property@MibewEvents.Asset:content] holds (`type`).
   */
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, MIBEW_TYPE_ASSET_TYPE,
                       MIBEW_ASSET_TYPE_RELATIVE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * MibewAsset:weight:
   *
   * Where the asset goes on the page: lower weights come first, equal
   * weights keep their order (`weight`).
   */
  properties[PROP_WEIGHT] =
    g_param_spec_int ("weight", NULL, NULL, G_MININT, G_MAXINT,
                      MIBEW_ASSET_DEFAULT_WEIGHT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_asset_init (MibewAsset *self)
{
  self->content = g_strdup ("");
  self->type = MIBEW_ASSET_TYPE_RELATIVE;
  self->weight = MIBEW_ASSET_DEFAULT_WEIGHT;
}

/**
 * mibew_asset_new:
 * @content: a URL (absolute, or relative to Mibew's root) or inline code
 * @type: what @content is
 * @weight: where the asset goes: lower weights come first; use
 *   %MIBEW_ASSET_DEFAULT_WEIGHT (500) when it does not matter
 *
 * Creates an asset.
 *
 * ```c
 * g_autoptr(MibewAsset) style =
 *   mibew_asset_new (".mibew-chat { color: red; }", MIBEW_ASSET_TYPE_INLINE, 600);
 * ```
 *
 * Returns: (transfer full): a new #MibewAsset
 */
MibewAsset *
mibew_asset_new (const char     *content,
                 MibewAssetType  type,
                 int             weight)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail ((guint) type <= MIBEW_ASSET_TYPE_INLINE, NULL);

  return g_object_new (MIBEW_TYPE_ASSET,
                       "content", content,
                       "type", type,
                       "weight", weight,
                       NULL);
}

/**
 * mibew_asset_new_url:
 * @url: a URL relative to Mibew's root, such as `plugins/Vendor/Name/css/styles.css`
 *
 * Creates a relative URL asset of weight %MIBEW_ASSET_DEFAULT_WEIGHT
 * (500): what Mibew makes of a plain string in the `css` or `js` list.
 *
 * Returns: (transfer full): a new #MibewAsset
 */
MibewAsset *
mibew_asset_new_url (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return mibew_asset_new (url, MIBEW_ASSET_TYPE_RELATIVE, MIBEW_ASSET_DEFAULT_WEIGHT);
}

/**
 * mibew_asset_new_from_json:
 * @node: the JSON form: a string (a relative URL of weight 500) or an
 *   object `{"content": string, "type": "absolute"|"relative"|"inline",
 *   "weight": int}`, `weight` optional (500) and possibly a numeric string
 * @error: return location for a #GError
 *
 * Reads an asset as Mibew reads an item of the `css` or `js` list.
 *
 * Returns: (transfer full) (nullable): a new #MibewAsset, or %NULL with
 *   @error set to %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS saying what is
 *   wrong (`“type” must be “absolute”, “relative” or “inline”, not
 *   “remote”`)
 */
MibewAsset *
mibew_asset_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return mibew_asset_decode (node, NULL, error);
}

MibewAsset *
mibew_asset_decode (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  JsonObject *object;
  JsonNode *content;
  JsonNode *type;
  JsonNode *weight;
  const char *type_name;
  int weight_value = MIBEW_ASSET_DEFAULT_WEIGHT;
  guint type_value;
  g_autofree char *content_path = mibew_json_path_key (path, "content");
  g_autofree char *type_path = mibew_json_path_key (path, "type");
  g_autofree char *weight_path = mibew_json_path_key (path, "weight");

  if (node_is_string (node))
    return mibew_asset_new_url (json_node_get_string (node));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mibew_json_set_type_error (error, path, _("a string or an asset object"), node);
      return NULL;
    }
  object = json_node_get_object (node);

  content = json_object_get_member (object, "content");
  if (content == NULL)
    {
      mibew_json_set_missing_error (error, content_path);
      return NULL;
    }
  if (!node_is_string (content))
    {
      mibew_json_set_type_error (error, content_path, _("a string"), content);
      return NULL;
    }

  type = json_object_get_member (object, "type");
  if (type == NULL)
    {
      mibew_json_set_missing_error (error, type_path);
      return NULL;
    }
  type_name = node_is_string (type) ? json_node_get_string (type) : NULL;
  for (type_value = 0; type_value < G_N_ELEMENTS (type_names); type_value++)
    if (g_strcmp0 (type_name, type_names[type_value]) == 0)
      break;
  if (type_value == G_N_ELEMENTS (type_names))
    {
      mibew_json_set_type_error (error, type_path, _("“absolute”, “relative” or “inline”"), type);
      return NULL;
    }

  /* PHP's isset(): a null weight is no weight */
  weight = json_object_get_member (object, "weight");
  if (weight != NULL && !JSON_NODE_HOLDS_NULL (weight) &&
      !node_to_weight (weight, &weight_value))
    {
      mibew_json_set_type_error (error, weight_path, _("an integer"), weight);
      return NULL;
    }

  return mibew_asset_new (json_node_get_string (content), type_value, weight_value);
}

/**
 * mibew_asset_get_content:
 * @self: a #MibewAsset
 *
 * Gets the URL or the inline code.
 *
 * Returns: (transfer none): the asset's content, owned by @self
 */
const char *
mibew_asset_get_content (MibewAsset *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSET (self), NULL);

  return self->content;
}

/**
 * mibew_asset_get_asset_type:
 * @self: a #MibewAsset
 *
 * Gets what the asset's content is: the [property@MibewEvents.Asset:type]
 * property (the getter cannot be called `get_type`, which every GObject
 * type uses for its #GType).
 *
 * Returns: the asset's type
 */
MibewAssetType
mibew_asset_get_asset_type (MibewAsset *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSET (self), MIBEW_ASSET_TYPE_RELATIVE);

  return self->type;
}

/**
 * mibew_asset_get_weight:
 * @self: a #MibewAsset
 *
 * Gets the asset's weight; lower weights come first on the page.
 *
 * Returns: the weight
 */
int
mibew_asset_get_weight (MibewAsset *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSET (self), MIBEW_ASSET_DEFAULT_WEIGHT);

  return self->weight;
}

/**
 * mibew_asset_is_url:
 * @self: a #MibewAsset
 *
 * Whether the asset is a URL (absolute or relative), as opposed to inline
 * code. URL assets with the same content are the same asset for
 * [method@MibewEvents.AssetList.resolve].
 *
 * Returns: %TRUE for %MIBEW_ASSET_TYPE_ABSOLUTE and %MIBEW_ASSET_TYPE_RELATIVE
 */
gboolean
mibew_asset_is_url (MibewAsset *self)
{
  g_return_val_if_fail (MIBEW_IS_ASSET (self), FALSE);

  return self->type != MIBEW_ASSET_TYPE_INLINE;
}

/**
 * mibew_asset_to_json:
 * @self: a #MibewAsset
 *
 * Writes the asset's JSON form, always the object form:
 * `{"content": string, "type": "absolute"|"relative"|"inline", "weight": int}`.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
mibew_asset_to_json (MibewAsset *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (MIBEW_IS_ASSET (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "content", self->content);
  json_object_set_string_member (object, "type",
                                 (guint) self->type < G_N_ELEMENTS (type_names)
                                 ? type_names[self->type] : "relative");
  json_object_set_int_member (object, "weight", self->weight);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
