/* bc-test-util.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the ui tests share: letting the main loop run, and rendering a
 * widget through its own GSK renderer, as the screen would.
 */

void        bc_test_iterate      (guint       ms);
GdkTexture *bc_test_render       (GtkWidget  *widget);
guint       bc_test_count_colors (GdkTexture *texture);
void        bc_test_save_png     (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
