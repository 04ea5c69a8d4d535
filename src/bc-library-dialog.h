/* bc-library-dialog.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-exercise-catalog.h"

G_BEGIN_DECLS

#define BC_TYPE_LIBRARY_DIALOG (bc_library_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BcLibraryDialog, bc_library_dialog, BC, LIBRARY_DIALOG, AdwWindow)

BcLibraryDialog *bc_library_dialog_new          (GtkWindow         *parent,
                                                 BcExerciseCatalog *catalog);
void             bc_library_dialog_set_query    (BcLibraryDialog   *self,
                                                 const char        *query,
                                                 int                category);
GListModel      *bc_library_dialog_get_filtered (BcLibraryDialog   *self);
void             bc_library_dialog_choose       (BcLibraryDialog   *self,
                                                 guint              position);
GtkWindow       *bc_library_dialog_get_editor   (BcLibraryDialog   *self);

GtkWidget       *bc_exercise_picture_new        (BcExercise        *exercise,
                                                 int                size);

G_END_DECLS
