/* bc-data-dir.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bc-data-dir.h"
#include "bc-database.h"

/* Health data: only the user may enter the folder. */
#define DATA_DIR_MODE 0700

char *
bc_data_dir_get_default (void)
{
  return g_build_filename (g_get_user_data_dir (), "backcare", NULL);
}

static char *
make_absolute (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (dir);

  return g_file_get_path (file);
}

/* The command line wins over the environment, which wins over the
 * XDG default; tests and build-aux/run use the environment.
 */
char *
bc_data_dir_resolve (const char *command_line_dir)
{
  const char *env_dir;

  if (command_line_dir != NULL && command_line_dir[0] != '\0')
    return make_absolute (command_line_dir);

  env_dir = g_getenv ("BACKCARE_DATA_DIR");
  if (env_dir != NULL && env_dir[0] != '\0')
    return make_absolute (env_dir);

  return bc_data_dir_get_default ();
}

gboolean
bc_data_dir_is_default (const char *dir)
{
  g_autofree char *default_dir = bc_data_dir_get_default ();
  g_autoptr(GFile) a = g_file_new_for_path (dir);
  g_autoptr(GFile) b = g_file_new_for_path (default_dir);

  return g_file_equal (a, b);
}

gboolean
bc_data_dir_ensure (const char *dir,
                    GError    **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, DATA_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("The data folder “%s” could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("The data folder “%s” is not a folder"), dir);
      return FALSE;
    }

  /* A folder made by an older build or by hand may be too open. */
  if ((st.st_mode & 0777) != DATA_DIR_MODE && g_chmod (dir, DATA_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("The permissions of the data folder “%s” could not be set: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_access (dir, W_OK | X_OK) != 0)
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("The data folder “%s” cannot be written"), dir);
      return FALSE;
    }

  return TRUE;
}
