#!/usr/bin/env bash
# bench-server.sh: helder-server's throughput under wrk (50 connections),
# next to a bare libsoup handler returning the same bytes in the same run.
#
#   bench-server.sh HELDER-SERVER BARE-SOUP PUSH-LUA
#
# Prints requests per second for "changes with nothing new" as a synced
# client asks (since its version, If-Modified-Since-Version: 304), for the
# first page of an empty library (200 with JSON), for pushes of 10 records
# each, and the server's resident memory after the load.  Each changes
# figure stands next to a bare libsoup handler answering the same bytes.
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

noop=$(wrk -t2 -c50 -d10s -H "Authorization: Bearer $token" -H "If-Modified-Since-Version: $version" \
         "$url/v1/changes?since=$version" | rate)
bare_noop=$(wrk -t2 -c50 -d10s "$bare304_url/v1/changes?since=$version" | rate)
changes=$(wrk -t2 -c50 -d10s -H "Authorization: Bearer $token" "$url/v1/changes?since=0" | rate)
bare=$(wrk -t2 -c50 -d10s "$bare_url/v1/changes?since=0" | rate)
pushes=$(wrk -t2 -c50 -d10s -s "$push_lua" -H "Authorization: Bearer $token" "$url/v1/push" | rate)
rss=$(ps -o rss= -p "$server_pid")

echo "changes with nothing new (If-Modified-Since-Version, 304): $noop requests/s (goal: at least 5000)"
echo "  bare libsoup handler, same bytes: $bare_noop requests/s"
echo "first page of an empty library (200, JSON): $changes requests/s"
echo "  bare libsoup handler, same bytes: $bare requests/s"
echo "pushes of 10 records: $pushes requests/s (goal: at least 500)"
echo "helder-server resident memory after the load: $((rss / 1024)) MB"
