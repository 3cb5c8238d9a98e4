//! stub
use super::{
    sniff::{Encoding, Markup},
    Ctx, ExtractError,
};
/// m
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    b: &[u8],
    enc: Encoding,
    m: Markup,
) -> Result<(), ExtractError> {
    let _ = m;
    super::text::scan_bytes(ctx, b, enc)
}
