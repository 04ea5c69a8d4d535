/* pain-fixture.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bc-pain-store.h"
#include "bc-plan-store.h"
#include "bc-session-store.h"
#include "pain-fixture.h"

/* The daily mean of day @day (0 is the first): 8 for the first nine
 * days, then a point less every eight days, 3 on the last.
 */
int
pain_fixture_mean (guint day)
{
  return 8 - (int)(5 * day / (PAIN_FIXTURE_DAYS - 1));
}

gboolean
pain_fixture_red_flag (guint day)
{
  return day == 10 || day == 30;
}

const char *
pain_fixture_note (guint day)
{
  if (day == 10)
    return "Numb left foot after gardening";
  if (day == 30)
    return "Pain down the right leg";
  return "";
}

/* The daily stretch is missed every fourth day. */
gboolean
pain_fixture_daily_done (guint day)
{
  return day % 4 != 3;
}

char *
pain_fixture_day (const GDate *first,
                  int          offset)
{
  GDate date = *first;

  if (offset >= 0)
    g_date_add_days (&date, offset);
  else
    g_date_subtract_days (&date, -offset);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static GDateTime *
local_time (const GDate *first,
            guint        day,
            int          hour)
{
  GDate date = *first;

  g_date_add_days (&date, day);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, 0, 0);
}

void
pain_fixture_fill (BcDatabase  *db,
                   gint64       profile_id,
                   const GDate *first)
{
  static const int hours[] = { 8, 13, 20 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("Back on track");
  g_autofree char *start = pain_fixture_day (first, 0);
  g_autoptr(GDateTime) saved = local_time (first, 0, 7);
  BcDosage daily = { 3, 1, 30, 15, 1, BC_DAYS_ALL };
  BcDosage mwf = { 2, 10, 5, 30, 1, BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY };
  g_autoptr(BcPlanItem) stretch = bc_plan_item_new (PAIN_FIXTURE_DAILY_REF, &daily, NULL);
  g_autoptr(BcPlanItem) tilt = bc_plan_item_new (PAIN_FIXTURE_MWF_REF, &mwf, NULL);
  gint64 sitting, shoes;

  bc_plan_set_clinician (plan, "Jordan Okafor");
  bc_plan_set_start_date (plan, start);
  g_list_store_append (bc_plan_get_items (plan), tilt);
  g_list_store_append (bc_plan_get_items (plan), stretch);
  g_assert_true (bc_plan_store_save (db, profile_id, plan, saved, &error));
  g_assert_no_error (error);

  for (guint day = 0; day < PAIN_FIXTURE_DAYS; day++)
    {
      g_autofree char *iso = pain_fixture_day (first, day);
      GDate date = *first;

      for (guint e = 0; e < G_N_ELEMENTS (hours); e++)
        {
          g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
          g_autoptr(GDateTime) time = local_time (first, day, hours[e]);

          bc_pain_entry_set_date_time (entry, time);
          entry->intensity = pain_fixture_mean (day) + 1 - (int)e;
          if (pain_fixture_red_flag (day) && e == 1)
            {
              entry->numbness = day == 10;
              entry->radiating = day == 30;
              g_free (entry->note);
              entry->note = g_strdup (pain_fixture_note (day));
            }
          g_assert_cmpint (bc_pain_store_add (db, profile_id, entry, &error), >, 0);
          g_assert_no_error (error);
        }

      g_date_add_days (&date, day);
      if (pain_fixture_daily_done (day))
        g_assert_true (bc_session_store_set_done (db, profile_id, iso, PAIN_FIXTURE_DAILY_REF,
                                                  TRUE, 3, &error));
      if (g_date_get_weekday (&date) == G_DATE_MONDAY ||
          g_date_get_weekday (&date) == G_DATE_WEDNESDAY ||
          g_date_get_weekday (&date) == G_DATE_FRIDAY)
        g_assert_true (bc_session_store_set_done (db, profile_id, iso, PAIN_FIXTURE_MWF_REF,
                                                  TRUE, 2, &error));
      g_assert_no_error (error);
    }

  sitting = bc_psfs_add_activity (db, profile_id, "Sitting 30 minutes", &error);
  g_assert_no_error (error);
  shoes = bc_psfs_add_activity (db, profile_id, "Tying shoes", &error);
  g_assert_no_error (error);

  {
    static const struct { guint day; int sitting; int shoes; } scores[] = {
      { 0, 3, 4 }, { 14, 5, -1 }, { 28, 6, -1 }, { 41, 7, 8 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
      {
        g_autoptr(GDateTime) when = local_time (first, scores[i].day, 9);

        g_assert_true (bc_psfs_score (db, sitting, scores[i].sitting, when, &error));
        if (scores[i].shoes >= 0)
          g_assert_true (bc_psfs_score (db, shoes, scores[i].shoes, when, &error));
        g_assert_no_error (error);
      }
  }
}
