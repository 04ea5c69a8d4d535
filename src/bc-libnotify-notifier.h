/* bc-libnotify-notifier.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-notifier.h"

G_BEGIN_DECLS

#define BC_TYPE_LIBNOTIFY_NOTIFIER (bc_libnotify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (BcLibnotifyNotifier, bc_libnotify_notifier, BC, LIBNOTIFY_NOTIFIER, GObject)

BcNotifier *bc_libnotify_notifier_new                  (const char          *app_name);
/* The token the notification server sent with the action being handled,
 * so the window that opens for it may take the focus; %NULL outside an
 * "action-invoked" emission or when the server sent none.
 */
const char *bc_libnotify_notifier_get_activation_token (BcLibnotifyNotifier *self);

G_END_DECLS
