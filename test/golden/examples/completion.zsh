#compdef okr
# okr completion for zsh. Load it with: source <(okr completion zsh), or save it as _okr in a folder of $fpath.
_okr() {
  local -a commands
  commands=(
    'check:load, validate and lint the OKR files; exit 1 on errors'
    'status:show where every objective stands'
    'diff:what a change does to the OKRs\: added, removed, changed, progress, problems'
    'checkin:record a key result'\''s new value\: set it and append a check-in, keeping the file'\''s layout'
    'measure:read each key result'\''s measure\: (file, url, command) and record the values as check-ins'
    'close:close a cycle\: record closed\: DATE in each of its files, after which its numbers are final'
    'grade:score a cycle'\''s objectives and key results, 0.0-1.0, as of its end'
    'rollover:start cycle TO from FROM\: new files holding the objectives carried over'
    'graph:draw the alignment graph\: objectives, and the KRs others align to'
    'explain:where the progress and status of an objective or key result come from'
    'agenda:the week'\''s agenda per owner\: what moved, what is stale, what is at risk or off track'
    'history:the value of a key result (or the progress of an objective) over time'
    'work:the commits linked to each objective and KR by an "OKR\: <id>" trailer'
    'init:scaffold a repository\: config, strategy, an example OKR file, a CI workflow, editor schemas'
    'report:write a self-contained HTML dashboard of the OKRs'
    'rules:list the rules with their default severity'
    'config:print the configuration okr runs with, defaults filled in'
    'completion:print a shell completion script\: okr completion bash|zsh|fish'
  )
  local state
  _arguments -C '-V[output the version number]' '--version[output the version number]' '-C[run as if okr was started in DIR]:folder:_files -/' '--config[use this config file instead of okr.config.yaml at the root]:file:_files' '--as-of[compute status for this date (YYYY-MM-DD) instead of today]:value: ' '--no-color[no colours (also NO_COLOR; FORCE_COLOR forces them)]' '--cache-location[keep the cache of loaded files in DIR (default\: node_modules/.cache/okr at the root, when the root has node_modules)]:folder:_files -/' '--no-cache[neither read nor write the cache of loaded files]' '-h[show help]' '--help[show help]' '1: :->command' '*:: :->argument'
  case $state in
    command) _describe -t commands 'okr command' commands ;;
    argument)
      case $words[1] in
        check) _arguments '-f[output format]:value:(stylish json sarif github gitlab junit)' '--format[output format]:value:(stylish json sarif github gitlab junit)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--max-warnings[exit 1 when there are more than N warnings (-1\: no limit)]:value: ' '--quiet[report errors only]' '--base[also report goalposts moved since this revision (moved-goalpost)]:value: ' '-h[show help]' '--help[show help]' '*:file:_files' ;;
        status) _arguments '-f[output format]:value:(table json markdown)' '--format[output format]:value:(table json markdown)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--tree[draw the alignment tree from the roots]' '--krs[list key results under each objective]' '--owner[only objectives of this owner (repeatable, comma-separated)]:value: ' '--cycle[only objectives of this cycle (repeatable, comma-separated)]:value: ' '--status[only objectives with this status (repeatable, comma-separated)]:value: ' '--at[the status as it was at this git revision (read from git, not checked out)]:value: ' '-h[show help]' '--help[show help]' ;;
        diff) _arguments '-f[output format]:value:(text markdown json)' '--format[output format]:value:(text markdown json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        checkin) _arguments '--confidence[confidence of reaching the target, 0..1]:value: ' '--note[what happened]:value: ' '--date[day of the check-in, YYYY-MM-DD (default\: --as-of, else today)]:value: ' '--dry-run[print the change as a diff and write nothing]' '-h[show help]' '--help[show help]' ;;
        measure) _arguments '-f[output format]:value:(text json)' '--format[output format]:value:(text json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--date[day of the check-ins, YYYY-MM-DD (default\: --as-of, else today)]:value: ' '--dry-run[print what it would record and write nothing]' '-h[show help]' '--help[show help]' ;;
        close) _arguments '--date[the day it closed, YYYY-MM-DD (default\: --as-of, else today)]:value: ' '-h[show help]' '--help[show help]' ;;
        grade) _arguments '-f[output format]:value:(text markdown json html)' '--format[output format]:value:(text markdown json html)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        rollover) _arguments '--carry[which objectives to carry]:value:(unfinished all none)' '--dry-run[print the files it would write, and write nothing]' '-h[show help]' '--help[show help]' ;;
        graph) _arguments '-f[output format]:value:(mermaid dot)' '--format[output format]:value:(mermaid dot)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--direction[mermaid\: parents on top (BT) or top-down (TD)]:value: ' '--owner[only objectives of this owner (repeatable, comma-separated)]:value: ' '--cycle[only objectives of this cycle (repeatable, comma-separated)]:value: ' '-h[show help]' '--help[show help]' ;;
        explain) _arguments '-f[output format]:value:(text json)' '--format[output format]:value:(text json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        agenda) _arguments '-f[output format]:value:(markdown text json)' '--format[output format]:value:(markdown text json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--since[what moved after this day (default\: 7 days before --as-of)]:value: ' '--link-base[links to lines under this URL (default on GitHub Actions\: the commit built)]:value: ' '-h[show help]' '--help[show help]' ;;
        history) _arguments '-f[output format]:value:(text json)' '--format[output format]:value:(text json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        work) _arguments '-f[output format]:value:(text json markdown)' '--format[output format]:value:(text json markdown)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--since[only commits from this day (YYYY-MM-DD) or after this revision]:value: ' '--repo[also read this local git repository (repeatable, comma-separated)]:folder:_files -/' '--check-message[warn about trailers of this commit message that name no objective or KR (the commit-msg hook); exit 0]:file:_files' '-h[show help]' '--help[show help]' ;;
        init) _arguments '--force[replace files that already exist]' '--schemas[only refresh the copies of okr'\''s JSON Schemas for the editor]' '--measure[only write the weekly okr measure workflow (okr-measure.yml)]' '--hooks[only install the commit-msg git hook that warns about unknown "OKR\:" trailers]' '-h[show help]' '--help[show help]' ;;
        report) _arguments '-f[output format]:value:(html)' '--format[output format]:value:(html)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        rules) _arguments '-f[output format]:value:(text json)' '--format[output format]:value:(text json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        config) _arguments '-f[output format]:value:(yaml json)' '--format[output format]:value:(yaml json)' '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' ;;
        completion) _arguments '-o[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '--output[write to FILE instead of stdout (atomically; its folder must exist)]:file:_files' '-h[show help]' '--help[show help]' '1:completion:(bash zsh fish)' ;;
      esac
      ;;
  esac
}
if [[ "${funcstack[1]}" == "_okr" ]]; then
  _okr "$@"
else
  compdef _okr okr
fi
