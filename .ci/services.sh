#!/usr/bin/env bash
# Sourced by .ci/run: installs and starts Debian's PostgreSQL and RabbitMQ (STOMP plugin), both bound to loopback,
# and exports the connection settings the production-mode tests read. The passwords are made afresh on every run,
# so none is kept in the repository. Also writes them to ~/.invoice-helpdesk/test-services.env (owner-only) so a
# developer can `source` that file and run the same tests from an IDE or `mvn verify`.
set -euo pipefail

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  root apt-get update -q
  root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# --- PostgreSQL: the first cluster Debian created, listening on loopback only (its default) ---
read -r pg_version pg_cluster pg_port _ < <(pg_lsclusters --no-header | head -1)
root pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do as_postgres "psql -p $pg_port -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
pg_password=$(openssl rand -hex 16)
# The test role may create databases: each test run makes its own and drops it, so runs never share state.
as_postgres "psql -p $pg_port -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpdesk_test') THEN
    CREATE ROLE helpdesk_test LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE helpdesk_test WITH LOGIN CREATEDB PASSWORD '$pg_password';
SQL

# --- RabbitMQ with the STOMP plugin, all listeners on loopback ---
if [ ! -f /etc/rabbitmq/rabbitmq.conf ] || ! grep -q "stomp.listeners.tcp.1" /etc/rabbitmq/rabbitmq.conf; then
  root sh -c 'cat > /etc/rabbitmq/rabbitmq.conf' <<'CONF'
listeners.tcp.1 = 127.0.0.1:5672
stomp.listeners.tcp.1 = 127.0.0.1:61613
loopback_users = none
CONF
fi
if [ ! -f /etc/rabbitmq/rabbitmq-env.conf ] || ! grep -q "inet_dist_use_interface" /etc/rabbitmq/rabbitmq-env.conf; then
  # The node name resolves to loopback, and Erlang's port mapper and distribution port listen there only.
  root sh -c 'cat > /etc/rabbitmq/rabbitmq-env.conf' <<'CONF'
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
fi
root rabbitmq-plugins enable --offline rabbitmq_stomp >/dev/null
if ! root rabbitmqctl -q status >/dev/null 2>&1; then
  root rabbitmq-server -detached
fi
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/61613) 2>/dev/null && break; sleep 1; done
(exec 3<>/dev/tcp/127.0.0.1/61613) 2>/dev/null || { echo "RabbitMQ STOMP port 61613 did not open" >&2; exit 1; }
rabbit_password=$(openssl rand -hex 16)
root rabbitmqctl -q add_user helpdesk_test "$rabbit_password" >/dev/null 2>&1 \
  || root rabbitmqctl -q change_password helpdesk_test "$rabbit_password" >/dev/null
root rabbitmqctl -q set_permissions -p / helpdesk_test '.*' '.*' '.*' >/dev/null

export HELPDESK_TEST_PG_URL="jdbc:postgresql://127.0.0.1:${pg_port}/postgres"
export HELPDESK_TEST_PG_USER=helpdesk_test
export HELPDESK_TEST_PG_PASSWORD="$pg_password"
export HELPDESK_TEST_RABBIT_HOST=127.0.0.1
export HELPDESK_TEST_RABBIT_STOMP_PORT=61613
export HELPDESK_TEST_RABBIT_USER=helpdesk_test
export HELPDESK_TEST_RABBIT_PASSWORD="$rabbit_password"

mkdir -p "$HOME/.invoice-helpdesk"
umask 077
env | grep '^HELPDESK_TEST_' | sed 's/^/export /' > "$HOME/.invoice-helpdesk/test-services.env"
echo "PostgreSQL $pg_version on 127.0.0.1:$pg_port and RabbitMQ STOMP on 127.0.0.1:61613 are ready"
