/* bc-plan-layout.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bc-exercise-catalog.h"
#include "bc-plan.h"

G_BEGIN_DECLS

/* The PDF's margins; printing uses the same ones. */
#define BC_PLAN_LAYOUT_PAGE_MARGIN 42.0

typedef enum
{
  BC_PAPER_A4,
  BC_PAPER_LETTER,
} BcPaper;

/* The clinic's letterhead at the top of page 1; every field optional. */
typedef struct
{
  const char *clinic_name;
  const char *clinic_address;
  const char *clinic_phone;
  const char *logo_path;
} BcLetterhead;

typedef enum
{
  BC_LAYOUT_BLOCK_HEADER,
  BC_LAYOUT_BLOCK_EXERCISE,
  BC_LAYOUT_BLOCK_TRACKING,
} BcLayoutBlockKind;

/* Where a block landed: tests check that none is split or overflows. */
typedef struct
{
  BcLayoutBlockKind kind;
  guint             page;
  guint             item;
  double            y;
  double            height;
} BcLayoutBlock;

#define BC_TYPE_PLAN_LAYOUT (bc_plan_layout_get_type ())

G_DECLARE_FINAL_TYPE (BcPlanLayout, bc_plan_layout, BC, PLAN_LAYOUT, GObject)

BcPlanLayout        *bc_plan_layout_new             (BcPlan             *plan,
                                                     BcExerciseCatalog  *catalog,
                                                     const char         *patient,
                                                     const BcLetterhead *letterhead,
                                                     GDateTime          *printed_at);
void                 bc_plan_layout_paginate        (BcPlanLayout       *self,
                                                     double              width,
                                                     double              height);
guint                bc_plan_layout_get_n_pages     (BcPlanLayout       *self);
double               bc_plan_layout_get_content_height (BcPlanLayout    *self);
const BcLayoutBlock *bc_plan_layout_get_blocks      (BcPlanLayout       *self,
                                                     guint              *n_blocks);
void                 bc_plan_layout_render_page     (BcPlanLayout       *self,
                                                     cairo_t            *cr,
                                                     guint               page);
gboolean             bc_plan_layout_export_pdf      (BcPlanLayout       *self,
                                                     BcPaper             paper,
                                                     const char         *path,
                                                     GError            **error);

BcPaper              bc_paper_from_locale           (void);
gboolean             bc_paper_from_string           (const char         *name,
                                                     BcPaper            *out_paper);
void                 bc_paper_get_size              (BcPaper             paper,
                                                     double             *width,
                                                     double             *height);

G_END_DECLS
