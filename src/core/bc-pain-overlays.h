/* bc-pain-overlays.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-plan.h"

G_BEGIN_DECLS

/* What the pain chart and the clinician report show beside the pain:
 * exercise adherence per day and massage appointments, aggregated in
 * SQL for a range of local days (YYYY-MM-DD, inclusive).
 */

/* One local day of the plan: what was due and what of it was done. */
typedef struct
{
  char   day[11];       /* YYYY-MM-DD */
  guint  due;           /* exercises the plan had due that day */
  guint  done;          /* of those, done (a record not skipped) */
  guint  extra;         /* done although not due that day */
} BcAdherenceDay;

/* A massage appointment as the chart marks it. */
typedef struct
{
  gint64  time;         /* unix seconds */
  int     pain_before;  /* 0–10, -1 when not recorded */
  int     pain_after;   /* 0–10, -1 when not recorded */
  char   *label;        /* modality or therapist, may be NULL */
} BcAppointmentMark;

GArray   *bc_adherence_daily           (BcDatabase  *db,
                                        gint64       profile_id,
                                        BcPlan      *plan,
                                        const char  *first_day,
                                        const char  *last_day,
                                        GError     **error);
gboolean  bc_adherence_total           (const BcAdherenceDay *days,
                                        guint                 n_days,
                                        guint                *out_due,
                                        guint                *out_done);

gboolean  bc_appointments_available    (BcDatabase  *db);
GArray   *bc_appointments_list_marks   (BcDatabase  *db,
                                        gint64       profile_id,
                                        const char  *first_day,
                                        const char  *last_day,
                                        GError     **error);

/* Local day helpers shared by the chart and the report: days as
 * GDate Julian day numbers, so that a day is one step whatever its
 * length in hours.
 */
guint32   bc_day_to_number             (const char  *iso_day);
char     *bc_day_from_number           (guint32      number);
guint32   bc_day_number_today          (void);
double    bc_day_number_of_time        (gint64       unix_time);

G_END_DECLS
