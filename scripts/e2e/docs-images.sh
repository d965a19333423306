#!/usr/bin/env bash
# Refreshes the README screenshots in docs/images/ from the last e2e run's .test-artifacts/e2e/*.png
# (1440x900 viewport): crops to the interesting part and reduces to 32 colours (crisp enough for CJK text) to keep the repo small.
# Needs ImageMagick (apt-get install imagemagick). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=.test-artifacts/e2e
im=$(command -v convert-im6.q16 || command -v convert)
mkdir -p docs/images
shrink() { "$im" "$src/$1" -crop "$3" +repage -strip -dither None -colors 32 -define png:compression-level=9 "PNG8:docs/images/$2"; }
shrink 01-workspace-problems.png workspace-problems.png 1440x900+0+0         # no editor open: the Problems panel lists the reports
shrink 02-problems-and-squiggles.png squiggles-problems.png 1094x900+346+0   # editor + Problems panel (no sidebar)
shrink 03-hover-total.png hover-total.png 1094x560+346+0                      # editor with the hover
shrink 09-preview-after-edit.png preview-beside-editor.png 1440x900+0+0      # editor and preview side by side
shrink 06-quick-fix-menu.png quick-fix.png 1094x560+346+0                     # the quick-fix menu
shrink 17-review-finding-opened.png review-vscode.png 1440x900+0+0        # review dashboard; a finding opened beside it
ls -la docs/images
