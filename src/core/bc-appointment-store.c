/* bc-appointment-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-appointment-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-appointment-store.h"

/* Massage appointments: one row per appointment or series occurrence.
 * A series keeps its rule in appointment_series; its occurrences share
 * the series' UID and are told apart by recurrence_time, their original
 * start. Repeats are expanded in the appointment's own zone, so a
 * weekly 18:00 stays 18:00 on both sides of a daylight saving change.
 */

G_DEFINE_QUARK (bc-appointment-error-quark, bc_appointment_error)

#define TEXT_MAX_CHARS 2000
#define MAX_OCCURRENCES 520
/* Local times from 1970 up to, not including, 2101. */
#define TIME_END G_GINT64_CONSTANT (4133980800)

#define APPOINTMENT_COLUMNS \
  "id, uid, series_id, recurrence_time, starts_at, tzid, duration_minutes, modality, " \
  "therapist, location, phone, cost_cents, currency, insurance, notes, status, " \
  "pain_before, pain_after"

static const char * const modality_codes[] = {
  "swedish",
  "deep-tissue",
  "trigger-point",
  "myofascial-release",
  "structural-integration",
  "shiatsu",
  "tui-na",
  "sports",
  "medical",
  "other",
  NULL
};

static const char * const insurance_codes[] = {
  "not-covered",
  "covered",
  "claim-submitted",
  "reimbursed",
  NULL
};

static const char * const status_codes[] = {
  "scheduled",
  "done",
  "cancelled",
  "missed",
  NULL
};

static const struct
{
  const char *code;
  const char *label;
} labels[] = {
  { "swedish", N_("Swedish") },
  { "deep-tissue", N_("Deep tissue") },
  { "trigger-point", N_("Trigger point / neuromuscular") },
  { "myofascial-release", N_("Myofascial release") },
  { "structural-integration", N_("Structural integration") },
  { "shiatsu", N_("Shiatsu") },
  { "tui-na", N_("Tui na") },
  { "sports", N_("Sports") },
  { "medical", N_("Medical") },
  { "other", N_("Other") },
  { "not-covered", N_("Not covered") },
  { "covered", N_("Covered") },
  { "claim-submitted", N_("Claim submitted") },
  { "reimbursed", N_("Reimbursed") },
  { "scheduled", N_("Scheduled") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  { "missed", N_("Missed") },
};

const char * const *
bc_appointment_modality_codes (void)
{
  return modality_codes;
}

/**
 * bc_appointment_code_get_label:
 * @code: a modality, insurance or status code
 *
 * Returns: (nullable): the label in the user's language, %NULL for an
 *   unknown code
 */
const char *
bc_appointment_code_get_label (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (labels[i].code, code) == 0)
        return _(labels[i].label);
    }

  return NULL;
}

/**
 * bc_appointment_new:
 *
 * A scheduled 60-minute Swedish massage at time 0, not covered, no pain
 * ratings; set starts_at before saving.
 */
BcAppointment *
bc_appointment_new (void)
{
  BcAppointment *appointment = g_new0 (BcAppointment, 1);

  appointment->tzid = g_strdup ("");
  appointment->duration_minutes = 60;
  appointment->modality = g_strdup ("swedish");
  appointment->therapist = g_strdup ("");
  appointment->location = g_strdup ("");
  appointment->phone = g_strdup ("");
  appointment->currency = g_strdup ("");
  appointment->insurance = g_strdup ("not-covered");
  appointment->notes = g_strdup ("");
  appointment->status = g_strdup ("scheduled");
  appointment->pain_before = -1;
  appointment->pain_after = -1;

  return appointment;
}

BcAppointment *
bc_appointment_copy (const BcAppointment *appointment)
{
  BcAppointment *copy;

  g_return_val_if_fail (appointment != NULL, NULL);

  copy = g_new0 (BcAppointment, 1);
  *copy = *appointment;
  copy->uid = g_strdup (appointment->uid);
  copy->tzid = g_strdup (appointment->tzid);
  copy->modality = g_strdup (appointment->modality);
  copy->therapist = g_strdup (appointment->therapist);
  copy->location = g_strdup (appointment->location);
  copy->phone = g_strdup (appointment->phone);
  copy->currency = g_strdup (appointment->currency);
  copy->insurance = g_strdup (appointment->insurance);
  copy->notes = g_strdup (appointment->notes);
  copy->status = g_strdup (appointment->status);

  return copy;
}

void
bc_appointment_free (BcAppointment *appointment)
{
  if (appointment == NULL)
    return;

  g_free (appointment->uid);
  g_free (appointment->tzid);
  g_free (appointment->modality);
  g_free (appointment->therapist);
  g_free (appointment->location);
  g_free (appointment->phone);
  g_free (appointment->currency);
  g_free (appointment->insurance);
  g_free (appointment->notes);
  g_free (appointment->status);
  g_free (appointment);
}

static gboolean
is_known (const char * const *known,
          const char         *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; known[i] != NULL; i++)
    {
      if (strcmp (known[i], code) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* TRANSLATORS: %s is a field, e.g. “therapist” */
      g_set_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text."), what);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > TEXT_MAX_CHARS)
    {
      /* TRANSLATORS: %s is a field, e.g. “notes” */
      g_set_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID,
                   _("The %s is longer than %d characters."), what, TEXT_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
zone_is_known (const char *tzid)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (tzid == NULL || tzid[0] == '\0')
    return TRUE;

  zone = g_time_zone_new_identifier (tzid);
  return zone != NULL;
}

static gboolean
currency_is_valid (const char *currency)
{
  if (currency == NULL || currency[0] == '\0')
    return TRUE;

  if (strlen (currency) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isupper (currency[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * bc_appointment_validate:
 *
 * Checks what the database keeps: a start in the years 1970 to 2100, a
 * duration of 5 to 600 minutes, no negative cost, known modality,
 * insurance and status codes, pain ratings 0–10 or -1, a time zone GLib
 * knows (or none) and texts of at most 2000 characters of UTF-8.
 */
gboolean
bc_appointment_validate (const BcAppointment  *appointment,
                         GError              **error)
{
  g_return_val_if_fail (appointment != NULL, FALSE);

  if (appointment->starts_at <= 0 || appointment->starts_at >= TIME_END)
    return invalid (error, _("The appointment must start in the years 1970 to 2100."));

  if (appointment->duration_minutes < 5 || appointment->duration_minutes > 600)
    {
      g_set_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_INVALID,
                   _("An appointment lasts 5 to 600 minutes, not %d."),
                   appointment->duration_minutes);
      return FALSE;
    }

  if (appointment->cost_cents < 0)
    return invalid (error, _("The cost cannot be negative."));

  if (!is_known (modality_codes, appointment->modality))
    return invalid (error, _("The kind of massage is not a known one."));
  if (!is_known (insurance_codes, appointment->insurance))
    return invalid (error,
                    _("The insurance is not one of not covered, covered, claim submitted or "
                      "reimbursed."));
  if (!is_known (status_codes, appointment->status))
    return invalid (error, _("The status is not one of scheduled, done, cancelled or missed."));

  if (appointment->pain_before < -1 || appointment->pain_before > 10 ||
      appointment->pain_after < -1 || appointment->pain_after > 10)
    return invalid (error, _("Pain is rated from 0 to 10."));

  if (!check_text (appointment->tzid, _("time zone"), error))
    return FALSE;
  if (!zone_is_known (appointment->tzid))
    return invalid (error, _("The time zone is not one this system knows."));

  if (!currency_is_valid (appointment->currency))
    return invalid (error, _("The currency must be a three-letter code such as EUR."));

  if (!check_text (appointment->uid, _("identifier"), error) ||
      !check_text (appointment->therapist, _("therapist"), error) ||
      !check_text (appointment->location, _("location"), error) ||
      !check_text (appointment->phone, _("phone number"), error) ||
      !check_text (appointment->notes, _("notes"), error))
    return FALSE;

  if (appointment->uid != NULL && appointment->uid[0] == '\0')
    return invalid (error, _("The identifier cannot be empty."));

  return TRUE;
}

/* Store */

static gboolean
check_profile (gint64   profile_id,
               GError **error)
{
  if (profile_id <= 0)
    return invalid (error, _("No profile was given."));

  return TRUE;
}

static gboolean
not_found (gint64   appointment_id,
           GError **error)
{
  g_set_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_NOT_FOUND,
               _("There is no appointment %lld."), (long long)appointment_id);
  return FALSE;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Binds the columns after id, uid, series_id and recurrence_time to
 * ?5 … ?18 (starts_at … pain_after).
 */
static void
bind_fields (sqlite3_stmt        *stmt,
             const BcAppointment *appointment)
{
  sqlite3_bind_int64 (stmt, 5, appointment->starts_at);
  sqlite3_bind_text (stmt, 6, or_empty (appointment->tzid), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, appointment->duration_minutes);
  sqlite3_bind_text (stmt, 8, appointment->modality, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, or_empty (appointment->therapist), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, or_empty (appointment->location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, or_empty (appointment->phone), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, appointment->cost_cents);
  sqlite3_bind_text (stmt, 13, or_empty (appointment->currency), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, appointment->insurance, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, or_empty (appointment->notes), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, appointment->status, -1, SQLITE_TRANSIENT);
  if (appointment->pain_before >= 0)
    sqlite3_bind_int (stmt, 17, appointment->pain_before);
  else
    sqlite3_bind_null (stmt, 17);
  if (appointment->pain_after >= 0)
    sqlite3_bind_int (stmt, 18, appointment->pain_after);
  else
    sqlite3_bind_null (stmt, 18);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Reads a row selected with APPOINTMENT_COLUMNS. */
static BcAppointment *
appointment_from_row (sqlite3_stmt *stmt)
{
  BcAppointment *appointment = g_new0 (BcAppointment, 1);

  appointment->id = sqlite3_column_int64 (stmt, 0);
  appointment->uid = column_dup (stmt, 1);
  appointment->series_id = sqlite3_column_int64 (stmt, 2);
  appointment->recurrence_time = sqlite3_column_int64 (stmt, 3);
  appointment->starts_at = sqlite3_column_int64 (stmt, 4);
  appointment->tzid = column_dup (stmt, 5);
  appointment->duration_minutes = sqlite3_column_int (stmt, 6);
  appointment->modality = column_dup (stmt, 7);
  appointment->therapist = column_dup (stmt, 8);
  appointment->location = column_dup (stmt, 9);
  appointment->phone = column_dup (stmt, 10);
  appointment->cost_cents = sqlite3_column_int64 (stmt, 11);
  appointment->currency = column_dup (stmt, 12);
  appointment->insurance = column_dup (stmt, 13);
  appointment->notes = column_dup (stmt, 14);
  appointment->status = column_dup (stmt, 15);
  appointment->pain_before = sqlite3_column_type (stmt, 16) == SQLITE_NULL
                             ? -1 : sqlite3_column_int (stmt, 16);
  appointment->pain_after = sqlite3_column_type (stmt, 17) == SQLITE_NULL
                            ? -1 : sqlite3_column_int (stmt, 17);

  return appointment;
}

static GTimeZone *
zone_of (const BcAppointment *appointment)
{
  GTimeZone *zone = NULL;

  if (appointment->tzid != NULL && appointment->tzid[0] != '\0')
    zone = g_time_zone_new_identifier (appointment->tzid);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

static gboolean
check_repeat (const BcAppointmentRepeat  *repeat,
              gint64                      starts_at,
              GError                    **error)
{
  if (repeat->interval_weeks < 1 || repeat->interval_weeks > 52)
    return invalid (error, _("A series repeats every 1 to 52 weeks."));

  if ((repeat->count > 0) == (repeat->until > 0))
    return invalid (error, _("A series needs either a number of sessions or an end date."));

  if (repeat->count > MAX_OCCURRENCES || repeat->count < 0)
    return invalid (error, _("A series has at most 520 sessions."));

  if (repeat->until > 0 && repeat->until < starts_at)
    return invalid (error, _("The series ends before it starts."));

  return TRUE;
}

/* The local date of @time in @zone, as a comparable number. */
static gint64
local_day_key (GTimeZone *zone,
               gint64     time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 0;

  local = g_date_time_to_timezone (utc, zone);
  return (gint64)g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
         g_date_time_get_day_of_month (local);
}

/* @when in @zone's wall clock on the date of @date_time, with @time_of_day's
 * wall-clock time (both taken in @zone).
 */
static gint64
combine_date_and_time (GTimeZone *zone,
                       gint64     date_time,
                       gint64     time_of_day)
{
  g_autoptr(GDateTime) date_utc = g_date_time_new_from_unix_utc (date_time);
  g_autoptr(GDateTime) time_utc = g_date_time_new_from_unix_utc (time_of_day);
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) clock = NULL;
  g_autoptr(GDateTime) combined = NULL;

  if (date_utc == NULL || time_utc == NULL)
    return 0;

  date = g_date_time_to_timezone (date_utc, zone);
  clock = g_date_time_to_timezone (time_utc, zone);
  combined = g_date_time_new (zone, g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date), g_date_time_get_hour (clock),
                              g_date_time_get_minute (clock), g_date_time_get_second (clock));

  return combined != NULL ? g_date_time_to_unix (combined) : 0;
}

/**
 * bc_appointment_repeat_expand:
 *
 * The starts of a series' occurrences: every @repeat->interval_weeks
 * weeks at the same local time in @tzid (the system zone when empty),
 * @repeat->count of them or all whose local date is not after the
 * local date of @repeat->until.
 *
 * Returns: (element-type gint64): the starts, or %NULL with @error set
 *   (more than 520 occurrences, or a bad rule)
 */
GArray *
bc_appointment_repeat_expand (gint64                      starts_at,
                              const char                 *tzid,
                              const BcAppointmentRepeat  *repeat,
                              GError                    **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  BcAppointment probe = { .tzid = (char *)tzid };
  gint64 until_key = 0;

  g_return_val_if_fail (repeat != NULL, NULL);

  if (!check_repeat (repeat, starts_at, error))
    return NULL;

  zone = zone_of (&probe);
  utc = g_date_time_new_from_unix_utc (starts_at);
  if (utc == NULL)
    {
      invalid (error, _("The appointment must start in the years 1970 to 2100."));
      return NULL;
    }
  first = g_date_time_to_timezone (utc, zone);
  if (repeat->until > 0)
    until_key = local_day_key (zone, repeat->until);

  for (int i = 0; ; i++)
    {
      g_autoptr(GDateTime) next = NULL;
      gint64 when;

      if (repeat->count > 0 && i >= repeat->count)
        break;

      /* The same wall-clock time, whatever the offset is that day. */
      next = g_date_time_add_weeks (first, i * repeat->interval_weeks);
      if (next == NULL)
        break;
      when = g_date_time_to_unix (next);

      if (repeat->until > 0 && local_day_key (zone, when) > until_key)
        break;

      if (starts->len >= MAX_OCCURRENCES)
        {
          invalid (error, _("A series has at most 520 sessions."));
          return NULL;
        }

      g_array_append_val (starts, when);
    }

  return g_steal_pointer (&starts);
}

static sqlite3_stmt *
prepare_insert (BcDatabase  *db,
                GError     **error)
{
  return bc_database_prepare (db,
                              "INSERT INTO appointments (profile_id, uid, series_id, "
                              "  recurrence_time, starts_at, tzid, duration_minutes, modality, "
                              "  therapist, location, phone, cost_cents, currency, insurance, "
                              "  notes, status, pain_before, pain_after) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "  ?14, ?15, ?16, ?17, ?18)",
                              error);
}

static gint64
insert_series (BcDatabase                 *db,
               gint64                      profile_id,
               const char                 *uid,
               const BcAppointmentRepeat  *repeat,
               GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "INSERT INTO appointment_series (profile_id, uid, interval_weeks, "
                              "  count, until) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, repeat->interval_weeks);
  if (repeat->count > 0)
    sqlite3_bind_int (stmt, 4, repeat->count);
  else
    sqlite3_bind_null (stmt, 4);
  if (repeat->until > 0)
    sqlite3_bind_int64 (stmt, 5, repeat->until);
  else
    sqlite3_bind_null (stmt, 5);

  if (!bc_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (bc_database_get_handle (db));
}

static gint64
add_in_transaction (BcDatabase                 *db,
                    gint64                      profile_id,
                    const BcAppointment        *appointment,
                    const char                 *uid,
                    GArray                     *starts,
                    const BcAppointmentRepeat  *repeat,
                    GError                    **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(BcAppointment) occurrence = bc_appointment_copy (appointment);
  gint64 series_id = 0, first_id = 0;

  if (starts != NULL)
    {
      series_id = insert_series (db, profile_id, uid, repeat, error);
      if (series_id == 0)
        return 0;
    }

  insert = prepare_insert (db, error);
  if (insert == NULL)
    return 0;

  for (guint i = 0; i < (starts != NULL ? starts->len : 1); i++)
    {
      occurrence->starts_at = starts != NULL ? g_array_index (starts, gint64, i)
                                             : appointment->starts_at;

      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      sqlite3_bind_int64 (insert, 1, profile_id);
      sqlite3_bind_text (insert, 2, uid, -1, SQLITE_TRANSIENT);
      if (series_id != 0)
        {
          sqlite3_bind_int64 (insert, 3, series_id);
          sqlite3_bind_int64 (insert, 4, occurrence->starts_at);
        }
      else
        {
          sqlite3_bind_null (insert, 3);
          sqlite3_bind_int64 (insert, 4, 0);
        }
      bind_fields (insert, occurrence);

      if (!bc_database_step_done (db, insert, error))
        return 0;

      if (first_id == 0)
        first_id = sqlite3_last_insert_rowid (bc_database_get_handle (db));
    }

  return first_id;
}

/**
 * bc_appointment_store_add:
 * @repeat: (nullable): makes a series; %NULL for one appointment
 *
 * Returns: the id of the (first) appointment, or 0 with @error set
 */
gint64
bc_appointment_store_add (BcDatabase                 *db,
                          gint64                      profile_id,
                          const BcAppointment        *appointment,
                          const BcAppointmentRepeat  *repeat,
                          GError                    **error)
{
  g_autoptr(GArray) starts = NULL;
  g_autofree char *uid = NULL;
  gint64 id;

  g_return_val_if_fail (BC_IS_DATABASE (db), 0);
  g_return_val_if_fail (appointment != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_profile (profile_id, error) || !bc_appointment_validate (appointment, error))
    return 0;

  if (repeat != NULL)
    {
      starts = bc_appointment_repeat_expand (appointment->starts_at, appointment->tzid, repeat,
                                             error);
      if (starts == NULL)
        return 0;
    }

  if (appointment->uid != NULL)
    uid = g_strdup (appointment->uid);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      uid = g_strconcat (uuid, "@backcare", NULL);
    }

  if (!bc_database_begin (db, error))
    return 0;

  id = add_in_transaction (db, profile_id, appointment, uid, starts, repeat, error);
  if (id == 0 || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return 0;
    }

  return id;
}

BcAppointment *
bc_appointment_store_get (BcDatabase  *db,
                          gint64       profile_id,
                          gint64       appointment_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                              "WHERE profile_id = ?1 AND id = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, appointment_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return appointment_from_row (stmt);
  if (rc == SQLITE_DONE)
    not_found (appointment_id, error);
  else
    bc_database_set_error (db, rc, error);

  return NULL;
}

static gboolean
update_row (BcDatabase           *db,
            gint64                profile_id,
            const BcAppointment  *appointment,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = bc_database_prepare (db,
                              "UPDATE appointments SET starts_at = ?5, tzid = ?6, "
                              "  duration_minutes = ?7, modality = ?8, therapist = ?9, "
                              "  location = ?10, phone = ?11, cost_cents = ?12, currency = ?13, "
                              "  insurance = ?14, notes = ?15, status = ?16, pain_before = ?17, "
                              "  pain_after = ?18 "
                              "WHERE profile_id = ?1 AND id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, appointment->id);
  bind_fields (stmt, appointment);

  if (!bc_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (bc_database_get_handle (db)) == 0)
    return not_found (appointment->id, error);

  return TRUE;
}

/* The occurrences of @stored's series from it on, each keeping its date
 * (in the new zone), its status and its pain ratings, and taking the new
 * time of day and the other fields of @appointment.
 */
static gboolean
update_series_from (BcDatabase           *db,
                    gint64                profile_id,
                    const BcAppointment  *stored,
                    const BcAppointment  *appointment,
                    GError              **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_appointment_free);
  g_autoptr(GTimeZone) zone = zone_of (appointment);
  int rc;

  select = bc_database_prepare (db,
                                "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                                "WHERE profile_id = ?1 AND series_id = ?2 AND id != ?3 "
                                "  AND recurrence_time >= ?4",
                                error);
  if (select == NULL)
    return FALSE;

  sqlite3_bind_int64 (select, 1, profile_id);
  sqlite3_bind_int64 (select, 2, stored->series_id);
  sqlite3_bind_int64 (select, 3, stored->id);
  sqlite3_bind_int64 (select, 4, stored->recurrence_time);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    g_ptr_array_add (later, appointment_from_row (select));
  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  if (!update_row (db, profile_id, appointment, error))
    return FALSE;

  for (guint i = 0; i < later->len; i++)
    {
      BcAppointment *other = g_ptr_array_index (later, i);
      g_autoptr(BcAppointment) changed = bc_appointment_copy (appointment);

      changed->id = other->id;
      changed->starts_at = combine_date_and_time (zone, other->starts_at,
                                                  appointment->starts_at);
      g_free (changed->status);
      changed->status = g_strdup (other->status);
      changed->pain_before = other->pain_before;
      changed->pain_after = other->pain_after;

      if (changed->starts_at <= 0)
        return invalid (error, _("The appointment must start in the years 1970 to 2100."));

      if (!update_row (db, profile_id, changed, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bc_appointment_store_update:
 * @whole_series: for a series occurrence, also change every later
 *   occurrence: each keeps its own date, status and pain ratings and
 *   takes the time of day and the other fields of @appointment
 *
 * Replaces the stored fields of @appointment->id (not its UID, series or
 * recurrence time).
 */
gboolean
bc_appointment_store_update (BcDatabase           *db,
                             gint64                profile_id,
                             const BcAppointment  *appointment,
                             gboolean              whole_series,
                             GError              **error)
{
  g_autoptr(BcAppointment) stored = NULL;
  gboolean ok;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (appointment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_profile (profile_id, error) || !bc_appointment_validate (appointment, error))
    return FALSE;

  if (!bc_database_begin (db, error))
    return FALSE;

  stored = bc_appointment_store_get (db, profile_id, appointment->id, error);
  if (stored == NULL)
    ok = FALSE;
  else if (whole_series && stored->series_id != 0)
    ok = update_series_from (db, profile_id, stored, appointment, error);
  else
    ok = update_row (db, profile_id, appointment, error);

  if (!ok || !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_in_transaction (BcDatabase  *db,
                       gint64       profile_id,
                       gint64       appointment_id,
                       gboolean     whole_series,
                       GError     **error)
{
  g_autoptr(BcAppointment) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean series = FALSE;

  stored = bc_appointment_store_get (db, profile_id, appointment_id, error);
  if (stored == NULL)
    return FALSE;

  series = whole_series && stored->series_id != 0;
  stmt = bc_database_prepare (db,
                              series ? "DELETE FROM appointments "
                                       "WHERE profile_id = ?1 AND series_id = ?2"
                                     : "DELETE FROM appointments "
                                       "WHERE profile_id = ?1 AND id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, series ? stored->series_id : appointment_id);
  if (!bc_database_step_done (db, stmt, error))
    return FALSE;

  if (series)
    {
      g_autoptr(sqlite3_stmt) rule = NULL;

      rule = bc_database_prepare (db,
                                  "DELETE FROM appointment_series "
                                  "WHERE profile_id = ?1 AND id = ?2",
                                  error);
      if (rule == NULL)
        return FALSE;

      sqlite3_bind_int64 (rule, 1, profile_id);
      sqlite3_bind_int64 (rule, 2, stored->series_id);
      if (!bc_database_step_done (db, rule, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bc_appointment_store_delete:
 * @whole_series: remove every occurrence and the rule of the series
 *   @appointment_id belongs to
 *
 * Removes rows. To cancel one occurrence of a series (an EXDATE in
 * iCalendar), update its status to "cancelled" instead.
 */
gboolean
bc_appointment_store_delete (BcDatabase  *db,
                             gint64       profile_id,
                             gint64       appointment_id,
                             gboolean     whole_series,
                             GError     **error)
{
  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bc_database_begin (db, error))
    return FALSE;

  if (!delete_in_transaction (db, profile_id, appointment_id, whole_series, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
collect (BcDatabase    *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_appointment_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, appointment_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

GPtrArray *
bc_appointment_store_list (BcDatabase  *db,
                           gint64       profile_id,
                           gint64       from,
                           gint64       to,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                              "WHERE profile_id = ?1 AND starts_at >= ?2 AND starts_at < ?3 "
                              "ORDER BY starts_at, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);

  return collect (db, stmt, error);
}

/**
 * bc_appointment_store_overlaps:
 *
 * Returns: (element-type BcAppointment): the profile's other appointments,
 *   not cancelled, whose [start, end) meets @appointment's, oldest first
 */
GPtrArray *
bc_appointment_store_overlaps (BcDatabase           *db,
                               gint64                profile_id,
                               const BcAppointment  *appointment,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (appointment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                              "WHERE profile_id = ?1 AND id != ?2 AND status != 'cancelled' "
                              "  AND starts_at < ?4 AND starts_at + duration_minutes * 60 > ?3 "
                              "ORDER BY starts_at, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, appointment->id);
  sqlite3_bind_int64 (stmt, 3, appointment->starts_at);
  sqlite3_bind_int64 (stmt, 4,
                      appointment->starts_at + (gint64)MAX (appointment->duration_minutes, 0) * 60);

  return collect (db, stmt, error);
}

gboolean
bc_appointment_store_get_repeat (BcDatabase           *db,
                                 gint64                series_id,
                                 BcAppointmentRepeat  *out_repeat,
                                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_repeat != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = bc_database_prepare (db,
                              "SELECT interval_weeks, count, until FROM appointment_series "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BC_APPOINTMENT_ERROR, BC_APPOINTMENT_ERROR_NOT_FOUND,
                   _("There is no appointment series %lld."), (long long)series_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return bc_database_set_error (db, rc, error);

  out_repeat->interval_weeks = sqlite3_column_int (stmt, 0);
  out_repeat->count = sqlite3_column_int (stmt, 1);
  out_repeat->until = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

/**
 * bc_appointment_store_upcoming:
 * @limit: at most this many
 *
 * The profile's scheduled appointments starting at or after @from,
 * oldest first, for the reminders and the Today page.
 */
GPtrArray *
bc_appointment_store_upcoming (BcDatabase  *db,
                               gint64       profile_id,
                               gint64       from,
                               guint        limit,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bc_database_prepare (db,
                              "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                              "WHERE profile_id = ?1 AND status = 'scheduled' "
                              "  AND starts_at >= ?2 "
                              "ORDER BY starts_at, id LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, profile_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, (int)MIN (limit, G_MAXINT));

  return collect (db, stmt, error);
}
