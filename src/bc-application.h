/* bc-application.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-database.h"
#include "bc-exercise-catalog.h"
#include "bc-reminder-engine.h"

G_BEGIN_DECLS

#define BC_TYPE_APPLICATION (bc_application_get_type ())

G_DECLARE_FINAL_TYPE (BcApplication, bc_application, BC, APPLICATION, AdwApplication)

BcApplication *bc_application_new               (void);
const char    *bc_application_get_data_dir      (BcApplication  *self);
BcDatabase    *bc_application_get_database      (BcApplication  *self);
const GError  *bc_application_get_open_error    (BcApplication  *self);
gboolean       bc_application_start_empty       (BcApplication  *self,
                                                 char          **moved_to,
                                                 GError        **error);
GSettings     *bc_application_get_settings      (BcApplication  *self);
BcExerciseCatalog *bc_application_get_catalog   (BcApplication  *self);
gint64         bc_application_get_profile_id    (BcApplication  *self);
char          *bc_application_dup_profile_name  (BcApplication  *self);
void           bc_application_data_changed      (BcApplication  *self);
BcReminderEngine *bc_application_get_reminders  (BcApplication  *self);
gboolean       bc_application_get_held_for_reminders (BcApplication *self);

G_END_DECLS
