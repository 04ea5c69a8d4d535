/* test-scheduler.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure scheduler on injected moments: intervals, active hours and
 * days, quiet hours across midnight, the water goal, snoozes, breaks,
 * absences, clock jumps and DST days in two zones. Each moment carries
 * its zone; the scheduler works in that zone, whatever TZ says.
 */

#include "config.h"

#include "bc-scheduler.h"

#define HOUR (60 * 60)
#define MINUTE 60

static GTimeZone *berlin;
static GTimeZone *new_york;

static GDateTime *
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static gint64
unix_at (GTimeZone *tz,
         int        year,
         int        month,
         int        day,
         int        hour,
         int        minute)
{
  g_autoptr(GDateTime) moment = at (tz, year, month, day, hour, minute);

  return g_date_time_to_unix (moment);
}

/* 2025-03-03 is a Monday; Berlin is at +01 then. */
static gint64
march (int day,
       int hour,
       int minute)
{
  return unix_at (berlin, 2025, 3, day, hour, minute);
}

static GDateTime *
march_at (int day,
          int hour,
          int minute)
{
  return at (berlin, 2025, 3, day, hour, minute);
}

static char *
format_in (GTimeZone *tz,
           gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%F %R %z");
}

#define assert_due(tz, due, expected) \
  G_STMT_START { \
    g_autofree char *formatted_ = format_in ((tz), (due)); \
    g_assert_cmpstr (formatted_, ==, (expected)); \
  } G_STMT_END

static void
setup (BcReminderSettings *settings,
       BcReminderState    *state)
{
  bc_reminder_settings_init_defaults (settings);
  memset (state, 0, sizeof *state);
}

static gint64
due (const BcReminderSettings *settings,
     const BcReminderState    *state,
     BcReminderKind            kind,
     GDateTime                *now)
{
  return bc_scheduler_next_due (settings, state, kind, now);
}

static void
test_defaults_and_names (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) now = march_at (3, 10, 0);
  BcReminderKind kind = BC_REMINDER_HYDRATION;

  setup (&settings, &state);
  for (guint i = 0; i < BC_N_REMINDERS; i++)
    g_assert_false (settings.rules[i].enabled);
  g_assert_cmpint (settings.rules[BC_REMINDER_HYDRATION].interval_minutes, ==, 60);
  g_assert_cmpint (settings.rules[BC_REMINDER_STRETCH].interval_minutes, ==, 45);
  g_assert_cmpint (settings.rules[BC_REMINDER_STRETCH].days, ==, 0x1f);
  g_assert_cmpuint (settings.hydration_goal_ml, ==, 2000);

  /* Nothing is on, so nothing is due. */
  g_assert_cmpint (bc_scheduler_next (&settings, &state, now, NULL), ==, 0);

  for (guint i = 0; i < BC_N_REMINDERS; i++)
    {
      g_assert_true (bc_reminder_kind_from_string (bc_reminder_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_cmpstr (bc_reminder_kind_to_string (BC_REMINDER_PAIN), ==, "pain");
  g_assert_false (bc_reminder_kind_from_string ("away", &kind));
  g_assert_false (bc_reminder_kind_from_string (NULL, &kind));
}

static void
test_hydration_interval (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) early = march_at (3, 8, 30);
  g_autoptr(GDateTime) nine = march_at (3, 9, 0);
  g_autoptr(GDateTime) later = march_at (3, 9, 1);
  g_autoptr(GDateTime) half_nine = march_at (3, 9, 30);
  g_autoptr(GDateTime) evening = march_at (3, 20, 31);
  BcReminderKind kind = BC_N_REMINDERS;

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;

  /* The first of the day comes at the start of the active hours. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, early), ==, march (3, 9, 0));
  g_assert_cmpint (bc_scheduler_next (&settings, &state, early, &kind), ==, march (3, 9, 0));
  g_assert_cmpint (kind, ==, BC_REMINDER_HYDRATION);
  /* Due now is due, not tomorrow. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, nine), ==, march (3, 9, 0));

  /* Then every interval after the last prompt or glass. */
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 9, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, later), ==, march (3, 10, 0));
  state.last_done[BC_REMINDER_HYDRATION] = march (3, 9, 20);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, half_nine), ==,
                   march (3, 10, 20));

  /* One that would come after the active hours waits for tomorrow. */
  state.last_done[BC_REMINDER_HYDRATION] = 0;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 20, 30);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, evening), ==, march (4, 9, 0));

  /* An interval of 90 minutes: 09:00, 10:30, … the last at 19:30. */
  settings.rules[BC_REMINDER_HYDRATION].interval_minutes = 90;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 18, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, evening), ==, march (3, 19, 30));
}

static void
test_hydration_goal (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) now = march_at (3, 14, 0);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 13, 30);

  state.water_today_ml = 1750;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (3, 14, 30));

  /* Goal reached: nothing more today, the next day starts afresh. */
  state.water_today_ml = 2000;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (4, 9, 0));
  state.water_today_ml = 2250;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (4, 9, 0));

  /* No goal set: it never stops. */
  settings.hydration_goal_ml = 0;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (3, 14, 30));
}

static void
test_stretch_working_hours (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) monday = march_at (3, 8, 0);
  g_autoptr(GDateTime) friday = march_at (7, 16, 31);
  g_autoptr(GDateTime) saturday = march_at (8, 11, 0);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_STRETCH].enabled = TRUE;

  /* One interval into the working day. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, monday), ==, march (3, 9, 45));

  /* Friday afternoon's last one would fall after hours: Monday next. */
  state.last_prompted[BC_REMINDER_STRETCH] = march (7, 16, 30);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, friday), ==, march (10, 9, 45));

  /* Not on the weekend, unless the weekend is a working day. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, saturday), ==, march (10, 9, 45));
  settings.rules[BC_REMINDER_STRETCH].days = 0x7f;
  /* Due since 09:45 and still inside the working hours: show it now. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, saturday), ==, march (8, 9, 45));

  /* No working day at all: never. */
  settings.rules[BC_REMINDER_STRETCH].days = 0;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, saturday), ==, 0);
}

static void
test_stretch_done_resets (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) now = march_at (3, 10, 50);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_STRETCH].enabled = TRUE;
  state.last_prompted[BC_REMINDER_STRETCH] = march (3, 10, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, now), ==, march (3, 10, 45));

  /* Done (or skipped) at 10:20 restarts the interval from there. */
  state.last_done[BC_REMINDER_STRETCH] = march (3, 10, 20);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, now), ==, march (3, 11, 5));

  /* So does a long sleep or screen lock that ended at 10:40. */
  state.last_resume = march (3, 10, 40);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, now), ==, march (3, 11, 25));

  /* The hydration interval does not care about breaks. */
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 10, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (3, 11, 0));
}

static void
test_snooze (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) now = march_at (3, 10, 1);
  g_autoptr(GDateTime) after = march_at (3, 10, 17);
  g_autoptr(GDateTime) late = march_at (3, 21, 51);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_STRETCH].enabled = TRUE;

  /* Snoozed at 10:01 for 15 minutes: due 10:16, not 11:00. */
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 10, 0);
  state.snoozed_until[BC_REMINDER_HYDRATION] = march (3, 10, 16);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (3, 10, 16));

  /* The prompt it brought uses the snooze up. */
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 10, 16);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, after), ==, march (3, 11, 16));

  /* A stretch snoozed for 10 minutes. */
  state.last_prompted[BC_REMINDER_STRETCH] = march (3, 10, 0);
  state.snoozed_until[BC_REMINDER_STRETCH] = march (3, 10, 11);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, now), ==, march (3, 10, 11));
  /* Done after the snoozed prompt came: the interval restarts. */
  state.last_prompted[BC_REMINDER_STRETCH] = march (3, 10, 11);
  state.last_done[BC_REMINDER_STRETCH] = march (3, 10, 12);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_STRETCH, after), ==, march (3, 10, 57));

  /* A snooze into quiet hours waits for their end (and the active hours). */
  settings.rules[BC_REMINDER_HYDRATION].start_minute = 7 * 60;
  settings.rules[BC_REMINDER_HYDRATION].end_minute = 23 * 60;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 21, 50);
  state.snoozed_until[BC_REMINDER_HYDRATION] = march (3, 22, 5);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, late), ==, march (4, 8, 0));
}

static void
test_quiet_hours (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) eleven_pm = march_at (3, 23, 0);
  g_autoptr(GDateTime) three_am = march_at (4, 3, 0);
  g_autoptr(GDateTime) almost_eight = march_at (4, 7, 59);
  g_autoptr(GDateTime) eight = march_at (4, 8, 0);
  g_autoptr(GDateTime) evening = march_at (3, 21, 59);
  g_autoptr(GDateTime) now = march_at (3, 21, 31);
  g_autoptr(GDateTime) morning = march_at (3, 9, 0);

  setup (&settings, &state);

  /* 22:00–08:00 crosses midnight. */
  g_assert_true (bc_scheduler_is_quiet (&settings, eleven_pm));
  g_assert_true (bc_scheduler_is_quiet (&settings, three_am));
  g_assert_true (bc_scheduler_is_quiet (&settings, almost_eight));
  g_assert_false (bc_scheduler_is_quiet (&settings, eight));
  g_assert_false (bc_scheduler_is_quiet (&settings, evening));

  /* Within one day, and none at all. */
  settings.quiet_start_minute = 12 * 60;
  settings.quiet_end_minute = 14 * 60;
  g_assert_false (bc_scheduler_is_quiet (&settings, eleven_pm));
  settings.quiet_start_minute = settings.quiet_end_minute = 0;
  g_assert_false (bc_scheduler_is_quiet (&settings, three_am));

  /* Hydration around the clock: nothing between 22:00 and 08:00. */
  settings.quiet_start_minute = 22 * 60;
  settings.quiet_end_minute = 8 * 60;
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_HYDRATION].start_minute = 0;
  settings.rules[BC_REMINDER_HYDRATION].end_minute = 0;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 21, 30);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, now), ==, march (4, 8, 0));
  /* Asked at 03:00, still the end of the quiet hours. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, three_am), ==, march (4, 8, 0));

  /* A fixed time inside quiet hours moves to their end (yesterday's
   * came this morning).
   */
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;
  settings.rules[BC_REMINDER_PAIN].at_minute = 23 * 60;
  state.last_prompted[BC_REMINDER_PAIN] = march (3, 8, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, now), ==, march (4, 8, 0));

  /* A pause moves everything to its end. */
  settings.rules[BC_REMINDER_HYDRATION].start_minute = 9 * 60;
  settings.rules[BC_REMINDER_HYDRATION].end_minute = 21 * 60;
  state.last_prompted[BC_REMINDER_HYDRATION] = 0;
  settings.paused_until = march (3, 12, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, morning), ==, march (3, 12, 0));
}

static void
test_active_days (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) monday = march_at (3, 10, 0);
  g_autoptr(GDateTime) tuesday = march_at (4, 10, 0);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_SESSION].enabled = TRUE;
  settings.rules[BC_REMINDER_SESSION].days = 0x01 | 0x04 | 0x10; /* Mon, Wed, Fri */

  state.plan_due_today = TRUE;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_SESSION, monday), ==, march (3, 18, 0));

  /* Today's session already done: Wednesday. */
  state.session_done_today = TRUE;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_SESSION, monday), ==, march (5, 18, 0));

  /* Not a plan day. */
  state.session_done_today = FALSE;
  state.plan_due_today = FALSE;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_SESSION, tuesday), ==, march (5, 18, 0));

  /* The pain prompt is skipped when today has an entry. */
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, monday), ==, march (3, 20, 0));
  state.pain_logged_today = TRUE;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, monday), ==, march (4, 20, 0));

  /* Once prompted, once a day. */
  state.pain_logged_today = FALSE;
  state.last_prompted[BC_REMINDER_PAIN] = march (3, 20, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, monday), ==, march (4, 20, 0));
}

static void
test_daily_overdue (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) nine_pm = march_at (3, 21, 0);
  g_autoptr(GDateTime) half_ten = march_at (3, 22, 30);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;

  /* Missed at 20:00 and still allowed: due (in the past), show now. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, nine_pm), ==, march (3, 20, 0));
  /* In quiet hours it cannot be shown on its day any more: tomorrow's. */
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, half_ten), ==, march (4, 20, 0));
}

static void
test_review (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) morning = march_at (3, 8, 30);
  g_autoptr(GDateTime) next_day = march_at (4, 8, 30);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_REVIEW].enabled = TRUE;

  g_assert_cmpint (due (&settings, &state, BC_REMINDER_REVIEW, morning), ==, 0);

  g_strlcpy (state.review_date, "2025-03-03", sizeof state.review_date);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_REVIEW, morning), ==, march (3, 9, 0));

  /* At the session time when that is on. */
  settings.rules[BC_REMINDER_REVIEW].at_minute = 18 * 60;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_REVIEW, morning), ==, march (3, 18, 0));

  /* Once: prompted, or the day gone, and it does not come again. */
  state.last_prompted[BC_REMINDER_REVIEW] = march (3, 18, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_REVIEW, morning), ==, 0);
  state.last_prompted[BC_REMINDER_REVIEW] = 0;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_REVIEW, next_day), ==, 0);
}

static void
test_earliest (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) now = march_at (3, 17, 30);
  BcReminderKind kind = BC_N_REMINDERS;

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_SESSION].enabled = TRUE;
  state.plan_due_today = TRUE;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 17, 10);

  g_assert_cmpint (bc_scheduler_next (&settings, &state, now, &kind), ==, march (3, 18, 0));
  g_assert_cmpint (kind, ==, BC_REMINDER_SESSION);

  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 16, 50);
  g_assert_cmpint (bc_scheduler_next (&settings, &state, now, &kind), ==, march (3, 17, 50));
  g_assert_cmpint (kind, ==, BC_REMINDER_HYDRATION);
}

static void
test_away (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) half_ten = march_at (3, 10, 30);
  g_autoptr(GDateTime) twenty_to = march_at (3, 10, 40);
  g_autoptr(GDateTime) ten_to = march_at (3, 10, 50);
  g_autoptr(GDateTime) half_one = march_at (3, 13, 30);
  g_autoptr(GDateTime) nine_pm = march_at (3, 21, 0);
  g_autoptr(GDateTime) half_eleven = march_at (3, 23, 30);
  guint missed;

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_STRETCH].enabled = TRUE;
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 10, 0);
  state.last_prompted[BC_REMINDER_STRETCH] = march (3, 10, 0);

  /* Asleep 10:30–13:30: hydration (11:00, 12:00, 13:00) was missed; the
   * three hours were a stretch break. One notice, not a burst.
   */
  missed = bc_scheduler_missed_kinds (&settings, &state, half_ten, half_one);
  g_assert_cmpuint (missed, ==, 1u << BC_REMINDER_HYDRATION);
  g_assert_true (bc_scheduler_missed_while_away (&settings, &state, half_ten, half_one));

  /* Ten minutes asleep over the stretch's 10:45: that one was missed. */
  missed = bc_scheduler_missed_kinds (&settings, &state, twenty_to, ten_to);
  g_assert_cmpuint (missed, ==, 1u << BC_REMINDER_STRETCH);

  /* Nothing fell due in 10:30–10:40. */
  g_assert_false (bc_scheduler_missed_while_away (&settings, &state, half_ten, twenty_to));

  /* Woken in quiet hours: nothing may be shown, nothing is reported. */
  g_assert_false (bc_scheduler_missed_while_away (&settings, &state, nine_pm, half_eleven));

  /* The pain prompt (20:00) is missed over 13:30–21:00… */
  missed = bc_scheduler_missed_kinds (&settings, &state, half_one, nine_pm);
  g_assert_true (missed & (1u << BC_REMINDER_PAIN));
  /* …unless today already has an entry. */
  state.pain_logged_today = TRUE;
  missed = bc_scheduler_missed_kinds (&settings, &state, half_one, nine_pm);
  g_assert_false (missed & (1u << BC_REMINDER_PAIN));
}

static void
test_clock_jumps (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) noon = march_at (3, 12, 0);
  g_autoptr(GDateTime) seven_pm = march_at (3, 19, 0);
  g_autoptr(GDateTime) ten = march_at (3, 10, 0);
  g_autoptr(GDateTime) three_pm = march_at (3, 15, 0);

  setup (&settings, &state);
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;

  /* Set back from 14:00 to 12:00: one interval from now, not from the
   * prompt "in the future".
   */
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 14, 0);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, noon), ==, march (3, 13, 0));

  /* Set back past a fixed time already prompted: not again today. */
  state.last_prompted[BC_REMINDER_PAIN] = march (3, 20, 5);
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_PAIN, seven_pm), ==, march (4, 20, 0));

  /* Forward from 10:00 to 15:00: due now, and reported as missed once. */
  state.last_prompted[BC_REMINDER_HYDRATION] = march (3, 10, 0);
  state.last_prompted[BC_REMINDER_PAIN] = 0;
  g_assert_cmpint (due (&settings, &state, BC_REMINDER_HYDRATION, three_pm), ==, march (3, 11, 0));
  g_assert_cmpuint (bc_scheduler_missed_kinds (&settings, &state, ten, three_pm), ==,
                    1u << BC_REMINDER_HYDRATION);
}

/* Europe/Berlin: 2025-03-30 02:00 → 03:00, 2025-10-26 03:00 → 02:00. */
static void
test_dst_berlin (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) sat_spring = at (berlin, 2025, 3, 29, 20, 1);
  g_autoptr(GDateTime) sun_spring_night = at (berlin, 2025, 3, 30, 1, 31);
  g_autoptr(GDateTime) sat_autumn = at (berlin, 2025, 10, 25, 20, 1);
  g_autoptr(GDateTime) sat_autumn_late = at (berlin, 2025, 10, 25, 21, 31);
  gint64 next;

  setup (&settings, &state);
  settings.rules[BC_REMINDER_PAIN].enabled = TRUE;

  /* Spring: 20:00 stays 20:00, 23 hours later. */
  state.last_prompted[BC_REMINDER_PAIN] = unix_at (berlin, 2025, 3, 29, 20, 0);
  next = due (&settings, &state, BC_REMINDER_PAIN, sat_spring);
  assert_due (berlin, next, "2025-03-30 20:00 +0200");
  g_assert_cmpint (next - state.last_prompted[BC_REMINDER_PAIN], ==, 23 * HOUR);

  /* Autumn: 25 hours later. */
  state.last_prompted[BC_REMINDER_PAIN] = unix_at (berlin, 2025, 10, 25, 20, 0);
  next = due (&settings, &state, BC_REMINDER_PAIN, sat_autumn);
  assert_due (berlin, next, "2025-10-26 20:00 +0100");
  g_assert_cmpint (next - state.last_prompted[BC_REMINDER_PAIN], ==, 25 * HOUR);

  /* An interval is elapsed time: 01:30 + 60 min is 03:30 summer time. */
  settings.quiet_start_minute = settings.quiet_end_minute = 0;
  settings.rules[BC_REMINDER_HYDRATION].enabled = TRUE;
  settings.rules[BC_REMINDER_HYDRATION].start_minute = 0;
  settings.rules[BC_REMINDER_HYDRATION].end_minute = 0;
  state.last_prompted[BC_REMINDER_HYDRATION] = unix_at (berlin, 2025, 3, 30, 1, 30);
  next = due (&settings, &state, BC_REMINDER_HYDRATION, sun_spring_night);
  assert_due (berlin, next, "2025-03-30 03:30 +0200");

  /* A time the spring night skips comes once, just after the gap. */
  settings.rules[BC_REMINDER_PAIN].at_minute = 2 * 60 + 30;
  state.last_prompted[BC_REMINDER_PAIN] = unix_at (berlin, 2025, 3, 29, 2, 30);
  next = due (&settings, &state, BC_REMINDER_PAIN, sat_spring);
  assert_due (berlin, next, "2025-03-30 03:00 +0200");
  state.last_prompted[BC_REMINDER_PAIN] = next;
  next = due (&settings, &state, BC_REMINDER_PAIN, sun_spring_night);
  assert_due (berlin, next, "2025-03-31 02:30 +0200");

  /* A time the autumn night has twice comes once. */
  state.last_prompted[BC_REMINDER_PAIN] = unix_at (berlin, 2025, 10, 25, 2, 30);
  next = due (&settings, &state, BC_REMINDER_PAIN, sat_autumn);
  g_assert_cmpint (next, >, unix_at (berlin, 2025, 10, 26, 1, 59));
  g_assert_cmpint (next, <, unix_at (berlin, 2025, 10, 26, 4, 0));
  state.last_prompted[BC_REMINDER_PAIN] = next;
  next = due (&settings, &state, BC_REMINDER_PAIN, sat_autumn);
  assert_due (berlin, next, "2025-10-27 02:30 +0100");

  /* Quiet hours end at 08:00 local across the autumn night. */
  settings.quiet_start_minute = 22 * 60;
  settings.quiet_end_minute = 8 * 60;
  state.last_prompted[BC_REMINDER_HYDRATION] = unix_at (berlin, 2025, 10, 25, 21, 30);
  next = due (&settings, &state, BC_REMINDER_HYDRATION, sat_autumn_late);
  assert_due (berlin, next, "2025-10-26 08:00 +0100");
}

/* America/New_York: 2025-03-09 02:00 → 03:00, 2025-11-02 02:00 → 01:00. */
static void
test_dst_new_york (void)
{
  BcReminderSettings settings;
  BcReminderState state;
  g_autoptr(GDateTime) sat_spring = at (new_york, 2025, 3, 8, 18, 1);
  g_autoptr(GDateTime) sat_autumn = at (new_york, 2025, 11, 1, 18, 1);
  g_autoptr(GDateTime) sun_spring_morning = at (new_york, 2025, 3, 9, 7, 0);
  gint64 next;

  setup (&settings, &state);
  settings.rules[BC_REMINDER_SESSION].enabled = TRUE;
  settings.rules[BC_REMINDER_SESSION].days = 0x7f;
  state.plan_due_today = TRUE;

  state.last_prompted[BC_REMINDER_SESSION] = unix_at (new_york, 2025, 3, 8, 18, 0);
  next = due (&settings, &state, BC_REMINDER_SESSION, sat_spring);
  assert_due (new_york, next, "2025-03-09 18:00 -0400");
  g_assert_cmpint (next - state.last_prompted[BC_REMINDER_SESSION], ==, 23 * HOUR);

  state.last_prompted[BC_REMINDER_SESSION] = unix_at (new_york, 2025, 11, 1, 18, 0);
  next = due (&settings, &state, BC_REMINDER_SESSION, sat_autumn);
  assert_due (new_york, next, "2025-11-02 18:00 -0500");
  g_assert_cmpint (next - state.last_prompted[BC_REMINDER_SESSION], ==, 25 * HOUR);

  /* Working hours on the spring day start at 09:00 local. */
  settings.rules[BC_REMINDER_STRETCH].enabled = TRUE;
  settings.rules[BC_REMINDER_STRETCH].days = 0x7f;
  next = due (&settings, &state, BC_REMINDER_STRETCH, sun_spring_morning);
  assert_due (new_york, next, "2025-03-09 09:45 -0400");

  /* The same rules give Berlin's local times for a Berlin "now". */
  {
    g_autoptr(GDateTime) berlin_now = at (berlin, 2025, 3, 9, 7, 0);

    next = due (&settings, &state, BC_REMINDER_STRETCH, berlin_now);
    assert_due (berlin, next, "2025-03-09 09:45 +0100");
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  new_york = g_time_zone_new_identifier ("America/New_York");
  g_assert_nonnull (berlin);
  g_assert_nonnull (new_york);

  g_test_add_func ("/scheduler/defaults-and-names", test_defaults_and_names);
  g_test_add_func ("/scheduler/hydration/interval", test_hydration_interval);
  g_test_add_func ("/scheduler/hydration/goal", test_hydration_goal);
  g_test_add_func ("/scheduler/stretch/working-hours", test_stretch_working_hours);
  g_test_add_func ("/scheduler/stretch/done-resets", test_stretch_done_resets);
  g_test_add_func ("/scheduler/snooze", test_snooze);
  g_test_add_func ("/scheduler/quiet-hours", test_quiet_hours);
  g_test_add_func ("/scheduler/active-days", test_active_days);
  g_test_add_func ("/scheduler/daily-overdue", test_daily_overdue);
  g_test_add_func ("/scheduler/review", test_review);
  g_test_add_func ("/scheduler/earliest", test_earliest);
  g_test_add_func ("/scheduler/away", test_away);
  g_test_add_func ("/scheduler/clock-jumps", test_clock_jumps);
  g_test_add_func ("/scheduler/dst/berlin", test_dst_berlin);
  g_test_add_func ("/scheduler/dst/new-york", test_dst_new_york);

  ret = g_test_run ();

  g_time_zone_unref (berlin);
  g_time_zone_unref (new_york);

  return ret;
}
