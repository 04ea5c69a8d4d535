/* bc-session-flow.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-session-flow"

#include "config.h"

#include "bc-session-flow.h"
#include "bc-session-store.h"

/* Where a guided session is: the step (pain before, exercises, pain
 * after, summary), and within an exercise the set, the side and the
 * running countdown of a hold, a side switch or a rest. Each exercise
 * is recorded as soon as it is done or skipped, so a session ended
 * early keeps what was done. A timer runs only while a countdown does.
 * The window shows this state and turns its buttons into these calls.
 */

typedef struct
{
  BcPlanItem       *item;
  BcExercise       *exercise;
  BcSessionOutcome  outcome;
} Entry;

struct _BcSessionFlow
{
  GObject         parent_instance;

  BcDatabase     *db;
  gint64          profile_id;
  gint64          plan_id;
  GPtrArray      *entries;
  guint           speed;

  BcSessionStep   step;
  guint           index;
  BcSessionPhase  phase;
  guint           sets_done;
  guint           side;
  gint64          session_id;
  int             pain_before;

  /* The running countdown, in real time (already divided by speed). */
  guint           timer_id;
  gboolean        paused;
  gint64          deadline;
  gint64          remaining_us;
  gint64          total_us;
};

G_DEFINE_FINAL_TYPE (BcSessionFlow, bc_session_flow, G_TYPE_OBJECT)

enum {
  CHANGED,
  CUE,
  RECORDED,
  RECORD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const step_names[] = {
  "empty", "pain-before", "exercise", "pain-after", "summary",
};

static const char * const phase_names[] = {
  "ready", "hold", "switch", "rest",
};

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->item);
  g_clear_object (&entry->exercise);
  g_free (entry);
}

/* Only on the exercise step, which has at least one. */
static Entry *
current_entry (BcSessionFlow *self)
{
  g_assert (self->index < self->entries->len);

  return g_ptr_array_index (self->entries, self->index);
}

static const BcDosage *
current_dosage (BcSessionFlow *self)
{
  return bc_plan_item_get_dosage (current_entry (self)->item);
}

/* A hold is timed; repetitions go at the patient's own pace, even with
 * a short hold in each.
 */
static gboolean
entry_is_hold (Entry *entry)
{
  const BcDosage *dosage = bc_plan_item_get_dosage (entry->item);

  return dosage->hold_seconds > 0 && dosage->reps <= 1;
}

static gboolean
entry_is_per_side (Entry *entry)
{
  return entry->exercise != NULL && bc_exercise_get_per_side (entry->exercise);
}

static void
emit_changed (BcSessionFlow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Countdowns. */

static gint64
tick_us (BcSessionFlow *self)
{
  return G_USEC_PER_SEC / self->speed;
}

static void
stop_countdown (BcSessionFlow *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->paused = FALSE;
}

static void countdown_finished (BcSessionFlow *self);

static gboolean countdown_tick_cb (gpointer data);

/* One one-shot timer at a time, due when the second shown changes (or
 * the countdown ends), so the display and the end are on time.
 * g_timeout_add_seconds() would wake less, but it may move the first
 * tick by up to a second: the countdown visibly stalled.
 */
static void
arm_timer (BcSessionFlow *self)
{
  gint64 tick = tick_us (self);
  gint64 delay = self->remaining_us % tick;

  if (delay == 0)
    delay = tick;

  self->deadline = g_get_monotonic_time () + self->remaining_us;
  self->timer_id = g_timeout_add ((delay + 999) / 1000, countdown_tick_cb, self);
}

static gboolean
countdown_tick_cb (gpointer data)
{
  BcSessionFlow *self = data;

  self->timer_id = 0;
  self->remaining_us = self->deadline - g_get_monotonic_time ();

  if (self->remaining_us < 1000)
    {
      self->remaining_us = 0;
      countdown_finished (self);
    }
  else
    {
      arm_timer (self);
      emit_changed (self);
    }

  return G_SOURCE_REMOVE;
}

static void
start_countdown (BcSessionFlow  *self,
                 BcSessionPhase  phase,
                 guint           seconds)
{
  stop_countdown (self);
  self->phase = phase;
  self->total_us = (gint64)seconds * tick_us (self);
  self->remaining_us = self->total_us;
  arm_timer (self);
  emit_changed (self);
}

/* Recording. */

static void
record_entry (BcSessionFlow *self,
              Entry         *entry,
              guint          sets,
              gboolean       skipped)
{
  g_autoptr(GError) error = NULL;

  if (!bc_session_store_record (self->db, self->profile_id, self->session_id,
                                bc_plan_item_get_exercise_ref (entry->item),
                                sets, skipped, NULL, &error))
    {
      g_signal_emit (self, signals[RECORD_FAILED], 0, error);
      return;
    }

  entry->outcome = skipped ? BC_SESSION_OUTCOME_SKIPPED : BC_SESSION_OUTCOME_DONE;
  g_signal_emit (self, signals[RECORDED], 0);
}

/* Sets done on the way out of an exercise count, even if not all. */
static void
record_partial (BcSessionFlow *self)
{
  if (self->step == BC_SESSION_STEP_EXERCISE && self->sets_done > 0)
    {
      record_entry (self, current_entry (self), self->sets_done, FALSE);
      self->sets_done = 0;
    }
}

/* Steps. */

static void
enter_exercise (BcSessionFlow *self,
                guint          index)
{
  stop_countdown (self);
  self->step = BC_SESSION_STEP_EXERCISE;
  self->index = index;
  self->phase = BC_SESSION_PHASE_READY;
  self->sets_done = 0;
  self->side = 0;
  emit_changed (self);
}

static void
advance (BcSessionFlow *self)
{
  if (self->index + 1 < self->entries->len)
    enter_exercise (self, self->index + 1);
  else
    {
      stop_countdown (self);
      self->step = BC_SESSION_STEP_PAIN_AFTER;
      emit_changed (self);
    }
}

static void
complete_set (BcSessionFlow *self)
{
  const BcDosage *dosage = current_dosage (self);

  self->sets_done++;
  self->side = 0;

  if (self->sets_done >= dosage->sets)
    {
      guint sets = self->sets_done;

      self->sets_done = 0;
      record_entry (self, current_entry (self), sets, FALSE);
      advance (self);
    }
  else if (dosage->rest_seconds > 0)
    start_countdown (self, BC_SESSION_PHASE_REST, dosage->rest_seconds);
  else
    {
      stop_countdown (self);
      self->phase = BC_SESSION_PHASE_READY;
      emit_changed (self);
    }
}

static void
countdown_finished (BcSessionFlow *self)
{
  Entry *entry = current_entry (self);
  const BcDosage *dosage = current_dosage (self);

  switch (self->phase)
    {
    case BC_SESSION_PHASE_HOLD:
      g_signal_emit (self, signals[CUE], 0);
      if (entry_is_per_side (entry) && self->side == 0)
        {
          self->side = 1;
          start_countdown (self, BC_SESSION_PHASE_SWITCH, BC_SESSION_SWITCH_SECONDS);
        }
      else
        complete_set (self);
      break;

    case BC_SESSION_PHASE_SWITCH:
      start_countdown (self, BC_SESSION_PHASE_HOLD, dosage->hold_seconds);
      break;

    case BC_SESSION_PHASE_REST:
      g_signal_emit (self, signals[CUE], 0);
      /* After a rest the next hold starts by itself: the patient is
       * already in position. Repetitions wait for the patient.
       */
      if (entry_is_hold (entry))
        start_countdown (self, BC_SESSION_PHASE_HOLD, dosage->hold_seconds);
      else
        {
          self->phase = BC_SESSION_PHASE_READY;
          emit_changed (self);
        }
      break;

    case BC_SESSION_PHASE_READY:
    default:
      g_assert_not_reached ();
    }
}

/* GObject. */

static void
bc_session_flow_dispose (GObject *object)
{
  BcSessionFlow *self = BC_SESSION_FLOW (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);

  G_OBJECT_CLASS (bc_session_flow_parent_class)->dispose (object);
}

static void
bc_session_flow_finalize (GObject *object)
{
  BcSessionFlow *self = BC_SESSION_FLOW (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (bc_session_flow_parent_class)->finalize (object);
}

static void
bc_session_flow_class_init (BcSessionFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_session_flow_dispose;
  object_class->finalize = bc_session_flow_finalize;

  /* Anything shown changed: the step, the phase, a countdown's second. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A hold or a rest ended: time for the audible cue. */
  signals[CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* An exercise was written to the database. */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* An exercise could not be written; the session goes on. */
  signals[RECORD_FAILED] =
    g_signal_new ("record-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bc_session_flow_init (BcSessionFlow *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  self->speed = 1;
  self->pain_before = -1;
}

/**
 * bc_session_flow_new:
 * @plan: (nullable): the active plan
 * @catalog: (nullable): where the plan's exercises are described
 * @today: (nullable): a time on the day whose exercises are done; %NULL
 *   for now
 *
 * A session over the exercises of @plan due on @today, in plan order.
 * Without any, it stays on %BC_SESSION_STEP_EMPTY.
 */
BcSessionFlow *
bc_session_flow_new (BcDatabase        *db,
                     gint64             profile_id,
                     BcPlan            *plan,
                     BcExerciseCatalog *catalog,
                     GDateTime         *today)
{
  g_autoptr(GDateTime) local = NULL;
  BcSessionFlow *self;
  GListModel *items;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan == NULL || BC_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalog == NULL || BC_IS_EXERCISE_CATALOG (catalog), NULL);

  self = g_object_new (BC_TYPE_SESSION_FLOW, NULL);
  self->db = g_object_ref (db);
  self->profile_id = profile_id;
  self->plan_id = plan ? bc_plan_get_id (plan) : 0;

  local = today ? g_date_time_to_local (today) : g_date_time_new_now_local ();
  items = plan ? G_LIST_MODEL (bc_plan_get_items (plan)) : NULL;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcExercise *exercise = NULL;
      Entry *entry;

      if (!bc_days_contains_date (bc_plan_item_get_dosage (item)->days, local))
        continue;

      if (catalog != NULL)
        exercise = bc_exercise_catalog_lookup (catalog, bc_plan_item_get_exercise_ref (item));

      entry = g_new0 (Entry, 1);
      entry->item = g_object_ref (item);
      entry->exercise = exercise ? g_object_ref (exercise) : NULL;
      g_ptr_array_add (self->entries, entry);
    }

  self->step = self->entries->len > 0 ? BC_SESSION_STEP_PAIN_BEFORE : BC_SESSION_STEP_EMPTY;

  return self;
}

/* Divides every countdown: tests run a 30-second hold in 0.3 s at 100. */
void
bc_session_flow_set_speed (BcSessionFlow *self,
                           guint          speed)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));
  g_return_if_fail (speed >= 1 && speed <= G_USEC_PER_SEC);

  self->speed = speed;
}

/* State. */

BcSessionStep
bc_session_flow_get_step (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), BC_SESSION_STEP_EMPTY);

  return self->step;
}

const char *
bc_session_flow_get_step_name (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), NULL);

  return step_names[self->step];
}

BcSessionPhase
bc_session_flow_get_phase (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), BC_SESSION_PHASE_READY);

  return self->phase;
}

const char *
bc_session_flow_get_phase_name (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), NULL);

  return phase_names[self->phase];
}

gboolean
bc_session_flow_get_paused (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), FALSE);

  return self->paused;
}

guint
bc_session_flow_get_n_exercises (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  return self->entries->len;
}

/* The exercise shown, from 0; meaningful on the exercise step. */
guint
bc_session_flow_get_index (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  return self->index;
}

/**
 * bc_session_flow_get_item:
 *
 * Returns: (transfer none) (nullable): the plan item shown, or %NULL
 *   on another step
 */
BcPlanItem *
bc_session_flow_get_item (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), NULL);

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return NULL;

  return current_entry (self)->item;
}

/**
 * bc_session_flow_get_exercise:
 *
 * Returns: (transfer none) (nullable): the exercise shown, or %NULL on
 *   another step or when the catalog does not know it
 */
BcExercise *
bc_session_flow_get_exercise (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), NULL);

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return NULL;

  return current_entry (self)->exercise;
}

gboolean
bc_session_flow_is_hold (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), FALSE);

  return self->step == BC_SESSION_STEP_EXERCISE && entry_is_hold (current_entry (self));
}

gboolean
bc_session_flow_is_per_side (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), FALSE);

  return self->step == BC_SESSION_STEP_EXERCISE && entry_is_per_side (current_entry (self));
}

/* What was recorded earlier in this session for the exercise shown. */
BcSessionOutcome
bc_session_flow_get_outcome (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), BC_SESSION_OUTCOME_PENDING);

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return BC_SESSION_OUTCOME_PENDING;

  return current_entry (self)->outcome;
}

guint
bc_session_flow_get_sets_done (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  return self->sets_done;
}

/* 0 for the first side of a per-side hold, 1 for the second. */
guint
bc_session_flow_get_side (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  return self->side;
}

/* The seconds still to show, as the patient counts them. */
guint
bc_session_flow_get_remaining_seconds (BcSessionFlow *self)
{
  gint64 tick;

  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  tick = tick_us (self);
  return (MAX (self->remaining_us, 0) + tick - 1) / tick;
}

double
bc_session_flow_get_elapsed_fraction (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0.0);

  if (self->total_us <= 0)
    return 0.0;

  return 1.0 - (double)MAX (self->remaining_us, 0) / self->total_us;
}

guint
bc_session_flow_count_done (BcSessionFlow *self)
{
  guint done = 0;

  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->outcome == BC_SESSION_OUTCOME_DONE)
        done++;
    }

  return done;
}

gint64
bc_session_flow_get_session_id (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), 0);

  return self->session_id;
}

int
bc_session_flow_get_pain_before (BcSessionFlow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), -1);

  return self->pain_before;
}

/* Transitions. Each does nothing where it does not apply. */

/**
 * bc_session_flow_start:
 * @pain_before: 0–10, or -1 when not rated
 *
 * Records the start and shows the first exercise.
 */
gboolean
bc_session_flow_start (BcSessionFlow  *self,
                       int             pain_before,
                       GError        **error)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), FALSE);
  g_return_val_if_fail (self->step == BC_SESSION_STEP_PAIN_BEFORE, FALSE);

  self->session_id = bc_session_store_start (self->db, self->profile_id, self->plan_id,
                                             pain_before, NULL, error);
  if (self->session_id == 0)
    return FALSE;

  self->pain_before = pain_before;
  enter_exercise (self, 0);
  return TRUE;
}

/* Starts a hold, or ends a side switch or a rest early. */
void
bc_session_flow_begin (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return;

  if (entry_is_hold (current_entry (self)))
    {
      if (self->phase != BC_SESSION_PHASE_HOLD)
        start_countdown (self, BC_SESSION_PHASE_HOLD, current_dosage (self)->hold_seconds);
    }
  else if (self->phase == BC_SESSION_PHASE_REST)
    {
      stop_countdown (self);
      self->phase = BC_SESSION_PHASE_READY;
      emit_changed (self);
    }
}

/* A set of repetitions is done. */
void
bc_session_flow_set_done (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step == BC_SESSION_STEP_EXERCISE && self->phase == BC_SESSION_PHASE_READY &&
      !entry_is_hold (current_entry (self)))
    complete_set (self);
}

void
bc_session_flow_toggle_pause (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step != BC_SESSION_STEP_EXERCISE || self->phase == BC_SESSION_PHASE_READY)
    return;

  if (self->paused)
    {
      self->paused = FALSE;
      arm_timer (self);
    }
  else
    {
      self->remaining_us = MAX (self->deadline - g_get_monotonic_time (), 1);
      g_clear_handle_id (&self->timer_id, g_source_remove);
      self->paused = TRUE;
    }

  emit_changed (self);
}

/* On to the next exercise; the sets done so far are recorded. */
void
bc_session_flow_next (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return;

  stop_countdown (self);
  record_partial (self);
  advance (self);
}

/* Back to the previous exercise; doing it again replaces its record. */
void
bc_session_flow_previous (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step != BC_SESSION_STEP_EXERCISE || self->index == 0)
    return;

  stop_countdown (self);
  record_partial (self);
  enter_exercise (self, self->index - 1);
}

void
bc_session_flow_skip (BcSessionFlow *self)
{
  guint sets;

  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  if (self->step != BC_SESSION_STEP_EXERCISE)
    return;

  stop_countdown (self);
  sets = self->sets_done;
  self->sets_done = 0;
  record_entry (self, current_entry (self), sets, TRUE);
  advance (self);
}

/**
 * bc_session_flow_finish:
 * @pain_after: 0–10, or -1 when not rated
 *
 * Records the end and shows the summary.
 */
gboolean
bc_session_flow_finish (BcSessionFlow  *self,
                        int             pain_after,
                        GError        **error)
{
  g_return_val_if_fail (BC_IS_SESSION_FLOW (self), FALSE);
  g_return_val_if_fail (self->step == BC_SESSION_STEP_PAIN_AFTER, FALSE);

  if (!bc_session_store_finish (self->db, self->session_id, pain_after, NULL, error))
    return FALSE;

  self->step = BC_SESSION_STEP_SUMMARY;
  emit_changed (self);
  return TRUE;
}

/* The patient stops early: the sets done so far are recorded and the
 * session stays unfinished.
 */
void
bc_session_flow_stop (BcSessionFlow *self)
{
  g_return_if_fail (BC_IS_SESSION_FLOW (self));

  stop_countdown (self);
  record_partial (self);
}
