/* bc-dosage.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BC_DOSAGE_ERROR (bc_dosage_error_quark ())

typedef enum
{
  BC_DOSAGE_ERROR_SETS,
  BC_DOSAGE_ERROR_REPS,
  BC_DOSAGE_ERROR_HOLD,
  BC_DOSAGE_ERROR_REST,
  BC_DOSAGE_ERROR_TIMES_PER_DAY,
  BC_DOSAGE_ERROR_DAYS,
} BcDosageError;

/* Days of the week as bits, Monday first, as GDateWeekday - 1. */
typedef enum
{
  BC_DAY_MONDAY    = 1 << 0,
  BC_DAY_TUESDAY   = 1 << 1,
  BC_DAY_WEDNESDAY = 1 << 2,
  BC_DAY_THURSDAY  = 1 << 3,
  BC_DAY_FRIDAY    = 1 << 4,
  BC_DAY_SATURDAY  = 1 << 5,
  BC_DAY_SUNDAY    = 1 << 6,
} BcDays;

#define BC_DAYS_ALL 0x7f

#define BC_DOSAGE_SETS_MAX 10
#define BC_DOSAGE_REPS_MAX 100
#define BC_DOSAGE_HOLD_MAX 300
#define BC_DOSAGE_REST_MAX 600
#define BC_DOSAGE_TIMES_PER_DAY_MAX 5

/* How much of an exercise, how often: what a physiotherapist writes. */
typedef struct
{
  guint  sets;
  guint  reps;
  guint  hold_seconds;
  guint  rest_seconds;
  guint  times_per_day;
  BcDays days;
} BcDosage;

GQuark   bc_dosage_error_quark      (void);

gboolean bc_dosage_validate         (const BcDosage  *dosage,
                                     GError         **error);
char    *bc_dosage_format_short     (const BcDosage  *dosage);
char    *bc_dosage_format_words     (const BcDosage  *dosage,
                                     gboolean         per_side);
char    *bc_days_format             (BcDays           days);
BcDays   bc_days_for_per_week       (guint            days_per_week);
guint    bc_days_count              (BcDays           days);
gboolean bc_days_contains_date      (BcDays           days,
                                     GDateTime       *date);

G_END_DECLS
