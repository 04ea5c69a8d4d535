/* bc-plan-file.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-exercise-catalog.h"
#include "bc-plan.h"

G_BEGIN_DECLS

#define BC_PLAN_FILE_ERROR (bc_plan_file_error_quark ())

typedef enum
{
  BC_PLAN_FILE_ERROR_TOO_LARGE,
  BC_PLAN_FILE_ERROR_TOO_DEEP,
  BC_PLAN_FILE_ERROR_TOO_MANY,
  BC_PLAN_FILE_ERROR_MALFORMED,
  BC_PLAN_FILE_ERROR_NOT_A_PLAN,
  BC_PLAN_FILE_ERROR_NEWER_VERSION,
  BC_PLAN_FILE_ERROR_INVALID,
  BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
} BcPlanFileError;

#define BC_PLAN_FILE_FORMAT "backcare-plan"
#define BC_PLAN_FILE_VERSION 1
#define BC_PLAN_FILE_MAX_SIZE (16 * 1024 * 1024)
#define BC_PLAN_FILE_MAX_DEPTH 64
#define BC_PLAN_FILE_MAX_ITEMS 1000
#define BC_PLAN_FILE_MAX_CUSTOM 500

/* What a .backcare-plan file holds, checked and ready to import. */
typedef struct
{
  BcPlan    *plan;
  GPtrArray *custom_exercises; /* of BcExercise */
} BcPlanFileContents;

GQuark              bc_plan_file_error_quark    (void);

GBytes             *bc_plan_file_serialize      (BcPlan             *plan,
                                                 BcExerciseCatalog  *catalog,
                                                 GError            **error);
BcPlanFileContents *bc_plan_file_parse          (GBytes             *bytes,
                                                 BcExerciseCatalog  *catalog,
                                                 GError            **error);
gboolean            bc_plan_file_import         (BcDatabase         *db,
                                                 BcExerciseCatalog  *catalog,
                                                 BcPlanFileContents *contents,
                                                 gint64              profile_id,
                                                 GError            **error);
void                bc_plan_file_contents_free  (BcPlanFileContents *contents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPlanFileContents, bc_plan_file_contents_free)

G_END_DECLS
