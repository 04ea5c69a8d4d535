/* bc-reminder-message.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-message"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-reminder-message.h"

/* Stretches for a desk worker when the plan has none. */
static const char * const builtin_stretches[] = {
  BC_EXERCISE_REF_BUILTIN "hamstring-stretch-seated",
  BC_EXERCISE_REF_BUILTIN "hip-flexor-stretch-standing-lunge",
  BC_EXERCISE_REF_BUILTIN "chest-stretch-doorway",
};

static void
stretch_free (gpointer data)
{
  BcStretch *stretch = data;

  g_free (stretch->ref);
  g_free (stretch->name);
  g_free (stretch);
}

static void
add_stretch (GPtrArray      *stretches,
             const char     *ref,
             const char     *name,
             const BcDosage *dosage,
             gboolean        per_side)
{
  BcStretch *stretch = g_new0 (BcStretch, 1);

  stretch->ref = g_strdup (ref);
  stretch->name = g_strdup (name);
  stretch->hold_seconds = dosage->hold_seconds;
  stretch->times = MAX (dosage->sets * MAX (dosage->reps, 1), 1);
  stretch->per_side = per_side;
  g_ptr_array_add (stretches, stretch);
}

/**
 * bc_stretch_list_for_plan:
 * @catalog: (nullable): names the exercises
 * @plan: (nullable): the active plan; its own dosage is used
 *
 * Returns: (transfer full): never empty
 */
GPtrArray *
bc_stretch_list_for_plan (BcExerciseCatalog *catalog,
                          BcPlan            *plan)
{
  g_autoptr(GPtrArray) stretches = g_ptr_array_new_with_free_func (stretch_free);

  if (plan != NULL && catalog != NULL)
    {
      GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
          const char *ref = bc_plan_item_get_exercise_ref (item);
          BcExercise *exercise = bc_exercise_catalog_lookup (catalog, ref);

          if (exercise != NULL &&
              bc_exercise_get_category (exercise) == BC_EXERCISE_CATEGORY_STRETCH)
            add_stretch (stretches, ref, bc_exercise_get_name (exercise),
                         bc_plan_item_get_dosage (item), bc_exercise_get_per_side (exercise));
        }
    }

  if (stretches->len > 0)
    return g_steal_pointer (&stretches);

  for (guint i = 0; catalog != NULL && i < G_N_ELEMENTS (builtin_stretches); i++)
    {
      BcExercise *exercise = bc_exercise_catalog_lookup (catalog, builtin_stretches[i]);

      if (exercise != NULL)
        add_stretch (stretches, builtin_stretches[i], bc_exercise_get_name (exercise),
                     bc_exercise_get_dosage (exercise), bc_exercise_get_per_side (exercise));
    }

  if (stretches->len == 0)
    {
      BcDosage dosage = { 3, 1, 30, 15, 1, 0x7f };

      add_stretch (stretches, "", _("Stand up and stretch"), &dosage, FALSE);
    }

  return g_steal_pointer (&stretches);
}

/* Returns: (transfer none): the stretch after @last_ref, in rotation */
const BcStretch *
bc_stretch_list_next (GPtrArray  *stretches,
                      const char *last_ref)
{
  guint next = 0;

  g_return_val_if_fail (stretches != NULL && stretches->len > 0, NULL);

  for (guint i = 0; last_ref != NULL && i < stretches->len; i++)
    {
      const BcStretch *stretch = g_ptr_array_index (stretches, i);

      if (g_strcmp0 (stretch->ref, last_ref) == 0)
        {
          next = (i + 1) % stretches->len;
          break;
        }
    }

  return g_ptr_array_index (stretches, next);
}

/* Returns: e.g. "Doorway chest stretch — hold 30 s, 3 times" */
char *
bc_stretch_format (const BcStretch *stretch)
{
  g_return_val_if_fail (stretch != NULL, NULL);

  if (stretch->hold_seconds > 0 && stretch->per_side)
    /* Translators: an exercise name, its hold time in seconds and the repetitions */
    return g_strdup_printf (ngettext ("%s — hold %u s, %u time on each side",
                                      "%s — hold %u s, %u times on each side", stretch->times),
                            stretch->name, stretch->hold_seconds, stretch->times);
  if (stretch->hold_seconds > 0)
    /* Translators: an exercise name, its hold time in seconds and the repetitions */
    return g_strdup_printf (ngettext ("%s — hold %u s, %u time",
                                      "%s — hold %u s, %u times", stretch->times),
                            stretch->name, stretch->hold_seconds, stretch->times);
  if (stretch->per_side)
    /* Translators: an exercise name and the repetitions */
    return g_strdup_printf (ngettext ("%s — %u time on each side",
                                      "%s — %u times on each side", stretch->times),
                            stretch->name, stretch->times);

  /* Translators: an exercise name and the repetitions */
  return g_strdup_printf (ngettext ("%s — %u time", "%s — %u times", stretch->times),
                          stretch->name, stretch->times);
}

/* Returns: e.g. "You have had 3 of 8 glasses today." */
char *
bc_reminder_message_format_water (const BcReminderFacts *facts)
{
  guint glass = MAX (facts->glass_ml, 1);
  guint had = facts->water_ml / glass;
  guint goal = (facts->goal_ml + glass - 1) / glass;

  /* Translators: glasses of water drunk today and the day's goal in glasses */
  return g_strdup_printf (ngettext ("You have had %u of %u glass today.",
                                    "You have had %u of %u glasses today.", goal),
                          had, goal);
}

static void
add_action (BcReminderMessage *message,
            const char        *id,
            const char        *label)
{
  g_assert (message->n_actions < G_N_ELEMENTS (message->actions));

  message->actions[message->n_actions].id = id;
  message->actions[message->n_actions].label = label;
  message->n_actions++;
}

/* The actions are those bc-reminder-engine.h lists. */
static gboolean
is_given (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* "03/12/26 at 18:00 with Jana Kowalski, Praxis am Park." */
static char *
describe_appointment (const BcReminderFacts *facts)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (facts->appointment_start);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *day = g_date_time_format (local, "%x");
  /* TRANSLATORS: the first %s is a date, the second a time */
  g_autofree char *when = g_strdup_printf (_("%s at %s"), day, time);
  GString *text;

  text = g_string_new (when);
  if (is_given (facts->appointment_therapist))
    /* TRANSLATORS: %s is the therapist's name */
    g_string_append_printf (text, _(" with %s"), facts->appointment_therapist);
  if (is_given (facts->appointment_location))
    /* TRANSLATORS: %s is the clinic or place */
    g_string_append_printf (text, _(", %s"), facts->appointment_location);
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static void
build_appointment (BcReminderMessage     *message,
                   const BcReminderFacts *facts)
{
  switch (facts->appointment_reminder)
    {
    case BC_APPOINTMENT_REMINDER_WATER:
      message->summary = g_strdup (_("Drink water after your massage"));
      message->body = g_strdup (_("A glass or two of water helps your muscles recover."));
      break;

    case BC_APPOINTMENT_REMINDER_PAIN:
      message->summary = g_strdup (_("How does your back feel after the massage?"));
      message->body = g_strdup (_("Log your pain; over time it shows whether massage helps."));
      break;

    case BC_APPOINTMENT_REMINDER_BEFORE:
    default:
      message->summary = g_strdup (_("Appointment coming up"));
      message->body = facts->appointment_start != NULL
                      ? describe_appointment (facts)
                      : g_strdup (_("Open BackCare to see when and where."));
      break;
    }
}

void
bc_reminder_message_build (BcReminderMessage     *message,
                           BcReminderKind         kind,
                           const BcReminderFacts *facts)
{
  g_return_if_fail (message != NULL);
  g_return_if_fail (facts != NULL);

  memset (message, 0, sizeof *message);

  switch (kind)
    {
    case BC_REMINDER_HYDRATION:
      message->summary = g_strdup (_("Time for a glass of water"));
      message->body = bc_reminder_message_format_water (facts);
      add_action (message, "drank", _("I drank a glass"));
      add_action (message, "snooze", _("Snooze 15 min"));
      break;

    case BC_REMINDER_STRETCH:
      message->summary = g_strdup (_("Time for a stretch break"));
      message->body = facts->stretch != NULL ? bc_stretch_format (facts->stretch)
                                             : g_strdup (_("Stand up and stretch"));
      add_action (message, "done", _("Done"));
      add_action (message, "snooze", _("Snooze 10 min"));
      add_action (message, "skip", _("Skip"));
      break;

    case BC_REMINDER_SESSION:
      message->summary = g_strdup (_("Time for your exercises"));
      message->body = g_strdup_printf (ngettext ("%u exercise of your plan is waiting for you.",
                                                 "%u exercises of your plan are waiting for you.",
                                                 facts->n_due_today),
                                       facts->n_due_today);
      add_action (message, "start", _("Start"));
      add_action (message, "later", _("Later"));
      break;

    case BC_REMINDER_PAIN:
      message->summary = g_strdup (_("How is your back today?"));
      message->body = g_strdup (_("Log today’s pain; it takes a few seconds."));
      add_action (message, "log", _("Log now"));
      break;

    case BC_REMINDER_REVIEW:
      message->summary = g_strdup (_("Plan review due"));
      message->body = g_strdup_printf (_("Your physiotherapist planned to review “%s” today."),
                                       facts->plan_title != NULL ? facts->plan_title : "");
      break;

    case BC_REMINDER_APPOINTMENT:
      build_appointment (message, facts);
      break;

    case BC_N_REMINDERS:
    default:
      g_return_if_reached ();
    }
}

static char *
describe_missed (BcReminderKind         kind,
                 const BcReminderFacts *facts)
{
  switch (kind)
    {
    case BC_REMINDER_HYDRATION:
      return bc_reminder_message_format_water (facts);
    case BC_REMINDER_STRETCH:
      return g_strdup (_("A stretch break is due."));
    case BC_REMINDER_SESSION:
      return g_strdup (_("Your exercises for today are still to do."));
    case BC_REMINDER_PAIN:
      return g_strdup (_("Today’s pain is not logged yet."));
    case BC_REMINDER_REVIEW:
      return g_strdup (_("Your plan is due for review today."));
    case BC_REMINDER_APPOINTMENT:
      return g_strdup (_("An appointment is coming up."));
    case BC_N_REMINDERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
bc_reminder_message_build_away (BcReminderMessage     *message,
                                guint                  kinds,
                                const BcReminderFacts *facts)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_if_fail (message != NULL);
  g_return_if_fail (facts != NULL);

  memset (message, 0, sizeof *message);

  /* One line per reminder, in a fixed order. */
  for (guint kind = 0; kind < BC_N_REMINDERS; kind++)
    {
      g_autofree char *line = NULL;

      if ((kinds & (1u << kind)) == 0)
        continue;

      line = describe_missed (kind, facts);
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }

  message->summary = g_strdup (_("While you were away"));
  message->body = g_string_free (g_steal_pointer (&body), FALSE);
}

void
bc_reminder_message_clear (BcReminderMessage *message)
{
  g_return_if_fail (message != NULL);

  g_clear_pointer (&message->summary, g_free);
  g_clear_pointer (&message->body, g_free);
  message->n_actions = 0;
}
