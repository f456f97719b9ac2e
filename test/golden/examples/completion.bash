# okr completion for bash. Load it with: source <(okr completion bash)
_okr() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      -C|--config|--as-of|--cache-location) ((i++)) ;;
      -*) ;;
      *) command="${COMP_WORDS[i]}"; break ;;
    esac
  done
  COMPREPLY=()
  case "$command" in
    "")
      case "$prev" in
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      COMPREPLY=($(compgen -W "check status diff checkin measure close grade rollover graph explain agenda history work init report rules config completion -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    check)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "stylish json sarif github gitlab junit" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --max-warnings) return;;
        --base) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --max-warnings --quiet --base -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    status)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "table json markdown" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --owner) return;;
        --cycle) return;;
        --status) return;;
        --at) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --tree --krs --owner --cycle --status --at -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    diff)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    checkin)
      case "$prev" in
        --confidence) return;;
        --note) return;;
        --date) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--confidence --note --date --dry-run -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    measure)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --date) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --date --dry-run -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    close)
      case "$prev" in
        --date) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--date -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    grade)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text markdown json html" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    rollover)
      case "$prev" in
        --carry) COMPREPLY=($(compgen -W "unfinished all none" -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--carry --dry-run -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    graph)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "mermaid dot" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --direction) return;;
        --owner) return;;
        --cycle) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --direction --owner --cycle -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    explain)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    agenda)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "markdown text json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --since) return;;
        --link-base) return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --since --link-base -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    history)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    work)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --since) return;;
        --repo) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --check-message) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output --since --repo --check-message -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    init)
      case "$prev" in
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "--force --schemas --measure --hooks -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    report)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "html" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    rules)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    config)
      case "$prev" in
        -f|--format) COMPREPLY=($(compgen -W "yaml json" -- "$cur")); return;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-f --format -o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
    completion)
      case "$prev" in
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return;;
        -C) COMPREPLY=($(compgen -d -- "$cur")); return;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); return;;
        --as-of) return;;
        --cache-location) COMPREPLY=($(compgen -d -- "$cur")); return;;
      esac
      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return; }
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "-o --output -h --help -V --version -C --config --as-of --no-color --cache-location --no-cache -h --help" -- "$cur"))
      ;;
  esac
}
complete -o default -F _okr okr
