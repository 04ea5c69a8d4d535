/* bc-pain-chart.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-pain-chart-renderer.h"

G_BEGIN_DECLS

#define BC_TYPE_PAIN_CHART (bc_pain_chart_get_type ())

G_DECLARE_FINAL_TYPE (BcPainChart, bc_pain_chart, BC, PAIN_CHART, GtkWidget)

GtkWidget        *bc_pain_chart_new               (void);
void              bc_pain_chart_set_source        (BcPainChart       *self,
                                                   BcDatabase        *db,
                                                   gint64             profile_id);
void              bc_pain_chart_reload            (BcPainChart       *self);
BcPainChartRange  bc_pain_chart_get_range         (BcPainChart       *self);
void              bc_pain_chart_set_range         (BcPainChart       *self,
                                                   BcPainChartRange   range);
void              bc_pain_chart_set_appointments  (BcPainChart       *self,
                                                   const gint64      *times,
                                                   guint              n_times);
void              bc_pain_chart_show_day          (BcPainChart       *self,
                                                   const char        *last_day);
void              bc_pain_chart_pan               (BcPainChart       *self,
                                                   double             days);
void              bc_pain_chart_zoom              (BcPainChart       *self,
                                                   double             factor,
                                                   double             anchor);
void              bc_pain_chart_get_visible_days  (BcPainChart       *self,
                                                   char             **out_first,
                                                   char             **out_last);
void              bc_pain_chart_get_plot_area     (BcPainChart       *self,
                                                   graphene_rect_t   *out_area);
const char       *bc_pain_chart_get_description   (BcPainChart       *self);
gboolean          bc_pain_chart_get_loading       (BcPainChart       *self);
GActionGroup     *bc_pain_chart_get_action_group  (BcPainChart       *self);
gboolean          bc_pain_chart_export_image      (BcPainChart       *self,
                                                   const char        *path,
                                                   BcPainChartFormat  format,
                                                   int                width,
                                                   int                height,
                                                   GError           **error);
gboolean          bc_pain_chart_export_report     (BcPainChart       *self,
                                                   const char        *path,
                                                   GError           **error);

G_END_DECLS
