/* bc-session-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-session-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-session-store.h"

/* Sessions and exercise records in sqlite. Adherence (the streak, the
 * week's completion) is computed from one streamed query over the
 * records, grouped by day and exercise in SQL, compared with the plan's
 * schedule: no object per record is ever made.
 */

G_DEFINE_QUARK (bc-session-store-error-quark, bc_session_store_error)

#define DAYS_IN_WEEK 7

static GDateTime *
dup_local (GDateTime *now)
{
  return now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
}

static char *
format_day (GDateTime *local)
{
  return g_date_time_format (local, "%Y-%m-%d");
}

static void
date_from_iso (GDate      *date,
               const char *iso_date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
date_from_date_time (GDate     *date,
                     GDateTime *local)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

static gboolean
check_pain (int      pain,
            GError **error)
{
  if (pain < -1 || pain > 10)
    {
      g_set_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                   _("Pain is rated from 0 to 10, not %d."), pain);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_ref (const char  *exercise_ref,
           GError     **error)
{
  if (exercise_ref == NULL || exercise_ref[0] == '\0')
    {
      g_set_error_literal (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                           _("The record does not say which exercise it is for."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_profile (gint64   profile_id,
               GError **error)
{
  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                           _("No profile was given."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_sets (guint    sets,
            GError **error)
{
  if (sets > BC_DOSAGE_SETS_MAX)
    {
      g_set_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                   _("At most %u sets can be recorded, not %u."), BC_DOSAGE_SETS_MAX, sets);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  if (!bc_iso_date_is_valid (day))
    {
      g_set_error_literal (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                           _("Days must be real days, written as YYYY-MM-DD."));
      return FALSE;
    }

  return TRUE;
}

/* -1 is "not rated" and stays NULL in the table. */
static void
bind_pain (sqlite3_stmt *stmt,
           int           column,
           int           pain)
{
  if (pain < 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, pain);
}

static gint64
insert_session (BcDatabase  *db,
                gint64       profile_id,
                gint64       plan_id,
                int          pain_before,
                GDateTime   *local,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = format_day (local);

  stmt = bc_database_prepare (db,
                              "INSERT INTO sessions (profile_id, plan_id, day, started_at, "
                              "  pain_before) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (plan_id > 0)
    sqlite3_bind_int64 (stmt, 2, plan_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (local));
  bind_pain (stmt, 5, pain_before);

  if (!bc_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (bc_database_get_handle (db));
}

/**
 * bc_session_store_start:
 * @plan_id: the plan followed, or 0
 * @pain_before: 0–10, or -1 when the patient did not rate it
 * @now: (nullable): the start time; %NULL for the current time
 *
 * Returns: the new session's id, or 0 with @error set
 */
gint64
bc_session_store_start (BcDatabase  *db,
                        gint64       profile_id,
                        gint64       plan_id,
                        int          pain_before,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  gint64 session_id;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_profile (profile_id, error) || !check_pain (pain_before, error))
    return 0;

  local = dup_local (now);

  if (!bc_database_begin (db, error))
    return 0;

  session_id = insert_session (db, profile_id, plan_id, pain_before, local, error);
  if (session_id == 0 || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return 0;
    }

  return session_id;
}

static gboolean
update_session (BcDatabase  *db,
                gint64       session_id,
                int          pain_after,
                GDateTime   *local,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "UPDATE sessions SET finished_at = ?2, pain_after = ?3 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (local));
  bind_pain (stmt, 3, pain_after);

  if (!bc_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (bc_database_get_handle (db)) == 0)
    {
      g_set_error (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_NOT_FOUND,
                   _("There is no session %lld."), (long long)session_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_session_store_finish:
 * @pain_after: 0–10, or -1 when the patient did not rate it
 * @now: (nullable): the end time; %NULL for the current time
 */
gboolean
bc_session_store_finish (BcDatabase  *db,
                         gint64       session_id,
                         int          pain_after,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_pain (pain_after, error))
    return FALSE;

  local = dup_local (now);

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!update_session (db, session_id, pain_after, local, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_record (BcDatabase  *db,
               gint64       profile_id,
               gint64       session_id,
               const char  *exercise_ref,
               const char  *day,
               gint64       performed_at,
               guint        sets_done,
               gboolean     skipped,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "INSERT INTO exercise_records (profile_id, session_id, "
                              "  exercise_ref, day, performed_at, sets_done, skipped) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (session_id > 0)
    sqlite3_bind_int64 (stmt, 2, session_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, exercise_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, performed_at);
  sqlite3_bind_int (stmt, 6, sets_done);
  sqlite3_bind_int (stmt, 7, skipped ? 1 : 0);

  return bc_database_step_done (db, stmt, error);
}

static gboolean
delete_session_record (BcDatabase  *db,
                       gint64       profile_id,
                       gint64       session_id,
                       const char  *exercise_ref,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "DELETE FROM exercise_records "
                              "WHERE profile_id = ?1 AND session_id = ?2 AND exercise_ref = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_text (stmt, 3, exercise_ref, -1, SQLITE_TRANSIENT);

  return bc_database_step_done (db, stmt, error);
}

/**
 * bc_session_store_record:
 * @session_id: the session it was done in, or 0 for none
 * @sets_done: how many sets were done (a skipped exercise may have some)
 * @now: (nullable): when; its local day is the record's day
 *
 * Records one exercise, done or skipped. A second record of the same
 * exercise in the same session replaces the first.
 */
gboolean
bc_session_store_record (BcDatabase  *db,
                         gint64       profile_id,
                         gint64       session_id,
                         const char  *exercise_ref,
                         guint        sets_done,
                         gboolean     skipped,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_profile (profile_id, error) ||
      !check_ref (exercise_ref, error) ||
      !check_sets (sets_done, error))
    return FALSE;

  local = dup_local (now);
  day = format_day (local);

  if (!bc_database_begin (db, error))
    return FALSE;

  if ((session_id > 0 &&
       !delete_session_record (db, profile_id, session_id, exercise_ref, error)) ||
      !insert_record (db, profile_id, session_id, exercise_ref, day,
                      g_date_time_to_unix (local), sets_done, skipped, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_done_record (BcDatabase  *db,
                 gint64       profile_id,
                 const char  *day,
                 const char  *exercise_ref,
                 gboolean    *out_found,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bc_database_prepare (db,
                              "SELECT 1 FROM exercise_records "
                              "WHERE profile_id = ?1 AND day = ?2 AND exercise_ref = ?3 "
                              "  AND skipped = 0 LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, exercise_ref, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  *out_found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
delete_day_records (BcDatabase  *db,
                    gint64       profile_id,
                    const char  *day,
                    const char  *exercise_ref,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "DELETE FROM exercise_records "
                              "WHERE profile_id = ?1 AND day = ?2 AND exercise_ref = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, exercise_ref, -1, SQLITE_TRANSIENT);

  return bc_database_step_done (db, stmt, error);
}

static gboolean
correct_day (BcDatabase  *db,
             gint64       profile_id,
             const char  *day,
             const char  *exercise_ref,
             gboolean     done,
             guint        sets,
             GError     **error)
{
  g_autoptr(GDateTime) noon = NULL;
  gboolean found = FALSE;
  GDate date;

  if (!done)
    return delete_day_records (db, profile_id, day, exercise_ref, error);

  if (!has_done_record (db, profile_id, day, exercise_ref, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  /* The hour is not known; noon keeps the record inside its day in any
   * time zone change a few hours wide.
   */
  date_from_iso (&date, day);
  noon = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);

  return insert_record (db, profile_id, 0, exercise_ref, day,
                        g_date_time_to_unix (noon), sets, FALSE, error);
}

/**
 * bc_session_store_set_done:
 * @day: the local day, YYYY-MM-DD; not after today when @done
 * @sets: the sets to record when @done (1–10)
 *
 * Corrects a day after the fact: marks the exercise done on @day (unless
 * it already is), or removes every record of it on that day.
 */
gboolean
bc_session_store_set_done (BcDatabase  *db,
                           gint64       profile_id,
                           const char  *day,
                           const char  *exercise_ref,
                           gboolean     done,
                           guint        sets,
                           GError     **error)
{
  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_profile (profile_id, error) ||
      !check_day (day, error) ||
      !check_ref (exercise_ref, error) ||
      !check_sets (sets, error))
    return FALSE;

  if (done)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = format_day (now);

      if (sets == 0)
        {
          g_set_error_literal (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                               _("An exercise marked as done needs at least one set."));
          return FALSE;
        }

      if (strcmp (day, today) > 0)
        {
          g_set_error_literal (error, BC_SESSION_STORE_ERROR, BC_SESSION_STORE_ERROR_INVALID,
                               _("A day in the future cannot be marked as done."));
          return FALSE;
        }
    }

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!correct_day (db, profile_id, day, exercise_ref, done, sets, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_session_store_done_on_day:
 *
 * Returns: (transfer full): the set of exercise refs with a record that
 *   was not skipped on @day, or %NULL with @error set
 */
GHashTable *
bc_session_store_done_on_day (BcDatabase  *db,
                              gint64       profile_id,
                              const char  *day,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) done = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_day (day, error))
    return NULL;

  stmt = bc_database_prepare (db,
                              "SELECT DISTINCT exercise_ref FROM exercise_records "
                              "WHERE profile_id = ?1 AND day = ?2 AND skipped = 0",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);

  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (done, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&done);
}

/* The plan's schedule: for each weekday (Monday first), the set of
 * exercises due. The refs belong to the plan's items.
 */
typedef struct
{
  GHashTable *due[DAYS_IN_WEEK];
  guint       n_due_days;
} Schedule;

static void
schedule_init (Schedule *schedule,
               BcPlan   *plan)
{
  GListModel *items = plan != NULL ? G_LIST_MODEL (bc_plan_get_items (plan)) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  schedule->n_due_days = 0;
  for (guint d = 0; d < DAYS_IN_WEEK; d++)
    schedule->due[d] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcDays days = bc_plan_item_get_dosage (item)->days;

      for (guint d = 0; d < DAYS_IN_WEEK; d++)
        {
          if (days & (1 << d))
            g_hash_table_add (schedule->due[d],
                              (gpointer)bc_plan_item_get_exercise_ref (item));
        }
    }

  for (guint d = 0; d < DAYS_IN_WEEK; d++)
    if (g_hash_table_size (schedule->due[d]) > 0)
      schedule->n_due_days++;
}

static void
schedule_clear (Schedule *schedule)
{
  for (guint d = 0; d < DAYS_IN_WEEK; d++)
    g_clear_pointer (&schedule->due[d], g_hash_table_unref);
}

static GHashTable *
schedule_due_on (Schedule    *schedule,
                 const GDate *date)
{
  return schedule->due[g_date_get_weekday (date) - G_DATE_MONDAY];
}

static guint
count_done (GHashTable *due,
            GHashTable *done)
{
  GHashTableIter iter;
  gpointer ref;
  guint n = 0;

  g_hash_table_iter_init (&iter, due);
  while (g_hash_table_iter_next (&iter, &ref, NULL))
    {
      if (g_hash_table_contains (done, ref))
        n++;
    }

  return n;
}

/**
 * bc_session_store_streak:
 * @plan: (nullable): the plan whose schedule counts
 * @today: (nullable): a time on the day the streak ends; %NULL for now
 *
 * Counts the consecutive days, back from today, on which every exercise
 * due was done. Today only counts once it is complete: an unfinished
 * today does not end the streak, the day is not over. Days with nothing
 * due neither count nor break it.
 *
 * Returns: the streak, or 0 with @error set
 */
guint
bc_session_store_streak (BcDatabase  *db,
                         gint64       profile_id,
                         BcPlan      *plan,
                         GDateTime   *today,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autofree char *today_iso = NULL;
  Schedule schedule;
  guint streak = 0;
  gboolean is_today = TRUE;
  GDate date;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (plan == NULL || BC_IS_PLAN (plan), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  schedule_init (&schedule, plan);
  if (schedule.n_due_days == 0)
    {
      schedule_clear (&schedule);
      return 0;
    }

  local = dup_local (today);
  today_iso = format_day (local);
  date_from_date_time (&date, local);

  /* Newest first, so the walk stops reading at the first missed day. */
  stmt = bc_database_prepare (db,
                              "SELECT day, exercise_ref FROM exercise_records "
                              "WHERE profile_id = ?1 AND skipped = 0 AND day <= ?2 "
                              "GROUP BY day, exercise_ref ORDER BY day DESC",
                              error);
  if (stmt == NULL)
    {
      schedule_clear (&schedule);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, today_iso, -1, SQLITE_TRANSIENT);

  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = sqlite3_step (stmt);

  /* The schedule has a due day in every week, so once the records run
   * out the walk ends within seven days.
   */
  while (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      g_autofree char *iso = date_to_iso (&date);
      GHashTable *due = schedule_due_on (&schedule, &date);

      g_hash_table_remove_all (done);
      while (rc == SQLITE_ROW)
        {
          const char *row_day = (const char *)sqlite3_column_text (stmt, 0);
          int cmp = g_strcmp0 (row_day, iso);

          if (cmp < 0)
            break;
          if (cmp == 0)
            g_hash_table_add (done, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
          rc = sqlite3_step (stmt);
        }

      if (g_hash_table_size (due) > 0)
        {
          if (count_done (due, done) == g_hash_table_size (due))
            streak++;
          else if (!is_today)
            break;
        }

      is_today = FALSE;
      g_date_subtract_days (&date, 1);
    }

  schedule_clear (&schedule);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return 0;
    }

  return streak;
}

/**
 * bc_session_store_week_completion:
 * @plan: (nullable): the plan whose schedule counts
 * @today: (nullable): a time on the last day counted; %NULL for now
 *
 * The share of the exercises due from Monday to today that were done:
 * each exercise on each day it is due counts once.
 *
 * Returns: 0.0–1.0; 0.0 when nothing is due, or with @error set
 */
double
bc_session_store_week_completion (BcDatabase  *db,
                                  gint64       profile_id,
                                  BcPlan      *plan,
                                  GDateTime   *today,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *monday_iso = NULL;
  GHashTable *done[DAYS_IN_WEEK] = { NULL, };
  Schedule schedule;
  guint n_days, n_due = 0, n_done = 0;
  GDate monday, date;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0.0);
  g_return_val_if_fail (plan == NULL || BC_IS_PLAN (plan), 0.0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0.0);

  local = dup_local (today);
  today_iso = format_day (local);
  date_from_date_time (&monday, local);
  n_days = g_date_get_weekday (&monday) - G_DATE_MONDAY + 1;
  g_date_subtract_days (&monday, n_days - 1);
  monday_iso = date_to_iso (&monday);

  stmt = bc_database_prepare (db,
                              "SELECT day, exercise_ref FROM exercise_records "
                              "WHERE profile_id = ?1 AND skipped = 0 AND day BETWEEN ?2 AND ?3 "
                              "GROUP BY day, exercise_ref",
                              error);
  if (stmt == NULL)
    return 0.0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, monday_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today_iso, -1, SQLITE_TRANSIENT);

  for (guint d = 0; d < n_days; d++)
    done[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate record_date;
      int offset;

      date_from_iso (&record_date, (const char *)sqlite3_column_text (stmt, 0));
      if (!g_date_valid (&record_date))
        continue;

      offset = g_date_days_between (&monday, &record_date);
      if (offset >= 0 && (guint)offset < n_days)
        g_hash_table_add (done[offset], g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }

  schedule_init (&schedule, plan);
  date = monday;
  for (guint d = 0; d < n_days; d++)
    {
      GHashTable *due = schedule_due_on (&schedule, &date);

      n_due += g_hash_table_size (due);
      n_done += count_done (due, done[d]);
      g_date_add_days (&date, 1);
    }
  schedule_clear (&schedule);

  for (guint d = 0; d < n_days; d++)
    g_hash_table_unref (done[d]);

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return 0.0;
    }

  return n_due > 0 ? (double)n_done / n_due : 0.0;
}
