/* bc-pain-overlays.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-overlays"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-appointment-store.h"
#include "bc-pain-overlays.h"

/* Adherence is one query grouped by day and exercise in SQL, compared
 * with the plan's weekly schedule day by day; no object per record.
 *
 * Appointments arrive with a later schema: until the table exists the
 * chart and the report simply have none. The columns are looked up by
 * name so that this code neither fails on an older database nor needs
 * the appointment store.
 */

#define DAYS_IN_WEEK 7

static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

guint32
bc_day_to_number (const char *iso_day)
{
  guint year, month, day;

  if (iso_day == NULL || sscanf (iso_day, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  return julian_from_dmy (day, month, year);
}

/* GDate has no direct Julian→DMY helper without an object. */
char *
bc_day_from_number (guint32 number)
{
  GDate date;

  if (!g_date_valid_julian (number))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

guint32
bc_day_number_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return julian_from_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
}

/* The local day of @unix_time plus the fraction of it that had passed. */
double
bc_day_number_of_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  double seconds;

  if (local == NULL)
    return 0;

  seconds = g_date_time_get_hour (local) * 3600.0 + g_date_time_get_minute (local) * 60.0 +
            g_date_time_get_second (local);
  return julian_from_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                          g_date_time_get_year (local)) + seconds / 86400.0;
}

/* The refs due on each weekday (Monday first), from the plan's start. */
typedef struct
{
  GPtrArray *due[DAYS_IN_WEEK];
  guint32    start;
} Schedule;

static void
schedule_init (Schedule *schedule,
               BcPlan   *plan)
{
  GListModel *items = plan != NULL ? G_LIST_MODEL (bc_plan_get_items (plan)) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint d = 0; d < DAYS_IN_WEEK; d++)
    schedule->due[d] = g_ptr_array_new_with_free_func (g_free);
  schedule->start = plan != NULL ? bc_day_to_number (bc_plan_get_start_date (plan)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcDays days = bc_plan_item_get_dosage (item)->days;

      for (guint d = 0; d < DAYS_IN_WEEK; d++)
        {
          if ((days & (1 << d)) != 0)
            g_ptr_array_add (schedule->due[d], g_strdup (bc_plan_item_get_exercise_ref (item)));
        }
    }
}

static void
schedule_clear (Schedule *schedule)
{
  for (guint d = 0; d < DAYS_IN_WEEK; d++)
    g_clear_pointer (&schedule->due[d], g_ptr_array_unref);
}

static gboolean
is_due (GPtrArray  *due,
        const char *ref)
{
  for (guint i = 0; i < due->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (due, i), ref))
        return TRUE;
    }

  return FALSE;
}

/**
 * bc_adherence_daily:
 * @plan: (nullable): the plan whose schedule counts; without one
 *   nothing is due and every exercise done is extra
 * @first_day: the first local day
 * @last_day: the last local day, at most about 30 years later
 *
 * One #BcAdherenceDay for every calendar day of the range, oldest
 * first. Each exercise counts once a day, however often it was done.
 * Days before the plan started have nothing due.
 *
 * Returns: (transfer full) (element-type BcAdherenceDay): the days, or
 *   %NULL with @error set
 */
GArray *
bc_adherence_daily (BcDatabase  *db,
                    gint64       profile_id,
                    BcPlan      *plan,
                    const char  *first_day,
                    const char  *last_day,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  guint32 first = bc_day_to_number (first_day);
  guint32 last = bc_day_to_number (last_day);
  Schedule schedule;
  GDate date;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan == NULL || BC_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (first == 0 || last == 0 || last < first || last - first > 366 * 30)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” to “%s” is not a range of days."), first_day ? first_day : "",
                   last_day ? last_day : "");
      return NULL;
    }

  days = g_array_sized_new (FALSE, TRUE, sizeof (BcAdherenceDay), last - first + 1);
  g_array_set_size (days, last - first + 1);

  schedule_init (&schedule, plan);
  g_date_clear (&date, 1);
  for (guint32 n = first; n <= last; n++)
    {
      BcAdherenceDay *day = &g_array_index (days, BcAdherenceDay, n - first);
      g_autofree char *iso = bc_day_from_number (n);

      g_strlcpy (day->day, iso, sizeof day->day);
      g_date_set_julian (&date, n);
      if (n >= schedule.start)
        day->due = schedule.due[g_date_get_weekday (&date) - G_DATE_MONDAY]->len;
    }

  stmt = bc_database_prepare (db,
                              "SELECT day, exercise_ref FROM exercise_records "
                              "WHERE profile_id = ?1 AND skipped = 0 AND day BETWEEN ?2 AND ?3 "
                              "GROUP BY day, exercise_ref",
                              error);
  if (stmt == NULL)
    {
      schedule_clear (&schedule);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 n = bc_day_to_number ((const char *)sqlite3_column_text (stmt, 0));
      const char *ref = (const char *)sqlite3_column_text (stmt, 1);
      BcAdherenceDay *day;

      if (n < first || n > last || ref == NULL)
        continue;

      day = &g_array_index (days, BcAdherenceDay, n - first);
      g_date_set_julian (&date, n);
      if (n >= schedule.start &&
          is_due (schedule.due[g_date_get_weekday (&date) - G_DATE_MONDAY], ref))
        day->done++;
      else
        day->extra++;
    }

  schedule_clear (&schedule);

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/**
 * bc_adherence_total:
 *
 * Sums what was due and done over @days.
 *
 * Returns: %TRUE when anything was due
 */
gboolean
bc_adherence_total (const BcAdherenceDay *days,
                    guint                 n_days,
                    guint                *out_due,
                    guint                *out_done)
{
  guint due = 0, done = 0;

  for (guint i = 0; i < n_days; i++)
    {
      due += days[i].due;
      done += days[i].done;
    }

  if (out_due != NULL)
    *out_due = due;
  if (out_done != NULL)
    *out_done = done;

  return due > 0;
}

/* Appointments */

typedef struct
{
  char *time;
  char *pain_before;
  char *pain_after;
  char *label;
  char *status;
  gboolean profile;
} AppointmentColumns;

static void
appointment_columns_clear (AppointmentColumns *columns)
{
  g_free (columns->time);
  g_free (columns->pain_before);
  g_free (columns->pain_after);
  g_free (columns->label);
  g_free (columns->status);
}

static gboolean
find_appointment_columns (BcDatabase         *db,
                          AppointmentColumns *columns)
{
  static const char * const time_names[] = {
    "starts_at", "start_time", "start_at", "start", "time", "dtstart", NULL,
  };
  static const char * const label_names[] = { "modality", "therapist", "title", NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint time_rank = G_MAXUINT, label_rank = G_MAXUINT;

  memset (columns, 0, sizeof *columns);

  stmt = bc_database_prepare (db, "SELECT name FROM pragma_table_info ('appointments')", NULL);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      if (name == NULL)
        continue;

      for (guint i = 0; time_names[i] != NULL; i++)
        if (i < time_rank && g_ascii_strcasecmp (name, time_names[i]) == 0)
          {
            g_free (columns->time);
            columns->time = g_strdup (name);
            time_rank = i;
          }

      for (guint i = 0; label_names[i] != NULL; i++)
        if (i < label_rank && g_ascii_strcasecmp (name, label_names[i]) == 0)
          {
            g_free (columns->label);
            columns->label = g_strdup (name);
            label_rank = i;
          }

      if (g_ascii_strcasecmp (name, "pain_before") == 0)
        columns->pain_before = g_strdup (name);
      else if (g_ascii_strcasecmp (name, "pain_after") == 0)
        columns->pain_after = g_strdup (name);
      else if (g_ascii_strcasecmp (name, "status") == 0)
        columns->status = g_strdup (name);
      else if (g_ascii_strcasecmp (name, "profile_id") == 0)
        columns->profile = TRUE;
    }

  return columns->time != NULL;
}

/**
 * bc_appointments_available:
 *
 * Returns: %TRUE when the database has an appointments table the chart
 *   can read
 */
gboolean
bc_appointments_available (BcDatabase *db)
{
  AppointmentColumns columns;
  gboolean found;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);

  found = find_appointment_columns (db, &columns);
  appointment_columns_clear (&columns);
  return found;
}

static void
appointment_mark_clear (gpointer data)
{
  BcAppointmentMark *mark = data;

  g_clear_pointer (&mark->label, g_free);
}

static gboolean
column_time (sqlite3_stmt *stmt,
             int           column,
             gint64       *out_time)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_INTEGER)
    {
      *out_time = sqlite3_column_int64 (stmt, column);
      return TRUE;
    }

  if (sqlite3_column_type (stmt, column) == SQLITE_TEXT)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) parsed =
        g_date_time_new_from_iso8601 ((const char *)sqlite3_column_text (stmt, column), local);

      if (parsed != NULL)
        {
          *out_time = g_date_time_to_unix (parsed);
          return TRUE;
        }
    }

  return FALSE;
}

static int
column_pain (sqlite3_stmt *stmt,
             int           column)
{
  int pain;

  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return -1;

  pain = sqlite3_column_int (stmt, column);
  return pain >= 0 && pain <= 10 ? pain : -1;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = ((const BcAppointmentMark *)a)->time;
  gint64 tb = ((const BcAppointmentMark *)b)->time;

  return ta < tb ? -1 : ta > tb;
}

/**
 * bc_appointments_list_marks:
 * @first_day: (nullable): the first local day, or %NULL from the start
 * @last_day: (nullable): the last local day, or %NULL to the end
 *
 * The profile's appointments in the range, oldest first, leaving out
 * cancelled and missed ones. Without an appointments table the list is
 * empty, not an error.
 *
 * Returns: (transfer full) (element-type BcAppointmentMark): the marks,
 *   or %NULL with @error set
 */
GArray *
bc_appointments_list_marks (BcDatabase  *db,
                            gint64       profile_id,
                            const char  *first_day,
                            const char  *last_day,
                            GError     **error)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (BcAppointmentMark));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = NULL;
  guint32 first = first_day != NULL ? bc_day_to_number (first_day) : 0;
  guint32 last = last_day != NULL ? bc_day_to_number (last_day) : G_MAXUINT32;
  AppointmentColumns columns;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (marks, appointment_mark_clear);

  if (!find_appointment_columns (db, &columns))
    {
      appointment_columns_clear (&columns);
      return g_steal_pointer (&marks);
    }

  /* The names come from the schema itself, quoted all the same. */
  sql = g_string_new ("SELECT ");
  g_string_append_printf (sql, "\"%s\", %s%s%s, %s%s%s, %s%s%s FROM appointments",
                          columns.time,
                          columns.pain_before ? "\"" : "",
                          columns.pain_before ? columns.pain_before : "NULL",
                          columns.pain_before ? "\"" : "",
                          columns.pain_after ? "\"" : "",
                          columns.pain_after ? columns.pain_after : "NULL",
                          columns.pain_after ? "\"" : "",
                          columns.label ? "\"" : "",
                          columns.label ? columns.label : "NULL",
                          columns.label ? "\"" : "");
  g_string_append (sql, columns.profile ? " WHERE profile_id = ?1" : " WHERE ?1 IS NOT NULL");
  if (columns.status != NULL)
    g_string_append_printf (sql, " AND coalesce (\"%s\", '') NOT IN ('cancelled', 'missed')",
                            columns.status);
  appointment_columns_clear (&columns);

  stmt = bc_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcAppointmentMark mark = { 0, };
      guint32 day;

      if (!column_time (stmt, 0, &mark.time))
        continue;

      day = (guint32)bc_day_number_of_time (mark.time);
      if (day < first || day > last)
        continue;

      mark.pain_before = column_pain (stmt, 1);
      mark.pain_after = column_pain (stmt, 2);
      if (sqlite3_column_type (stmt, 3) == SQLITE_TEXT && sqlite3_column_bytes (stmt, 3) > 0)
        {
          const char *code = (const char *)sqlite3_column_text (stmt, 3);
          const char *label = code ? bc_appointment_code_get_label (code) : NULL;

          /* Modality codes read as their translated names. */
          mark.label = g_strdup (label ? label : code);
        }
      g_array_append_val (marks, mark);
    }

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  /* Oldest first whatever the table's order. */
  g_array_sort (marks, compare_marks);

  return g_steal_pointer (&marks);
}
