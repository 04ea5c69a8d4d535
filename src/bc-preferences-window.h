/* bc-preferences-window.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_PREFERENCES_WINDOW (bc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, BC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *bc_preferences_window_new (GtkWindow  *parent,
                                      GSettings  *settings,
                                      const char *data_dir);
GtkWidget *bc_preferences_window_get_style_row (BcPreferencesWindow *self);

G_END_DECLS
