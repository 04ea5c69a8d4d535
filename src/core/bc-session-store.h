/* bc-session-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-plan.h"

G_BEGIN_DECLS

/* Guided sessions and what was done in them (tables sessions and
 * exercise_records, schema version 2). Days are local YYYY-MM-DD.
 * Within one session an exercise has one record: recording it again
 * (the patient went back and did it again) replaces the earlier one.
 */

#define BC_SESSION_STORE_ERROR (bc_session_store_error_quark ())

typedef enum
{
  BC_SESSION_STORE_ERROR_INVALID,
  BC_SESSION_STORE_ERROR_NOT_FOUND,
} BcSessionStoreError;

GQuark    bc_session_store_error_quark      (void);

gint64    bc_session_store_start            (BcDatabase  *db,
                                             gint64       profile_id,
                                             gint64       plan_id,
                                             int          pain_before,
                                             GDateTime   *now,
                                             GError     **error);
gboolean  bc_session_store_finish           (BcDatabase  *db,
                                             gint64       session_id,
                                             int          pain_after,
                                             GDateTime   *now,
                                             GError     **error);
gboolean  bc_session_store_record           (BcDatabase  *db,
                                             gint64       profile_id,
                                             gint64       session_id,
                                             const char  *exercise_ref,
                                             guint        sets_done,
                                             gboolean     skipped,
                                             GDateTime   *now,
                                             GError     **error);
gboolean  bc_session_store_set_done         (BcDatabase  *db,
                                             gint64       profile_id,
                                             const char  *day,
                                             const char  *exercise_ref,
                                             gboolean     done,
                                             guint        sets,
                                             GError     **error);
GHashTable *bc_session_store_done_on_day    (BcDatabase  *db,
                                             gint64       profile_id,
                                             const char  *day,
                                             GError     **error);
guint     bc_session_store_streak           (BcDatabase  *db,
                                             gint64       profile_id,
                                             BcPlan      *plan,
                                             GDateTime   *today,
                                             GError     **error);
double    bc_session_store_week_completion  (BcDatabase  *db,
                                             gint64       profile_id,
                                             BcPlan      *plan,
                                             GDateTime   *today,
                                             GError     **error);

G_END_DECLS
