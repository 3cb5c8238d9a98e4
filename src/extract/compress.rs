//! stub
use super::{sniff::Kind, Ctx, ExtractError, Names};
/// c
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    kind: Kind,
    r: &mut dyn std::io::Read,
) -> Result<(), ExtractError> {
    let _ = (ctx, names, kind, r);
    Ok(())
}
