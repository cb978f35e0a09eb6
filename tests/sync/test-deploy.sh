#!/usr/bin/env bash
# test-deploy.sh: the production files in data/ work as shipped.
#
#   test-deploy.sh SOURCE-DIR HELDER-SERVER
#
# - helder-server-pair.nginx.conf passes `nginx -t` with a self-signed
#   certificate made here (only the certificate paths and the ports are
#   changed), then nginx runs it in front of two helder-server instances
#   and requests over TLS reach both, with the servers' own answers.
# - helder-server@.service and helder-server.service pass
#   `systemd-analyze verify` (the binary path pointed at the build).
# Exits 77 (skip) without nginx.
set -euo pipefail

src=$1 server_bin=$(realpath "$2")
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "test-deploy: nginx is not installed (apt-get install nginx)"; exit 77; }

dir=$(mktemp -d /tmp/helder-deploy-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

# Free ports: four in a row from a random start
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
base=$((20000 + RANDOM % 20000))
while ! { port_free $base && port_free $((base + 1)) && port_free $((base + 2)) && port_free $((base + 3)); }; do
  base=$((base + 4))
done
one=$base two=$((base + 1)) https=$((base + 2)) http=$((base + 3))

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=helder.hltsamen.nl" \
  -addext "subjectAltName=DNS:helder.hltsamen.nl" \
  -keyout "$dir/tls.key" -out "$dir/tls.pem" >/dev/null 2>&1

sed -e "s|/etc/ssl/certs/helder.hltsamen.nl.pem|$dir/tls.pem|" \
    -e "s|/etc/ssl/private/helder.hltsamen.nl.key|$dir/tls.key|" \
    -e "s|127.0.0.1:8081|127.0.0.1:$one|" -e "s|127.0.0.1:8082|127.0.0.1:$two|" \
    -e "s|listen 443 |listen 127.0.0.1:$https |" -e "s|listen \[::\]:443 |listen [::1]:$https |" \
    -e "s|listen 80;|listen 127.0.0.1:$http;|" -e "s|listen \[::\]:80;|listen [::1]:$http;|" \
    "$src/data/helder-server-pair.nginx.conf" > "$dir/site.conf"
# Nothing but the ports and the certificate changed
[ "$(diff "$src/data/helder-server-pair.nginx.conf" "$dir/site.conf" | grep -c '^>')" -eq 8 ]

cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 256; }
http {
    access_log $dir/access.log;
    include $dir/site.conf;
}
CONF
mkdir -p "$dir/prefix"
"$nginx" -t -p "$dir/prefix" -c "$dir/nginx.conf"

# Two instances (each its own data here; in production one database)
for port in $one $two; do
  "$server_bin" admin --data-dir "$dir/data-$port" create-org hillegom "Gemeente Hillegom" >/dev/null
  "$server_bin" --data-dir "$dir/data-$port" --listen "127.0.0.1:$port" > "$dir/server-$port.log" &
  pids+=($!)
done
for port in $one $two; do
  for _ in $(seq 100); do grep -q "listening on" "$dir/server-$port.log" && break; sleep 0.05; done
done

"$nginx" -p "$dir/prefix" -c "$dir/nginx.conf"
for _ in $(seq 100); do port_free $https || break; sleep 0.05; done

# Over TLS, through nginx: helder-server's own 401, with its data epoch
for _ in $(seq 6); do
  curl -s --cacert "$dir/tls.pem" --resolve "helder.hltsamen.nl:$https:127.0.0.1" \
    -D "$dir/headers" -o "$dir/body" "https://helder.hltsamen.nl:$https/v1/changes"
  grep -q '^HTTP/[0-9.]* 401' "$dir/headers"
  grep -qi '^Data-Epoch: ' "$dir/headers"
  grep -q '"error":"unauthorized"' "$dir/body"
done
# Plain HTTP is sent to HTTPS
curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -H 'Host: helder.hltsamen.nl' \
  "http://127.0.0.1:$http/v1/changes" | grep -q '^301 https://helder.hltsamen.nl/v1/changes$'
# Both instances answered
sleep 0.7   # their request logs are flushed twice a second
for port in $one $two; do
  grep -q '^GET /v1/changes 401' "$dir/server-$port.log" || { echo "instance $port got nothing"; exit 1; }
done
# One instance down: the other answers everything
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
for _ in $(seq 4); do
  curl -s --cacert "$dir/tls.pem" --resolve "helder.hltsamen.nl:$https:127.0.0.1" -o /dev/null \
    -w '%{http_code}\n' "https://helder.hltsamen.nl:$https/v1/changes" | grep -q '^401$'
done
echo "nginx: -t passes; TLS to two instances, failover to one"

# systemd units, pointed at the built binary
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$dir/units"
  sed "s|/usr/bin/helder-server|$server_bin|" "$src/data/helder-server@.service" > "$dir/units/helder-server@.service"
  sed "s|/usr/bin/helder-server|$server_bin|" "$src/data/helder-server.service" > "$dir/units/helder-server.service"
  ln -s helder-server@.service "$dir/units/helder-server@1.service"
  ( cd "$dir/units" && systemd-analyze verify --man=no ./helder-server@1.service ./helder-server.service ) \
    > "$dir/verify.log" 2>&1 || { cat "$dir/verify.log"; echo "systemd-analyze verify failed"; exit 1; }
  if [ -s "$dir/verify.log" ]; then cat "$dir/verify.log"; echo "systemd-analyze verify complained"; exit 1; fi
  echo "systemd: both units verify"
fi
