/* bc-migrations.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bc-migrations.h"

/* Each step upgrades the schema from version - 1 to version. It runs
 * inside the transaction bc_database_open() opens for it, so a step
 * that fails leaves the previous version intact. A released step is
 * never edited: tests/fixtures/schema-v<N>.sql freezes what it made.
 */

static gboolean
migrate_to_1 (BcDatabase  *db,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!bc_database_exec (db,
                         "CREATE TABLE profiles ("
                         "  id INTEGER PRIMARY KEY,"
                         "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
                         "  notes TEXT NOT NULL DEFAULT '',"
                         "  created_at INTEGER NOT NULL"
                         ");",
                         error))
    return FALSE;

  /* Every install starts with one profile, named in the user's language. */
  stmt = bc_database_prepare (db,
                              "INSERT INTO profiles (name, created_at) "
                              "VALUES (?1, CAST (strftime ('%s', 'now') AS INTEGER))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, C_("profile name", "Me"), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bc_database_set_error (db, sqlite3_errcode (bc_database_get_handle (db)), error);

  return TRUE;
}

typedef gboolean (*BcMigrationStep) (BcDatabase  *db,
                                     GError     **error);

static const BcMigrationStep steps[] = {
  migrate_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == BC_DATABASE_SCHEMA_VERSION);

gboolean
bc_migrations_run_step (BcDatabase  *db,
                        int          version,
                        GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= (int)G_N_ELEMENTS (steps), FALSE);

  return steps[version - 1] (db, error);
}
