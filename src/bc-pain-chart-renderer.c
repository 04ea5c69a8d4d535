/* bc-pain-chart-renderer.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-chart"

#include "config.h"

#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bc-pain-chart-data-private.h"
#include "bc-pain-chart-renderer.h"

/* One drawing for the screen, image files and paper. Before anything
 * is drawn the per-day data are decimated to one column per unit of
 * width: a frame costs the same for two weeks and for ten years of
 * hourly entries. Each column keeps its lowest and highest value, so a
 * single bad day stays visible at every zoom.
 */

/* A line is not drawn across a gap in the log longer than this. */
#define GAP_DAYS 3.0
/* Below this many units per day the chart draws columns, not days. */
#define MIN_DAY_WIDTH 2.0
#define PAD 6.0

/* Style: the libadwaita palette (blue for pain, orange for its trend,
 * green for exercise, purple for massage, brown for function, red for
 * nerve symptoms), a darker shade on light backgrounds and a lighter
 * one on dark, as libadwaita's own accent colours do.
 */

static BcChartColor
rgb (guint32 hex,
     double  alpha)
{
  return (BcChartColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                          (hex & 0xff) / 255.0, alpha };
}

void
bc_pain_chart_style_init (BcPainChartStyle *style,
                          gboolean          dark)
{
  memset (style, 0, sizeof *style);
  style->show_heading = TRUE;
  style->font_family = "Cantarell, DejaVu Sans";
  style->font_size = 8.5;
  style->line_width = 2.0;

  if (dark)
    {
      style->background = rgb (0x1e1e1e, 1);
      style->text = rgb (0xffffff, 0.9);
      style->text_dim = rgb (0xffffff, 0.62);
      style->grid = rgb (0xffffff, 0.12);
      style->mean = rgb (0x78aeed, 1);
      style->band = rgb (0x3584e4, 0.38);
      style->rolling = rgb (0xffa348, 1);
      style->adherence = rgb (0x33d17a, 0.9);
      style->adherence_due = rgb (0xffffff, 0.10);
      style->appointment = rgb (0xdc8add, 1);
      style->psfs = rgb (0xcdab8f, 1);
      style->red_flag = rgb (0xf66151, 1);
      style->better = rgb (0x33d17a, 0.13);
      style->worse = rgb (0xff7800, 0.16);
      style->better_text = rgb (0x57e389, 1);
      style->worse_text = rgb (0xffa348, 1);
      style->callout = rgb (0x383838, 0.97);
    }
  else
    {
      style->background = rgb (0xffffff, 1);
      style->text = rgb (0x000000, 0.8);
      style->text_dim = rgb (0x000000, 0.58);
      style->grid = rgb (0x000000, 0.10);
      style->mean = rgb (0x1c71d8, 1);
      style->band = rgb (0x3584e4, 0.24);
      style->rolling = rgb (0xe66100, 1);
      style->adherence = rgb (0x26a269, 0.85);
      style->adherence_due = rgb (0x000000, 0.08);
      style->appointment = rgb (0x9141ac, 1);
      style->psfs = rgb (0x865e3c, 1);
      style->red_flag = rgb (0xe01b24, 1);
      style->better = rgb (0x2ec27e, 0.13);
      style->worse = rgb (0xff7800, 0.13);
      style->better_text = rgb (0x1b7a4c, 1);
      style->worse_text = rgb (0xa53d00, 1);
      style->callout = rgb (0xffffff, 0.97);
    }
}

/* On white paper, in points. */
void
bc_pain_chart_style_init_print (BcPainChartStyle *style)
{
  bc_pain_chart_style_init (style, FALSE);
  /* The page around it says what the heading would. */
  style->show_heading = FALSE;
  style->font_size = 7.0;
  style->line_width = 1.1;
}

static void
set_color (cairo_t            *cr,
           const BcChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Layout */

typedef struct
{
  BcPainChartGeometry geometry;
  double              width;
  double              height;
  double              marker_y;
  double              axis_y;
  double              legend_y;
  PangoLayout        *header;
  PangoLayout        *change;
  gboolean            better;
  double              change_y;
  PangoLayout        *legend_items[8];
  BcChartColor        legend_colors[8];
  guint               legend_kinds[8];
  double              legend_x[8];
  double              legend_row[8];
  guint               n_legend;
  double              legend_height;
  double              legend_row_height;
  double              text_height;
} Frame;

enum
{
  LEGEND_MEAN,
  LEGEND_BAND,
  LEGEND_ROLLING,
  LEGEND_EXERCISE,
  LEGEND_APPOINTMENT,
  LEGEND_PSFS,
  LEGEND_RED_FLAG,
};

static PangoLayout *
make_layout (PangoContext           *context,
             const BcPainChartStyle *style,
             const char             *text,
             double                  scale,
             gboolean                bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font;

  /* Without a family of its own the chart uses the context's font. */
  if (style->font_family != NULL)
    font = pango_font_description_from_string (style->font_family);
  else
    font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_size (font, (int)(style->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_auto_dir (layout, TRUE);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double)w / PANGO_SCALE;
  if (height != NULL)
    *height = (double)h / PANGO_SCALE;
}

static gboolean
has_adherence (BcPainChartData *data)
{
  return data->adherence->len > 0;
}

static void
frame_clear (Frame *frame)
{
  g_clear_object (&frame->header);
  g_clear_object (&frame->change);
  for (guint i = 0; i < frame->n_legend; i++)
    g_clear_object (&frame->legend_items[i]);
}

static void
add_legend (Frame                  *frame,
            PangoContext           *context,
            const BcPainChartStyle *style,
            guint                   kind,
            const BcChartColor     *color,
            const char             *label)
{
  frame->legend_items[frame->n_legend] = make_layout (context, style, label, 1.0, FALSE);
  frame->legend_colors[frame->n_legend] = *color;
  frame->legend_kinds[frame->n_legend] = kind;
  frame->n_legend++;
}

/* Places every part for a size: the heading (wrapped), a lane for
 * markers, the plot, the exercise lane, the date labels and the legend
 * (wrapped into as many rows as the width needs).
 */
static void
frame_build (Frame                  *frame,
             PangoContext           *context,
             const BcPainChartStyle *style,
             BcPainChartData        *data,
             const BcPainChartView  *view,
             double                  width,
             double                  height)
{
  g_autoptr(PangoLayout) probe = make_layout (context, style, "10", 1.0, FALSE);
  BcPainChartGeometry *g = &frame->geometry;
  double label_width, swatch, x = 0, row = 0, item_height = 0;
  double header_height = 0;

  memset (frame, 0, sizeof *frame);
  frame->width = width;
  frame->height = height;
  layout_size (probe, &label_width, &frame->text_height);
  swatch = frame->text_height * 1.2;

  /* The heading: the summary, and a clinically important change in the
   * colour of its tint.
   */
  if (style->show_heading)
    {
      g_autofree char *summary = bc_pain_chart_data_describe_range (data, view);
      g_autofree char *change = NULL;
      BcPainChange comparison;
      guint32 first, last;
      guint n_days;
      double h;

      bc_pain_chart_view_get_days (view, &first, &last, &n_days);
      change = bc_pain_chart_data_describe_change (data, last, &comparison);

      frame->header = make_layout (context, style, summary, 1.1, FALSE);
      pango_layout_set_width (frame->header, (int)(MAX (width - 2, 1) * PANGO_SCALE));
      pango_layout_set_wrap (frame->header, PANGO_WRAP_WORD_CHAR);
      layout_size (frame->header, NULL, &header_height);

      if (change != NULL)
        {
          frame->change = make_layout (context, style, change, 1.0, TRUE);
          frame->better = comparison.change < 0;
          pango_layout_set_width (frame->change, (int)(MAX (width - 2, 1) * PANGO_SCALE));
          pango_layout_set_wrap (frame->change, PANGO_WRAP_WORD_CHAR);
          frame->change_y = header_height + 2;
          layout_size (frame->change, NULL, &h);
          header_height = frame->change_y + h;
        }
      header_height += PAD;
    }

  add_legend (frame, context, style, LEGEND_MEAN, &style->mean, _("Daily average"));
  add_legend (frame, context, style, LEGEND_BAND, &style->band, _("Lowest to highest"));
  add_legend (frame, context, style, LEGEND_ROLLING, &style->rolling, _("7-day average"));
  if (has_adherence (data))
    add_legend (frame, context, style, LEGEND_EXERCISE, &style->adherence, _("Exercises done"));
  if (data->appointments->len > 0)
    add_legend (frame, context, style, LEGEND_APPOINTMENT, &style->appointment, _("Massage"));
  if (data->psfs->len > 0)
    add_legend (frame, context, style, LEGEND_PSFS, &style->psfs, _("Function (PSFS)"));
  if (data->any_red_flag)
    add_legend (frame, context, style, LEGEND_RED_FLAG, &style->red_flag, _("Nerve symptoms"));

  for (guint i = 0; i < frame->n_legend; i++)
    {
      double w, h, item;

      layout_size (frame->legend_items[i], &w, &h);
      item = swatch + 4 + w;
      if (x > 0 && x + item > width)
        {
          x = 0;
          row++;
        }
      frame->legend_x[i] = x;
      frame->legend_row[i] = row;
      item_height = MAX (item_height, h);
      x += item + 2 * PAD;
    }
  frame->legend_row_height = item_height + 3;
  frame->legend_height = (row + 1) * frame->legend_row_height;

  g->plot_x = label_width + PAD;
  g->plot_width = MAX (width - g->plot_x - PAD, 1);
  frame->marker_y = header_height;
  g->plot_y = frame->marker_y + frame->text_height + 2;
  frame->legend_y = height - frame->legend_height;
  frame->axis_y = frame->legend_y - frame->text_height - PAD;
  g->lane_height = has_adherence (data) ? MAX (frame->text_height * 1.2, 8) : 0;
  g->lane_y = frame->axis_y - 2 - g->lane_height;
  g->plot_height = MAX (g->lane_y - (g->lane_height > 0 ? 4 : 0) - g->plot_y, 10);
}

void
bc_pain_chart_get_geometry (PangoContext           *context,
                            const BcPainChartStyle *style,
                            BcPainChartData        *data,
                            const BcPainChartView  *view,
                            double                  width,
                            double                  height,
                            BcPainChartGeometry    *out_geometry)
{
  Frame frame;

  g_return_if_fail (data != NULL);
  g_return_if_fail (view != NULL && view->span > 0);

  frame_build (&frame, context, style, data, view, width, height);
  *out_geometry = frame.geometry;
  frame_clear (&frame);
}

/* Drawing */

static double
x_of (const Frame           *frame,
      const BcPainChartView *view,
      double                 day)
{
  return frame->geometry.plot_x + (day - view->start) * frame->geometry.plot_width / view->span;
}

static double
y_of (const Frame *frame,
      double       pain)
{
  return frame->geometry.plot_y + frame->geometry.plot_height * (1.0 - pain / 10.0);
}

static void
draw_grid (cairo_t                *cr,
           PangoContext           *context,
           const BcPainChartStyle *style,
           const Frame            *frame)
{
  const BcPainChartGeometry *g = &frame->geometry;
  int step = g->plot_height < frame->text_height * 7 ? 5 : 2;

  cairo_set_line_width (cr, 1.0 * style->line_width / 2);
  for (int pain = 0; pain <= 10; pain += step)
    {
      char label[4];
      g_autoptr(PangoLayout) layout = NULL;
      double y = y_of (frame, pain), w, h;

      set_color (cr, &style->grid);
      cairo_move_to (cr, g->plot_x, y);
      cairo_line_to (cr, g->plot_x + g->plot_width, y);
      cairo_stroke (cr);

      g_snprintf (label, sizeof label, "%d", pain);
      layout = make_layout (context, style, label, 1.0, FALSE);
      layout_size (layout, &w, &h);
      set_color (cr, &style->text_dim);
      cairo_move_to (cr, g->plot_x - PAD - w, y - h / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Date labels: the finest of these steps whose labels do not touch. */
typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepUnit;

static const struct
{
  StepUnit  unit;
  guint     count;
  double    approx_days;
} steps[] = {
  { STEP_DAYS, 1, 1 }, { STEP_DAYS, 2, 2 }, { STEP_DAYS, 7, 7 }, { STEP_DAYS, 14, 14 },
  { STEP_MONTHS, 1, 30.4 }, { STEP_MONTHS, 2, 61 }, { STEP_MONTHS, 3, 91 },
  { STEP_MONTHS, 6, 182 }, { STEP_YEARS, 1, 365 }, { STEP_YEARS, 2, 730 },
  { STEP_YEARS, 5, 1826 }, { STEP_YEARS, 10, 3652 }, { STEP_YEARS, 25, 9131 },
};

static char *
tick_label (guint32  number,
            StepUnit unit)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);

  switch (unit)
    {
    case STEP_DAYS:
      /* Translators: a date on the chart's time axis, see strftime */
      return bc_pain_chart_format_day (number, _("%-d %b"));
    case STEP_MONTHS:
      /* Translators: a month on the chart's time axis, see strftime;
       * the second one starts a year
       */
      return bc_pain_chart_format_day (number, g_date_get_month (&date) == G_DATE_JANUARY
                                               ? _("%b %Y") : _("%b"));
    case STEP_YEARS:
    default:
      return bc_pain_chart_format_day (number, "%Y");
    }
}

/* The first tick at or after @number, and the one after a tick. */
static guint32
tick_align (guint32  number,
            StepUnit unit,
            guint    count)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);

  switch (unit)
    {
    case STEP_DAYS:
      if (count == 2 && g_date_get_julian (&date) % 2 != 0)
        g_date_add_days (&date, 1);
      else if (count == 7 || count == 14)
        {
          /* Weeks start on Monday. */
          guint shift = (G_DATE_MONDAY - g_date_get_weekday (&date) + 7) % 7;

          g_date_add_days (&date, shift);
        }
      break;
    case STEP_MONTHS:
      if (g_date_get_day (&date) != 1)
        {
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
        }
      while ((g_date_get_month (&date) - 1) % count != 0)
        g_date_add_months (&date, 1);
      break;
    case STEP_YEARS:
    default:
      if (g_date_get_day (&date) != 1 || g_date_get_month (&date) != G_DATE_JANUARY)
        {
          g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date) + 1);
        }
      while (g_date_get_year (&date) % count != 0)
        g_date_add_years (&date, 1);
      break;
    }

  return g_date_get_julian (&date);
}

static guint32
tick_next (guint32  number,
           StepUnit unit,
           guint    count)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);
  if (unit == STEP_DAYS)
    g_date_add_days (&date, count);
  else if (unit == STEP_MONTHS)
    g_date_add_months (&date, count);
  else
    g_date_add_years (&date, count);

  return g_date_get_julian (&date);
}

static void
draw_time_axis (cairo_t                *cr,
                PangoContext           *context,
                const BcPainChartStyle *style,
                const Frame            *frame,
                const BcPainChartView  *view)
{
  const BcPainChartGeometry *g = &frame->geometry;
  g_autoptr(PangoLayout) probe = NULL;
  double sample_width, units_per_day = g->plot_width / view->span;
  guint s;
  guint32 first = (guint32)MAX (floor (view->start), 1);
  guint32 end = (guint32)ceil (view->start + view->span);

  /* The widest label a unit can have, with room to breathe. */
  probe = make_layout (context, style, "30 May 2026", 1.0, FALSE);
  layout_size (probe, &sample_width, NULL);

  for (s = 0; s < G_N_ELEMENTS (steps) - 1; s++)
    {
      double label = steps[s].unit == STEP_DAYS ? sample_width * 0.6 : sample_width * 0.75;

      if (steps[s].unit == STEP_YEARS)
        label = sample_width * 0.4;
      if (steps[s].approx_days * units_per_day >= label + 2 * PAD)
        break;
    }

  cairo_set_line_width (cr, style->line_width / 2);
  for (guint32 tick = tick_align (first, steps[s].unit, steps[s].count); tick <= end;
       tick = tick_next (tick, steps[s].unit, steps[s].count))
    {
      g_autofree char *text = tick_label (tick, steps[s].unit);
      g_autoptr(PangoLayout) layout = make_layout (context, style, text, 1.0, FALSE);
      /* Day ticks label the day's middle; months and years their start. */
      double x = x_of (frame, view, steps[s].unit == STEP_DAYS && steps[s].count < 7 ? tick + 0.5
                                                                                      : tick);
      double w;

      if (x < g->plot_x - 0.5 || x > g->plot_x + g->plot_width + 0.5)
        continue;

      set_color (cr, &style->grid);
      cairo_move_to (cr, x, g->plot_y);
      cairo_line_to (cr, x, frame->axis_y);
      cairo_stroke (cr);

      layout_size (layout, &w, NULL);
      x = CLAMP (x - w / 2, 0, frame->width - w);
      set_color (cr, &style->text_dim);
      cairo_move_to (cr, x, frame->axis_y + 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* The day range worth drawing: one day beyond each edge, so that lines
 * leave the plot instead of stopping short of it.
 */
static void
visible_indices (GArray                *x,
                 const BcPainChartView *view,
                 guint                 *out_begin,
                 guint                 *out_end)
{
  const double *values = (const double *)(gpointer)x->data;
  guint begin = bc_pain_chart_lower_bound (values, x->len, view->start);
  guint end = bc_pain_chart_lower_bound (values, x->len, view->start + view->span);

  *out_begin = begin > 0 ? begin - 1 : 0;
  *out_end = end < x->len ? end + 1 : end;
}

static GArray *
decimate (GArray                *x,
          GArray                *y,
          const BcPainChartView *view,
          guint                  n_columns)
{
  return bc_pain_stats_decimate ((const double *)(gpointer)x->data,
                                 (const double *)(gpointer)y->data, x->len,
                                 view->start, view->start + view->span, n_columns);
}

static double
column_x (const Frame *frame,
          guint        column,
          guint        n_columns)
{
  return frame->geometry.plot_x + (column + 0.5) * frame->geometry.plot_width / n_columns;
}

/* A line through @values that breaks across gaps. In column mode it
 * runs through each column's mean, and @out_columns (when given) gets
 * the columns, whose lowest and highest values the caller draws too.
 */
static void
trace_line (cairo_t               *cr,
            const Frame           *frame,
            const BcPainChartView *view,
            GArray                *x,
            GArray                *values,
            guint                  n_columns,
            GArray               **out_columns)
{
  double gap = GAP_DAYS * frame->geometry.plot_width / view->span;
  double last_x = -G_MAXDOUBLE;

  if (n_columns == 0)
    {
      guint begin, end;

      visible_indices (x, view, &begin, &end);
      for (guint i = begin; i < end; i++)
        {
          double v = g_array_index (values, double, i);
          double px = x_of (frame, view, g_array_index (x, double, i));

          if (isnan (v))
            continue;
          if (px - last_x > gap + 0.01)
            cairo_move_to (cr, px, y_of (frame, v));
          else
            cairo_line_to (cr, px, y_of (frame, v));
          last_x = px;
        }
      return;
    }
  else
    {
      g_autoptr(GArray) columns = decimate (x, values, view, n_columns);

      gap = MAX (gap, 2.0 * frame->geometry.plot_width / n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const BcChartColumn *column = &g_array_index (columns, BcChartColumn, c);
          double px = column_x (frame, c, n_columns);

          if (column->count == 0)
            continue;

          if (px - last_x > gap + 0.01)
            cairo_move_to (cr, px, y_of (frame, column->mean));
          else
            cairo_line_to (cr, px, y_of (frame, column->mean));
          last_x = px;

        }

      if (out_columns != NULL)
        *out_columns = g_steal_pointer (&columns);
    }
}

/* Each column's range of daily means as a box a line wide: a single
 * bad day shows at its full height. Boxes, not strokes, because cairo
 * fills thousands of them faster than it strokes as many segments.
 */
static void
fill_column_extremes (cairo_t                *cr,
                      const BcPainChartStyle *style,
                      const Frame            *frame,
                      GArray                 *columns)
{
  double width = style->line_width * 0.8;

  for (guint c = 0; c < columns->len; c++)
    {
      const BcChartColumn *column = &g_array_index (columns, BcChartColumn, c);
      double top, bottom;

      if (column->count == 0 || !(column->max > column->min))
        continue;

      top = y_of (frame, column->max);
      bottom = y_of (frame, column->min);
      cairo_rectangle (cr, column_x (frame, c, columns->len) - width / 2, top, width,
                       bottom - top);
    }
  cairo_fill (cr);
}

/* The band from each day's lowest to highest entry. */
static void
draw_band (cairo_t                *cr,
           const BcPainChartStyle *style,
           const Frame            *frame,
           BcPainChartData        *data,
           const BcPainChartView  *view,
           guint                   n_columns)
{
  double day_width = frame->geometry.plot_width / view->span;
  BcChartColor edge = style->band;

  edge.alpha = MIN (1.0, edge.alpha * 2.5);
  cairo_set_line_width (cr, style->line_width / 2);
  set_color (cr, &style->band);

  if (n_columns == 0)
    {
      guint begin, end, run = 0;

      /* Runs of days without a long gap become one polygon: the upper
       * edge forwards, the lower edge back. Each day keeps a flat top
       * and bottom at least two units wide, so that one bad day is a
       * visible peak however narrow the days are.
       */
      double half = CLAMP (day_width * 0.15, 1.0, 4.0);

      visible_indices (data->x, view, &begin, &end);
      for (guint i = begin; i < end; i = run)
        {
          cairo_new_sub_path (cr);
          for (run = i + 1; run < end; run++)
            if (g_array_index (data->x, double, run) - g_array_index (data->x, double, run - 1) >
                GAP_DAYS + 0.01)
              break;

          for (guint k = i; k < run; k++)
            {
              double px = x_of (frame, view, g_array_index (data->x, double, k));
              double py = y_of (frame, g_array_index (data->maxs, double, k));

              cairo_line_to (cr, px - half, py);
              cairo_line_to (cr, px + half, py);
            }
          for (guint k = run; k > i; k--)
            {
              double px = x_of (frame, view, g_array_index (data->x, double, k - 1));
              double py = y_of (frame, g_array_index (data->mins, double, k - 1));

              /* A day without spread still shows as a sliver. */
              if (g_array_index (data->mins, double, k - 1) ==
                  g_array_index (data->maxs, double, k - 1))
                py += 1.0;
              cairo_line_to (cr, px + half, py);
              cairo_line_to (cr, px - half, py);
            }
          cairo_close_path (cr);
        }
      cairo_fill_preserve (cr);
      set_color (cr, &edge);
      cairo_stroke (cr);
    }
  else
    {
      g_autoptr(GArray) lows = decimate (data->x, data->mins, view, n_columns);
      g_autoptr(GArray) highs = decimate (data->x, data->maxs, view, n_columns);
      double column_width = frame->geometry.plot_width / n_columns;
      double cap = style->line_width / 2;

      /* One box per column, on whole units so that adjacent boxes meet
       * without overlapping. Boxes are what cairo fills fastest; a
       * polygon or a stroke with thousands of jagged edges would cost
       * several milliseconds a frame.
       */
      for (guint pass = 0; pass < 2; pass++)
        {
          double last_top = NAN, last_bottom = NAN;

          for (guint c = 0; c < n_columns; c++)
            {
              const BcChartColumn *low = &g_array_index (lows, BcChartColumn, c);
              const BcChartColumn *high = &g_array_index (highs, BcChartColumn, c);
              double left = floor (frame->geometry.plot_x + c * column_width);
              double right = floor (frame->geometry.plot_x + (c + 1) * column_width);
              double top, bottom;

              if (low->count == 0 || right <= left)
                {
                  last_top = last_bottom = NAN;
                  continue;
                }

              top = y_of (frame, high->max);
              bottom = y_of (frame, low->min);
              if (pass == 0)
                cairo_rectangle (cr, left, top, right - left, MAX (bottom - top, 1.0));
              else
                {
                  /* The outline, stronger, stepping with the columns
                   * (boxes too): a column whose highest value stands
                   * out is outlined up to its tip, not a faint sliver.
                   */
                  cairo_rectangle (cr, left, top - cap / 2, right - left, cap);
                  cairo_rectangle (cr, left, bottom - cap / 2, right - left, cap);
                  if (!isnan (last_top))
                    {
                      cairo_rectangle (cr, left, MIN (top, last_top) - cap / 2, cap,
                                       fabs (top - last_top) + cap);
                      cairo_rectangle (cr, left, MIN (bottom, last_bottom) - cap / 2, cap,
                                       fabs (bottom - last_bottom) + cap);
                    }
                }
              last_top = top;
              last_bottom = bottom;
            }

          set_color (cr, pass == 0 ? &style->band : &edge);
          cairo_fill (cr);
        }
    }
}

static void
draw_day_points (cairo_t                *cr,
                 const BcPainChartStyle *style,
                 const Frame            *frame,
                 BcPainChartData        *data,
                 const BcPainChartView  *view)
{
  double day_width = frame->geometry.plot_width / view->span;
  double radius = MIN (style->line_width * 1.6, day_width * 0.3);
  guint begin, end;

  if (day_width < 5 * style->line_width)
    return;

  visible_indices (data->x, view, &begin, &end);
  set_color (cr, &style->mean);
  for (guint i = begin; i < end; i++)
    {
      double px = x_of (frame, view, g_array_index (data->x, double, i));
      double py = y_of (frame, g_array_index (data->means, double, i));

      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* Markers closer than @spacing units merge into one: at a year per
 * screen, a weekly appointment would otherwise be a solid smear.
 */
static void
draw_marker (cairo_t *cr,
             double   x,
             double   y,
             double   size,
             gboolean triangle)
{
  if (triangle)
    {
      cairo_move_to (cr, x, y + size);
      cairo_line_to (cr, x - size * 0.9, y - size * 0.6);
      cairo_line_to (cr, x + size * 0.9, y - size * 0.6);
    }
  else
    {
      cairo_move_to (cr, x, y - size);
      cairo_line_to (cr, x + size * 0.8, y);
      cairo_line_to (cr, x, y + size);
      cairo_line_to (cr, x - size * 0.8, y);
    }
  cairo_close_path (cr);
}

static void
draw_appointments (cairo_t                *cr,
                   const BcPainChartStyle *style,
                   const Frame            *frame,
                   BcPainChartData        *data,
                   const BcPainChartView  *view)
{
  const BcPainChartGeometry *g = &frame->geometry;
  const double *days = (const double *)(gpointer)data->appointments->data;
  guint begin = bc_pain_chart_lower_bound (days, data->appointments->len, view->start);
  double size = frame->text_height * 0.38, last_x = -G_MAXDOUBLE;
  double y = frame->marker_y + frame->text_height / 2;
  double dashes[] = { style->line_width * 1.5, style->line_width * 1.5 };
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = begin; i < data->appointments->len && days[i] < view->start + view->span; i++)
    {
      double px = x_of (frame, view, days[i]);

      if (px - last_x < 3 * size)
        continue;
      g_array_append_val (xs, px);
      last_x = px;
    }

  set_color (cr, &style->appointment);
  cairo_save (cr);
  cairo_set_line_width (cr, style->line_width / 2);
  cairo_set_dash (cr, dashes, 2, 0);
  for (guint i = 0; i < xs->len; i++)
    {
      cairo_move_to (cr, g_array_index (xs, double, i), g->plot_y);
      cairo_line_to (cr, g_array_index (xs, double, i), g->plot_y + g->plot_height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < xs->len; i++)
    draw_marker (cr, g_array_index (xs, double, i), y, size, FALSE);
  cairo_fill (cr);

  g_array_unref (xs);
}

static void
draw_red_flags (cairo_t                *cr,
                const BcPainChartStyle *style,
                const Frame            *frame,
                BcPainChartData        *data,
                const BcPainChartView  *view)
{
  double size = frame->text_height * 0.38, last_x = -G_MAXDOUBLE;
  double y = frame->marker_y + frame->text_height / 2;
  guint begin, end;

  visible_indices (data->x, view, &begin, &end);
  set_color (cr, &style->red_flag);
  for (guint i = begin; i < end; i++)
    {
      double px;

      if (!g_array_index (data->days, BcPainDay, i).red_flag)
        continue;

      px = x_of (frame, view, g_array_index (data->x, double, i));
      if (px < frame->geometry.plot_x || px > frame->geometry.plot_x + frame->geometry.plot_width ||
          px - last_x < 2.2 * size)
        continue;

      draw_marker (cr, px, y, size, TRUE);
      last_x = px;
    }
  cairo_fill (cr);
}

static void
draw_psfs (cairo_t                *cr,
           const BcPainChartStyle *style,
           const Frame            *frame,
           BcPainChartData        *data,
           const BcPainChartView  *view)
{
  double size = MAX (style->line_width * 2.2, 3), last_x = -G_MAXDOUBLE;
  guint begin, end;

  visible_indices (data->psfs_x, view, &begin, &end);
  if (begin == end)
    return;

  /* A thin line joins the scores, which are weeks apart. */
  set_color (cr, &style->psfs);
  cairo_set_line_width (cr, style->line_width / 2);
  for (guint i = begin; i < end; i++)
    cairo_line_to (cr, x_of (frame, view, g_array_index (data->psfs_x, double, i)),
                   y_of (frame, g_array_index (data->psfs, BcPsfsDay, i).mean));
  cairo_stroke (cr);

  for (guint i = begin; i < end; i++)
    {
      double px = x_of (frame, view, g_array_index (data->psfs_x, double, i));

      if (px - last_x < 2 * size)
        continue;
      draw_marker (cr, px, y_of (frame, g_array_index (data->psfs, BcPsfsDay, i).mean), size,
                   FALSE);
      last_x = px;
    }
  cairo_fill_preserve (cr);
  set_color (cr, &style->background);
  cairo_set_line_width (cr, style->line_width / 2);
  cairo_stroke (cr);
}

static void
draw_adherence (cairo_t                *cr,
                const BcPainChartStyle *style,
                const Frame            *frame,
                BcPainChartData        *data,
                const BcPainChartView  *view,
                guint                   n_columns)
{
  const BcPainChartGeometry *g = &frame->geometry;
  double bottom = g->lane_y + g->lane_height;

  if (g->lane_height <= 0)
    return;

  if (n_columns == 0)
    {
      double day_width = g->plot_width / view->span;
      double bar = MAX (day_width * 0.6, 1.0);
      guint begin, end;

      /* Each day with something due: a faint full bar, the done share on it. */
      visible_indices (data->adherence_x, view, &begin, &end);
      set_color (cr, &style->adherence_due);
      for (guint i = begin; i < end; i++)
        {
          double px = x_of (frame, view, g_array_index (data->adherence_x, double, i));

          cairo_rectangle (cr, px - bar / 2, g->lane_y, bar, g->lane_height);
        }
      cairo_fill (cr);

      set_color (cr, &style->adherence);
      for (guint i = begin; i < end; i++)
        {
          double px = x_of (frame, view, g_array_index (data->adherence_x, double, i));
          double h = g->lane_height * g_array_index (data->adherence_y, double, i);

          cairo_rectangle (cr, px - bar / 2, bottom - h, bar, h);
        }
      cairo_fill (cr);
    }
  else
    {
      g_autoptr(GArray) columns = decimate (data->adherence_x, data->adherence_y, view, n_columns);
      double column_width = g->plot_width / n_columns;

      set_color (cr, &style->adherence_due);
      cairo_rectangle (cr, g->plot_x, g->lane_y, g->plot_width, g->lane_height);
      cairo_fill (cr);

      set_color (cr, &style->adherence);
      for (guint c = 0; c < n_columns; c++)
        {
          const BcChartColumn *column = &g_array_index (columns, BcChartColumn, c);
          double h;

          if (column->count == 0)
            continue;

          h = g->lane_height * column->mean;
          cairo_rectangle (cr, g->plot_x + c * column_width, bottom - h, column_width, h);
        }
      cairo_fill (cr);
    }
}

/* The last four weeks tinted green when pain fell by a clinically
 * important amount (orange when it rose), with each window's mean.
 */
static void
draw_change (cairo_t                *cr,
             const BcPainChartStyle *style,
             const Frame            *frame,
             BcPainChartData        *data,
             const BcPainChartView  *view)
{
  const BcPainChartGeometry *g = &frame->geometry;
  double dashes[] = { style->line_width * 3, style->line_width * 2 };
  BcPainChange change;
  guint32 first, last;
  guint n_days;
  double end_x, mid_x, start_x;

  bc_pain_chart_view_get_days (view, &first, &last, &n_days);
  bc_pain_chart_data_compare (data, last, BC_PAIN_CHART_CHANGE_WINDOW_DAYS, &change);
  if (!change.important)
    return;

  end_x = MIN (x_of (frame, view, last + 1.0), g->plot_x + g->plot_width);
  mid_x = MAX (x_of (frame, view, last + 1.0 - BC_PAIN_CHART_CHANGE_WINDOW_DAYS), g->plot_x);
  start_x = MAX (x_of (frame, view, last + 1.0 - 2 * BC_PAIN_CHART_CHANGE_WINDOW_DAYS), g->plot_x);

  set_color (cr, change.change < 0 ? &style->better : &style->worse);
  cairo_rectangle (cr, mid_x, g->plot_y, end_x - mid_x, g->plot_height);
  cairo_fill (cr);

  cairo_save (cr);
  set_color (cr, &style->text_dim);
  cairo_set_line_width (cr, style->line_width * 0.6);
  cairo_set_dash (cr, dashes, 2, 0);
  if (mid_x > start_x)
    {
      cairo_move_to (cr, start_x, y_of (frame, change.before));
      cairo_line_to (cr, mid_x, y_of (frame, change.before));
    }
  cairo_move_to (cr, mid_x, y_of (frame, change.after));
  cairo_line_to (cr, end_x, y_of (frame, change.after));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_cursor (cairo_t                *cr,
             PangoContext           *context,
             const BcPainChartStyle *style,
             const Frame            *frame,
             BcPainChartData        *data,
             const BcPainChartView  *view)
{
  const BcPainChartGeometry *g = &frame->geometry;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double x = x_of (frame, view, view->cursor + 0.5), w, h, bx, by;
  const BcPainDay *day;

  if (view->cursor == 0 || x < g->plot_x || x > g->plot_x + g->plot_width)
    return;

  set_color (cr, &style->text_dim);
  cairo_set_line_width (cr, style->line_width / 2);
  cairo_move_to (cr, x, g->plot_y);
  cairo_line_to (cr, x, g->plot_y + g->plot_height);
  cairo_stroke (cr);

  day = bc_pain_chart_data_lookup (data, view->cursor);
  if (day != NULL)
    {
      set_color (cr, &style->mean);
      cairo_arc (cr, x, y_of (frame, day->mean), style->line_width * 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (!view->callout)
    return;

  text = bc_pain_chart_data_describe_day (data, view->cursor);
  layout = make_layout (context, style, text, 1.0, FALSE);
  layout_size (layout, &w, &h);

  /* Beside the line, on whichever side has room, inside the plot. */
  bx = x + PAD + w + 2 * PAD <= g->plot_x + g->plot_width ? x + PAD : x - PAD - w - 2 * PAD;
  bx = CLAMP (bx, 0, MAX (frame->width - w - 2 * PAD, 0));
  by = g->plot_y + PAD;

  set_color (cr, &style->callout);
  cairo_rectangle (cr, bx, by, w + 2 * PAD, h + 2 * PAD);
  cairo_fill_preserve (cr);
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  set_color (cr, &style->text);
  cairo_move_to (cr, bx + PAD, by + PAD);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (cairo_t                *cr,
             const BcPainChartStyle *style,
             const Frame            *frame)
{
  double swatch = frame->text_height * 1.2, row_height = frame->legend_row_height;

  for (guint i = 0; i < frame->n_legend; i++)
    {
      double x = frame->legend_x[i];
      double y = frame->legend_y + frame->legend_row[i] * row_height;
      double cy = y + frame->text_height / 2 + 1;

      set_color (cr, &frame->legend_colors[i]);
      switch (frame->legend_kinds[i])
        {
        case LEGEND_BAND:
          cairo_rectangle (cr, x, cy - frame->text_height * 0.35, swatch, frame->text_height * 0.7);
          cairo_fill (cr);
          break;
        case LEGEND_EXERCISE:
          cairo_rectangle (cr, x + swatch * 0.2, cy - frame->text_height * 0.4, swatch * 0.6,
                           frame->text_height * 0.8);
          cairo_fill (cr);
          break;
        case LEGEND_APPOINTMENT:
        case LEGEND_PSFS:
          draw_marker (cr, x + swatch / 2, cy, frame->text_height * 0.38, FALSE);
          cairo_fill (cr);
          break;
        case LEGEND_RED_FLAG:
          draw_marker (cr, x + swatch / 2, cy, frame->text_height * 0.38, TRUE);
          cairo_fill (cr);
          break;
        default:
          cairo_set_line_width (cr, style->line_width);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + swatch, cy);
          cairo_stroke (cr);
          break;
        }

      set_color (cr, &style->text_dim);
      cairo_move_to (cr, x + swatch + 4, y);
      pango_cairo_show_layout (cr, frame->legend_items[i]);
    }
}

/**
 * bc_pain_chart_render:
 * @context: the Pango context text is laid out with; the caller keeps
 *   it in step with @cr (pango_cairo_update_context ())
 * @width: the chart's width in the units of @cr
 *
 * Draws the chart into (0, 0, @width, @height). The background is
 * filled only when the style asks for it, with a rectangle, so the
 * drawing can sit on a printed page.
 */
void
bc_pain_chart_render (cairo_t                *cr,
                      PangoContext           *context,
                      const BcPainChartStyle *style,
                      BcPainChartData        *data,
                      const BcPainChartView  *view,
                      double                  width,
                      double                  height)
{
  const double *x = (const double *)(gpointer)data->x->data;
  g_autoptr(GArray) mean_columns = NULL;
  const BcPainChartGeometry *g;
  Frame frame;
  guint n_columns = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (view != NULL && view->span > 0);

  frame_build (&frame, context, style, data, view, width, height);
  g = &frame.geometry;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (style->fill_background)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  /* Column mode once a day is narrower than a couple of units. */
  if (g->plot_width / view->span < MIN_DAY_WIDTH)
    n_columns = (guint)MAX (ceil (g->plot_width), 1);

  /* A column a pixel wide needs no round joins, and they are most of
   * what stroking costs with thousands of segments.
   */
  if (n_columns > 0)
    {
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  draw_grid (cr, context, style, &frame);
  draw_time_axis (cr, context, style, &frame, view);

  cairo_save (cr);
  cairo_rectangle (cr, g->plot_x, g->plot_y - 1, g->plot_width, g->plot_height + 2);
  cairo_clip (cr);

  draw_change (cr, style, &frame, data, view);
  draw_band (cr, style, &frame, data, view, n_columns);
  draw_appointments (cr, style, &frame, data, view);

  cairo_set_line_width (cr, style->line_width);
  set_color (cr, &style->rolling);
  trace_line (cr, &frame, view, data->x, data->rolling, n_columns, NULL);
  cairo_stroke (cr);

  set_color (cr, &style->mean);
  cairo_set_line_width (cr, style->line_width * 0.8);
  trace_line (cr, &frame, view, data->x, data->means, n_columns, &mean_columns);
  cairo_stroke (cr);
  if (mean_columns != NULL)
    fill_column_extremes (cr, style, &frame, mean_columns);
  if (n_columns == 0)
    draw_day_points (cr, style, &frame, data, view);

  draw_psfs (cr, style, &frame, data, view);
  cairo_restore (cr);

  /* Markers above the plot: appointments and nerve symptoms. */
  cairo_save (cr);
  cairo_rectangle (cr, g->plot_x - PAD, frame.marker_y, g->plot_width + 2 * PAD,
                   frame.text_height + 2);
  cairo_clip (cr);
  draw_red_flags (cr, style, &frame, data, view);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, g->plot_x, g->lane_y, g->plot_width, g->lane_height);
  cairo_clip (cr);
  draw_adherence (cr, style, &frame, data, view, n_columns);
  cairo_restore (cr);

  /* Nothing loaded yet is not "nothing logged". */
  if (data->loaded_first != 0 &&
      bc_pain_chart_lower_bound (x, data->x->len, view->start) ==
      bc_pain_chart_lower_bound (x, data->x->len, view->start + view->span))
    {
      g_autoptr(PangoLayout) empty = make_layout (context, style,
                                                  _("No pain logged in this period"), 1.1, FALSE);
      double w, h;

      layout_size (empty, &w, &h);
      set_color (cr, &style->text_dim);
      cairo_move_to (cr, g->plot_x + (g->plot_width - w) / 2, g->plot_y + (g->plot_height - h) / 2);
      pango_cairo_show_layout (cr, empty);
    }

  if (frame.header != NULL)
    {
      set_color (cr, &style->text);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, frame.header);
    }

  if (frame.change != NULL)
    {
      set_color (cr, frame.better ? &style->better_text : &style->worse_text);
      cairo_move_to (cr, 0, frame.change_y);
      pango_cairo_show_layout (cr, frame.change);
    }

  draw_legend (cr, style, &frame);
  draw_cursor (cr, context, style, &frame, data, view);

  cairo_restore (cr);
  frame_clear (&frame);
}

/**
 * bc_pain_chart_render_to_file:
 *
 * Writes the chart as a PNG or SVG of @width × @height pixels, with no
 * display: the file appears whole or not at all.
 */
gboolean
bc_pain_chart_render_to_file (BcPainChartData        *data,
                              const BcPainChartView  *view,
                              const BcPainChartStyle *style,
                              BcPainChartFormat       format,
                              int                     width,
                              int                     height,
                              const char             *path,
                              GError                **error)
{
  g_autofree char *temp_path = g_strdup_printf ("%s.partial", path);
  PangoContext *context;
  BcPainChartStyle filled = *style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (format == BC_PAIN_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create (temp_path, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* A file has no window behind it: it gets the style's background. */
  filled.fill_background = TRUE;
  cr = cairo_create (surface);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 96.0);
  pango_cairo_update_context (cr, context);
  bc_pain_chart_render (cr, context, &filled, data, view, width, height);
  g_object_unref (context);

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == BC_PAIN_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, temp_path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be written to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The chart could not be written to “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
