/* bc-appointments-page.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-appointments-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-appointment-dialog.h"
#include "bc-appointment-stats.h"
#include "bc-appointment-store.h"
#include "bc-appointments-page.h"
#include "bc-ics.h"
#include "bc-window.h"

/* The Appointments page: "Does it help?" (sessions, cost and pain
 * before and after over the last 30 days), then upcoming and past
 * appointments. Each list is read from sqlite for its range only: the
 * upcoming ones up to two years ahead, the past ones a year at a time,
 * so years of weekly sessions never all become rows at once.
 */

#define UPCOMING_DAYS (2 * 366)
#define SUMMARY_DAYS 30
/* Points on the 0–10 scale that count as "it helps", unless the
 * setting massage-improvement-threshold says otherwise.
 */
#define IMPROVEMENT_THRESHOLD 2.0
#define IMPROVEMENT_THRESHOLD_KEY "massage-improvement-threshold"

#define APPOINTMENT_ID_KEY "bc-appointment-id"
#define REMOVED_KEY "bc-removed-appointment"

struct _BcAppointmentsPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkLabel             *sessions_label;
  GtkLabel             *cost_label;
  GtkLabel             *pain_label;
  GtkWidget            *doctor_notice;
  GtkListBox           *upcoming_list;
  GtkListBox           *past_list;

  GPtrArray            *upcoming_rows;
  GPtrArray            *past_rows;
  guint                 past_days;
  gboolean              connected;
  gboolean              dirty;

  GtkWindow            *open_dialog;
  GtkFileChooserNative *chooser;
  BcAppointment        *removed;
};

G_DEFINE_FINAL_TYPE (BcAppointmentsPage, bc_appointments_page, ADW_TYPE_BIN)

static BcApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

static BcDatabase *
get_database (void)
{
  BcApplication *app = get_application ();

  return app ? bc_application_get_database (app) : NULL;
}

static gint64
get_profile_id (void)
{
  return bc_application_get_profile_id (get_application ());
}

static double
get_improvement_threshold (void)
{
  BcApplication *app = get_application ();
  GSettings *settings = app ? bc_application_get_settings (app) : NULL;

  return settings ? g_settings_get_double (settings, IMPROVEMENT_THRESHOLD_KEY)
                  : IMPROVEMENT_THRESHOLD;
}

static GtkWindow *
get_window (BcAppointmentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
dialog_destroyed_cb (BcAppointmentsPage *self)
{
  self->open_dialog = NULL;
}

static void
present_dialog (BcAppointmentsPage *self,
                GtkWindow          *dialog)
{
  self->open_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* Rows */

static char *
format_money (gint64      cents,
              const char *currency)
{
  if (currency != NULL && currency[0] != '\0')
    /* Translators: an amount and its currency, e.g. "65.00 EUR" */
    return g_strdup_printf (_("%lld.%02d %s"), (long long)(cents / 100), (int)(cents % 100),
                            currency);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int)(cents % 100));
}

static const char *
label_of (const char *code)
{
  const char *label = code ? bc_appointment_code_get_label (code) : NULL;

  return label ? label : (code ? code : "");
}

static GtkWidget *
create_row (BcAppointmentsPage  *self,
            const BcAppointment *appointment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button, *status;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (appointment->starts_at);
  /* Translators: an appointment's date and time, see g_date_time_format() */
  g_autofree char *when_text = g_date_time_format (when, _("%a %-d %b %Y, %H:%M"));
  g_autofree char *title = NULL;
  g_autofree char *menu_name = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) cancel = g_menu_item_new (_("_Cancel This Appointment"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);
  g_autoptr(GMenuItem) export = g_menu_item_new (_("Export to Ca_lendar…"), NULL);

  /* Translators: a row's title: when, then the kind of massage */
  title = g_strdup_printf (_("%s · %s"), when_text, label_of (appointment->modality));

  if (appointment->therapist && appointment->therapist[0])
    /* Translators: who gives the massage */
    g_ptr_array_add (parts, g_strdup_printf (_("with %s"), appointment->therapist));
  if (appointment->location && appointment->location[0])
    g_ptr_array_add (parts, g_strdup (appointment->location));
  if (appointment->cost_cents > 0)
    g_ptr_array_add (parts, format_money (appointment->cost_cents, appointment->currency));
  if (appointment->pain_before >= 0 && appointment->pain_after >= 0)
    /* Translators: pain before and after the massage, e.g. "Pain 6 → 4" */
    g_ptr_array_add (parts, g_strdup_printf (_("Pain %d → %d"), appointment->pain_before,
                                             appointment->pain_after));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "appointments.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", appointment->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  status = gtk_label_new (label_of (appointment->status));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "caption");
  if (g_str_equal (appointment->status, "cancelled") || g_str_equal (appointment->status, "missed"))
    gtk_widget_add_css_class (status, "dim-label");
  else if (g_str_equal (appointment->status, "done"))
    gtk_widget_add_css_class (status, "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  g_menu_item_set_action_and_target (edit, "appointments.edit", "x", appointment->id);
  g_menu_item_set_action_and_target (cancel, "appointments.cancel", "x", appointment->id);
  g_menu_item_set_action_and_target (delete, "appointments.delete", "x", appointment->id);
  g_menu_item_set_action_and_target (export, "appointments.export-one", "x", appointment->id);
  g_menu_append_item (menu, edit);
  if (g_str_equal (appointment->status, "scheduled"))
    g_menu_append_item (menu, cancel);
  g_menu_append_item (menu, export);
  g_menu_append_item (menu, delete);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Edit, Cancel or Delete"));
  /* Translators: a menu button's name for screen readers */
  menu_name = g_strdup_printf (_("Actions for the appointment on %s"), when_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), APPOINTMENT_ID_KEY,
                          g_memdup2 (&appointment->id, sizeof (gint64)), g_free);
  return row;
}

static void
clear_list (GtkListBox *list,
            GPtrArray  *rows)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Does it help? */

static void
update_summary (BcAppointmentsPage *self,
                BcDatabase         *db,
                GDateTime          *now,
                const char         *currency)
{
  BcAppointmentSummary summary = { 0 };
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -SUMMARY_DAYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *pain = NULL;

  if (!bc_appointment_stats_summary (db, get_profile_id (), g_date_time_to_unix (from),
                                     g_date_time_to_unix (now), get_improvement_threshold (), &summary,
                                     &error))
    {
      g_message ("The appointment summary could not be read: %s", error->message);
      summary.pain_before = summary.pain_after = NAN;
    }

  sessions = g_strdup_printf (g_dngettext (NULL, "%u session in the last 30 days",
                                           "%u sessions in the last 30 days", summary.sessions),
                              summary.sessions);

  if (summary.cost_cents > 0)
    {
      g_autofree char *total = format_money (summary.cost_cents, currency);
      int covered = (int)llround (100.0 * summary.covered_cents / summary.cost_cents);

      /* Translators: the total cost, then the share insurance pays, e.g. "Cost 260.00 EUR, 50 % covered" */
      cost = g_strdup_printf (_("Cost %s, %d %% covered"), total, covered);
    }
  else
    cost = g_strdup (_("No costs in the last 30 days"));

  if (summary.sessions_with_pain > 0 && !isnan (summary.pain_before) &&
      !isnan (summary.pain_after))
    /* Translators: average pain on the 0–10 scale in the week before and after each session */
    pain = g_strdup_printf (_("Average pain 7 days before: %.1f, 7 days after: %.1f"),
                            summary.pain_before, summary.pain_after);
  else
    pain = g_strdup (_("Log your pain in the days around each session to see whether it "
                       "helps."));

  gtk_label_set_label (self->sessions_label, sessions);
  gtk_label_set_label (self->cost_label, cost);
  gtk_label_set_label (self->pain_label, pain);
  gtk_widget_set_visible (self->doctor_notice, summary.see_doctor);
}

/* Reading */

static void
fill_list (BcAppointmentsPage *self,
           GtkListBox         *list,
           GPtrArray          *rows,
           GPtrArray          *appointments,
           gboolean            newest_first)
{
  for (guint i = 0; i < appointments->len; i++)
    {
      guint index = newest_first ? appointments->len - 1 - i : i;
      GtkWidget *row = create_row (self, g_ptr_array_index (appointments, index));

      gtk_list_box_append (list, row);
      g_ptr_array_add (rows, row);
    }
}

/**
 * bc_appointments_page_reload:
 *
 * Reads the appointments of both ranges and the summary again.
 */
void
bc_appointments_page_reload (BcAppointmentsPage *self)
{
  BcDatabase *db = get_database ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, UPCOMING_DAYS);
  g_autoptr(GDateTime) back = g_date_time_add_days (now, -(int)self->past_days);
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GError) error = NULL;
  const char *currency = NULL;

  g_return_if_fail (BC_IS_APPOINTMENTS_PAGE (self));

  self->dirty = FALSE;
  if (db == NULL)
    return;

  upcoming = bc_appointment_store_list (db, get_profile_id (), g_date_time_to_unix (now),
                                        g_date_time_to_unix (ahead), &error);
  if (upcoming != NULL)
    past = bc_appointment_store_list (db, get_profile_id (), g_date_time_to_unix (back),
                                      g_date_time_to_unix (now), &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The appointments could not be read: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return;
    }

  clear_list (self->upcoming_list, self->upcoming_rows);
  clear_list (self->past_list, self->past_rows);
  fill_list (self, self->upcoming_list, self->upcoming_rows, upcoming, FALSE);
  fill_list (self, self->past_list, self->past_rows, past, TRUE);

  /* The summary's amounts in the currency last used. */
  if (past->len > 0)
    currency = ((BcAppointment *)g_ptr_array_index (past, past->len - 1))->currency;
  else if (upcoming->len > 0)
    currency = ((BcAppointment *)g_ptr_array_index (upcoming, 0))->currency;
  update_summary (self, db, now, currency);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "appointments.export",
                                 upcoming->len + past->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    upcoming->len + past->len > 0 ? "list" : "empty");
}

static void
load_older_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (widget);

  self->past_days += BC_APPOINTMENTS_PAGE_PAST_DAYS;
  bc_appointments_page_reload (self);
}

/* Add, edit, cancel, delete */

void
bc_appointments_page_add_appointment (BcAppointmentsPage *self)
{
  BcApplication *app = get_application ();

  g_return_if_fail (BC_IS_APPOINTMENTS_PAGE (self));

  if (app == NULL || bc_application_get_database (app) == NULL)
    return;

  present_dialog (self, GTK_WINDOW (bc_appointment_dialog_new (get_window (self), app, NULL)));
}

void
bc_appointments_page_edit_appointment (BcAppointmentsPage *self,
                                       gint64              appointment_id)
{
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_APPOINTMENTS_PAGE (self));

  if (get_database () == NULL)
    return;

  appointment = bc_appointment_store_get (get_database (), get_profile_id (), appointment_id,
                                          &error);
  if (appointment == NULL)
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  present_dialog (self, GTK_WINDOW (bc_appointment_dialog_new (get_window (self),
                                                               get_application (),
                                                               appointment)));
}

/* Only this occurrence: the rest of a series stays as it is. */
gboolean
bc_appointments_page_cancel_occurrence (BcAppointmentsPage *self,
                                        gint64              appointment_id)
{
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);

  if (get_database () == NULL)
    return FALSE;

  appointment = bc_appointment_store_get (get_database (), get_profile_id (), appointment_id,
                                          &error);
  if (appointment != NULL)
    {
      g_free (appointment->status);
      appointment->status = g_strdup ("cancelled");
      if (!bc_appointment_store_update (get_database (), get_profile_id (), appointment, FALSE,
                                        &error))
        g_clear_pointer (&appointment, bc_appointment_free);
    }

  if (appointment == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The appointment could not be cancelled: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  bc_application_data_changed (get_application ());
  bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("Appointment cancelled")));
  return TRUE;
}

static gboolean
restore_appointment (BcAppointmentsPage  *self,
                     const BcAppointment *removed)
{
  g_autoptr(BcAppointment) appointment = bc_appointment_copy (removed);
  g_autoptr(GError) error = NULL;

  /* Added again with its UID and place in its series, under a new id. */
  appointment->id = 0;
  if (bc_appointment_store_add (get_database (), get_profile_id (), appointment, NULL,
                                &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The appointment could not be restored: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  bc_application_data_changed (get_application ());
  return TRUE;
}

void
bc_appointments_page_undo_delete (BcAppointmentsPage *self)
{
  g_return_if_fail (BC_IS_APPOINTMENTS_PAGE (self));

  if (self->removed == NULL || get_database () == NULL)
    return;

  restore_appointment (self, self->removed);
  g_clear_pointer (&self->removed, bc_appointment_free);
}

static void
undo_toast_cb (AdwToast           *toast,
               BcAppointmentsPage *self)
{
  g_autoptr(BcAppointment) removed = g_object_steal_data (G_OBJECT (toast), REMOVED_KEY);

  if (removed == NULL || get_database () == NULL)
    return;

  if (self->removed != NULL && self->removed->id == removed->id)
    g_clear_pointer (&self->removed, bc_appointment_free);
  restore_appointment (self, removed);
}

gboolean
bc_appointments_page_delete_appointment (BcAppointmentsPage *self,
                                         gint64              appointment_id)
{
  BcDatabase *db = get_database ();
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);

  if (db == NULL)
    return FALSE;

  appointment = bc_appointment_store_get (db, get_profile_id (), appointment_id, &error);
  if (appointment == NULL ||
      !bc_appointment_store_delete (db, get_profile_id (), appointment_id, FALSE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The appointment could not be deleted: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  when = g_date_time_new_from_unix_local (appointment->starts_at);
  /* Translators: the time of a deleted appointment, see g_date_time_format() */
  when_text = g_date_time_format (when, _("%-d %B, %H:%M"));
  /* Translators: %s is when the deleted appointment was */
  title = g_strdup_printf (_("Appointment of %s deleted"), when_text);
  toast = bc_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), REMOVED_KEY, bc_appointment_copy (appointment),
                          (GDestroyNotify)bc_appointment_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);

  g_clear_pointer (&self->removed, bc_appointment_free);
  self->removed = g_steal_pointer (&appointment);

  bc_application_data_changed (get_application ());
  bc_toast_show (GTK_WIDGET (self), toast);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  bc_appointments_page_add_appointment (BC_APPOINTMENTS_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bc_appointments_page_edit_appointment (BC_APPOINTMENTS_PAGE (widget),
                                         g_variant_get_int64 (parameter));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bc_appointments_page_cancel_occurrence (BC_APPOINTMENTS_PAGE (widget),
                                          g_variant_get_int64 (parameter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bc_appointments_page_delete_appointment (BC_APPOINTMENTS_PAGE (widget),
                                           g_variant_get_int64 (parameter));
}

/* iCalendar */

static void
show_file_error (BcAppointmentsPage *self,
                 const char         *heading,
                 GFile              *file,
                 const char         *message)
{
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", basename, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_dialog (self, GTK_WINDOW (dialog));
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

/* Writes all appointments (with their series) to @file, or leaves an
 * existing file as it was.
 */
gboolean
bc_appointments_page_export_ics (BcAppointmentsPage  *self,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_database () == NULL)
    return FALSE;

  bytes = bc_ics_export (get_database (), get_profile_id (), 0, 0, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                  error);
}

/* Writes one appointment, or the whole series of an occurrence, to
 * @path, or leaves an existing file as it was.
 */
gboolean
bc_appointments_page_export_one (BcAppointmentsPage  *self,
                                 gint64               appointment_id,
                                 const char          *path,
                                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (appointment_id > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (get_database () == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The data is not open."));
      return FALSE;
    }

  bytes = bc_ics_export (get_database (), get_profile_id (), appointment_id, 0, error);
  if (bytes == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                  error);
}

static char *
describe_import (const BcIcsImportResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (NULL, "%u added", "%u added",
                                                        result->added), result->added));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (NULL, "%u updated", "%u updated",
                                                        result->updated), result->updated));
  if (result->skipped_all_day > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (NULL, "%u all-day event skipped",
                                                          "%u all-day events skipped",
                                                          result->skipped_all_day),
                                             result->skipped_all_day));
  if (result->skipped_unsupported > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (NULL, "%u unsupported entry skipped",
                                                          "%u unsupported entries skipped",
                                                          result->skipped_unsupported),
                                             result->skipped_unsupported));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

gboolean
bc_appointments_page_import_ics (BcAppointmentsPage  *self,
                                 GFile               *file,
                                 char               **out_text,
                                 GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BcIcsImportResult result = { 0 };

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_database () == NULL)
    return FALSE;

  /* The size first, so a huge file is never read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > BC_ICS_MAX_SIZE)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, too large for a calendar of appointments."),
                   BC_ICS_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL || !bc_ics_import (get_database (), get_profile_id (), bytes, &result, error))
    return FALSE;

  if (out_text != NULL)
    *out_text = describe_import (&result);
  bc_application_data_changed (get_application ());
  return TRUE;
}

static void
import_chooser_cb (GtkNativeDialog    *chooser,
                   int                 response,
                   BcAppointmentsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (!bc_appointments_page_import_ics (self, file, &text, &error))
        show_file_error (self, _("The Calendar Could Not Be Imported"), file,
                         error ? error->message : _("The data is not open."));
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (text));
    }

  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Appointments"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_chooser_cb (GtkNativeDialog    *chooser,
                   int                 response,
                   BcAppointmentsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!bc_appointments_page_export_ics (self, file, &error))
        show_file_error (self, _("The Appointments Could Not Be Exported"), file,
                         error ? error->message : _("The data is not open."));
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("Appointments exported")));
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export to Calendar"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* Translators: the suggested file name of exported appointments */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("appointments.ics"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

#define EXPORT_ID_KEY "bc-export-appointment-id"

static void
export_one_chooser_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       BcAppointmentsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      gint64 *id = g_object_get_data (G_OBJECT (chooser), EXPORT_ID_KEY);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        bc_toast_show_text (GTK_WIDGET (self), _("The appointment can only be exported to a local file."), TRUE);
      else if (!bc_appointments_page_export_one (self, *id, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The appointment could not be "
                                                        "exported: %s"),
                                                      error ? error->message
                                                            : _("The data is not open."));

          bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
        }
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("Appointment exported")));
    }

  g_clear_object (&self->chooser);
}

static void
export_one_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (widget);
  gint64 appointment_id = g_variant_get_int64 (parameter);
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;

  if (get_database () == NULL)
    return;

  appointment = bc_appointment_store_get (get_database (), get_profile_id (), appointment_id,
                                          &error);
  if (appointment == NULL)
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  when = g_date_time_new_from_unix_local (appointment->starts_at);
  day = g_date_time_format (when, "%Y-%m-%d");
  /* Translators: the suggested file name of one exported appointment, %s is its date */
  name = g_strdup_printf (_("massage-%s.ics"), day);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export to Calendar"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics_filter ());
  g_object_set_data_full (G_OBJECT (self->chooser), EXPORT_ID_KEY,
                          g_memdup2 (&appointment_id, sizeof (gint64)), g_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_one_chooser_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Lifetime */

static void
data_changed_cb (BcAppointmentsPage *self)
{
  /* Hidden, the page reads again only when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bc_appointments_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
bc_appointments_page_map (GtkWidget *widget)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (widget);
  BcApplication *app = get_application ();

  GTK_WIDGET_CLASS (bc_appointments_page_parent_class)->map (widget);

  if (app != NULL && !self->connected)
    {
      g_signal_connect_object (app, "data-changed", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::database", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Another threshold changes the summary's "see a doctor" notice. */
      if (bc_application_get_settings (app) != NULL)
        g_signal_connect_object (bc_application_get_settings (app),
                                 "changed::" IMPROVEMENT_THRESHOLD_KEY,
                                 G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
      self->connected = TRUE;
    }

  /* Time moves upcoming appointments into the past: read again. */
  bc_appointments_page_reload (self);
}

static void
bc_appointments_page_dispose (GObject *object)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (object);

  g_clear_object (&self->chooser);
  g_clear_pointer (&self->removed, bc_appointment_free);

  /* AdwBin unparents its child itself; the template needs no dispose. */
  G_OBJECT_CLASS (bc_appointments_page_parent_class)->dispose (object);
}

static void
bc_appointments_page_finalize (GObject *object)
{
  BcAppointmentsPage *self = BC_APPOINTMENTS_PAGE (object);

  g_clear_pointer (&self->upcoming_rows, g_ptr_array_unref);
  g_clear_pointer (&self->past_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_appointments_page_parent_class)->finalize (object);
}

static void
bc_appointments_page_class_init (BcAppointmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_appointments_page_dispose;
  object_class->finalize = bc_appointments_page_finalize;
  widget_class->map = bc_appointments_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-appointments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, sessions_label);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, cost_label);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, pain_label);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, doctor_notice);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentsPage, past_list);

  gtk_widget_class_install_action (widget_class, "appointments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "appointments.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "appointments.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "appointments.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "appointments.load-older", NULL,
                                   load_older_action);
  gtk_widget_class_install_action (widget_class, "appointments.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "appointments.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "appointments.export-one", "x",
                                   export_one_action);
}

static void
bc_appointments_page_init (BcAppointmentsPage *self)
{
  self->upcoming_rows = g_ptr_array_new ();
  self->past_rows = g_ptr_array_new ();
  self->past_days = BC_APPOINTMENTS_PAGE_PAST_DAYS;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->upcoming_list,
                                create_placeholder (_("Nothing booked. Add your next "
                                                      "appointment.")));
  gtk_list_box_set_placeholder (self->past_list, create_placeholder (_("No past appointments.")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "appointments.export", FALSE);
}

/* The dialog the page has open (appointment, error), if any. */
GtkWindow *
bc_appointments_page_get_open_dialog (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), NULL);

  return self->open_dialog;
}

guint
bc_appointments_page_get_n_upcoming (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), 0);

  return self->upcoming_rows->len;
}

guint
bc_appointments_page_get_n_past (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), 0);

  return self->past_rows->len;
}

gint64
bc_appointments_page_get_upcoming_id (BcAppointmentsPage *self,
                                      guint               position)
{
  gint64 *id;

  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), 0);
  g_return_val_if_fail (position < self->upcoming_rows->len, 0);

  id = g_object_get_data (g_ptr_array_index (self->upcoming_rows, position), APPOINTMENT_ID_KEY);
  return *id;
}

const char *
bc_appointments_page_get_sessions_text (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), NULL);

  return gtk_label_get_label (self->sessions_label);
}

const char *
bc_appointments_page_get_cost_text (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), NULL);

  return gtk_label_get_label (self->cost_label);
}

const char *
bc_appointments_page_get_pain_text (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), NULL);

  return gtk_label_get_label (self->pain_label);
}

gboolean
bc_appointments_page_get_see_doctor_shown (BcAppointmentsPage *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENTS_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->doctor_notice);
}
