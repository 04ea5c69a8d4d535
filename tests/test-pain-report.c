/* test-pain-report.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinician report without a display: a six-week fixture in a real
 * sqlite file, written as a real PDF and read back with pdfinfo and
 * pdftotext; and the same from a shell with backcare --export-report.
 * BACKCARE_TEST_OUTPUT keeps the PDF for a person to look at.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "bc-pain-overlays.h"
#include "bc-pain-report.h"
#include "bc-profile-store.h"
#include "pain-fixture.h"

#define PATIENT "Ana Souza"
#define FIRST_DAY "2026-09-07"
#define LAST_DAY "2026-10-18"

static GDate first;

static char *
world_path (const char *name)
{
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");

  return g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
}

static char *
data_dir (void)
{
  return g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "report-data", NULL);
}

/* The fixture's database, made once for every case. */
static BcDatabase *
open_fixture (gint64 *out_profile_id)
{
  static gboolean filled = FALSE;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = data_dir ();
  BcDatabase *db = bc_database_open (dir, &error);
  gint64 profile_id;

  g_assert_no_error (error);
  if (!filled)
    {
      profile_id = bc_profile_store_create (db, PATIENT, &error);
      g_assert_no_error (error);
      pain_fixture_fill (db, profile_id, &first);
      filled = TRUE;
    }

  *out_profile_id = bc_profile_store_find (db, PATIENT, &error);
  g_assert_no_error (error);
  return db;
}

static char *
run (const char * const *argv,
     int                *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("%s: %s", argv[0], err);

  if (out_status != NULL)
    *out_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* pdftotext keeps table rows on a line with -layout: compare with
 * single spaces.
 */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *text = run ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", pdf,
                                                  "-", NULL }, NULL);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    {
      g_test_message ("text: %s", text);
      g_test_message ("missing: %s", expected);
    }
  g_assert_nonnull (strstr (text, expected));
}

static gboolean
is_plan_day (guint day,
             guint weekday_offset)
{
  /* The fixture starts on a Monday. */
  guint weekday = (day + weekday_offset) % 7;

  return weekday == 0 || weekday == 2 || weekday == 4;
}

static void
test_contents (void)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcPainReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_local (2026, 10, 19, 9, 0, 0);
  g_autofree char *pdf = world_path ("pain-report.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *adherence = NULL;
  guint due = 0, done = 0;
  gint64 profile_id;

  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);

  db = open_fixture (&profile_id);
  report = bc_pain_report_new (db, profile_id, FIRST_DAY, LAST_DAY, printed, &error);
  g_assert_no_error (error);
  g_assert_true (bc_pain_report_export_pdf (report, BC_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  g_test_message ("wrote %s, %u pages", pdf, bc_pain_report_get_n_pages (report));

  info = run ((const char *[]) { "pdfinfo", pdf, NULL }, NULL);
  pages = g_strdup_printf ("Pages:           %u", bc_pain_report_get_n_pages (report));
  assert_contains (info, pages);
  assert_contains (info, "Pain report for " PATIENT);
  assert_contains (info, "(A4)");

  text = pdf_text (pdf);
  assert_contains (text, "Pain Report");
  assert_contains (text, "Patient: " PATIENT);
  assert_contains (text, "7 September 2026 to 18 October 2026 (42 days)");
  assert_contains (text, "126 entries on 42 of the days.");
  assert_contains (text, "Printed 19 October 2026");
  g_autofree char *last_page = g_strdup_printf ("Page %u of %u",
                                                bc_pain_report_get_n_pages (report),
                                                bc_pain_report_get_n_pages (report));
  assert_contains (text, "Page 1 of");
  assert_contains (text, last_page);

  /* The plan, with dosage in words. */
  assert_contains (text, "“Back on track”, by Jordan Okafor");
  assert_contains (text, "Pelvic tilt");

  /* One row a week: mean of the daily means, lowest and highest entry,
   * days logged and the share of the exercises due that were done.
   */
  for (guint week = 0; week < PAIN_FIXTURE_DAYS / 7; week++)
    {
      g_autofree char *from = NULL, *to = NULL, *row = NULL;
      GDate date = first;
      double sum = 0;
      int low = 10, high = 0;
      guint week_due = 0, week_done = 0;

      for (guint day = week * 7; day < week * 7 + 7; day++)
        {
          sum += pain_fixture_mean (day);
          low = MIN (low, pain_fixture_mean (day) - 1);
          high = MAX (high, pain_fixture_mean (day) + 1);
          week_due += 1 + (is_plan_day (day, 0) ? 1 : 0);
          week_done += (pain_fixture_daily_done (day) ? 1 : 0) + (is_plan_day (day, 0) ? 1 : 0);
        }
      due += week_due;
      done += week_done;

      g_date_add_days (&date, week * 7);
      from = g_strdup_printf ("%u %s %u", g_date_get_day (&date),
                              (const char *[]) { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov",
                                                 "Dec" }[g_date_get_month (&date)],
                              g_date_get_year (&date));
      g_date_add_days (&date, 6);
      to = g_strdup_printf ("%u %s %u", g_date_get_day (&date),
                            (const char *[]) { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov",
                                               "Dec" }[g_date_get_month (&date)],
                            g_date_get_year (&date));
      row = g_strdup_printf ("%s – %s %.1f %d %d 7 of 7 %.0f %%", from, to, sum / 7, low, high,
                             100.0 * week_done / week_due);
      g_test_message ("week %u: %s", week, row);
      assert_contains (text, row);
    }

  adherence = g_strdup_printf ("%.0f %% of the exercises due were done (%u of %u).",
                               100.0 * done / due, done, due);
  assert_contains (text, adherence);

  /* Red flags listed with their notes; no appointments table yet. */
  assert_contains (text, "Nerve symptoms were logged 2 times");
  assert_contains (text, "17 Sep 2026, 13:00");
  assert_contains (text, "numbness");
  assert_contains (text, "Numb left foot after gardening");
  assert_contains (text, "radiating pain");
  assert_contains (text, "Pain down the right leg");
  assert_contains (text, "No appointments recorded");

  /* PSFS: the mean of the activities scored, with the change. */
  assert_contains (text, "Sitting 30 minutes (7); Tying shoes (8)");
  assert_contains (text, "7 Sep 2026 3.5 2 —");
  assert_contains (text, "18 Oct 2026 7.5 2 +4.0, clinically important");
}

static void
test_empty_range (void)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcPainReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = world_path ("pain-report-empty.pdf");
  g_autofree char *text = NULL;
  gint64 profile_id;

  db = open_fixture (&profile_id);
  report = bc_pain_report_new (db, profile_id, "2025-01-01", "2025-01-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bc_pain_report_export_pdf (report, BC_PAPER_LETTER, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  assert_contains (text, "No pain was logged in this period.");
  assert_contains (text, "No numbness, tingling or radiating pain was logged in this period.");
  assert_contains (text, "No PSFS scores in this period.");
  assert_contains (text, "No exercises were due in this period.");

  g_clear_object (&report);
  report = bc_pain_report_new (db, profile_id, "2025-02-01", "2025-01-31", NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Appointments from the real table (schema version 5): done ones with
 * their pain before and after, cancelled ones left out.
 */
static void
test_appointments (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "appointments",
                                           NULL);
  g_autofree char *pdf = world_path ("pain-report-appointments.pdf");
  g_autofree char *text = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcPainReport) report = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first_time = g_date_time_new_local (2026, 9, 9, 17, 30, 0);
  g_autoptr(GDateTime) second_time = g_date_time_new_local (2026, 9, 23, 17, 30, 0);
  g_autoptr(GDateTime) cancelled_time = g_date_time_new_local (2026, 9, 30, 17, 30, 0);
  g_autofree char *sql = NULL;
  gint64 profile_id, other_id;

  db = bc_database_open (dir, &error);
  g_assert_no_error (error);
  profile_id = bc_profile_store_create (db, "Ben", &error);
  g_assert_no_error (error);
  g_assert_true (bc_appointments_available (db));
  other_id = bc_profile_store_create (db, "Someone else", &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO appointments (profile_id, uid, starts_at, modality, status, "
                         "  pain_before, pain_after) VALUES "
                         "  (%" G_GINT64_FORMAT ", 'a@test', %" G_GINT64_FORMAT ", 'swedish', 'done', 6, 4),"
                         "  (%" G_GINT64_FORMAT ", 'b@test', %" G_GINT64_FORMAT ", 'deep-tissue', 'done', 5, NULL),"
                         "  (%" G_GINT64_FORMAT ", 'c@test', %" G_GINT64_FORMAT ", 'swedish', 'cancelled', NULL, NULL),"
                         "  (%" G_GINT64_FORMAT ", 'd@test', %" G_GINT64_FORMAT ", 'shiatsu', 'done', 7, 3);",
                         profile_id, g_date_time_to_unix (second_time),
                         profile_id, g_date_time_to_unix (first_time) + 7 * 86400,
                         profile_id, g_date_time_to_unix (cancelled_time),
                         other_id, g_date_time_to_unix (first_time));
  g_assert_true (bc_database_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (bc_appointments_available (db));

  marks = bc_appointments_list_marks (db, profile_id, FIRST_DAY, LAST_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpint (g_array_index (marks, BcAppointmentMark, 0).time, ==,
                   g_date_time_to_unix (first_time) + 7 * 86400);
  g_assert_cmpint (g_array_index (marks, BcAppointmentMark, 0).pain_after, ==, -1);
  g_assert_cmpstr (g_array_index (marks, BcAppointmentMark, 1).label, ==, "Swedish");

  report = bc_pain_report_new (db, profile_id, FIRST_DAY, LAST_DAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bc_pain_report_export_pdf (report, BC_PAPER_A4, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  assert_contains (text, "16 Sep 2026, 17:30 Deep tissue 5 — —");
  assert_contains (text, "23 Sep 2026, 17:30 Swedish 6 4 -2");
  g_assert_null (strstr (text, "Shiatsu"));
  g_assert_null (strstr (text, "No appointments recorded"));
}

static void
test_unwritable (void)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "blocker", NULL);
  g_autofree char *pdf = g_build_filename (blocker, "report.pdf", NULL);
  gint64 profile_id;

  db = open_fixture (&profile_id);
  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  g_assert_false (bc_pain_report_write (db, profile_id, FIRST_DAY, LAST_DAY, BC_PAPER_A4, pdf,
                                        NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_command_line (void)
{
  const char *binary = g_getenv ("BACKCARE_BINARY");
  g_autoptr(BcDatabase) db = NULL;
  g_autofree char *dir = data_dir ();
  g_autofree char *pdf = world_path ("pain-report-cli.pdf");
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  gint64 profile_id;
  int status;

  db = open_fixture (&profile_id);
  g_clear_object (&db);

  out = run ((const char *[]) { binary, "--data-dir", dir, "--profile", PATIENT,
                                "--export-report", pdf, "--from", FIRST_DAY, "--to", LAST_DAY,
                                NULL }, &status);
  g_test_message ("%s", out);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Wrote the pain report of the profile “" PATIENT "” from " FIRST_DAY
                        " to " LAST_DAY);
  text = pdf_text (pdf);
  assert_contains (text, "Patient: " PATIENT);
  assert_contains (text, "Numb left foot after gardening");

  /* Usage errors exit with 2, failures with 1, and write nothing. */
  g_unlink (pdf);
  g_free (run ((const char *[]) { binary, "--data-dir", dir, "--export-report", pdf,
                                  "--from", "2026-13-01", NULL }, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run ((const char *[]) { binary, "--data-dir", dir, "--export-report", pdf,
                                  "--from", LAST_DAY, "--to", FIRST_DAY, NULL }, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run ((const char *[]) { binary, "--data-dir", dir, "--from", FIRST_DAY, NULL },
               &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run ((const char *[]) { binary, "--data-dir", dir, "--export-report", pdf,
                                  "--profile", "Nobody", NULL }, &status));
  g_assert_cmpint (status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Without dates: the last twelve weeks, here from the first entry. */
  g_free (run ((const char *[]) { binary, "--data-dir", dir, "--profile", PATIENT,
                                  "--export-report", pdf, NULL }, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 7, G_DATE_SEPTEMBER, 2026);

  g_test_add_func ("/pain-report/contents", test_contents);
  g_test_add_func ("/pain-report/empty-range", test_empty_range);
  g_test_add_func ("/pain-report/appointments", test_appointments);
  g_test_add_func ("/pain-report/unwritable", test_unwritable);
  g_test_add_func ("/pain-report/command-line", test_command_line);

  return g_test_run ();
}
