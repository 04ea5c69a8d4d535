/* bc-clock.h
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The single armed timer. A Linux timerfd on CLOCK_REALTIME with
 * TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, watched with g_unix_fd_add:
 * it fires at the right wall-clock moment after a suspend and is
 * cancelled when the clock is set. Nothing runs between due times.
 *
 * Signals:
 *   "fired" ()                  the armed moment has come
 *   "clock-changed" ()          the wall clock was set (or the zone changed)
 *   "resumed" (gint64 seconds)  a suspend of that length was detected, from
 *                               a jump between CLOCK_BOOTTIME and CLOCK_MONOTONIC
 *
 * Test-only: BACKCARE_TEST_TIME_SCALE=N makes the clock's "now" run N
 * times faster than real time from the moment the clock is created, so
 * integration tests see a day of reminders in minutes.
 */

#define BC_TYPE_CLOCK (bc_clock_get_type ())

G_DECLARE_FINAL_TYPE (BcClock, bc_clock, BC, CLOCK, GObject)

BcClock   *bc_clock_new          (void);
GDateTime *bc_clock_now          (BcClock  *self);
gboolean   bc_clock_arm          (BcClock  *self,
                                  gint64    unix_time,
                                  GError  **error);
void       bc_clock_disarm       (BcClock  *self);
gint64     bc_clock_get_armed_at (BcClock  *self);

/* Added: 1, or N under BACKCARE_TEST_TIME_SCALE=N. */
double     bc_clock_get_time_scale (BcClock *self);

/* Added, test-only: stops "now" at @unix_usec (set it again to move on).
 * The timerfd is no longer armed for real: bc_clock_arm() only records
 * the moment and the test emits "fired" / "resumed" / "clock-changed".
 * Unit tests use it; integration tests use BACKCARE_TEST_TIME_SCALE.
 *
 * Not testable without changing the system clock (so never in tests,
 * though they run as root): the "clock-changed" cancel, which only
 * clock_settime() / settimeofday() trigger.
 */
void       bc_clock_set_time_for_testing (BcClock *self,
                                          gint64   unix_usec);

G_END_DECLS
