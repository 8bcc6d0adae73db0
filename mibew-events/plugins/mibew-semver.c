/* mibew-semver.c: semantic versions and Composer-style version constraints
 *
 * Mibew's plugin manager checks a plugin's dependencies with Composer's
 * constraint syntax (composer/semver's VersionParser). Debian has no C
 * library for it (libsemver and friends parse versions, not Composer's
 * `~`, `^`, hyphen ranges, wildcards and `||`), so it is written here,
 * following composer/semver 3:
 *
 *   1.2.3          exactly 1.2.3 (a partial `1.2` means 1.2.0)
 *   =1.2 ==1.2     the same
 *   !=1.2 <>1.2    anything else
 *   >=1.2 <2.0     comparisons: > >= < <=
 *   1.2 - 2.3.4    hyphen range, inclusive; a partial upper end takes in
 *                  its whole series (`1.0 - 2.0` is `>=1.0 <2.1`)
 *   ~1.2 ~1.2.3    the last part given may grow: >=1.2 <2.0, >=1.2.3 <1.3
 *   ^1.2.3 ^0.3    no change left of the first non-zero part: >=1.2.3 <2.0,
 *                  >=0.3 <0.4
 *   1.x 1.2.* *    wildcards: >=1.0 <2.0, >=1.2 <1.3, anything
 *   A, B  or  A B  both (AND)
 *   A || B         either (OR; a single `|` too, as Composer accepts)
 *
 * As in Composer, a bound that excludes a version's series from below or
 * above excludes its pre-releases with it: `<2.0` does not match
 * 2.0.0-beta, `>=1.2` does match 1.2.0-beta (Composer appends `-dev`, the
 * lowest stability, to the versions of `<`, `>=`, and the ranges). Those
 * bounds are "dev" bounds here: below every pre-release of their version.
 * Pre-releases otherwise order as semver 2.0.0 says (not by Composer's
 * stability names); build metadata (`+...`) is ignored. Stability flags
 * (`@dev`), `dev-` branches and four-part versions are not supported.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "mibew-plugin-error.h"
#include "mibew-plugins-i18n-private.h"
#include "mibew-semver-private.h"

/* keeps `+ 1` on any part from overflowing */
#define MAX_PART G_MAXUINT32

typedef enum
{
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Op;

typedef struct
{
  Op op;
  MibewVersion version;
  gboolean dev;         /* the version stands for "below its pre-releases" */
} Bound;

/* a conjunction: every bound must hold; none at all matches anything */
typedef struct
{
  GArray *bounds;       /* Bound */
} Conjunction;

struct _MibewVersionConstraint
{
  char *text;
  GPtrArray *alternatives;      /* Conjunction *: any may hold */
};

/* A version as written in a constraint: up to three numeric parts,
 * possibly followed by wildcards, and a pre-release. */
typedef struct
{
  guint64 parts[3];
  guint n_parts;        /* numeric parts given, 0 to 3 */
  gboolean wildcard;    /* a wildcard followed the numeric parts */
  char *prerelease;
} Partial;

static void
partial_clear (Partial *p)
{
  g_clear_pointer (&p->prerelease, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Partial, partial_clear)

static gboolean
is_wildcard (const char *s,
             gsize       len)
{
  return len == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*');
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* dot-separated identifiers of [0-9A-Za-z-], none empty (semver 9, 10) */
static gboolean
valid_identifiers (const char *s)
{
  gboolean empty = TRUE;

  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    {
      if (*s == '.')
        {
          if (empty)
            return FALSE;
          empty = TRUE;
        }
      else if (g_ascii_isalnum (*s) || *s == '-')
        empty = FALSE;
      else
        return FALSE;
    }
  return !empty;
}

/* Parses a (possibly partial, possibly wildcard) version; FALSE for
 * anything else, the caller says what was expected. */
static gboolean
parse_partial (const char *text,
               Partial    *out)
{
  g_autofree char *copy = g_strdup (text);
  char *core = copy;
  char *plus, *dash;
  guint n = 0;

  memset (out, 0, sizeof *out);

  /* build metadata plays no part */
  plus = strchr (core, '+');
  if (plus != NULL)
    {
      if (!valid_identifiers (plus + 1))
        return FALSE;
      *plus = '\0';
    }
  dash = strchr (core, '-');
  if (dash != NULL)
    {
      if (!valid_identifiers (dash + 1))
        return FALSE;
      *dash = '\0';
    }
  if (core[0] == 'v' || core[0] == 'V')
    core++;
  if (*core == '\0')
    return FALSE;

  for (const char *p = core;;)
    {
      const char *dot = strchr (p, '.');
      gsize len = dot != NULL ? (gsize) (dot - p) : strlen (p);

      if (n == 3)
        return FALSE;           /* a fourth part */
      if (is_wildcard (p, len))
        out->wildcard = TRUE;
      else if (out->wildcard || !all_digits (p, len) || len > 10)
        return FALSE;           /* a number after a wildcard, or no number */
      else
        {
          guint64 value = g_ascii_strtoull (p, NULL, 10);

          if (value > MAX_PART)
            return FALSE;
          out->parts[out->n_parts++] = value;
        }
      n++;
      if (dot == NULL)
        break;
      p = dot + 1;
    }

  /* a wildcard version has no pre-release */
  if (out->wildcard && dash != NULL)
    return FALSE;
  if (dash != NULL)
    out->prerelease = g_strdup (dash + 1);
  return TRUE;
}

static void
set_constraint_error (GError     **error,
                      const char  *text,
                      const char  *detail)
{
  g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION,
               _("“%s” is not a valid version constraint: %s"), text, detail);
}

gboolean
mibew_version_parse (const char    *text,
                     MibewVersion  *version,
                     GError       **error)
{
  g_auto(Partial) p = { { 0 }, 0, FALSE, NULL };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  memset (version, 0, sizeof *version);
  if (!parse_partial (text, &p) || p.wildcard)
    {
      g_set_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION,
                   _("“%s” is not a semantic version (such as 1.2.3)"), text);
      return FALSE;
    }
  version->major = p.parts[0];
  version->minor = p.parts[1];
  version->patch = p.parts[2];
  version->prerelease = g_steal_pointer (&p.prerelease);
  return TRUE;
}

void
mibew_version_clear (MibewVersion *version)
{
  g_clear_pointer (&version->prerelease, g_free);
}

void
mibew_version_copy (const MibewVersion *src,
                    MibewVersion       *dest)
{
  *dest = *src;
  dest->prerelease = g_strdup (src->prerelease);
}

static int
cmp_u64 (guint64 a,
         guint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
core_compare (const MibewVersion *a,
              const MibewVersion *b)
{
  int c = cmp_u64 (a->major, b->major);

  if (c == 0)
    c = cmp_u64 (a->minor, b->minor);
  if (c == 0)
    c = cmp_u64 (a->patch, b->patch);
  return c;
}

/* semver 11.4: identifier by identifier; numbers numerically and below
 * words; a longer list wins when one is a prefix of the other */
static int
prerelease_compare (const char *a,
                    const char *b)
{
  g_auto(GStrv) ia = g_strsplit (a, ".", -1);
  g_auto(GStrv) ib = g_strsplit (b, ".", -1);
  guint i;

  for (i = 0; ia[i] != NULL && ib[i] != NULL; i++)
    {
      gboolean na = all_digits (ia[i], strlen (ia[i]));
      gboolean nb = all_digits (ib[i], strlen (ib[i]));
      int c;

      if (na && nb)
        {
          /* without leading zeros, the longer number is the larger */
          const char *da = ia[i], *db = ib[i];

          while (*da == '0' && da[1] != '\0')
            da++;
          while (*db == '0' && db[1] != '\0')
            db++;
          c = cmp_u64 (strlen (da), strlen (db));
          if (c == 0)
            c = strcmp (da, db);
        }
      else if (na != nb)
        c = na ? -1 : 1;
      else
        c = strcmp (ia[i], ib[i]);
      if (c != 0)
        return c < 0 ? -1 : 1;
    }
  if (ia[i] == NULL && ib[i] == NULL)
    return 0;
  return ia[i] == NULL ? -1 : 1;
}

int
mibew_version_compare (const MibewVersion *a,
                       const MibewVersion *b)
{
  int c = core_compare (a, b);

  if (c != 0)
    return c;
  /* a release ranks above its pre-releases */
  if (a->prerelease == NULL || b->prerelease == NULL)
    return a->prerelease == b->prerelease ? 0 : a->prerelease == NULL ? 1 : -1;
  return prerelease_compare (a->prerelease, b->prerelease);
}

char *
mibew_version_to_string (const MibewVersion *version)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%s%s",
                          version->major, version->minor, version->patch,
                          version->prerelease != NULL ? "-" : "",
                          version->prerelease != NULL ? version->prerelease : "");
}

static gboolean
bound_matches (const Bound        *bound,
               const MibewVersion *version)
{
  int c;

  if (bound->dev)
    {
      /* the bound sits below every pre-release of its version */
      c = core_compare (version, &bound->version);
      if (c == 0)
        c = 1;
    }
  else
    c = mibew_version_compare (version, &bound->version);

  switch (bound->op)
    {
    case OP_EQ: return c == 0;
    case OP_NE: return c != 0;
    case OP_LT: return c < 0;
    case OP_LE: return c <= 0;
    case OP_GT: return c > 0;
    case OP_GE: return c >= 0;
    default: g_assert_not_reached ();
    }
}

static void
bound_clear (gpointer data)
{
  mibew_version_clear (&((Bound *) data)->version);
}

static Conjunction *
conjunction_new (void)
{
  Conjunction *c = g_new0 (Conjunction, 1);

  c->bounds = g_array_new (FALSE, TRUE, sizeof (Bound));
  g_array_set_clear_func (c->bounds, bound_clear);
  return c;
}

static void
conjunction_free (gpointer data)
{
  Conjunction *c = data;

  g_array_unref (c->bounds);
  g_free (c);
}

/* Adds a bound at the partial version @p, its missing parts zero. A
 * version with a pre-release of its own is never a dev bound:
 * `~1.2.3-beta` starts at 1.2.3-beta. */
static void
add_bound (Conjunction   *c,
           Op             op,
           const Partial *p,
           gboolean       dev)
{
  Bound b = { op, { p->parts[0], p->parts[1], p->parts[2], g_strdup (p->prerelease) }, FALSE };

  b.dev = dev && p->prerelease == NULL;
  g_array_append_val (c->bounds, b);
}

/* Adds `<` the next version at @position (0 major, 1 minor, 2 patch),
 * below its pre-releases. */
static void
add_upper (Conjunction   *c,
           const Partial *p,
           guint          position)
{
  Partial next = { { 0, 0, 0 }, 3, FALSE, NULL };

  for (guint i = 0; i < position; i++)
    next.parts[i] = p->parts[i];
  next.parts[position] = p->parts[position] + 1;
  add_bound (c, OP_LT, &next, TRUE);
}

static gboolean
parse_operator (const char  *token,
                Op          *op,
                const char **rest)
{
  static const struct { const char *text; Op op; } ops[] = {
    /* longest first */
    { ">=", OP_GE }, { "<=", OP_LE }, { "<>", OP_NE }, { "!=", OP_NE }, { "==", OP_EQ },
    { ">", OP_GT }, { "<", OP_LT }, { "=", OP_EQ },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (token, ops[i].text))
      {
        *op = ops[i].op;
        *rest = token + strlen (ops[i].text);
        return TRUE;
      }
  return FALSE;
}

/* The operator-only tokens that take the next token as their version:
 * `>= 1.2`, `~ 1.2`. */
static gboolean
is_operator_token (const char *token)
{
  static const char * const ops[] = { ">=", "<=", "<>", "!=", "==", ">", "<", "=", "~", "^", NULL };

  return g_strv_contains (ops, token);
}

static gboolean
parse_plain_version (const char  *text,
                     const char  *whole,
                     Partial     *p,
                     GError     **error)
{
  if (!parse_partial (text, p))
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a version"), text);

      set_constraint_error (error, whole, detail);
      return FALSE;
    }
  if (p->wildcard)
    {
      g_autofree char *detail = g_strdup_printf (_("a wildcard (“%s”) cannot be combined with an operator or a range"),
                                                 text);

      set_constraint_error (error, whole, detail);
      return FALSE;
    }
  return TRUE;
}

/* One constraint without AND or OR: adds its bounds to @c. */
static gboolean
parse_single (const char   *token,
              const char   *whole,
              Conjunction  *c,
              GError      **error)
{
  g_auto(Partial) p = { { 0 }, 0, FALSE, NULL };
  const char *rest;
  Op op;

  if (token[0] == '~' || token[0] == '^')
    {
      gboolean tilde = token[0] == '~';
      guint position;

      if (!parse_plain_version (token + 1, whole, &p, error))
        return FALSE;
      if (p.n_parts == 0)
        {
          set_constraint_error (error, whole, _("a version must follow “~” and “^”"));
          return FALSE;
        }
      add_bound (c, OP_GE, &p, TRUE);
      if (tilde)
        /* ~1 and ~1.2 may grow up to the next major, ~1.2.3 to the next minor */
        position = p.n_parts == 3 ? 1 : 0;
      else if (p.parts[0] != 0 || p.n_parts == 1)
        position = 0;
      else if (p.parts[1] != 0 || p.n_parts == 2)
        position = 1;
      else
        position = 2;
      add_upper (c, &p, position);
      return TRUE;
    }

  if (parse_operator (token, &op, &rest))
    {
      if (!parse_plain_version (rest, whole, &p, error))
        return FALSE;
      /* Composer: `<` and `>=` without a stability of their own exclude or
       * include the version's pre-releases */
      add_bound (c, op, &p, op == OP_LT || op == OP_GE);
      return TRUE;
    }

  if (!parse_partial (token, &p))
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a version"), token);

      set_constraint_error (error, whole, detail);
      return FALSE;
    }
  if (p.wildcard)
    {
      /* `*` matches anything: no bound at all */
      if (p.n_parts > 0)
        {
          add_bound (c, OP_GE, &p, TRUE);
          add_upper (c, &p, p.n_parts - 1);
        }
      return TRUE;
    }
  add_bound (c, OP_EQ, &p, FALSE);
  return TRUE;
}

static gboolean
parse_hyphen (const char   *from,
              const char   *to,
              const char   *whole,
              Conjunction  *c,
              GError      **error)
{
  g_auto(Partial) low = { { 0 }, 0, FALSE, NULL };
  g_auto(Partial) high = { { 0 }, 0, FALSE, NULL };

  if (!parse_plain_version (from, whole, &low, error) ||
      !parse_plain_version (to, whole, &high, error))
    return FALSE;
  add_bound (c, OP_GE, &low, TRUE);
  if (high.n_parts == 3 || high.prerelease != NULL)
    add_bound (c, OP_LE, &high, FALSE);
  else
    /* a partial upper end takes in its whole series */
    add_upper (c, &high, high.n_parts - 1);
  return TRUE;
}

static Conjunction *
parse_conjunction (const char  *text,
                   const char  *whole,
                   GError     **error)
{
  Conjunction *c = conjunction_new ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = NULL;
  guint i;

  /* AND: commas or white space */
  pieces = g_regex_split_simple ("[\\s,]+", text, 0, 0);
  for (i = 0; pieces[i] != NULL; i++)
    if (pieces[i][0] != '\0')
      g_ptr_array_add (tokens, g_strdup (pieces[i]));

  if (tokens->len == 0)
    {
      set_constraint_error (error, whole, _("an alternative is empty"));
      goto fail;
    }

  for (i = 0; i < tokens->len; i++)
    {
      g_autofree char *token = g_strdup (g_ptr_array_index (tokens, i));

      /* `>= 1.2`: an operator on its own takes the next token */
      if (is_operator_token (token))
        {
          if (i + 1 >= tokens->len)
            {
              g_autofree char *detail = g_strdup_printf (_("“%s” is not followed by a version"), token);

              set_constraint_error (error, whole, detail);
              goto fail;
            }
          g_free (token);
          token = g_strconcat (g_ptr_array_index (tokens, i), g_ptr_array_index (tokens, i + 1), NULL);
          i++;
        }
      else if (i + 1 < tokens->len && strcmp (g_ptr_array_index (tokens, i + 1), "-") == 0)
        {
          if (i + 2 >= tokens->len)
            {
              set_constraint_error (error, whole, _("a hyphen range lacks its upper end"));
              goto fail;
            }
          if (!parse_hyphen (token, g_ptr_array_index (tokens, i + 2), whole, c, error))
            goto fail;
          i += 2;
          continue;
        }
      else if (strcmp (token, "-") == 0)
        {
          set_constraint_error (error, whole, _("a hyphen range lacks its lower end"));
          goto fail;
        }

      if (!parse_single (token, whole, c, error))
        goto fail;
    }
  return c;

fail:
  conjunction_free (c);
  return NULL;
}

MibewVersionConstraint *
mibew_version_constraint_parse (const char  *text,
                                GError     **error)
{
  g_autoptr(MibewVersionConstraint) self = NULL;
  g_autofree char *normal = NULL;
  g_auto(GStrv) alternatives = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (MibewVersionConstraint, 1);
  self->text = g_strstrip (g_strdup (text));
  self->alternatives = g_ptr_array_new_with_free_func (conjunction_free);

  if (self->text[0] == '\0')
    {
      set_constraint_error (error, text, _("it is empty"));
      return NULL;
    }

  /* OR: `||`, or the single `|` Composer also accepts */
  normal = g_strdup (self->text);
  alternatives = g_regex_split_simple ("\\|\\|?", normal, 0, 0);
  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      Conjunction *c = parse_conjunction (alternatives[i], self->text, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (self->alternatives, c);
    }
  return g_steal_pointer (&self);
}

void
mibew_version_constraint_free (MibewVersionConstraint *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_clear_pointer (&self->alternatives, g_ptr_array_unref);
  g_free (self);
}

gboolean
mibew_version_constraint_matches (const MibewVersionConstraint *self,
                                  const MibewVersion           *version)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      const Conjunction *c = g_ptr_array_index (self->alternatives, i);
      gboolean all = TRUE;

      for (guint j = 0; j < c->bounds->len && all; j++)
        all = bound_matches (&g_array_index (c->bounds, Bound, j), version);
      if (all)
        return TRUE;
    }
  return FALSE;
}

const char *
mibew_version_constraint_get_text (const MibewVersionConstraint *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/* The bounds the constraint stands for, as `>=1.2.0-dev <2.0.0-dev ||
 * =3.0.0`: `-dev` marks a dev bound, `*` a conjunction without bounds. */
char *
mibew_version_constraint_to_string (const MibewVersionConstraint *self)
{
  static const char * const op_names[] = { "=", "!=", "<", "<=", ">", ">=" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      const Conjunction *c = g_ptr_array_index (self->alternatives, i);

      if (i > 0)
        g_string_append (out, " || ");
      if (c->bounds->len == 0)
        g_string_append_c (out, '*');
      for (guint j = 0; j < c->bounds->len; j++)
        {
          const Bound *b = &g_array_index (c->bounds, Bound, j);
          g_autofree char *version = mibew_version_to_string (&b->version);

          g_string_append_printf (out, "%s%s%s%s", j > 0 ? " " : "", op_names[b->op], version,
                                  b->dev ? "-dev" : "");
        }
    }
  return g_string_free (out, FALSE);
}
