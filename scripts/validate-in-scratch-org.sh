#!/usr/bin/env bash
# Validates the vendor setup in a fresh scratch org: create it from config/project-scratch-def.json
# with a Dev Hub authorised by JWT, run vendor-access deploy --dry-run, deploy, verify, and always
# delete the scratch org. Run `scripts/validate-in-scratch-org.sh --help` for variables and exit codes.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/validate-in-scratch-org.sh [--values FILE] [--vendor NAME]... [--keep] [--help]

Environment (secrets in CI):
  SF_DEVHUB_USERNAME       Dev Hub username the JWT login uses                      (required)
  SF_DEVHUB_CLIENT_ID      consumer key of the Dev Hub's connected app               (required)
  SF_DEVHUB_JWT_KEY        private key (PEM) for the JWT login, or ...               (one of these two)
  SF_DEVHUB_JWT_KEY_FILE   ... a path to that key file
  SF_DEVHUB_INSTANCE_URL   login URL (default https://login.salesforce.com)
  SCRATCH_DURATION_DAYS    scratch org lifetime in days (default 1)
  VENDOR_ACCESS            the vendor-access command (default: node bin/vendor-access.js)

Options:
  --values FILE   org values (default config/orgs/example.json); integration usernames get a
                  unique suffix per run, because usernames are unique across all Salesforce orgs
  --vendor NAME   vendor to validate (repeatable; default all)
  --keep          do not delete the scratch org (for debugging; it expires by itself)

Exit codes:
  0  dry run, deploy and verify all succeeded
  1  vendor-access failed (its message says why)
  2  usage error or a required variable is missing
  3  the sf CLI is not installed
  4  the Dev Hub login or the scratch org creation failed
TXT
}

values="config/orgs/example.json"
vendors=()
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --values) values="${2:?--values needs a file}"; shift 2 ;;
    --vendor) vendors+=(--vendor "${2:?--vendor needs a name}"); shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
missing=()
[ -n "${SF_DEVHUB_USERNAME:-}" ] || missing+=(SF_DEVHUB_USERNAME)
[ -n "${SF_DEVHUB_CLIENT_ID:-}" ] || missing+=(SF_DEVHUB_CLIENT_ID)
[ -n "${SF_DEVHUB_JWT_KEY:-}${SF_DEVHUB_JWT_KEY_FILE:-}" ] || missing+=("SF_DEVHUB_JWT_KEY or SF_DEVHUB_JWT_KEY_FILE")
if [ ${#missing[@]} -gt 0 ]; then
  echo "error: missing environment variable(s): ${missing[*]}" >&2
  echo "Set them (in CI, as secrets); see scripts/validate-in-scratch-org.sh --help." >&2
  exit 2
fi
[ -f "$values" ] || { echo "error: values file $values does not exist" >&2; exit 2; }
if ! command -v sf >/dev/null 2>&1; then
  echo "error: the Salesforce CLI (sf) is not installed. Install it: npm install --global @salesforce/cli" >&2
  exit 3
fi
read -r -a vendor_access <<< "${VENDOR_ACCESS:-node bin/vendor-access.js}"

work=$(mktemp -d)
alias_name="va-scratch-$(date +%s)-$$"
devhub_alias="va-devhub-$$"
created=false
cleanup() {
  status=$?
  if [ "$created" = true ] && [ "$keep" = false ]; then
    echo "Deleting scratch org $alias_name"
    sf org delete scratch --no-prompt --target-org "$alias_name" >/dev/null 2>&1 || echo "warning: could not delete scratch org $alias_name; it expires by itself" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

key_file="${SF_DEVHUB_JWT_KEY_FILE:-}"
if [ -z "$key_file" ]; then
  key_file="$work/devhub.key"
  (umask 077 && printf '%s\n' "$SF_DEVHUB_JWT_KEY" > "$key_file")
fi

echo "Logging in to the Dev Hub as $SF_DEVHUB_USERNAME"
sf org login jwt --username "$SF_DEVHUB_USERNAME" --jwt-key-file "$key_file" --client-id "$SF_DEVHUB_CLIENT_ID" \
  --instance-url "${SF_DEVHUB_INSTANCE_URL:-https://login.salesforce.com}" --alias "$devhub_alias" --set-default-dev-hub >/dev/null \
  || { echo "error: Dev Hub JWT login failed" >&2; exit 4; }

echo "Creating scratch org $alias_name"
sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" --target-dev-hub "$devhub_alias" \
  --duration-days "${SCRATCH_DURATION_DAYS:-1}" --wait 15 >/dev/null \
  || { echo "error: scratch org creation failed" >&2; exit 4; }
created=true

# Unique integration usernames per run: a username may exist only once across all Salesforce orgs.
run_values="$work/values.json"
node -e '
  const fs = require("fs");
  const [from, to, suffix] = process.argv.slice(1);
  const v = JSON.parse(fs.readFileSync(from, "utf8"));
  for (const vendor of Object.values(v.vendors ?? {})) if (vendor.integrationUsername) vendor.integrationUsername += "." + suffix;
  fs.writeFileSync(to, JSON.stringify(v, null, 2));
' "$values" "$run_values" "$alias_name"

for step in "deploy --dry-run" "deploy" "verify"; do
  echo "vendor-access $step -o $alias_name"
  # shellcheck disable=SC2086
  # Paths inside the values (the certificate) stay relative to the project root.
  "${vendor_access[@]}" $step -o "$alias_name" --values "$run_values" "${vendors[@]}" || { code=$?; echo "error: vendor-access $step failed (exit $code)" >&2; exit 1; }
done
echo "Scratch-org validation passed."
