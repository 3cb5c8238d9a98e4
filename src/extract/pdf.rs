//! stub
use super::{Ctx, ExtractError, Names};
/// p
pub fn scan(ctx: &mut Ctx<'_, '_, '_>, names: Names<'_>, b: &[u8]) -> Result<(), ExtractError> {
    let _ = (ctx, names, b);
    Ok(())
}
