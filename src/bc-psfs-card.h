/* bc-psfs-card.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_PSFS_CARD (bc_psfs_card_get_type ())

G_DECLARE_FINAL_TYPE (BcPsfsCard, bc_psfs_card, BC, PSFS_CARD, AdwBin)

void        bc_psfs_card_reload             (BcPsfsCard *self);

/* What the card shows, and its dialogs, for tests. */
guint       bc_psfs_card_get_n_activities   (BcPsfsCard *self);
gint64      bc_psfs_card_get_activity_id    (BcPsfsCard *self,
                                             guint       position);
const char *bc_psfs_card_get_mean_text      (BcPsfsCard *self);
const char *bc_psfs_card_get_change_text    (BcPsfsCard *self);
gboolean    bc_psfs_card_get_change_important (BcPsfsCard *self);
GtkWindow  *bc_psfs_card_get_open_dialog    (BcPsfsCard *self);

G_END_DECLS
