/* bc-toast.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *bc_toast_new       (const char *text);
void      bc_toast_show      (GtkWidget  *widget,
                              AdwToast   *toast);
void      bc_toast_show_text (GtkWidget  *widget,
                              const char *text,
                              gboolean    stays);

G_END_DECLS
