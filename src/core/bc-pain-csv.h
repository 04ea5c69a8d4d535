/* bc-pain-csv.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-pain-store.h"

G_BEGIN_DECLS

/* The pain log as CSV (RFC 4180, UTF-8), one entry per row after the
 * header below. Export writes LF line ends, quotes only the fields that
 * need it and sorts by time then id, so export → import → export gives
 * the same bytes. Import accepts LF or CRLF and an optional UTF-8 BOM.
 */

#define BC_PAIN_CSV_ERROR (bc_pain_csv_error_quark ())

typedef enum
{
  BC_PAIN_CSV_ERROR_TOO_LARGE,
  BC_PAIN_CSV_ERROR_TOO_MANY_ROWS,
  BC_PAIN_CSV_ERROR_MALFORMED,
} BcPainCsvError;

#define BC_PAIN_CSV_HEADER \
  "time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note"

/* Checked before anything is parsed. */
#define BC_PAIN_CSV_MAX_SIZE (64 * 1024 * 1024)
#define BC_PAIN_CSV_MAX_ROWS 2000000

GQuark    bc_pain_csv_error_quark (void);

gboolean  bc_pain_csv_export      (BcDatabase     *db,
                                   gint64          profile_id,
                                   GOutputStream  *stream,
                                   GError        **error);
gboolean  bc_pain_csv_check       (GBytes         *bytes,
                                   guint          *out_n_rows,
                                   GError        **error);
gboolean  bc_pain_csv_import      (BcDatabase     *db,
                                   gint64          profile_id,
                                   GBytes         *bytes,
                                   guint          *out_imported,
                                   guint          *out_skipped,
                                   GError        **error);

char     *bc_pain_csv_format_time (gint64          time,
                                   int             utc_offset);
gboolean  bc_pain_csv_parse_time  (const char     *str,
                                   gsize           length,
                                   gint64         *out_time,
                                   int            *out_utc_offset);

G_END_DECLS
