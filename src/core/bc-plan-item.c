/* bc-plan-item.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bc-plan-item.h"

/* One exercise in a plan, with the dosage the clinician chose for it. */
struct _BcPlanItem
{
  GObject   parent_instance;

  char     *exercise_ref;
  BcDosage  dosage;
  char     *notes;
};

G_DEFINE_FINAL_TYPE (BcPlanItem, bc_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSAGE_SUMMARY,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_plan_item_finalize (GObject *object)
{
  BcPlanItem *self = (BcPlanItem *)object;

  g_free (self->exercise_ref);
  g_free (self->notes);

  G_OBJECT_CLASS (bc_plan_item_parent_class)->finalize (object);
}

static void
bc_plan_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BcPlanItem *self = BC_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOSAGE_SUMMARY:
      g_value_take_string (value, bc_dosage_format_short (&self->dosage));
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_plan_item_class_init (BcPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_plan_item_finalize;
  object_class->get_property = bc_plan_item_get_property;

  properties[PROP_DOSAGE_SUMMARY] =
    g_param_spec_string ("dosage-summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_plan_item_init (BcPlanItem *self)
{
}

BcPlanItem *
bc_plan_item_new (const char     *exercise_ref,
                  const BcDosage *dosage,
                  const char     *notes)
{
  BcPlanItem *self;

  g_return_val_if_fail (exercise_ref != NULL, NULL);
  g_return_val_if_fail (dosage != NULL, NULL);

  self = g_object_new (BC_TYPE_PLAN_ITEM, NULL);
  self->exercise_ref = g_strdup (exercise_ref);
  self->dosage = *dosage;
  self->notes = g_strdup (notes ? notes : "");

  return self;
}

BcPlanItem *
bc_plan_item_copy (BcPlanItem *self)
{
  g_return_val_if_fail (BC_IS_PLAN_ITEM (self), NULL);

  return bc_plan_item_new (self->exercise_ref, &self->dosage, self->notes);
}

const char *
bc_plan_item_get_exercise_ref (BcPlanItem *self)
{
  g_return_val_if_fail (BC_IS_PLAN_ITEM (self), NULL);
  return self->exercise_ref;
}

const BcDosage *
bc_plan_item_get_dosage (BcPlanItem *self)
{
  g_return_val_if_fail (BC_IS_PLAN_ITEM (self), NULL);
  return &self->dosage;
}

void
bc_plan_item_set_dosage (BcPlanItem     *self,
                         const BcDosage *dosage)
{
  g_return_if_fail (BC_IS_PLAN_ITEM (self));

  if (memcmp (&self->dosage, dosage, sizeof *dosage) == 0)
    return;

  self->dosage = *dosage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSAGE_SUMMARY]);
}

const char *
bc_plan_item_get_notes (BcPlanItem *self)
{
  g_return_val_if_fail (BC_IS_PLAN_ITEM (self), NULL);
  return self->notes;
}

void
bc_plan_item_set_notes (BcPlanItem *self,
                        const char *notes)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN_ITEM (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  old = g_steal_pointer (&self->notes);
  self->notes = g_strdup (notes ? notes : "");
  g_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
