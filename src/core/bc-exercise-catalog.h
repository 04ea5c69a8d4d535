/* bc-exercise-catalog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bc-database.h"
#include "bc-exercise.h"

G_BEGIN_DECLS

#define BC_CATALOG_ERROR (bc_catalog_error_quark ())

typedef enum
{
  BC_CATALOG_ERROR_INVALID,
} BcCatalogError;

#define BC_TYPE_EXERCISE_CATALOG (bc_exercise_catalog_get_type ())

G_DECLARE_FINAL_TYPE (BcExerciseCatalog, bc_exercise_catalog, BC, EXERCISE_CATALOG, GObject)

GQuark             bc_catalog_error_quark             (void);

BcExerciseCatalog *bc_exercise_catalog_new            (BcDatabase          *db,
                                                       GError             **error);
BcExerciseCatalog *bc_exercise_catalog_new_from_xml   (GBytes              *xml,
                                                       GError             **error);
GListModel        *bc_exercise_catalog_get_model      (BcExerciseCatalog   *self);
BcExercise        *bc_exercise_catalog_lookup         (BcExerciseCatalog   *self,
                                                       const char          *ref);
BcExercise        *bc_exercise_catalog_add_custom     (BcExerciseCatalog   *self,
                                                       BcDatabase          *db,
                                                       const BcExerciseData *data,
                                                       GError             **error);
gboolean           bc_exercise_catalog_reload_custom  (BcExerciseCatalog   *self,
                                                       BcDatabase          *db,
                                                       GError             **error);
gboolean           bc_exercise_catalog_put_custom     (BcExerciseCatalog   *self,
                                                       BcDatabase          *db,
                                                       const BcExerciseData *data,
                                                       GError             **error);

G_END_DECLS
