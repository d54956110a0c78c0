#!/bin/sh
# Add mapviewer to the desktop's application menu (this user only): run it from the bundle's
# folder, wherever that folder was unpacked. Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/mapviewer.png" "$icons/mapviewer.png"
sed "s|^Exec=mapviewer|Exec=\"$here/mapviewer\"|" "$here/mapviewer.desktop" > "$apps/mapviewer.desktop"
echo "added $apps/mapviewer.desktop"
