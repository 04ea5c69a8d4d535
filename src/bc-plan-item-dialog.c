/* bc-plan-item-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-library-dialog.h"
#include "bc-plan-item-dialog.h"

/* Edits one plan item's dosage, days and notes. Values outside the
 * clinical ranges are refused with a message next to them; nothing is
 * stored until they are right ("saved" carries the checked values).
 */
struct _BcPlanItemDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkBox         *picture_box;
  GtkLabel       *default_label;
  GtkSpinButton  *sets_spin;
  GtkSpinButton  *reps_spin;
  GtkSpinButton  *hold_spin;
  GtkSpinButton  *rest_spin;
  GtkSpinButton  *times_spin;
  GtkBox         *days_box;
  AdwEntryRow    *notes_row;
  GtkLabel       *error_label;
  GtkButton      *save_button;

  BcPlanItem     *item;
  char           *error;
};

G_DEFINE_FINAL_TYPE (BcPlanItemDialog, bc_plan_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_values (BcPlanItemDialog *self,
             BcDosage         *dosage)
{
  GtkWidget *child;
  guint day = 0;

  dosage->sets = gtk_spin_button_get_value_as_int (self->sets_spin);
  dosage->reps = gtk_spin_button_get_value_as_int (self->reps_spin);
  dosage->hold_seconds = gtk_spin_button_get_value_as_int (self->hold_spin);
  dosage->rest_seconds = gtk_spin_button_get_value_as_int (self->rest_spin);
  dosage->times_per_day = gtk_spin_button_get_value_as_int (self->times_spin);
  dosage->days = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), day++)
    {
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
        dosage->days |= 1 << day;
    }
}

static void
validate (BcPlanItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  BcDosage dosage;

  read_values (self, &dosage);
  g_clear_pointer (&self->error, g_free);

  if (!bc_dosage_validate (&dosage, &error))
    self->error = g_strdup (error->message);

  gtk_label_set_label (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->error == NULL);
}

static void
value_changed_cb (BcPlanItemDialog *self)
{
  validate (self);
}

static void
save_cb (BcPlanItemDialog *self)
{
  bc_plan_item_dialog_save (self);
}

static void
cancel_cb (BcPlanItemDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
bc_plan_item_dialog_dispose (GObject *object)
{
  BcPlanItemDialog *self = (BcPlanItemDialog *)object;

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PLAN_ITEM_DIALOG);

  G_OBJECT_CLASS (bc_plan_item_dialog_parent_class)->dispose (object);
}

static void
bc_plan_item_dialog_finalize (GObject *object)
{
  BcPlanItemDialog *self = (BcPlanItemDialog *)object;

  g_free (self->error);

  G_OBJECT_CLASS (bc_plan_item_dialog_parent_class)->finalize (object);
}

static void
bc_plan_item_dialog_class_init (BcPlanItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_plan_item_dialog_dispose;
  object_class->finalize = bc_plan_item_dialog_finalize;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BC_TYPE_PLAN_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-plan-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, picture_box);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, default_label);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, times_spin);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, days_box);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BcPlanItemDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_plan_item_dialog_init (BcPlanItemDialog *self)
{
  static const char *days[] = {
    /* Translators: one-letter or short weekday labels of toggle buttons */
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  static const char *full_days[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(days[i]));

      gtk_widget_set_hexpand (toggle, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(full_days[i]), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (value_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, toggle);
    }
}

void
bc_plan_item_dialog_set_values (BcPlanItemDialog *self,
                                const BcDosage   *dosage)
{
  GtkWidget *child;
  guint day = 0;

  g_return_if_fail (BC_IS_PLAN_ITEM_DIALOG (self));

  gtk_spin_button_set_value (self->sets_spin, dosage->sets);
  gtk_spin_button_set_value (self->reps_spin, dosage->reps);
  gtk_spin_button_set_value (self->hold_spin, dosage->hold_seconds);
  gtk_spin_button_set_value (self->rest_spin, dosage->rest_seconds);
  gtk_spin_button_set_value (self->times_spin, dosage->times_per_day);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), day++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), (dosage->days & (1 << day)) != 0);

  validate (self);
}

BcPlanItemDialog *
bc_plan_item_dialog_new (GtkWindow  *parent,
                         BcExercise *exercise,
                         BcPlanItem *item)
{
  BcPlanItemDialog *self;
  g_autofree char *defaults = NULL;
  g_autofree char *default_text = NULL;

  g_return_val_if_fail (BC_IS_EXERCISE (exercise), NULL);
  g_return_val_if_fail (BC_IS_PLAN_ITEM (item), NULL);

  self = g_object_new (BC_TYPE_PLAN_ITEM_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->item = g_object_ref (item);

  adw_window_title_set_subtitle (self->window_title, bc_exercise_get_name (exercise));
  gtk_box_append (self->picture_box, bc_exercise_picture_new (exercise, 128));

  defaults = bc_dosage_format_short (bc_exercise_get_dosage (exercise));
  default_text = g_strdup_printf (_("Usual starting dose: %s"), defaults);
  gtk_label_set_label (self->default_label, default_text);

  bc_plan_item_dialog_set_values (self, bc_plan_item_get_dosage (item));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), bc_plan_item_get_notes (item));

  return self;
}

const char *
bc_plan_item_dialog_get_error (BcPlanItemDialog *self)
{
  g_return_val_if_fail (BC_IS_PLAN_ITEM_DIALOG (self), NULL);

  return self->error;
}

/* Returns FALSE and keeps the dialog open while a value is out of range. */
gboolean
bc_plan_item_dialog_save (BcPlanItemDialog *self)
{
  BcDosage dosage;

  g_return_val_if_fail (BC_IS_PLAN_ITEM_DIALOG (self), FALSE);

  validate (self);
  if (self->error != NULL)
    return FALSE;

  read_values (self, &dosage);
  bc_plan_item_set_dosage (self->item, &dosage);
  bc_plan_item_set_notes (self->item, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  g_signal_emit (self, signals[SAVED], 0, self->item);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
