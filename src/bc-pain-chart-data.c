/* bc-pain-chart-data.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-pain-chart-data-private.h"

/* What the pain chart shows, for any range of days: per-day aggregates
 * read from SQL (a day is one point whatever number of entries it has),
 * with the arrays the drawing decimates, and the words that describe
 * them to people who cannot see the chart.
 */

#define ROLLING_DAYS 7

/* Ranges */

static const struct
{
  BcPainChartRange  range;
  const char       *nick;
  guint             days;
} ranges[] = {
  { BC_PAIN_CHART_RANGE_TWO_WEEKS, "two-weeks", 14 },
  { BC_PAIN_CHART_RANGE_THREE_MONTHS, "three-months", 91 },
  { BC_PAIN_CHART_RANGE_YEAR, "year", 365 },
  { BC_PAIN_CHART_RANGE_ALL, "all", 0 },
};

GType
bc_pain_chart_range_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { BC_PAIN_CHART_RANGE_TWO_WEEKS, "BC_PAIN_CHART_RANGE_TWO_WEEKS", "two-weeks" },
        { BC_PAIN_CHART_RANGE_THREE_MONTHS, "BC_PAIN_CHART_RANGE_THREE_MONTHS", "three-months" },
        { BC_PAIN_CHART_RANGE_YEAR, "BC_PAIN_CHART_RANGE_YEAR", "year" },
        { BC_PAIN_CHART_RANGE_ALL, "BC_PAIN_CHART_RANGE_ALL", "all" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("BcPainChartRange"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* 0 for everything. */
guint
bc_pain_chart_range_get_days (BcPainChartRange range)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (ranges[i].range == range)
      return ranges[i].days;

  return 0;
}

const char *
bc_pain_chart_range_to_string (BcPainChartRange range)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (ranges[i].range == range)
      return ranges[i].nick;

  return NULL;
}

gboolean
bc_pain_chart_range_from_string (const char       *str,
                                 BcPainChartRange *out_range)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_strcmp0 (str, ranges[i].nick) == 0)
      {
        *out_range = ranges[i].range;
        return TRUE;
      }

  return FALSE;
}

/* Data */


BcPainChartData *
bc_pain_chart_data_new (void)
{
  BcPainChartData *self = g_new0 (BcPainChartData, 1);

  self->days = g_array_new (FALSE, TRUE, sizeof (BcPainDay));
  self->numbers = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->x = g_array_new (FALSE, TRUE, sizeof (double));
  self->means = g_array_new (FALSE, TRUE, sizeof (double));
  self->mins = g_array_new (FALSE, TRUE, sizeof (double));
  self->maxs = g_array_new (FALSE, TRUE, sizeof (double));
  self->rolling = g_array_new (FALSE, TRUE, sizeof (double));
  self->adherence = g_array_new (FALSE, TRUE, sizeof (AdherencePoint));
  self->adherence_x = g_array_new (FALSE, TRUE, sizeof (double));
  self->adherence_y = g_array_new (FALSE, TRUE, sizeof (double));
  self->psfs = g_array_new (FALSE, TRUE, sizeof (BcPsfsDay));
  self->psfs_x = g_array_new (FALSE, TRUE, sizeof (double));
  self->appointments = g_array_new (FALSE, TRUE, sizeof (double));

  return self;
}

void
bc_pain_chart_data_free (BcPainChartData *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->days);
  g_array_unref (self->numbers);
  g_array_unref (self->x);
  g_array_unref (self->means);
  g_array_unref (self->mins);
  g_array_unref (self->maxs);
  g_array_unref (self->rolling);
  g_array_unref (self->adherence);
  g_array_unref (self->adherence_x);
  g_array_unref (self->adherence_y);
  g_array_unref (self->psfs);
  g_array_unref (self->psfs_x);
  g_array_unref (self->appointments);
  g_free (self);
}

/**
 * bc_pain_chart_data_set_days:
 * @days: days oldest first, as bc_pain_store_daily () returns them
 *
 * Replaces the pain days and computes what the drawing needs from
 * them: positions, the 7-day rolling mean.
 */
void
bc_pain_chart_data_set_days (BcPainChartData *self,
                             const BcPainDay *days,
                             guint            n_days)
{
  g_autoptr(GArray) rolling = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  g_array_set_size (self->days, 0);
  g_array_set_size (self->numbers, 0);
  g_array_set_size (self->x, 0);
  g_array_set_size (self->means, 0);
  g_array_set_size (self->mins, 0);
  g_array_set_size (self->maxs, 0);
  self->any_red_flag = FALSE;

  for (guint i = 0; i < n_days; i++)
    {
      guint32 number = bc_day_to_number (days[i].day);
      double x = number + 0.5, mean = days[i].mean, min = days[i].min, max = days[i].max;

      /* Oldest first with valid days only: decimation needs x ascending. */
      if (number == 0 ||
          (self->numbers->len > 0 &&
           number <= g_array_index (self->numbers, guint32, self->numbers->len - 1)))
        continue;

      g_array_append_val (self->days, days[i]);
      g_array_append_val (self->numbers, number);
      g_array_append_val (self->x, x);
      g_array_append_val (self->means, mean);
      g_array_append_val (self->mins, min);
      g_array_append_val (self->maxs, max);
      self->any_red_flag |= days[i].red_flag;
    }

  rolling = bc_pain_stats_rolling_mean ((const BcPainDay *)(gpointer)self->days->data,
                                        self->days->len, ROLLING_DAYS);
  g_array_set_size (self->rolling, 0);
  g_array_append_vals (self->rolling, rolling->data, rolling->len);

  if (self->loaded_first == 0 && self->numbers->len > 0)
    {
      self->loaded_first = g_array_index (self->numbers, guint32, 0);
      self->loaded_last = g_array_index (self->numbers, guint32, self->numbers->len - 1);
    }
}

void
bc_pain_chart_data_set_adherence (BcPainChartData      *self,
                                  const BcAdherenceDay *days,
                                  guint                 n_days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  g_array_set_size (self->adherence, 0);
  g_array_set_size (self->adherence_x, 0);
  g_array_set_size (self->adherence_y, 0);

  for (guint i = 0; i < n_days; i++)
    {
      AdherencePoint point = { bc_day_to_number (days[i].day), NAN, days[i].due, days[i].done,
                               days[i].extra };
      double x = point.number + 0.5;

      if (point.number == 0 || (point.due == 0 && point.extra == 0))
        continue;
      if (self->adherence->len > 0 &&
          point.number <= g_array_index (self->adherence, AdherencePoint,
                                         self->adherence->len - 1).number)
        continue;

      point.fraction = point.due > 0 ? (double)point.done / point.due : 1.0;
      g_array_append_val (self->adherence, point);
      g_array_append_val (self->adherence_x, x);
      g_array_append_val (self->adherence_y, point.fraction);
    }
}

void
bc_pain_chart_data_set_psfs (BcPainChartData *self,
                             const BcPsfsDay *days,
                             guint            n_days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (days != NULL || n_days == 0);

  g_array_set_size (self->psfs, 0);
  g_array_set_size (self->psfs_x, 0);

  for (guint i = 0; i < n_days; i++)
    {
      double x = bc_day_to_number (days[i].day) + 0.5;

      if (x < 1 || isnan (days[i].mean))
        continue;

      g_array_append_val (self->psfs, days[i]);
      g_array_append_val (self->psfs_x, x);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return da < db ? -1 : da > db;
}

/**
 * bc_pain_chart_data_set_appointments:
 * @times: (array length=n_times): unix times of massage appointments
 *
 * Marks appointments on the time axis. Once called, loading no longer
 * reads appointments from the database: the caller owns them.
 */
void
bc_pain_chart_data_set_appointments (BcPainChartData *self,
                                     const gint64    *times,
                                     guint            n_times)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (times != NULL || n_times == 0);

  g_array_set_size (self->appointments, 0);
  for (guint i = 0; i < n_times; i++)
    {
      double day = bc_day_number_of_time (times[i]);

      if (day > 0)
        g_array_append_val (self->appointments, day);
    }
  g_array_sort (self->appointments, compare_doubles);
  self->appointments_given = TRUE;
}

/**
 * bc_pain_chart_data_load:
 * @plan: (nullable): the plan whose schedule adherence is measured by
 *
 * Reads the per-day aggregates of [@first_day, @last_day] from SQL:
 * pain, PSFS, exercise adherence and, when the database has them and
 * the caller set none, appointments.
 */
gboolean
bc_pain_chart_data_load (BcPainChartData  *self,
                         BcDatabase       *db,
                         gint64            profile_id,
                         BcPlan           *plan,
                         guint32           first_day,
                         guint32           last_day,
                         GError          **error)
{
  g_autofree char *first = bc_day_from_number (first_day);
  g_autofree char *last = bc_day_from_number (last_day);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) psfs = NULL;
  g_autoptr(GArray) adherence = NULL;
  g_autoptr(GArray) marks = NULL;
  guint32 adherence_first, adherence_last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL && first_day <= last_day, FALSE);

  if ((days = bc_pain_store_daily (db, profile_id, first, last, error)) == NULL ||
      (psfs = bc_psfs_daily (db, profile_id, first, last, error)) == NULL)
    return FALSE;

  /* Exercises due after today are not missed yet. */
  adherence_last = MIN (last_day, bc_day_number_today ());
  adherence_first = MAX (first_day, adherence_last - MIN (adherence_last, 366 * 30 - 1));
  if (adherence_first <= adherence_last)
    {
      g_autofree char *from = bc_day_from_number (adherence_first);
      g_autofree char *to = bc_day_from_number (adherence_last);

      adherence = bc_adherence_daily (db, profile_id, plan, from, to, error);
      if (adherence == NULL)
        return FALSE;
    }

  if (!self->appointments_given)
    {
      marks = bc_appointments_list_marks (db, profile_id, first, last, error);
      if (marks == NULL)
        return FALSE;
    }

  self->loaded_first = first_day;
  self->loaded_last = last_day;
  bc_pain_chart_data_set_days (self, (const BcPainDay *)(gpointer)days->data, days->len);
  bc_pain_chart_data_set_psfs (self, (const BcPsfsDay *)(gpointer)psfs->data, psfs->len);
  if (adherence != NULL)
    bc_pain_chart_data_set_adherence (self, (const BcAdherenceDay *)(gpointer)adherence->data,
                                      adherence->len);
  else
    bc_pain_chart_data_set_adherence (self, NULL, 0);

  if (marks != NULL)
    {
      g_array_set_size (self->appointments, 0);
      for (guint i = 0; i < marks->len; i++)
        {
          double day = bc_day_number_of_time (g_array_index (marks, BcAppointmentMark, i).time);

          g_array_append_val (self->appointments, day);
        }
    }

  return TRUE;
}

/* Loading in a worker thread: ten years of hourly entries take longer
 * to aggregate than a frame lasts. The worker reads through a
 * connection of its own, which sqlite's WAL lets read while the
 * window's connection writes.
 */

typedef struct
{
  char    *data_dir;
  gint64   profile_id;
  BcPlan  *plan;
  GArray  *appointments;
  guint32  first;
  guint32  last;
} LoadRequest;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->data_dir);
  g_clear_object (&request->plan);
  g_clear_pointer (&request->appointments, g_array_unref);
  g_free (request);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(BcPainChartData) data = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = bc_database_open (request->data_dir, &error);
  data = bc_pain_chart_data_new ();
  if (request->appointments != NULL)
    bc_pain_chart_data_set_appointments (data,
                                         (const gint64 *)(gpointer)request->appointments->data,
                                         request->appointments->len);

  if (db == NULL ||
      !bc_pain_chart_data_load (data, db, request->profile_id, request->plan, request->first,
                                request->last, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&data),
                           (GDestroyNotify)bc_pain_chart_data_free);
}

/**
 * bc_pain_chart_data_load_async:
 * @data_dir: the folder of the database to read
 * @plan: (nullable): the plan whose schedule adherence is measured by;
 *   copied, so the caller may go on changing it
 * @appointments: (nullable) (element-type gint64): appointment times
 *   to mark instead of those in the database
 *
 * bc_pain_chart_data_load () in a worker thread, into new data.
 */
void
bc_pain_chart_data_load_async (const char          *data_dir,
                               gint64               profile_id,
                               BcPlan              *plan,
                               GArray              *appointments,
                               guint32              first_day,
                               guint32              last_day,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (plan == NULL || BC_IS_PLAN (plan));

  request->data_dir = g_strdup (data_dir);
  request->profile_id = profile_id;
  request->plan = plan != NULL ? bc_plan_copy (plan) : NULL;
  request->appointments = appointments != NULL ? g_array_ref (appointments) : NULL;
  request->first = first_day;
  request->last = last_day;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bc_pain_chart_data_load_async);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * bc_pain_chart_data_load_finish:
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
BcPainChartData *
bc_pain_chart_data_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The days loaded, with or without entries. */
void
bc_pain_chart_data_get_loaded (BcPainChartData *self,
                               guint32         *out_first,
                               guint32         *out_last)
{
  g_return_if_fail (self != NULL);

  *out_first = self->loaded_first;
  *out_last = self->loaded_last;
}

/* The first and last loaded day with entries. */
gboolean
bc_pain_chart_data_get_extent (BcPainChartData *self,
                               guint32         *out_first,
                               guint32         *out_last)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->numbers->len == 0)
    return FALSE;

  *out_first = g_array_index (self->numbers, guint32, 0);
  *out_last = g_array_index (self->numbers, guint32, self->numbers->len - 1);
  return TRUE;
}

/* Index of the first value >= @value in @values, sorted ascending. */
guint
bc_pain_chart_lower_bound (const double *values,
                           guint         n,
                           double        value)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (values[mid] < value)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gint
find_day (GArray  *x,
          guint32  number)
{
  guint i = bc_pain_chart_lower_bound ((const double *)(gpointer)x->data, x->len, number);

  if (i < x->len && (guint32)g_array_index (x, double, i) == number)
    return (gint)i;

  return -1;
}

const BcPainDay *
bc_pain_chart_data_lookup (BcPainChartData *self,
                           guint32          day)
{
  gint i;

  g_return_val_if_fail (self != NULL, NULL);

  i = find_day (self->x, day);
  return i >= 0 ? &g_array_index (self->days, BcPainDay, i) : NULL;
}

/* Compares the @window_days ending on @last_day with those before. */
void
bc_pain_chart_data_compare (BcPainChartData *self,
                            guint32          last_day,
                            guint            window_days,
                            BcPainChange    *out_change)
{
  g_autofree char *last = bc_day_from_number (last_day);

  g_return_if_fail (self != NULL);

  bc_pain_stats_compare_windows ((const BcPainDay *)(gpointer)self->days->data, self->days->len,
                                 last, window_days, out_change);
}

/* The whole days in @view. */
void
bc_pain_chart_view_get_days (const BcPainChartView *view,
                             guint32               *out_first,
                             guint32               *out_last,
                             guint                 *out_n_days)
{
  guint32 first = (guint32)ceil (view->start - 0.001);
  guint32 last = (guint32)floor (view->start + view->span + 0.001) - 1;

  if (last < first)
    last = first;

  *out_first = first;
  *out_last = last;
  *out_n_days = last - first + 1;
}

/**
 * bc_pain_chart_data_describe_range:
 *
 * The average pain over the days in @view and how it compares with as
 * many days before them.
 *
 * Returns: (transfer full): one sentence
 */
char *
bc_pain_chart_data_describe_range (BcPainChartData       *self,
                                   const BcPainChartView *view)
{
  BcPainChange change;
  guint32 first, last;
  guint n_days;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  bc_pain_chart_view_get_days (view, &first, &last, &n_days);
  bc_pain_chart_data_compare (self, last, n_days, &change);

  if (change.days_after == 0)
    return g_strdup_printf (ngettext ("No pain logged in the day shown.",
                                      "No pain logged in the %u days shown.", n_days),
                            n_days);
  if (change.days_before == 0)
    return g_strdup_printf (ngettext ("Average pain %.1f on the day shown.",
                                      "Average pain %.1f over the %u days shown.", n_days),
                            change.after, n_days);
  if (fabs (change.change) < 0.05)
    return g_strdup_printf (ngettext ("Average pain %.1f, the same as the day before.",
                                      "Average pain %.1f, the same as the previous %u days.",
                                      n_days),
                            change.after, n_days);
  if (change.change < 0)
    return g_strdup_printf (ngettext ("Average pain %.1f, down %.1f from the day before.",
                                      "Average pain %.1f, down %.1f from the previous %u days.",
                                      n_days),
                            change.after, -change.change, n_days);

  return g_strdup_printf (ngettext ("Average pain %.1f, up %.1f from the day before.",
                                    "Average pain %.1f, up %.1f from the previous %u days.",
                                    n_days),
                          change.after, change.change, n_days);
}

/**
 * bc_pain_chart_data_describe_change:
 * @out_change: (out) (optional): the comparison
 *
 * A sentence on a clinically important change (at least 2 points or
 * 30 %) between the four weeks ending on @last_day and the four weeks
 * before them.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when the
 *   change is not clinically important
 */
char *
bc_pain_chart_data_describe_change (BcPainChartData *self,
                                    guint32          last_day,
                                    BcPainChange    *out_change)
{
  BcPainChange change;

  g_return_val_if_fail (self != NULL, NULL);

  bc_pain_chart_data_compare (self, last_day, BC_PAIN_CHART_CHANGE_WINDOW_DAYS, &change);
  if (out_change != NULL)
    *out_change = change;

  if (!change.important)
    return NULL;

  if (change.change < 0)
    return g_strdup_printf (_("Clinically important change: pain %.1f points lower in the last "
                              "4 weeks than in the 4 weeks before."), -change.change);

  return g_strdup_printf (_("Clinically important change: pain %.1f points higher in the last "
                            "4 weeks than in the 4 weeks before."), change.change);
}

/**
 * bc_pain_chart_data_describe:
 *
 * A summary of the days in @view for people who cannot see the chart
 * (the widget's accessible description): the average pain, how it
 * compares with as many days before, and a clinically important change
 * over the last four weeks.
 *
 * Returns: (transfer full): the summary
 */
char *
bc_pain_chart_data_describe (BcPainChartData       *self,
                             const BcPainChartView *view)
{
  g_autofree char *summary = NULL;
  g_autofree char *important = NULL;
  guint32 first, last;
  guint n_days;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  bc_pain_chart_view_get_days (view, &first, &last, &n_days);
  summary = bc_pain_chart_data_describe_range (self, view);
  important = bc_pain_chart_data_describe_change (self, last, NULL);

  return important != NULL ? g_strconcat (summary, " ", important, NULL)
                           : g_steal_pointer (&summary);
}

char *
bc_pain_chart_format_day (guint32     number,
                          const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid_julian (number))
    return g_strdup ("");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  return time != NULL ? g_date_time_format (time, format) : g_strdup ("");
}

/**
 * bc_pain_chart_data_describe_day:
 *
 * The values of one day, a line each: what the tooltip and the
 * keyboard callout show.
 *
 * Returns: (transfer full): the text
 */
char *
bc_pain_chart_data_describe_day (BcPainChartData *self,
                                 guint32          day)
{
  g_autoptr(GString) text = g_string_new (NULL);
  /* Translators: the day in the chart's tooltip, see strftime */
  g_autofree char *date = bc_pain_chart_format_day (day, _("%A %-d %B %Y"));
  gint i;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append (text, date);

  i = find_day (self->x, day);
  if (i >= 0)
    {
      const BcPainDay *pain = &g_array_index (self->days, BcPainDay, i);
      double rolling = g_array_index (self->rolling, double, i);

      g_string_append_c (text, '\n');
      if (pain->count == 1)
        g_string_append_printf (text, _("Pain %d (1 entry)"), pain->min);
      else
        g_string_append_printf (text, g_dngettext (NULL,
                                                   "Pain %.1f on average, %d to %d (%u entry)",
                                                   "Pain %.1f on average, %d to %d (%u entries)",
                                                   pain->count),
                                pain->mean, pain->min, pain->max, pain->count);
      if (!isnan (rolling))
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("7-day average %.1f"), rolling);
        }
      if (pain->red_flag)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, _("Numbness, tingling or radiating pain logged"));
        }
    }
  else
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("No pain logged"));
    }

  i = find_day (self->adherence_x, day);
  if (i >= 0)
    {
      const AdherencePoint *point = &g_array_index (self->adherence, AdherencePoint, i);

      g_string_append_c (text, '\n');
      if (point->due > 0)
        g_string_append_printf (text, ngettext ("Exercises: %u of %u done",
                                                   "Exercises: %u of %u done", point->due),
                                point->done, point->due);
      else
        g_string_append_printf (text, ngettext ("Exercises: %u done, none due",
                                                   "Exercises: %u done, none due", point->extra),
                                point->extra);
    }

  i = find_day (self->psfs_x, day);
  if (i >= 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Function (PSFS) %.1f"),
                              g_array_index (self->psfs, BcPsfsDay, i).mean);
    }

  for (guint a = 0; a < self->appointments->len; a++)
    {
      if ((guint32)g_array_index (self->appointments, double, a) == day)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, _("Massage appointment"));
          break;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
