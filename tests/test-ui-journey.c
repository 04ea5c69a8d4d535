/* test-ui-journey.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new user's path through the real window under Xvfb (see
 * tests/headless-run): a plan from a template, adjusted on the Plan
 * page, today's exercises on the Today page, and a guided session run
 * to the end, with countdowns sped up by BACKCARE_SESSION_SPEED. Then
 * correcting a past day and the plan review notice. Every step is
 * checked in the sqlite file; each step is logged, so the test log
 * reads as the path itself.
 */

#include "config.h"

#include <locale.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-plan-item-dialog.h"
#include "bc-plan-store.h"
#include "bc-session-store.h"
#include "bc-session-window.h"
#include "bc-today-page.h"
#include "bc-window.h"

#define GENTLE_START "/org/example/BackCare/templates/core-and-stretch-gentle-start.backcare-plan"

#define STRETCH "builtin:hamstring-stretch-supine-strap"
#define STRENGTHEN "builtin:glute-bridge"

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

static guint step_number;

/* One line of the path, numbered. */
static void G_GNUC_PRINTF (1, 2)
step (const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("step %u: %s", ++step_number, text);
}

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

/* Only what the user can see: the Today page's hidden empty state has
 * its own scrolled window and a button for win.show-page too.
 */
static GtkWidget *
find_mapped_descendant (GtkWidget *widget,
                        GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_mapped_button_for_action (GtkWidget  *widget,
                               const char *action_name)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_button_for_action (child, action_name);

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

static void
show_page (BcWindow   *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  bc_test_iterate (150);
  g_assert_cmpstr (bc_window_get_visible_page (window), ==, name);
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
          return l->data;
        }
    }

  g_assert_not_reached ();
}

static void
activate (BcSessionWindow *session,
          const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session), action, NULL));
  g_main_context_iteration (NULL, FALSE);
}

static BcPlan *
stored_plan (BcApplication *app)
{
  g_autoptr(GError) error = NULL;
  BcPlan *plan = bc_plan_store_load_active (bc_application_get_database (app),
                                            bc_application_get_profile_id (app), &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static char *
stored_order (BcApplication *app)
{
  g_autoptr(BcPlan) plan = stored_plan (app);
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, bc_plan_item_get_exercise_ref (item) + strlen ("builtin:"));
    }

  return g_string_free (str, FALSE);
}

static BcPlanItem *
find_item (BcPlan     *plan,
           const char *ref)
{
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (bc_plan_item_get_exercise_ref (item), ref))
        return item;
    }

  g_assert_not_reached ();
}

static gint64
query_int (BcApplication *app,
           const char    *sql,
           ...) G_GNUC_NULL_TERMINATED;

/* Binds the text arguments to ?1, ?2, … in order. */
static gint64
query_int (BcApplication *app,
           const char    *sql,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (bc_application_get_database (app), sql,
                                                      &error);
  const char *arg;
  va_list args;
  int i = 1;

  g_assert_no_error (error);
  va_start (args, sql);
  while ((arg = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, arg, -1, SQLITE_TRANSIENT);
  va_end (args);

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

static BcDays
weekday_bit (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  return 1 << (g_date_time_get_day_of_week (day) - 1);
}

static char *
expected_week_text (BcApplication *app)
{
  BcDatabase *db = bc_application_get_database (app);
  gint64 profile = bc_application_get_profile_id (app);
  g_autoptr(BcPlan) plan = stored_plan (app);
  double week = bc_session_store_week_completion (db, profile, plan, NULL, NULL);

  return g_strdup_printf ("This week: %d\u00a0%%", (int)(week * 100.0 + 0.5));
}

/* Renders the widget through its own GSK renderer, as the screen would. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  /* BACKCARE_TEST_OUTPUT keeps the pictures for a person to look at. */
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"),
                                            name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%d × %d)", path, width, height);
}

/* Gives the window's content the width, whatever the decorations add
 * to the default size.
 */
static void
resize_window (BcWindow *window,
               int       width,
               int       height)
{
  int default_width = width;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      /* Without a window manager a shown window keeps its size: the
       * default size applies when it is shown again.
       */
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (window), default_width, height);
      gtk_window_present (GTK_WINDOW (window));
      bc_test_iterate (300);
      if (gtk_widget_get_width (GTK_WIDGET (window)) == width)
        return;
      default_width += width - gtk_widget_get_width (GTK_WIDGET (window));
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
}

static void
scroll_to_end (BcWindow *window)
{
  GtkWidget *today = GTK_WIDGET (get_today_page (window));
  GtkWidget *scrolled = find_mapped_descendant (today, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  bc_test_iterate (300);
}

/* The window at a phone's width and at a desktop's, as a person sees it. */
static void
render_today (BcWindow   *window,
              const char *name)
{
  static const struct {
    int width;
    int height;
  } sizes[] = { { 360, 780 }, { 1000, 780 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%d.png", name, sizes[i].width);

      resize_window (window, sizes[i].width, sizes[i].height);
      save_png (GTK_WIDGET (window), file);
    }

  /* And the end of the page, where the past days are, on the phone. */
  resize_window (window, sizes[0].width, sizes[0].height);
  scroll_to_end (window);
  {
    g_autofree char *file = g_strdup_printf ("%s-%d-end.png", name, sizes[0].width);

    save_png (GTK_WIDGET (window), file);
  }
}

static gboolean
is_hold (BcPlan     *plan,
         const char *ref)
{
  const BcDosage *dosage = bc_plan_item_get_dosage (find_item (plan, ref));

  /* As the session flow: a hold is timed, repetitions are counted by the patient. */
  return dosage->hold_seconds > 0 && dosage->reps <= 1;
}

/* Runs every exercise to its end as a patient following along would:
 * starts each hold, waits out holds, side switches and rests, and says
 * when each set of repetitions is done.
 */
static guint
follow_session (BcSessionWindow *session,
                BcPlan          *plan)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;
  g_autofree char *current = NULL;
  guint n = 0;

  while (g_str_equal (bc_session_window_get_step (session), "exercise"))
    {
      const char *ref = bc_session_window_get_exercise_ref (session);

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_strcmp0 (ref, current) != 0)
        {
          const BcDosage *dosage = bc_plan_item_get_dosage (find_item (plan, ref));
          g_autofree char *summary = bc_dosage_format_short (dosage);

          g_free (current);
          current = g_strdup (ref);
          n++;
          step ("session: exercise %u, %s (%s), %s", n, ref + strlen ("builtin:"), summary,
                is_hold (plan, ref) ? "timed holds" : "sets at the patient's pace");
        }

      if (g_str_equal (bc_session_window_get_phase (session), "ready"))
        activate (session, is_hold (plan, ref) ? "session.begin" : "session.set-done");
      else
        {
          /* Holds, side switches and rests run out by themselves. */
          g_main_context_iteration (NULL, FALSE);
          g_usleep (500);
        }
    }

  return n;
}

static void
test_template_to_session (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(BcPlanItem) first = NULL;
  g_autofree char *first_ref = NULL;
  g_autofree char *order = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *week_expected = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *summary_line = NULL;
  BcApplication *app = start_application ("journey");
  BcWindow *window = activate_window (app);
  BcTodayPage *today = get_today_page (window);
  BcPlanPage *plan_page;
  BcPlanItemDialog *dialog;
  BcSessionWindow *session;
  GtkWidget *start_button;
  GListModel *items;
  BcDosage dosage;
  gint64 session_id;
  guint n_due = 0, n_run;

  weekday = g_date_time_format (now, "%A");
  step ("a new user opens BackCare on a %s: Today says nothing is planned yet", weekday);
  g_assert_cmpstr (bc_window_get_visible_page (window), ==, "today");
  g_assert_false (bc_today_page_get_has_plan (today));

  /* Plan page: a plan from a template in one click. */
  show_page (window, "plan");
  plan_page = bc_window_get_plan_page (window);
  g_assert_null (bc_plan_page_get_plan (plan_page));
  g_assert_true (bc_plan_page_use_template (plan_page, GENTLE_START));
  bc_test_iterate (100);
  plan = stored_plan (app);
  order = stored_order (app);
  step ("Plan page: template “%s” gives %u exercises: %s", bc_plan_get_title (plan),
        g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (plan))), order);
  g_assert_cmpstr (bc_plan_get_title (plan), ==, "Core & stretch — gentle start");

  /* The first item's dosage, through its dialog. */
  first = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (plan)), 0);
  first_ref = g_strdup (bc_plan_item_get_exercise_ref (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.edit-item", "u", 0));
  bc_test_iterate (200);
  dialog = BC_PLAN_ITEM_DIALOG (bc_plan_page_get_open_dialog (plan_page));
  g_assert_true (BC_IS_PLAN_ITEM_DIALOG (dialog));

  dosage = *bc_plan_item_get_dosage (first);
  dosage.sets = 11;
  bc_plan_item_dialog_set_values (dialog, &dosage);
  g_assert_nonnull (bc_plan_item_dialog_get_error (dialog));
  g_assert_false (bc_plan_item_dialog_save (dialog));
  step ("item dialog for %s: 11 sets refused: “%s”", first_ref + strlen ("builtin:"),
        bc_plan_item_dialog_get_error (dialog));
  g_clear_object (&plan);
  plan = stored_plan (app);
  g_assert_cmpuint (bc_plan_item_get_dosage (find_item (plan, first_ref))->sets, !=, 11);

  /* Daily, so something of the edit shows on Today whatever the weekday. */
  dosage.sets = 3;
  dosage.reps = 12;
  dosage.days = BC_DAYS_ALL;
  bc_plan_item_dialog_set_values (dialog, &dosage);
  g_assert_null (bc_plan_item_dialog_get_error (dialog));
  g_assert_true (bc_plan_item_dialog_save (dialog));
  bc_test_iterate (100);
  g_clear_object (&plan);
  plan = stored_plan (app);
  summary = bc_dosage_format_short (bc_plan_item_get_dosage (find_item (plan, first_ref)));
  step ("item dialog: saved %s as %s", first_ref + strlen ("builtin:"), summary);
  g_assert_cmpuint (bc_plan_item_get_dosage (find_item (plan, first_ref))->sets, ==, 3);
  g_assert_cmpuint (bc_plan_item_get_dosage (find_item (plan, first_ref))->reps, ==, 12);
  g_assert_cmpuint (bc_plan_item_get_dosage (find_item (plan, first_ref))->days, ==, BC_DAYS_ALL);

  /* Reorder: the first item one place down. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.move-down", "u", 0));
  bc_test_iterate (50);
  moved = stored_order (app);
  step ("moved the first exercise down: %s", moved);
  g_assert_cmpstr (moved, !=, order);
  g_assert_true (strstr (moved, first_ref + strlen ("builtin:")) > moved);

  /* Remove one, change one's mind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.remove-item", "u", 2));
  bc_test_iterate (50);
  removed = stored_order (app);
  step ("removed the third exercise: %s", removed);
  g_assert_cmpuint (strlen (removed), <, strlen (moved));
  bc_plan_page_undo_remove (plan_page);
  bc_test_iterate (50);
  restored = stored_order (app);
  step ("undo brings it back: %s", restored);
  g_assert_cmpstr (restored, ==, moved);

  /* Today: what is due. */
  show_page (window, "today");
  g_clear_object (&plan);
  plan = stored_plan (app);
  items = G_LIST_MODEL (bc_plan_get_items (plan));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);

      if (bc_days_contains_date (bc_plan_item_get_dosage (item)->days, now))
        n_due++;
    }
  /* The edited item and the template's four daily stretches. */
  g_assert_cmpuint (n_due, >=, 5);
  g_assert_true (bc_today_page_get_has_plan (today));
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, n_due);
  g_assert_cmpuint (bc_today_page_get_n_done (today), ==, 0);
  start_button = find_mapped_button_for_action (GTK_WIDGET (today), "win.start-session");
  g_assert_nonnull (start_button);
  g_assert_true (gtk_widget_get_sensitive (start_button));
  step ("Today lists %u exercises due, none done; %s; %s", n_due,
        bc_today_page_get_streak_text (today), bc_today_page_get_week_text (today));

  /* The guided session. */
  session = open_session (app, window);
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "pain-before");
  bc_session_window_set_pain (session, 5);
  activate (session, "session.start");
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "exercise");
  session_id = bc_session_window_get_session_id (session);
  g_assert_cmpint (session_id, >, 0);
  step ("session %" G_GINT64_FORMAT " started with pain 5 of 10", session_id);

  n_run = follow_session (session, plan);
  g_assert_cmpuint (n_run, ==, n_due);
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "pain-after");
  bc_session_window_set_pain (session, 3);
  activate (session, "session.finish");
  g_assert_cmpstr (bc_session_window_get_step (session), ==, "summary");
  summary_line = g_strdelimit (g_strdup (bc_session_window_get_summary (session)), "\n", ' ');
  step ("session finished with pain 3; summary: %s", summary_line);

  /* The database: the session with both ratings, one record per exercise
   * with every set done.
   */
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM sessions", NULL), ==, 1);
  g_assert_cmpint (query_int (app, "SELECT pain_before FROM sessions", NULL), ==, 5);
  g_assert_cmpint (query_int (app, "SELECT pain_after FROM sessions", NULL), ==, 3);
  g_assert_cmpint (query_int (app, "SELECT finished_at IS NOT NULL FROM sessions", NULL), ==, 1);
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM exercise_records WHERE skipped = 0",
                              NULL), ==, n_due);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      const BcDosage *item_dosage = bc_plan_item_get_dosage (item);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);

      if (!bc_days_contains_date (item_dosage->days, now))
        continue;
      g_assert_cmpint (query_int (app,
                                  "SELECT sets_done FROM exercise_records "
                                  "WHERE session_id = ?1 AND exercise_ref = ?2 AND skipped = 0",
                                  id, bc_plan_item_get_exercise_ref (item), NULL),
                       ==, item_dosage->sets);
    }
  step ("database: session with pain 5 → 3 and %u exercise records, every set done", n_due);

  destroy_and_finalize (GTK_WINDOW (session));

  /* Today shows it all done: today completes a one-day streak. */
  WAIT_FOR (bc_today_page_get_n_done (today) == n_due);
  g_assert_cmpuint (bc_today_page_get_n_exercises (today), ==, n_due);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "1-day streak");
  week_expected = expected_week_text (app);
  g_assert_cmpstr (bc_today_page_get_week_text (today), ==, week_expected);
  step ("Today shows %u of %u done; %s; %s", bc_today_page_get_n_done (today), n_due,
        bc_today_page_get_streak_text (today), bc_today_page_get_week_text (today));

  render_today (window, "journey-today-done");
  close_and_finalize (app, window);
}

/* Two exercises due every day but one: four days ago nothing was due. */
static void
save_plan (BcApplication *app)
{
  g_autoptr(BcPlan) plan = bc_plan_new ("Core & stretch");
  g_autoptr(GError) error = NULL;
  BcDays days = BC_DAYS_ALL & ~weekday_bit (-4);
  BcDosage stretch = { 2, 1, 30, 10, 1, days };
  BcDosage strengthen = { 3, 10, 0, 30, 1, days };
  g_autoptr(BcPlanItem) a = bc_plan_item_new (STRETCH, &stretch, NULL);
  g_autoptr(BcPlanItem) b = bc_plan_item_new (STRENGTHEN, &strengthen, NULL);

  g_list_store_append (bc_plan_get_items (plan), a);
  g_list_store_append (bc_plan_get_items (plan), b);
  bc_plan_store_save (bc_application_get_database (app), bc_application_get_profile_id (app),
                      plan, NULL, &error);
  g_assert_no_error (error);
}

static void
test_past_day_correction (void)
{
  g_autofree char *yesterday = day_offset (-1);
  g_autofree char *two_days_ago = day_offset (-2);
  g_autofree char *four_days_ago = day_offset (-4);
  g_autofree char *eight_days_ago = day_offset (-8);
  g_autofree char *today_iso = day_offset (0);
  g_autofree char *week_expected = NULL;
  BcApplication *app = start_application ("past-days");
  BcWindow *window;
  BcTodayPage *today;
  gboolean found = FALSE;

  save_plan (app);
  window = activate_window (app);
  today = get_today_page (window);

  /* Seven days back, but not the one with nothing due, nor today. */
  g_assert_cmpuint (bc_today_page_get_n_past_days (today), ==, 6);
  g_assert_false (bc_today_page_get_past_done (today, yesterday, STRETCH, &found));
  g_assert_true (found);
  g_assert_false (bc_today_page_get_past_done (today, yesterday, STRENGTHEN, &found));
  g_assert_true (found);
  bc_today_page_get_past_done (today, four_days_ago, STRETCH, &found);
  g_assert_false (found);
  bc_today_page_get_past_done (today, eight_days_ago, STRETCH, &found);
  g_assert_false (found);
  bc_today_page_get_past_done (today, today_iso, STRETCH, &found);
  g_assert_false (found);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "No streak yet");
  g_test_message ("Today offers %u past days to correct", bc_today_page_get_n_past_days (today));

  /* Yesterday, both done without a session. */
  bc_today_page_expand_past_day (today, yesterday);
  g_assert_true (bc_today_page_set_past_done (today, yesterday, STRETCH, TRUE));
  g_assert_true (bc_today_page_set_past_done (today, yesterday, STRENGTHEN, TRUE));
  bc_test_iterate (100);

  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE day = ?1 "
                              "  AND session_id IS NULL AND skipped = 0", yesterday, NULL), ==, 2);
  g_assert_cmpint (query_int (app,
                              "SELECT sets_done FROM exercise_records WHERE day = ?1 "
                              "  AND exercise_ref = ?2", yesterday, STRETCH, NULL), ==, 2);
  g_assert_cmpint (query_int (app,
                              "SELECT sets_done FROM exercise_records WHERE day = ?1 "
                              "  AND exercise_ref = ?2", yesterday, STRENGTHEN, NULL), ==, 3);
  g_assert_cmpint (query_int (app, "SELECT count(*) FROM exercise_records WHERE day <> ?1",
                              yesterday, NULL), ==, 0);

  /* Today is not over, so it does not break the streak yesterday makes. */
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "1-day streak");
  week_expected = expected_week_text (app);
  g_assert_cmpstr (bc_today_page_get_week_text (today), ==, week_expected);
  g_assert_true (bc_today_page_get_past_done (today, yesterday, STRETCH, NULL));
  g_assert_true (bc_today_page_get_past_done (today, yesterday, STRENGTHEN, NULL));
  g_test_message ("yesterday marked done: %s, %s", bc_today_page_get_streak_text (today),
                  bc_today_page_get_week_text (today));

  /* Two days ago, half done. */
  bc_today_page_expand_past_day (today, two_days_ago);
  g_assert_true (bc_today_page_set_past_done (today, two_days_ago, STRETCH, TRUE));
  bc_test_iterate (100);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "1-day streak");

  render_today (window, "journey-past-days");

  /* A reload from elsewhere shows the same. */
  bc_application_data_changed (app);
  bc_test_iterate (50);
  g_assert_true (bc_today_page_get_past_done (today, yesterday, STRENGTHEN, NULL));
  g_assert_true (bc_today_page_get_past_done (today, two_days_ago, STRETCH, NULL));
  g_assert_false (bc_today_page_get_past_done (today, two_days_ago, STRENGTHEN, NULL));

  /* Not done after all: the record goes, and the streak with it. */
  g_assert_true (bc_today_page_set_past_done (today, yesterday, STRENGTHEN, FALSE));
  bc_test_iterate (100);
  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE day = ?1",
                              yesterday, NULL), ==, 1);
  g_assert_cmpint (query_int (app,
                              "SELECT count(*) FROM exercise_records WHERE exercise_ref = ?1 "
                              "  AND day = ?2", STRENGTHEN, yesterday, NULL), ==, 0);
  g_assert_cmpstr (bc_today_page_get_streak_text (today), ==, "No streak yet");
  g_free (week_expected);
  week_expected = expected_week_text (app);
  g_assert_cmpstr (bc_today_page_get_week_text (today), ==, week_expected);
  g_test_message ("yesterday's glute bridge unmarked: %s, %s",
                  bc_today_page_get_streak_text (today), bc_today_page_get_week_text (today));

  close_and_finalize (app, window);
}

/* Fills the Plan Details dialog as a person would and saves it. */
static void
set_plan_dates (BcPlanPage *plan_page,
                const char *start_date,
                const char *review_date)
{
  GtkWindow *dialog;
  GtkWidget *rows[5] = { NULL, };
  guint n = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.edit-details", NULL));
  bc_test_iterate (200);
  dialog = bc_plan_page_get_open_dialog (plan_page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));

  for (GtkWidget *row = gtk_widget_get_first_child (
         adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
       row != NULL && n < G_N_ELEMENTS (rows);
       row = gtk_widget_get_next_sibling (row))
    rows[n++] = row;
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[3])), ==,
                   "Review date (YYYY-MM-DD)");

  gtk_editable_set_text (GTK_EDITABLE (rows[2]), start_date);
  gtk_editable_set_text (GTK_EDITABLE (rows[3]), review_date);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  bc_test_iterate (100);
}

static void
test_review_due (void)
{
  g_autofree char *month_ago = day_offset (-30);
  g_autofree char *in_ten_days = day_offset (10);
  g_autofree char *two_days_ago = day_offset (-2);
  g_autofree char *today_iso = day_offset (0);
  g_autoptr(BcPlan) plan = NULL;
  BcApplication *app = start_application ("review");
  BcWindow *window = activate_window (app);
  BcTodayPage *today = get_today_page (window);
  BcPlanPage *plan_page = bc_window_get_plan_page (window);
  GtkWidget *button;

  show_page (window, "plan");
  g_assert_true (bc_plan_page_use_template (plan_page, GENTLE_START));
  bc_test_iterate (100);

  /* No review date: no notice. */
  show_page (window, "today");
  g_assert_true (bc_today_page_get_has_plan (today));
  g_assert_false (bc_today_page_get_review_due (today));

  /* A review still ahead: no notice either. */
  show_page (window, "plan");
  set_plan_dates (plan_page, month_ago, in_ten_days);
  plan = stored_plan (app);
  g_assert_cmpstr (bc_plan_get_review_date (plan), ==, in_ten_days);
  show_page (window, "today");
  g_assert_false (bc_today_page_get_review_due (today));

  /* Due today. */
  show_page (window, "plan");
  set_plan_dates (plan_page, month_ago, today_iso);
  show_page (window, "today");
  g_assert_true (bc_today_page_get_review_due (today));

  /* Overdue. */
  show_page (window, "plan");
  set_plan_dates (plan_page, month_ago, two_days_ago);
  g_clear_object (&plan);
  plan = stored_plan (app);
  g_assert_cmpstr (bc_plan_get_review_date (plan), ==, two_days_ago);
  show_page (window, "today");
  g_assert_true (bc_today_page_get_review_due (today));
  g_assert_true (g_str_has_prefix (bc_today_page_get_review_text (today),
                                   "Plan review due — your physiotherapist planned to review "
                                   "this plan on "));
  g_test_message ("notice: %s", bc_today_page_get_review_text (today));

  render_today (window, "journey-review-due");

  /* Its button shows the plan. */
  button = find_mapped_button_for_action (GTK_WIDGET (today), "win.show-page");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show _Plan");
  g_assert_true (gtk_widget_activate (button));
  WAIT_FOR (g_strcmp0 (bc_window_get_visible_page (window), "plan") == 0);

  close_and_finalize (app, window);
}

int
main (int   argc,
      char *argv[])
{
  /* Test only: a 30-second hold lasts 0.15 s. */
  g_setenv ("BACKCARE_SESSION_SPEED", "200", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may not be installed:
   * the environment's UTF-8 locale keeps the log's “—” and “×” readable.
   */
  setlocale (LC_ALL, "");

  g_test_add_func ("/ui/journey/template-to-session", test_template_to_session);
  g_test_add_func ("/ui/journey/past-day-correction", test_past_day_correction);
  g_test_add_func ("/ui/journey/review-due", test_review_due);

  return g_test_run ();
}
