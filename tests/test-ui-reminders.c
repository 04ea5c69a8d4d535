/* test-ui-reminders.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminders in the real window under Xvfb (see tests/headless-run):
 * the Reminders page of Preferences, the card on Today, pausing, the
 * first-run welcome and the application being held for the reminders.
 * No notification server runs here: tests/test-reminders.py covers the
 * notifications with the real binary.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-preferences-window.h"
#include "bc-reminder-card.h"
#include "bc-reminder-preferences.h"
#include "bc-reminder-store.h"
#include "bc-today-page.h"
#include "bc-welcome-dialog.h"
#include "bc-window.h"

static char *
path_in_world (const char *name)
{
  const char *world = g_getenv ("BACKCARE_TEST_WORLD");

  g_assert_nonnull (world);
  return g_build_filename (world, name, NULL);
}

static BcApplication *
start_application (const char *name)
{
  g_autofree char *data_dir = path_in_world (name);
  g_autoptr(GError) error = NULL;
  BcApplication *app;

  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  app = bc_application_new ();
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
  window = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BC_IS_WINDOW (l->data))
      window = l->data;
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
  g_application_quit (G_APPLICATION (app));
  g_object_unref (app);
}

/* Dialogs belong to their parent, not to the application. */
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

/* Renders a widget through its window's renderer into a PNG in the
 * test's world, and into $BACKCARE_SHOT_DIR when that is set, so the
 * picture can be looked at.
 */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *path = path_in_world (name);
  const char *shot_dir = g_getenv ("BACKCARE_SHOT_DIR");

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  if (shot_dir != NULL)
    {
      g_autofree char *copy = g_build_filename (shot_dir, name, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, copy));
    }
}

/* Scrolls the first scrolled window inside @widget, 0 top to 1 end. */
static void
scroll_to (GtkWidget *widget,
           double     where)
{
  GtkAdjustment *adjustment;

  while (widget != NULL && !GTK_IS_SCROLLED_WINDOW (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  gtk_adjustment_set_value (adjustment, where * (gtk_adjustment_get_upper (adjustment) -
                                                 gtk_adjustment_get_page_size (adjustment)));
}

static char *
today_string (int days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);

  return g_date_time_format (day, "%Y-%m-%d");
}

static GtkWindow *
open_preferences (BcApplication              *app,
                  BcReminderPreferencesPage **out_page)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bc_test_iterate (200);
  preferences = find_window_of_type (app, BC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  *out_page = bc_preferences_window_get_reminders_page (BC_PREFERENCES_WINDOW (preferences));
  g_assert_true (BC_IS_REMINDER_PREFERENCES_PAGE (*out_page));
  return preferences;
}

static void
test_preferences (void)
{
  BcApplication *app = start_application ("preferences");
  BcWindow *window = activate_window (app);
  GSettings *settings = bc_application_get_settings (app);
  BcReminderPreferencesPage *page;
  GtkWindow *preferences = open_preferences (app, &page);
  GtkEditable *start;
  GtkWidget *widget;

  /* Off until the user turns them on; the switch writes the setting. */
  g_assert_false (g_settings_get_boolean (settings, "hydration-enabled"));
  widget = bc_reminder_preferences_page_get_widget (page, "goal_row");
  g_assert_false (gtk_widget_get_sensitive (widget));
  gtk_switch_set_active (GTK_SWITCH (bc_reminder_preferences_page_get_widget (page,
                                                                             "hydration_switch")),
                         TRUE);
  g_assert_true (g_settings_get_boolean (settings, "hydration-enabled"));
  g_assert_true (gtk_widget_get_sensitive (widget));

  /* Millilitres in this locale, both ways. */
  widget = bc_reminder_preferences_page_get_widget (page, "goal_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 2000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 2500);
  g_assert_cmpint (g_settings_get_int (settings, "hydration-goal-ml"), ==, 2500);
  g_settings_set_int (settings, "hydration-interval", 45);
  widget = bc_reminder_preferences_page_get_widget (page, "hydration_interval_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 45);

  /* A bad time gets a message and is not stored; a good one is, tidied. */
  start = bc_reminder_preferences_page_get_time_entry (page, "hydration-start");
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "09:00");
  g_assert_null (bc_reminder_preferences_page_get_time_error (page, "hydration-start"));
  gtk_editable_set_text (start, "25:00");
  g_assert_nonnull (bc_reminder_preferences_page_get_time_error (page, "hydration-start"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start), "error"));
  g_assert_cmpstr (g_settings_get_string (settings, "hydration-start"), ==, "09:00");
  gtk_editable_set_text (start, "7.30");
  g_assert_cmpstr (g_settings_get_string (settings, "hydration-start"), ==, "09:00");
  gtk_editable_set_text (start, "7:30");
  g_assert_null (bc_reminder_preferences_page_get_time_error (page, "hydration-start"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (start), "error"));
  g_assert_cmpstr (g_settings_get_string (settings, "hydration-start"), ==, "07:30");

  /* A change from elsewhere shows. */
  g_settings_set_string (settings, "quiet-start", "23:15");
  g_assert_cmpstr (gtk_editable_get_text (bc_reminder_preferences_page_get_time_entry (page,
                                                                                     "quiet-start")),
                   ==, "23:15");

  /* Appointments: the day-before time is checked like the others; the
   * minutes before and the improvement threshold are bound.
   */
  start = bc_reminder_preferences_page_get_time_entry (page, "appointment-remind-day-before-time");
  g_assert_cmpstr (gtk_editable_get_text (start), ==, "18:00");
  gtk_editable_set_text (start, "19:3");
  g_assert_nonnull (bc_reminder_preferences_page_get_time_error (page,
                                                                 "appointment-remind-day-before-time"));
  g_assert_cmpstr (g_settings_get_string (settings, "appointment-remind-day-before-time"), ==,
                   "18:00");
  gtk_editable_set_text (start, "19:30");
  g_assert_null (bc_reminder_preferences_page_get_time_error (page,
                                                              "appointment-remind-day-before-time"));
  g_assert_cmpstr (g_settings_get_string (settings, "appointment-remind-day-before-time"), ==,
                   "19:30");
  widget = bc_reminder_preferences_page_get_widget (page, "appointment_day_before_time_row");
  g_assert_true (gtk_widget_get_sensitive (widget));
  gtk_switch_set_active (GTK_SWITCH (bc_reminder_preferences_page_get_widget (
                           page, "appointment_day_before_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "appointment-remind-day-before"));
  g_assert_false (gtk_widget_get_sensitive (widget));
  widget = bc_reminder_preferences_page_get_widget (page, "appointment_before_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 120);
  g_assert_cmpint (g_settings_get_int (settings, "appointment-remind-before-minutes"), ==, 120);
  widget = bc_reminder_preferences_page_get_widget (page, "improvement_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 2.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 3.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "massage-improvement-threshold"), ==, 3.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 9);
  g_assert_cmpfloat (g_settings_get_double (settings, "massage-improvement-threshold"), ==, 5.0);

  /* Working days: Saturday on, Monday off. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bc_reminder_preferences_page_get_widget (page,
                                                                                          "day-5")),
                                TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bc_reminder_preferences_page_get_widget (page,
                                                                                          "day-0")),
                                FALSE);
  g_assert_cmpint (g_settings_get_int (settings, "stretch-days"), ==, 0x1f - 1 + 0x20);

  g_object_ref (preferences);
  gtk_window_destroy (preferences);
  bc_test_iterate (50);
  g_assert_finalize_object (preferences);

  /* At the narrowest width, tall enough for the whole page, for the eye. */
  preferences = bc_preferences_window_new (NULL, app);
  gtk_window_set_default_size (preferences, 360, 2000);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "reminders");
  gtk_window_present (preferences);
  bc_test_iterate (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preferences)), <=, 360);
  save_png (GTK_WIDGET (preferences), "preferences-reminders-360.png");
  page = bc_preferences_window_get_reminders_page (BC_PREFERENCES_WINDOW (preferences));
  scroll_to (GTK_WIDGET (page), 0.4);
  bc_test_iterate (300);
  save_png (GTK_WIDGET (preferences), "preferences-reminders-360-middle.png");
  scroll_to (GTK_WIDGET (page), 1.0);
  bc_test_iterate (300);
  save_png (GTK_WIDGET (preferences), "preferences-reminders-360-end.png");
  gtk_window_destroy (preferences);

  close_and_finalize (app, window);
}

static BcReminderCard *
get_card (BcWindow *window)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "today");
  bc_test_iterate (100);
  page = gtk_widget_get_first_child (GTK_WIDGET (window));
  while (page != NULL && !BC_IS_TODAY_PAGE (page))
    {
      /* A depth-first walk to the Today page. */
      if (gtk_widget_get_first_child (page) != NULL)
        page = gtk_widget_get_first_child (page);
      else
        {
          while (page != NULL && gtk_widget_get_next_sibling (page) == NULL)
            page = gtk_widget_get_parent (page);
          if (page != NULL)
            page = gtk_widget_get_next_sibling (page);
        }
    }
  g_assert_nonnull (page);
  return bc_today_page_get_reminder_card (BC_TODAY_PAGE (page));
}

static void
test_today_water (void)
{
  BcApplication *app = start_application ("today-water");
  GSettings *settings = bc_application_get_settings (app);
  BcWindow *window;
  BcReminderCard *card;
  BcDatabase *db;
  gint64 profile;
  g_autofree char *today = today_string (0);
  g_autofree char *yesterday = today_string (1);
  GtkWindow *dialog;

  /* Hidden while no reminder is on. */
  window = activate_window (app);
  card = get_card (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));

  g_settings_set_boolean (settings, "hydration-enabled", TRUE);
  g_settings_set_boolean (settings, "stretch-enabled", TRUE);
  bc_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpstr (bc_reminder_card_get_water_text (card), ==, "0 L of 2 L");
  g_assert_cmpstr (bc_reminder_card_get_stretch_text (card), ==, "None done yet today");
  g_test_message ("next: %s", bc_reminder_card_get_next_text (card));
  g_assert_true (g_str_has_prefix (bc_reminder_card_get_next_text (card), "Next reminder: ") ||
                 g_str_equal (bc_reminder_card_get_next_text (card), "No reminder is due"));

  /* + and − write glasses of today into the database. */
  db = bc_application_get_database (app);
  profile = bc_application_get_profile_id (app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.add-glass", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.add-glass", NULL));
  bc_test_iterate (50);
  g_assert_cmpuint (bc_reminder_store_water_on (db, profile, today, NULL), ==, 500);
  g_assert_cmpuint (bc_reminder_card_get_water_ml (card), ==, 500);
  g_assert_cmpstr (bc_reminder_card_get_water_text (card), ==, "0.5 L of 2 L");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.remove-glass", NULL));
  bc_test_iterate (50);
  g_assert_cmpuint (bc_reminder_store_water_on (db, profile, today, NULL), ==, 250);

  /* Never below nothing. */
  g_assert_true (bc_reminder_card_change_water (card, today, -1));
  g_assert_false (bc_reminder_card_change_water (card, today, -1));
  g_assert_cmpuint (bc_reminder_store_water_on (db, profile, today, NULL), ==, 0);
  g_assert_true (bc_reminder_card_change_water (card, today, 1));

  /* A past day, through its own dialog. */
  dialog = bc_reminder_card_correct_water (card);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (bc_reminder_card_change_water (card, yesterday, 3));
  g_assert_cmpuint (bc_reminder_store_water_on (db, profile, yesterday, NULL), ==, 750);
  g_assert_cmpuint (bc_reminder_store_water_on (db, profile, today, NULL), ==, 250);
  gtk_window_destroy (dialog);

  /* Glasses in the Today card at the narrowest width, for the eye. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  bc_test_iterate (400);
  save_png (GTK_WIDGET (window), "today-water-360.png");

  close_and_finalize (app, window);
}

static void
test_pause (void)
{
  BcApplication *app = start_application ("pause");
  GSettings *settings = bc_application_get_settings (app);
  BcWindow *window = activate_window (app);
  BcReminderCard *card;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 until;

  g_settings_set_boolean (settings, "stretch-enabled", TRUE);
  card = get_card (window);
  bc_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.pause-hour", NULL));
  bc_test_iterate (50);
  until = g_settings_get_int64 (settings, "paused-until");
  g_assert_cmpint (until, >=, now + 3600);
  g_assert_cmpint (until, <=, now + 3600 + 60);
  g_assert_true (g_str_has_prefix (bc_reminder_card_get_next_text (card),
                                   "Reminders paused until "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.pause-tomorrow", NULL));
  until = g_settings_get_int64 (settings, "paused-until");
  g_assert_cmpint (until, >, now);
  g_assert_cmpint (until, <=, now + 24 * 3600 + 3600);
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (until);

    g_assert_cmpint (g_date_time_get_hour (when), ==, 0);
    g_assert_cmpint (g_date_time_get_minute (when), ==, 0);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "reminders.resume", NULL));
  bc_test_iterate (50);
  g_assert_cmpint (g_settings_get_int64 (settings, "paused-until"), ==, 0);
  g_assert_false (g_str_has_prefix (bc_reminder_card_get_next_text (card), "Reminders paused"));

  close_and_finalize (app, window);
}

static void
test_welcome (void)
{
  BcApplication *app = start_application ("welcome");
  GSettings *settings = bc_application_get_settings (app);
  BcWindow *window;
  GtkWindow *welcome;
  GtkSwitch *hydration;
  const char * const keys[] = {
    "hydration-enabled", "stretch-enabled", "session-reminder-enabled", "pain-reminder-enabled",
  };

  /* The test schema skips the welcome for every other test. */
  g_settings_set_boolean (settings, "welcome-done", FALSE);
  window = activate_window (app);
  welcome = find_window_of_type (app, BC_TYPE_WELCOME_DIALOG);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_window_get_transient_for (welcome) == GTK_WINDOW (window));

  /* Offered with their defaults, all off. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_false (gtk_switch_get_active (bc_welcome_dialog_get_switch (BC_WELCOME_DIALOG (welcome),
                                                                         keys[i])));
  save_png (GTK_WIDGET (welcome), "welcome.png");

  hydration = bc_welcome_dialog_get_switch (BC_WELCOME_DIALOG (welcome), "hydration-enabled");
  gtk_switch_set_active (hydration, TRUE);
  g_assert_false (g_settings_get_boolean (settings, "hydration-enabled"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (welcome), "done");
  bc_test_iterate (100);

  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));
  g_assert_true (g_settings_get_boolean (settings, "hydration-enabled"));
  g_assert_false (g_settings_get_boolean (settings, "stretch-enabled"));
  g_assert_false (g_settings_get_boolean (settings, "session-reminder-enabled"));
  g_assert_false (g_settings_get_boolean (settings, "pain-reminder-enabled"));
  /* A button closes the dialog after its response; here the test does. */
  gtk_window_destroy (welcome);

  close_and_finalize (app, window);
}

static void
test_hold (void)
{
  BcApplication *app = start_application ("hold");
  GSettings *settings = bc_application_get_settings (app);
  BcWindow *window = activate_window (app);

  /* Held only while a reminder is on and running in the background is. */
  g_assert_nonnull (bc_application_get_reminders (app));
  g_assert_false (bc_application_get_held_for_reminders (app));
  g_settings_set_boolean (settings, "pain-reminder-enabled", TRUE);
  g_assert_true (bc_application_get_held_for_reminders (app));
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_assert_false (bc_application_get_held_for_reminders (app));
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_assert_true (bc_application_get_held_for_reminders (app));

  /* Quit lets go, whatever the settings. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_false (bc_application_get_held_for_reminders (app));
  g_assert_null (bc_application_get_reminders (app));

  close_and_finalize (app, window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/reminders/preferences", test_preferences);
  g_test_add_func ("/ui/reminders/today-water", test_today_water);
  g_test_add_func ("/ui/reminders/pause", test_pause);
  g_test_add_func ("/ui/reminders/welcome", test_welcome);
  g_test_add_func ("/ui/reminders/hold", test_hold);

  return g_test_run ();
}
