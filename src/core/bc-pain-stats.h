/* bc-pain-stats.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-pain-store.h"

G_BEGIN_DECLS

/* Pure functions over pain data: no database, no clock, no GTK. */

/* One pixel column of a chart: the extremes and mean of the points in it. */
typedef struct
{
  double min;
  double max;
  double mean;
  guint  count;   /* 0: no data in this column */
} BcChartColumn;

/* A comparison of two windows, e.g. the last 4 weeks against the 4 before. */
typedef struct
{
  double   before;        /* mean of the earlier window, NAN without data */
  double   after;         /* mean of the later window, NAN without data */
  double   change;        /* after - before */
  gboolean important;     /* |change| >= 2 points or >= 30 % of before */
  guint    days_before;   /* days with data */
  guint    days_after;
} BcPainChange;

/* Rolling mean of the daily means over @window_days calendar days ending
 * on each day (days without entries do not count); one double per input
 * day.
 */
GArray   *bc_pain_stats_rolling_mean     (const BcPainDay *days,
                                          guint            n_days,
                                          guint            window_days);

/* Decimates @n points (x ascending) into @n_columns columns over
 * [@x_start, @x_end): each keeps its min, max and mean, so a chart
 * draws n_columns segments whatever n is.
 */
GArray   *bc_pain_stats_decimate         (const double    *x,
                                          const double    *y,
                                          gsize            n,
                                          double           x_start,
                                          double           x_end,
                                          guint            n_columns);

/* Compares the @window_days ending on @last_day with the @window_days
 * before them.
 */
void      bc_pain_stats_compare_windows  (const BcPainDay *days,
                                          guint            n_days,
                                          const char      *last_day,
                                          guint            window_days,
                                          BcPainChange    *out_change);

/* PSFS: the score is the mean of the activity scores; a change of at
 * least 2 points is clinically important.
 */
double    bc_psfs_mean                   (const int       *scores,
                                          guint            n_scores);
gboolean  bc_psfs_change_is_important    (double           before,
                                          double           after);

G_END_DECLS
