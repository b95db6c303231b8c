# shellcheck shell=sh disable=SC2034  # the variables cds_start sets are the launcher's
# Class-data sharing for the launchers (sourced; POSIX sh), as ClassDataSharing does it for `confab demo`:
# the conferencing agent and the replay simulator (`simulate`) start with an archive of the classes they
# load, <dir>/<command>.jsa, which the JVM maps instead of reading and verifying those classes from the
# jars. A run without a fresh archive writes one when the JVM exits (-XX:ArchiveClassesAtExit, to a
# temporary name) and cds_finish renames it into place when the run did the command's work. An archive is
# fresh while no jar and no file of the JDK changed after it was written (the JVM ignores an archive of
# other jars or another JDK). Without a writable <dir>, with CDS options in CONFAB_JAVA_OPTS (-Xshare:off
# turns it off), or with cds_trains=no (a run that only prints its help), the run writes no archive.

# cds_trains_for <argument…>: sets cds_trains=no when the arguments only ask for help or the version
cds_trains_for() {
  cds_trains=yes
  for cds_argument in "$@"; do
    case "$cds_argument" in -h|--help|-V|--version|help) cds_trains=no ;; esac
  done
}

# cds_start <dir> <command> <java> <jar…>: sets cds_option and cds_log (each one JVM option, or empty), and
# cds_training to the file the run writes (empty when it writes none)
cds_start() {
  cds_option='' cds_log='' cds_training=''
  cds_dir="$1" cds_command="$2"
  cds_java_home="$(dirname "$(dirname "$(readlink -f "$(command -v "$3")")")")"
  shift 3
  case "$cds_command" in conferencing-agent|simulate) ;; *) return 0 ;; esac
  [ -f "$cds_java_home/lib/server/classes.jsa" ] || return 0
  case "${CONFAB_JAVA_OPTS:-}" in *Xshare*|*SharedArchiveFile*|*ArchiveClassesAtExit*) return 0 ;; esac
  cds_archive="$cds_dir/$cds_command.jsa"
  # the status change time (-cnewer): a copy that keeps the old modification time counts as a change
  if [ -f "$cds_archive" ] && [ -z "$(find "$@" "$cds_java_home/lib/modules" "$cds_java_home/lib/server/libjvm.so" \
       -cnewer "$cds_archive" -print -quit 2>/dev/null)" ]; then
    cds_option="-XX:SharedArchiveFile=$cds_archive"
  elif [ "${cds_trains:-yes}" != no ] && mkdir -p "$cds_dir" 2>/dev/null && [ -w "$cds_dir" ]; then
    # the JVM writes the file only as it exits: one some minutes old was left by a run that was killed
    find "$cds_dir" -maxdepth 1 -name ".$cds_command.jsa.*" -mmin +10 -delete 2>/dev/null || true
    cds_training="$cds_dir/.$cds_command.jsa.$$"
    cds_option="-XX:ArchiveClassesAtExit=$cds_training"
    # the JVM warns about each class it cannot archive (signed jars, old class files): not worth a line
    cds_log='-Xlog:cds*=error'
  fi
}

# cds_finish <exit status>: puts the archive in place (one rename, never half-written) when the run did its
# work (the conferencing agent configured: 75, or stopped: SIGINT, SIGTERM; the simulator done: 0), else
# removes it
cds_finish() {
  [ -n "$cds_training" ] || return 0
  case "$cds_command:$1" in
    conferencing-agent:75|conferencing-agent:130|conferencing-agent:143|simulate:0)
      if [ -s "$cds_training" ]; then mv -f "$cds_training" "$cds_archive" || true; fi ;;
  esac
  rm -f "$cds_training"
}
