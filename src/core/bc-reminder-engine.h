/* bc-reminder-engine.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bc-clock.h"
#include "bc-database.h"
#include "bc-exercise-catalog.h"
#include "bc-notifier.h"
#include "bc-scheduler.h"

G_BEGIN_DECLS

/* Reminders end to end, without GTK: reads the reminder settings from
 * GSettings (org.example.BackCare, keys hydration-*, stretch-*,
 * session-reminder-*, pain-reminder-*, quiet-*, paused-until), the
 * history from the database, asks bc-scheduler for the next due moment,
 * arms the one BcClock timer for it, shows the notification through the
 * BcNotifier, records what the user does with it, and arms again.
 *
 * Tags of notifications are the reminder kind names ("hydration", …, and
 * "away" for the combined notice after a sleep). Actions:
 *   hydration: "drank" (a glass is logged), "snooze" (15 min)
 *   stretch:   "done", "snooze" (10 min), "skip"
 *   session:   "start" (emits "open" "start-session"), "later"
 *   pain:      "log" (emits "open" "log-pain")
 *   any:       "default" (emits "open" with the page: "today", "pain-log", "plan")
 *
 * Signals:
 *   "open" (const char *what)  the app should show something
 *   "changed" ()               next due time or today's counts changed
 */

#define BC_TYPE_REMINDER_ENGINE (bc_reminder_engine_get_type ())

G_DECLARE_FINAL_TYPE (BcReminderEngine, bc_reminder_engine, BC, REMINDER_ENGINE, GObject)

BcReminderEngine *bc_reminder_engine_new              (BcDatabase        *db,
                                                       BcExerciseCatalog *catalog,
                                                       GSettings         *settings,
                                                       BcClock           *clock,
                                                       BcNotifier        *notifier);
void              bc_reminder_engine_set_profile      (BcReminderEngine  *self,
                                                       gint64             profile_id);
void              bc_reminder_engine_reschedule       (BcReminderEngine  *self);
gint64            bc_reminder_engine_get_next_due     (BcReminderEngine  *self,
                                                       BcReminderKind    *out_kind);
gboolean          bc_reminder_engine_any_enabled      (BcReminderEngine  *self);
void              bc_reminder_engine_handle_action    (BcReminderEngine  *self,
                                                       const char        *tag,
                                                       const char        *action);
void              bc_reminder_engine_pause            (BcReminderEngine  *self,
                                                       gint64             until);
void              bc_reminder_engine_set_screen_locked (BcReminderEngine *self,
                                                        gboolean          locked);
/* The stretch the next stretch reminder names, e.g.
 * "Doorway chest stretch — hold 30 s, 3 times".
 */
char             *bc_reminder_engine_describe_stretch (BcReminderEngine  *self);

G_END_DECLS
