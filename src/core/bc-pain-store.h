/* bc-pain-store.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bc-database.h"

G_BEGIN_DECLS

/* The pain log (tables pain_entries, psfs_activities, psfs_scores;
 * schema version 3). Large histories stay in sqlite: the UI pages
 * through entries and charts read per-day aggregates and per-column
 * min/max summaries computed here, never one object per stored row.
 */

#define BC_PAIN_ERROR (bc_pain_error_quark ())

typedef enum
{
  BC_PAIN_ERROR_INVALID,
  BC_PAIN_ERROR_NOT_FOUND,
} BcPainError;

/* Codes stored and written to CSV; labels come from the functions below. */
typedef enum
{
  BC_PAIN_SLEEP_UNKNOWN,
  BC_PAIN_SLEEP_POOR,
  BC_PAIN_SLEEP_FAIR,
  BC_PAIN_SLEEP_GOOD,
} BcPainSleep;

typedef struct
{
  gint64       id;          /* 0 for a new entry */
  gint64       time;        /* unix seconds */
  int          utc_offset;  /* seconds east of UTC when it was logged */
  int          intensity;   /* 0–10, Numeric Rating Scale */
  char       **areas;       /* codes, see bc_pain_area_codes () */
  char       **qualities;   /* codes, see bc_pain_quality_codes () */
  gboolean     numbness;
  gboolean     tingling;
  gboolean     radiating;
  BcPainSleep  sleep;
  char       **helped;      /* codes, see bc_pain_helped_codes () */
  char        *note;
} BcPainEntry;

/* One local day: what the chart draws as line (mean) and band (min–max). */
typedef struct
{
  char    day[11];          /* YYYY-MM-DD */
  double  mean;
  int     min;
  int     max;
  guint   count;
  gboolean red_flag;        /* numbness, tingling or radiating that day */
} BcPainDay;

typedef struct
{
  gint64  activity_id;
  char   *name;
  double  latest;           /* -1 when never scored */
} BcPsfsActivity;

/* Limits every stored entry keeps (see bc_pain_entry_validate ()). */
#define BC_PAIN_INTENSITY_MAX   10
#define BC_PAIN_NOTE_MAX_CHARS  10000
#define BC_PAIN_UTC_OFFSET_MAX  (18 * 60 * 60)

GQuark              bc_pain_error_quark        (void);

BcPainEntry        *bc_pain_entry_new          (void);
BcPainEntry        *bc_pain_entry_copy         (const BcPainEntry *entry);
void                bc_pain_entry_free         (BcPainEntry       *entry);
gboolean            bc_pain_entry_validate     (const BcPainEntry *entry,
                                                GError           **error);
gboolean            bc_pain_entry_has_red_flag (const BcPainEntry *entry);

const char * const *bc_pain_area_codes         (void);
const char * const *bc_pain_quality_codes      (void);
const char * const *bc_pain_helped_codes       (void);
const char         *bc_pain_code_get_label     (const char        *code);
const char         *bc_pain_sleep_to_string    (BcPainSleep        sleep);
gboolean            bc_pain_sleep_from_string  (const char        *str,
                                                BcPainSleep       *out_sleep);

/* Entries: one transaction per write. */
gint64              bc_pain_store_add          (BcDatabase        *db,
                                                gint64             profile_id,
                                                const BcPainEntry *entry,
                                                GError           **error);
gboolean            bc_pain_store_update       (BcDatabase        *db,
                                                gint64             profile_id,
                                                const BcPainEntry *entry,
                                                GError           **error);
gboolean            bc_pain_store_delete       (BcDatabase        *db,
                                                gint64             profile_id,
                                                gint64             entry_id,
                                                GError           **error);
BcPainEntry        *bc_pain_store_get          (BcDatabase        *db,
                                                gint64             profile_id,
                                                gint64             entry_id,
                                                GError           **error);
guint               bc_pain_store_count        (BcDatabase        *db,
                                                gint64             profile_id,
                                                const char        *note_query,
                                                GError           **error);
/* Newest first; an array of BcPainEntry (free with g_ptr_array_unref). */
GPtrArray          *bc_pain_store_list_page    (BcDatabase        *db,
                                                gint64             profile_id,
                                                const char        *note_query,
                                                guint              offset,
                                                guint              limit,
                                                GError           **error);
gboolean            bc_pain_store_has_entry_on (BcDatabase        *db,
                                                gint64             profile_id,
                                                const char        *day,
                                                GError           **error);

/* Aggregates, computed in SQL. Days are local, inclusive. */
GArray             *bc_pain_store_daily        (BcDatabase        *db,
                                                gint64             profile_id,
                                                const char        *first_day,
                                                const char        *last_day,
                                                GError           **error);
gboolean            bc_pain_store_range        (BcDatabase        *db,
                                                gint64             profile_id,
                                                char             **out_first_day,
                                                char             **out_last_day,
                                                GError           **error);

/* Patient-Specific Functional Scale: up to five activities per profile. */
#define BC_PSFS_MAX_ACTIVITIES 5

gint64              bc_psfs_add_activity       (BcDatabase        *db,
                                                gint64             profile_id,
                                                const char        *name,
                                                GError           **error);
gboolean            bc_psfs_score              (BcDatabase        *db,
                                                gint64             activity_id,
                                                int                score,
                                                GDateTime         *when,
                                                GError           **error);
GPtrArray          *bc_psfs_list_activities    (BcDatabase        *db,
                                                gint64             profile_id,
                                                GError           **error);

/* Added to the interface above: helpers the UI, the CSV and the report
 * share.
 */
void                bc_pain_entry_set_date_time (BcPainEntry      *entry,
                                                 GDateTime        *time);
GDateTime          *bc_pain_entry_dup_date_time (const BcPainEntry *entry);
char               *bc_pain_entry_dup_day       (const BcPainEntry *entry);

/* Called for each entry, oldest first (time, then id); return %FALSE
 * with @error set to stop.
 */
typedef gboolean  (*BcPainEntryFunc)            (const BcPainEntry *entry,
                                                 gpointer           user_data,
                                                 GError           **error);
gboolean            bc_pain_store_foreach       (BcDatabase        *db,
                                                 gint64             profile_id,
                                                 const char        *first_day,
                                                 const char        *last_day,
                                                 BcPainEntryFunc    func,
                                                 gpointer           user_data,
                                                 GError           **error);

/* Hands out the next entry to add (*out_entry = %NULL at the end). */
typedef gboolean  (*BcPainEntryNextFunc)        (gpointer            user_data,
                                                 const BcPainEntry **out_entry,
                                                 GError            **error);
gboolean            bc_pain_store_add_all       (BcDatabase         *db,
                                                 gint64              profile_id,
                                                 BcPainEntryNextFunc next,
                                                 gpointer            user_data,
                                                 guint              *out_added,
                                                 guint              *out_skipped,
                                                 GError            **error);

/* PSFS, added: retiring an activity frees its place among the five;
 * the daily means are what the chart draws as points.
 */
typedef struct
{
  char    day[11];          /* YYYY-MM-DD */
  double  mean;             /* mean of the activities scored that day */
  guint   count;            /* activities scored that day */
} BcPsfsDay;

#define BC_PSFS_NAME_MAX_CHARS 200

void                bc_psfs_activity_free       (BcPsfsActivity    *activity);
gboolean            bc_psfs_archive_activity    (BcDatabase        *db,
                                                 gint64             activity_id,
                                                 GError           **error);
GArray             *bc_psfs_daily               (BcDatabase        *db,
                                                 gint64             profile_id,
                                                 const char        *first_day,
                                                 const char        *last_day,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPainEntry, bc_pain_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPsfsActivity, bc_psfs_activity_free)

G_END_DECLS
