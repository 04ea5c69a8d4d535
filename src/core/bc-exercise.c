/* bc-exercise.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bc-exercise.h"

struct _BcExercise
{
  GObject             parent_instance;

  char               *ref;
  char               *name;
  BcExerciseCategory  category;
  char               *muscles;
  char               *position;
  char               *equipment;
  gboolean            per_side;
  BcDosage            dosage;
  guint               days_per_week;
  GStrv               steps;
  GStrv               cautions;
  char               *easier_ref;
  char               *harder_ref;
  char               *illustration_resource;
  char               *image_mime_type;
  GBytes             *image;
  char               *based_on_ref;
  char               *search_text;
};

G_DEFINE_FINAL_TYPE (BcExercise, bc_exercise, G_TYPE_OBJECT)

static void
bc_exercise_finalize (GObject *object)
{
  BcExercise *self = (BcExercise *)object;

  g_free (self->ref);
  g_free (self->name);
  g_free (self->muscles);
  g_free (self->position);
  g_free (self->equipment);
  g_strfreev (self->steps);
  g_strfreev (self->cautions);
  g_free (self->easier_ref);
  g_free (self->harder_ref);
  g_free (self->illustration_resource);
  g_free (self->image_mime_type);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->based_on_ref);
  g_free (self->search_text);

  G_OBJECT_CLASS (bc_exercise_parent_class)->finalize (object);
}

static void
bc_exercise_class_init (BcExerciseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_exercise_finalize;
}

static void
bc_exercise_init (BcExercise *self)
{
}

static char *
dup_nonempty (const char *str)
{
  return str != NULL && str[0] != '\0' ? g_strdup (str) : NULL;
}

BcExercise *
bc_exercise_new (const BcExerciseData *data)
{
  BcExercise *self;
  const char *empty[] = { NULL };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->ref != NULL, NULL);
  g_return_val_if_fail (data->name != NULL, NULL);

  self = g_object_new (BC_TYPE_EXERCISE, NULL);
  self->ref = g_strdup (data->ref);
  self->name = g_strdup (data->name);
  self->category = data->category;
  self->muscles = g_strdup (data->muscles ? data->muscles : "");
  self->position = g_strdup (data->position ? data->position : "");
  self->equipment = g_strdup (data->equipment ? data->equipment : "");
  self->per_side = data->per_side;
  self->dosage = data->dosage;
  self->days_per_week = data->days_per_week;
  self->steps = g_strdupv ((char **)(data->steps ? data->steps : empty));
  self->cautions = g_strdupv ((char **)(data->cautions ? data->cautions : empty));
  self->easier_ref = dup_nonempty (data->easier_ref);
  self->harder_ref = dup_nonempty (data->harder_ref);
  self->illustration_resource = dup_nonempty (data->illustration_resource);
  self->image_mime_type = dup_nonempty (data->image_mime_type);
  self->image = data->image ? g_bytes_ref (data->image) : NULL;
  self->based_on_ref = dup_nonempty (data->based_on_ref);

  /* Searching matches the name, the muscles and the position. */
  {
    g_autofree char *joined = g_strjoin (" ", self->name, self->muscles, self->position, NULL);
    self->search_text = g_utf8_casefold (joined, -1);
  }

  return self;
}

const char *
bc_exercise_get_ref (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->ref;
}

gboolean
bc_exercise_is_builtin (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), FALSE);
  return g_str_has_prefix (self->ref, BC_EXERCISE_REF_BUILTIN);
}

const char *
bc_exercise_get_name (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->name;
}

BcExerciseCategory
bc_exercise_get_category (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), 0);
  return self->category;
}

const char *
bc_exercise_get_muscles (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->muscles;
}

const char *
bc_exercise_get_position (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->position;
}

const char *
bc_exercise_get_equipment (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->equipment;
}

gboolean
bc_exercise_get_per_side (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), FALSE);
  return self->per_side;
}

const BcDosage *
bc_exercise_get_dosage (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return &self->dosage;
}

guint
bc_exercise_get_days_per_week (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), 0);
  return self->days_per_week;
}

const char * const *
bc_exercise_get_steps (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return (const char * const *)self->steps;
}

const char * const *
bc_exercise_get_cautions (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return (const char * const *)self->cautions;
}

const char *
bc_exercise_get_easier_ref (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->easier_ref;
}

const char *
bc_exercise_get_harder_ref (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->harder_ref;
}

const char *
bc_exercise_get_illustration_resource (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->illustration_resource;
}

const char *
bc_exercise_get_image_mime_type (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->image_mime_type;
}

GBytes *
bc_exercise_get_image (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->image;
}

const char *
bc_exercise_get_based_on_ref (BcExercise *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), NULL);
  return self->based_on_ref;
}

gboolean
bc_exercise_matches (BcExercise *self,
                     const char *casefolded_query)
{
  g_return_val_if_fail (BC_IS_EXERCISE (self), FALSE);

  if (casefolded_query == NULL || casefolded_query[0] == '\0')
    return TRUE;

  return strstr (self->search_text, casefolded_query) != NULL;
}

static const char * const category_ids[] = { "strengthen", "stretch", "mobility" };

const char *
bc_exercise_category_to_string (BcExerciseCategory category)
{
  g_return_val_if_fail (category < G_N_ELEMENTS (category_ids), NULL);
  return category_ids[category];
}

gboolean
bc_exercise_category_from_string (const char         *str,
                                  BcExerciseCategory *out_category)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_ids); i++)
    {
      if (g_strcmp0 (str, category_ids[i]) == 0)
        {
          *out_category = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
bc_exercise_category_get_label (BcExerciseCategory category)
{
  switch (category)
    {
    case BC_EXERCISE_CATEGORY_STRENGTHEN:
      return _("Strengthening");
    case BC_EXERCISE_CATEGORY_STRETCH:
      return _("Stretch");
    case BC_EXERCISE_CATEGORY_MOBILITY:
      return _("Mobility");
    default:
      g_return_val_if_reached (NULL);
    }
}
