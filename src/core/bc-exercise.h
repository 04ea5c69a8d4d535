/* bc-exercise.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bc-dosage.h"

G_BEGIN_DECLS

typedef enum
{
  BC_EXERCISE_CATEGORY_STRENGTHEN,
  BC_EXERCISE_CATEGORY_STRETCH,
  BC_EXERCISE_CATEGORY_MOBILITY,
} BcExerciseCategory;

#define BC_EXERCISE_REF_BUILTIN "builtin:"
#define BC_EXERCISE_REF_CUSTOM "custom:"

#define BC_TYPE_EXERCISE (bc_exercise_get_type ())

G_DECLARE_FINAL_TYPE (BcExercise, bc_exercise, BC, EXERCISE, GObject)

/* Everything an exercise is; the catalog and the store fill it in. */
typedef struct
{
  const char         *ref;
  const char         *name;
  BcExerciseCategory  category;
  const char         *muscles;
  const char         *position;
  const char         *equipment;
  gboolean            per_side;
  BcDosage            dosage;
  guint               days_per_week;
  const char * const *steps;
  const char * const *cautions;
  const char         *easier_ref;
  const char         *harder_ref;
  const char         *illustration_resource;
  const char         *image_mime_type;
  GBytes             *image;
  const char         *based_on_ref;
} BcExerciseData;

BcExercise         *bc_exercise_new                       (const BcExerciseData *data);

const char         *bc_exercise_get_ref                   (BcExercise *self);
gboolean            bc_exercise_is_builtin                (BcExercise *self);
const char         *bc_exercise_get_name                  (BcExercise *self);
BcExerciseCategory  bc_exercise_get_category              (BcExercise *self);
const char         *bc_exercise_get_muscles               (BcExercise *self);
const char         *bc_exercise_get_position              (BcExercise *self);
const char         *bc_exercise_get_equipment             (BcExercise *self);
gboolean            bc_exercise_get_per_side              (BcExercise *self);
const BcDosage     *bc_exercise_get_dosage                (BcExercise *self);
guint               bc_exercise_get_days_per_week         (BcExercise *self);
const char * const *bc_exercise_get_steps                 (BcExercise *self);
const char * const *bc_exercise_get_cautions              (BcExercise *self);
const char         *bc_exercise_get_easier_ref            (BcExercise *self);
const char         *bc_exercise_get_harder_ref            (BcExercise *self);
const char         *bc_exercise_get_illustration_resource (BcExercise *self);
const char         *bc_exercise_get_image_mime_type       (BcExercise *self);
GBytes             *bc_exercise_get_image                 (BcExercise *self);
const char         *bc_exercise_get_based_on_ref          (BcExercise *self);
gboolean            bc_exercise_matches                   (BcExercise *self,
                                                           const char *casefolded_query);

const char         *bc_exercise_category_to_string        (BcExerciseCategory  category);
gboolean            bc_exercise_category_from_string      (const char         *str,
                                                           BcExerciseCategory *out_category);
const char         *bc_exercise_category_get_label        (BcExerciseCategory  category);

G_END_DECLS
