//! Stage: postprocess (in progress).
