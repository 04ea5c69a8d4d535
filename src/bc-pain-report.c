/* bc-pain-report.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bc-exercise-catalog.h"
#include "bc-headless.h"
#include "bc-pain-chart-renderer.h"
#include "bc-pain-report.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"

/* The clinician report: a few pages a physiotherapist or doctor can
 * read in a minute. Laid out with Pango and drawn with cairo in points
 * as the printed plan is (bc-plan-layout.c), with no display and no
 * GTK; the chart is the very drawing the window shows.
 *
 * The report is a list of blocks (headings, paragraphs, the chart,
 * table rows) that are never split. A table that runs onto another
 * page repeats its header row there, and a heading always stays with
 * what follows it.
 */

#define PAGE_MARGIN BC_PLAN_LAYOUT_PAGE_MARGIN
#define FOOTER_HEIGHT 34.0
#define CHART_HEIGHT 236.0
#define CELL_PADDING 3.0
#define FONT "Cantarell, DejaVu Sans"

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  PangoLayout  *layout;         /* BLOCK_TEXT */
  GPtrArray    *cells;          /* BLOCK_ROW: PangoLayout, one per column */
  const double *columns;        /* BLOCK_ROW: column widths as shares */
  gboolean      header_row;     /* BLOCK_ROW: a table's header */
  int           header;         /* BLOCK_ROW: index of its table's header, or -1 */
  gboolean      keep_with_next;
  double        space_before;
  double        height;
  double        red;            /* text colour */
  double        green;
  double        blue;
} Block;

typedef struct
{
  guint  block;
  guint  page;
  double y;
} Placement;

struct _BcPainReport
{
  GObject           parent_instance;

  char             *patient;
  guint32           first;
  guint32           last;
  GDateTime        *printed_at;
  BcPlan           *plan;
  BcExerciseCatalog *catalog;
  BcPainChartData  *chart;
  GArray           *days;          /* BcPainDay in the range */
  GArray           *adherence;     /* BcAdherenceDay, up to today */
  GArray           *appointments;  /* BcAppointmentMark */
  GPtrArray        *red_flags;     /* BcPainEntry */
  guint             n_red_flags;   /* all of them, listed or not */
  GPtrArray        *activities;    /* BcPsfsActivity */
  GArray           *psfs;          /* BcPsfsDay */

  PangoContext     *context;
  double            width;
  double            height;
  GArray           *blocks;
  GArray           *placements;
  guint             n_pages;
};

G_DEFINE_FINAL_TYPE (BcPainReport, bc_pain_report, G_TYPE_OBJECT)

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
}

static void
bc_pain_report_finalize (GObject *object)
{
  BcPainReport *self = (BcPainReport *)object;

  g_free (self->patient);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->chart, bc_pain_chart_data_free);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->adherence, g_array_unref);
  g_clear_pointer (&self->appointments, g_array_unref);
  g_clear_pointer (&self->red_flags, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->psfs, g_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (bc_pain_report_parent_class)->finalize (object);
}

static void
bc_pain_report_class_init (BcPainReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_pain_report_finalize;
}

static void
bc_pain_report_init (BcPainReport *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As for the printed plan: 72 dpi and no hinting, so a Pango unit is
   * a point on every surface.
   */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
}

/* Loading */

static gboolean
collect_red_flag_cb (const BcPainEntry  *entry,
                     gpointer            user_data,
                     GError            **error)
{
  BcPainReport *self = user_data;

  if (!bc_pain_entry_has_red_flag (entry))
    return TRUE;

  self->n_red_flags++;
  if (self->red_flags->len < BC_PAIN_REPORT_MAX_RED_FLAGS)
    g_ptr_array_add (self->red_flags, bc_pain_entry_copy (entry));

  return TRUE;
}

/**
 * bc_pain_report_new:
 * @first_day: the first local day reported, YYYY-MM-DD
 * @last_day: the last one, inclusive
 * @printed_at: (nullable): the date in the footer; %NULL for now
 *
 * Reads everything the report shows for @profile_id.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
BcPainReport *
bc_pain_report_new (BcDatabase  *db,
                    gint64       profile_id,
                    const char  *first_day,
                    const char  *last_day,
                    GDateTime   *printed_at,
                    GError     **error)
{
  g_autoptr(BcPainReport) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *adherence_last = NULL;
  guint32 first = bc_day_to_number (first_day);
  guint32 last = bc_day_to_number (last_day);

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (first == 0 || last == 0 || last < first)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” to “%s” is not a range of days."), first_day ? first_day : "",
                   last_day ? last_day : "");
      return NULL;
    }

  self = g_object_new (BC_TYPE_PAIN_REPORT, NULL);
  self->first = first;
  self->last = last;
  self->printed_at = printed_at ? g_date_time_ref (printed_at) : g_date_time_new_now_local ();

  self->patient = bc_profile_store_get_name (db, profile_id);
  if (self->patient == NULL)
    {
      g_set_error_literal (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_NOT_FOUND,
                           _("The profile of this report no longer exists."));
      return NULL;
    }

  self->plan = bc_plan_store_load_active (db, profile_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self->catalog = bc_exercise_catalog_new (db, error);
  if (self->catalog == NULL)
    return NULL;

  /* The chart looks back before the range for its rolling average and
   * the comparison with the weeks before.
   */
  self->chart = bc_pain_chart_data_new ();
  if (!bc_pain_chart_data_load (self->chart, db, profile_id, self->plan, first - 63, last, error))
    return NULL;

  self->days = bc_pain_store_daily (db, profile_id, first_day, last_day, error);
  if (self->days == NULL)
    return NULL;

  /* Exercises due after today are not missed yet. */
  adherence_last = bc_day_from_number (MIN (last, MAX (bc_day_number_today (), first)));
  self->adherence = bc_adherence_daily (db, profile_id, self->plan, first_day, adherence_last,
                                        error);
  if (self->adherence == NULL)
    return NULL;

  self->appointments = bc_appointments_list_marks (db, profile_id, first_day, last_day, error);
  if (self->appointments == NULL)
    return NULL;

  self->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_pain_entry_free);
  if (!bc_pain_store_foreach (db, profile_id, first_day, last_day, collect_red_flag_cb, self,
                              error))
    return NULL;

  self->activities = bc_psfs_list_activities (db, profile_id, error);
  if (self->activities == NULL)
    return NULL;

  self->psfs = bc_psfs_daily (db, profile_id, first_day, last_day, error);
  if (self->psfs == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* Text */

static PangoLayout *
text_layout (BcPainReport *self,
             const char   *text,
             const char   *font,
             double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static char *
format_day (guint32 number)
{
  /* Translators: a date in the pain report, see strftime */
  return bc_pain_chart_format_day (number, _("%-d %B %Y"));
}

static char *
format_short_day (guint32 number)
{
  /* Translators: a short date in the pain report's tables, see strftime */
  return bc_pain_chart_format_day (number, _("%-d %b %Y"));
}

static char *
format_pain (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.1f", value);
}

/* Blocks */

static Block *
add_block (BcPainReport *self,
           BlockKind     kind,
           double        space_before)
{
  Block block = { 0, };

  block.kind = kind;
  block.space_before = space_before;
  block.header = -1;
  block.red = block.green = block.blue = 0.1;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static void
add_text (BcPainReport *self,
          const char   *text,
          const char   *font,
          double        space_before)
{
  Block *block = add_block (self, BLOCK_TEXT, space_before);

  block->layout = text_layout (self, text, font, self->width);
  block->height = layout_height (block->layout);
}

static void
add_heading (BcPainReport *self,
             const char   *text)
{
  Block *block = add_block (self, BLOCK_TEXT, 16);

  block->layout = text_layout (self, text, FONT " Bold 12.5", self->width);
  block->height = layout_height (block->layout) + 3;
  block->keep_with_next = TRUE;
}

static void
add_note (BcPainReport *self,
          const char   *text)
{
  Block *block = add_block (self, BLOCK_TEXT, 2);

  block->layout = text_layout (self, text, FONT " 9.5", self->width);
  block->height = layout_height (block->layout);
  block->red = block->green = block->blue = 0.3;
}

/* A table row; @header is the index of its table's header row. */
static int
add_row (BcPainReport       *self,
         const double       *columns,
         const char * const *cells,
         gboolean            header_row,
         int                 header)
{
  Block *block = add_block (self, BLOCK_ROW, header_row ? 6 : 0);

  block->columns = columns;
  block->header_row = header_row;
  block->header = header;
  block->cells = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      double width = columns[i] * self->width - 2 * CELL_PADDING;
      PangoLayout *layout = text_layout (self, cells[i],
                                         header_row ? FONT " Bold 9" : FONT " 9", width);

      g_ptr_array_add (block->cells, layout);
      block->height = MAX (block->height, layout_height (layout) + 2 * CELL_PADDING);
    }

  return (int)self->blocks->len - 1;
}

/* Sections */

static void
build_title (BcPainReport *self)
{
  g_autofree char *first = format_day (self->first);
  g_autofree char *last = format_day (self->last);
  g_autofree char *patient = g_strdup_printf (_("Patient: %s"), self->patient);
  guint n_days = self->last - self->first + 1;
  g_autofree char *period = g_strdup_printf (ngettext ("%s to %s (%u day)",
                                                       "%s to %s (%u days)", n_days),
                                             first, last, n_days);
  guint n_entries = 0;

  for (guint i = 0; i < self->days->len; i++)
    n_entries += g_array_index (self->days, BcPainDay, i).count;

  add_text (self, _("Pain Report"), FONT " Bold 20", 0);
  add_text (self, patient, FONT " Bold 12", 4);
  add_text (self, period, FONT " 10.5", 2);

  if (n_entries > 0)
    {
      BcPainChartView view = { self->first, n_days, 0, FALSE };
      g_autofree char *summary = bc_pain_chart_data_describe (self->chart, &view);
      g_autofree char *logged = g_strdup_printf (ngettext ("%u entry on %u of the days.",
                                                           "%u entries on %u of the days.",
                                                           n_entries),
                                                 n_entries, self->days->len);
      g_autofree char *flags = NULL;
      g_autofree char *text = NULL;

      /* Nerve symptoms come first to a clinician's eye, not last. */
      if (self->n_red_flags > 0)
        flags = g_strdup_printf (ngettext ("Nerve symptoms were logged %u time: see “Nerve "
                                           "Symptoms” below.",
                                           "Nerve symptoms were logged %u times: see “Nerve "
                                           "Symptoms” below.", self->n_red_flags),
                                 self->n_red_flags);
      text = g_strjoin (" ", summary, logged, flags, NULL);
      add_text (self, text, FONT " 10.5", 8);
    }
  else
    add_text (self, _("No pain was logged in this period."), FONT " 10.5", 8);
}

static void
build_chart (BcPainReport *self)
{
  Block *block;

  add_heading (self, _("Pain, Day by Day"));
  block = add_block (self, BLOCK_CHART, 6);

  block->height = CHART_HEIGHT;
}

static void
build_plan (BcPainReport *self)
{
  GListModel *items;
  guint n_items;

  add_heading (self, _("Exercise Plan"));

  if (self->plan == NULL)
    {
      add_note (self, _("No exercise plan."));
      return;
    }

  {
    const char *clinician = bc_plan_get_clinician (self->plan);
    g_autofree char *title = g_strdup_printf (_("“%s”, by %s"), bc_plan_get_title (self->plan),
                                              clinician[0] != '\0' ? clinician : "—");

    add_text (self, title, FONT " 10.5", 2);
  }

  items = G_LIST_MODEL (bc_plan_get_items (self->plan));
  n_items = g_list_model_get_n_items (items);
  if (n_items == 0)
    add_note (self, _("The plan has no exercises."));

  for (guint i = 0; i < n_items; i++)
    {
      static const double columns[] = { 0.36, 0.64 };
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcExercise *exercise = bc_exercise_catalog_lookup (self->catalog,
                                                         bc_plan_item_get_exercise_ref (item));
      g_autofree char *dosage = bc_dosage_format_words (bc_plan_item_get_dosage (item),
                                                        exercise != NULL &&
                                                        bc_exercise_get_per_side (exercise));
      const char *cells[] = {
        exercise != NULL ? bc_exercise_get_name (exercise) : bc_plan_item_get_exercise_ref (item),
        dosage, NULL,
      };

      add_row (self, columns, cells, FALSE, -1);
    }
}

static void
build_adherence (BcPainReport *self)
{
  g_autofree char *text = NULL;
  guint due, done;

  add_heading (self, _("Exercise Adherence"));

  if (!bc_adherence_total ((const BcAdherenceDay *)(gpointer)self->adherence->data,
                           self->adherence->len, &due, &done))
    {
      add_note (self, _("No exercises were due in this period."));
      return;
    }

  /* Translators: the first number is a percentage */
  text = g_strdup_printf (ngettext ("%.0f %% of the exercises due were done (%u of %u).",
                                    "%.0f %% of the exercises due were done (%u of %u).", due),
                          100.0 * done / due, done, due);
  add_text (self, text, FONT " 10.5", 2);
}

static void
build_weeks (BcPainReport *self)
{
  static const double columns[] = { 0.34, 0.13, 0.13, 0.13, 0.12, 0.15 };
  const char *titles[] = {
    _("Week"), _("Average"), _("Lowest"), _("Highest"), _("Days logged"), _("Exercises"), NULL,
  };
  GDate date;
  guint32 week;
  guint d = 0, a = 0;
  int header;

  add_heading (self, _("Weekly Averages"));
  header = add_row (self, columns, titles, TRUE, -1);

  /* Weeks start on Monday; the first and last may be partial. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->first);
  week = self->first - (g_date_get_weekday (&date) - G_DATE_MONDAY);

  for (; week <= self->last; week += 7)
    {
      guint32 from = MAX (week, self->first), to = MIN (week + 6, self->last);
      g_autofree char *from_text = format_short_day (from);
      g_autofree char *to_text = format_short_day (to);
      g_autofree char *label = g_strdup_printf ("%s – %s", from_text, to_text);
      g_autofree char *mean = NULL, *low = NULL, *high = NULL, *logged = NULL, *share = NULL;
      double sum = 0;
      int min = G_MAXINT, max = G_MININT;
      guint n = 0, due = 0, done = 0;

      for (; d < self->days->len; d++)
        {
          const BcPainDay *day = &g_array_index (self->days, BcPainDay, d);
          guint32 number = bc_day_to_number (day->day);

          if (number > to)
            break;
          sum += day->mean;
          min = MIN (min, day->min);
          max = MAX (max, day->max);
          n++;
        }

      for (; a < self->adherence->len; a++)
        {
          const BcAdherenceDay *day = &g_array_index (self->adherence, BcAdherenceDay, a);

          if (bc_day_to_number (day->day) > to)
            break;
          due += day->due;
          done += day->done;
        }

      mean = format_pain (n > 0 ? sum / n : NAN);
      low = n > 0 ? g_strdup_printf ("%d", min) : g_strdup ("—");
      high = n > 0 ? g_strdup_printf ("%d", max) : g_strdup ("—");
      /* Translators: days with entries of the days in a week */
      logged = g_strdup_printf (_("%u of %u"), n, to - from + 1);
      share = due > 0 ? g_strdup_printf ("%.0f %%", 100.0 * done / due) : g_strdup ("—");

      {
        const char *cells[] = { label, mean, low, high, logged, share, NULL };

        add_row (self, columns, cells, FALSE, header);
      }
    }
}

static void
build_appointments (BcPainReport *self)
{
  static const double columns[] = { 0.30, 0.28, 0.14, 0.14, 0.14 };
  const char *titles[] = {
    _("Date"), _("Massage"), _("Pain before"), _("Pain after"), _("Change"), NULL,
  };
  int header;

  add_heading (self, _("Massage Appointments"));

  if (self->appointments->len == 0)
    {
      add_note (self, _("No appointments recorded"));
      return;
    }

  header = add_row (self, columns, titles, TRUE, -1);
  for (guint i = 0; i < self->appointments->len; i++)
    {
      const BcAppointmentMark *mark = &g_array_index (self->appointments, BcAppointmentMark, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (mark->time);
      /* Translators: an appointment's date and time, see strftime */
      g_autofree char *when = time != NULL ? g_date_time_format (time, _("%-d %b %Y, %H:%M"))
                                           : g_strdup ("—");
      g_autofree char *before = mark->pain_before >= 0 ? g_strdup_printf ("%d", mark->pain_before)
                                                       : g_strdup ("—");
      g_autofree char *after = mark->pain_after >= 0 ? g_strdup_printf ("%d", mark->pain_after)
                                                     : g_strdup ("—");
      g_autofree char *change = mark->pain_before >= 0 && mark->pain_after >= 0
                                ? g_strdup_printf ("%+d", mark->pain_after - mark->pain_before)
                                : g_strdup ("—");
      const char *cells[] = {
        when, mark->label != NULL ? mark->label : "—", before, after, change, NULL,
      };

      add_row (self, columns, cells, FALSE, header);
    }
}

static char *
symptoms_text (const BcPainEntry *entry)
{
  const char *parts[4] = { NULL, };
  guint n = 0;

  if (entry->numbness)
    parts[n++] = _("numbness");
  if (entry->tingling)
    parts[n++] = _("tingling");
  if (entry->radiating)
    parts[n++] = _("radiating pain");

  return g_strjoinv (", ", (char **)parts);
}

static void
build_red_flags (BcPainReport *self)
{
  static const double columns[] = { 0.24, 0.08, 0.28, 0.40 };
  const char *titles[] = { _("Date and time"), _("Pain"), _("Symptoms"), _("Note"), NULL };
  int header;

  add_heading (self, _("Nerve Symptoms (Red Flags)"));

  if (self->n_red_flags == 0)
    {
      add_note (self, _("No numbness, tingling or radiating pain was logged in this period."));
      return;
    }

  add_note (self, _("Numbness, tingling or pain radiating down a leg or an arm should be checked "
                    "by a doctor."));
  header = add_row (self, columns, titles, TRUE, -1);

  for (guint i = 0; i < self->red_flags->len; i++)
    {
      const BcPainEntry *entry = g_ptr_array_index (self->red_flags, i);
      g_autoptr(GDateTime) time = bc_pain_entry_dup_date_time (entry);
      /* Translators: an entry's date and time, see strftime */
      g_autofree char *when = time != NULL ? g_date_time_format (time, _("%-d %b %Y, %H:%M"))
                                           : g_strdup ("—");
      g_autofree char *pain = g_strdup_printf ("%d", entry->intensity);
      g_autofree char *symptoms = symptoms_text (entry);
      const char *cells[] = { when, pain, symptoms, entry->note ? entry->note : "", NULL };

      add_row (self, columns, cells, FALSE, header);
    }

  if (self->n_red_flags > self->red_flags->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more entry.",
                                                         "And %u more entries.",
                                                         self->n_red_flags - self->red_flags->len),
                                               self->n_red_flags - self->red_flags->len);

      add_note (self, more);
    }
}

static void
build_psfs (BcPainReport *self)
{
  static const double columns[] = { 0.30, 0.14, 0.16, 0.40 };
  const char *titles[] = { _("Date"), _("Score"), _("Activities"), _("Change since the first"),
                           NULL };
  g_autoptr(GString) names = g_string_new (NULL);
  double first_mean = NAN;
  int header;

  add_heading (self, _("Function (Patient-Specific Functional Scale)"));

  for (guint i = 0; i < self->activities->len; i++)
    {
      const BcPsfsActivity *activity = g_ptr_array_index (self->activities, i);

      if (names->len > 0)
        g_string_append (names, "; ");
      if (activity->latest >= 0)
        g_string_append_printf (names, "%s (%.0f)", activity->name, activity->latest);
      else
        g_string_append (names, activity->name);
    }

  if (names->len > 0)
    {
      /* Translators: followed by the activities and their latest score */
      g_autofree char *text = g_strdup_printf (_("Activities (0 unable, 10 as before the "
                                                 "problem): %s"), names->str);

      add_text (self, text, FONT " 10", 2);
    }

  if (self->psfs->len == 0)
    {
      add_note (self, _("No PSFS scores in this period."));
      return;
    }

  header = add_row (self, columns, titles, TRUE, -1);
  for (guint i = 0; i < self->psfs->len; i++)
    {
      const BcPsfsDay *day = &g_array_index (self->psfs, BcPsfsDay, i);
      g_autofree char *date = format_short_day (bc_day_to_number (day->day));
      g_autofree char *score = format_pain (day->mean);
      g_autofree char *count = g_strdup_printf ("%u", day->count);
      g_autofree char *change = NULL;

      if (i == 0)
        {
          first_mean = day->mean;
          change = g_strdup ("—");
        }
      else if (bc_psfs_change_is_important (first_mean, day->mean))
        change = g_strdup_printf (_("%+.1f, clinically important"), day->mean - first_mean);
      else
        change = g_strdup_printf ("%+.1f", day->mean - first_mean);

      {
        const char *cells[] = { date, score, count, change, NULL };

        add_row (self, columns, cells, FALSE, header);
      }
    }
}

/* Pagination */

static void
place (BcPainReport *self,
       guint         block,
       guint         page,
       double        y)
{
  Placement placement = { block, page, y };

  g_array_append_val (self->placements, placement);
}

static double
block_extent (BcPainReport *self,
              guint         i,
              gboolean      page_top)
{
  const Block *block = &g_array_index (self->blocks, Block, i);

  return (page_top ? 0 : block->space_before) + block->height;
}

/**
 * bc_pain_report_paginate:
 * @width: the printable width in points
 * @height: the printable height in points, footer included
 */
void
bc_pain_report_paginate (BcPainReport *self,
                         double        width,
                         double        height)
{
  double content, y = 0;
  guint page = 0;

  g_return_if_fail (BC_IS_PAIN_REPORT (self));

  self->width = width;
  self->height = height;
  g_array_set_size (self->blocks, 0);
  g_array_set_size (self->placements, 0);
  content = height - FOOTER_HEIGHT;

  build_title (self);
  build_plan (self);
  build_chart (self);
  build_weeks (self);
  build_adherence (self);
  build_appointments (self);
  build_red_flags (self);
  build_psfs (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      double need = block_extent (self, i, y == 0);

      /* A heading moves on with the block after it. */
      if (block->keep_with_next && i + 1 < self->blocks->len)
        need += block_extent (self, i + 1, FALSE);

      if (y > 0 && y + need > content)
        {
          page++;
          y = 0;

          /* A table's rows on a new page get its header again. */
          if (block->kind == BLOCK_ROW && block->header >= 0)
            {
              place (self, block->header, page, y);
              y += g_array_index (self->blocks, Block, block->header).height;
            }
        }

      if (y > 0)
        y += block->space_before;
      place (self, i, page, y);
      y += block->height;
    }

  self->n_pages = page + 1;
}

guint
bc_pain_report_get_n_pages (BcPainReport *self)
{
  g_return_val_if_fail (BC_IS_PAIN_REPORT (self), 0);

  return self->n_pages;
}

/* Drawing */

static void
draw_row (BcPainReport *self,
          cairo_t      *cr,
          const Block  *block,
          double        y)
{
  double x = 0;

  if (block->header_row)
    {
      cairo_set_source_rgb (cr, 0.93, 0.94, 0.96);
      cairo_rectangle (cr, 0, y, self->width, block->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint c = 0; c < block->cells->len; c++)
    {
      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, g_ptr_array_index (block->cells, c));
      x += block->columns[c] * self->width;
    }

  cairo_set_source_rgb (cr, 0.82, 0.82, 0.84);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y + block->height);
  cairo_line_to (cr, self->width, y + block->height);
  cairo_stroke (cr);
}

static void
draw_chart (BcPainReport *self,
            cairo_t      *cr,
            const Block  *block,
            double        y)
{
  BcPainChartView view = { self->first, self->last - self->first + 1.0, 0, FALSE };
  BcPainChartStyle style;

  bc_pain_chart_style_init_print (&style);
  cairo_save (cr);
  cairo_translate (cr, 0, y);
  bc_pain_chart_render (cr, self->context, &style, self->chart, &view, self->width,
                        block->height);
  cairo_restore (cr);
}

static void
draw_footer (BcPainReport *self,
             cairo_t      *cr,
             guint         page)
{
  /* Translators: the date a report was printed, see strftime */
  g_autofree char *date = g_date_time_format (self->printed_at, _("%-d %B %Y"));
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) note = text_layout (self,
                                             _("Recorded by the patient with BackCare, which "
                                               "records and reminds; it does not diagnose."),
                                             FONT " 8", self->width);
  g_autoptr(PangoLayout) left = text_layout (self, printed, FONT " 8", self->width / 2);
  g_autoptr(PangoLayout) right = text_layout (self, page_text, FONT " 8", self->width / 2);
  double y = self->height - FOOTER_HEIGHT + 8;

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_auto_dir (right, FALSE);

  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y - 4);
  cairo_line_to (cr, self->width, y - 4);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, note);
  y += layout_height (note) + 1;
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, self->width / 2, y);
  pango_cairo_show_layout (cr, right);
}

/**
 * bc_pain_report_render_page:
 * @cr: a context whose origin is the page's printable area, in points
 *
 * Draws one page. The page is not cleared: callers start on white.
 */
void
bc_pain_report_render_page (BcPainReport *self,
                            cairo_t      *cr,
                            guint         page)
{
  g_return_if_fail (BC_IS_PAIN_REPORT (self));
  g_return_if_fail (page < self->n_pages);

  pango_cairo_update_context (cr, self->context);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, placement->block);

      if (placement->page != page)
        continue;

      cairo_save (cr);
      switch (block->kind)
        {
        case BLOCK_TEXT:
          cairo_set_source_rgb (cr, block->red, block->green, block->blue);
          cairo_move_to (cr, 0, placement->y);
          pango_cairo_show_layout (cr, block->layout);
          break;

        case BLOCK_CHART:
          draw_chart (self, cr, block, placement->y);
          break;

        case BLOCK_ROW:
          draw_row (self, cr, block, placement->y);
          break;

        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }

  cairo_save (cr);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * bc_pain_report_export_pdf:
 *
 * Writes the report as a vector PDF, with no display. The file appears
 * whole or not at all: it is written next to @path and renamed.
 */
gboolean
bc_pain_report_export_pdf (BcPainReport  *self,
                           BcPaper        paper,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *temp_path = g_strdup_printf ("%s.partial", path);
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (BC_IS_PAIN_REPORT (self), FALSE);

  bc_paper_get_size (paper, &width, &height);
  bc_pain_report_paginate (self, width - 2 * PAGE_MARGIN, height - 2 * PAGE_MARGIN);

  surface = cairo_pdf_surface_create (temp_path, width, height);
  /* Translators: the PDF's title; %s is the patient's name */
  title = g_strdup_printf (_("Pain report for %s"), self->patient);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);

  for (guint page = 0; page < self->n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      bc_pain_report_render_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The PDF could not be written to “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Reads and writes in one go: what the window's action needs. */
gboolean
bc_pain_report_write (BcDatabase  *db,
                      gint64       profile_id,
                      const char  *first_day,
                      const char  *last_day,
                      BcPaper      paper,
                      const char  *path,
                      guint       *out_n_pages,
                      GError     **error)
{
  g_autoptr(BcPainReport) report = bc_pain_report_new (db, profile_id, first_day, last_day, NULL,
                                                       error);

  if (report == NULL || !bc_pain_report_export_pdf (report, paper, path, error))
    return FALSE;

  if (out_n_pages != NULL)
    *out_n_pages = report->n_pages;
  return TRUE;
}

/* The command line */

static gboolean
parse_day_option (const char  *option,
                  const char  *value,
                  guint32     *out_day,
                  GError     **error)
{
  *out_day = 0;
  if (value == NULL)
    return TRUE;

  *out_day = bc_day_to_number (value);
  if (*out_day == 0 || strlen (value) != 10)
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("%s takes a date as YYYY-MM-DD, not “%s”"), option, value);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_pain_report_export_headless:
 * @profile_name: (nullable): the profile, or %NULL for the first one
 * @first_day: (nullable): the first day, YYYY-MM-DD; by default twelve
 *   weeks before @last_day, or the first entry when that is later
 * @last_day: (nullable): the last day, inclusive; by default today
 *
 * backcare --export-report: the report from a shell, with no display.
 * Usage errors (a malformed date, a range that ends before it starts)
 * are %BC_HEADLESS_ERROR_USAGE.
 */
gboolean
bc_pain_report_export_headless (const char  *data_dir,
                                const char  *profile_name,
                                const char  *first_day,
                                const char  *last_day,
                                BcPaper      paper,
                                const char  *path,
                                char       **out_summary,
                                GError     **error)
{
  g_autoptr(BcDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  g_autofree char *entries_first = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_auto(GStrv) names = NULL;
  guint32 first, last;
  guint n_pages = 0;
  gint64 profile_id;

  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("“%s”: the report is written to a file ending in .pdf"), path);
      return FALSE;
    }

  if (!parse_day_option ("--from", first_day, &first, error) ||
      !parse_day_option ("--to", last_day, &last, error))
    return FALSE;

  if (first != 0 && last != 0 && last < first)
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE,
                   _("--to %s is before --from %s"), last_day, first_day);
      return FALSE;
    }

  db = bc_database_open (data_dir, &local_error);
  if (db == NULL)
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The BackCare data in “%s” could not be opened: %s"),
                   data_dir, local_error->message);
      return FALSE;
    }

  if (profile_name != NULL)
    {
      profile_id = bc_profile_store_resolve (db, profile_name, &local_error);
      name = g_strdup (profile_name);
    }
  else
    {
      names = bc_profile_store_list_names (db, &local_error);
      profile_id = names != NULL && names[0] != NULL
                   ? bc_profile_store_find (db, names[0], &local_error) : -1;
      name = names != NULL && names[0] != NULL ? g_strdup (names[0]) : NULL;
    }

  if (profile_id <= 0)
    {
      g_set_error_literal (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                           local_error ? local_error->message : _("There is no profile."));
      return FALSE;
    }

  if (last == 0)
    last = MAX (bc_day_number_today (), first);
  if (first == 0)
    {
      first = last + 1 - BC_PAIN_REPORT_DEFAULT_DAYS;
      if (bc_pain_store_range (db, profile_id, &entries_first, NULL, NULL))
        {
          guint32 entries = bc_day_to_number (entries_first);

          if (entries > first && entries <= last)
            first = entries;
        }
    }

  first_iso = bc_day_from_number (first);
  last_iso = bc_day_from_number (last);
  if (!bc_pain_report_write (db, profile_id, first_iso, last_iso, paper, path, &n_pages,
                             &local_error))
    {
      g_set_error (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_FAILED,
                   _("The report could not be written: %s"), local_error->message);
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = g_strdup_printf (ngettext ("Wrote the pain report of the profile “%s” from "
                                              "%s to %s to %s (%u page)",
                                              "Wrote the pain report of the profile “%s” from "
                                              "%s to %s to %s (%u pages)", n_pages),
                                    name, first_iso, last_iso, path, n_pages);
  return TRUE;
}
