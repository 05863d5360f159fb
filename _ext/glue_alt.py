"""A Sphinx extension: alt text for figures glued from another page.

myst-nb renders a figure pasted from another notebook (``{glue}`` with
``:doc:``) as an image without alt text, although it honours the alt text
stored with the output when the figure is shown in its own notebook.
``analysis.views.glue_figure`` stores that text; this extension passes it on.
"""
from __future__ import annotations

from docutils import nodes
from myst_nb.ext.glue import crossref

_generate_any_nodes = crossref.generate_any_nodes


def _with_alt(node, output, priority_list, builder, env):
    result = _generate_any_nodes(node, output, priority_list, builder, env)
    metadata = output.get("metadata") or {}
    alts = [opts.get("alt") for opts in metadata.values() if isinstance(opts, dict) and opts.get("alt")]
    for element in result:
        if isinstance(element, nodes.image) and alts:
            element["alt"] = alts[0]
    return result


def setup(app):
    crossref.generate_any_nodes = _with_alt
    return {"parallel_read_safe": True, "parallel_write_safe": True}
