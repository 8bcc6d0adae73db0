/* mibew-asset-list.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-i18n-private.h"

#include "mibew-asset-list.h"
#include "mibew-asset-private.h"
#include "mibew-json-private.h"
#include "mibew-error.h"

/**
 * MibewAssetList:
 *
 * The `css` or `js` list of `pageAddCss` and `pageAddJs`
 * ([signal@MibewEvents.PageEvents::add-css],
 * [signal@MibewEvents.PageEvents::add-js]): the assets plugins attach to a
 * page, in the order they were added.
 *
 * The list is a [iface@Gio.ListModel] of [class@MibewEvents.Asset], so it
 * can be iterated from every language and watched with
 * [signal@Gio.ListModel::items-changed].
 *
 * ```c
 * static MibewAssetList *
 * on_add_css (MibewPageEvents *page, MibewAssetsArgs *args, gpointer user_data)
 * {
 *   g_autoptr(MibewAssetList) extra = mibew_asset_list_new ();
 *
 *   mibew_asset_list_add_url (extra, "plugins/Mibew/Example/css/styles.css");
 *   mibew_asset_list_add_inline (extra, ".example { color: red; }", 600);
 *   return g_steal_pointer (&extra);   // appended to the event's list
 * }
 * ```
 *
 * The list keeps duplicates: Mibew's `AssetManager` resolves them when it
 * renders the page, as [method@MibewEvents.AssetList.resolve] does.
 *
 * JSON form: an array of assets, each a string (a relative URL of weight
 * 500) or `{"content", "type", "weight"}`; see [class@MibewEvents.Asset].
 */
struct _MibewAssetList
{
  GObject parent_instance;

  GPtrArray *assets;   /* of MibewAsset, owned */
};

static void mibew_asset_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MibewAssetList, mibew_asset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mibew_asset_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
mibew_asset_list_get_item_type (GListModel *model)
{
  return MIBEW_TYPE_ASSET;
}

static guint
mibew_asset_list_get_n_items (GListModel *model)
{
  return MIBEW_ASSET_LIST (model)->assets->len;
}

static gpointer
mibew_asset_list_get_item (GListModel *model,
                           guint       position)
{
  MibewAssetList *self = MIBEW_ASSET_LIST (model);

  if (position >= self->assets->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->assets, position));
}

static void
mibew_asset_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mibew_asset_list_get_item_type;
  iface->get_n_items = mibew_asset_list_get_n_items;
  iface->get_item = mibew_asset_list_get_item;
}

static void
items_changed (MibewAssetList *self,
               guint           position,
               guint           removed,
               guint           added)
{
  if (removed == 0 && added == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
append_asset (MibewAssetList *self,
              MibewAsset     *asset)
{
  g_ptr_array_add (self->assets, g_object_ref (asset));
  items_changed (self, self->assets->len - 1, 0, 1);
}

static gint
compare_weight (gconstpointer a,
                gconstpointer b)
{
  int wa = mibew_asset_get_weight (*(MibewAsset * const *) a);
  int wb = mibew_asset_get_weight (*(MibewAsset * const *) b);

  return (wa > wb) - (wa < wb);
}

static void
mibew_asset_list_finalize (GObject *object)
{
  MibewAssetList *self = MIBEW_ASSET_LIST (object);

  g_clear_pointer (&self->assets, g_ptr_array_unref);

  G_OBJECT_CLASS (mibew_asset_list_parent_class)->finalize (object);
}

static void
mibew_asset_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MibewAssetList *self = MIBEW_ASSET_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->assets->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_asset_list_class_init (MibewAssetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mibew_asset_list_finalize;
  object_class->get_property = mibew_asset_list_get_property;

  /**
   * MibewAssetList:n-items:
   *
   * The number of assets in the list, as [method@Gio.ListModel.get_n_items]
   * returns it.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_asset_list_init (MibewAssetList *self)
{
  self->assets = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * mibew_asset_list_new:
 *
 * Creates an empty asset list, as `pageAddCss` and `pageAddJs` start.
 *
 * Returns: (transfer full): a new #MibewAssetList
 */
MibewAssetList *
mibew_asset_list_new (void)
{
  return g_object_new (MIBEW_TYPE_ASSET_LIST, NULL);
}

/**
 * mibew_asset_list_new_from_json:
 * @array: the JSON form: an array of assets (see [class@MibewEvents.Asset])
 * @error: return location for a #GError
 *
 * Reads a `css` or `js` list.
 *
 * Returns: (transfer full) (nullable): a new #MibewAssetList, or %NULL
 *   with @error set to %MIBEW_EVENTS_ERROR_INVALID_ARGUMENTS naming the
 *   first bad item by its index (`item 2: “type” must be ...`)
 */
MibewAssetList *
mibew_asset_list_new_from_json (JsonArray  *array,
                                GError    **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (array != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = json_node_init_array (json_node_alloc (), array);
  return mibew_asset_list_decode (node, NULL, error);
}

MibewAssetList *
mibew_asset_list_decode (JsonNode    *node,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(MibewAssetList) self = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      mibew_json_set_type_error (error, path, _("an array of assets"), node);
      return NULL;
    }
  array = json_node_get_array (node);
  self = mibew_asset_list_new ();
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = mibew_json_path_index (path, i);
      MibewAsset *asset = mibew_asset_decode (json_array_get_element (array, i), item, error);

      if (asset == NULL)
        return NULL;
      /* nobody watches a list under construction: no signal */
      g_ptr_array_add (self->assets, asset);
    }
  return g_steal_pointer (&self);
}

/**
 * mibew_asset_list_add:
 * @self: a #MibewAssetList
 * @asset: the asset to append; the list takes a reference
 *
 * Appends @asset, even if the list already holds one with the same URL
 * (see [method@MibewEvents.AssetList.resolve]).
 */
void
mibew_asset_list_add (MibewAssetList *self,
                      MibewAsset     *asset)
{
  g_return_if_fail (MIBEW_IS_ASSET_LIST (self));
  g_return_if_fail (MIBEW_IS_ASSET (asset));

  append_asset (self, asset);
}

/**
 * mibew_asset_list_add_url:
 * @self: a #MibewAssetList
 * @url: a URL relative to Mibew's root
 *
 * Appends a relative URL of weight %MIBEW_ASSET_DEFAULT_WEIGHT (500): the
 * PHP listener's `$args['css'][] = $url;`.
 */
void
mibew_asset_list_add_url (MibewAssetList *self,
                          const char     *url)
{
  g_autoptr(MibewAsset) asset = NULL;

  g_return_if_fail (MIBEW_IS_ASSET_LIST (self));
  g_return_if_fail (url != NULL);

  asset = mibew_asset_new_url (url);
  append_asset (self, asset);
}

/**
 * mibew_asset_list_add_inline:
 * @self: a #MibewAssetList
 * @content: inline CSS or JavaScript code
 * @weight: where the code goes: lower weights come first
 *
 * Appends inline code. Inline assets are never merged, even when their
 * code is the same.
 */
void
mibew_asset_list_add_inline (MibewAssetList *self,
                             const char     *content,
                             int             weight)
{
  g_autoptr(MibewAsset) asset = NULL;

  g_return_if_fail (MIBEW_IS_ASSET_LIST (self));
  g_return_if_fail (content != NULL);

  asset = mibew_asset_new (content, MIBEW_ASSET_TYPE_INLINE, weight);
  append_asset (self, asset);
}

/**
 * mibew_asset_list_remove:
 * @self: a #MibewAssetList
 * @position: the position of the asset to remove
 *
 * Removes the asset at @position; the assets after it move up.
 *
 * Returns: %TRUE if an asset was removed, %FALSE if @position is past
 *   the end
 */
gboolean
mibew_asset_list_remove (MibewAssetList *self,
                         guint           position)
{
  g_return_val_if_fail (MIBEW_IS_ASSET_LIST (self), FALSE);

  if (position >= self->assets->len)
    return FALSE;
  g_ptr_array_remove_index (self->assets, position);
  items_changed (self, position, 1, 0);
  return TRUE;
}

/**
 * mibew_asset_list_append_all:
 * @self: a #MibewAssetList
 * @other: the list whose assets to append; it is not changed
 *
 * Appends every asset of @other, in order, as one change: what happens
 * to the event's list when a listener returns a list. @other may be @self,
 * which doubles the list.
 */
void
mibew_asset_list_append_all (MibewAssetList *self,
                             MibewAssetList *other)
{
  guint old_len;
  guint n;

  g_return_if_fail (MIBEW_IS_ASSET_LIST (self));
  g_return_if_fail (MIBEW_IS_ASSET_LIST (other));

  old_len = self->assets->len;
  n = other->assets->len;   /* read before growing, in case other == self */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->assets, g_object_ref (g_ptr_array_index (other->assets, i)));
  items_changed (self, old_len, 0, n);
}

/**
 * mibew_asset_list_get_asset:
 * @self: a #MibewAssetList
 * @position: a position in the list
 *
 * Gets the asset at @position without taking a reference, unlike
 * [method@Gio.ListModel.get_item].
 *
 * Returns: (transfer none) (nullable): the asset, or %NULL if @position
 *   is past the end
 */
MibewAsset *
mibew_asset_list_get_asset (MibewAssetList *self,
                            guint           position)
{
  g_return_val_if_fail (MIBEW_IS_ASSET_LIST (self), NULL);

  if (position >= self->assets->len)
    return NULL;
  return g_ptr_array_index (self->assets, position);
}

/**
 * mibew_asset_list_resolve:
 * @self: a #MibewAssetList
 *
 * Computes the assets as Mibew's `AssetManager` attaches them to the page:
 *
 * - URL assets (absolute or relative) with the same content are one
 *   asset: it stays at the position of the first occurrence, and takes
 *   the type and weight of the last one;
 * - inline assets are all kept;
 * - the result is sorted by weight, lowest first; assets of equal weight
 *   keep their order.
 *
 * For example `a.css` (500), `b.css` (100), `a.css` (50) resolve to
 * `a.css` (50), `b.css` (100).
 *
 * Returns: (transfer full): a new list; @self is not changed
 */
MibewAssetList *
mibew_asset_list_resolve (MibewAssetList *self)
{
  g_autoptr(GHashTable) url_positions = NULL;   /* content -> position + 1 */
  MibewAssetList *resolved;

  g_return_val_if_fail (MIBEW_IS_ASSET_LIST (self), NULL);

  resolved = mibew_asset_list_new ();
  url_positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->assets->len; i++)
    {
      MibewAsset *asset = g_ptr_array_index (self->assets, i);
      const char *content = mibew_asset_get_content (asset);
      guint position;

      if (!mibew_asset_is_url (asset))
        {
          g_ptr_array_add (resolved->assets, g_object_ref (asset));
          continue;
        }

      /* PHP's `$assets[$url] = $asset`: an existing key keeps its place */
      position = GPOINTER_TO_UINT (g_hash_table_lookup (url_positions, content));
      if (position != 0)
        {
          MibewAsset *old = g_ptr_array_index (resolved->assets, position - 1);

          g_ptr_array_index (resolved->assets, position - 1) = g_object_ref (asset);
          g_object_unref (old);
        }
      else
        {
          g_ptr_array_add (resolved->assets, g_object_ref (asset));
          g_hash_table_insert (url_positions, (gpointer) content,
                               GUINT_TO_POINTER (resolved->assets->len));
        }
    }

  /* g_ptr_array_sort() is a stable sort (documented since GLib 2.32) */
  g_ptr_array_sort (resolved->assets, compare_weight);
  return resolved;
}

/**
 * mibew_asset_list_to_json:
 * @self: a #MibewAssetList
 *
 * Writes the list's JSON form, every asset in the object form.
 *
 * Returns: (transfer full): a new JSON array
 */
JsonArray *
mibew_asset_list_to_json (MibewAssetList *self)
{
  JsonArray *array;

  g_return_val_if_fail (MIBEW_IS_ASSET_LIST (self), NULL);

  array = json_array_sized_new (self->assets->len);
  for (guint i = 0; i < self->assets->len; i++)
    json_array_add_element (array, mibew_asset_to_json (g_ptr_array_index (self->assets, i)));
  return array;
}
