/* bc-reminder-card.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-card"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-reminder-card.h"
#include "bc-reminder-engine.h"
#include "bc-reminder-store.h"
#include "bc-water-units.h"
#include "bc-window.h"

/* The reminders on Today: water drunk against the goal with a glass
 * more or less, the stretch breaks done, when the next reminder comes,
 * and a way to pause them. Shown only while a reminder is on.
 */

/* How far back water can be corrected. */
#define N_PAST_DAYS 7

#define DAY_KEY "bc-day"

struct _BcReminderCard
{
  AdwBin          parent_instance;

  GtkWidget      *water_row;
  GtkLabel       *water_label;
  GtkLevelBar    *water_bar;
  GtkWidget      *remove_glass_button;
  GtkWidget      *add_glass_button;
  AdwActionRow   *stretch_row;
  AdwActionRow   *next_row;
  GtkWidget      *history_row;
  GtkMenuButton  *pause_button;

  BcApplication  *application;      /* weak */
  gpointer        engine;           /* weak: the engine whose "changed" is connected */
  guint           water_ml;
  char           *stretch_text;
  char           *next_text;
};

G_DEFINE_FINAL_TYPE (BcReminderCard, bc_reminder_card, ADW_TYPE_BIN)

static const char * const enabled_keys[] = {
  "hydration-enabled", "stretch-enabled", "session-reminder-enabled", "pain-reminder-enabled",
};

static BcApplication *
get_application (BcReminderCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

static const char *
describe_kind (BcReminderKind kind)
{
  switch (kind)
    {
    case BC_REMINDER_HYDRATION:
      return _("water");
    case BC_REMINDER_STRETCH:
      return _("stretch break");
    case BC_REMINDER_SESSION:
      return _("exercise session");
    case BC_REMINDER_PAIN:
      return _("pain log");
    case BC_REMINDER_REVIEW:
      return _("plan review");
    case BC_REMINDER_APPOINTMENT:
      return _("appointment");
    case BC_N_REMINDERS:
    default:
      return _("reminder");
    }
}

/* "14:45", "tomorrow at 09:00" or "Friday at 09:00". */
static char *
format_moment (GDateTime *when,
               GDateTime *now)
{
  g_autofree char *time = g_date_time_format (when, "%H:%M");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = NULL;

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    return g_steal_pointer (&time);

  if (g_date_time_get_year (when) == g_date_time_get_year (tomorrow) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (tomorrow))
    /* Translators: %s is a time such as "09:00" */
    return g_strdup_printf (_("tomorrow at %s"), time);

  /* Translators: a day of the week, see g_date_time_format() */
  day = g_date_time_format (when, _("%A"));
  /* Translators: a day of the week and a time, e.g. "Friday at 09:00" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

static char *
describe_next (BcReminderEngine *engine,
               GSettings        *settings,
               GDateTime        *now)
{
  gint64 paused_until = g_settings_get_int64 (settings, "paused-until");
  BcReminderKind kind = BC_N_REMINDERS;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *moment = NULL;
  gint64 next;

  if (paused_until > g_date_time_to_unix (now))
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (paused_until);

      moment = format_moment (until, now);
      /* Translators: %s is "15:30" or "tomorrow at 00:00" */
      return g_strdup_printf (_("Reminders paused until %s"), moment);
    }

  next = engine != NULL ? bc_reminder_engine_get_next_due (engine, &kind) : 0;
  if (next <= 0)
    return g_strdup (_("No reminder is due"));

  when = g_date_time_new_from_unix_local (next);
  moment = format_moment (when, now);
  /* Translators: the first %s is a reminder such as "stretch break",
   * the second a time such as "14:45" or "tomorrow at 09:00"
   */
  return g_strdup_printf (_("Next reminder: %s at %s"), describe_kind (kind), moment);
}

static gboolean
any_enabled (GSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (enabled_keys); i++)
    {
      if (g_settings_get_boolean (settings, enabled_keys[i]))
        return TRUE;
    }

  return FALSE;
}

static void
update_water (BcReminderCard *self,
              GSettings      *settings,
              guint           water_ml)
{
  int goal = g_settings_get_int (settings, "hydration-goal-ml");
  int glass = g_settings_get_int (settings, "hydration-glass-ml");
  gboolean fl_oz = bc_water_units_use_fl_oz ();
  g_autofree char *progress = bc_water_format_progress (water_ml, goal, fl_oz);
  g_autofree char *glass_text = bc_water_format_amount (glass, fl_oz);
  g_autofree char *add_label = NULL;

  self->water_ml = water_ml;
  gtk_label_set_label (self->water_label, progress);
  gtk_level_bar_set_value (self->water_bar, goal > 0 ? MIN (1.0, (double) water_ml / goal) : 0);

  /* Translators: %s is a glass size such as "250 ml" */
  add_label = g_strdup_printf (_("Add a glass (%s)"), glass_text);
  gtk_widget_set_tooltip_text (self->add_glass_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_glass_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.remove-glass", water_ml > 0);
}

/**
 * bc_reminder_card_reload:
 *
 * Reads today's water and stretch breaks and the next reminder again.
 */
void
bc_reminder_card_reload (BcReminderCard *self)
{
  BcApplication *app;
  BcDatabase *db;
  GSettings *settings;
  BcReminderEngine *engine;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  gint64 profile_id;
  guint stretches;
  gboolean paused;

  g_return_if_fail (BC_IS_REMINDER_CARD (self));

  app = get_application (self);
  db = app ? bc_application_get_database (app) : NULL;
  if (db == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  settings = bc_application_get_settings (app);
  engine = bc_application_get_reminders (app);

  /* A new engine comes with a new database (after "Start with Empty
   * Data"): follow it.
   */
  if (engine != self->engine)
    {
      g_set_weak_pointer (&self->engine, engine);
      if (engine != NULL)
        g_signal_connect_object (engine, "changed", G_CALLBACK (bc_reminder_card_reload), self,
                                 G_CONNECT_SWAPPED);
    }

  if (!any_enabled (settings))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  profile_id = bc_application_get_profile_id (app);

  /* Errors only leave the figures at zero. */
  update_water (self, settings, bc_reminder_store_water_on (db, profile_id, today, NULL));
  gtk_widget_set_visible (self->water_row, g_settings_get_boolean (settings, "hydration-enabled"));
  gtk_widget_set_visible (self->history_row, g_settings_get_boolean (settings, "hydration-enabled"));

  stretches = bc_reminder_store_count (db, profile_id, BC_REMINDER_STRETCH,
                                       BC_REMINDER_EVENT_DONE, today, NULL);
  g_free (self->stretch_text);
  if (stretches == 0)
    self->stretch_text = g_strdup (_("None done yet today"));
  else
    /* Translators: stretch breaks taken today */
    self->stretch_text = g_strdup_printf (g_dngettext (NULL, "%u done today", "%u done today",
                                                       stretches), stretches);
  adw_action_row_set_subtitle (self->stretch_row, self->stretch_text);
  gtk_widget_set_visible (GTK_WIDGET (self->stretch_row),
                          g_settings_get_boolean (settings, "stretch-enabled"));

  g_free (self->next_text);
  self->next_text = describe_next (engine, settings, now);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->next_row), self->next_text);

  paused = g_settings_get_int64 (settings, "paused-until") > g_date_time_to_unix (now);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.resume", paused);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* The card is hidden while no reminder is on, and a hidden widget is
 * never mapped: it follows the changes for as long as it is in a window.
 */
static void
reload_if_rooted (BcReminderCard *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    bc_reminder_card_reload (self);
}

static void
settings_changed_cb (BcReminderCard *self,
                     const char     *key)
{
  if (g_str_has_prefix (key, "hydration-") || g_str_has_prefix (key, "stretch-") ||
      g_str_has_prefix (key, "session-reminder-") || g_str_has_prefix (key, "pain-reminder-") ||
      g_str_has_prefix (key, "quiet-") || g_str_equal (key, "paused-until"))
    reload_if_rooted (self);
}

/* Water of one day, in glasses; never below nothing. */
gboolean
bc_reminder_card_change_water (BcReminderCard *self,
                               const char     *day,
                               int             glasses)
{
  BcApplication *app;
  BcDatabase *db;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 profile_id;
  int glass, ml;
  guint before;

  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  app = get_application (self);
  db = app ? bc_application_get_database (app) : NULL;
  g_return_val_if_fail (db != NULL, FALSE);

  profile_id = bc_application_get_profile_id (app);
  glass = g_settings_get_int (bc_application_get_settings (app), "hydration-glass-ml");
  before = bc_reminder_store_water_on (db, profile_id, day, NULL);
  ml = glasses * glass;
  if (ml < 0 && (guint) -ml > before)
    ml = -(int) before;
  if (ml == 0)
    return FALSE;

  now = g_date_time_new_now_local ();
  if (!bc_reminder_store_add_water (db, profile_id, day, ml, now, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why the water could not be logged */
      title = g_strdup_printf (_("The water could not be logged: %s"), error->message);
      bc_toast_show_text (GTK_WIDGET (self), title, FALSE);
      return FALSE;
    }

  /* The hydration reminder stops once the goal is reached. */
  bc_application_data_changed (app);
  return TRUE;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
add_glass_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *today = today_string ();

  bc_reminder_card_change_water (BC_REMINDER_CARD (widget), today, 1);
}

static void
remove_glass_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autofree char *today = today_string ();

  bc_reminder_card_change_water (BC_REMINDER_CARD (widget), today, -1);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BcReminderCard *self = BC_REMINDER_CARD (widget);
  BcApplication *app = get_application (self);
  BcReminderEngine *engine = app ? bc_application_get_reminders (app) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 until;

  if (engine == NULL)
    return;

  if (g_str_equal (action_name, "reminders.pause-hour"))
    until = g_date_time_to_unix (now) + 60 * 60;
  else
    {
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                             g_date_time_get_month (tomorrow),
                                                             g_date_time_get_day_of_month (tomorrow),
                                                             0, 0, 0);

      until = g_date_time_to_unix (midnight);
    }

  bc_reminder_engine_pause (engine, until);
  reload_if_rooted (self);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcReminderCard *self = BC_REMINDER_CARD (widget);
  BcApplication *app = get_application (self);

  /* The application reschedules when the key changes. */
  if (app != NULL)
    g_settings_set_int64 (bc_application_get_settings (app), "paused-until", 0);
}

/* Correcting past days: a dialog with one row per day. */

static void
update_history_row (BcReminderCard *self,
                    AdwActionRow   *row)
{
  BcApplication *app = get_application (self);
  BcDatabase *db = app ? bc_application_get_database (app) : NULL;
  const char *day = g_object_get_data (G_OBJECT (row), DAY_KEY);
  guint ml = db ? bc_reminder_store_water_on (db, bc_application_get_profile_id (app), day, NULL)
                : 0;
  g_autofree char *amount = bc_water_format_amount (ml, bc_water_units_use_fl_oz ());
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "bc-remove");

  adw_action_row_set_subtitle (row, amount);
  gtk_widget_set_sensitive (remove, ml > 0);
}

static void
history_button_clicked_cb (GtkButton      *button,
                           BcReminderCard *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  int glasses = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bc-glasses"));

  bc_reminder_card_change_water (self, g_object_get_data (G_OBJECT (row), DAY_KEY), glasses);
  update_history_row (self, ADW_ACTION_ROW (row));
}

static GtkWidget *
create_history_button (BcReminderCard *self,
                       const char     *icon_name,
                       int             glasses,
                       const char     *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "bc-glasses", GINT_TO_POINTER (glasses));
  g_signal_connect_object (button, "clicked", G_CALLBACK (history_button_clicked_cb), self, 0);

  return button;
}

static GtkWidget *
create_history_row (BcReminderCard *self,
                    GDateTime      *date,
                    int             days_ago)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *add_label = NULL;
  GtkWidget *remove;

  if (days_ago == 1)
    title = g_strdup (_("Yesterday"));
  else
    /* Translators: a past day in the water correction, see g_date_time_format() */
    title = g_date_time_format (date, _("%A, %-d %B"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), DAY_KEY, g_date_time_format (date, "%Y-%m-%d"), g_free);

  /* Translators: %s is a day such as "Yesterday" */
  remove_label = g_strdup_printf (_("Remove a glass on %s"), title);
  /* Translators: %s is a day such as "Yesterday" */
  add_label = g_strdup_printf (_("Add a glass on %s"), title);
  remove = create_history_button (self, "list-remove-symbolic", -1, remove_label);
  g_object_set_data (G_OBJECT (row), "bc-remove", remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_history_button (self, "list-add-symbolic", 1, add_label));

  update_history_row (self, ADW_ACTION_ROW (row));
  return row;
}

/**
 * bc_reminder_card_correct_water:
 *
 * Opens the dialog that corrects the water of the days before today.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
bc_reminder_card_correct_water (BcReminderCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *dialog, *scrolled, *list;

  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Water on Past Days"),
                                   _("Add the glasses you drank without logging them, or "
                                     "remove what was logged by mistake."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Past days"), -1);

  for (int days_ago = 1; days_ago <= N_PAST_DAYS; days_ago++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (now, -days_ago);

      gtk_list_box_append (GTK_LIST_BOX (list), create_history_row (self, date, days_ago));
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
correct_water_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bc_reminder_card_correct_water (BC_REMINDER_CARD (widget));
}

static void
connect_application (BcReminderCard *self)
{
  BcApplication *app = get_application (self);

  if (app == NULL || app == self->application)
    return;

  g_set_weak_pointer (&self->application, app);
  g_signal_connect_object (app, "data-changed", G_CALLBACK (reload_if_rooted), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::database", G_CALLBACK (reload_if_rooted), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bc_application_get_settings (app), "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  bc_reminder_card_reload (self);
}

/* A window built from a template gets its application after its
 * children: the card connects once both are there.
 */
static void
bc_reminder_card_root (GtkWidget *widget)
{
  BcReminderCard *self = BC_REMINDER_CARD (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (bc_reminder_card_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (connect_application), self,
                             G_CONNECT_SWAPPED);
  connect_application (self);
}

/* Showing the card again reloads: the day may have changed meanwhile. */
static void
bc_reminder_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bc_reminder_card_parent_class)->map (widget);

  bc_reminder_card_reload (BC_REMINDER_CARD (widget));
}

static void
bc_reminder_card_dispose (GObject *object)
{
  BcReminderCard *self = (BcReminderCard *)object;

  g_clear_weak_pointer (&self->application);
  g_clear_weak_pointer (&self->engine);

  /* AdwBin unparents its child itself; disposing the template as well
   * would unparent it twice.
   */
  G_OBJECT_CLASS (bc_reminder_card_parent_class)->dispose (object);
}

static void
bc_reminder_card_finalize (GObject *object)
{
  BcReminderCard *self = (BcReminderCard *)object;

  g_clear_pointer (&self->stretch_text, g_free);
  g_clear_pointer (&self->next_text, g_free);

  G_OBJECT_CLASS (bc_reminder_card_parent_class)->finalize (object);
}

static void
bc_reminder_card_class_init (BcReminderCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_reminder_card_dispose;
  object_class->finalize = bc_reminder_card_finalize;
  widget_class->root = bc_reminder_card_root;
  widget_class->map = bc_reminder_card_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-reminder-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, water_row);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, water_label);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, water_bar);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, remove_glass_button);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, add_glass_button);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, stretch_row);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, next_row);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, history_row);
  gtk_widget_class_bind_template_child (widget_class, BcReminderCard, pause_button);

  gtk_widget_class_install_action (widget_class, "reminders.add-glass", NULL, add_glass_action);
  gtk_widget_class_install_action (widget_class, "reminders.remove-glass", NULL,
                                   remove_glass_action);
  gtk_widget_class_install_action (widget_class, "reminders.pause-hour", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "reminders.pause-tomorrow", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "reminders.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "reminders.correct-water", NULL,
                                   correct_water_action);
}

static void
bc_reminder_card_init (BcReminderCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reminders.resume", FALSE);
}

guint
bc_reminder_card_get_water_ml (BcReminderCard *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), 0);

  return self->water_ml;
}

const char *
bc_reminder_card_get_water_text (BcReminderCard *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), NULL);

  return gtk_label_get_label (self->water_label);
}

const char *
bc_reminder_card_get_stretch_text (BcReminderCard *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), NULL);

  return self->stretch_text;
}

const char *
bc_reminder_card_get_next_text (BcReminderCard *self)
{
  g_return_val_if_fail (BC_IS_REMINDER_CARD (self), NULL);

  return self->next_text;
}
