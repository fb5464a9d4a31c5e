//! Stage: related (in progress).
