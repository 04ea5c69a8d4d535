/* bc-reminder-controller.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-reminder-engine.h"

G_BEGIN_DECLS

#define BC_TYPE_REMINDER_CONTROLLER (bc_reminder_controller_get_type ())

G_DECLARE_FINAL_TYPE (BcReminderController, bc_reminder_controller, BC, REMINDER_CONTROLLER,
                      GObject)

typedef struct _BcApplication BcApplication;

BcReminderController *bc_reminder_controller_new           (BcApplication        *application);
BcReminderEngine     *bc_reminder_controller_get_engine    (BcReminderController *self);
gboolean              bc_reminder_controller_get_holding   (BcReminderController *self);
void                  bc_reminder_controller_offer_welcome (BcReminderController *self,
                                                            GtkWindow            *window);
void                  bc_reminder_controller_stop          (BcReminderController *self);

G_END_DECLS
