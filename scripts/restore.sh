#!/usr/bin/env bash
# Restore Kennisportaal from a backup of scripts/backup.sh: REPLACES every table of the database at
# DATABASE_URL with the dump's (pg_restore --clean --if-exists, in one transaction: all or nothing), and
# with --media-archive unpacks the uploaded files into --media DIR. Stop web, worker and beat first.
#
#   DATABASE_URL=postgres://user:pass@host:5432/kennisportaal scripts/restore.sh --yes DUMP \
#       [--media-archive ARCHIVE --media DIR]
#
# The database must exist (an empty one is fine: createdb). Run `manage.py migrate` afterwards when the
# code is newer than the backup.
set -euo pipefail

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

confirmed=""
dump=""
archive=""
media_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --yes) confirmed=1; shift ;;
    --media-archive) archive="${2:?--media-archive needs a file}"; shift 2 ;;
    --media) media_dir="${2:?--media needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "restore.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) dump="$1"; shift ;;
  esac
done

: "${DATABASE_URL:?restore.sh: set DATABASE_URL to the PostgreSQL database to restore into}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "restore.sh: DATABASE_URL is not a PostgreSQL URL" >&2; exit 2 ;;
esac
if [ -z "$dump" ] || [ ! -f "$dump" ]; then
  echo "restore.sh: give the dump file to restore" >&2; usage >&2; exit 2
fi
if [ -n "$archive" ] && { [ -z "$media_dir" ] || [ ! -f "$archive" ]; }; then
  echo "restore.sh: --media-archive needs an existing archive and --media DIR" >&2; exit 2
fi
if [ -z "$confirmed" ]; then
  echo "restore.sh: this replaces every table of the database at DATABASE_URL; add --yes to go ahead" >&2
  exit 2
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$dump"
echo "restored $dump"

if [ -n "$archive" ]; then
  mkdir -p "$media_dir"
  tar -xzf "$archive" -C "$media_dir"
  echo "restored $archive into $media_dir"
fi
