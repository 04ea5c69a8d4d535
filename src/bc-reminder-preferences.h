/* bc-reminder-preferences.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_REMINDER_PREFERENCES_PAGE (bc_reminder_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (BcReminderPreferencesPage, bc_reminder_preferences_page,
                      BC, REMINDER_PREFERENCES_PAGE, AdwPreferencesPage)

void        bc_reminder_preferences_page_bind        (BcReminderPreferencesPage *self,
                                                      GSettings                 *settings);

/* For tests: the editable behind a settings key of type HH:MM, and what
 * its row says about it.
 */
GtkEditable *bc_reminder_preferences_page_get_time_entry (BcReminderPreferencesPage *self,
                                                          const char                *key);
const char  *bc_reminder_preferences_page_get_time_error (BcReminderPreferencesPage *self,
                                                          const char                *key);
GtkWidget   *bc_reminder_preferences_page_get_widget     (BcReminderPreferencesPage *self,
                                                          const char                *name);

G_END_DECLS
