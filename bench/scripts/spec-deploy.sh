#!/usr/bin/env bash
# The deploy flow of docs' lambda-function-state-management spec, re-enacted with the AWS CLI so the benchmark
# can time it as a whole process: update-function-code, then up to 30 polls 2 s apart with TWO get-function
# calls per poll (State, then LastUpdateStatus), publish anyway on timeout, and retry a failed publish up to
# MAX_RETRIES times with backoff (2 s, 4 s, 8 s).
#
# usage: spec-deploy.sh --function-name NAME --zip-file PATH [--endpoint-url URL] [--region REGION]
#                       [--description TEXT]
# Credentials come from the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) as for any AWS CLI call.
# AWS_CLI overrides the aws binary (the benchmark points it past pyenv's shim).
set -euo pipefail

MAX_WAIT_ATTEMPTS=30
SLEEP_INTERVAL=2
MAX_RETRIES=3

FUNCTION_NAME=""
ZIP_FILE=""
DESCRIPTION="ENV: bench | commit: none | $(date -u +%Y-%m-%dT%H:%M:%SZ)"
AWS_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --function-name) FUNCTION_NAME="$2"; shift 2 ;;
    --zip-file) ZIP_FILE="$2"; shift 2 ;;
    --endpoint-url) AWS_ARGS+=(--endpoint-url "$2"); shift 2 ;;
    --region) AWS_ARGS+=(--region "$2"); shift 2 ;;
    --description) DESCRIPTION="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$FUNCTION_NAME" || -z "$ZIP_FILE" ]]; then
  echo "usage: $0 --function-name NAME --zip-file PATH [--endpoint-url URL] [--region REGION]" >&2
  exit 2
fi
AWS="${AWS_CLI:-aws}"

echo "🔄 Updating Lambda function..."
"$AWS" "${AWS_ARGS[@]}" lambda update-function-code --function-name "$FUNCTION_NAME" \
  --zip-file "fileb://$ZIP_FILE" > /dev/null

echo "⏳ Waiting for Lambda function to be ready for version publishing..."
WAIT_COUNT=0
while [[ $WAIT_COUNT -lt $MAX_WAIT_ATTEMPTS ]]; do
  # A failed call leaves the variable empty and the loop polls again, as in the spec.
  FUNCTION_STATE=$("$AWS" "${AWS_ARGS[@]}" lambda get-function --function-name "$FUNCTION_NAME" \
    --query 'Configuration.State' --output text || true)
  LAST_UPDATE_STATUS=$("$AWS" "${AWS_ARGS[@]}" lambda get-function --function-name "$FUNCTION_NAME" \
    --query 'Configuration.LastUpdateStatus' --output text || true)
  echo "  Function State: $FUNCTION_STATE, Last Update Status: $LAST_UPDATE_STATUS"

  if [[ "$FUNCTION_STATE" == "Active" && "$LAST_UPDATE_STATUS" == "Successful" ]]; then
    echo "✅ Lambda function is ready for version publishing"
    break
  fi
  if [[ "$LAST_UPDATE_STATUS" == "Failed" ]]; then
    echo "::error::Lambda function update failed"
    exit 1
  fi

  WAIT_COUNT=$((WAIT_COUNT + 1))
  echo "  Waiting... (attempt $WAIT_COUNT/$MAX_WAIT_ATTEMPTS)"
  sleep "$SLEEP_INTERVAL"
done

if [[ $WAIT_COUNT -eq $MAX_WAIT_ATTEMPTS ]]; then
  echo "::warning::Timeout waiting for Lambda function to be ready, attempting to publish anyway..."
fi

echo "📝 Publishing version with description..."
RETRY=0
until "$AWS" "${AWS_ARGS[@]}" lambda publish-version --function-name "$FUNCTION_NAME" \
    --description "$DESCRIPTION" > /dev/null; do
  if [[ $RETRY -ge $MAX_RETRIES ]]; then
    echo "::error::Failed to publish version after $MAX_RETRIES retries"
    exit 1
  fi
  RETRY=$((RETRY + 1))
  echo "::warning::Failed to publish version with description, retrying..."
  sleep $((2 ** RETRY))
done
echo "✅ Lambda function updated successfully!"
