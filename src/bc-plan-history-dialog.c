/* bc-plan-history-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-plan-file.h"
#include "bc-plan-history-dialog.h"
#include "bc-plan-store.h"

/* Earlier versions of the plan, newest first, each as it was: what a
 * physiotherapist compares at a review.
 */
struct _BcPlanHistoryDialog
{
  AdwWindow   parent_instance;

  GtkStack   *stack;
  GtkBox     *versions_box;

  guint       n_versions;
};

G_DEFINE_FINAL_TYPE (BcPlanHistoryDialog, bc_plan_history_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
version_group (BcPlanVersion     *version,
               BcExerciseCatalog *catalog)
{
  g_autoptr(GBytes) bytes = g_bytes_new (version->snapshot, strlen (version->snapshot));
  g_autoptr(BcPlanFileContents) contents = bc_plan_file_parse (bytes, NULL, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  GListModel *items;

  if (contents == NULL)
    return NULL;

  /* Translators: a date (YYYY-MM-DD) */
  title = g_strdup_printf (version->active ? _("Before the changes of %s")
                                           : _("Replaced on %s"),
                           version->day);
  escaped = g_markup_escape_text (bc_plan_get_title (contents->plan), -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);

  items = G_LIST_MODEL (bc_plan_get_items (contents->plan));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcExercise *exercise = bc_exercise_catalog_lookup (catalog,
                                                         bc_plan_item_get_exercise_ref (item));
      g_autofree char *summary = bc_dosage_format_short (bc_plan_item_get_dosage (item));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     exercise ? bc_exercise_get_name (exercise)
                                              : bc_plan_item_get_exercise_ref (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
bc_plan_history_dialog_class_init (BcPlanHistoryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-plan-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPlanHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BcPlanHistoryDialog, versions_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_plan_history_dialog_init (BcPlanHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BcPlanHistoryDialog *
bc_plan_history_dialog_new (GtkWindow         *parent,
                            BcDatabase        *db,
                            BcExerciseCatalog *catalog,
                            gint64             profile_id)
{
  BcPlanHistoryDialog *self;
  g_autoptr(GPtrArray) versions = NULL;

  self = g_object_new (BC_TYPE_PLAN_HISTORY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  versions = bc_plan_store_list_versions (db, profile_id, NULL);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      GtkWidget *group = version_group (g_ptr_array_index (versions, i), catalog);

      if (group == NULL)
        continue;

      gtk_box_append (self->versions_box, group);
      self->n_versions++;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_versions > 0 ? "list" : "empty");
  return self;
}

guint
bc_plan_history_dialog_get_n_versions (BcPlanHistoryDialog *self)
{
  g_return_val_if_fail (BC_IS_PLAN_HISTORY_DIALOG (self), 0);

  return self->n_versions;
}
