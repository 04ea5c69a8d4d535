/* bc-plan-layout.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-layout"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "bc-plan-layout.h"

/* The printed plan, laid out with Pango and drawn with cairo in points:
 * the same code draws GtkPrintOperation pages, the in-app preview and
 * the PDF the command line writes, so all three show the same thing.
 * It needs no display and never calls GTK.
 *
 * Page 1 starts with the clinic's letterhead and the plan's details;
 * each exercise is one block (illustration, name, dosage in words,
 * numbered steps, cautions) that is never split across pages; then a
 * tracking sheet for the next four weeks. Every page has a footer.
 */

#define PAGE_MARGIN BC_PLAN_LAYOUT_PAGE_MARGIN
#define FOOTER_HEIGHT 34.0
#define PICTURE_WIDTH 108.0
#define PICTURE_HEIGHT 81.0
#define COLUMN_GAP 14.0
#define BLOCK_PADDING 9.0
#define TRACKING_DAYS 14
#define TRACKING_HEADER_HEIGHT 30.0
#define TRACKING_ROW_HEIGHT 17.0
#define TRACKING_NAME_FRACTION 0.34
#define FONT "Cantarell, DejaVu Sans"

typedef struct
{
  guint page;
  guint first_row;
  guint n_rows;
  guint first_day;
  double y;
} TrackingGrid;

struct _BcPlanLayout
{
  GObject            parent_instance;

  BcPlan            *plan;
  BcExerciseCatalog *catalog;
  char              *patient;
  char              *clinic_name;
  char              *clinic_address;
  char              *clinic_phone;
  char              *logo_path;
  GDateTime         *printed_at;

  PangoContext      *context;
  double             width;
  double             height;
  GArray            *blocks;
  GArray            *grids;
  guint              n_pages;
};

G_DEFINE_FINAL_TYPE (BcPlanLayout, bc_plan_layout, G_TYPE_OBJECT)

static void
bc_plan_layout_finalize (GObject *object)
{
  BcPlanLayout *self = (BcPlanLayout *)object;

  g_clear_object (&self->plan);
  g_clear_object (&self->catalog);
  g_clear_object (&self->context);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->grids, g_array_unref);
  g_free (self->patient);
  g_free (self->clinic_name);
  g_free (self->clinic_address);
  g_free (self->clinic_phone);
  g_free (self->logo_path);

  G_OBJECT_CLASS (bc_plan_layout_parent_class)->finalize (object);
}

static void
bc_plan_layout_class_init (BcPlanLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_plan_layout_finalize;
}

static void
bc_plan_layout_init (BcPlanLayout *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Measured once, drawn anywhere: no hinting, 72 dpi, so a Pango unit
   * is a point on every surface and pagination matches the drawing.
   */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (BcLayoutBlock));
  self->grids = g_array_new (FALSE, TRUE, sizeof (TrackingGrid));
}

static char *
dup_or_null (const char *str)
{
  return str != NULL && str[0] != '\0' ? g_strdup (str) : NULL;
}

BcPlanLayout *
bc_plan_layout_new (BcPlan             *plan,
                    BcExerciseCatalog  *catalog,
                    const char         *patient,
                    const BcLetterhead *letterhead,
                    GDateTime          *printed_at)
{
  BcPlanLayout *self;

  g_return_val_if_fail (BC_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (catalog), NULL);

  self = g_object_new (BC_TYPE_PLAN_LAYOUT, NULL);
  self->plan = g_object_ref (plan);
  self->catalog = g_object_ref (catalog);
  self->patient = g_strdup (patient ? patient : "");
  self->printed_at = printed_at ? g_date_time_ref (printed_at) : g_date_time_new_now_local ();

  if (letterhead != NULL)
    {
      self->clinic_name = dup_or_null (letterhead->clinic_name);
      self->clinic_address = dup_or_null (letterhead->clinic_address);
      self->clinic_phone = dup_or_null (letterhead->clinic_phone);
      self->logo_path = dup_or_null (letterhead->logo_path);
    }

  return self;
}

/* Text */

static PangoLayout *
text_layout (BcPlanLayout *self,
             const char   *text,
             const char   *font,
             double        width,
             gboolean      markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Right-to-left paragraphs align to the right. */
  pango_layout_set_auto_dir (layout, TRUE);

  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
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

/* Draws @layout at (x, y) and returns its height. */
static double
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static char *
format_iso_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup ("—");

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);

  /* Translators: a date in a printed plan, see strftime */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* Exercise blocks */

typedef struct
{
  PangoLayout *name;
  PangoLayout *dosage;
  PangoLayout *steps;
  PangoLayout *cautions;
  PangoLayout *notes;
  double       height;
} ExerciseText;

static void
exercise_text_clear (ExerciseText *text)
{
  g_clear_object (&text->name);
  g_clear_object (&text->dosage);
  g_clear_object (&text->steps);
  g_clear_object (&text->cautions);
  g_clear_object (&text->notes);
}

static const double TEXT_GAP = 4.0;

static void
exercise_text_build (BcPlanLayout *self,
                     BcPlanItem   *item,
                     ExerciseText *text)
{
  BcExercise *exercise = bc_exercise_catalog_lookup (self->catalog,
                                                     bc_plan_item_get_exercise_ref (item));
  double width = self->width - PICTURE_WIDTH - COLUMN_GAP;
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(GString) cautions = g_string_new (NULL);
  g_autofree char *dosage = NULL;
  g_autofree char *name = NULL;
  PangoTabArray *tabs;

  memset (text, 0, sizeof *text);

  name = g_markup_escape_text (exercise ? bc_exercise_get_name (exercise)
                                        : bc_plan_item_get_exercise_ref (item), -1);
  text->name = text_layout (self, name, FONT " Bold 13", width, TRUE);

  dosage = bc_dosage_format_words (bc_plan_item_get_dosage (item),
                                   exercise != NULL && bc_exercise_get_per_side (exercise));
  text->dosage = text_layout (self, dosage, FONT " 10.5", width, FALSE);

  if (exercise != NULL)
    {
      const char * const *lines = bc_exercise_get_steps (exercise);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (steps, "%s%u.\t%s", i > 0 ? "\n" : "", i + 1, lines[i]);

      lines = bc_exercise_get_cautions (exercise);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

          g_string_append_printf (cautions, "%s<b>%s</b> %s", i > 0 ? "\n" : "",
                                  _("Caution:"), escaped);
        }
    }

  if (steps->len > 0)
    {
      /* A hanging indent keeps wrapped steps under their text. */
      text->steps = text_layout (self, steps->str, FONT " 10", width, FALSE);
      tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 16);
      pango_layout_set_tabs (text->steps, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_indent (text->steps, -16 * PANGO_SCALE);
      pango_layout_set_spacing (text->steps, 1.5 * PANGO_SCALE);
    }

  if (cautions->len > 0)
    text->cautions = text_layout (self, cautions->str, FONT " 9.5", width, TRUE);

  if (bc_plan_item_get_notes (item)[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (bc_plan_item_get_notes (item), -1);
      g_autofree char *notes = g_strdup_printf ("<i>%s</i> %s", _("From your physiotherapist:"),
                                                escaped);

      text->notes = text_layout (self, notes, FONT " 10", width, TRUE);
    }

  text->height = layout_height (text->name) + TEXT_GAP + layout_height (text->dosage);
  if (text->steps != NULL)
    text->height += TEXT_GAP * 1.5 + layout_height (text->steps);
  if (text->cautions != NULL)
    text->height += TEXT_GAP * 1.5 + layout_height (text->cautions);
  if (text->notes != NULL)
    text->height += TEXT_GAP * 1.5 + layout_height (text->notes);
}

static double
exercise_block_height (BcPlanLayout *self,
                       BcPlanItem   *item)
{
  ExerciseText text;
  double height;

  exercise_text_build (self, item, &text);
  height = MAX (PICTURE_HEIGHT, text.height) + 2 * BLOCK_PADDING;
  exercise_text_clear (&text);

  return height;
}

/* Images: built-in illustrations and SVG logos through librsvg, PNG and
 * JPEG through gdk-pixbuf, scaled into the box and centred.
 */

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int stride = cairo_image_surface_get_stride (surface);
  guchar *dest = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = src + y * src_stride + x * channels;
        guint alpha = channels == 4 ? p[3] : 255;
        guint32 *q = (guint32 *)(dest + y * stride + x * 4);

        /* cairo wants premultiplied native-endian ARGB. */
        *q = (alpha << 24) | ((p[0] * alpha / 255) << 16) | ((p[1] * alpha / 255) << 8) |
             (p[2] * alpha / 255);
      }

  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
draw_image_bytes (cairo_t    *cr,
                  GBytes     *bytes,
                  const char *mime_type,
                  double      x,
                  double      y,
                  double      width,
                  double      height)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (g_strcmp0 (mime_type, "image/svg+xml") == 0)
    {
      /* librsvg 2.54 has no autoptr for its handle. */
      RsvgHandle *handle = rsvg_handle_new_from_data (data, size, NULL);
      RsvgRectangle viewport = { x, y, width, height };

      if (handle != NULL)
        {
          rsvg_handle_render_document (handle, cr, &viewport, NULL);
          g_object_unref (handle);
        }
    }
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
      cairo_surface_t *surface;
      double scale;

      if (pixbuf == NULL)
        return;

      surface = surface_from_pixbuf (pixbuf);
      scale = MIN (width / gdk_pixbuf_get_width (pixbuf), height / gdk_pixbuf_get_height (pixbuf));
      cairo_save (cr);
      cairo_translate (cr, x + (width - gdk_pixbuf_get_width (pixbuf) * scale) / 2,
                       y + (height - gdk_pixbuf_get_height (pixbuf) * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (surface);
    }
}

static void
draw_exercise_picture (cairo_t    *cr,
                       BcExercise *exercise,
                       double      x,
                       double      y)
{
  const char *resource = bc_exercise_get_illustration_resource (exercise);
  g_autoptr(GBytes) bytes = NULL;

  if (resource != NULL)
    {
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        draw_image_bytes (cr, bytes, "image/svg+xml", x, y, PICTURE_WIDTH, PICTURE_HEIGHT);
    }
  else if (bc_exercise_get_image (exercise) != NULL)
    draw_image_bytes (cr, bc_exercise_get_image (exercise),
                      bc_exercise_get_image_mime_type (exercise),
                      x, y, PICTURE_WIDTH, PICTURE_HEIGHT);
}

static void
draw_exercise_block (BcPlanLayout *self,
                     cairo_t      *cr,
                     BcPlanItem   *item,
                     double        y,
                     double        height)
{
  BcExercise *exercise = bc_exercise_catalog_lookup (self->catalog,
                                                     bc_plan_item_get_exercise_ref (item));
  double x = PICTURE_WIDTH + COLUMN_GAP;
  ExerciseText text;

  exercise_text_build (self, item, &text);

  /* A hairline between blocks, like a printed leaflet. */
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y + height);
  cairo_line_to (cr, self->width, y + height);
  cairo_stroke (cr);

  if (exercise != NULL)
    draw_exercise_picture (cr, exercise, 0, y + BLOCK_PADDING);

  y += BLOCK_PADDING;
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y += show_layout (cr, text.name, x, y) + TEXT_GAP;
  cairo_set_source_rgb (cr, 0.11, 0.36, 0.70);
  y += show_layout (cr, text.dosage, x, y);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (text.steps != NULL)
    y += TEXT_GAP * 1.5 + show_layout (cr, text.steps, x, y + TEXT_GAP * 1.5);

  if (text.cautions != NULL)
    {
      /* Cautions in a visible style: dark red with a bar beside them. */
      double h = layout_height (text.cautions);

      y += TEXT_GAP * 1.5;
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_rectangle (cr, x - 6, y, 2, h);
      cairo_fill (cr);
      y += show_layout (cr, text.cautions, x, y);
    }

  if (text.notes != NULL)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_layout (cr, text.notes, x, y + TEXT_GAP * 1.5);
    }

  exercise_text_clear (&text);
}

/* Header */

static char *
header_details_markup (BcPlanLayout *self)
{
  g_autofree char *start = format_iso_date (bc_plan_get_start_date (self->plan));
  g_autofree char *review = format_iso_date (bc_plan_get_review_date (self->plan));
  const char *clinician = bc_plan_get_clinician (self->plan);

  return g_markup_printf_escaped ("<b>%s</b> %s    <b>%s</b> %s\n<b>%s</b> %s    <b>%s</b> %s",
                                  _("Patient:"), self->patient[0] ? self->patient : "—",
                                  _("Physiotherapist:"), clinician[0] ? clinician : "—",
                                  _("Start:"), start, _("Review:"), review);
}

static char *
letterhead_markup (BcPlanLayout *self)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (self->clinic_name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->clinic_name, -1);

      g_string_append_printf (str, "<b>%s</b>", escaped);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *line = i == 0 ? self->clinic_address : self->clinic_phone;
      g_autofree char *escaped = NULL;

      if (line == NULL)
        continue;

      escaped = g_markup_escape_text (line, -1);
      g_string_append_printf (str, "%s%s", str->len > 0 ? "\n" : "", escaped);
    }

  return str->len > 0 ? g_string_free (g_steal_pointer (&str), FALSE) : NULL;
}

static const double LOGO_HEIGHT = 46.0;
static const double LOGO_WIDTH = 110.0;

static double
draw_or_measure_header (BcPlanLayout *self,
                        cairo_t      *cr)
{
  g_autofree char *letterhead = letterhead_markup (self);
  g_autofree char *details = header_details_markup (self);
  g_autofree char *title = g_markup_escape_text (bc_plan_get_title (self->plan), -1);
  g_autoptr(PangoLayout) title_layout = text_layout (self, title, FONT " Bold 20", self->width,
                                                     TRUE);
  g_autoptr(PangoLayout) details_layout = text_layout (self, details, FONT " 10.5",
                                                       self->width, TRUE);
  g_autoptr(PangoLayout) notes_layout = NULL;
  g_autoptr(PangoLayout) safety_layout = NULL;
  gboolean has_logo = self->logo_path != NULL && g_file_test (self->logo_path, G_FILE_TEST_IS_REGULAR);
  double y = 0;

  if (letterhead != NULL || has_logo)
    {
      double text_x = has_logo ? LOGO_WIDTH + COLUMN_GAP : 0;
      g_autoptr(PangoLayout) layout = NULL;
      double h = 0;

      if (letterhead != NULL)
        {
          layout = text_layout (self, letterhead, FONT " 9.5", self->width - text_x, TRUE);
          h = layout_height (layout);
        }

      if (cr != NULL && has_logo)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *type = g_content_type_guess (self->logo_path, NULL, 0, NULL);
          g_autofree char *mime = g_content_type_get_mime_type (type);
          char *contents = NULL;
          gsize length = 0;

          if (g_file_get_contents (self->logo_path, &contents, &length, NULL))
            {
              bytes = g_bytes_new_take (contents, length);
              draw_image_bytes (cr, bytes, mime, 0, y, LOGO_WIDTH, LOGO_HEIGHT);
            }
        }
      if (cr != NULL && layout != NULL)
        {
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          show_layout (cr, layout, text_x, y);
        }

      y += MAX (has_logo ? LOGO_HEIGHT : 0, h) + 8;
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0.11, 0.36, 0.70);
          cairo_rectangle (cr, 0, y, self->width, 1.2);
          cairo_fill (cr);
        }
      y += 12;
    }

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (cr != NULL)
    show_layout (cr, title_layout, 0, y);
  y += layout_height (title_layout) + 6;

  if (cr != NULL)
    show_layout (cr, details_layout, 0, y);
  y += layout_height (details_layout) + 8;

  if (bc_plan_get_notes (self->plan)[0] != '\0')
    {
      notes_layout = text_layout (self, bc_plan_get_notes (self->plan), FONT " 10.5",
                                  self->width, FALSE);
      if (cr != NULL)
        show_layout (cr, notes_layout, 0, y);
      y += layout_height (notes_layout) + 8;
    }

  safety_layout = text_layout (self, _("Follow your physiotherapist’s instructions. Stop an "
                                       "exercise that causes sharp pain, or pain, numbness or "
                                       "tingling spreading down a leg or arm, and tell your "
                                       "physiotherapist."),
                               FONT " Italic 9.5", self->width, FALSE);
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      show_layout (cr, safety_layout, 0, y);
    }
  y += layout_height (safety_layout) + 6;

  return y;
}

/* Tracking sheet */

static double
draw_or_measure_tracking_title (BcPlanLayout *self,
                                cairo_t      *cr)
{
  g_autoptr(PangoLayout) title = text_layout (self, _("Tracking sheet"), FONT " Bold 16",
                                              self->width, FALSE);
  g_autoptr(PangoLayout) intro = text_layout (self,
                                              _("Tick each exercise on the days you do it and "
                                                "write your pain (0 = none, 10 = worst "
                                                "imaginable) once a day. Bring this sheet to "
                                                "your next appointment."),
                                              FONT " 9.5", self->width, FALSE);
  double y = 0;

  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout (cr, title, 0, 0);
    }
  y += layout_height (title) + 4;
  if (cr != NULL)
    show_layout (cr, intro, 0, y);
  y += layout_height (intro) + 10;

  return y;
}

static void
draw_tracking_grid (BcPlanLayout       *self,
                    cairo_t            *cr,
                    const TrackingGrid *grid)
{
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (self->plan));
  guint n_items = g_list_model_get_n_items (items);
  double name_width = self->width * TRACKING_NAME_FRACTION;
  double cell = (self->width - name_width) / TRACKING_DAYS;
  double y = grid->y;
  g_autoptr(GDateTime) first = g_date_time_add_days (self->printed_at, grid->first_day);

  cairo_set_line_width (cr, 0.5);

  /* Day headers: weekday initial and day of month. */
  for (guint d = 0; d < TRACKING_DAYS; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      /* Translators: weekday and day of month in the tracking sheet header, see strftime */
      g_autofree char *label = g_date_time_format (day, _("%a\n%-d"));
      g_autoptr(PangoLayout) layout = text_layout (self, label, FONT " 7.5", cell, FALSE);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_layout (cr, layout, name_width + d * cell, y + 2);
    }
  y += TRACKING_HEADER_HEIGHT;

  for (guint r = grid->first_row; r < grid->first_row + grid->n_rows; r++)
    {
      gboolean pain_row = r == n_items;
      g_autoptr(BcPlanItem) item = pain_row ? NULL : g_list_model_get_item (items, r);
      BcExercise *exercise = NULL;
      g_autoptr(PangoLayout) name = NULL;
      const char *label;

      if (item != NULL)
        exercise = bc_exercise_catalog_lookup (self->catalog, bc_plan_item_get_exercise_ref (item));
      label = pain_row ? _("Pain today (0–10)")
                       : exercise ? bc_exercise_get_name (exercise)
                                  : bc_plan_item_get_exercise_ref (item);

      name = text_layout (self, label, pain_row ? FONT " Bold 8.5" : FONT " 8.5",
                          name_width - 6, FALSE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (name, TRUE);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout (cr, name, 0, y + (TRACKING_ROW_HEIGHT - layout_height (name)) / 2);

      for (guint d = 0; d < TRACKING_DAYS; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
          gboolean due = pain_row ||
                         bc_days_contains_date (bc_plan_item_get_dosage (item)->days, day);
          double cx = name_width + d * cell;

          if (pain_row)
            {
              cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
              cairo_rectangle (cr, cx + 1, y + 1.5, cell - 2, TRACKING_ROW_HEIGHT - 3);
              cairo_stroke (cr);
            }
          else if (due)
            {
              double box = MIN (cell, TRACKING_ROW_HEIGHT) - 6;

              cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
              cairo_rectangle (cr, cx + (cell - box) / 2, y + (TRACKING_ROW_HEIGHT - box) / 2,
                               box, box);
              cairo_stroke (cr);
            }
          else
            {
              /* Not planned that day: a small dot, nothing to tick. */
              cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
              cairo_arc (cr, cx + cell / 2, y + TRACKING_ROW_HEIGHT / 2, 0.8, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        }

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, 0, y + TRACKING_ROW_HEIGHT);
      cairo_line_to (cr, self->width, y + TRACKING_ROW_HEIGHT);
      cairo_stroke (cr);
      y += TRACKING_ROW_HEIGHT;
    }
}

/* Pagination */

static void
add_block (BcPlanLayout      *self,
           BcLayoutBlockKind  kind,
           guint              page,
           guint              item,
           double             y,
           double             height)
{
  BcLayoutBlock block = { kind, page, item, y, height };

  g_array_append_val (self->blocks, block);
}

double
bc_plan_layout_get_content_height (BcPlanLayout *self)
{
  g_return_val_if_fail (BC_IS_PLAN_LAYOUT (self), 0);

  return self->height - FOOTER_HEIGHT;
}

/**
 * bc_plan_layout_paginate:
 * @width: the printable width in points
 * @height: the printable height in points, footer included
 *
 * Places every block. A block that does not fit in what is left of a
 * page starts the next one: exercises are never split.
 */
void
bc_plan_layout_paginate (BcPlanLayout *self,
                         double        width,
                         double        height)
{
  GListModel *items;
  guint n_items, page = 0, rows, rows_per_grid;
  double y, content, header, title, grid_height;

  g_return_if_fail (BC_IS_PLAN_LAYOUT (self));

  self->width = width;
  self->height = height;
  g_array_set_size (self->blocks, 0);
  g_array_set_size (self->grids, 0);
  content = bc_plan_layout_get_content_height (self);

  header = draw_or_measure_header (self, NULL);
  add_block (self, BC_LAYOUT_BLOCK_HEADER, 0, 0, 0, header);
  y = header + 6;

  items = G_LIST_MODEL (bc_plan_get_items (self->plan));
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      double h = exercise_block_height (self, item);

      if (y + h > content && y > 0)
        {
          page++;
          y = 0;
        }

      add_block (self, BC_LAYOUT_BLOCK_EXERCISE, page, i, y, h);
      y += h;
    }

  /* The tracking sheet: two two-week grids on a page when they fit,
   * otherwise a page each, rows split across pages when there are many.
   */
  title = draw_or_measure_tracking_title (self, NULL);
  rows = n_items + 1;
  rows_per_grid = (guint)MAX (1, (content - title - TRACKING_HEADER_HEIGHT) / TRACKING_ROW_HEIGHT);
  grid_height = TRACKING_HEADER_HEIGHT + MIN (rows, rows_per_grid) * TRACKING_ROW_HEIGHT;

  for (guint first_row = 0; first_row < rows; first_row += rows_per_grid)
    {
      guint n_rows = MIN (rows_per_grid, rows - first_row);
      gboolean both_fit = title + 2 * grid_height + 14 <= content;

      for (guint week = 0; week < 2; week++)
        {
          TrackingGrid grid = { 0 };

          if (week == 0 || !both_fit)
            {
              page++;
              y = title;
            }

          grid.page = page;
          grid.first_row = first_row;
          grid.n_rows = n_rows;
          grid.first_day = week * TRACKING_DAYS;
          grid.y = y;
          g_array_append_val (self->grids, grid);
          add_block (self, BC_LAYOUT_BLOCK_TRACKING, page, first_row, y,
                     TRACKING_HEADER_HEIGHT + n_rows * TRACKING_ROW_HEIGHT);
          y += TRACKING_HEADER_HEIGHT + n_rows * TRACKING_ROW_HEIGHT + 14;
        }
    }

  self->n_pages = page + 1;
}

guint
bc_plan_layout_get_n_pages (BcPlanLayout *self)
{
  g_return_val_if_fail (BC_IS_PLAN_LAYOUT (self), 0);

  return self->n_pages;
}

const BcLayoutBlock *
bc_plan_layout_get_blocks (BcPlanLayout *self,
                           guint        *n_blocks)
{
  g_return_val_if_fail (BC_IS_PLAN_LAYOUT (self), NULL);

  *n_blocks = self->blocks->len;
  return (const BcLayoutBlock *)(gpointer)self->blocks->data;
}

static void
draw_footer (BcPlanLayout *self,
             cairo_t      *cr,
             guint         page)
{
  /* Translators: the date a plan was printed, see strftime */
  g_autofree char *date = g_date_time_format (self->printed_at, _("%-d %B %Y"));
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) note = text_layout (self,
                                             _("Follow your clinician’s instructions. BackCare "
                                               "records and reminds; it does not diagnose."),
                                             FONT " 8", self->width, FALSE);
  g_autoptr(PangoLayout) left = text_layout (self, printed, FONT " 8", self->width / 2, FALSE);
  g_autoptr(PangoLayout) right = text_layout (self, page_text, FONT " 8", self->width / 2, FALSE);
  double y = self->height - FOOTER_HEIGHT + 8;

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_auto_dir (right, FALSE);

  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y - 4);
  cairo_line_to (cr, self->width, y - 4);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_layout (cr, note, 0, y);
  y += layout_height (note) + 1;
  show_layout (cr, left, 0, y);
  show_layout (cr, right, self->width / 2, y);
}

/**
 * bc_plan_layout_render_page:
 * @cr: a context whose origin is the page's printable area, in points
 *
 * Draws one page. The page is not cleared: callers start on white.
 */
void
bc_plan_layout_render_page (BcPlanLayout *self,
                            cairo_t      *cr,
                            guint         page)
{
  GListModel *items;
  gboolean title_drawn = FALSE;

  g_return_if_fail (BC_IS_PLAN_LAYOUT (self));
  g_return_if_fail (page < self->n_pages);

  items = G_LIST_MODEL (bc_plan_get_items (self->plan));
  pango_cairo_update_context (cr, self->context);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BcLayoutBlock *block = &g_array_index (self->blocks, BcLayoutBlock, i);

      if (block->page != page)
        continue;

      cairo_save (cr);
      switch (block->kind)
        {
        case BC_LAYOUT_BLOCK_HEADER:
          draw_or_measure_header (self, cr);
          break;

        case BC_LAYOUT_BLOCK_EXERCISE:
          {
            g_autoptr(BcPlanItem) item = g_list_model_get_item (items, block->item);

            draw_exercise_block (self, cr, item, block->y, block->height);
          }
          break;

        case BC_LAYOUT_BLOCK_TRACKING:
          if (!title_drawn)
            {
              draw_or_measure_tracking_title (self, cr);
              title_drawn = TRUE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }

  for (guint i = 0; i < self->grids->len; i++)
    {
      const TrackingGrid *grid = &g_array_index (self->grids, TrackingGrid, i);

      if (grid->page == page)
        {
          cairo_save (cr);
          draw_tracking_grid (self, cr, grid);
          cairo_restore (cr);
        }
    }

  cairo_save (cr);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * bc_plan_layout_export_pdf:
 *
 * Writes the plan as a vector PDF, with no display. The file appears
 * whole or not at all: it is written next to @path and renamed.
 */
gboolean
bc_plan_layout_export_pdf (BcPlanLayout  *self,
                           BcPaper        paper,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *temp_path = g_strdup_printf ("%s.partial", path);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (BC_IS_PLAN_LAYOUT (self), FALSE);

  bc_paper_get_size (paper, &width, &height);
  bc_plan_layout_paginate (self, width - 2 * PAGE_MARGIN, height - 2 * PAGE_MARGIN);

  surface = cairo_pdf_surface_create (temp_path, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, bc_plan_get_title (self->plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);

  for (guint page = 0; page < self->n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      bc_plan_layout_render_page (self, cr, page);
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

/* Paper */

void
bc_paper_get_size (BcPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == BC_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

gboolean
bc_paper_from_string (const char *name,
                      BcPaper    *out_paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *out_paper = BC_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *out_paper = BC_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* LC_PAPER decides, as for every printed page on the system: Letter in
 * the United States and Canada, A4 elsewhere.
 */
BcPaper
bc_paper_from_locale (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_PAPER", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value == NULL || value[0] == '\0')
        continue;

      if (strstr (value, "_US") != NULL || strstr (value, "_CA") != NULL)
        return BC_PAPER_LETTER;

      return BC_PAPER_A4;
    }

  return BC_PAPER_A4;
}
