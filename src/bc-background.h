/* bc-background.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starting at login: natively an autostart desktop file, in Flatpak the
 * Background portal, which writes that file itself after asking the user.
 */

gboolean  bc_background_is_sandboxed          (void);
char     *bc_background_get_autostart_path    (void);
void      bc_background_set_autostart_async   (gboolean              enable,
                                               GtkWindow            *parent,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  bc_background_set_autostart_finish  (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
