/* bc-session-window.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-session-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-toast.h"
#include "bc-plan-store.h"
#include "bc-session-flow.h"
#include "bc-session-window.h"

/* The guided session on screen: pain before, today's exercises one at a
 * time, pain after, a summary. BcSessionFlow holds where the session
 * is, runs its countdowns and records it; this window shows that state,
 * turns buttons into flow calls, sounds the cue and keeps the screen
 * awake while the session runs.
 */

struct _BcSessionWindow
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkToggleButton   *sound_button;
  GtkStack          *step_stack;
  GtkScale          *pain_before_scale;
  GtkLabel          *pain_before_value_label;
  GtkLabel          *pain_before_word_label;
  GtkScale          *pain_after_scale;
  GtkLabel          *pain_after_value_label;
  GtkLabel          *pain_after_word_label;
  GtkScrolledWindow *exercise_scroller;
  GtkPicture        *picture;
  GtkLabel          *name_label;
  GtkLabel          *dosage_label;
  GtkLabel          *outcome_label;
  GtkLabel          *set_label;
  GtkLabel          *countdown_label;
  GtkLabel          *side_label;
  GtkProgressBar    *progress_bar;
  GtkButton         *primary_button;
  GtkButton         *pause_button;
  GtkLabel          *notes_label;
  GtkLabel          *steps_heading;
  GtkBox            *steps_box;
  GtkWidget         *cautions_card;
  GtkBox            *cautions_box;
  AdwStatusPage     *summary_page;

  BcApplication     *application;
  BcSessionFlow     *flow;
  BcSessionStep      shown_step;
  int                shown_index;
  gboolean           inhibiting;
  guint              inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (BcSessionWindow, bc_session_window, ADW_TYPE_WINDOW)

/* BACKCARE_SESSION_SPEED is for tests only: it divides every countdown,
 * so 100 turns a 30-second hold into 0.3 s.
 */
static guint
read_speed (void)
{
  const char *value = g_getenv ("BACKCARE_SESSION_SPEED");
  guint64 speed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 1000, &speed, NULL))
    return 1;

  return speed;
}

static void
show_error (BcSessionWindow *self,
            const GError    *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not save: %s"), error->message);
  AdwToast *toast = bc_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Without a session manager or portal there is no cookie, and the
 * request still counts as made.
 */
static void
inhibit_idle (BcSessionWindow *self)
{
  if (self->inhibiting)
    return;

  self->inhibiting = TRUE;
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (self->application),
                                                  GTK_WINDOW (self),
                                                  GTK_APPLICATION_INHIBIT_IDLE,
                                                  _("Guided exercise session"));
}

static void
uninhibit_idle (BcSessionWindow *self)
{
  self->inhibiting = FALSE;

  if (self->inhibit_cookie == 0 || self->application == NULL)
    return;

  gtk_application_uninhibit (GTK_APPLICATION (self->application), self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

/* Showing the state. */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
set_picture (BcSessionWindow *self,
             BcExercise      *exercise)
{
  const char *resource = exercise ? bc_exercise_get_illustration_resource (exercise) : NULL;
  GBytes *bytes = exercise ? bc_exercise_get_image (exercise) : NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* Vector art drawn large, so it stays sharp when the window is. */
  if (resource != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (resource, 512, -1,
                                                                           TRUE, NULL);

      if (pixbuf != NULL)
        texture = gdk_texture_new_for_pixbuf (pixbuf);
    }
  else if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, NULL);

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), texture != NULL);
}

static void
fill_steps (BcSessionWindow *self,
            BcExercise      *exercise)
{
  const char * const *steps = exercise ? bc_exercise_get_steps (exercise) : NULL;
  const char * const *cautions = exercise ? bc_exercise_get_cautions (exercise) : NULL;
  guint n_steps = 0, n_cautions = 0;

  clear_box (self->steps_box);
  clear_box (self->cautions_box);

  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      GtkWidget *number_label = gtk_label_new (number);
      GtkWidget *text_label = gtk_label_new (steps[i]);

      gtk_widget_add_css_class (number_label, "numeric");
      gtk_widget_add_css_class (number_label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (number_label), 1);
      gtk_label_set_yalign (GTK_LABEL (number_label), 0);
      gtk_label_set_width_chars (GTK_LABEL (number_label), 3);
      gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text_label), 0);
      gtk_widget_set_hexpand (text_label, TRUE);
      gtk_box_append (GTK_BOX (row), number_label);
      gtk_box_append (GTK_BOX (row), text_label);
      gtk_box_append (self->steps_box, row);
      n_steps++;
    }

  for (guint i = 0; cautions != NULL && cautions[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (cautions[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->cautions_box, label);
      n_cautions++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->steps_heading), n_steps > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_steps > 0);
  gtk_widget_set_visible (self->cautions_card, n_cautions > 0);
}

static void
show_exercise (BcSessionWindow *self)
{
  BcPlanItem *item = bc_session_flow_get_item (self->flow);
  BcExercise *exercise = bc_session_flow_get_exercise (self->flow);
  const char *notes = bc_plan_item_get_notes (item);
  g_autofree char *dosage = NULL;
  g_autofree char *subtitle = NULL;

  dosage = bc_dosage_format_words (bc_plan_item_get_dosage (item),
                                   bc_session_flow_is_per_side (self->flow));
  gtk_label_set_label (self->name_label,
                       exercise ? bc_exercise_get_name (exercise) : _("Unknown exercise"));
  gtk_label_set_label (self->dosage_label, dosage);
  set_picture (self, exercise);
  if (exercise != NULL)
    {
      g_autofree char *description = g_strdup_printf (_("Illustration: %s"),
                                                      bc_exercise_get_name (exercise));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  fill_steps (self, exercise);

  if (notes != NULL && notes[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("From your physiotherapist: %s"), notes);

      gtk_label_set_label (self->notes_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && notes[0] != '\0');

  /* Translators: the position in today's list of exercises */
  subtitle = g_strdup_printf (_("Exercise %u of %u"),
                              bc_session_flow_get_index (self->flow) + 1,
                              bc_session_flow_get_n_exercises (self->flow));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->exercise_scroller), 0);
}

static const char *
pain_word (int pain)
{
  if (pain <= 0)
    return _("No pain");
  if (pain <= 3)
    return _("Mild");
  if (pain <= 6)
    return _("Moderate");
  if (pain <= 9)
    return _("Severe");
  return _("Worst imaginable");
}

static char *
format_time (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
update_exercise_phase (BcSessionWindow *self)
{
  BcSessionFlow *flow = self->flow;
  const BcDosage *dosage = bc_plan_item_get_dosage (bc_session_flow_get_item (flow));
  BcSessionPhase phase = bc_session_flow_get_phase (flow);
  gboolean per_side = bc_session_flow_is_per_side (flow);
  gboolean paused = bc_session_flow_get_paused (flow);
  gboolean counting = phase != BC_SESSION_PHASE_READY;
  g_autofree char *set_text = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *time = NULL;
  const char *side = NULL;
  const char *primary = NULL;
  const char *primary_action = NULL;

  /* Translators: the set being done, e.g. "Set 2 of 3" */
  set_text = g_strdup_printf (_("Set %u of %u"),
                              MIN (bc_session_flow_get_sets_done (flow) + 1, dosage->sets),
                              dosage->sets);
  gtk_label_set_label (self->set_label, set_text);

  time = format_time (counting ? bc_session_flow_get_remaining_seconds (flow)
                               : dosage->hold_seconds);

  switch (phase)
    {
    case BC_SESSION_PHASE_READY:
      if (bc_session_flow_is_hold (flow))
        {
          /* Translators: a hold's time, e.g. "Hold 0:30" */
          countdown = g_strdup_printf (_("Hold %s"), time);
          side = per_side ? _("First side") : _("Get into position, then start.");
          primary = _("_Start Hold");
          primary_action = "session.begin";
        }
      else
        {
          countdown = g_strdup_printf (g_dngettext (NULL, "%u repetition", "%u repetitions",
                                                    dosage->reps),
                                       dosage->reps);
          if (per_side && dosage->hold_seconds > 0)
            side = _("On each side, holding each one briefly");
          else if (per_side)
            side = _("On each side, at your own pace");
          else if (dosage->hold_seconds > 0)
            side = _("Hold each one briefly, at your own pace");
          else
            side = _("At your own pace");
          primary = _("_Done With This Set");
          primary_action = "session.set-done";
        }
      break;

    case BC_SESSION_PHASE_HOLD:
      countdown = g_strdup_printf (_("Hold %s"), time);
      if (per_side)
        side = bc_session_flow_get_side (flow) == 0 ? _("First side") : _("Second side");
      break;

    case BC_SESSION_PHASE_SWITCH:
      /* Translators: time to change to the other side, e.g. "Switch sides 0:05" */
      countdown = g_strdup_printf (_("Switch sides %s"), time);
      side = _("Change to the other side.");
      primary = _("_Start Other Side");
      primary_action = "session.begin";
      break;

    case BC_SESSION_PHASE_REST:
      /* Translators: a rest's time, e.g. "Rest 0:30" */
      countdown = g_strdup_printf (_("Rest %s"), time);
      side = _("Relax and breathe.");
      primary = _("_Skip Rest");
      primary_action = "session.begin";
      break;

    default:
      g_assert_not_reached ();
    }

  if (paused)
    side = _("Paused");

  gtk_label_set_label (self->countdown_label, countdown);
  gtk_label_set_label (self->side_label, side ? side : "");
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), side != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), counting);
  if (counting)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   bc_session_flow_get_elapsed_fraction (flow));

  gtk_widget_set_visible (GTK_WIDGET (self->primary_button), primary != NULL);
  if (primary != NULL)
    {
      gtk_button_set_label (self->primary_button, primary);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), primary_action);
    }

  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));

  switch (bc_session_flow_get_outcome (flow))
    {
    case BC_SESSION_OUTCOME_DONE:
      gtk_label_set_label (self->outcome_label, _("Already done in this session"));
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), TRUE);
      break;
    case BC_SESSION_OUTCOME_SKIPPED:
      gtk_label_set_label (self->outcome_label, _("Skipped earlier in this session"));
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), TRUE);
      break;
    case BC_SESSION_OUTCOME_PENDING:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), FALSE);
      break;
    }
}

static void
show_summary (BcSessionWindow *self,
              int              pain_after)
{
  GString *description = g_string_new (NULL);
  guint total = bc_session_flow_get_n_exercises (self->flow);
  int pain_before = bc_session_flow_get_pain_before (self->flow);

  /* Translators: how much of today's session was done, e.g. "4 of 5 exercises done" */
  g_string_append_printf (description,
                          g_dngettext (NULL, "%u of %u exercise done", "%u of %u exercises done",
                                       total),
                          bc_session_flow_count_done (self->flow), total);

  if (pain_before >= 0 && pain_after >= 0)
    {
      g_string_append (description, "\n");
      /* Translators: the pain ratings (0–10) at the start and the end */
      g_string_append_printf (description, _("Pain before: %d · after: %d"),
                              pain_before, pain_after);
    }

  if (pain_before >= 0 && pain_after > pain_before)
    {
      g_string_append (description, "\n\n");
      g_string_append (description,
                       _("Your pain is worse than before. Stop any exercise that causes sharp "
                         "pain or pain spreading down a leg, and tell your physiotherapist."));
    }

  adw_status_page_set_description (self->summary_page, description->str);
  g_string_free (description, TRUE);
}

static void
update_actions (BcSessionWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  BcSessionStep step = bc_session_flow_get_step (self->flow);
  BcSessionPhase phase = bc_session_flow_get_phase (self->flow);
  gboolean exercise = step == BC_SESSION_STEP_EXERCISE;
  gboolean hold = bc_session_flow_is_hold (self->flow);
  gboolean ready = exercise && phase == BC_SESSION_PHASE_READY;

  gtk_widget_action_set_enabled (widget, "session.start", step == BC_SESSION_STEP_PAIN_BEFORE);
  gtk_widget_action_set_enabled (widget, "session.start-unrated",
                                 step == BC_SESSION_STEP_PAIN_BEFORE);
  gtk_widget_action_set_enabled (widget, "session.begin",
                                 exercise && ((ready && hold) ||
                                              phase == BC_SESSION_PHASE_SWITCH ||
                                              phase == BC_SESSION_PHASE_REST));
  gtk_widget_action_set_enabled (widget, "session.set-done", ready && !hold);
  gtk_widget_action_set_enabled (widget, "session.pause", exercise && !ready);
  gtk_widget_action_set_enabled (widget, "session.next", exercise);
  gtk_widget_action_set_enabled (widget, "session.skip", exercise);
  gtk_widget_action_set_enabled (widget, "session.previous",
                                 exercise && bc_session_flow_get_index (self->flow) > 0);
  gtk_widget_action_set_enabled (widget, "session.finish", step == BC_SESSION_STEP_PAIN_AFTER);
  gtk_widget_action_set_enabled (widget, "session.finish-unrated",
                                 step == BC_SESSION_STEP_PAIN_AFTER);
}

static void
flow_changed_cb (BcSessionWindow *self)
{
  BcSessionStep step = bc_session_flow_get_step (self->flow);
  int index = step == BC_SESSION_STEP_EXERCISE ? (int)bc_session_flow_get_index (self->flow) : -1;

  /* The exercise's content only changes with the exercise. */
  if (index >= 0 && (index != self->shown_index || step != self->shown_step))
    show_exercise (self);
  else if (index < 0)
    adw_window_title_set_subtitle (self->window_title, NULL);

  /* The rating before is where the patient starts from. */
  if (step == BC_SESSION_STEP_PAIN_AFTER && self->shown_step != step &&
      bc_session_flow_get_pain_before (self->flow) >= 0)
    gtk_range_set_value (GTK_RANGE (self->pain_after_scale),
                         bc_session_flow_get_pain_before (self->flow));

  self->shown_step = step;
  self->shown_index = index;

  if (step == BC_SESSION_STEP_EXERCISE)
    update_exercise_phase (self);

  gtk_stack_set_visible_child_name (self->step_stack, bc_session_flow_get_step_name (self->flow));
  update_actions (self);
}

static void
flow_cue_cb (BcSessionWindow *self)
{
  GSettings *settings = bc_application_get_settings (self->application);

  if (g_settings_get_boolean (settings, "session-sound"))
    gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self)));
}

static void
flow_recorded_cb (BcSessionWindow *self)
{
  bc_application_data_changed (self->application);
}

static void
flow_record_failed_cb (BcSessionWindow *self,
                       const GError    *error)
{
  show_error (self, error);
}

static void
update_pain_labels (GtkScale *scale,
                    GtkLabel *value_label,
                    GtkLabel *word_label)
{
  int pain = (int)gtk_range_get_value (GTK_RANGE (scale));
  g_autofree char *value = g_strdup_printf ("%d", pain);
  g_autofree char *text = g_strdup_printf ("%d, %s", pain, pain_word (pain));

  gtk_label_set_label (value_label, value);
  gtk_label_set_label (word_label, pain_word (pain));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
pain_changed_cb (BcSessionWindow *self,
                 GtkRange        *range)
{
  if (range == GTK_RANGE (self->pain_before_scale))
    update_pain_labels (self->pain_before_scale, self->pain_before_value_label,
                        self->pain_before_word_label);
  else
    update_pain_labels (self->pain_after_scale, self->pain_after_value_label,
                        self->pain_after_word_label);
}

static void
sound_toggled_cb (BcSessionWindow *self)
{
  gboolean on = gtk_toggle_button_get_active (self->sound_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->sound_button),
                            on ? "audio-volume-high-symbolic" : "audio-volume-muted-symbolic");
}

/* Actions. */

static void
start_session (BcSessionWindow *self,
               int              pain)
{
  g_autoptr(GError) error = NULL;

  if (bc_session_flow_get_step (self->flow) != BC_SESSION_STEP_PAIN_BEFORE)
    return;

  /* Awake from the first exercise on, before the flow shows it. */
  inhibit_idle (self);
  if (!bc_session_flow_start (self->flow, pain, &error))
    {
      uninhibit_idle (self);
      show_error (self, error);
      return;
    }

  bc_application_data_changed (self->application);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BcSessionWindow *self = BC_SESSION_WINDOW (widget);

  start_session (self, (int)gtk_range_get_value (GTK_RANGE (self->pain_before_scale)));
}

static void
start_unrated_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_session (BC_SESSION_WINDOW (widget), -1);
}

static void
finish_session (BcSessionWindow *self,
                int              pain)
{
  g_autoptr(GError) error = NULL;

  if (bc_session_flow_get_step (self->flow) != BC_SESSION_STEP_PAIN_AFTER)
    return;

  /* The summary is written before the flow shows it. */
  show_summary (self, pain);
  if (!bc_session_flow_finish (self->flow, pain, &error))
    {
      show_error (self, error);
      return;
    }

  uninhibit_idle (self);
  bc_application_data_changed (self->application);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcSessionWindow *self = BC_SESSION_WINDOW (widget);

  finish_session (self, (int)gtk_range_get_value (GTK_RANGE (self->pain_after_scale)));
}

static void
finish_unrated_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  finish_session (BC_SESSION_WINDOW (widget), -1);
}

static void
flow_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BcSessionFlow *flow = BC_SESSION_WINDOW (widget)->flow;

  if (g_str_equal (action_name, "session.begin"))
    bc_session_flow_begin (flow);
  else if (g_str_equal (action_name, "session.set-done"))
    bc_session_flow_set_done (flow);
  else if (g_str_equal (action_name, "session.pause"))
    bc_session_flow_toggle_pause (flow);
  else if (g_str_equal (action_name, "session.next"))
    bc_session_flow_next (flow);
  else if (g_str_equal (action_name, "session.previous"))
    bc_session_flow_previous (flow);
  else if (g_str_equal (action_name, "session.skip"))
    bc_session_flow_skip (flow);
  else
    g_assert_not_reached ();
}

/* GObject. */

static gboolean
bc_session_window_close_request (GtkWindow *window)
{
  BcSessionWindow *self = BC_SESSION_WINDOW (window);

  /* What was done so far stays recorded; the session stays unfinished. */
  if (self->flow != NULL)
    bc_session_flow_stop (self->flow);
  uninhibit_idle (self);

  return GTK_WINDOW_CLASS (bc_session_window_parent_class)->close_request (window);
}

static void
bc_session_window_dispose (GObject *object)
{
  BcSessionWindow *self = BC_SESSION_WINDOW (object);

  uninhibit_idle (self);
  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_data (self->flow, self);
  g_clear_object (&self->flow);
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_SESSION_WINDOW);

  G_OBJECT_CLASS (bc_session_window_parent_class)->dispose (object);
}

static void
bc_session_window_finalize (GObject *object)
{
  BcSessionWindow *self = BC_SESSION_WINDOW (object);

  g_clear_object (&self->application);

  G_OBJECT_CLASS (bc_session_window_parent_class)->finalize (object);
}

static void
bc_session_window_class_init (BcSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const flow_actions[] = {
    "session.begin", "session.set-done", "session.pause",
    "session.next", "session.previous", "session.skip",
  };

  object_class->dispose = bc_session_window_dispose;
  object_class->finalize = bc_session_window_finalize;
  window_class->close_request = bc_session_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, sound_button);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, step_stack);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_before_scale);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_before_value_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_before_word_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_after_scale);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_after_value_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pain_after_word_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, exercise_scroller);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, set_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, side_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, steps_box);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, cautions_card);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, BcSessionWindow, summary_page);
  gtk_widget_class_bind_template_callback (widget_class, pain_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sound_toggled_cb);

  gtk_widget_class_install_action (widget_class, "session.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "session.start-unrated", NULL,
                                   start_unrated_action);
  for (guint i = 0; i < G_N_ELEMENTS (flow_actions); i++)
    gtk_widget_class_install_action (widget_class, flow_actions[i], NULL, flow_action);
  gtk_widget_class_install_action (widget_class, "session.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "session.finish-unrated", NULL,
                                   finish_unrated_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_session_window_init (BcSessionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_index = -1;

  /* Ticks between the labelled marks; the labels come from the template. */
  for (int i = 1; i < 10; i++)
    {
      if (i == 5)
        continue;
      gtk_scale_add_mark (self->pain_before_scale, i, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (self->pain_after_scale, i, GTK_POS_BOTTOM, NULL);
    }

  update_pain_labels (self->pain_before_scale, self->pain_before_value_label,
                      self->pain_before_word_label);
  update_pain_labels (self->pain_after_scale, self->pain_after_value_label,
                      self->pain_after_word_label);
}

/**
 * bc_session_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * A session over the exercises of the active plan due today.
 */
GtkWindow *
bc_session_window_new (BcApplication *application,
                       GtkWindow     *parent)
{
  BcSessionWindow *self;
  BcDatabase *db;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 profile_id;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (bc_application_get_database (application) != NULL, NULL);

  self = g_object_new (BC_TYPE_SESSION_WINDOW,
                       "application", application,
                       "transient-for", parent,
                       NULL);
  self->application = g_object_ref (application);

  g_settings_bind (bc_application_get_settings (application), "session-sound",
                   self->sound_button, "active", G_SETTINGS_BIND_DEFAULT);
  sound_toggled_cb (self);

  db = bc_application_get_database (application);
  profile_id = bc_application_get_profile_id (application);
  plan = bc_plan_store_load_active (db, profile_id, &error);
  if (error != NULL)
    g_message ("The plan could not be read: %s", error->message);

  self->flow = bc_session_flow_new (db, profile_id, plan,
                                    bc_application_get_catalog (application), NULL);
  bc_session_flow_set_speed (self->flow, read_speed ());
  g_signal_connect_object (self->flow, "changed",
                           G_CALLBACK (flow_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow, "cue",
                           G_CALLBACK (flow_cue_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow, "recorded",
                           G_CALLBACK (flow_recorded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow, "record-failed",
                           G_CALLBACK (flow_record_failed_cb), self, G_CONNECT_SWAPPED);
  flow_changed_cb (self);

  return GTK_WINDOW (self);
}

/**
 * bc_session_window_present:
 *
 * Shows the session already under way, or starts a new one: a reminder
 * and the Today page both end up here.
 *
 * Returns: (transfer none) (nullable): the session window, or %NULL
 *   while the data cannot be opened (the main window says why)
 */
GtkWindow *
bc_session_window_present (BcApplication *application,
                           GtkWindow     *parent)
{
  GtkWindow *window = NULL;

  g_return_val_if_fail (BC_IS_APPLICATION (application), NULL);

  if (bc_application_get_database (application) == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      if (BC_IS_SESSION_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    window = bc_session_window_new (application, parent);

  gtk_window_present (window);
  return window;
}

/* Test hooks: where the session is, in the flow's words. */

const char *
bc_session_window_get_step (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), NULL);

  return bc_session_flow_get_step_name (self->flow);
}

const char *
bc_session_window_get_phase (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), NULL);

  return bc_session_flow_get_phase_name (self->flow);
}

gboolean
bc_session_window_get_paused (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), FALSE);

  return bc_session_flow_get_paused (self->flow);
}

/**
 * bc_session_window_get_exercise_ref:
 *
 * Returns: (nullable): the exercise shown, or %NULL on another step
 */
const char *
bc_session_window_get_exercise_ref (BcSessionWindow *self)
{
  BcPlanItem *item;

  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), NULL);

  item = bc_session_flow_get_item (self->flow);
  return item ? bc_plan_item_get_exercise_ref (item) : NULL;
}

/* The set under way, from 1. */
guint
bc_session_window_get_set (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), 0);

  return bc_session_flow_get_sets_done (self->flow) + 1;
}

/* 0 for the first side of a per-side hold, 1 for the second. */
guint
bc_session_window_get_side (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), 0);

  return bc_session_flow_get_side (self->flow);
}

/* Whether the session asked to keep the screen awake. */
gboolean
bc_session_window_get_inhibiting (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), FALSE);

  return self->inhibiting;
}

gint64
bc_session_window_get_session_id (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), 0);

  return bc_session_flow_get_session_id (self->flow);
}

const char *
bc_session_window_get_summary (BcSessionWindow *self)
{
  g_return_val_if_fail (BC_IS_SESSION_WINDOW (self), NULL);

  return adw_status_page_get_description (self->summary_page);
}

/* Moves the slider of the pain step shown, as a patient would. */
void
bc_session_window_set_pain (BcSessionWindow *self,
                            int              pain)
{
  g_return_if_fail (BC_IS_SESSION_WINDOW (self));

  if (bc_session_flow_get_step (self->flow) == BC_SESSION_STEP_PAIN_AFTER)
    gtk_range_set_value (GTK_RANGE (self->pain_after_scale), pain);
  else
    gtk_range_set_value (GTK_RANGE (self->pain_before_scale), pain);
}
