/* bc-application.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-application.h"
#include "bc-data-dir.h"
#include "bc-headless.h"
#include "bc-pain-report.h"
#include "bc-plan-layout.h"
#include "bc-profile-store.h"
#include "bc-preferences-window.h"
#include "bc-reminder-controller.h"
#include "bc-window.h"

struct _BcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *data_dir;
  BcDatabase     *database;
  GError         *open_error;
  BcExerciseCatalog *catalog;
  gint64          profile_id;
  BcReminderController *reminders;
};

G_DEFINE_FINAL_TYPE (BcApplication, bc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Usage errors exit with 2, as the headless commands document; GLib's
 * own parser would exit with 1, so the command line is checked first
 * against the same options.
 */
#define EXIT_USAGE 2

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep data in DIR instead of the user data folder"), N_("DIR") },
  { "profile", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import into or export from the profile NAME (default: the active one)"), N_("NAME") },
  { "export-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan to FILE.backcare-plan and exit"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import FILE (.backcare-plan, a pain log .csv or appointments .ics) without opening "
       "a window and exit"),
    N_("FILE") },
  { "export-pain-log", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the pain log to FILE.csv and exit"), N_("FILE") },
  { "export-appointments", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the appointments to FILE.ics and exit"), N_("FILE") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a pain report for a clinician to FILE.pdf and exit"), N_("FILE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("First day of the report (default: twelve weeks before the last)"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Last day of the report, inclusive (default: today)"), N_("YYYY-MM-DD") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size of an exported PDF: a4 or letter (default: from the locale)"), N_("SIZE") },
  { NULL }
};

static gboolean
accept_option_cb (const char  *name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  if (!g_str_equal (name, "--version") && !g_str_has_prefix (name, "--help") &&
      !g_str_equal (name, "-h") && !g_str_equal (name, "--gapplication-service") &&
      (value == NULL || value[0] == '\0'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a value"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_command_line (char   **arguments,
                    GError **error)
{
  /* Every option GApplication or BackCare understands, so that only
   * unknown or malformed ones fail here.
   */
  static const GOptionEntry check_entries[] = {
    { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "data-dir", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "profile", 0, 0, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "export-plan", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "import", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "export-pain-log", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb,
      NULL, NULL },
    { "export-appointments", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb,
      NULL, NULL },
    { "export-report", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, accept_option_cb,
      NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "paper", 0, 0, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "help", 'h', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "help-all", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, accept_option_cb, NULL, NULL },
    { "gapplication-service", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
      accept_option_cb, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) copy = g_strdupv (arguments);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, check_entries, NULL);

  return g_option_context_parse_strv (context, &copy, error);
}

static gboolean
bc_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GError) error = NULL;

  if (!check_command_line (*arguments, &error))
    {
      g_printerr (_("backcare: %s (see “backcare --help”)\n"), error->message);
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (bc_application_parent_class)->local_command_line (app,
                                                                              arguments,
                                                                              exit_status);
}

/* The profile a headless command uses when --profile is not given: the
 * active one, if the schema is there to say which.
 */
static GSettings *try_settings (void);

static char *
dup_active_profile_name (void)
{
  g_autoptr(GSettings) settings = try_settings ();
  char *name;

  if (settings == NULL)
    return NULL;

  name = g_settings_get_string (settings, "active-profile");
  if (name[0] == '\0')
    g_clear_pointer (&name, g_free);

  return name;
}

/* After a headless write, a window open on the same data reloads. Only
 * an instance on the user's own data folder owns the bus name, and
 * nothing is started if none runs.
 */
static void
notify_running_instance (BcApplication *self)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *bus_socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

  if (!bc_data_dir_is_default (self->data_dir))
    return;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL &&
      !g_file_test (bus_socket, G_FILE_TEST_EXISTS))
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return;

  reply = g_dbus_connection_call_sync (bus, APP_ID, "/org/example/BackCare",
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "reload", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, NULL, NULL);
}

/* The letterhead from GSettings, when the schema is installed. */
static GSettings *
try_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

static gboolean
export_pdf (BcApplication  *self,
            const char     *path,
            const char     *profile,
            BcPaper         paper,
            char          **out_summary,
            GError        **error)
{
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(BcExerciseCatalog) catalog = NULL;
  g_autoptr(BcPlanLayout) layout = NULL;
  g_autoptr(GSettings) settings = try_settings ();
  g_autofree char *name = NULL;
  g_autofree char *clinic_name = NULL, *clinic_address = NULL, *clinic_phone = NULL, *logo = NULL;
  BcLetterhead letterhead = { 0 };

  if (!bc_headless_load_plan (self->data_dir, profile, &plan, &catalog, &name, error))
    return FALSE;

  if (settings != NULL)
    {
      letterhead.clinic_name = clinic_name = g_settings_get_string (settings, "clinic-name");
      letterhead.clinic_address = clinic_address = g_settings_get_string (settings, "clinic-address");
      letterhead.clinic_phone = clinic_phone = g_settings_get_string (settings, "clinic-phone");
      letterhead.logo_path = logo = g_settings_get_string (settings, "clinic-logo");
    }

  layout = bc_plan_layout_new (plan, catalog, name, &letterhead, NULL);
  if (!bc_plan_layout_export_pdf (layout, paper, path, error))
    return FALSE;

  *out_summary = g_strdup_printf (_("Wrote “%s” of the profile “%s” to %s (%u pages)"),
                                  bc_plan_get_title (plan), name, path,
                                  bc_plan_layout_get_n_pages (layout));
  return TRUE;
}

static int
run_headless (BcApplication *self,
              const char    *export_plan,
              const char    *import,
              const char    *export_pain_log,
              const char    *export_appointments,
              const char    *profile,
              const char    *paper_name)
{
  BcPaper paper = bc_paper_from_locale ();
  gboolean pdf = export_plan != NULL && g_str_has_suffix (export_plan, ".pdf");

  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  if ((export_plan != NULL) + (import != NULL) + (export_pain_log != NULL) +
      (export_appointments != NULL) > 1)
    {
      g_printerr (_("backcare: use only one of --import, --export-plan, --export-pain-log and "
                    "--export-appointments\n"));
      return EXIT_USAGE;
    }

  if (paper_name != NULL && (!pdf || !bc_paper_from_string (paper_name, &paper)))
    {
      g_printerr (pdf ? _("backcare: --paper takes a4 or letter\n")
                      : _("backcare: --paper only applies to --export-plan FILE.pdf\n"));
      return EXIT_USAGE;
    }

  if (profile == NULL)
    profile = active = dup_active_profile_name ();

  if (pdf)
    ok = export_pdf (self, export_plan, profile, paper, &summary, &error);
  else if (export_plan != NULL)
    ok = bc_headless_export_plan (self->data_dir, profile, export_plan, &summary, &error);
  else if (export_pain_log != NULL)
    ok = bc_headless_export_pain_log (self->data_dir, profile, export_pain_log, &summary,
                                      &error);
  else if (export_appointments != NULL)
    ok = bc_headless_export_appointments (self->data_dir, profile, export_appointments, &summary,
                                          &error);
  else
    ok = bc_headless_import (self->data_dir, profile, import, &summary, &error);

  if (!ok)
    {
      g_printerr ("backcare: %s\n", error->message);
      return g_error_matches (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE)
             ? EXIT_USAGE : EXIT_FAILURE;
    }

  g_print ("%s\n", summary);
  if (import != NULL)
    notify_running_instance (self);

  return EXIT_SUCCESS;
}

/* backcare --export-report FILE.pdf [--from DAY --to DAY]. */
static int
run_export_report (BcApplication *self,
                   const char    *path,
                   const char    *from,
                   const char    *to,
                   const char    *profile,
                   const char    *paper_name,
                   gboolean       other_command)
{
  BcPaper paper = bc_paper_from_locale ();
  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  g_autofree char *summary = NULL;

  if (path == NULL)
    {
      g_printerr (_("backcare: --from and --to only apply to --export-report\n"));
      return EXIT_USAGE;
    }

  if (other_command)
    {
      g_printerr (_("backcare: use --export-report on its own, not with another command\n"));
      return EXIT_USAGE;
    }

  if (paper_name != NULL && !bc_paper_from_string (paper_name, &paper))
    {
      g_printerr (_("backcare: --paper takes a4 or letter\n"));
      return EXIT_USAGE;
    }

  if (profile == NULL)
    profile = active = dup_active_profile_name ();

  if (!bc_pain_report_export_headless (self->data_dir, profile, from, to, paper, path,
                                       &summary, &error))
    {
      g_printerr ("backcare: %s\n", error->message);
      return g_error_matches (error, BC_HEADLESS_ERROR, BC_HEADLESS_ERROR_USAGE)
             ? EXIT_USAGE : EXIT_FAILURE;
    }

  g_print ("%s\n", summary);
  return EXIT_SUCCESS;
}

static int
bc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  BcApplication *self = BC_APPLICATION (app);
  g_autofree char *data_dir = NULL;
  g_autofree char *export_plan = NULL;
  g_autofree char *import = NULL;
  g_autofree char *export_pain_log = NULL;
  g_autofree char *export_appointments = NULL;
  g_autofree char *export_report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *paper = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir);
  g_variant_dict_lookup (options, "export-plan", "^ay", &export_plan);
  g_variant_dict_lookup (options, "import", "^ay", &import);
  g_variant_dict_lookup (options, "export-pain-log", "^ay", &export_pain_log);
  g_variant_dict_lookup (options, "export-appointments", "^ay", &export_appointments);
  g_variant_dict_lookup (options, "export-report", "^ay", &export_report);
  g_variant_dict_lookup (options, "from", "s", &from);
  g_variant_dict_lookup (options, "to", "s", &to);
  g_variant_dict_lookup (options, "profile", "s", &profile);
  g_variant_dict_lookup (options, "paper", "s", &paper);

  g_free (self->data_dir);
  self->data_dir = bc_data_dir_resolve (data_dir);

  /* Headless commands never start GTK: no display is needed. */
  if (export_report != NULL || from != NULL || to != NULL)
    return run_export_report (self, export_report, from, to, profile, paper,
                              export_plan != NULL || import != NULL || export_pain_log != NULL ||
                              export_appointments != NULL);
  if (export_plan != NULL || import != NULL || export_pain_log != NULL ||
      export_appointments != NULL)
    return run_headless (self, export_plan, import, export_pain_log, export_appointments,
                         profile, paper);

  /* One window per data folder: another folder (build-aux/run's, or a
   * test's) runs as its own instance instead of raising the user's.
   */
  if (!bc_data_dir_is_default (self->data_dir))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

/* The active profile from GSettings; when it is gone (deleted, or a new
 * database), the first profile, which is always there.
 */
static void
resolve_profile (BcApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "active-profile");
  g_auto(GStrv) names = NULL;

  self->profile_id = name[0] != '\0' ? bc_profile_store_find (self->database, name, NULL) : 0;
  if (self->profile_id > 0)
    return;

  names = bc_profile_store_list_names (self->database, NULL);
  if (names != NULL && names[0] != NULL)
    self->profile_id = bc_profile_store_find (self->database, names[0], NULL);
}

static void
open_database (BcApplication *self)
{
  g_autoptr(GError) catalog_error = NULL;

  g_clear_object (&self->database);
  g_clear_object (&self->catalog);
  g_clear_error (&self->open_error);
  self->profile_id = 0;

  self->database = bc_database_open (self->data_dir, &self->open_error);
  if (self->database == NULL)
    g_message ("The database could not be opened: %s", self->open_error->message);
  else
    {
      self->catalog = bc_exercise_catalog_new (self->database, &catalog_error);
      if (self->catalog == NULL)
        g_critical ("The exercise catalog could not be loaded: %s", catalog_error->message);
      resolve_profile (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
apply_color_scheme (BcApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint value = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (value, G_N_ELEMENTS (schemes) - 1)]);
}

static void
color_scheme_changed_cb (BcApplication *self)
{
  apply_color_scheme (self);
}

static void
active_profile_changed_cb (BcApplication *self)
{
  if (self->database == NULL)
    return;

  resolve_profile (self);
  bc_application_data_changed (self);
}

static GtkWindow *
get_main_window (BcApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (BC_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* Quit really quits, even while reminders keep the app running. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BcApplication *self = user_data;

  if (self->reminders != NULL)
    bc_reminder_controller_stop (self->reminders);
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BcApplication *self = user_data;
  GtkWindow *preferences;

  preferences = bc_preferences_window_new (get_main_window (self), self);
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BcApplication *self = user_data;
  static const char *developers[] = { "The BackCare developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("BackCare"),
                        "developer-name", _("The BackCare developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "comments", _("Home exercise plans, massage appointments, reminders and "
                                      "a pain log for people recovering from back pain. "
                                      "Your data stays on this computer."),
                        "developers", developers,
                        "copyright", "© 2026 The BackCare developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BcApplication *self = user_data;

  gtk_show_uri (get_main_window (self), "help:backcare", GDK_CURRENT_TIME);
}

/* Another process (a headless import) changed the data. */
static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BcApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExerciseCatalog) catalog = NULL;

  if (self->database == NULL)
    return;

  catalog = bc_exercise_catalog_new (self->database, &error);
  if (catalog != NULL)
    g_set_object (&self->catalog, catalog);
  resolve_profile (self);
  bc_application_data_changed (self);
}

static const GActionEntry app_actions[] = {
  { "reload", reload_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "help", help_action },
};

static void
set_accels (BcApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.log-pain", { "<Control>l", NULL } },
    { "win.show-page::today", { "<Alt>1", NULL } },
    { "win.show-page::plan", { "<Alt>2", NULL } },
    { "win.show-page::appointments", { "<Alt>3", NULL } },
    { "win.show-page::pain-log", { "<Alt>4", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
bc_application_startup (GApplication *app)
{
  BcApplication *self = BC_APPLICATION (app);

  G_APPLICATION_CLASS (bc_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::active-profile",
                           G_CALLBACK (active_profile_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (self);

  /* handle-local-options does not run for a remote activation or a
   * test that registers directly.
   */
  if (self->data_dir == NULL)
    self->data_dir = bc_data_dir_resolve (NULL);

  open_database (self);

  /* No window here: started as --gapplication-service (at login), only
   * the reminders run until something activates the app.
   */
  self->reminders = bc_reminder_controller_new (self);
}

static void
bc_application_activate (GApplication *app)
{
  BcApplication *self = BC_APPLICATION (app);
  GtkWindow *window = get_main_window (self);
  gboolean created = window == NULL;

  if (created)
    window = GTK_WINDOW (bc_window_new (self));

  gtk_window_present (window);

  if (created && self->reminders != NULL)
    bc_reminder_controller_offer_welcome (self->reminders, window);
}

/* backcare FILE.backcare-plan, or a double click in the file manager:
 * the window with an import preview.
 */
static void
bc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BcApplication *self = BC_APPLICATION (app);
  GtkWindow *window;

  g_application_activate (app);
  window = get_main_window (self);

  if (n_files > 0 && window != NULL && self->database != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
      bc_plan_page_preview_import (bc_window_get_plan_page (BC_WINDOW (window)), files[0]);
    }
}

static void
bc_application_shutdown (GApplication *app)
{
  BcApplication *self = BC_APPLICATION (app);

  G_APPLICATION_CLASS (bc_application_parent_class)->shutdown (app);

  /* The reminders let go of the database and of libnotify first. */
  if (self->reminders != NULL)
    bc_reminder_controller_stop (self->reminders);
  g_clear_object (&self->reminders);

  /* Closing the connection checkpoints the WAL before the process ends. */
  g_clear_object (&self->database);
}

static void
bc_application_finalize (GObject *object)
{
  BcApplication *self = (BcApplication *)object;

  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->database);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (bc_application_parent_class)->finalize (object);
}

static void
bc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BcApplication *self = BC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_application_class_init (BcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bc_application_finalize;
  object_class->get_property = bc_application_get_property;

  app_class->local_command_line = bc_application_local_command_line;
  app_class->handle_local_options = bc_application_handle_local_options;
  app_class->startup = bc_application_startup;
  app_class->activate = bc_application_activate;
  app_class->open = bc_application_open;
  app_class->shutdown = bc_application_shutdown;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         BC_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything that wrote to the database emits this, so every page and
   * the reminders see the change.
   */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bc_application_init (BcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Exercise plans, massage appointments, reminders "
                                              "and a pain log for back care."));
}

BcApplication *
bc_application_new (void)
{
  return g_object_new (BC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/BackCare",
                       /* GtkApplication:screensaver-active is only followed then. */
                       "register-session", TRUE,
                       NULL);
}

const char *
bc_application_get_data_dir (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->data_dir;
}

BcDatabase *
bc_application_get_database (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->database;
}

const GError *
bc_application_get_open_error (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->open_error;
}

GSettings *
bc_application_get_settings (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * bc_application_start_empty:
 * @moved_to: (out) (optional): where the damaged file now is, or %NULL
 *   when nothing had to be moved
 *
 * Keeps the file that could not be opened under a new name and starts
 * with a new, empty database. When the folder itself was the problem
 * there is no file to move, and opening is simply tried again.
 */
gboolean
bc_application_start_empty (BcApplication  *self,
                            char          **moved_to,
                            GError        **error)
{
  g_autofree char *new_path = NULL;

  g_return_val_if_fail (BC_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->database == NULL, FALSE);

  if (!g_error_matches (self->open_error, BC_DATABASE_ERROR, BC_DATABASE_ERROR_DIRECTORY))
    {
      new_path = bc_database_move_aside (self->data_dir, NULL, error);
      if (new_path == NULL)
        return FALSE;
    }

  open_database (self);

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&new_path);

  if (self->database == NULL)
    {
      g_set_error_literal (error, BC_DATABASE_ERROR, self->open_error->code,
                           self->open_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (nullable): the reminders of the open database */
BcReminderEngine *
bc_application_get_reminders (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->reminders ? bc_reminder_controller_get_engine (self->reminders) : NULL;
}

/* Whether reminders keep the application running with no window. */
gboolean
bc_application_get_held_for_reminders (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), FALSE);

  return self->reminders != NULL && bc_reminder_controller_get_holding (self->reminders);
}

BcExerciseCatalog *
bc_application_get_catalog (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  return self->catalog;
}

gint64
bc_application_get_profile_id (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), 0);

  return self->profile_id;
}

char *
bc_application_dup_profile_name (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);

  if (self->database == NULL)
    return NULL;

  return bc_profile_store_get_name (self->database, self->profile_id);
}

void
bc_application_data_changed (BcApplication *self)
{
  g_return_if_fail (BC_IS_APPLICATION (self));

  g_signal_emit (self, signals[DATA_CHANGED], 0);
}
