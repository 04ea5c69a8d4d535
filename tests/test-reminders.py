#!/usr/bin/python3
"""Reminders end to end with the real binary, run by tests/headless-run.

A python3-dbusmock notification daemon owns org.freedesktop.Notifications
on the private session bus: it records every Notify and sends
ActionInvoked / NotificationClosed from its own connection, the only one
libnotify listens to. The app runs on the keyfile GSettings backend, so
this script changes its settings while it runs. Time is compressed with
BACKCARE_TEST_TIME_SCALE (test-only, see src/core/bc-clock.h): the real
timerfd still wakes the app, SCALE times sooner.

Usage: test-reminders.py BACKCARE_BINARY   (prints TAP)
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import time

import dbus
import dbusmock

BINARY = sys.argv[1]
WORLD = os.environ["BACKCARE_TEST_WORLD"]
CONFIG = os.environ["XDG_CONFIG_HOME"]
DATABASE = os.path.join(os.environ["XDG_DATA_HOME"], "backcare", "backcare.db")
AUTOSTART = os.path.join(CONFIG, "autostart", "org.example.BackCare.desktop")
MOCK = "org.freedesktop.DBus.Mock"

# 150 times faster: 30 min of reminders pass in 12 s. The engine treats a
# timer more than 60 s (0.4 s real) late as a sleep, so keep it modest.
SCALE = 150
INTERVAL_MIN = 30
SNOOZE_MIN = 15


def real(minutes):
    return minutes * 60 / SCALE


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = False

    def ok(self, condition, name):
        self.n += 1
        print(f"{'ok' if condition else 'not ok'} {self.n} - {name}", flush=True)
        if not condition:
            self.failed = True
        return condition

    def diag(self, text):
        for line in str(text).splitlines():
            print(f"# {line}", flush=True)

    def bail(self, text):
        print(f"Bail out! {text}", flush=True)
        sys.exit(1)


tap = Tap()


def write_settings(values):
    """The keyfile backend's file, before the app starts."""
    path = os.path.join(CONFIG, "glib-2.0", "settings", "keyfile")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("[org/example/BackCare]\n")
        for key, value in values.items():
            f.write(f"{key}={value}\n")


def gsettings_set(key, value):
    """As another process would. The keyfile backend reads the file again
    after inotify reports it changed; writes closer than its monitor's
    rate limit can merge and lose a "changed" signal, so leave time."""
    subprocess.run(["gsettings", "set", "org.example.BackCare", key, value],
                   check=True, env=app_env())
    time.sleep(1)


def app_env():
    env = dict(os.environ)
    env["GSETTINGS_BACKEND"] = "keyfile"
    env["BACKCARE_TEST_TIME_SCALE"] = str(SCALE)
    return env


def notifies(mock):
    """Every Notify so far as (id, args); ids count up from 1 as the mock
    hands them out (nothing here replaces a notification by id)."""
    calls = mock.GetCalls(dbus_interface=MOCK)
    found = []
    for _stamp, method, args in calls:
        if method == "Notify":
            found.append((len(found) + 1, [a for a in args]))
    return found


def wait_for_notify(mock, count, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = notifies(mock)
        if len(found) >= count:
            return found[count - 1], time.monotonic()
        time.sleep(0.05)
    return None, time.monotonic()


def invoke(mock, notification_id, action, twice=False):
    """What a notification server does when a button is pressed: the
    action, then the notification closes (reason 2, dismissed)."""
    for _ in range(2 if twice else 1):
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us",
                        [dbus.UInt32(notification_id), action], dbus_interface=MOCK)
    mock.EmitSignal("org.freedesktop.Notifications", "NotificationClosed", "uu",
                    [dbus.UInt32(notification_id), dbus.UInt32(2)], dbus_interface=MOCK)


def query(sql):
    connection = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True, timeout=5)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def wait_until(check, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


def water_ml():
    return query("SELECT COALESCE(SUM(ml), 0) FROM water_intake")[0][0]


def count_windows():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^BackCare$"],
                         capture_output=True, text=True, check=False)
    return [w for w in out.stdout.split() if w]


def alive(process):
    return process.poll() is None


def check_notification(notification, summary, actions):
    _id, args = notification
    app_name, replaces, icon, got_summary, body, got_actions, hints, _timeout = args
    tap.diag(f"Notify: {got_summary!r} / {body!r} / {list(got_actions)}")
    tap.ok(str(app_name) == "BackCare", f"app name is BackCare ({app_name})")
    tap.ok(str(icon) == "org.example.BackCare", f"app icon is the app's ({icon})")
    tap.ok(str(got_summary) == summary, f"summary {summary!r}")
    tap.ok(str(hints.get("desktop-entry", "")) == "org.example.BackCare",
           "hint desktop-entry names the desktop file")
    pairs = [(str(got_actions[i]), str(got_actions[i + 1]))
             for i in range(0, len(got_actions) - 1, 2)]
    tap.ok(pairs[0][0] == "default", "the notification itself is the default action")
    tap.ok(pairs[1:] == actions, f"actions {actions}")
    return str(body)


def main():
    write_settings({
        "hydration-enabled": "true",
        "hydration-start": "'00:00'",
        "hydration-end": "'23:59'",
        "hydration-interval": str(INTERVAL_MIN),
        "stretch-start": "'00:00'",
        "stretch-end": "'23:59'",
        "stretch-days": "127",
        "quiet-start": "'00:00'",
        "quiet-end": "'00:00'",
        "welcome-done": "true",
    })

    daemon, mock = dbusmock.DBusTestCase.spawn_server_template(
        "notification_daemon", {"capabilities": "body actions"}, stdout=subprocess.DEVNULL)

    try:
        run_service(mock)
    except Exception:
        daemon.terminate()
        raise

    # The service's reminders lie up to 30 min of app time ahead of a new
    # process's clock: start again from empty data.
    shutil.rmtree(os.path.dirname(DATABASE))
    before = len(notifies(mock))

    log = open(os.path.join(WORLD, "app.log"), "w", encoding="utf-8")
    app = subprocess.Popen([BINARY], env=app_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        run(app, mock, before)
    finally:
        if alive(app):
            app.kill()
            app.wait()
        daemon.terminate()
        daemon.wait()
        log.close()

    with open(os.path.join(WORLD, "app.log"), encoding="utf-8") as f:
        output = f.read()
    tap.diag(output)
    tap.ok("CRITICAL" not in output and "WARNING" not in output,
           "no warnings or criticals from the app")
    print(f"1..{tap.n}", flush=True)
    sys.exit(1 if tap.failed else 0)


def quit_app(process):
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.example.BackCare",
                    "--object-path", "/org/example/BackCare",
                    "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}"],
                   capture_output=True, check=False)
    try:
        return process.wait(10)
    except subprocess.TimeoutExpired:
        return None


def run_service(mock):
    """At login: --gapplication-service opens no window, and stays for the
    reminders past GApplication's 10 s idle timeout."""
    log = open(os.path.join(WORLD, "service.log"), "w", encoding="utf-8")
    service = subprocess.Popen([BINARY, "--gapplication-service"], env=app_env(),
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        arrived, _ = wait_for_notify(mock, 1, 15)
        tap.ok(arrived is not None, "started as a service, it sends the reminder due")
        time.sleep(12)
        tap.ok(len(count_windows()) == 0, "with no window")
        tap.ok(alive(service), "and keeps running while reminders are on")
        rc = quit_app(service)
        tap.ok(rc == 0, f"Quit ends the service with 0 ({rc})")
    finally:
        if alive(service):
            service.kill()
            service.wait()
        log.close()
    with open(os.path.join(WORLD, "service.log"), encoding="utf-8") as f:
        output = f.read()
    tap.diag(output)
    tap.ok("CRITICAL" not in output and "WARNING" not in output,
           "no warnings or criticals from the service")


def run(app, mock, before):
    # 1. Enabled in GSettings: the first reminder is due at once.
    first, _ = wait_for_notify(mock, before + 1, 15)
    if not tap.ok(first is not None, "the first hydration reminder arrives"):
        tap.bail("no notification")
    body = check_notification(first, "Time for a glass of water",
                              [("drank", "I drank a glass"), ("snooze", "Snooze 15 min")])
    tap.ok(body == "You have had 0 of 8 glasses today.", f"body counts the glasses ({body})")
    tap.ok(wait_until(lambda: len(count_windows()) == 1), "the window is open")

    # 2. "I drank a glass", sent twice as a confused server might: one glass.
    invoke(mock, first[0], "drank", twice=True)
    tap.ok(wait_until(lambda: water_ml() == 250), "drank adds one glass in the database")
    time.sleep(0.5)
    tap.ok(water_ml() == 250, f"and only one ({water_ml()} ml)")
    done = query("SELECT COUNT(*) FROM reminder_events WHERE kind = 'hydration' AND event = 'done'")
    tap.ok(done[0][0] == 1, "the action is recorded once as done")

    # 3. The window closes; reminders go on.
    # Through XTEST on the focused window: with --window, xdotool's
    # XSendEvent leaves the release unsent once the window is gone.
    window = count_windows()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], capture_output=True, check=False)
    subprocess.run(["xdotool", "key", "ctrl+w"], capture_output=True, check=False)
    tap.ok(wait_until(lambda: len(count_windows()) == 0), "the window closes with Ctrl+W")
    time.sleep(1)
    tap.ok(alive(app), "the process stays alive with the window closed")

    # 4. Three reminders in a row with the window closed, each acted on.
    second, second_at = wait_for_notify(mock, before + 2, real(INTERVAL_MIN) + 10)
    tap.ok(second is not None, "reminder 2 arrives with no window")
    if second is None:
        return
    tap.diag(f"reminder 2: {second[1][4]}")
    tap.ok(str(second[1][4]) == "You have had 1 of 8 glasses today.", "it counts the glass")
    invoke(mock, second[0], "snooze")
    snoozed_at = time.monotonic()
    tap.ok(wait_until(lambda: query(
        "SELECT COUNT(*) FROM reminder_events WHERE event = 'snoozed'")[0][0] == 1),
        "snooze is recorded")

    third, third_at = wait_for_notify(mock, before + 3, real(INTERVAL_MIN) + 10)
    tap.ok(third is not None, "reminder 3 arrives with no window")
    if third is None:
        return
    waited = third_at - snoozed_at
    tap.diag(f"snooze: {waited:.1f} s real = {waited * SCALE / 60:.0f} min of app time")
    tap.ok(real(SNOOZE_MIN) - 2 < waited < real(INTERVAL_MIN) - 1,
           "snooze moved the next due time 15 min on, before the 30 min interval")
    invoke(mock, third[0], "drank")
    tap.ok(wait_until(lambda: water_ml() == 500), "drank on reminder 3 adds a glass")

    fourth, _ = wait_for_notify(mock, before + 4, real(INTERVAL_MIN) + 10)
    tap.ok(fourth is not None, "reminder 4 arrives with no window")
    if fourth is None:
        return
    tap.ok(alive(app) and len(count_windows()) == 0, "still running, still no window")
    # The notification itself: the window comes back on Today.
    invoke(mock, fourth[0], "default")
    tap.ok(wait_until(lambda: len(count_windows()) == 1), "clicking it opens the window")
    tap.ok(water_ml() == 500, "opening it logs nothing")
    summaries = [str(n[1][3]) for n in notifies(mock)]
    tap.ok("While you were away" not in summaries, "no combined away notice on time")

    # 5. A stretch break, turned on while running.
    before = len(notifies(mock))
    gsettings_set("hydration-enabled", "false")
    gsettings_set("stretch-interval", "15")
    gsettings_set("stretch-enabled", "true")
    stretch, _ = wait_for_notify(mock, before + 1, real(15) + 10)
    tap.ok(stretch is not None, "a stretch reminder arrives once it is turned on")
    if stretch is not None:
        body = check_notification(stretch, "Time for a stretch break",
                                  [("done", "Done"), ("snooze", "Snooze 10 min"),
                                   ("skip", "Skip")])
        tap.ok("— hold" in body, f"it names a stretch and its hold ({body})")
        invoke(mock, stretch[0], "done")
        tap.ok(wait_until(lambda: query(
            "SELECT COUNT(*) FROM reminder_events WHERE kind = 'stretch' AND event = 'done'"
        )[0][0] == 1), "Done records the stretch break")

    # 6. Start at login writes and removes the autostart entry.
    tap.ok(not os.path.exists(AUTOSTART), "no autostart entry at first")
    gsettings_set("start-at-login", "true")
    tap.ok(wait_until(lambda: os.path.exists(AUTOSTART)), "start-at-login writes it")
    if os.path.exists(AUTOSTART):
        with open(AUTOSTART, encoding="utf-8") as f:
            entry = f.read()
        tap.diag(entry)
        tap.ok("Exec=backcare --gapplication-service\n" in entry, "it starts with no window")
        tap.ok("X-GNOME-Autostart-enabled=true\n" in entry, "and is enabled")
        tap.ok(subprocess.run(["desktop-file-validate", AUTOSTART],
                              check=False).returncode == 0, "and is a valid desktop file")
    gsettings_set("start-at-login", "false")
    tap.ok(wait_until(lambda: not os.path.exists(AUTOSTART)), "turning it off removes it")

    # 7. Quit really quits, although the reminders hold the app.
    rc = quit_app(app)
    tap.ok(rc == 0, f"Quit ends the process with 0 ({rc})")


if __name__ == "__main__":
    main()
