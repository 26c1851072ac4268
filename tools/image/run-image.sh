#!/usr/bin/env bash
# Runs an image tarball built by `mvn -Pimage` without Docker, to try it by hand (docs/container-images.md): unpacks
# its layers in order into a folder and runs its entrypoint with that folder as its root directory, as the image's
# user, in a new mount and PID namespace with its own /proc, with the image's environment only and its working
# directory. Needs root (like chroot).
#
#   tools/image/run-image.sh <jib-image.tar> [<extra java arguments before the main class>...]
#   tools/image/run-image.sh case-service/target/jib-image.tar -Dpledge.privacy.dev-key=true
#
# The folder is kept in $PLEDGE_IMAGE_ROOT (default: a new temporary folder, printed) for a look afterwards.
# A check by hand only: the build's test (case-service's CaseServiceImageIT) needs no root.
set -euo pipefail
tar="$(readlink -f "${1:?usage: run-image.sh <jib-image.tar> [java arguments...]}")"
shift
[ "$(id -u)" -eq 0 ] || { echo "run-image: needs root (chroot)" >&2; exit 1; }
root="${PLEDGE_IMAGE_ROOT:-$(mktemp -d /tmp/pledge-image.XXXXXX)}"
mkdir -p "$root/.image"
tar --warning=no-unknown-keyword -xf "$tar" -C "$root/.image"
python3 - "$root" <<'EOF'
import json, subprocess, sys
root = sys.argv[1]
manifest = json.load(open(f"{root}/.image/manifest.json"))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-xzf", f"{root}/.image/{layer}", "-C", root], check=True)
config = json.load(open(f"{root}/.image/{manifest['Config']}"))["config"]
with open(f"{root}/.image/run", "w") as out:
    out.write(config["User"] + "\n" + config.get("WorkingDir", "/") + "\n")
    out.write("\0".join(config.get("Env", [])) + "\n")
    out.write("\0".join(config["Entrypoint"]) + "\n")
EOF
user="$(sed -n 1p "$root/.image/run")"
workdir="$(sed -n 2p "$root/.image/run")"
mapfile -d '' -t env < <(sed -n 3p "$root/.image/run" | tr -d '\n')
mapfile -d '' -t entrypoint < <(sed -n 4p "$root/.image/run" | tr -d '\n')
# the extra arguments go after java, before -cp and the main class
command=("${entrypoint[0]}" "$@" "${entrypoint[@]:1}")
# in a pod, /tmp is an emptyDir the service may write to; here the unpacked folder stands in for it
chmod 1777 "$root/tmp"
mkdir -p "$root/proc"
echo "run-image: $root as $user in $workdir: ${command[*]}" >&2
exec env -i "${env[@]}" "$(command -v unshare)" --mount --pid --fork --root="$root" --mount-proc=/proc --wd="$workdir" \
  --setgid="${user#*:}" --setuid="${user%%:*}" "${command[@]}"
