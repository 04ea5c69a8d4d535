/* bc-profile-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"

G_BEGIN_DECLS

#define BC_PROFILE_ERROR (bc_profile_error_quark ())

typedef enum
{
  BC_PROFILE_ERROR_NOT_FOUND,
  BC_PROFILE_ERROR_INVALID_NAME,
  BC_PROFILE_ERROR_EXISTS,
} BcProfileError;

GQuark  bc_profile_error_quark       (void);

gint64  bc_profile_store_find        (BcDatabase  *db,
                                      const char  *name,
                                      GError     **error);
gint64  bc_profile_store_create      (BcDatabase  *db,
                                      const char  *name,
                                      GError     **error);
gint64  bc_profile_store_ensure      (BcDatabase  *db,
                                      const char  *name,
                                      gboolean    *out_created,
                                      GError     **error);
gint64  bc_profile_store_resolve     (BcDatabase  *db,
                                      const char  *name,
                                      GError     **error);
GStrv   bc_profile_store_list_names  (BcDatabase  *db,
                                      GError     **error);
char   *bc_profile_store_get_name    (BcDatabase  *db,
                                      gint64       profile_id);
char   *bc_profile_store_describe_data (BcDatabase *db,
                                        gint64      profile_id,
                                        GError    **error);
gboolean bc_profile_store_delete     (BcDatabase  *db,
                                      gint64       profile_id,
                                      GError     **error);

G_END_DECLS
