/* bc-headless.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-headless"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-database.h"
#include "bc-headless.h"
#include "bc-ics.h"
#include "bc-pain-csv.h"
#include "bc-plan-file.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"

/* The command-line imports and exports: no display, no GTK, the same
 * database code as the window, safe while the window runs (WAL and a
 * busy timeout). The file's extension picks the format.
 */

G_DEFINE_QUARK (bc-headless-error-quark, bc_headless_error)

#define PLAN_EXTENSION ".backcare-plan"
#define CSV_EXTENSION ".csv"
#define ICS_EXTENSION ".ics"

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

static BcDatabase *
open_database (const char  *data_dir,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  BcDatabase *db = bc_database_open (data_dir, &local_error);

  if (db == NULL)
    g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                 _("The BackCare data in “%s” could not be opened: %s"),
                 data_dir, local_error->message);
  return db;
}

/* A named profile must exist; no name means the first profile. */
static gint64
resolve_profile (BcDatabase  *db,
                 const char  *profile_name,
                 char       **out_name,
                 GError     **error)
{
  g_auto(GStrv) names = NULL;

  if (profile_name != NULL)
    {
      gint64 id = bc_profile_store_resolve (db, profile_name, error);

      if (id > 0)
        *out_name = g_strdup (profile_name);
      return id;
    }

  names = bc_profile_store_list_names (db, error);
  if (names == NULL || names[0] == NULL)
    return -1;

  *out_name = g_strdup (names[0]);
  return bc_profile_store_find (db, names[0], error);
}

/* Reads a file to import whole, after checking its size, so a huge file
 * is never read. Sets @out_too_large (and no error) when it is over
 * @max_size, so each importer can say what the limit is for.
 */
static GBytes *
read_import_file (const char  *path,
                  goffset      max_size,
                  gboolean    *out_too_large,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = NULL;

  *out_too_large = FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > max_size)
    {
      *out_too_large = TRUE;
      return NULL;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                 _("“%s” could not be read: %s"), path, local_error->message);

  return bytes;
}

/* The profile an import writes to: a named one is created when it does
 * not exist yet; no name means the first profile.
 */
static gint64
import_profile (BcDatabase  *db,
                const char  *profile_name,
                char       **out_name,
                gboolean    *out_created,
                GError     **error)
{
  *out_created = FALSE;

  if (profile_name == NULL)
    return resolve_profile (db, NULL, out_name, error);

  *out_name = g_strdup (profile_name);
  return bc_profile_store_ensure (db, profile_name, out_created, error);
}

/**
 * bc_headless_load_plan:
 *
 * The active plan of @profile_name (or of the first profile), with the
 * catalog that names its exercises: what an export needs.
 */
gboolean
bc_headless_load_plan (const char         *data_dir,
                       const char         *profile_name,
                       BcPlan            **out_plan,
                       BcExerciseCatalog **out_catalog,
                       char              **out_profile_name,
                       GError            **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcExerciseCatalog) catalog = NULL;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gint64 profile_id;

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  profile_id = resolve_profile (db, profile_name, &name, &local_error);
  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                           local_error ? local_error->message : _("There is no profile."));
      return FALSE;
    }

  plan = bc_plan_store_load_active (db, profile_id, &local_error);
  if (plan == NULL)
    {
      if (local_error != NULL)
        g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                             local_error->message);
      else
        g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                     _("The profile “%s” has no plan to export."), name);
      return FALSE;
    }

  catalog = bc_exercise_catalog_new (db, &local_error);
  if (catalog == NULL)
    {
      g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                           local_error->message);
      return FALSE;
    }

  *out_plan = g_steal_pointer (&plan);
  *out_catalog = g_steal_pointer (&catalog);
  *out_profile_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
bc_headless_export_plan (const char  *data_dir,
                         const char  *profile_name,
                         const char  *path,
                         char       **out_summary,
                         GError     **error)
{
  g_autoptr(BcExerciseCatalog) catalog = NULL;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (!has_extension (path, PLAN_EXTENSION))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("“%s”: plans are exported to files ending in %s or .pdf"), path,
                   PLAN_EXTENSION);
      return FALSE;
    }

  if (!bc_headless_load_plan (data_dir, profile_name, &plan, &catalog, &name, error))
    return FALSE;

  bytes = bc_plan_file_serialize (plan, catalog, &local_error);
  if (bytes == NULL ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The plan could not be written: %s"), local_error->message);
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (_("Exported “%s” of the profile “%s” to %s"),
                                    bc_plan_get_title (plan), name, path);
  return TRUE;
}

static gboolean
import_plan (const char  *data_dir,
             const char  *profile_name,
             const char  *path,
             char       **out_summary,
             GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcExerciseCatalog) catalog = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean too_large;
  gboolean created = FALSE;
  gint64 profile_id;

  bytes = read_import_file (path, BC_PLAN_FILE_MAX_SIZE, &too_large, error);
  if (too_large)
    g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                 _("“%s” is larger than %d MiB, too large for a plan."), path,
                 BC_PLAN_FILE_MAX_SIZE / (1024 * 1024));
  if (bytes == NULL)
    return FALSE;

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  catalog = bc_exercise_catalog_new (db, &local_error);
  if (catalog != NULL)
    contents = bc_plan_file_parse (bytes, catalog, &local_error);
  if (contents == NULL)
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  profile_id = import_profile (db, profile_name, &name, &created, &local_error);

  if (profile_id <= 0 ||
      !bc_plan_file_import (db, catalog, contents, profile_id, &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The plan could not be imported: %s"),
                   local_error ? local_error->message : "");
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (created
                                    ? _("Imported “%s” as the plan of the new profile “%s”")
                                    : _("Imported “%s” as the plan of the profile “%s”"),
                                    bc_plan_get_title (contents->plan), name);
  return TRUE;
}

/* A pain log: checked whole before the profile is created or anything
 * is written, so a bad file leaves the database as it was.
 */
static gboolean
import_pain_log (const char  *data_dir,
                 const char  *profile_name,
                 const char  *path,
                 char       **out_summary,
                 GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean too_large;
  gboolean created = FALSE;
  guint imported = 0, skipped = 0;
  gint64 profile_id;

  bytes = read_import_file (path, BC_PAIN_CSV_MAX_SIZE, &too_large, error);
  if (too_large)
    g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                 _("“%s” is larger than %d MiB, too large for a pain log."), path,
                 BC_PAIN_CSV_MAX_SIZE / (1024 * 1024));
  if (bytes == NULL)
    return FALSE;

  if (!bc_pain_csv_check (bytes, NULL, &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  profile_id = import_profile (db, profile_name, &name, &created, &local_error);

  if (profile_id <= 0 ||
      !bc_pain_csv_import (db, profile_id, bytes, &imported, &skipped, &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The pain log could not be imported: %s"),
                   local_error ? local_error->message : "");
      return FALSE;
    }

  if (out_summary != NULL)
    {
      g_autofree char *summary = NULL;

      if (created)
        summary = g_strdup_printf (ngettext ("Imported %u pain log entry into the new "
                                             "profile “%s”",
                                             "Imported %u pain log entries into the new "
                                             "profile “%s”",
                                             imported),
                                   imported, name);
      else
        summary = g_strdup_printf (ngettext ("Imported %u pain log entry into the profile “%s”",
                                             "Imported %u pain log entries into the profile "
                                             "“%s”",
                                             imported),
                                   imported, name);

      if (skipped > 0)
        *out_summary = g_strdup_printf (ngettext ("%s; %u was already there and was skipped",
                                                  "%s; %u were already there and were skipped",
                                                  skipped),
                                        summary, skipped);
      else
        *out_summary = g_steal_pointer (&summary);
    }
  return TRUE;
}

/* Appointments from a calendar: checked and parsed whole by bc_ics_import
 * before anything is written, in one transaction.
 */
static gboolean
import_appointments (const char  *data_dir,
                     const char  *profile_name,
                     const char  *path,
                     char       **out_summary,
                     GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean too_large;
  BcIcsImportResult result = { 0 };
  gboolean created = FALSE;
  gint64 profile_id;

  bytes = read_import_file (path, BC_ICS_MAX_SIZE, &too_large, error);
  if (too_large)
    g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                 _("“%s” is larger than %d MiB, too large for a calendar."), path,
                 BC_ICS_MAX_SIZE / (1024 * 1024));
  if (bytes == NULL)
    return FALSE;

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  profile_id = import_profile (db, profile_name, &name, &created, &local_error);

  if (profile_id <= 0 || !bc_ics_import (db, profile_id, bytes, &result, &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   "%s: %s", path, local_error ? local_error->message : _("There is no profile."));
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (_("Imported %u new and %u updated appointments into the "
                                      "profile “%s”; skipped %u all-day and %u unsupported "
                                      "entries"),
                                    result.added, result.updated, name,
                                    result.skipped_all_day, result.skipped_unsupported);
  return TRUE;
}

gboolean
bc_headless_import (const char  *data_dir,
                    const char  *profile_name,
                    const char  *path,
                    char       **out_summary,
                    GError     **error)
{
  if (has_extension (path, PLAN_EXTENSION))
    return import_plan (data_dir, profile_name, path, out_summary, error);

  if (has_extension (path, CSV_EXTENSION))
    return import_pain_log (data_dir, profile_name, path, out_summary, error);

  if (has_extension (path, ICS_EXTENSION))
    return import_appointments (data_dir, profile_name, path, out_summary, error);

  g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
               _("“%s”: BackCare imports %s, %s and %s files"), path, PLAN_EXTENSION,
               CSV_EXTENSION, ICS_EXTENSION);
  return FALSE;
}

/**
 * bc_headless_export_pain_log:
 * @path: a file ending in .csv
 *
 * Writes the pain log of @profile_name (or of the first profile) as CSV;
 * the file is replaced whole or not at all.
 */
gboolean
bc_headless_export_pain_log (const char  *data_dir,
                             const char  *profile_name,
                             const char  *path,
                             char       **out_summary,
                             GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GMemoryOutputStream *memory;
  gint64 profile_id;
  guint n_entries;

  if (!has_extension (path, CSV_EXTENSION))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("“%s”: the pain log is exported to files ending in %s"), path,
                   CSV_EXTENSION);
      return FALSE;
    }

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  profile_id = resolve_profile (db, profile_name, &name, &local_error);
  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                           local_error ? local_error->message : _("There is no profile."));
      return FALSE;
    }

  n_entries = bc_pain_store_count (db, profile_id, NULL, &local_error);
  /* Written whole and renamed into place: no half file on failure. */
  stream = g_memory_output_stream_new_resizable ();
  memory = G_MEMORY_OUTPUT_STREAM (stream);
  if (local_error != NULL ||
      !bc_pain_csv_export (db, profile_id, stream, &local_error) ||
      !g_output_stream_close (stream, NULL, &local_error) ||
      !g_file_set_contents (path, g_memory_output_stream_get_data (memory),
                            (gssize)g_memory_output_stream_get_data_size (memory), &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The pain log could not be written: %s"), local_error->message);
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (ngettext ("Exported %u pain log entry of the profile “%s” "
                                              "to %s",
                                              "Exported %u pain log entries of the profile “%s” "
                                              "to %s",
                                              n_entries),
                                    n_entries, name, path);
  return TRUE;
}

/**
 * bc_headless_export_appointments:
 * @path: a file ending in .ics
 *
 * Writes every appointment of @profile_name (or of the first profile)
 * as iCalendar; the file is replaced whole or not at all.
 */
gboolean
bc_headless_export_appointments (const char  *data_dir,
                                 const char  *profile_name,
                                 const char  *path,
                                 char       **out_summary,
                                 GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gint64 profile_id;

  if (!has_extension (path, ICS_EXTENSION))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("“%s”: appointments are exported to files ending in %s"), path,
                   ICS_EXTENSION);
      return FALSE;
    }

  db = open_database (data_dir, error);
  if (db == NULL)
    return FALSE;

  profile_id = resolve_profile (db, profile_name, &name, &local_error);
  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                           local_error ? local_error->message : _("There is no profile."));
      return FALSE;
    }

  bytes = bc_ics_export (db, profile_id, 0, 0, &local_error);
  if (bytes == NULL ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The appointments could not be written: %s"), local_error->message);
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (_("Exported the appointments of the profile “%s” to %s"),
                                    name, path);
  return TRUE;
}
