/* bc-exercise-editor.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-database.h"
#include "bc-exercise-catalog.h"

G_BEGIN_DECLS

#define BC_EXERCISE_EDITOR_ERROR (bc_exercise_editor_error_quark ())

typedef enum
{
  BC_EXERCISE_EDITOR_ERROR_UNREADABLE,
  BC_EXERCISE_EDITOR_ERROR_TOO_LARGE,
  BC_EXERCISE_EDITOR_ERROR_WRONG_TYPE,
  BC_EXERCISE_EDITOR_ERROR_DAMAGED,
} BcExerciseEditorError;

/* What an exercise's own image may be. */
#define BC_EXERCISE_IMAGE_MAX_BYTES (4 * 1024 * 1024)
#define BC_EXERCISE_IMAGE_MAX_PIXELS 4096

#define BC_TYPE_EXERCISE_EDITOR (bc_exercise_editor_get_type ())

G_DECLARE_FINAL_TYPE (BcExerciseEditor, bc_exercise_editor, BC, EXERCISE_EDITOR, AdwWindow)

GQuark            bc_exercise_editor_error_quark     (void);

BcExerciseEditor *bc_exercise_editor_new             (GtkWindow          *parent,
                                                      BcDatabase         *db,
                                                      BcExerciseCatalog  *catalog,
                                                      BcExercise         *exercise);

/* The form's fields, for tests and for filling it in from code. */
void              bc_exercise_editor_set_name        (BcExerciseEditor   *self,
                                                      const char         *name);
void              bc_exercise_editor_set_category    (BcExerciseEditor   *self,
                                                      BcExerciseCategory  category);
void              bc_exercise_editor_set_details     (BcExerciseEditor   *self,
                                                      const char         *muscles,
                                                      const char         *position,
                                                      const char         *equipment,
                                                      gboolean            per_side);
void              bc_exercise_editor_set_dosage      (BcExerciseEditor   *self,
                                                      const BcDosage     *dosage,
                                                      guint               days_per_week);
void              bc_exercise_editor_set_steps       (BcExerciseEditor   *self,
                                                      const char         *steps,
                                                      const char         *cautions);
gboolean          bc_exercise_editor_set_image_file  (BcExerciseEditor   *self,
                                                      GFile              *file,
                                                      GError            **error);
void              bc_exercise_editor_remove_image    (BcExerciseEditor   *self);
GBytes           *bc_exercise_editor_get_image       (BcExerciseEditor   *self);
const char       *bc_exercise_editor_get_image_error (BcExerciseEditor   *self);
const char       *bc_exercise_editor_get_error       (BcExerciseEditor   *self);
gboolean          bc_exercise_editor_save            (BcExerciseEditor   *self);

G_END_DECLS
