/* test-ui-exercise-editor.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user's own exercises, through the Plan page's library in the real
 * window under Xvfb: a new exercise with an image, what is refused, and
 * editing a copy of a built-in one, each checked against the sqlite file.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-exercise-editor.h"
#include "bc-library-dialog.h"
#include "bc-plan-store.h"
#include "bc-window.h"

#define GENTLE_START "/org/example/BackCare/templates/core-and-stretch-gentle-start.backcare-plan"
#define GLUTE_BRIDGE "builtin:glute-bridge"

typedef struct
{
  BcApplication   *app;
  BcWindow        *window;
  BcPlanPage      *page;
  BcLibraryDialog *library;
} Fixture;

/* One stored row of custom_exercises. */
typedef struct
{
  char  *ref;
  char  *name;
  char  *category;
  char  *steps;
  char  *cautions;
  char  *image_mime_type;
  gint64 image_size;
  char  *based_on;
  int    sets;
  int    days_per_week;
  int    per_side;
} Stored;

static void
stored_free (Stored *stored)
{
  g_free (stored->ref);
  g_free (stored->name);
  g_free (stored->category);
  g_free (stored->steps);
  g_free (stored->cautions);
  g_free (stored->image_mime_type);
  g_free (stored->based_on);
  g_free (stored);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stored, stored_free)

static char *
world_path (const char *name)
{
  return g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = world_path ("exercise-editor");

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

  /* The library opens from a plan. */
  g_assert_true (bc_plan_page_use_template (fixture->page, GENTLE_START));
  bc_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.add-exercise", NULL);
  bc_test_iterate (200);
  fixture->library = BC_LIBRARY_DIALOG (bc_plan_page_get_open_dialog (fixture->page));
  g_assert_true (BC_IS_LIBRARY_DIALOG (fixture->library));
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

static int
show_at (GtkWindow *window,
         int        width,
         int        height)
{
  int last = -1;

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);

  /* Until the size has settled for a while. */
  for (guint stable = 0, i = 0; stable < 10 && i < 500; i++)
    {
      int now;

      bc_test_iterate (10);
      now = gtk_widget_get_width (GTK_WIDGET (window));
      stable = now == last && now > 0 ? stable + 1 : 0;
      last = now;
    }

  return last;
}

static GtkWidget *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The whole scrolled form, however tall, on the window's background. */
static void
save_form_png (GtkWindow  *window,
               const char *name)
{
  GtkWidget *scrolled = find_scrolled_window (GTK_WIDGET (window));
  GtkWidget *form;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
  GdkRGBA background = { 0.98, 0.98, 0.98, 1.0 };
  int width, height;

  g_assert_nonnull (scrolled);
  /* The scrolled window's viewport, then what it scrolls. */
  form = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
  paintable = gtk_widget_paintable_new (form);
  bc_test_iterate (300);
  width = gtk_widget_get_width (form);
  height = gtk_widget_get_height (form);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%d × %d)", path, width, height);
}

/* Without a window manager a shown window keeps its size: the default
 * size applies when it is shown again. A dialog's default size counts
 * its frame too, so the frame is added to get the width wanted.
 */
static void
render_at (GtkWindow  *window,
           int         width,
           int         height,
           const char *name)
{
  int got = show_at (window, width, height);

  if (got != width)
    got = show_at (window, width + (width - got), height);
  g_assert_cmpint (got, ==, width);
  save_png (GTK_WIDGET (window), name);

  if (BC_IS_EXERCISE_EDITOR (window))
    {
      g_autofree char *form_name = g_strdup_printf ("form-%s", name);

      save_form_png (window, form_name);
    }
}

/* A real PNG with many colours: a hue sweep across, light to dark down. */
static GFile *
write_png (const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = world_path (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *pixels = g_malloc (width * height * 3);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (y * width + x) * 3;
        double hue = (double)x / width * 6.0;
        double shade = 1.0 - 0.7 * y / height;
        double r = CLAMP (fabs (hue - 3.0) - 1.0, 0.0, 1.0);
        double g = CLAMP (2.0 - fabs (hue - 2.0), 0.0, 1.0);
        double b = CLAMP (2.0 - fabs (hue - 4.0), 0.0, 1.0);

        p[0] = r * shade * 255;
        p[1] = g * shade * 255;
        p[2] = b * shade * 255;
      }

  bytes = g_bytes_new_take (pixels, width * height * 3);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return g_file_new_for_path (path);
}

static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = world_path (name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GPtrArray *
stored_exercises (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)stored_free);

  stmt = bc_database_prepare (bc_application_get_database (fixture->app),
                              "SELECT uuid, name, category, steps, cautions, image_mime_type, "
                              "  length (image), based_on, sets, days_per_week, per_side "
                              "FROM custom_exercises ORDER BY updated_at, name",
                              &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Stored *stored = g_new0 (Stored, 1);

      stored->ref = g_strconcat ("custom:", sqlite3_column_text (stmt, 0), NULL);
      stored->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      stored->category = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      stored->steps = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      stored->cautions = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      stored->image_mime_type = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      stored->image_size = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                           ? -1 : sqlite3_column_int64 (stmt, 6);
      stored->based_on = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      stored->sets = sqlite3_column_int (stmt, 8);
      stored->days_per_week = sqlite3_column_int (stmt, 9);
      stored->per_side = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (rows, stored);
    }

  return rows;
}

static gboolean
library_lists (Fixture    *fixture,
               const char *ref,
               const char *name)
{
  GListModel *filtered = bc_library_dialog_get_filtered (fixture->library);

  for (guint i = 0; i < g_list_model_get_n_items (filtered); i++)
    {
      g_autoptr(BcExercise) exercise = g_list_model_get_item (filtered, i);

      if (g_str_equal (bc_exercise_get_ref (exercise), ref))
        return g_str_equal (bc_exercise_get_name (exercise), name);
    }

  return FALSE;
}

static BcExerciseEditor *
open_editor (Fixture    *fixture,
             const char *ref)
{
  GtkWindow *editor;

  if (ref == NULL)
    gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.new-exercise", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.edit-exercise", "s", ref);
  bc_test_iterate (200);

  editor = bc_library_dialog_get_editor (fixture->library);
  g_assert_true (BC_IS_EXERCISE_EDITOR (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  return BC_EXERCISE_EDITOR (editor);
}

static void
fill_new (BcExerciseEditor *editor)
{
  BcDosage dosage = { 3, 12, 5, 45, 2, BC_DAYS_ALL };

  bc_exercise_editor_set_name (editor, "Sofa hip hinge");
  bc_exercise_editor_set_category (editor, BC_EXERCISE_CATEGORY_STRENGTHEN);
  bc_exercise_editor_set_details (editor, "glutes, hamstrings", "standing in front of a sofa",
                                  "a sofa", FALSE);
  bc_exercise_editor_set_dosage (editor, &dosage, 5);
  bc_exercise_editor_set_steps (editor,
                                "Stand in front of a sofa, feet hip-width apart.\n"
                                "  Push your hips back until you nearly touch the sofa.  \n"
                                "\n"
                                "Stand up tall again.",
                                "Stop if pain spreads down your leg.");
}

static void
test_new_with_image (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = write_png ("wall-sit.png", 160, 120);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(BcPlanItem) last = NULL;
  BcExerciseEditor *editor;
  BcExercise *exercise;
  GListModel *filtered;
  Stored *stored;
  guint n_before;
  guint n_items;

  filtered = bc_library_dialog_get_filtered (fixture->library);
  n_before = g_list_model_get_n_items (filtered);

  editor = open_editor (fixture, NULL);
  g_assert_nonnull (bc_exercise_editor_get_error (editor));
  g_assert_null (bc_exercise_editor_get_image (editor));

  fill_new (editor);
  g_assert_true (bc_exercise_editor_set_image_file (editor, png, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bc_exercise_editor_get_image (editor));
  g_assert_null (bc_exercise_editor_get_error (editor));
  save_png (GTK_WIDGET (editor), "editor-new.png");

  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);
  g_assert_null (bc_library_dialog_get_editor (fixture->library));

  /* In the database, steps one per line, blank lines dropped. */
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  stored = rows->pdata[0];
  g_assert_cmpstr (stored->name, ==, "Sofa hip hinge");
  g_assert_cmpstr (stored->category, ==, "strengthen");
  g_assert_cmpstr (stored->steps, ==,
                   "Stand in front of a sofa, feet hip-width apart.\n"
                   "Push your hips back until you nearly touch the sofa.\n"
                   "Stand up tall again.");
  g_assert_cmpstr (stored->cautions, ==, "Stop if pain spreads down your leg.");
  g_assert_cmpint (stored->sets, ==, 3);
  g_assert_cmpint (stored->days_per_week, ==, 5);
  g_assert_cmpstr (stored->image_mime_type, ==, "image/png");
  g_assert_cmpint (stored->image_size, >, 100);
  g_assert_null (stored->based_on);

  /* In the library list, with its image. */
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, n_before + 1);
  g_assert_true (library_lists (fixture, stored->ref, "Sofa hip hinge"));
  exercise = bc_exercise_catalog_lookup (bc_application_get_catalog (fixture->app), stored->ref);
  g_assert_nonnull (bc_exercise_get_image (exercise));
  bc_library_dialog_set_query (fixture->library, "sofa hip", -1);
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 1);
  save_png (GTK_WIDGET (fixture->library), "library-custom.png");

  /* Activating its row still chooses it for the plan. */
  bc_library_dialog_choose (fixture->library, 0);
  bc_test_iterate (100);
  plan = bc_plan_store_load_active (bc_application_get_database (fixture->app),
                                    bc_application_get_profile_id (fixture->app), &error);
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (plan)));
  last = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (plan)), n_items - 1);
  g_assert_cmpstr (bc_plan_item_get_exercise_ref (last), ==, stored->ref);
  g_assert_cmpuint (bc_plan_item_get_dosage (last)->sets, ==, 3);
}

static void
test_invalid_refused (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = write_png ("small.png", 48, 32);
  g_autoptr(GFile) wide = write_png ("too-wide.png", BC_EXERCISE_IMAGE_MAX_PIXELS + 1, 8);
  g_autoptr(GFile) text = write_file ("notes.txt", "Not a picture at all.\n", -1);
  g_autoptr(GFile) fake = write_file ("fake.png", "Text that claims to be a PNG.\n", -1);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/picture.png");
  g_autoptr(GFile) big = NULL;
  g_autoptr(GFile) svg = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *big_data = g_malloc0 (BC_EXERCISE_IMAGE_MAX_BYTES + 1);
  BcExerciseEditor *editor;
  GBytes *image;
  BcDosage dosage = { 3, 12, 5, 45, 2, BC_DAYS_ALL };
  guint n_before = g_list_model_get_n_items (bc_library_dialog_get_filtered (fixture->library));

  /* A PNG's first bytes, then far too much of it. */
  memcpy (big_data, "\x89PNG\r\n\x1a\n", 8);
  big = write_file ("huge.png", big_data, BC_EXERCISE_IMAGE_MAX_BYTES + 1);
  svg = write_file ("drawing.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"48\">"
                    "<rect width=\"64\" height=\"48\" fill=\"#3584e4\"/></svg>", -1);

  editor = open_editor (fixture, NULL);
  fill_new (editor);
  g_assert_true (bc_exercise_editor_set_image_file (editor, png, &error));
  g_assert_no_error (error);
  image = bc_exercise_editor_get_image (editor);

  /* No name. */
  bc_exercise_editor_set_name (editor, "   ");
  g_assert_nonnull (bc_exercise_editor_get_error (editor));
  g_test_message ("empty name: %s", bc_exercise_editor_get_error (editor));
  g_assert_false (bc_exercise_editor_save (editor));
  bc_exercise_editor_set_name (editor, "Sofa hip hinge");
  g_assert_null (bc_exercise_editor_get_error (editor));

  /* Out of range. */
  dosage.sets = 11;
  bc_exercise_editor_set_dosage (editor, &dosage, 5);
  g_test_message ("sets 11: %s", bc_exercise_editor_get_error (editor));
  g_assert_nonnull (strstr (bc_exercise_editor_get_error (editor), "Sets"));
  g_assert_false (bc_exercise_editor_save (editor));
  save_png (GTK_WIDGET (editor), "editor-sets-error.png");
  dosage.sets = 3;
  dosage.hold_seconds = 301;
  bc_exercise_editor_set_dosage (editor, &dosage, 5);
  g_assert_false (bc_exercise_editor_save (editor));
  dosage.hold_seconds = 5;
  bc_exercise_editor_set_dosage (editor, &dosage, 8);
  g_test_message ("8 days a week: %s", bc_exercise_editor_get_error (editor));
  g_assert_false (bc_exercise_editor_save (editor));
  bc_exercise_editor_set_dosage (editor, &dosage, 5);

  /* Longer than a plan file takes. */
  {
    g_autofree char *long_name = g_strnfill (201, 'a');
    g_autoptr(GString) many = g_string_new (NULL);

    bc_exercise_editor_set_name (editor, long_name);
    g_test_message ("201 characters: %s", bc_exercise_editor_get_error (editor));
    g_assert_false (bc_exercise_editor_save (editor));
    bc_exercise_editor_set_name (editor, "Sofa hip hinge");

    for (guint i = 0; i < 51; i++)
      g_string_append_printf (many, "Step %u\n", i + 1);
    bc_exercise_editor_set_steps (editor, many->str, "");
    g_test_message ("51 steps: %s", bc_exercise_editor_get_error (editor));
    g_assert_false (bc_exercise_editor_save (editor));
  }

  /* No steps. */
  bc_exercise_editor_set_steps (editor, " \n\n", "");
  g_test_message ("no steps: %s", bc_exercise_editor_get_error (editor));
  g_assert_false (bc_exercise_editor_save (editor));
  bc_exercise_editor_set_steps (editor, "Push your hips back.", "");
  g_assert_null (bc_exercise_editor_get_error (editor));

  /* Images that are refused change nothing. */
  g_assert_false (bc_exercise_editor_set_image_file (editor, text, &error));
  g_assert_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_WRONG_TYPE);
  g_test_message ("text file: %s", error->message);
  g_assert_cmpstr (bc_exercise_editor_get_image_error (editor), ==, error->message);
  g_assert_true (bc_exercise_editor_get_image (editor) == image);
  g_clear_error (&error);

  g_assert_false (bc_exercise_editor_set_image_file (editor, fake, &error));
  g_assert_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_WRONG_TYPE);
  g_test_message ("text named .png: %s", error->message);
  g_clear_error (&error);

  g_assert_false (bc_exercise_editor_set_image_file (editor, big, &error));
  g_assert_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_TOO_LARGE);
  g_test_message ("over 4 MiB: %s", error->message);
  save_png (GTK_WIDGET (editor), "editor-image-error.png");
  g_assert_true (bc_exercise_editor_get_image (editor) == image);
  g_clear_error (&error);

  g_assert_false (bc_exercise_editor_set_image_file (editor, wide, &error));
  g_assert_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_TOO_LARGE);
  g_test_message ("too wide: %s", error->message);
  g_clear_error (&error);

  g_assert_false (bc_exercise_editor_set_image_file (editor, missing, &error));
  g_assert_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_UNREADABLE);
  g_test_message ("missing: %s", error->message);
  g_assert_true (bc_exercise_editor_get_image (editor) == image);
  g_clear_error (&error);

  /* An SVG is fine, and Remove Image takes it away again. */
  g_assert_true (bc_exercise_editor_set_image_file (editor, svg, &error));
  g_assert_no_error (error);
  g_assert_null (bc_exercise_editor_get_image_error (editor));
  g_assert_false (bc_exercise_editor_get_image (editor) == image);
  bc_exercise_editor_remove_image (editor);
  g_assert_null (bc_exercise_editor_get_image (editor));

  /* Nothing was stored, nothing new in the library. */
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bc_library_dialog_get_filtered (fixture->library)),
                    ==, n_before);

  /* Cancel leaves it that way. */
  gtk_window_close (GTK_WINDOW (editor));
  bc_test_iterate (100);
  g_assert_null (bc_library_dialog_get_editor (fixture->library));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
}

static char *
builtin_snapshot (Fixture *fixture)
{
  BcExercise *builtin = bc_exercise_catalog_lookup (bc_application_get_catalog (fixture->app),
                                                    GLUTE_BRIDGE);
  g_autofree char *steps = NULL;

  g_assert_nonnull (builtin);
  steps = g_strjoinv ("|", (char **)bc_exercise_get_steps (builtin));
  return g_strdup_printf ("%s/%u/%s", bc_exercise_get_name (builtin),
                          bc_exercise_get_dosage (builtin)->sets, steps);
}

static void
test_edit_copy (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *before = builtin_snapshot (fixture);
  g_autofree char *after = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *ref = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  BcExercise *builtin;
  BcExerciseEditor *editor;
  BcDosage dosage;
  Stored *stored;

  builtin = bc_exercise_catalog_lookup (bc_application_get_catalog (fixture->app), GLUTE_BRIDGE);
  copy_name = g_strdup_printf ("%s (my version)", bc_exercise_get_name (builtin));

  /* Edit a Copy: prefilled from the built-in, its drawing kept. */
  editor = open_editor (fixture, GLUTE_BRIDGE);
  g_assert_null (bc_exercise_editor_get_error (editor));
  g_assert_nonnull (bc_exercise_editor_get_image (editor));
  dosage = *bc_exercise_get_dosage (builtin);
  dosage.sets = 4;
  bc_exercise_editor_set_dosage (editor, &dosage, 3);
  save_png (GTK_WIDGET (editor), "editor-copy.png");
  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);

  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  stored = rows->pdata[0];
  ref = g_strdup (stored->ref);
  g_assert_true (g_str_has_prefix (ref, "custom:"));
  g_assert_cmpstr (stored->name, ==, copy_name);
  g_assert_cmpstr (stored->based_on, ==, GLUTE_BRIDGE);
  g_assert_cmpint (stored->sets, ==, 4);
  g_assert_cmpint (stored->days_per_week, ==, 3);
  g_assert_cmpstr (stored->image_mime_type, ==, "image/svg+xml");
  g_assert_true (library_lists (fixture, ref, copy_name));

  /* The built-in is as it was, and still in the library. */
  after = builtin_snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (library_lists (fixture, GLUTE_BRIDGE, bc_exercise_get_name (builtin)));

  /* Editing the copy again keeps its ref and updates it. */
  editor = open_editor (fixture, ref);
  g_assert_null (bc_exercise_editor_get_error (editor));
  bc_exercise_editor_set_name (editor, "Bridge, my way");
  bc_exercise_editor_set_category (editor, BC_EXERCISE_CATEGORY_MOBILITY);
  bc_exercise_editor_set_details (editor, "glutes", "lying on your back", "a mat", TRUE);
  dosage.sets = 2;
  bc_exercise_editor_set_dosage (editor, &dosage, 7);
  bc_exercise_editor_remove_image (editor);
  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  stored = rows->pdata[0];
  g_assert_cmpstr (stored->ref, ==, ref);
  g_assert_cmpstr (stored->name, ==, "Bridge, my way");
  g_assert_cmpstr (stored->category, ==, "mobility");
  g_assert_cmpstr (stored->based_on, ==, GLUTE_BRIDGE);
  g_assert_cmpint (stored->sets, ==, 2);
  g_assert_cmpint (stored->days_per_week, ==, 7);
  g_assert_cmpint (stored->per_side, ==, 1);
  g_assert_cmpint (stored->image_size, ==, -1);
  g_assert_true (library_lists (fixture, ref, "Bridge, my way"));

  g_free (after);
  after = builtin_snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* A database that refuses the write: a message, the editor stays open,
 * the catalog and the library keep what is really stored.
 */
static void
test_database_refuses (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *ref = NULL;
  BcDatabase *db = bc_application_get_database (fixture->app);
  BcExerciseCatalog *catalog = bc_application_get_catalog (fixture->app);
  BcExerciseEditor *editor;
  guint n_before = g_list_model_get_n_items (bc_library_dialog_get_filtered (fixture->library));

  editor = open_editor (fixture, NULL);
  fill_new (editor);
  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  ref = g_strdup (((Stored *)rows->pdata[0])->ref);

  g_assert_true (bc_database_exec (db,
                                   "CREATE TEMP TRIGGER refuse BEFORE INSERT ON custom_exercises "
                                   "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END",
                                   &error));
  g_assert_no_error (error);

  /* Editing: refused, the stored version stays everywhere. */
  editor = open_editor (fixture, ref);
  bc_exercise_editor_set_name (editor, "Renamed");
  g_assert_false (bc_exercise_editor_save (editor));
  g_test_message ("refused: %s", bc_exercise_editor_get_error (editor));
  g_assert_nonnull (strstr (bc_exercise_editor_get_error (editor), "disk is full"));
  g_assert_true (bc_library_dialog_get_editor (fixture->library) == GTK_WINDOW (editor));
  g_assert_cmpstr (bc_exercise_get_name (bc_exercise_catalog_lookup (catalog, ref)), ==,
                   "Sofa hip hinge");
  g_assert_true (library_lists (fixture, ref, "Sofa hip hinge"));
  save_png (GTK_WIDGET (editor), "editor-database-refused.png");
  gtk_window_close (GTK_WINDOW (editor));
  bc_test_iterate (100);

  /* New: nothing added. */
  editor = open_editor (fixture, NULL);
  fill_new (editor);
  bc_exercise_editor_set_name (editor, "Never stored");
  g_assert_false (bc_exercise_editor_save (editor));
  g_assert_cmpuint (g_list_model_get_n_items (bc_library_dialog_get_filtered (fixture->library)),
                    ==, n_before + 1);

  /* Once the database takes it again, the same editor saves. */
  g_assert_true (bc_database_exec (db, "DROP TRIGGER refuse", &error));
  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = stored_exercises (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_equal (((Stored *)rows->pdata[0])->name, "Never stored") !=
                 g_str_equal (((Stored *)rows->pdata[1])->name, "Never stored"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_library_dialog_get_filtered (fixture->library)),
                    ==, n_before + 2);
}

/* The editor and the library as a person sees them, at a phone's width
 * and at a desktop's.
 */
static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = write_png ("colours.png", 240, 160);
  g_autoptr(GFile) text = write_file ("notes.txt", "Not a picture.\n", -1);
  BcExerciseEditor *editor;
  BcDosage dosage = { 3, 12, 5, 45, 2, BC_DAYS_ALL };

  editor = open_editor (fixture, NULL);
  render_at (GTK_WINDOW (editor), 360, 780, "editor-empty-360.png");

  fill_new (editor);
  g_assert_true (bc_exercise_editor_set_image_file (editor, png, &error));
  g_assert_no_error (error);
  render_at (GTK_WINDOW (editor), 360, 780, "editor-filled-360.png");
  render_at (GTK_WINDOW (editor), 600, 780, "editor-filled-600.png");

  bc_exercise_editor_set_name (editor, "");
  dosage.sets = 11;
  bc_exercise_editor_set_dosage (editor, &dosage, 5);
  g_assert_false (bc_exercise_editor_set_image_file (editor, text, NULL));
  render_at (GTK_WINDOW (editor), 360, 780, "editor-errors-360.png");

  bc_exercise_editor_set_name (editor, "Sofa hip hinge with a very long name that has to fit somewhere");
  dosage.sets = 3;
  bc_exercise_editor_set_dosage (editor, &dosage, 5);
  g_assert_true (bc_exercise_editor_save (editor));
  bc_test_iterate (100);

  render_at (GTK_WINDOW (fixture->library), 360, 700, "library-360.png");
  render_at (GTK_WINDOW (fixture->library), 600, 700, "library-600.png");
  bc_library_dialog_set_query (fixture->library, "sofa", -1);
  render_at (GTK_WINDOW (fixture->library), 360, 500, "library-custom-360.png");
  bc_library_dialog_set_query (fixture->library, "", -1);

  editor = open_editor (fixture, GLUTE_BRIDGE);
  render_at (GTK_WINDOW (editor), 360, 780, "editor-copy-360.png");
  gtk_window_close (GTK_WINDOW (editor));
  bc_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/exercise-editor/new-with-image", test_new_with_image);
  ADD ("/ui/exercise-editor/invalid-refused", test_invalid_refused);
  ADD ("/ui/exercise-editor/edit-copy", test_edit_copy);
  ADD ("/ui/exercise-editor/database-refuses", test_database_refuses);
  ADD ("/ui/exercise-editor/render", test_render);

#undef ADD

  return g_test_run ();
}
