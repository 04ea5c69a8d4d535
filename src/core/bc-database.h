/* bc-database.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define BC_DATABASE_ERROR (bc_database_error_quark ())

typedef enum
{
  BC_DATABASE_ERROR_DIRECTORY,
  BC_DATABASE_ERROR_NOT_DATABASE,
  BC_DATABASE_ERROR_CORRUPT,
  BC_DATABASE_ERROR_NEWER_VERSION,
  BC_DATABASE_ERROR_READ_ONLY,
  BC_DATABASE_ERROR_MIGRATION,
  BC_DATABASE_ERROR_FAILED,
} BcDatabaseError;

/* The schema version this build writes; PRAGMA user_version holds it. */
#define BC_DATABASE_SCHEMA_VERSION 5

#define BC_DATABASE_FILE_NAME "backcare.db"

#define BC_TYPE_DATABASE (bc_database_get_type ())

G_DECLARE_FINAL_TYPE (BcDatabase, bc_database, BC, DATABASE, GObject)

GQuark        bc_database_error_quark        (void);

BcDatabase   *bc_database_open               (const char  *data_dir,
                                              GError     **error);
BcDatabase   *bc_database_open_at_version    (const char  *data_dir,
                                              int          version,
                                              GError     **error);

const char   *bc_database_get_data_dir       (BcDatabase  *self);
const char   *bc_database_get_path           (BcDatabase  *self);
sqlite3      *bc_database_get_handle         (BcDatabase  *self);
int           bc_database_get_schema_version (BcDatabase  *self);

gboolean      bc_database_exec               (BcDatabase  *self,
                                              const char  *sql,
                                              GError     **error);
sqlite3_stmt *bc_database_prepare            (BcDatabase  *self,
                                              const char  *sql,
                                              GError     **error);
gboolean      bc_database_begin              (BcDatabase  *self,
                                              GError     **error);
gboolean      bc_database_commit             (BcDatabase  *self,
                                              GError     **error);
void          bc_database_rollback           (BcDatabase  *self);
gboolean      bc_database_step_done          (BcDatabase   *self,
                                              sqlite3_stmt *stmt,
                                              GError      **error);
gboolean      bc_database_set_error          (BcDatabase  *self,
                                              int          rc,
                                              GError     **error);

char         *bc_database_backup             (BcDatabase  *self,
                                              const char  *reason,
                                              GError     **error);

char         *bc_database_move_aside         (const char  *data_dir,
                                              GDateTime   *now,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
