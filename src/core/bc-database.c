/* bc-database.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bc-data-dir.h"
#include "bc-database.h"
#include "bc-migrations.h"

/* 'BCar': marks the file as ours, so another program's sqlite file is
 * recognised and left alone.
 */
#define BC_APPLICATION_ID 0x42436172

#define FILE_MODE 0600
#define BUSY_TIMEOUT_MS 5000

struct _BcDatabase
{
  GObject  parent_instance;

  char    *data_dir;
  char    *path;
  sqlite3 *db;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (BcDatabase, bc_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-database-error-quark, bc_database_error)

static void
bc_database_finalize (GObject *object)
{
  BcDatabase *self = (BcDatabase *)object;

  if (self->db != NULL)
    {
      /* Closing the last connection checkpoints the WAL into the file. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (bc_database_parent_class)->finalize (object);
}

static void
bc_database_class_init (BcDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_database_finalize;
}

static void
bc_database_init (BcDatabase *self)
{
}

static BcDatabaseError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return BC_DATABASE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return BC_DATABASE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return BC_DATABASE_ERROR_READ_ONLY;
    default:
      return BC_DATABASE_ERROR_FAILED;
    }
}

static const char *
describe_sqlite_error (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return _("The file is not a BackCare database.");
    case SQLITE_CORRUPT:
      return _("The file is damaged.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return _("The file cannot be written.");
    case SQLITE_FULL:
      return _("The disk is full.");
    case SQLITE_IOERR:
      return _("The file could not be read or written.");
    default:
      return _("The database reported an error.");
    }
}

static gboolean
set_error_from_handle (sqlite3  *db,
                       int       rc,
                       GError  **error)
{
  BcDatabaseError code = error_code_from_sqlite (rc);

  /* sqlite's own words only add something to the generic cases. */
  if (code == BC_DATABASE_ERROR_NOT_DATABASE || code == BC_DATABASE_ERROR_CORRUPT)
    g_set_error_literal (error, BC_DATABASE_ERROR, code, describe_sqlite_error (rc));
  else
    g_set_error (error, BC_DATABASE_ERROR, code,
                 "%s (%s)", describe_sqlite_error (rc),
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
bc_database_set_error (BcDatabase  *self,
                       int          rc,
                       GError     **error)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), FALSE);

  return set_error_from_handle (self->db, rc, error);
}

static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error_from_handle (db, rc, error);

  return TRUE;
}

/* Runs a single-row integer query; the first step is where sqlite first
 * reads the file, so damage shows up here.
 */
static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_handle (db, rc, error);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_error_from_handle (db, rc, error);

  *out_value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Creates the file ourselves so it is 0600 from its first byte; sqlite
 * then gives its -wal and -shm files the same mode.
 */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FILE_MODE);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("The data file “%s” could not be created: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Checks everything that can be checked without writing, so a file that
 * is not ours, damaged or from a newer BackCare is left byte for byte
 * as it was.
 */
static gboolean
validate (sqlite3     *db,
          int         *out_version,
          GError     **error)
{
  int application_id = 0;
  int n_objects = 0;
  int version = 0;

  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (application_id != BC_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    {
      g_set_error_literal (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_NOT_DATABASE,
                           _("The file is an SQLite database, but not one made by BackCare."));
      return FALSE;
    }

  if (version > BC_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_NEWER_VERSION,
                   _("The data was saved by a newer version of BackCare (data format %d; "
                     "this version reads up to %d). Update BackCare to open it."),
                   version, BC_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

static gboolean
configure (sqlite3     *db,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;
  int rc;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_error_from_handle (db, rc, error);

  mode = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_READ_ONLY,
                   _("The data file cannot be written (journal mode “%s”)."),
                   mode != NULL ? mode : "?");
      return FALSE;
    }

  return exec_on (db,
                  "PRAGMA foreign_keys = ON;"
                  "PRAGMA secure_delete = ON;"
                  "PRAGMA synchronous = NORMAL;",
                  error);
}

static gboolean
migrate (BcDatabase  *self,
         int          from_version,
         int          to_version,
         GError     **error)
{
  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *set_version = NULL;

      if (!bc_database_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                     BC_APPLICATION_ID, version);

      if (!bc_migrations_run_step (self, version, &local_error) ||
          !bc_database_exec (self, set_version, &local_error) ||
          !bc_database_commit (self, &local_error))
        {
          bc_database_rollback (self);
          g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_MIGRATION,
                       _("The data could not be upgraded to format %d: %s"),
                       version, local_error->message);
          return FALSE;
        }

      self->schema_version = version;
    }

  return TRUE;
}

BcDatabase *
bc_database_open_at_version (const char  *data_dir,
                             int          target_version,
                             GError     **error)
{
  g_autoptr(BcDatabase) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (target_version >= 0 && target_version <= BC_DATABASE_SCHEMA_VERSION, NULL);

  if (!bc_data_dir_ensure (data_dir, error))
    return NULL;

  self = g_object_new (BC_TYPE_DATABASE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, BC_DATABASE_FILE_NAME, NULL);

  if (!create_private_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (self->db, rc, error);
      return NULL;
    }

  if (!validate (self->db, &version, error))
    return NULL;

  self->schema_version = version;

  if (!configure (self->db, error))
    return NULL;

  if (g_chmod (self->path, FILE_MODE) != 0)
    g_warning ("Could not restrict permissions of the data file: %s", g_strerror (errno));

  if (version < target_version)
    {
      /* Keep the previous format around until the upgrade has been used. */
      if (version > 0)
        {
          g_autofree char *reason = g_strdup_printf ("before-v%d", target_version);
          g_autofree char *backup = bc_database_backup (self, reason, error);

          if (backup == NULL)
            return NULL;
        }

      if (!migrate (self, version, target_version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * bc_database_open:
 * @data_dir: the folder holding backcare.db
 *
 * Opens, creating if needed, and upgrades the database. On failure the
 * file is left untouched and @error says why, in words for the user.
 */
BcDatabase *
bc_database_open (const char  *data_dir,
                  GError     **error)
{
  return bc_database_open_at_version (data_dir, BC_DATABASE_SCHEMA_VERSION, error);
}

const char *
bc_database_get_data_dir (BcDatabase *self)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), NULL);

  return self->data_dir;
}

const char *
bc_database_get_path (BcDatabase *self)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
bc_database_get_handle (BcDatabase *self)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), NULL);

  return self->db;
}

int
bc_database_get_schema_version (BcDatabase *self)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), -1);

  return self->schema_version;
}

gboolean
bc_database_exec (BcDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (BC_IS_DATABASE (self), FALSE);

  return exec_on (self->db, sql, error);
}

sqlite3_stmt *
bc_database_prepare (BcDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (self->db, rc, error);
      return NULL;
    }

  return stmt;
}

/* IMMEDIATE takes the write lock up front, so a second process (a
 * headless import while the window is open) waits instead of failing
 * half-way through.
 */
gboolean
bc_database_begin (BcDatabase  *self,
                   GError     **error)
{
  return bc_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
bc_database_commit (BcDatabase  *self,
                    GError     **error)
{
  return bc_database_exec (self, "COMMIT", error);
}

void
bc_database_rollback (BcDatabase *self)
{
  g_return_if_fail (BC_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean
bc_database_step_done (BcDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_handle (self->db, rc, error);

  return TRUE;
}

static char *
timestamp_for_file_name (GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;

  if (now != NULL)
    return g_date_time_format (now, "%Y%m%d-%H%M%S");

  local = g_date_time_new_now_local ();
  return g_date_time_format (local, "%Y%m%d-%H%M%S");
}

/**
 * bc_database_backup:
 *
 * Writes a consistent copy of the open database into backups/, private
 * to the user like the database itself. Returns the copy's path.
 */
char *
bc_database_backup (BcDatabase  *self,
                    const char  *reason,
                    GError     **error)
{
  g_autofree char *backups_dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (self), NULL);

  backups_dir = g_build_filename (self->data_dir, "backups", NULL);
  if (!bc_data_dir_ensure (backups_dir, error))
    return NULL;

  stamp = timestamp_for_file_name (NULL);
  name = g_strdup_printf ("backcare-%s-%s.db", stamp, reason);
  path = g_build_filename (backups_dir, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_FAILED,
                   _("The backup “%s” already exists"), path);
      return NULL;
    }

  if (!create_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      set_error_from_handle (dest, rc, error);
      sqlite3_close_v2 (dest);
      g_unlink (path);
      return NULL;
    }

  sqlite3_close_v2 (dest);
  return g_steal_pointer (&path);
}

static gboolean
rename_if_present (const char  *from,
                   const char  *to,
                   GError     **error)
{
  if (g_rename (from, to) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("“%s” could not be renamed: %s"), from, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_database_move_aside:
 * @data_dir: the data folder
 * @now: (nullable): the time for the new name, or %NULL for now
 *
 * Keeps a database that could not be opened by renaming it (and its
 * -wal and -shm files) to backcare.db.damaged-<timestamp>, so a fresh
 * database can be started without losing anything.
 *
 * Returns: the new path of the damaged file
 */
char *
bc_database_move_aside (const char  *data_dir,
                        GDateTime   *now,
                        GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autofree char *path = g_build_filename (data_dir, BC_DATABASE_FILE_NAME, NULL);
  g_autofree char *stamp = timestamp_for_file_name (now);
  g_autofree char *target = NULL;

  for (guint n = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      if (n == 0)
        target = g_strdup_printf ("%s.damaged-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (!rename_if_present (from, to, error))
        return NULL;
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY,
                   _("“%s” could not be renamed: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&target);
}
