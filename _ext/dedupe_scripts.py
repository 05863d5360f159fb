"""A Sphinx extension that writes each script into a page once.

Sphinx 7.4 adds inline scripts registered by extensions after the builder
starts a second time when it writes each page (Jupyter Book 1.x needs Sphinx
7). The duplicate of sphinx-thebe's ``const THEBE_JS_URL = ...`` then fails
with "Identifier 'THEBE_JS_URL' has already been declared" in the browser
console, which the browser check (``make check-browser``) reports.
"""
from __future__ import annotations


def _dedupe(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen = set()
    unique = []
    for script in scripts:
        attrs = getattr(script, "attributes", {})
        key = (getattr(script, "filename", None) or "", attrs.get("body"), attrs.get("src"))  # None and "" alike
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    scripts[:] = unique


def setup(app):
    app.connect("html-page-context", _dedupe, priority=999)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
