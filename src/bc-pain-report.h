/* bc-pain-report.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bc-database.h"
#include "bc-plan-layout.h"

G_BEGIN_DECLS

#define BC_TYPE_PAIN_REPORT (bc_pain_report_get_type ())

G_DECLARE_FINAL_TYPE (BcPainReport, bc_pain_report, BC, PAIN_REPORT, GObject)

/* At most this many red-flag entries are listed one by one. */
#define BC_PAIN_REPORT_MAX_RED_FLAGS 200
/* The range when none is given: the last twelve weeks. */
#define BC_PAIN_REPORT_DEFAULT_DAYS 84

BcPainReport *bc_pain_report_new               (BcDatabase    *db,
                                                gint64         profile_id,
                                                const char    *first_day,
                                                const char    *last_day,
                                                GDateTime     *printed_at,
                                                GError       **error);
void          bc_pain_report_paginate          (BcPainReport  *self,
                                                double         width,
                                                double         height);
guint         bc_pain_report_get_n_pages       (BcPainReport  *self);
void          bc_pain_report_render_page       (BcPainReport  *self,
                                                cairo_t       *cr,
                                                guint          page);
gboolean      bc_pain_report_export_pdf        (BcPainReport  *self,
                                                BcPaper        paper,
                                                const char    *path,
                                                GError       **error);

gboolean      bc_pain_report_write             (BcDatabase    *db,
                                                gint64         profile_id,
                                                const char    *first_day,
                                                const char    *last_day,
                                                BcPaper        paper,
                                                const char    *path,
                                                guint         *out_n_pages,
                                                GError       **error);
gboolean      bc_pain_report_export_headless   (const char    *data_dir,
                                                const char    *profile_name,
                                                const char    *first_day,
                                                const char    *last_day,
                                                BcPaper        paper,
                                                const char    *path,
                                                char         **out_summary,
                                                GError       **error);

G_END_DECLS
