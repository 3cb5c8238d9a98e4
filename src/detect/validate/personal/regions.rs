//! Region lists for the mailing-address validators: US state codes and names,
//! Canadian provinces and Australian states (lower case).

pub(super) const US_STATES: &[&str] = &[
    "aa", "ae", "ak", "al", "ap", "ar", "as", "az", "ca", "co", "ct", "dc", "de", "fl", "fm", "ga",
    "gu", "hi", "ia", "id", "il", "in", "ks", "ky", "la", "ma", "md", "me", "mh", "mi", "mn", "mo",
    "mp", "ms", "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr",
    "pw", "ri", "sc", "sd", "tn", "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy",
];

pub(super) const US_STATE_NAMES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "wisconsin",
    "wyoming",
];

pub(super) const US_STATE_NAMES_2: &[(&str, &str)] = &[
    ("new", "hampshire"),
    ("new", "jersey"),
    ("new", "mexico"),
    ("new", "york"),
    ("north", "carolina"),
    ("north", "dakota"),
    ("rhode", "island"),
    ("south", "carolina"),
    ("south", "dakota"),
    ("west", "virginia"),
    ("puerto", "rico"),
];

pub(super) const CA_PROVINCES: &[&str] = &[
    "ab", "bc", "mb", "nb", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yt",
];
pub(super) const AU_STATES: &[&str] = &["act", "nsw", "nt", "qld", "sa", "tas", "vic", "wa"];
