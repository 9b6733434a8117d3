# Shared by scripts/gt and scripts/bd: find the jars, start the JVM with fast-start flags. Agents call gt and bd
# thousands of times, so the common path runs only bash builtins (no forks before the exec of java).
# Layouts: a built checkout (scripts/ beside gt-cli/target/) or an install (scripts/ beside jars/); both hold
# gt-cli.jar and lib/*.jar.

# gastown_launch SCRIPT_PATH MAIN_CLASS ARGS...
gastown_launch() {
  local script="$1" main="$2"; shift 2
  while [ -L "$script" ]; do                      # installed as a symlink in ~/.local/bin
    local target; target="$(readlink "$script")"
    case "$target" in /*) script="$target" ;; *) script="${script%/*}/$target" ;; esac
  done
  local scripts="${script%/*}"
  [ "$scripts" = "$script" ] && scripts=.
  local jars
  if [ -f "$scripts/../gt-cli/target/gt-cli.jar" ]; then
    jars="$scripts/../gt-cli/target"
  elif [ -f "$scripts/../jars/gt-cli.jar" ]; then
    jars="$scripts/../jars"
  else
    echo "gastown: no build found for $scripts; build first: mvn -q package -DskipTests" >&2
    exit 1
  fi
  # Canonical and absolute, with builtins only: the class-data sharing archive records the class path verbatim.
  local here="$PWD"
  builtin cd -P -- "$jars" >/dev/null 2>&1 && jars="$PWD"
  builtin cd -P -- "$here" >/dev/null 2>&1 && builtin cd -P -- "$scripts" >/dev/null 2>&1 && scripts="$PWD"
  builtin cd -- "$here" >/dev/null 2>&1
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java" cp="$jars/gt-cli.jar" jar
  for jar in "$jars"/lib/*.jar; do cp="$cp:$jar"; done
  # gastown.scripts: where gt and bd live, put on the PATH of every agent session the town starts
  local flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Dgastown.scripts="$scripts"
    -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8)
  if [ -z "${GASTOWN_NO_CDS:-}" ]; then
    # A class-data sharing archive of the CLI's classes, made once per build (about a second), used by every call.
    local cds="$jars/gastown.jsa" fresh=1
    if [ -f "$cds" ]; then
      for jar in "$jars/gt-cli.jar" "$jars"/lib/*.jar; do [ "$cds" -nt "$jar" ] || { fresh=0; break; }; done
    else
      fresh=0
    fi
    if [ "$fresh" = 0 ]; then
      if "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$cds.$$.tmp" \
          -Dfile.encoding=UTF-8 -cp "$cp" dev.gastown.cli.CdsTraining >/dev/null 2>&1; then
        mv -f "$cds.$$.tmp" "$cds"
      else
        rm -f "$cds.$$.tmp"
      fi
    fi
    [ -f "$cds" ] && flags+=(-XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  # shellcheck disable=SC2086
  exec "$java" "${flags[@]}" ${GASTOWN_JAVA_OPTS:-} -cp "$cp" "$main" "$@"
}
