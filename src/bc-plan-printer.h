/* bc-plan-printer.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-plan-layout.h"

G_BEGIN_DECLS

BcPlanLayout *bc_plan_printer_create_layout (BcApplication            *application,
                                             BcPlan                   *plan);
gboolean      bc_plan_printer_run           (GtkWindow                *parent,
                                             BcApplication            *application,
                                             BcPlan                   *plan,
                                             GtkPrintOperationAction   action,
                                             const char               *export_path,
                                             GError                  **error);
GtkWindow    *bc_plan_printer_preview_new   (GtkWindow                *parent,
                                             BcApplication            *application,
                                             BcPlan                   *plan);

G_END_DECLS
