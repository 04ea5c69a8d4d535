/* bc-appointment-stats.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-appointment-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-appointment-stats.h"

/* Does massage help? Only done sessions count. For each one, the pain
 * log's mean intensity in the 7 days before its start and in the 7 days
 * after its end is computed in SQL; the summary averages those means
 * over the sessions that have both.
 */

#define WEEK_SECONDS (7 * 24 * 60 * 60)
/* Days rounded, so four weeks across a DST change are four weeks. */
#define SEE_DOCTOR_SESSIONS 4
#define DAY_SECONDS (24 * 60 * 60)
#define SEE_DOCTOR_DAYS 28

/**
 * bc_appointment_stats_summary:
 * @from: start of the period (unix seconds, inclusive)
 * @to: end of the period (exclusive)
 * @improvement_threshold: points on the 0–10 scale pain must fall by
 *
 * see_doctor is set when the sessions are enough to judge (at least 4,
 * or at least 2 with 4 weeks or more between the first and the last)
 * and either the pain log or the ratings given at the appointments show
 * no fall of at least @improvement_threshold.
 */
gboolean
bc_appointment_stats_summary (BcDatabase            *db,
                              gint64                 profile_id,
                              gint64                 from,
                              gint64                 to,
                              double                 improvement_threshold,
                              BcAppointmentSummary  *out_summary,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BcAppointmentSummary summary = { 0, };
  double log_before = 0, log_after = 0;
  double own_before = 0, own_after = 0;
  guint n_own = 0;
  gint64 first = 0, last = 0;
  gboolean enough;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = bc_database_prepare (db,
                              "SELECT a.starts_at, a.cost_cents, "
                              "  a.insurance IN ('covered', 'reimbursed'), "
                              "  a.pain_before, a.pain_after, "
                              "  (SELECT AVG (p.intensity) FROM pain_entries p "
                              "   WHERE p.profile_id = a.profile_id "
                              "     AND p.time >= a.starts_at - ?4 AND p.time < a.starts_at), "
                              "  (SELECT AVG (p.intensity) FROM pain_entries p "
                              "   WHERE p.profile_id = a.profile_id "
                              "     AND p.time >= a.starts_at + a.duration_minutes * 60 "
                              "     AND p.time < a.starts_at + a.duration_minutes * 60 + ?4) "
                              "FROM appointments a "
                              "WHERE a.profile_id = ?1 AND a.status = 'done' "
                              "  AND a.starts_at >= ?2 AND a.starts_at < ?3 "
                              "ORDER BY a.starts_at",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, WEEK_SECONDS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 start = sqlite3_column_int64 (stmt, 0);
      gint64 cost = sqlite3_column_int64 (stmt, 1);

      if (summary.sessions == 0)
        first = start;
      last = start;
      summary.sessions++;
      summary.cost_cents += cost;
      if (sqlite3_column_int (stmt, 2) != 0)
        summary.covered_cents += cost;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          own_before += sqlite3_column_int (stmt, 3);
          own_after += sqlite3_column_int (stmt, 4);
          n_own++;
        }

      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          log_before += sqlite3_column_double (stmt, 5);
          log_after += sqlite3_column_double (stmt, 6);
          summary.sessions_with_pain++;
        }
    }
  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  if (summary.sessions_with_pain > 0)
    {
      summary.pain_before = log_before / summary.sessions_with_pain;
      summary.pain_after = log_after / summary.sessions_with_pain;
    }
  else
    {
      summary.pain_before = NAN;
      summary.pain_after = NAN;
    }

  enough = summary.sessions >= SEE_DOCTOR_SESSIONS ||
           (summary.sessions >= 2 &&
            (last - first + DAY_SECONDS / 2) / DAY_SECONDS >= SEE_DOCTOR_DAYS);
  if (enough)
    {
      /* A small tolerance, so 6.0 → 4.0 counts as 2 points. */
      double needed = improvement_threshold - 1e-9;

      if (summary.sessions_with_pain > 0 &&
          !(summary.pain_before - summary.pain_after >= needed))
        summary.see_doctor = TRUE;
      if (n_own > 0 && !((own_before - own_after) / n_own >= needed))
        summary.see_doctor = TRUE;
    }

  *out_summary = summary;
  return TRUE;
}

/**
 * bc_appointment_stats_months:
 *
 * Done sessions, their cost and the covered or reimbursed part per
 * month (in the local time zone), oldest first.
 *
 * Returns: (element-type BcAppointmentMonth): the months with sessions,
 *   or %NULL with @error set
 */
GArray *
bc_appointment_stats_months (BcDatabase  *db,
                             gint64       profile_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (BcAppointmentMonth));
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT strftime ('%Y-%m', starts_at, 'unixepoch', 'localtime') AS m, "
                              "  COUNT (*), TOTAL (cost_cents), "
                              "  TOTAL (CASE WHEN insurance IN ('covered', 'reimbursed') "
                              "         THEN cost_cents ELSE 0 END) "
                              "FROM appointments WHERE profile_id = ?1 AND status = 'done' "
                              "GROUP BY m ORDER BY m",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcAppointmentMonth month = { { 0, }, 0, 0, 0 };
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      g_strlcpy (month.month, name != NULL ? name : "", sizeof month.month);
      month.sessions = (guint)sqlite3_column_int (stmt, 1);
      month.cost_cents = sqlite3_column_int64 (stmt, 2);
      month.covered_cents = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (months, month);
    }
  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&months);
}
