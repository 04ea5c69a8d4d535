/* bc-appointment-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"

G_BEGIN_DECLS

/* Massage appointments (tables appointments and appointment_series,
 * schema version 5). A repeating series is stored as its rule (weekly
 * every N weeks, for a count or until a date, with excluded dates) and
 * its occurrences as rows, each with the series' UID and the original
 * start as recurrence_time, so one occurrence can be edited or
 * cancelled and the whole series exported as RRULE + EXDATE.
 */

#define BC_APPOINTMENT_ERROR (bc_appointment_error_quark ())

typedef enum
{
  BC_APPOINTMENT_ERROR_INVALID,
  BC_APPOINTMENT_ERROR_NOT_FOUND,
} BcAppointmentError;

typedef struct
{
  gint64  id;                /* 0 for a new one */
  char   *uid;               /* iCalendar UID; made when NULL */
  gint64  series_id;         /* 0 when not part of a series */
  gint64  recurrence_time;   /* original start of a series occurrence, else 0 */
  gint64  starts_at;         /* unix seconds */
  char   *tzid;              /* zone it was entered in, e.g. "Europe/Berlin" */
  int     duration_minutes;  /* 5–600, default 60 */
  char   *modality;          /* code, see bc_appointment_modality_codes () */
  char   *therapist;
  char   *location;
  char   *phone;
  gint64  cost_cents;        /* >= 0 */
  char   *currency;          /* ISO 4217, e.g. "EUR"; may be empty */
  char   *insurance;         /* not-covered, covered, claim-submitted, reimbursed */
  char   *notes;
  char   *status;            /* scheduled, done, cancelled, missed */
  int     pain_before;       /* 0–10, -1 when not given */
  int     pain_after;        /* 0–10, -1 when not given */
} BcAppointment;

typedef struct
{
  int    interval_weeks;     /* 1–52 */
  int    count;              /* occurrences, 0 when until is used */
  gint64 until;              /* unix seconds, 0 when count is used */
} BcAppointmentRepeat;

GQuark              bc_appointment_error_quark      (void);

BcAppointment      *bc_appointment_new              (void);
BcAppointment      *bc_appointment_copy             (const BcAppointment *appointment);
void                bc_appointment_free             (BcAppointment       *appointment);
gboolean            bc_appointment_validate         (const BcAppointment *appointment,
                                                     GError             **error);
const char * const *bc_appointment_modality_codes   (void);
const char         *bc_appointment_code_get_label   (const char          *code);

/* One transaction per write. A repeat expands into occurrences (at most
 * 520) in the zone of @appointment->tzid, so local times survive DST.
 */
gint64              bc_appointment_store_add        (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     const BcAppointment       *appointment,
                                                     const BcAppointmentRepeat *repeat,
                                                     GError                   **error);
gboolean            bc_appointment_store_update     (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     const BcAppointment       *appointment,
                                                     gboolean                   whole_series,
                                                     GError                   **error);
gboolean            bc_appointment_store_delete     (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     gint64                     appointment_id,
                                                     gboolean                   whole_series,
                                                     GError                   **error);
BcAppointment      *bc_appointment_store_get        (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     gint64                     appointment_id,
                                                     GError                   **error);
/* Appointments starting in [from, to), oldest first (BcAppointment *). */
GPtrArray          *bc_appointment_store_list       (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     gint64                     from,
                                                     gint64                     to,
                                                     GError                   **error);
/* Others that overlap @appointment in time (a warning, never a block). */
GPtrArray          *bc_appointment_store_overlaps   (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     const BcAppointment       *appointment,
                                                     GError                   **error);
gboolean            bc_appointment_store_get_repeat (BcDatabase                *db,
                                                     gint64                     series_id,
                                                     BcAppointmentRepeat       *out_repeat,
                                                     GError                   **error);

/* Added: the starts a repeat expands to (gint64), and the scheduled
 * appointments from @from on (BcAppointment *), oldest first.
 */
GArray             *bc_appointment_repeat_expand    (gint64                     starts_at,
                                                     const char                *tzid,
                                                     const BcAppointmentRepeat *repeat,
                                                     GError                   **error);
GPtrArray          *bc_appointment_store_upcoming   (BcDatabase                *db,
                                                     gint64                     profile_id,
                                                     gint64                     from,
                                                     guint                      limit,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcAppointment, bc_appointment_free)

G_END_DECLS
