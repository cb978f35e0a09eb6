#!/usr/bin/env bash
# po-complete.sh: every translatable string of the sources listed in
# po/POTFILES.in has a Dutch translation in po/nl.po (not fuzzy, not empty),
# and every source file with gettext calls is listed there.
#
#   po-complete.sh SOURCE_ROOT
set -euo pipefail
root=$1
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Sources that mark strings but are missing from POTFILES.in.
missing=()
while IFS= read -r f; do
  grep -qxF "$f" <(grep -v '^#' po/POTFILES.in) || missing+=("$f")
done < <(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"' app --include='*.c' | sort)
while IFS= read -r f; do
  grep -qxF "$f" <(grep -v '^#' po/POTFILES.in) || missing+=("$f")
done < <(grep -rl 'translatable="yes"' resources --include='*.ui' | sort)
if [ ${#missing[@]} -gt 0 ]; then
  echo "po-complete: not in po/POTFILES.in: ${missing[*]}" >&2
  exit 1
fi

# The same keywords as meson's glib preset.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --directory="$root" --files-from=<(grep -v '^#' po/POTFILES.in | grep -v '^$') \
  --output="$tmp/helder.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log" >&2; exit 1; }

msgfmt --check -o /dev/null po/nl.po
if ! msgcmp po/nl.po "$tmp/helder.pot" 2>"$tmp/msgcmp.log"; then
  echo "po-complete: po/nl.po lacks Dutch for these strings (add them, see README):" >&2
  sed -n 's/^.*helder\.pot:\([0-9]*\): this message is used but not defined.*/\1/p' "$tmp/msgcmp.log" |
    while read -r n; do sed -n "1,${n}p" "$tmp/helder.pot" | grep "^msgid" | tail -n 1; done | head -80 >&2
  exit 1
fi
stats=$(msgfmt --statistics -o /dev/null po/nl.po 2>&1)
case "$stats" in
  *fuzzy*|*untranslated*) echo "po-complete: $stats" >&2; exit 1 ;;
esac
echo "po-complete: $stats"
