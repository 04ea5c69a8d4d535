/* test-reminder-engine.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder engine end to end without a desktop: real settings
 * (memory backend), a real sqlite file, the real catalog, a stopped
 * BcClock (bc_clock_set_time_for_testing) whose "fired" and "resumed"
 * the test emits, and a fake BcNotifier that records what would have
 * been shown and sends actions back as a user would.
 */

#include "config.h"

#include <string.h>

#include "bc-appointment-store.h"
#include "bc-pain-store.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"
#include "bc-reminder-engine.h"
#include "bc-reminder-store.h"

/* A notifier that remembers every notification. */

typedef struct
{
  char *tag;
  char *summary;
  char *body;
  char *actions;   /* "id=label;id=label" */
} Shown;

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_free (shown->tag);
  g_free (shown->summary);
  g_free (shown->body);
  g_free (shown->actions);
  g_free (shown);
}

#define BC_TYPE_FAKE_NOTIFIER (bc_fake_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BcFakeNotifier, bc_fake_notifier, BC, FAKE_NOTIFIER, GObject)

struct _BcFakeNotifier
{
  GObject    parent_instance;
  GPtrArray *shown;
  GPtrArray *withdrawn;
};

static void bc_fake_notifier_iface_init (BcNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BcFakeNotifier, bc_fake_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BC_TYPE_NOTIFIER,
                                                      bc_fake_notifier_iface_init))

static gboolean
bc_fake_notifier_show (BcNotifier                 *notifier,
                       const char                 *tag,
                       const char                 *summary,
                       const char                 *body,
                       const BcNotificationAction *actions,
                       guint                       n_actions,
                       GError                    **error)
{
  BcFakeNotifier *self = BC_FAKE_NOTIFIER (notifier);
  g_autoptr(GString) ids = g_string_new (NULL);
  Shown *shown = g_new0 (Shown, 1);

  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (ids, "%s%s=%s", i > 0 ? ";" : "", actions[i].id, actions[i].label);

  shown->tag = g_strdup (tag);
  shown->summary = g_strdup (summary);
  shown->body = g_strdup (body);
  shown->actions = g_string_free (g_steal_pointer (&ids), FALSE);
  g_ptr_array_add (self->shown, shown);

  return TRUE;
}

static void
bc_fake_notifier_withdraw (BcNotifier *notifier,
                           const char *tag)
{
  g_ptr_array_add (BC_FAKE_NOTIFIER (notifier)->withdrawn, g_strdup (tag));
}

static void
bc_fake_notifier_iface_init (BcNotifierInterface *iface)
{
  iface->show = bc_fake_notifier_show;
  iface->withdraw = bc_fake_notifier_withdraw;
}

static void
bc_fake_notifier_finalize (GObject *object)
{
  BcFakeNotifier *self = BC_FAKE_NOTIFIER (object);

  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->withdrawn);

  G_OBJECT_CLASS (bc_fake_notifier_parent_class)->finalize (object);
}

static void
bc_fake_notifier_class_init (BcFakeNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_fake_notifier_finalize;
}

static void
bc_fake_notifier_init (BcFakeNotifier *self)
{
  self->shown = g_ptr_array_new_with_free_func (shown_free);
  self->withdrawn = g_ptr_array_new_with_free_func (g_free);
}

/* Fixture */

typedef struct
{
  char              *dir;
  BcDatabase        *db;
  gint64             me;
  BcExerciseCatalog *catalog;
  GSettings         *settings;
  BcClock           *clock;
  BcFakeNotifier    *notifier;
  BcReminderEngine  *engine;
  GPtrArray         *opened;
} Fixture;

static const char * const reminder_keys[] = {
  "hydration-enabled", "hydration-goal-ml", "hydration-glass-ml", "hydration-start",
  "hydration-end", "hydration-interval", "stretch-enabled", "stretch-interval", "stretch-start",
  "stretch-end", "stretch-days", "session-reminder-enabled", "session-reminder-time",
  "pain-reminder-enabled", "pain-reminder-time", "quiet-start", "quiet-end", "paused-until",
  "appointment-reminders-enabled", "appointment-remind-day-before",
  "appointment-remind-day-before-time", "appointment-remind-before-minutes",
};

/* 2025-03-03 is a Monday; TZ is Europe/Berlin (+01 in March). */
static gint64
march (int day,
       int hour,
       int minute)
{
  g_autoptr(GDateTime) moment = g_date_time_new_local (2025, 3, day, hour, minute, 0);

  return g_date_time_to_unix (moment);
}

static void
set_now (Fixture *fixture,
         gint64   unix_time)
{
  bc_clock_set_time_for_testing (fixture->clock, unix_time * G_USEC_PER_SEC);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  fixture->catalog = bc_exercise_catalog_new (fixture->db, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new ("org.example.BackCare");
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    g_settings_reset (fixture->settings, reminder_keys[i]);

  fixture->clock = bc_clock_new ();
  set_now (fixture, march (3, 10, 0));
  fixture->notifier = g_object_new (BC_TYPE_FAKE_NOTIFIER, NULL);
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->engine != NULL)
    g_assert_finalize_object (fixture->engine);
  g_assert_finalize_object (fixture->notifier);
  g_assert_finalize_object (fixture->clock);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->db);
  g_ptr_array_unref (fixture->opened);
  g_free (fixture->dir);
}

static void
opened_cb (BcReminderEngine *engine,
           const char       *what,
           Fixture          *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup (what));
}

static void
start_engine (Fixture *fixture)
{
  fixture->engine = bc_reminder_engine_new (fixture->db, fixture->catalog, fixture->settings,
                                            fixture->clock, BC_NOTIFIER (fixture->notifier));
  g_signal_connect (fixture->engine, "open", G_CALLBACK (opened_cb), fixture);
}

static guint
n_shown (Fixture *fixture)
{
  return fixture->notifier->shown->len;
}

static const Shown *
last_shown (Fixture *fixture)
{
  g_assert_cmpuint (n_shown (fixture), >, 0);
  return g_ptr_array_index (fixture->notifier->shown, n_shown (fixture) - 1);
}

static gint64
next_due (Fixture        *fixture,
          BcReminderKind *out_kind)
{
  return bc_reminder_engine_get_next_due (fixture->engine, out_kind);
}

/* The timer fires at the moment it was armed for (or @late seconds after). */
static void
fire (Fixture *fixture,
      gint64   late)
{
  gint64 armed = bc_clock_get_armed_at (fixture->clock);

  g_assert_cmpint (armed, >, 0);
  set_now (fixture, armed + late);
  g_signal_emit_by_name (fixture->clock, "fired");
}

/* As the desktop does when the user picks an action. */
static void
act (Fixture    *fixture,
     const char *tag,
     const char *action)
{
  g_signal_emit_by_name (fixture->notifier, "action-invoked", tag, action);
}

static guint
count_events (Fixture         *fixture,
              BcReminderKind   kind,
              BcReminderEvent  event,
              const char      *day)
{
  g_autoptr(GError) error = NULL;
  guint n = bc_reminder_store_count (fixture->db, fixture->me, kind, event, day, &error);

  g_assert_no_error (error);
  return n;
}

static guint
water_on (Fixture    *fixture,
          const char *day)
{
  g_autoptr(GError) error = NULL;
  guint ml = bc_reminder_store_water_on (fixture->db, fixture->me, day, &error);

  g_assert_no_error (error);
  return ml;
}

static void
add_water (Fixture *fixture,
           int      ml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, 9, 30, 0);

  g_assert_true (bc_reminder_store_add_water (fixture->db, fixture->me, "2025-03-03", ml, when,
                                              &error));
  g_assert_no_error (error);
}

static void
add_plan_item (BcPlan     *plan,
               const char *ref,
               guint       sets,
               guint       reps,
               guint       hold)
{
  BcDosage dosage = { sets, reps, hold, 15, 1, BC_DAYS_ALL };
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, NULL);

  g_list_store_append (bc_plan_get_items (plan), item);
}

static void
save_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("Desk back");

  add_plan_item (plan, "builtin:chest-stretch-doorway", 3, 1, 30);
  add_plan_item (plan, "builtin:glute-bridge", 2, 10, 5);
  add_plan_item (plan, "builtin:hamstring-stretch-seated", 2, 1, 20);
  bc_plan_set_review_date (plan, "2025-03-04");
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_no_error (error);
}

static void
test_hydration_notification (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const Shown *shown;
  BcReminderKind kind = BC_N_REMINDERS;

  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  add_water (fixture, 750);

  /* Due since 09:00: shown as soon as the engine runs. */
  start_engine (fixture);
  g_assert_true (bc_reminder_engine_any_enabled (fixture->engine));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "hydration");
  g_assert_cmpstr (shown->summary, ==, "Time for a glass of water");
  g_assert_cmpstr (shown->body, ==, "You have had 3 of 8 glasses today.");
  g_assert_cmpstr (shown->actions, ==, "drank=I drank a glass;snooze=Snooze 15 min");
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_HYDRATION, BC_REMINDER_EVENT_PROMPTED,
                                  "2025-03-03"), ==, 1);

  /* Armed for the next one, an interval later. */
  g_assert_cmpint (next_due (fixture, &kind), ==, march (3, 11, 0));
  g_assert_cmpint (kind, ==, BC_REMINDER_HYDRATION);
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, march (3, 11, 0));

  /* Nothing more until then. */
  bc_reminder_engine_reschedule (fixture->engine);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  fire (fixture, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "hydration");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 12, 0));
}

static void
test_hydration_drank (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  add_water (fixture, 750);
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  set_now (fixture, march (3, 10, 10));
  act (fixture, "hydration", "drank");

  g_assert_cmpuint (water_on (fixture, "2025-03-03"), ==, 1000);
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_HYDRATION, BC_REMINDER_EVENT_DONE,
                                  "2025-03-03"), ==, 1);
  /* The interval restarts at the glass. */
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 10));

  /* Up to the goal (2000 ml), then nothing more today. */
  for (guint i = 0; i < 4; i++)
    act (fixture, "hydration", "drank");
  g_assert_cmpuint (water_on (fixture, "2025-03-03"), ==, 2000);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 9, 0));

  /* The next day starts from nothing. */
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==, "You have had 0 of 8 glasses today.");
}

static void
test_hydration_snooze (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  set_now (fixture, march (3, 10, 5));
  act (fixture, "hydration", "snooze");
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_HYDRATION, BC_REMINDER_EVENT_SNOOZED,
                                  "2025-03-03"), ==, 1);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 10, 20));
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, march (3, 10, 20));

  fire (fixture, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "hydration");
  /* The snooze is used up: back to the interval. */
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 20));
}

static void
test_stretch_rotates (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *described = NULL;
  const Shown *shown;

  save_plan (fixture);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", TRUE);
  set_now (fixture, march (3, 9, 0));
  start_engine (fixture);

  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 9, 45));
  described = bc_reminder_engine_describe_stretch (fixture->engine);
  g_assert_cmpstr (described, ==, "Doorway chest stretch — hold 30 s, 3 times");

  fire (fixture, 0);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "stretch");
  g_assert_cmpstr (shown->summary, ==, "Time for a stretch break");
  g_assert_cmpstr (shown->body, ==, "Doorway chest stretch — hold 30 s, 3 times");
  g_assert_cmpstr (shown->actions, ==, "done=Done;snooze=Snooze 10 min;skip=Skip");

  /* Done restarts the interval; the next names the plan's next stretch
   * (the glute bridge is not one).
   */
  set_now (fixture, march (3, 9, 47));
  act (fixture, "stretch", "done");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 10, 32));
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==,
                   "Seated hamstring stretch — hold 20 s, 2 times on each side");

  /* Skip restarts it too, and the rotation comes round. */
  set_now (fixture, march (3, 10, 33));
  act (fixture, "stretch", "skip");
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_STRETCH, BC_REMINDER_EVENT_SKIPPED,
                                  "2025-03-03"), ==, 1);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 18));
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==, "Doorway chest stretch — hold 30 s, 3 times");

  /* Snooze: ten minutes. */
  set_now (fixture, march (3, 11, 19));
  act (fixture, "stretch", "snooze");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 29));

  g_assert_cmpuint (count_events (fixture, BC_REMINDER_STRETCH, BC_REMINDER_EVENT_DONE,
                                  "2025-03-03"), ==, 1);
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_STRETCH, BC_REMINDER_EVENT_PROMPTED,
                                  "2025-03-03"), ==, 3);
}

static void
test_stretch_builtin (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "stretch-enabled", TRUE);
  set_now (fixture, march (3, 9, 0));
  start_engine (fixture);

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==,
                   "Seated hamstring stretch — hold 30 s, 3 times on each side");
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==,
                   "Standing lunge hip flexor stretch — hold 30 s, 3 times on each side");
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==, "Doorway chest stretch — hold 30 s, 3 times");
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->body, ==,
                   "Seated hamstring stretch — hold 30 s, 3 times on each side");
}

static void
add_pain_entry (Fixture *fixture,
                int      hour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, hour, 0, 0);

  entry->intensity = 4;
  bc_pain_entry_set_date_time (entry, when);
  g_assert_cmpint (bc_pain_store_add (fixture->db, fixture->me, entry, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_pain_prompt (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const Shown *shown;

  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", TRUE);
  set_now (fixture, march (3, 19, 0));
  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 20, 0));

  fire (fixture, 0);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "pain");
  g_assert_cmpstr (shown->summary, ==, "How is your back today?");
  g_assert_cmpstr (shown->actions, ==, "log=Log now");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 20, 0));

  act (fixture, "pain", "log");
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, "log-pain");
  act (fixture, "pain", "default");
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 1), ==, "pain-log");
}

/* A massage on Wednesday 5 March at 10:00: the evening before, an hour
 * before, water 30 min after its end and a pain prompt the next morning.
 */
static void
test_appointment (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = bc_appointment_new ();
  BcReminderKind kind = BC_REMINDER_HYDRATION;
  const Shown *shown;

  g_settings_set_boolean (fixture->settings, "hydration-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "session-reminder-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", FALSE);

  appointment->starts_at = march (5, 10, 0);
  g_free (appointment->tzid);
  appointment->tzid = g_strdup ("Europe/Berlin");
  g_free (appointment->therapist);
  appointment->therapist = g_strdup ("Jana Kowalski");
  g_free (appointment->location);
  appointment->location = g_strdup ("Praxis am Park");
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, &kind), ==, march (4, 18, 0));
  g_assert_cmpint (kind, ==, BC_REMINDER_APPOINTMENT);

  fire (fixture, 0);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "appointment");
  g_assert_cmpstr (shown->summary, ==, "Appointment coming up");
  g_assert_nonnull (strstr (shown->body, "10:00"));
  g_assert_nonnull (strstr (shown->body, "with Jana Kowalski, Praxis am Park"));
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 9, 0));

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==, "Appointment coming up");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 11, 30));

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==, "Drink water after your massage");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (6, 9, 0));

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==,
                   "How does your back feel after the massage?");
  g_assert_cmpuint (n_shown (fixture), ==, 4);
  g_assert_cmpint (next_due (fixture, NULL), ==, 0);
}

/* Turned off, or cancelled: nothing. */
static void
test_appointment_off (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = bc_appointment_new ();
  BcReminderKind kind = BC_REMINDER_HYDRATION;

  g_settings_set_boolean (fixture->settings, "hydration-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "session-reminder-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "appointment-reminders-enabled", FALSE);

  appointment->starts_at = march (5, 10, 0);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, NULL), ==, 0);

  g_settings_set_boolean (fixture->settings, "appointment-reminders-enabled", TRUE);
  g_assert_cmpint (next_due (fixture, &kind), ==, march (4, 18, 0));
  g_assert_cmpint (kind, ==, BC_REMINDER_APPOINTMENT);
}

/* The settings move the reminders before: at 19:30 the day before and
 * two hours before; with both off only water and the pain prompt come.
 */
static void
test_appointment_settings (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = bc_appointment_new ();
  BcReminderKind kind = BC_REMINDER_HYDRATION;

  g_settings_set_boolean (fixture->settings, "hydration-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "session-reminder-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", FALSE);

  appointment->starts_at = march (5, 10, 0);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 18, 0));

  /* A changed key is scheduled at once. */
  g_settings_set_string (fixture->settings, "appointment-remind-day-before-time", "19:30");
  g_assert_cmpint (next_due (fixture, &kind), ==, march (4, 19, 30));
  g_assert_cmpint (kind, ==, BC_REMINDER_APPOINTMENT);

  g_settings_set_int (fixture->settings, "appointment-remind-before-minutes", 120);
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==, "Appointment coming up");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 8, 0));

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==, "Appointment coming up");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 11, 30));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
}

static void
test_appointment_settings_off (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcAppointment) appointment = bc_appointment_new ();

  g_settings_set_boolean (fixture->settings, "hydration-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "session-reminder-enabled", FALSE);
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", FALSE);

  appointment->starts_at = march (5, 10, 0);
  g_assert_cmpint (bc_appointment_store_add (fixture->db, fixture->me, appointment, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  start_engine (fixture);
  g_settings_set_boolean (fixture->settings, "appointment-remind-day-before", FALSE);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 9, 0));

  g_settings_set_int (fixture->settings, "appointment-remind-before-minutes", 0);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (5, 11, 30));

  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->summary, ==, "Drink water after your massage");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_pain_skipped_with_entry (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", TRUE);
  add_pain_entry (fixture, 8);
  set_now (fixture, march (3, 19, 0));
  start_engine (fixture);

  /* Today has an entry: tomorrow at 20:00. */
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 20, 0));
  set_now (fixture, march (3, 20, 0));
  bc_reminder_engine_reschedule (fixture->engine);
  g_assert_cmpuint (n_shown (fixture), ==, 0);
}

static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  g_settings_set_string (fixture->settings, "hydration-start", "07:00");
  g_settings_set_string (fixture->settings, "hydration-end", "23:30");
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", TRUE);
  g_settings_set_string (fixture->settings, "pain-reminder-time", "22:45");

  /* 22:30 is inside 22:00–08:00: nothing, though both are due. */
  set_now (fixture, march (3, 22, 30));
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 8, 0));

  set_now (fixture, march (3, 23, 0));
  bc_reminder_engine_reschedule (fixture->engine);
  g_assert_cmpuint (n_shown (fixture), ==, 0);

  /* At the end of the quiet hours: two reminders due at once on time,
   * one notification each.
   */
  fire (fixture, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (((Shown *)g_ptr_array_index (fixture->notifier->shown, 0))->tag, ==,
                   "hydration");
  g_assert_cmpstr (((Shown *)g_ptr_array_index (fixture->notifier->shown, 1))->tag, ==, "pain");

  /* A change of the settings reschedules at once. */
  g_settings_set_string (fixture->settings, "quiet-start", "23:00");
  g_settings_set_string (fixture->settings, "quiet-end", "07:00");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 9, 0));
}

static void
test_away_after_suspend (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const Shown *shown;

  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  g_settings_set_boolean (fixture->settings, "stretch-enabled", TRUE);
  g_settings_set_boolean (fixture->settings, "pain-reminder-enabled", TRUE);
  g_settings_set_string (fixture->settings, "pain-reminder-time", "12:00");
  set_now (fixture, march (3, 9, 0));
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "stretch");
  g_assert_cmpuint (n_shown (fixture), ==, 2);

  /* Asleep 09:50–12:50: hydration 10:00, 11:00, 12:00 and the pain
   * prompt at 12:00 fell due. The clock reports the sleep, then the
   * overdue timer fires: one notice.
   */
  set_now (fixture, march (3, 12, 50));
  g_signal_emit_by_name (fixture->clock, "resumed", (gint64)(3 * 60 * 60));
  g_signal_emit_by_name (fixture->clock, "fired");

  g_assert_cmpuint (n_shown (fixture), ==, 3);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "away");
  g_assert_cmpstr (shown->summary, ==, "While you were away");
  g_assert_cmpstr (shown->body, ==,
                   "You have had 0 of 8 glasses today.\nToday’s pain is not logged yet.");
  g_assert_cmpstr (shown->actions, ==, "");

  /* Each was recorded as prompted; the sleep was a stretch break. */
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_HYDRATION, BC_REMINDER_EVENT_PROMPTED,
                                  "2025-03-03"), ==, 2);
  g_assert_cmpuint (count_events (fixture, BC_REMINDER_PAIN, BC_REMINDER_EVENT_PROMPTED,
                                  "2025-03-03"), ==, 1);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 13, 35));
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "stretch");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 13, 50));

  act (fixture, "away", "default");
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, "today");
}

static void
test_away_clock_jump (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  /* The timer for 11:00 fires at 15:00 with no sleep seen: the clock
   * jumped forward. One notice for 11:00 to 15:00.
   */
  fire (fixture, 4 * 60 * 60);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "away");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 16, 0));

  /* Set back to 13:00: one interval from now, not from 15:00… */
  set_now (fixture, march (3, 13, 0));
  g_signal_emit_by_name (fixture->clock, "clock-changed");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 14, 0));

  /* …and not again an interval from each later "now". */
  set_now (fixture, march (3, 13, 30));
  bc_reminder_engine_reschedule (fixture->engine);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 14, 0));
  fire (fixture, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "hydration");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 15, 0));
}

static void
test_screen_lock (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "stretch-enabled", TRUE);
  set_now (fixture, march (3, 9, 30));
  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 9, 45));

  /* Locked over the due time: no stretch while locked… */
  bc_reminder_engine_set_screen_locked (fixture->engine, TRUE);
  g_assert_cmpint (next_due (fixture, NULL), ==, 0);
  set_now (fixture, march (3, 9, 50));
  bc_reminder_engine_reschedule (fixture->engine);
  g_assert_cmpuint (n_shown (fixture), ==, 0);

  /* …and a short lock is no break: the stretch comes at the unlock. */
  bc_reminder_engine_set_screen_locked (fixture->engine, FALSE);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "stretch");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 10, 35));

  /* A lock longer than the interval was the break: it restarts. */
  bc_reminder_engine_set_screen_locked (fixture->engine, TRUE);
  set_now (fixture, march (3, 11, 0));
  bc_reminder_engine_set_screen_locked (fixture->engine, FALSE);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 45));
}

static void
test_session (Fixture       *fixture,
              gconstpointer  user_data)
{
  const Shown *shown;

  save_plan (fixture);
  g_settings_set_boolean (fixture->settings, "session-reminder-enabled", TRUE);
  start_engine (fixture);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 18, 0));

  fire (fixture, 0);
  shown = last_shown (fixture);
  g_assert_cmpstr (shown->tag, ==, "session");
  g_assert_cmpstr (shown->body, ==, "3 exercises of your plan are waiting for you.");
  g_assert_cmpstr (shown->actions, ==, "start=Start;later=Later");

  /* Later: an hour. */
  act (fixture, "session", "later");
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 19, 0));
  fire (fixture, 0);
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "session");

  act (fixture, "session", "start");
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, "start-session");

  /* The plan review (tomorrow) comes at the session time. */
  g_assert_cmpint (next_due (fixture, NULL), ==, march (4, 18, 0));
  fire (fixture, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 4);
  g_assert_cmpstr (((Shown *)g_ptr_array_index (fixture->notifier->shown, 2))->tag, ==, "session");
  g_assert_cmpstr (last_shown (fixture)->tag, ==, "review");
  g_assert_cmpstr (last_shown (fixture)->body, ==,
                   "Your physiotherapist planned to review “Desk back” today.");
  act (fixture, "review", "default");
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 1), ==, "plan");
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_settings_set_boolean (fixture->settings, "hydration-enabled", TRUE);
  start_engine (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  bc_reminder_engine_pause (fixture->engine, march (3, 13, 30));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "paused-until"), ==,
                   march (3, 13, 30));
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 13, 30));

  bc_reminder_engine_pause (fixture->engine, 0);
  g_assert_cmpint (next_due (fixture, NULL), ==, march (3, 11, 0));

  /* All off: nothing armed. */
  g_settings_set_boolean (fixture->settings, "hydration-enabled", FALSE);
  g_assert_false (bc_reminder_engine_any_enabled (fixture->engine));
  g_assert_cmpint (next_due (fixture, NULL), ==, 0);
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminder-engine/hydration/notification", test_hydration_notification);
  ADD ("/reminder-engine/hydration/drank", test_hydration_drank);
  ADD ("/reminder-engine/hydration/snooze", test_hydration_snooze);
  ADD ("/reminder-engine/stretch/rotates", test_stretch_rotates);
  ADD ("/reminder-engine/stretch/builtin", test_stretch_builtin);
  ADD ("/reminder-engine/pain/prompt", test_pain_prompt);
  ADD ("/reminder-engine/pain/skipped-with-entry", test_pain_skipped_with_entry);
  ADD ("/reminder-engine/quiet-hours", test_quiet_hours);
  ADD ("/reminder-engine/away/suspend", test_away_after_suspend);
  ADD ("/reminder-engine/away/clock-jump", test_away_clock_jump);
  ADD ("/reminder-engine/screen-lock", test_screen_lock);
  ADD ("/reminder-engine/session", test_session);
  ADD ("/reminder-engine/pause", test_pause);
  ADD ("/reminder-engine/appointment", test_appointment);
  ADD ("/reminder-engine/appointment-off", test_appointment_off);
  ADD ("/reminder-engine/appointment-settings", test_appointment_settings);
  ADD ("/reminder-engine/appointment-settings-off", test_appointment_settings_off);

#undef ADD

  return g_test_run ();
}
