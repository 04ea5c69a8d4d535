/* bc-pain-stats.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-stats"

#include "config.h"

#include <math.h>

#include "bc-pain-stats.h"

/* Pure arithmetic for the chart and the report. Each function makes one
 * pass over its input, so ten years of hourly entries cost no more than
 * a few milliseconds whatever the chart's size.
 */

/* A change within this of a threshold counts as reaching it: 4.2 - 2.2
 * is 1.9999999999999996 in binary floating point.
 */
#define EPSILON 1e-9

#define CHANGE_POINTS 2.0
#define CHANGE_SHARE 0.3
#define PSFS_CHANGE_POINTS 2.0

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard
 * Hinnant's days_from_civil).
 */
static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 era;
  guint year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = (guint)(year - era * 400);
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + (gint64)day_of_era - 719468;
}

static gboolean
parse_day (const char *iso,
           gint64     *out_days)
{
  guint year = 0, month, day;

  if (iso == NULL)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
        return FALSE;
    }
  if (iso[10] != '\0')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint)(iso[i] - '0');
  month = (guint)(iso[5] - '0') * 10 + (guint)(iso[6] - '0');
  day = (guint)(iso[8] - '0') * 10 + (guint)(iso[9] - '0');

  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  *out_days = days_from_civil (year, month, day);
  return TRUE;
}

static gboolean
day_counts (const BcPainDay *day,
            gint64          *out_days)
{
  return !isnan (day->mean) && parse_day (day->day, out_days);
}

/**
 * bc_pain_stats_rolling_mean:
 * @days: days oldest first, as bc_pain_store_daily () gives them
 * @window_days: the window in calendar days (7 for a week); 0 counts
 *   as 1
 *
 * For each day, the mean of the daily means of the days with data in
 * the @window_days calendar days ending on it: a gap in the log shrinks
 * the window instead of pulling the mean down. One pass: each day
 * enters and leaves the running sum once.
 *
 * Returns: (transfer full) (element-type double): @n_days values; NAN
 *   for a day that is not a valid YYYY-MM-DD or has a NAN mean
 */
GArray *
bc_pain_stats_rolling_mean (const BcPainDay *days,
                            guint            n_days,
                            guint            window_days)
{
  GArray *result = g_array_sized_new (FALSE, TRUE, sizeof (double), n_days);
  g_autofree gint64 *numbers = NULL;
  g_autofree gboolean *counted = NULL;
  guint window = MAX (window_days, 1);
  double sum = 0.0;
  guint count = 0;
  guint start = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, result);

  g_array_set_size (result, n_days);
  numbers = g_new (gint64, MAX (n_days, 1));
  counted = g_new0 (gboolean, MAX (n_days, 1));

  for (guint i = 0; i < n_days; i++)
    {
      if (!day_counts (&days[i], &numbers[i]))
        {
          g_array_index (result, double, i) = NAN;
          continue;
        }

      counted[i] = TRUE;
      sum += days[i].mean;
      count++;

      while (start < i && (!counted[start] || numbers[start] <= numbers[i] - window))
        {
          if (counted[start])
            {
              sum -= days[start].mean;
              count--;
            }
          start++;
        }

      g_array_index (result, double, i) = sum / count;
    }

  return result;
}

/* The first index whose x is not below @value. */
static gsize
lower_bound (const double *x,
             gsize         n,
             double        value)
{
  gsize low = 0, high = n;

  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (x[mid] < value)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/**
 * bc_pain_stats_decimate:
 * @x: ascending x values (e.g. unix times)
 * @y: the values to draw
 * @n: points in @x and @y
 *
 * A point belongs to column floor ((x - x_start) / (x_end - x_start) *
 * n_columns). Each column keeps the exact smallest and largest y of its
 * points and their mean; points outside the range and NAN values are
 * left out. O(log n + points in range).
 *
 * Returns: (transfer full) (element-type BcChartColumn): @n_columns
 *   columns; an empty one has count 0 and NAN values
 */
GArray *
bc_pain_stats_decimate (const double *x,
                        const double *y,
                        gsize         n,
                        double        x_start,
                        double        x_end,
                        guint         n_columns)
{
  GArray *columns = g_array_sized_new (FALSE, FALSE, sizeof (BcChartColumn), n_columns);
  BcChartColumn *column;
  double span;

  g_array_set_size (columns, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      column = &g_array_index (columns, BcChartColumn, c);
      column->min = column->max = column->mean = NAN;
      column->count = 0;
    }

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), columns);

  if (n_columns == 0 || !(x_end > x_start))
    return columns;

  span = x_end - x_start;

  for (gsize i = lower_bound (x, n, x_start); i < n && x[i] < x_end; i++)
    {
      double value = y[i];
      /* Multiplying first keeps whole-number boundaries exact. */
      double position = (x[i] - x_start) * n_columns / span;
      guint c;

      if (isnan (value) || !(position >= 0.0))
        continue;

      c = position >= n_columns ? n_columns - 1 : (guint)position;
      column = &g_array_index (columns, BcChartColumn, c);

      if (column->count == 0)
        {
          column->min = column->max = value;
          /* The sum, until the end. */
          column->mean = value;
        }
      else
        {
          if (value < column->min)
            column->min = value;
          if (value > column->max)
            column->max = value;
          column->mean += value;
        }
      column->count++;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      column = &g_array_index (columns, BcChartColumn, c);
      if (column->count > 0)
        column->mean /= column->count;
    }

  return columns;
}

/**
 * bc_pain_stats_compare_windows:
 * @days: days oldest first, as bc_pain_store_daily () gives them
 * @last_day: (nullable): the last day of the later window; %NULL for the
 *   last day in @days
 * @window_days: the length of each window, e.g. 28
 *
 * The later window is the @window_days ending on @last_day, the earlier
 * one the @window_days before it. Each window's value is the mean of
 * its daily means. The change is clinically important when both windows
 * have data and it is at least 2 points, or at least 30 % of the earlier
 * mean.
 */
void
bc_pain_stats_compare_windows (const BcPainDay *days,
                               guint            n_days,
                               const char      *last_day,
                               guint            window_days,
                               BcPainChange    *out_change)
{
  double sum_before = 0.0, sum_after = 0.0;
  guint window = MAX (window_days, 1);
  gint64 last = 0;
  double change;

  g_return_if_fail (out_change != NULL);

  out_change->before = NAN;
  out_change->after = NAN;
  out_change->change = NAN;
  out_change->important = FALSE;
  out_change->days_before = 0;
  out_change->days_after = 0;

  g_return_if_fail (days != NULL || n_days == 0);

  if (last_day != NULL)
    {
      if (!parse_day (last_day, &last))
        return;
    }
  else
    {
      gboolean found = FALSE;

      for (guint i = n_days; i > 0 && !found; i--)
        found = day_counts (&days[i - 1], &last);
      if (!found)
        return;
    }

  for (guint i = 0; i < n_days; i++)
    {
      gint64 number;

      if (!day_counts (&days[i], &number) || number > last)
        continue;

      if (number > last - window)
        {
          sum_after += days[i].mean;
          out_change->days_after++;
        }
      else if (number > last - 2 * (gint64)window)
        {
          sum_before += days[i].mean;
          out_change->days_before++;
        }
    }

  if (out_change->days_before > 0)
    out_change->before = sum_before / out_change->days_before;
  if (out_change->days_after > 0)
    out_change->after = sum_after / out_change->days_after;

  if (out_change->days_before == 0 || out_change->days_after == 0)
    return;

  change = out_change->after - out_change->before;
  out_change->change = change;
  out_change->important = ABS (change) >= CHANGE_POINTS - EPSILON ||
                          (out_change->before > 0.0 &&
                           ABS (change) >= CHANGE_SHARE * out_change->before - EPSILON);
}

/**
 * bc_psfs_mean:
 * @scores: activity scores, 0–10; others (such as -1, not scored) are
 *   left out
 *
 * Returns: the PSFS score, the mean of the activity scores; NAN when
 *   none is in range
 */
double
bc_psfs_mean (const int *scores,
              guint      n_scores)
{
  int sum = 0;
  guint count = 0;

  g_return_val_if_fail (scores != NULL || n_scores == 0, NAN);

  for (guint i = 0; i < n_scores; i++)
    {
      if (scores[i] < 0 || scores[i] > 10)
        continue;

      sum += scores[i];
      count++;
    }

  return count > 0 ? (double)sum / count : NAN;
}

/* A change of the PSFS score of at least 2 points, either way. */
gboolean
bc_psfs_change_is_important (double before,
                             double after)
{
  if (isnan (before) || isnan (after))
    return FALSE;

  return ABS (after - before) >= PSFS_CHANGE_POINTS - EPSILON;
}
