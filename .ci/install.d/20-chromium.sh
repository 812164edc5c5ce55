# Chromium for the dashboard's browser tests (Playwright for .NET drives /usr/bin/chromium; nothing is downloaded at run time).
ensure_apt chromium
