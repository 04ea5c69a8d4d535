/* bc-reminder-preferences.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-reminder-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bc-reminder-preferences.h"
#include "bc-water-units.h"

/* The Reminders page of Preferences: every reminder on or off with its
 * own settings, quiet hours, and running in the background. Everything
 * is bound to GSettings; the application reschedules when a key changes.
 */

#define KEY_KEY "bc-settings-key"
#define ROW_KEY "bc-row"
#define ENTRIES_KEY "bc-entries"

struct _BcReminderPreferencesPage
{
  AdwPreferencesPage  parent_instance;

  GtkSwitch          *hydration_switch;
  GtkSpinButton      *goal_spin;
  GtkLabel           *goal_unit;
  GtkSpinButton      *glass_spin;
  GtkLabel           *glass_unit;
  GtkSpinButton      *hydration_interval_spin;
  GtkSwitch          *stretch_switch;
  GtkSpinButton      *stretch_interval_spin;
  GtkFlowBox         *days_box;
  GtkSwitch          *session_switch;
  GtkSwitch          *pain_switch;
  GtkSwitch          *appointment_day_before_switch;
  GtkSpinButton      *appointment_before_spin;
  GtkSpinButton      *improvement_spin;
  GtkSwitch          *background_switch;
  GtkSwitch          *autostart_switch;

  GSettings          *settings;
  /* settings key → GtkEntry */
  GHashTable         *time_entries;
  GtkToggleButton    *day_buttons[7];
  gboolean            updating_days;
};

G_DEFINE_FINAL_TYPE (BcReminderPreferencesPage, bc_reminder_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

static GtkWidget *
template_child (BcReminderPreferencesPage *self,
                const char                *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (self),
                                                  BC_TYPE_REMINDER_PREFERENCES_PAGE, name);

  return GTK_IS_WIDGET (child) ? GTK_WIDGET (child) : NULL;
}

/* Times: HH:MM entries checked as they are typed. */

static gboolean
parse_time (const char *text,
            int        *out_minutes)
{
  g_autofree char *copy = NULL;
  const char *colon;
  int hours, minutes;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  colon = strchr (copy, ':');
  if (colon == NULL || colon == copy || colon - copy > 2 || strlen (colon + 1) != 2)
    return FALSE;

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (p != colon && !g_ascii_isdigit (*p))
        return FALSE;
    }

  hours = atoi (copy);
  minutes = atoi (colon + 1);
  if (hours > 23 || minutes > 59)
    return FALSE;

  if (out_minutes != NULL)
    *out_minutes = hours * 60 + minutes;
  return TRUE;
}

/* A row with one or two times says what is wrong with any of them. */
static void
update_row_error (AdwActionRow *row)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (row), ENTRIES_KEY);
  gboolean valid = TRUE;

  for (guint i = 0; i < entries->len; i++)
    valid &= parse_time (gtk_editable_get_text (g_ptr_array_index (entries, i)), NULL);

  adw_action_row_set_subtitle (row, valid ? "" : _("Enter a time as HH:MM, for example 09:30"));
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
time_entry_changed_cb (GtkEditable               *entry,
                       BcReminderPreferencesPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (entry), KEY_KEY);
  AdwActionRow *row = g_object_get_data (G_OBJECT (entry), ROW_KEY);
  int minutes, stored;
  g_autofree char *current = NULL;
  gboolean valid = parse_time (gtk_editable_get_text (entry), &minutes);

  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  update_row_error (row);

  /* Bad input is never stored; a good one only when it says something new. */
  current = g_settings_get_string (self->settings, key);
  if (!valid || (parse_time (current, &stored) && stored == minutes))
    return;

  {
    g_autofree char *normalized = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

    g_settings_set_string (self->settings, key, normalized);
  }
}

static void
time_key_changed_cb (GSettings   *settings,
                     const char  *key,
                     GtkEditable *entry)
{
  g_autofree char *value = g_settings_get_string (settings, key);
  int shown, stored;

  /* The entry is left alone while it already means the same time, so
   * typing in it is never disturbed.
   */
  if (parse_time (gtk_editable_get_text (entry), &shown) && parse_time (value, &stored) &&
      shown == stored)
    return;

  gtk_editable_set_text (entry, value);
}

static void
bind_time_entry (BcReminderPreferencesPage *self,
                 const char                *entry_name,
                 const char                *row_name,
                 const char                *key)
{
  GtkWidget *entry = template_child (self, entry_name);
  GtkWidget *row = template_child (self, row_name);
  g_autofree char *value = g_settings_get_string (self->settings, key);
  g_autofree char *detailed = g_strconcat ("changed::", key, NULL);
  GPtrArray *entries = g_object_get_data (G_OBJECT (row), ENTRIES_KEY);

  g_assert (GTK_IS_EDITABLE (entry) && ADW_IS_ACTION_ROW (row));

  if (entries == NULL)
    {
      entries = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (row), ENTRIES_KEY, entries,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (entries, entry);

  g_object_set_data_full (G_OBJECT (entry), KEY_KEY, g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (entry), ROW_KEY, row);
  g_hash_table_insert (self->time_entries, g_strdup (key), entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), value);
  g_signal_connect_object (entry, "changed", G_CALLBACK (time_entry_changed_cb), self, 0);
  g_signal_connect_object (self->settings, detailed, G_CALLBACK (time_key_changed_cb), entry, 0);
}

/* Water in millilitres or US fluid ounces. */

static gboolean
ml_to_value (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  gboolean fl_oz = GPOINTER_TO_INT (user_data);
  int ml = g_variant_get_int32 (variant);

  g_value_set_double (value, fl_oz ? round (bc_water_ml_to_fl_oz (ml)) : ml);
  return TRUE;
}

static GVariant *
value_to_ml (const GValue       *value,
             const GVariantType *expected_type,
             gpointer            user_data)
{
  gboolean fl_oz = GPOINTER_TO_INT (user_data);
  double shown = g_value_get_double (value);

  return g_variant_new_int32 (fl_oz ? bc_water_fl_oz_to_ml (shown) : (int) lround (shown));
}

static void
bind_water_spin (BcReminderPreferencesPage *self,
                 GtkSpinButton             *spin,
                 GtkLabel                  *unit,
                 const char                *key,
                 gboolean                   fl_oz)
{
  g_autoptr(GVariant) range = NULL;
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GVariant *limits;
  int lower, upper;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", NULL, &limits);
  g_variant_get (limits, "(ii)", &lower, &upper);
  g_variant_unref (limits);

  gtk_label_set_label (unit, fl_oz ? _("fl oz") : _("ml"));

  /* Whole ounces that stay inside the millilitre range. */
  if (fl_oz)
    gtk_adjustment_configure (adjustment, gtk_adjustment_get_value (adjustment),
                              ceil (bc_water_ml_to_fl_oz (lower)),
                              floor (bc_water_ml_to_fl_oz (upper)), 1, 4, 0);
  else
    gtk_adjustment_configure (adjustment, gtk_adjustment_get_value (adjustment), lower, upper,
                              gtk_adjustment_get_step_increment (adjustment),
                              gtk_adjustment_get_page_increment (adjustment), 0);

  g_settings_bind_with_mapping (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                ml_to_value, value_to_ml, GINT_TO_POINTER (fl_oz), NULL);
}

/* Working days: one toggle per day, Monday first, as the bit mask. */

static void
update_day_buttons (BcReminderPreferencesPage *self)
{
  int days = g_settings_get_int (self->settings, "stretch-days");

  self->updating_days = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    gtk_toggle_button_set_active (self->day_buttons[i], (days & (1 << i)) != 0);
  self->updating_days = FALSE;
}

static void
day_toggled_cb (GtkToggleButton           *button,
                BcReminderPreferencesPage *self)
{
  int days = 0;

  if (self->updating_days)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    {
      if (gtk_toggle_button_get_active (self->day_buttons[i]))
        days |= 1 << i;
    }

  g_settings_set_int (self->settings, "stretch-days", days);
}

static void
create_day_buttons (BcReminderPreferencesPage *self)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_flow_box_append (self->days_box, button);
      /* The toggles take the focus, not the flow box's children. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
bind_sensitive (BcReminderPreferencesPage *self,
                const char                *key,
                const char * const        *row_names)
{
  for (guint i = 0; row_names[i] != NULL; i++)
    {
      GtkWidget *row = template_child (self, row_names[i]);

      g_settings_bind (self->settings, key, row, "sensitive", G_SETTINGS_BIND_GET);
    }
}

/**
 * bc_reminder_preferences_page_bind:
 *
 * Shows and edits @settings; called once, right after the page is made.
 */
void
bc_reminder_preferences_page_bind (BcReminderPreferencesPage *self,
                                   GSettings                 *settings)
{
  static const char * const hydration_rows[] = {
    "goal_row", "glass_row", "hydration_hours_row", "hydration_interval_row", NULL
  };
  static const char * const stretch_rows[] = {
    "stretch_interval_row", "stretch_hours_row", "days_row", NULL
  };
  static const char * const session_rows[] = { "session_time_row", NULL };
  static const char * const pain_rows[] = { "pain_time_row", NULL };
  static const char * const day_before_rows[] = { "appointment_day_before_time_row", NULL };
  gboolean fl_oz = bc_water_units_use_fl_oz ();

  g_return_if_fail (BC_IS_REMINDER_PREFERENCES_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "hydration-enabled", self->hydration_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "stretch-enabled", self->stretch_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "session-reminder-enabled", self->session_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "pain-reminder-enabled", self->pain_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "appointment-remind-day-before", self->appointment_day_before_switch,
                   "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login", self->autostart_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  bind_sensitive (self, "hydration-enabled", hydration_rows);
  bind_sensitive (self, "stretch-enabled", stretch_rows);
  bind_sensitive (self, "session-reminder-enabled", session_rows);
  bind_sensitive (self, "pain-reminder-enabled", pain_rows);
  bind_sensitive (self, "appointment-remind-day-before", day_before_rows);

  bind_water_spin (self, self->goal_spin, self->goal_unit, "hydration-goal-ml", fl_oz);
  bind_water_spin (self, self->glass_spin, self->glass_unit, "hydration-glass-ml", fl_oz);
  g_settings_bind (settings, "hydration-interval",
                   gtk_spin_button_get_adjustment (self->hydration_interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "stretch-interval",
                   gtk_spin_button_get_adjustment (self->stretch_interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "appointment-remind-before-minutes",
                   gtk_spin_button_get_adjustment (self->appointment_before_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "massage-improvement-threshold",
                   gtk_spin_button_get_adjustment (self->improvement_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  bind_time_entry (self, "hydration_hours_start", "hydration_hours_row", "hydration-start");
  bind_time_entry (self, "hydration_hours_end", "hydration_hours_row", "hydration-end");
  bind_time_entry (self, "stretch_hours_start", "stretch_hours_row", "stretch-start");
  bind_time_entry (self, "stretch_hours_end", "stretch_hours_row", "stretch-end");
  bind_time_entry (self, "session_time_entry", "session_time_row", "session-reminder-time");
  bind_time_entry (self, "pain_time_entry", "pain_time_row", "pain-reminder-time");
  bind_time_entry (self, "appointment_day_before_time_entry", "appointment_day_before_time_row",
                   "appointment-remind-day-before-time");
  bind_time_entry (self, "quiet_hours_start", "quiet_hours_row", "quiet-start");
  bind_time_entry (self, "quiet_hours_end", "quiet_hours_row", "quiet-end");

  update_day_buttons (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    g_signal_connect_object (self->day_buttons[i], "toggled", G_CALLBACK (day_toggled_cb), self,
                             0);
  g_signal_connect_object (settings, "changed::stretch-days", G_CALLBACK (update_day_buttons),
                           self, G_CONNECT_SWAPPED);
}

static void
bc_reminder_preferences_page_dispose (GObject *object)
{
  BcReminderPreferencesPage *self = (BcReminderPreferencesPage *)object;

  g_clear_pointer (&self->time_entries, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bc_reminder_preferences_page_parent_class)->dispose (object);
}

static const char * const named_children[] = {
  "hydration_row", "goal_row", "glass_row", "hydration_hours_row", "hydration_interval_row",
  "stretch_row", "stretch_interval_row", "stretch_hours_row", "days_row",
  "session_row", "session_time_row", "pain_row", "pain_time_row", "quiet_hours_row",
  "appointment_day_before_row", "appointment_day_before_time_row", "appointment_before_row",
  "improvement_row", "background_row", "autostart_row",
  "hydration_hours_start", "hydration_hours_end", "stretch_hours_start", "stretch_hours_end",
  "session_time_entry", "pain_time_entry", "quiet_hours_start", "quiet_hours_end",
  "appointment_day_before_time_entry",
};

static void
bc_reminder_preferences_page_class_init (BcReminderPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_reminder_preferences_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-reminder-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, hydration_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, goal_unit);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, glass_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, glass_unit);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage,
                                        hydration_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, stretch_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage,
                                        stretch_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, session_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, pain_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage,
                                        appointment_day_before_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage,
                                        appointment_before_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage,
                                        improvement_spin);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, background_switch);
  gtk_widget_class_bind_template_child (widget_class, BcReminderPreferencesPage, autostart_switch);

  /* Reached by name only (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
bc_reminder_preferences_page_init (BcReminderPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->time_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  create_day_buttons (self);
}

GtkEditable *
bc_reminder_preferences_page_get_time_entry (BcReminderPreferencesPage *self,
                                             const char                *key)
{
  g_return_val_if_fail (BC_IS_REMINDER_PREFERENCES_PAGE (self), NULL);

  return g_hash_table_lookup (self->time_entries, key);
}

/* Returns: the message the time's row shows, or %NULL when it is valid */
const char *
bc_reminder_preferences_page_get_time_error (BcReminderPreferencesPage *self,
                                             const char                *key)
{
  GtkEditable *entry;
  const char *subtitle;

  g_return_val_if_fail (BC_IS_REMINDER_PREFERENCES_PAGE (self), NULL);

  entry = g_hash_table_lookup (self->time_entries, key);
  g_return_val_if_fail (entry != NULL, NULL);

  subtitle = adw_action_row_get_subtitle (g_object_get_data (G_OBJECT (entry), ROW_KEY));
  return subtitle != NULL && subtitle[0] != '\0' ? subtitle : NULL;
}

/* Any named widget of the page's template, or a day button "day-0" … "day-6". */
GtkWidget *
bc_reminder_preferences_page_get_widget (BcReminderPreferencesPage *self,
                                         const char                *name)
{
  g_return_val_if_fail (BC_IS_REMINDER_PREFERENCES_PAGE (self), NULL);

  if (g_str_has_prefix (name, "day-") && name[4] >= '0' && name[4] <= '6' && name[5] == '\0')
    return GTK_WIDGET (self->day_buttons[name[4] - '0']);

  return template_child (self, name);
}
