#!/usr/bin/env bash
# Runs fabula on a real, one-node Slurm cluster started on this machine (Debian's slurm-wlm and munge):
# the 100 LitBank novels as a job array of 4 shards (fabula batch --shard i/4), the results loaded into
# PostgreSQL with fabula index, then a check that every novel is there exactly once. Everything it starts
# (munged, slurmctld, slurmd) is stopped on exit, whatever happens.
#
#   scripts/slurm-demo.sh                 # needs root; .ci/run calls it after the tests
#   FABULA_DEMO_POSTGRES=postgres://u:p@host/db scripts/slurm-demo.sh   # load into that database instead
#
# Without FABULA_DEMO_POSTGRES it makes a fresh database fabula_slurm_demo on the local PostgreSQL
# (scripts/ci-postgres.sh installs and starts it if needed, and then it is stopped again on exit).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
novels="$(cd "${FABULA_NOVELS:-$root/../shared/litbank/original}" && pwd)"   # FABULA_NOVELS: another folder of stories
shards=4

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

"$root/fabula" --version >/dev/null   # publishes the program once, before the shards start

work="$(mktemp -d /tmp/fabula-slurm.XXXXXX)"
chmod 755 "$work"
host="$(hostname -s)"
cpus="$(nproc)"

pg_started=""
stop() {
  if [ -n "$pg_started" ]; then pg_ctlcluster "$pg_started" main stop || true; fi
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    if [ -s "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "slurm-demo: kept $work"; fi
}
trap stop EXIT

# munge: a key of our own and a socket in the work folder, so a munged already on the machine is untouched.
dd if=/dev/urandom of="$work/munge.key" bs=1 count=1024 status=none
chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munged.seed"

mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=fabula
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=fabula Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)"
  case "$state" in idle*|mixed*|allocated*) break ;; esac
  sleep 1
done
echo "slurm-demo: node $host is ${state:-unknown} ($cpus CPUs)"

# One array task per shard: the same inputs everywhere; --shard picks each task's works by a hash of their ids.
cat > "$work/shard.sh" <<JOB
#!/usr/bin/env bash
set -euo pipefail
exec "$root/fabula" batch "$novels" --shard "\$SLURM_ARRAY_TASK_ID/$shards" --jobs 1 --out "$work/shard-\$SLURM_ARRAY_TASK_ID.jsonl" --overwrite
JOB
start=$(date +%s.%N)
job="$(sbatch --parsable --array=0-$((shards - 1)) --cpus-per-task=1 --chdir="$work" --output="$work/task-%a.log" \
  --job-name=fabula "$work/shard.sh")"
echo "slurm-demo: submitted job array $job (tasks 0-$((shards - 1)))"
# Poll every second (sbatch --wait backs off to half a minute between looks).
for _ in $(seq 1200); do
  [ -z "$(squeue -h -j "$job" -o %i 2>/dev/null)" ] && break
  sleep 1
done
end=$(date +%s.%N)
cat "$work"/task-*.log
codes="$(scontrol show job "$job" | grep -o 'ExitCode=[0-9:]*' | sort | uniq -c | tr -s ' ')"
if [ "$(scontrol show job "$job" | grep -c 'JobState=COMPLETED')" != "$shards" ]; then
  echo "slurm-demo: FAILED: not every array task completed:$codes" >&2
  scontrol show job "$job" | grep -E 'JobId|JobState' >&2
  exit 1
fi
echo "slurm-demo: $shards array tasks done in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s"

if [ -z "${FABULA_DEMO_POSTGRES:-}" ]; then
  read -r pg_state pg_version < <(bash "$root/scripts/ci-postgres.sh")
  if [ "$pg_state" = started ]; then pg_started="$pg_version"; fi
  runuser -u postgres -- psql -qc 'DROP DATABASE IF EXISTS fabula_slurm_demo' -c 'CREATE DATABASE fabula_slurm_demo OWNER fabula'
  FABULA_DEMO_POSTGRES="postgres://fabula:fabula@127.0.0.1:5432/fabula_slurm_demo"
fi
"$root/fabula" index "$work"/shard-*.jsonl --db "$FABULA_DEMO_POSTGRES"

# Every novel exactly once: in the shard outputs (no id twice, none missing) and in the database.
expected="$(ls "$novels" | sort)"
in_shards="$(cat "$work"/shard-*.jsonl | grep -o '^{"id":"[^"]*"' | cut -d'"' -f4 | sort)"
in_db="$(psql "$FABULA_DEMO_POSTGRES" -Atc "SELECT id FROM works WHERE status = 'ok' ORDER BY id" | LC_ALL=C sort)"
expected="$(echo "$expected" | LC_ALL=C sort)"; in_shards="$(echo "$in_shards" | LC_ALL=C sort)"
per_shard="$(for f in "$work"/shard-*.jsonl; do printf '%s ' "$(wc -l < "$f")"; done)"
if [ "$in_shards" != "$expected" ]; then
  echo "slurm-demo: FAILED: the shards hold $(echo "$in_shards" | wc -l) records, not each of the $(echo "$expected" | wc -l) novels once" >&2
  diff <(echo "$expected") <(echo "$in_shards") >&2 || true
  exit 1
fi
if [ "$in_db" != "$expected" ]; then
  echo "slurm-demo: FAILED: the database does not hold each novel once" >&2
  diff <(echo "$expected") <(echo "$in_db") >&2 || true
  exit 1
fi
echo "slurm-demo: OK: $(echo "$expected" | wc -l) novels, each exactly once (records per shard: $per_shard) in $FABULA_DEMO_POSTGRES" | sed 's#://\([^:]*\):[^@]*@#://\1:***@#'
