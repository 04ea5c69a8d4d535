/* bc-pain-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-pain-store.h"
#include "bc-plan.h"

/* Pain log entries in sqlite, with the day column (the entry's local
 * day at its own UTC offset) stored beside the time, so a day of 23 or
 * 25 hours (daylight saving) still groups as one day in SQL. Lists are
 * paged and aggregates computed in SQL: no object per stored row.
 */

#define FIRST_DAY_EVER "0000-01-01"
#define LAST_DAY_EVER "9999-12-31"

#define ENTRY_COLUMNS \
  "id, time, utc_offset, intensity, areas, quality, numbness, tingling, radiating, sleep, " \
  "helped, note"

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

static char *
join_codes (char * const *codes)
{
  if (codes == NULL)
    return g_strdup ("");

  return g_strjoinv (";", (char **)codes);
}

static char **
split_codes (const unsigned char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit ((const char *)text, ";", -1);
}

/* Binds the entry's columns to ?2 … ?13, in the order of the tables's
 * columns after profile_id.
 */
static void
bind_entry (sqlite3_stmt      *stmt,
            const BcPainEntry *entry)
{
  sqlite3_bind_int64 (stmt, 2, entry->time);
  sqlite3_bind_int (stmt, 3, entry->utc_offset);
  sqlite3_bind_text (stmt, 4, bc_pain_entry_dup_day (entry), -1, g_free);
  sqlite3_bind_int (stmt, 5, entry->intensity);
  sqlite3_bind_text (stmt, 6, join_codes (entry->areas), -1, g_free);
  sqlite3_bind_text (stmt, 7, join_codes (entry->qualities), -1, g_free);
  sqlite3_bind_int (stmt, 8, entry->numbness ? 1 : 0);
  sqlite3_bind_int (stmt, 9, entry->tingling ? 1 : 0);
  sqlite3_bind_int (stmt, 10, entry->radiating ? 1 : 0);
  sqlite3_bind_text (stmt, 11, bc_pain_sleep_to_string (entry->sleep), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, join_codes (entry->helped), -1, g_free);
  sqlite3_bind_text (stmt, 13, entry->note != NULL ? entry->note : "", -1, SQLITE_TRANSIENT);
}

/* Reads a row selected with ENTRY_COLUMNS. */
static BcPainEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  BcPainEntry *entry = g_new0 (BcPainEntry, 1);
  const char *note;

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->time = sqlite3_column_int64 (stmt, 1);
  entry->utc_offset = sqlite3_column_int (stmt, 2);
  entry->intensity = sqlite3_column_int (stmt, 3);
  entry->areas = split_codes (sqlite3_column_text (stmt, 4));
  entry->qualities = split_codes (sqlite3_column_text (stmt, 5));
  entry->numbness = sqlite3_column_int (stmt, 6) != 0;
  entry->tingling = sqlite3_column_int (stmt, 7) != 0;
  entry->radiating = sqlite3_column_int (stmt, 8) != 0;
  if (!bc_pain_sleep_from_string ((const char *)sqlite3_column_text (stmt, 9), &entry->sleep))
    entry->sleep = BC_PAIN_SLEEP_UNKNOWN;
  entry->helped = split_codes (sqlite3_column_text (stmt, 10));
  note = (const char *)sqlite3_column_text (stmt, 11);
  entry->note = g_strdup (note != NULL ? note : "");

  return entry;
}

static sqlite3_stmt *
prepare_insert (BcDatabase  *db,
                GError     **error)
{
  return bc_database_prepare (db,
                              "INSERT INTO pain_entries (profile_id, time, utc_offset, day, "
                              "  intensity, areas, quality, numbness, tingling, radiating, "
                              "  sleep, helped, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
}

static gint64
insert_entry (BcDatabase         *db,
              sqlite3_stmt       *insert,
              gint64              profile_id,
              const BcPainEntry  *entry,
              GError            **error)
{
  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  sqlite3_bind_int64 (insert, 1, profile_id);
  bind_entry (insert, entry);

  if (!bc_database_step_done (db, insert, error))
    return 0;

  return sqlite3_last_insert_rowid (bc_database_get_handle (db));
}

/**
 * bc_pain_store_add:
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
bc_pain_store_add (BcDatabase         *db,
                   gint64              profile_id,
                   const BcPainEntry  *entry,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 id;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_profile (profile_id, error) || !bc_pain_entry_validate (entry, error))
    return 0;

  if (!bc_database_begin (db, error))
    return 0;

  insert = prepare_insert (db, error);
  id = insert != NULL ? insert_entry (db, insert, profile_id, entry, error) : 0;
  if (id == 0 || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return 0;
    }

  return id;
}

static gboolean
not_found (gint64   entry_id,
           GError **error)
{
  g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND,
               _("There is no pain log entry %lld."), (long long)entry_id);
  return FALSE;
}

/* Replaces everything but the id of the entry with @entry->id. */
gboolean
bc_pain_store_update (BcDatabase         *db,
                      gint64              profile_id,
                      const BcPainEntry  *entry,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_profile (profile_id, error) || !bc_pain_entry_validate (entry, error))
    return FALSE;

  if (!bc_database_begin (db, error))
    return FALSE;

  stmt = bc_database_prepare (db,
                              "UPDATE pain_entries SET time = ?2, utc_offset = ?3, day = ?4, "
                              "  intensity = ?5, areas = ?6, quality = ?7, numbness = ?8, "
                              "  tingling = ?9, radiating = ?10, sleep = ?11, helped = ?12, "
                              "  note = ?13 "
                              "WHERE profile_id = ?1 AND id = ?14",
                              error);
  if (stmt == NULL)
    {
      bc_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, profile_id);
  bind_entry (stmt, entry);
  sqlite3_bind_int64 (stmt, 14, entry->id);

  if (!bc_database_step_done (db, stmt, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  if (sqlite3_changes (bc_database_get_handle (db)) == 0)
    {
      bc_database_rollback (db);
      return not_found (entry->id, error);
    }

  if (!bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
bc_pain_store_delete (BcDatabase  *db,
                      gint64       profile_id,
                      gint64       entry_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bc_database_begin (db, error))
    return FALSE;

  stmt = bc_database_prepare (db,
                              "DELETE FROM pain_entries WHERE profile_id = ?1 AND id = ?2",
                              error);
  if (stmt == NULL)
    {
      bc_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);

  if (!bc_database_step_done (db, stmt, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  if (sqlite3_changes (bc_database_get_handle (db)) == 0)
    {
      bc_database_rollback (db);
      return not_found (entry_id, error);
    }

  if (!bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

BcPainEntry *
bc_pain_store_get (BcDatabase  *db,
                   gint64       profile_id,
                   gint64       entry_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " ENTRY_COLUMNS " FROM pain_entries "
                              "WHERE profile_id = ?1 AND id = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entry_from_row (stmt);

  if (rc == SQLITE_DONE)
    not_found (entry_id, error);
  else
    bc_database_set_error (db, rc, error);

  return NULL;
}

/* A LIKE pattern matching @query anywhere, with its own % and _ taken
 * literally; %NULL for no query.
 */
static char *
note_pattern (const char *query)
{
  GString *pattern;

  if (query == NULL || query[0] == '\0')
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

#define NOTE_MATCHES "(?2 IS NULL OR note LIKE ?2 ESCAPE '\\')"

/**
 * bc_pain_store_count:
 * @note_query: (nullable): only entries whose note contains this text
 *   (ASCII letters in either case), or %NULL or "" for all
 *
 * Returns: the number of entries, or 0 with @error set
 */
guint
bc_pain_store_count (BcDatabase  *db,
                     gint64       profile_id,
                     const char  *note_query,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = note_pattern (note_query);
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = bc_database_prepare (db,
                              "SELECT count (*) FROM pain_entries "
                              "WHERE profile_id = ?1 AND " NOTE_MATCHES,
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bc_database_set_error (db, rc, error);
      return 0;
    }

  return (guint)sqlite3_column_int64 (stmt, 0);
}

/**
 * bc_pain_store_list_page:
 * @note_query: (nullable): as for bc_pain_store_count ()
 * @offset: entries to skip, newest first
 * @limit: the most entries to return
 *
 * Returns: (transfer full): up to @limit entries, newest first (by time,
 *   then by id), or %NULL with @error set
 */
GPtrArray *
bc_pain_store_list_page (BcDatabase  *db,
                         gint64       profile_id,
                         const char  *note_query,
                         guint        offset,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *pattern = note_pattern (note_query);
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " ENTRY_COLUMNS " FROM pain_entries "
                              "WHERE profile_id = ?1 AND " NOTE_MATCHES " "
                              "ORDER BY time DESC, id DESC LIMIT ?3 OFFSET ?4",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);

  entries = g_ptr_array_new_full (MIN (limit, 1024), (GDestroyNotify)bc_pain_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Whether anything was logged on the local day @day (YYYY-MM-DD). */
gboolean
bc_pain_store_has_entry_on (BcDatabase  *db,
                            gint64       profile_id,
                            const char  *day,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (day == NULL)
    return check_optional_day ("", error);
  if (!check_optional_day (day, error))
    return FALSE;

  stmt = bc_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM pain_entries "
                              "  WHERE profile_id = ?1 AND day = ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bc_database_set_error (db, rc, error);

  return sqlite3_column_int (stmt, 0) != 0;
}

/**
 * bc_pain_store_daily:
 * @first_day: (nullable): the first local day, or %NULL from the start
 * @last_day: (nullable): the last local day, or %NULL to the end
 *
 * One #BcPainDay per local day with entries, oldest first; days without
 * entries are left out. The grouping is by the stored local day, so a
 * day with a daylight saving change is one day however long it was.
 *
 * Returns: (transfer full) (element-type BcPainDay): the days, or %NULL
 *   with @error set
 */
GArray *
bc_pain_store_daily (BcDatabase  *db,
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
                              "SELECT day, avg (intensity), min (intensity), max (intensity), "
                              "  count (*), max (numbness | tingling | radiating) "
                              "FROM pain_entries "
                              "WHERE profile_id = ?1 AND day BETWEEN ?2 AND ?3 "
                              "GROUP BY day ORDER BY day",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, first_day != NULL ? first_day : FIRST_DAY_EVER, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day != NULL ? last_day : LAST_DAY_EVER, -1, SQLITE_TRANSIENT);

  days = g_array_new (FALSE, TRUE, sizeof (BcPainDay));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcPainDay day = { { 0, }, };

      g_strlcpy (day.day, (const char *)sqlite3_column_text (stmt, 0), sizeof day.day);
      day.mean = sqlite3_column_double (stmt, 1);
      day.min = sqlite3_column_int (stmt, 2);
      day.max = sqlite3_column_int (stmt, 3);
      day.count = (guint)sqlite3_column_int64 (stmt, 4);
      day.red_flag = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (days, day);
    }

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/**
 * bc_pain_store_range:
 * @out_first_day: (out) (transfer full): the first local day with an entry
 * @out_last_day: (out) (transfer full): the last local day with an entry
 *
 * Returns: %TRUE with both days set when the profile has entries;
 *   %FALSE with both set to %NULL when it has none, or with @error set
 */
gboolean
bc_pain_store_range (BcDatabase  *db,
                     gint64       profile_id,
                     char       **out_first_day,
                     char       **out_last_day,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_first_day != NULL)
    *out_first_day = NULL;
  if (out_last_day != NULL)
    *out_last_day = NULL;

  stmt = bc_database_prepare (db,
                              "SELECT min (day), max (day) FROM pain_entries "
                              "WHERE profile_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bc_database_set_error (db, rc, error);

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;

  if (out_first_day != NULL)
    *out_first_day = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (out_last_day != NULL)
    *out_last_day = g_strdup ((const char *)sqlite3_column_text (stmt, 1));

  return TRUE;
}

/**
 * bc_pain_store_foreach:
 * @first_day: (nullable): the first local day, or %NULL from the start
 * @last_day: (nullable): the last local day, or %NULL to the end
 * @func: called with each entry, oldest first (by time, then id); it
 *   must not write to @db
 *
 * Streams entries one at a time, for exports and reports.
 */
gboolean
bc_pain_store_foreach (BcDatabase       *db,
                       gint64            profile_id,
                       const char       *first_day,
                       const char       *last_day,
                       BcPainEntryFunc   func,
                       gpointer          user_data,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_optional_day (first_day, error) || !check_optional_day (last_day, error))
    return FALSE;

  stmt = bc_database_prepare (db,
                              "SELECT " ENTRY_COLUMNS " FROM pain_entries "
                              "WHERE profile_id = ?1 AND day BETWEEN ?2 AND ?3 "
                              "ORDER BY time, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, first_day != NULL ? first_day : FIRST_DAY_EVER, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day != NULL ? last_day : LAST_DAY_EVER, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BcPainEntry) entry = entry_from_row (stmt);

      if (!func (entry, user_data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  return TRUE;
}

static gboolean
query_max_id (BcDatabase  *db,
              gint64      *out_max_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bc_database_prepare (db, "SELECT coalesce (max (id), 0) FROM pain_entries", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bc_database_set_error (db, rc, error);

  *out_max_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
is_known_entry (BcDatabase         *db,
                sqlite3_stmt       *find,
                gint64              profile_id,
                gint64              max_id,
                const BcPainEntry  *entry,
                gboolean           *out_known,
                GError            **error)
{
  int rc;

  sqlite3_reset (find);
  sqlite3_bind_int64 (find, 1, profile_id);
  sqlite3_bind_int64 (find, 2, entry->time);
  sqlite3_bind_int (find, 3, entry->intensity);
  sqlite3_bind_text (find, 4, entry->note != NULL ? entry->note : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (find, 5, max_id);

  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  *out_known = rc == SQLITE_ROW;
  sqlite3_reset (find);
  return TRUE;
}

static gboolean
add_all_in_transaction (BcDatabase           *db,
                        gint64                profile_id,
                        BcPainEntryNextFunc   next,
                        gpointer              user_data,
                        guint                *added,
                        guint                *skipped,
                        GError              **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 max_id = 0;

  if (!query_max_id (db, &max_id, error))
    return FALSE;

  /* Only entries from before this call count as known, so two equal
   * rows in one import are both kept, as they were in the file.
   */
  find = bc_database_prepare (db,
                              "SELECT 1 FROM pain_entries "
                              "WHERE profile_id = ?1 AND time = ?2 AND intensity = ?3 "
                              "  AND note = ?4 AND id <= ?5 LIMIT 1",
                              error);
  if (find == NULL)
    return FALSE;

  insert = prepare_insert (db, error);
  if (insert == NULL)
    return FALSE;

  for (;;)
    {
      const BcPainEntry *entry = NULL;
      gboolean known = FALSE;

      if (!next (user_data, &entry, error))
        return FALSE;
      if (entry == NULL)
        return TRUE;

      if (!bc_pain_entry_validate (entry, error) ||
          !is_known_entry (db, find, profile_id, max_id, entry, &known, error))
        return FALSE;

      if (known)
        {
          (*skipped)++;
          continue;
        }

      if (insert_entry (db, insert, profile_id, entry, error) == 0)
        return FALSE;
      (*added)++;
    }
}

/**
 * bc_pain_store_add_all:
 * @next: hands out the entries to add, one at a time
 * @out_added: (out) (optional): how many were added
 * @out_skipped: (out) (optional): how many were already there
 *
 * Adds many entries in one transaction: all of them, or none when one
 * is invalid or @next fails. An entry whose time, intensity and note
 * equal those of an entry the profile already had is skipped, so
 * importing the same file twice adds nothing the second time.
 */
gboolean
bc_pain_store_add_all (BcDatabase           *db,
                       gint64                profile_id,
                       BcPainEntryNextFunc   next,
                       gpointer              user_data,
                       guint                *out_added,
                       guint                *out_skipped,
                       GError              **error)
{
  guint added = 0;
  guint skipped = 0;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (next != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_profile (profile_id, error))
    return FALSE;

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!add_all_in_transaction (db, profile_id, next, user_data, &added, &skipped, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  if (out_added != NULL)
    *out_added = added;
  if (out_skipped != NULL)
    *out_skipped = skipped;
  return TRUE;
}
