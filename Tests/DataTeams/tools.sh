#!/usr/bin/env bash
# Makes .build/data-tools: a Python venv (over Debian's python3, so openpyxl and friends stay
# visible) with the pinned readers of requirements.txt. Does nothing when they are already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/data-tools
stamp="$venv/requirements.txt"
if [ -x "$venv/bin/python" ] && cmp -s Tests/DataTeams/requirements.txt "$stamp"; then exit 0; fi
rm -rf "$venv"
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/DataTeams/requirements.txt
cp Tests/DataTeams/requirements.txt "$stamp"
