/* mibew-plugin-graph.c: which plugins load, and in which order
 *
 * Mibew's plugin manager (mibew-model.md, "Plugins"): only enabled
 * plugins load; one whose dependency is missing, disabled or of a version
 * outside its constraint is skipped, and so are the plugins depending on
 * it; a dependency cycle is an error; dependencies come first. The order
 * among plugins ready at the same time is by weight ascending, then by
 * name, so that it does not depend on the order the files were found in.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "mibew-plugin-error.h"
#include "mibew-plugin-graph-private.h"
#include "mibew-plugins-i18n-private.h"

/* Vendor:Name, each part a capital letter then letters or digits */
static gboolean
name_part_is_valid (const char *start,
                    const char *end)
{
  if (start == end || !g_ascii_isupper (*start))
    return FALSE;
  for (const char *p = start + 1; p < end; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

gboolean
mibew_plugin_name_is_valid (const char *name)
{
  const char *colon;

  if (name == NULL)
    return FALSE;
  colon = strchr (name, ':');
  return colon != NULL &&
         name_part_is_valid (name, colon) &&
         name_part_is_valid (colon + 1, colon + strlen (colon));
}

void
mibew_plugin_dependency_free (MibewPluginDependency *dependency)
{
  g_free (dependency->name);
  mibew_version_constraint_free (dependency->constraint);
  g_free (dependency);
}

/* "Vendor:Name constraint; Vendor:Other constraint": the constraint is the
 * rest of the entry after the name (it may hold spaces: `>=1.0 <2.0`,
 * `1.0 - 2.0`), `*` when left out. Entries are separated by `;`, as in a
 * key file's lists; empty entries are ignored. */
GPtrArray *
mibew_plugin_dependencies_parse (const char  *text,
                                 GError     **error)
{
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) mibew_plugin_dependency_free);
  g_auto(GStrv) entries = NULL;

  if (text == NULL)
    return g_steal_pointer (&deps);

  entries = g_strsplit (text, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *entry = g_strstrip (entries[i]);
      g_autofree char *name = NULL;
      const char *rest;
      MibewPluginDependency *dep;

      if (*entry == '\0')
        continue;
      rest = entry + strcspn (entry, " \t");
      name = g_strndup (entry, rest - entry);
      if (!mibew_plugin_name_is_valid (name))
        {
          g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_INFO,
                       _("The dependency “%s” does not start with a plugin name (Vendor:Name)"),
                       entry);
          return NULL;
        }
      while (*rest == ' ' || *rest == '\t')
        rest++;

      dep = g_new0 (MibewPluginDependency, 1);
      dep->name = g_steal_pointer (&name);
      dep->constraint = mibew_version_constraint_parse (*rest != '\0' ? rest : "*", error);
      if (dep->constraint == NULL)
        {
          mibew_plugin_dependency_free (dep);
          return NULL;
        }
      g_ptr_array_add (deps, dep);
    }
  return g_steal_pointer (&deps);
}

/* "Vendor:Name constraint", or just the name when anything goes */
char *
mibew_plugin_dependency_to_string (const MibewPluginDependency *dependency)
{
  const char *constraint = mibew_version_constraint_get_text (dependency->constraint);

  if (strcmp (constraint, "*") == 0)
    return g_strdup (dependency->name);
  return g_strdup_printf ("%s %s", dependency->name, constraint);
}

typedef struct
{
  char *name;
  MibewVersion version;
  gboolean has_version;
  int weight;
  gboolean enabled;
  GPtrArray *deps;      /* MibewPluginDependency, shared with the caller */
  GError *error;        /* why it is skipped */

  /* Tarjan's strongly connected components */
  int index;
  int lowlink;
  gboolean on_stack;
} Node;

struct _MibewPluginGraph
{
  GPtrArray *nodes;     /* Node */
  GHashTable *by_name;  /* name -> index + 1 */
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  mibew_version_clear (&node->version);
  g_clear_pointer (&node->deps, g_ptr_array_unref);
  g_clear_error (&node->error);
  g_free (node);
}

MibewPluginGraph *
mibew_plugin_graph_new (void)
{
  MibewPluginGraph *self = g_new0 (MibewPluginGraph, 1);

  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
mibew_plugin_graph_free (MibewPluginGraph *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_name);
  g_ptr_array_unref (self->nodes);
  g_free (self);
}

/* @version may be NULL when the plugin's version did not parse (then
 * fail the node). Names must be unique. */
guint
mibew_plugin_graph_add (MibewPluginGraph   *self,
                        const char         *name,
                        const MibewVersion *version,
                        int                 weight,
                        gboolean            enabled)
{
  Node *node = g_new0 (Node, 1);

  g_return_val_if_fail (name != NULL, MIBEW_PLUGIN_GRAPH_NONE);
  g_return_val_if_fail (mibew_plugin_graph_lookup (self, name) == MIBEW_PLUGIN_GRAPH_NONE,
                        MIBEW_PLUGIN_GRAPH_NONE);

  node->name = g_strdup (name);
  if (version != NULL)
    {
      mibew_version_copy (version, &node->version);
      node->has_version = TRUE;
    }
  node->weight = weight;
  node->enabled = enabled;
  node->index = -1;
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->by_name, node->name, GUINT_TO_POINTER (self->nodes->len));
  return self->nodes->len - 1;
}

void
mibew_plugin_graph_add_dependencies (MibewPluginGraph *self,
                                     guint             node,
                                     GPtrArray        *dependencies)
{
  Node *n;

  g_return_if_fail (node < self->nodes->len);

  n = g_ptr_array_index (self->nodes, node);
  g_clear_pointer (&n->deps, g_ptr_array_unref);
  n->deps = dependencies != NULL ? g_ptr_array_ref (dependencies) : NULL;
}

/* Marks @node as skipped for @error (transfer full); the first reason
 * stays. */
void
mibew_plugin_graph_fail (MibewPluginGraph *self,
                         guint             node,
                         GError           *error)
{
  Node *n;

  g_return_if_fail (node < self->nodes->len);

  n = g_ptr_array_index (self->nodes, node);
  if (n->error == NULL)
    n->error = error;
  else
    g_error_free (error);
}

guint
mibew_plugin_graph_lookup (MibewPluginGraph *self,
                           const char       *name)
{
  gpointer value = g_hash_table_lookup (self->by_name, name);

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : MIBEW_PLUGIN_GRAPH_NONE;
}

const char *
mibew_plugin_graph_get_name (MibewPluginGraph *self,
                             guint             node)
{
  g_return_val_if_fail (node < self->nodes->len, NULL);

  return ((Node *) g_ptr_array_index (self->nodes, node))->name;
}

const GError *
mibew_plugin_graph_get_error (MibewPluginGraph *self,
                              guint             node)
{
  g_return_val_if_fail (node < self->nodes->len, NULL);

  return ((Node *) g_ptr_array_index (self->nodes, node))->error;
}

static Node *
get_node (MibewPluginGraph *self,
          guint             i)
{
  return g_ptr_array_index (self->nodes, i);
}

/* The enabled node a dependency points at, or NONE */
static guint
dependency_target (MibewPluginGraph            *self,
                   const MibewPluginDependency *dep)
{
  guint target = mibew_plugin_graph_lookup (self, dep->name);

  if (target == MIBEW_PLUGIN_GRAPH_NONE || !get_node (self, target)->enabled)
    return MIBEW_PLUGIN_GRAPH_NONE;
  return target;
}

/* The shortest path of dependencies from @from back to @to inside one
 * component, as node indices starting with @from; NULL when there is none. */
static GArray *
shortest_cycle (MibewPluginGraph *self,
                guint             start,
                const int        *component,
                int               which)
{
  guint n = self->nodes->len;
  g_autofree guint *previous = g_new (guint, n);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *path;
  guint found = MIBEW_PLUGIN_GRAPH_NONE;

  for (guint i = 0; i < n; i++)
    previous[i] = MIBEW_PLUGIN_GRAPH_NONE;
  g_array_append_val (queue, start);

  /* breadth first, over the edges that stay in the component */
  for (guint head = 0; head < queue->len && found == MIBEW_PLUGIN_GRAPH_NONE; head++)
    {
      guint current = g_array_index (queue, guint, head);
      Node *node = get_node (self, current);

      for (guint d = 0; node->deps != NULL && d < node->deps->len; d++)
        {
          guint target = dependency_target (self, g_ptr_array_index (node->deps, d));

          if (target == MIBEW_PLUGIN_GRAPH_NONE || component[target] != which)
            continue;
          if (target == start)
            {
              found = current;
              break;
            }
          if (previous[target] == MIBEW_PLUGIN_GRAPH_NONE)
            {
              previous[target] = current;
              g_array_append_val (queue, target);
            }
        }
    }
  if (found == MIBEW_PLUGIN_GRAPH_NONE)
    return NULL;

  /* walk back from the last node before @start */
  path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint at = found; at != start; at = previous[at])
    g_array_prepend_val (path, at);
  g_array_prepend_val (path, start);
  return path;
}

typedef struct
{
  MibewPluginGraph *graph;
  int next_index;
  GArray *stack;        /* guint */
  int *component;       /* node -> component number, -1 before */
  int n_components;
} Tarjan;

static void
strong_connect (Tarjan *t,
                guint   v)
{
  Node *node = get_node (t->graph, v);

  node->index = node->lowlink = t->next_index++;
  g_array_append_val (t->stack, v);
  node->on_stack = TRUE;

  for (guint d = 0; node->deps != NULL && d < node->deps->len; d++)
    {
      guint w = dependency_target (t->graph, g_ptr_array_index (node->deps, d));
      Node *target;

      if (w == MIBEW_PLUGIN_GRAPH_NONE)
        continue;
      target = get_node (t->graph, w);
      if (target->index < 0)
        {
          strong_connect (t, w);
          node->lowlink = MIN (node->lowlink, target->lowlink);
        }
      else if (target->on_stack)
        node->lowlink = MIN (node->lowlink, target->index);
    }

  if (node->lowlink == node->index)
    {
      guint w;

      do
        {
          w = g_array_index (t->stack, guint, t->stack->len - 1);
          g_array_remove_index (t->stack, t->stack->len - 1);
          get_node (t->graph, w)->on_stack = FALSE;
          t->component[w] = t->n_components;
        }
      while (w != v);
      t->n_components++;
    }
}

/* Every node on a cycle is skipped, naming a cycle it is on. */
static void
fail_cycles (MibewPluginGraph *self)
{
  Tarjan t = { self, 0, g_array_new (FALSE, FALSE, sizeof (guint)), NULL, 0 };

  t.component = g_new (int, MAX (self->nodes->len, 1));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      t.component[i] = -1;
      get_node (self, i)->index = -1;
    }
  for (guint i = 0; i < self->nodes->len; i++)
    if (get_node (self, i)->enabled && get_node (self, i)->index < 0)
      strong_connect (&t, i);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      g_autoptr(GArray) cycle = NULL;
      g_autoptr(GString) text = NULL;

      if (!get_node (self, i)->enabled)
        continue;
      /* a component of one is a cycle only with an edge to itself */
      cycle = shortest_cycle (self, i, t.component, t.component[i]);
      if (cycle == NULL)
        continue;
      text = g_string_new (NULL);
      for (guint k = 0; k < cycle->len; k++)
        g_string_append_printf (text, "%s → ", get_node (self, g_array_index (cycle, guint, k))->name);
      g_string_append (text, get_node (self, i)->name);
      mibew_plugin_graph_fail (self, i,
                               g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_CYCLE,
                                            _("Dependency cycle: %s"), text->str));
    }

  g_array_unref (t.stack);
  g_free (t.component);
}

/* A dependency that is missing, disabled or of the wrong version. */
static void
check_dependencies (MibewPluginGraph *self,
                    Node             *node,
                    guint             i)
{
  for (guint d = 0; node->deps != NULL && d < node->deps->len && node->error == NULL; d++)
    {
      const MibewPluginDependency *dep = g_ptr_array_index (node->deps, d);
      guint target = mibew_plugin_graph_lookup (self, dep->name);
      g_autofree char *wanted = mibew_plugin_dependency_to_string (dep);
      Node *other;

      if (target == MIBEW_PLUGIN_GRAPH_NONE)
        {
          mibew_plugin_graph_fail (self, i,
                                   g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_MISSING_DEPENDENCY,
                                                _("Depends on “%s”, which was not found"), wanted));
          continue;
        }
      other = get_node (self, target);
      if (!other->enabled)
        mibew_plugin_graph_fail (self, i,
                                 g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_DISABLED_DEPENDENCY,
                                              _("Depends on “%s”, which is not enabled"), wanted));
      else if (other->has_version && !mibew_version_constraint_matches (dep->constraint, &other->version))
        {
          g_autofree char *version = mibew_version_to_string (&other->version);

          mibew_plugin_graph_fail (self, i,
                                   g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_DEPENDENCY_VERSION,
                                                _("Depends on “%s”, but %s is version %s"),
                                                wanted, other->name, version));
        }
    }
}

/* Skips the plugins whose dependencies are skipped, until nothing changes. */
static void
propagate_failures (MibewPluginGraph *self)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < self->nodes->len; i++)
        {
          Node *node = get_node (self, i);

          if (!node->enabled || node->error != NULL)
            continue;
          for (guint d = 0; node->deps != NULL && d < node->deps->len; d++)
            {
              const MibewPluginDependency *dep = g_ptr_array_index (node->deps, d);
              guint target = dependency_target (self, dep);

              if (target != MIBEW_PLUGIN_GRAPH_NONE && get_node (self, target)->error != NULL)
                {
                  g_autofree char *wanted = mibew_plugin_dependency_to_string (dep);

                  mibew_plugin_graph_fail (self, i,
                                           g_error_new (MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_DEPENDENCY_FAILED,
                                                        _("Depends on “%s”, which was skipped"), wanted));
                  changed = TRUE;
                  break;
                }
            }
        }
    }
}

static gboolean
runs_before (const Node *a,
             const Node *b)
{
  if (a->weight != b->weight)
    return a->weight < b->weight;
  return strcmp (a->name, b->name) < 0;
}

/* Checks every enabled plugin, skips what Mibew would skip (see
 * mibew_plugin_graph_get_error()) and returns the others in the order to
 * activate them: dependencies first; among plugins whose dependencies are
 * all placed, the lowest weight, then the name. Disabled plugins are in
 * neither. */
GArray *
mibew_plugin_graph_resolve (MibewPluginGraph *self)
{
  guint n = self->nodes->len;
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *pending = g_new0 (guint, MAX (n, 1));   /* dependencies not yet placed */
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));

  fail_cycles (self);
  for (guint i = 0; i < n; i++)
    if (get_node (self, i)->enabled && get_node (self, i)->error == NULL)
      check_dependencies (self, get_node (self, i), i);
  propagate_failures (self);

  /* Kahn's algorithm; the graphs are small, so the next node is found by
   * a scan. A dependency named twice counts twice both ways. */
  for (guint i = 0; i < n; i++)
    {
      Node *node = get_node (self, i);

      if (node->enabled && node->error == NULL && node->deps != NULL)
        pending[i] = node->deps->len;
    }
  for (;;)
    {
      guint best = MIBEW_PLUGIN_GRAPH_NONE;

      for (guint i = 0; i < n; i++)
        {
          Node *node = get_node (self, i);

          if (!node->enabled || node->error != NULL || placed[i] || pending[i] > 0)
            continue;
          if (best == MIBEW_PLUGIN_GRAPH_NONE || runs_before (node, get_node (self, best)))
            best = i;
        }
      if (best == MIBEW_PLUGIN_GRAPH_NONE)
        break;
      placed[best] = TRUE;
      g_array_append_val (order, best);

      for (guint i = 0; i < n; i++)
        {
          Node *node = get_node (self, i);

          for (guint d = 0; node->deps != NULL && d < node->deps->len && !placed[i]; d++)
            if (dependency_target (self, g_ptr_array_index (node->deps, d)) == best)
              pending[i]--;
        }
    }
  return order;
}
