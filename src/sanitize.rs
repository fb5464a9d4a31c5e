//! Stage: sanitize (in progress).
