/* bc-appointments-page.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_APPOINTMENTS_PAGE (bc_appointments_page_get_type ())

G_DECLARE_FINAL_TYPE (BcAppointmentsPage, bc_appointments_page, BC, APPOINTMENTS_PAGE, AdwBin)

/* How far the past list reaches back at first, and each "Show Older". */
#define BC_APPOINTMENTS_PAGE_PAST_DAYS 365

void        bc_appointments_page_reload             (BcAppointmentsPage *self);
void        bc_appointments_page_add_appointment    (BcAppointmentsPage *self);
void        bc_appointments_page_edit_appointment   (BcAppointmentsPage *self,
                                                     gint64              appointment_id);
gboolean    bc_appointments_page_cancel_occurrence  (BcAppointmentsPage *self,
                                                     gint64              appointment_id);
gboolean    bc_appointments_page_delete_appointment (BcAppointmentsPage *self,
                                                     gint64              appointment_id);
void        bc_appointments_page_undo_delete        (BcAppointmentsPage *self);
GtkWindow  *bc_appointments_page_get_open_dialog    (BcAppointmentsPage *self);

/* What the page shows, for tests. */
guint       bc_appointments_page_get_n_upcoming     (BcAppointmentsPage *self);
guint       bc_appointments_page_get_n_past         (BcAppointmentsPage *self);
gint64      bc_appointments_page_get_upcoming_id    (BcAppointmentsPage *self,
                                                     guint               position);
const char *bc_appointments_page_get_sessions_text  (BcAppointmentsPage *self);
const char *bc_appointments_page_get_cost_text      (BcAppointmentsPage *self);
const char *bc_appointments_page_get_pain_text      (BcAppointmentsPage *self);
gboolean    bc_appointments_page_get_see_doctor_shown (BcAppointmentsPage *self);

/* iCalendar: both as the menu items do it, after the file is chosen.
 * Import says what it did in @out_text ("3 added, 1 updated, …").
 */
gboolean    bc_appointments_page_export_ics         (BcAppointmentsPage *self,
                                                     GFile              *file,
                                                     GError            **error);
gboolean    bc_appointments_page_export_one         (BcAppointmentsPage *self,
                                                     gint64              appointment_id,
                                                     const char         *path,
                                                     GError            **error);
gboolean    bc_appointments_page_import_ics         (BcAppointmentsPage *self,
                                                     GFile              *file,
                                                     char              **out_text,
                                                     GError            **error);

G_END_DECLS
