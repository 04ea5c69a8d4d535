/* bc-appointment-stats.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-appointment-store.h"

G_BEGIN_DECLS

/* Does massage help? Sessions and costs over a period, and the average
 * pain logged in the 7 days before and after each session.
 */

typedef struct
{
  guint   sessions;          /* done appointments in the period */
  gint64  cost_cents;        /* all of them */
  gint64  covered_cents;     /* covered or reimbursed */
  double  pain_before;       /* mean of the per-session 7-day means, NAN without data */
  double  pain_after;
  guint   sessions_with_pain;
  gboolean see_doctor;       /* >= 4 sessions (or 4 weeks) without >= threshold improvement */
} BcAppointmentSummary;

typedef struct
{
  char   month[8];           /* YYYY-MM */
  guint  sessions;
  gint64 cost_cents;
  gint64 covered_cents;
} BcAppointmentMonth;

gboolean bc_appointment_stats_summary  (BcDatabase           *db,
                                        gint64                profile_id,
                                        gint64                from,
                                        gint64                to,
                                        double                improvement_threshold,
                                        BcAppointmentSummary *out_summary,
                                        GError              **error);
/* Per month, oldest first (BcAppointmentMonth). */
GArray  *bc_appointment_stats_months   (BcDatabase           *db,
                                        gint64                profile_id,
                                        GError              **error);

G_END_DECLS
