/* bc-dosage.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bc-dosage.h"

G_DEFINE_QUARK (bc-dosage-error-quark, bc_dosage_error)

gboolean
bc_dosage_validate (const BcDosage  *dosage,
                    GError         **error)
{
  g_return_val_if_fail (dosage != NULL, FALSE);

  if (dosage->sets < 1 || dosage->sets > BC_DOSAGE_SETS_MAX)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_SETS,
                   _("Sets must be between 1 and %d."), BC_DOSAGE_SETS_MAX);
      return FALSE;
    }

  if (dosage->reps < 1 || dosage->reps > BC_DOSAGE_REPS_MAX)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_REPS,
                   _("Repetitions must be between 1 and %d."), BC_DOSAGE_REPS_MAX);
      return FALSE;
    }

  if (dosage->hold_seconds > BC_DOSAGE_HOLD_MAX)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_HOLD,
                   _("A hold must be between 0 and %d seconds."), BC_DOSAGE_HOLD_MAX);
      return FALSE;
    }

  if (dosage->rest_seconds > BC_DOSAGE_REST_MAX)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_REST,
                   _("Rest must be between 0 and %d seconds."), BC_DOSAGE_REST_MAX);
      return FALSE;
    }

  if (dosage->times_per_day < 1 || dosage->times_per_day > BC_DOSAGE_TIMES_PER_DAY_MAX)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_TIMES_PER_DAY,
                   _("Times a day must be between 1 and %d."), BC_DOSAGE_TIMES_PER_DAY_MAX);
      return FALSE;
    }

  if ((dosage->days & BC_DAYS_ALL) == 0 || (dosage->days & ~BC_DAYS_ALL) != 0)
    {
      g_set_error_literal (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_DAYS,
                           _("Choose at least one day of the week."));
      return FALSE;
    }

  return TRUE;
}

guint
bc_days_count (BcDays days)
{
  return (guint)__builtin_popcount ((guint)days & BC_DAYS_ALL);
}

/* Spreads n days over the week the way clinicians usually schedule them:
 * 3 → Mon Wed Fri, 2 → Tue Fri, and so on.
 */
BcDays
bc_days_for_per_week (guint days_per_week)
{
  static const BcDays patterns[] = {
    0,
    BC_DAY_WEDNESDAY,
    BC_DAY_TUESDAY | BC_DAY_FRIDAY,
    BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY,
    BC_DAY_MONDAY | BC_DAY_TUESDAY | BC_DAY_THURSDAY | BC_DAY_FRIDAY,
    BC_DAY_MONDAY | BC_DAY_TUESDAY | BC_DAY_WEDNESDAY | BC_DAY_THURSDAY | BC_DAY_FRIDAY,
    BC_DAYS_ALL & ~BC_DAY_SUNDAY,
    BC_DAYS_ALL,
  };

  return patterns[MIN (days_per_week, G_N_ELEMENTS (patterns) - 1)];
}

gboolean
bc_days_contains_date (BcDays     days,
                       GDateTime *date)
{
  int weekday = g_date_time_get_day_of_week (date); /* 1 = Monday */

  return (days & (1 << (weekday - 1))) != 0;
}

char *
bc_days_format (BcDays days)
{
  static const char *names[] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  GString *str;

  days &= BC_DAYS_ALL;

  if (days == BC_DAYS_ALL)
    return g_strdup (_("daily"));
  if (days == (BC_DAYS_ALL & ~(BC_DAY_SATURDAY | BC_DAY_SUNDAY)))
    return g_strdup (_("weekdays"));

  str = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (days & (1 << i))
        {
          if (str->len > 0)
            g_string_append_c (str, ' ');
          g_string_append (str, _(names[i]));
        }
    }

  return g_string_free (str, FALSE);
}

/* "3 × 10, hold 5 s, daily": the one-line summary in lists. */
char *
bc_dosage_format_short (const BcDosage *dosage)
{
  g_autofree char *days = bc_days_format (dosage->days);
  GString *str = g_string_new (NULL);

  if (dosage->reps > 1)
    /* Translators: sets × repetitions */
    g_string_append_printf (str, _("%u × %u"), dosage->sets, dosage->reps);
  else
    g_string_append_printf (str, g_dngettext (NULL, "%u time", "%u times", dosage->sets),
                            dosage->sets);

  if (dosage->hold_seconds > 0)
    /* Translators: a hold time in seconds, after the sets */
    g_string_append_printf (str, _(", hold %u s"), dosage->hold_seconds);

  g_string_append (str, ", ");
  g_string_append (str, days);

  if (dosage->times_per_day > 1)
    g_string_append_printf (str, g_dngettext (NULL, ", %u× a day", ", %u× a day",
                                              dosage->times_per_day),
                            dosage->times_per_day);

  return g_string_free (str, FALSE);
}

/* "2 sets of 10, hold 5 seconds, each side, once a day, Mon Wed Fri":
 * the sentence a printed plan gives the patient.
 */
char *
bc_dosage_format_words (const BcDosage *dosage,
                        gboolean        per_side)
{
  g_autofree char *days = bc_days_format (dosage->days);
  GString *str = g_string_new (NULL);

  if (dosage->reps > 1)
    g_string_append_printf (str, g_dngettext (NULL, "%u set of %u", "%u sets of %u", dosage->sets),
                            dosage->sets, dosage->reps);
  else
    g_string_append_printf (str, g_dngettext (NULL, "%u time", "%u times", dosage->sets),
                            dosage->sets);

  if (dosage->hold_seconds > 0)
    g_string_append_printf (str, g_dngettext (NULL, ", hold %u second", ", hold %u seconds",
                                              dosage->hold_seconds),
                            dosage->hold_seconds);

  if (per_side)
    g_string_append (str, _(", each side"));

  if (dosage->times_per_day == 1)
    g_string_append (str, _(", once a day"));
  else if (dosage->times_per_day == 2)
    g_string_append (str, _(", twice a day"));
  else
    g_string_append_printf (str, g_dngettext (NULL, ", %u times a day", ", %u times a day",
                                              dosage->times_per_day),
                            dosage->times_per_day);

  g_string_append (str, ", ");
  g_string_append (str, days);

  return g_string_free (str, FALSE);
}
