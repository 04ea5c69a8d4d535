/* test-ics.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libical/ical.h>
#include <string.h>

#include "bc-ics.h"
#include "bc-profile-store.h"

typedef struct
{
  char       *dir;
  char       *dir2;
  BcDatabase *db;
  BcDatabase *db2;
  gint64      me;
  gint64      me2;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-ics-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir2 = g_dir_make_tmp ("backcare-ics2-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->db2 = bc_database_open (fixture->dir2, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  fixture->me2 = bc_profile_store_resolve (fixture->db2, "Me", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->db2);
  g_free (fixture->dir);
  g_free (fixture->dir2);
}

static gint64
utc (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, 0);

  return g_date_time_to_unix (dt);
}

static GPtrArray *
list_all (BcDatabase *db,
          gint64      profile_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = bc_appointment_store_list (db, profile_id, G_MININT64, G_MAXINT64, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  return all;
}

static GBytes *
export_all (BcDatabase *db,
            gint64      profile_id)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bc_ics_export (db, profile_id, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ics", name, NULL);
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static BcAppointment *
find_at (GPtrArray *all,
         gint64     starts_at)
{
  for (guint i = 0; i < all->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (all, i);

      if (a->starts_at == starts_at)
        return a;
    }
  g_error ("No appointment starts at %" G_GINT64_FORMAT, starts_at);
}

/* A single appointment and a series with one cancelled and one changed occurrence. */
static void
fill (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) a = bc_appointment_new ();
  g_autoptr(GPtrArray) all = NULL;
  BcAppointmentRepeat repeat = { 1, 6, 0 };
  BcAppointment *third, *fourth;
  gint64 id;

  a->starts_at = utc (2026, 3, 2, 9, 0); /* 10:00 in Berlin, before the DST change */
  g_free (a->tzid);
  a->tzid = g_strdup ("Europe/Berlin");
  g_free (a->modality);
  a->modality = g_strdup ("deep-tissue");
  g_free (a->therapist);
  a->therapist = g_strdup ("Anna Schmidt");
  g_free (a->phone);
  a->phone = g_strdup ("+49 30 1234567");
  g_free (a->location);
  a->location = g_strdup ("Praxis, Hauptstraße 5; 2. OG");
  g_free (a->notes);
  a->notes = g_strdup ("Lower back,\nleft side");
  a->cost_cents = 6550;
  g_free (a->currency);
  a->currency = g_strdup ("EUR");
  g_free (a->insurance);
  a->insurance = g_strdup ("claim-submitted");
  id = bc_appointment_store_add (fixture->db, fixture->me, a, &repeat, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 6);
  third = g_ptr_array_index (all, 2);
  g_free (third->status);
  third->status = g_strdup ("cancelled");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, third, FALSE, &error));
  g_assert_no_error (error);
  fourth = g_ptr_array_index (all, 3);
  fourth->pain_before = 6;
  fourth->pain_after = 3;
  g_free (fourth->status);
  fourth->status = g_strdup ("done");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, fourth, FALSE, &error));
  g_assert_no_error (error);

  /* A single one in another zone. */
  g_clear_pointer (&a, bc_appointment_free);
  a = bc_appointment_new ();
  a->starts_at = utc (2026, 4, 20, 15, 30);
  g_free (a->tzid);
  a->tzid = g_strdup ("America/New_York");
  a->duration_minutes = 90;
  bc_appointment_store_add (fixture->db, fixture->me, a, NULL, &error);
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  BcIcsImportResult result = { 0 };

  fill (fixture);
  first = export_all (fixture->db, fixture->me);
  g_assert_true (bc_ics_import (fixture->db2, fixture->me2, first, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 7);
  g_assert_cmpuint (result.updated, ==, 0);

  second = export_all (fixture->db2, fixture->me2);
  if (!g_bytes_equal (first, second))
    g_test_message ("first:\n%s\nsecond:\n%s", (const char *) g_bytes_get_data (first, NULL),
                    (const char *) g_bytes_get_data (second, NULL));
  g_assert_true (g_bytes_equal (first, second));

  /* The rows themselves came across. */
  before = list_all (fixture->db, fixture->me);
  after = list_all (fixture->db2, fixture->me2);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (before, i);
      BcAppointment *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->uid, ==, b->uid);
      g_assert_cmpint (a->starts_at, ==, b->starts_at);
      g_assert_cmpstr (a->tzid, ==, b->tzid);
      g_assert_cmpint (a->duration_minutes, ==, b->duration_minutes);
      g_assert_cmpstr (a->status, ==, b->status);
      g_assert_cmpstr (a->notes, ==, b->notes);
      g_assert_cmpstr (a->location, ==, b->location);
      g_assert_cmpint (a->cost_cents, ==, b->cost_cents);
      g_assert_cmpint (a->pain_before, ==, b->pain_before);
      g_assert_cmpint (a->pain_after, ==, b->pain_after);
      g_assert_cmpint (a->series_id != 0, ==, b->series_id != 0);
    }

  /* Importing again updates rather than duplicates. */
  g_assert_true (bc_ics_import (fixture->db2, fixture->me2, first, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 7);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_all (fixture->db2, fixture->me2);
  g_assert_cmpuint (after->len, ==, 7);
  third = export_all (fixture->db2, fixture->me2);
  g_assert_true (g_bytes_equal (first, third));
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

static void
test_export_contents (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  icalcomponent *cal, *event;
  guint n_events = 0, n_alarms = 0;

  fill (fixture);
  bytes = export_all (fixture->db, fixture->me);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  cal = icalparser_parse_string (text);
  g_assert_nonnull (cal);
  g_assert_cmpint (icalcomponent_isa (cal), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_first_property (cal, ICAL_PRODID_PROPERTY) ?
                   icalproperty_get_prodid (icalcomponent_get_first_property (cal, ICAL_PRODID_PROPERTY)) : NULL,
                   ==, "-//BackCare//BackCare 0.1//EN");
  g_assert_cmpint (icalcomponent_count_errors (cal), ==, 0);

  for (event = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      n_events++;
      n_alarms += icalcomponent_count_components (event, ICAL_VALARM_COMPONENT);
    }
  /* The series, its changed fourth occurrence, and the single one. */
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_cmpuint (n_alarms, ==, 6);
  g_assert_cmpuint (count_lines (text, "RRULE:FREQ=WEEKLY;COUNT=6"), ==, 1);
  g_assert_cmpuint (count_lines (text, "EXDATE;TZID=Europe/Berlin:20260316T100000"), ==, 1);
  g_assert_cmpuint (count_lines (text, "RECURRENCE-ID;TZID=Europe/Berlin:20260323T100000"), ==, 1);
  g_assert_cmpuint (count_lines (text, "DTSTART;TZID=Europe/Berlin:20260302T100000"), ==, 1);
  g_assert_cmpuint (count_lines (text, "DTSTART;TZID=America/New_York:20260420T113000"), ==, 1);
  g_assert_cmpuint (count_lines (text, "TRIGGER:-P1D"), ==, 3);
  g_assert_cmpuint (count_lines (text, "TRIGGER:-PT1H"), ==, 3);
  g_assert_cmpuint (count_lines (text, "X-BACKCARE-PAIN-AFTER:3"), ==, 1);
  g_assert_cmpuint (count_lines (text, "X-BACKCARE-COST:6550"), ==, 2);

  /* A VTIMEZONE for every TZID written. */
  g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VTIMEZONE_COMPONENT), ==, 2);
  g_assert_nonnull (icalcomponent_get_timezone (cal, "Europe/Berlin"));
  g_assert_nonnull (icalcomponent_get_timezone (cal, "America/New_York"));
  icalcomponent_free (cal);
}

static void
import_fixture (Fixture           *fixture,
                const char        *name,
                BcIcsImportResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load_fixture (name);

  memset (result, 0, sizeof *result);
  g_assert_true (bc_ics_import (fixture->db, fixture->me, bytes, result, &error));
  g_assert_no_error (error);
}

static void
test_gnome_calendar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  BcIcsImportResult result;
  BcAppointment *a;

  import_fixture (fixture, "gnome-calendar.ics", &result);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped_all_day, ==, 1);
  g_assert_cmpuint (result.skipped_unsupported, ==, 1);
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 1);
  a = g_ptr_array_index (all, 0);
  g_assert_cmpint (a->starts_at, ==, utc (2026, 3, 10, 9, 0));
  g_assert_cmpstr (a->tzid, ==, "Europe/Berlin");
  g_assert_cmpint (a->duration_minutes, ==, 60);
  g_assert_cmpstr (a->modality, ==, "deep-tissue");
  g_assert_cmpstr (a->location, ==, "Praxis Müller, Hauptstraße 5");
  g_assert_cmpstr (a->notes, ==, "Bring the MRI report");

  /* Again: updated, not duplicated. */
  import_fixture (fixture, "gnome-calendar.ics", &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 1);
}

static void
test_google (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  BcIcsImportResult result;
  BcAppointment *a;

  import_fixture (fixture, "google.ics", &result);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.skipped_unsupported, ==, 1); /* the monthly one */
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 4);

  /* 9:00 in New York before and after the DST change of 8 March. */
  a = find_at (all, utc (2026, 3, 2, 14, 0));
  g_assert_nonnull (a);
  g_assert_cmpstr (a->tzid, ==, "America/New_York");
  g_assert_cmpstr (a->status, ==, "scheduled");
  g_assert_cmpint (a->series_id, !=, 0);
  a = find_at (all, utc (2026, 3, 9, 13, 0));
  g_assert_nonnull (a);
  g_assert_cmpstr (a->status, ==, "scheduled");
  a = find_at (all, utc (2026, 3, 16, 13, 0));
  g_assert_nonnull (a);
  g_assert_cmpstr (a->status, ==, "cancelled"); /* the EXDATE */
  a = find_at (all, utc (2026, 3, 23, 15, 0)); /* moved to 11:00 */
  g_assert_nonnull (a);
  g_assert_cmpint (a->recurrence_time, ==, utc (2026, 3, 23, 13, 0));
  g_assert_cmpstr (a->notes, ==, "Moved to 11");

  import_fixture (fixture, "google.ics", &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 4);
}

static void
test_outlook (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  BcIcsImportResult result;
  BcAppointment *a;

  import_fixture (fixture, "outlook.ics", &result);
  g_assert_cmpuint (result.added, ==, 1);
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 1);
  a = g_ptr_array_index (all, 0);
  /* 14:00 daylight time in the file's own "Eastern Standard Time". */
  g_assert_cmpint (a->starts_at, ==, utc (2026, 6, 15, 18, 0));
  g_assert_cmpstr (a->tzid, ==, "America/New_York");
  g_assert_cmpint (a->duration_minutes, ==, 60);
  g_assert_true (g_str_has_prefix (a->uid, "040000008200E00074C5B7101A82E008"));
}

static void
test_thunderbird (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  BcAppointmentRepeat repeat = { 0 };
  BcIcsImportResult result;
  BcAppointment *a;

  import_fixture (fixture, "thunderbird.ics", &result);
  g_assert_cmpuint (result.added, ==, 4);
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 4);
  a = g_ptr_array_index (all, 0);
  g_assert_cmpint (a->starts_at, ==, utc (2026, 7, 1, 15, 30));
  g_assert_cmpstr (a->tzid, ==, "Europe/London");
  g_assert_cmpint (a->duration_minutes, ==, 45);
  g_assert_cmpstr (a->modality, ==, "myofascial-release");
  a = g_ptr_array_index (all, 3);
  g_assert_cmpint (a->starts_at, ==, utc (2026, 8, 12, 15, 30));
  g_assert_true (bc_appointment_store_get_repeat (fixture->db, a->series_id, &repeat, &error));
  g_assert_no_error (error);
  g_assert_cmpint (repeat.interval_weeks, ==, 2);
  g_assert_cmpint (repeat.until, ==, utc (2026, 8, 12, 15, 30));
}

static void
assert_rejected (Fixture    *fixture,
                 GBytes     *bytes,
                 BcIcsError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = export_all (fixture->db, fixture->me);
  g_autoptr(GBytes) after = NULL;
  BcIcsImportResult result = { 0 };

  g_assert_false (bc_ics_import (fixture->db, fixture->me, bytes, &result, &error));
  g_assert_error (error, BC_ICS_ERROR, (int) code);
  after = export_all (fixture->db, fixture->me);
  g_assert_true (g_bytes_equal (before, after));
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
#define EVENT(uid, start) "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20260101T000000Z\r\n" \
                          "DTSTART:" start "\r\nDURATION:PT1H\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
#define TAIL "END:VCALENDAR\r\n"

static void
test_malformed (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) good = text_bytes (HEAD EVENT ("ok-1", "20260501T100000Z") TAIL);
  g_autoptr(GString) big = NULL;
  BcIcsImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  fill (fixture);
  g_assert_true (bc_ics_import (fixture->db, fixture->me, good, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);

  {
    g_autoptr(GBytes) b = text_bytes ("this is not a calendar\n");
    assert_rejected (fixture, b, BC_ICS_ERROR_MALFORMED);
  }
  {
    g_autoptr(GBytes) b = g_bytes_new ("", 0);
    assert_rejected (fixture, b, BC_ICS_ERROR_MALFORMED);
  }
  {
    g_autoptr(GBytes) b = text_bytes (HEAD "BEGIN:VEVENT\r\nUID:trunc\r\nDTSTART:2026");
    assert_rejected (fixture, b, BC_ICS_ERROR_MALFORMED);
  }
  {
    /* A good event then a bad one: nothing is written. */
    g_autoptr(GBytes) b = text_bytes (HEAD EVENT ("ok-2", "20260601T100000Z")
                                      EVENT ("bad", "2026-13-45") TAIL);
    assert_rejected (fixture, b, BC_ICS_ERROR_INVALID);
  }
  {
    g_autoptr(GBytes) b = text_bytes (HEAD "BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:x\r\n"
                                      "END:VEVENT\r\n" TAIL);
    assert_rejected (fixture, b, BC_ICS_ERROR_INVALID);
  }
  {
    g_autoptr(GBytes) b = text_bytes (HEAD EVENT ("ok-3", "20260601T100000Z")
                                      "BEGIN:VEVENT\r\nUID:pain\r\nDTSTART:20260601T100000Z\r\n"
                                      "X-BACKCARE-PAIN-AFTER:11\r\nEND:VEVENT\r\n" TAIL);
    assert_rejected (fixture, b, BC_ICS_ERROR_INVALID);
  }

  /* A 70 KiB line. */
  big = g_string_new (HEAD "BEGIN:VEVENT\r\nUID:long\r\nDTSTART:20260601T100000Z\r\nSUMMARY:");
  for (int i = 0; i < 70 * 1024; i++)
    g_string_append_c (big, 'a');
  g_string_append (big, "\r\nEND:VEVENT\r\n" TAIL);
  {
    g_autoptr(GBytes) b = g_bytes_new (big->str, big->len);
    assert_rejected (fixture, b, BC_ICS_ERROR_TOO_LARGE);
  }

  /* More than 10 000 events. */
  g_string_assign (big, HEAD);
  for (int i = 0; i <= BC_ICS_MAX_EVENTS; i++)
    g_string_append_printf (big, "BEGIN:VEVENT\r\nUID:e%d\r\nEND:VEVENT\r\n", i);
  g_string_append (big, TAIL);
  {
    g_autoptr(GBytes) b = g_bytes_new (big->str, big->len);
    assert_rejected (fixture, b, BC_ICS_ERROR_TOO_LARGE);
  }

  /* More than 16 MiB, in short lines. */
  g_string_assign (big, HEAD);
  while (big->len <= BC_ICS_MAX_SIZE)
    g_string_append (big, "X-PAD:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
  g_string_append (big, TAIL);
  {
    g_autoptr(GBytes) b = g_bytes_new (big->str, big->len);
    assert_rejected (fixture, b, BC_ICS_ERROR_TOO_LARGE);
  }
  {
    static const char nul[] = HEAD "SUMMARY:a\0b\r\n" TAIL;
    g_autoptr(GBytes) b = g_bytes_new (nul, sizeof nul - 1);
    assert_rejected (fixture, b, BC_ICS_ERROR_MALFORMED);
  }
  g_string_free (g_steal_pointer (&big), TRUE);
}

/* A weekly RRULE without COUNT or UNTIL: imported as a series of the
 * store's maximum, 520 weekly sessions; again, it is updated in place.
 */
static void
test_open_ended (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char text[] =
    HEAD
    "BEGIN:VEVENT\r\nUID:open-ended-1\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART:20260504T080000Z\r\nDURATION:PT1H\r\nSUMMARY:Massage\r\n"
    "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
    TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GPtrArray) all = NULL;
  BcIcsImportResult result = { 0 };
  gint64 first = utc (2026, 5, 4, 8, 0);

  g_assert_true (bc_ics_import (fixture->db, fixture->me, bytes, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 520);
  g_assert_cmpuint (result.skipped_unsupported, ==, 0);

  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 520);
  g_assert_cmpint (find_at (all, first)->series_id, !=, 0);
  g_assert_nonnull (find_at (all, first + (gint64) 519 * 7 * 24 * 3600));

  memset (&result, 0, sizeof result);
  g_assert_true (bc_ics_import (fixture->db, fixture->me, bytes, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 520);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list_all (fixture->db, fixture->me);
  g_assert_cmpuint (all->len, ==, 520);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ics/round-trip", test_round_trip);
  ADD ("/ics/export-contents", test_export_contents);
  ADD ("/ics/import/gnome-calendar", test_gnome_calendar);
  ADD ("/ics/import/google", test_google);
  ADD ("/ics/import/outlook", test_outlook);
  ADD ("/ics/import/thunderbird", test_thunderbird);
  ADD ("/ics/import/malformed", test_malformed);
  ADD ("/ics/import/open-ended", test_open_ended);
#undef ADD

  return g_test_run ();
}
