//! Stage: dom (in progress).
