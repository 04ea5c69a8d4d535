/* bc-psfs-card.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-psfs-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-pain-scale.h"
#include "bc-pain-stats.h"
#include "bc-pain-store.h"
#include "bc-psfs-card.h"
#include "bc-window.h"

/* The Patient-Specific Functional Scale on the Pain Log page: function,
 * not only pain. The patient names up to five activities the back makes
 * hard and scores each from 0 (unable) to 10 (as before). The score is
 * the mean of the latest scores; a change of 2 points or more since the
 * first scores is marked as clinically important.
 */

#define ACTIVITY_ID_KEY "bc-activity-id"
#define ACTIVITY_NAME_KEY "bc-activity-name"

struct _BcPsfsCard
{
  AdwBin      parent_instance;

  GtkButton  *add_button;
  GtkListBox *activity_list;
  GtkWidget  *summary_box;
  GtkLabel   *mean_label;
  GtkLabel   *change_label;

  GtkWindow  *open_dialog;
  guint       n_activities;
  gboolean    change_important;
};

G_DEFINE_FINAL_TYPE (BcPsfsCard, bc_psfs_card, ADW_TYPE_BIN)

static BcApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

static BcDatabase *
get_database (void)
{
  BcApplication *app = get_application ();

  return app ? bc_application_get_database (app) : NULL;
}

static GtkWindow *
get_window (BcPsfsCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
dialog_destroyed_cb (BcPsfsCard *self)
{
  self->open_dialog = NULL;
}

static void
present_dialog (BcPsfsCard *self,
                GtkWindow  *dialog)
{
  self->open_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
data_changed (void)
{
  BcApplication *app = get_application ();

  if (app != NULL)
    bc_application_data_changed (app);
}

static GtkWidget *
create_activity_row (BcPsfsActivity *activity)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *score_button = gtk_button_new_with_mnemonic (_("_Score…"));
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) retire = g_menu_item_new (_("_Stop Following"), NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *score_name = NULL;
  g_autofree char *menu_name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), activity->name);
  if (activity->latest >= 0)
    /* Translators: an activity's latest PSFS score, e.g. "Latest score: 6 of 10" */
    subtitle = g_strdup_printf (_("Latest score: %.0f of 10"), activity->latest);
  else
    subtitle = g_strdup (_("Not scored yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (score_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (score_button), "psfs.score");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (score_button), "x", activity->activity_id);
  /* Translators: a button's name for screen readers, e.g. "Score Sitting for 30 minutes" */
  score_name = g_strdup_printf (_("Score %s"), activity->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (score_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, score_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_button);

  g_menu_item_set_action_and_target (retire, "psfs.retire", "x", activity->activity_id);
  g_menu_append_item (menu, retire);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  /* Translators: a menu button's name for screen readers */
  menu_name = g_strdup_printf (_("More for %s"), activity->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), ACTIVITY_ID_KEY,
                          g_memdup2 (&activity->activity_id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (row), ACTIVITY_NAME_KEY, g_strdup (activity->name), g_free);

  return row;
}

static char *
format_day (const char *iso_day)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (iso_day, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (iso_day);

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso_day);

  /* Translators: the day of the first PSFS scores, see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
update_summary (BcPsfsCard *self,
                GPtrArray  *activities,
                GArray     *days)
{
  g_autofree int *scores = g_new0 (int, MAX (activities->len, 1));
  g_autofree char *mean_text = NULL;
  g_autofree char *change_text = NULL;
  guint n_scores = 0;
  double mean;

  for (guint i = 0; i < activities->len; i++)
    {
      BcPsfsActivity *activity = g_ptr_array_index (activities, i);

      if (activity->latest >= 0)
        scores[n_scores++] = (int)activity->latest;
    }

  self->change_important = FALSE;
  gtk_widget_set_visible (self->summary_box, activities->len > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "dim-label");

  if (n_scores == 0)
    {
      gtk_label_set_label (self->mean_label, _("Not scored yet"));
      gtk_label_set_label (self->change_label, _("Score each activity to see how you are "
                                                 "doing."));
      gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "dim-label");
      return;
    }

  mean = bc_psfs_mean (scores, n_scores);
  /* Translators: the PSFS score, the mean of the activities' scores */
  mean_text = g_strdup_printf (_("Score: %.1f of 10"), mean);
  gtk_label_set_label (self->mean_label, mean_text);

  if (days == NULL || days->len < 2)
    {
      gtk_label_set_label (self->change_label, _("Score again in a week or two to see the "
                                                 "change."));
      gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "dim-label");
      return;
    }

  {
    BcPsfsDay *first = &g_array_index (days, BcPsfsDay, 0);
    g_autofree char *since = format_day (first->day);
    double change = mean - first->mean;

    self->change_important = bc_psfs_change_is_important (first->mean, mean);
    if (self->change_important && change > 0)
      /* Translators: %.1f is a change in points, %s the day of the first scores */
      change_text = g_strdup_printf (_("Up %.1f points since %s: a clinically important "
                                       "improvement"), change, since);
    else if (self->change_important)
      change_text = g_strdup_printf (_("Down %.1f points since %s: a clinically important "
                                       "change — tell your physiotherapist"), -change, since);
    else
      change_text = g_strdup_printf (_("%+.1f points since %s"), change, since);

    gtk_label_set_label (self->change_label, change_text);
    gtk_widget_add_css_class (GTK_WIDGET (self->change_label),
                              !self->change_important ? "dim-label"
                              : change > 0 ? "success" : "warning");
  }
}

void
bc_psfs_card_reload (BcPsfsCard *self)
{
  BcApplication *app = get_application ();
  BcDatabase *db = get_database ();
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (BC_IS_PSFS_CARD (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->activity_list))) != NULL)
    gtk_list_box_remove (self->activity_list, child);
  self->n_activities = 0;

  if (db == NULL)
    return;

  activities = bc_psfs_list_activities (db, bc_application_get_profile_id (app), &error);
  if (activities != NULL)
    days = bc_psfs_daily (db, bc_application_get_profile_id (app), NULL, NULL, &error);
  if (error != NULL)
    g_message ("The activities could not be read: %s", error->message);
  if (activities == NULL)
    return;

  for (guint i = 0; i < activities->len; i++)
    gtk_list_box_append (self->activity_list,
                         create_activity_row (g_ptr_array_index (activities, i)));
  self->n_activities = activities->len;
  /* Without activities the description says what to add. */
  gtk_widget_set_visible (GTK_WIDGET (self->activity_list), self->n_activities > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "psfs.add",
                                 self->n_activities < BC_PSFS_MAX_ACTIVITIES);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               self->n_activities < BC_PSFS_MAX_ACTIVITIES
                               ? _("Add an activity to follow")
                               : _("Five activities are followed; stop following one to add "
                                   "another"));
  update_summary (self, activities, days);
}

/* Adding an activity: a name in a small dialog. */

static void
add_name_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
add_entry_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 BcPsfsCard       *self)
{
  BcApplication *app = get_application ();
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || get_database () == NULL)
    return;

  if (bc_psfs_add_activity (get_database (), bc_application_get_profile_id (app),
                            gtk_editable_get_text (GTK_EDITABLE (entry)), &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The activity could not be added: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return;
    }

  data_changed ();
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BcPsfsCard *self = BC_PSFS_CARD (widget);
  GtkWidget *dialog, *entry;

  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), BC_PSFS_NAME_MAX_CHARS);
  /* Translators: an example of an activity for the PSFS */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Sitting for 30 minutes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activity"), -1);

  dialog = adw_message_dialog_new (get_window (self), _("Add an Activity"),
                                   _("Name something your back makes hard, such as tying "
                                     "your shoelaces, sitting for 30 minutes or carrying "
                                     "shopping."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (add_name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (add_entry_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Scoring: the eleven buttons again, with the PSFS's own anchors. */

static GtkWidget *
find_row (BcPsfsCard *self,
          gint64      activity_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->activity_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), ACTIVITY_ID_KEY);

      if (id != NULL && *id == activity_id)
        return row;
    }

  return NULL;
}

static void
score_chosen_cb (AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save", TRUE);
}

static void
score_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BcPsfsCard       *self)
{
  BcPainScale *scale = g_object_get_data (G_OBJECT (dialog), "bc-scale");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), ACTIVITY_ID_KEY);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || get_database () == NULL ||
      bc_pain_scale_get_value (scale) == BC_PAIN_SCALE_NONE)
    return;

  if (!bc_psfs_score (get_database (), *id, bc_pain_scale_get_value (scale), NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The score could not be saved: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return;
    }

  data_changed ();
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BcPsfsCard *self = BC_PSFS_CARD (widget);
  gint64 activity_id = g_variant_get_int64 (parameter);
  GtkWidget *row = find_row (self, activity_id);
  GtkWidget *dialog, *box, *scale;
  if (row == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  scale = bc_pain_scale_new (TRUE);
  bc_pain_scale_set_anchors (BC_PAIN_SCALE (scale), _("Cannot do it"), NULL,
                             _("As well as before the problem"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Score from 0 (cannot do it) to 10 (as well as before)"),
                                  -1);
  gtk_box_append (GTK_BOX (box), scale);


  dialog = adw_message_dialog_new (get_window (self), _("How Well Can You Do This Now?"),
                                   g_object_get_data (G_OBJECT (row), ACTIVITY_NAME_KEY));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "bc-scale", scale);
  g_object_set_data_full (G_OBJECT (dialog), ACTIVITY_ID_KEY,
                          g_memdup2 (&activity_id, sizeof (gint64)), g_free);
  g_signal_connect_object (scale, "chosen", G_CALLBACK (score_chosen_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (score_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcPsfsCard *self = BC_PSFS_CARD (widget);
  gint64 activity_id = g_variant_get_int64 (parameter);
  GtkWidget *row = find_row (self, activity_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (row == NULL || get_database () == NULL)
    return;

  if (!bc_psfs_archive_activity (get_database (), activity_id, &error))
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  /* Translators: %s is an activity; its scores stay in the history */
  text = g_strdup_printf (_("No longer following “%s”; its scores are kept"),
                          (const char *)g_object_get_data (G_OBJECT (row), ACTIVITY_NAME_KEY));
  data_changed ();
  bc_toast_show_text (GTK_WIDGET (self), text, FALSE);
}

static void
bc_psfs_card_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; the template needs no dispose. */
  G_OBJECT_CLASS (bc_psfs_card_parent_class)->dispose (object);
}

static void
bc_psfs_card_class_init (BcPsfsCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_psfs_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-psfs-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPsfsCard, add_button);
  gtk_widget_class_bind_template_child (widget_class, BcPsfsCard, activity_list);
  gtk_widget_class_bind_template_child (widget_class, BcPsfsCard, summary_box);
  gtk_widget_class_bind_template_child (widget_class, BcPsfsCard, mean_label);
  gtk_widget_class_bind_template_child (widget_class, BcPsfsCard, change_label);

  gtk_widget_class_install_action (widget_class, "psfs.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "psfs.score", "x", score_action);
  gtk_widget_class_install_action (widget_class, "psfs.retire", "x", retire_action);
}

static void
bc_psfs_card_init (BcPsfsCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self->activity_list), FALSE);
  gtk_widget_set_visible (self->summary_box, FALSE);
}

guint
bc_psfs_card_get_n_activities (BcPsfsCard *self)
{
  g_return_val_if_fail (BC_IS_PSFS_CARD (self), 0);

  return self->n_activities;
}

/* Returns: the id of the activity in row @position, or 0 */
gint64
bc_psfs_card_get_activity_id (BcPsfsCard *self,
                              guint       position)
{
  GtkListBoxRow *row;
  gint64 *id;

  g_return_val_if_fail (BC_IS_PSFS_CARD (self), 0);

  row = gtk_list_box_get_row_at_index (self->activity_list, position);
  id = row ? g_object_get_data (G_OBJECT (row), ACTIVITY_ID_KEY) : NULL;
  return id ? *id : 0;
}

const char *
bc_psfs_card_get_mean_text (BcPsfsCard *self)
{
  g_return_val_if_fail (BC_IS_PSFS_CARD (self), NULL);

  return gtk_label_get_label (self->mean_label);
}

const char *
bc_psfs_card_get_change_text (BcPsfsCard *self)
{
  g_return_val_if_fail (BC_IS_PSFS_CARD (self), NULL);

  return gtk_label_get_label (self->change_label);
}

gboolean
bc_psfs_card_get_change_important (BcPsfsCard *self)
{
  g_return_val_if_fail (BC_IS_PSFS_CARD (self), FALSE);

  return self->change_important;
}

GtkWindow *
bc_psfs_card_get_open_dialog (BcPsfsCard *self)
{
  g_return_val_if_fail (BC_IS_PSFS_CARD (self), NULL);

  return self->open_dialog;
}
