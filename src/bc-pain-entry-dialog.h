/* bc-pain-entry-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-pain-store.h"

G_BEGIN_DECLS

#define BC_TYPE_PAIN_ENTRY_DIALOG (bc_pain_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcPainEntryDialog, bc_pain_entry_dialog, BC, PAIN_ENTRY_DIALOG, AdwWindow)

BcPainEntryDialog *bc_pain_entry_dialog_new               (GtkWindow         *parent,
                                                           BcApplication     *application,
                                                           const BcPainEntry *entry);
gboolean           bc_pain_entry_dialog_is_editing        (BcPainEntryDialog *self);

/* The controls, as a person would set them (for tests). */
void               bc_pain_entry_dialog_set_intensity     (BcPainEntryDialog *self,
                                                           int                intensity);
void               bc_pain_entry_dialog_set_date_time     (BcPainEntryDialog *self,
                                                           const char        *date,
                                                           const char        *time);
void               bc_pain_entry_dialog_set_code          (BcPainEntryDialog *self,
                                                           const char        *code,
                                                           gboolean           active);
void               bc_pain_entry_dialog_set_nerve_symptoms (BcPainEntryDialog *self,
                                                            gboolean           numbness,
                                                            gboolean           tingling,
                                                            gboolean           radiating);
void               bc_pain_entry_dialog_set_sleep         (BcPainEntryDialog *self,
                                                           BcPainSleep        sleep);
void               bc_pain_entry_dialog_set_note          (BcPainEntryDialog *self,
                                                           const char        *note);

/* What the dialog shows. */
const char        *bc_pain_entry_dialog_get_error         (BcPainEntryDialog *self);
gboolean           bc_pain_entry_dialog_get_red_flag_shown (BcPainEntryDialog *self);
BcPainEntry       *bc_pain_entry_dialog_dup_entry         (BcPainEntryDialog *self);

/* Stores the entry and closes; %FALSE (nothing stored) while invalid. */
gboolean           bc_pain_entry_dialog_save              (BcPainEntryDialog *self);

G_END_DECLS
