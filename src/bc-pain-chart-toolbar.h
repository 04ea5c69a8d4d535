/* bc-pain-chart-toolbar.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-pain-chart.h"

G_BEGIN_DECLS

#define BC_TYPE_PAIN_CHART_TOOLBAR (bc_pain_chart_toolbar_get_type ())

G_DECLARE_FINAL_TYPE (BcPainChartToolbar, bc_pain_chart_toolbar, BC, PAIN_CHART_TOOLBAR, AdwBin)

GtkWidget   *bc_pain_chart_toolbar_new       (BcPainChart        *chart);
BcPainChart *bc_pain_chart_toolbar_get_chart (BcPainChartToolbar *self);
void         bc_pain_chart_toolbar_set_chart (BcPainChartToolbar *self,
                                              BcPainChart        *chart);

G_END_DECLS
