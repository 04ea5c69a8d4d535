/* test-ui-pain.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain log in the real window under Xvfb: entries through the
 * dialog (with what it refuses), the nerve-symptom notice, the quick
 * log on Today, the list by day paged from sqlite, search, delete with
 * Undo, the PSFS card and CSV import and export, each checked against
 * the sqlite file. BACKCARE_TEST_OUTPUT keeps the pictures.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-pain-csv.h"
#include "bc-pain-entry-dialog.h"
#include "bc-pain-log-page.h"
#include "bc-pain-scale.h"
#include "bc-pain-store.h"
#include "bc-plan-page.h"
#include "bc-psfs-card.h"
#include "bc-today-page.h"
#include "bc-window.h"

#define GENTLE_START "/org/example/BackCare/templates/core-and-stretch-gentle-start.backcare-plan"

typedef struct
{
  BcApplication *app;
  BcWindow      *window;
  BcPainLogPage *page;
} Fixture;

static char *
path_in_world (const char *name)
{
  const char *world = g_getenv ("BACKCARE_TEST_WORLD");

  g_assert_nonnull (world);
  return g_build_filename (world, name, NULL);
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             name));
  bc_test_iterate (150);
  g_assert_cmpstr (bc_window_get_visible_page (fixture->window), ==, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = path_in_world ("pain");

  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  fixture->app = bc_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bc_application_get_database (fixture->app));
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  fixture->page = bc_window_get_pain_log_page (fixture->window);
  g_assert_true (BC_IS_PAIN_LOG_PAGE (fixture->page));
  bc_test_iterate (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *dialog = bc_pain_log_page_get_open_dialog (fixture->page);

  if (dialog != NULL)
    gtk_window_destroy (dialog);

  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  bc_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  g_application_quit (G_APPLICATION (fixture->app));
  g_object_unref (fixture->app);
}

static BcDatabase *
db_of (Fixture *fixture)
{
  return bc_application_get_database (fixture->app);
}

static gint64
profile_of (Fixture *fixture)
{
  return bc_application_get_profile_id (fixture->app);
}

static guint
stored_count (Fixture    *fixture,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  guint n = bc_pain_store_count (db_of (fixture), profile_of (fixture), query, &error);

  g_assert_no_error (error);
  return n;
}

static BcPainEntry *
stored_newest (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = bc_pain_store_list_page (db_of (fixture), profile_of (fixture), NULL,
                                                       0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  return bc_pain_entry_copy (g_ptr_array_index (page, 0));
}

static gint64
add_entry (Fixture    *fixture,
           GDateTime  *when,
           int         intensity,
           const char *note,
           gboolean    tingling)
{
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  bc_pain_entry_set_date_time (entry, when);
  entry->intensity = intensity;
  entry->tingling = tingling;
  g_free (entry->note);
  entry->note = g_strdup (note ? note : "");
  id = bc_pain_store_add (db_of (fixture), profile_of (fixture), entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GtkWidget *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
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

/* What a scrolled window holds, however tall, on the window's background. */
static void
save_form_png (GtkWidget  *root,
               const char *name)
{
  GtkWidget *scrolled = find_scrolled_window (root);
  GtkWidget *form;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name,
                                            NULL);
  GdkRGBA background = { 0.98, 0.98, 0.98, 1.0 };
  int width, height;

  g_assert_nonnull (scrolled);
  form = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
  paintable = gtk_widget_paintable_new (form);
  bc_test_iterate (300);
  width = gtk_widget_get_width (form);
  height = MIN (gtk_widget_get_height (form), 4000);

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (root)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%d × %d)", path, width, height);
}

/* Without a window manager a shown window keeps its size: the default
 * size applies when it is shown again, frame included.
 */
static void
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  int default_width = width;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_set_default_size (window, default_width, height);
      gtk_window_present (window);
      bc_test_iterate (300);
      if (gtk_widget_get_width (GTK_WIDGET (window)) == width)
        return;
      default_width += width - gtk_widget_get_width (GTK_WIDGET (window));
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
}

static BcPainEntryDialog *
open_new_entry_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  /* As Ctrl+L or a reminder does, from whichever page is showing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.log-pain", NULL));
  bc_test_iterate (200);
  dialog = bc_pain_log_page_get_open_dialog (fixture->page);
  g_assert_true (BC_IS_PAIN_ENTRY_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return BC_PAIN_ENTRY_DIALOG (dialog);
}

static void
assert_refused (BcPainEntryDialog *dialog,
                Fixture           *fixture,
                guint              n_stored)
{
  g_assert_nonnull (bc_pain_entry_dialog_get_error (dialog));
  g_test_message ("refused: %s", bc_pain_entry_dialog_get_error (dialog));
  g_assert_false (bc_pain_entry_dialog_save (dialog));
  g_assert_cmpuint (stored_count (fixture, NULL), ==, n_stored);
}

static void
test_dialog (Fixture       *fixture,
             gconstpointer  user_data)
{
  BcPainEntryDialog *dialog;
  g_autoptr(BcPainEntry) stored = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *yesterday_day = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *tomorrow_day = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *when_day = NULL;
  gint64 id;

  show_page (fixture, "pain-log");
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 0);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-empty.png");

  dialog = open_new_entry_dialog (fixture);
  g_assert_false (bc_pain_entry_dialog_is_editing (dialog));
  g_assert_false (bc_pain_entry_dialog_get_red_flag_shown (dialog));

  /* No rating chosen yet: a hint, and Save does nothing. */
  assert_refused (dialog, fixture, 0);

  /* Out of range, as a bad value would come: refused by the core's check. */
  bc_pain_entry_dialog_set_intensity (dialog, 11);
  assert_refused (dialog, fixture, 0);
  g_assert_nonnull (strstr (bc_pain_entry_dialog_get_error (dialog), "11"));
  bc_pain_entry_dialog_set_intensity (dialog, -1);
  assert_refused (dialog, fixture, 0);

  /* A rating, then times that are not times. */
  bc_pain_entry_dialog_set_intensity (dialog, 6);
  g_assert_null (bc_pain_entry_dialog_get_error (dialog));
  bc_pain_entry_dialog_set_date_time (dialog, yesterday_day, "25:10");
  assert_refused (dialog, fixture, 0);
  bc_pain_entry_dialog_set_date_time (dialog, yesterday_day, "8.15");
  assert_refused (dialog, fixture, 0);
  bc_pain_entry_dialog_set_date_time (dialog, "2026-02-30", "08:15");
  assert_refused (dialog, fixture, 0);
  bc_pain_entry_dialog_set_date_time (dialog, "yesterday", "08:15");
  assert_refused (dialog, fixture, 0);
  bc_pain_entry_dialog_set_date_time (dialog, tomorrow_day, "08:15");
  assert_refused (dialog, fixture, 0);
  save_form_png (GTK_WIDGET (dialog), "pain-dialog-error.png");

  /* Everything filled in: stored as shown. */
  bc_pain_entry_dialog_set_date_time (dialog, yesterday_day, "08:15");
  bc_pain_entry_dialog_set_code (dialog, "lower-back-left", TRUE);
  bc_pain_entry_dialog_set_code (dialog, "hip-left", TRUE);
  bc_pain_entry_dialog_set_code (dialog, "aching", TRUE);
  bc_pain_entry_dialog_set_code (dialog, "stiffness", TRUE);
  bc_pain_entry_dialog_set_code (dialog, "heat", TRUE);
  bc_pain_entry_dialog_set_code (dialog, "stretch", TRUE);
  bc_pain_entry_dialog_set_sleep (dialog, BC_PAIN_SLEEP_POOR);
  bc_pain_entry_dialog_set_note (dialog, "Stiff after driving <2 h> & gardening");
  g_assert_null (bc_pain_entry_dialog_get_error (dialog));

  resize_window (GTK_WINDOW (dialog), 360, 800);
  bc_test_save_png (GTK_WIDGET (dialog), "pain-dialog-360.png");
  save_form_png (GTK_WIDGET (dialog), "pain-dialog-form-360.png");
  resize_window (GTK_WINDOW (dialog), 1000, 800);
  bc_test_save_png (GTK_WIDGET (dialog), "pain-dialog-1000.png");

  g_assert_true (bc_pain_entry_dialog_save (dialog));
  bc_test_iterate (100);
  g_assert_null (bc_pain_log_page_get_open_dialog (fixture->page));
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);

  stored = stored_newest (fixture);
  when = bc_pain_entry_dup_date_time (stored);
  when_day = g_date_time_format (when, "%Y-%m-%d");
  g_assert_cmpstr (when_day, ==, yesterday_day);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (when), ==, 15);
  g_assert_cmpint (stored->intensity, ==, 6);
  g_assert_true (g_strv_contains ((const char * const *)stored->areas, "lower-back-left"));
  g_assert_true (g_strv_contains ((const char * const *)stored->areas, "hip-left"));
  g_assert_cmpuint (g_strv_length (stored->areas), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)stored->qualities, "stiffness"));
  g_assert_true (g_strv_contains ((const char * const *)stored->helped, "heat"));
  g_assert_cmpint (stored->sleep, ==, BC_PAIN_SLEEP_POOR);
  g_assert_cmpstr (stored->note, ==, "Stiff after driving <2 h> & gardening");
  g_assert_false (bc_pain_entry_has_red_flag (stored));

  /* The list shows it under yesterday. */
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 1);
  g_assert_cmpstr (bc_pain_log_page_get_day_title (fixture->page, 0), ==, "Yesterday");
  resize_window (GTK_WINDOW (fixture->window), 1000, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-entry-1000.png");

  /* Editing: the values come back, a change is stored in place. */
  id = stored->id;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pain.edit-entry", "x",
                                             id));
  bc_test_iterate (200);
  dialog = BC_PAIN_ENTRY_DIALOG (bc_pain_log_page_get_open_dialog (fixture->page));
  g_assert_true (BC_IS_PAIN_ENTRY_DIALOG (dialog));
  g_assert_true (bc_pain_entry_dialog_is_editing (dialog));
  {
    g_autoptr(BcPainEntry) shown = bc_pain_entry_dialog_dup_entry (dialog);

    g_assert_nonnull (shown);
    g_assert_cmpint (shown->id, ==, id);
    g_assert_cmpint (shown->time, ==, stored->time);
    g_assert_cmpint (shown->intensity, ==, 6);
    g_assert_cmpstr (shown->note, ==, stored->note);
  }
  bc_pain_entry_dialog_set_intensity (dialog, 3);
  bc_pain_entry_dialog_set_code (dialog, "hip-left", FALSE);
  g_assert_true (bc_pain_entry_dialog_save (dialog));
  bc_test_iterate (100);

  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);
  g_clear_pointer (&stored, bc_pain_entry_free);
  stored = stored_newest (fixture);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpint (stored->intensity, ==, 3);
  g_assert_cmpuint (g_strv_length (stored->areas), ==, 1);

  /* Cancel stores nothing. */
  dialog = open_new_entry_dialog (fixture);
  bc_pain_entry_dialog_set_intensity (dialog, 9);
  gtk_window_close (GTK_WINDOW (dialog));
  bc_test_iterate (100);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);
}

static void
test_red_flag (Fixture       *fixture,
               gconstpointer  user_data)
{
  BcPainEntryDialog *dialog;
  g_autoptr(BcPainEntry) stored = NULL;

  show_page (fixture, "pain-log");
  dialog = open_new_entry_dialog (fixture);
  bc_pain_entry_dialog_set_intensity (dialog, 5);
  g_assert_false (bc_pain_entry_dialog_get_red_flag_shown (dialog));

  bc_pain_entry_dialog_set_nerve_symptoms (dialog, FALSE, TRUE, FALSE);
  g_assert_true (bc_pain_entry_dialog_get_red_flag_shown (dialog));
  resize_window (GTK_WINDOW (dialog), 360, 800);
  save_form_png (GTK_WIDGET (dialog), "pain-dialog-red-flag-360.png");

  bc_pain_entry_dialog_set_nerve_symptoms (dialog, FALSE, FALSE, FALSE);
  g_assert_false (bc_pain_entry_dialog_get_red_flag_shown (dialog));
  bc_pain_entry_dialog_set_nerve_symptoms (dialog, FALSE, FALSE, TRUE);
  g_assert_true (bc_pain_entry_dialog_get_red_flag_shown (dialog));
  bc_pain_entry_dialog_set_nerve_symptoms (dialog, FALSE, TRUE, TRUE);

  /* The notice informs; it never keeps the entry from being saved. */
  g_assert_null (bc_pain_entry_dialog_get_error (dialog));
  g_assert_true (bc_pain_entry_dialog_save (dialog));
  bc_test_iterate (100);

  stored = stored_newest (fixture);
  g_assert_true (stored->tingling);
  g_assert_true (stored->radiating);
  g_assert_false (stored->numbness);

  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 1);
  g_assert_true (bc_pain_log_page_get_row_red_flag (fixture->page, 0));
  resize_window (GTK_WINDOW (fixture->window), 360, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-red-flag-360.png");
}

static void
test_quick_log (Fixture       *fixture,
                gconstpointer  user_data)
{
  BcTodayPage *today = NULL;
  BcPainEntryDialog *dialog;
  g_autoptr(BcPainEntry) stored = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  /* Today shows the quick log with the day's plan. */
  g_assert_true (bc_plan_page_use_template (bc_window_get_plan_page (fixture->window),
                                            GENTLE_START));
  show_page (fixture, "today");
  for (GtkWidget *w = GTK_WIDGET (fixture->window); w != NULL && today == NULL; )
    {
      /* A depth-first walk for the page. */
      if (BC_IS_TODAY_PAGE (w))
        today = BC_TODAY_PAGE (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (today);
  g_assert_null (bc_today_page_get_quick_log_text (today));

  resize_window (GTK_WINDOW (fixture->window), 360, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "today-quick-log-360.png");

  /* One tap: one entry at now, with that rating. */
  id = bc_today_page_quick_log (today, 4);
  bc_test_iterate (200);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);
  stored = stored_newest (fixture);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpint (stored->intensity, ==, 4);
  g_assert_cmpuint (g_strv_length (stored->areas), ==, 0);
  g_assert_cmpint (stored->time, >=, g_date_time_to_unix (before));
  g_assert_cmpint (stored->time, <=, g_date_time_to_unix (before) + 60);

  when = bc_pain_entry_dup_date_time (stored);
  time_text = g_date_time_format (when, "%H:%M");
  expected = g_strdup_printf ("Logged today: 4 at %s", time_text);
  g_assert_cmpstr (bc_today_page_get_quick_log_text (today), ==, expected);
  bc_test_save_png (GTK_WIDGET (fixture->window), "today-quick-logged-360.png");
  resize_window (GTK_WINDOW (fixture->window), 1000, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "today-quick-logged-1000.png");

  /* "Add Details" on the toast opens the dialog on that entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-pain-entry",
                                             "x", id));
  bc_test_iterate (200);
  dialog = BC_PAIN_ENTRY_DIALOG (bc_pain_log_page_get_open_dialog (fixture->page));
  g_assert_true (BC_IS_PAIN_ENTRY_DIALOG (dialog));
  g_assert_true (bc_pain_entry_dialog_is_editing (dialog));
  bc_pain_entry_dialog_set_code (dialog, "neck", TRUE);
  bc_pain_entry_dialog_set_note (dialog, "After the morning meeting");
  g_assert_true (bc_pain_entry_dialog_save (dialog));
  bc_test_iterate (100);

  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);
  g_clear_pointer (&stored, bc_pain_entry_free);
  stored = stored_newest (fixture);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpint (stored->intensity, ==, 4);
  g_assert_cmpstr (stored->areas[0], ==, "neck");
  g_assert_cmpstr (stored->note, ==, "After the morning meeting");
}

/* One transaction for many entries. */
typedef struct
{
  GDateTime   *start;
  guint        next;
  guint        n;
  BcPainEntry *entry;
} Generator;

static gboolean
next_entry_cb (gpointer            user_data,
               const BcPainEntry **out_entry,
               GError            **error)
{
  Generator *gen = user_data;
  g_autoptr(GDateTime) when = NULL;

  g_clear_pointer (&gen->entry, bc_pain_entry_free);
  if (gen->next >= gen->n)
    {
      *out_entry = NULL;
      return TRUE;
    }

  /* Every three hours back from the start, so about eight a day. */
  when = g_date_time_add_hours (gen->start, -3 * (int)gen->next);
  gen->entry = bc_pain_entry_new ();
  bc_pain_entry_set_date_time (gen->entry, when);
  gen->entry->intensity = gen->next % 11;
  gen->entry->numbness = gen->next % 37 == 0;
  g_free (gen->entry->note);
  gen->entry->note = g_strdup_printf ("entry %u", gen->next);
  gen->next++;
  *out_entry = gen->entry;
  return TRUE;
}

static void
add_many (Fixture *fixture,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Generator gen = { NULL, 0, n, NULL };
  guint added = 0, skipped = 0;

  gen.start = g_date_time_add_minutes (now, -1);
  g_assert_true (bc_pain_store_add_all (db_of (fixture), profile_of (fixture), next_entry_cb, &gen,
                                        &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, n);
  g_date_time_unref (gen.start);
  bc_application_data_changed (fixture->app);
}

static GtkAdjustment *
page_adjustment (Fixture *fixture)
{
  GtkWidget *scrolled = find_scrolled_window (GTK_WIDGET (fixture->page));

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkAdjustment *adjustment;
  guint n_days;

  add_many (fixture, 500);
  show_page (fixture, "pain-log");
  resize_window (GTK_WINDOW (fixture->window), 1000, 780);

  /* One page exists, not the history. */
  g_assert_cmpuint (bc_pain_log_page_get_n_matching (fixture->page), ==, 500);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, BC_PAIN_LOG_PAGE_SIZE);

  /* Newest first, grouped by day: about eight entries a day. */
  n_days = bc_pain_log_page_get_n_days (fixture->page);
  g_assert_cmpuint (n_days, >=, 6);
  g_assert_cmpuint (n_days, <=, 8);
  g_assert_cmpstr (bc_pain_log_page_get_day_title (fixture->page, 0), ==, "Today");
  g_assert_cmpstr (bc_pain_log_page_get_day_title (fixture->page, 1), ==, "Yesterday");
  g_assert_true (bc_pain_log_page_get_row_red_flag (fixture->page, 0));
  g_assert_false (bc_pain_log_page_get_row_red_flag (fixture->page, 1));
  for (guint i = 1; i < bc_pain_log_page_get_n_rows (fixture->page); i++)
    {
      g_autoptr(BcPainEntry) newer = bc_pain_store_get (db_of (fixture), profile_of (fixture),
                                                        bc_pain_log_page_get_entry_id (fixture->page,
                                                                                       i - 1),
                                                        NULL);
      g_autoptr(BcPainEntry) older = bc_pain_store_get (db_of (fixture), profile_of (fixture),
                                                        bc_pain_log_page_get_entry_id (fixture->page,
                                                                                       i),
                                                        NULL);

      g_assert_cmpint (newer->time, >, older->time);
    }

  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-1000.png");
  resize_window (GTK_WINDOW (fixture->window), 360, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-360.png");
  save_form_png (GTK_WIDGET (fixture->page), "pain-log-form-360.png");
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, BC_PAIN_LOG_PAGE_SIZE);

  /* Scrolling near the end reads the next page, and only that. */
  adjustment = page_adjustment (fixture);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  bc_test_iterate (300);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 2 * BC_PAIN_LOG_PAGE_SIZE);

  /* The button does the same for keyboards. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pain.load-more", NULL));
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 3 * BC_PAIN_LOG_PAGE_SIZE);

  /* A change elsewhere keeps what was loaded, read again. */
  bc_application_data_changed (fixture->app);
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 3 * BC_PAIN_LOG_PAGE_SIZE);

  while (bc_pain_log_page_load_more (fixture->page))
    ;
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 500);
  g_assert_false (bc_pain_log_page_load_more (fixture->page));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (int i = 0; i < 12; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -5 * (i + 1));

      add_entry (fixture, when, i % 11,
                 i == 3 ? "After gardening all morning"
                 : i == 8 ? "Garden chairs are bad" : "Ordinary day", FALSE);
    }
  show_page (fixture, "pain-log");
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 12);

  bc_pain_log_page_set_search (fixture->page, "garden");
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_matching (fixture->page), ==, 2);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 2);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-search.png");

  bc_pain_log_page_set_search (fixture->page, "nothing like this");
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 0);
  g_assert_cmpuint (bc_pain_log_page_get_n_days (fixture->page), ==, 0);

  /* A percent sign is text, not a wildcard. */
  bc_pain_log_page_set_search (fixture->page, "%");
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 0);

  bc_pain_log_page_set_search (fixture->page, "");
  bc_test_iterate (100);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 12);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) earliest = g_date_time_add_hours (now, -30);
  g_autoptr(BcPainEntry) restored = NULL;
  gint64 id;

  add_entry (fixture, earliest, 2, "first", FALSE);
  id = add_entry (fixture, earlier, 7, "the one to delete", TRUE);
  show_page (fixture, "pain-log");
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pain.delete-entry", "x",
                                             id));
  bc_test_iterate (100);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 1);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 1);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-deleted.png");

  bc_pain_log_page_undo_delete (fixture->page);
  bc_test_iterate (100);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 2);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 2);
  restored = stored_newest (fixture);
  g_assert_cmpint (restored->intensity, ==, 7);
  g_assert_cmpstr (restored->note, ==, "the one to delete");
  g_assert_true (restored->tingling);
  g_assert_cmpint (restored->time, ==, g_date_time_to_unix (earlier));

  /* Undo once: a second Undo adds nothing. */
  bc_pain_log_page_undo_delete (fixture->page);
  bc_test_iterate (50);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 2);
}

static void
add_activity_through_dialog (Fixture    *fixture,
                             BcPsfsCard *card,
                             const char *name)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "psfs.add", NULL));
  bc_test_iterate (100);
  dialog = ADW_MESSAGE_DIALOG (bc_psfs_card_get_open_dialog (card));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_iterate (100);
}

static void
score_through_dialog (Fixture    *fixture,
                      BcPsfsCard *card,
                      guint       position,
                      int         score)
{
  AdwMessageDialog *dialog;
  gint64 activity_id = bc_psfs_card_get_activity_id (card, position);
  BcPainScale *scale;

  g_assert_cmpint (activity_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "psfs.score", "x", activity_id));
  bc_test_iterate (100);
  dialog = ADW_MESSAGE_DIALOG (bc_psfs_card_get_open_dialog (card));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  scale = BC_PAIN_SCALE (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog)));
  g_assert_true (BC_IS_PAIN_SCALE (scale));
  bc_pain_scale_choose (scale, score);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  if (position == 0 && score == 7)
    bc_test_save_png (GTK_WIDGET (dialog), "psfs-score-dialog.png");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_iterate (100);
}

static void
test_psfs (Fixture       *fixture,
           gconstpointer  user_data)
{
  BcPsfsCard *card = bc_pain_log_page_get_psfs_card (fixture->page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) weeks_ago = g_date_time_add_weeks (now, -3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  add_entry (fixture, now, 3, NULL, FALSE);
  show_page (fixture, "pain-log");
  g_assert_cmpuint (bc_psfs_card_get_n_activities (card), ==, 0);

  add_activity_through_dialog (fixture, card, "Sitting for 30 minutes");
  add_activity_through_dialog (fixture, card, "Tying shoelaces");
  g_assert_cmpuint (bc_psfs_card_get_n_activities (card), ==, 2);
  g_assert_cmpstr (bc_psfs_card_get_mean_text (card), ==, "Not scored yet");

  /* The first scores, three weeks ago. */
  for (guint i = 0; i < 2; i++)
    g_assert_true (bc_psfs_score (db_of (fixture), bc_psfs_card_get_activity_id (card, i), 3,
                                  weeks_ago, &error));
  g_assert_no_error (error);
  bc_application_data_changed (fixture->app);
  bc_test_iterate (100);
  g_assert_cmpstr (bc_psfs_card_get_mean_text (card), ==, "Score: 3.0 of 10");

  /* Today, through the dialog: 7 and 4, mean 5.5, up 2.5: important. */
  score_through_dialog (fixture, card, 0, 7);
  score_through_dialog (fixture, card, 1, 4);
  g_assert_cmpstr (bc_psfs_card_get_mean_text (card), ==, "Score: 5.5 of 10");
  g_test_message ("change: %s", bc_psfs_card_get_change_text (card));
  g_assert_true (bc_psfs_card_get_change_important (card));
  g_assert_nonnull (strstr (bc_psfs_card_get_change_text (card), "clinically important"));

  activities = bc_psfs_list_activities (db_of (fixture), profile_of (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  g_assert_cmpfloat (((BcPsfsActivity *)g_ptr_array_index (activities, 0))->latest, ==, 7);
  g_assert_cmpfloat (((BcPsfsActivity *)g_ptr_array_index (activities, 1))->latest, ==, 4);

  /* A small change is shown but not marked. */
  score_through_dialog (fixture, card, 0, 4);
  g_assert_cmpstr (bc_psfs_card_get_mean_text (card), ==, "Score: 4.0 of 10");
  g_assert_false (bc_psfs_card_get_change_important (card));

  resize_window (GTK_WINDOW (fixture->window), 360, 780);
  bc_test_save_png (GTK_WIDGET (fixture->window), "pain-log-psfs-360.png");

  /* Five at most: the add action turns off. */
  add_activity_through_dialog (fixture, card, "Carrying shopping");
  add_activity_through_dialog (fixture, card, "Getting out of the car");
  add_activity_through_dialog (fixture, card, "Walking 20 minutes");
  g_assert_cmpuint (bc_psfs_card_get_n_activities (card), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (card), "psfs.add", NULL);
  bc_test_iterate (100);
  g_assert_null (bc_psfs_card_get_open_dialog (card));

  /* Retiring one frees a place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "psfs.retire", "x",
                                             bc_psfs_card_get_activity_id (card, 4)));
  bc_test_iterate (100);
  g_assert_cmpuint (bc_psfs_card_get_n_activities (card), ==, 4);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = path_in_world ("log.csv");
  g_autofree char *bad_path = path_in_world ("bad.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  gint64 id = 0;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -10 * (i + 1));

      id = add_entry (fixture, when, 2 + i, "with, a \"comma\"", i == 1);
    }
  show_page (fixture, "pain-log");

  g_assert_true (bc_pain_log_page_export_csv (fixture->page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, BC_PAIN_CSV_HEADER "\n"));

  /* A malformed file: a message naming the line, nothing imported. */
  g_assert_true (g_file_set_contents (bad_path, BC_PAIN_CSV_HEADER "\n"
                                      "2026-01-01T08:00:00+01:00,4,,,0,0,0,,,\n"
                                      "2026-01-02T08:00:00+01:00,12,,,0,0,0,,,\n", -1, &error));
  bc_pain_log_page_preview_import (fixture->page, bad_file);
  bc_test_iterate (200);
  dialog = ADW_MESSAGE_DIALOG (bc_pain_log_page_get_open_dialog (fixture->page));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_test_message ("bad file: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.csv"));
  bc_test_save_png (GTK_WIDGET (dialog), "pain-import-error.png");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 3);

  /* The exported file after a delete: a preview, then the missing one back. */
  g_assert_true (bc_pain_log_page_delete_entry (fixture->page, id));
  bc_test_iterate (100);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 2);
  bc_pain_log_page_preview_import (fixture->page, file);
  bc_test_iterate (200);
  dialog = ADW_MESSAGE_DIALOG (bc_pain_log_page_get_open_dialog (fixture->page));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_test_message ("preview: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 entries"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "log.csv"));
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_iterate (100);
  g_assert_cmpuint (stored_count (fixture, NULL), ==, 3);
  g_assert_cmpuint (bc_pain_log_page_get_n_rows (fixture->page), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/pain/dialog", test_dialog);
  ADD ("/ui/pain/red-flag", test_red_flag);
  ADD ("/ui/pain/quick-log", test_quick_log);
  ADD ("/ui/pain/paging", test_paging);
  ADD ("/ui/pain/search", test_search);
  ADD ("/ui/pain/delete-undo", test_delete_undo);
  ADD ("/ui/pain/psfs", test_psfs);
  ADD ("/ui/pain/csv", test_csv);

#undef ADD

  return g_test_run ();
}
