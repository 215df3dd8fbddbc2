#!/usr/bin/env bash
# myapp-webapi --database postgres scaled out, as issue 27 describes it: two published instances behind nginx on one
# PostgreSQL server (a cluster of the benchmark's own, on a free port, so that it may restart it), against one instance
# spoken to directly, in the same run:
#  1. requests per second for GET /users/{id}: one instance direct, then nginx over two instances (wrk on loopback);
#  2. the database restarted under write load (8 clients posting new users through nginx): how each request was
#     answered and the time from the database's return to the first 201.
# Prints figures; asserts nothing. Needs wrk and nginx (apt-get install -y wrk nginx-light).
#   bench/scale-out.sh [wrk seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq nginx-light >/dev/null; }
source bench/common.sh scale-out
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
ulimit -n 20000

dotnet new myapp-webapi -n Bench.Api -o "$work/api" --database postgres --debug:custom-hive "$hive" >/dev/null
dotnet publish "$work/api/src/Bench.Api" -c Release -o "$work/api-out" >/dev/null

# The benchmark's own PostgreSQL 15 cluster (initdb refuses root, so it runs as postgres), stopped on exit.
pg_bin=/usr/lib/postgresql/15/bin
pg_port=$((20000 + RANDOM % 20000))
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg" && chmod 755 "$work"
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
pg_start="runuser -u postgres -- $pg_bin/pg_ctl -D $work/pg/data -l $work/pg/server.log -w start -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c max_connections=300'"
pg_stop="runuser -u postgres -- $pg_bin/pg_ctl -D $work/pg/data -m fast -w stop"
trap 'kill $(jobs -p) 2>/dev/null || true; $pg_stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$pg_start" >/dev/null
psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE shop"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=shop" Database__MigrateOnStartup=true

# Two instances, started together on the empty database (both migrate), and nginx over them.
for port in 5311 5312; do
  (cd "$work/api-out" && exec ./Bench.Api --urls "http://127.0.0.1:$port" >"$work/api-$port.log" 2>&1) &
done
for port in 5311 5312; do
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
done
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream app { server 127.0.0.1:5311; server 127.0.0.1:5312; keepalive 64; }
  server {
    listen 127.0.0.1:5310;
    location / {
      proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
until curl -sf http://127.0.0.1:5310/health/ready >/dev/null; do sleep 0.1; done

id=$(curl -sf -X POST http://127.0.0.1:5310/users -H 'Content-Type: application/json' -d '{"email":"bench@example.com","name":"Bench"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
rps() { wrk -t2 -c64 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx:" $4 > "/dev/stderr"}'; }
rps "http://127.0.0.1:5311/users/$id" >/dev/null; rps "http://127.0.0.1:5310/users/$id" >/dev/null # warm-up
direct_rps=$(rps "http://127.0.0.1:5311/users/$id")
proxied_rps=$(rps "http://127.0.0.1:5310/users/$id")
echo "requests per second, GET /users/{id}, wrk -t2 -c64 -d${seconds}s on loopback, after a warm-up (2 cores shared by all)"
printf '  %-50s %10s\n' "one instance, direct" "$direct_rps"
printf '  %-50s %10s   ratio %s\n' "nginx over two instances" "$proxied_rps" "$(ratio "$proxied_rps" "$direct_rps")"

echo "the database restarted (pg_ctl stop -m fast, 2 s away, start) under 8 clients posting through nginx"
python3 bench/webapi/restart_recovery.py http://127.0.0.1:5310 "$pg_stop" "$pg_start" 8 | sed 's/^/  /'
echo "  500s in the instances' logs: $(cat "$work"/api-531*.log | grep -c 'failed with 500' || true)"
