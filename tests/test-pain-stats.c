/* test-pain-stats.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart's arithmetic: rolling means over calendar days, per-column
 * decimation, the 4-week comparison and PSFS scoring, against worked
 * examples.
 */

#include "config.h"

#include <math.h>

#include "bc-pain-stats.h"

static BcPainDay
day_of (const char *iso,
        double      mean)
{
  BcPainDay day = { { 0, }, };

  g_strlcpy (day.day, iso, sizeof day.day);
  day.mean = mean;
  day.min = (int)floor (mean);
  day.max = (int)ceil (mean);
  day.count = 1;
  return day;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_rolling_mean (void)
{
  /* A gap on the 3rd: the window holds fewer days, it is not zero. */
  const BcPainDay days[] = {
    day_of ("2026-02-27", 6.0),
    day_of ("2026-03-01", 4.0),   /* February has 28 days in 2026 */
    day_of ("2026-03-02", 6.0),
    day_of ("2026-03-04", 2.0),
    day_of ("2026-03-09", 8.0),
    day_of ("2026-03-29", 3.0),   /* 23 hours long in Berlin: still one day */
    day_of ("2026-03-30", 5.0),
  };
  g_autoptr(GArray) week = bc_pain_stats_rolling_mean (days, G_N_ELEMENTS (days), 7);
  g_autoptr(GArray) three = bc_pain_stats_rolling_mean (days, G_N_ELEMENTS (days), 3);
  g_autoptr(GArray) one = bc_pain_stats_rolling_mean (days, G_N_ELEMENTS (days), 0);
  g_autoptr(GArray) empty = bc_pain_stats_rolling_mean (NULL, 0, 7);

  g_assert_cmpuint (week->len, ==, G_N_ELEMENTS (days));
  assert_near (g_array_index (week, double, 0), 6.0);
  assert_near (g_array_index (week, double, 1), 5.0);                 /* 27th, 1st */
  assert_near (g_array_index (week, double, 2), 16.0 / 3);            /* 27th, 1st, 2nd */
  assert_near (g_array_index (week, double, 3), 18.0 / 4);            /* 27th … 4th */
  assert_near (g_array_index (week, double, 4), 5.0);                 /* 3rd … 9th: 4th, 9th */
  assert_near (g_array_index (week, double, 5), 3.0);
  assert_near (g_array_index (week, double, 6), 4.0);

  /* Three days ending on the 1st: 27 and 28 February and the 1st. */
  assert_near (g_array_index (three, double, 1), 5.0);
  assert_near (g_array_index (three, double, 2), 5.0);                /* 1st, 2nd */
  assert_near (g_array_index (three, double, 3), 4.0);                /* 2nd, 4th */
  assert_near (g_array_index (three, double, 4), 8.0);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    assert_near (g_array_index (one, double, i), days[i].mean);

  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_rolling_mean_invalid_days (void)
{
  const BcPainDay days[] = {
    day_of ("2026-05-01", 2.0),
    day_of ("not a day", 9.0),
    day_of ("2026-05-02", 4.0),
    day_of ("2026-05-03", NAN),
    day_of ("2026-05-04", 6.0),
  };
  g_autoptr(GArray) result = bc_pain_stats_rolling_mean (days, G_N_ELEMENTS (days), 7);

  assert_near (g_array_index (result, double, 0), 2.0);
  g_assert_true (isnan (g_array_index (result, double, 1)));
  assert_near (g_array_index (result, double, 2), 3.0);
  g_assert_true (isnan (g_array_index (result, double, 3)));
  assert_near (g_array_index (result, double, 4), 4.0);
}

/* A slow, independent reference: which points fall inside the
 * column's bounds, by comparison rather than by division.
 */
static void
reference_column (const double  *x,
                  const double  *y,
                  gsize          n,
                  double         lower,
                  double         upper,
                  BcChartColumn *out)
{
  double sum = 0;

  out->count = 0;
  out->min = INFINITY;
  out->max = -INFINITY;
  for (gsize i = 0; i < n; i++)
    {
      if (x[i] < lower || x[i] >= upper || isnan (y[i]))
        continue;
      out->min = MIN (out->min, y[i]);
      out->max = MAX (out->max, y[i]);
      sum += y[i];
      out->count++;
    }
  out->mean = out->count > 0 ? sum / out->count : NAN;
}

#define HOURS_IN_TEN_YEARS 87600

static void
make_hourly (double **out_x,
             double **out_y)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  double *x = g_new (double, HOURS_IN_TEN_YEARS);
  double *y = g_new (double, HOURS_IN_TEN_YEARS);

  for (gsize i = 0; i < HOURS_IN_TEN_YEARS; i++)
    {
      x[i] = 1767225600.0 + i * 3600.0;   /* from 2026-01-01 UTC */
      y[i] = g_rand_int_range (rand, 1, 10);
    }

  /* Single spikes that a naive every-n-th sampling would miss. */
  y[12345] = 10;
  y[54321] = 0;

  *out_x = x;
  *out_y = y;
}

static void
test_decimate_keeps_extremes (void)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autoptr(GArray) columns = NULL;
  double start, width;
  guint total = 0;

  make_hourly (&x, &y);
  start = x[0];
  /* 365 columns of exactly 240 hours. */
  width = 240 * 3600.0;

  columns = bc_pain_stats_decimate (x, y, HOURS_IN_TEN_YEARS, start,
                                    start + HOURS_IN_TEN_YEARS * 3600.0, 365);
  g_assert_cmpuint (columns->len, ==, 365);

  for (guint c = 0; c < columns->len; c++)
    {
      const BcChartColumn *column = &g_array_index (columns, BcChartColumn, c);
      BcChartColumn expected;

      reference_column (x, y, HOURS_IN_TEN_YEARS, start + c * width, start + (c + 1) * width,
                        &expected);
      g_assert_cmpuint (column->count, ==, 240);
      g_assert_cmpuint (column->count, ==, expected.count);
      g_assert_cmpfloat (column->min, ==, expected.min);
      g_assert_cmpfloat (column->max, ==, expected.max);
      assert_near (column->mean, expected.mean);
      total += column->count;
    }
  g_assert_cmpuint (total, ==, HOURS_IN_TEN_YEARS);

  g_assert_cmpfloat (g_array_index (columns, BcChartColumn, 12345 / 240).max, ==, 10.0);
  g_assert_cmpfloat (g_array_index (columns, BcChartColumn, 54321 / 240).min, ==, 0.0);
}

/* Column widths that are not whole hours: every point is inside its
 * column's min–max, every column's min and max are values of its own
 * points, and the extremes of the whole series survive.
 */
static void
test_decimate_uneven_columns (void)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autofree gboolean *min_seen = NULL;
  g_autofree gboolean *max_seen = NULL;
  const guint n_columns = 1280;
  double start, end, overall_min = INFINITY, overall_max = -INFINITY;
  guint total = 0;

  make_hourly (&x, &y);
  start = x[0];
  end = x[HOURS_IN_TEN_YEARS - 1] + 1;
  columns = bc_pain_stats_decimate (x, y, HOURS_IN_TEN_YEARS, start, end, n_columns);
  min_seen = g_new0 (gboolean, n_columns);
  max_seen = g_new0 (gboolean, n_columns);

  for (gsize i = 0; i < HOURS_IN_TEN_YEARS; i++)
    {
      guint c = (guint)((x[i] - start) * n_columns / (end - start));
      const BcChartColumn *column = &g_array_index (columns, BcChartColumn, MIN (c, n_columns - 1));

      g_assert_cmpfloat (y[i], >=, column->min);
      g_assert_cmpfloat (y[i], <=, column->max);
      if (y[i] == column->min)
        min_seen[MIN (c, n_columns - 1)] = TRUE;
      if (y[i] == column->max)
        max_seen[MIN (c, n_columns - 1)] = TRUE;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const BcChartColumn *column = &g_array_index (columns, BcChartColumn, c);

      g_assert_cmpuint (column->count, >, 0);
      g_assert_true (min_seen[c]);
      g_assert_true (max_seen[c]);
      overall_min = MIN (overall_min, column->min);
      overall_max = MAX (overall_max, column->max);
      total += column->count;
    }

  g_assert_cmpuint (total, ==, HOURS_IN_TEN_YEARS);
  g_assert_cmpfloat (overall_min, ==, 0.0);
  g_assert_cmpfloat (overall_max, ==, 10.0);
}

static void
test_decimate_edges (void)
{
  const double x[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  const double y[] = { 5, 1, NAN, 9, 2, 2, 7, 3, 3, 4 };
  g_autoptr(GArray) zoomed = NULL;
  g_autoptr(GArray) sparse = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) backwards = NULL;
  const BcChartColumn *column;

  /* [2, 6) in two columns: points 2 (NAN, left out), 3, 4, 5. */
  zoomed = bc_pain_stats_decimate (x, y, G_N_ELEMENTS (x), 2, 6, 2);
  column = &g_array_index (zoomed, BcChartColumn, 0);
  g_assert_cmpuint (column->count, ==, 1);
  g_assert_cmpfloat (column->min, ==, 9);
  g_assert_cmpfloat (column->max, ==, 9);
  column = &g_array_index (zoomed, BcChartColumn, 1);
  g_assert_cmpuint (column->count, ==, 2);
  g_assert_cmpfloat (column->min, ==, 2);
  g_assert_cmpfloat (column->mean, ==, 2);

  /* More columns than points: empty columns say so. */
  sparse = bc_pain_stats_decimate (x, y, G_N_ELEMENTS (x), 0, 10, 40);
  g_assert_cmpuint (sparse->len, ==, 40);
  g_assert_cmpuint (g_array_index (sparse, BcChartColumn, 0).count, ==, 1);
  g_assert_cmpuint (g_array_index (sparse, BcChartColumn, 1).count, ==, 0);
  g_assert_true (isnan (g_array_index (sparse, BcChartColumn, 1).min));
  g_assert_cmpfloat (g_array_index (sparse, BcChartColumn, 36).max, ==, 4);

  none = bc_pain_stats_decimate (NULL, NULL, 0, 0, 10, 5);
  g_assert_cmpuint (none->len, ==, 5);
  g_assert_cmpuint (g_array_index (none, BcChartColumn, 4).count, ==, 0);

  backwards = bc_pain_stats_decimate (x, y, G_N_ELEMENTS (x), 10, 0, 5);
  g_assert_cmpuint (backwards->len, ==, 5);
  g_assert_cmpuint (g_array_index (backwards, BcChartColumn, 0).count, ==, 0);
}

/* 28 days per window ending on @last, the earlier at @before and the
 * later at @after.
 */
static GArray *
two_windows (double before,
             double after)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (BcPainDay));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
  for (guint i = 0; i < 56; i++)
    {
      char iso[11];
      BcPainDay day;

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      day = day_of (iso, i < 28 ? before : after);
      g_array_append_val (days, day);
      g_date_add_days (&date, 1);
    }

  return days;
}

static void
compare (double        before,
         double        after,
         BcPainChange *change)
{
  g_autoptr(GArray) days = two_windows (before, after);

  /* 2026-10-01 + 55 days */
  bc_pain_stats_compare_windows ((const BcPainDay *)days->data, days->len, "2026-11-25", 28,
                                 change);
}

static void
test_compare_windows (void)
{
  BcPainChange change;

  /* 6.0 → 4.0: two points down. */
  compare (6.0, 4.0, &change);
  assert_near (change.before, 6.0);
  assert_near (change.after, 4.0);
  assert_near (change.change, -2.0);
  g_assert_true (change.important);
  g_assert_cmpuint (change.days_before, ==, 28);
  g_assert_cmpuint (change.days_after, ==, 28);

  /* 3.0 → 2.0: one point, but 33 %. */
  compare (3.0, 2.0, &change);
  assert_near (change.change, -1.0);
  g_assert_true (change.important);

  /* 5.0 → 4.0: one point and 20 %: not important. */
  compare (5.0, 4.0, &change);
  g_assert_false (change.important);

  /* 5.0 → 3.5: 1.5 points, exactly 30 %. */
  compare (5.0, 3.5, &change);
  g_assert_true (change.important);

  /* 4.2 → 2.2 is 1.9999999999999996 in binary: still two points. */
  compare (4.2, 2.2, &change);
  g_assert_true (change.important);

  /* 7.0 → 5.2: 1.8 points, 26 %: not important. */
  compare (7.0, 5.2, &change);
  g_assert_false (change.important);

  /* Worse counts too: 2.0 → 3.0 is 50 % up. */
  compare (2.0, 3.0, &change);
  assert_near (change.change, 1.0);
  g_assert_true (change.important);

  /* From no pain, only the two points count. */
  compare (0.0, 1.5, &change);
  g_assert_false (change.important);
  compare (0.0, 2.0, &change);
  g_assert_true (change.important);
}

static void
test_compare_windows_gaps (void)
{
  const BcPainDay days[] = {
    day_of ("2026-01-01", 9.0),   /* before both windows */
    day_of ("2026-01-02", 6.0),   /* first day of the earlier window */
    day_of ("2026-01-20", 8.0),
    day_of ("2026-01-29", 3.0),   /* last day of the earlier window */
    day_of ("2026-01-30", 4.0),   /* first day of the later window */
    day_of ("2026-02-26", 2.0),   /* last day */
    day_of ("2026-02-27", 10.0),  /* after: left out */
  };
  BcPainChange change;

  bc_pain_stats_compare_windows (days, G_N_ELEMENTS (days), "2026-02-26", 28, &change);
  g_assert_cmpuint (change.days_before, ==, 3);
  g_assert_cmpuint (change.days_after, ==, 2);
  assert_near (change.before, 17.0 / 3);
  assert_near (change.after, 3.0);
  g_assert_true (change.important);

  /* Without a last day, the last in the data: 31 January to 27 February. */
  bc_pain_stats_compare_windows (days, G_N_ELEMENTS (days), NULL, 28, &change);
  g_assert_cmpuint (change.days_after, ==, 2);
  assert_near (change.after, 6.0);

  /* One window without data: no comparison. */
  bc_pain_stats_compare_windows (days, G_N_ELEMENTS (days), "2026-01-20", 7, &change);
  g_assert_cmpuint (change.days_before, ==, 0);
  g_assert_true (isnan (change.before));
  assert_near (change.after, 8.0);
  g_assert_true (isnan (change.change));
  g_assert_false (change.important);

  bc_pain_stats_compare_windows (NULL, 0, NULL, 28, &change);
  g_assert_true (isnan (change.after));
  g_assert_false (change.important);
}

/* PSFS worked examples (mean of the activity scores; 2 points is a
 * clinically important change).
 */
static void
test_psfs (void)
{
  const int first_visit[] = { 3, 4, 2 };
  const int four_weeks[] = { 5, 4, 6 };
  const int with_unscored[] = { 7, -1, 8 };
  const int five[] = { 2, 3, 5, 6, 9 };
  const int one_better[] = { 4, 5, 4 };

  assert_near (bc_psfs_mean (first_visit, 3), 3.0);
  assert_near (bc_psfs_mean (four_weeks, 3), 5.0);
  assert_near (bc_psfs_mean (with_unscored, 3), 7.5);
  assert_near (bc_psfs_mean (five, 5), 5.0);
  g_assert_true (isnan (bc_psfs_mean (NULL, 0)));

  g_assert_true (bc_psfs_change_is_important (bc_psfs_mean (first_visit, 3),
                                              bc_psfs_mean (four_weeks, 3)));
  /* 3.0 → 4.33: better, but not by two points. */
  g_assert_false (bc_psfs_change_is_important (bc_psfs_mean (first_visit, 3),
                                               bc_psfs_mean (one_better, 3)));
  g_assert_true (bc_psfs_change_is_important (6.0, 4.0));
  g_assert_true (bc_psfs_change_is_important (4.2, 2.2));
  g_assert_false (bc_psfs_change_is_important (6.0, 4.1));
  g_assert_false (bc_psfs_change_is_important (NAN, 4.0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-stats/rolling-mean", test_rolling_mean);
  g_test_add_func ("/pain-stats/rolling-mean-invalid-days", test_rolling_mean_invalid_days);
  g_test_add_func ("/pain-stats/decimate-keeps-extremes", test_decimate_keeps_extremes);
  g_test_add_func ("/pain-stats/decimate-uneven-columns", test_decimate_uneven_columns);
  g_test_add_func ("/pain-stats/decimate-edges", test_decimate_edges);
  g_test_add_func ("/pain-stats/compare-windows", test_compare_windows);
  g_test_add_func ("/pain-stats/compare-windows-gaps", test_compare_windows_gaps);
  g_test_add_func ("/pain-stats/psfs", test_psfs);

  return g_test_run ();
}
