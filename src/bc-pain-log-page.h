/* bc-pain-log-page.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-psfs-card.h"

G_BEGIN_DECLS

#define BC_TYPE_PAIN_LOG_PAGE (bc_pain_log_page_get_type ())

G_DECLARE_FINAL_TYPE (BcPainLogPage, bc_pain_log_page, BC, PAIN_LOG_PAGE, AdwBin)

/* How many entries the list reads from sqlite at a time. */
#define BC_PAIN_LOG_PAGE_SIZE 50

void        bc_pain_log_page_reload          (BcPainLogPage *self);
void        bc_pain_log_page_log_pain        (BcPainLogPage *self);
void        bc_pain_log_page_edit_entry      (BcPainLogPage *self,
                                              gint64         entry_id);
GtkWindow  *bc_pain_log_page_get_open_dialog (BcPainLogPage *self);
GtkBox     *bc_pain_log_page_get_chart_box   (BcPainLogPage *self);
BcPsfsCard *bc_pain_log_page_get_psfs_card   (BcPainLogPage *self);

/* The list, for tests: rows and days made so far, and the entries that
 * match the search.
 */
guint       bc_pain_log_page_get_n_rows      (BcPainLogPage *self);
guint       bc_pain_log_page_get_n_days      (BcPainLogPage *self);
guint       bc_pain_log_page_get_n_matching  (BcPainLogPage *self);
const char *bc_pain_log_page_get_day_title   (BcPainLogPage *self,
                                              guint          index);
gint64      bc_pain_log_page_get_entry_id    (BcPainLogPage *self,
                                              guint          position);
gboolean    bc_pain_log_page_get_row_red_flag (BcPainLogPage *self,
                                               guint          position);
gboolean    bc_pain_log_page_load_more       (BcPainLogPage *self);
void        bc_pain_log_page_set_search      (BcPainLogPage *self,
                                              const char    *text);
gboolean    bc_pain_log_page_delete_entry    (BcPainLogPage *self,
                                              gint64         entry_id);
void        bc_pain_log_page_undo_delete     (BcPainLogPage *self);

/* CSV: both as the menu items do it, after the file is chosen. */
void        bc_pain_log_page_preview_import  (BcPainLogPage *self,
                                              GFile         *file);
gboolean    bc_pain_log_page_export_csv      (BcPainLogPage *self,
                                              GFile         *file,
                                              GError       **error);

G_END_DECLS
