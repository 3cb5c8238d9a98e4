//! stub
use super::{Ctx, ExtractError};
/// p
pub fn scan_parquet(ctx: &mut Ctx<'_, '_, '_>, b: &[u8]) -> Result<(), ExtractError> {
    let _ = (ctx, b);
    Ok(())
}
/// a
pub fn scan_avro(ctx: &mut Ctx<'_, '_, '_>, r: &mut dyn std::io::Read) -> Result<(), ExtractError> {
    let _ = (ctx, r);
    Ok(())
}
