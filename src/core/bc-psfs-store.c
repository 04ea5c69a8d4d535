/* bc-psfs-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-psfs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-pain-store.h"
#include "bc-plan.h"

/* The Patient-Specific Functional Scale (tables psfs_activities and
 * psfs_scores, declared in bc-pain-store.h): up to five activities a
 * profile follows, each scored 0–10 now and then; retired activities
 * keep their scores.
 */

#define FIRST_DAY_EVER "0000-01-01"
#define LAST_DAY_EVER "9999-12-31"

static gboolean
check_profile (gint64   profile_id,
               GError **error)
{
  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("No profile was given."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_optional_day (const char  *day,
                    GError     **error)
{
  if (day != NULL && !bc_iso_date_is_valid (day))
    {
      g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("Days must be real days, written as YYYY-MM-DD."));
      return FALSE;
    }

  return TRUE;
}

void
bc_psfs_activity_free (BcPsfsActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->name);
  g_free (activity);
}

static gboolean
query_int64 (BcDatabase    *db,
             sqlite3_stmt  *stmt,
             gint64        *out_value,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    return bc_database_set_error (db, rc, error);

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gint64
insert_activity (BcDatabase  *db,
                 gint64       profile_id,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 n_active = 0;

  count = bc_database_prepare (db,
                               "SELECT count (*) FROM psfs_activities "
                               "WHERE profile_id = ?1 AND archived = 0",
                               error);
  if (count == NULL)
    return 0;

  sqlite3_bind_int64 (count, 1, profile_id);
  if (!query_int64 (db, count, &n_active, error))
    return 0;

  if (n_active >= BC_PSFS_MAX_ACTIVITIES)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                   _("At most %d activities are followed at a time; retire one first."),
                   BC_PSFS_MAX_ACTIVITIES);
      return 0;
    }

  insert = bc_database_prepare (db,
                                "INSERT INTO psfs_activities (profile_id, name, position, "
                                "  created_at) "
                                "VALUES (?1, ?2, (SELECT coalesce (max (position), -1) + 1 "
                                "  FROM psfs_activities WHERE profile_id = ?1), ?3)",
                                error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_int64 (insert, 1, profile_id);
  sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, g_get_real_time () / G_USEC_PER_SEC);

  if (!bc_database_step_done (db, insert, error))
    return 0;

  return sqlite3_last_insert_rowid (bc_database_get_handle (db));
}

/**
 * bc_psfs_add_activity:
 * @name: what the patient finds hard, e.g. "Sitting for 30 minutes"
 *
 * Adds an activity to follow; a profile follows at most
 * %BC_PSFS_MAX_ACTIVITIES at a time.
 *
 * Returns: the activity's id, or 0 with @error set
 */
gint64
bc_psfs_add_activity (BcDatabase  *db,
                      gint64       profile_id,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_profile (profile_id, error))
    return 0;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "";
  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("The activity needs a name."));
      return 0;
    }
  if (g_utf8_strlen (trimmed, -1) > BC_PSFS_NAME_MAX_CHARS)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                   _("The activity’s name is longer than %d characters."),
                   BC_PSFS_NAME_MAX_CHARS);
      return 0;
    }

  if (!bc_database_begin (db, error))
    return 0;

  id = insert_activity (db, profile_id, trimmed, error);
  if (id == 0 || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return 0;
    }

  return id;
}

static gboolean
insert_score (BcDatabase  *db,
              gint64       activity_id,
              int          score,
              GDateTime   *when,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");
  gint64 found = 0;

  exists = bc_database_prepare (db,
                                "SELECT EXISTS (SELECT 1 FROM psfs_activities WHERE id = ?1)",
                                error);
  if (exists == NULL)
    return FALSE;

  sqlite3_bind_int64 (exists, 1, activity_id);
  if (!query_int64 (db, exists, &found, error))
    return FALSE;

  if (!found)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND,
                   _("There is no activity %lld."), (long long)activity_id);
      return FALSE;
    }

  insert = bc_database_prepare (db,
                                "INSERT INTO psfs_scores (activity_id, time, day, score) "
                                "VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, activity_id);
  sqlite3_bind_int64 (insert, 2, g_date_time_to_unix (when));
  sqlite3_bind_text (insert, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (insert, 4, score);

  return bc_database_step_done (db, insert, error);
}

/**
 * bc_psfs_score:
 * @score: 0 (unable) to 10 (as before the problem)
 * @when: (nullable): when it was scored, its day taken in its own time
 *   zone; %NULL for now, local
 *
 * Records a score; an activity keeps every score, the latest counts.
 */
gboolean
bc_psfs_score (BcDatabase  *db,
               gint64       activity_id,
               int          score,
               GDateTime   *when,
               GError     **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (score < 0 || score > 10)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                   _("An activity is scored from 0 to 10, not %d."), score);
      return FALSE;
    }

  if (when == NULL)
    when = now = g_date_time_new_now_local ();

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!insert_score (db, activity_id, score, when, error) || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_psfs_list_activities:
 *
 * Returns: (transfer full) (element-type BcPsfsActivity): the profile's
 *   followed (not retired) activities in the order they were added, each
 *   with its latest score, or %NULL with @error set
 */
GPtrArray *
bc_psfs_list_activities (BcDatabase  *db,
                         gint64       profile_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT a.id, a.name, "
                              "  (SELECT s.score FROM psfs_scores s WHERE s.activity_id = a.id "
                              "   ORDER BY s.time DESC, s.id DESC LIMIT 1) "
                              "FROM psfs_activities a "
                              "WHERE a.profile_id = ?1 AND a.archived = 0 "
                              "ORDER BY a.position, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_psfs_activity_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcPsfsActivity *activity = g_new0 (BcPsfsActivity, 1);

      activity->activity_id = sqlite3_column_int64 (stmt, 0);
      activity->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      activity->latest = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                         ? -1.0 : sqlite3_column_double (stmt, 2);
      g_ptr_array_add (activities, activity);
    }

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&activities);
}

/* Retires an activity: it keeps its scores but frees its place. */
gboolean
bc_psfs_archive_activity (BcDatabase  *db,
                          gint64       activity_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = bc_database_prepare (db,
                              "UPDATE psfs_activities SET archived = 1 "
                              "WHERE id = ?1 AND archived = 0",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!bc_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (bc_database_get_handle (db)) == 0)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND,
                   _("There is no activity %lld."), (long long)activity_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_psfs_daily:
 * @first_day: (nullable): the first local day, or %NULL from the start
 * @last_day: (nullable): the last local day, or %NULL to the end
 *
 * The PSFS score of each day on which activities were scored: the mean
 * of the activities scored that day, each by its last score of the day
 * (retired activities included, as they were scored then).
 *
 * Returns: (transfer full) (element-type BcPsfsDay): oldest first, or
 *   %NULL with @error set
 */
GArray *
bc_psfs_daily (BcDatabase  *db,
               gint64       profile_id,
               const char  *first_day,
               const char  *last_day,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_optional_day (first_day, error) || !check_optional_day (last_day, error))
    return NULL;

  stmt = bc_database_prepare (db,
                              "SELECT day, avg (score), count (*) FROM ("
                              "  SELECT s.day, s.score, row_number () OVER ("
                              "    PARTITION BY s.activity_id, s.day "
                              "    ORDER BY s.time DESC, s.id DESC) AS n "
                              "  FROM psfs_scores s JOIN psfs_activities a ON a.id = s.activity_id "
                              "  WHERE a.profile_id = ?1 AND s.day BETWEEN ?2 AND ?3) "
                              "WHERE n = 1 GROUP BY day ORDER BY day",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, first_day != NULL ? first_day : FIRST_DAY_EVER, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day != NULL ? last_day : LAST_DAY_EVER, -1, SQLITE_TRANSIENT);

  days = g_array_new (FALSE, TRUE, sizeof (BcPsfsDay));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcPsfsDay day = { { 0, }, };

      g_strlcpy (day.day, (const char *)sqlite3_column_text (stmt, 0), sizeof day.day);
      day.mean = sqlite3_column_double (stmt, 1);
      day.count = (guint)sqlite3_column_int64 (stmt, 2);
      g_array_append_val (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}
