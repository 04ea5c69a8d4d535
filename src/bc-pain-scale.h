/* bc-pain-scale.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BC_TYPE_PAIN_SCALE (bc_pain_scale_get_type ())

G_DECLARE_FINAL_TYPE (BcPainScale, bc_pain_scale, BC, PAIN_SCALE, GtkWidget)

#define BC_PAIN_SCALE_NONE (-1)

GtkWidget *bc_pain_scale_new            (gboolean     selectable);
int        bc_pain_scale_get_value      (BcPainScale *self);
void       bc_pain_scale_set_value      (BcPainScale *self,
                                         int          value);
gboolean   bc_pain_scale_get_selectable (BcPainScale *self);
void       bc_pain_scale_choose         (BcPainScale *self,
                                         int          value);
gboolean   bc_pain_scale_get_one_row    (BcPainScale *self);
void       bc_pain_scale_set_anchors    (BcPainScale *self,
                                         const char  *low,
                                         const char  *middle,
                                         const char  *high);

G_END_DECLS
