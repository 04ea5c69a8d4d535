/* bc-welcome-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_WELCOME_DIALOG (bc_welcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcWelcomeDialog, bc_welcome_dialog, BC, WELCOME_DIALOG, AdwMessageDialog)

GtkWindow *bc_welcome_dialog_new        (GtkWindow       *parent,
                                         GSettings       *settings);
/* The switch that turns on the reminder with that settings key. */
GtkSwitch *bc_welcome_dialog_get_switch (BcWelcomeDialog *self,
                                         const char      *enabled_key);

G_END_DECLS
