#!/usr/bin/env bash
# Logs the sf CLI in to each org of one drift-watch matrix job, from the sfdx auth URLs held in
# repository secrets. Usage: scripts/fleet-login.sh "<alias> <alias>…" "<SECRET> <SECRET>…", with
# SECRETS_JSON set to the workflow's toJSON(secrets). Each auth URL goes through a 0600 file that is
# removed at once; nothing secret is printed.
# Exit codes: 0 every org logged in; 2 usage error; 3 no sf CLI; 4 a secret is missing or a login failed.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 \"<alias>…\" \"<SECRET>…\" (with SECRETS_JSON set)" >&2
  exit 2
fi
read -r -a aliases <<<"$1"
read -r -a secrets <<<"$2"
if [[ ${#aliases[@]} -ne ${#secrets[@]} || ${#aliases[@]} -eq 0 ]]; then
  echo "error: ${#aliases[@]} alias(es) but ${#secrets[@]} secret name(s)" >&2
  exit 2
fi
if [[ -z "${SECRETS_JSON:-}" ]]; then
  echo "error: SECRETS_JSON is not set (env: SECRETS_JSON: \${{ toJSON(secrets) }})" >&2
  exit 2
fi
if ! command -v sf >/dev/null 2>&1; then
  echo "error: the sf CLI is not installed (npm install --global @salesforce/cli)" >&2
  exit 3
fi

umask 077
failed=0
for i in "${!aliases[@]}"; do
  alias="${aliases[$i]}"
  secret="${secrets[$i]}"
  file="$(mktemp)"
  SECRET_NAME="$secret" node -e 'const v = JSON.parse(process.env.SECRETS_JSON)[process.env.SECRET_NAME]; if (!v) process.exit(1); process.stdout.write(v);' >"$file" || {
    rm -f "$file"
    echo "error: repository secret $secret (for $alias) is missing or empty" >&2
    failed=1
    continue
  }
  if sf org login sfdx-url --sfdx-url-file "$file" --alias "$alias" >/dev/null 2>&1; then
    echo "logged in: $alias"
  else
    echo "error: login to $alias with secret $secret failed (expired or revoked auth URL?)" >&2
    failed=1
  fi
  rm -f "$file"
done
exit $((failed * 4))
