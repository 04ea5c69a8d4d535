/* bc-welcome-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-welcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-water-units.h"
#include "bc-welcome-dialog.h"

/* The first-run welcome: offers each reminder with the settings it
 * would start with. All stay off unless the user turns them on here or
 * in Preferences; either answer means the welcome is not shown again.
 */

struct _BcWelcomeDialog
{
  AdwMessageDialog  parent_instance;

  AdwActionRow     *hydration_row;
  AdwActionRow     *stretch_row;
  AdwActionRow     *session_row;
  AdwActionRow     *pain_row;
  GtkSwitch        *hydration_switch;
  GtkSwitch        *stretch_switch;
  GtkSwitch        *session_switch;
  GtkSwitch        *pain_switch;

  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (BcWelcomeDialog, bc_welcome_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkSwitch **
find_switch (BcWelcomeDialog *self,
             const char      *enabled_key)
{
  if (g_str_equal (enabled_key, "hydration-enabled"))
    return &self->hydration_switch;
  if (g_str_equal (enabled_key, "stretch-enabled"))
    return &self->stretch_switch;
  if (g_str_equal (enabled_key, "session-reminder-enabled"))
    return &self->session_switch;
  if (g_str_equal (enabled_key, "pain-reminder-enabled"))
    return &self->pain_switch;

  return NULL;
}

static const char *
describe_days (int days)
{
  switch (days)
    {
    case 0x1f:
      return _("Monday to Friday");
    case 0x7f:
      return _("every day");
    default:
      return _("on your working days");
    }
}

static void
describe_defaults (BcWelcomeDialog *self)
{
  GSettings *settings = self->settings;
  gboolean fl_oz = bc_water_units_use_fl_oz ();
  g_autofree char *goal = bc_water_format_amount (g_settings_get_int (settings, "hydration-goal-ml"),
                                                  fl_oz);
  g_autofree char *glass = bc_water_format_amount (g_settings_get_int (settings,
                                                                       "hydration-glass-ml"),
                                                   fl_oz);
  g_autofree char *hydration_start = g_settings_get_string (settings, "hydration-start");
  g_autofree char *hydration_end = g_settings_get_string (settings, "hydration-end");
  g_autofree char *stretch_start = g_settings_get_string (settings, "stretch-start");
  g_autofree char *stretch_end = g_settings_get_string (settings, "stretch-end");
  g_autofree char *session_time = g_settings_get_string (settings, "session-reminder-time");
  g_autofree char *pain_time = g_settings_get_string (settings, "pain-reminder-time");
  g_autofree char *hydration = NULL, *stretch = NULL, *session = NULL, *pain = NULL;

  /* Translators: the hydration reminder's defaults, e.g. "2 L a day: a
   * glass of 250 ml every 60 min, 09:00–21:00"
   */
  hydration = g_strdup_printf (_("%s a day: a glass of %s every %d min, %s–%s"), goal, glass,
                               g_settings_get_int (settings, "hydration-interval"),
                               hydration_start, hydration_end);
  /* Translators: e.g. "Every 45 min, Monday to Friday 09:00–17:00" */
  stretch = g_strdup_printf (_("Every %d min, %s %s–%s"),
                             g_settings_get_int (settings, "stretch-interval"),
                             describe_days (g_settings_get_int (settings, "stretch-days")),
                             stretch_start, stretch_end);
  /* Translators: %s is a time such as "18:00" */
  session = g_strdup_printf (_("At %s on the days your plan has exercises"), session_time);
  /* Translators: %s is a time such as "20:00" */
  pain = g_strdup_printf (_("At %s, unless you logged your pain already"), pain_time);

  adw_action_row_set_subtitle (self->hydration_row, hydration);
  adw_action_row_set_subtitle (self->stretch_row, stretch);
  adw_action_row_set_subtitle (self->session_row, session);
  adw_action_row_set_subtitle (self->pain_row, pain);
}

static void
bc_welcome_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  BcWelcomeDialog *self = BC_WELCOME_DIALOG (dialog);
  static const char * const keys[] = {
    "hydration-enabled", "stretch-enabled", "session-reminder-enabled", "pain-reminder-enabled",
  };

  if (self->settings != NULL)
    {
      g_settings_delay (self->settings);
      if (g_str_equal (response, "done"))
        {
          for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
            {
              if (gtk_switch_get_active (*find_switch (self, keys[i])))
                g_settings_set_boolean (self->settings, keys[i], TRUE);
            }
        }
      g_settings_set_boolean (self->settings, "welcome-done", TRUE);
      g_settings_apply (self->settings);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (bc_welcome_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (bc_welcome_dialog_parent_class)->response (dialog, response);
}

static void
bc_welcome_dialog_finalize (GObject *object)
{
  BcWelcomeDialog *self = (BcWelcomeDialog *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bc_welcome_dialog_parent_class)->finalize (object);
}

static void
bc_welcome_dialog_class_init (BcWelcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = bc_welcome_dialog_finalize;
  dialog_class->response = bc_welcome_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-welcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, hydration_row);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, stretch_row);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, session_row);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, pain_row);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, hydration_switch);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, stretch_switch);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, session_switch);
  gtk_widget_class_bind_template_child (widget_class, BcWelcomeDialog, pain_switch);
}

static void
bc_welcome_dialog_init (BcWelcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
bc_welcome_dialog_new (GtkWindow *parent,
                       GSettings *settings)
{
  BcWelcomeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BC_TYPE_WELCOME_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  describe_defaults (self);

  return GTK_WINDOW (self);
}

GtkSwitch *
bc_welcome_dialog_get_switch (BcWelcomeDialog *self,
                              const char      *enabled_key)
{
  GtkSwitch **found;

  g_return_val_if_fail (BC_IS_WELCOME_DIALOG (self), NULL);

  found = find_switch (self, enabled_key);
  return found != NULL ? *found : NULL;
}
