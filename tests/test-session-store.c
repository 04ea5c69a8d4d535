/* test-session-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guided sessions and exercise records in a real sqlite file: what a
 * session writes, corrections of past days, and adherence (the streak
 * and the week's completion) on injected days.
 */

#include "config.h"

#include "bc-plan-store.h"
#include "bc-profile-store.h"
#include "bc-session-store.h"

#define REF_A "builtin:glute-bridge"
#define REF_B "builtin:hamstring-stretch-supine-strap"
#define REF_C "builtin:cat-cow"

typedef struct
{
  char       *dir;
  BcDatabase *db;
  gint64      me;
  BcPlan     *plan;
} Fixture;

static void
add_item (BcPlan     *plan,
          const char *ref,
          BcDays      days)
{
  BcDosage dosage = { 2, 10, 0, 30, 1, days };
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, NULL);

  g_list_store_append (bc_plan_get_items (plan), item);
}

/* A on Monday, Wednesday and Friday; B on Monday only. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-sessions-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->me, >, 0);

  fixture->plan = bc_plan_new ("Mon Wed Fri");
  add_item (fixture->plan, REF_A, BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY);
  add_item (fixture->plan, REF_B, BC_DAY_MONDAY);
  bc_plan_store_save (fixture->db, fixture->me, fixture->plan, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static gint64
query_int (BcDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* 2025-03-03 is a Monday. */
static GDateTime *
march (int day,
       int hour)
{
  return g_date_time_new_local (2025, 3, day, hour, 0, 0);
}

static void
record_on (Fixture    *fixture,
           const char *ref,
           int         day,
           gboolean    skipped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = march (day, 9);

  g_assert_true (bc_session_store_record (fixture->db, fixture->me, 0, ref, skipped ? 0 : 2,
                                          skipped, when, &error));
  g_assert_no_error (error);
}

static guint
streak_on (Fixture *fixture,
           int      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = march (day, 20);
  guint streak = bc_session_store_streak (fixture->db, fixture->me, fixture->plan, today, &error);

  g_assert_no_error (error);
  return streak;
}

static double
week_on (Fixture *fixture,
         int      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = march (day, 20);
  double completion;

  completion = bc_session_store_week_completion (fixture->db, fixture->me, fixture->plan,
                                                 today, &error);
  g_assert_no_error (error);
  return completion;
}

static void
test_records (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = march (3, 8);
  g_autoptr(GDateTime) end = march (3, 9);
  gint64 session;

  session = bc_session_store_start (fixture->db, fixture->me, bc_plan_get_id (fixture->plan),
                                    6, start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session, >, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT pain_before FROM sessions"), ==, 6);
  g_assert_cmpint (query_int (fixture->db, "SELECT finished_at FROM sessions"), ==, -1);
  g_assert_cmpint (query_int (fixture->db, "SELECT started_at FROM sessions"), ==,
                   g_date_time_to_unix (start));

  g_assert_true (bc_session_store_record (fixture->db, fixture->me, session, REF_A, 2, FALSE,
                                          start, &error));
  g_assert_true (bc_session_store_record (fixture->db, fixture->me, session, REF_B, 1, TRUE,
                                          start, &error));
  /* Done again after going back: one record of A in this session. */
  g_assert_true (bc_session_store_record (fixture->db, fixture->me, session, REF_A, 3, FALSE,
                                          start, &error));
  g_assert_no_error (error);

  g_assert_true (bc_session_store_finish (fixture->db, session, 3, end, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->db, "SELECT pain_after FROM sessions"), ==, 3);
  g_assert_cmpint (query_int (fixture->db, "SELECT finished_at FROM sessions"), ==,
                   g_date_time_to_unix (end));
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM exercise_records"), ==, 2);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT sets_done FROM exercise_records "
                              "WHERE exercise_ref = '" REF_A "' AND skipped = 0"), ==, 3);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE exercise_ref = '" REF_B "' AND skipped = 1 "
                              "  AND sets_done = 1 AND day = '2025-03-03'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records WHERE session_id = 1"),
                   ==, 2);

  /* Unrated pain is NULL; a record outside a session has no session. */
  session = bc_session_store_start (fixture->db, fixture->me, 0, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bc_session_store_finish (fixture->db, session, -1, NULL, &error));
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM sessions WHERE pain_before IS NULL "
                              "  AND pain_after IS NULL AND plan_id IS NULL "
                              "  AND finished_at IS NOT NULL"), ==, 1);
  g_assert_true (bc_session_store_record (fixture->db, fixture->me, 0, REF_C, 1, FALSE,
                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records WHERE session_id IS NULL"),
                   ==, 1);
}

static void
test_done_on_day (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GHashTable) other = NULL;

  record_on (fixture, REF_A, 3, FALSE);
  record_on (fixture, REF_A, 3, FALSE);
  record_on (fixture, REF_B, 3, TRUE);
  record_on (fixture, REF_C, 4, FALSE);

  done = bc_session_store_done_on_day (fixture->db, fixture->me, "2025-03-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (done), ==, 1);
  g_assert_true (g_hash_table_contains (done, REF_A));
  /* Skipped is not done. */
  g_assert_false (g_hash_table_contains (done, REF_B));

  other = bc_session_store_done_on_day (fixture->db, fixture->me, "2025-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (other), ==, 0);
}

static void
test_correct_past_day (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(GDateTime) noon = NULL;

  record_on (fixture, REF_B, 5, TRUE);

  /* Forgot to record Wednesday: mark A done, twice, and B too. */
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-05", REF_A,
                                            TRUE, 2, &error));
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-05", REF_A,
                                            TRUE, 2, &error));
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-05", REF_B,
                                            TRUE, 3, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE exercise_ref = '" REF_A "' AND day = '2025-03-05' "
                              "  AND sets_done = 2 AND skipped = 0 AND session_id IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE exercise_ref = '" REF_B "' AND skipped = 0 AND sets_done = 3"),
                   ==, 1);
  /* Noon that day, local time. */
  noon = march (5, 12);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT performed_at FROM exercise_records "
                              "WHERE exercise_ref = '" REF_A "'"), ==,
                   g_date_time_to_unix (noon));

  done = bc_session_store_done_on_day (fixture->db, fixture->me, "2025-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (done), ==, 2);

  /* Not done after all: every record of B that day goes, A stays. */
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-05", REF_B,
                                            FALSE, 0, &error));
  g_assert_no_error (error);
  undone = bc_session_store_done_on_day (fixture->db, fixture->me, "2025-03-05", &error);
  g_assert_cmpuint (g_hash_table_size (undone), ==, 1);
  g_assert_true (g_hash_table_contains (undone, REF_A));
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE exercise_ref = '" REF_B "'"), ==, 0);
}

static void
test_streak (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* Nothing recorded yet. */
  g_assert_cmpuint (streak_on (fixture, 3), ==, 0);

  record_on (fixture, REF_A, 3, FALSE);
  /* Monday is not complete until B is done, and it is still Monday. */
  g_assert_cmpuint (streak_on (fixture, 3), ==, 0);
  record_on (fixture, REF_B, 3, FALSE);
  g_assert_cmpuint (streak_on (fixture, 3), ==, 1);
  /* Tuesday has nothing due: it neither counts nor breaks. */
  g_assert_cmpuint (streak_on (fixture, 4), ==, 1);
  /* Wednesday, nothing done yet: the day is not over. */
  g_assert_cmpuint (streak_on (fixture, 5), ==, 1);
  record_on (fixture, REF_A, 5, FALSE);
  g_assert_cmpuint (streak_on (fixture, 5), ==, 2);
  record_on (fixture, REF_A, 7, FALSE);
  g_assert_cmpuint (streak_on (fixture, 7), ==, 3);
  g_assert_cmpuint (streak_on (fixture, 8), ==, 3);
  g_assert_cmpuint (streak_on (fixture, 9), ==, 3);
  /* The next Monday: A alone is not enough, but does not break it. */
  record_on (fixture, REF_A, 10, FALSE);
  g_assert_cmpuint (streak_on (fixture, 10), ==, 3);
  record_on (fixture, REF_B, 10, FALSE);
  g_assert_cmpuint (streak_on (fixture, 10), ==, 4);
  /* Wednesday the 12th was missed: on Thursday the streak is over. */
  g_assert_cmpuint (streak_on (fixture, 12), ==, 4);
  g_assert_cmpuint (streak_on (fixture, 13), ==, 0);
  /* A skipped exercise is not done. */
  record_on (fixture, REF_A, 12, TRUE);
  g_assert_cmpuint (streak_on (fixture, 13), ==, 0);
  /* Correcting the missed day mends the streak. */
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-12", REF_A,
                                            TRUE, 2, NULL));
  g_assert_cmpuint (streak_on (fixture, 13), ==, 5);
  /* Looking back from an earlier day ignores later records. */
  g_assert_cmpuint (streak_on (fixture, 7), ==, 3);

  /* A gap earlier on: Wednesday the 5th undone leaves Friday alone. */
  g_assert_true (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-05", REF_A,
                                            FALSE, 0, NULL));
  g_assert_cmpuint (streak_on (fixture, 7), ==, 1);
  /* Wednesday 12, Monday 10, Friday 7. */
  g_assert_cmpuint (streak_on (fixture, 13), ==, 3);

  /* No plan, or a plan with nothing in it: no streak. */
  {
    g_autoptr(BcPlan) empty = bc_plan_new ("Empty");
    g_autoptr(GDateTime) today = march (13, 20);

    g_assert_cmpuint (bc_session_store_streak (fixture->db, fixture->me, empty, today, NULL),
                      ==, 0);
    g_assert_cmpuint (bc_session_store_streak (fixture->db, fixture->me, NULL, today, NULL),
                      ==, 0);
  }
}

static void
test_week_completion (Fixture       *fixture,
                      gconstpointer  user_data)
{
  /* Nothing done on Monday: 0 of 2. */
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 3), 0.0, 1e-9);

  record_on (fixture, REF_A, 3, FALSE);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 3), 0.5, 1e-9);
  record_on (fixture, REF_B, 3, FALSE);
  record_on (fixture, REF_C, 3, FALSE);
  /* C is not in the plan: it does not count. */
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 3), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 4), 1.0, 1e-9);
  /* Wednesday due, not done yet: 2 of 3. */
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 5), 2.0 / 3.0, 1e-9);
  record_on (fixture, REF_A, 5, TRUE);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 5), 2.0 / 3.0, 1e-9);
  record_on (fixture, REF_A, 5, FALSE);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 5), 1.0, 1e-9);
  /* Friday: 3 of 4; Sunday still 3 of 4. */
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 7), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 9), 0.75, 1e-9);
  /* A new week starts at 0, the last week's records do not count. */
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 10), 0.0, 1e-9);
  record_on (fixture, REF_B, 10, FALSE);
  g_assert_cmpfloat_with_epsilon (week_on (fixture, 10), 0.5, 1e-9);

  /* A plan with nothing due: 0. */
  {
    g_autoptr(BcPlan) empty = bc_plan_new ("Empty");
    g_autoptr(GDateTime) today = march (5, 20);

    g_assert_cmpfloat (bc_session_store_week_completion (fixture->db, fixture->me, empty,
                                                         today, NULL), ==, 0.0);
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = march (3, 9);
  GError *error = NULL;
  gint64 session;

  g_assert_cmpint (bc_session_store_start (fixture->db, fixture->me, 0, 11, now, &error), ==, 0);
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bc_session_store_start (fixture->db, fixture->me, 0, -2, now, &error), ==, 0);
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bc_session_store_start (fixture->db, 0, 0, 5, now, &error), ==, 0);
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* An unknown profile is refused by the database. */
  g_assert_cmpint (bc_session_store_start (fixture->db, 999, 0, 5, now, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);

  session = bc_session_store_start (fixture->db, fixture->me, 0, 5, now, &error);
  g_assert_no_error (error);
  g_assert_false (bc_session_store_finish (fixture->db, session, 12, now, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_finish (fixture->db, session + 100, 2, now, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM sessions WHERE finished_at IS NULL "
                              "  AND pain_after IS NULL"), ==, 1);

  g_assert_false (bc_session_store_record (fixture->db, fixture->me, session, "", 1, FALSE,
                                           now, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_record (fixture->db, fixture->me, session, NULL, 1, FALSE,
                                           now, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_record (fixture->db, fixture->me, session, REF_A, 11, FALSE,
                                           now, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* An unknown session is refused by the database, and nothing stays. */
  g_assert_false (bc_session_store_record (fixture->db, fixture->me, session + 100, REF_A, 1,
                                           FALSE, now, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "2025-02-30", REF_A,
                                             TRUE, 2, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "March 3", REF_A,
                                             TRUE, 2, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-03", "",
                                             TRUE, 2, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-03", REF_A,
                                             TRUE, 0, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "2025-03-03", REF_A,
                                             TRUE, 11, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_session_store_set_done (fixture->db, fixture->me, "9999-12-31", REF_A,
                                             TRUE, 2, &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (bc_session_store_done_on_day (fixture->db, fixture->me, "2025-13-01", &error));
  g_assert_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM exercise_records"), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM sessions"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("records", test_records);
  ADD ("done-on-day", test_done_on_day);
  ADD ("correct-past-day", test_correct_past_day);
  ADD ("streak", test_streak);
  ADD ("week-completion", test_week_completion);
  ADD ("bad-input", test_bad_input);

#undef ADD

  return g_test_run ();
}
