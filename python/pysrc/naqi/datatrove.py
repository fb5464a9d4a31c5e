"""naqi as a datatrove extractor: ``NaqiExtractor`` takes the place of datatrove's
``Trafilatura`` step (``pip install 'naqi[datatrove]'``).

Like every datatrove extractor it replaces each ``Document``'s HTML ``text`` with the
extracted plain text and keeps its ``id`` and ``metadata``; a page without an article is
dropped (counted as ``dropped``), as Trafilatura's empty results are. Extraction runs in
datatrove's sandbox process with its per-document timeout.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from naqi.datatrove import NaqiExtractor

    pipeline = [WarcReader("warcs/"), NaqiExtractor(), JsonlWriter("out/")]
"""

from __future__ import annotations

from typing import Any, List, Optional

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as err:  # pragma: no cover - depends on the installation
    raise ImportError("naqi.datatrove needs datatrove: pip install 'naqi[datatrove]'") from err

import naqi


class NaqiExtractor(BaseExtractor):
    """Extracts each document's own article with naqi, without read-also teasers and
    related lists.

    Args:
        remove_related: remove read-also, related, share, tag and comment blocks.
        extra_labels: more phrases to treat as related-content labels.
        timeout: datatrove's per-document timeout, in seconds.
        **options: any other ``naqi.extract`` option (``min_text_chars``, ...).
    """

    name = "نقي naqi"
    _requires_dependencies: List[Any] = []

    def __init__(
        self,
        remove_related: bool = True,
        extra_labels: Optional[List[str]] = None,
        timeout: float = 1,
        **options: Any,
    ):
        super().__init__(timeout)
        self.options = dict(options, remove_related=remove_related, extra_labels=extra_labels)

    def extract(self, text: str) -> str:
        """The article's plain text, or "" when the page holds none (the document is then
        dropped)."""
        if not text:
            return ""
        try:
            return naqi.extract(text, **self.options).text
        except (naqi.NoArticleError, naqi.EmptyInputError, naqi.NotHtmlError):
            return ""
