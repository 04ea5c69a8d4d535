/* bc-plan-printer.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-printer"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-plan-printer.h"

/* Printing through GtkPrintOperation, with the page setup remembered in
 * GSettings, and an in-app preview of page thumbnails (the portal's
 * preview depends on the host). Pages come from BcPlanLayout.
 */

#define THUMBNAIL_SCALE 0.4

BcPlanLayout *
bc_plan_printer_create_layout (BcApplication *application,
                               BcPlan        *plan)
{
  GSettings *settings = bc_application_get_settings (application);
  g_autofree char *patient = bc_application_dup_profile_name (application);
  g_autofree char *name = g_settings_get_string (settings, "clinic-name");
  g_autofree char *address = g_settings_get_string (settings, "clinic-address");
  g_autofree char *phone = g_settings_get_string (settings, "clinic-phone");
  g_autofree char *logo = g_settings_get_string (settings, "clinic-logo");
  BcLetterhead letterhead = { name, address, phone, logo };

  return bc_plan_layout_new (plan, bc_application_get_catalog (application), patient,
                             &letterhead, NULL);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BcPlanLayout      *layout)
{
  bc_plan_layout_paginate (layout,
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, bc_plan_layout_get_n_pages (layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              BcPlanLayout      *layout)
{
  bc_plan_layout_render_page (layout, gtk_print_context_get_cairo_context (context), page);
}

/* The margins of the command line's PDF, so both lay out alike. */
static void
set_margins (GtkPageSetup *setup)
{
  gtk_page_setup_set_top_margin (setup, BC_PLAN_LAYOUT_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, BC_PLAN_LAYOUT_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, BC_PLAN_LAYOUT_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, BC_PLAN_LAYOUT_PAGE_MARGIN, GTK_UNIT_POINTS);
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (bc_paper_from_locale () == BC_PAPER_LETTER
                                                      ? GTK_PAPER_NAME_LETTER
                                                      : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, paper);
  set_margins (setup);
  return setup;
}

/**
 * bc_plan_printer_run:
 * @action: print with the dialog, or export to @export_path
 *
 * Runs the print operation (modal, so the page setup chosen is saved
 * before this returns).
 */
gboolean
bc_plan_printer_run (GtkWindow                *parent,
                     BcApplication            *application,
                     BcPlan                   *plan,
                     GtkPrintOperationAction   action,
                     const char               *export_path,
                     GError                  **error)
{
  GSettings *settings = bc_application_get_settings (application);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(BcPlanLayout) layout = bc_plan_printer_create_layout (application, plan);
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");
  g_autoptr(GtkPageSetup) setup = default_page_setup ();
  GtkPrintOperationResult result;

  if (g_variant_n_children (saved) > 0)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (saved);
      g_autoptr(GtkPaperSize) paper = gtk_print_settings_get_paper_size (print_settings);

      gtk_print_operation_set_print_settings (operation, print_settings);
      if (paper != NULL)
        {
          gtk_page_setup_set_paper_size (setup, paper);
          set_margins (setup);
        }
    }

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, bc_plan_get_title (plan));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), layout);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *used = gtk_print_operation_get_print_settings (operation);

      if (used != NULL)
        g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (used));
    }

  return TRUE;
}

/* Preview */

static GdkTexture *
render_thumbnail (BcPlanLayout *layout,
                  guint         page,
                  double        width,
                  double        height)
{
  int pixel_width = (int)(width * THUMBNAIL_SCALE);
  int pixel_height = (int)(height * THUMBNAIL_SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width,
                                                         pixel_height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  double paper_margin = BC_PLAN_LAYOUT_PAGE_MARGIN;
  GdkTexture *texture;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, pixel_width, pixel_height);
  cairo_fill (cr);
  cairo_scale (cr, THUMBNAIL_SCALE, THUMBNAIL_SCALE);
  cairo_translate (cr, paper_margin, paper_margin);
  bc_plan_layout_render_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
                                    bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

/* The preview's buttons act in the main window, after closing it. */
static void
forward_clicked_cb (GtkButton *button,
                    GtkWindow *parent)
{
  const char *action = g_object_get_data (G_OBJECT (button), "action");

  gtk_window_close (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
  gtk_widget_activate_action (GTK_WIDGET (parent), action, NULL);
}

/**
 * bc_plan_printer_preview_new:
 *
 * A window with a thumbnail of every page, as the PDF export lays it
 * out on the locale's paper, and buttons to print or export.
 */
GtkWindow *
bc_plan_printer_preview_new (GtkWindow     *parent,
                             BcApplication *application,
                             BcPlan        *plan)
{
  g_autoptr(BcPlanLayout) layout = bc_plan_printer_create_layout (application, plan);
  GtkWidget *window, *box, *header, *scrolled, *flow, *print_button, *export_button;
  double width, height;
  g_autofree char *subtitle = NULL;

  bc_paper_get_size (bc_paper_from_locale (), &width, &height);
  bc_plan_layout_paginate (layout, width - 2 * BC_PLAN_LAYOUT_PAGE_MARGIN,
                           height - 2 * BC_PLAN_LAYOUT_PAGE_MARGIN);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 640);
  gtk_widget_set_size_request (window, 360, 294);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  subtitle = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages",
                                           bc_plan_layout_get_n_pages (layout)),
                              bc_plan_layout_get_n_pages (layout));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Print Preview"), subtitle));

  print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  g_object_set_data (G_OBJECT (print_button), "action", (gpointer)"win.print");
  gtk_widget_add_css_class (print_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print_button);
  export_button = gtk_button_new_with_mnemonic (_("_Export as PDF…"));
  g_object_set_data (G_OBJECT (export_button), "action", (gpointer)"win.export-pdf");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), export_button);
  if (parent != NULL)
    {
      g_signal_connect_object (print_button, "clicked", G_CALLBACK (forward_clicked_cb), parent, 0);
      g_signal_connect_object (export_button, "clicked", G_CALLBACK (forward_clicked_cb), parent, 0);
    }
  gtk_box_append (GTK_BOX (box), header);

  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_widget_set_margin_top (flow, 18);
  gtk_widget_set_margin_bottom (flow, 18);
  gtk_widget_set_margin_start (flow, 18);
  gtk_widget_set_margin_end (flow, 18);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages"), -1);

  for (guint page = 0; page < bc_plan_layout_get_n_pages (layout); page++)
    {
      g_autoptr(GdkTexture) texture = render_thumbnail (layout, page, width, height);
      g_autofree char *label = g_strdup_printf (_("Page %u"), page + 1);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      GtkWidget *frame = gtk_frame_new (NULL);

      /* Natural size: the thumbnail's own pixels, so the card fits the page. */
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_tooltip_text (picture, label);
      gtk_frame_set_child (GTK_FRAME (frame), picture);
      gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (frame, GTK_ALIGN_START);
      gtk_widget_add_css_class (frame, "card");
      gtk_flow_box_append (GTK_FLOW_BOX (flow), frame);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), flow);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_set_data (G_OBJECT (window), "n-pages",
                     GUINT_TO_POINTER (bc_plan_layout_get_n_pages (layout)));
  return GTK_WINDOW (window);
}
