/* bc-plan-item.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bc-dosage.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_ITEM (bc_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (BcPlanItem, bc_plan_item, BC, PLAN_ITEM, GObject)

BcPlanItem     *bc_plan_item_new              (const char     *exercise_ref,
                                               const BcDosage *dosage,
                                               const char     *notes);
BcPlanItem     *bc_plan_item_copy             (BcPlanItem     *self);
const char     *bc_plan_item_get_exercise_ref (BcPlanItem     *self);
const BcDosage *bc_plan_item_get_dosage       (BcPlanItem     *self);
void            bc_plan_item_set_dosage       (BcPlanItem     *self,
                                               const BcDosage *dosage);
const char     *bc_plan_item_get_notes        (BcPlanItem     *self);
void            bc_plan_item_set_notes        (BcPlanItem     *self,
                                               const char     *notes);

G_END_DECLS
