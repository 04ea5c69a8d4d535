/* bc-plan.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-plan.h"

/* A home exercise plan: who wrote it, when it starts and is reviewed,
 * and its exercises in order (a GListStore of BcPlanItem).
 */
struct _BcPlan
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *clinician;
  char       *start_date;
  char       *review_date;
  char       *notes;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (BcPlan, bc_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-plan-error-quark, bc_plan_error)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_plan_finalize (GObject *object)
{
  BcPlan *self = (BcPlan *)object;

  g_free (self->title);
  g_free (self->clinician);
  g_free (self->start_date);
  g_free (self->review_date);
  g_free (self->notes);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bc_plan_parent_class)->finalize (object);
}

static void
bc_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BcPlan *self = BC_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_plan_class_init (BcPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_plan_finalize;
  object_class->get_property = bc_plan_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_plan_init (BcPlan *self)
{
  self->items = g_list_store_new (BC_TYPE_PLAN_ITEM);
  self->clinician = g_strdup ("");
  self->notes = g_strdup ("");
}

BcPlan *
bc_plan_new (const char *title)
{
  BcPlan *self = g_object_new (BC_TYPE_PLAN, NULL);

  self->title = g_strdup (title ? title : "");
  return self;
}

/* A deep copy without the database id: the start of a new version. */
BcPlan *
bc_plan_copy (BcPlan *self)
{
  BcPlan *copy;
  guint n;

  g_return_val_if_fail (BC_IS_PLAN (self), NULL);

  copy = bc_plan_new (self->title);
  bc_plan_set_clinician (copy, self->clinician);
  bc_plan_set_start_date (copy, self->start_date);
  bc_plan_set_review_date (copy, self->review_date);
  bc_plan_set_notes (copy, self->notes);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autoptr(BcPlanItem) item_copy = bc_plan_item_copy (item);

      g_list_store_append (copy->items, item_copy);
    }

  return copy;
}

gint64
bc_plan_get_id (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), 0);
  return self->id;
}

void
bc_plan_set_id (BcPlan *self,
                gint64  id)
{
  g_return_if_fail (BC_IS_PLAN (self));
  self->id = id;
}

const char *
bc_plan_get_title (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->title;
}

void
bc_plan_set_title (BcPlan     *self,
                   const char *title)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  old = g_steal_pointer (&self->title);
  self->title = g_strdup (title ? title : "");
  g_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bc_plan_get_clinician (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->clinician;
}

void
bc_plan_set_clinician (BcPlan     *self,
                       const char *clinician)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN (self));
  /* The new value may be the old one (gettext returns its argument). */
  old = g_steal_pointer (&self->clinician);
  self->clinician = g_strdup (clinician ? clinician : "");
  g_free (old);
}

const char *
bc_plan_get_start_date (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->start_date;
}

void
bc_plan_set_start_date (BcPlan     *self,
                        const char *iso_date)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN (self));
  old = g_steal_pointer (&self->start_date);
  self->start_date = iso_date && iso_date[0] ? g_strdup (iso_date) : NULL;
  g_free (old);
}

const char *
bc_plan_get_review_date (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->review_date;
}

void
bc_plan_set_review_date (BcPlan     *self,
                         const char *iso_date)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN (self));
  old = g_steal_pointer (&self->review_date);
  self->review_date = iso_date && iso_date[0] ? g_strdup (iso_date) : NULL;
  g_free (old);
}

const char *
bc_plan_get_notes (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->notes;
}

void
bc_plan_set_notes (BcPlan     *self,
                   const char *notes)
{
  char *old;

  g_return_if_fail (BC_IS_PLAN (self));
  /* The new value may be the old one (gettext returns its argument). */
  old = g_steal_pointer (&self->notes);
  self->notes = g_strdup (notes ? notes : "");
  g_free (old);
}

GListStore *
bc_plan_get_items (BcPlan *self)
{
  g_return_val_if_fail (BC_IS_PLAN (self), NULL);
  return self->items;
}

/* YYYY-MM-DD and a real calendar day. */
gboolean
bc_iso_date_is_valid (const char *iso_date)
{
  guint year, month, day;
  char extra;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;

  if (sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static gboolean
title_is_blank (const char *title)
{
  g_autofree char *copy = g_strdup (title);

  return g_strstrip (copy)[0] == '\0';
}

gboolean
bc_plan_validate (BcPlan  *self,
                  GError **error)
{
  guint n;

  g_return_val_if_fail (BC_IS_PLAN (self), FALSE);

  if (self->title == NULL || title_is_blank (self->title))
    {
      g_set_error_literal (error, BC_PLAN_ERROR, BC_PLAN_ERROR_TITLE,
                           _("The plan needs a title."));
      return FALSE;
    }

  if ((self->start_date != NULL && !bc_iso_date_is_valid (self->start_date)) ||
      (self->review_date != NULL && !bc_iso_date_is_valid (self->review_date)))
    {
      g_set_error_literal (error, BC_PLAN_ERROR, BC_PLAN_ERROR_DATE,
                           _("Dates must be real days, written as YYYY-MM-DD."));
      return FALSE;
    }

  if (self->start_date != NULL && self->review_date != NULL &&
      strcmp (self->review_date, self->start_date) < 0)
    {
      g_set_error_literal (error, BC_PLAN_ERROR, BC_PLAN_ERROR_DATE,
                           _("The review date cannot be before the start date."));
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autoptr(GError) local_error = NULL;

      if (!bc_dosage_validate (bc_plan_item_get_dosage (item), &local_error))
        {
          g_set_error (error, BC_PLAN_ERROR, BC_PLAN_ERROR_ITEM,
                       _("Exercise %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
