/* bc-pain-entry-dialog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bc-pain-entry-dialog.h"
#include "bc-pain-scale.h"

/* Logs a pain entry or edits one: intensity on the 0–10 scale, when,
 * where, what it felt like, nerve symptoms, sleep, what helped and a
 * note. What is wrong is said next to the controls and Save stays off;
 * nothing reaches the database until bc_pain_entry_validate () accepts
 * the entry. Nerve symptoms bring up a calm notice to see a doctor.
 */

/* A time a few minutes ahead still counts as now: clocks drift. */
#define FUTURE_SLACK_SECONDS (5 * 60)

#define CODE_KEY "bc-code"

struct _BcPainEntryDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  BcPainScale         *intensity_scale;
  GtkLabel            *message_label;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  GtkPopover          *calendar_popover;
  GtkCalendar         *calendar;
  AdwPreferencesGroup *areas_group;
  GtkFlowBox          *quality_box;
  GtkSwitch           *numbness_switch;
  GtkSwitch           *tingling_switch;
  GtkSwitch           *radiating_switch;
  GtkWidget           *red_flag_notice;
  GtkBox              *sleep_box;
  GtkFlowBox          *helped_box;
  GtkTextView         *note_view;

  BcApplication       *application;
  /* The entry as it came in: its id and, while the date and time shown
   * are unchanged, its exact time and UTC offset.
   */
  BcPainEntry         *original;
  char                *original_date;
  char                *original_time;
  /* Set through bc_pain_entry_dialog_set_intensity () to a value the
   * scale cannot show, until a button is tapped.
   */
  gboolean             has_override;
  int                  override_value;
  /* Every code's toggle (GtkToggleButton or GtkCheckButton). */
  GHashTable          *code_widgets;
  GtkWidget           *sleep_buttons[3];
  char                *error;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (BcPainEntryDialog, bc_pain_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
toggle_get_active (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

static void
toggle_set_active (GtkWidget *widget,
                   gboolean   active)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), active);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), active);
}

static char **
collect_codes (BcPainEntryDialog  *self,
               const char * const *codes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *toggle = g_hash_table_lookup (self->code_widgets, codes[i]);

      if (toggle != NULL && toggle_get_active (toggle))
        g_strv_builder_add (builder, codes[i]);
    }

  return g_strv_builder_end (builder);
}

static BcPainSleep
get_sleep (BcPainEntryDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sleep_buttons); i++)
    {
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->sleep_buttons[i])))
        return BC_PAIN_SLEEP_POOR + i;
    }

  return BC_PAIN_SLEEP_UNKNOWN;
}

static char *
dup_note (BcPainEntryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", year, month, day, &rest) != 3 || strlen (text) != 10)
    return FALSE;

  return g_date_valid_dmy (*day, *month, *year);
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  char rest;
  size_t len = strlen (text);

  if (len < 4 || len > 5 || sscanf (text, "%2d:%2d%c", hour, minute, &rest) != 2)
    return FALSE;

  return *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60 && text[len - 3] == ':';
}

/* Builds the entry the controls describe.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   @out_message saying what to correct
 */
static BcPainEntry *
read_entry (BcPainEntryDialog  *self,
            char              **out_message,
            GtkWidget         **out_wrong_row)
{
  g_autoptr(BcPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  int intensity, year, month, day, hour, minute;

  *out_message = NULL;
  *out_wrong_row = NULL;

  intensity = self->has_override ? self->override_value
                                  : bc_pain_scale_get_value (self->intensity_scale);
  if (!self->has_override && intensity == BC_PAIN_SCALE_NONE)
    {
      *out_message = g_strdup (_("Choose how strong the pain is, from 0 to 10."));
      return NULL;
    }

  date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));

  if (!parse_date (date_text, &year, &month, &day))
    {
      *out_message = g_strdup (_("Enter the date as YYYY-MM-DD, for example 2026-03-14."));
      *out_wrong_row = GTK_WIDGET (self->date_row);
      return NULL;
    }

  if (!parse_time (time_text, &hour, &minute))
    {
      *out_message = g_strdup (_("Enter the time as HH:MM on the 24-hour clock, for example "
                                 "08:15."));
      *out_wrong_row = GTK_WIDGET (self->time_row);
      return NULL;
    }

  entry = self->original ? bc_pain_entry_copy (self->original) : bc_pain_entry_new ();
  entry->intensity = intensity;

  /* An edited entry keeps its exact time and UTC offset unless the
   * date or time shown were changed.
   */
  if (self->original == NULL || self->original->time == 0 ||
      g_strcmp0 (date_text, self->original_date) != 0 ||
      g_strcmp0 (time_text, self->original_time) != 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (when == NULL)
        {
          *out_message = g_strdup (_("This date and time cannot be stored."));
          *out_wrong_row = GTK_WIDGET (self->date_row);
          return NULL;
        }

      if (g_date_time_difference (when, now) > FUTURE_SLACK_SECONDS * G_TIME_SPAN_SECOND)
        {
          *out_message = g_strdup (_("The time is in the future. Log pain you have felt "
                                     "already."));
          *out_wrong_row = GTK_WIDGET (self->time_row);
          return NULL;
        }

      bc_pain_entry_set_date_time (entry, when);
    }

  g_strfreev (entry->areas);
  entry->areas = collect_codes (self, bc_pain_area_codes ());
  g_strfreev (entry->qualities);
  entry->qualities = collect_codes (self, bc_pain_quality_codes ());
  g_strfreev (entry->helped);
  entry->helped = collect_codes (self, bc_pain_helped_codes ());
  entry->numbness = gtk_switch_get_active (self->numbness_switch);
  entry->tingling = gtk_switch_get_active (self->tingling_switch);
  entry->radiating = gtk_switch_get_active (self->radiating_switch);
  entry->sleep = get_sleep (self);
  g_free (entry->note);
  entry->note = dup_note (self);

  if (!bc_pain_entry_validate (entry, &error))
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }

  return g_steal_pointer (&entry);
}

static void
show_message (BcPainEntryDialog *self,
              const char        *message,
              gboolean           is_error)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  /* A rating not chosen yet is a hint, not a mistake. */
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static BcPainEntry *
validate (BcPainEntryDialog *self)
{
  g_autofree char *message = NULL;
  GtkWidget *wrong_row = NULL;
  BcPainEntry *entry;
  gboolean red_flag;

  entry = read_entry (self, &message, &wrong_row);

  g_free (self->error);
  self->error = g_steal_pointer (&message);

  show_message (self, self->error,
                self->has_override ||
                bc_pain_scale_get_value (self->intensity_scale) != BC_PAIN_SCALE_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), entry != NULL);

  if (wrong_row == GTK_WIDGET (self->date_row))
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (wrong_row == GTK_WIDGET (self->time_row))
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");

  red_flag = gtk_switch_get_active (self->numbness_switch) ||
             gtk_switch_get_active (self->tingling_switch) ||
             gtk_switch_get_active (self->radiating_switch);
  gtk_widget_set_visible (self->red_flag_notice, red_flag);

  return entry;
}

static void
changed_cb (BcPainEntryDialog *self)
{
  if (!self->updating)
    bc_pain_entry_free (validate (self));
}

static void
intensity_chosen_cb (BcPainEntryDialog *self)
{
  self->has_override = FALSE;
  changed_cb (self);
}

static void
day_selected_cb (BcPainEntryDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (self->updating)
    return;

  /* The popover stays open: moving to another month selects a day too. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

/* The calendar opens on the date typed, when it is one. */
static void
calendar_popover_show_cb (BcPainEntryDialog *self)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &year, &month, &day))
    return;

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return;

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating = FALSE;
}

static void
sleep_toggled_cb (GtkToggleButton   *button,
                  BcPainEntryDialog *self)
{
  /* One at most, and the chosen one can be cleared again. */
  if (gtk_toggle_button_get_active (button))
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->sleep_buttons); i++)
        {
          if (self->sleep_buttons[i] != GTK_WIDGET (button))
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sleep_buttons[i]), FALSE);
        }
    }

  changed_cb (self);
}

static void
save_cb (BcPainEntryDialog *self)
{
  bc_pain_entry_dialog_save (self);
}

static void
cancel_cb (BcPainEntryDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  bc_pain_entry_dialog_save (BC_PAIN_ENTRY_DIALOG (widget));
  return TRUE;
}

static GtkWidget *
add_code_toggle (BcPainEntryDialog *self,
                 GtkWidget         *toggle,
                 const char        *code)
{
  g_object_set_data_full (G_OBJECT (toggle), CODE_KEY, g_strdup (code), g_free);
  g_hash_table_insert (self->code_widgets, g_strdup (code), toggle);
  /* GtkCheckButton and GtkToggleButton both have "toggled". */
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return toggle;
}

static const char *
side_label (const char *code)
{
  if (g_str_has_suffix (code, "-left"))
    return _("Left");
  if (g_str_has_suffix (code, "-right"))
    return _("Right");
  if (g_str_has_suffix (code, "-centre"))
    /* Translators: the middle of the lower back, between left and right */
    return C_("body side", "Centre");
  return bc_pain_code_get_label (code);
}

/* Body areas as one row per region with its sides: seven rows instead
 * of thirteen, and left and right next to each other. A code the table
 * does not know still gets a row of its own.
 */
static void
build_areas (BcPainEntryDialog *self)
{
  static const struct {
    const char *title;
    const char *codes[4];
  } regions[] = {
    { N_("Lower back"), { "lower-back-left", "lower-back-centre", "lower-back-right", NULL } },
    { N_("Upper back"), { "upper-back", NULL } },
    { N_("Neck"), { "neck", NULL } },
    { N_("Buttock"), { "buttock-left", "buttock-right", NULL } },
    { N_("Hip"), { "hip-left", "hip-right", NULL } },
    { N_("Thigh"), { "thigh-left", "thigh-right", NULL } },
    /* Translators: a body area: the lower leg, shin and calf */
    { N_("Below the knee"), { "below-knee-left", "below-knee-right", NULL } },
  };
  const char * const *known = bc_pain_area_codes ();

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      GtkWidget *row;
      guint n_codes = 0;

      if (!g_strv_contains (known, regions[i].codes[0]))
        continue;

      while (regions[i].codes[n_codes] != NULL)
        n_codes++;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(regions[i].title));

      if (n_codes == 1)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          bc_pain_code_get_label (regions[i].codes[0]), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     add_code_toggle (self, check, regions[i].codes[0]));
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        }
      else
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (box, "linked");
          for (guint j = 0; j < n_codes; j++)
            {
              const char *code = regions[i].codes[j];
              GtkWidget *toggle = gtk_toggle_button_new_with_label (side_label (code));

              gtk_widget_set_tooltip_text (toggle, bc_pain_code_get_label (code));
              gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              bc_pain_code_get_label (code), -1);
              gtk_box_append (GTK_BOX (box), add_code_toggle (self, toggle, code));
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
        }

      adw_preferences_group_add (self->areas_group, row);
    }

  for (guint i = 0; known[i] != NULL; i++)
    {
      GtkWidget *row, *check;

      if (g_hash_table_contains (self->code_widgets, known[i]))
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bc_pain_code_get_label (known[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bc_pain_code_get_label (known[i]), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add_code_toggle (self, check, known[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->areas_group, row);
    }
}

/* Qualities and reliefs as toggle chips that wrap at narrow widths. */
static void
build_chips (BcPainEntryDialog  *self,
             GtkFlowBox         *box,
             const char * const *codes)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (bc_pain_code_get_label (codes[i]));

      gtk_flow_box_append (box, add_code_toggle (self, toggle, codes[i]));
      /* The button takes the focus, not the flow box's cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
    }
}

static void
build_sleep (BcPainEntryDialog *self)
{
  static const char *codes[] = { "poor", "fair", "good" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *label = bc_pain_code_get_label (codes[i]);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (label);
      /* Translators: a sleep button's name for screen readers, e.g. "Slept: Poor" */
      g_autofree char *name = g_strdup_printf (_("Sleep: %s"), label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (sleep_toggled_cb), self, 0);
      gtk_box_append (self->sleep_box, toggle);
      self->sleep_buttons[i] = toggle;
    }
}

static void
bc_pain_entry_dialog_dispose (GObject *object)
{
  BcPainEntryDialog *self = (BcPainEntryDialog *)object;

  g_clear_object (&self->application);
  g_clear_pointer (&self->code_widgets, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PAIN_ENTRY_DIALOG);

  G_OBJECT_CLASS (bc_pain_entry_dialog_parent_class)->dispose (object);
}

static void
bc_pain_entry_dialog_finalize (GObject *object)
{
  BcPainEntryDialog *self = (BcPainEntryDialog *)object;

  g_clear_pointer (&self->original, bc_pain_entry_free);
  g_free (self->original_date);
  g_free (self->original_time);
  g_free (self->error);

  G_OBJECT_CLASS (bc_pain_entry_dialog_parent_class)->finalize (object);
}

static void
bc_pain_entry_dialog_class_init (BcPainEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_pain_entry_dialog_dispose;
  object_class->finalize = bc_pain_entry_dialog_finalize;

  /* The stored entry's id, after the dialog wrote it. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BC_TYPE_PAIN_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-pain-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, intensity_scale);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, areas_group);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, quality_box);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, numbness_switch);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, tingling_switch);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, radiating_switch);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, red_flag_notice);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, sleep_box);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, helped_box);
  gtk_widget_class_bind_template_child (widget_class, BcPainEntryDialog, note_view);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                save_shortcut_cb, NULL);
}

static void
bc_pain_entry_dialog_init (BcPainEntryDialog *self)
{
  self->code_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  build_areas (self);
  build_chips (self, self->quality_box, bc_pain_quality_codes ());
  build_chips (self, self->helped_box, bc_pain_helped_codes ());
  build_sleep (self);

  g_signal_connect_object (self->intensity_scale, "chosen", G_CALLBACK (intensity_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_popover, "show", G_CALLBACK (calendar_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
set_codes (BcPainEntryDialog *self,
           char * const      *codes)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      GtkWidget *toggle = g_hash_table_lookup (self->code_widgets, codes[i]);

      if (toggle != NULL)
        toggle_set_active (toggle, TRUE);
    }
}

/* Fills the controls from @entry; its time shows in the UTC offset it
 * was logged with, as the patient lived it.
 */
static void
load_entry (BcPainEntryDialog *self,
            const BcPainEntry *entry)
{
  g_autoptr(GDateTime) when = NULL;

  self->updating = TRUE;

  if (entry->time != 0)
    when = bc_pain_entry_dup_date_time (entry);
  if (when == NULL)
    when = g_date_time_new_now_local ();

  g_free (self->original_date);
  self->original_date = g_date_time_format (when, "%Y-%m-%d");
  g_free (self->original_time);
  self->original_time = g_date_time_format (when, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->original_date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), self->original_time);

  bc_pain_scale_set_value (self->intensity_scale, entry->intensity);
  set_codes (self, entry->areas);
  set_codes (self, entry->qualities);
  set_codes (self, entry->helped);
  gtk_switch_set_active (self->numbness_switch, entry->numbness);
  gtk_switch_set_active (self->tingling_switch, entry->tingling);
  gtk_switch_set_active (self->radiating_switch, entry->radiating);
  if (entry->sleep >= BC_PAIN_SLEEP_POOR && entry->sleep <= BC_PAIN_SLEEP_GOOD)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sleep_buttons[entry->sleep - 1]),
                                  TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            entry->note ? entry->note : "", -1);

  self->updating = FALSE;
}

/**
 * bc_pain_entry_dialog_new:
 * @entry: (nullable): the entry to edit (its id set), one to start
 *   from (id 0), or %NULL for a new entry at the current time
 */
BcPainEntryDialog *
bc_pain_entry_dialog_new (GtkWindow         *parent,
                          BcApplication     *application,
                          const BcPainEntry *entry)
{
  BcPainEntryDialog *self;
  g_autoptr(BcPainEntry) blank = NULL;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  self = g_object_new (BC_TYPE_PAIN_ENTRY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->application = g_object_ref (application);

  if (entry != NULL && entry->id != 0)
    {
      self->original = bc_pain_entry_copy (entry);
      adw_window_title_set_title (self->window_title, _("Edit Pain Entry"));
      load_entry (self, entry);
    }
  else if (entry != NULL)
    {
      load_entry (self, entry);
      if (entry->time != 0)
        self->original = bc_pain_entry_copy (entry);
    }
  else
    {
      /* A new entry has no rating yet: the patient picks one, unprompted. */
      blank = bc_pain_entry_new ();
      blank->intensity = BC_PAIN_SCALE_NONE;
      load_entry (self, blank);
    }

  changed_cb (self);
  return self;
}

gboolean
bc_pain_entry_dialog_is_editing (BcPainEntryDialog *self)
{
  g_return_val_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self), FALSE);

  return self->original != NULL && self->original->id != 0;
}

/* Any value, also outside 0–10, so the refusal can be seen. */
void
bc_pain_entry_dialog_set_intensity (BcPainEntryDialog *self,
                                    int                intensity)
{
  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  if (intensity >= 0 && intensity <= BC_PAIN_INTENSITY_MAX)
    {
      self->has_override = FALSE;
      bc_pain_scale_choose (self->intensity_scale, intensity);
      return;
    }

  self->has_override = TRUE;
  self->override_value = intensity;
  bc_pain_scale_set_value (self->intensity_scale, BC_PAIN_SCALE_NONE);
  changed_cb (self);
}

void
bc_pain_entry_dialog_set_date_time (BcPainEntryDialog *self,
                                    const char        *date,
                                    const char        *time)
{
  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

/* @code: an area, quality or helped code */
void
bc_pain_entry_dialog_set_code (BcPainEntryDialog *self,
                               const char        *code,
                               gboolean           active)
{
  GtkWidget *toggle;

  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  toggle = g_hash_table_lookup (self->code_widgets, code);
  g_return_if_fail (toggle != NULL);

  toggle_set_active (toggle, active);
}

void
bc_pain_entry_dialog_set_nerve_symptoms (BcPainEntryDialog *self,
                                         gboolean           numbness,
                                         gboolean           tingling,
                                         gboolean           radiating)
{
  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  gtk_switch_set_active (self->numbness_switch, numbness);
  gtk_switch_set_active (self->tingling_switch, tingling);
  gtk_switch_set_active (self->radiating_switch, radiating);
}

void
bc_pain_entry_dialog_set_sleep (BcPainEntryDialog *self,
                                BcPainSleep        sleep)
{
  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->sleep_buttons); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sleep_buttons[i]),
                                  sleep == BC_PAIN_SLEEP_POOR + i);
}

void
bc_pain_entry_dialog_set_note (BcPainEntryDialog *self,
                               const char        *note)
{
  g_return_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

/* Returns: (nullable): what keeps the entry from being saved */
const char *
bc_pain_entry_dialog_get_error (BcPainEntryDialog *self)
{
  g_return_val_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self), NULL);

  return self->error;
}

gboolean
bc_pain_entry_dialog_get_red_flag_shown (BcPainEntryDialog *self)
{
  g_return_val_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self), FALSE);

  return gtk_widget_get_visible (self->red_flag_notice);
}

/* Returns: (transfer full) (nullable): the entry as it would be saved */
BcPainEntry *
bc_pain_entry_dialog_dup_entry (BcPainEntryDialog *self)
{
  g_return_val_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self), NULL);

  return validate (self);
}

gboolean
bc_pain_entry_dialog_save (BcPainEntryDialog *self)
{
  g_autoptr(BcPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  BcDatabase *db;
  gint64 profile_id;
  gint64 id;

  g_return_val_if_fail (BC_IS_PAIN_ENTRY_DIALOG (self), FALSE);

  entry = validate (self);
  if (entry == NULL)
    return FALSE;

  db = bc_application_get_database (self->application);
  profile_id = bc_application_get_profile_id (self->application);
  if (db == NULL)
    return FALSE;

  if (entry->id != 0)
    id = bc_pain_store_update (db, profile_id, entry, &error) ? entry->id : 0;
  else
    id = bc_pain_store_add (db, profile_id, entry, &error);

  if (id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The entry could not be saved: %s"),
                                                  error->message);

      g_free (self->error);
      self->error = g_steal_pointer (&message);
      show_message (self, self->error, TRUE);
      return FALSE;
    }

  bc_application_data_changed (self->application);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
