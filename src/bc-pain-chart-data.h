/* bc-pain-chart-data.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-pain-overlays.h"
#include "bc-pain-stats.h"
#include "bc-pain-store.h"
#include "bc-plan.h"

G_BEGIN_DECLS

/* What the pain chart shows, shared by the BcPainChart widget, image
 * export and the clinician report. GLib only: no GTK.
 */

typedef enum
{
  BC_PAIN_CHART_RANGE_TWO_WEEKS,
  BC_PAIN_CHART_RANGE_THREE_MONTHS,
  BC_PAIN_CHART_RANGE_YEAR,
  BC_PAIN_CHART_RANGE_ALL,
} BcPainChartRange;

#define BC_TYPE_PAIN_CHART_RANGE (bc_pain_chart_range_get_type ())

GType        bc_pain_chart_range_get_type    (void) G_GNUC_CONST;
guint        bc_pain_chart_range_get_days    (BcPainChartRange  range);
const char  *bc_pain_chart_range_to_string   (BcPainChartRange  range);
gboolean     bc_pain_chart_range_from_string (const char       *str,
                                              BcPainChartRange *out_range);

/* What is on screen: days are GDate Julian day numbers, and day n
 * covers [n, n + 1) on the time axis.
 */
typedef struct
{
  double   start;             /* the day number at the left edge */
  double   span;              /* days shown, at least one */
  guint32  cursor;            /* the day whose values are shown, or 0 */
  gboolean callout;           /* draw the cursor day's values in the chart */
} BcPainChartView;

void         bc_pain_chart_view_get_days     (const BcPainChartView *view,
                                              guint32               *out_first,
                                              guint32               *out_last,
                                              guint                 *out_n_days);

typedef struct _BcPainChartData BcPainChartData;

BcPainChartData *bc_pain_chart_data_new           (void);
void             bc_pain_chart_data_free          (BcPainChartData       *self);
gboolean         bc_pain_chart_data_load          (BcPainChartData       *self,
                                                   BcDatabase            *db,
                                                   gint64                 profile_id,
                                                   BcPlan                *plan,
                                                   guint32                first_day,
                                                   guint32                last_day,
                                                   GError               **error);
void             bc_pain_chart_data_load_async    (const char            *data_dir,
                                                   gint64                 profile_id,
                                                   BcPlan                *plan,
                                                   GArray                *appointments,
                                                   guint32                first_day,
                                                   guint32                last_day,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
BcPainChartData *bc_pain_chart_data_load_finish   (GAsyncResult          *result,
                                                   GError               **error);
void             bc_pain_chart_data_set_days      (BcPainChartData       *self,
                                                   const BcPainDay       *days,
                                                   guint                  n_days);
void             bc_pain_chart_data_set_adherence (BcPainChartData       *self,
                                                   const BcAdherenceDay  *days,
                                                   guint                  n_days);
void             bc_pain_chart_data_set_psfs      (BcPainChartData       *self,
                                                   const BcPsfsDay       *days,
                                                   guint                  n_days);
void             bc_pain_chart_data_set_appointments (BcPainChartData    *self,
                                                   const gint64          *times,
                                                   guint                  n_times);
void             bc_pain_chart_data_get_loaded    (BcPainChartData       *self,
                                                   guint32               *out_first,
                                                   guint32               *out_last);
gboolean         bc_pain_chart_data_get_extent    (BcPainChartData       *self,
                                                   guint32               *out_first,
                                                   guint32               *out_last);
const BcPainDay *bc_pain_chart_data_lookup        (BcPainChartData       *self,
                                                   guint32                day);
void             bc_pain_chart_data_compare       (BcPainChartData       *self,
                                                   guint32                last_day,
                                                   guint                  window_days,
                                                   BcPainChange          *out_change);
char            *bc_pain_chart_data_describe      (BcPainChartData       *self,
                                                   const BcPainChartView *view);
char            *bc_pain_chart_data_describe_range (BcPainChartData      *self,
                                                   const BcPainChartView *view);
char            *bc_pain_chart_data_describe_change (BcPainChartData     *self,
                                                   guint32                last_day,
                                                   BcPainChange          *out_change);
char            *bc_pain_chart_data_describe_day  (BcPainChartData       *self,
                                                   guint32                day);

char            *bc_pain_chart_format_day         (guint32                number,
                                                   const char            *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPainChartData, bc_pain_chart_data_free)

G_END_DECLS
