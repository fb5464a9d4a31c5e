"""Types of the compiled extension ``naqi._naqi`` (re-exported by ``naqi``)."""

from typing import Any, ClassVar, Dict, List, Optional, Tuple, Union

DEFAULT_MAX_INPUT_BYTES: int
DEFAULT_MAX_ELEMENTS: int
DEFAULT_MIN_TEXT_CHARS: int
#: Every rule a `Removal` may name, from the Rust `RemovalRule` enum.
REMOVAL_RULES: Tuple[str, ...]

class NaqiError(Exception):
    """An extraction failed; ``code`` is the Rust ``Error::code()``."""

    code: Optional[str]

class EmptyInputError(NaqiError):
    code: ClassVar[str]  # "EMPTY_INPUT"

class InputTooLargeError(NaqiError):
    code: ClassVar[str]  # "INPUT_TOO_LARGE"

class NotHtmlError(NaqiError):
    code: ClassVar[str]  # "NOT_HTML"

class NoArticleError(NaqiError):
    code: ClassVar[str]  # "NO_ARTICLE"

class InvalidOptionsError(NaqiError):
    code: ClassVar[str]  # "INVALID_OPTIONS"

class Removal:
    """One block removed from the page."""

    @property
    def stage(self) -> str:
        """``"clean"``, ``"related"``, ``"unlikely"`` or ``"postprocess"``."""
    @property
    def kind(self) -> str: ...
    @property
    def rule(self) -> str:
        """The rule that removed the block: one of ``REMOVAL_RULES``."""
    @property
    def label(self) -> Optional[str]: ...
    @property
    def preview(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

class ReadingTime:
    """Estimated reading time in whole minutes."""

    @property
    def min_minutes(self) -> int: ...
    @property
    def max_minutes(self) -> int: ...

class Article:
    """A page's own article, cleaned, with its metadata and the removal report."""

    @property
    def title(self) -> str: ...
    @property
    def byline(self) -> Optional[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def modified(self) -> Optional[str]: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def lang(self) -> Optional[str]: ...
    @property
    def dir(self) -> str: ...
    @property
    def excerpt(self) -> Optional[str]: ...
    @property
    def lead_image(self) -> Optional[str]: ...
    @property
    def canonical_url(self) -> Optional[str]: ...
    @property
    def content_html(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def word_count(self) -> int: ...
    @property
    def reading_time(self) -> ReadingTime: ...
    @property
    def removed(self) -> List[Removal]: ...
    @property
    def removed_kinds(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...

def extract(
    html: Union[str, bytes],
    url: Optional[str] = None,
    *,
    encoding: Optional[str] = None,
    remove_related: bool = True,
    extra_labels: Optional[List[str]] = None,
    keep_images: bool = True,
    max_input_bytes: int = ...,
    max_elements: int = ...,
    min_text_chars: int = ...,
) -> Article:
    """Extract the page's own article; raises a ``NaqiError`` subclass on failure."""

def is_probably_readable(html: Union[str, bytes]) -> bool:
    """A fast check whether the page looks like it holds an article."""
