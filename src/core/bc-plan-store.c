/* bc-plan-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-store"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-plan-file.h"
#include "bc-plan-store.h"

/* Plans in sqlite. A profile has at most one active plan; a replaced
 * plan stays as an inactive row, and the first edit of each day keeps a
 * snapshot of the plan as it was, so a clinician can see what changed.
 */

void
bc_plan_version_free (BcPlanVersion *version)
{
  g_free (version->day);
  g_free (version->snapshot);
  g_free (version);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

static gboolean
load_items (BcDatabase  *db,
            BcPlan      *plan,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListStore *items = bc_plan_get_items (plan);
  int rc;

  stmt = bc_database_prepare (db,
                              "SELECT exercise_ref, sets, reps, hold_seconds, rest_seconds, "
                              "  times_per_day, days, notes "
                              "FROM plan_items WHERE plan_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bc_plan_get_id (plan));
  g_list_store_remove_all (items);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BcPlanItem) item = NULL;
      BcDosage dosage = {
        .sets = sqlite3_column_int (stmt, 1),
        .reps = sqlite3_column_int (stmt, 2),
        .hold_seconds = sqlite3_column_int (stmt, 3),
        .rest_seconds = sqlite3_column_int (stmt, 4),
        .times_per_day = sqlite3_column_int (stmt, 5),
        .days = sqlite3_column_int (stmt, 6),
      };

      item = bc_plan_item_new ((const char *)sqlite3_column_text (stmt, 0), &dosage,
                               (const char *)sqlite3_column_text (stmt, 7));
      g_list_store_append (items, item);
    }

  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  return TRUE;
}

static BcPlan *
load_where (BcDatabase  *db,
            const char  *where,
            gint64       key,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(BcPlan) plan = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *start = NULL;
  g_autofree char *review = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id, title, clinician, start_date, review_date, notes "
                         "FROM plans WHERE %s", where);
  stmt = bc_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  plan = bc_plan_new ((const char *)sqlite3_column_text (stmt, 1));
  bc_plan_set_id (plan, sqlite3_column_int64 (stmt, 0));
  bc_plan_set_clinician (plan, (const char *)sqlite3_column_text (stmt, 2));
  start = column_dup (stmt, 3);
  review = column_dup (stmt, 4);
  bc_plan_set_start_date (plan, start);
  bc_plan_set_review_date (plan, review);
  bc_plan_set_notes (plan, (const char *)sqlite3_column_text (stmt, 5));

  if (!load_items (db, plan, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/**
 * bc_plan_store_load_active:
 *
 * Returns: (nullable): the profile's plan, or %NULL without an error
 *   when it has none
 */
BcPlan *
bc_plan_store_load_active (BcDatabase  *db,
                           gint64       profile_id,
                           GError     **error)
{
  return load_where (db, "profile_id = ?1 AND active = 1", profile_id, error);
}

BcPlan *
bc_plan_store_load (BcDatabase  *db,
                    gint64       plan_id,
                    GError     **error)
{
  return load_where (db, "id = ?1", plan_id, error);
}

static gboolean
write_items (BcDatabase  *db,
             BcPlan      *plan,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  guint n = g_list_model_get_n_items (items);

  clear = bc_database_prepare (db, "DELETE FROM plan_items WHERE plan_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, bc_plan_get_id (plan));
  if (!bc_database_step_done (db, clear, error))
    return FALSE;

  insert = bc_database_prepare (db,
                                "INSERT INTO plan_items (plan_id, position, exercise_ref, sets, "
                                "  reps, hold_seconds, rest_seconds, times_per_day, days, notes) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      const BcDosage *dosage = bc_plan_item_get_dosage (item);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, bc_plan_get_id (plan));
      sqlite3_bind_int (insert, 2, i);
      sqlite3_bind_text (insert, 3, bc_plan_item_get_exercise_ref (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, dosage->sets);
      sqlite3_bind_int (insert, 5, dosage->reps);
      sqlite3_bind_int (insert, 6, dosage->hold_seconds);
      sqlite3_bind_int (insert, 7, dosage->rest_seconds);
      sqlite3_bind_int (insert, 8, dosage->times_per_day);
      sqlite3_bind_int (insert, 9, dosage->days);
      sqlite3_bind_text (insert, 10, bc_plan_item_get_notes (item), -1, SQLITE_TRANSIENT);

      if (!bc_database_step_done (db, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* Keeps the plan as it was before today's first change. */
static gboolean
snapshot_before_change (BcDatabase  *db,
                        gint64       plan_id,
                        const char  *day,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(BcPlan) previous = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  gsize length;
  const char *data;

  previous = bc_plan_store_load (db, plan_id, error);
  if (previous == NULL)
    return error == NULL || *error == NULL;

  snapshot = bc_plan_file_serialize (previous, NULL, error);
  if (snapshot == NULL)
    return FALSE;

  stmt = bc_database_prepare (db,
                              "INSERT OR IGNORE INTO plan_versions (plan_id, day, saved_at, snapshot) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  data = g_bytes_get_data (snapshot, &length);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
  sqlite3_bind_text (stmt, 4, data, length, SQLITE_TRANSIENT);

  return bc_database_step_done (db, stmt, error);
}

/**
 * bc_plan_store_save_in_transaction:
 *
 * Saves @plan for @profile_id inside the caller's transaction. A plan
 * without an id replaces the active plan, which is kept, inactive; a
 * plan with an id is updated after a snapshot of its earlier state.
 */
gboolean
bc_plan_store_save_in_transaction (BcDatabase  *db,
                                   gint64       profile_id,
                                   BcPlan      *plan,
                                   GDateTime   *now,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *day = NULL;
  gint64 timestamp;

  g_return_val_if_fail (BC_IS_PLAN (plan), FALSE);

  if (!bc_plan_validate (plan, error))
    return FALSE;

  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  day = g_date_time_format (local_now, "%Y-%m-%d");
  timestamp = g_date_time_to_unix (local_now);

  if (bc_plan_get_id (plan) == 0)
    {
      g_autoptr(sqlite3_stmt) retire = NULL;
      g_autoptr(BcPlan) replaced = bc_plan_store_load_active (db, profile_id, error);

      if (replaced == NULL && error != NULL && *error != NULL)
        return FALSE;

      /* The replaced plan stays readable in the history. */
      if (replaced != NULL &&
          !snapshot_before_change (db, bc_plan_get_id (replaced), day, local_now, error))
        return FALSE;

      retire = bc_database_prepare (db,
                                    "UPDATE plans SET active = 0, updated_at = ?2 "
                                    "WHERE profile_id = ?1 AND active = 1",
                                    error);
      if (retire == NULL)
        return FALSE;
      sqlite3_bind_int64 (retire, 1, profile_id);
      sqlite3_bind_int64 (retire, 2, timestamp);
      if (!bc_database_step_done (db, retire, error))
        return FALSE;

      stmt = bc_database_prepare (db,
                                  "INSERT INTO plans (profile_id, title, clinician, start_date, "
                                  "  review_date, notes, active, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)",
                                  error);
    }
  else
    {
      if (!snapshot_before_change (db, bc_plan_get_id (plan), day, local_now, error))
        return FALSE;

      stmt = bc_database_prepare (db,
                                  "UPDATE plans SET title = ?2, clinician = ?3, start_date = ?4, "
                                  "  review_date = ?5, notes = ?6, updated_at = ?7 "
                                  "WHERE id = ?8 AND profile_id = ?1",
                                  error);
    }

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, bc_plan_get_title (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bc_plan_get_clinician (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bc_plan_get_start_date (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, bc_plan_get_review_date (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, bc_plan_get_notes (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, timestamp);
  if (bc_plan_get_id (plan) != 0)
    sqlite3_bind_int64 (stmt, 8, bc_plan_get_id (plan));

  if (!bc_database_step_done (db, stmt, error))
    return FALSE;

  if (bc_plan_get_id (plan) == 0)
    bc_plan_set_id (plan, sqlite3_last_insert_rowid (bc_database_get_handle (db)));

  return write_items (db, plan, error);
}

/* One transaction per write: the plan and all its items, or nothing. */
gboolean
bc_plan_store_save (BcDatabase  *db,
                    gint64       profile_id,
                    BcPlan      *plan,
                    GDateTime   *now,
                    GError     **error)
{
  gint64 old_id = bc_plan_get_id (plan);

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!bc_plan_store_save_in_transaction (db, profile_id, plan, now, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      bc_plan_set_id (plan, old_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_plan_store_list_versions:
 *
 * The profile's earlier plans and the daily snapshots of edits, newest
 * first, each as a backcare-plan document.
 */
GPtrArray *
bc_plan_store_list_versions (BcDatabase  *db,
                             gint64       profile_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_plan_version_free);
  int rc;

  stmt = bc_database_prepare (db,
                              "SELECT v.plan_id, v.day, v.snapshot, p.active "
                              "FROM plan_versions v JOIN plans p ON p.id = v.plan_id "
                              "WHERE p.profile_id = ?1 ORDER BY v.saved_at DESC, v.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcPlanVersion *version = g_new0 (BcPlanVersion, 1);

      version->plan_id = sqlite3_column_int64 (stmt, 0);
      version->day = column_dup (stmt, 1);
      version->snapshot = column_dup (stmt, 2);
      version->active = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (versions, version);
    }

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}
