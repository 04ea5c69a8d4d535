/* test-ui-session.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today page and a guided session through the real windows under
 * Xvfb (see tests/headless-run), driven by their actions, with
 * countdowns sped up by BACKCARE_SESSION_SPEED, and checked in the
 * sqlite file afterwards.
 */

#include "config.h"

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-plan-store.h"
#include "bc-session-store.h"
#include "bc-session-window.h"
#include "bc-today-page.h"
#include "bc-window.h"

#define STRETCH "builtin:hamstring-stretch-supine-strap"
#define STRENGTHEN "builtin:glute-bridge"
#define MOBILITY "builtin:cat-cow"

#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      { \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (500); \
      } \
    g_assert_true (cond); \
  } G_STMT_END

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
  /* Every test starts its own instance: never become a remote of one. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bc_application_get_database (app));
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
destroy_and_finalize (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  bc_test_iterate (50);
  g_assert_finalize_object (window);
}

static void
close_and_finalize (BcApplication *app,
                    BcWindow      *window)
{
  destroy_and_finalize (GTK_WINDOW (window));
  /* A registered GApplication stays referenced by its D-Bus export. */
  g_application_quit (G_APPLICATION (app));
  g_object_unref (app);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static BcTodayPage *
get_today_page (BcWindow *window)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), BC_TYPE_TODAY_PAGE);

  g_assert_nonnull (page);
  return BC_TODAY_PAGE (page);
}

static BcSessionWindow *
open_session (BcApplication *app,
              BcWindow      *window)
{
  GList *windows;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL));
  bc_test_iterate (200);

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  for (GList *l = windows; l; l = l->next)
    {
      if (BC_IS_SESSION_WINDOW (l->data))
        {
          g_assert_true (gtk_widget_get_visible (l->data));
          g_assert_true (gtk_window_get_modal (l->data));
          g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
          return l->data;
        }
    }

  g_assert_not_reached ();
}

static void
add_item (BcPlan     *plan,
          const char *ref,
          guint       sets,
          guint       reps,
          guint       hold,
          guint       rest,
          BcDays      days)
{
  BcDosage dosage = { sets, reps, hold, rest, 1, days };
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, NULL);

  g_list_store_append (bc_plan_get_items (plan), item);
}

/* A per-side stretch held twice for 30 s, a strengthening exercise in
 * two sets of ten, and a mobility exercise, all due every day.
 */
static void
save_plan (BcApplication *app,
           BcDays         days)
{
  g_autoptr(BcPlan) plan = bc_plan_new ("Core & stretch");
  g_autoptr(GError) error = NULL;

  add_item (plan, STRETCH, 2, 1, 30, 10, days);
  add_item (plan, STRENGTHEN, 2, 10, 0, 30, days);
  add_item (plan, MOBILITY, 1, 10, 0, 0, days);
  bc_plan_store_save (bc_application_get_database (app), bc_application_get_profile_id (app),
                      plan, NULL, &error);
  g_assert_no_error (error);
}

static gint64
query_int (BcApplication *app,
           const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (bc_application_get_database (app), sql,
                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
day_offset (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
activate (BcSessionWindow *session,
          const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session), action, NULL));
  g_main_context_iteration (NULL, FALSE);
}

static void
test_today_empty (void)
{
  BcApplication *app = start_application ("today-empty");
  BcWindow *window = activate_window (app);
  BcTodayPage *today = get_today_page (window);
  BcSessionWindow *session;

  g_assert_cmpstr (bc_window_get_visible_page (window), ==, "today");
  g_assert_false (bc_today_page_get_has_plan (today));
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, 0);

  /* A reminder may still ask for a session: it says there is none. */
  session = open_session (app, window);
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "empty");
  g_assert_false (bc_session_window_get_inhibiting (session));
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM sessions"), ==, 0);
  destroy_and_finalize (GTK_WINDOW (session));

  /* The empty state's button leads to the Plan page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  g_assert_cmpstr (bc_window_get_visible_page (window), ==, "plan");

  close_and_finalize (app, window);
}

static void
test_rest_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BcDays today_bit = 1 << (g_date_time_get_day_of_week (now) - 1);
  BcApplication *app = start_application ("rest-day");
  BcWindow *window;
  BcTodayPage *today;
  GtkWidget *button;
  BcSessionWindow *session;

  save_plan (app, BC_DAYS_ALL & ~today_bit);
  window = activate_window (app);
  today = get_today_page (window);

  g_assert_true (bc_today_page_get_has_plan (today));
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, 0);
  button = find_button_for_action (GTK_WIDGET (today), "win.start-session");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "No streak yet");

  session = open_session (app, window);
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "empty");
  destroy_and_finalize (GTK_WINDOW (session));

  close_and_finalize (app, window);
}

static void
test_run_to_end (void)
{
  g_autofree char *yesterday = day_offset (-1);
  g_autofree char *before_yesterday = day_offset (-2);
  g_autofree char *png = path_in_world ("session.png");
  g_autofree char *week_expected = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(BcPlan) plan = NULL;
  static const char * const refs[] = { STRETCH, STRENGTHEN, MOBILITY };
  BcApplication *app = start_application ("run-to-end");
  BcDatabase *db = bc_application_get_database (app);
  gint64 profile = bc_application_get_profile_id (app);
  BcWindow *window;
  BcTodayPage *today;
  BcSessionWindow *session;
  GtkWidget *button;
  gint64 session_id;

  save_plan (app, BC_DAYS_ALL);
  /* The two days before were complete, corrected after the fact. */
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      g_assert_true (bc_session_store_set_done (db, profile, yesterday, refs[i], TRUE, 2, NULL));
      g_assert_true (bc_session_store_set_done (db, profile, before_yesterday, refs[i], TRUE, 2,
                                                NULL));
    }

  window = activate_window (app);
  today = get_today_page (window);
  g_assert_true (bc_today_page_get_has_plan (today));
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, 3);
  g_assert_cmpuint (bc_today_page_get_n_done (today), ==, 0);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "2-day streak");
  button = find_button_for_action (GTK_WIDGET (today), "win.start-session");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Pain before. */
  session = open_session (app, window);
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "pain-before");
  g_assert_false (bc_session_window_get_inhibiting (session));
  bc_session_window_set_pain (session, 6);
  activate (session, "session.start");
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "exercise");
  g_assert_true (bc_session_window_get_inhibiting (session));
  session_id = bc_session_window_get_session_id (session);
  g_assert_cmpint (session_id, >, 0);

  /* The stretch: a hold on each side, a rest, the second set. */
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, STRETCH);
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "ready");
  g_assert_cmpuint (bc_session_window_get_set (session), ==, 1);

  bc_test_iterate (300);
  texture = bc_test_render (GTK_WIDGET (session));
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("session window rendered to %s", png);
  /* Illustration, text, buttons and a header bar: many colours. */
  g_assert_cmpuint (bc_test_count_colors (texture), >, 20);

  activate (session, "session.begin");
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "hold");
  g_assert_cmpuint (bc_session_window_get_side (session), ==, 0);
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "switch"));
  g_assert_cmpuint (bc_session_window_get_side (session), ==, 1);
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "hold"));
  g_assert_cmpuint (bc_session_window_get_side (session), ==, 1);
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "rest"));
  g_assert_cmpuint (bc_session_window_get_set (session), ==, 2);

  /* Paused, the rest does not run out. */
  activate (session, "session.pause");
  g_assert_true (bc_session_window_get_paused (session));
  bc_test_iterate (400);
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "rest");
  g_assert_true (bc_session_window_get_paused (session));
  activate (session, "session.pause");
  g_assert_false (bc_session_window_get_paused (session));

  /* After the rest the next hold starts by itself. */
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "hold"));
  g_assert_cmpuint (bc_session_window_get_set (session), ==, 2);
  g_assert_cmpuint (bc_session_window_get_side (session), ==, 0);
  WAIT_FOR (g_strcmp0 (bc_session_window_get_exercise_ref (session), STRENGTHEN) == 0);

  /* Strengthening: two sets at the patient's pace, a rest between. */
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "ready");
  activate (session, "session.set-done");
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "rest");
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "ready"));
  g_assert_cmpuint (bc_session_window_get_set (session), ==, 2);
  activate (session, "session.set-done");

  /* Mobility: skipped today. */
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, MOBILITY);
  activate (session, "session.skip");

  /* Pain after, and the summary. */
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "pain-after");
  bc_session_window_set_pain (session, 3);
  activate (session, "session.finish");
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "summary");
  g_assert_false (bc_session_window_get_inhibiting (session));
  g_assert_nonnull (strstr (bc_session_window_get_summary (session), "2 of 3 exercises done"));
  g_assert_nonnull (strstr (bc_session_window_get_summary (session), "Pain before: 6 · after: 3"));

  /* What the database holds. */
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (app, "SELECT pain_before FROM sessions"), ==, 6);
  g_assert_cmpint (query_int (app, "SELECT pain_after FROM sessions"), ==, 3);
  g_assert_cmpint (query_int (app, "SELECT finished_at IS NOT NULL FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM exercise_records WHERE session_id = 1"),
                   ==, 3);
  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE session_id = 1 "
                              "  AND skipped = 0 AND sets_done = 2 "
                              "  AND exercise_ref IN ('" STRETCH "', '" STRENGTHEN "')"), ==, 2);
  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE session_id = 1 "
                              "  AND skipped = 1 AND exercise_ref = '" MOBILITY "'"), ==, 1);

  /* Today shows what was done; with one skipped, today is not complete
   * yet and the streak stays at the two days before.
   */
  WAIT_FOR (bc_today_page_get_n_done (today) == 2);
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, 3);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "2-day streak");
  plan = bc_plan_store_load_active (db, profile, NULL);
  week_expected = g_strdup_printf ("This week: %d\u00a0%%",
                                   (int)(bc_session_store_week_completion (db, profile, plan,
                                                                           NULL, NULL)
                                         * 100.0 + 0.5));
  g_assert_cmpstr (bc_today_page_get_week_text (today), ==, week_expected);

  destroy_and_finalize (GTK_WINDOW (session));
  close_and_finalize (app, window);
}

static void
test_close_early (void)
{
  BcApplication *app = start_application ("close-early");
  BcWindow *window;
  BcSessionWindow *session;

  save_plan (app, BC_DAYS_ALL);
  window = activate_window (app);
  session = open_session (app, window);

  activate (session, "session.start-unrated");
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, STRETCH);

  /* One set of the stretch, then on without the second. */
  activate (session, "session.begin");
  WAIT_FOR (g_str_equal (bc_session_window_get_phase (session), "rest"));
  activate (session, "session.next");
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, STRENGTHEN);

  /* Back and forth keeps one record per exercise. */
  activate (session, "session.previous");
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, STRETCH);
  g_assert_cmpstr (bc_session_window_get_phase (session), ==, "ready");
  activate (session, "session.next");
  g_assert_cmpstr (bc_session_window_get_exercise_ref (session), ==, STRENGTHEN);

  /* One set of two, then the window is closed. */
  activate (session, "session.set-done");
  g_assert_true (bc_session_window_get_inhibiting (session));
  g_object_ref (session);
  gtk_window_close (GTK_WINDOW (session));
  bc_test_iterate (50);
  g_assert_false (bc_session_window_get_inhibiting (session));
  g_assert_finalize_object (session);

  g_assert_cmpint (query_int (app, "SELECT pain_before FROM sessions"), ==, -1);
  g_assert_cmpint (query_int (app, "SELECT finished_at FROM sessions"), ==, -1);
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM exercise_records"), ==, 2);
  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE sets_done = 1 "
                              "  AND skipped = 0"), ==, 2);

  close_and_finalize (app, window);
}

static void
test_mute (void)
{
  BcApplication *app = start_application ("mute");
  GSettings *settings = bc_application_get_settings (app);
  BcWindow *window;
  BcSessionWindow *session;
  GtkWidget *toggle;

  save_plan (app, BC_DAYS_ALL);
  window = activate_window (app);
  session = open_session (app, window);

  toggle = find_descendant (GTK_WIDGET (session), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (toggle);
  g_assert_true (g_settings_get_boolean (settings, "session-sound"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "session-sound"));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (toggle)), ==,
                   "audio-volume-muted-symbolic");
  g_settings_set_boolean (settings, "session-sound", TRUE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (toggle)), ==,
                   "audio-volume-high-symbolic");

  destroy_and_finalize (GTK_WINDOW (session));
  close_and_finalize (app, window);
}

int
main (int   argc,
      char *argv[])
{
  /* Test only: a 30-second hold lasts 0.3 s. */
  g_setenv ("BACKCARE_SESSION_SPEED", "100", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/session/today-empty", test_today_empty);
  g_test_add_func ("/ui/session/rest-day", test_rest_day);
  g_test_add_func ("/ui/session/run-to-end", test_run_to_end);
  g_test_add_func ("/ui/session/close-early", test_close_early);
  g_test_add_func ("/ui/session/mute", test_mute);

  return g_test_run ();
}
