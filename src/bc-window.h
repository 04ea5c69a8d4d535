/* bc-window.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-appointments-page.h"
#include "bc-pain-log-page.h"
#include "bc-plan-page.h"

G_BEGIN_DECLS

#define BC_TYPE_WINDOW (bc_window_get_type ())

G_DECLARE_FINAL_TYPE (BcWindow, bc_window, BC, WINDOW, AdwApplicationWindow)

BcWindow   *bc_window_new                (BcApplication *application);
const char *bc_window_get_visible_page   (BcWindow      *self);
gboolean    bc_window_is_showing_error   (BcWindow      *self);
BcPlanPage *bc_window_get_plan_page      (BcWindow      *self);
BcPainLogPage *bc_window_get_pain_log_page (BcWindow    *self);
BcAppointmentsPage *bc_window_get_appointments_page (BcWindow *self);

G_END_DECLS
