/* bc-plan-page.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-plan.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_PAGE (bc_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (BcPlanPage, bc_plan_page, BC, PLAN_PAGE, AdwBin)

BcPlan    *bc_plan_page_get_plan          (BcPlanPage *self);
void       bc_plan_page_reload            (BcPlanPage *self);
void       bc_plan_page_preview_import    (BcPlanPage *self,
                                           GFile      *file);
GtkWindow *bc_plan_page_get_open_dialog   (BcPlanPage *self);
gboolean   bc_plan_page_use_template      (BcPlanPage *self,
                                           const char *resource_path);
void       bc_plan_page_add_exercise      (BcPlanPage *self,
                                           const char *exercise_ref);
void       bc_plan_page_undo_remove       (BcPlanPage *self);
gboolean   bc_plan_page_export_pdf        (BcPlanPage *self,
                                           const char *path,
                                           GError    **error);

G_END_DECLS
