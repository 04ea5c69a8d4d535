/* bc-pain-chart-data-private.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-pain-chart-data.h"

G_BEGIN_DECLS

/* Shared by the data and the drawing, nobody else. */

#define BC_PAIN_CHART_CHANGE_WINDOW_DAYS 28

typedef struct
{
  guint32  number;
  double   fraction;   /* done of due, NAN when nothing was due or done */
  guint    due;
  guint    done;
  guint    extra;
} AdherencePoint;

struct _BcPainChartData
{
  GArray   *days;          /* BcPainDay */
  GArray   *numbers;       /* guint32 day numbers */
  GArray   *x;             /* double, the middle of each day */
  GArray   *means;         /* double */
  GArray   *mins;          /* double */
  GArray   *maxs;          /* double */
  GArray   *rolling;       /* double */
  GArray   *adherence;     /* AdherencePoint */
  GArray   *adherence_x;   /* double */
  GArray   *adherence_y;   /* double, the fraction */
  GArray   *psfs;          /* BcPsfsDay */
  GArray   *psfs_x;        /* double */
  GArray   *appointments;  /* double, fractional day numbers */
  gboolean  appointments_given;
  gboolean  any_red_flag;
  guint32   loaded_first;
  guint32   loaded_last;
};

guint  bc_pain_chart_lower_bound  (const double *values,
                                   guint         n,
                                   double        value);

G_END_DECLS
