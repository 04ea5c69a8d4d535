/* bc-preferences-window.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-preferences-window.h"
#include "bc-profile-store.h"
#include "bc-reminder-preferences.h"

struct _BcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwActionRow         *data_folder_row;
  AdwPreferencesGroup  *profiles_group;
  GtkListBox           *profiles_list;
  AdwEntryRow          *clinic_name_row;
  AdwEntryRow          *clinic_address_row;
  AdwEntryRow          *clinic_phone_row;
  AdwActionRow         *logo_row;
  GtkButton            *clear_logo_button;
  GtkFileChooserNative *logo_chooser;
  BcReminderPreferencesPage *reminders_page;

  BcApplication        *application;
  char                 *data_dir;
  char                 *pending_delete;
};

G_DEFINE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the enum's nicks in the schema's order. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (nick, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
open_data_folder_cb (BcPreferencesWindow *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->data_dir);
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
show_error (BcPreferencesWindow *self,
            const char          *message)
{
  AdwToast *toast = bc_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
profile_toggled_cb (GtkCheckButton      *check,
                    BcPreferencesWindow *self)
{
  if (gtk_check_button_get_active (check))
    g_settings_set_string (bc_application_get_settings (self->application), "active-profile",
                           g_object_get_data (G_OBJECT (check), "profile-name"));
}

static void
delete_clicked_cb (GtkButton           *button,
                   BcPreferencesWindow *self)
{
  bc_preferences_window_ask_delete (self, g_object_get_data (G_OBJECT (button), "profile-name"));
}

/* One row per profile: a radio button makes it active, a button deletes
 * it (not the active one, and never the last).
 */
static void
fill_profiles (BcPreferencesWindow *self)
{
  BcDatabase *db = bc_application_get_database (self->application);
  g_autofree char *active = bc_application_dup_profile_name (self->application);
  g_auto(GStrv) names = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profiles_list))) != NULL)
    gtk_list_box_remove (self->profiles_list, child);

  if (db == NULL || (names = bc_profile_store_list_names (db, NULL)) == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->profiles_group), FALSE);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), names[i]);
      gboolean is_active = g_strcmp0 (names[i], active) == 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      g_object_set_data_full (G_OBJECT (check), "profile-name", g_strdup (names[i]), g_free);
      g_object_set_data_full (G_OBJECT (delete), "profile-name", g_strdup (names[i]), g_free);

      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_active);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      names[i], -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (profile_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (delete, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      delete_label, -1);
      gtk_widget_set_sensitive (delete, !is_active);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

      gtk_list_box_append (self->profiles_list, row);
    }
}

static void
data_changed_cb (BcPreferencesWindow *self)
{
  fill_profiles (self);
}

void
bc_preferences_window_add_profile (BcPreferencesWindow *self,
                                   const char          *name)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_PREFERENCES_WINDOW (self));

  if (bc_profile_store_create (bc_application_get_database (self->application), name,
                               &error) < 0)
    {
      show_error (self, error->message);
      return;
    }

  bc_application_data_changed (self->application);
}

static void
add_response_cb (AdwMessageDialog    *dialog,
                 const char          *response,
                 BcPreferencesWindow *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "add"))
    bc_preferences_window_add_profile (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
add_profile_cb (BcPreferencesWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Profile"),
                                              _("One profile per patient keeps plans and "
                                                "records apart."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    BcPreferencesWindow *self)
{
  BcDatabase *db = bc_application_get_database (self->application);
  g_autofree char *name = g_steal_pointer (&self->pending_delete);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "delete") || name == NULL)
    return;

  id = bc_profile_store_find (db, name, &error);
  if (id <= 0 || !bc_profile_store_delete (db, id, &error))
    {
      show_error (self, error ? error->message : _("The profile no longer exists."));
      return;
    }

  bc_application_data_changed (self->application);
}

/* The confirmation names the profile and everything that goes with it. */
GtkWindow *
bc_preferences_window_ask_delete (BcPreferencesWindow *self,
                                  const char          *name)
{
  BcDatabase *db = bc_application_get_database (self->application);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("Delete “%s”?"), name);
  g_autofree char *lost = NULL;
  GtkWidget *dialog;
  gint64 id;

  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);

  id = bc_profile_store_find (db, name, &error);
  if (id > 0)
    lost = bc_profile_store_describe_data (db, id, &error);
  if (lost == NULL)
    {
      show_error (self, error ? error->message : _("The profile no longer exists."));
      return NULL;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", lost,
                                  _("This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_free (self->pending_delete);
  self->pending_delete = g_strdup (name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
update_logo_row (BcPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (bc_application_get_settings (self->application),
                                                 "clinic-logo");
  g_autofree char *name = path[0] ? g_path_get_basename (path) : NULL;

  adw_action_row_set_subtitle (self->logo_row, name ? name : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_logo_button), name != NULL);
}

static void
clear_logo_cb (BcPreferencesWindow *self)
{
  g_settings_set_string (bc_application_get_settings (self->application), "clinic-logo", "");
  update_logo_row (self);
}

static void
logo_chosen_cb (GtkNativeDialog     *chooser,
                int                  response,
                BcPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (bc_application_get_settings (self->application), "clinic-logo",
                               path);
      update_logo_row (self);
    }

  g_clear_object (&self->logo_chooser);
}

static void
choose_logo_cb (BcPreferencesWindow *self)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");

  g_clear_object (&self->logo_chooser);
  self->logo_chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                    NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->logo_chooser), filter);
  g_signal_connect_object (self->logo_chooser, "response", G_CALLBACK (logo_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
bc_preferences_window_finalize (GObject *object)
{
  BcPreferencesWindow *self = (BcPreferencesWindow *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->pending_delete, g_free);
  g_clear_object (&self->application);
  g_clear_object (&self->logo_chooser);

  G_OBJECT_CLASS (bc_preferences_window_parent_class)->finalize (object);
}

static void
bc_preferences_window_class_init (BcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bc_preferences_window_finalize;

  g_type_ensure (BC_TYPE_REMINDER_PREFERENCES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, reminders_page);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, data_folder_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, profiles_list);
  gtk_widget_class_bind_template_callback (widget_class, open_data_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_profile_cb);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, clinic_address_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, clinic_phone_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, clear_logo_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_logo_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_logo_cb);
}

static void
bc_preferences_window_init (BcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
bc_preferences_window_new (GtkWindow     *parent,
                           BcApplication *application)
{
  BcPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  self = g_object_new (BC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  self->application = g_object_ref (application);
  self->data_dir = g_strdup (bc_application_get_data_dir (application));
  settings = bc_application_get_settings (application);
  adw_action_row_set_subtitle (self->data_folder_row, self->data_dir);

  g_settings_bind (settings, "clinic-name", self->clinic_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "clinic-address", self->clinic_address_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "clinic-phone", self->clinic_phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  update_logo_row (self);
  bc_reminder_preferences_page_bind (self->reminders_page, settings);

  fill_profiles (self);
  g_signal_connect_object (application, "data-changed", G_CALLBACK (data_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_selected,
                                selected_to_color_scheme,
                                NULL, NULL);

  return GTK_WINDOW (self);
}

GtkWidget *
bc_preferences_window_get_style_row (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->style_row);
}

BcReminderPreferencesPage *
bc_preferences_window_get_reminders_page (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);

  return self->reminders_page;
}
