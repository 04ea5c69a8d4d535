/* bc-notifier.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-notifier"

#include "config.h"

#include "bc-notifier.h"

G_DEFINE_INTERFACE (BcNotifier, bc_notifier, G_TYPE_OBJECT)

static void
bc_notifier_default_init (BcNotifierInterface *iface)
{
  /**
   * BcNotifier::action-invoked:
   * @tag: the tag the notification was sent with
   * @action: the action's id, or "default" for the notification itself
   */
  g_signal_new ("action-invoked",
                G_TYPE_FROM_INTERFACE (iface),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 2,
                G_TYPE_STRING, G_TYPE_STRING);
}

/**
 * bc_notifier_show:
 * @tag: replaces an earlier notification sent with the same tag
 * @actions: (array length=n_actions) (nullable): the buttons
 *
 * Returns: %TRUE when the notification was handed to the desktop
 */
gboolean
bc_notifier_show (BcNotifier                 *self,
                  const char                 *tag,
                  const char                 *summary,
                  const char                 *body,
                  const BcNotificationAction *actions,
                  guint                       n_actions,
                  GError                    **error)
{
  BcNotifierInterface *iface;

  g_return_val_if_fail (BC_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (actions != NULL || n_actions == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = BC_NOTIFIER_GET_IFACE (self);
  g_return_val_if_fail (iface->show != NULL, FALSE);

  return iface->show (self, tag, summary, body, actions, n_actions, error);
}

void
bc_notifier_withdraw (BcNotifier *self,
                      const char *tag)
{
  BcNotifierInterface *iface;

  g_return_if_fail (BC_IS_NOTIFIER (self));
  g_return_if_fail (tag != NULL);

  iface = BC_NOTIFIER_GET_IFACE (self);
  if (iface->withdraw != NULL)
    iface->withdraw (self, tag);
}
