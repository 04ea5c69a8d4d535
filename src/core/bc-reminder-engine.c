/* bc-reminder-engine.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-engine"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bc-appointment-store.h"
#include "bc-pain-store.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"
#include "bc-reminder-engine.h"
#include "bc-reminder-message.h"
#include "bc-reminder-store.h"
#include "bc-session-store.h"

/* Each evaluation (the timer fired, the clock was set, a resume, a
 * setting or the data changed) reads the settings and the history,
 * shows what is due now, records it, and arms the clock for the next
 * due moment. Nothing runs in between.
 *
 * Away: the clock reports a sleep ("resumed"), or the timer fires more
 * than BC_SCHEDULER_GRACE_SECONDS after the moment it was armed for (the
 * clock jumped forward, or the suspend went unnoticed). Everything that
 * fell due in that time, and whatever is due now, goes into one "away"
 * notice; an absence at least one stretch interval long is a stretch
 * break. When several reminders are long overdue without an absence
 * having been seen (the app was not running), they are combined too.
 */

#define HYDRATION_SNOOZE_SECONDS (15 * 60)
#define STRETCH_SNOOZE_SECONDS (10 * 60)
#define SESSION_LATER_SECONDS (60 * 60)
#define REVIEW_DEFAULT_MINUTE (9 * 60)
/* Appointments: the day before and some minutes before (both settings,
 * by default 18:00 and an hour), water after its end, and a pain prompt
 * the next morning.
 */
#define APPOINTMENT_DAY_BEFORE_MINUTE (18 * 60)
#define APPOINTMENT_WATER_SECONDS (30 * 60)
#define APPOINTMENT_MORNING_MINUTE (9 * 60)
#define APPOINTMENT_LOOKBACK_SECONDS (2 * 24 * 60 * 60)
#define APPOINTMENT_LOOKAHEAD_SECONDS (8 * 24 * 60 * 60)
/* Should a write fail, try again later instead of firing in a loop. */
#define RETRY_SECONDS 60

struct _BcReminderEngine
{
  GObject            parent_instance;

  BcDatabase        *db;
  BcExerciseCatalog *catalog;
  GSettings         *settings;
  BcClock           *clock;
  BcNotifier        *notifier;
  gint64             profile_id;

  gint64             next_due;
  BcReminderKind     next_kind;
  gint64             armed_for;      /* the moment the clock is armed for, 0 none */

  gint64             sleep_start;    /* from "resumed", until the next evaluation */
  gint64             last_resume;    /* end of the last sleep or lock that was a break */
  gint64             set_back_at[BC_N_REMINDERS]; /* see hold_interval_after_set_back () */
  gboolean           locked;
  gint64             locked_since;

  gboolean           evaluating;
  gboolean           evaluate_again;
};

G_DEFINE_FINAL_TYPE (BcReminderEngine, bc_reminder_engine, G_TYPE_OBJECT)

enum {
  OPEN,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  TRIGGER_DATA,
  TRIGGER_TIMER,
  TRIGGER_RESUME,
} Trigger;

/* One appointment reminder moment; the scheduler sees only the times. */
typedef struct
{
  gint64                 time;
  BcAppointmentReminder  reminder;
  const BcAppointment   *appointment;  /* in Context.appointments */
} AppointmentMoment;

/* What one evaluation knows besides the scheduler's input. */
typedef struct
{
  BcReminderSettings  settings;
  BcReminderState     state;
  guint               glass_ml;
  BcPlan             *plan;
  guint               n_due_today;
  GDateTime          *now;
  char               *today;
  GPtrArray          *appointments;
  AppointmentMoment   moments[G_N_ELEMENTS (((BcReminderState *)NULL)->appointment_times)];
  guint               n_moments;
} Context;

static void
context_clear (Context *ctx)
{
  g_clear_object (&ctx->plan);
  g_clear_pointer (&ctx->now, g_date_time_unref);
  g_clear_pointer (&ctx->today, g_free);
  g_clear_pointer (&ctx->appointments, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

/* Settings */

static int
parse_minute (GSettings  *settings,
              const char *key,
              int         fallback)
{
  g_autofree char *value = g_settings_get_string (settings, key);
  guint hour, minute;
  char end;

  if (sscanf (value, "%2u:%2u%c", &hour, &minute, &end) == 2 && hour < 24 && minute < 60)
    return (int)(hour * 60 + minute);
  if (g_strcmp0 (value, "24:00") == 0)
    return 24 * 60;

  return fallback;
}

static void
read_settings (BcReminderEngine   *self,
               BcReminderSettings *s,
               guint              *out_glass_ml)
{
  GSettings *gs = self->settings;
  BcReminderRule *hydration = &s->rules[BC_REMINDER_HYDRATION];
  BcReminderRule *stretch = &s->rules[BC_REMINDER_STRETCH];
  BcReminderRule *session = &s->rules[BC_REMINDER_SESSION];
  BcReminderRule *pain = &s->rules[BC_REMINDER_PAIN];

  bc_reminder_settings_init_defaults (s);

  hydration->enabled = g_settings_get_boolean (gs, "hydration-enabled");
  hydration->start_minute = parse_minute (gs, "hydration-start", hydration->start_minute);
  hydration->end_minute = parse_minute (gs, "hydration-end", hydration->end_minute);
  hydration->interval_minutes = g_settings_get_int (gs, "hydration-interval");
  s->hydration_goal_ml = (guint)MAX (g_settings_get_int (gs, "hydration-goal-ml"), 0);
  *out_glass_ml = (guint)MAX (g_settings_get_int (gs, "hydration-glass-ml"), 1);

  stretch->enabled = g_settings_get_boolean (gs, "stretch-enabled");
  stretch->start_minute = parse_minute (gs, "stretch-start", stretch->start_minute);
  stretch->end_minute = parse_minute (gs, "stretch-end", stretch->end_minute);
  stretch->interval_minutes = g_settings_get_int (gs, "stretch-interval");
  stretch->days = (guint8)(g_settings_get_int (gs, "stretch-days") & 0x7f);

  session->enabled = g_settings_get_boolean (gs, "session-reminder-enabled");
  session->at_minute = parse_minute (gs, "session-reminder-time", session->at_minute);

  pain->enabled = g_settings_get_boolean (gs, "pain-reminder-enabled");
  pain->at_minute = parse_minute (gs, "pain-reminder-time", pain->at_minute);

  s->quiet_start_minute = parse_minute (gs, "quiet-start", s->quiet_start_minute);
  s->quiet_end_minute = parse_minute (gs, "quiet-end", s->quiet_end_minute);
  s->paused_until = g_settings_get_int64 (gs, "paused-until");
}

static gboolean
user_kinds_enabled (const BcReminderSettings *s)
{
  return s->rules[BC_REMINDER_HYDRATION].enabled ||
         s->rules[BC_REMINDER_STRETCH].enabled ||
         s->rules[BC_REMINDER_SESSION].enabled ||
         s->rules[BC_REMINDER_PAIN].enabled;
}

/* After the clock was set back, a repeating reminder's history lies
 * "in the future". It happened no later than the moment that was first
 * noticed, so the interval runs from there (and not again from every
 * later "now") until the clock has caught up with it.
 */
static void
hold_interval_after_set_back (BcReminderEngine *self,
                              Context          *ctx)
{
  static const BcReminderKind repeating[] = { BC_REMINDER_HYDRATION, BC_REMINDER_STRETCH };
  gint64 now = g_date_time_to_unix (ctx->now);

  for (guint i = 0; i < G_N_ELEMENTS (repeating); i++)
    {
      BcReminderKind kind = repeating[i];
      gint64 latest = bc_reminder_store_latest_time (self->db, self->profile_id, kind, NULL);

      if (latest <= now)
        {
          self->set_back_at[kind] = 0;
          continue;
        }

      if (self->set_back_at[kind] == 0 || self->set_back_at[kind] > now)
        self->set_back_at[kind] = now;
      ctx->state.last_prompted[kind] = MAX (ctx->state.last_prompted[kind],
                                            self->set_back_at[kind]);
    }
}

/* @minute after local midnight of the day @days_later after @time's day. */
static gint64
local_day_moment (GDateTime *now,
                  gint64     time,
                  int        days_later,
                  int        minute)
{
  g_autoptr(GDateTime) moment = g_date_time_add_seconds (now, (double)(time - g_date_time_to_unix (now)));
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) at = NULL;

  if (moment == NULL)
    return 0;
  day = g_date_time_add_days (moment, days_later);
  if (day == NULL)
    return 0;
  at = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (day),
                        g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                        minute / 60, minute % 60, 0);

  return at != NULL ? g_date_time_to_unix (at) : 0;
}

static int
compare_moments (gconstpointer a,
                 gconstpointer b)
{
  gint64 ta = ((const AppointmentMoment *)a)->time;
  gint64 tb = ((const AppointmentMoment *)b)->time;

  return ta < tb ? -1 : ta > tb;
}

/* The coming reminder moments of the profile's appointments, in the
 * user's zone: scheduled ones are announced; scheduled and done ones
 * bring water and a pain prompt. A moment whose purpose has passed (the
 * appointment began, a long while after) is dropped.
 */
static void
load_appointments (BcReminderEngine *self,
                   Context          *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moments = g_array_new (FALSE, FALSE, sizeof (AppointmentMoment));
  BcReminderState *state = &ctx->state;
  gint64 now = g_date_time_to_unix (ctx->now);
  gint64 used_until = state->last_prompted[BC_REMINDER_APPOINTMENT];
  gboolean day_before;
  int day_before_minute;
  gint64 before_seconds;

  if (!g_settings_get_boolean (self->settings, "appointment-reminders-enabled"))
    return;

  day_before = g_settings_get_boolean (self->settings, "appointment-remind-day-before");
  day_before_minute = parse_minute (self->settings, "appointment-remind-day-before-time",
                                    APPOINTMENT_DAY_BEFORE_MINUTE);
  /* "24:00" means the end of a day, not a moment of the day before. */
  if (day_before_minute >= 24 * 60)
    day_before_minute = APPOINTMENT_DAY_BEFORE_MINUTE;
  before_seconds = (gint64)CLAMP (g_settings_get_int (self->settings,
                                                      "appointment-remind-before-minutes"),
                                  0, 24 * 60) * 60;

  ctx->appointments = bc_appointment_store_list (self->db, self->profile_id,
                                                 now - APPOINTMENT_LOOKBACK_SECONDS,
                                                 now + APPOINTMENT_LOOKAHEAD_SECONDS, &error);
  if (ctx->appointments == NULL)
    {
      g_message ("The appointments could not be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < ctx->appointments->len; i++)
    {
      const BcAppointment *a = g_ptr_array_index (ctx->appointments, i);
      gint64 end = a->starts_at + (gint64)a->duration_minutes * 60;
      gboolean scheduled = g_str_equal (a->status, "scheduled");
      AppointmentMoment candidates[] = {
        { day_before ? local_day_moment (ctx->now, a->starts_at, -1, day_before_minute) : 0,
          BC_APPOINTMENT_REMINDER_BEFORE, a },
        { before_seconds > 0 ? a->starts_at - before_seconds : 0,
          BC_APPOINTMENT_REMINDER_BEFORE, a },
        { end + APPOINTMENT_WATER_SECONDS, BC_APPOINTMENT_REMINDER_WATER, a },
        { local_day_moment (ctx->now, a->starts_at, 1, APPOINTMENT_MORNING_MINUTE),
          BC_APPOINTMENT_REMINDER_PAIN, a },
      };
      gint64 expires[] = { a->starts_at, a->starts_at, end + 3 * 60 * 60,
                           candidates[3].time + 12 * 60 * 60 };

      if (!scheduled && !g_str_equal (a->status, "done"))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          if (candidates[j].time <= 0 || candidates[j].time <= used_until || now >= expires[j])
            continue;
          if (candidates[j].reminder == BC_APPOINTMENT_REMINDER_BEFORE && !scheduled)
            continue;
          g_array_append_val (moments, candidates[j]);
        }
    }

  g_array_sort (moments, compare_moments);
  ctx->n_moments = MIN (moments->len, G_N_ELEMENTS (ctx->moments));
  for (guint i = 0; i < ctx->n_moments; i++)
    {
      ctx->moments[i] = g_array_index (moments, AppointmentMoment, i);
      state->appointment_times[i] = ctx->moments[i].time;
    }
  state->n_appointment_times = ctx->n_moments;
  ctx->settings.rules[BC_REMINDER_APPOINTMENT].enabled = ctx->n_moments > 0;
}

/* The moment being shown now: the latest one that has come. */
static const AppointmentMoment *
due_appointment_moment (const Context *ctx)
{
  gint64 now = g_date_time_to_unix (ctx->now);
  const AppointmentMoment *due = NULL;

  for (guint i = 0; i < ctx->n_moments; i++)
    {
      if (ctx->moments[i].time <= now)
        due = &ctx->moments[i];
    }

  return due;
}

/* The history and today's facts. Errors only leave a fact at its
 * default: a reminder too many is better than none at all.
 */
static void
load_context (BcReminderEngine *self,
              Context          *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done = NULL;
  BcReminderSettings *s = &ctx->settings;
  BcReminderState *state = &ctx->state;
  guint8 plan_days = 0;
  GListModel *items;

  context_clear (ctx);
  memset (ctx, 0, sizeof *ctx);

  ctx->now = bc_clock_now (self->clock);
  ctx->today = g_date_time_format (ctx->now, "%Y-%m-%d");
  read_settings (self, s, &ctx->glass_ml);

  if (!bc_reminder_store_load_state (self->db, self->profile_id, ctx->now, state, &error))
    {
      g_message ("The reminder history could not be read: %s", error->message);
      g_clear_error (&error);
    }
  state->last_resume = MIN (self->last_resume, g_date_time_to_unix (ctx->now));
  hold_interval_after_set_back (self, ctx);

  ctx->plan = bc_plan_store_load_active (self->db, self->profile_id, &error);
  if (error != NULL)
    {
      g_message ("The active plan could not be read: %s", error->message);
      g_clear_error (&error);
    }

  if (ctx->plan != NULL)
    {
      const char *review = bc_plan_get_review_date (ctx->plan);

      done = bc_session_store_done_on_day (self->db, self->profile_id, ctx->today, NULL);

      /* The session is done when every exercise of today has a record. */
      state->session_done_today = done != NULL;
      items = G_LIST_MODEL (bc_plan_get_items (ctx->plan));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
          BcDays days = bc_plan_item_get_dosage (item)->days;

          plan_days |= days;
          if (!bc_days_contains_date (days, ctx->now))
            continue;

          ctx->n_due_today++;
          if (done != NULL && !g_hash_table_contains (done, bc_plan_item_get_exercise_ref (item)))
            state->session_done_today = FALSE;
        }

      state->plan_due_today = ctx->n_due_today > 0;
      if (ctx->n_due_today == 0)
        state->session_done_today = FALSE;

      if (review != NULL && bc_iso_date_is_valid (review))
        g_strlcpy (state->review_date, review, sizeof state->review_date);
    }

  s->rules[BC_REMINDER_SESSION].days = plan_days;
  if (ctx->plan == NULL)
    s->rules[BC_REMINDER_SESSION].enabled = FALSE;

  state->pain_logged_today = bc_pain_store_has_entry_on (self->db, self->profile_id,
                                                         ctx->today, &error);
  if (error != NULL)
    {
      g_message ("The pain log could not be read: %s", error->message);
      g_clear_error (&error);
    }

  /* The plan review comes once, with the reminders the user turned on. */
  s->rules[BC_REMINDER_REVIEW].enabled = user_kinds_enabled (s) && state->review_date[0] != '\0';
  s->rules[BC_REMINDER_REVIEW].at_minute = s->rules[BC_REMINDER_SESSION].enabled
                                           ? s->rules[BC_REMINDER_SESSION].at_minute
                                           : REVIEW_DEFAULT_MINUTE;

  /* A locked screen gets no stretch break; unlocking decides. */
  if (self->locked)
    s->rules[BC_REMINDER_STRETCH].enabled = FALSE;

  load_appointments (self, ctx);
}

/* Notifications */

/* The stretch the next stretch break names: the one after the stretch
 * named last (the detail of the last stretch prompt).
 */
static const BcStretch *
pick_stretch (BcReminderEngine *self,
              BcPlan           *plan,
              GPtrArray       **out_list)
{
  g_autoptr(GPtrArray) stretches = bc_stretch_list_for_plan (self->catalog, plan);
  g_autofree char *last = NULL;
  const BcStretch *next;

  last = bc_reminder_store_last_detail (self->db, self->profile_id, BC_REMINDER_STRETCH,
                                        BC_REMINDER_EVENT_PROMPTED, NULL);
  next = bc_stretch_list_next (stretches, last);

  *out_list = g_steal_pointer (&stretches);
  return next;
}

static void
fill_facts (const Context   *ctx,
            BcReminderFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  facts->water_ml = ctx->state.water_today_ml;
  facts->goal_ml = ctx->settings.hydration_goal_ml;
  facts->glass_ml = ctx->glass_ml;
  facts->plan_title = ctx->plan != NULL ? bc_plan_get_title (ctx->plan) : NULL;
  facts->n_due_today = ctx->n_due_today;
}

/* Shows what is due now; every prompt is recorded in one transaction
 * before it is shown, so a notification the desktop refuses still moves
 * its reminder on.
 */
static void
show_due (BcReminderEngine *self,
          const Context    *ctx,
          guint             kinds,
          gboolean          combined)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stretches = NULL;
  g_autoptr(GDateTime) appointment_start = NULL;
  BcReminderMessage messages[BC_N_REMINDERS];
  const char *tags[BC_N_REMINDERS];
  const char *details[BC_N_REMINDERS] = { NULL, };
  BcReminderFacts facts;
  guint n_messages = 0;
  gboolean recorded = TRUE;

  fill_facts (ctx, &facts);

  if (combined)
    {
      bc_reminder_message_build_away (&messages[0], kinds, &facts);
      tags[n_messages++] = "away";
      for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
        details[kind] = "away";
    }
  else
    {
      for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
        {
          if ((kinds & (1u << kind)) == 0)
            continue;

          if (kind == BC_REMINDER_STRETCH)
            {
              facts.stretch = pick_stretch (self, ctx->plan, &stretches);
              details[kind] = facts.stretch->ref;
            }
          if (kind == BC_REMINDER_APPOINTMENT)
            {
              const AppointmentMoment *moment = due_appointment_moment (ctx);

              if (moment != NULL)
                {
                  appointment_start = g_date_time_add_seconds (ctx->now,
                                                               (double)(moment->appointment->starts_at -
                                                                        g_date_time_to_unix (ctx->now)));
                  facts.appointment_reminder = moment->reminder;
                  facts.appointment_start = appointment_start;
                  facts.appointment_therapist = moment->appointment->therapist;
                  facts.appointment_location = moment->appointment->location;
                }
            }
          bc_reminder_message_build (&messages[n_messages], kind, &facts);
          tags[n_messages++] = bc_reminder_kind_to_string (kind);
        }
    }

  if (bc_database_begin (self->db, &error))
    {
      for (guint kind = 0; recorded && kind < BC_N_REMINDERS; kind++)
        {
          if ((kinds & (1u << kind)) != 0)
            recorded = bc_reminder_store_record (self->db, self->profile_id, kind,
                                                 BC_REMINDER_EVENT_PROMPTED, ctx->now,
                                                 details[kind], &error);
        }
      if (recorded)
        recorded = bc_database_commit (self->db, &error);
      if (!recorded)
        bc_database_rollback (self->db);
    }
  if (error != NULL)
    g_message ("A reminder could not be recorded: %s", error->message);

  for (guint i = 0; i < n_messages; i++)
    {
      g_autoptr(GError) show_error = NULL;

      if (!bc_notifier_show (self->notifier, tags[i], messages[i].summary, messages[i].body,
                             messages[i].actions, messages[i].n_actions, &show_error))
        g_message ("The %s reminder could not be shown: %s", tags[i],
                   show_error != NULL ? show_error->message : "?");
      bc_reminder_message_clear (&messages[i]);
    }
}

/* Evaluation */

static void
arm_next (BcReminderEngine *self,
          Context          *ctx)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_date_time_to_unix (ctx->now);
  BcReminderKind kind = BC_REMINDER_HYDRATION;
  gint64 next;

  next = bc_scheduler_next (&ctx->settings, &ctx->state, ctx->now, &kind);
  self->next_due = next;
  self->next_kind = kind;

  self->armed_for = 0;

  if (next == 0)
    {
      bc_clock_disarm (self->clock);
      return;
    }

  /* Still due after showing it: its prompt was not recorded. */
  if (next <= now)
    next = now + RETRY_SECONDS;

  if (!bc_clock_arm (self->clock, next, &error))
    g_message ("The reminder timer could not be set: %s", error->message);
  else
    self->armed_for = next;

  g_debug ("Next: %s at %" G_GINT64_FORMAT " (in %" G_GINT64_FORMAT " s)",
           bc_reminder_kind_to_string (kind), self->next_due, next - now);
}

static void
evaluate_once (BcReminderEngine *self,
               Trigger           trigger)
{
  g_auto(Context) ctx = { 0, };
  gint64 now, grace, away_since = 0;
  guint due_now = 0, missed = 0;
  guint n_stale = 0;

  load_context (self, &ctx);
  now = g_date_time_to_unix (ctx.now);
  /* Under a sped-up test clock, the main loop's own delay is longer. */
  grace = (gint64)(BC_SCHEDULER_GRACE_SECONDS * MAX (bc_clock_get_time_scale (self->clock), 1.0));

  if (trigger != TRIGGER_DATA)
    {
      if (self->sleep_start != 0)
        away_since = self->sleep_start;
      else if (self->armed_for != 0 && now > self->armed_for + grace)
        away_since = self->armed_for;
    }

  if (away_since != 0 && away_since < now)
    {
      g_autoptr(GDateTime) since = g_date_time_add_seconds (ctx.now,
                                                            (double)(away_since - now));
      BcReminderRule *stretch = &ctx.settings.rules[BC_REMINDER_STRETCH];

      missed = bc_scheduler_missed_kinds (&ctx.settings, &ctx.state, since, ctx.now);

      /* An absence of a whole stretch interval was a break. */
      if (now - away_since >= (gint64)stretch->interval_minutes * 60)
        {
          self->last_resume = now;
          ctx.state.last_resume = now;
        }
    }

  for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
    {
      gint64 due = bc_scheduler_next_due (&ctx.settings, &ctx.state, kind, ctx.now);

      if (due == 0 || due > now)
        continue;
      due_now |= 1u << kind;
      if (due + grace < now)
        n_stale++;
    }

  g_debug ("Evaluated at %" G_GINT64_FORMAT " (trigger %d): due 0x%x, missed 0x%x, stale %u",
           now, trigger, due_now, missed, n_stale);

  if (missed != 0 || n_stale >= 2)
    show_due (self, &ctx, missed | due_now, TRUE);
  else if (due_now != 0)
    show_due (self, &ctx, due_now, FALSE);

  self->sleep_start = 0;

  if (missed != 0 || due_now != 0)
    load_context (self, &ctx);
  arm_next (self, &ctx);
}

static void
evaluate (BcReminderEngine *self,
          Trigger           trigger)
{
  if (self->profile_id <= 0)
    {
      self->next_due = 0;
      self->armed_for = 0;
      bc_clock_disarm (self->clock);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  /* A notifier or a signal handler may call back in: run again after. */
  if (self->evaluating)
    {
      self->evaluate_again = TRUE;
      return;
    }

  self->evaluating = TRUE;
  do
    {
      self->evaluate_again = FALSE;
      evaluate_once (self, trigger);
      trigger = TRIGGER_DATA;
    }
  while (self->evaluate_again);
  self->evaluating = FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Signal handlers */

static void
clock_fired_cb (BcReminderEngine *self)
{
  evaluate (self, TRIGGER_TIMER);
}

static void
clock_resumed_cb (BcReminderEngine *self,
                  gint64            seconds)
{
  g_autoptr(GDateTime) now = bc_clock_now (self->clock);

  self->sleep_start = g_date_time_to_unix (now) - MAX (seconds, 0);
  evaluate (self, TRIGGER_RESUME);
}

static void
settings_changed_cb (BcReminderEngine *self,
                     const char       *key)
{
  static const char * const prefixes[] = {
    "hydration-", "stretch-", "session-reminder-", "pain-reminder-", "quiet-", "paused-until",
    "appointment-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_has_prefix (key, prefixes[i]))
        {
          evaluate (self, TRIGGER_DATA);
          return;
        }
    }
}

static void
action_invoked_cb (BcReminderEngine *self,
                   const char       *tag,
                   const char       *action)
{
  bc_reminder_engine_handle_action (self, tag, action);
}

/* GObject */

static void
bc_reminder_engine_dispose (GObject *object)
{
  BcReminderEngine *self = (BcReminderEngine *)object;

  if (self->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->clock, self);
      bc_clock_disarm (self->clock);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);

  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->notifier);
  g_clear_object (&self->catalog);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (bc_reminder_engine_parent_class)->dispose (object);
}

static void
bc_reminder_engine_class_init (BcReminderEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_reminder_engine_dispose;

  /**
   * BcReminderEngine::open:
   * @what: "today", "pain-log", "plan", "start-session" or "log-pain"
   */
  signals[OPEN] = g_signal_new ("open",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1,
                                G_TYPE_STRING);

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
bc_reminder_engine_init (BcReminderEngine *self)
{
}

static gint64
first_profile (BcDatabase *db)
{
  g_auto(GStrv) names = bc_profile_store_list_names (db, NULL);

  if (names == NULL || names[0] == NULL)
    return 0;

  return MAX (bc_profile_store_find (db, names[0], NULL), 0);
}

/**
 * bc_reminder_engine_new:
 * @catalog: (nullable): names the stretches
 *
 * Starts at once with the first profile (see
 * bc_reminder_engine_set_profile ()): what is due now is shown and the
 * clock is armed for what comes next.
 */
BcReminderEngine *
bc_reminder_engine_new (BcDatabase        *db,
                        BcExerciseCatalog *catalog,
                        GSettings         *settings,
                        BcClock           *clock,
                        BcNotifier        *notifier)
{
  BcReminderEngine *self;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (catalog == NULL || BC_IS_EXERCISE_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (BC_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (BC_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (BC_TYPE_REMINDER_ENGINE, NULL);
  self->db = g_object_ref (db);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  self->settings = g_object_ref (settings);
  self->clock = g_object_ref (clock);
  self->notifier = g_object_ref (notifier);
  self->profile_id = first_profile (db);

  g_signal_connect_swapped (clock, "fired", G_CALLBACK (clock_fired_cb), self);
  g_signal_connect_swapped (clock, "clock-changed", G_CALLBACK (clock_fired_cb), self);
  g_signal_connect_swapped (clock, "resumed", G_CALLBACK (clock_resumed_cb), self);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  g_signal_connect_swapped (notifier, "action-invoked", G_CALLBACK (action_invoked_cb), self);

  evaluate (self, TRIGGER_DATA);

  return self;
}

void
bc_reminder_engine_set_profile (BcReminderEngine *self,
                                gint64            profile_id)
{
  g_return_if_fail (BC_IS_REMINDER_ENGINE (self));

  if (self->profile_id == profile_id)
    return;

  self->profile_id = profile_id;
  self->last_resume = 0;
  memset (self->set_back_at, 0, sizeof self->set_back_at);
  evaluate (self, TRIGGER_DATA);
}

/* Call after anything the reminders depend on changed: water, the
 * plan, a session, a pain entry.
 */
void
bc_reminder_engine_reschedule (BcReminderEngine *self)
{
  g_return_if_fail (BC_IS_REMINDER_ENGINE (self));

  evaluate (self, TRIGGER_DATA);
}

/* Returns: the next due moment (unix seconds), 0 when nothing is due. */
gint64
bc_reminder_engine_get_next_due (BcReminderEngine *self,
                                 BcReminderKind   *out_kind)
{
  g_return_val_if_fail (BC_IS_REMINDER_ENGINE (self), 0);

  if (out_kind != NULL)
    *out_kind = self->next_kind;

  return self->next_due;
}

gboolean
bc_reminder_engine_any_enabled (BcReminderEngine *self)
{
  BcReminderSettings settings;
  guint glass_ml;

  g_return_val_if_fail (BC_IS_REMINDER_ENGINE (self), FALSE);

  read_settings (self, &settings, &glass_ml);
  return user_kinds_enabled (&settings);
}

static gboolean
record_action (BcReminderEngine  *self,
               BcReminderKind     kind,
               const char        *action,
               GDateTime         *now,
               GError           **error)
{
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *detail = NULL;
  gint64 snooze = 0;
  BcReminderEvent event;

  if (g_str_equal (action, "snooze") || g_str_equal (action, "later"))
    {
      if (kind == BC_REMINDER_HYDRATION)
        snooze = HYDRATION_SNOOZE_SECONDS;
      else if (kind == BC_REMINDER_STRETCH)
        snooze = STRETCH_SNOOZE_SECONDS;
      else
        snooze = SESSION_LATER_SECONDS;

      event = BC_REMINDER_EVENT_SNOOZED;
      detail = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now) + snooze);
    }
  else if (g_str_equal (action, "skip"))
    event = BC_REMINDER_EVENT_SKIPPED;
  else
    event = BC_REMINDER_EVENT_DONE;

  if (!bc_database_begin (self->db, error))
    return FALSE;

  if (kind == BC_REMINDER_HYDRATION && g_str_equal (action, "drank"))
    {
      guint glass_ml = (guint)MAX (g_settings_get_int (self->settings, "hydration-glass-ml"), 1);

      detail = g_strdup_printf ("%u", glass_ml);
      if (!bc_reminder_store_add_water (self->db, self->profile_id, today, (int)glass_ml, now,
                                        error))
        goto fail;
    }

  if (!bc_reminder_store_record (self->db, self->profile_id, kind, event, now, detail, error) ||
      !bc_database_commit (self->db, error))
    goto fail;

  return TRUE;

fail:
  bc_database_rollback (self->db);
  return FALSE;
}

static gboolean
action_is_known (BcReminderKind  kind,
                 const char     *action)
{
  static const char * const known[BC_N_REMINDERS][4] = {
    [BC_REMINDER_HYDRATION] = { "drank", "snooze", NULL },
    [BC_REMINDER_STRETCH] = { "done", "snooze", "skip", NULL },
    [BC_REMINDER_SESSION] = { "start", "later", NULL },
    [BC_REMINDER_PAIN] = { "log", NULL },
  };

  return g_strv_contains ((const char * const *)known[kind], action);
}

static const char *
page_for (const char *tag)
{
  if (g_strcmp0 (tag, "pain") == 0)
    return "pain-log";
  if (g_strcmp0 (tag, "review") == 0)
    return "plan";

  return "today";
}

/**
 * bc_reminder_engine_handle_action:
 * @tag: the notification's tag
 * @action: the action's id, or "default"
 *
 * What the user chose on a notification: recorded, then the reminders
 * are scheduled again.
 */
void
bc_reminder_engine_handle_action (BcReminderEngine *self,
                                  const char       *tag,
                                  const char       *action)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  BcReminderKind kind;

  g_return_if_fail (BC_IS_REMINDER_ENGINE (self));
  g_return_if_fail (tag != NULL);
  g_return_if_fail (action != NULL);

  if (g_str_equal (action, "default"))
    {
      g_signal_emit (self, signals[OPEN], 0, page_for (tag));
      return;
    }

  if (!bc_reminder_kind_from_string (tag, &kind) || !action_is_known (kind, action))
    {
      g_debug ("Ignoring action “%s” on “%s”", action, tag);
      return;
    }

  if (self->profile_id <= 0)
    return;

  now = bc_clock_now (self->clock);
  if (!record_action (self, kind, action, now, &error))
    g_message ("The reminder action could not be recorded: %s", error->message);

  evaluate (self, TRIGGER_DATA);

  if (kind == BC_REMINDER_SESSION && g_str_equal (action, "start"))
    g_signal_emit (self, signals[OPEN], 0, "start-session");
  else if (kind == BC_REMINDER_PAIN && g_str_equal (action, "log"))
    g_signal_emit (self, signals[OPEN], 0, "log-pain");
}

/**
 * bc_reminder_engine_pause:
 * @until: unix time, 0 to end a pause
 */
void
bc_reminder_engine_pause (BcReminderEngine *self,
                          gint64            until)
{
  g_return_if_fail (BC_IS_REMINDER_ENGINE (self));

  g_settings_set_int64 (self->settings, "paused-until", MAX (until, 0));
  evaluate (self, TRIGGER_DATA);
}

/**
 * bc_reminder_engine_set_screen_locked:
 *
 * From GtkApplication:screensaver-active. No stretch break comes while
 * the screen is locked; a lock at least one stretch interval long is a
 * break, so the interval starts again at the unlock.
 */
void
bc_reminder_engine_set_screen_locked (BcReminderEngine *self,
                                      gboolean          locked)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (BC_IS_REMINDER_ENGINE (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  now = bc_clock_now (self->clock);
  self->locked = locked;

  if (locked)
    self->locked_since = g_date_time_to_unix (now);
  else
    {
      gint64 interval = (gint64)g_settings_get_int (self->settings, "stretch-interval") * 60;

      if (g_date_time_to_unix (now) - self->locked_since >= interval)
        self->last_resume = g_date_time_to_unix (now);
    }

  evaluate (self, TRIGGER_DATA);
}

/* Returns: (transfer full): the stretch the next stretch reminder names */
char *
bc_reminder_engine_describe_stretch (BcReminderEngine *self)
{
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GPtrArray) stretches = NULL;
  const BcStretch *stretch;

  g_return_val_if_fail (BC_IS_REMINDER_ENGINE (self), NULL);

  if (self->profile_id > 0)
    plan = bc_plan_store_load_active (self->db, self->profile_id, NULL);
  stretch = pick_stretch (self, plan, &stretches);

  return bc_stretch_format (stretch);
}
