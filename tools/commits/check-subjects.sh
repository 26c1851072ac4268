#!/usr/bin/env bash
# Checks the commit messages since the project adopted CONTRIBUTING.md's rule: a subject of at most 72 characters,
# then (if there is a body) a blank line. Commits before f748a73 are history and are not rewritten.
# Usage: tools/commits/check-subjects.sh [since-commit]   (exit 1 when a message breaks the rule)
set -euo pipefail
cd "$(dirname "$0")/../.."
since="${1:-f748a73}"
if ! git cat-file -e "$since^{commit}" 2>/dev/null; then
  echo "check-subjects: $since is not in this clone (shallow?); nothing checked" >&2
  exit 0
fi
bad=0
while read -r sha; do
  subject=$(git log -1 --format=%s "$sha")
  second=$(git log -1 --format=%B "$sha" | sed -n 2p)
  if [ "${#subject}" -gt 72 ]; then
    echo "$sha: subject of ${#subject} characters (at most 72): $subject"; bad=1
  fi
  if [ -n "$second" ]; then
    echo "$sha: no blank line between subject and body"; bad=1
  fi
done < <(git rev-list "$since..HEAD")
count=$(git rev-list --count "$since..HEAD")
[ "$bad" -eq 0 ] && echo "check-subjects: $count commit message(s) since $since follow the rule"
exit "$bad"
