/* bc-session-flow.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-exercise-catalog.h"
#include "bc-plan.h"

G_BEGIN_DECLS

typedef enum
{
  BC_SESSION_STEP_EMPTY,
  BC_SESSION_STEP_PAIN_BEFORE,
  BC_SESSION_STEP_EXERCISE,
  BC_SESSION_STEP_PAIN_AFTER,
  BC_SESSION_STEP_SUMMARY,
} BcSessionStep;

typedef enum
{
  BC_SESSION_PHASE_READY,
  BC_SESSION_PHASE_HOLD,
  BC_SESSION_PHASE_SWITCH,
  BC_SESSION_PHASE_REST,
} BcSessionPhase;

typedef enum
{
  BC_SESSION_OUTCOME_PENDING,
  BC_SESSION_OUTCOME_DONE,
  BC_SESSION_OUTCOME_SKIPPED,
} BcSessionOutcome;

/* Time to change sides in a per-side hold. */
#define BC_SESSION_SWITCH_SECONDS 5

#define BC_TYPE_SESSION_FLOW (bc_session_flow_get_type ())

G_DECLARE_FINAL_TYPE (BcSessionFlow, bc_session_flow, BC, SESSION_FLOW, GObject)

BcSessionFlow    *bc_session_flow_new                   (BcDatabase        *db,
                                                         gint64             profile_id,
                                                         BcPlan            *plan,
                                                         BcExerciseCatalog *catalog,
                                                         GDateTime         *today);
void              bc_session_flow_set_speed             (BcSessionFlow     *self,
                                                         guint              speed);

BcSessionStep     bc_session_flow_get_step              (BcSessionFlow     *self);
const char       *bc_session_flow_get_step_name         (BcSessionFlow     *self);
BcSessionPhase    bc_session_flow_get_phase             (BcSessionFlow     *self);
const char       *bc_session_flow_get_phase_name        (BcSessionFlow     *self);
gboolean          bc_session_flow_get_paused            (BcSessionFlow     *self);
guint             bc_session_flow_get_n_exercises       (BcSessionFlow     *self);
guint             bc_session_flow_get_index             (BcSessionFlow     *self);
BcPlanItem       *bc_session_flow_get_item              (BcSessionFlow     *self);
BcExercise       *bc_session_flow_get_exercise          (BcSessionFlow     *self);
gboolean          bc_session_flow_is_hold               (BcSessionFlow     *self);
gboolean          bc_session_flow_is_per_side           (BcSessionFlow     *self);
BcSessionOutcome  bc_session_flow_get_outcome           (BcSessionFlow     *self);
guint             bc_session_flow_get_sets_done         (BcSessionFlow     *self);
guint             bc_session_flow_get_side              (BcSessionFlow     *self);
guint             bc_session_flow_get_remaining_seconds (BcSessionFlow     *self);
double            bc_session_flow_get_elapsed_fraction  (BcSessionFlow     *self);
guint             bc_session_flow_count_done            (BcSessionFlow     *self);
gint64            bc_session_flow_get_session_id        (BcSessionFlow     *self);
int               bc_session_flow_get_pain_before       (BcSessionFlow     *self);

gboolean          bc_session_flow_start                 (BcSessionFlow     *self,
                                                         int                pain_before,
                                                         GError           **error);
void              bc_session_flow_begin                 (BcSessionFlow     *self);
void              bc_session_flow_set_done              (BcSessionFlow     *self);
void              bc_session_flow_toggle_pause          (BcSessionFlow     *self);
void              bc_session_flow_next                  (BcSessionFlow     *self);
void              bc_session_flow_previous              (BcSessionFlow     *self);
void              bc_session_flow_skip                  (BcSessionFlow     *self);
gboolean          bc_session_flow_finish                (BcSessionFlow     *self,
                                                         int                pain_after,
                                                         GError           **error);
void              bc_session_flow_stop                  (BcSessionFlow     *self);

G_END_DECLS
