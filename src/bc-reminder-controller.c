/* bc-reminder-controller.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-controller"

#include "config.h"

#include "bc-application.h"
#include "bc-background.h"
#include "bc-libnotify-notifier.h"
#include "bc-reminder-controller.h"
#include "bc-welcome-dialog.h"
#include "bc-window.h"

/* The reminders inside the running app: one engine per open database,
 * with its clock and the desktop's notifications; rescheduled when the
 * data or a reminder setting changes; told when the screen locks. While
 * a reminder is on (and "Run in background" is) the application is held,
 * so closing the window does not end it; only Quit does. It also writes
 * or removes the autostart entry when "Start at login" changes.
 */

struct _BcReminderController
{
  GObject            parent_instance;

  BcApplication     *application;   /* weak: the application owns this */
  GSettings         *settings;
  BcNotifier        *notifier;
  BcReminderEngine  *engine;
  GCancellable      *cancellable;

  gboolean           holding;
  gboolean           stopped;
  gboolean           welcome_offered;
  gboolean           reverting_autostart;
};

G_DEFINE_FINAL_TYPE (BcReminderController, bc_reminder_controller, G_TYPE_OBJECT)

static gboolean
is_reminder_key (const char *key)
{
  return g_str_has_prefix (key, "hydration-") || g_str_has_prefix (key, "stretch-") ||
         g_str_has_prefix (key, "session-reminder-") || g_str_has_prefix (key, "pain-reminder-") ||
         g_str_has_prefix (key, "quiet-") || g_str_equal (key, "paused-until");
}

static GtkWindow *
get_main_window (BcReminderController *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l; l = l->next)
    {
      if (BC_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void autostart_done_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data);

/* In Flatpak the Background portal also allows running with no window. */
static void
request_background (BcReminderController *self)
{
  bc_background_set_autostart_async (g_settings_get_boolean (self->settings, "start-at-login"),
                                     get_main_window (self), self->cancellable,
                                     autostart_done_cb, g_object_ref (self));
}

static void
update_hold (BcReminderController *self)
{
  gboolean want = !self->stopped && self->engine != NULL &&
                  g_settings_get_boolean (self->settings, "run-in-background") &&
                  bc_reminder_engine_any_enabled (self->engine);

  if (want == self->holding)
    return;

  self->holding = want;
  if (want)
    {
      g_application_hold (G_APPLICATION (self->application));
      if (bc_background_is_sandboxed ())
        request_background (self);
    }
  else
    g_application_release (G_APPLICATION (self->application));
}

static void
autostart_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BcReminderController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (bc_background_set_autostart_finish (result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Starting at login could not be changed: %s", error->message);

  /* The switch shows what really happens: refused means off. */
  if (g_settings_get_boolean (self->settings, "start-at-login"))
    {
      self->reverting_autostart = TRUE;
      g_settings_set_boolean (self->settings, "start-at-login", FALSE);
      self->reverting_autostart = FALSE;
    }
}

static void
settings_changed_cb (GSettings            *settings,
                     const char           *key,
                     BcReminderController *self)
{
  if (g_str_equal (key, "start-at-login"))
    {
      if (!self->reverting_autostart)
        bc_background_set_autostart_async (g_settings_get_boolean (settings, key),
                                           get_main_window (self), self->cancellable,
                                           autostart_done_cb, g_object_ref (self));
      return;
    }

  /* The engine follows the reminder keys itself and reschedules. */
  if (is_reminder_key (key) || g_str_equal (key, "run-in-background"))
    update_hold (self);
}

static gboolean
is_page (const char *name)
{
  static const char * const pages[] = { "today", "plan", "appointments", "pain-log" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_str_equal (name, pages[i]))
        return TRUE;
    }

  return FALSE;
}

/* A notification was acted on: the window comes up where it helps. */
static void
engine_open_cb (BcReminderEngine     *engine,
                const char           *what,
                BcReminderController *self)
{
  const char *token = NULL;
  GtkWindow *window;

  if (BC_IS_LIBNOTIFY_NOTIFIER (self->notifier))
    token = bc_libnotify_notifier_get_activation_token (BC_LIBNOTIFY_NOTIFIER (self->notifier));

  window = get_main_window (self);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self->application));
      window = get_main_window (self);
      if (window == NULL)
        return;
    }

  /* The server's token lets the window take the focus on Wayland. */
  if (token != NULL)
    gtk_window_set_startup_id (window, token);
  gtk_window_present (window);

  if (g_str_equal (what, "start-session"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL);
  else if (g_str_equal (what, "log-pain"))
    {
      if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.log-pain", NULL))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pain-log");
    }
  else if (is_page (what))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", what);
  else
    g_debug ("Nothing to open for “%s”", what);
}

static void
engine_changed_cb (BcReminderController *self)
{
  update_hold (self);
}

static gboolean
get_screensaver_active (BcReminderController *self)
{
  gboolean active = FALSE;

  g_object_get (self->application, "screensaver-active", &active, NULL);
  return active;
}

static void
screensaver_active_cb (BcReminderController *self)
{
  if (self->engine != NULL)
    bc_reminder_engine_set_screen_locked (self->engine, get_screensaver_active (self));
}

static void
data_changed_cb (BcReminderController *self)
{
  if (self->engine == NULL)
    return;

  bc_reminder_engine_set_profile (self->engine, bc_application_get_profile_id (self->application));
  bc_reminder_engine_reschedule (self->engine);
  update_hold (self);
}

/* A new database (at start, or after "Start with Empty Data") gets a
 * new engine, with a new clock; the notifier stays.
 */
static void
database_changed_cb (BcReminderController *self)
{
  BcDatabase *db = bc_application_get_database (self->application);
  g_autoptr(BcClock) clock = NULL;

  if (self->engine != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->engine, self);
      g_clear_object (&self->engine);
    }

  if (db != NULL && !self->stopped)
    {
      if (self->notifier == NULL)
        self->notifier = bc_libnotify_notifier_new (PACKAGE_NAME);

      clock = bc_clock_new ();
      self->engine = bc_reminder_engine_new (db, bc_application_get_catalog (self->application),
                                             self->settings, clock, self->notifier);
      g_signal_connect (self->engine, "open", G_CALLBACK (engine_open_cb), self);
      g_signal_connect_swapped (self->engine, "changed", G_CALLBACK (engine_changed_cb), self);

      /* The engine has scheduled for the first profile already. */
      bc_reminder_engine_set_profile (self->engine,
                                      bc_application_get_profile_id (self->application));
      bc_reminder_engine_set_screen_locked (self->engine, get_screensaver_active (self));
    }

  update_hold (self);
}

static void
bc_reminder_controller_dispose (GObject *object)
{
  BcReminderController *self = (BcReminderController *)object;

  bc_reminder_controller_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (bc_reminder_controller_parent_class)->dispose (object);
}

static void
bc_reminder_controller_class_init (BcReminderControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_reminder_controller_dispose;
}

static void
bc_reminder_controller_init (BcReminderController *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * bc_reminder_controller_new:
 *
 * Starts the reminders of @application, on its database if it is open
 * and on every database it opens later.
 */
BcReminderController *
bc_reminder_controller_new (BcApplication *application)
{
  BcReminderController *self;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  self = g_object_new (BC_TYPE_REMINDER_CONTROLLER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->settings = g_object_ref (bc_application_get_settings (application));

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
  g_signal_connect_object (application, "notify::database", G_CALLBACK (database_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "data-changed", G_CALLBACK (data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::screensaver-active",
                           G_CALLBACK (screensaver_active_cb), self, G_CONNECT_SWAPPED);

  database_changed_cb (self);

  return self;
}

BcReminderEngine *
bc_reminder_controller_get_engine (BcReminderController *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CONTROLLER (self), NULL);

  return self->engine;
}

/* Whether the application is kept running for the reminders. */
gboolean
bc_reminder_controller_get_holding (BcReminderController *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CONTROLLER (self), FALSE);

  return self->holding;
}

/**
 * bc_reminder_controller_offer_welcome:
 *
 * On the first run, offers the reminders over @window, once.
 */
void
bc_reminder_controller_offer_welcome (BcReminderController *self,
                                      GtkWindow            *window)
{
  g_return_if_fail (BC_IS_REMINDER_CONTROLLER (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (self->welcome_offered || self->engine == NULL ||
      g_settings_get_boolean (self->settings, "welcome-done"))
    return;

  self->welcome_offered = TRUE;
  gtk_window_present (bc_welcome_dialog_new (window, self->settings));
}

/**
 * bc_reminder_controller_stop:
 *
 * Quit: no more reminders, and the application is no longer held. The
 * notifications still on screen are withdrawn, as nothing would answer
 * their buttons.
 */
void
bc_reminder_controller_stop (BcReminderController *self)
{
  g_return_if_fail (BC_IS_REMINDER_CONTROLLER (self));

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);

  if (self->engine != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->engine, self);
      g_clear_object (&self->engine);
    }
  g_clear_object (&self->notifier);

  if (self->holding && self->application != NULL)
    {
      self->holding = FALSE;
      g_application_release (G_APPLICATION (self->application));
    }
}
