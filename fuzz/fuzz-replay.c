/* fuzz-replay.c: the corpus replay of every fuzz target, for the builds
 * without libFuzzer (suite 'fuzz')
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Linked with one target's LLVMFuzzerTestOneInput() instead of libFuzzer:
 * runs every file of the corpus directories given on the command line
 * through it and reports each as one TAP line.
 */

#include <glib.h>

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Replays every file of the corpus directories given on the command line,
 * in the order of their names, each in a child process of its own: a
 * crash is one "not ok", and the other files still run. */
int
main (int   argc,
      char *argv[])
{
  guint n = 0;
  guint failed = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("cannot open corpus %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (files, g_strdup (name));
      g_ptr_array_sort (files, compare_names);
      for (guint k = 0; k < files->len; k++)
        {
          const char *file = g_ptr_array_index (files, k);
          g_autofree char *path = g_build_filename (argv[i], file, NULL);
          g_autofree char *contents = NULL;
          gsize len = 0;
          int status = 0;
          pid_t pid;

          if (!g_file_get_contents (path, &contents, &len, NULL))
            return 1;
          fflush (stdout);
          pid = fork ();
          g_assert_cmpint (pid, >=, 0);
          if (pid == 0)
            {
              /* whatever a failure prints must not reach the TAP stream */
              dup2 (STDERR_FILENO, STDOUT_FILENO);
              LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
              /* _exit() runs no cleanup: the child's copies of the
               * parent's buffers are freed here, or valgrind (which
               * follows the fork) counts them as lost */
              g_clear_pointer (&contents, g_free);
              g_clear_pointer (&path, g_free);
              g_clear_pointer (&files, g_ptr_array_unref);
              g_clear_pointer (&dir, g_dir_close);
              _exit (0);
            }
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          n++;
          if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            g_print ("ok %u %s\n", n, file);
          else
            {
              failed++;
              g_print ("not ok %u %s # %s %d\n", n, file, WIFSIGNALED (status) ? "signal" : "exit status",
                       WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
            }
        }
    }
  g_print ("1..%u\n", n);
  return n > 0 && failed == 0 ? 0 : 1;
}
