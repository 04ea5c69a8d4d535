/* bc-headless.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bc-exercise-catalog.h"
#include "bc-plan.h"

G_BEGIN_DECLS

#define BC_HEADLESS_ERROR (bc_headless_error_quark ())

/* USAGE errors exit with 2, everything else with 1. */
typedef enum
{
  BC_HEADLESS_ERROR_USAGE,
  BC_HEADLESS_ERROR_FAILED,
} BcHeadlessError;

GQuark   bc_headless_error_quark (void);

gboolean bc_headless_export_plan (const char  *data_dir,
                                  const char  *profile_name,
                                  const char  *path,
                                  char       **out_summary,
                                  GError     **error);
gboolean bc_headless_load_plan   (const char         *data_dir,
                                  const char         *profile_name,
                                  BcPlan            **out_plan,
                                  BcExerciseCatalog **out_catalog,
                                  char              **out_profile_name,
                                  GError            **error);
gboolean bc_headless_import      (const char  *data_dir,
                                  const char  *profile_name,
                                  const char  *path,
                                  char       **out_summary,
                                  GError     **error);
gboolean bc_headless_export_pain_log (const char  *data_dir,
                                      const char  *profile_name,
                                      const char  *path,
                                      char       **out_summary,
                                      GError     **error);
gboolean bc_headless_export_appointments (const char  *data_dir,
                                          const char  *profile_name,
                                          const char  *path,
                                          char       **out_summary,
                                          GError     **error);

G_END_DECLS
