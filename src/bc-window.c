/* bc-window.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-toast.h"
#include "bc-pain-log-page.h"
#include "bc-plan-page.h"
#include "bc-session-window.h"
#include "bc-today-page.h"
#include "bc-window.h"

struct _BcWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *error_page;
  GtkButton            *start_empty_button;
  BcPlanPage           *plan_page;
  BcPainLogPage        *pain_log_page;
  BcAppointmentsPage   *appointments_page;
};

G_DEFINE_FINAL_TYPE (BcWindow, bc_window, ADW_TYPE_APPLICATION_WINDOW)

static BcApplication *
get_application (BcWindow *self)
{
  return BC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_open_error (BcWindow     *self,
                 const GError *error,
                 const char   *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, BC_DATABASE_FILE_NAME, NULL);
  g_autofree char *description = NULL;
  gboolean folder_problem;

  folder_problem = g_error_matches (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY);

  description = g_markup_printf_escaped ("%s\n\n<small>%s</small>\n<small><tt>%s</tt></small>",
                                         error->message,
                                         folder_problem ? _("Data folder:") : _("Data file:"),
                                         folder_problem ? data_dir : path);
  adw_status_page_set_description (self->error_page, description);

  /* Nothing to rename when the folder is the problem: offer to retry. */
  gtk_button_set_label (self->start_empty_button,
                        folder_problem ? _("_Try Again") : _("_Start with Empty Data"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-data-folder", !folder_problem);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
update_content (BcWindow *self)
{
  BcApplication *app = get_application (self);

  if (bc_application_get_database (app) != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "main");
  else
    show_open_error (self, bc_application_get_open_error (app),
                     bc_application_get_data_dir (app));
}

static void
database_changed_cb (BcWindow *self)
{
  update_content (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Today's guided session, from the Today page or a reminder. */
static void
start_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  bc_session_window_present (get_application (self), GTK_WINDOW (self));
}

/* Printing works from anywhere in the window (Ctrl+P): it shows the
 * Plan page and prints the plan there.
 */
static void
forward_to_plan_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  const char *plan_action = g_str_equal (action_name, "win.print") ? "plan.print"
                            : g_str_equal (action_name, "win.export-pdf") ? "plan.export-pdf"
                            : "plan.preview";

  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  gtk_widget_activate_action (GTK_WIDGET (self->plan_page), plan_action, NULL);
}

/* Logging pain works from every page (Ctrl+L) and from the pain
 * reminder; the dialog opens over the page the user is on.
 */
static void
log_pain_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  bc_pain_log_page_log_pain (self->pain_log_page);
}

/* "Add Details" after a quick log on Today. */
static void
edit_pain_entry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  bc_pain_log_page_edit_entry (self->pain_log_page, g_variant_get_int64 (parameter));
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;
  AdwToast *toast;

  if (!bc_application_start_empty (get_application (self), &moved_to, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Still not possible: %s"), error->message);

      toast = bc_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  if (moved_to != NULL)
    {
      g_autofree char *basename = g_path_get_basename (moved_to);
      g_autofree char *title = g_strdup_printf (_("The old data was kept as “%s”"), basename);

      toast = bc_toast_new (title);
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
open_data_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GFile) folder = g_file_new_for_path (bc_application_get_data_dir (get_application (self)));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
restore_size (BcWindow  *self,
              GSettings *settings)
{
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
bc_window_close_request (GtkWindow *window)
{
  BcWindow *self = BC_WINDOW (window);
  GSettings *settings = bc_application_get_settings (get_application (self));
  int width, height;

  /* The default size follows the size the user gave the window. */
  gtk_window_get_default_size (window, &width, &height);
  width = MAX (width, 360);
  height = MAX (height, 294);

  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (settings);

  return GTK_WINDOW_CLASS (bc_window_parent_class)->close_request (window);
}

/* GtkWindow:application is not a construct property, so this runs once
 * it is set rather than from constructed().
 */
static void
bind_to_application (BcWindow *self)
{
  BcApplication *app = get_application (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  restore_size (self, bc_application_get_settings (app));

  g_signal_connect_object (app, "notify::database",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  update_content (self);
}

static void
bc_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_WINDOW);

  G_OBJECT_CLASS (bc_window_parent_class)->dispose (object);
}

static void
bc_window_class_init (BcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bc_window_dispose;
  window_class->close_request = bc_window_close_request;

  g_type_ensure (BC_TYPE_PLAN_PAGE);
  g_type_ensure (BC_TYPE_PAIN_LOG_PAGE);
  g_type_ensure (BC_TYPE_APPOINTMENTS_PAGE);
  g_type_ensure (BC_TYPE_TODAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BackCare/bc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, start_empty_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, pain_log_page);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, appointments_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, forward_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, forward_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL,
                                   forward_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-data-folder", NULL,
                                   open_data_folder_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL, start_session_action);
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL, log_pain_action);
  gtk_widget_class_install_action (widget_class, "win.edit-pain-entry", "x",
                                   edit_pain_entry_action);
}

static void
bc_window_init (BcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BcWindow *
bc_window_new (BcApplication *application)
{
  BcWindow *self;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  self = g_object_new (BC_TYPE_WINDOW,
                       "application", application,
                       NULL);
  bind_to_application (self);

  return self;
}

const char *
bc_window_get_visible_page (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
bc_window_is_showing_error (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "error") == 0;
}

BcPlanPage *
bc_window_get_plan_page (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);

  return self->plan_page;
}

BcPainLogPage *
bc_window_get_pain_log_page (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);

  return self->pain_log_page;
}

BcAppointmentsPage *
bc_window_get_appointments_page (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);

  return self->appointments_page;
}
