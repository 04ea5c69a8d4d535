/* bc-plan-history-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-database.h"
#include "bc-exercise-catalog.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_HISTORY_DIALOG (bc_plan_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcPlanHistoryDialog, bc_plan_history_dialog, BC, PLAN_HISTORY_DIALOG,
                      AdwWindow)

BcPlanHistoryDialog *bc_plan_history_dialog_new         (GtkWindow           *parent,
                                                         BcDatabase          *db,
                                                         BcExerciseCatalog   *catalog,
                                                         gint64               profile_id);
guint                bc_plan_history_dialog_get_n_versions (BcPlanHistoryDialog *self);

G_END_DECLS
