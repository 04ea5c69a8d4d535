/* bc-background.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-background"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "bc-background.h"

/* The only file that uses libportal: a sandboxed app cannot write to
 * the user's autostart folder, and the Background portal is the way the
 * desktop lets it start at login (and run without a window).
 */

#define AUTOSTART_EXEC "backcare --gapplication-service"

gboolean
bc_background_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* Returns: (transfer full): $XDG_CONFIG_HOME/autostart/APP_ID.desktop */
char *
bc_background_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_autostart_file (gboolean   enable,
                      GError   **error)
{
  g_autofree char *path = bc_background_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) key_file = NULL;

  if (!enable)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  key_file = g_key_file_new ();
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         "BackCare");
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Hydration and stretch reminders in the background");
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         AUTOSTART_EXEC);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL,
                          FALSE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", TRUE);

  return g_key_file_save_to_file (key_file, path, error);
}

static void
request_background_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("Running in the background was not allowed"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * bc_background_set_autostart_async:
 * @parent: (nullable): the window the portal's question belongs to
 *
 * Makes BackCare start (or no longer start) at login with no window, as
 * `backcare --gapplication-service`.
 */
void
bc_background_set_autostart_async (gboolean             enable,
                                   GtkWindow           *parent,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(XdpParent) xdp_parent = NULL;
  g_autoptr(GPtrArray) command_line = NULL;
  g_autofree char *reason = NULL;
  GError *error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bc_background_set_autostart_async);

  if (!bc_background_is_sandboxed ())
    {
      if (write_autostart_file (enable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  portal = xdp_portal_new ();
  if (parent != NULL)
    xdp_parent = xdp_parent_new_gtk (parent);
  command_line = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (command_line, g_strdup ("backcare"));
  g_ptr_array_add (command_line, g_strdup ("--gapplication-service"));
  reason = g_strdup (_("Hydration and stretch reminders keep coming after the window is closed"));

  xdp_portal_request_background (portal, xdp_parent, reason, command_line,
                                 enable ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 cancellable, request_background_cb, g_steal_pointer (&task));
}

gboolean
bc_background_set_autostart_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
