/* bc-plan.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bc-plan-item.h"

G_BEGIN_DECLS

#define BC_PLAN_ERROR (bc_plan_error_quark ())

typedef enum
{
  BC_PLAN_ERROR_TITLE,
  BC_PLAN_ERROR_DATE,
  BC_PLAN_ERROR_ITEM,
} BcPlanError;

#define BC_TYPE_PLAN (bc_plan_get_type ())

G_DECLARE_FINAL_TYPE (BcPlan, bc_plan, BC, PLAN, GObject)

GQuark      bc_plan_error_quark     (void);

BcPlan     *bc_plan_new             (const char  *title);
BcPlan     *bc_plan_copy            (BcPlan      *self);
gint64      bc_plan_get_id          (BcPlan      *self);
void        bc_plan_set_id          (BcPlan      *self,
                                     gint64       id);
const char *bc_plan_get_title       (BcPlan      *self);
void        bc_plan_set_title       (BcPlan      *self,
                                     const char  *title);
const char *bc_plan_get_clinician   (BcPlan      *self);
void        bc_plan_set_clinician   (BcPlan      *self,
                                     const char  *clinician);
const char *bc_plan_get_start_date  (BcPlan      *self);
void        bc_plan_set_start_date  (BcPlan      *self,
                                     const char  *iso_date);
const char *bc_plan_get_review_date (BcPlan      *self);
void        bc_plan_set_review_date (BcPlan      *self,
                                     const char  *iso_date);
const char *bc_plan_get_notes       (BcPlan      *self);
void        bc_plan_set_notes       (BcPlan      *self,
                                     const char  *notes);
GListStore *bc_plan_get_items       (BcPlan      *self);
gboolean    bc_plan_validate        (BcPlan      *self,
                                     GError     **error);

gboolean    bc_iso_date_is_valid    (const char  *iso_date);

G_END_DECLS
