/* bc-reminder-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-scheduler.h"

G_BEGIN_DECLS

/* Each reminder's history per day (tables reminder_events and
 * water_intake, schema version 4). Days are local YYYY-MM-DD.
 */

typedef enum
{
  BC_REMINDER_EVENT_PROMPTED,
  BC_REMINDER_EVENT_DONE,
  BC_REMINDER_EVENT_SNOOZED,
  BC_REMINDER_EVENT_SKIPPED,
} BcReminderEvent;

gboolean bc_reminder_store_record      (BcDatabase      *db,
                                        gint64           profile_id,
                                        BcReminderKind   kind,
                                        BcReminderEvent  event,
                                        GDateTime       *when,
                                        const char      *detail,
                                        GError         **error);
/* Fills last_prompted, last_done, snoozed_until (from the last snooze
 * event's detail, the unix time it snoozes to) and water_today_ml.
 */
gboolean bc_reminder_store_load_state  (BcDatabase      *db,
                                        gint64           profile_id,
                                        GDateTime       *now,
                                        BcReminderState *state,
                                        GError         **error);
guint    bc_reminder_store_count       (BcDatabase      *db,
                                        gint64           profile_id,
                                        BcReminderKind   kind,
                                        BcReminderEvent  event,
                                        const char      *day,
                                        GError         **error);

/* Water: glasses drunk (or corrected, negative) on a day. */
gboolean bc_reminder_store_add_water   (BcDatabase      *db,
                                        gint64           profile_id,
                                        const char      *day,
                                        int              ml,
                                        GDateTime       *when,
                                        GError         **error);
guint    bc_reminder_store_water_on    (BcDatabase      *db,
                                        gint64           profile_id,
                                        const char      *day,
                                        GError         **error);

/* Added: the event's name as stored ("prompted", …), the detail of the
 * latest event with one (the stretch last named, for the rotation), and
 * the time of the latest event of a kind, even one after "now".
 */
const char *bc_reminder_event_to_string   (BcReminderEvent  event);
gint64      bc_reminder_store_latest_time (BcDatabase      *db,
                                           gint64           profile_id,
                                           BcReminderKind   kind,
                                           GError         **error);
char       *bc_reminder_store_last_detail (BcDatabase      *db,
                                           gint64           profile_id,
                                           BcReminderKind   kind,
                                           BcReminderEvent  event,
                                           GError         **error);

G_END_DECLS
