/* bc-today-page.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-reminder-card.h"

G_BEGIN_DECLS

#define BC_TYPE_TODAY_PAGE (bc_today_page_get_type ())

G_DECLARE_FINAL_TYPE (BcTodayPage, bc_today_page, BC, TODAY_PAGE, AdwBin)

void        bc_today_page_reload            (BcTodayPage *self);

/* What the page shows, for tests. */
gboolean    bc_today_page_get_has_plan      (BcTodayPage *self);
guint       bc_today_page_get_n_exercises   (BcTodayPage *self);
guint       bc_today_page_get_n_done        (BcTodayPage *self);
const char *bc_today_page_get_streak_text   (BcTodayPage *self);
const char *bc_today_page_get_week_text     (BcTodayPage *self);
guint       bc_today_page_get_n_past_days   (BcTodayPage *self);
gboolean    bc_today_page_get_past_done     (BcTodayPage *self,
                                             const char  *day,
                                             const char  *exercise_ref,
                                             gboolean    *found);
gboolean    bc_today_page_set_past_done     (BcTodayPage *self,
                                             const char  *day,
                                             const char  *exercise_ref,
                                             gboolean     done);
void        bc_today_page_expand_past_day   (BcTodayPage *self,
                                             const char  *day);
gboolean    bc_today_page_get_review_due    (BcTodayPage *self);
const char *bc_today_page_get_review_text   (BcTodayPage *self);
BcReminderCard *bc_today_page_get_reminder_card (BcTodayPage *self);

/* The quick pain log. */
gint64      bc_today_page_quick_log         (BcTodayPage *self,
                                             int          intensity);
const char *bc_today_page_get_quick_log_text (BcTodayPage *self);

/* Appointments: the next one, and the pain prompt after one. */
const char *bc_today_page_get_next_appointment_text   (BcTodayPage *self);
const char *bc_today_page_get_appointment_prompt_text (BcTodayPage *self);

G_END_DECLS
