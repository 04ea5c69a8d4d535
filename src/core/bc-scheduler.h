/* bc-scheduler.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pure scheduling: the next due time of each reminder is a function of
 * the settings, the history and "now", and nothing else. No clock, no
 * database, no GTK: unit tests pass any moment, in any time zone.
 * Fixed times are local wall-clock times, so they stay put across DST.
 */

typedef enum
{
  BC_REMINDER_HYDRATION,
  BC_REMINDER_STRETCH,
  BC_REMINDER_SESSION,
  BC_REMINDER_PAIN,
  BC_REMINDER_REVIEW,
  BC_REMINDER_APPOINTMENT,
  BC_N_REMINDERS
} BcReminderKind;

typedef struct
{
  gboolean enabled;
  int      start_minute;     /* active window, minutes after local midnight */
  int      end_minute;
  int      interval_minutes; /* repeating kinds (hydration, stretch); 0 otherwise */
  int      at_minute;        /* once-a-day kinds (session, pain, review) */
  guint8   days;             /* BcDays mask (Monday = bit 0) */
} BcReminderRule;

typedef struct
{
  BcReminderRule rules[BC_N_REMINDERS];
  int            quiet_start_minute;  /* may cross midnight; equal means none */
  int            quiet_end_minute;
  gint64         paused_until;        /* unix seconds, 0 when not paused */
  guint          hydration_goal_ml;
} BcReminderSettings;

typedef struct
{
  gint64   last_prompted[BC_N_REMINDERS];  /* unix seconds, 0 never */
  gint64   last_done[BC_N_REMINDERS];      /* done or skipped; restarts the stretch interval */
  gint64   snoozed_until[BC_N_REMINDERS];  /* unix seconds, 0 none */
  gint64   last_resume;                    /* end of the last sleep or screen lock, 0 none */
  guint    water_today_ml;
  gboolean pain_logged_today;
  gboolean session_done_today;
  gboolean plan_due_today;                 /* the plan has exercises today */
  char     review_date[11];                /* YYYY-MM-DD or empty */
  gint64   appointment_times[16];          /* reminder moments from the appointments issue */
  guint    n_appointment_times;
} BcReminderState;

void            bc_reminder_settings_init_defaults (BcReminderSettings       *settings);

gboolean        bc_scheduler_is_quiet              (const BcReminderSettings *settings,
                                                    GDateTime                *when);
/* Unix seconds, 0 when off or nothing to show within a week. A moment
 * before @now means "due: show it now" (returned only while showing it
 * now is allowed). All local times are taken in @now's time zone.
 */
gint64          bc_scheduler_next_due              (const BcReminderSettings *settings,
                                                    const BcReminderState    *state,
                                                    BcReminderKind            kind,
                                                    GDateTime                *now);
/* The earliest due reminder (kind in @out_kind), or 0 when none is due. */
gint64          bc_scheduler_next                  (const BcReminderSettings *settings,
                                                    const BcReminderState    *state,
                                                    GDateTime                *now,
                                                    BcReminderKind           *out_kind);
/* After a sleep or long absence: TRUE when reminders were missed, so one
 * combined "while you were away" notice replaces them (never a burst).
 */
gboolean        bc_scheduler_missed_while_away     (const BcReminderSettings *settings,
                                                    const BcReminderState    *state,
                                                    GDateTime                *away_since,
                                                    GDateTime                *now);
/* Added: which kinds were missed (bit 1 << kind each); a reminder due
 * less than BC_SCHEDULER_GRACE_SECONDS ago is on time, not missed.
 */
#define BC_SCHEDULER_GRACE_SECONDS 60
guint           bc_scheduler_missed_kinds          (const BcReminderSettings *settings,
                                                    const BcReminderState    *state,
                                                    GDateTime                *away_since,
                                                    GDateTime                *now);
const char     *bc_reminder_kind_to_string         (BcReminderKind            kind);
gboolean        bc_reminder_kind_from_string       (const char               *str,
                                                    BcReminderKind           *out_kind);

G_END_DECLS
