/* bc-toast.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bc-toast.h"

/* Toasts for every page and dialog in one place. A toast's title is
 * markup in libadwaita 1.2, so text from data ("Core & stretch", a path
 * with "<") must be escaped or the toast shows nothing.
 */

AdwToast *
bc_toast_new (const char *text)
{
  g_autofree char *title = g_markup_escape_text (text, -1);

  return adw_toast_new (title);
}

/* Shows @toast on the overlay around @widget: the main window's, or the
 * one of the window @widget is in. Without one it is dropped.
 */
void
bc_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* @stays: errors stay until dismissed, confirmations time out. */
void
bc_toast_show_text (GtkWidget  *widget,
                    const char *text,
                    gboolean    stays)
{
  AdwToast *toast = bc_toast_new (text);

  if (stays)
    adw_toast_set_timeout (toast, 0);
  bc_toast_show (widget, toast);
}
