/* bc-session-window.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bc-application.h"

G_BEGIN_DECLS

#define BC_TYPE_SESSION_WINDOW (bc_session_window_get_type ())

G_DECLARE_FINAL_TYPE (BcSessionWindow, bc_session_window, BC, SESSION_WINDOW, AdwWindow)

GtkWindow  *bc_session_window_new              (BcApplication   *application,
                                                GtkWindow       *parent);
GtkWindow  *bc_session_window_present          (BcApplication   *application,
                                                GtkWindow       *parent);

/* Where the session is, for tests; they drive it through the session.*
 * actions: start, start-unrated, begin, set-done, pause, next, previous,
 * skip, finish, finish-unrated.
 */
const char *bc_session_window_get_step         (BcSessionWindow *self);
const char *bc_session_window_get_phase        (BcSessionWindow *self);
gboolean    bc_session_window_get_paused       (BcSessionWindow *self);
const char *bc_session_window_get_exercise_ref (BcSessionWindow *self);
guint       bc_session_window_get_set          (BcSessionWindow *self);
guint       bc_session_window_get_side         (BcSessionWindow *self);
gboolean    bc_session_window_get_inhibiting   (BcSessionWindow *self);
gint64      bc_session_window_get_session_id   (BcSessionWindow *self);
const char *bc_session_window_get_summary      (BcSessionWindow *self);
void        bc_session_window_set_pain         (BcSessionWindow *self,
                                                int              pain);

G_END_DECLS
