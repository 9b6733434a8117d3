#!/usr/bin/env bash
# Installs gt and bd: copies the built jars and launchers under PREFIX/share/gastown and links them into
# PREFIX/bin. Default PREFIX: ~/.local (so gt and bd land in ~/.local/bin). Builds first if needed.
# Usage: scripts/install.sh [--prefix DIR]
set -euo pipefail
prefix="$HOME/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
[ -f "$root/gt-cli/target/gt-cli.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
share="$prefix/share/gastown"
rm -rf "$share.new" && mkdir -p "$share.new/jars/lib" "$share.new/scripts/lib" "$prefix/bin"
cp "$root/gt-cli/target/gt-cli.jar" "$share.new/jars/"
cp "$root"/gt-cli/target/lib/*.jar "$share.new/jars/lib/"
cp "$root/scripts/gt" "$root/scripts/bd" "$share.new/scripts/"
cp "$root/scripts/lib/launch.sh" "$share.new/scripts/lib/"
rm -rf "$share" && mv "$share.new" "$share"
ln -sf "$share/scripts/gt" "$prefix/bin/gt"
ln -sf "$share/scripts/bd" "$prefix/bin/bd"
"$prefix/bin/bd" --version >/dev/null   # builds the class-data sharing archive for the installed jars
echo "Installed gt and bd in $prefix/bin ($("$prefix/bin/gt" --version))"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to your PATH." ;; esac
