/* bc-profile-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bc-profile-store.h"

/* A profile is one patient: "Me" at home, many at a clinic. Names are
 * unique regardless of case.
 */

G_DEFINE_QUARK (bc-profile-error-quark, bc_profile_error)

#define PROFILE_NAME_MAX 100

gint64
bc_profile_store_find (BcDatabase  *db,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bc_database_prepare (db, "SELECT id FROM profiles WHERE name = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return -1;
    }

  return 0;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0' || g_utf8_strlen (stripped, -1) > PROFILE_NAME_MAX ||
      !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_INVALID_NAME,
                   _("A profile name must have 1 to %d characters."), PROFILE_NAME_MAX);
      return FALSE;
    }

  return TRUE;
}

gint64
bc_profile_store_create (BcDatabase  *db,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  gint64 existing;
  int rc;

  if (!check_name (name, error))
    return -1;

  stripped = g_strstrip (g_strdup (name));
  existing = bc_profile_store_find (db, stripped, error);
  if (existing < 0)
    return -1;
  if (existing > 0)
    {
      g_set_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_EXISTS,
                   _("There is already a profile named “%s”."), stripped);
      return -1;
    }

  stmt = bc_database_prepare (db,
                              "INSERT INTO profiles (name, created_at) "
                              "VALUES (?1, CAST (strftime ('%s', 'now') AS INTEGER))",
                              error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return -1;
    }

  return sqlite3_last_insert_rowid (bc_database_get_handle (db));
}

/* Importing into an unknown name creates that profile. */
gint64
bc_profile_store_ensure (BcDatabase  *db,
                         const char  *name,
                         gboolean    *out_created,
                         GError     **error)
{
  gint64 id;

  if (out_created != NULL)
    *out_created = FALSE;

  if (!check_name (name, error))
    return -1;

  id = bc_profile_store_find (db, name, error);
  if (id != 0)
    return id;

  if (out_created != NULL)
    *out_created = TRUE;

  return bc_profile_store_create (db, name, error);
}

/* The profile a command works on: one that must already exist. */
gint64
bc_profile_store_resolve (BcDatabase  *db,
                          const char  *name,
                          GError     **error)
{
  gint64 id = bc_profile_store_find (db, name, error);

  if (id == 0)
    g_set_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_NOT_FOUND,
                 _("There is no profile named “%s”."), name);

  return id > 0 ? id : -1;
}

GStrv
bc_profile_store_list_names (BcDatabase  *db,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = bc_database_prepare (db, "SELECT name FROM profiles ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

char *
bc_profile_store_get_name (BcDatabase *db,
                           gint64      profile_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db, "SELECT name FROM profiles WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static gint64
count_rows (BcDatabase  *db,
            const char  *sql,
            gint64       profile_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      bc_database_set_error (db, sqlite3_errcode (bc_database_get_handle (db)), error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* What deleting the profile would take with it, in words for the
 * confirmation ("2 plans and 14 exercise records").
 */
char *
bc_profile_store_describe_data (BcDatabase  *db,
                                gint64       profile_id,
                                GError     **error)
{
  gint64 plans, records, sessions;

  plans = count_rows (db, "SELECT count(*) FROM plans WHERE profile_id = ?1", profile_id, error);
  sessions = count_rows (db, "SELECT count(*) FROM sessions WHERE profile_id = ?1", profile_id,
                         error);
  records = count_rows (db, "SELECT count(*) FROM exercise_records WHERE profile_id = ?1",
                        profile_id, error);
  if (plans < 0 || sessions < 0 || records < 0)
    return NULL;

  if (plans == 0 && sessions == 0 && records == 0)
    return g_strdup (_("It holds no plans or records yet."));

  {
    g_autofree char *plans_text = g_strdup_printf (g_dngettext (NULL, "%d plan (with its history)",
                                                                "%d plans (with their history)",
                                                                plans),
                                                   (int)plans);
    g_autofree char *sessions_text = g_strdup_printf (g_dngettext (NULL, "%d guided session",
                                                                   "%d guided sessions",
                                                                   sessions),
                                                      (int)sessions);
    g_autofree char *records_text = g_strdup_printf (g_dngettext (NULL, "%d exercise record",
                                                                  "%d exercise records",
                                                                  records),
                                                     (int)records);

    /* Translators: plans, sessions, records, as listed above */
    return g_strdup_printf (_("%s, %s and %s will be deleted."),
                            plans_text, sessions_text, records_text);
  }
}

/* Deletes the profile and, through the foreign keys, everything of it,
 * in one transaction. The last profile cannot be deleted.
 */
gboolean
bc_profile_store_delete (BcDatabase  *db,
                         gint64       profile_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) names = bc_profile_store_list_names (db, error);
  int rc;

  if (names == NULL)
    return FALSE;

  if (g_strv_length (names) <= 1)
    {
      g_set_error_literal (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_INVALID_NAME,
                           _("The last profile cannot be deleted."));
      return FALSE;
    }

  if (!bc_database_begin (db, error))
    return FALSE;

  stmt = bc_database_prepare (db, "DELETE FROM profiles WHERE id = ?1", error);
  if (stmt == NULL)
    {
      bc_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (bc_database_get_handle (db)) != 1)
    {
      if (rc != SQLITE_DONE)
        bc_database_set_error (db, rc, error);
      else
        g_set_error_literal (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_NOT_FOUND,
                             _("The profile no longer exists."));
      bc_database_rollback (db);
      return FALSE;
    }

  return bc_database_commit (db, error);
}
