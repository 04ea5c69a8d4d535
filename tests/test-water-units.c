/* test-water-units.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Water amounts as Today and Preferences show them: millilitres and
 * litres, or US fluid ounces where the locale measures so.
 */

#include "config.h"

#include <locale.h>

#include "bc-water-units.h"

static void
test_metric (void)
{
  static const struct {
    int         ml;
    const char *text;
  } amounts[] = {
    { 0, "0 ml" }, { 250, "250 ml" }, { 1000, "1 L" }, { 1500, "1.5 L" }, { 1250, "1.25 L" },
    { 2000, "2 L" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = bc_water_format_amount (amounts[i].ml, FALSE);

      g_assert_cmpstr (text, ==, amounts[i].text);
    }

  {
    g_autofree char *none = bc_water_format_progress (0, 2000, FALSE);
    g_autofree char *some = bc_water_format_progress (750, 2000, FALSE);
    g_autofree char *small_goal = bc_water_format_progress (250, 750, FALSE);

    g_assert_cmpstr (none, ==, "0 L of 2 L");
    g_assert_cmpstr (some, ==, "0.75 L of 2 L");
    g_assert_cmpstr (small_goal, ==, "250 ml of 750 ml");
  }
}

static void
test_fl_oz (void)
{
  g_autofree char *glass = bc_water_format_amount (237, TRUE);
  g_autofree char *progress = bc_water_format_progress (500, 2000, TRUE);

  g_assert_cmpstr (glass, ==, "8 fl oz");
  g_assert_cmpstr (progress, ==, "17 fl oz of 68 fl oz");

  /* Whole ounces survive the way to millilitres and back. */
  for (int oz = 2; oz <= 203; oz++)
    g_assert_cmpint ((int) (bc_water_ml_to_fl_oz (bc_water_fl_oz_to_ml (oz)) + 0.5), ==, oz);
  g_assert_cmpint (bc_water_fl_oz_to_ml (8), ==, 237);
}

static void
test_locale (void)
{
  /* C measures in metric; en_US (where installed) in US customary units. */
  g_assert_nonnull (setlocale (LC_MEASUREMENT, "C.UTF-8"));
  g_assert_false (bc_water_units_use_fl_oz ());

  if (setlocale (LC_MEASUREMENT, "en_US.UTF-8") != NULL)
    g_assert_true (bc_water_units_use_fl_oz ());
  else
    g_test_message ("en_US.UTF-8 is not installed here; only C was checked");
  setlocale (LC_MEASUREMENT, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/water-units/metric", test_metric);
  g_test_add_func ("/water-units/fl-oz", test_fl_oz);
  g_test_add_func ("/water-units/locale", test_locale);

  return g_test_run ();
}
