/* bc-appointment-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-appointment-store.h"

G_BEGIN_DECLS

#define BC_TYPE_APPOINTMENT_DIALOG (bc_appointment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcAppointmentDialog, bc_appointment_dialog, BC, APPOINTMENT_DIALOG, AdwWindow)

BcAppointmentDialog *bc_appointment_dialog_new         (GtkWindow           *parent,
                                                        BcApplication       *application,
                                                        const BcAppointment *appointment);
gboolean             bc_appointment_dialog_is_editing  (BcAppointmentDialog *self);

/* The controls, as a person would fill them in (for tests).
 * Text fields: "date", "time", "duration", "therapist", "location",
 * "phone", "cost", "currency", "notes", "interval", "count", "until".
 * Choices: "modality", "insurance", "status" (codes), "pain-before",
 * "pain-after" ("" or "0"–"10"), "repeat" ("none", "weekly"), "end"
 * ("count", "until"), "scope" ("one", "all").
 */
void                 bc_appointment_dialog_set_text    (BcAppointmentDialog *self,
                                                        const char          *field,
                                                        const char          *text);
void                 bc_appointment_dialog_set_choice  (BcAppointmentDialog *self,
                                                        const char          *field,
                                                        const char          *code);

/* What the dialog shows: what keeps it from saving, and the overlap. */
const char          *bc_appointment_dialog_get_error   (BcAppointmentDialog *self);
const char          *bc_appointment_dialog_get_warning (BcAppointmentDialog *self);

/* Stores the appointment (or series) and closes; %FALSE (nothing
 * stored) while invalid.
 */
gboolean             bc_appointment_dialog_save        (BcAppointmentDialog *self);

G_END_DECLS
