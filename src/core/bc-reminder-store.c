/* bc-reminder-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-reminder-store.h"

/* Each write is a single INSERT, atomic on its own; a caller that needs
 * several writes to land together (a glass and the "done" it answers)
 * wraps them in bc_database_begin () / bc_database_commit ().
 */

#define WATER_ML_MAX 5000

static const char * const event_names[] = {
  "prompted",
  "done",
  "snoozed",
  "skipped",
};

G_STATIC_ASSERT (G_N_ELEMENTS (event_names) == BC_REMINDER_EVENT_SKIPPED + 1);

const char *
bc_reminder_event_to_string (BcReminderEvent event)
{
  g_return_val_if_fail (event <= BC_REMINDER_EVENT_SKIPPED, NULL);

  return event_names[event];
}

/* The day in @when's own zone: the caller's local time (the engine's
 * clock follows a change of zone; g_date_time_to_local () would not).
 */
static char *
format_day (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%d");
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  guint year, month, mday;
  char end;

  if (day != NULL &&
      sscanf (day, "%4u-%2u-%2u%c", &year, &month, &mday, &end) == 3 &&
      g_date_valid_dmy (mday, month, year))
    return TRUE;

  g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_FAILED,
               _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
  return FALSE;
}

/**
 * bc_reminder_store_record:
 * @when: the moment it happened, in local time; its day is the one it
 *   counts for
 * @detail: (nullable): for a snooze the unix time it snoozes to, for a
 *   stretch prompt the exercise it named, "away" for a reminder folded
 *   into the combined notice after a sleep
 */
gboolean
bc_reminder_store_record (BcDatabase       *db,
                          gint64            profile_id,
                          BcReminderKind    kind,
                          BcReminderEvent   event,
                          GDateTime        *when,
                          const char       *detail,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind < BC_N_REMINDERS, FALSE);
  g_return_val_if_fail (event <= BC_REMINDER_EVENT_SKIPPED, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = bc_database_prepare (db,
                              "INSERT INTO reminder_events (profile_id, kind, event, time, day, detail) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  day = format_day (when);
  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, bc_reminder_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, event_names[event], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (when));
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, detail != NULL ? detail : "", -1, SQLITE_TRANSIENT);

  return bc_database_step_done (db, stmt, error);
}

/**
 * bc_reminder_store_load_state:
 *
 * Fills last_prompted, last_done (done or skipped), snoozed_until and
 * water_today_ml; leaves every other field of @state as it was. A
 * snooze counts only while nothing happened to that reminder after it.
 *
 * After the clock was set back, events "after" @now do not count for
 * the repeating kinds (hydration, stretch): their interval runs from
 * the last event before now, so a prompt made now is seen at once. A
 * fixed-time reminder prompted "later" today stays prompted.
 */
gboolean
bc_reminder_store_load_state (BcDatabase       *db,
                              gint64            profile_id,
                              GDateTime        *now,
                              BcReminderState  *state,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  gint64 snoozed_at[BC_N_REMINDERS] = { 0, };
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < BC_N_REMINDERS; i++)
    {
      state->last_prompted[i] = 0;
      state->last_done[i] = 0;
      state->snoozed_until[i] = 0;
    }

  /* The latest event of each kind and type; the snooze's detail comes
   * from that same latest row (sqlite's bare-column rule for max()).
   */
  stmt = bc_database_prepare (db,
                              "SELECT kind, event, max (time), detail FROM reminder_events "
                              "WHERE profile_id = ?1 "
                              "  AND (time <= ?2 OR kind NOT IN ('hydration', 'stretch')) "
                              "GROUP BY kind, event",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (now));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *event = (const char *)sqlite3_column_text (stmt, 1);
      gint64 time = sqlite3_column_int64 (stmt, 2);
      BcReminderKind kind;

      if (!bc_reminder_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;

      if (g_strcmp0 (event, "prompted") == 0)
        state->last_prompted[kind] = MAX (state->last_prompted[kind], time);
      else if (g_strcmp0 (event, "done") == 0 || g_strcmp0 (event, "skipped") == 0)
        state->last_done[kind] = MAX (state->last_done[kind], time);
      else if (g_strcmp0 (event, "snoozed") == 0)
        {
          const char *detail = (const char *)sqlite3_column_text (stmt, 3);

          snoozed_at[kind] = time;
          state->snoozed_until[kind] = g_ascii_strtoll (detail != NULL ? detail : "", NULL, 10);
        }
    }

  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  for (guint i = 0; i < BC_N_REMINDERS; i++)
    {
      if (snoozed_at[i] < state->last_prompted[i] || snoozed_at[i] < state->last_done[i])
        state->snoozed_until[i] = 0;
    }

  today = format_day (now);
  state->water_today_ml = bc_reminder_store_water_on (db, profile_id, today, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  return TRUE;
}

/* Returns: how many times @event happened to @kind on @day. */
guint
bc_reminder_store_count (BcDatabase       *db,
                         gint64            profile_id,
                         BcReminderKind    kind,
                         BcReminderEvent   event,
                         const char       *day,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind < BC_N_REMINDERS, 0);
  g_return_val_if_fail (event <= BC_REMINDER_EVENT_SKIPPED, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_day (day, error))
    return 0;

  stmt = bc_database_prepare (db,
                              "SELECT count(*) FROM reminder_events "
                              "WHERE profile_id = ?1 AND day = ?2 AND kind = ?3 AND event = ?4",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bc_reminder_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, event_names[event], -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bc_database_set_error (db, rc, error);
      return 0;
    }

  return (guint)sqlite3_column_int64 (stmt, 0);
}

/* Returns: the time of the latest event of @kind (unix seconds), also
 * one "in the future" after the clock was set back; 0 when none.
 */
gint64
bc_reminder_store_latest_time (BcDatabase      *db,
                               gint64           profile_id,
                               BcReminderKind   kind,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind < BC_N_REMINDERS, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = bc_database_prepare (db,
                              "SELECT coalesce (max (time), 0) FROM reminder_events "
                              "WHERE profile_id = ?1 AND kind = ?2",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, bc_reminder_kind_to_string (kind), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bc_database_set_error (db, rc, error);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * bc_reminder_store_last_detail:
 *
 * Returns: (transfer full) (nullable): the detail of the latest @event
 *   of @kind that has one (other than "away"), or %NULL
 */
char *
bc_reminder_store_last_detail (BcDatabase       *db,
                               gint64            profile_id,
                               BcReminderKind    kind,
                               BcReminderEvent   event,
                               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < BC_N_REMINDERS, NULL);
  g_return_val_if_fail (event <= BC_REMINDER_EVENT_SKIPPED, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT detail FROM reminder_events "
                              "WHERE profile_id = ?1 AND kind = ?2 AND event = ?3 "
                              "  AND detail NOT IN ('', 'away') "
                              "ORDER BY time DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, bc_reminder_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, event_names[event], -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    bc_database_set_error (db, rc, error);

  return NULL;
}

/**
 * bc_reminder_store_add_water:
 * @day: the local day it counts for (a past day to correct it)
 * @ml: drunk, or negative to correct
 * @when: when it was entered
 */
gboolean
bc_reminder_store_add_water (BcDatabase  *db,
                             gint64       profile_id,
                             const char  *day,
                             int          ml,
                             GDateTime   *when,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_day (day, error))
    return FALSE;

  if (ml == 0 || ml < -WATER_ML_MAX || ml > WATER_ML_MAX)
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_FAILED,
                   _("An amount of water must be between −%d and %d ml and not 0."),
                   WATER_ML_MAX, WATER_ML_MAX);
      return FALSE;
    }

  stmt = bc_database_prepare (db,
                              "INSERT INTO water_intake (profile_id, day, time, ml) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (when));
  sqlite3_bind_int (stmt, 4, ml);

  return bc_database_step_done (db, stmt, error);
}

/* Returns: the water drunk on @day in ml (corrections included, never
 * below 0).
 */
guint
bc_reminder_store_water_on (BcDatabase  *db,
                            gint64       profile_id,
                            const char  *day,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 total;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_day (day, error))
    return 0;

  stmt = bc_database_prepare (db,
                              "SELECT coalesce (sum (ml), 0) FROM water_intake "
                              "WHERE profile_id = ?1 AND day = ?2",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bc_database_set_error (db, rc, error);
      return 0;
    }

  total = sqlite3_column_int64 (stmt, 0);
  return (guint)CLAMP (total, 0, G_MAXINT);
}
