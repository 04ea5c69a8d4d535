/* bc-today-page.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-appointment-store.h"
#include "bc-library-dialog.h"
#include "bc-pain-scale.h"
#include "bc-pain-store.h"
#include "bc-plan-store.h"
#include "bc-reminder-card.h"
#include "bc-session-store.h"
#include "bc-today-page.h"
#include "bc-window.h"

/* Today: the exercises of the active plan due today, what is done, the
 * streak and the week so far, and the way into a guided session. Below,
 * the seven days before today can be corrected after the fact. It reads
 * the active plan and the records of the days it shows only.
 */

/* 48 px high, as the illustrations are 4:3. */
#define ILLUSTRATION_WIDTH 64

/* How far back days can be corrected from the Today page. */
#define N_PAST_DAYS 7

struct _BcTodayPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkLabel            *date_label;
  GtkLabel            *streak_label;
  GtkLabel            *week_label;
  GtkLevelBar         *week_bar;
  GtkButton           *start_button;
  GtkLabel            *note_label;
  AdwPreferencesGroup *exercises_group;
  GtkListBox          *exercise_list;
  GtkWidget           *review_notice;
  GtkLabel            *review_label;
  AdwPreferencesGroup *past_group;
  GtkListBox          *past_list;
  BcReminderCard      *reminder_card;
  BcReminderCard      *empty_reminder_card;
  BcPainScale         *quick_scale;
  GtkLabel            *quick_log_label;
  GtkWidget           *appointment_card;
  GtkLabel            *next_appointment_label;
  GtkLabel            *appointment_prompt_label;

  gboolean             connected;
  guint                n_exercises;
  guint                n_done;
  guint                n_past_days;
  /* While the page itself corrects a past day, its checks already show
   * the change: the reload that follows keeps them, and so the focus.
   */
  gboolean             correcting;
};

G_DEFINE_FINAL_TYPE (BcTodayPage, bc_today_page, ADW_TYPE_BIN)

static BcApplication *
get_application (BcTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

/* Noon keeps the day the same in any time zone change a few hours wide. */
static GDateTime *
date_time_from_iso (const char *iso_date)
{
  guint year = 0, month = 0, day = 0;

  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

/* The same picture as on the Plan page, so an exercise looks the same
 * everywhere; an exercise the catalog does not know gets the app icon.
 */
static GtkWidget *
create_illustration (BcExercise *exercise)
{
  GtkWidget *image;

  if (exercise != NULL)
    return bc_exercise_picture_new (exercise, ILLUSTRATION_WIDTH);

  image = gtk_image_new_from_icon_name ("org.example.BackCare-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), ILLUSTRATION_WIDTH * 3 / 4);
  gtk_widget_set_size_request (image, ILLUSTRATION_WIDTH, -1);
  return image;
}

static GtkWidget *
create_row (BcPlanItem *item,
            BcExercise *exercise,
            gboolean    done)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *dosage = bc_dosage_format_short (bc_plan_item_get_dosage (item));
  const char *name = exercise ? bc_exercise_get_name (exercise) : _("Unknown exercise");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dosage);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_illustration (exercise));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (done)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (check, "success");
      gtk_widget_set_tooltip_text (check, _("Done today"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done today"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_empty (BcTodayPage *self)
{
  clear_list (self->exercise_list);
  clear_list (self->past_list);
  self->n_exercises = 0;
  self->n_done = 0;
  self->n_past_days = 0;
  gtk_widget_set_visible (self->review_notice, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_header (BcTodayPage *self,
               GDateTime   *now,
               guint        streak,
               double       week)
{
  /* Translators: the date under "Today", see g_date_time_format() */
  g_autofree char *date = g_date_time_format (now, _("%A, %-d %B"));
  g_autofree char *streak_text = NULL;
  g_autofree char *week_text = NULL;

  gtk_label_set_label (self->date_label, date);

  if (streak == 0)
    streak_text = g_strdup (_("No streak yet"));
  else
    /* Translators: days in a row on which every exercise due was done */
    streak_text = g_strdup_printf (g_dngettext (NULL, "%u-day streak", "%u-day streak", streak),
                                   streak);
  gtk_label_set_label (self->streak_label, streak_text);

  /* Translators: the share of this week's exercises done so far; a
   * no-break space keeps the number and the sign together.
   */
  week_text = g_strdup_printf (_("This week: %d %%"), (int)(week * 100.0 + 0.5));
  gtk_label_set_label (self->week_label, week_text);
  gtk_level_bar_set_value (self->week_bar, CLAMP (week, 0.0, 1.0));
}

/* Plan review. The desktop notification for it comes with the reminders
 * engine (a later issue); until then Today shows this notice.
 */
static void
update_review (BcTodayPage *self,
               BcPlan      *plan,
               const char  *today)
{
  const char *review = bc_plan_get_review_date (plan);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  /* ISO days compare as strings. */
  if (review == NULL || !bc_iso_date_is_valid (review) || strcmp (review, today) > 0)
    {
      gtk_widget_set_visible (self->review_notice, FALSE);
      return;
    }

  date = date_time_from_iso (review);
  /* Translators: the review date in the review notice, see g_date_time_format() */
  when = date ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (review);
  /* Translators: %s is a date such as "3 March 2026" */
  text = g_strdup_printf (_("Plan review due — your physiotherapist planned to review this plan "
                            "on %s."), when);
  gtk_label_set_label (self->review_label, text);
  gtk_widget_set_visible (self->review_notice, TRUE);
}

static void
update_start (BcTodayPage *self)
{
  const char *note = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), self->n_exercises > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->exercises_group), self->n_exercises > 0);

  if (self->n_exercises == 0)
    note = _("Rest day — nothing is planned for today.");
  else if (self->n_done == self->n_exercises)
    note = _("Everything planned for today is done. Well done!");

  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/* Past days: one expander per day with something due, one check per
 * exercise. The records are kept per day and exercise, so a check
 * stands for both.
 */

#define PAST_DAY_KEY "bc-past-day"
#define PAST_REF_KEY "bc-past-ref"
#define PAST_SETS_KEY "bc-past-sets"
#define PAST_N_DUE_KEY "bc-past-n-due"
#define PAST_N_DONE_KEY "bc-past-n-done"

static void
update_past_day_subtitle (AdwExpanderRow *expander)
{
  guint n_due = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), PAST_N_DUE_KEY));
  guint n_done = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), PAST_N_DONE_KEY));
  g_autofree char *subtitle = NULL;

  if (n_done == 0)
    subtitle = g_strdup (_("Nothing marked as done"));
  else if (n_done == n_due)
    subtitle = g_strdup (_("All done"));
  else
    /* Translators: exercises done on a past day, e.g. "2 of 4 done" */
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u of %u done", "%u of %u done", n_due),
                                n_done, n_due);

  adw_expander_row_set_subtitle (expander, subtitle);
}

static void
past_check_toggled_cb (GtkCheckButton *check,
                       BcTodayPage    *self)
{
  BcApplication *app = get_application (self);
  BcDatabase *db = app ? bc_application_get_database (app) : NULL;
  const char *day = g_object_get_data (G_OBJECT (check), PAST_DAY_KEY);
  const char *ref = g_object_get_data (G_OBJECT (check), PAST_REF_KEY);
  guint sets = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), PAST_SETS_KEY));
  gboolean done = gtk_check_button_get_active (check);
  GtkWidget *expander;
  g_autoptr(GError) error = NULL;
  guint n_done;

  /* The page only shows past days while the database is open. */
  g_return_if_fail (db != NULL);

  if (!bc_session_store_set_done (db, bc_application_get_profile_id (app), day, ref, done, sets,
                                  &error))
    {
      g_autofree char *title = NULL;

      /* The check goes back to what the database holds. */
      g_signal_handlers_block_by_func (check, past_check_toggled_cb, self);
      gtk_check_button_set_active (check, !done);
      g_signal_handlers_unblock_by_func (check, past_check_toggled_cb, self);

      /* Translators: %s says why a past day could not be corrected */
      title = g_strdup_printf (_("That day could not be changed: %s"), error->message);
      bc_toast_show_text (GTK_WIDGET (self), title, FALSE);
      return;
    }

  expander = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);
  if (expander != NULL)
    {
      n_done = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), PAST_N_DONE_KEY));
      n_done = done ? n_done + 1 : n_done - 1;
      g_object_set_data (G_OBJECT (expander), PAST_N_DONE_KEY, GUINT_TO_POINTER (n_done));
      update_past_day_subtitle (ADW_EXPANDER_ROW (expander));
    }

  /* The streak and the week change, here and wherever else they show. */
  self->correcting = TRUE;
  bc_application_data_changed (app);
  self->correcting = FALSE;
}

static GtkWidget *
create_past_exercise_row (BcTodayPage *self,
                          BcPlanItem  *item,
                          BcExercise  *exercise,
                          const char  *day,
                          const char  *day_title,
                          gboolean     done)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const BcDosage *dosage = bc_plan_item_get_dosage (item);
  g_autofree char *label = NULL;
  const char *name = exercise ? bc_exercise_get_name (exercise) : _("Unknown exercise");

  /* The name alone keeps a day short; the dosage is on Today and the Plan. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
  /* Translators: a check's name for screen readers: an exercise and a
   * day, e.g. "Done: Pelvic tilt, Yesterday"
   */
  label = g_strdup_printf (_("Done: %s, %s"), name, day_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (check), PAST_DAY_KEY, g_strdup (day), g_free);
  g_object_set_data_full (G_OBJECT (check), PAST_REF_KEY,
                          g_strdup (bc_plan_item_get_exercise_ref (item)), g_free);
  g_object_set_data (G_OBJECT (check), PAST_SETS_KEY, GUINT_TO_POINTER (dosage->sets));
  g_signal_connect_object (check, "toggled", G_CALLBACK (past_check_toggled_cb), self, 0);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static char *
format_past_day (GDateTime *date,
                 int        days_ago)
{
  if (days_ago == 1)
    return g_strdup (_("Yesterday"));

  /* Translators: a past day in the list of days to correct, see g_date_time_format() */
  return g_date_time_format (date, _("%A, %-d %B"));
}

/* Returns: whether anything was due that day, and the row added */
static gboolean
add_past_day (BcTodayPage       *self,
              BcDatabase        *db,
              gint64             profile_id,
              BcPlan            *plan,
              BcExerciseCatalog *catalog,
              GDateTime         *date,
              int                days_ago,
              GHashTable        *expanded)
{
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *title = NULL;
  GtkWidget *expander;
  guint n_done = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      BcPlanItem *item = g_list_model_get_item (items, i);
      const char *ref = bc_plan_item_get_exercise_ref (item);

      /* An exercise twice in the plan is still one record a day. */
      if (!bc_days_contains_date (bc_plan_item_get_dosage (item)->days, date) ||
          !g_hash_table_add (seen, (gpointer)ref))
        {
          g_object_unref (item);
          continue;
        }

      g_ptr_array_add (due, item);
    }

  if (due->len == 0)
    return FALSE;

  /* Only the days shown are read. */
  done = bc_session_store_done_on_day (db, profile_id, day, &error);
  if (done == NULL)
    {
      g_message ("The records of %s could not be read: %s", day, error->message);
      return FALSE;
    }

  title = format_past_day (date, days_ago);
  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  g_object_set_data_full (G_OBJECT (expander), PAST_DAY_KEY, g_strdup (day), g_free);

  for (guint i = 0; i < due->len; i++)
    {
      BcPlanItem *item = g_ptr_array_index (due, i);
      const char *ref = bc_plan_item_get_exercise_ref (item);
      BcExercise *exercise = catalog ? bc_exercise_catalog_lookup (catalog, ref) : NULL;
      gboolean is_done = g_hash_table_contains (done, ref);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                create_past_exercise_row (self, item, exercise, day, title,
                                                          is_done));
      if (is_done)
        n_done++;
    }

  g_object_set_data (G_OBJECT (expander), PAST_N_DUE_KEY, GUINT_TO_POINTER (due->len));
  g_object_set_data (G_OBJECT (expander), PAST_N_DONE_KEY, GUINT_TO_POINTER (n_done));
  update_past_day_subtitle (ADW_EXPANDER_ROW (expander));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                 g_hash_table_contains (expanded, day));

  gtk_list_box_append (self->past_list, expander);
  return TRUE;
}

/* The list is made again when the plan or the records change elsewhere;
 * the days the patient had open stay open.
 */
static void
update_past_days (BcTodayPage       *self,
                  BcDatabase        *db,
                  gint64             profile_id,
                  BcPlan            *plan,
                  BcExerciseCatalog *catalog,
                  GDateTime         *now)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->past_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
        g_hash_table_add (expanded, g_strdup (g_object_get_data (G_OBJECT (child),
                                                                 PAST_DAY_KEY)));
    }

  clear_list (self->past_list);
  self->n_past_days = 0;

  for (int days_ago = 1; days_ago <= N_PAST_DAYS; days_ago++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (now, -days_ago);

      if (add_past_day (self, db, profile_id, plan, catalog, date, days_ago, expanded))
        self->n_past_days++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->past_group), self->n_past_days > 0);
}

/* The quick pain log: the latest entry of today, if there is one. */
static void
update_quick_log (BcTodayPage *self,
                  BcDatabase  *db,
                  gint64       profile_id,
                  const char  *today)
{
  g_autoptr(GPtrArray) latest = bc_pain_store_list_page (db, profile_id, NULL, 0, 1, NULL);
  BcPainEntry *entry = latest && latest->len > 0 ? g_ptr_array_index (latest, 0) : NULL;
  g_autofree char *day = entry ? bc_pain_entry_dup_day (entry) : NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *text = NULL;

  if (entry == NULL || g_strcmp0 (day, today) != 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->quick_log_label), FALSE);
      return;
    }

  when = bc_pain_entry_dup_date_time (entry);
  time_text = g_date_time_format (when, "%H:%M");
  /* Translators: the latest pain rating of today and its time, e.g. "Logged today: 4 at 08:15" */
  text = g_strdup_printf (_("Logged today: %d at %s"), entry->intensity, time_text);
  gtk_label_set_label (self->quick_log_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->quick_log_label), TRUE);
}

/**
 * bc_today_page_quick_log:
 * @intensity: 0–10
 *
 * Logs @intensity at the current time, as tapping its button does, and
 * offers to add the details in the entry dialog.
 *
 * Returns: the new entry's id, or 0 when it could not be stored
 */
gint64
bc_today_page_quick_log (BcTodayPage *self,
                         int          intensity)
{
  BcApplication *app;
  BcDatabase *db;
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  AdwToast *toast;
  gint64 id;

  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  app = get_application (self);
  db = app ? bc_application_get_database (app) : NULL;
  if (db == NULL)
    return 0;

  entry->intensity = intensity;
  bc_pain_entry_set_date_time (entry, now);
  id = bc_pain_store_add (db, bc_application_get_profile_id (app), entry, &error);
  if (id == 0)
    {
      /* Translators: %s says why a quick pain rating could not be stored */
      title = g_strdup_printf (_("Your pain rating could not be saved: %s"), error->message);
      bc_toast_show_text (GTK_WIDGET (self), title, FALSE);
      return 0;
    }

  bc_application_data_changed (app);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (BC_IS_WINDOW (root))
    {
      /* Translators: a toast after a quick pain rating, e.g. "Pain 4 logged" */
      title = g_strdup_printf (_("Pain %d logged"), intensity);
      toast = bc_toast_new (title);
      adw_toast_set_button_label (toast, _("Add _Details"));
      adw_toast_set_action_name (toast, "win.edit-pain-entry");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
      bc_toast_show (GTK_WIDGET (self), toast);
    }

  return id;
}

static void
quick_chosen_cb (BcTodayPage *self,
                 int          intensity)
{
  bc_today_page_quick_log (self, intensity);
}

const char *
bc_today_page_get_quick_log_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->quick_log_label))
         ? gtk_label_get_label (self->quick_log_label) : NULL;
}

/* After a massage the pain prompt stays this long. */
#define APPOINTMENT_PROMPT_HOURS 36

static char *
describe_appointment (const BcAppointment *appointment,
                      const char          *time_format)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (appointment->starts_at);
  g_autofree char *when_text = g_date_time_format (when, time_format);
  const char *modality = bc_appointment_code_get_label (appointment->modality);
  g_autoptr(GString) text = g_string_new (when_text);

  g_string_append_printf (text, ", %s", modality ? modality : appointment->modality);
  if (appointment->therapist != NULL && appointment->therapist[0] != '\0')
    /* Translators: appended to the kind of massage, e.g. "Swedish with Mia" */
    g_string_append_printf (text, _(" with %s"), appointment->therapist);
  if (appointment->location != NULL && appointment->location[0] != '\0')
    /* Translators: appended to an appointment, e.g. "Swedish with Mia at Clinic A" */
    g_string_append_printf (text, _(" at %s"), appointment->location);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The next appointment, and after one a prompt to record the pain
 * before and after while it is still fresh.
 */
static void
update_appointments (BcTodayPage *self,
                     BcDatabase  *db,
                     gint64       profile_id,
                     GDateTime   *now)
{
  g_autoptr(GDateTime) since = g_date_time_add_hours (now, -APPOINTMENT_PROMPT_HOURS);
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  const BcAppointment *done = NULL;
  gint64 now_unix = g_date_time_to_unix (now);

  next = bc_appointment_store_upcoming (db, profile_id, now_unix, 1, NULL);
  recent = bc_appointment_store_list (db, profile_id, g_date_time_to_unix (since), now_unix, NULL);

  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      const BcAppointment *appointment = g_ptr_array_index (recent, i);

      if (g_strcmp0 (appointment->status, "cancelled") != 0 &&
          g_strcmp0 (appointment->status, "missed") != 0 &&
          appointment->starts_at + appointment->duration_minutes * 60 <= now_unix &&
          (appointment->pain_before < 0 || appointment->pain_after < 0))
        done = appointment;
    }

  if (next != NULL && next->len > 0)
    {
      /* Translators: when the next appointment is, see g_date_time_format() */
      g_autofree char *what = describe_appointment (g_ptr_array_index (next, 0), _("%a %H:%M"));
      /* Translators: e.g. "Next appointment: Thu 14:00, Swedish with Mia at Clinic A" */
      g_autofree char *text = g_strdup_printf (_("Next appointment: %s"), what);

      gtk_label_set_label (self->next_appointment_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_appointment_label),
                          next != NULL && next->len > 0);

  if (done != NULL)
    {
      /* Translators: when the past appointment was, see g_date_time_format() */
      g_autofree char *what = describe_appointment (done, _("%a %H:%M"));
      /* Translators: %s describes the massage that just took place */
      g_autofree char *text = g_strdup_printf (_("How was your massage (%s)? Record your pain "
                                                 "before and after to see whether it helps."),
                                               what);

      gtk_label_set_label (self->appointment_prompt_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->appointment_prompt_label), done != NULL);

  gtk_widget_set_visible (self->appointment_card,
                          (next != NULL && next->len > 0) || done != NULL);
}

/* For tests: the next-appointment line and the pain prompt, when shown. */
const char *
bc_today_page_get_next_appointment_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->next_appointment_label))
         ? gtk_label_get_label (self->next_appointment_label) : NULL;
}

const char *
bc_today_page_get_appointment_prompt_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->appointment_prompt_label))
         ? gtk_label_get_label (self->appointment_prompt_label) : NULL;
}

/**
 * bc_today_page_reload:
 *
 * Reads the active plan and today's records again.
 */
void
bc_today_page_reload (BcTodayPage *self)
{
  BcApplication *app;
  BcDatabase *db;
  BcExerciseCatalog *catalog;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  GListModel *items;
  gint64 profile_id;
  guint streak;
  double week;

  g_return_if_fail (BC_IS_TODAY_PAGE (self));

  app = get_application (self);
  db = app ? bc_application_get_database (app) : NULL;
  if (db == NULL)
    {
      show_empty (self);
      return;
    }

  catalog = bc_application_get_catalog (app);
  profile_id = bc_application_get_profile_id (app);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");

  plan = bc_plan_store_load_active (db, profile_id, &error);
  if (plan != NULL)
    done = bc_session_store_done_on_day (db, profile_id, today, &error);
  if (error != NULL)
    g_message ("Today's plan could not be read: %s", error->message);
  if (plan == NULL || done == NULL)
    {
      show_empty (self);
      return;
    }

  /* Errors here only leave the figures at zero. */
  streak = bc_session_store_streak (db, profile_id, plan, now, NULL);
  week = bc_session_store_week_completion (db, profile_id, plan, now, NULL);

  clear_list (self->exercise_list);
  self->n_exercises = 0;
  self->n_done = 0;

  items = G_LIST_MODEL (bc_plan_get_items (plan));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      const char *ref = bc_plan_item_get_exercise_ref (item);
      BcExercise *exercise = catalog ? bc_exercise_catalog_lookup (catalog, ref) : NULL;
      gboolean is_done;

      if (!bc_days_contains_date (bc_plan_item_get_dosage (item)->days, now))
        continue;

      is_done = g_hash_table_contains (done, ref);
      gtk_list_box_append (self->exercise_list, create_row (item, exercise, is_done));
      self->n_exercises++;
      if (is_done)
        self->n_done++;
    }

  update_header (self, now, streak, week);
  update_start (self);
  update_review (self, plan, today);
  update_quick_log (self, db, profile_id, today);
  update_appointments (self, db, profile_id, now);
  if (!self->correcting)
    update_past_days (self, db, profile_id, plan, catalog, now);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
data_changed_cb (BcTodayPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bc_today_page_reload (self);
}

/* The application is only known once the page is in a window that has
 * one, so the page connects when it is first shown. Showing it again
 * reloads: the day may have changed meanwhile.
 */
static void
bc_today_page_map (GtkWidget *widget)
{
  BcTodayPage *self = BC_TODAY_PAGE (widget);
  BcApplication *app;

  GTK_WIDGET_CLASS (bc_today_page_parent_class)->map (widget);

  app = get_application (self);
  if (app != NULL && !self->connected)
    {
      g_signal_connect_object (app, "data-changed",
                               G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::database",
                               G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
      self->connected = TRUE;
    }

  bc_today_page_reload (self);
}

static void
bc_today_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; disposing the template as well
   * would unparent it twice.
   */
  G_OBJECT_CLASS (bc_today_page_parent_class)->dispose (object);
}

static void
bc_today_page_class_init (BcTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_today_page_dispose;
  widget_class->map = bc_today_page_map;

  g_type_ensure (BC_TYPE_PAIN_SCALE);

  g_type_ensure (BC_TYPE_REMINDER_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, reminder_card);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, empty_reminder_card);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, week_bar);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, exercise_list);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, review_notice);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, quick_scale);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, quick_log_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, appointment_card);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, next_appointment_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, appointment_prompt_label);
}

static void
bc_today_page_init (BcTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->quick_scale, "chosen", G_CALLBACK (quick_chosen_cb), self,
                           G_CONNECT_SWAPPED);
}

gboolean
bc_today_page_get_has_plan (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") == 0;
}

guint
bc_today_page_get_n_exercises (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  return self->n_exercises;
}

guint
bc_today_page_get_n_done (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  return self->n_done;
}

const char *
bc_today_page_get_streak_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_label (self->streak_label);
}

const char *
bc_today_page_get_week_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_label (self->week_label);
}

guint
bc_today_page_get_n_past_days (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  return self->n_past_days;
}

static GtkCheckButton *
find_past_check (BcTodayPage *self,
                 const char  *day,
                 const char  *exercise_ref)
{
  GtkWidget *widget = GTK_WIDGET (self->past_list);

  /* A depth-first walk of the list: the expanders' rows live inside them. */
  while (widget != NULL)
    {
      if (GTK_IS_CHECK_BUTTON (widget) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (widget), PAST_DAY_KEY), day) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (widget), PAST_REF_KEY), exercise_ref) == 0)
        return GTK_CHECK_BUTTON (widget);

      if (gtk_widget_get_first_child (widget) != NULL)
        {
          widget = gtk_widget_get_first_child (widget);
          continue;
        }

      while (widget != GTK_WIDGET (self->past_list) && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      if (widget == GTK_WIDGET (self->past_list))
        break;
      widget = gtk_widget_get_next_sibling (widget);
    }

  return NULL;
}

/**
 * bc_today_page_get_past_done:
 * @day: YYYY-MM-DD, one of the past days shown
 * @found: (out) (optional): whether the page shows that exercise on that day
 *
 * Returns: whether the exercise's check on that day is ticked
 */
gboolean
bc_today_page_get_past_done (BcTodayPage *self,
                             const char  *day,
                             const char  *exercise_ref,
                             gboolean    *found)
{
  GtkCheckButton *check;

  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), FALSE);

  check = find_past_check (self, day, exercise_ref);
  if (found != NULL)
    *found = check != NULL;

  return check != NULL && gtk_check_button_get_active (check);
}

/**
 * bc_today_page_set_past_done:
 *
 * Ticks or clears an exercise's check on a past day, as a click would,
 * so the correction goes through the page's own handler.
 *
 * Returns: %FALSE when the page does not show that exercise on that day
 */
gboolean
bc_today_page_set_past_done (BcTodayPage *self,
                             const char  *day,
                             const char  *exercise_ref,
                             gboolean     done)
{
  GtkCheckButton *check;

  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), FALSE);

  check = find_past_check (self, day, exercise_ref);
  if (check == NULL)
    return FALSE;

  gtk_check_button_set_active (check, done);
  return TRUE;
}

/* Expands a past day's row, for tests and screenshots. */
void
bc_today_page_expand_past_day (BcTodayPage *self,
                               const char  *day)
{
  g_return_if_fail (BC_IS_TODAY_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->past_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), PAST_DAY_KEY), day) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
    }
}

gboolean
bc_today_page_get_review_due (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->review_notice);
}

const char *
bc_today_page_get_review_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_label (self->review_label);
}

/* The reminders card the page shows: with the plan, or under "Nothing
 * Planned" when there is none.
 */
BcReminderCard *
bc_today_page_get_reminder_card (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return bc_today_page_get_has_plan (self) ? self->reminder_card : self->empty_reminder_card;
}
