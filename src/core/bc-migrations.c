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

/* Exercise plans: the user's own exercises, plans with their items and
 * earlier versions, and what was done in each guided session.
 */
static gboolean
migrate_to_2 (BcDatabase  *db,
              GError     **error)
{
  return bc_database_exec (db,
    "CREATE TABLE custom_exercises ("
    "  uuid TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  category TEXT NOT NULL CHECK (category IN ('strengthen', 'stretch', 'mobility')),"
    "  muscles TEXT NOT NULL DEFAULT '',"
    "  position TEXT NOT NULL DEFAULT '',"
    "  equipment TEXT NOT NULL DEFAULT '',"
    "  per_side INTEGER NOT NULL DEFAULT 0,"
    "  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),"
    "  reps INTEGER NOT NULL CHECK (reps BETWEEN 1 AND 100),"
    "  hold_seconds INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 300),"
    "  rest_seconds INTEGER NOT NULL CHECK (rest_seconds BETWEEN 0 AND 600),"
    "  times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 5),"
    "  days_per_week INTEGER NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),"
    "  steps TEXT NOT NULL DEFAULT '',"
    "  cautions TEXT NOT NULL DEFAULT '',"
    "  easier TEXT,"
    "  harder TEXT,"
    "  image_mime_type TEXT,"
    "  image BLOB,"
    "  based_on TEXT,"
    "  updated_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE plans ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL,"
    "  clinician TEXT NOT NULL DEFAULT '',"
    "  start_date TEXT,"
    "  review_date TEXT,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  active INTEGER NOT NULL DEFAULT 1,"
    "  created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL"
    ");"
    "CREATE UNIQUE INDEX plans_one_active ON plans (profile_id) WHERE active = 1;"
    "CREATE TABLE plan_items ("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  exercise_ref TEXT NOT NULL,"
    "  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),"
    "  reps INTEGER NOT NULL CHECK (reps BETWEEN 1 AND 100),"
    "  hold_seconds INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 300),"
    "  rest_seconds INTEGER NOT NULL CHECK (rest_seconds BETWEEN 0 AND 600),"
    "  times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 5),"
    "  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),"
    "  notes TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX plan_items_plan ON plan_items (plan_id, position);"
    "CREATE TABLE plan_versions ("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
    "  day TEXT NOT NULL,"
    "  saved_at INTEGER NOT NULL,"
    "  snapshot TEXT NOT NULL,"
    "  UNIQUE (plan_id, day)"
    ");"
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL,"
    "  day TEXT NOT NULL,"
    "  started_at INTEGER NOT NULL,"
    "  finished_at INTEGER,"
    "  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
    "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10)"
    ");"
    "CREATE TABLE exercise_records ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
    "  exercise_ref TEXT NOT NULL,"
    "  day TEXT NOT NULL,"
    "  performed_at INTEGER NOT NULL,"
    "  sets_done INTEGER NOT NULL DEFAULT 0 CHECK (sets_done >= 0),"
    "  skipped INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX exercise_records_day ON exercise_records (profile_id, day);",
    error);
}

/* The pain log: entries on the 0–10 scale with what went with them, and
 * the Patient-Specific Functional Scale (activities scored 0–10).
 */
static gboolean
migrate_to_3 (BcDatabase  *db,
              GError     **error)
{
  return bc_database_exec (db,
    "CREATE TABLE pain_entries ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  time INTEGER NOT NULL,"
    "  utc_offset INTEGER NOT NULL DEFAULT 0,"
    "  day TEXT NOT NULL,"
    "  intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),"
    "  areas TEXT NOT NULL DEFAULT '',"
    "  quality TEXT NOT NULL DEFAULT '',"
    "  numbness INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1)),"
    "  tingling INTEGER NOT NULL DEFAULT 0 CHECK (tingling IN (0, 1)),"
    "  radiating INTEGER NOT NULL DEFAULT 0 CHECK (radiating IN (0, 1)),"
    "  sleep TEXT NOT NULL DEFAULT '' CHECK (sleep IN ('', 'poor', 'fair', 'good')),"
    "  helped TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX pain_entries_time ON pain_entries (profile_id, time);"
    "CREATE INDEX pain_entries_day ON pain_entries (profile_id, day);"
    "CREATE TABLE psfs_activities ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  archived INTEGER NOT NULL DEFAULT 0,"
    "  created_at INTEGER NOT NULL"
    ");"
    "CREATE TABLE psfs_scores ("
    "  id INTEGER PRIMARY KEY,"
    "  activity_id INTEGER NOT NULL REFERENCES psfs_activities (id) ON DELETE CASCADE,"
    "  time INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)"
    ");"
    "CREATE INDEX psfs_scores_day ON psfs_scores (activity_id, day);",
    error);
}

/* Reminders: what each reminder did on each day, and water drunk. */
static gboolean
migrate_to_4 (BcDatabase  *db,
              GError     **error)
{
  return bc_database_exec (db,
    "CREATE TABLE reminder_events ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('hydration', 'stretch', 'session', 'pain', 'review',"
    "                                     'appointment')),"
    "  event TEXT NOT NULL CHECK (event IN ('prompted', 'done', 'snoozed', 'skipped')),"
    "  time INTEGER NOT NULL,"
    "  day TEXT NOT NULL,"
    "  detail TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX reminder_events_day ON reminder_events (profile_id, day, kind);"
    "CREATE TABLE water_intake ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  day TEXT NOT NULL,"
    "  time INTEGER NOT NULL,"
    "  ml INTEGER NOT NULL CHECK (ml BETWEEN -5000 AND 5000)"
    ");"
    "CREATE INDEX water_intake_day ON water_intake (profile_id, day);",
    error);
}

/* Massage appointments and their repeating series. */
static gboolean
migrate_to_5 (BcDatabase  *db,
              GError     **error)
{
  return bc_database_exec (db,
    "CREATE TABLE appointment_series ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  uid TEXT NOT NULL UNIQUE,"
    "  interval_weeks INTEGER NOT NULL DEFAULT 1 CHECK (interval_weeks BETWEEN 1 AND 52),"
    "  count INTEGER CHECK (count IS NULL OR count BETWEEN 1 AND 520),"
    "  until INTEGER"
    ");"
    "CREATE TABLE appointments ("
    "  id INTEGER PRIMARY KEY,"
    "  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
    "  uid TEXT NOT NULL,"
    "  series_id INTEGER REFERENCES appointment_series (id) ON DELETE CASCADE,"
    "  recurrence_time INTEGER NOT NULL DEFAULT 0,"
    "  starts_at INTEGER NOT NULL,"
    "  tzid TEXT NOT NULL DEFAULT '',"
    "  duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 5 AND 600),"
    "  modality TEXT NOT NULL DEFAULT 'swedish',"
    "  therapist TEXT NOT NULL DEFAULT '',"
    "  location TEXT NOT NULL DEFAULT '',"
    "  phone TEXT NOT NULL DEFAULT '',"
    "  cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),"
    "  currency TEXT NOT NULL DEFAULT '',"
    "  insurance TEXT NOT NULL DEFAULT 'not-covered'"
    "    CHECK (insurance IN ('not-covered', 'covered', 'claim-submitted', 'reimbursed')),"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'scheduled'"
    "    CHECK (status IN ('scheduled', 'done', 'cancelled', 'missed')),"
    "  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
    "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
    "  UNIQUE (uid, recurrence_time)"
    ");"
    "CREATE INDEX appointments_time ON appointments (profile_id, starts_at);",
    error);
}

typedef gboolean (*BcMigrationStep) (BcDatabase  *db,
                                     GError     **error);

static const BcMigrationStep steps[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
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
