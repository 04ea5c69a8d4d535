/* bc-preferences-window.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-reminder-preferences.h"

G_BEGIN_DECLS

#define BC_TYPE_PREFERENCES_WINDOW (bc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, BC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

typedef struct _BcApplication BcApplication;

GtkWindow *bc_preferences_window_new (GtkWindow     *parent,
                                      BcApplication *application);
GtkWidget *bc_preferences_window_get_style_row (BcPreferencesWindow *self);
void       bc_preferences_window_add_profile   (BcPreferencesWindow *self,
                                                const char          *name);
GtkWindow *bc_preferences_window_ask_delete    (BcPreferencesWindow *self,
                                                const char          *name);
BcReminderPreferencesPage *bc_preferences_window_get_reminders_page (BcPreferencesWindow *self);

G_END_DECLS
