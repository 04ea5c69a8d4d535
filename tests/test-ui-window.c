/* test-ui-window.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real main window under Xvfb (see tests/headless-run): its pages,
 * a rendering to PNG, the damaged-data page, and a clean finalization.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-preferences-window.h"
#include "bc-profile-store.h"
#include "bc-window.h"

static char *
data_dir_for_test (const char *name)
{
  const char *world = g_getenv ("BACKCARE_TEST_WORLD");

  g_assert_nonnull (world);
  return g_build_filename (world, name, NULL);
}

static BcApplication *
start_application (const char *data_dir)
{
  BcApplication *app;
  g_autoptr(GError) error = NULL;

  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  app = bc_application_new ();
  /* Every test starts its own instance: never become a remote of one. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static BcWindow *
activate_window (BcApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (BC_IS_WINDOW (window));
  bc_test_iterate (300);
  return BC_WINDOW (window);
}

static void
close_and_finalize (BcApplication *app,
                    BcWindow      *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_iterate (50);
  g_assert_finalize_object (window);
  /* A registered GApplication stays referenced by its D-Bus export. */
  g_application_quit (G_APPLICATION (app));
  g_object_unref (app);
}

static void
test_pages (void)
{
  static const char * const pages[] = { "today", "plan", "appointments", "pain-log" };
  g_autofree char *data_dir = data_dir_for_test ("pages");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = data_dir_for_test ("window.png");
  BcApplication *app = start_application (data_dir);
  BcWindow *window = activate_window (app);

  g_assert_false (bc_window_is_showing_error (window));
  g_assert_cmpstr (bc_window_get_visible_page (window), ==, "today");
  g_assert_nonnull (bc_application_get_database (app));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      bc_test_iterate (50);
      g_assert_cmpstr (bc_window_get_visible_page (window), ==, pages[i]);
    }

  /* Back to Today through the button its empty state offers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "today");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));

  bc_test_iterate (200);
  texture = bc_test_render (GTK_WIDGET (window));
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("window rendered to %s", png);
  /* A real frame has text, icons and a header bar: many colours. */
  g_assert_cmpuint (bc_test_count_colors (texture), >, 20);

  close_and_finalize (app, window);
}

static void
test_damaged_data (void)
{
  g_autofree char *data_dir = data_dir_for_test ("damaged");
  g_autofree char *db_path = g_build_filename (data_dir, "backcare.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean found_damaged = FALSE;
  BcApplication *app;
  BcWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db_path, "junk\n", -1, &error));

  app = start_application (data_dir);
  window = activate_window (app);

  g_assert_true (bc_window_is_showing_error (window));
  g_assert_null (bc_application_get_database (app));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  bc_test_iterate (100);

  g_assert_false (bc_window_is_showing_error (window));
  g_assert_nonnull (bc_application_get_database (app));

  dir = g_dir_open (data_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "backcare.db.damaged-") && !g_str_has_suffix (name, "-wal"))
        {
          g_autofree char *path = g_build_filename (data_dir, name, NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
          g_assert_cmpstr (contents, ==, "junk\n");
          found_damaged = TRUE;
        }
    }
  g_assert_true (found_damaged);

  close_and_finalize (app, window);
}

static void
test_unwritable_folder (void)
{
  g_autofree char *blocker = data_dir_for_test ("blocker");
  g_autofree char *data_dir = g_build_filename (blocker, "backcare", NULL);
  g_autoptr(GError) error = NULL;
  BcApplication *app;
  BcWindow *window;

  g_assert_true (g_file_set_contents (blocker, "a file, not a folder", -1, &error));

  app = start_application (data_dir);
  window = activate_window (app);
  g_assert_true (bc_window_is_showing_error (window));

  /* Try Again keeps failing until the folder can be made, then works. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  bc_test_iterate (50);
  g_assert_true (bc_window_is_showing_error (window));
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  bc_test_iterate (50);
  g_assert_false (bc_window_is_showing_error (window));

  close_and_finalize (app, window);
}

static void
test_window_size_remembered (void)
{
  g_autofree char *data_dir = data_dir_for_test ("size");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BcApplication *app = start_application (data_dir);
  BcWindow *window = activate_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  bc_test_iterate (100);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  bc_test_iterate (50);
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  window = activate_window (app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 640);
    g_assert_cmpint (height, ==, 480);
  }
  close_and_finalize (app, window);
}

static GtkWindow *
find_window_of_type (BcApplication *app,
                     GType          type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static void
test_preferences (void)
{
  g_autofree char *data_dir = data_dir_for_test ("preferences");
  BcApplication *app = start_application (data_dir);
  BcWindow *window = activate_window (app);
  GSettings *settings = bc_application_get_settings (app);
  GtkWindow *preferences;
  GtkWidget *row;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bc_test_iterate (200);
  preferences = find_window_of_type (app, BC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));

  /* The style row writes the setting and the setting drives libadwaita. */
  row = bc_preferences_window_get_style_row (BC_PREFERENCES_WINDOW (preferences));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);

  g_object_ref (preferences);
  gtk_window_destroy (preferences);
  bc_test_iterate (50);
  g_assert_finalize_object (preferences);

  close_and_finalize (app, window);
}

static void
test_about_and_shortcuts (void)
{
  g_autofree char *data_dir = data_dir_for_test ("about");
  BcApplication *app = start_application (data_dir);
  BcWindow *window = activate_window (app);
  GtkWindow *about;
  GtkWindow *overlay;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  bc_test_iterate (200);
  about = find_window_of_type (app, ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  bc_test_iterate (200);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));

  close_and_finalize (app, window);
}

static void
test_profiles (void)
{
  g_autofree char *data_dir = data_dir_for_test ("profiles");
  BcApplication *app = start_application (data_dir);
  BcWindow *window = activate_window (app);
  GSettings *settings = bc_application_get_settings (app);
  BcDatabase *db = bc_application_get_database (app);
  GtkWindow *preferences, *confirm;
  gint64 me = bc_application_get_profile_id (app);
  g_auto(GStrv) names = NULL;
  const char *body;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bc_test_iterate (200);
  preferences = find_window_of_type (app, BC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  bc_preferences_window_add_profile (BC_PREFERENCES_WINDOW (preferences), "Ana Souza");
  bc_preferences_window_add_profile (BC_PREFERENCES_WINDOW (preferences), "ana souza");
  names = bc_profile_store_list_names (db, NULL);
  g_assert_cmpuint (g_strv_length (names), ==, 2);

  /* Switching the active profile switches what the pages show. */
  g_settings_set_string (settings, "active-profile", "Ana Souza");
  bc_test_iterate (50);
  g_assert_cmpint (bc_application_get_profile_id (app), !=, me);

  /* Deleting names what will be lost, and only then deletes. */
  confirm = bc_preferences_window_ask_delete (BC_PREFERENCES_WINDOW (preferences), "Me");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (confirm));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm));
  g_test_message ("confirmation: %s", body);
  g_assert_nonnull (strstr (body, "cannot be undone"));
  g_assert_cmpint (bc_profile_store_find (db, "Me", NULL), ==, me);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "delete");
  gtk_window_destroy (confirm);
  bc_test_iterate (50);
  g_assert_cmpint (bc_profile_store_find (db, "Me", NULL), ==, 0);

  gtk_window_destroy (preferences);
  close_and_finalize (app, window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/pages", test_pages);
  g_test_add_func ("/ui/window/damaged-data", test_damaged_data);
  g_test_add_func ("/ui/window/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/window/preferences", test_preferences);
  g_test_add_func ("/ui/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/ui/window/profiles", test_profiles);

  return g_test_run ();
}
