"""The bundle's build files, checked without building it (a build takes a minute: packaging/build.sh).

What can break quietly is checked here: the Qt plugin allowlist (a plugin the app
needs dropped, or GTK let back in), the data folders' places in the bundle, the
modules excluded, the stock runtime hook removed, and the scripts' syntax.
packaging/smoke.sh runs the built bundle itself.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import medialit
from medialit.core import paths

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(path: Path) -> ModuleType:
    """A packaging module by path: packaging/ is not a package (and `packaging` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(f"_medialit_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qt_filter = load(PACKAGING / "hooks" / "medialit_qt_filter.py")
config = load(PACKAGING / "bundle_config.py")


@pytest.mark.parametrize("script", ["build.sh", "smoke.sh"])
def test_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = PACKAGING / script
    subprocess.run(["bash", "-n", str(path)], check=True)
    assert os.access(path, os.X_OK), f"{script} is not executable"


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("libqxcb.so", "PySide6/Qt/plugins/platforms"),
        ("libqwayland.so", "PySide6/Qt/plugins/platforms"),
        ("libqoffscreen.so", "PySide6/Qt/plugins/platforms"),
        ("qwindows.dll", "PySide6\\plugins\\platforms"),
        ("libqcocoa.dylib", "PySide6/Qt/plugins/platforms"),
        ("libqsvg.so", "PySide6/Qt/plugins/imageformats"),
        ("libqsvgicon.so", "PySide6/Qt/plugins/iconengines"),
        ("libibusplatforminputcontextplugin.so", "PySide6/Qt/plugins/platforminputcontexts"),
        ("libxdg-shell.so", "PySide6/Qt/plugins/wayland-shell-integration"),
        ("qmodernwindowsstyle.dll", "PySide6\\plugins\\styles"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib"),  # not a plugin: never filtered
        ("libcrypto.so.3", "."),
    ],
)
def test_kept(name: str, folder: str) -> None:
    assert qt_filter.keep_binary(f"/site/{name}", folder)


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("libqgtk3.so", "PySide6/Qt/plugins/platformthemes"),  # ~25 MB of GTK, cairo, pango
        ("libqxdgdesktopportal.so", "PySide6/Qt/plugins/platformthemes"),
        ("libqeglfs.so", "PySide6/Qt/plugins/platforms"),
        ("libqvnc.so", "PySide6/Qt/plugins/platforms"),
        ("qdirect2d.dll", "PySide6\\plugins\\platforms"),
        ("libqjpeg.so", "PySide6/Qt/plugins/imageformats"),
        ("libqtvirtualkeyboardplugin.so", "PySide6/Qt/plugins/platforminputcontexts"),
        ("libqevdevmouseplugin.so", "PySide6/Qt/plugins/generic"),
        ("libqxcb-glx-integration.so", "PySide6/Qt/plugins/xcbglintegrations"),
        ("libqopensslbackend.so", "PySide6/Qt/plugins/tls"),
    ],
)
def test_dropped(name: str, folder: str) -> None:
    assert not qt_filter.keep_binary(f"/site/{name}", folder)


def wheel_plugins() -> list[Path]:
    import PySide6

    root = Path(PySide6.__file__).parent / "Qt" / "plugins"
    return sorted(p for p in root.rglob("*.so") if p.is_file())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux wheel's plugins")
def test_what_the_allowlist_keeps_of_the_installed_wheel() -> None:
    """All the plugins the app needs exist under these names in the PySide6 we pin."""
    kept = {
        p.relative_to(p.parents[1]).as_posix()
        for p in wheel_plugins()
        if qt_filter.keep_binary(str(p), f"PySide6/Qt/plugins/{p.parent.name}")
    }
    assert kept == {
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "wayland-shell-integration/libxdg-shell.so",
        "wayland-decoration-client/libbradient.so",
        "wayland-decoration-client/libadwaita.so",
    }


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs readelf (binutils)")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF plugins")
def test_no_kept_plugin_links_gtk() -> None:
    for plugin in wheel_plugins():
        if not qt_filter.keep_binary(str(plugin), f"PySide6/Qt/plugins/{plugin.parent.name}"):
            continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(plugin)], capture_output=True, text=True, check=True
        ).stdout
        assert "NEEDED" in dynamic
        for lib in ("libgtk", "libgdk", "libcairo", "libpango"):
            assert lib not in dynamic, f"{plugin.name} links {lib}"


def test_qt_translations_are_told_apart() -> None:
    assert qt_filter.is_qt_translation("PySide6/Qt/translations")
    assert qt_filter.is_qt_translation("PySide6\\translations")
    assert not qt_filter.is_qt_translation("medialit/_data/lessons")


def test_data_goes_where_an_installed_medialit_reads_it() -> None:
    places = dict((target, Path(source)) for source, target in config.wheel_data(ROOT))
    assert set(places) == {
        "medialit/_data/lessons",
        "medialit/_data/seeds",
        "medialit/_data/resources",
    }
    for target, source in places.items():
        assert source.is_dir()
        assert source.name == target.rsplit("/", 1)[1]
    # paths.py, installed, reads <package>/_data/<name>: the same names.
    assert {paths.lessons_dir().name, paths.seeds_dir().name, paths.resources_dir().name} == {
        "lessons",
        "seeds",
        "resources",
    }


def imports_in_src() -> dict[str, dict[str, bool]]:
    """Module imported -> {file under src/medialit importing it: imported at module level}."""
    found: dict[str, dict[str, bool]] = {}
    for path in (ROOT / "src" / "medialit").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        top = {id(node) for node in tree.body}
        where = path.relative_to(ROOT / "src" / "medialit").as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                files = found.setdefault(name, {})
                files[where] = files.get(where, False) or id(node) in top
    return found


def test_no_excluded_module_is_imported_by_the_app() -> None:
    imported = imports_in_src()
    qt = {name for name in imported if name.startswith("PySide6.")}
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= qt
    assert not qt & set(config.excludes("linux"))
    for platform in ("win32", "darwin"):  # there, only what a reader on AT-SPI needs is left out
        assert qt & set(config.excludes(platform)) == set(config.AT_SPI_ONLY)
    # ... and it is imported by gui.atspi_echo alone, which gui.announce imports only when a
    # reader is on AT-SPI (inside a function: tests/gui/test_heard_results.py runs it)
    assert set(imported["PySide6.QtDBus"]) == {"gui/atspi_echo.py"}
    assert imported["medialit.gui.atspi_echo"] == {"gui/announce.py": False}


def test_the_stock_pyside6_runtime_hook_is_taken_out() -> None:
    scripts = [
        ("pyi_rth_inspect", "/x/pyi_rth_inspect.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "/x/pyi_rth_pyside6.py", "PYSOURCE"),
        ("pyi_rth_medialit_qt", "/p/pyi_rth_medialit_qt.py", "PYSOURCE"),
        ("__main__", "/src/medialit/__main__.py", "PYSOURCE"),
    ]
    assert [name for name, _, _ in config.without_stock_qt_rthook(scripts)] == [
        "pyi_rth_inspect",
        "pyi_rth_medialit_qt",
        "__main__",
    ]
    with pytest.raises(SystemExit, match="pyi_rth_pyside6 is not among"):
        config.without_stock_qt_rthook([s for s in scripts if s[0] != "pyi_rth_pyside6"])


def test_the_spec_uses_the_hooks_the_excludes_and_our_runtime_hook() -> None:
    spec = (PACKAGING / "medialit.spec").read_text("utf-8")
    ast.parse(spec)
    for needed in (
        'hookspath=[str(PACKAGING / "hooks")]',
        "excludes=bundle_config.EXCLUDES",
        '"pyi_rth_medialit_qt.py"',
        "a.scripts = bundle_config.without_stock_qt_rthook(a.scripts)",
        "datas=bundle_config.wheel_data(ROOT)",
    ):
        assert needed in spec
    assert (PACKAGING / "rthooks" / "pyi_rth_medialit_qt.py").is_file()
    for module in ("QtCore", "QtGui", "QtWidgets"):
        hook = (PACKAGING / "hooks" / f"hook-PySide6.{module}.py").read_text("utf-8")
        assert "binaries = only_kept(binaries)" in hook


def test_the_version_is_read_from_the_package() -> None:
    assert config.version(ROOT) == medialit.__version__


def workflow_jobs() -> dict[str, str]:
    """release.yml's jobs, each as its text (two-space-indented keys under `jobs:`)."""
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text("utf-8")
    jobs_text = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([a-z][\w-]*):\n", jobs_text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_release_build_runs_the_smoke_test_on_its_runner() -> None:
    jobs = workflow_jobs()
    assert "ubuntu-22.04" in jobs["linux"]  # the oldest base: glibc 2.35
    for name in ("linux", "windows", "macos"):
        build = jobs[name].index("run: packaging/build.sh")
        smoke = jobs[name].index("packaging/smoke.sh dist/medialit")
        assert build < smoke, name
    assert "macos-15-intel" in jobs["macos"] and "macos-14" in jobs["macos"]


def test_signing_steps_are_there_and_skipped_without_secrets() -> None:
    jobs = workflow_jobs()
    for name, secret in (
        ("linux", "RELEASE_GPG_KEY"),
        ("windows", "WINDOWS_CERT_PFX"),
        ("macos", "MACOS_CERT_P12"),
    ):
        steps = re.findall(r"- name: (?:Sign|Notarise)[^\n]*\n\s+if: ([^\n]+)", jobs[name])
        assert steps, f"{name} has no signing step"
        assert all(condition.startswith("env.HAS_") for condition in steps), steps
        assert f"secrets.{secret} != ''" in jobs[name]


PROPOSALS = """
import importlib.abc, json, sys
blocked = set(sys.argv[1].split(","))
class Block(importlib.abc.MetaPathFinder):  # the bundle without rapidfuzz's compiled modules
    def find_spec(self, name, path, target=None):
        if name in blocked:
            raise ImportError(name)
        return None
if blocked != {""}:
    sys.meta_path.insert(0, Block())
from medialit.core.gradebook.names import proposals
roster = ["Daniel Okafor", "Zoë Ångström", "Anne Lee", "Dora Missing", "Chidi Okeke", "Lee Ann"]
typed = ["Dan Okafor", "Ann Lee", "Zoe Angstrm", "Dora Mising", "Chidi Okafor", "Okafor Daniel"]
print(json.dumps([[(p.entry_name, p.similarity) for p in proposals(n, roster, roster)]
                  for n in typed]))
import rapidfuzz.fuzz
print(rapidfuzz.fuzz.token_sort_ratio.__module__)
"""


def test_close_roster_names_are_the_same_without_rapidfuzz_compiled_modules() -> None:
    """The bundle leaves out rapidfuzz's compiled scorers (bundle_config.RAPIDFUZZ_COMPILED):
    its pure-Python fallback must propose the same names with the same similarities."""

    def run(blocked: list[str]) -> tuple[object, str]:
        out = subprocess.run(
            [sys.executable, "-c", PROPOSALS, ",".join(blocked)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        ).stdout.splitlines()
        return out[0], out[1]

    compiled, compiled_module = run([])
    pure, pure_module = run(config.RAPIDFUZZ_COMPILED)
    assert "cpp" in compiled_module and pure_module == "rapidfuzz.fuzz_py"
    assert pure == compiled and "Anne Lee" in pure
    assert set(config.RAPIDFUZZ_COMPILED) <= set(config.excludes("linux"))
