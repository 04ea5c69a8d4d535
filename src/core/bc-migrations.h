/* bc-migrations.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"

G_BEGIN_DECLS

gboolean bc_migrations_run_step (BcDatabase  *db,
                                 int          version,
                                 GError     **error);

G_END_DECLS
