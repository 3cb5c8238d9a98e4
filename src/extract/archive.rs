//! stub
use super::{Ctx, ExtractError, Names};
/// zip
pub fn scan_zip(ctx: &mut Ctx<'_, '_, '_>, names: Names<'_>, b: &[u8]) -> Result<(), ExtractError> {
    let _ = (ctx, names, b);
    Ok(())
}
/// tar
pub fn scan_tar(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    r: &mut dyn std::io::Read,
) -> Result<(), ExtractError> {
    let _ = (ctx, names, r);
    Ok(())
}
