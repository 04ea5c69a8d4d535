/* test-appointment-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Massage appointments in a real sqlite file: validation, saving,
 * series across daylight saving, editing and cancelling occurrences,
 * overlaps, and whether massage helps (pain before/after, costs).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-appointment-stats.h"
#include "bc-appointment-store.h"
#include "bc-pain-store.h"
#include "bc-profile-store.h"

#define BERLIN "Europe/Berlin"
#define DAY (24 * 60 * 60)

typedef struct
{
  char       *dir;
  BcDatabase *db;
  gint64      me;
  gint64      other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-appointments-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  fixture->other = bc_profile_store_create (fixture->db, "Ana Souza", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static gint64
berlin_time (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (BERLIN);
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static int
berlin_hour (gint64 unix_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (BERLIN);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_get_hour (local);
}

static BcAppointment *
appointment_at (gint64 starts_at)
{
  BcAppointment *appointment = bc_appointment_new ();

  appointment->starts_at = starts_at;
  g_free (appointment->tzid);
  appointment->tzid = g_strdup (BERLIN);
  g_free (appointment->therapist);
  appointment->therapist = g_strdup ("Jana Kowalski");
  g_free (appointment->location);
  appointment->location = g_strdup ("Praxis am Park");
  g_free (appointment->currency);
  appointment->currency = g_strdup ("EUR");
  appointment->cost_cents = 6000;

  return appointment;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gint64
add (Fixture                   *fixture,
     const BcAppointment       *appointment,
     const BcAppointmentRepeat *repeat)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bc_appointment_store_add (fixture->db, fixture->me, appointment, repeat, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
list_all (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = bc_appointment_store_list (fixture->db, fixture->me, 0, G_MAXINT64, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, 3, 2, 10, 0));
  g_autoptr(BcAppointment) stored = NULL;
  g_autoptr(BcAppointment) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) others = NULL;
  gint64 id;

  set_string (&appointment->modality, "deep-tissue");
  set_string (&appointment->notes, "Bring the referral");
  id = add (fixture, appointment, NULL);

  stored = bc_appointment_store_get (fixture->db, fixture->me, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_true (g_str_has_suffix (stored->uid, "@backcare"));
  g_assert_cmpuint (strlen (stored->uid), ==, 36 + strlen ("@backcare"));
  g_assert_cmpint (stored->series_id, ==, 0);
  g_assert_cmpint (stored->recurrence_time, ==, 0);
  g_assert_cmpint (stored->starts_at, ==, appointment->starts_at);
  g_assert_cmpstr (stored->tzid, ==, BERLIN);
  g_assert_cmpint (stored->duration_minutes, ==, 60);
  g_assert_cmpstr (stored->modality, ==, "deep-tissue");
  g_assert_cmpstr (stored->therapist, ==, "Jana Kowalski");
  g_assert_cmpstr (stored->notes, ==, "Bring the referral");
  g_assert_cmpint (stored->cost_cents, ==, 6000);
  g_assert_cmpstr (stored->insurance, ==, "not-covered");
  g_assert_cmpstr (stored->status, ==, "scheduled");
  g_assert_cmpint (stored->pain_before, ==, -1);
  g_assert_cmpint (stored->pain_after, ==, -1);

  /* Other profiles see nothing of it. */
  again = bc_appointment_store_get (fixture->db, fixture->other, id, &error);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_NOT_FOUND);
  g_assert_null (again);
  g_clear_error (&error);
  others = bc_appointment_store_list (fixture->db, fixture->other, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (others->len, ==, 0);

  /* Update: done, with the ratings given there. */
  set_string (&stored->status, "done");
  stored->pain_before = 6;
  stored->pain_after = 3;
  set_string (&stored->insurance, "reimbursed");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, stored, FALSE, &error));
  g_assert_no_error (error);
  again = bc_appointment_store_get (fixture->db, fixture->me, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->status, ==, "done");
  g_assert_cmpint (again->pain_before, ==, 6);
  g_assert_cmpint (again->pain_after, ==, 3);
  g_assert_cmpstr (again->insurance, ==, "reimbursed");
  g_assert_cmpstr (again->uid, ==, stored->uid);

  /* A given UID is kept. */
  set_string (&appointment->uid, "imported-1@example.org");
  appointment->starts_at += 7 * DAY;
  add (fixture, appointment, NULL);

  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((BcAppointment *)list->pdata[1])->uid, ==, "imported-1@example.org");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The range is [from, to). */
  list = bc_appointment_store_list (fixture->db, fixture->me, appointment->starts_at,
                                    appointment->starts_at + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bc_appointment_store_list (fixture->db, fixture->me, 0, appointment->starts_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (bc_appointment_store_delete (fixture->db, fixture->me, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (bc_appointment_store_delete (fixture->db, fixture->me, id, FALSE, &error));
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
assert_invalid (Fixture             *fixture,
                const BcAppointment *appointment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_false (bc_appointment_validate (appointment, NULL));
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, NULL, &error),
                   ==, 0);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  gint64 start = berlin_time (2026, 3, 2, 10, 0);
  g_autoptr(BcAppointment) ok = appointment_at (start);
  g_autofree char *long_text = g_strnfill (2001, 'a');
  const char * const *codes = bc_appointment_modality_codes ();

  g_assert_true (bc_appointment_validate (ok, NULL));
  g_assert_cmpuint (g_strv_length ((char **)codes), ==, 10);
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_nonnull (bc_appointment_code_get_label (codes[i]));
  g_assert_cmpstr (bc_appointment_code_get_label ("claim-submitted"), ==, "Claim submitted");
  g_assert_cmpstr (bc_appointment_code_get_label ("cancelled"), ==, "Cancelled");
  g_assert_null (bc_appointment_code_get_label ("hot-stone"));

#define CHECK_INVALID(statement) \
  G_STMT_START { \
    g_autoptr(BcAppointment) bad = bc_appointment_copy (ok); \
    statement; \
    assert_invalid (fixture, bad); \
  } G_STMT_END

  CHECK_INVALID (bad->duration_minutes = 4);
  CHECK_INVALID (bad->duration_minutes = 601);
  CHECK_INVALID (bad->cost_cents = -1);
  CHECK_INVALID (set_string (&bad->modality, "hot-stone"));
  CHECK_INVALID (set_string (&bad->insurance, "maybe"));
  CHECK_INVALID (set_string (&bad->status, "postponed"));
  CHECK_INVALID (bad->pain_before = 11);
  CHECK_INVALID (bad->pain_after = -2);
  CHECK_INVALID (set_string (&bad->tzid, "Mars/Olympus_Mons"));
  CHECK_INVALID (set_string (&bad->notes, long_text));
  CHECK_INVALID (set_string (&bad->therapist, "\xff\xfe"));
  CHECK_INVALID (set_string (&bad->currency, "euro"));
  CHECK_INVALID (bad->starts_at = 0);

#undef CHECK_INVALID

  /* The limits themselves are fine; an empty zone means the system's. */
  ok->duration_minutes = 5;
  ok->pain_before = 0;
  ok->pain_after = 10;
  set_string (&ok->tzid, "");
  g_assert_true (bc_appointment_validate (ok, NULL));
  ok->duration_minutes = 600;
  g_assert_true (bc_appointment_validate (ok, NULL));
  g_clear_pointer (&long_text, g_free);
  long_text = g_strnfill (2000, 'a');
  set_string (&ok->notes, long_text);
  g_assert_true (bc_appointment_validate (ok, NULL));
}

static void
test_series_dst (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  /* Thursdays at 18:00 from 12 March 2026; clocks go forward on 29 March. */
  g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, 3, 12, 18, 0));
  BcAppointmentRepeat repeat = { .interval_weeks = 1, .count = 6 };
  BcAppointmentRepeat read_back = { 0, };
  g_autoptr(GPtrArray) list = NULL;
  BcAppointment *first;
  gint64 id;

  id = add (fixture, appointment, &repeat);
  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 6);
  first = list->pdata[0];
  g_assert_cmpint (first->id, ==, id);
  g_assert_cmpint (first->series_id, >, 0);

  for (guint i = 0; i < list->len; i++)
    {
      BcAppointment *occurrence = list->pdata[i];

      g_assert_cmpint (berlin_hour (occurrence->starts_at), ==, 18);
      g_assert_cmpstr (occurrence->uid, ==, first->uid);
      g_assert_cmpint (occurrence->series_id, ==, first->series_id);
      g_assert_cmpint (occurrence->recurrence_time, ==, occurrence->starts_at);
    }
  /* One week is 167 hours across the change. */
  g_assert_cmpint (((BcAppointment *)list->pdata[3])->starts_at -
                   ((BcAppointment *)list->pdata[2])->starts_at, ==, 7 * DAY - 3600);
  g_assert_cmpint (((BcAppointment *)list->pdata[5])->starts_at, ==,
                   berlin_time (2026, 4, 16, 18, 0));

  g_assert_true (bc_appointment_store_get_repeat (fixture->db, first->series_id, &read_back,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (read_back.interval_weeks, ==, 1);
  g_assert_cmpint (read_back.count, ==, 6);
  g_assert_cmpint (read_back.until, ==, 0);
}

static void
test_series_until (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  /* Every two weeks at 18:00 across the October change, until 30 November. */
  g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, 10, 1, 18, 0));
  BcAppointmentRepeat repeat = { .interval_weeks = 2, .until = berlin_time (2026, 11, 26, 0, 0) };
  BcAppointmentRepeat too_many = { .interval_weeks = 1, .until = berlin_time (2040, 1, 1, 0, 0) };
  BcAppointmentRepeat both = { .interval_weeks = 1, .count = 2, .until = repeat.until };
  BcAppointmentRepeat neither = { .interval_weeks = 1 };
  BcAppointmentRepeat too_often = { .interval_weeks = 0, .count = 2 };
  g_autoptr(GPtrArray) list = NULL;

  add (fixture, appointment, &repeat);
  list = list_all (fixture);
  /* 1 Oct, 15 Oct, 29 Oct, 12 Nov, 26 Nov: the until date's own day counts. */
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (berlin_hour (((BcAppointment *)list->pdata[i])->starts_at), ==, 18);
  g_assert_cmpint (((BcAppointment *)list->pdata[4])->starts_at, ==,
                   berlin_time (2026, 11, 26, 18, 0));

  /* Beyond 520 sessions, or a rule that is not one: refused, nothing written. */
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, &too_many,
                                             &error), ==, 0);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, &both,
                                             &error), ==, 0);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, &neither,
                                             &error), ==, 0);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, &too_often,
                                             &error), ==, 0);
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 5);
}

static void
test_series_edit (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, 3, 12, 18, 0));
  BcAppointmentRepeat repeat = { .interval_weeks = 1, .count = 5 };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BcAppointment) one = NULL;
  g_autoptr(BcAppointment) third = NULL;
  BcAppointmentRepeat left = { 0, };

  add (fixture, appointment, &repeat);
  list = list_all (fixture);

  /* Edit one occurrence: only it moves. */
  one = bc_appointment_copy (list->pdata[1]);
  one->starts_at = berlin_time (2026, 3, 19, 17, 0);
  set_string (&one->therapist, "Ole Berg");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, one, FALSE, &error));
  g_assert_no_error (error);

  /* Cancel one occurrence: the UI sets its status. */
  third = bc_appointment_copy (list->pdata[2]);
  set_string (&third->status, "cancelled");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, third, FALSE, &error));
  g_assert_no_error (error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (berlin_hour (((BcAppointment *)list->pdata[1])->starts_at), ==, 17);
  g_assert_cmpstr (((BcAppointment *)list->pdata[1])->therapist, ==, "Ole Berg");
  g_assert_cmpint (((BcAppointment *)list->pdata[1])->recurrence_time, ==,
                   berlin_time (2026, 3, 19, 18, 0));
  g_assert_cmpstr (((BcAppointment *)list->pdata[0])->therapist, ==, "Jana Kowalski");
  g_assert_cmpstr (((BcAppointment *)list->pdata[2])->status, ==, "cancelled");
  g_assert_cmpint (berlin_hour (((BcAppointment *)list->pdata[3])->starts_at), ==, 18);

  /* The whole series from the second one on: 19:30, another place; each
   * keeps its date and status, the first is untouched.
   */
  g_clear_pointer (&one, bc_appointment_free);
  one = bc_appointment_copy (list->pdata[1]);
  one->starts_at = berlin_time (2026, 3, 19, 19, 30);
  one->duration_minutes = 90;
  set_string (&one->location, "Studio Nord");
  g_assert_true (bc_appointment_store_update (fixture->db, fixture->me, one, TRUE, &error));
  g_assert_no_error (error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (((BcAppointment *)list->pdata[0])->starts_at, ==,
                   berlin_time (2026, 3, 12, 18, 0));
  g_assert_cmpstr (((BcAppointment *)list->pdata[0])->location, ==, "Praxis am Park");
  g_assert_cmpint (((BcAppointment *)list->pdata[1])->starts_at, ==,
                   berlin_time (2026, 3, 19, 19, 30));
  g_assert_cmpint (((BcAppointment *)list->pdata[2])->starts_at, ==,
                   berlin_time (2026, 3, 26, 19, 30));
  g_assert_cmpstr (((BcAppointment *)list->pdata[2])->status, ==, "cancelled");
  /* After the DST change: still 19:30 local. */
  g_assert_cmpint (((BcAppointment *)list->pdata[3])->starts_at, ==,
                   berlin_time (2026, 4, 2, 19, 30));
  g_assert_cmpint (((BcAppointment *)list->pdata[4])->starts_at, ==,
                   berlin_time (2026, 4, 9, 19, 30));
  for (guint i = 1; i < 5; i++)
    {
      g_assert_cmpstr (((BcAppointment *)list->pdata[i])->location, ==, "Studio Nord");
      g_assert_cmpint (((BcAppointment *)list->pdata[i])->duration_minutes, ==, 90);
    }
  g_assert_cmpstr (((BcAppointment *)list->pdata[3])->status, ==, "scheduled");

  /* Delete one occurrence, then the whole series. */
  g_assert_true (bc_appointment_store_delete (fixture->db, fixture->me,
                                              ((BcAppointment *)list->pdata[4])->id, FALSE,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (bc_appointment_store_delete (fixture->db, fixture->me,
                                              ((BcAppointment *)list->pdata[0])->id, TRUE,
                                              &error));
  g_assert_no_error (error);
  g_assert_false (bc_appointment_store_get_repeat (fixture->db,
                                                   ((BcAppointment *)list->pdata[0])->series_id,
                                                   &left, &error));
  g_assert_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_all (fixture);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_overlaps (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) ten = appointment_at (berlin_time (2026, 5, 4, 10, 0));
  g_autoptr(BcAppointment) eleven = appointment_at (berlin_time (2026, 5, 4, 11, 0));
  g_autoptr(BcAppointment) cancelled = appointment_at (berlin_time (2026, 5, 4, 10, 30));
  g_autoptr(BcAppointment) probe = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 ten_id;

  ten_id = add (fixture, ten, NULL);
  add (fixture, eleven, NULL);
  set_string (&cancelled->status, "cancelled");
  add (fixture, cancelled, NULL);

  /* 10:30–11:30 meets both 10:00–11:00 and 11:00–12:00. */
  probe = appointment_at (berlin_time (2026, 5, 4, 10, 30));
  found = bc_appointment_store_overlaps (fixture->db, fixture->me, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Back to back is no overlap; an appointment never overlaps itself. */
  probe->starts_at = berlin_time (2026, 5, 4, 9, 0);
  found = bc_appointment_store_overlaps (fixture->db, fixture->me, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  probe->starts_at = ten->starts_at;
  probe->id = ten_id;
  found = bc_appointment_store_overlaps (fixture->db, fixture->me, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  probe->duration_minutes = 61;
  found = bc_appointment_store_overlaps (fixture->db, fixture->me, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((BcAppointment *)found->pdata[0])->starts_at, ==, eleven->starts_at);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Another profile's appointments are not in the way. */
  found = bc_appointment_store_overlaps (fixture->db, fixture->other, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
log_pain (Fixture *fixture,
          gint64   time,
          int      intensity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (BERLIN);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  bc_pain_entry_set_date_time (entry, local);
  entry->intensity = intensity;
  bc_pain_store_add (fixture->db, fixture->me, entry, &error);
  g_assert_no_error (error);
}

/* A done session on @day of May 2026 at 10:00, with pain logged at
 * @before the 3 days before and @after the 3 days after.
 */
static void
done_session (Fixture    *fixture,
              int         month,
              int         day,
              int         before,
              int         after,
              const char *insurance)
{
  g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, month, day, 10, 0));

  set_string (&appointment->status, "done");
  set_string (&appointment->insurance, insurance);
  add (fixture, appointment, NULL);

  if (before >= 0)
    {
      log_pain (fixture, appointment->starts_at - 2 * DAY, before);
      log_pain (fixture, appointment->starts_at - 1 * DAY, before);
    }
  if (after >= 0)
    {
      log_pain (fixture, appointment->starts_at + 1 * DAY, after);
      log_pain (fixture, appointment->starts_at + 2 * DAY, after);
    }
}

static BcAppointmentSummary
summarize (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  BcAppointmentSummary summary;

  g_assert_true (bc_appointment_stats_summary (fixture->db, fixture->me, 0, G_MAXINT64, 2.0,
                                               &summary, &error));
  g_assert_no_error (error);
  return summary;
}

static void
test_stats_no_improvement (Fixture       *fixture,
                           gconstpointer  user_data)
{
  BcAppointmentSummary summary;
  g_autoptr(BcAppointment) planned = appointment_at (berlin_time (2026, 6, 1, 10, 0));

  /* Without sessions: nothing to judge. */
  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions, ==, 0);
  g_assert_true (isnan (summary.pain_before));
  g_assert_false (summary.see_doctor);

  /* Weekly sessions, a week apart, pain 6 before and 5 after: one point. */
  done_session (fixture, 5, 4, 6, 5, "covered");
  done_session (fixture, 5, 11, -1, 5, "not-covered");
  done_session (fixture, 5, 18, -1, 5, "reimbursed");
  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions, ==, 3);
  g_assert_false (summary.see_doctor);  /* three, two weeks: too early */

  done_session (fixture, 5, 25, -1, 5, "claim-submitted");
  /* A scheduled one is no session. */
  add (fixture, planned, NULL);

  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions, ==, 4);
  g_assert_cmpint (summary.cost_cents, ==, 4 * 6000);
  g_assert_cmpint (summary.covered_cents, ==, 2 * 6000);
  g_assert_cmpuint (summary.sessions_with_pain, ==, 4);
  /* Each 7-day window: 6,6 / 5,5 for the first; then the after-entries
   * of the one before fall into the next one's before-window.
   */
  g_assert_cmpfloat_with_epsilon (summary.pain_before, (6.0 + 5 + 5 + 5) / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.pain_after, 5.0, 1e-9);
  g_assert_true (summary.see_doctor);

  /* A period holds only its own sessions. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (bc_appointment_stats_summary (fixture->db, fixture->me,
                                                 berlin_time (2026, 5, 10, 0, 0),
                                                 berlin_time (2026, 5, 20, 0, 0), 2.0,
                                                 &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.sessions, ==, 2);
    g_assert_cmpint (summary.covered_cents, ==, 6000);
  }
}

static void
test_stats_improvement (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BcAppointmentSummary summary;

  /* Two weeks apart so the windows don't meet; pain 7 → 4: better. */
  done_session (fixture, 3, 2, 7, 4, "not-covered");
  done_session (fixture, 3, 16, 7, 4, "not-covered");
  done_session (fixture, 3, 30, 7, 4, "not-covered");
  done_session (fixture, 4, 13, 7, 4, "not-covered");
  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions, ==, 4);
  g_assert_cmpfloat_with_epsilon (summary.pain_before, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.pain_after, 4.0, 1e-9);
  g_assert_false (summary.see_doctor);
}

static void
test_stats_four_weeks (Fixture       *fixture,
                       gconstpointer  user_data)
{
  BcAppointmentSummary summary;

  /* Two sessions 28 days apart, no change: time to ask a doctor. */
  done_session (fixture, 3, 2, 5, 5, "not-covered");
  summary = summarize (fixture);
  g_assert_false (summary.see_doctor);
  done_session (fixture, 3, 30, 5, 5, "not-covered");
  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions, ==, 2);
  g_assert_true (summary.see_doctor);
}

static void
test_stats_own_ratings (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BcAppointmentSummary summary;

  /* No pain log; the ratings given at the appointments: 5 → 4. */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(BcAppointment) appointment = appointment_at (berlin_time (2026, 3, 2 + 7 * i,
                                                                          10, 0));

      set_string (&appointment->status, "done");
      appointment->pain_before = 5;
      appointment->pain_after = i < 2 ? 4 : 2;
      add (fixture, appointment, NULL);
    }

  summary = summarize (fixture);
  g_assert_cmpuint (summary.sessions_with_pain, ==, 0);
  g_assert_true (isnan (summary.pain_after));
  /* Mean fall (1 + 1 + 3 + 3) / 4 = 2: enough. */
  g_assert_false (summary.see_doctor);

  {
    g_autoptr(BcAppointment) worse = appointment_at (berlin_time (2026, 3, 30, 10, 0));

    set_string (&worse->status, "done");
    worse->pain_before = 5;
    worse->pain_after = 6;
    add (fixture, worse, NULL);
  }
  summary = summarize (fixture);
  g_assert_true (summary.see_doctor);
}

static void
test_months (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(BcAppointment) missed = appointment_at (berlin_time (2026, 4, 20, 10, 0));
  BcAppointmentMonth *month;

  done_session (fixture, 3, 2, -1, -1, "covered");
  done_session (fixture, 3, 31, -1, -1, "not-covered");
  done_session (fixture, 4, 1, -1, -1, "reimbursed");
  set_string (&missed->status, "missed");
  add (fixture, missed, NULL);

  months = bc_appointment_stats_months (fixture->db, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 2);
  month = &g_array_index (months, BcAppointmentMonth, 0);
  g_assert_cmpstr (month->month, ==, "2026-03");
  g_assert_cmpuint (month->sessions, ==, 2);
  g_assert_cmpint (month->cost_cents, ==, 12000);
  g_assert_cmpint (month->covered_cents, ==, 6000);
  month = &g_array_index (months, BcAppointmentMonth, 1);
  g_assert_cmpstr (month->month, ==, "2026-04");
  g_assert_cmpuint (month->sessions, ==, 1);
  g_assert_cmpint (month->covered_cents, ==, 6000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/appointment-store/crud", test_crud);
  ADD ("/appointment-store/validation", test_validation);
  ADD ("/appointment-store/series-dst", test_series_dst);
  ADD ("/appointment-store/series-until", test_series_until);
  ADD ("/appointment-store/series-edit", test_series_edit);
  ADD ("/appointment-store/overlaps", test_overlaps);
  ADD ("/appointment-stats/no-improvement", test_stats_no_improvement);
  ADD ("/appointment-stats/improvement", test_stats_improvement);
  ADD ("/appointment-stats/four-weeks", test_stats_four_weeks);
  ADD ("/appointment-stats/own-ratings", test_stats_own_ratings);
  ADD ("/appointment-stats/months", test_months);

#undef ADD

  return g_test_run ();
}
