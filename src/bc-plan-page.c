/* bc-plan-page.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-library-dialog.h"
#include "bc-plan-file.h"
#include "bc-plan-history-dialog.h"
#include "bc-plan-item-dialog.h"
#include "bc-plan-printer.h"
#include "bc-plan-page.h"
#include "bc-plan-store.h"
#include "bc-window.h"

#define TEMPLATES_PATH "/org/example/BackCare/templates/"
#define PLAN_MIME_TYPE "application/x-backcare-plan"

/* The Plan page: the active profile's plan, its exercises in order with
 * their dosage, and everything a physiotherapist does with it: start
 * from a template, add from the library, edit, reorder, remove (with
 * Undo), import and export .backcare-plan files. Every change is saved
 * at once, in one transaction.
 */
struct _BcPlanPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  AdwPreferencesGroup  *details_group;
  GtkLabel             *notes_label;
  GtkListBox           *items_list;

  BcPlan               *plan;
  GtkWindow            *open_dialog;
  GtkFileChooserNative *chooser;
  BcPlanFileContents   *pending_import;

  /* The last removed item, for Undo. */
  BcPlanItem           *removed_item;
  /* Set while this page announces its own write: it already shows it. */
  gboolean              announcing;
  guint                 removed_position;
};

G_DEFINE_FINAL_TYPE (BcPlanPage, bc_plan_page, ADW_TYPE_BIN)

static BcApplication *
get_application (void)
{
  return BC_APPLICATION (g_application_get_default ());
}

static GtkWindow *
get_window (BcPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
item_row_activated_cb (AdwActionRow *row,
                       BcPlanPage   *self)
{
  guint position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "plan.edit-item", "u", position);
}

/* A row per exercise: activating it edits the item; its menu moves or
 * removes it. One menu button keeps the row readable at 360 px.
 */
static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  BcPlanPage *self = user_data;
  BcPlanItem *plan_item = item;
  BcExercise *exercise;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *summary = bc_dosage_format_short (bc_plan_item_get_dosage (plan_item));
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  guint position = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (self->plan)));

  g_list_store_find (bc_plan_get_items (self->plan), plan_item, &position);
  exercise = bc_exercise_catalog_lookup (bc_application_get_catalog (get_application ()),
                                         bc_plan_item_get_exercise_ref (plan_item));

  if (bc_plan_item_get_notes (plan_item)[0] != '\0')
    subtitle = g_strdup_printf ("%s\n%s", summary, bc_plan_item_get_notes (plan_item));
  else
    subtitle = g_strdup (summary);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 exercise ? bc_exercise_get_name (exercise)
                                          : _("Unknown exercise"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (item_row_activated_cb), self, 0);
  if (exercise != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), bc_exercise_picture_new (exercise, 64));

  {
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
    g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
    g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

    g_menu_item_set_action_and_target (edit, "plan.edit-item", "u", position);
    g_menu_item_set_action_and_target (up, "plan.move-up", "u", position);
    g_menu_item_set_action_and_target (down, "plan.move-down", "u", position);
    g_menu_item_set_action_and_target (remove, "plan.remove-item", "u", position);
    g_menu_append_item (menu, edit);
    if (position > 0)
      g_menu_append_item (menu, up);
    if (position + 1 < n)
      g_menu_append_item (menu, down);
    g_menu_append_item (section, remove);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }

  menu_label = g_strdup_printf (_("Actions for %s"),
                                exercise ? bc_exercise_get_name (exercise) : _("this exercise"));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Edit, Move or Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  return row;
}

static void
update_details (BcPlanPage *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  const char *clinician = bc_plan_get_clinician (self->plan);
  const char *start = bc_plan_get_start_date (self->plan);
  const char *review = bc_plan_get_review_date (self->plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (self->plan)));

  g_string_append_printf (description, g_dngettext (NULL, "%u exercise", "%u exercises", n), n);
  if (clinician[0] != '\0')
    g_string_append_printf (description, _(" · from %s"), clinician);
  if (start != NULL)
    g_string_append_printf (description, _(" · started %s"), start);
  if (review != NULL)
    g_string_append_printf (description, _(" · review on %s"), review);

  g_autofree char *title = g_markup_escape_text (bc_plan_get_title (self->plan), -1);
  g_autofree char *escaped = g_markup_escape_text (description->str, -1);

  /* Group titles are markup: a plan called "Core & stretch" must show. */
  adw_preferences_group_set_title (self->details_group, title);
  adw_preferences_group_set_description (self->details_group, escaped);
  gtk_label_set_label (self->notes_label, bc_plan_get_notes (self->plan));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), bc_plan_get_notes (self->plan)[0] != '\0');
}

static void
update_actions (BcPlanPage *self)
{
  gboolean has_plan = self->plan != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-exercise", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.edit-details", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.print", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-pdf", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.preview", has_plan);
}

static void
show_plan (BcPlanPage *self,
           BcPlan     *plan)
{
  g_set_object (&self->plan, plan);

  if (plan == NULL)
    {
      gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (bc_plan_get_items (plan)),
                               create_item_row, self, NULL);
      update_details (self);
      gtk_stack_set_visible_child_name (self->stack, "plan");
    }

  update_actions (self);
}

void
bc_plan_page_reload (BcPlanPage *self)
{
  BcApplication *app = get_application ();
  BcDatabase *db;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = NULL;

  g_return_if_fail (BC_IS_PLAN_PAGE (self));

  db = bc_application_get_database (app);
  if (db == NULL)
    return;

  plan = bc_plan_store_load_active (db, bc_application_get_profile_id (app), &error);
  if (error != NULL)
    bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);

  show_plan (self, plan);
}

static void
announce_change (BcPlanPage *self)
{
  self->announcing = TRUE;
  bc_application_data_changed (get_application ());
  self->announcing = FALSE;
}

/* Saves the plan as it is now; on failure shows why and reloads what is
 * really stored, so the page never shows unsaved data as saved.
 */
static gboolean
save_plan (BcPlanPage *self,
           BcPlan     *plan)
{
  BcApplication *app = get_application ();
  g_autoptr(GError) error = NULL;

  if (!bc_plan_store_save (bc_application_get_database (app),
                           bc_application_get_profile_id (app), plan, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The plan could not be saved: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      bc_plan_page_reload (self);
      return FALSE;
    }

  announce_change (self);
  return TRUE;
}

/* Other pages and headless imports change the data too. A hidden page
 * reads again when it is shown (map), and this page's own writes are
 * already on screen, so neither needs another query.
 */
static void
data_changed_cb (BcPlanPage *self)
{
  if (self->announcing || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  bc_plan_page_reload (self);
}

/* Rows carry their position in their action target; a rebuilt model
 * renumbers them.
 */
static void
rebind (BcPlanPage *self)
{
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (bc_plan_get_items (self->plan)),
                           create_item_row, self, NULL);
  update_details (self);
}

static void
move_item (BcPlanPage *self,
           guint       position,
           int         delta)
{
  GListStore *items = bc_plan_get_items (self->plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));
  g_autoptr(BcPlanItem) item = NULL;

  if (position >= n || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (items), position);
  g_list_store_remove (items, position);
  g_list_store_insert (items, position + delta, item);
  if (save_plan (self, self->plan))
    rebind (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_item (BC_PLAN_PAGE (widget), g_variant_get_uint32 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_item (BC_PLAN_PAGE (widget), g_variant_get_uint32 (parameter), 1);
}

static void
undo_toast_cb (AdwToast   *toast,
               BcPlanPage *self)
{
  bc_plan_page_undo_remove (self);
}

void
bc_plan_page_undo_remove (BcPlanPage *self)
{
  GListStore *items;

  g_return_if_fail (BC_IS_PLAN_PAGE (self));

  if (self->removed_item == NULL || self->plan == NULL)
    return;

  items = bc_plan_get_items (self->plan);
  g_list_store_insert (items,
                       MIN (self->removed_position,
                            g_list_model_get_n_items (G_LIST_MODEL (items))),
                       self->removed_item);
  g_clear_object (&self->removed_item);
  if (save_plan (self, self->plan))
    rebind (self);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);
  GListStore *items = bc_plan_get_items (self->plan);
  g_autofree char *title = NULL;
  BcExercise *exercise;
  AdwToast *toast;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (items)))
    return;

  g_clear_object (&self->removed_item);
  self->removed_item = g_list_model_get_item (G_LIST_MODEL (items), position);
  self->removed_position = position;
  g_list_store_remove (items, position);
  if (!save_plan (self, self->plan))
    return;
  rebind (self);

  exercise = bc_exercise_catalog_lookup (bc_application_get_catalog (get_application ()),
                                         bc_plan_item_get_exercise_ref (self->removed_item));
  title = g_strdup_printf (_("“%s” removed"),
                           exercise ? bc_exercise_get_name (exercise) : _("Exercise"));
  toast = bc_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  bc_toast_show (GTK_WIDGET (self), toast);
}

static void
item_saved_cb (BcPlanPage *self,
               BcPlanItem *item)
{
  if (save_plan (self, self->plan))
    rebind (self);
}

static void
dialog_destroyed_cb (BcPlanPage *self)
{
  self->open_dialog = NULL;
}

static void
present_dialog (BcPlanPage *self,
                GtkWindow  *dialog)
{
  self->open_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(BcPlanItem) item = NULL;
  BcExercise *exercise;
  BcPlanItemDialog *dialog;

  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (self->plan)), position);
  if (item == NULL)
    return;

  exercise = bc_exercise_catalog_lookup (bc_application_get_catalog (get_application ()),
                                         bc_plan_item_get_exercise_ref (item));
  if (exercise == NULL)
    return;

  dialog = bc_plan_item_dialog_new (get_window (self), exercise, item);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (item_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

void
bc_plan_page_add_exercise (BcPlanPage *self,
                           const char *exercise_ref)
{
  BcExercise *exercise;
  g_autoptr(BcPlanItem) item = NULL;
  BcDosage dosage;

  g_return_if_fail (BC_IS_PLAN_PAGE (self));
  g_return_if_fail (self->plan != NULL);

  exercise = bc_exercise_catalog_lookup (bc_application_get_catalog (get_application ()),
                                         exercise_ref);
  g_return_if_fail (exercise != NULL);

  dosage = *bc_exercise_get_dosage (exercise);
  item = bc_plan_item_new (exercise_ref, &dosage, NULL);
  g_list_store_append (bc_plan_get_items (self->plan), item);
  if (save_plan (self, self->plan))
    rebind (self);
}

static void
exercise_chosen_cb (BcPlanPage *self,
                    BcExercise *exercise)
{
  bc_plan_page_add_exercise (self, bc_exercise_get_ref (exercise));
}

static void
add_exercise_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  BcLibraryDialog *dialog;

  dialog = bc_library_dialog_new (get_window (self),
                                  bc_application_get_catalog (get_application ()));
  g_signal_connect_object (dialog, "exercise-chosen", G_CALLBACK (exercise_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
new_empty_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  g_autoptr(BcPlan) plan = bc_plan_new (_("My exercise plan"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  bc_plan_set_start_date (plan, today);
  if (!save_plan (self, plan))
    return;

  show_plan (self, plan);
  gtk_widget_activate_action (widget, "plan.add-exercise", NULL);
}

/* Import: templates, files from the file chooser, and files opened from
 * the file manager or the command line all go through one preview.
 */

static gboolean
import_contents (BcPlanPage         *self,
                 BcPlanFileContents *contents)
{
  BcApplication *app = get_application ();
  g_autoptr(GError) error = NULL;

  if (!bc_plan_file_import (bc_application_get_database (app), bc_application_get_catalog (app),
                            contents, bc_application_get_profile_id (app), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The plan could not be imported: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  announce_change (self);
  bc_plan_page_reload (self);
  return TRUE;
}

gboolean
bc_plan_page_use_template (BcPlanPage *self,
                           const char *resource_path)
{
  BcApplication *app = get_application ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (BC_IS_PLAN_PAGE (self), FALSE);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    contents = bc_plan_file_parse (bytes, bc_application_get_catalog (app), &error);
  if (contents == NULL)
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }

  /* Templates ship in English; the title shows in the user's language. */
  bc_plan_set_title (contents->plan, g_dgettext (GETTEXT_PACKAGE,
                                                 bc_plan_get_title (contents->plan)));
  bc_plan_set_notes (contents->plan, g_dgettext (GETTEXT_PACKAGE,
                                                 bc_plan_get_notes (contents->plan)));
  bc_plan_set_start_date (contents->plan, today);

  return import_contents (self, contents);
}

static void
template_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BcPlanPage       *self)
{
  if (g_str_has_prefix (response, TEMPLATES_PATH))
    bc_plan_page_use_template (self, response);
}

static void
choose_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  BcApplication *app = get_application ();
  g_auto(GStrv) names = g_resources_enumerate_children (TEMPLATES_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_window (self), _("Start from a Template"),
                                   self->plan != NULL
                                   ? _("The template replaces your current plan, which is kept "
                                       "in the plan history. You can adjust every exercise "
                                       "afterwards.")
                                   : _("Pick a starting point; you can adjust every exercise "
                                       "afterwards, or ask your physiotherapist to."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATES_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(BcPlanFileContents) contents = NULL;

      if (bytes != NULL)
        contents = bc_plan_file_parse (bytes, bc_application_get_catalog (app), NULL);
      if (contents == NULL)
        continue;

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), path,
                                       g_dgettext (GETTEXT_PACKAGE,
                                                   bc_plan_get_title (contents->plan)));
    }

  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BcPlanPage       *self)
{
  g_autoptr(BcPlanFileContents) contents = g_steal_pointer (&self->pending_import);

  if (g_str_equal (response, "import") && contents != NULL)
    import_contents (self, contents);
}

/**
 * bc_plan_page_preview_import:
 *
 * Reads @file and asks, naming what will be added and to which profile,
 * before anything is written. A bad file gets a clear message instead.
 */
void
bc_plan_page_preview_import (BcPlanPage *self,
                             GFile      *file)
{
  BcApplication *app = get_application ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *body = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *dialog;
  guint n_items;

  g_return_if_fail (BC_IS_PLAN_PAGE (self));

  /* Check the size before reading, so a huge file is never loaded. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > BC_PLAN_FILE_MAX_SIZE)
    g_set_error (&error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_LARGE,
                 _("The file is larger than %d MiB, too large for a plan."),
                 BC_PLAN_FILE_MAX_SIZE / (1024 * 1024));
  else if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    contents = bc_plan_file_parse (bytes, bc_application_get_catalog (app), &error);

  if (contents == NULL)
    {
      dialog = adw_message_dialog_new (get_window (self), _("This Plan Cannot Be Imported"),
                                       NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", basename,
                                      error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      present_dialog (self, GTK_WINDOW (dialog));
      return;
    }

  profile = bc_application_dup_profile_name (app);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (contents->plan)));
  body = g_strdup_printf (g_dngettext (NULL,
                                       "“%s”, with %u exercise, will become the plan of the "
                                       "profile “%s”.",
                                       "“%s”, with %u exercises, will become the plan of the "
                                       "profile “%s”.",
                                       n_items),
                          bc_plan_get_title (contents->plan), n_items, profile);

  dialog = adw_message_dialog_new (get_window (self), _("Import Plan?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s%s", body,
                                  contents->custom_exercises->len > 0
                                  ? _(" It brings its own exercises with it.") : "",
                                  self->plan != NULL
                                  ? _(" Your current plan is kept in the plan history.") : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  bc_plan_file_contents_free (self->pending_import);
  self->pending_import = g_steal_pointer (&contents);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static GtkFileFilter *
plan_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("BackCare plans"));
  gtk_file_filter_add_mime_type (filter, PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "backcare-plan");
  return filter;
}

static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   BcPlanPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bc_plan_page_preview_import (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Plan"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), plan_file_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   BcPlanPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      bytes = bc_plan_file_serialize (self->plan,
                                      bc_application_get_catalog (get_application ()), &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                    &error))
        {
          g_autofree char *message = g_strdup_printf (_("The plan could not be exported: %s"),
                                                      error->message);
          bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
        }
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("Plan exported")));
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Plan"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s.backcare-plan", bc_plan_get_title (self->plan));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), plan_file_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Plan details: title, clinician, dates and notes in one small dialog;
 * invalid input keeps the dialog open with the reason.
 */

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BcPlanPage       *self)
{
  g_autoptr(BcPlan) edited = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;
  const char *fields[5];
  guint i = 0;

  if (!g_str_equal (response, "save") || self->plan == NULL)
    return;

  box = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *row = gtk_widget_get_first_child (box);
       row != NULL && i < G_N_ELEMENTS (fields);
       row = gtk_widget_get_next_sibling (row))
    fields[i++] = gtk_editable_get_text (GTK_EDITABLE (row));

  edited = bc_plan_copy (self->plan);
  bc_plan_set_id (edited, bc_plan_get_id (self->plan));
  bc_plan_set_title (edited, fields[0]);
  bc_plan_set_clinician (edited, fields[1]);
  bc_plan_set_start_date (edited, fields[2]);
  bc_plan_set_review_date (edited, fields[3]);
  bc_plan_set_notes (edited, fields[4]);

  if (!bc_plan_validate (edited, &error))
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  if (save_plan (self, edited))
    show_plan (self, edited);
}

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  GtkWidget *dialog, *list;
  const struct {
    const char *title;
    const char *value;
  } fields[] = {
    { N_("Title"), bc_plan_get_title (self->plan) },
    { N_("Physiotherapist"), bc_plan_get_clinician (self->plan) },
    { N_("Start date (YYYY-MM-DD)"), bc_plan_get_start_date (self->plan) },
    { N_("Review date (YYYY-MM-DD)"), bc_plan_get_review_date (self->plan) },
    { N_("Notes"), bc_plan_get_notes (self->plan) },
  };

  if (self->plan == NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      gtk_editable_set_text (GTK_EDITABLE (row), fields[i].value ? fields[i].value : "");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  dialog = adw_message_dialog_new (get_window (self), _("Plan Details"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  if (!bc_plan_printer_run (get_window (self), get_application (), self->plan,
                            GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
}

/* Exporting writes the file through GtkPrintOperation in one go. */
gboolean
bc_plan_page_export_pdf (BcPlanPage  *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (BC_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  return bc_plan_printer_run (get_window (self), get_application (), self->plan,
                              GTK_PRINT_OPERATION_ACTION_EXPORT, path, error);
}

static void
export_pdf_chooser_cb (GtkNativeDialog *chooser,
                       int              response,
                       BcPlanPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !bc_plan_page_export_pdf (self, path, &error))
        bc_toast_show_text (GTK_WIDGET (self), error ? error->message : _("Choose a local folder for the PDF."), TRUE);
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("PDF saved")));
    }

  g_clear_object (&self->chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->plan == NULL)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Plan as PDF"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s.pdf", bc_plan_get_title (self->plan));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_pdf_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);

  if (self->plan == NULL)
    return;

  present_dialog (self, bc_plan_printer_preview_new (get_window (self), get_application (),
                                                     self->plan));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BcPlanPage *self = BC_PLAN_PAGE (widget);
  BcApplication *app = get_application ();
  BcPlanHistoryDialog *dialog;

  dialog = bc_plan_history_dialog_new (get_window (self), bc_application_get_database (app),
                                       bc_application_get_catalog (app),
                                       bc_application_get_profile_id (app));
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
bc_plan_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bc_plan_page_parent_class)->map (widget);

  bc_plan_page_reload (BC_PLAN_PAGE (widget));
}

static void
bc_plan_page_dispose (GObject *object)
{
  BcPlanPage *self = (BcPlanPage *)object;

  g_clear_object (&self->plan);
  g_clear_object (&self->removed_item);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending_import, bc_plan_file_contents_free);

  /* AdwBin unparents its child itself; the template needs no dispose. */
  G_OBJECT_CLASS (bc_plan_page_parent_class)->dispose (object);
}

static void
bc_plan_page_class_init (BcPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_plan_page_dispose;
  widget_class->map = bc_plan_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BcPlanPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, BcPlanPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, BcPlanPage, items_list);

  gtk_widget_class_install_action (widget_class, "plan.choose-template", NULL,
                                   choose_template_action);
  gtk_widget_class_install_action (widget_class, "plan.new-empty", NULL, new_empty_action);
  gtk_widget_class_install_action (widget_class, "plan.add-exercise", NULL, add_exercise_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-details", NULL, edit_details_action);
  gtk_widget_class_install_action (widget_class, "plan.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "plan.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "plan.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plan.move-up", "u", move_up_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down", "u", move_down_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-item", "u", edit_item_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-item", "u", remove_item_action);
}

static void
bc_plan_page_init (BcPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (get_application (), "data-changed",
                           G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

BcPlan *
bc_plan_page_get_plan (BcPlanPage *self)
{
  g_return_val_if_fail (BC_IS_PLAN_PAGE (self), NULL);

  return self->plan;
}

/* The dialog the page has open (library, item editor, preview), if any. */
GtkWindow *
bc_plan_page_get_open_dialog (BcPlanPage *self)
{
  g_return_val_if_fail (BC_IS_PLAN_PAGE (self), NULL);

  return self->open_dialog;
}
