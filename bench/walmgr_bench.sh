#!/bin/bash
# walmgr benchmark: base backup, archiving throughput and per-call start-up time.
#
#   bench/walmgr_bench.sh            # ~2 GB cluster
#   SIZE_MB=256 bench/walmgr_bench.sh
#
# Needs: the walmgr module built (mvn -o -Dquick -pl walmgr -am install), PostgreSQL binaries
# (PGBIN), rsync, and root (servers and walmgr run as the postgres user) or the postgres user
# itself. Everything lives under WORK and uses PORT; both are removed/stopped at the end.
#
# 1. base backup of the cluster: "walmgr backup" (rsync into the slave directory, a second run
#    shows the rsync delta on an unchanged cluster) versus "pg_basebackup -D" onto the same disk;
# 2. archiving: WAL of a bulk load (plus 32 segment switches) piles up while archiving is held
#    back, then the archiver drains the backlog through "walmgr xarchive" (copy, fsync, link, fsync directory) versus
#    "cp %p"; figures are segments per second;
# 3. per-call start-up time of the per-segment commands (xrestore answering a missing history
#    file at once), with and without the class-data-sharing archive, versus /bin/cp.
set -euo pipefail

SIZE_MB=${SIZE_MB:-2048}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${PORT:-55450}
WORK=${WORK:-/tmp/walmgr-bench}
CALLS=${CALLS:-20}
REPO=$(cd "$(dirname "$0")/.." && pwd)

if [ "$(id -u)" = 0 ]; then AS_PG="runuser -u postgres --"; else AS_PG=""; fi
pg() { $AS_PG "$@"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
psql_m() { pg "$PGBIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "$1"; }

cleanup() {
    [ -f "$WORK/master/postmaster.pid" ] && pg "$PGBIN/pg_ctl" -D "$WORK/master" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

classpath=$REPO/walmgr/target/runtime-classpath.txt
jar=$(ls "$REPO"/walmgr/target/walmgr-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)
if [ ! -f "$classpath" ] || [ -z "$jar" ]; then
    echo "build walmgr first: mvn -o -Dquick -pl walmgr -am install" >&2
    exit 2
fi

rm -rf "$WORK"
mkdir -p "$WORK/dist/bin" "$WORK/dist/lib/cds" "$WORK/ws"
cp $(tr ':' ' ' < "$classpath") "$jar" "$WORK/dist/lib/"
cp "$REPO/debian/src/lib/skytools-launch" "$REPO/debian/src/lib/skytools-cds" "$WORK/dist/lib/"
cp "$REPO/debian/src/bin/walmgr" "$WORK/dist/bin/"
chmod 755 "$WORK/dist/lib/skytools-launch" "$WORK/dist/lib/skytools-cds" "$WORK/dist/bin/walmgr"
WALMGR=$WORK/dist/bin/walmgr
[ -n "$AS_PG" ] && chown -R postgres: "$WORK"
chmod 755 "$WORK"

echo "== setting up a ${SIZE_MB} MB cluster on port $PORT"
pg "$PGBIN/initdb" -D "$WORK/master" -A trust -U postgres --no-locale -E UTF8 >/dev/null
cat >> "$WORK/master/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = '/bin/true'
max_wal_size = 8GB
checkpoint_timeout = 30min
log_min_messages = warning
CONF
pg "$PGBIN/pg_ctl" -D "$WORK/master" -l "$WORK/master.log" -w start >/dev/null

cat > "$WORK/master.ini" <<INI
[walmgr]
job_name = bench-master
master_db = host=127.0.0.1 port=$PORT dbname=postgres user=postgres
master_data = $WORK/master
master_config = $WORK/master/postgresql.conf
master_bin = $PGBIN
slave =
slave_config = $WORK/slave.ini
walmgr_data = $WORK/ws
completed_wals = %(walmgr_data)s/logs.complete
partial_wals = %(walmgr_data)s/logs.partial
full_backup = %(walmgr_data)s/data.master
config_backup = %(walmgr_data)s/config.backup
walmgr_command = $WALMGR
fast_checkpoint = 1
INI
cat > "$WORK/slave.ini" <<INI
[walmgr]
job_name = bench-slave
slave_data = $WORK/slave
slave_start_cmd = true
walmgr_data = $WORK/ws
completed_wals = %(walmgr_data)s/logs.complete
partial_wals = %(walmgr_data)s/logs.partial
full_backup = %(walmgr_data)s/data.master
config_backup = %(walmgr_data)s/config.backup
walmgr_command = $WALMGR
keep_backups = 0
INI
[ -n "$AS_PG" ] && chown postgres: "$WORK"/*.ini

scale=$(( SIZE_MB / 15 > 0 ? SIZE_MB / 15 : 1 ))
t0=$(now)
pg "$PGBIN/pgbench" -i -q -s "$scale" -h 127.0.0.1 -p "$PORT" -U postgres postgres >/dev/null 2>&1
t1=$(now)
dbsize=$(psql_m "select pg_database_size('postgres') / 1048576")
echo "loaded pgbench scale $scale: ${dbsize} MB in $(secs "$t0" "$t1") s"

# the CDS archive is created by the first call, outside the measurements
pg "$WALMGR" --version >/dev/null
pg "$WALMGR" "$WORK/master.ini" setup -q
psql_m "select pg_switch_wal()" >/dev/null
psql_m "checkpoint" >/dev/null

echo
echo "== 1. base backup (fast checkpoint, same disk)"
t0=$(now); pg "$WALMGR" "$WORK/master.ini" backup -q; t1=$(now)
wb=$(secs "$t0" "$t1")
t0=$(now); pg "$WALMGR" "$WORK/master.ini" backup -q; t1=$(now)
wb2=$(secs "$t0" "$t1")
t0=$(now)
pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$WORK/pgbb" -X none -c fast 2>/dev/null
t1=$(now)
bb=$(secs "$t0" "$t1")
wsize=$(du -sm "$WORK/ws/data.master" | cut -f1)
bsize=$(du -sm "$WORK/pgbb" | cut -f1)
printf "walmgr backup           %8s s  (%s MB)\n" "$wb" "$wsize"
printf "walmgr backup, again    %8s s  (rsync of an unchanged cluster)\n" "$wb2"
printf "pg_basebackup -D        %8s s  (%s MB)\n" "$bb" "$bsize"
printf "ratio walmgr/pg_basebackup: %s (first), %s (again)\n" "$(ratio "$wb" "$bb")" "$(ratio "$wb2" "$bb")"
rm -rf "$WORK/pgbb"

echo
echo "== 2. archiving a bulk load's WAL backlog"
archive_backlog() { # $1 = archive_command; prints "segments seconds"
    psql_m "alter system set archive_command = '/bin/false'" >/dev/null
    psql_m "select pg_reload_conf()" >/dev/null
    psql_m "drop table if exists bulk" >/dev/null
    psql_m "create table bulk as select g, md5(g::text) as t from generate_series(1, $((SIZE_MB * 3000))) g" >/dev/null
    # at least 32 segments, so that the rate is not about a handful of files
    for _ in $(seq 32); do
        psql_m "insert into bulk values (0, ''); select pg_switch_wal()" >/dev/null
    done
    local last before ready
    last=$(psql_m "select pg_walfile_name(pg_current_wal_lsn() - 1)")
    before=$(psql_m "select archived_count from pg_stat_archiver")
    ready=$(ls "$WORK/master/pg_wal/archive_status" | grep -c '\.ready$' || true)
    local start end
    start=$(now)
    psql_m "alter system set archive_command = '$1'" >/dev/null
    psql_m "select pg_reload_conf()" >/dev/null
    until [ "$(ls "$WORK/master/pg_wal/archive_status" | grep -c '\.ready$' || true)" = 0 ]; do sleep 0.05; done
    end=$(now)
    local after
    after=$(psql_m "select archived_count from pg_stat_archiver")
    echo "$((after - before)) $(secs "$start" "$end") $ready"
}
mkdir -p "$WORK/cparchive"; [ -n "$AS_PG" ] && chown postgres: "$WORK/cparchive"
wal_cmd="$WALMGR $WORK/master.ini xarchive %p %f"
read -r wn wt wready < <(archive_backlog "$wal_cmd")
read -r cn ct cready < <(archive_backlog "test ! -f $WORK/cparchive/%f && cp %p $WORK/cparchive/%f")
wrate=$(ratio "$wn" "$wt"); crate=$(ratio "$cn" "$ct")
printf "walmgr xarchive  %4s segments in %7s s = %7s segments/s\n" "$wn" "$wt" "$wrate"
printf "cp %%p            %4s segments in %7s s = %7s segments/s\n" "$cn" "$ct" "$crate"
printf "ratio xarchive/cp: %s (xarchive also fsyncs each file and its directory; cp does not)\n" \
    "$(ratio "$wrate" "$crate")"
psql_m "alter system reset archive_command" >/dev/null
psql_m "select pg_reload_conf()" >/dev/null

echo
echo "== 3. start-up time per call ($CALLS calls each)"
percall() { # command... ; prints ms per call
    local s e
    s=$(now)
    for _ in $(seq "$CALLS"); do "$@" >/dev/null 2>&1 || true; done
    e=$(now)
    awk -v a="$s" -v b="$e" -v n="$CALLS" 'BEGIN { printf "%.0f", (b - a) / n / 1e6 }'
}
seg=$(ls "$WORK/ws/logs.complete" | grep -E '^[0-9A-F]{24}$' | head -n 1)
with_cds=$(percall pg "$WALMGR" "$WORK/slave.ini" xrestore 000000FF.history "$WORK/x")
arch_cds=$(percall pg "$WALMGR" "$WORK/master.ini" xarchive "$WORK/ws/logs.complete/$seg" "$seg")
mv "$WORK/dist/lib/cds/walmgr.jsa" "$WORK/walmgr.jsa"
no_cds=$(percall pg env WALMGR_CDS=off "$WALMGR" "$WORK/slave.ini" xrestore 000000FF.history "$WORK/x")
mv "$WORK/walmgr.jsa" "$WORK/dist/lib/cds/walmgr.jsa"
cp_call=$(percall pg /bin/cp "$WORK/ws/logs.complete/$seg" "$WORK/x")
printf "xrestore (missing history file), CDS archive   %5s ms\n" "$with_cds"
printf "xrestore (missing history file), no archive    %5s ms\n" "$no_cds"
printf "xarchive of an archived segment (16 MB compare) %4s ms\n" "$arch_cds"
printf "/bin/cp of a segment                            %4s ms\n" "$cp_call"
printf "ratio no-CDS/CDS: %s\n" "$(ratio "$no_cds" "$with_cds")"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
