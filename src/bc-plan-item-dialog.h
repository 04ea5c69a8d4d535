/* bc-plan-item-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-exercise.h"
#include "bc-plan-item.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_ITEM_DIALOG (bc_plan_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcPlanItemDialog, bc_plan_item_dialog, BC, PLAN_ITEM_DIALOG, AdwWindow)

BcPlanItemDialog *bc_plan_item_dialog_new        (GtkWindow        *parent,
                                                  BcExercise       *exercise,
                                                  BcPlanItem       *item);
void              bc_plan_item_dialog_set_values (BcPlanItemDialog *self,
                                                  const BcDosage   *dosage);
const char       *bc_plan_item_dialog_get_error  (BcPlanItemDialog *self);
gboolean          bc_plan_item_dialog_save       (BcPlanItemDialog *self);

G_END_DECLS
