/* bc-pain-chart-renderer.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bc-pain-chart-data.h"

G_BEGIN_DECLS

/* The pain chart as cairo drawing, shared by the BcPainChart widget,
 * image export and the clinician report. No GTK: it draws on any cairo
 * surface, in whatever unit the caller uses (pixels on screen, points
 * on paper).
 */

typedef enum
{
  BC_PAIN_CHART_FORMAT_PNG,
  BC_PAIN_CHART_FORMAT_SVG,
} BcPainChartFormat;

typedef struct
{
  double red, green, blue, alpha;
} BcChartColor;

typedef struct
{
  gboolean      show_heading;   /* the summary above the plot */
  gboolean      fill_background;
  BcChartColor  background;
  BcChartColor  text;
  BcChartColor  text_dim;
  BcChartColor  grid;
  BcChartColor  mean;
  BcChartColor  band;
  BcChartColor  rolling;
  BcChartColor  adherence;
  BcChartColor  adherence_due;
  BcChartColor  appointment;
  BcChartColor  psfs;
  BcChartColor  red_flag;
  BcChartColor  better;
  BcChartColor  worse;
  BcChartColor  better_text;
  BcChartColor  worse_text;
  BcChartColor  callout;
  const char   *font_family;    /* NULL: the Pango context's font */
  double        font_size;      /* points, as Pango sizes are */
  double        line_width;     /* in the units drawn */
} BcPainChartStyle;

void  bc_pain_chart_style_init        (BcPainChartStyle *style,
                                       gboolean          dark);
void  bc_pain_chart_style_init_print  (BcPainChartStyle *style);

/* Where the parts landed, for hit tests. */
typedef struct
{
  double plot_x, plot_y, plot_width, plot_height;
  double lane_y, lane_height; /* exercise bars, 0 high without a plan */
} BcPainChartGeometry;

void             bc_pain_chart_get_geometry       (PangoContext           *context,
                                                   const BcPainChartStyle *style,
                                                   BcPainChartData        *data,
                                                   const BcPainChartView  *view,
                                                   double                  width,
                                                   double                  height,
                                                   BcPainChartGeometry    *out_geometry);
void             bc_pain_chart_render             (cairo_t                *cr,
                                                   PangoContext           *context,
                                                   const BcPainChartStyle *style,
                                                   BcPainChartData        *data,
                                                   const BcPainChartView  *view,
                                                   double                  width,
                                                   double                  height);
gboolean         bc_pain_chart_render_to_file     (BcPainChartData        *data,
                                                   const BcPainChartView  *view,
                                                   const BcPainChartStyle *style,
                                                   BcPainChartFormat       format,
                                                   int                     width,
                                                   int                     height,
                                                   const char             *path,
                                                   GError                **error);

G_END_DECLS
