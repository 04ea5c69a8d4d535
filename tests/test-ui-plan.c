/* test-ui-plan.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Plan page in the real window under Xvfb: a plan from a template,
 * editing with validation, reordering, removing with Undo, the library
 * and importing a file, each checked against the sqlite file.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-library-dialog.h"
#include "bc-plan-file.h"
#include "bc-plan-history-dialog.h"
#include "bc-plan-item-dialog.h"
#include "bc-plan-store.h"
#include "bc-window.h"

#define GENTLE_START "/org/example/BackCare/templates/core-and-stretch-gentle-start.backcare-plan"

typedef struct
{
  BcApplication *app;
  BcWindow      *window;
  BcPlanPage    *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "plan", NULL);

  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  fixture->app = bc_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  fixture->page = bc_window_get_plan_page (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "plan");
  bc_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  bc_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  g_application_quit (G_APPLICATION (fixture->app));
  g_object_unref (fixture->app);
}

static BcPlan *
stored_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  BcPlan *plan = bc_plan_store_load_active (bc_application_get_database (fixture->app),
                                            bc_application_get_profile_id (fixture->app),
                                            &error);

  g_assert_no_error (error);
  return plan;
}

static char *
stored_refs (Fixture *fixture)
{
  g_autoptr(BcPlan) plan = stored_plan (fixture);
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, bc_plan_item_get_exercise_ref (item) + strlen ("builtin:"));
    }

  return g_string_free (str, FALSE);
}

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
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
  int width, height;

  bc_test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);
}

static void
start_from_template (Fixture *fixture)
{
  g_assert_null (bc_plan_page_get_plan (fixture->page));
  g_assert_true (bc_plan_page_use_template (fixture->page, GENTLE_START));
  bc_test_iterate (100);
  g_assert_nonnull (bc_plan_page_get_plan (fixture->page));
}

static void
test_template (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  start_from_template (fixture);
  plan = stored_plan (fixture);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (plan))), >=, 5);
  g_assert_cmpstr (bc_plan_get_start_date (plan), ==, today);
  g_assert_cmpstr (bc_plan_get_title (plan), ==, "Core & stretch — gentle start");

  save_png (GTK_WIDGET (fixture->window), "plan-page.png");
}

static void
test_edit_item (Fixture       *fixture,
                gconstpointer  user_data)
{
  BcPlanItemDialog *dialog;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(BcPlanItem) item = NULL;
  BcDosage dosage;

  start_from_template (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.edit-item", "u", 0);
  bc_test_iterate (200);
  dialog = BC_PLAN_ITEM_DIALOG (bc_plan_page_get_open_dialog (fixture->page));
  g_assert_true (BC_IS_PLAN_ITEM_DIALOG (dialog));

  /* Out of range: refused with a message, nothing stored. */
  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (bc_plan_page_get_plan (fixture->page))), 0);
  dosage = *bc_plan_item_get_dosage (item);
  dosage.sets = 11;
  bc_plan_item_dialog_set_values (BC_PLAN_ITEM_DIALOG (dialog), &dosage);
  g_assert_nonnull (bc_plan_item_dialog_get_error (dialog));
  g_test_message ("refused: %s", bc_plan_item_dialog_get_error (dialog));
  g_assert_false (bc_plan_item_dialog_save (dialog));
  save_png (GTK_WIDGET (dialog), "item-dialog-error.png");

  dosage.sets = 2;
  dosage.reps = 101;
  bc_plan_item_dialog_set_values (BC_PLAN_ITEM_DIALOG (dialog), &dosage);
  g_assert_false (bc_plan_item_dialog_save (dialog));

  dosage.reps = 15;
  dosage.hold_seconds = 301;
  bc_plan_item_dialog_set_values (BC_PLAN_ITEM_DIALOG (dialog), &dosage);
  g_assert_false (bc_plan_item_dialog_save (dialog));

  plan = stored_plan (fixture);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (plan)), 0);
  g_assert_cmpuint (bc_plan_item_get_dosage (item)->sets, !=, 11);
  g_assert_cmpuint (bc_plan_item_get_dosage (item)->reps, !=, 101);

  /* In range: saved. */
  dosage.hold_seconds = 8;
  bc_plan_item_dialog_set_values (BC_PLAN_ITEM_DIALOG (dialog), &dosage);
  g_assert_null (bc_plan_item_dialog_get_error (dialog));
  g_assert_true (bc_plan_item_dialog_save (dialog));
  bc_test_iterate (100);

  g_clear_object (&plan);
  g_clear_object (&item);
  plan = stored_plan (fixture);
  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (plan)), 0);
  g_assert_cmpuint (bc_plan_item_get_dosage (item)->sets, ==, 2);
  g_assert_cmpuint (bc_plan_item_get_dosage (item)->reps, ==, 15);
  g_assert_cmpuint (bc_plan_item_get_dosage (item)->hold_seconds, ==, 8);
}

static void
test_reorder_remove_undo (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *restored = NULL;
  g_auto(GStrv) parts = NULL;

  start_from_template (fixture);
  before = stored_refs (fixture);
  parts = g_strsplit (before, ",", -1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.move-down", "u", 0);
  bc_test_iterate (50);
  moved = stored_refs (fixture);
  g_assert_true (g_str_has_prefix (moved, parts[1]));
  g_assert_nonnull (strstr (moved, parts[0]));
  g_assert_true (strstr (moved, parts[0]) > strstr (moved, parts[1]));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.move-up", "u", 1);
  bc_test_iterate (50);
  g_free (moved);
  moved = stored_refs (fixture);
  g_assert_cmpstr (moved, ==, before);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.remove-item", "u", 2);
  bc_test_iterate (50);
  removed = stored_refs (fixture);
  g_assert_null (strstr (removed, parts[2]));

  bc_plan_page_undo_remove (fixture->page);
  bc_test_iterate (50);
  restored = stored_refs (fixture);
  g_assert_cmpstr (restored, ==, before);
}

static void
test_library (Fixture       *fixture,
              gconstpointer  user_data)
{
  BcLibraryDialog *dialog;
  GListModel *filtered;
  g_autofree char *refs = NULL;
  g_autoptr(BcExercise) first = NULL;

  start_from_template (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.add-exercise", NULL);
  bc_test_iterate (200);
  dialog = BC_LIBRARY_DIALOG (bc_plan_page_get_open_dialog (fixture->page));
  g_assert_true (BC_IS_LIBRARY_DIALOG (dialog));
  filtered = bc_library_dialog_get_filtered (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), >=, 24);
  save_png (GTK_WIDGET (dialog), "library.png");

  bc_library_dialog_set_query (dialog, "hamstring", -1);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), >=, 3);
  bc_library_dialog_set_query (dialog, "", BC_EXERCISE_CATEGORY_MOBILITY);
  for (guint i = 0; i < g_list_model_get_n_items (filtered); i++)
    {
      g_autoptr(BcExercise) exercise = g_list_model_get_item (filtered, i);

      g_assert_cmpint (bc_exercise_get_category (exercise), ==, BC_EXERCISE_CATEGORY_MOBILITY);
    }
  bc_library_dialog_set_query (dialog, "no such exercise at all", -1);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 0);

  bc_library_dialog_set_query (dialog, "corner", BC_EXERCISE_CATEGORY_STRETCH);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  bc_library_dialog_choose (dialog, 0);
  bc_test_iterate (100);

  refs = stored_refs (fixture);
  g_assert_true (g_str_has_suffix (refs, ",chest-stretch-corner"));
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "from-clinic.backcare-plan", NULL);
  g_autofree char *junk = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "junk.backcare-plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr(BcPlan) plan = bc_plan_new ("From the clinic");
  g_autoptr(BcPlanItem) item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BcPlan) stored = NULL;
  BcDosage dosage = { 3, 1, 30, 15, 1, BC_DAYS_ALL };
  GtkWindow *dialog;

  start_from_template (fixture);

  item = bc_plan_item_new ("builtin:hip-flexor-stretch-half-kneeling", &dosage, "Gently");
  g_list_store_append (bc_plan_get_items (plan), item);
  bytes = bc_plan_file_serialize (plan, bc_application_get_catalog (fixture->app), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_true (g_file_set_contents (junk, "{\"format\": \"backcare-plan\", \"version\": 7}", -1, &error));

  /* A bad file: a message, nothing changed. */
  bc_plan_page_preview_import (fixture->page, junk_file);
  bc_test_iterate (200);
  dialog = bc_plan_page_get_open_dialog (fixture->page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_test_message ("bad file: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "newer"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);
  stored = stored_plan (fixture);
  g_assert_cmpstr (bc_plan_get_title (stored), ==, "Core & stretch — gentle start");
  g_clear_object (&stored);

  /* A good one: a preview naming the plan and the profile, then import. */
  bc_plan_page_preview_import (fixture->page, file);
  bc_test_iterate (200);
  dialog = bc_plan_page_get_open_dialog (fixture->page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_test_message ("preview: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "From the clinic"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“Me”"));
  save_png (GTK_WIDGET (dialog), "import-preview.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (dialog);
  bc_test_iterate (100);

  stored = stored_plan (fixture);
  g_assert_cmpstr (bc_plan_get_title (stored), ==, "From the clinic");

  /* The replaced template plan is still readable in the history. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.history", NULL);
  bc_test_iterate (200);
  dialog = bc_plan_page_get_open_dialog (fixture->page);
  g_assert_true (BC_IS_PLAN_HISTORY_DIALOG (dialog));
  g_assert_cmpuint (bc_plan_history_dialog_get_n_versions (BC_PLAN_HISTORY_DIALOG (dialog)), ==, 1);
  save_png (GTK_WIDGET (dialog), "plan-history.png");
  gtk_window_destroy (dialog);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The window's PDF (GtkPrintOperation, export) and the command line's
 * (cairo, no display) read back as the same text.
 */
static void
test_print_export (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *window_pdf = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "window.pdf", NULL);
  g_autofree char *shell_pdf = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "shell.pdf", NULL);
  g_autofree char *window_text = NULL;
  g_autofree char *shell_text = NULL;
  const char *argv[] = { g_getenv ("BACKCARE_BINARY"), "--export-plan", shell_pdf, NULL };
  int status;
  GtkWindow *preview;

  start_from_template (fixture);
  g_assert_true (bc_plan_page_export_pdf (fixture->page, window_pdf, &error));
  g_assert_no_error (error);

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  window_text = pdf_text (window_pdf);
  shell_text = pdf_text (shell_pdf);
  g_assert_nonnull (strstr (window_text, "Core & stretch — gentle start"));
  g_assert_nonnull (strstr (window_text, "Tracking sheet"));
  g_assert_cmpstr (window_text, ==, shell_text);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.preview", NULL);
  bc_test_iterate (300);
  preview = bc_plan_page_get_open_dialog (fixture->page);
  g_assert_nonnull (preview);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (preview), "n-pages")), >=, 3);
  save_png (GTK_WIDGET (preview), "print-preview.png");
  gtk_window_destroy (preview);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/plan/template", test_template);
  ADD ("/ui/plan/edit-item", test_edit_item);
  ADD ("/ui/plan/reorder-remove-undo", test_reorder_remove_undo);
  ADD ("/ui/plan/library", test_library);
  ADD ("/ui/plan/import-preview", test_import_preview);
  ADD ("/ui/plan/print-export", test_print_export);

#undef ADD

  return g_test_run ();
}
