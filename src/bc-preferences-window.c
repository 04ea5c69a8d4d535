/* bc-preferences-window.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-preferences-window.h"

struct _BcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwActionRow         *data_folder_row;

  char                 *data_dir;
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
bc_preferences_window_finalize (GObject *object)
{
  BcPreferencesWindow *self = (BcPreferencesWindow *)object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (bc_preferences_window_parent_class)->finalize (object);
}

static void
bc_preferences_window_class_init (BcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bc_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, data_folder_row);
  gtk_widget_class_bind_template_callback (widget_class, open_data_folder_cb);
}

static void
bc_preferences_window_init (BcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
bc_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           const char *data_dir)
{
  BcPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (BC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  self->data_dir = g_strdup (data_dir);
  adw_action_row_set_subtitle (self->data_folder_row, data_dir);

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
