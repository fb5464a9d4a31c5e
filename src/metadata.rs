//! Stage: metadata (in progress).
