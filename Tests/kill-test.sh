#!/usr/bin/env bash
# Random-kill test (SPEC §6.6): runs `pao-batch run` on the sample again and again, alternating two
# as-of dates so every run replaces published folders, and kills each one with SIGKILL at a random
# moment across loading, staging and publication. After every kill each published folder must be
# whole (`sha256sum -c SHA256SUMS` and `gzip -t` pass, and it holds exactly the files listed) and
# every site's feed.atom parses and names only published folders, and every index.html is whole and
# links only to files that exist; at
# the end one clean run per date must converge to the output of clean runs in a fresh folder.
#   Tests/kill-test.sh [KILLS]     (default 20; CI runs a short round, the benchmark a long one)
# Prints kills, kills mid-publication (some but not all folders of the killed run published) and
# failures; exits 1 on any failure.
set -euo pipefail
kills=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/pao-batch"
[ -x "$bin" ] || swift build -c release --package-path "$root" >/dev/null
work=$(mktemp -d /tmp/pao-kill.XXXXXX)
trap 'rm -rf "$work"' EXIT
dates=(2026-11-28 2026-11-29)
for out in Output Reference; do
  sed -e "s|\"input\": \"Input\"|\"input\": \"$root/Input\"|" -e "s|\"output\": \"Output\"|\"output\": \"$out\"|" \
    "$root/jobs.json" > "$work/$out.json"
done

# Every published folder (<as-of> and latest links) is whole; prints the problems found.
check_folders() {
  local problems=0 folder
  for folder in "$work"/Output/sites/*/*/20*-*-* "$work"/Output/sites/*/*/latest; do
    [ -e "$folder" ] || continue
    if ! (cd "$folder" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1 && gzip -t ./*.gz 2>/dev/null \
          && diff <(ls | grep -v '^SHA256SUMS$') <(cut -c67- SHA256SUMS) >/dev/null); then
      echo "broken folder after a kill: $folder"; problems=$((problems + 1))
    fi
  done
  # Every site feed parses and names only published folders (SPEC §11); every page is whole (§12).
  # Debian's python3, where the README's apt-get put feedparser (a pyenv or venv python3 may come
  # first on PATH without it).
  if ! /usr/bin/python3 - "$work/Output" <<'PY'
import feedparser, glob, os, re, sys, urllib.parse
bad = []
for feed in glob.glob(sys.argv[1] + '/sites/*/feed.atom'):
    d = feedparser.parse(feed)
    if d.bozo: bad.append(feed)
    bad += [feed + ' ' + e.link for e in d.entries
            if not os.path.isfile(os.path.join(os.path.dirname(feed), e.link, 'MANIFEST.json'))]
for page in glob.glob(sys.argv[1] + '/sites/*/index.html'):
    html = open(page, encoding='utf-8').read()
    if not html.endswith('</html>\n'): bad.append(page + ' is cut short')
    bad += [page + ' ' + h for h in re.findall(r'href="([^"]+)"', html)
            if not os.path.exists(os.path.join(os.path.dirname(page), urllib.parse.unquote(h)))]
print('\n'.join('broken feed or page after a kill: ' + b for b in bad))
sys.exit(1 if bad else 0)
PY
  then problems=$((problems + 1)); fi
  return $problems
}

# The version folder names each (site, job, as-of) link points to, one per line.
published_versions() {
  find "$work/Output/sites" -mindepth 3 -maxdepth 3 -name '20*-*-*' -printf '%p %l\n' 2>/dev/null | sort
}

# Typical duration of one run, to draw kill moments from.
start=$(date +%s%N)
"$bin" run --config "$work/Output.json" --as-of "${dates[0]}" --quiet
duration=$(( ($(date +%s%N) - start) / 1000000 ))
failures=0
mid=0
for ((i = 1; i <= kills; i++)); do
  date=${dates[$((i % 2))]}
  before=$(published_versions)
  "$bin" run --config "$work/Output.json" --as-of "$date" --quiet &
  pid=$!
  sleep "$(awk -v ms="$duration" -v r="$RANDOM" 'BEGIN { printf "%.3f", ms * (0.2 + r / 32768) / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  after=$(published_versions)
  changed=$(comm -13 <(echo "$before") <(echo "$after") | wc -l)
  if [ "$changed" -gt 0 ] && [ "$changed" -lt "$(echo "$after" | grep -c "/$date " || true)" ]; then mid=$((mid + 1)); fi
  check_folders || failures=$((failures + 1))
done

# Convergence: a clean run per date here equals clean runs into a fresh folder.
for date in "${dates[@]}"; do
  "$bin" run --config "$work/Output.json" --as-of "$date" --quiet || { echo "clean run after the kills failed"; failures=$((failures + 1)); }
  "$bin" run --config "$work/Reference.json" --as-of "$date" --quiet
done
for folder in "$work"/Reference/sites/*/*/20*-*-*; do
  relative=${folder#"$work/Reference/"}
  if ! diff -r "$folder/" "$work/Output/$relative/" >/dev/null; then
    echo "did not converge: $relative"; failures=$((failures + 1))
  fi
done
for feed in "$work"/Reference/sites/*/feed.atom; do
  relative=${feed#"$work/Reference/"}
  cmp -s "$feed" "$work/Output/$relative" || { echo "feed did not converge: $relative"; failures=$((failures + 1)); }
done
if ls -a "$work/Output" | grep -q '^\.stage-'; then echo "staging left behind after a clean run"; failures=$((failures + 1)); fi
echo "kills $kills, mid-publication $mid, failures $failures (run takes about $duration ms)"
[ "$failures" -eq 0 ]
