/* test-ui-appointments.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Appointments in the real window under Xvfb: a weekly series through
 * the dialog, one occurrence cancelled, the overlap warning, what the
 * dialog refuses, the "Does it help?" card, Today's next appointment
 * and pain prompt, each checked against the sqlite file, and pictures
 * of the page and dialog at 360 and 1000 px (BACKCARE_TEST_OUTPUT).
 */


#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-appointment-dialog.h"
#include "bc-appointment-store.h"
#include "bc-appointments-page.h"
#include "bc-pain-store.h"
#include "bc-plan-page.h"
#include "bc-reminder-engine.h"
#include "bc-today-page.h"
#include "bc-window.h"

#define GENTLE_START "/org/example/BackCare/templates/core-and-stretch-gentle-start.backcare-plan"

typedef struct
{
  BcApplication      *app;
  BcWindow           *window;
  BcAppointmentsPage *page;
} Fixture;

static void
show_page (Fixture    *fixture,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             name));
  bc_test_iterate (150);
  g_assert_cmpstr (bc_window_get_visible_page (fixture->window), ==, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *world = g_getenv ("BACKCARE_TEST_WORLD");
  g_autofree char *data_dir = NULL;

  g_assert_nonnull (world);
  data_dir = g_build_filename (world, "appointments", NULL);
  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  fixture->app = bc_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bc_application_get_database (fixture->app));
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  fixture->page = bc_window_get_appointments_page (fixture->window);
  g_assert_true (BC_IS_APPOINTMENTS_PAGE (fixture->page));
  bc_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *dialog = bc_appointments_page_get_open_dialog (fixture->page);

  if (dialog != NULL)
    gtk_window_destroy (dialog);

  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  bc_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  g_application_quit (G_APPLICATION (fixture->app));
  g_object_unref (fixture->app);
}

static BcDatabase *
db_of (Fixture *fixture)
{
  return bc_application_get_database (fixture->app);
}

static gint64
profile_of (Fixture *fixture)
{
  return bc_application_get_profile_id (fixture->app);
}

/* Everything stored from a year back to two years ahead. */
static GPtrArray *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GPtrArray *all = bc_appointment_store_list (db_of (fixture), profile_of (fixture),
                                              now - 366 * 86400, now + 2 * 366 * 86400, &error);

  g_assert_no_error (error);
  return all;
}

static guint
stored_count (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = stored (fixture);

  return all->len;
}

/* A day a few days ahead (or back), as YYYY-MM-DD. */
static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gint64
unix_at (int days,
         int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (day),
                                                   g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day),
                                                   hour, 0, 0);

  return g_date_time_to_unix (at);
}

static gint64
add_stored (Fixture    *fixture,
            gint64      starts_at,
            const char *status,
            gint64      cost_cents,
            const char *insurance)
{
  g_autoptr(BcAppointment) appointment = bc_appointment_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  appointment->starts_at = starts_at;
  g_free (appointment->tzid);
  appointment->tzid = g_strdup ("Europe/Berlin");
  appointment->duration_minutes = 60;
  g_free (appointment->modality);
  appointment->modality = g_strdup ("swedish");
  g_free (appointment->therapist);
  appointment->therapist = g_strdup ("Mia");
  g_free (appointment->location);
  appointment->location = g_strdup ("Praxis am Markt");
  g_free (appointment->status);
  appointment->status = g_strdup (status);
  appointment->cost_cents = cost_cents;
  g_free (appointment->currency);
  appointment->currency = g_strdup ("EUR");
  g_free (appointment->insurance);
  appointment->insurance = g_strdup (insurance);
  id = bc_appointment_store_add (db_of (fixture), profile_of (fixture), appointment, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static BcAppointmentDialog *
open_new_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "appointments.add",
                                             NULL));
  bc_test_iterate (200);
  dialog = bc_appointments_page_get_open_dialog (fixture->page);
  g_assert_true (BC_IS_APPOINTMENT_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return BC_APPOINTMENT_DIALOG (dialog);
}

static void
fill_in (BcAppointmentDialog *dialog,
         const char          *date,
         const char          *time)
{
  bc_appointment_dialog_set_text (dialog, "date", date);
  bc_appointment_dialog_set_text (dialog, "time", time);
  bc_appointment_dialog_set_text (dialog, "duration", "60");
  bc_appointment_dialog_set_choice (dialog, "modality", "swedish");
  bc_appointment_dialog_set_text (dialog, "therapist", "Mia");
  bc_appointment_dialog_set_text (dialog, "location", "Praxis am Markt");
  bc_appointment_dialog_set_text (dialog, "phone", "+49 30 1234567");
  bc_appointment_dialog_set_text (dialog, "cost", "65,00");
  bc_appointment_dialog_set_text (dialog, "currency", "eur");
  bc_appointment_dialog_set_choice (dialog, "insurance", "covered");
}

static void
assert_refused (BcAppointmentDialog *dialog,
                Fixture             *fixture,
                const char          *expected)
{
  g_assert_nonnull (bc_appointment_dialog_get_error (dialog));
  g_test_message ("refused: %s", bc_appointment_dialog_get_error (dialog));
  if (expected != NULL)
    g_assert_nonnull (strstr (bc_appointment_dialog_get_error (dialog), expected));
  g_assert_false (bc_appointment_dialog_save (dialog));
  g_assert_cmpuint (stored_count (fixture), ==, 0);
}

static void
test_series (Fixture       *fixture,
             gconstpointer  user_data)
{
  BcAppointmentDialog *dialog;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *first_day = day_from_now (3);
  const BcAppointment *first;
  guint n_cancelled = 0;
  gint64 cancel_id;

  show_page (fixture, "appointments");
  dialog = open_new_dialog (fixture);
  g_assert_false (bc_appointment_dialog_is_editing (dialog));

  fill_in (dialog, first_day, "14:00");
  bc_appointment_dialog_set_choice (dialog, "repeat", "weekly");
  bc_appointment_dialog_set_text (dialog, "interval", "1");
  bc_appointment_dialog_set_choice (dialog, "end", "count");
  bc_appointment_dialog_set_text (dialog, "count", "4");
  g_assert_null (bc_appointment_dialog_get_error (dialog));
  g_assert_null (bc_appointment_dialog_get_warning (dialog));
  g_assert_true (bc_appointment_dialog_save (dialog));
  bc_test_iterate (200);
  g_assert_null (bc_appointments_page_get_open_dialog (fixture->page));

  /* Four occurrences, a week apart, one series, as entered. */
  all = stored (fixture);
  g_assert_cmpuint (all->len, ==, 4);
  first = g_ptr_array_index (all, 0);
  g_assert_cmpint (first->series_id, >, 0);
  g_assert_cmpstr (first->therapist, ==, "Mia");
  g_assert_cmpstr (first->currency, ==, "EUR");
  g_assert_cmpint (first->cost_cents, ==, 6500);
  g_assert_cmpstr (first->insurance, ==, "covered");
  g_assert_cmpstr (first->phone, ==, "+49 30 1234567");
  for (guint i = 1; i < all->len; i++)
    {
      const BcAppointment *a = g_ptr_array_index (all, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (a->starts_at);

      g_assert_cmpint (a->series_id, ==, first->series_id);
      /* 14:00 local every week, across a DST change too. */
      g_assert_cmpint (g_date_time_get_hour (when), ==, 14);
      g_assert_cmpint (a->starts_at - first->starts_at, >=, (gint64)i * 7 * 86400 - 3600);
      g_assert_cmpint (a->starts_at - first->starts_at, <=, (gint64)i * 7 * 86400 + 3600);
    }
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 4);

  /* Cancel the second one only. */
  cancel_id = bc_appointments_page_get_upcoming_id (fixture->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "appointments.cancel",
                                             "x", cancel_id));
  bc_test_iterate (200);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = stored (fixture);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      const BcAppointment *a = g_ptr_array_index (all, i);

      if (a->id == cancel_id)
        g_assert_cmpstr (a->status, ==, "cancelled");
      else
        g_assert_cmpstr (a->status, ==, "scheduled");
      n_cancelled += g_str_equal (a->status, "cancelled");
    }
  g_assert_cmpuint (n_cancelled, ==, 1);
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 4);

  /* Delete the last one, then Undo brings it back. */
  g_assert_true (bc_appointments_page_delete_appointment (
                   fixture->page, bc_appointments_page_get_upcoming_id (fixture->page, 3)));
  bc_test_iterate (200);
  g_assert_cmpuint (stored_count (fixture), ==, 3);
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 3);
  bc_appointments_page_undo_delete (fixture->page);
  bc_test_iterate (200);
  g_assert_cmpuint (stored_count (fixture), ==, 4);
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 4);

  /* Editing an occurrence of a series asks which to change. */
  bc_appointments_page_edit_appointment (fixture->page,
                                         bc_appointments_page_get_upcoming_id (fixture->page, 0));
  bc_test_iterate (200);
  dialog = BC_APPOINTMENT_DIALOG (bc_appointments_page_get_open_dialog (fixture->page));
  g_assert_true (bc_appointment_dialog_is_editing (dialog));
  bc_appointment_dialog_set_text (dialog, "therapist", "Jonas");
  bc_appointment_dialog_set_choice (dialog, "scope", "one");
  g_assert_true (bc_appointment_dialog_save (dialog));
  bc_test_iterate (200);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = stored (fixture);
  g_assert_cmpstr (((BcAppointment *)g_ptr_array_index (all, 0))->therapist, ==, "Jonas");
  g_assert_cmpstr (((BcAppointment *)g_ptr_array_index (all, 2))->therapist, ==, "Mia");
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  user_data)
{
  BcAppointmentDialog *dialog;
  g_autofree char *day = day_from_now (2);
  g_autofree char *earlier = day_from_now (1);

  show_page (fixture, "appointments");
  dialog = open_new_dialog (fixture);
  fill_in (dialog, day, "10:00");
  g_assert_null (bc_appointment_dialog_get_error (dialog));

  bc_appointment_dialog_set_text (dialog, "duration", "0");
  assert_refused (dialog, fixture, "end after it starts");
  bc_appointment_dialog_set_text (dialog, "duration", "-30");
  assert_refused (dialog, fixture, "end after it starts");
  bc_appointment_dialog_set_text (dialog, "duration", "sixty");
  assert_refused (dialog, fixture, NULL);
  bc_appointment_dialog_set_text (dialog, "duration", "60");

  bc_appointment_dialog_set_text (dialog, "cost", "-5");
  assert_refused (dialog, fixture, "negative");
  bc_appointment_dialog_set_text (dialog, "cost", "12.345");
  assert_refused (dialog, fixture, NULL);
  bc_appointment_dialog_set_text (dialog, "cost", "65.50");

  bc_appointment_dialog_set_text (dialog, "date", "2026-02-30");
  assert_refused (dialog, fixture, "YYYY-MM-DD");
  bc_appointment_dialog_set_text (dialog, "date", day);
  bc_appointment_dialog_set_text (dialog, "time", "25:00");
  assert_refused (dialog, fixture, "HH:MM");
  bc_appointment_dialog_set_text (dialog, "time", "10:00");
  bc_appointment_dialog_set_text (dialog, "currency", "Euro");
  assert_refused (dialog, fixture, NULL);
  bc_appointment_dialog_set_text (dialog, "currency", "EUR");

  bc_appointment_dialog_set_choice (dialog, "repeat", "weekly");
  bc_appointment_dialog_set_text (dialog, "interval", "0");
  assert_refused (dialog, fixture, NULL);
  bc_appointment_dialog_set_text (dialog, "interval", "2");
  bc_appointment_dialog_set_choice (dialog, "end", "until");
  bc_appointment_dialog_set_text (dialog, "until", earlier);
  assert_refused (dialog, fixture, "last date");

  /* Corrected, it saves. */
  bc_appointment_dialog_set_choice (dialog, "repeat", "none");
  g_assert_null (bc_appointment_dialog_get_error (dialog));
  g_assert_true (bc_appointment_dialog_save (dialog));
  g_assert_cmpuint (stored_count (fixture), ==, 1);
}

static void
test_overlap (Fixture       *fixture,
              gconstpointer  user_data)
{
  BcAppointmentDialog *dialog;
  g_autofree char *day = day_from_now (4);

  add_stored (fixture, unix_at (4, 14), "scheduled", 6500, "not-covered");
  show_page (fixture, "appointments");
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 1);

  dialog = open_new_dialog (fixture);
  fill_in (dialog, day, "16:00");
  g_assert_null (bc_appointment_dialog_get_warning (dialog));
  bc_appointment_dialog_set_text (dialog, "time", "14:30");
  g_assert_nonnull (bc_appointment_dialog_get_warning (dialog));
  g_test_message ("warning: %s", bc_appointment_dialog_get_warning (dialog));
  g_assert_nonnull (strstr (bc_appointment_dialog_get_warning (dialog), "Mia"));

  /* A warning, not a block. */
  g_assert_null (bc_appointment_dialog_get_error (dialog));
  g_assert_true (bc_appointment_dialog_save (dialog));
  bc_test_iterate (200);
  g_assert_cmpuint (stored_count (fixture), ==, 2);
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 2);
}

static void
add_pain (Fixture *fixture,
          gint64   time,
          int      intensity)
{
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);
  g_autoptr(GError) error = NULL;

  bc_pain_entry_set_date_time (entry, when);
  entry->intensity = intensity;
  bc_pain_store_add (db_of (fixture), profile_of (fixture), entry, &error);
  g_assert_no_error (error);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  /* Two sessions in the last 30 days, one paid by insurance, one older. */
  add_stored (fixture, unix_at (-10, 10), "done", 6500, "covered");
  add_stored (fixture, unix_at (-20, 10), "done", 6500, "not-covered");
  add_stored (fixture, unix_at (-60, 10), "done", 9000, "covered");
  add_stored (fixture, unix_at (-5, 10), "cancelled", 6500, "not-covered");
  for (int day = -27; day <= -1; day++)
    add_pain (fixture, unix_at (day, 8), day < -15 ? 6 : 5);

  show_page (fixture, "appointments");
  g_test_message ("summary: %s | %s | %s", bc_appointments_page_get_sessions_text (fixture->page),
                  bc_appointments_page_get_cost_text (fixture->page),
                  bc_appointments_page_get_pain_text (fixture->page));
  g_assert_cmpuint (bc_appointments_page_get_n_past (fixture->page), ==, 4);
  g_assert_cmpstr (bc_appointments_page_get_sessions_text (fixture->page), ==,
                   "2 sessions in the last 30 days");
  g_assert_cmpstr (bc_appointments_page_get_cost_text (fixture->page), ==,
                   "Cost 130.00 EUR, 50 % covered");
  g_assert_nonnull (strstr (bc_appointments_page_get_pain_text (fixture->page),
                            "7 days before"));
  /* Two sessions are not enough to call it. */
  g_assert_false (bc_appointments_page_get_see_doctor_shown (fixture->page));

  /* Another threshold reads the summary again; still too few sessions. */
  g_settings_set_double (bc_application_get_settings (fixture->app),
                         "massage-improvement-threshold", 0.5);
  bc_test_iterate (100);
  g_assert_cmpstr (bc_appointments_page_get_sessions_text (fixture->page), ==,
                   "2 sessions in the last 30 days");
  g_assert_false (bc_appointments_page_get_see_doctor_shown (fixture->page));
}

static void
test_today (Fixture       *fixture,
            gconstpointer  user_data)
{
  BcTodayPage *today = NULL;
  const char *text;

  add_stored (fixture, unix_at (2, 14), "scheduled", 6500, "not-covered");
  add_stored (fixture, g_get_real_time () / G_USEC_PER_SEC - 3 * 3600, "done", 6500,
              "not-covered");
  g_assert_true (bc_plan_page_use_template (bc_window_get_plan_page (fixture->window),
                                            GENTLE_START));
  show_page (fixture, "today");
  for (GtkWidget *w = GTK_WIDGET (fixture->window); w != NULL && today == NULL; )
    {
      if (BC_IS_TODAY_PAGE (w))
        today = BC_TODAY_PAGE (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (today);
  bc_today_page_reload (today);

  text = bc_today_page_get_next_appointment_text (today);
  g_test_message ("next: %s", text);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Next appointment: "));
  g_assert_nonnull (strstr (text, "14:00"));
  g_assert_nonnull (strstr (text, "with Mia at Praxis am Markt"));
  text = bc_today_page_get_appointment_prompt_text (today);
  g_test_message ("prompt: %s", text);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "before and after"));
}

static guint
count_components (icalcomponent     *calendar,
                  icalcomponent_kind kind)
{
  guint n = 0;

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, kind); c != NULL;
       c = icalcomponent_get_next_component (calendar, kind))
    n++;
  return n;
}

/* One occurrence's row menu item writes its whole series: one VEVENT
 * with an RRULE, its zone as a VTIMEZONE.
 */
static void
test_export_one (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BcAppointmentDialog *dialog;
  g_autofree char *first_day = day_from_now (3);
  g_autofree char *path = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "series.ics",
                                            NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event;
  icalproperty *rrule;
  gint64 occurrence_id;

  show_page (fixture, "appointments");
  dialog = open_new_dialog (fixture);
  fill_in (dialog, first_day, "14:00");
  bc_appointment_dialog_set_choice (dialog, "repeat", "weekly");
  bc_appointment_dialog_set_text (dialog, "interval", "1");
  bc_appointment_dialog_set_choice (dialog, "end", "count");
  bc_appointment_dialog_set_text (dialog, "count", "3");
  g_assert_true (bc_appointment_dialog_save (dialog));
  bc_test_iterate (200);
  g_assert_cmpuint (stored_count (fixture), ==, 3);
  g_assert_cmpuint (bc_appointments_page_get_n_upcoming (fixture->page), ==, 3);

  /* The second occurrence stands for its series. */
  occurrence_id = bc_appointments_page_get_upcoming_id (fixture->page, 1);
  g_assert_true (bc_appointments_page_export_one (fixture->page, occurrence_id, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpuint (count_components (calendar, ICAL_VTIMEZONE_COMPONENT), >=, 1);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_nonnull (rrule);
  g_assert_cmpint (icalproperty_get_rrule (rrule).freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_null (icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT));
  icalcomponent_free (calendar);
}

/* An appointment added through the dialog is announced by the
 * application's reminder engine: the evening before at 18:00 or, once
 * that has passed, an hour before.
 */
static void
test_reminders_scheduled (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BcAppointmentDialog *dialog;
  BcReminderEngine *engine;
  BcReminderKind kind = BC_REMINDER_HYDRATION;
  g_autofree char *tomorrow = day_from_now (1);
  GSettings *settings = bc_application_get_settings (fixture->app);
  gint64 now, due, evening, hour_before;

  /* Only the appointment reminders, so nothing else comes first. */
  g_settings_set_boolean (settings, "appointment-reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "hydration-enabled", FALSE);
  g_settings_set_boolean (settings, "stretch-enabled", FALSE);
  g_settings_set_boolean (settings, "session-reminder-enabled", FALSE);
  g_settings_set_boolean (settings, "pain-reminder-enabled", FALSE);
  g_settings_set_boolean (settings, "appointment-remind-day-before", TRUE);
  g_settings_set_string (settings, "appointment-remind-day-before-time", "18:00");
  g_settings_set_int (settings, "appointment-remind-before-minutes", 60);

  show_page (fixture, "appointments");
  dialog = open_new_dialog (fixture);
  fill_in (dialog, tomorrow, "14:00");
  g_assert_true (bc_appointment_dialog_save (dialog));
  bc_test_iterate (200);
  g_assert_cmpuint (stored_count (fixture), ==, 1);

  engine = bc_application_get_reminders (fixture->app);
  g_assert_true (BC_IS_REMINDER_ENGINE (engine));
  bc_reminder_engine_reschedule (engine);
  due = bc_reminder_engine_get_next_due (engine, &kind);
  now = g_get_real_time () / G_USEC_PER_SEC;
  evening = unix_at (0, 18);
  hour_before = unix_at (1, 14) - 3600;
  g_test_message ("next due %" G_GINT64_FORMAT " (%s), now %" G_GINT64_FORMAT, due,
                  bc_reminder_kind_to_string (kind), now);

  g_assert_cmpint (kind, ==, BC_REMINDER_APPOINTMENT);
  if (now < evening - 60)
    g_assert_cmpint (due, ==, evening);
  else
    {
      /* The evening moment has come (perhaps into quiet hours) or was
       * shown already: it is due by the hour before at the latest.
       */
      g_assert_cmpint (due, >=, evening);
      g_assert_cmpint (due, <=, hour_before);
    }
}

/* Rendering, as the pain tests do it. */

/* Without a window manager a shown window keeps its size: the default
 * size applies when it is shown again, frame included.
 */
static void
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  int default_width = width;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_set_default_size (window, default_width, height);
      gtk_window_present (window);
      bc_test_iterate (300);
      if (gtk_widget_get_width (GTK_WIDGET (window)) == width)
        return;
      default_width += width - gtk_widget_get_width (GTK_WIDGET (window));
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  const int widths[] = { 360, 1000 };
  BcAppointmentDialog *dialog;
  g_autofree char *day = day_from_now (3);

  show_page (fixture, "appointments");
  resize_window (GTK_WINDOW (fixture->window), 360, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "appointments-empty-360.png");

  add_stored (fixture, unix_at (-10, 10), "done", 6500, "covered");
  add_stored (fixture, unix_at (-3, 10), "missed", 6500, "not-covered");
  add_stored (fixture, unix_at (4, 14), "scheduled", 6500, "not-covered");
  bc_appointments_page_reload (fixture->page);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *page_name = g_strdup_printf ("appointments-%d.png", widths[i]);
      g_autofree char *dialog_name = g_strdup_printf ("appointment-dialog-%d.png", widths[i]);

      resize_window (GTK_WINDOW (fixture->window), widths[i], 900);
      bc_test_save_png (GTK_WIDGET (fixture->window), page_name);

      dialog = open_new_dialog (fixture);
      fill_in (dialog, day, "14:30");
      bc_appointment_dialog_set_choice (dialog, "repeat", "weekly");
      bc_appointment_dialog_set_text (dialog, "cost", "-5");
      resize_window (GTK_WINDOW (dialog), widths[i], 900);
      bc_test_save_png (GTK_WIDGET (dialog), dialog_name);
      gtk_window_destroy (GTK_WINDOW (dialog));
      bc_test_iterate (100);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/appointments/series", test_series);
  ADD ("/ui/appointments/invalid", test_invalid);
  ADD ("/ui/appointments/overlap", test_overlap);
  ADD ("/ui/appointments/summary", test_summary);
  ADD ("/ui/appointments/today", test_today);
  ADD ("/ui/appointments/render", test_render);
  ADD ("/ui/appointments/export-one", test_export_one);
  ADD ("/ui/appointments/reminders-scheduled", test_reminders_scheduled);

#undef ADD

  return g_test_run ();
}
