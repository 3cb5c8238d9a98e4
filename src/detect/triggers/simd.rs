//! The few vector operations the loop needs, for SSE2 (16 bytes, the
//! x86_64 baseline) and AVX2 (32 bytes, detected at run time).

use std::arch::x86_64::*;

pub(super) trait Lanes: Copy {
    /// Bytes per vector.
    const W: u32;
    unsafe fn load(p: *const u8) -> Self;
    unsafe fn splat(b: u8) -> Self;
    unsafe fn or(self, o: Self) -> Self;
    unsafe fn add(self, o: Self) -> Self;
    /// Signed byte compare.
    unsafe fn lt(self, o: Self) -> Self;
    unsafe fn eq(self, o: Self) -> Self;
    /// The top bit of each byte.
    unsafe fn mask(self) -> u64;
}

/// A `Lanes` type over one vector type: the intrinsics for each
/// operation and the attributes every method gets.
macro_rules! lanes {
    ($name:ident($v:ty), $w:expr, [$(#[$attr:meta])*],
     $load:ident, $set1:ident, $or:ident, $add:ident, $eq:ident, $mask:ident,
     lt($a:ident, $b:ident) = $lt:expr) => {
        #[derive(Clone, Copy)]
        pub(super) struct $name($v);

        impl Lanes for $name {
            const W: u32 = $w;
            $(#[$attr])*
            unsafe fn load(p: *const u8) -> Self {
                $name($load(p as *const $v))
            }
            $(#[$attr])*
            unsafe fn splat(b: u8) -> Self {
                $name($set1(b as i8))
            }
            $(#[$attr])*
            unsafe fn or(self, o: Self) -> Self {
                $name($or(self.0, o.0))
            }
            $(#[$attr])*
            unsafe fn add(self, o: Self) -> Self {
                $name($add(self.0, o.0))
            }
            $(#[$attr])*
            unsafe fn lt(self, o: Self) -> Self {
                let ($a, $b) = (self.0, o.0);
                $name($lt)
            }
            $(#[$attr])*
            unsafe fn eq(self, o: Self) -> Self {
                $name($eq(self.0, o.0))
            }
            $(#[$attr])*
            unsafe fn mask(self) -> u64 {
                $mask(self.0) as u32 as u64
            }
        }
    };
}

lanes!(Sse2(__m128i), 16, [#[inline(always)]],
    _mm_loadu_si128, _mm_set1_epi8, _mm_or_si128, _mm_add_epi8, _mm_cmpeq_epi8,
    _mm_movemask_epi8, lt(a, b) = _mm_cmplt_epi8(a, b));
// AVX2 has no signed less-than: b > a
lanes!(Avx2(__m256i), 32, [#[inline] #[target_feature(enable = "avx2")]],
    _mm256_loadu_si256, _mm256_set1_epi8, _mm256_or_si256, _mm256_add_epi8,
    _mm256_cmpeq_epi8, _mm256_movemask_epi8, lt(a, b) = _mm256_cmpgt_epi8(b, a));
