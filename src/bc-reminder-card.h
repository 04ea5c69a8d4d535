/* bc-reminder-card.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_REMINDER_CARD (bc_reminder_card_get_type ())

G_DECLARE_FINAL_TYPE (BcReminderCard, bc_reminder_card, BC, REMINDER_CARD, AdwBin)

void        bc_reminder_card_reload            (BcReminderCard *self);
gboolean    bc_reminder_card_change_water      (BcReminderCard *self,
                                                const char     *day,
                                                int             glasses);
GtkWindow  *bc_reminder_card_correct_water     (BcReminderCard *self);

/* What the card shows, for tests. */
guint       bc_reminder_card_get_water_ml      (BcReminderCard *self);
const char *bc_reminder_card_get_water_text    (BcReminderCard *self);
const char *bc_reminder_card_get_stretch_text  (BcReminderCard *self);
const char *bc_reminder_card_get_next_text     (BcReminderCard *self);

G_END_DECLS
