/* test-pain-chart.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain chart under Xvfb: a six-week fixture drawn at 360 and 1280
 * pixels, light and dark, checked for drawn pixels in the plot; the
 * ranges; the accessible description; a single bad day that must stay
 * visible at every range once ten points of data share a pixel; the
 * chart on the Pain Log page of the real window.
 * BACKCARE_TEST_OUTPUT keeps the pictures for a person to look at.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "bc-test-util.h"
#include "bc-application.h"
#include "bc-pain-chart.h"
#include "bc-pain-chart-toolbar.h"
#include "bc-window.h"
#include "pain-fixture.h"

typedef struct
{
  BcApplication *app;
  GtkWindow     *window;
  BcPainChart   *chart;
  GDate          first;
  guint32        today;
} Fixture;

/* libadwaita's window background in the current style. */
static const GdkRGBA *
window_background (void)
{
  static const GdkRGBA light = { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };
  static const GdkRGBA dark = { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };

  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? &dark : &light;
}

/* The chart reads in a worker thread. */
static void
wait_loaded (BcPainChart *chart)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (bc_pain_chart_get_loading (chart) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (bc_pain_chart_get_loading (chart));
}

static char *
output_path (const char *name)
{
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");

  return g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
}

static guint32
today_number (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

static char *
iso_day (guint32 number)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), "chart", NULL);
  GtkWidget *box;

  g_setenv ("BACKCARE_DATA_DIR", data_dir, TRUE);
  fixture->app = bc_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  /* Six weeks ending today, so the default view shows them. */
  fixture->today = today_number ();
  g_date_clear (&fixture->first, 1);
  g_date_set_julian (&fixture->first, fixture->today - (PAIN_FIXTURE_DAYS - 1));
  pain_fixture_fill (bc_application_get_database (fixture->app),
                     bc_application_get_profile_id (fixture->app), &fixture->first);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (fixture->window, GTK_APPLICATION (fixture->app));
  gtk_window_set_title (fixture->window, "Pain chart");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  fixture->chart = BC_PAIN_CHART (bc_pain_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->chart), TRUE);
  gtk_box_append (GTK_BOX (box), bc_pain_chart_toolbar_new (fixture->chart));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->chart));
  gtk_window_set_child (fixture->window, box);
  gtk_window_set_default_size (fixture->window, 1280, 460);
  gtk_window_present (fixture->window);
  bc_test_iterate (300);
  wait_loaded (fixture->chart);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  g_object_ref (fixture->window);
  gtk_window_destroy (fixture->window);
  bc_test_iterate (50);
  g_assert_finalize_object (fixture->window);
  g_application_quit (G_APPLICATION (fixture->app));
  g_object_unref (fixture->app);
}

/* The widget as GTK draws it, on the window's background colour. */
static GdkTexture *
render_widget (GtkWidget  *widget,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = output_path (name);
  GdkTexture *texture;
  int width, height;

  bc_test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  gtk_snapshot_append_color (snapshot, window_background (),
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%d × %d)", path, width, height);

  return texture;
}

/* Pixels in @area that are not the background: what the chart drew. */
static double
drawn_share (GdkTexture            *texture,
             const graphene_rect_t *area)
{
  const GdkRGBA *background = window_background ();
  guint32 plain = 0xff000000 | (guint32)lround (background->red * 255) << 16 |
                  (guint32)lround (background->green * 255) << 8 |
                  (guint32)lround (background->blue * 255);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  guint drawn = 0, total = 0;
  int bottom = MIN ((int)(area->origin.y + area->size.height), height);
  int right = MIN ((int)(area->origin.x + area->size.width), width);

  gdk_texture_download (texture, pixels, stride);
  for (int y = (int)area->origin.y; y < bottom; y++)
    for (int x = (int)area->origin.x; x < right; x++)
      {
        /* cairo's native-endian ARGB, as gdk_texture_download () gives it. */
        guint32 pixel = *(guint32 *)(gpointer)(pixels + y * stride + x * 4);

        total++;
        if (pixel != plain)
          drawn++;
      }

  return total > 0 ? (double)drawn / total : 0;
}

static void
render_and_count (Fixture    *fixture,
                  int         width,
                  int         height,
                  gboolean    dark,
                  const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t area;
  double share;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (fixture->window, width, height);
  bc_test_iterate (300);

  texture = render_widget (GTK_WIDGET (fixture->chart), name);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->chart)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->chart)), >=, width - 20);

  bc_pain_chart_get_plot_area (fixture->chart, &area);
  g_assert_cmpfloat (area.size.width, >, width * 0.75);
  g_assert_cmpfloat (area.size.height, >, 100);
  share = drawn_share (texture, &area);
  g_test_message ("%s: %.1f %% of the plot drawn", name, share * 100);
  /* The band, lines, grid and the tinted last four weeks. */
  g_assert_cmpfloat (share, >, 0.10);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *png = output_path ("chart-export.png");
  g_autofree char *svg = output_path ("chart-export.svg");
  g_autofree char *svg_text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint drawn = 0;

  bc_pain_chart_set_range (fixture->chart, BC_PAIN_CHART_RANGE_ALL);
  wait_loaded (fixture->chart);
  render_and_count (fixture, 1280, 460, FALSE, "chart-1280-light.png");
  render_and_count (fixture, 1280, 460, TRUE, "chart-1280-dark.png");
  render_and_count (fixture, 360, 480, FALSE, "chart-360-light.png");
  render_and_count (fixture, 360, 480, TRUE, "chart-360-dark.png");

  /* Files need no window: the same drawing on an image or SVG surface. */
  g_assert_true (bc_pain_chart_export_image (fixture->chart, png, BC_PAIN_CHART_FORMAT_PNG,
                                             800, 360, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  for (int y = 0; y < 360; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 pixel = *(guint32 *)(gpointer)(cairo_image_surface_get_data (surface) +
                                               y * cairo_image_surface_get_stride (surface) +
                                               x * 4);

        if ((pixel & 0xffffff) != 0xffffff)
          drawn++;
      }
  cairo_surface_destroy (surface);
  g_test_message ("exported PNG: %u pixels not white", drawn);
  g_assert_cmpuint (drawn, >, 800 * 360 / 20);

  g_assert_true (bc_pain_chart_export_image (fixture->chart, svg, BC_PAIN_CHART_FORMAT_SVG,
                                             800, 360, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"800"));
}

static void
assert_visible (Fixture *fixture,
                guint32  first,
                guint32  last)
{
  g_autofree char *visible_first = NULL;
  g_autofree char *visible_last = NULL;
  g_autofree char *expected_first = iso_day (first);
  g_autofree char *expected_last = iso_day (last);

  bc_pain_chart_get_visible_days (fixture->chart, &visible_first, &visible_last);
  g_assert_cmpstr (visible_first, ==, expected_first);
  g_assert_cmpstr (visible_last, ==, expected_last);
}

static void
test_ranges (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const struct {
    const char       *target;
    BcPainChartRange  range;
    guint             days;
  } ranges[] = {
    { "three-months", BC_PAIN_CHART_RANGE_THREE_MONTHS, 91 },
    { "year", BC_PAIN_CHART_RANGE_YEAR, 365 },
    { "all", BC_PAIN_CHART_RANGE_ALL, PAIN_FIXTURE_DAYS },
    { "two-weeks", BC_PAIN_CHART_RANGE_TWO_WEEKS, 14 },
  };
  GVariant *state;

  /* Two weeks to begin with, ending today. */
  g_assert_cmpint (bc_pain_chart_get_range (fixture->chart), ==, BC_PAIN_CHART_RANGE_TWO_WEEKS);
  assert_visible (fixture, fixture->today - 13, fixture->today);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart-range-%s.png", ranges[i].target);
      g_autoptr(GdkTexture) texture = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->chart), "chart.range", "s",
                                                 ranges[i].target));
      bc_test_iterate (50);
      g_assert_cmpint (bc_pain_chart_get_range (fixture->chart), ==, ranges[i].range);
      assert_visible (fixture, fixture->today + 1 - ranges[i].days, fixture->today);

      state = g_action_group_get_action_state (bc_pain_chart_get_action_group (fixture->chart),
                                               "range");
      g_assert_cmpstr (g_variant_get_string (state, NULL), ==, ranges[i].target);
      g_variant_unref (state);

      texture = render_widget (GTK_WIDGET (fixture->chart), name);
    }

  /* Zooming keeps the latest day in view; moving back in time stops at
   * the first entry.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->chart), "chart.zoom-in", NULL));
  assert_visible (fixture, fixture->today - 6, fixture->today);
  bc_pain_chart_pan (fixture->chart, -1000);
  assert_visible (fixture, fixture->today - 41, fixture->today - 35);
  bc_pain_chart_pan (fixture->chart, 3);
  assert_visible (fixture, fixture->today - 38, fixture->today - 32);
  bc_pain_chart_pan (fixture->chart, 1000);
  assert_visible (fixture, fixture->today - 6, fixture->today);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->chart), "chart.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->chart), "chart.zoom-out", NULL));
  assert_visible (fixture, fixture->today - 27, fixture->today);

  /* The toggle buttons drive the same action. */
  g_object_set (fixture->chart, "range", BC_PAIN_CHART_RANGE_YEAR, NULL);
  assert_visible (fixture, fixture->today - 364, fixture->today);
}

static double
mean_of (guint from,
         guint to)
{
  double sum = 0;

  for (guint day = from; day <= to; day++)
    sum += pain_fixture_mean (day);

  return sum / (to - from + 1);
}

static void
test_description (Fixture       *fixture,
                  gconstpointer  user_data)
{
  double after = mean_of (PAIN_FIXTURE_DAYS - 14, PAIN_FIXTURE_DAYS - 1);
  double before = mean_of (PAIN_FIXTURE_DAYS - 28, PAIN_FIXTURE_DAYS - 15);
  double last_four = mean_of (PAIN_FIXTURE_DAYS - 28, PAIN_FIXTURE_DAYS - 1);
  double first_two = mean_of (0, PAIN_FIXTURE_DAYS - 29);
  g_autofree char *two_weeks = g_strdup_printf ("Average pain %.1f, down %.1f from the previous "
                                                "14 days.", after, before - after);
  g_autofree char *important = g_strdup_printf ("Clinically important change: pain %.1f points "
                                                "lower in the last 4 weeks than in the 4 weeks "
                                                "before.", first_two - last_four);
  g_autofree char *all = g_strdup_printf ("Average pain %.1f over the 42 days shown.",
                                          mean_of (0, PAIN_FIXTURE_DAYS - 1));
  g_autofree char *expected = NULL;
  const char *description;

  /* The fixture is built so that the change is clinically important. */
  g_assert_cmpfloat (first_two - last_four, >=, 2.0);

  description = bc_pain_chart_get_description (fixture->chart);
  g_test_message ("two weeks: %s", description);
  expected = g_strconcat (two_weeks, " ", important, NULL);
  g_assert_cmpstr (description, ==, expected);

  bc_pain_chart_set_range (fixture->chart, BC_PAIN_CHART_RANGE_ALL);
  wait_loaded (fixture->chart);
  description = bc_pain_chart_get_description (fixture->chart);
  g_test_message ("all: %s", description);
  g_clear_pointer (&expected, g_free);
  expected = g_strconcat (all, " ", important, NULL);
  g_assert_cmpstr (description, ==, expected);

  /* Keyboard focus adds the highlighted day's values. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->chart));
  bc_test_iterate (50);
  description = bc_pain_chart_get_description (fixture->chart);
  g_test_message ("focused: %s", description);
  g_assert_true (g_str_has_prefix (description, expected));
  g_assert_nonnull (strstr (description, "Pain 3.0 on average, 2 to 4 (3 entries)"));
  g_assert_nonnull (strstr (description, "Exercises: "));
}

/* Decimation: three years of days at 2, one day with a single entry of
 * 10 and one day at 10 throughout. Every range, at 360 and 1280 pixels,
 * must still show pixels at pain 9–10 where those days are, and none
 * elsewhere at that height.
 */
static void
spike_days (GArray  *days,
            guint32  first,
            guint    n_days,
            guint32  single,
            guint32  whole)
{
  for (guint i = 0; i < n_days; i++)
    {
      BcPainDay day = { { 0, }, 2.0, 2, 2, 24, FALSE };
      g_autofree char *iso = iso_day (first + i);

      g_strlcpy (day.day, iso, sizeof day.day);
      if (first + i == single)
        {
          day.max = 10;
          day.mean = (23 * 2 + 10) / 24.0;
        }
      else if (first + i == whole)
        {
          day.min = day.max = 10;
          day.mean = 10;
        }
      g_array_append_val (days, day);
    }
}

static gboolean
is_blue (const guchar *pixel)
{
  /* cairo's native-endian ARGB: B, G, R, A in memory. */
  return pixel[0] > pixel[2] + 30 && pixel[0] > pixel[1];
}

/* Blue pixels at pain 9–10 near each spike, and elsewhere. */
static void
count_spike_pixels (cairo_surface_t           *surface,
                    const BcPainChartGeometry *g,
                    const BcPainChartView     *view,
                    const guint32             *spikes,
                    guint                     *out_near,
                    guint                     *out_far)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  double day_width = g->plot_width / view->span;
  /* The band has a flat top over a spike (up to 0.15 day either side)
   * and slopes down to the neighbouring days: at pain 9 it is another
   * eighth of a day away.
   */
  double tolerance = MAX (4, 0.3 * day_width) + 2;
  int top = (int)ceil (g->plot_y + 1), bottom = (int)(g->plot_y + g->plot_height * 0.1);

  out_near[0] = out_near[1] = *out_far = 0;
  for (int y = top; y <= bottom; y++)
    for (int x = (int)g->plot_x; x < (int)(g->plot_x + g->plot_width); x++)
      {
        gboolean near = FALSE;

        if (!is_blue (data + y * stride + x * 4))
          continue;

        for (guint s = 0; s < 2; s++)
          if (fabs (x - (g->plot_x + (spikes[s] + 0.5 - view->start) * day_width)) <= tolerance)
            {
              out_near[s]++;
              near = TRUE;
            }
        if (!near)
          (*out_far)++;
      }
}

static void
test_decimation (void)
{
  static const int widths[] = { 360, 1280 };
  static const guint spans[] = { 14, 91, 365, 0 };
  g_autoptr(BcPainChartData) data = bc_pain_chart_data_new ();
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (BcPainDay));
  guint32 first = today_number () - 3 * 365;
  guint32 spikes[2] = { first + 3 * 365 - 40, first + 3 * 365 - 500 };
  BcPainChartStyle style;

  spike_days (days, first, 3 * 365, spikes[0], spikes[1]);
  bc_pain_chart_data_set_days (data, (const BcPainDay *)(gpointer)days->data, days->len);
  bc_pain_chart_style_init (&style, FALSE);
  style.fill_background = TRUE;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
      for (guint which = 0; which < 2; which++)
        {
          /* Each range shows a spike a few days before its end; all
           * shows both.
           */
          double span = spans[s] > 0 ? spans[s] : 3 * 365;
          BcPainChartView view = { spans[s] > 0 ? spikes[which] + 4.0 - span : first, span, 0,
                                   FALSE };
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, widths[w],
                                                                 400);
          cairo_t *cr = cairo_create (surface);
          PangoFontMap *font_map = pango_cairo_font_map_get_default ();
          PangoContext *context = pango_font_map_create_context (font_map);
          BcPainChartGeometry geometry;
          guint near[2], far;

          pango_cairo_update_context (cr, context);
          bc_pain_chart_render (cr, context, &style, data, &view, widths[w], 400);
          bc_pain_chart_get_geometry (context, &style, data, &view, widths[w], 400, &geometry);
          cairo_surface_flush (surface);

          count_spike_pixels (surface, &geometry, &view, spikes, near, &far);
          g_test_message ("%d px, %.0f days, %s spike: %u pixels at pain 9–10 there, %u "
                          "elsewhere", widths[w], span,
                          which == 0 ? "single-entry" : "whole-day", near[which], far);

          if ((spans[s] == 0 && which == 0) || near[which] == 0 || far > 0)
            {
              g_autofree char *name = g_strdup_printf ("chart-spike-%d-%.0f-%u.png", widths[w],
                                                       span, which);
              g_autofree char *path = output_path (name);

              cairo_surface_write_to_png (surface, path);
            }

          g_assert_cmpuint (near[which], >, 0);
          if (spans[s] == 0)
            g_assert_cmpuint (near[1 - which], >, 0);
          g_assert_cmpuint (far, ==, 0);

          g_object_unref (context);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static void
press (Fixture *fixture,
       guint    keyval,
       GdkModifierType state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->chart),
                                              GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  g_assert_true (handled);
}

/* Keyboard focus shows a day's values; the arrows move through days
 * and the view follows; + and - zoom; Home and End; the wheel pans.
 */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkEventController *scroll;
  g_autofree char *today = iso_day (fixture->today);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->chart));
  bc_test_iterate (50);
  g_assert_nonnull (strstr (bc_pain_chart_get_description (fixture->chart), "Pain 3.0 on average"));

  /* Left within the view moves the day, not the view. */
  press (fixture, GDK_KEY_Left, 0);
  assert_visible (fixture, fixture->today - 13, fixture->today);
  g_assert_nonnull (strstr (bc_pain_chart_get_description (fixture->chart), "Pain 4.0 on average"));

  /* Past the left edge the view follows. */
  for (guint i = 0; i < 13; i++)
    press (fixture, GDK_KEY_Left, 0);
  assert_visible (fixture, fixture->today - 14, fixture->today - 1);

  press (fixture, GDK_KEY_End, 0);
  assert_visible (fixture, fixture->today - 13, fixture->today);
  press (fixture, GDK_KEY_Home, 0);
  assert_visible (fixture, fixture->today - 41, fixture->today - 28);
  press (fixture, GDK_KEY_Page_Down, 0);
  assert_visible (fixture, fixture->today - 34, fixture->today - 21);

  /* Zoom around the highlighted day (it stays a quarter of a day from
   * the left edge; whole days are listed), within 7 days and everything.
   */
  press (fixture, GDK_KEY_plus, 0);
  assert_visible (fixture, fixture->today - 33, fixture->today - 28);
  press (fixture, GDK_KEY_minus, 0);
  press (fixture, GDK_KEY_minus, 0);
  press (fixture, GDK_KEY_minus, 0);
  assert_visible (fixture, fixture->today - 41, fixture->today);

  /* A wheel notch moves a tenth of the view. */
  bc_pain_chart_set_range (fixture->chart, BC_PAIN_CHART_RANGE_TWO_WEEKS);
  scroll = find_controller (GTK_WIDGET (fixture->chart), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -5.0, &handled);
  g_assert_true (handled);
  assert_visible (fixture, fixture->today - 20, fixture->today - 7);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 50.0, &handled);
  assert_visible (fixture, fixture->today - 13, fixture->today);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_prev_sibling (GTK_WIDGET (fixture->chart))));
}

/* The report of the days shown, and the chart as image files. */
static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *pdf = output_path ("chart-report.pdf");
  g_autofree char *out = NULL;
  g_autofree char *first = iso_day (fixture->today - 41);
  g_autoptr(GError) error = NULL;
  int status = 0;

  bc_pain_chart_set_range (fixture->chart, BC_PAIN_CHART_RANGE_ALL);
  g_assert_true (bc_pain_chart_export_report (fixture->chart, pdf, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { (char *)"pdftotext", pdf, (char *)"-", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Pain Report"));
  g_assert_nonnull (strstr (out, "(42 days)"));
  g_assert_nonnull (strstr (out, "Numb left foot after gardening"));
  g_assert_true (g_action_group_has_action (bc_pain_chart_get_action_group (fixture->chart),
                                            "export-report"));
  g_assert_true (g_action_group_has_action (bc_pain_chart_get_action_group (fixture->chart),
                                            "export-image"));
}

/* The chart in the real window, on the Pain Log page. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_page (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *window, *chart;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *expected = NULL;
  graphene_rect_t area;

  g_application_activate (G_APPLICATION (fixture->app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (BC_IS_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_widget_activate_action (window, "win.show-page", "s", "pain-log");
  bc_test_iterate (500);

  chart = find_child (window, BC_TYPE_PAIN_CHART);
  if (chart == NULL)
    {
      g_test_skip ("The Pain Log page has no chart yet");
      return;
    }

  /* It follows the application's data without being told. */
  wait_loaded (BC_PAIN_CHART (chart));
  expected = g_strdup (bc_pain_chart_get_description (fixture->chart));
  g_assert_cmpstr (bc_pain_chart_get_description (BC_PAIN_CHART (chart)), ==, expected);
  texture = render_widget (chart, "chart-in-page.png");
  bc_pain_chart_get_plot_area (BC_PAIN_CHART (chart), &area);
  g_assert_cmpfloat (drawn_share (texture, &area), >, 0.10);

  g_assert_nonnull (find_child (window, BC_TYPE_PAIN_CHART_TOOLBAR));
  g_clear_object (&texture);
  texture = render_widget (gtk_widget_get_parent (chart), "chart-box-1000.png");

  /* At 360 pixels the range buttons give way to a drop-down. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  bc_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 400);
  g_clear_object (&texture);
  texture = render_widget (gtk_widget_get_parent (chart), "chart-box-360.png");
  g_assert_true (gtk_widget_activate_action (chart, "chart.range", "s", "all"));
  g_assert_cmpint (bc_pain_chart_get_range (BC_PAIN_CHART (chart)), ==, BC_PAIN_CHART_RANGE_ALL);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_iterate (50);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/pain-chart/render", Fixture, NULL, fixture_set_up, test_render,
              fixture_tear_down);
  g_test_add ("/ui/pain-chart/ranges", Fixture, NULL, fixture_set_up, test_ranges,
              fixture_tear_down);
  g_test_add ("/ui/pain-chart/description", Fixture, NULL, fixture_set_up, test_description,
              fixture_tear_down);
  g_test_add_func ("/ui/pain-chart/decimation", test_decimation);
  g_test_add ("/ui/pain-chart/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/ui/pain-chart/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/ui/pain-chart/page", Fixture, NULL, fixture_set_up, test_page, fixture_tear_down);

  return g_test_run ();
}
