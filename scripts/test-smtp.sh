#!/usr/bin/env bash
# Makes an SMTP server reachable on loopback for the alerts' email specs and exports where it is and where the mail it
# receives lands (a Maildir). Sourced by test.sh after test-services.sh. Uses Debian's python3-aiosmtpd (installed when
# absent), started in the background under the services folder; a server already answering on the port is reused.

# The folder test-services.sh chose, when it was sourced first.
services_dir="${IP_TEST_SERVICES_DIR:-${services_dir:-$PWD/.test-services}}"
smtp_port="${IP_TEST_SMTP_PORT:-$(( ${IP_TEST_PG_PORT:-55432} + 3 ))}"
smtp_dir="$services_dir/smtp"
mkdir -p "$smtp_dir"

smtp_log() { echo "[test-smtp] $*" >&2; }
smtp_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; }

# Debian's package goes to the system Python; a python3 earlier on the PATH (pyenv, a venv) would not see it.
smtp_python=/usr/bin/python3
if ! "$smtp_python" -c "import aiosmtpd" 2>/dev/null; then
  if ! declare -F apt_install >/dev/null; then
    smtp_log "python3-aiosmtpd is missing and apt_install is not defined: source scripts/test-services.sh first"
    return 1 2>/dev/null || exit 1
  fi
  smtp_log "installing python3-aiosmtpd"; apt_install python3-aiosmtpd
fi

# A test SMTP server of another checkout (an earlier clone's run) delivers into that checkout's Maildir, which the
# specs here would never read: it is stopped, and ours started.
smtp_pid=$(ss -ltnpH "sport = :$smtp_port" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -n 1 | cut -d= -f2)
if [ -n "$smtp_pid" ] && tr '\0' ' ' <"/proc/$smtp_pid/cmdline" 2>/dev/null | grep -q aiosmtpd \
  && ! tr '\0' ' ' <"/proc/$smtp_pid/cmdline" | grep -qF "$smtp_dir/maildir"; then
  smtp_log "stopping the test SMTP server of another checkout on 127.0.0.1:$smtp_port"
  kill "$smtp_pid" 2>/dev/null
  for _ in $(seq 1 20); do smtp_answers || break; sleep 0.5; done
fi

if ! smtp_answers; then
  # Mailbox writes into an existing Maildir: its tmp, new and cur folders must be there.
  mkdir -p "$smtp_dir/maildir/tmp" "$smtp_dir/maildir/new" "$smtp_dir/maildir/cur"
  smtp_log "starting SMTP on 127.0.0.1:$smtp_port"
  # Mailbox takes the Maildir folder as its one handler argument; -n: stay the current user.
  nohup "$smtp_python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$smtp_dir/maildir" \
    >"$smtp_dir/server.log" 2>&1 &
  echo $! >"$smtp_dir/server.pid"
  for _ in $(seq 1 60); do smtp_answers && break; sleep 0.5; done
  if ! smtp_answers; then
    smtp_log "SMTP did not start on 127.0.0.1:$smtp_port; its log:"; tail -n 20 "$smtp_dir/server.log" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export IP_TEST_SMTP_PORT="$smtp_port"
export IP_TEST_SMTP_MAILDIR="$smtp_dir/maildir"
smtp_log "SMTP ready on 127.0.0.1:$smtp_port, mail in $IP_TEST_SMTP_MAILDIR"
