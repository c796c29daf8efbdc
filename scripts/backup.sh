#!/usr/bin/env bash
# Back up Kennisportaal: the PostgreSQL database (pg_dump, custom format) and, with --media, the uploaded
# files as a tarball. Writes into OUTPUT_DIR (default $BACKUP_DIR, else ./backups) and prints the paths.
#
#   DATABASE_URL=postgres://user:pass@host:5432/kennisportaal scripts/backup.sh [--media DIR] [OUTPUT_DIR]
#
# pg_dump must be at least the server's major version (postgresql-client-15 for PostgreSQL 15). In the
# compose stack, run it in the postgres container instead (see README, "Backup and restore").
set -euo pipefail

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

media_dir=""
out_dir="${BACKUP_DIR:-backups}"
while [ $# -gt 0 ]; do
  case "$1" in
    --media) media_dir="${2:?--media needs a directory}"; shift 2 ;;
    --media=*) media_dir="${1#--media=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "backup.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) out_dir="$1"; shift ;;
  esac
done

: "${DATABASE_URL:?backup.sh: set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "backup.sh: DATABASE_URL is not a PostgreSQL URL; only PostgreSQL is backed up by this script" >&2; exit 2 ;;
esac
if [ -n "$media_dir" ] && [ ! -d "$media_dir" ]; then
  echo "backup.sh: media directory $media_dir does not exist" >&2; exit 2
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out_dir"
dump="$out_dir/kennisportaal-$stamp.dump"
# Written under a temporary name first: a dump that stopped half-way never looks like a good backup.
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
mv "$dump.partial" "$dump"
echo "$dump"

if [ -n "$media_dir" ]; then
  archive="$out_dir/kennisportaal-$stamp-media.tar.gz"
  tar -czf "$archive.partial" -C "$media_dir" .
  mv "$archive.partial" "$archive"
  echo "$archive"
fi
