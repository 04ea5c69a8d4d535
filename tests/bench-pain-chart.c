/* bench-pain-chart.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: times the pain chart with 365 daily entries, a year of
 * hourly ones (8 760) and ten years of hourly ones (87 600), and prints
 * the numbers. build-aux/bench builds and runs it; give sizes as
 * arguments to time only those.
 *
 * For each size it reports
 *   - the SQL aggregation of every day of the history,
 *   - frames of the drawing alone (bc_pain_chart_render on a 1280 × 400
 *     image surface) while panning through each range,
 *   - with a display: frames of the real widget (pan, snapshot, render
 *     with the window's GSK renderer) and the cost of switching range,
 * as mean / 95th percentile / maximum in milliseconds. The budget for a
 * frame is 16 ms; the SQL runs in a worker thread, not in a frame.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "bc-pain-chart.h"
#include "bc-profile-store.h"

#define WIDTH 1280
#define HEIGHT 400
#define FRAMES 120
#define BUDGET_MS 16.0

typedef struct
{
  BcPainEntry *entry;
  gint64       start;
  gint64       step;
  guint        n;
  guint        i;
} Generator;

static gboolean
next_entry (gpointer            user_data,
            const BcPainEntry **out_entry,
            GError            **error)
{
  Generator *generator = user_data;
  double wave;

  if (generator->i == generator->n)
    {
      *out_entry = NULL;
      return TRUE;
    }

  /* Slow seasons, daily ups and downs, now and then a bad hour. */
  wave = 4.5 + 2.5 * sin (generator->i / (generator->n / 6.0 + 1)) +
         1.5 * sin (generator->i * 0.26);
  generator->entry->time = generator->start + generator->i * generator->step;
  generator->entry->utc_offset = 0;
  generator->entry->intensity = CLAMP ((int)lround (wave) + (generator->i % 97 == 0 ? 4 : 0),
                                       0, 10);
  generator->entry->numbness = generator->i % 1999 == 0;
  generator->i++;

  *out_entry = generator->entry;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return da < db ? -1 : da > db;
}

/* Frames are held to the budget; other timings are only printed. */
static double
print_times (const char *what,
             GArray     *times,
             gboolean    frame)
{
  double sum = 0, max;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  max = g_array_index (times, double, times->len - 1);

  printf ("    %-34s mean %6.2f  p95 %6.2f  max %6.2f ms%s\n", what, sum / times->len,
          g_array_index (times, double, (guint)(times->len * 0.95)), max,
          frame && max > BUDGET_MS ? "  OVER BUDGET" : "");
  return max;
}

static double
mean_of (GArray *times)
{
  double sum = 0;

  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);

  return times->len > 0 ? sum / times->len : 0;
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
bench_drawing (BcPainChartData *data,
               guint32          first,
               guint32          last,
               guint            n_entries)
{
  static const BcPainChartRange ranges[] = {
    BC_PAIN_CHART_RANGE_TWO_WEEKS, BC_PAIN_CHART_RANGE_THREE_MONTHS,
    BC_PAIN_CHART_RANGE_YEAR, BC_PAIN_CHART_RANGE_ALL,
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  BcPainChartStyle style;

  bc_pain_chart_style_init (&style, FALSE);
  style.fill_background = TRUE;
  pango_cairo_update_context (cr, context);

  /* The first frame lays out fonts: not a frame the chart costs. */
  {
    BcPainChartView view = { last + 1.0 - 14, 14, 0, FALSE };

    bc_pain_chart_render (cr, context, &style, data, &view, WIDTH, HEIGHT);
  }

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      guint days = bc_pain_chart_range_get_days (ranges[r]);
      double span = days > 0 ? days : last + 1.0 - first;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = g_strdup_printf ("drawing, %s",
                                               bc_pain_chart_range_to_string (ranges[r]));

      for (guint f = 0; f < FRAMES; f++)
        {
          /* Panning back from the latest days. */
          BcPainChartView view = { last + 1.0 - span - f * span / FRAMES, span, 0, FALSE };
          gint64 start = g_get_monotonic_time ();
          double ms;

          bc_pain_chart_render (cr, context, &style, data, &view, WIDTH, HEIGHT);
          cairo_surface_flush (surface);
          ms = elapsed_ms (start);
          g_array_append_val (times, ms);

          /* BACKCARE_BENCH_OUTPUT keeps each range's latest days. */
          if (f == 0 && g_getenv ("BACKCARE_BENCH_OUTPUT") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("bench-%u-%s.png", n_entries,
                                                       bc_pain_chart_range_to_string (ranges[r]));
              g_autofree char *path = g_build_filename (g_getenv ("BACKCARE_BENCH_OUTPUT"), name,
                                                        NULL);

              cairo_surface_write_to_png (surface, path);
            }
        }

      print_times (what, times, TRUE);

    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The real widget: what a frame costs on screen, queries included when
 * panning leaves the days loaded.
 */
static void
bench_widget (BcDatabase *db,
              gint64      profile_id)
{
  static const BcPainChartRange ranges[] = {
    BC_PAIN_CHART_RANGE_TWO_WEEKS, BC_PAIN_CHART_RANGE_THREE_MONTHS,
    BC_PAIN_CHART_RANGE_YEAR, BC_PAIN_CHART_RANGE_ALL,
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = bc_pain_chart_new ();
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  bc_pain_chart_set_source (BC_PAIN_CHART (chart), db, profile_id);
  for (guint i = 0; i < 500 && (!gtk_widget_get_mapped (chart) ||
                                 gtk_widget_get_width (chart) == 0 ||
                                 bc_pain_chart_get_loading (BC_PAIN_CHART (chart))); i++)
    {
      iterate ();
      g_usleep (10000);
    }
  g_assert_true (gtk_widget_get_width (chart) > 0);
  /* A few frames, so the window has drawn once. */
  for (guint i = 0; i < 30; i++)
    {
      iterate ();
      g_usleep (10000);
    }

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = g_strdup_printf ("widget frame, %s",
                                               bc_pain_chart_range_to_string (ranges[r]));
      GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
      int width = gtk_widget_get_width (chart), height = gtk_widget_get_height (chart);
      gint64 start = g_get_monotonic_time ();
      double ms;

      bc_pain_chart_set_range (BC_PAIN_CHART (chart), ranges[r]);
      ms = elapsed_ms (start);
      g_array_append_val (switches, ms);

      /* Not a frame: how long the new range's days take to arrive. */
      while (bc_pain_chart_get_loading (BC_PAIN_CHART (chart)))
        g_main_context_iteration (NULL, TRUE);
      ms = elapsed_ms (start);
      g_array_append_val (arrivals, ms);

      for (guint f = 0; f < FRAMES; f++)
        {
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          g_autoptr(GdkTexture) texture = NULL;
          double days = bc_pain_chart_range_get_days (ranges[r]);

          /* What a frame asks of the chart: its snapshot, then GSK
           * rasterizing the node (the cairo renderer here, as in tests).
           */
          start = g_get_monotonic_time ();
          bc_pain_chart_pan (BC_PAIN_CHART (chart), -(days > 0 ? days : 30) / 20);
          GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          g_assert_nonnull (node);
          texture = gsk_renderer_render_texture (renderer, node,
                                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
          ms = elapsed_ms (start);
          g_array_append_val (times, ms);
        }

      print_times (what, times, TRUE);
    }

  print_times ("widget, switching range", switches, TRUE);
  printf ("    %-34s mean %6.2f ms (in a worker thread, not a frame)\n",
          "widget, the range's days arrive", mean_of (arrivals));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
bench_size (guint    n,
            gboolean with_display)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backcare-bench-XXXXXX", &error);
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcPainChartData) data = bc_pain_chart_data_new ();
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  Generator generator = { entry, 0, n <= 365 ? 86400 : 3600, n, 0 };
  gint64 profile_id, start;
  guint added = 0, skipped = 0;
  guint32 first, last;
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_no_error (error);
  db = bc_database_open (dir, &error);
  g_assert_no_error (error);
  names = bc_profile_store_list_names (db, &error);
  profile_id = bc_profile_store_find (db, names[0], &error);
  g_assert_no_error (error);

  generator.start = g_get_real_time () / G_USEC_PER_SEC - (gint64)n * generator.step;
  start = g_get_monotonic_time ();
  g_assert_true (bc_pain_store_add_all (db, profile_id, next_entry, &generator, &added, &skipped,
                                        &error));
  g_assert_no_error (error);
  printf ("%u entries (%s), inserted in %.0f ms\n", added, n <= 365 ? "daily" : "hourly",
          elapsed_ms (start));

  g_assert_true (bc_pain_store_range (db, profile_id, &first_iso, &last_iso, &error));
  first = bc_day_to_number (first_iso);
  last = bc_day_to_number (last_iso);

  for (guint i = 0; i < 10; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      g_assert_true (bc_pain_chart_data_load (data, db, profile_id, NULL, first - 70, last,
                                              &error));
      ms = elapsed_ms (start);
      g_array_append_val (loads, ms);
    }
  printf ("    %u days with entries, %s to %s\n", last - first + 1, first_iso, last_iso);
  print_times ("SQL per-day aggregates, all days", loads, FALSE);

  bench_drawing (data, first, last, n);
  if (with_display)
    bench_widget (db, profile_id);

  g_clear_object (&db);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 365, 8760, 87600 };
  gboolean with_display = gtk_init_check ();

  printf ("Pain chart frame times, %d × %d, %d frames a range (budget %.0f ms)%s\n", WIDTH,
          HEIGHT, FRAMES, BUDGET_MS, with_display ? "" : "; no display: drawing only");
  if (with_display)
    adw_init ();

  /* bench-pain-chart [ENTRIES...] times only those sizes. */
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      bench_size ((guint)g_ascii_strtoull (argv[i], NULL, 10), with_display);
  else
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      bench_size (sizes[i], with_display);

  return 0;
}
