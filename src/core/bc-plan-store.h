/* bc-plan-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"
#include "bc-plan.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  plan_id;
  char   *day;
  char   *snapshot;
  gboolean active;
} BcPlanVersion;

void       bc_plan_version_free              (BcPlanVersion *version);

BcPlan    *bc_plan_store_load_active         (BcDatabase  *db,
                                              gint64       profile_id,
                                              GError     **error);
BcPlan    *bc_plan_store_load                (BcDatabase  *db,
                                              gint64       plan_id,
                                              GError     **error);
gboolean   bc_plan_store_save                (BcDatabase  *db,
                                              gint64       profile_id,
                                              BcPlan      *plan,
                                              GDateTime   *now,
                                              GError     **error);
gboolean   bc_plan_store_save_in_transaction (BcDatabase  *db,
                                              gint64       profile_id,
                                              BcPlan      *plan,
                                              GDateTime   *now,
                                              GError     **error);
GPtrArray *bc_plan_store_list_versions       (BcDatabase  *db,
                                              gint64       profile_id,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPlanVersion, bc_plan_version_free)

G_END_DECLS
