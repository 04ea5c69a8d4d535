/* bc-water-units.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Water is stored in millilitres; people in the United States read and
 * enter it in US fluid ounces.
 */

#define BC_ML_PER_FL_OZ 29.5735

gboolean  bc_water_units_use_fl_oz  (void);
double    bc_water_ml_to_fl_oz      (int      ml);
int       bc_water_fl_oz_to_ml      (double   fl_oz);
char     *bc_water_format_amount    (int      ml,
                                     gboolean fl_oz);
char     *bc_water_format_progress  (int      ml,
                                     int      goal_ml,
                                     gboolean fl_oz);

G_END_DECLS
