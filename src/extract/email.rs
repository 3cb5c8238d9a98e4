//! stub
use super::{sniff::Encoding, Ctx, ExtractError, Names};
/// e
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    b: &[u8],
    enc: Encoding,
) -> Result<(), ExtractError> {
    let _ = names;
    super::text::scan_bytes(ctx, b, enc)
}
