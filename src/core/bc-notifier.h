/* bc-notifier.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How reminders reach the desktop. The libnotify implementation is the
 * only code that includes <libnotify/notify.h>; tests may substitute.
 *
 * Signal "action-invoked" (const char *tag, const char *action): the user
 * chose @action ("default" for the notification itself) on the
 * notification sent with @tag.
 */

#define BC_TYPE_NOTIFIER (bc_notifier_get_type ())

G_DECLARE_INTERFACE (BcNotifier, bc_notifier, BC, NOTIFIER, GObject)

typedef struct
{
  const char *id;
  const char *label;
} BcNotificationAction;

struct _BcNotifierInterface
{
  GTypeInterface parent_iface;

  gboolean (*show)     (BcNotifier                 *self,
                        const char                 *tag,
                        const char                 *summary,
                        const char                 *body,
                        const BcNotificationAction *actions,
                        guint                       n_actions,
                        GError                    **error);
  void     (*withdraw) (BcNotifier                 *self,
                        const char                 *tag);
};

gboolean bc_notifier_show     (BcNotifier                 *self,
                               const char                 *tag,
                               const char                 *summary,
                               const char                 *body,
                               const BcNotificationAction *actions,
                               guint                       n_actions,
                               GError                    **error);
void     bc_notifier_withdraw (BcNotifier                 *self,
                               const char                 *tag);

G_END_DECLS
