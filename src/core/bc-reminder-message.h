/* bc-reminder-message.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-exercise-catalog.h"
#include "bc-notifier.h"
#include "bc-plan.h"
#include "bc-scheduler.h"

G_BEGIN_DECLS

/* What each reminder's notification says, in the user's language, and
 * which stretch a stretch break names. Plain data in, plain text out:
 * the engine gathers the facts, this file words them.
 */

typedef struct
{
  char     *ref;            /* exercise ref, "" for the generic one */
  char     *name;
  guint     hold_seconds;
  guint     times;          /* sets × reps */
  gboolean  per_side;
} BcStretch;

/* Which appointment reminder: before it, water after it, pain the
 * next morning.
 */
typedef enum
{
  BC_APPOINTMENT_REMINDER_BEFORE,
  BC_APPOINTMENT_REMINDER_WATER,
  BC_APPOINTMENT_REMINDER_PAIN,
} BcAppointmentReminder;

typedef struct
{
  guint            water_ml;      /* today */
  guint            goal_ml;
  guint            glass_ml;
  const char      *plan_title;    /* nullable */
  guint            n_due_today;   /* the plan's exercises today */
  const BcStretch *stretch;       /* the one to name, for a stretch break */
  BcAppointmentReminder appointment_reminder;
  GDateTime       *appointment_start;     /* nullable: the generic text */
  const char      *appointment_therapist; /* nullable or empty */
  const char      *appointment_location;  /* nullable or empty */
} BcReminderFacts;

typedef struct
{
  char                 *summary;
  char                 *body;
  BcNotificationAction  actions[3];  /* ids and labels are static strings */
  guint                 n_actions;
} BcReminderMessage;

/* An array of BcStretch: the plan's stretches in plan order, or the
 * built-in hamstring, hip flexor and chest stretches.
 */
GPtrArray       *bc_stretch_list_for_plan       (BcExerciseCatalog       *catalog,
                                                 BcPlan                  *plan);
const BcStretch *bc_stretch_list_next           (GPtrArray               *stretches,
                                                 const char              *last_ref);
char            *bc_stretch_format              (const BcStretch         *stretch);

char            *bc_reminder_message_format_water (const BcReminderFacts *facts);
void             bc_reminder_message_build      (BcReminderMessage       *message,
                                                 BcReminderKind           kind,
                                                 const BcReminderFacts   *facts);
/* The combined notice after a sleep or an absence; @kinds is a mask of
 * (1 << kind).
 */
void             bc_reminder_message_build_away (BcReminderMessage       *message,
                                                 guint                    kinds,
                                                 const BcReminderFacts   *facts);
void             bc_reminder_message_clear      (BcReminderMessage       *message);

G_END_DECLS
