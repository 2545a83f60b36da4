#!/usr/bin/env bash
# scripts/setup.sh - make sure the services Tailor's demo and tests need are up:
#   PostgreSQL (any major Debian ships) with pgvector >= 0.8, databases
#   `tailor` and `test` with the `vector` extension, and Redis.
#
# Called by `make demo`, `make test` and CI on every run. It checks first and
# only does what is missing; when everything is there it takes well under a
# second and prints one summary line. Installing or starting things needs
# Debian and root (CI runs as root on a fresh Debian bookworm machine, without
# systemd, with only Debian's apt mirror and the Go module proxy reachable).
#
# Connection settings (loopback defaults):
#   TAILOR_PGHOST (127.0.0.1)  TAILOR_PGPORT (5432)  TAILOR_PGUSER (postgres)
#   TAILOR_REDIS_ADDR (127.0.0.1:6379)
#
# pgvector: Debian bookworm only packages 0.4.x, so when the server has no
# pgvector >= 0.8 the script builds Debian's own trixie source package of it
# against the running server's major version. The source is fetched through a
# private apt state under /var/cache/tailor-apt; the system's apt sources,
# lists and caches are left untouched.
set -euo pipefail

PGHOST_="${TAILOR_PGHOST:-127.0.0.1}"
PGPORT_="${TAILOR_PGPORT:-5432}"
PGUSER_="${TAILOR_PGUSER:-postgres}"
REDIS_ADDR_="${TAILOR_REDIS_ADDR:-127.0.0.1:6379}"
REDIS_PORT_="${REDIS_ADDR_##*:}"
REDIS_HOST_="${REDIS_ADDR_%:*}"
REDIS_HOST_="${REDIS_HOST_#[}"
REDIS_HOST_="${REDIS_HOST_%]}"

DATABASES=(tailor test)
PGVECTOR_MIN=0.8
WAIT_SECS=30
APT_PRIV_DIR=/var/cache/tailor-apt
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { printf 'setup: %s\n' "$*" >&2; }
die() {
	printf 'setup: error: %s\n' "$*" >&2
	exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

need_root() {
	is_root || die "need root to $1; run it as root (e.g. sudo $0) or do it by hand"
}

is_local() { # host names a service on this machine
	case "$1" in
	127.* | localhost | ::1 | /*) return 0 ;;
	*) return 1 ;;
	esac
}

ver_ge() { # ver_ge A B: version A >= version B
	[ -n "$1" ] && [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

wait_for() { # wait_for SECONDS CMD...: retry CMD until it succeeds or time runs out
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.5
	done
}

# --- logging of noisy commands ------------------------------------------------

LOG=""
start_log() {
	[ -n "$LOG" ] && return 0
	LOG="$(mktemp "${TMPDIR:-/tmp}/tailor-setup.XXXXXX.log")"
	trap 'rc=$?; if [ "$rc" -eq 0 ]; then rm -f "$LOG"; fi' EXIT
}

run() { # run CMD...: output goes to $LOG; on failure show its tail and stop
	start_log
	printf '\n$ %s\n' "$*" >>"$LOG"
	# 9>&-: daemons started from here (postgres, redis) must not inherit the lock fd
	if ! "$@" >>"$LOG" 2>&1 9>&-; then
		tail -n 30 "$LOG" | sed 's/^/setup:   | /' >&2
		die "failed: $* (full log: $LOG)"
	fi
}

# --- PostgreSQL helpers --------------------------------------------------------

pg_ready() { pg_isready -q -h "$PGHOST_" -p "$PGPORT_" -t 3 >/dev/null 2>&1; }

# q DB SQL: one query as the application user, unaligned output, no prompts.
q() {
	PGCONNECT_TIMEOUT=5 psql -X -q -A -t -w -v ON_ERROR_STOP=1 \
		-h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d "$1" -c "$2"
}

# admin DB SQL: one query as superuser postgres. Over TCP when that works
# (trust for 127.0.0.1); as root on a local server, over the Unix socket as the
# postgres OS user (peer auth) instead.
ADMIN_MODE=""
pick_admin() {
	[ -n "$ADMIN_MODE" ] && return 0
	if PGCONNECT_TIMEOUT=5 psql -X -q -A -t -w -h "$PGHOST_" -p "$PGPORT_" -U postgres \
		-d postgres -c 'SELECT 1' >/dev/null 2>&1; then
		ADMIN_MODE=tcp
	elif is_root && is_local "$PGHOST_" && id postgres >/dev/null 2>&1 &&
		(cd / && runuser -u postgres -- psql -X -q -A -t -w -p "$PGPORT_" -d postgres \
			-c 'SELECT 1') >/dev/null 2>&1; then
		ADMIN_MODE=socket
	else
		die "cannot connect to PostgreSQL at $PGHOST_:$PGPORT_ as superuser postgres; allow it (e.g. 'host all postgres 127.0.0.1/32 trust' in pg_hba.conf) or run as root"
	fi
}
admin() {
	if [ "$ADMIN_MODE" = tcp ]; then
		PGCONNECT_TIMEOUT=5 psql -X -q -A -t -w -v ON_ERROR_STOP=1 \
			-h "$PGHOST_" -p "$PGPORT_" -U postgres -d "$1" -c "$2"
	else
		(cd / && runuser -u postgres -- psql -X -q -A -t -w -v ON_ERROR_STOP=1 \
			-p "$PGPORT_" -d "$1" -c "$2")
	fi
}

# --- Redis helpers (plain bash /dev/tcp, so redis-cli is not needed) -----------

redis_cmd() { # redis_cmd 'INLINE COMMAND': print the raw reply
	# shellcheck disable=SC2016 # $1..$3 expand in the inner bash
	timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
		printf "%s\r\nQUIT\r\n" "$3" >&3
		cat <&3' _ "$REDIS_HOST_" "$REDIS_PORT_" "$1" 2>/dev/null || true
}
redis_ping() { [[ "$(redis_cmd PING)" == "+PONG"* ]]; }
redis_version() { redis_cmd 'INFO server' | tr -d '\r' | sed -n 's/^redis_version://p'; }

# --- apt -----------------------------------------------------------------------

APT_UPDATED=0
apt_update() {
	log "apt-get update"
	run apt-get update
	APT_UPDATED=1
}
has_candidate() { # (no `| grep -q`: with pipefail an early exit would fail the pipe)
	local policy
	policy="$(apt-cache policy "$1" 2>/dev/null)" || return 1
	[[ "$policy" == *"Candidate: "[!\(]* ]]
}
apt_install() { # apt_install PKG...: install with the system's own apt
	need_root "install $*"
	local p
	export DEBIAN_FRONTEND=noninteractive
	# a UTF-8 locale, so that the cluster the postgresql package creates is UTF8
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	if [ "$APT_UPDATED" -eq 0 ]; then
		for p in "$@"; do
			has_candidate "$p" || {
				apt_update
				break
			}
		done
	fi
	log "installing $* with apt"
	start_log
	if ! apt-get install -y -q --no-install-recommends "$@" >>"$LOG" 2>&1 9>&-; then
		# the package lists may be stale (files gone from the mirror): refresh once
		[ "$APT_UPDATED" -eq 0 ] || { tail -n 30 "$LOG" | sed 's/^/setup:   | /' >&2 && die "apt-get install $* failed (full log: $LOG)"; }
		apt_update
		run apt-get install -y -q --no-install-recommends "$@"
	fi
}

# debian_mirror: the first Debian (non-security) mirror URI in the system's apt
# configuration: deb822 .sources files first, then one-line .list files.
DEBIAN_SUITES='buster|bullseye|bookworm|trixie|forky|duke|sid|oldoldstable|oldstable|stable|testing|unstable'
debian_mirror() {
	local m="" f
	local -a sources=() lists=()
	for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && sources+=("$f"); done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && lists+=("$f"); done
	if [ "${#sources[@]}" -gt 0 ]; then
		m="$(awk -v suites="$DEBIAN_SUITES" '
			function debian(s,   n, a, i, b) {
				n = split(s, a, /[ \t]+/)
				for (i = 1; i <= n; i++) { b = a[i]; sub(/-.*/, "", b); if (b ~ ("^(" suites ")$")) return 1 }
				return 0
			}
			function flush(   n, a, i) {
				if (uris != "" && types ~ /(^|[ \t])deb(-src)?([ \t]|$)/ && enabled != "no" && debian(sfx)) {
					n = split(uris, a, /[ \t]+/)
					for (i = 1; i <= n; i++) if (a[i] ~ /^[a-z+]+:/ && a[i] !~ /security|^cdrom:/) { print a[i]; done = 1; exit }
				}
				uris = types = sfx = enabled = ""
			}
			FNR == 1 { flush() }
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[ \t]/ { next }
			{
				key = tolower($0); sub(/:.*/, "", key)
				val = $0; sub(/^[^:]*:[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
				if (key == "uris") uris = val
				else if (key == "types") types = val
				else if (key == "suites") sfx = val
				else if (key == "enabled") enabled = tolower(val)
			}
			END { if (!done) flush() }' "${sources[@]}")"
	fi
	if [ -z "$m" ] && [ "${#lists[@]}" -gt 0 ]; then
		m="$(awk -v suites="$DEBIAN_SUITES" '
			$1 == "deb" || $1 == "deb-src" {
				i = 2
				if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
				uri = $i; suite = $(i + 1); sub(/-.*/, "", suite)
				if (suite ~ ("^(" suites ")$") && uri !~ /security|^cdrom:/) { print uri; exit }
			}' "${lists[@]}")"
	fi
	[ -n "$m" ] || return 1
	printf '%s\n' "${m%/}"
}

# --- the steps -----------------------------------------------------------------

# check_all: is everything ready? Sets REASON when not, and the versions when so.
REASON="" PG_MAJOR="" VECTOR_VERSION="" REDIS_VERSION=""
check_all() {
	local db row
	if ! pg_ready; then
		REASON="PostgreSQL is not accepting connections on $PGHOST_:$PGPORT_"
		return 1
	fi
	if ! redis_ping; then
		REASON="Redis does not answer PING on $REDIS_HOST_:$REDIS_PORT_"
		return 1
	fi
	for db in "${DATABASES[@]}"; do
		if ! row="$(q "$db" "SELECT current_setting('server_version_num')::int / 10000, coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'), '')" 2>&1)"; then
			REASON="cannot use database $db on $PGHOST_:$PGPORT_ as $PGUSER_: $(printf '%s' "$row" | head -n 1)"
			return 1
		fi
		PG_MAJOR="${row%%|*}"
		VECTOR_VERSION="${row#*|}"
		if ! ver_ge "$VECTOR_VERSION" "$PGVECTOR_MIN"; then
			REASON="database $db has no pgvector >= $PGVECTOR_MIN (has: ${VECTOR_VERSION:-none})"
			return 1
		fi
	done
	REDIS_VERSION="$(redis_version)"
}

ensure_postgres() {
	local rc=0 line ver name status major fresh=0 conf hba u
	pg_isready -q -h "$PGHOST_" -p "$PGPORT_" -t 3 >/dev/null 2>&1 || rc=$?
	[ "$rc" -eq 0 ] && return 0
	if [ "$rc" -eq 1 ]; then # answers but rejects connections: starting up or shutting down
		log "PostgreSQL on $PGHOST_:$PGPORT_ is starting; waiting"
		wait_for "$WAIT_SECS" pg_ready && return 0
	fi
	is_local "$PGHOST_" || die "PostgreSQL at $PGHOST_:$PGPORT_ is not reachable, and it is not on this machine, so I cannot start it"
	need_root "start or install PostgreSQL"

	# A cluster on our port that is merely stopped: start it, change nothing.
	line=""
	if command -v pg_lsclusters >/dev/null 2>&1; then
		line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT_" '$3 == p && !n++ { print $1, $2, $4 }')"
	fi
	if [ -n "$line" ]; then
		read -r ver name status <<<"$line"
		if [ "$status" = down ]; then
			log "starting PostgreSQL cluster $ver/$name"
			run pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
		fi
		wait_for "$WAIT_SECS" pg_ready ||
			die "PostgreSQL cluster $ver/$name (port $PGPORT_) is not accepting connections on $PGHOST_:$PGPORT_ after ${WAIT_SECS}s; check listen_addresses and /var/log/postgresql/postgresql-$ver-$name.log"
		return 0
	fi

	# Nothing on our port: install PostgreSQL and/or create its main cluster.
	if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
		apt_install postgresql
		fresh=1
	fi
	major="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' | awk -F/ '{ print $5 }' | sort -V | tail -n 1)"
	[ -n "$major" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql after installing"
	if [ ! -f "/etc/postgresql/$major/main/postgresql.conf" ]; then
		log "creating PostgreSQL cluster $major/main on port $PGPORT_"
		run pg_createcluster --locale=C.UTF-8 -p "$PGPORT_" "$major" main
		fresh=1
	fi
	line="$(pg_lsclusters -h 2>/dev/null | awk -v v="$major" '$1 == v && $2 == "main" && !n++ { print $3, $4 }')"
	if [ "$fresh" -eq 0 ]; then
		die "PostgreSQL cluster $major/main exists but not on port $PGPORT_ (pg_lsclusters: ${line:-?}); set TAILOR_PGPORT or start it yourself"
	fi

	# Fresh cluster: listen on 127.0.0.1:$PGPORT_, trust local TCP for postgres.
	conf="/etc/postgresql/$major/main"
	log "configuring cluster $major/main: listen on 127.0.0.1:$PGPORT_, trust postgres from 127.0.0.1"
	mkdir -p "$conf/conf.d"
	printf "# written by Tailor's scripts/setup.sh\nlisten_addresses = '127.0.0.1'\nport = %s\n" "$PGPORT_" >"$conf/conf.d/90-tailor.conf"
	hba="$conf/pg_hba.conf"
	if ! grep -q "Tailor's scripts/setup.sh" "$hba"; then
		{
			echo "# added by Tailor's scripts/setup.sh: local TCP connections for tests"
			for u in $(printf '%s\n' postgres "$PGUSER_" | sort -u); do
				printf 'host all %s 127.0.0.1/32 trust\n' "$u"
			done
			cat "$hba"
		} >"$hba.tailor.tmp"
		chown --reference="$hba" "$hba.tailor.tmp"
		chmod --reference="$hba" "$hba.tailor.tmp"
		mv "$hba.tailor.tmp" "$hba"
	fi
	# (Outside containers the package may have started the cluster already.)
	if [ "$(awk '{ print $2 }' <<<"$line")" = down ]; then
		log "starting PostgreSQL cluster $major/main"
		run pg_ctlcluster --skip-systemctl-redirect "$major" main start
	else
		log "restarting PostgreSQL cluster $major/main"
		run pg_ctlcluster --skip-systemctl-redirect "$major" main restart
	fi
	wait_for "$WAIT_SECS" pg_ready ||
		die "PostgreSQL did not accept connections on $PGHOST_:$PGPORT_ within ${WAIT_SECS}s; see /var/log/postgresql/postgresql-$major-main.log"
}

ensure_redis() {
	local reply
	redis_ping && return 0
	reply="$(redis_cmd PING)"
	reply="${reply%%$'\r'*}"
	[ -z "$reply" ] || die "Redis at $REDIS_HOST_:$REDIS_PORT_ answers PING with '$reply', not PONG"
	is_local "$REDIS_HOST_" || die "Redis at $REDIS_HOST_:$REDIS_PORT_ is not reachable, and it is not on this machine, so I cannot start it"
	need_root "start or install Redis"
	if ! command -v redis-server >/dev/null 2>&1; then
		apt_install redis-server
		# (Outside containers the package may have started it already.)
		wait_for 3 redis_ping && return 0
	fi
	log "starting redis-server on 127.0.0.1:$REDIS_PORT_"
	mkdir -p /var/lib/redis /var/log/redis
	run redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT_" \
		--save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
	wait_for "$WAIT_SECS" redis_ping ||
		die "Redis did not answer on $REDIS_HOST_:$REDIS_PORT_ within ${WAIT_SECS}s; see /var/log/redis/ci.log"
}

ensure_databases() {
	local db
	pick_admin
	if [ "$PGUSER_" != postgres ]; then
		[[ "$PGUSER_" =~ ^[a-z_][a-z0-9_]*$ ]] || die "TAILOR_PGUSER '$PGUSER_' must be a plain lower-case identifier"
		if [ -z "$(admin postgres "SELECT 1 FROM pg_roles WHERE rolname = '$PGUSER_'")" ]; then
			log "creating role $PGUSER_"
			admin postgres "CREATE ROLE $PGUSER_ LOGIN CREATEDB" >/dev/null
		fi
	fi
	for db in "${DATABASES[@]}"; do
		if [ -z "$(admin postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
			log "creating database $db"
			admin postgres "CREATE DATABASE $db OWNER $PGUSER_" >/dev/null
		fi
	done
}

# build_pgvector MAJOR: build Debian's trixie pgvector source for PostgreSQL MAJOR.
build_pgvector() {
	local major="$1" pgc mirror src started=$SECONDS
	local -a pkgs=() apt_priv
	is_local "$PGHOST_" || die "pgvector >= $PGVECTOR_MIN is missing on the server at $PGHOST_:$PGPORT_, which is not on this machine; install it there"
	[ -x "/usr/lib/postgresql/$major/bin/postgres" ] ||
		die "pgvector >= $PGVECTOR_MIN is missing, and PostgreSQL $major's files are not on this machine (/usr/lib/postgresql/$major): is the server on $PGHOST_:$PGPORT_ in a container? Install pgvector there"
	need_root "build and install pgvector"
	[ -f "$DEBIAN_KEYRING" ] || die "$DEBIAN_KEYRING is missing (package debian-archive-keyring)"
	mirror="$(debian_mirror)" || die "no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/"
	pgc="/usr/lib/postgresql/$major/bin/pg_config" # not /usr/bin/pg_config: it may be another major

	command -v dpkg-source >/dev/null 2>&1 || pkgs+=(dpkg-dev)
	# (pgxs.mk ships with the client package; the server headers do not)
	if [ ! -x "$pgc" ] || [ ! -f "$("$pgc" --includedir-server 2>/dev/null)/postgres.h" ]; then
		pkgs+=("postgresql-server-dev-$major")
	fi
	{ command -v make && command -v gcc && [ -f /usr/include/stdio.h ]; } >/dev/null 2>&1 || pkgs+=(build-essential)
	[ "${#pkgs[@]}" -eq 0 ] || apt_install "${pkgs[@]}"

	# Private apt state: its own sources list (one deb-src line), lists and
	# caches, so the system's apt configuration, lists and caches stay as they
	# are. The -c file drops the system's update hooks (e.g. Docker images'
	# docker-clean, which would delete the system's own caches).
	log "fetching pgvector source (Debian trixie) from $mirror"
	start_log
	mkdir -p "$APT_PRIV_DIR/lists/partial" "$APT_PRIV_DIR/cache/archives/partial"
	printf 'deb-src [signed-by=%s] %s trixie main\n' "$DEBIAN_KEYRING" "$mirror" >"$APT_PRIV_DIR/sources.list"
	printf '#clear APT::Update::Post-Invoke;\n#clear APT::Update::Post-Invoke-Success;\n#clear DPkg::Post-Invoke;\n' >"$APT_PRIV_DIR/apt.conf"
	apt_priv=(
		-c "$APT_PRIV_DIR/apt.conf"
		-o "Dir::Etc::SourceList=$APT_PRIV_DIR/sources.list"
		-o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$APT_PRIV_DIR/lists"
		-o "Dir::Cache=$APT_PRIV_DIR/cache"
		-o Dir::Cache::pkgcache=
		-o Dir::Cache::srcpkgcache=
	)
	if ! apt-get "${apt_priv[@]}" update >>"$LOG" 2>&1 9>&-; then
		# most likely an old keyring without the trixie keys: update it and retry
		apt_install debian-archive-keyring
		run apt-get "${apt_priv[@]}" update
	fi
	rm -rf "$APT_PRIV_DIR/src"
	mkdir -p "$APT_PRIV_DIR/src"
	# let apt's unprivileged download user write there (else it warns and downloads as root)
	if id _apt >/dev/null 2>&1; then chown _apt "$APT_PRIV_DIR/src"; fi
	# apt-get source unpacks with `dpkg-source --no-check -x`; the files'
	# integrity is already checked by apt against the signed InRelease, so no
	# --allow-unauthenticated is needed.
	(cd "$APT_PRIV_DIR/src" && run apt-get "${apt_priv[@]}" source pgvector)
	src="$(find "$APT_PRIV_DIR/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' -print -quit)"
	if [ -z "$src" ] || [ ! -f "$src/vector.control" ]; then
		die "apt-get source pgvector gave no source tree in $APT_PRIV_DIR/src"
	fi

	# OPTFLAGS="": no -march=native, so the library runs on any x86-64 CPU.
	# with_llvm=no: skip the JIT bitcode, which would need a matching clang.
	log "building pgvector $(basename "$src" | sed 's/^pgvector-//') for PostgreSQL $major"
	run make -C "$src" -j"$(nproc 2>/dev/null || echo 2)" PG_CONFIG="$pgc" OPTFLAGS="" with_llvm=no
	run make -C "$src" PG_CONFIG="$pgc" OPTFLAGS="" with_llvm=no install
	log "pgvector built and installed in $((SECONDS - started))s"
}

ensure_pgvector() {
	local major avail db v why=""
	pick_admin
	major="$(admin postgres "SELECT current_setting('server_version_num')::int / 10000")"
	avail="$(admin postgres "SELECT coalesce(default_version, '') FROM pg_available_extensions WHERE name = 'vector'")"
	if [ -z "$avail" ]; then
		why="not installed"
	elif ! ver_ge "$avail" "$PGVECTOR_MIN"; then
		why="version $avail < $PGVECTOR_MIN"
	elif ! admin test "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public" >/dev/null 2>&1; then
		why="installed files do not load"
	fi
	if [ -n "$why" ]; then
		log "pgvector for PostgreSQL $major: $why; building it"
		build_pgvector "$major"
	fi
	for db in "${DATABASES[@]}"; do
		v="$(admin "$db" "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
		if [ -z "$v" ]; then
			log "creating extension vector in database $db"
			admin "$db" "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public" >/dev/null ||
				die "CREATE EXTENSION vector failed in database $db"
		elif ! ver_ge "$v" "$PGVECTOR_MIN"; then
			log "updating extension vector $v in database $db"
			admin "$db" "ALTER EXTENSION vector UPDATE" >/dev/null ||
				die "ALTER EXTENSION vector UPDATE failed in database $db"
		fi
		v="$(admin "$db" "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
		ver_ge "$v" "$PGVECTOR_MIN" || die "database $db has pgvector ${v:-none}, need >= $PGVECTOR_MIN"
	done
}

# ensure_chromium: the reviewer page's browser test (go test ./api) drives
# Debian's chromium headless at /usr/bin/chromium.
has_chromium() { command -v chromium >/dev/null 2>&1; }
ensure_chromium() {
	has_chromium && return 0
	apt_install chromium
	has_chromium || die "chromium is still missing after installing it"
}

summary() {
	echo "setup: postgres $PG_MAJOR + pgvector $VECTOR_VERSION, redis ${REDIS_VERSION:-?} ready"
}

main() {
	if check_all && has_chromium; then
		summary
		return 0
	fi
	has_chromium || REASON="${REASON:-chromium is missing (the browser test of the reviewer page runs it)}"
	[ -f /etc/debian_version ] ||
		die "$REASON, and this script can only install or start things on Debian (no /etc/debian_version); set it up by hand: PostgreSQL with pgvector >= $PGVECTOR_MIN, databases ${DATABASES[*]}, Redis"

	# One run at a time from here on (apt, the build, creating databases).
	local lock
	if is_root; then lock=/run/lock/tailor-setup.lock; else lock="${TMPDIR:-/tmp}/tailor-setup.$(id -u).lock"; fi
	mkdir -p "$(dirname "$lock")"
	exec 9>>"$lock"
	if ! flock -n 9; then
		log "another setup is running; waiting for it"
		flock -w 900 9 || die "timed out waiting for the lock $lock"
	fi

	ensure_chromium
	ensure_postgres
	ensure_redis
	ensure_databases
	ensure_pgvector
	check_all || die "still not ready: $REASON"
	summary
}

main "$@"
