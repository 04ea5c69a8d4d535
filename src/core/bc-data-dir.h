/* bc-data-dir.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bc_data_dir_get_default (void);
char     *bc_data_dir_resolve     (const char  *command_line_dir);
gboolean  bc_data_dir_is_default  (const char  *dir);
gboolean  bc_data_dir_ensure      (const char  *dir,
                                   GError     **error);

G_END_DECLS
