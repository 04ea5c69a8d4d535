/* bc-pain-chart.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-pain-chart.h"
#include "bc-pain-report.h"
#include "bc-plan-layout.h"
#include "bc-plan-store.h"

/* The pain chart on screen. It reads per-day aggregates for the days
 * around the visible range from sqlite (more only when the view leaves
 * what is loaded), and bc-pain-chart-renderer.c decimates them to one
 * column per pixel before drawing, so every frame costs about the same
 * whatever the history holds. Reading runs in a worker thread on its
 * own connection: ten years of hourly entries take longer to aggregate
 * than a frame lasts, so the chart goes on drawing what it has until
 * the new days arrive.
 *
 * Mouse: the wheel and a drag move through time, Ctrl+wheel and a
 * pinch zoom. Keyboard: Left and Right move the highlighted day (the
 * view follows), Shift+Left/Right and Page Up/Down move by half a
 * screen, + and - zoom, Home and End go to the first and last entry.
 * Hovering shows the day's values in a tooltip; keyboard focus shows
 * them in the chart.
 *
 * Its actions (chart.range, chart.zoom-in, chart.zoom-out,
 * chart.export-image, chart.export-report) are in
 * bc_pain_chart_get_action_group () for the controls beside it.
 */

#define MIN_SPAN 7.0
#define MIN_ALL_SPAN 14.0
/* Days beyond the visible range the compare windows and the rolling
 * average look back over.
 */
#define LOOK_BACK_DAYS 63

struct _BcPainChart
{
  GtkWidget             parent_instance;

  BcDatabase           *db;
  gint64                profile_id;
  gboolean              follows_application;
  gboolean              connected;
  gboolean              dirty;
  BcPlan               *plan;
  BcPainChartData      *data;
  gboolean              loaded;
  gboolean              loading;
  guint32               pending_first;
  guint32               pending_last;
  GCancellable         *cancellable;
  GArray               *appointments;
  guint32               extent_first;
  guint32               extent_last;
  guint32               today;

  BcPainChartRange      range;
  BcPainChartView       view;
  BcPainChartStyle      style;
  char                 *description;

  GSimpleActionGroup   *actions;
  GtkFileChooserNative *chooser;

  double                pointer_x;
  double                drag_start;
  double                zoom_span;
  double                zoom_anchor;
};

G_DEFINE_FINAL_TYPE (BcPainChart, bc_pain_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RANGE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void get_geometry (BcPainChart         *self,
                          BcPainChartGeometry *geometry);

/* The view's bounds: from the first entry to today (or the last entry,
 * when it is in the future).
 */
static double
data_high (BcPainChart *self)
{
  return MAX (self->today, self->extent_last) + 1.0;
}

static double
data_low (BcPainChart *self)
{
  return self->extent_first != 0 ? self->extent_first : data_high (self) - MIN_ALL_SPAN;
}

static double
max_span (BcPainChart *self)
{
  double all = MAX (data_high (self) - data_low (self), MIN_ALL_SPAN);

  return MAX (all, bc_pain_chart_range_get_days (self->range));
}

static double
range_span (BcPainChart      *self,
            BcPainChartRange  range)
{
  guint days = bc_pain_chart_range_get_days (range);

  return days > 0 ? days : MAX (data_high (self) - data_low (self), MIN_ALL_SPAN);
}

static void
clamp_view (BcPainChart *self)
{
  double high = data_high (self);

  self->view.span = CLAMP (self->view.span, MIN_SPAN, max_span (self));
  self->view.start = CLAMP (self->view.start, MIN (data_low (self), high - self->view.span),
                            high - self->view.span);
}

/* The latest days; when the last entry is older than the span, the
 * days up to it rather than an empty chart.
 */
static void
reset_view (BcPainChart *self)
{
  double span = range_span (self, self->range);
  double end = data_high (self);

  if (self->extent_last != 0 && self->extent_last + 1.0 <= end - span)
    end = self->extent_last + 1.0;

  self->view.span = span;
  self->view.start = end - span;
  clamp_view (self);
}

static void
update_description (BcPainChart *self)
{
  g_autofree char *summary = bc_pain_chart_data_describe (self->data, &self->view);

  g_free (self->description);
  if (self->view.callout && self->view.cursor != 0)
    {
      g_autofree char *day = bc_pain_chart_data_describe_day (self->data, self->view.cursor);

      self->description = g_strconcat (summary, "\n", day, NULL);
    }
  else
    self->description = g_steal_pointer (&summary);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Loading, in a worker thread */

static void view_changed (BcPainChart *self);

static void
set_loading (BcPainChart *self,
             gboolean     loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(BcPainChart) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  BcPainChartData *data = bc_pain_chart_data_load_finish (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);

  /* Gone, or overtaken by a newer request. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&data, bc_pain_chart_data_free);
      return;
    }

  g_clear_object (&self->cancellable);
  if (data != NULL)
    {
      g_clear_pointer (&self->data, bc_pain_chart_data_free);
      self->data = data;
    }
  else
    g_message ("The pain chart could not be read: %s", error->message);

  /* Even after an error: the chart does not ask again and again. */
  self->loaded = TRUE;
  set_loading (self, FALSE);
  view_changed (self);
}

static void
start_load (BcPainChart *self,
            guint32      first,
            guint32      last)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The task holds no reference: a window closed meanwhile goes away. */
  g_weak_ref_init (ref, self);
  bc_pain_chart_data_load_async (bc_database_get_data_dir (self->db), self->profile_id,
                                 self->plan, self->appointments, first, last,
                                 self->cancellable, load_done_cb, ref);

  self->pending_first = first;
  self->pending_last = last;
  set_loading (self, TRUE);
}

/* Reads what the view needs unless it is loaded or on its way; a margin
 * of a screen on each side makes panning read rarely.
 */
static void
ensure_loaded (BcPainChart *self)
{
  guint32 first, last, loaded_first, loaded_last, need_first, need_last, low, high;
  guint n_days;

  bc_pain_chart_view_get_days (&self->view, &first, &last, &n_days);
  low = (guint32)data_low (self) - LOOK_BACK_DAYS;
  high = (guint32)data_high (self);
  need_first = MAX (first - MAX (n_days, LOOK_BACK_DAYS) - 7, low);
  need_last = MIN (last, high);
  need_first = MIN (need_first, need_last);

  bc_pain_chart_data_get_loaded (self->data, &loaded_first, &loaded_last);
  if (self->loaded && need_first >= loaded_first && need_last <= loaded_last)
    return;

  if (self->loading && need_first >= self->pending_first && need_last <= self->pending_last)
    return;

  if (self->db == NULL)
    {
      self->loaded = TRUE;
      return;
    }

  start_load (self, MAX (need_first - n_days, low), MIN (need_last + n_days, high));
}

static void
view_changed (BcPainChart *self)
{
  clamp_view (self);
  ensure_loaded (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
resolve_source (BcPainChart *self)
{
  GApplication *app = g_application_get_default ();

  if (!self->follows_application)
    return;

  if (BC_IS_APPLICATION (app))
    {
      BcDatabase *db = bc_application_get_database (BC_APPLICATION (app));
      gint64 profile_id = bc_application_get_profile_id (BC_APPLICATION (app));

      /* Another profile's days must not linger while these load. */
      if (db != self->db || profile_id != self->profile_id)
        {
          g_clear_pointer (&self->data, bc_pain_chart_data_free);
          self->data = bc_pain_chart_data_new ();
        }
      g_set_object (&self->db, db);
      self->profile_id = profile_id;
    }
  else
    g_clear_object (&self->db);
}

/**
 * bc_pain_chart_reload:
 *
 * Reads the data again, after entries changed. A view that showed the
 * latest days goes on showing them; any other stays where it is.
 */
void
bc_pain_chart_reload (BcPainChart *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean at_end;

  g_return_if_fail (BC_IS_PAIN_CHART (self));

  at_end = self->view.span == 0 || self->view.start + self->view.span >= data_high (self) - 0.5;

  resolve_source (self);
  self->dirty = FALSE;
  self->loaded = FALSE;
  self->extent_first = self->extent_last = 0;
  self->today = bc_day_number_today ();
  g_clear_object (&self->plan);
  /* The days shown stay until the new ones arrive. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (self->db != NULL)
    {
      if (bc_pain_store_range (self->db, self->profile_id, &first, &last, &error))
        {
          self->extent_first = bc_day_to_number (first);
          self->extent_last = bc_day_to_number (last);
        }
      else if (error != NULL)
        g_message ("The pain log could not be read: %s", error->message);

      g_clear_error (&error);
      self->plan = bc_plan_store_load_active (self->db, self->profile_id, &error);
      if (error != NULL)
        g_message ("The plan could not be read for the pain chart: %s", error->message);
    }

  if (at_end)
    {
      double span = self->view.span > 0 ? self->view.span : range_span (self, self->range);

      reset_view (self);
      if (self->range != BC_PAIN_CHART_RANGE_ALL)
        {
          self->view.start += self->view.span - span;
          self->view.span = span;
        }
    }

  view_changed (self);
}

/**
 * bc_pain_chart_set_source:
 * @db: (nullable): the database, or %NULL for an empty chart
 *
 * Shows @profile_id's data from @db instead of the application's
 * active profile.
 */
void
bc_pain_chart_set_source (BcPainChart *self,
                          BcDatabase  *db,
                          gint64       profile_id)
{
  g_return_if_fail (BC_IS_PAIN_CHART (self));
  g_return_if_fail (db == NULL || BC_IS_DATABASE (db));

  self->follows_application = FALSE;
  g_set_object (&self->db, db);
  self->profile_id = profile_id;
  self->view.span = 0;
  g_clear_pointer (&self->data, bc_pain_chart_data_free);
  self->data = bc_pain_chart_data_new ();
  bc_pain_chart_reload (self);
}

BcPainChartRange
bc_pain_chart_get_range (BcPainChart *self)
{
  g_return_val_if_fail (BC_IS_PAIN_CHART (self), BC_PAIN_CHART_RANGE_TWO_WEEKS);

  return self->range;
}

/**
 * bc_pain_chart_set_range:
 *
 * Shows the latest two weeks, three months, year, or everything.
 */
void
bc_pain_chart_set_range (BcPainChart      *self,
                         BcPainChartRange  range)
{
  GAction *action;

  g_return_if_fail (BC_IS_PAIN_CHART (self));
  g_return_if_fail (range <= BC_PAIN_CHART_RANGE_ALL);

  if (self->range != range)
    {
      self->range = range;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "range");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (bc_pain_chart_range_to_string (range)));

  reset_view (self);
  view_changed (self);
}

/**
 * bc_pain_chart_set_appointments:
 * @times: (array length=n_times): unix times of massage appointments
 *
 * Marks these appointments instead of those in the database.
 */
void
bc_pain_chart_set_appointments (BcPainChart  *self,
                                const gint64 *times,
                                guint         n_times)
{
  g_return_if_fail (BC_IS_PAIN_CHART (self));
  g_return_if_fail (times != NULL || n_times == 0);

  g_clear_pointer (&self->appointments, g_array_unref);
  self->appointments = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_times);
  g_array_append_vals (self->appointments, times, n_times);
  bc_pain_chart_data_set_appointments (self->data, times, n_times);
  view_changed (self);
}

/* Shows the range's span ending on @last_day (YYYY-MM-DD). */
void
bc_pain_chart_show_day (BcPainChart *self,
                        const char  *last_day)
{
  guint32 number = bc_day_to_number (last_day);

  g_return_if_fail (BC_IS_PAIN_CHART (self));
  g_return_if_fail (number != 0);

  self->view.start = number + 1.0 - self->view.span;
  view_changed (self);
}

void
bc_pain_chart_pan (BcPainChart *self,
                   double       days)
{
  g_return_if_fail (BC_IS_PAIN_CHART (self));

  self->view.start += days;
  view_changed (self);
}

/**
 * bc_pain_chart_zoom:
 * @factor: below 1 zooms in, above 1 out
 * @anchor: where the day that stays put is, 0 (left edge) to 1 (right)
 */
void
bc_pain_chart_zoom (BcPainChart *self,
                    double       factor,
                    double       anchor)
{
  double fixed, span;

  g_return_if_fail (BC_IS_PAIN_CHART (self));
  g_return_if_fail (factor > 0);

  fixed = self->view.start + anchor * self->view.span;
  span = CLAMP (self->view.span * factor, MIN_SPAN, max_span (self));
  self->view.start = fixed - anchor * span;
  self->view.span = span;
  view_changed (self);
}

/* The first and last whole day shown, YYYY-MM-DD. */
void
bc_pain_chart_get_visible_days (BcPainChart  *self,
                                char        **out_first,
                                char        **out_last)
{
  guint32 first, last;
  guint n_days;

  g_return_if_fail (BC_IS_PAIN_CHART (self));

  bc_pain_chart_view_get_days (&self->view, &first, &last, &n_days);
  if (out_first != NULL)
    *out_first = bc_day_from_number (first);
  if (out_last != NULL)
    *out_last = bc_day_from_number (last);
}

/* The plot (pain 0–10) within the widget at its current size. */
void
bc_pain_chart_get_plot_area (BcPainChart     *self,
                             graphene_rect_t *out_area)
{
  BcPainChartGeometry geometry;

  g_return_if_fail (BC_IS_PAIN_CHART (self));

  get_geometry (self, &geometry);
  graphene_rect_init (out_area, geometry.plot_x, geometry.plot_y, geometry.plot_width,
                      geometry.plot_height);
}

/* The summary screen readers get, as the widget's description. */
const char *
bc_pain_chart_get_description (BcPainChart *self)
{
  g_return_val_if_fail (BC_IS_PAIN_CHART (self), NULL);

  return self->description;
}

/* Whether days are being read; the chart shows what it had meanwhile. */
gboolean
bc_pain_chart_get_loading (BcPainChart *self)
{
  g_return_val_if_fail (BC_IS_PAIN_CHART (self), FALSE);

  return self->loading;
}

GActionGroup *
bc_pain_chart_get_action_group (BcPainChart *self)
{
  g_return_val_if_fail (BC_IS_PAIN_CHART (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/* Export */

/**
 * bc_pain_chart_export_image:
 *
 * Writes what the chart shows as a PNG or SVG, in the light style that
 * suits documents, whatever the screen uses. Needs no window.
 */
gboolean
bc_pain_chart_export_image (BcPainChart        *self,
                            const char         *path,
                            BcPainChartFormat   format,
                            int                 width,
                            int                 height,
                            GError            **error)
{
  BcPainChartStyle style;
  BcPainChartView view;

  g_return_val_if_fail (BC_IS_PAIN_CHART (self), FALSE);

  bc_pain_chart_style_init (&style, FALSE);
  view = self->view;
  view.cursor = 0;
  view.callout = FALSE;

  return bc_pain_chart_render_to_file (self->data, &view, &style, format, width, height, path,
                                       error);
}

/* The report on the days shown, from the database. */
gboolean
bc_pain_chart_export_report (BcPainChart  *self,
                             const char   *path,
                             GError      **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (BC_IS_PAIN_CHART (self), FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no pain log to report on."));
      return FALSE;
    }

  bc_pain_chart_get_visible_days (self, &first, &last);
  return bc_pain_report_write (self->db, self->profile_id, first, last, bc_paper_from_locale (),
                               path, NULL, error);
}

static char *
chooser_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
export_image_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          BcPainChart     *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_path (chooser) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;
      BcPainChartFormat format = lower != NULL && g_str_has_suffix (lower, ".svg")
                                 ? BC_PAIN_CHART_FORMAT_SVG : BC_PAIN_CHART_FORMAT_PNG;
      int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800);
      int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 360);

      if (path == NULL)
        bc_toast_show_text (GTK_WIDGET (self), _("Choose a local folder for the image."), FALSE);
      else if (!bc_pain_chart_export_image (self, path, format, width, height, &error))
        bc_toast_show_text (GTK_WIDGET (self), error->message, FALSE);
      else
        bc_toast_show_text (GTK_WIDGET (self), _("Chart saved"), FALSE);
    }

  g_clear_object (&self->chooser);
}

static void
export_report_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           BcPainChart     *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_path (chooser) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (path == NULL)
        bc_toast_show_text (GTK_WIDGET (self), _("Choose a local folder for the report."), FALSE);
      else if (!bc_pain_chart_export_report (self, path, &error))
        bc_toast_show_text (GTK_WIDGET (self), error->message, FALSE);
      else
        bc_toast_show_text (GTK_WIDGET (self), _("Report saved"), FALSE);
    }

  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_chooser (BcPainChart *self,
              const char  *title,
              const char  *file_name,
              gboolean     report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);

  if (report)
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF documents"), "application/pdf");
      g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_report_response_cb),
                               self, 0);
    }
  else
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("PNG images"), "image/png");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("SVG images"), "image/svg+xml");
      g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_image_response_cb),
                               self, 0);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_image_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BcPainChart *self = user_data;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;

  bc_pain_chart_get_visible_days (self, &first, &last);
  /* Translators: a file name; the dates are YYYY-MM-DD */
  name = g_strdup_printf (_("Pain %s to %s.png"), first, last);
  open_chooser (self, _("Export Chart as Image"), name, FALSE);
}

static void
export_report_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BcPainChart *self = user_data;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;

  bc_pain_chart_get_visible_days (self, &first, &last);
  /* Translators: a file name; the dates are YYYY-MM-DD */
  name = g_strdup_printf (_("Pain report %s to %s.pdf"), first, last);
  open_chooser (self, _("Export Report as PDF"), name, TRUE);
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  bc_pain_chart_zoom (user_data, 0.5, 1.0);
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  bc_pain_chart_zoom (user_data, 2.0, 1.0);
}

static void
range_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  BcPainChartRange range;

  if (bc_pain_chart_range_from_string (g_variant_get_string (value, NULL), &range))
    bc_pain_chart_set_range (user_data, range);
}

static const GActionEntry chart_actions[] = {
  { "range", NULL, "s", "'two-weeks'", range_change_state },
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "export-image", export_image_activated },
  { "export-report", export_report_activated },
};

/* Input */

static gboolean
day_at (BcPainChart *self,
        double       x,
        guint32     *out_day)
{
  BcPainChartGeometry geometry;
  double day;

  get_geometry (self, &geometry);
  if (x < geometry.plot_x || x > geometry.plot_x + geometry.plot_width)
    return FALSE;

  day = self->view.start + (x - geometry.plot_x) * self->view.span / geometry.plot_width;
  *out_day = (guint32)floor (day);
  return TRUE;
}

static double
plot_width (BcPainChart *self)
{
  BcPainChartGeometry geometry;

  get_geometry (self, &geometry);
  return MAX (geometry.plot_width, 1);
}

static void
set_cursor (BcPainChart *self,
            guint32      day,
            gboolean     callout)
{
  if (self->view.cursor == day && self->view.callout == callout)
    return;

  self->view.cursor = day;
  self->view.callout = callout;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (BcPainChart *self,
           double       x,
           double       y)
{
  guint32 day;

  self->pointer_x = x;
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    return;

  set_cursor (self, day_at (self, x, &day) ? day : 0, FALSE);
}

static void
leave_cb (BcPainChart *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_cursor (self, 0, FALSE);
}

static void
get_geometry (BcPainChart         *self,
              BcPainChartGeometry *geometry)
{
  GtkWidget *widget = GTK_WIDGET (self);

  bc_pain_chart_get_geometry (gtk_widget_get_pango_context (widget), &self->style, self->data,
                              &self->view, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget), geometry);
}

static gboolean
bc_pain_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  BcPainChart *self = BC_PAIN_CHART (widget);
  g_autofree char *text = NULL;
  BcPainChartGeometry geometry;
  double day_width, left;
  guint32 day;

  if (keyboard_tooltip)
    day = self->view.cursor;
  else if (!day_at (self, x, &day))
    return FALSE;

  if (day == 0)
    return FALSE;

  text = bc_pain_chart_data_describe_day (self->data, day);
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip follows the pointer from day to day. */
  get_geometry (self, &geometry);
  day_width = geometry.plot_width / self->view.span;
  left = geometry.plot_x + (day - self->view.start) * day_width;
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)floor (left), 0,
                                                       (int)MAX (ceil (day_width), 1),
                                                       gtk_widget_get_height (widget) });

  return TRUE;
}

/* The day the keyboard starts on: the last one with entries in view. */
static guint32
default_cursor (BcPainChart *self)
{
  guint32 first, last;
  guint n_days;

  bc_pain_chart_view_get_days (&self->view, &first, &last, &n_days);
  for (guint32 day = last; day >= first && day > 0; day--)
    if (bc_pain_chart_data_lookup (self->data, day) != NULL)
      return day;

  return last;
}

static void
focus_enter_cb (BcPainChart *self)
{
  set_cursor (self, self->view.cursor != 0 ? self->view.cursor : default_cursor (self), TRUE);
}

static void
focus_leave_cb (BcPainChart *self)
{
  set_cursor (self, 0, FALSE);
}

/* Moves the highlighted day, and the view with it when it leaves. */
static void
move_cursor (BcPainChart *self,
             int          days)
{
  guint32 cursor = self->view.cursor != 0 ? self->view.cursor : default_cursor (self);
  guint32 first, last;
  guint n_days;

  cursor = (guint32)CLAMP ((gint64)cursor + days, (gint64)data_low (self),
                           (gint64)data_high (self) - 1);
  bc_pain_chart_view_get_days (&self->view, &first, &last, &n_days);
  if (cursor < first)
    self->view.start = cursor;
  else if (cursor > last)
    self->view.start = cursor + 1.0 - self->view.span;

  self->view.cursor = cursor;
  self->view.callout = TRUE;
  view_changed (self);
}

/* Moves the view, and the highlighted day with it. */
static void
page_view (BcPainChart *self,
           int          days)
{
  double start = self->view.start;
  guint32 first, last;
  guint n_days;

  if (self->view.cursor == 0)
    self->view.cursor = default_cursor (self);

  self->view.start += days;
  clamp_view (self);
  bc_pain_chart_view_get_days (&self->view, &first, &last, &n_days);
  self->view.cursor = CLAMP ((gint64)self->view.cursor + (gint64)lround (self->view.start - start),
                             first, last);
  self->view.callout = TRUE;
  view_changed (self);
}

static double
cursor_anchor (BcPainChart *self)
{
  if (self->view.cursor == 0)
    return 1.0;

  return CLAMP ((self->view.cursor + 0.5 - self->view.start) / self->view.span, 0.0, 1.0);
}

static gboolean
key_pressed_cb (BcPainChart     *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  int half = (int)MAX (self->view.span / 2, 1);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (shift)
        page_view (self, -half);
      else
        move_cursor (self, -1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (shift)
        page_view (self, half);
      else
        move_cursor (self, 1);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      page_view (self, -half);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      page_view (self, half);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      bc_pain_chart_zoom (self, 0.5, cursor_anchor (self));
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      bc_pain_chart_zoom (self, 2.0, cursor_anchor (self));
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_cursor (self, (int)((gint64)data_low (self) - (gint64)self->view.cursor));
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_cursor (self, (int)((gint64)(self->extent_last != 0 ? self->extent_last
                                                                : data_high (self) - 1) -
                               (gint64)self->view.cursor));
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
scroll_cb (BcPainChart              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double width = plot_width (self);

  if ((state & GDK_CONTROL_MASK) != 0)
    {
      double anchor = CLAMP (self->pointer_x / gtk_widget_get_width (GTK_WIDGET (self)), 0, 1);

      bc_pain_chart_zoom (self, pow (wheel ? 1.25 : 1.01, dy), anchor);
      return TRUE;
    }

  /* A wheel notch moves a tenth of the view; a touchpad follows the finger. */
  if (wheel)
    bc_pain_chart_pan (self, (dx + dy) * self->view.span / 10);
  else
    bc_pain_chart_pan (self, (dx + dy) * self->view.span / width);

  return TRUE;
}

static void
drag_begin_cb (BcPainChart *self)
{
  self->drag_start = self->view.start;
}

static void
drag_update_cb (BcPainChart *self,
                double       offset_x,
                double       offset_y)
{
  self->view.start = self->drag_start - offset_x * self->view.span / plot_width (self);
  view_changed (self);
}

static void
zoom_begin_cb (BcPainChart *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  double x, y;

  self->zoom_span = self->view.span;
  self->zoom_anchor = 1.0;
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->zoom_anchor = CLAMP (x / gtk_widget_get_width (GTK_WIDGET (self)), 0, 1);
}

static void
zoom_scale_changed_cb (BcPainChart *self,
                       double       scale)
{
  if (scale > 0)
    bc_pain_chart_zoom (self, self->zoom_span / scale / self->view.span, self->zoom_anchor);
}

/* Style */

static void
update_style (BcPainChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  bc_pain_chart_style_init (&self->style, adw_style_manager_get_dark (manager));
  /* The desktop's own font, at a size the chart's axis needs. */
  self->style.font_family = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lifetime */

static void
data_changed_cb (BcPainChart *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bc_pain_chart_reload (self);
  else
    self->dirty = TRUE;
}

static void
bc_pain_chart_map (GtkWidget *widget)
{
  BcPainChart *self = BC_PAIN_CHART (widget);
  GApplication *app = g_application_get_default ();

  GTK_WIDGET_CLASS (bc_pain_chart_parent_class)->map (widget);

  if (self->follows_application && !self->connected && BC_IS_APPLICATION (app))
    {
      g_signal_connect_object (app, "data-changed", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::database", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->connected = TRUE;
      self->dirty = TRUE;
    }

  /* A new day moves the chart on too. */
  if (self->dirty || self->today != bc_day_number_today ())
    bc_pain_chart_reload (self);
}

static void
bc_pain_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BcPainChart *self = BC_PAIN_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bc_pain_chart_render (cr, gtk_widget_get_pango_context (widget), &self->style, self->data,
                        &self->view, width, height);

  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_set_source_rgba (cr, self->style.mean.red, self->style.mean.green,
                             self->style.mean.blue, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
bc_pain_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 640;
    }
  else
    {
      /* Narrow charts wrap their heading and legend over more lines:
       * they ask for more height to keep the plot readable. In a
       * scrolled page a child gets its minimum height, so it is the
       * height wanted.
       */
      if (for_size > 0 && for_size < 640)
        *minimum = 300 + (int)(80 * (640 - MAX (for_size, 360)) / 280.0);
      else
        *minimum = 300;
      *natural = *minimum;
    }
}

static GtkSizeRequestMode
bc_pain_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bc_pain_chart_dispose (GObject *object)
{
  BcPainChart *self = BC_PAIN_CHART (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "chart", NULL);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (bc_pain_chart_parent_class)->dispose (object);
}

static void
bc_pain_chart_finalize (GObject *object)
{
  BcPainChart *self = BC_PAIN_CHART (object);

  g_clear_object (&self->db);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->data, bc_pain_chart_data_free);
  g_clear_pointer (&self->appointments, g_array_unref);
  g_free (self->description);

  G_OBJECT_CLASS (bc_pain_chart_parent_class)->finalize (object);
}

static void
bc_pain_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BcPainChart *self = BC_PAIN_CHART (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BcPainChart *self = BC_PAIN_CHART (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      bc_pain_chart_set_range (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_chart_class_init (BcPainChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_pain_chart_dispose;
  object_class->finalize = bc_pain_chart_finalize;
  object_class->get_property = bc_pain_chart_get_property;
  object_class->set_property = bc_pain_chart_set_property;

  widget_class->snapshot = bc_pain_chart_snapshot;
  widget_class->measure = bc_pain_chart_measure;
  widget_class->get_request_mode = bc_pain_chart_get_request_mode;
  widget_class->map = bc_pain_chart_map;
  widget_class->query_tooltip = bc_pain_chart_query_tooltip;

  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       BC_TYPE_PAIN_CHART_RANGE, BC_PAIN_CHART_RANGE_TWO_WEEKS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "painchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bc_pain_chart_init (BcPainChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *drag, *zoom;

  self->follows_application = TRUE;
  self->data = bc_pain_chart_data_new ();
  self->today = bc_day_number_today ();
  self->range = BC_PAIN_CHART_RANGE_TWO_WEEKS;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, FALSE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain chart"),
                                  -1);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), chart_actions,
                                   G_N_ELEMENTS (chart_actions), self);
  gtk_widget_insert_action_group (widget, "chart", G_ACTION_GROUP (self->actions));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  gtk_gesture_group (zoom, drag);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);

  reset_view (self);
  update_description (self);
}

GtkWidget *
bc_pain_chart_new (void)
{
  return g_object_new (BC_TYPE_PAIN_CHART, NULL);
}
