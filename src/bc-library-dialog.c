/* bc-library-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-library-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-application.h"
#include "bc-exercise-editor.h"
#include "bc-library-dialog.h"

/* The exercise library: search by name, muscle or position, filter by
 * category, activate a row to choose it ("exercise-chosen"). The user
 * adds exercises of their own here and edits them; a built-in one is
 * edited as a copy, so it is never lost.
 */
struct _BcLibraryDialog
{
  AdwWindow           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GtkListBox         *list_box;
  GtkStack           *stack;

  BcExerciseCatalog  *catalog;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *query;
  GtkWindow          *editor;
};

G_DEFINE_FINAL_TYPE (BcLibraryDialog, bc_library_dialog, ADW_TYPE_WINDOW)

enum {
  EXERCISE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Illustrations are vector art in resources; custom exercises may carry
 * their own image. A picture with no image keeps its place in the row.
 */
GtkWidget *
bc_exercise_picture_new (BcExercise *exercise,
                         int         size)
{
  const char *resource = bc_exercise_get_illustration_resource (exercise);
  GBytes *image = bc_exercise_get_image (exercise);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *widget;

  if (resource != NULL)
    texture = gdk_texture_new_from_resource (resource);
  else if (image != NULL)
    texture = gdk_texture_new_from_bytes (image, NULL);

  /* In lists, a GtkImage keeps every row's picture the same size
   * whatever the row's height; large views scale a GtkPicture.
   */
  if (size <= 96)
    {
      widget = gtk_image_new ();
      if (texture != NULL)
        gtk_image_set_from_paintable (GTK_IMAGE (widget), GDK_PAINTABLE (texture));
      gtk_image_set_pixel_size (GTK_IMAGE (widget), size);
    }
  else
    {
      widget = gtk_picture_new ();
      if (texture != NULL)
        gtk_picture_set_paintable (GTK_PICTURE (widget), GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (widget), TRUE);
      gtk_widget_set_size_request (widget, size, size * 3 / 4);
    }

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (widget, "exercise-picture");
  /* The name next to it says what it shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bc_exercise_get_name (exercise), -1);
  return widget;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BcExercise *exercise = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit_button;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = NULL;

  subtitle = g_strdup_printf ("%s · %s",
                              bc_exercise_category_get_label (bc_exercise_get_category (exercise)),
                              bc_exercise_get_muscles (exercise));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bc_exercise_get_name (exercise));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), bc_exercise_picture_new (exercise, 64));

  /* Its own button, so activating the row still chooses the exercise. */
  edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  if (bc_exercise_is_builtin (exercise))
    {
      gtk_widget_set_tooltip_text (edit_button, _("Edit a Copy"));
      /* Translators: what a screen reader says for the edit button of a built-in exercise */
      edit_label = g_strdup_printf (_("Edit a copy of “%s”"), bc_exercise_get_name (exercise));
    }
  else
    {
      gtk_widget_set_tooltip_text (edit_button, _("Edit"));
      edit_label = g_strdup_printf (_("Edit “%s”"), bc_exercise_get_name (exercise));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit_button), "library.edit-exercise");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit_button), "s",
                                    bc_exercise_get_ref (exercise));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static gboolean
filter_exercise (gpointer item,
                 gpointer user_data)
{
  BcLibraryDialog *self = user_data;
  BcExercise *exercise = item;
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  /* Position 0 is "All categories". */
  if (category > 0 && bc_exercise_get_category (exercise) != category - 1)
    return FALSE;

  return bc_exercise_matches (exercise, self->query);
}

static void
update_stack (BcLibraryDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "empty");
}

static void
refilter (BcLibraryDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
search_changed_cb (BcLibraryDialog *self)
{
  g_free (self->query);
  self->query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  refilter (self);
}

static void
row_activated_cb (BcLibraryDialog *self,
                  GtkListBoxRow   *row)
{
  bc_library_dialog_choose (self, gtk_list_box_row_get_index (row));
}

static BcApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

static void
editor_destroyed_cb (BcLibraryDialog *self)
{
  self->editor = NULL;
}

/* Shows the saved exercise: its row gets the focus, which scrolls to it. */
static void
exercise_saved_cb (BcLibraryDialog *self,
                   BcExercise      *exercise)
{
  BcApplication *app = get_application ();
  guint position;

  /* Plans and today's list show the exercise's name and dose. */
  if (app != NULL)
    bc_application_data_changed (app);

  update_stack (self);
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); position++)
    {
      g_autoptr(BcExercise) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

      if (item == exercise)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

          if (row != NULL)
            gtk_widget_grab_focus (GTK_WIDGET (row));
          break;
        }
    }
}

static void
open_editor (BcLibraryDialog *self,
             BcExercise      *exercise)
{
  BcApplication *app = get_application ();
  BcDatabase *db = app ? bc_application_get_database (app) : NULL;
  BcExerciseEditor *editor;

  if (db == NULL)
    return;

  editor = bc_exercise_editor_new (GTK_WINDOW (self), db, self->catalog, exercise);
  g_signal_connect_object (editor, "saved", G_CALLBACK (exercise_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->editor = GTK_WINDOW (editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_exercise_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (BC_LIBRARY_DIALOG (widget), NULL);
}

/* A built-in exercise opens as a copy; the user's own opens as itself. */
static void
edit_exercise_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcLibraryDialog *self = BC_LIBRARY_DIALOG (widget);
  BcExercise *exercise = bc_exercise_catalog_lookup (self->catalog,
                                                     g_variant_get_string (parameter, NULL));

  if (exercise != NULL)
    open_editor (self, exercise);
}

static void
bc_library_dialog_dispose (GObject *object)
{
  BcLibraryDialog *self = (BcLibraryDialog *)object;

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);

  g_clear_object (&self->filtered);
  g_clear_object (&self->catalog);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_LIBRARY_DIALOG);

  G_OBJECT_CLASS (bc_library_dialog_parent_class)->dispose (object);
}

static void
bc_library_dialog_finalize (GObject *object)
{
  BcLibraryDialog *self = (BcLibraryDialog *)object;

  g_free (self->query);

  G_OBJECT_CLASS (bc_library_dialog_parent_class)->finalize (object);
}

static void
bc_library_dialog_class_init (BcLibraryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_library_dialog_dispose;
  object_class->finalize = bc_library_dialog_finalize;

  signals[EXERCISE_CHOSEN] =
    g_signal_new ("exercise-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BC_TYPE_EXERCISE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-library-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcLibraryDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryDialog, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, refilter);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "library.new-exercise", NULL,
                                   new_exercise_action);
  gtk_widget_class_install_action (widget_class, "library.edit-exercise", "s",
                                   edit_exercise_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "library.new-exercise", NULL);
}

static void
bc_library_dialog_init (BcLibraryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BcLibraryDialog *
bc_library_dialog_new (GtkWindow         *parent,
                       BcExerciseCatalog *catalog)
{
  BcLibraryDialog *self;

  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (catalog), NULL);

  self = g_object_new (BC_TYPE_LIBRARY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->filter = gtk_custom_filter_new (filter_exercise, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (bc_exercise_catalog_get_model (catalog)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  /* The user's own exercises come and go while the library is open. */
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_stack), self);
  refilter (self);

  return self;
}

/* For tests and keyboard users alike: what the search would do. */
void
bc_library_dialog_set_query (BcLibraryDialog *self,
                             const char      *query,
                             int              category)
{
  g_return_if_fail (BC_IS_LIBRARY_DIALOG (self));

  gtk_drop_down_set_selected (self->category_dropdown, category < 0 ? 0 : category + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  search_changed_cb (self);
}

GListModel *
bc_library_dialog_get_filtered (BcLibraryDialog *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_DIALOG (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* The exercise editor opened from the library, if one is open. */
GtkWindow *
bc_library_dialog_get_editor (BcLibraryDialog *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_DIALOG (self), NULL);

  return self->editor;
}

void
bc_library_dialog_choose (BcLibraryDialog *self,
                          guint            position)
{
  g_autoptr(BcExercise) exercise = NULL;

  g_return_if_fail (BC_IS_LIBRARY_DIALOG (self));

  exercise = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (exercise == NULL)
    return;

  g_signal_emit (self, signals[EXERCISE_CHOSEN], 0, exercise);
  gtk_window_close (GTK_WINDOW (self));
}
