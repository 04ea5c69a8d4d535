/* test-database.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database against real files in a temporary folder: creation and
 * permissions, every migration path, and every way a file can be unusable
 * (which must leave it exactly as it was).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bc-data-dir.h"
#include "bc-database.h"

typedef struct
{
  char *root;
  char *data_dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("backcare-db-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->root, "nested", "backcare", NULL);
  fixture->db_path = g_build_filename (fixture->data_dir, BC_DATABASE_FILE_NAME, NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->root);

  remove_tree (root);
  g_free (fixture->root);
  g_free (fixture->data_dir);
  g_free (fixture->db_path);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static char *
query_text (BcDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static gint64
query_int (BcDatabase *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
write_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_unchanged_after_failed_open (Fixture *fixture,
                                    int      expected_code)
{
  g_autoptr(GBytes) before = read_bytes (fixture->db_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_null (db);
  g_assert_error (error, BC_DATABASE_ERROR, expected_code);
  g_assert_nonnull (error->message);
  g_test_message ("refused with: %s", error->message);

  after = read_bytes (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autofree char *name = NULL;

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpstr (bc_database_get_path (db), ==, fixture->db_path);
  g_assert_cmpint (bc_database_get_schema_version (db), ==, BC_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, BC_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, 0x42436172);

  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), >=, 1000);

  name = query_text (db, "SELECT name FROM profiles");
  g_assert_cmpstr (name, ==, "Me");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles"), ==, 1);

  /* Health data: the folder is the user's alone, and so is every file. */
  g_assert_cmpuint (file_mode (fixture->data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (fixture->db_path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autofree char *backups = g_build_filename (fixture->data_dir, "backups", NULL);

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (bc_database_exec (db, "INSERT INTO profiles (name, created_at) VALUES ('Kim', 0)",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* A loose folder is tightened again on the next start. */
  g_assert_cmpint (g_chmod (fixture->data_dir, 0755), ==, 0);

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles"), ==, 2);
  g_assert_cmpuint (file_mode (fixture->data_dir), ==, 0700);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_data_dir_ensure (fixture->data_dir, &error));
  g_assert_true (g_file_set_contents (fixture->db_path, "junk\n", -1, &error));

  assert_unchanged_after_failed_open (fixture, BC_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_other_sqlite_file (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_data_dir_ensure (fixture->data_dir, &error));
  write_raw (fixture->db_path, "CREATE TABLE moz_places (id INTEGER); INSERT INTO moz_places VALUES (1);");

  assert_unchanged_after_failed_open (fixture, BC_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = bc_database_open (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  write_raw (fixture->db_path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");

  assert_unchanged_after_failed_open (fixture, BC_DATABASE_ERROR_NEWER_VERSION);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = bc_database_open (fixture->data_dir, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *damaged = NULL;
  gsize length;

  g_assert_no_error (error);
  g_clear_object (&db);
  write_raw (fixture->db_path, "PRAGMA journal_mode = DELETE;");

  /* Keep the 100-byte header, scramble the schema table on page 1. */
  bytes = read_bytes (fixture->db_path);
  damaged = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (length, >, 200);
  memset (damaged + 100, 0xA5, 100);
  g_assert_true (g_file_set_contents (fixture->db_path, damaged, length, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GBytes) before = read_bytes (fixture->db_path);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(BcDatabase) refused = bc_database_open (fixture->data_dir, &error);

    g_assert_null (refused);
    g_assert_true (g_error_matches (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_CORRUPT) ||
                   g_error_matches (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_NOT_DATABASE));
    g_test_message ("refused with: %s", error->message);
    after = read_bytes (fixture->db_path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autofree char *blocker = g_build_filename (fixture->root, "blocker", NULL);
  g_autofree char *data_dir = g_build_filename (blocker, "backcare", NULL);

  /* Tests run as root, where permissions do not stop writes; a regular
   * file where a parent folder should be does.
   */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));

  db = bc_database_open (data_dir, &error);
  g_assert_null (db);
  g_assert_error (error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY);
  g_assert_nonnull (strstr (error->message, data_dir));
}

static void
test_file_is_a_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->db_path, 0700), ==, 0);

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_DIR));
}

static void
test_move_aside (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 11, 23, 9, 30, 5);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_wal = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (bc_data_dir_ensure (fixture->data_dir, &error));
  g_assert_true (g_file_set_contents (fixture->db_path, "junk\n", -1, &error));
  g_assert_true (g_file_set_contents (wal, "stale wal", -1, &error));

  first = bc_database_move_aside (fixture->data_dir, when, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (first, "backcare.db.damaged-20261123-093005"));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (first, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "junk\n");
  first_wal = g_strconcat (first, "-wal", NULL);
  g_assert_true (g_file_test (first_wal, G_FILE_TEST_EXISTS));

  /* The same second again never overwrites the first damaged file. */
  g_assert_true (g_file_set_contents (fixture->db_path, "more junk\n", -1, &error));
  second = bc_database_move_aside (fixture->data_dir, when, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_suffix (second, "-1"));

  db = bc_database_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles"), ==, 1);
}

static void
test_migrate_from_every_version (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  for (int from = 0; from < BC_DATABASE_SCHEMA_VERSION; from++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BcDatabase) old = NULL;
      g_autoptr(BcDatabase) db = NULL;
      g_autoptr(GFile) dir = g_file_new_for_path (fixture->data_dir);
      g_autofree char *backups = g_build_filename (fixture->data_dir, "backups", NULL);

      g_test_message ("migrating from version %d", from);
      remove_tree (dir);

      old = bc_database_open_at_version (fixture->data_dir, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bc_database_get_schema_version (old), ==, from);
      g_clear_object (&old);

      db = bc_database_open (fixture->data_dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bc_database_get_schema_version (db), ==, BC_DATABASE_SCHEMA_VERSION);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, BC_DATABASE_SCHEMA_VERSION);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles WHERE name = 'Me'"), ==, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

      /* Upgrading existing data keeps a copy of the old format first. */
      g_assert_cmpint (g_file_test (backups, G_FILE_TEST_IS_DIR), ==, from > 0);
    }
}

static void
test_frozen_fixtures (Fixture       *fixture,
                      gconstpointer  user_data)
{
  for (int version = 1; version <= BC_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BcDatabase) db = NULL;
      g_autoptr(GFile) dir = g_file_new_for_path (fixture->data_dir);
      g_autofree char *name = g_strdup_printf ("schema-v%d.sql", version);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *notes = NULL;

      g_test_message ("opening the frozen version %d fixture", version);
      g_assert_true (g_file_get_contents (path, &sql, NULL, &error));
      g_assert_no_error (error);

      remove_tree (dir);
      g_assert_true (bc_data_dir_ensure (fixture->data_dir, &error));
      write_raw (fixture->db_path, sql);

      db = bc_database_open (fixture->data_dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bc_database_get_schema_version (db), ==, BC_DATABASE_SCHEMA_VERSION);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles"), ==, 2);
      notes = query_text (db, "SELECT notes FROM profiles WHERE name = 'ana souza'");
      g_assert_cmpstr (notes, ==, "L4/L5, review in March");
      g_assert_cmpuint (file_mode (fixture->db_path), ==, 0600);
    }
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = bc_database_open (fixture->data_dir, &error);
  g_autofree char *backup = NULL;
  g_autofree char *backups_dir = g_build_filename (fixture->data_dir, "backups", NULL);
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (bc_database_exec (db, "INSERT INTO profiles (name, created_at) VALUES ('Kim', 0)",
                                   &error));

  backup = bc_database_backup (db, "test", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (backup, backups_dir));
  g_assert_cmpuint (file_mode (backups_dir), ==, 0700);
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT count(*) FROM profiles", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (copy);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) db = bc_database_open (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (bc_database_begin (db, &error));
  g_assert_true (bc_database_exec (db, "INSERT INTO profiles (name, created_at) VALUES ('Kim', 0)",
                                   &error));
  /* A duplicate name violates the constraint; the whole write goes. */
  g_assert_false (bc_database_exec (db, "INSERT INTO profiles (name, created_at) VALUES ('ME', 0)",
                                    &error));
  g_assert_nonnull (error);
  bc_database_rollback (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profiles"), ==, 1);
}

static void
test_resolve_data_dir (void)
{
  g_autofree char *from_option = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected_default = g_build_filename (g_get_user_data_dir (), "backcare", NULL);

  g_setenv ("BACKCARE_DATA_DIR", "/tmp/from-env", TRUE);
  from_option = bc_data_dir_resolve ("/tmp/from-option");
  from_env = bc_data_dir_resolve (NULL);
  g_unsetenv ("BACKCARE_DATA_DIR");
  fallback = bc_data_dir_resolve (NULL);

  g_assert_cmpstr (from_option, ==, "/tmp/from-option");
  g_assert_cmpstr (from_env, ==, "/tmp/from-env");
  g_assert_cmpstr (fallback, ==, expected_default);
  g_assert_true (bc_data_dir_is_default (fallback));
  g_assert_false (bc_data_dir_is_default (from_option));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/database/create", test_create);
  ADD ("/database/reopen", test_reopen);
  ADD ("/database/refuse/not-a-database", test_not_a_database);
  ADD ("/database/refuse/other-sqlite-file", test_other_sqlite_file);
  ADD ("/database/refuse/newer-version", test_newer_version);
  ADD ("/database/refuse/corrupt", test_corrupt);
  ADD ("/database/refuse/unwritable-folder", test_unwritable_folder);
  ADD ("/database/refuse/file-is-a-folder", test_file_is_a_folder);
  ADD ("/database/move-aside", test_move_aside);
  ADD ("/database/migrate/every-version", test_migrate_from_every_version);
  ADD ("/database/migrate/frozen-fixtures", test_frozen_fixtures);
  ADD ("/database/backup", test_backup);
  ADD ("/database/rollback", test_rollback);
  g_test_add_func ("/data-dir/resolve", test_resolve_data_dir);

#undef ADD

  return g_test_run ();
}
