/* test-dosage.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bc-dosage.h"

static void
test_validate (void)
{
  static const struct {
    BcDosage dosage;
    int      error_code; /* -1: valid */
  } cases[] = {
    { { 1, 1, 0, 0, 1, BC_DAY_MONDAY }, -1 },
    { { 10, 100, 300, 600, 5, BC_DAYS_ALL }, -1 },
    { { 0, 10, 5, 30, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_SETS },
    { { 11, 10, 5, 30, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_SETS },
    { { 3, 0, 5, 30, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_REPS },
    { { 3, 101, 5, 30, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_REPS },
    { { 3, 10, 301, 30, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_HOLD },
    { { 3, 10, 5, 601, 1, BC_DAYS_ALL }, BC_DOSAGE_ERROR_REST },
    { { 3, 10, 5, 30, 0, BC_DAYS_ALL }, BC_DOSAGE_ERROR_TIMES_PER_DAY },
    { { 3, 10, 5, 30, 6, BC_DAYS_ALL }, BC_DOSAGE_ERROR_TIMES_PER_DAY },
    { { 3, 10, 5, 30, 1, 0 }, BC_DOSAGE_ERROR_DAYS },
    { { 3, 10, 5, 30, 1, 0x80 }, BC_DOSAGE_ERROR_DAYS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = bc_dosage_validate (&cases[i].dosage, &error);

      if (cases[i].error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, BC_DOSAGE_ERROR, cases[i].error_code);
          g_test_message ("case %u refused: %s", i, error->message);
        }
    }
}

static void
test_format (void)
{
  static const struct {
    BcDosage    dosage;
    gboolean    per_side;
    const char *short_text;
    const char *words;
  } cases[] = {
    { { 3, 10, 5, 30, 1, BC_DAYS_ALL }, FALSE,
      "3 × 10, hold 5 s, daily",
      "3 sets of 10, hold 5 seconds, once a day, daily" },
    { { 2, 10, 5, 30, 1, BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY }, TRUE,
      "2 × 10, hold 5 s, Mon Wed Fri",
      "2 sets of 10, hold 5 seconds, each side, once a day, Mon Wed Fri" },
    { { 3, 1, 30, 15, 2, BC_DAYS_ALL }, TRUE,
      "3 times, hold 30 s, daily, 2× a day",
      "3 times, hold 30 seconds, each side, twice a day, daily" },
    { { 1, 12, 0, 60, 1, 0x1f }, FALSE,
      "1 × 12, weekdays",
      "1 set of 12, once a day, weekdays" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *short_text = bc_dosage_format_short (&cases[i].dosage);
      g_autofree char *words = bc_dosage_format_words (&cases[i].dosage, cases[i].per_side);

      g_assert_cmpstr (short_text, ==, cases[i].short_text);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_days (void)
{
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);

  for (guint n = 1; n <= 7; n++)
    g_assert_cmpuint (bc_days_count (bc_days_for_per_week (n)), ==, n);

  g_assert_cmpint (bc_days_for_per_week (3), ==,
                   BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY);
  g_assert_true (bc_days_contains_date (BC_DAY_MONDAY, monday));
  g_assert_false (bc_days_contains_date (BC_DAY_MONDAY, sunday));
  g_assert_true (bc_days_contains_date (BC_DAY_SUNDAY, sunday));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dosage/validate", test_validate);
  g_test_add_func ("/dosage/format", test_format);
  g_test_add_func ("/dosage/days", test_days);

  return g_test_run ();
}
