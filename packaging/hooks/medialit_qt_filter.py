"""Which Qt plugins and translations the bundle keeps (used by the hooks beside this file).

PyInstaller's Qt hooks collect every plugin of every type a Qt module can use;
binary analysis then follows each plugin's libraries. The GTK theme plugin alone
brings ~25 MB of GTK, cairo and pango, the eglfs/vnc/evdev plugins more. So the
list is cut here, inside the hooks, before analysis sees the plugins: filtering
the binaries after analysis is too late (their dependencies are already in).

medialit is a Qt Widgets app that draws with the raster engine, shows an SVG
icon and reads text typed through the system's input method. A plugin is named
by its type folder and its file name without "lib" and the suffix, so one list
serves Linux (libqxcb.so), Windows (qwindows.dll) and macOS (libqcocoa.dylib).
"""

from __future__ import annotations

import os

KEEP_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"}),
    "imageformats": frozenset({"qsvg"}),  # the window icon is an SVG
    "iconengines": frozenset({"qsvgicon"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient", "adwaita"}),
}
"""Plugin type -> plugin names kept. A type not listed (platformthemes: GTK;
egldeviceintegrations, generic, xcbglintegrations, tls, ...) is left out whole."""


def plugin_name(path: str) -> tuple[str, str] | None:
    """(type, name) of a Qt plugin file given as a bundle path, or None if it is no plugin."""
    parts = path.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return None
    at = len(parts) - 1 - parts[::-1].index("plugins")
    if at + 2 > len(parts):
        return None
    kind = "/".join(parts[at + 1 : -1])
    name = os.path.splitext(parts[-1])[0]
    if name.startswith("lib"):
        name = name[3:]
    return kind, name


def keep_binary(src: str, dest_dir: str) -> bool:
    """True unless `src` goes into a Qt plugins folder and is not on KEEP_PLUGINS."""
    found = plugin_name(f"{dest_dir}/{os.path.basename(src)}")
    if found is None:
        return True
    kind, name = found
    return name in KEEP_PLUGINS.get(kind, frozenset())


def only_kept(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The hook's (src, dest_dir) binaries without the plugins medialit does not use."""
    return [(src, dest) for src, dest in binaries if keep_binary(src, dest)]


def is_qt_translation(dest_dir: str) -> bool:
    """Qt's own translations: medialit installs no QTranslator, so they are never read."""
    return dest_dir.replace("\\", "/").rstrip("/").endswith("/translations")
