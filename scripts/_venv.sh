# Sourced by scripts/test and scripts/demo: create .venv on first use, install the
# project into it (quietly, only when pyproject.toml or the set of files changed) and put
# it first on PATH.
#
# The editable install is setuptools' `strict` mode: a link tree (build/__editable__...)
# on a static .pth path entry. mypy and pyright in another project see it, and the linked
# generated package (ionq_facade/_generated -> generated/) imports; the default mode's import
# hook is invisible to type checkers. A link tree does not show files added later, so the
# stamp covers the file list too (tests/contract/test_editable_install.py).
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
files=$( { cat pyproject.toml; git ls-files ionq_facade ionq_cli ionq_emulator generated 2>/dev/null; } | sha1sum | cut -c1-12)
stamp=.venv/.installed-$files
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    --config-settings editable_mode=strict -e '.[dev]'
  rm -f .venv/.installed-* && touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
