/* bc-water-units.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>

#include "bc-water-units.h"

/**
 * bc_water_units_use_fl_oz:
 *
 * Returns: whether the measurement locale uses US customary units
 *   (en_US and the few others glibc marks so)
 */
gboolean
bc_water_units_use_fl_oz (void)
{
  const char *locale;

#ifdef _NL_MEASUREMENT_MEASUREMENT
  {
    const char *measurement = nl_langinfo (_NL_MEASUREMENT_MEASUREMENT);

    /* 1 is metric, 2 is US customary. */
    if (measurement != NULL && (measurement[0] == 1 || measurement[0] == 2))
      return measurement[0] == 2;
  }
#endif

  locale = setlocale (LC_MEASUREMENT, NULL);
  return locale != NULL && g_str_has_prefix (locale, "en_US");
}

double
bc_water_ml_to_fl_oz (int ml)
{
  return ml / BC_ML_PER_FL_OZ;
}

int
bc_water_fl_oz_to_ml (double fl_oz)
{
  return (int) lround (fl_oz * BC_ML_PER_FL_OZ);
}

/* Litres with at most two decimals and no trailing zeros: 2 L, 1.5 L, 1.25 L. */
static char *
format_litres (int ml)
{
  int decimals = ml % 1000 == 0 ? 0 : ml % 100 == 0 ? 1 : 2;

  /* Translators: an amount of water in litres, e.g. "1.5 L" */
  return g_strdup_printf (_("%.*f L"), decimals, ml / 1000.0);
}

/**
 * bc_water_format_amount:
 *
 * Returns: (transfer full): "250 ml", "1.5 L" or "8 fl oz"
 */
char *
bc_water_format_amount (int      ml,
                        gboolean fl_oz)
{
  if (fl_oz)
    /* Translators: an amount of water in US fluid ounces, e.g. "8 fl oz" */
    return g_strdup_printf (_("%ld fl oz"), lround (bc_water_ml_to_fl_oz (ml)));

  if (ABS (ml) >= 1000)
    return format_litres (ml);

  /* Translators: an amount of water in millilitres, e.g. "250 ml" */
  return g_strdup_printf (_("%d ml"), ml);
}

/**
 * bc_water_format_progress:
 *
 * Returns: (transfer full): e.g. "1.25 L of 2 L"
 */
char *
bc_water_format_progress (int      ml,
                          int      goal_ml,
                          gboolean fl_oz)
{
  g_autofree char *drunk = NULL;
  g_autofree char *goal = bc_water_format_amount (goal_ml, fl_oz);

  /* Litres on both sides read better than "750 ml of 2 L". */
  if (!fl_oz && goal_ml >= 1000 && ml >= 0)
    drunk = format_litres (ml);
  else
    drunk = bc_water_format_amount (ml, fl_oz);

  /* Translators: water drunk today and the daily goal, e.g. "1.25 L of 2 L" */
  return g_strdup_printf (_("%s of %s"), drunk, goal);
}
