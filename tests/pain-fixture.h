/* pain-fixture.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six weeks of a patient getting better, shared by the chart and the
 * report tests: three entries a day around a daily mean that falls from
 * 8 to 3, two days with nerve symptoms, a plan with one daily and one
 * Monday-Wednesday-Friday exercise, and PSFS scores.
 */

#pragma once

#include "bc-database.h"

G_BEGIN_DECLS

#define PAIN_FIXTURE_DAYS 42
#define PAIN_FIXTURE_DAILY_REF "builtin:chest-stretch-doorway"
#define PAIN_FIXTURE_MWF_REF "builtin:pelvic-tilt"

int      pain_fixture_mean        (guint        day);
gboolean pain_fixture_red_flag    (guint        day);
const char *pain_fixture_note     (guint        day);
gboolean pain_fixture_daily_done  (guint        day);
void     pain_fixture_fill        (BcDatabase  *db,
                                   gint64       profile_id,
                                   const GDate *first);
char    *pain_fixture_day         (const GDate *first,
                                   int          offset);

G_END_DECLS
