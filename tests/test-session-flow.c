/* test-session-flow.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guided session's steps and countdowns without a display: the
 * order of holds, side switches and rests, the cues, and what ends up
 * in a real sqlite file. Countdowns run 1000 times faster.
 */

#include "config.h"

#include "bc-plan-store.h"
#include "bc-profile-store.h"
#include "bc-session-flow.h"

#define STRETCH "builtin:hamstring-stretch-supine-strap"
#define STRENGTHEN "builtin:glute-bridge"
#define MOBILITY "builtin:cat-cow"

typedef struct
{
  char              *dir;
  BcDatabase        *db;
  BcExerciseCatalog *catalog;
  gint64             me;
  BcPlan            *plan;
  BcSessionFlow     *flow;
  GString           *phases;
  guint              cues;
  guint              recorded;
} Fixture;

static void
add_item (BcPlan     *plan,
          const char *ref,
          guint       sets,
          guint       reps,
          guint       hold,
          guint       rest,
          BcDays      days)
{
  BcDosage dosage = { sets, reps, hold, rest, 1, days };
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, NULL);

  g_list_store_append (bc_plan_get_items (plan), item);
}

/* Notes each phase shown once, in order. */
static void
changed_cb (BcSessionFlow *flow,
            Fixture       *fixture)
{
  g_autofree char *now = NULL;

  if (bc_session_flow_get_step (flow) == BC_SESSION_STEP_EXERCISE)
    now = g_strdup_printf ("%s%u", bc_session_flow_get_phase_name (flow),
                           bc_session_flow_get_side (flow));
  else
    now = g_strdup (bc_session_flow_get_step_name (flow));

  if (fixture->phases->len == 0 || !g_str_has_suffix (fixture->phases->str, now))
    {
      if (fixture->phases->len > 0)
        g_string_append_c (fixture->phases, ' ');
      g_string_append (fixture->phases, now);
    }
}

static void
cue_cb (BcSessionFlow *flow,
        Fixture       *fixture)
{
  fixture->cues++;
}

static void
recorded_cb (BcSessionFlow *flow,
             Fixture       *fixture)
{
  fixture->recorded++;
}

/* Wednesday 2025-03-05: the stretch and the strengthening are due every
 * day, the mobility exercise only on Mondays.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) wednesday = g_date_time_new_local (2025, 3, 5, 9, 0, 0);

  fixture->dir = g_dir_make_tmp ("backcare-flow-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->catalog = bc_exercise_catalog_new (fixture->db, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);

  fixture->plan = bc_plan_new ("Flow");
  add_item (fixture->plan, STRETCH, 2, 1, 20, 10, BC_DAYS_ALL);
  add_item (fixture->plan, MOBILITY, 1, 10, 0, 0, BC_DAY_MONDAY);
  add_item (fixture->plan, STRENGTHEN, 2, 10, 0, 30, BC_DAYS_ALL);
  bc_plan_store_save (fixture->db, fixture->me, fixture->plan, NULL, &error);
  g_assert_no_error (error);

  fixture->flow = bc_session_flow_new (fixture->db, fixture->me, fixture->plan,
                                       fixture->catalog, wednesday);
  bc_session_flow_set_speed (fixture->flow, 1000);
  fixture->phases = g_string_new (NULL);
  g_signal_connect (fixture->flow, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->flow, "cue", G_CALLBACK (cue_cb), fixture);
  g_signal_connect (fixture->flow, "recorded", G_CALLBACK (recorded_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->flow);
  g_string_free (fixture->phases, TRUE);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static gint64
query_int (BcDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static void
run_until_ready_or_step (Fixture       *fixture,
                         BcSessionStep  step)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* A countdown ends in a few milliseconds at this speed. */
  do
    g_main_context_iteration (NULL, TRUE);
  while (g_get_monotonic_time () < end &&
         bc_session_flow_get_step (fixture->flow) != step &&
         bc_session_flow_get_phase (fixture->flow) != BC_SESSION_PHASE_READY);
}

static void
test_whole_session (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  BcSessionFlow *flow = fixture->flow;

  /* Only what is due on Wednesday, in plan order. */
  g_assert_cmpuint (bc_session_flow_get_n_exercises (flow), ==, 2);
  g_assert_cmpint (bc_session_flow_get_step (flow), ==, BC_SESSION_STEP_PAIN_BEFORE);
  g_assert_null (bc_session_flow_get_item (flow));

  g_assert_true (bc_session_flow_start (flow, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_plan_item_get_exercise_ref (bc_session_flow_get_item (flow)), ==, STRETCH);
  g_assert_true (bc_session_flow_is_hold (flow));
  g_assert_true (bc_session_flow_is_per_side (flow));
  g_assert_cmpuint (bc_session_flow_get_remaining_seconds (flow), ==, 0);

  /* Two sets of a hold on each side, a rest between the sets: the next
   * hold after a rest starts by itself, and the last one moves on.
   */
  bc_session_flow_begin (flow);
  g_assert_cmpint (bc_session_flow_get_phase (flow), ==, BC_SESSION_PHASE_HOLD);
  g_assert_cmpuint (bc_session_flow_get_remaining_seconds (flow), ==, 20);
  g_assert_cmpfloat (bc_session_flow_get_elapsed_fraction (flow), ==, 0.0);
  run_until_ready_or_step (fixture, BC_SESSION_STEP_PAIN_AFTER);
  g_assert_cmpstr (fixture->phases->str, ==,
                   "ready0 hold0 switch1 hold1 rest0 hold0 switch1 hold1 ready0");
  /* Four holds and one rest ended. */
  g_assert_cmpuint (fixture->cues, ==, 5);
  g_assert_cmpuint (fixture->recorded, ==, 1);

  /* Repetitions wait for the patient; a paused rest does not run out. */
  g_assert_cmpstr (bc_plan_item_get_exercise_ref (bc_session_flow_get_item (flow)), ==,
                   STRENGTHEN);
  g_assert_false (bc_session_flow_is_hold (flow));
  bc_session_flow_begin (flow);
  g_assert_cmpint (bc_session_flow_get_phase (flow), ==, BC_SESSION_PHASE_READY);
  bc_session_flow_set_done (flow);
  g_assert_cmpint (bc_session_flow_get_phase (flow), ==, BC_SESSION_PHASE_REST);
  g_assert_cmpuint (bc_session_flow_get_sets_done (flow), ==, 1);
  bc_session_flow_toggle_pause (flow);
  g_assert_true (bc_session_flow_get_paused (flow));
  g_usleep (50 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (bc_session_flow_get_phase (flow), ==, BC_SESSION_PHASE_REST);
  bc_session_flow_toggle_pause (flow);
  g_assert_false (bc_session_flow_get_paused (flow));
  run_until_ready_or_step (fixture, BC_SESSION_STEP_PAIN_AFTER);
  g_assert_cmpint (bc_session_flow_get_phase (flow), ==, BC_SESSION_PHASE_READY);
  bc_session_flow_set_done (flow);
  g_assert_cmpint (bc_session_flow_get_step (flow), ==, BC_SESSION_STEP_PAIN_AFTER);
  g_assert_cmpuint (bc_session_flow_count_done (flow), ==, 2);

  g_assert_true (bc_session_flow_finish (flow, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_session_flow_get_step (flow), ==, BC_SESSION_STEP_SUMMARY);

  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM sessions WHERE pain_before = 5 "
                              "  AND pain_after = 2 AND finished_at IS NOT NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE sets_done = 2 AND skipped = 0 AND session_id = 1"), ==, 2);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BcSessionFlow *flow = fixture->flow;

  g_assert_true (bc_session_flow_start (flow, -1, NULL));

  /* Back on the first exercise does nothing. */
  bc_session_flow_previous (flow);
  g_assert_cmpuint (bc_session_flow_get_index (flow), ==, 0);

  /* On after one of two sets: done, with one set. */
  bc_session_flow_begin (flow);
  while (bc_session_flow_get_phase (flow) != BC_SESSION_PHASE_REST)
    g_main_context_iteration (NULL, TRUE);
  bc_session_flow_next (flow);
  g_assert_cmpuint (bc_session_flow_get_index (flow), ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT sets_done FROM exercise_records "
                              "WHERE exercise_ref = '" STRETCH "' AND skipped = 0"), ==, 1);

  /* Back, and it says so; skipped after all, it is recorded skipped. */
  bc_session_flow_previous (flow);
  g_assert_cmpuint (bc_session_flow_get_index (flow), ==, 0);
  g_assert_cmpint (bc_session_flow_get_outcome (flow), ==, BC_SESSION_OUTCOME_DONE);
  bc_session_flow_skip (flow);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM exercise_records "
                              "WHERE exercise_ref = '" STRETCH "'"), ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT skipped FROM exercise_records "
                              "WHERE exercise_ref = '" STRETCH "'"), ==, 1);

  /* Stopping early keeps the set done and leaves the session open. */
  bc_session_flow_set_done (flow);
  bc_session_flow_stop (flow);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT sets_done FROM exercise_records "
                              "WHERE exercise_ref = '" STRENGTHEN "' AND skipped = 0"), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT finished_at FROM sessions"), ==, -1);
  g_assert_cmpint (query_int (fixture->db, "SELECT pain_before FROM sessions"), ==, -1);
  g_assert_cmpuint (bc_session_flow_count_done (flow), ==, 1);
}

static void
test_nothing_due (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(BcPlan) mondays = bc_plan_new ("Mondays");
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2025, 3, 4, 9, 0, 0);
  g_autoptr(BcSessionFlow) rest_day = NULL;
  g_autoptr(BcSessionFlow) no_plan = NULL;

  add_item (mondays, MOBILITY, 1, 10, 0, 0, BC_DAY_MONDAY);
  rest_day = bc_session_flow_new (fixture->db, fixture->me, mondays, fixture->catalog, tuesday);
  g_assert_cmpint (bc_session_flow_get_step (rest_day), ==, BC_SESSION_STEP_EMPTY);
  g_assert_cmpuint (bc_session_flow_get_n_exercises (rest_day), ==, 0);

  no_plan = bc_session_flow_new (fixture->db, fixture->me, NULL, NULL, NULL);
  g_assert_cmpstr (bc_session_flow_get_step_name (no_plan), ==, "empty");

  /* Calls that do not apply change nothing. */
  bc_session_flow_next (no_plan);
  bc_session_flow_skip (no_plan);
  bc_session_flow_begin (no_plan);
  bc_session_flow_stop (no_plan);
  g_assert_cmpstr (bc_session_flow_get_step_name (no_plan), ==, "empty");
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);
}

static void
test_bad_pain (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bc_session_flow_start (fixture->flow, 11, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (bc_session_flow_get_step (fixture->flow), ==, BC_SESSION_STEP_PAIN_BEFORE);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM sessions"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/session-flow/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("whole-session", test_whole_session);
  ADD ("navigation", test_navigation);
  ADD ("nothing-due", test_nothing_due);
  ADD ("bad-pain", test_bad_pain);

#undef ADD

  return g_test_run ();
}
