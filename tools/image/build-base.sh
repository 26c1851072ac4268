#!/usr/bin/env bash
# Prepares the base of Pledge's container images (docs/container-images.md), offline and once for all services:
#   <out>/rootfs/opt/java        a JRE jlinked from the JDK that runs the build (the modules below)
#   <out>/rootfs/lib*, usr/lib   the shared libraries of Debian's libc6, libgcc-s1, libstdc++6 and zlib1g that the
#                                JRE needs (the same set as distroless "cc") and their copyright files
#                                (usr/share/doc/<package>/copyright), nothing else: no shell, no package manager
#   <out>/rootfs/etc             passwd and group with the user the image runs as (65532 "nonroot"), nsswitch.conf
#   <out>/rootfs/tmp             an empty /tmp (the pod mounts an emptyDir there: the root filesystem is read-only)
#   <out>/base.properties        what went in: the JDK's version and package, the four packages' versions (image labels)
# The Maven profile `image` runs it before Jib, which adds <out>/rootfs to each service's image as extra files.
#
#   tools/image/build-base.sh <out> [<java home>]
#
# The libraries come from the build host's installed packages (checked against dpkg's checksums), so the build needs
# no network and the image's native parts are exactly as patched as the build host: upgrade the host's JDK and these
# packages (apt-get upgrade) to patch the image. With PLEDGE_IMAGE_DEBS=<dir> holding the four .deb files (for example
# from `apt-get download libc6 libgcc-s1 libstdc++6 zlib1g`) they are taken from there instead.
# The result is cached: <out>/key is a hash of this script, the JDK and the packages' versions; an unchanged key is
# not built again (five services, one jlink). Needs a Debian-based x86_64 host with a JDK 17 that has its jmods
# (Debian's openjdk-17-jdk-headless has them). Output is amd64 only.
set -euo pipefail

out="${1:?usage: build-base.sh <out> [<java home>]}"
java_home="${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
script="$(readlink -f "$0")"

# Modules: what the services use (jdeps over each service's classes and jars) plus what they reach only by
# reflection or service loading at run time: jdk.localedata (French dates and numbers), jdk.charsets, jdk.crypto.ec
# (TLS), jdk.naming.dns (mongodb+srv:// URIs), java.security.sasl and jdk.security.auth (Kafka SASL, JAAS),
# jdk.management (container-aware JMX/metrics), jdk.jfr (Flight Recorder through JAVA_TOOL_OPTIONS), jdk.zipfs.
modules="java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management"
modules+=",java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl"
modules+=",java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management"
modules+=",jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs"
packages="libc6 libgcc-s1 libstdc++6 zlib1g"

fail() { echo "build-base: $*" >&2; exit 1; }
[ "$(uname -m)" = x86_64 ] || fail "the image is amd64 only; this host is $(uname -m)"
[ -x "$java_home/bin/jlink" ] || fail "no jlink in $java_home (a JDK 17 is needed, not a JRE)"
[ -d "$java_home/jmods" ] || fail "no jmods in $java_home (Debian: apt-get install openjdk-17-jdk-headless)"
java_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release")"
[ -n "$java_version" ] || java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$java_home/release")"
case "$java_version" in 17*) ;; *) fail "the JDK in $java_home is $java_version, the services need 17" ;; esac
jdk_package="$(dpkg-query -S "$(readlink -f "$java_home/bin/jlink")" 2>/dev/null | cut -d: -f1 | head -n1 || true)"
jdk_package_version="${jdk_package:+$(dpkg-query -W -f='${Version}' "$jdk_package" 2>/dev/null || true)}"

if [ -n "${PLEDGE_IMAGE_DEBS:-}" ]; then
  versions=""
  for p in $packages; do
    deb="$(ls "$PLEDGE_IMAGE_DEBS"/"${p}"_*_amd64.deb 2>/dev/null | head -n1 || true)"
    [ -n "$deb" ] || fail "no ${p}_*_amd64.deb in $PLEDGE_IMAGE_DEBS"
    versions+="$p=$(dpkg-deb -f "$deb" Version) "
  done
  source_of_libs="deb files"
else
  versions=""
  for p in $packages; do
    v="$(dpkg-query -W -f='${Version}' "$p:amd64" 2>/dev/null)" || fail "package $p is not installed"
    versions+="$p=$v "
  done
  source_of_libs="installed packages"
fi
versions="${versions% }"

key="$( { sha256sum "$script" | cut -d' ' -f1; echo "$java_home $java_version $jdk_package_version";
          echo "$versions $source_of_libs"; } | sha256sum | cut -c1-16)"

mkdir -p "$out"
exec 9>"$out/.lock"
flock 9    # one build at a time; a second caller waits, then finds it done
if [ -f "$out/key" ] && [ "$(cat "$out/key")" = "$key" ] && [ -d "$out/rootfs" ] && [ -f "$out/base.properties" ]; then
  echo "build-base: $out is up to date ($key)"
  exit 0
fi

started=$SECONDS
work="$out/.work"
rm -rf "$work" "$out/key"
mkdir -p "$work/rootfs/opt" "$work/rootfs/etc" "$work/rootfs/tmp"
root="$work/rootfs"

echo "build-base: jlink $java_version ($modules)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$root/opt/java"

# the shared libraries of the four packages, as regular files (Jib follows symlinks; /lib64/ld-linux-x86-64.so.2 is an
# absolute symlink in libc6): *.so files and the packages' copyright files only; no gconv modules, no tools
copy_libs() {   # <package root> <list of paths>
  local from="$1" path
  while read -r path; do
    case "$path" in
      /lib/*/gconv/*|/usr/lib/*/gconv/*|/usr/lib/*/audit/*) continue ;;
      /lib/*.so*|/lib64/*.so*|/usr/lib/*.so*) ;;
      /usr/share/doc/*/copyright) ;;   # the licence each package is distributed under
      *) continue ;;
    esac
    [ -f "$from$path" ] || continue
    mkdir -p "$root$(dirname "$path")"
    cp -L "$from$path" "$root$path"
  done
}
if [ -n "${PLEDGE_IMAGE_DEBS:-}" ]; then
  for p in $packages; do
    deb="$(ls "$PLEDGE_IMAGE_DEBS"/"${p}"_*_amd64.deb | head -n1)"
    rm -rf "$work/deb" && mkdir -p "$work/deb"
    dpkg-deb -x "$deb" "$work/deb"
    (cd "$work/deb" && find . \( -type f -o -type l \) | sed 's/^\.//') | copy_libs "$work/deb"
  done
  rm -rf "$work/deb"
else
  for p in $packages; do
    # the installed files must be the package's own (dpkg's md5sums); a changed library fails the build
    if changed="$(dpkg --verify "$p:amd64" 2>/dev/null | grep -E '^..5' || true)" && [ -n "$changed" ]; then
      fail "files of $p differ from the package: $changed"
    fi
    dpkg -L "$p:amd64" | copy_libs ""
    # libgcc-s1's and libstdc++6's doc folder is a link to gcc-12-base's, which holds their copyright file
    if [ ! -f "$root/usr/share/doc/$p/copyright" ] && [ -f "/usr/share/doc/$p/copyright" ]; then
      mkdir -p "$root/usr/share/doc/$p" && cp -L "/usr/share/doc/$p/copyright" "$root/usr/share/doc/$p/copyright"
    fi
  done
fi
[ -f "$root/lib64/ld-linux-x86-64.so.2" ] || fail "no dynamic loader in the libraries"

cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
nonroot:x:65532:
EOF
cat >"$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF

# the image's own record of what it holds (also in its labels)
mkdir -p "$root/usr/share/pledge"
{ echo "jdk=$java_version"; echo "jdk-package=${jdk_package:-unknown}=${jdk_package_version:-unknown}";
  echo "packages=$versions"; echo "libraries-from=$source_of_libs"; echo "modules=$modules"; } \
  >"$root/usr/share/pledge/base.txt"

"$root/opt/java/bin/java" -version >/dev/null 2>&1 || fail "the jlinked java does not start on the build host"

cat >"$work/base.properties" <<EOF
pledge.image.jdk.version=$java_version
pledge.image.jdk.package=${jdk_package:-unknown}=${jdk_package_version:-unknown}
pledge.image.base.packages=$versions
pledge.image.base.key=$key
EOF
rm -rf "$out/rootfs" "$out/base.properties"
mv "$work/rootfs" "$out/rootfs"
mv "$work/base.properties" "$out/base.properties"
rmdir "$work"
echo "$key" >"$out/key"
echo "build-base: $out/rootfs, $(du -sh "$out/rootfs" | cut -f1), in $((SECONDS - started)) s ($versions)"
