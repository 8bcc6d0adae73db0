/* test-semver.c: versions and Composer's version constraints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <mibew-plugin-error.h>
#include <mibew-semver-private.h>

static void
assert_version (const char *text,
                const char *expected)
{
  g_auto(MibewVersion) v = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (mibew_version_parse (text, &v, &error));
  g_assert_no_error (error);
  s = mibew_version_to_string (&v);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_version_parse (void)
{
  assert_version ("1.2.3", "1.2.3");
  assert_version ("1.2", "1.2.0");
  assert_version ("1", "1.0.0");
  assert_version ("v2.0.1", "2.0.1");
  assert_version ("1.0.0-beta.2", "1.0.0-beta.2");
  assert_version ("1.0.0-rc-1+build.5", "1.0.0-rc-1");
  assert_version ("1.0.0+20130313144700", "1.0.0");
  assert_version ("4294967295.0.0", "4294967295.0.0");
}

static void
test_version_invalid (void)
{
  const char * const bad[] = {
    "", "v", "a.b.c", "1.2.3.4", "1..2", "1.", ".1", "1.2.x", "*", "1.2.3-", "1.2.3+",
    "1.2.3-beta..1", "1.2.3-be ta", "-1.0.0", "1.0.0 ", "4294967296", "12345678901",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(MibewVersion) v = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("version “%s”", bad[i]);
      g_assert_false (mibew_version_parse (bad[i], &v, &error));
      g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static int
compare (const char *a,
         const char *b)
{
  g_auto(MibewVersion) va = { 0 };
  g_auto(MibewVersion) vb = { 0 };

  g_assert_true (mibew_version_parse (a, &va, NULL));
  g_assert_true (mibew_version_parse (b, &vb, NULL));
  return mibew_version_compare (&va, &vb);
}

/* semver 2.0.0, section 11 */
static void
test_version_precedence (void)
{
  const char * const ordered[] = {
    "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
    "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        int c = compare (ordered[i], ordered[j]);

        if (i < j)
          g_assert_cmpint (c, <, 0);
        else if (i > j)
          g_assert_cmpint (c, >, 0);
        else
          g_assert_cmpint (c, ==, 0);
      }
  /* build metadata does not count; leading zeros in numbers do not either */
  g_assert_cmpint (compare ("1.0.0+a", "1.0.0+b"), ==, 0);
  g_assert_cmpint (compare ("1.0.0-2", "1.0.0-10"), <, 0);
  g_assert_cmpint (compare ("1.0.0-010", "1.0.0-9"), >, 0);
  g_assert_cmpint (compare ("1.0.0-99999999999999999999", "1.0.0-100000000000000000000"), <, 0);
}

/* How each form expands: `-dev` marks a bound below the version's
 * pre-releases, as Composer's `-dev` suffix. */
static void
test_constraint_forms (void)
{
  static const struct { const char *text; const char *bounds; } cases[] = {
    { "1.2.3", "=1.2.3" },
    { "1.2", "=1.2.0" },
    { "=1.2.3", "=1.2.3" },
    { "==1.2.3", "=1.2.3" },
    { "v1.2.3", "=1.2.3" },
    { "!=1.2.3", "!=1.2.3" },
    { "<>1.2.3", "!=1.2.3" },
    { ">=1.2", ">=1.2.0-dev" },
    { ">= 1.2", ">=1.2.0-dev" },
    { "<2.0", "<2.0.0-dev" },
    { ">1.2", ">1.2.0" },
    { "<=1.2", "<=1.2.0" },
    { ">=1.2-beta", ">=1.2.0-beta" },
    { "1.2.3 - 2.3.4", ">=1.2.3-dev <=2.3.4" },
    { "1.0 - 2.0", ">=1.0.0-dev <2.1.0-dev" },
    { "1 - 2", ">=1.0.0-dev <3.0.0-dev" },
    { "~1.2", ">=1.2.0-dev <2.0.0-dev" },
    { "~1.2.3", ">=1.2.3-dev <1.3.0-dev" },
    { "~1", ">=1.0.0-dev <2.0.0-dev" },
    { "~ 1.2", ">=1.2.0-dev <2.0.0-dev" },
    { "~1.2.3-beta", ">=1.2.3-beta <1.3.0-dev" },
    { "^1.2.3", ">=1.2.3-dev <2.0.0-dev" },
    { "^1.2", ">=1.2.0-dev <2.0.0-dev" },
    { "^0.3", ">=0.3.0-dev <0.4.0-dev" },
    { "^0.3.1", ">=0.3.1-dev <0.4.0-dev" },
    { "^0.0.3", ">=0.0.3-dev <0.0.4-dev" },
    { "^0.0", ">=0.0.0-dev <0.1.0-dev" },
    { "^0", ">=0.0.0-dev <1.0.0-dev" },
    { "1.x", ">=1.0.0-dev <2.0.0-dev" },
    { "1.*", ">=1.0.0-dev <2.0.0-dev" },
    { "1.2.x", ">=1.2.0-dev <1.3.0-dev" },
    { "1.2.*", ">=1.2.0-dev <1.3.0-dev" },
    { "1.X.x", ">=1.0.0-dev <2.0.0-dev" },
    { "*", "*" },
    { "x", "*" },
    { ">=1.2,<2.0", ">=1.2.0-dev <2.0.0-dev" },
    { ">=1.2, <2.0", ">=1.2.0-dev <2.0.0-dev" },
    { ">=1.2 <2.0", ">=1.2.0-dev <2.0.0-dev" },
    { ">=1.0 <1.1 || >=1.2", ">=1.0.0-dev <1.1.0-dev || >=1.2.0-dev" },
    { "^1.0 | ^2.0", ">=1.0.0-dev <2.0.0-dev || >=2.0.0-dev <3.0.0-dev" },
    { "1.0 - 1.5 || ^2.0 , !=2.1.0", ">=1.0.0-dev <1.6.0-dev || >=2.0.0-dev <3.0.0-dev !=2.1.0" },
    { "  ^1.2  ", ">=1.2.0-dev <2.0.0-dev" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewVersionConstraint) c = mibew_version_constraint_parse (cases[i].text, &error);
      g_autofree char *bounds = NULL;

      g_test_message ("constraint “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_nonnull (c);
      bounds = mibew_version_constraint_to_string (c);
      g_assert_cmpstr (bounds, ==, cases[i].bounds);
    }
}

static gboolean
matches (const char *constraint,
         const char *version)
{
  g_autoptr(MibewVersionConstraint) c = mibew_version_constraint_parse (constraint, NULL);
  g_auto(MibewVersion) v = { 0 };

  g_assert_nonnull (c);
  g_assert_true (mibew_version_parse (version, &v, NULL));
  return mibew_version_constraint_matches (c, &v);
}

static void
test_constraint_matching (void)
{
  static const struct { const char *constraint; const char *yes; const char *no; } cases[] = {
    { "1.2.3", "1.2.3", "1.2.4" },
    { "1.2.3", "1.2.3+build", "1.2.3-beta" },
    { "1.2", "1.2.0", "1.2.1" },
    { "!=1.2.3", "1.2.4", "1.2.3" },
    { ">=1.2", "1.2.0", "1.1.9" },
    { ">=1.2", "1.2.0-beta", "1.1.99" },
    { ">=1.2", "99.0.0", "0.9.0" },
    { "<2.0", "1.99.99", "2.0.0" },
    { "<2.0", "1.0.0", "2.0.0-beta" },
    { ">1.2", "1.2.1-alpha", "1.2.0" },
    { ">1.2", "1.2.1", "1.2.0-rc.1" },
    { "<=1.2", "1.2.0", "1.2.1" },
    { "<=1.2", "1.2.0-rc.1", "1.2.1-rc.1" },
    { "<=1.2.0-rc.2", "1.2.0-rc.1", "1.2.0" },
    { "1.2.3 - 2.3.4", "1.2.3", "1.2.2" },
    { "1.2.3 - 2.3.4", "2.3.4", "2.3.5" },
    { "1.0 - 2.0", "2.0.9", "2.1.0" },
    { "~1.2", "1.9.9", "2.0.0" },
    { "~1.2", "1.2.0", "1.1.0" },
    { "~1.2.3", "1.2.9", "1.3.0" },
    { "~1.2.3", "1.2.3", "1.2.2" },
    { "^1.2.3", "1.9.0", "2.0.0" },
    { "^1.2.3", "1.2.3", "1.2.2" },
    { "^0.3", "0.3.9", "0.4.0" },
    { "^0.0.3", "0.0.3", "0.0.4" },
    { "1.x", "1.0.0", "2.0.0" },
    { "1.x", "1.99.0", "0.9.9" },
    { "1.2.*", "1.2.7", "1.3.0" },
    { "*", "0.0.0", NULL },
    { "*", "1.0.0-alpha", NULL },
    { ">=1.2 <2.0", "1.5.0", "2.0.0" },
    { ">=1.2,<2.0", "1.2.0", "1.1.0" },
    { "^1.0 || ^3.0", "3.1.0", "2.5.0" },
    { "^1.0 || ^3.0", "1.0.0", "4.0.0" },
    { "1.0 - 1.5 || ^2.0, !=2.1.0", "2.2.0", "2.1.0" },
    { "1.0 - 1.5 || ^2.0, !=2.1.0", "1.5.3", "1.6.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s” with %s / %s", cases[i].constraint, cases[i].yes,
                      cases[i].no != NULL ? cases[i].no : "-");
      g_assert_true (matches (cases[i].constraint, cases[i].yes));
      if (cases[i].no != NULL)
        g_assert_false (matches (cases[i].constraint, cases[i].no));
    }
}

static void
test_constraint_invalid (void)
{
  static const struct { const char *text; const char *mentions; } cases[] = {
    { "", "empty" },
    { "   ", "empty" },
    { ">=", "not followed by a version" },
    { "~", "not followed by a version" },
    { "^", "not followed by a version" },
    { "~x", "wildcard" },
    { ">=1.x", "wildcard" },
    { "^1.*", "wildcard" },
    { "1.x - 2.0", "wildcard" },
    { "1.2 -", "upper end" },
    { "- 1.2", "lower end" },
    { ">=1.0 - 2.0", "“>=1.0” is not a version" },
    { "1.2.3.4", "“1.2.3.4” is not a version" },
    { "abc", "“abc” is not a version" },
    { "=>1.0", "“>1.0” is not a version" },
    { "~>1.0", "“>1.0” is not a version" },
    { "1.0 ||", "alternative is empty" },
    { "|| 1.0", "alternative is empty" },
    { "1.0 || || 2.0", "alternative is empty" },
    { "1.0 ||| 2.0", "alternative is empty" },
    { "1.x.3", "“1.x.3” is not a version" },
    { "1.0@dev", "“1.0@dev” is not a version" },
    { "dev-master", "“dev-master” is not a version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MibewVersionConstraint) c = NULL;

      g_test_message ("constraint “%s”", cases[i].text);
      c = mibew_version_constraint_parse (cases[i].text, &error);
      g_assert_null (c);
      g_assert_error (error, MIBEW_PLUGIN_ERROR, MIBEW_PLUGIN_ERROR_INVALID_VERSION);
      g_test_message ("-> %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].mentions));
      /* the message quotes the whole constraint */
      g_assert_true (g_str_has_prefix (error->message, "“"));
    }
}

static void
test_constraint_text (void)
{
  g_autoptr(MibewVersionConstraint) c = mibew_version_constraint_parse ("  >=1.0 <2.0  ", NULL);

  g_assert_cmpstr (mibew_version_constraint_get_text (c), ==, ">=1.0 <2.0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/semver/version/parse", test_version_parse);
  g_test_add_func ("/semver/version/invalid", test_version_invalid);
  g_test_add_func ("/semver/version/precedence", test_version_precedence);
  g_test_add_func ("/semver/constraint/forms", test_constraint_forms);
  g_test_add_func ("/semver/constraint/matching", test_constraint_matching);
  g_test_add_func ("/semver/constraint/invalid", test_constraint_invalid);
  g_test_add_func ("/semver/constraint/text", test_constraint_text);

  return g_test_run ();
}
