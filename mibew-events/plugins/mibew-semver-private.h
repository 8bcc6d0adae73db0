/* mibew-semver-private.h: semantic versions and Composer-style version
 * constraints, as Mibew's plugin manager uses them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A parsed version: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]; the build part
 * is dropped (it plays no part in precedence). */
typedef struct
{
  guint64 major;
  guint64 minor;
  guint64 patch;
  char *prerelease;     /* NULL for a release */
} MibewVersion;

gboolean  mibew_version_parse     (const char          *text,
                                   MibewVersion        *version,
                                   GError             **error);
void      mibew_version_clear     (MibewVersion        *version);
void      mibew_version_copy      (const MibewVersion  *src,
                                   MibewVersion        *dest);
int       mibew_version_compare   (const MibewVersion  *a,
                                   const MibewVersion  *b);
char     *mibew_version_to_string (const MibewVersion  *version);

typedef struct _MibewVersionConstraint MibewVersionConstraint;

MibewVersionConstraint *mibew_version_constraint_parse     (const char                   *text,
                                                            GError                      **error);
void                    mibew_version_constraint_free      (MibewVersionConstraint       *self);
gboolean                mibew_version_constraint_matches   (const MibewVersionConstraint *self,
                                                            const MibewVersion           *version);
const char             *mibew_version_constraint_get_text  (const MibewVersionConstraint *self);
char                   *mibew_version_constraint_to_string (const MibewVersionConstraint *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MibewVersionConstraint, mibew_version_constraint_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MibewVersion, mibew_version_clear)

G_END_DECLS
