//! Stage: lang (in progress).
