/* bc-ics.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-appointment-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) through libical, never a hand-written parser.
 * Export: stable UIDs, DTSTART with TZID and a VTIMEZONE for every TZID,
 * DURATION, RRULE and EXDATE for series, VALARMs for the reminders,
 * X-BACKCARE-* for what iCalendar lacks (modality, cost, insurance,
 * pain before and after, status). Import: limits checked on the bytes
 * first (16 MiB, lines of 64 KiB, 10 000 VEVENTs), then everything is
 * parsed, then written in one transaction; the same UID updates.
 */

#define BC_ICS_ERROR (bc_ics_error_quark ())

typedef enum
{
  BC_ICS_ERROR_TOO_LARGE,
  BC_ICS_ERROR_MALFORMED,
  BC_ICS_ERROR_INVALID,
} BcIcsError;

#define BC_ICS_MAX_SIZE (16 * 1024 * 1024)
#define BC_ICS_MAX_LINE (64 * 1024)
#define BC_ICS_MAX_EVENTS 10000

typedef struct
{
  guint added;
  guint updated;
  guint skipped_all_day;
  guint skipped_unsupported;
} BcIcsImportResult;

GQuark   bc_ics_error_quark (void);

/* All appointments starting at or after @from (0: all), or one series
 * or one appointment when @appointment_id is not 0.
 */
GBytes  *bc_ics_export      (BcDatabase         *db,
                             gint64              profile_id,
                             gint64              appointment_id,
                             gint64              from,
                             GError            **error);
gboolean bc_ics_import      (BcDatabase         *db,
                             gint64              profile_id,
                             GBytes             *bytes,
                             BcIcsImportResult  *out_result,
                             GError            **error);

G_END_DECLS
