/* bc-libnotify-notifier.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-libnotify-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bc-libnotify-notifier.h"

/* Reminders as desktop notifications through libnotify, the only file
 * that includes it. One notification per tag is on screen at a time: a
 * new reminder of a kind replaces the one the user left unanswered.
 */

#define TAG_KEY "bc-tag"
#define ACTED_KEY "bc-acted"

struct _BcLibnotifyNotifier
{
  GObject     parent_instance;

  /* tag → NotifyNotification still on screen, owned */
  GHashTable *shown;
  const char *activation_token;
  gboolean    initted;
};

static void bc_libnotify_notifier_iface_init (BcNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BcLibnotifyNotifier, bc_libnotify_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BC_TYPE_NOTIFIER,
                                                      bc_libnotify_notifier_iface_init))

static void
forget (BcLibnotifyNotifier *self,
        NotifyNotification  *notification)
{
  const char *tag = g_object_get_data (G_OBJECT (notification), TAG_KEY);

  g_signal_handlers_disconnect_by_data (notification, self);

  /* Only the notification still shown for the tag is dropped, never a
   * newer one that replaced it meanwhile.
   */
  if (tag != NULL && g_hash_table_lookup (self->shown, tag) == notification)
    g_hash_table_remove (self->shown, tag);
}

/* libnotify sends "closed" after an action as well: the action has
 * already been handled by then, so this only lets go of it.
 */
static void
closed_cb (NotifyNotification  *notification,
           BcLibnotifyNotifier *self)
{
  /* The emission still uses the notification: keep it alive until it
   * returns.
   */
  g_object_ref (notification);
  forget (self, notification);
  g_idle_add_once ((GSourceOnceFunc) g_object_unref, notification);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  BcLibnotifyNotifier *self = BC_LIBNOTIFY_NOTIFIER (user_data);
  g_autofree char *tag = g_strdup (g_object_get_data (G_OBJECT (notification), TAG_KEY));

  /* A notification is answered once, whatever the server sends after. */
  if (g_object_get_data (G_OBJECT (notification), ACTED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (notification), ACTED_KEY, GINT_TO_POINTER (TRUE));

  /* Handling the action may withdraw this very notification. */
  g_object_ref (notification);
  g_object_ref (self);
  self->activation_token = notify_notification_get_activation_token (notification);
  g_signal_emit_by_name (self, "action-invoked", tag, action);
  self->activation_token = NULL;
  g_object_unref (self);
  g_object_unref (notification);
}

static void
close_quietly (BcLibnotifyNotifier *self,
               NotifyNotification  *notification)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (notification, self);
  if (!notify_notification_close (notification, &error))
    g_debug ("A notification could not be withdrawn: %s", error->message);
}

static gboolean
bc_libnotify_notifier_show (BcNotifier                 *notifier,
                            const char                 *tag,
                            const char                 *summary,
                            const char                 *body,
                            const BcNotificationAction *actions,
                            guint                       n_actions,
                            GError                    **error)
{
  BcLibnotifyNotifier *self = BC_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *notification;
  NotifyNotification *previous;

  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  previous = g_hash_table_lookup (self->shown, tag);
  if (previous != NULL)
    {
      close_quietly (self, previous);
      g_hash_table_remove (self->shown, tag);
    }

  notification = notify_notification_new (summary, body, APP_ID);
  g_object_set_data_full (G_OBJECT (notification), TAG_KEY, g_strdup (tag), g_free);
  /* GNOME Settings lists the app's notifications under its desktop file. */
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);

  /* A click on the notification itself; servers show no button for it. */
  notify_notification_add_action (notification, "default", _("Open BackCare"), action_cb, self,
                                  NULL);
  for (guint i = 0; i < n_actions; i++)
    notify_notification_add_action (notification, actions[i].id, actions[i].label,
                                    action_cb, self, NULL);

  g_signal_connect (notification, "closed", G_CALLBACK (closed_cb), self);

  if (!notify_notification_show (notification, error))
    {
      g_signal_handlers_disconnect_by_data (notification, self);
      g_object_unref (notification);
      return FALSE;
    }

  g_hash_table_insert (self->shown, g_strdup (tag), notification);
  return TRUE;
}

static void
bc_libnotify_notifier_withdraw (BcNotifier *notifier,
                                const char *tag)
{
  BcLibnotifyNotifier *self = BC_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *notification;

  g_return_if_fail (tag != NULL);

  notification = g_hash_table_lookup (self->shown, tag);
  if (notification == NULL)
    return;

  close_quietly (self, notification);
  g_hash_table_remove (self->shown, tag);
}

static void
bc_libnotify_notifier_iface_init (BcNotifierInterface *iface)
{
  iface->show = bc_libnotify_notifier_show;
  iface->withdraw = bc_libnotify_notifier_withdraw;
}

static void
bc_libnotify_notifier_dispose (GObject *object)
{
  BcLibnotifyNotifier *self = (BcLibnotifyNotifier *)object;

  /* Once the app is gone their buttons would do nothing: take them
   * down, and let go of every notification before libnotify itself.
   */
  if (self->shown != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->shown);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        close_quietly (self, value);
      g_clear_pointer (&self->shown, g_hash_table_unref);
    }

  if (self->initted)
    {
      notify_uninit ();
      self->initted = FALSE;
    }

  G_OBJECT_CLASS (bc_libnotify_notifier_parent_class)->dispose (object);
}

static void
bc_libnotify_notifier_class_init (BcLibnotifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_libnotify_notifier_dispose;
}

static void
bc_libnotify_notifier_init (BcLibnotifyNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * bc_libnotify_notifier_new:
 * @app_name: the name the notification server shows for the app
 *
 * Returns: (transfer full): a notifier that initializes libnotify for
 *   its lifetime, unless something else already did
 */
BcNotifier *
bc_libnotify_notifier_new (const char *app_name)
{
  BcLibnotifyNotifier *self;

  g_return_val_if_fail (app_name != NULL, NULL);

  self = g_object_new (BC_TYPE_LIBNOTIFY_NOTIFIER, NULL);
  if (!notify_is_initted ())
    self->initted = notify_init (app_name);

  return BC_NOTIFIER (self);
}

const char *
bc_libnotify_notifier_get_activation_token (BcLibnotifyNotifier *self)
{
  g_return_val_if_fail (BC_IS_LIBNOTIFY_NOTIFIER (self), NULL);

  return self->activation_token;
}
