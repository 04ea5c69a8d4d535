/* bc-appointment-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-appointment-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bc-appointment-dialog.h"

/* Adds a massage appointment (or a weekly series of them) or edits one:
 * when, how long, what kind, with whom and where, what it costs and
 * whether insurance pays, how it went and the pain before and after.
 * What is wrong is said above the form and Save stays off; an overlap
 * with another appointment is only a warning, as two bookings on one
 * afternoon can be real.
 */

static const char * const insurance_codes[] = {
  "not-covered", "covered", "claim-submitted", "reimbursed", NULL
};
static const char * const status_codes[] = { "scheduled", "done", "cancelled", "missed", NULL };
static const char * const pain_codes[] = {
  "", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL
};
static const char * const repeat_codes[] = { "none", "weekly", NULL };
static const char * const end_codes[] = { "count", "until", NULL };
static const char * const scope_codes[] = { "one", "all", NULL };

struct _BcAppointmentDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *message_label;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *duration_row;
  GtkWidget           *scope_group;
  AdwComboRow         *scope_row;
  AdwComboRow         *modality_row;
  AdwEntryRow         *therapist_row;
  AdwEntryRow         *location_row;
  AdwEntryRow         *phone_row;
  GtkWidget           *repeat_group;
  AdwComboRow         *repeat_row;
  AdwEntryRow         *interval_row;
  AdwComboRow         *end_row;
  AdwEntryRow         *count_row;
  AdwEntryRow         *until_row;
  AdwEntryRow         *cost_row;
  AdwEntryRow         *currency_row;
  AdwComboRow         *insurance_row;
  AdwComboRow         *status_row;
  AdwComboRow         *pain_before_row;
  AdwComboRow         *pain_after_row;
  GtkTextView         *notes_view;

  BcApplication       *application;
  BcAppointment       *original;
  char                *error;
  char                *warning;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (BcAppointmentDialog, bc_appointment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Choices */

static const char * const *
combo_get_codes (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), "bc-codes");
}

static void
setup_combo (AdwComboRow        *row,
             const char * const *codes,
             const char * const *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *label = labels ? labels[i] : bc_appointment_code_get_label (codes[i]);

      gtk_string_list_append (model, label ? label : codes[i]);
    }

  g_object_set_data (G_OBJECT (row), "bc-codes", (gpointer)codes);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static const char *
combo_get_code (AdwComboRow *row)
{
  const char * const *codes = combo_get_codes (row);
  guint selected = adw_combo_row_get_selected (row);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length ((char **)codes))
    return NULL;

  return codes[selected];
}

static gboolean
combo_set_code (AdwComboRow *row,
                const char  *code)
{
  const char * const *codes = combo_get_codes (row);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], code) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Parsing */

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  char rest;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", year, month, day, &rest) != 3)
    return FALSE;

  return g_date_valid_dmy (*day, *month, *year);
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  char rest;
  size_t len = strlen (text);

  if (len < 4 || len > 5 || sscanf (text, "%2d:%2d%c", hour, minute, &rest) != 2)
    return FALSE;

  return *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60 && text[len - 3] == ':';
}

static gboolean
parse_int (const char *text,
           int        *out_value)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, -100000, 100000, &value, NULL))
    return FALSE;

  *out_value = (int)value;
  return TRUE;
}

/* "65", "65.5", "65,50" as cents; a sign is left to the caller. */
static gboolean
parse_cents (const char *text,
             gint64     *out_cents)
{
  gint64 units = 0, cents = 0;
  const char *p = text;
  guint n_digits = 0, n_decimals = 0;

  for (; g_ascii_isdigit (*p); p++, n_digits++)
    {
      if (n_digits >= 9)
        return FALSE;
      units = units * 10 + (*p - '0');
    }

  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_decimals++)
        {
          if (n_decimals >= 2)
            return FALSE;
          cents = cents * 10 + (*p - '0');
        }
      if (n_decimals == 1)
        cents *= 10;
    }

  if (*p != '\0' || (n_digits == 0 && n_decimals == 0))
    return FALSE;

  *out_cents = units * 100 + cents;
  return TRUE;
}

static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int)(cents % 100));
}

static GTimeZone *
dup_time_zone (BcAppointmentDialog *self)
{
  GTimeZone *zone = NULL;

  /* An appointment shows and keeps the zone it was entered in. */
  if (self->original != NULL && self->original->tzid != NULL && self->original->tzid[0] != '\0')
    zone = g_time_zone_new_identifier (self->original->tzid);

  return zone ? zone : g_time_zone_new_local ();
}

static char *
dup_notes (BcAppointmentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

/* Builds what the controls describe.
 *
 * Returns: (transfer full) (nullable): the appointment, or %NULL with
 *   @out_message saying what to correct
 */
static BcAppointment *
read_appointment (BcAppointmentDialog  *self,
                  BcAppointmentRepeat  *out_repeat,
                  gboolean             *out_repeats,
                  char                **out_message,
                  GtkWidget           **out_wrong_row)
{
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GTimeZone) zone = dup_time_zone (self);
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = dup_row_text (self->date_row);
  g_autofree char *time_text = dup_row_text (self->time_row);
  g_autofree char *duration_text = dup_row_text (self->duration_row);
  g_autofree char *cost_text = dup_row_text (self->cost_row);
  g_autofree char *currency_text = dup_row_text (self->currency_row);
  g_autofree char *therapist = dup_row_text (self->therapist_row);
  g_autofree char *location = dup_row_text (self->location_row);
  g_autofree char *phone = dup_row_text (self->phone_row);
  g_autofree char *notes = dup_notes (self);
  const char *pain_before = combo_get_code (self->pain_before_row);
  const char *pain_after = combo_get_code (self->pain_after_row);
  int year, month, day, hour, minute, duration;
  gint64 cost_cents = 0;

  *out_message = NULL;
  *out_wrong_row = NULL;
  *out_repeats = FALSE;
  memset (out_repeat, 0, sizeof *out_repeat);

#define REFUSE(row, text) \
  G_STMT_START { \
    *out_message = g_strdup (text); \
    *out_wrong_row = GTK_WIDGET (row); \
    return NULL; \
  } G_STMT_END

  if (!parse_date (date_text, &year, &month, &day))
    REFUSE (self->date_row, _("Enter the date as YYYY-MM-DD, for example 2026-03-14."));
  if (!parse_time (time_text, &hour, &minute))
    REFUSE (self->time_row, _("Enter the time as HH:MM on the 24-hour clock, for example 14:00."));
  starts = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (starts == NULL)
    REFUSE (self->date_row, _("This date and time cannot be stored."));

  if (!parse_int (duration_text, &duration))
    REFUSE (self->duration_row, _("Enter how long the appointment takes in minutes, for "
                                  "example 60."));
  if (duration <= 0)
    REFUSE (self->duration_row, _("The appointment must end after it starts: enter a "
                                  "duration of at least 5 minutes."));
  if (duration < 5 || duration > 600)
    REFUSE (self->duration_row, _("Enter a duration from 5 to 600 minutes."));

  if (cost_text[0] == '-')
    REFUSE (self->cost_row, _("The cost cannot be negative."));
  if (cost_text[0] != '\0' && !parse_cents (cost_text, &cost_cents))
    REFUSE (self->cost_row, _("Enter the cost as a number, for example 65.00."));

  {
    gboolean letters = strlen (currency_text) == 3;

    for (guint i = 0; letters && currency_text[i] != '\0'; i++)
      letters = g_ascii_isalpha (currency_text[i]);
    if (currency_text[0] != '\0' && !letters)
      REFUSE (self->currency_row, _("Enter the currency as a three-letter code such as EUR, "
                                    "or leave it empty."));
  }

  if (self->original == NULL && g_strcmp0 (combo_get_code (self->repeat_row), "weekly") == 0)
    {
      g_autofree char *interval_text = dup_row_text (self->interval_row);
      int interval;

      if (!parse_int (interval_text, &interval) || interval < 1 || interval > 52)
        REFUSE (self->interval_row, _("Repeat every 1 to 52 weeks."));
      out_repeat->interval_weeks = interval;

      if (g_strcmp0 (combo_get_code (self->end_row), "until") == 0)
        {
          g_autofree char *until_text = dup_row_text (self->until_row);
          g_autoptr(GDateTime) until = NULL;
          int until_year, until_month, until_day;

          if (!parse_date (until_text, &until_year, &until_month, &until_day))
            REFUSE (self->until_row, _("Enter the last date as YYYY-MM-DD, for example "
                                       "2026-06-30."));
          /* The whole last day counts. */
          until = g_date_time_new (zone, until_year, until_month, until_day, 23, 59, 59);
          if (until == NULL || g_date_time_compare (until, starts) < 0)
            REFUSE (self->until_row, _("The last date must be on or after the first "
                                       "appointment."));
          out_repeat->until = g_date_time_to_unix (until);
        }
      else
        {
          g_autofree char *count_text = dup_row_text (self->count_row);
          int count;

          if (!parse_int (count_text, &count) || count < 1 || count > 520)
            REFUSE (self->count_row, _("Enter a number of sessions from 1 to 520."));
          out_repeat->count = count;
        }
      *out_repeats = TRUE;
    }

#undef REFUSE

  appointment = self->original ? bc_appointment_copy (self->original) : bc_appointment_new ();
  appointment->starts_at = g_date_time_to_unix (starts);
  replace_string (&appointment->tzid, g_time_zone_get_identifier (zone));
  appointment->duration_minutes = duration;
  replace_string (&appointment->modality, combo_get_code (self->modality_row));
  replace_string (&appointment->therapist, therapist);
  replace_string (&appointment->location, location);
  replace_string (&appointment->phone, phone);
  appointment->cost_cents = cost_cents;
  replace_string (&appointment->currency, currency_text);
  for (char *c = appointment->currency; *c != '\0'; c++)
    *c = g_ascii_toupper (*c);
  replace_string (&appointment->insurance, combo_get_code (self->insurance_row));
  replace_string (&appointment->status, combo_get_code (self->status_row));
  replace_string (&appointment->notes, notes);
  appointment->pain_before = pain_before && pain_before[0] ? atoi (pain_before) : -1;
  appointment->pain_after = pain_after && pain_after[0] ? atoi (pain_after) : -1;

  if (!bc_appointment_validate (appointment, &error))
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }

  return g_steal_pointer (&appointment);
}

/* Validation as the controls change */

static char *
describe_other (const BcAppointment *other)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (other->starts_at);
  /* Translators: when another appointment is, see g_date_time_format() */
  g_autofree char *time_text = g_date_time_format (when, _("%a %-d %B, %H:%M"));
  const char *modality = bc_appointment_code_get_label (other->modality);

  if (other->therapist != NULL && other->therapist[0] != '\0')
    /* Translators: e.g. "Thu 12 March, 14:00: Swedish with Mia" */
    return g_strdup_printf (_("%s: %s with %s"), time_text, modality ? modality : "",
                            other->therapist);

  /* Translators: e.g. "Thu 12 March, 14:00: Swedish" */
  return g_strdup_printf (_("%s: %s"), time_text, modality ? modality : "");
}

static void
update_warning (BcAppointmentDialog *self,
                const BcAppointment *appointment)
{
  BcDatabase *db = bc_application_get_database (self->application);
  g_autoptr(GPtrArray) others = NULL;

  g_clear_pointer (&self->warning, g_free);

  if (appointment != NULL && db != NULL &&
      g_strcmp0 (appointment->status, "cancelled") != 0)
    others = bc_appointment_store_overlaps (db, bc_application_get_profile_id (self->application),
                                            appointment, NULL);

  if (others != NULL && others->len > 0)
    {
      g_autofree char *other = describe_other (g_ptr_array_index (others, 0));

      if (others->len == 1)
        /* Translators: %s describes the other appointment */
        self->warning = g_strdup_printf (_("This overlaps another appointment (%s). You can "
                                           "still save it."), other);
      else
        /* Translators: %u is how many, %s describes the first of them */
        self->warning = g_strdup_printf (g_dngettext (NULL,
                                                      "This overlaps %u other appointments "
                                                      "(first %s). You can still save it.",
                                                      "This overlaps %u other appointments "
                                                      "(first %s). You can still save it.",
                                                      others->len),
                                         others->len, other);
    }

  gtk_label_set_label (self->warning_label, self->warning ? self->warning : "");
  gtk_widget_set_visible (self->warning_box, self->warning != NULL);
}

static void
mark_row (GtkWidget *row,
          GtkWidget *wrong_row)
{
  if (row == wrong_row)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static BcAppointment *
validate (BcAppointmentDialog *self,
          BcAppointmentRepeat *out_repeat,
          gboolean            *out_repeats)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row), GTK_WIDGET (self->duration_row),
    GTK_WIDGET (self->cost_row), GTK_WIDGET (self->currency_row), GTK_WIDGET (self->interval_row),
    GTK_WIDGET (self->count_row), GTK_WIDGET (self->until_row),
  };
  g_autofree char *message = NULL;
  GtkWidget *wrong_row = NULL;
  BcAppointment *appointment;
  gboolean weekly = g_strcmp0 (combo_get_code (self->repeat_row), "weekly") == 0;
  gboolean until = g_strcmp0 (combo_get_code (self->end_row), "until") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), weekly);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), weekly);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), weekly && !until);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), weekly && until);

  appointment = read_appointment (self, out_repeat, out_repeats, &message, &wrong_row);

  g_free (self->error);
  self->error = g_steal_pointer (&message);
  gtk_label_set_label (self->message_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), self->error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), appointment != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    mark_row (rows[i], wrong_row);

  update_warning (self, appointment);
  return appointment;
}

static void
changed_cb (BcAppointmentDialog *self)
{
  BcAppointmentRepeat repeat;
  gboolean repeats;

  if (!self->updating)
    bc_appointment_free (validate (self, &repeat, &repeats));
}

static void
save_cb (BcAppointmentDialog *self)
{
  bc_appointment_dialog_save (self);
}

static void
cancel_cb (BcAppointmentDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  bc_appointment_dialog_save (BC_APPOINTMENT_DIALOG (widget));
  return TRUE;
}

/* Lifetime */

static void
bc_appointment_dialog_dispose (GObject *object)
{
  BcAppointmentDialog *self = BC_APPOINTMENT_DIALOG (object);

  g_clear_object (&self->application);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_APPOINTMENT_DIALOG);

  G_OBJECT_CLASS (bc_appointment_dialog_parent_class)->dispose (object);
}

static void
bc_appointment_dialog_finalize (GObject *object)
{
  BcAppointmentDialog *self = BC_APPOINTMENT_DIALOG (object);

  g_clear_pointer (&self->original, bc_appointment_free);
  g_free (self->error);
  g_free (self->warning);

  G_OBJECT_CLASS (bc_appointment_dialog_parent_class)->finalize (object);
}

static void
bc_appointment_dialog_class_init (BcAppointmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_appointment_dialog_dispose;
  object_class->finalize = bc_appointment_dialog_finalize;

  /* The stored appointment's id (the first of a new series). */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-appointment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, warning_box);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, modality_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, therapist_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, insurance_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, pain_before_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, pain_after_row);
  gtk_widget_class_bind_template_child (widget_class, BcAppointmentDialog, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
}

static void
bc_appointment_dialog_init (BcAppointmentDialog *self)
{
  const char *pain_labels[G_N_ELEMENTS (pain_codes)] = { _("Not given"), NULL };
  const char *repeat_labels[] = { _("Does not repeat"), _("Weekly") };
  const char *end_labels[] = { _("After N sessions"), _("On a date") };
  const char *scope_labels[] = { _("This appointment only"), _("All in the series") };

  for (guint i = 1; pain_codes[i] != NULL; i++)
    pain_labels[i] = pain_codes[i];

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_combo (self->modality_row, bc_appointment_modality_codes (), NULL);
  setup_combo (self->insurance_row, insurance_codes, NULL);
  setup_combo (self->status_row, status_codes, NULL);
  setup_combo (self->pain_before_row, pain_codes, pain_labels);
  setup_combo (self->pain_after_row, pain_codes, pain_labels);
  setup_combo (self->repeat_row, repeat_codes, repeat_labels);
  setup_combo (self->end_row, end_codes, end_labels);
  setup_combo (self->scope_row, scope_codes, scope_labels);

  gtk_editable_set_text (GTK_EDITABLE (self->interval_row), "1");
  gtk_editable_set_text (GTK_EDITABLE (self->count_row), "4");
  self->updating = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_appointment (BcAppointmentDialog *self,
                  const BcAppointment *appointment)
{
  g_autoptr(GTimeZone) zone = dup_time_zone (self);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (appointment->starts_at);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, zone);
  g_autofree char *date_text = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *time_text = g_date_time_format (when, "%H:%M");
  g_autofree char *duration_text = g_strdup_printf ("%d", appointment->duration_minutes);
  g_autofree char *cost_text = appointment->cost_cents > 0
                               ? format_cents (appointment->cost_cents) : g_strdup ("");
  g_autofree char *before = appointment->pain_before >= 0
                            ? g_strdup_printf ("%d", appointment->pain_before) : g_strdup ("");
  g_autofree char *after = appointment->pain_after >= 0
                           ? g_strdup_printf ("%d", appointment->pain_after) : g_strdup ("");

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration_text);
  combo_set_code (self->modality_row, appointment->modality);
  gtk_editable_set_text (GTK_EDITABLE (self->therapist_row), appointment->therapist ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), appointment->location ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), appointment->phone ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->cost_row), cost_text);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), appointment->currency ?: "");
  combo_set_code (self->insurance_row, appointment->insurance);
  combo_set_code (self->status_row, appointment->status);
  combo_set_code (self->pain_before_row, before);
  combo_set_code (self->pain_after_row, after);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            appointment->notes ? appointment->notes : "", -1);
  self->updating = FALSE;
}

/* The next full hour from now, tomorrow: a typical booking. */
static BcAppointment *
new_default_appointment (void)
{
  BcAppointment *appointment = bc_appointment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                      g_date_time_get_month (tomorrow),
                                                      g_date_time_get_day_of_month (tomorrow),
                                                      g_date_time_get_hour (now), 0, 0);

  appointment->starts_at = g_date_time_to_unix (start ? start : tomorrow);
  if (appointment->duration_minutes <= 0)
    appointment->duration_minutes = 60;
  return appointment;
}

/**
 * bc_appointment_dialog_new:
 * @appointment: (nullable): the appointment to edit (its id set), one
 *   to start from (id 0), or %NULL for a new one tomorrow
 */
BcAppointmentDialog *
bc_appointment_dialog_new (GtkWindow           *parent,
                           BcApplication       *application,
                           const BcAppointment *appointment)
{
  BcAppointmentDialog *self;
  g_autoptr(BcAppointment) blank = NULL;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  self = g_object_new (BC_TYPE_APPOINTMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->application = g_object_ref (application);

  if (appointment != NULL && appointment->id != 0)
    {
      self->original = bc_appointment_copy (appointment);
      adw_window_title_set_title (self->window_title, _("Edit Appointment"));
      load_appointment (self, appointment);
    }
  else
    {
      blank = appointment ? bc_appointment_copy (appointment) : new_default_appointment ();
      load_appointment (self, blank);
    }

  gtk_widget_set_visible (self->repeat_group, self->original == NULL);
  gtk_widget_set_visible (self->scope_group,
                          self->original != NULL && self->original->series_id != 0);

  changed_cb (self);
  return self;
}

gboolean
bc_appointment_dialog_is_editing (BcAppointmentDialog *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENT_DIALOG (self), FALSE);

  return self->original != NULL;
}

static AdwEntryRow *
lookup_entry_row (BcAppointmentDialog *self,
                  const char          *field)
{
  const struct {
    const char  *name;
    AdwEntryRow *row;
  } rows[] = {
    { "date", self->date_row }, { "time", self->time_row },
    { "duration", self->duration_row }, { "therapist", self->therapist_row },
    { "location", self->location_row }, { "phone", self->phone_row },
    { "cost", self->cost_row }, { "currency", self->currency_row },
    { "interval", self->interval_row }, { "count", self->count_row },
    { "until", self->until_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (rows[i].name, field))
        return rows[i].row;
    }

  return NULL;
}

static AdwComboRow *
lookup_combo_row (BcAppointmentDialog *self,
                  const char          *field)
{
  const struct {
    const char  *name;
    AdwComboRow *row;
  } rows[] = {
    { "modality", self->modality_row }, { "insurance", self->insurance_row },
    { "status", self->status_row }, { "pain-before", self->pain_before_row },
    { "pain-after", self->pain_after_row }, { "repeat", self->repeat_row },
    { "end", self->end_row }, { "scope", self->scope_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (rows[i].name, field))
        return rows[i].row;
    }

  return NULL;
}

void
bc_appointment_dialog_set_text (BcAppointmentDialog *self,
                                const char          *field,
                                const char          *text)
{
  AdwEntryRow *row;

  g_return_if_fail (BC_IS_APPOINTMENT_DIALOG (self));
  g_return_if_fail (field != NULL);

  if (g_str_equal (field, "notes"))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text ?: "", -1);
      return;
    }

  row = lookup_entry_row (self, field);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
bc_appointment_dialog_set_choice (BcAppointmentDialog *self,
                                  const char          *field,
                                  const char          *code)
{
  AdwComboRow *row;

  g_return_if_fail (BC_IS_APPOINTMENT_DIALOG (self));
  g_return_if_fail (field != NULL);

  row = lookup_combo_row (self, field);
  g_return_if_fail (row != NULL);
  if (!combo_set_code (row, code))
    g_critical ("No choice “%s” for %s", code, field);
}

/* Returns: (nullable): what keeps the appointment from being saved */
const char *
bc_appointment_dialog_get_error (BcAppointmentDialog *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENT_DIALOG (self), NULL);

  return self->error;
}

/* Returns: (nullable): the overlap warning shown */
const char *
bc_appointment_dialog_get_warning (BcAppointmentDialog *self)
{
  g_return_val_if_fail (BC_IS_APPOINTMENT_DIALOG (self), NULL);

  return self->warning;
}

gboolean
bc_appointment_dialog_save (BcAppointmentDialog *self)
{
  g_autoptr(BcAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  BcAppointmentRepeat repeat;
  gboolean repeats;
  BcDatabase *db;
  gint64 profile_id;
  gint64 id;

  g_return_val_if_fail (BC_IS_APPOINTMENT_DIALOG (self), FALSE);

  appointment = validate (self, &repeat, &repeats);
  db = bc_application_get_database (self->application);
  if (appointment == NULL || db == NULL)
    return FALSE;

  profile_id = bc_application_get_profile_id (self->application);
  if (appointment->id != 0)
    id = bc_appointment_store_update (db, profile_id, appointment,
                                      g_strcmp0 (combo_get_code (self->scope_row), "all") == 0,
                                      &error) ? appointment->id : 0;
  else
    id = bc_appointment_store_add (db, profile_id, appointment, repeats ? &repeat : NULL, &error);

  if (id == 0)
    {
      g_free (self->error);
      self->error = g_strdup_printf (_("The appointment could not be saved: %s"),
                                     error ? error->message : "");
      gtk_label_set_label (self->message_label, self->error);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return FALSE;
    }

  bc_application_data_changed (self->application);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
