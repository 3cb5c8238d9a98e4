//! Why a catalog failed to compile.

/// A catalog that failed to compile.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A regex did not compile.
    #[error("detector {id}: regex does not compile: {message}")]
    Regex {
        /// Detector id.
        id: String,
        /// Compiler message.
        message: String,
    },
    /// A validator name is unknown.
    #[error("detector {id}: unknown validator {name:?}")]
    Validator {
        /// Detector id.
        id: String,
        /// The name.
        name: String,
    },
    /// A prefilter name is unknown.
    #[error("detector {id}: unknown prefilter {name:?} (email, ipv4, ipv6 or card)")]
    Prefilter {
        /// Detector id.
        id: String,
        /// The name.
        name: String,
    },
    /// A window anchor name is unknown.
    #[error("detector {id}: unknown window_anchor {name:?} (postcode)")]
    Anchor {
        /// Detector id.
        id: String,
        /// The name.
        name: String,
    },
    /// Automaton construction failed.
    #[error("building automaton: {0}")]
    Automaton(String),
}
