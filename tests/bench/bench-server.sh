#!/usr/bin/env bash
# bench-server.sh: helder-server's throughput under wrk (50 connections),
# next to a bare libsoup handler returning the same bytes in the same run.
#
#   bench-server.sh HELDER-SERVER BARE-SOUP PUSH-LUA
#
# Prints requests per second for "changes with nothing new" as a synced
# client asks (since its version, If-Modified-Since-Version: 304), for the
# first page of an empty library (200 with JSON), for a full page of an
# organisation with 200 records (about 62 KB), for pushes of 10 records
# each, and the server's resident memory after the load.  Each changes
# figure stands next to a bare libsoup handler answering the same bytes,
# with its ratio.
set -euo pipefail

server_bin=$1 bare_bin=$2 push_lua=$3
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (apt-get install wrk)"; exit 77; }

dir=$(mktemp -d)
trap 'kill $server_pid $bare_pid 2>/dev/null || true; rm -rf "$dir"' EXIT

"$server_bin" admin --data-dir "$dir/server" create-org hillegom "Gemeente Hillegom" >/dev/null
echo "geheim-wachtwoord" | "$server_bin" admin --data-dir "$dir/server" add-user --org hillegom \
  --role advisor --password-stdin sanne >/dev/null
"$server_bin" --data-dir "$dir/server" --listen 127.0.0.1:0 > "$dir/server.log" &
server_pid=$!

port_of() {
  for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http[^ ]*\)$/\1/p' "$1" | head -n 1)
    [ -n "$url" ] && { echo "${url%/}"; return; }
    sleep 0.05
  done
  echo "bench-server: no server" >&2; exit 1
}
url=$(port_of "$dir/server.log")

token=$(curl -sf -X POST -H 'Content-Type: application/json' \
          --data '{"user":"sanne","password":"geheim-wachtwoord"}' "$url/v1/login" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
curl -sf -H "Authorization: Bearer $token" "$url/v1/changes?since=0" > "$dir/body.json"

"$bare_bin" "$dir/body.json" > "$dir/bare.log" &
bare_pid=$!
bare_url=$(port_of "$dir/bare.log")
version=$(sed -n 's/.*"library_version":\([0-9]*\).*/\1/p' "$dir/body.json")
"$bare_bin" --not-modified "$version" > "$dir/bare304.log" &
bare304_pid=$!
bare304_url=$(port_of "$dir/bare304.log")
trap 'kill $server_pid $bare_pid $bare304_pid 2>/dev/null || true; rm -rf "$dir"' EXIT

rate() { sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

noop=$(wrk -t2 -c50 -d10s -H "Authorization: Bearer $token" -H "If-Modified-Since-Version: $version" \
         "$url/v1/changes?since=$version" | rate)
bare_noop=$(wrk -t2 -c50 -d10s "$bare304_url/v1/changes?since=$version" | rate)
changes=$(wrk -t2 -c50 -d10s -H "Authorization: Bearer $token" "$url/v1/changes?since=0" | rate)
bare=$(wrk -t2 -c50 -d10s "$bare_url/v1/changes?since=0" | rate)

# An organisation with 200 records: 20 pushes of 10 priorities with some
# text, then the full first page a new desk asks for
text="Betaalbare woningen voor starters en senioren in de kern, met aandacht voor doorstroming"
for p in $(seq 20); do
  records=""
  for i in $(seq 10); do
    n=$(( (p - 1) * 10 + i ))
    id=$(printf '%08x-0000-4000-8000-%012x' 200 "$n")
    records="$records${records:+,}{\"id\":\"$id\",\"type\":\"priority\",\"base_version\":0,\"data\":{\"title\":\"Prioriteit $n\",\"rationale\":\"$text\",\"theme\":\"Wonen\",\"rank\":$n}}"
  done
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: bench-200-$p" --data "{\"records\":[$records]}" "$url/v1/push"
done
curl -sf -H "Authorization: Bearer $token" "$url/v1/changes?since=0" > "$dir/page.json"
"$bare_bin" "$dir/page.json" > "$dir/bare-page.log" &
bare_page_pid=$!
bare_page_url=$(port_of "$dir/bare-page.log")
trap 'kill $server_pid $bare_pid $bare304_pid $bare_page_pid 2>/dev/null || true; rm -rf "$dir"' EXIT
page_records=$(grep -o '"type":"priority"' "$dir/page.json" | wc -l)
page_bytes=$(wc -c < "$dir/page.json")
page=$(wrk -t2 -c50 -d10s -H "Authorization: Bearer $token" "$url/v1/changes?since=0" | rate)
bare_page=$(wrk -t2 -c50 -d10s "$bare_page_url/v1/changes?since=0" | rate)

pushes=$(wrk -t2 -c50 -d10s -s "$push_lua" -H "Authorization: Bearer $token" "$url/v1/push" | rate)
rss=$(ps -o rss= -p "$server_pid")

echo "changes with nothing new (If-Modified-Since-Version, 304): $noop requests/s (goal: at least 5000)"
echo "  bare libsoup handler, same bytes: $bare_noop requests/s (ratio $(ratio "$noop" "$bare_noop"))"
echo "first page of an empty library (200, JSON): $changes requests/s"
echo "  bare libsoup handler, same bytes: $bare requests/s (ratio $(ratio "$changes" "$bare"))"
echo "full page of $page_records records ($((page_bytes / 1024)) KB): $page requests/s (goal: at least 0.40 of bare)"
echo "  bare libsoup handler, same bytes: $bare_page requests/s (ratio $(ratio "$page" "$bare_page"))"
echo "pushes of 10 records: $pushes requests/s (goal: at least 500)"
echo "helder-server resident memory after the load: $((rss / 1024)) MB"
