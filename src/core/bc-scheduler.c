/* bc-scheduler.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-scheduler"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bc-scheduler.h"

/* Every wall-clock moment (window start, fixed time, end of quiet hours)
 * is made with g_date_time_new() in the zone of the "now" passed in, on a
 * GDate stepped with g_date_add_days(): a day is never taken to be 86400
 * seconds, so fixed times stay at the same local time across DST. Only
 * the repeating intervals are elapsed time.
 *
 * A due moment before "now" means "due, show it now": it is returned only
 * while showing it now is allowed (inside its window or on its day, not
 * in quiet hours, not paused). Otherwise the reminder moves on to its
 * next allowed moment, so a stale reminder never fires late.
 */

#define MINUTES_PER_DAY (24 * 60)
#define DEFAULT_QUIET_START (22 * 60)
#define DEFAULT_QUIET_END (8 * 60)
#define ALL_DAYS 0x7f
/* Yesterday (a window or a quiet period may cross midnight), today and a
 * week ahead, so a reminder on one day of the week is still found.
 */
#define FIRST_DAY_OFFSET -1
#define LAST_DAY_OFFSET 8
/* Quiet hours and a pause can push each other; a few rounds settle it. */
#define MAX_SETTLE_ROUNDS 8

static const char * const kind_names[BC_N_REMINDERS] = {
  "hydration",
  "stretch",
  "session",
  "pain",
  "review",
  "appointment",
};

void
bc_reminder_settings_init_defaults (BcReminderSettings *settings)
{
  BcReminderRule *rules;

  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  rules = settings->rules;

  /* Everything is off until the user turns it on. */
  rules[BC_REMINDER_HYDRATION] = (BcReminderRule) { FALSE, 9 * 60, 21 * 60, 60, 0, ALL_DAYS };
  rules[BC_REMINDER_STRETCH] = (BcReminderRule) { FALSE, 9 * 60, 17 * 60, 45, 0, 0x1f };
  rules[BC_REMINDER_SESSION] = (BcReminderRule) { FALSE, 0, 0, 0, 18 * 60, ALL_DAYS };
  rules[BC_REMINDER_PAIN] = (BcReminderRule) { FALSE, 0, 0, 0, 20 * 60, ALL_DAYS };
  rules[BC_REMINDER_REVIEW] = (BcReminderRule) { FALSE, 0, 0, 0, 9 * 60, ALL_DAYS };
  rules[BC_REMINDER_APPOINTMENT] = (BcReminderRule) { FALSE, 0, 0, 0, 0, ALL_DAYS };

  settings->quiet_start_minute = DEFAULT_QUIET_START;
  settings->quiet_end_minute = DEFAULT_QUIET_END;
  settings->paused_until = 0;
  settings->hydration_goal_ml = 2000;
}

const char *
bc_reminder_kind_to_string (BcReminderKind kind)
{
  g_return_val_if_fail (kind < BC_N_REMINDERS, NULL);

  return kind_names[kind];
}

gboolean
bc_reminder_kind_from_string (const char     *str,
                              BcReminderKind *out_kind)
{
  for (guint i = 0; i < BC_N_REMINDERS; i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          if (out_kind != NULL)
            *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_interval_kind (BcReminderKind kind)
{
  return kind == BC_REMINDER_HYDRATION || kind == BC_REMINDER_STRETCH;
}

/* Local calendar arithmetic in one zone. */

static GDateTime *
local_date_time (GTimeZone *tz,
                 gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_timezone (utc, tz);
}

static void
local_date (GTimeZone *tz,
            gint64     unix_time,
            GDate     *out_date)
{
  g_autoptr(GDateTime) local = local_date_time (tz, unix_time);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static int
local_minute (GTimeZone *tz,
              gint64     unix_time)
{
  g_autoptr(GDateTime) local = local_date_time (tz, unix_time);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* The moment @minute minutes after the start of @date, read as local
 * time: 1440 and more spill into the following days. A time that does
 * not exist (the hour skipped in spring) becomes the first one after the
 * gap, as g_date_time_new() decides; an hour that happens twice (autumn)
 * is taken once.
 */
static gint64
local_moment (GTimeZone   *tz,
              const GDate *date,
              int          minute)
{
  g_autoptr(GDateTime) moment = NULL;
  GDate day = *date;

  minute = MAX (minute, 0);
  if (minute >= MINUTES_PER_DAY)
    {
      g_date_add_days (&day, minute / MINUTES_PER_DAY);
      minute %= MINUTES_PER_DAY;
    }

  moment = g_date_time_new (tz,
                            g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day),
                            minute / 60, minute % 60, 0);
  if (moment == NULL)
    return 0;

  return g_date_time_to_unix (moment);
}

static gint64
start_of_next_day (GTimeZone *tz,
                   gint64     unix_time)
{
  GDate day;

  local_date (tz, unix_time, &day);
  g_date_add_days (&day, 1);
  return local_moment (tz, &day, 0);
}

static gboolean
date_in_days (const GDate *date,
              guint8       days)
{
  GDateWeekday weekday = g_date_get_weekday (date); /* 1 = Monday */

  return (days & (1 << (weekday - 1))) != 0;
}

/* Quiet hours and pause. */

static gboolean
minute_is_quiet (const BcReminderSettings *settings,
                 int                       minute)
{
  int start = settings->quiet_start_minute;
  int end = settings->quiet_end_minute;

  if (start == end)
    return FALSE;
  if (start < end)
    return minute >= start && minute < end;

  return minute >= start || minute < end;
}

static gboolean
moment_is_quiet (const BcReminderSettings *settings,
                 GTimeZone                *tz,
                 gint64                    unix_time)
{
  return minute_is_quiet (settings, local_minute (tz, unix_time));
}

/* The end of the quiet period holding @unix_time. */
static gint64
quiet_end_after (const BcReminderSettings *settings,
                 GTimeZone                *tz,
                 gint64                    unix_time)
{
  int minute = local_minute (tz, unix_time);
  gint64 end;
  GDate day;

  local_date (tz, unix_time, &day);
  if (settings->quiet_start_minute > settings->quiet_end_minute &&
      minute >= settings->quiet_start_minute)
    g_date_add_days (&day, 1);

  end = local_moment (tz, &day, settings->quiet_end_minute);

  /* Never step backwards, even where the zone's rules are odd. */
  return end > unix_time ? end : unix_time + 60;
}

static gboolean
moment_is_allowed (const BcReminderSettings *settings,
                   GTimeZone                *tz,
                   gint64                    unix_time)
{
  return settings->paused_until <= unix_time && !moment_is_quiet (settings, tz, unix_time);
}

/* The first moment at or after @unix_time that is neither paused nor
 * quiet.
 */
static gint64
settle (const BcReminderSettings *settings,
        GTimeZone                *tz,
        gint64                    unix_time)
{
  for (guint round = 0; round < MAX_SETTLE_ROUNDS; round++)
    {
      gint64 before = unix_time;

      if (settings->paused_until > unix_time)
        unix_time = settings->paused_until;
      if (moment_is_quiet (settings, tz, unix_time))
        unix_time = quiet_end_after (settings, tz, unix_time);
      if (unix_time == before)
        break;
    }

  return unix_time;
}

/* When a reminder due at @due (perhaps already past) is to be shown,
 * given that it must be shown before @limit: @due itself while that, or
 * else now, is allowed; the next allowed moment otherwise; 0 when none
 * is left before @limit.
 */
static gint64
place (const BcReminderSettings *settings,
       GTimeZone                *tz,
       gint64                    due,
       gint64                    now,
       gint64                    limit)
{
  gint64 when = settle (settings, tz, due);

  if (when < now)
    {
      if (moment_is_allowed (settings, tz, now))
        return now < limit ? when : 0;
      when = settle (settings, tz, now);
    }

  return when < limit ? when : 0;
}

static gboolean
rule_is_usable (const BcReminderRule *rule)
{
  return rule->enabled && (rule->days & ALL_DAYS) != 0;
}

static gint64
snooze_of (const BcReminderState *state,
           BcReminderKind         kind)
{
  gint64 until = state->snoozed_until[kind];

  /* A snooze is used up by the prompt it brings, or by acting on the
   * reminder in the meantime.
   */
  if (until > state->last_prompted[kind] && until > state->last_done[kind])
    return until;

  return 0;
}

/* Hydration and stretch: every interval inside the window of each
 * active day. Hydration starts at the window's start and stops once the
 * day's goal is reached; a stretch comes one interval after the start,
 * the last break (done, skipped, a long sleep or screen lock) or the
 * last prompt.
 */
static gint64
next_interval_due (const BcReminderSettings *settings,
                   const BcReminderState    *state,
                   BcReminderKind            kind,
                   GTimeZone                *tz,
                   gint64                    now)
{
  const BcReminderRule *rule = &settings->rules[kind];
  gint64 interval = (gint64)MAX (rule->interval_minutes, 1) * 60;
  gint64 anchor = MAX (state->last_prompted[kind], state->last_done[kind]);
  gint64 snooze = snooze_of (state, kind);
  gint64 tomorrow = start_of_next_day (tz, now);
  gboolean goal_reached = FALSE;
  GDate today;

  if (kind == BC_REMINDER_STRETCH)
    anchor = MAX (anchor, state->last_resume);
  /* After the clock was set back, history from "the future" counts as now. */
  anchor = MIN (anchor, now);

  if (kind == BC_REMINDER_HYDRATION)
    goal_reached = settings->hydration_goal_ml > 0 &&
                   state->water_today_ml >= settings->hydration_goal_ml;

  local_date (tz, now, &today);

  for (int offset = FIRST_DAY_OFFSET; offset <= LAST_DAY_OFFSET; offset++)
    {
      GDate day = today;
      int end_minute = rule->end_minute;
      gint64 start, end, due, when;

      if (offset < 0)
        g_date_subtract_days (&day, -offset);
      else
        g_date_add_days (&day, offset);

      if (!date_in_days (&day, rule->days))
        continue;

      if (end_minute <= rule->start_minute)
        end_minute += MINUTES_PER_DAY;

      start = local_moment (tz, &day, rule->start_minute);
      end = local_moment (tz, &day, end_minute);
      if (end <= now || end <= start)
        continue;

      /* The goal is today's: windows that start today or earlier are done. */
      if (goal_reached && start < tomorrow)
        continue;

      if (anchor >= end)
        continue;
      if (anchor >= start)
        due = anchor + interval;
      else if (kind == BC_REMINDER_STRETCH)
        due = start + interval;
      else
        due = start;

      if (snooze != 0)
        {
          if (snooze >= end)
            continue;
          if (snooze >= start)
            due = snooze;
        }

      if (due >= end)
        continue;

      when = place (settings, tz, due, now, end);
      if (when != 0)
        return when;
    }

  return 0;
}

/* Fixed local times: session, pain prompt, plan review. An occurrence
 * is used up by a prompt or an action at or after its time; one that
 * could not be shown on its own day is dropped.
 */
static gboolean
daily_occurrence_wanted (const BcReminderSettings *settings,
                         const BcReminderState    *state,
                         BcReminderKind            kind,
                         const GDate              *day,
                         const GDate              *today)
{
  gboolean is_today = g_date_compare (day, today) == 0;

  switch (kind)
    {
    case BC_REMINDER_SESSION:
      if (is_today && (!state->plan_due_today || state->session_done_today))
        return FALSE;
      break;

    case BC_REMINDER_PAIN:
      if (is_today && state->pain_logged_today)
        return FALSE;
      break;

    case BC_REMINDER_REVIEW:
      {
        guint year, month, mday;

        if (sscanf (state->review_date, "%4u-%2u-%2u", &year, &month, &mday) != 3 ||
            !g_date_valid_dmy (mday, month, year) ||
            g_date_get_year (day) != year || g_date_get_month (day) != month ||
            g_date_get_day (day) != mday)
          return FALSE;
      }
      break;

    case BC_REMINDER_HYDRATION:
    case BC_REMINDER_STRETCH:
    case BC_REMINDER_APPOINTMENT:
    case BC_N_REMINDERS:
    default:
      g_assert_not_reached ();
    }

  return date_in_days (day, settings->rules[kind].days);
}

static gint64
place_on_its_day (const BcReminderSettings *settings,
                  GTimeZone                *tz,
                  gint64                    due,
                  gint64                    now)
{
  gint64 settled = settle (settings, tz, due);

  return place (settings, tz, due, now, start_of_next_day (tz, settled));
}

static gint64
next_daily_due (const BcReminderSettings *settings,
                const BcReminderState    *state,
                BcReminderKind            kind,
                GTimeZone                *tz,
                gint64                    now)
{
  const BcReminderRule *rule = &settings->rules[kind];
  gint64 used_until = MAX (state->last_prompted[kind], state->last_done[kind]);
  gint64 snooze = snooze_of (state, kind);
  gint64 best = 0;
  GDate today;

  local_date (tz, now, &today);

  if (snooze != 0)
    best = place_on_its_day (settings, tz, snooze, now);

  for (int offset = FIRST_DAY_OFFSET; offset <= LAST_DAY_OFFSET; offset++)
    {
      GDate day = today;
      gint64 nominal, when;

      if (offset < 0)
        g_date_subtract_days (&day, -offset);
      else
        g_date_add_days (&day, offset);

      if (!daily_occurrence_wanted (settings, state, kind, &day, &today))
        continue;

      nominal = local_moment (tz, &day, rule->at_minute);
      if (nominal == 0 || used_until >= nominal)
        continue;

      when = place_on_its_day (settings, tz, nominal, now);
      if (when != 0)
        {
          if (best == 0 || when < best)
            best = when;
          break;
        }
    }

  return best;
}

/* Appointments: reminder moments handed in by the appointments code. */
static gint64
next_appointment_due (const BcReminderSettings *settings,
                      const BcReminderState    *state,
                      GTimeZone                *tz,
                      gint64                    now)
{
  gint64 used_until = state->last_prompted[BC_REMINDER_APPOINTMENT];
  gint64 snooze = snooze_of (state, BC_REMINDER_APPOINTMENT);
  guint n = MIN (state->n_appointment_times, G_N_ELEMENTS (state->appointment_times));
  gint64 best = 0;

  if (snooze != 0)
    best = place_on_its_day (settings, tz, snooze, now);

  for (guint i = 0; i < n; i++)
    {
      gint64 moment = state->appointment_times[i];
      gint64 when;

      if (moment <= 0 || used_until >= moment)
        continue;

      when = place_on_its_day (settings, tz, moment, now);
      if (when != 0 && (best == 0 || when < best))
        best = when;
    }

  return best;
}

gboolean
bc_scheduler_is_quiet (const BcReminderSettings *settings,
                       GDateTime                *when)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  return minute_is_quiet (settings,
                          g_date_time_get_hour (when) * 60 + g_date_time_get_minute (when));
}

/**
 * bc_scheduler_next_due:
 * @now: the current moment; its time zone is the user's
 *
 * Returns: the unix time @kind is due, or 0 when it is off or has
 *   nothing to show in the coming week. A time before @now means the
 *   reminder is due and may be shown now.
 */
gint64
bc_scheduler_next_due (const BcReminderSettings *settings,
                       const BcReminderState    *state,
                       BcReminderKind            kind,
                       GDateTime                *now)
{
  const BcReminderRule *rule;
  GTimeZone *tz;
  gint64 now_unix;

  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (kind < BC_N_REMINDERS, 0);
  g_return_val_if_fail (now != NULL, 0);

  rule = &settings->rules[kind];
  if (!rule_is_usable (rule))
    return 0;

  tz = g_date_time_get_timezone (now);
  now_unix = g_date_time_to_unix (now);

  if (is_interval_kind (kind))
    return next_interval_due (settings, state, kind, tz, now_unix);
  if (kind == BC_REMINDER_APPOINTMENT)
    return next_appointment_due (settings, state, tz, now_unix);

  return next_daily_due (settings, state, kind, tz, now_unix);
}

gint64
bc_scheduler_next (const BcReminderSettings *settings,
                   const BcReminderState    *state,
                   GDateTime                *now,
                   BcReminderKind           *out_kind)
{
  gint64 best = 0;
  BcReminderKind best_kind = BC_REMINDER_HYDRATION;

  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
    {
      gint64 due = bc_scheduler_next_due (settings, state, kind, now);

      if (due != 0 && (best == 0 || due < best))
        {
          best = due;
          best_kind = kind;
        }
    }

  if (out_kind != NULL)
    *out_kind = best_kind;

  return best;
}

/**
 * bc_scheduler_missed_kinds:
 * @away_since: when the sleep, the absence or the jump of the clock began
 * @now: when it ended
 *
 * A reminder was missed when it fell due between @away_since and
 * @now (more than %BC_SCHEDULER_GRACE_SECONDS ago). A stretch break is
 * never missed over an absence at least one stretch interval long: the
 * absence was the break. Nothing counts as missed while nothing may be
 * shown (quiet hours, a pause): those reminders just move on.
 *
 * Returns: the missed kinds, bit (1 << kind) each
 */
guint
bc_scheduler_missed_kinds (const BcReminderSettings *settings,
                           const BcReminderState    *state,
                           GDateTime                *away_since,
                           GDateTime                *now)
{
  GTimeZone *tz;
  gint64 since_unix, now_unix;
  guint missed = 0;

  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (away_since != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  tz = g_date_time_get_timezone (now);
  since_unix = g_date_time_to_unix (away_since);
  now_unix = g_date_time_to_unix (now);

  if (now_unix - since_unix <= BC_SCHEDULER_GRACE_SECONDS ||
      !moment_is_allowed (settings, tz, now_unix))
    return 0;

  for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
    {
      gint64 due;

      if (kind == BC_REMINDER_STRETCH &&
          now_unix - since_unix >= (gint64)settings->rules[kind].interval_minutes * 60)
        continue;

      due = bc_scheduler_next_due (settings, state, kind, away_since);
      if (due != 0 && due >= since_unix && due + BC_SCHEDULER_GRACE_SECONDS <= now_unix)
        missed |= 1u << kind;
    }

  return missed;
}

gboolean
bc_scheduler_missed_while_away (const BcReminderSettings *settings,
                                const BcReminderState    *state,
                                GDateTime                *away_since,
                                GDateTime                *now)
{
  return bc_scheduler_missed_kinds (settings, state, away_since, now) != 0;
}
